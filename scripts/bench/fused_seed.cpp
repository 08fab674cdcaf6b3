// The seed workload through ramba's planner and VM (one fused kernel, only D written), timed against
// the hand-written reference (seed_reference.cpp, built with the flags in its header) and numpy in
// the same run. Build: cmake --build <build> --target ramba_fused_bench;
// run: <build>/engine/vm/ramba_fused_bench N [path/to/seed_reference]. Threads: RAMBA_NUM_THREADS.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "engine/planner/node.hpp"

using namespace ramba;
using namespace ramba::engine::planner;
using engine::DType;
using engine::NDArray;
using vm::OpCode;

namespace {

NodePtr constant(DType dtype, double value)
{
    NDArray a = NDArray::empty(DType::Float64, {});
    std::memcpy(a.data(), &value, sizeof value);
    if (dtype == DType::Int64) {
        NDArray i = NDArray::empty(DType::Int64, {});
        int64_t v = static_cast<int64_t>(value);
        std::memcpy(i.data(), &v, sizeof v);
        return array_node(i);
    }
    return array_node(a);
}

double run_command(const std::string& command)
{
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return NAN;
    double seconds = NAN;
    if (std::fscanf(pipe, "%lf", &seconds) != 1)
        seconds = NAN;
    pclose(pipe);
    return seconds;
}

} // namespace

int main(int argc, char** argv)
{
    long n = argc > 1 ? std::atol(argv[1]) : 10000000;
    std::string reference = argc > 2 ? argv[2] : "";
    double best = 1e30;
    double first = 0, total = 0;
    for (int repeat = 0; repeat < 3; ++repeat) {
        auto t0 = std::chrono::steady_clock::now();
        NodePtr a = elementwise_node(OpCode::TrueDivide, { arange_node(0, 1, n, DType::Int64), constant(DType::Float64, 1000.0) });
        NodePtr b = elementwise_node(OpCode::Sin, { a });
        NodePtr c = elementwise_node(OpCode::Cos, { a });
        NodePtr d = elementwise_node(OpCode::Add, { elementwise_node(OpCode::Multiply, { b, b }),
                                                    elementwise_node(OpCode::Power, { c, constant(DType::Int64, 2) }) });
        NDArray result = evaluate(d);
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        first = reinterpret_cast<const double*>(result.data())[0];
        total = 0;
        for (long i = 0; i < n; ++i) total += reinterpret_cast<const double*>(result.data())[i];
    }
    double numpy = run_command("/usr/bin/python3 -c \"import numpy as np, time\nbest = 1e30\nfor _ in range(3):\n"
                               "    t0 = time.perf_counter(); A = np.arange(" + std::to_string(n) + ") / 1000.0; B = np.sin(A); "
                               "C = np.cos(A); D = B*B + C**2; best = min(best, time.perf_counter() - t0)\nprint(best)\"");
    double hand = reference.empty() ? NAN : run_command(reference + " " + std::to_string(n) + " 3 2>/dev/null");
    std::printf("seed N=%ld threads=%d: ramba %.4f s, numpy %.4f s, C++ reference %.4f s; numpy/ramba %.2fx, ramba/reference %.2fx"
                " (D[0]=%g, sum=%.1f)\n",
        n, vm::num_threads(), best, numpy, hand, numpy / best, best / hand, first, total);
    return 0;
}
