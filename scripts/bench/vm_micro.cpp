// Micro benchmark of the VM's eager executor against numpy: sin, exp, add and sum over 1e7 float64,
// ramba on 1 and 2 threads, numpy (/usr/bin/python3, single-threaded) timed in the same run.
// Build: cmake --build <build> --target ramba_vm_bench; run: <build>/engine/vm/ramba_vm_bench [N].
// Prints one line per op: seconds (best of 5) and numpy/ramba ratios.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <string>

#include "engine/vm/ufunc.hpp"

using namespace ramba;
using engine::DType;
using engine::NDArray;

namespace {

double best_of(int repeats, const std::function<void()>& f)
{
    double best = 1e30;
    for (int r = 0; r < repeats; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        f();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    return best;
}

double numpy_time(const char* expression, long n)
{
    std::string command = "/usr/bin/python3 -c \"import numpy as np, timeit; a = np.arange(" + std::to_string(n)
        + ") / 1000.0; b = a * 0.5; print(min(timeit.repeat(lambda: " + expression + ", number=1, repeat=5)))\"";
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
    NDArray a = NDArray::empty(DType::Float64, { n });
    NDArray b = NDArray::empty(DType::Float64, { n });
    auto* pa = reinterpret_cast<double*>(a.data());
    auto* pb = reinterpret_cast<double*>(b.data());
    for (long i = 0; i < n; ++i) {
        pa[i] = i / 1000.0;
        pb[i] = pa[i] * 0.5;
    }
    NDArray scale = NDArray::empty(DType::Float64, {});
    double ten_thousand = 1e4;
    std::memcpy(scale.data(), &ten_thousand, sizeof(double));
    struct Case {
        const char* name;
        const char* numpy;
        std::function<void()> run;
    };
    Case cases[] = {
        { "sin", "np.sin(a)", [&] { vm::apply(vm::OpCode::Sin, a); } },
        { "exp", "np.exp(b / 1e4)", [&] { vm::apply(vm::OpCode::Exp, vm::apply(vm::OpCode::TrueDivide, b, scale)); } },
        { "add", "a + b", [&] { vm::apply(vm::OpCode::Add, a, b); } },
        { "sum", "a.sum()", [&] { vm::reduce(vm::ReduceOp::Sum, a, std::nullopt); } },
    };
    std::printf("%-6s %12s %12s %12s %10s %10s\n", "op", "ramba-1t", "ramba-2t", "numpy", "np/1t", "np/2t");
    for (auto& c : cases) {
        vm::set_num_threads(1);
        double one = best_of(5, c.run);
        vm::set_num_threads(2);
        double two = best_of(5, c.run);
        double numpy = numpy_time(c.numpy, n);
        std::printf("%-6s %12.4f %12.4f %12.4f %10.2f %10.2f\n", c.name, one, two, numpy, numpy / one, numpy / two);
    }
    return 0;
}
