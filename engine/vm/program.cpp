// The register-program interpreter: per thread, one block buffer per register; per block, the
// instructions in order. Loads of contiguous inputs of the right dtype point into the input instead
// of copying; stores of the last register write straight into the output when the loop allows.
#include "engine/vm/program.hpp"

#include <atomic>
#include <cfenv>
#include <cstring>
#include <memory>
#include <omp.h>
#include <sstream>

#include "engine/vm/block.hpp"
#include "engine/vm/cancel.hpp"
#include "engine/vm/pairwise.hpp"
#include "engine/vm/scalar_ops.hpp"
#include "engine/vm/ufunc.hpp"
#include "engine/vm/vector_math.hpp"
#include "interpreter/errors/error.hpp"

namespace ramba::vm {

using namespace engine;

namespace {

// 8192 elements per block: numpy's reduction buffer size, so fused sums add the same pairwise
// partials in the same order as numpy (and as vm::reduce).
constexpr int64_t program_block = 8192;

struct Plans {
    std::vector<BlockPlan> loads;   // one single-operand plan per Load
    std::vector<BlockPlan> stores;  // one per Store
};

template<typename T>
T fold_block(ProgramReduce reduce, const T* p, int64_t n)
{
    if constexpr (std::is_floating_point_v<T>) {
        if (reduce == ProgramReduce::Sum)
            return pairwise_sum_contiguous<T>(p, n);
    }
    T acc = reduce == ProgramReduce::Sum ? T(0) : reduce == ProgramReduce::Prod ? T(1) : p[0];
    for (int64_t i = 0; i < n; ++i) {
        switch (reduce) {
        case ProgramReduce::Sum: acc = scalar::add(acc, p[i]); break;
        case ProgramReduce::Prod: acc = scalar::multiply(acc, p[i]); break;
        case ProgramReduce::Min: acc = scalar::minimum(acc, p[i]); break;
        case ProgramReduce::Max: acc = scalar::maximum(acc, p[i]); break;
        }
    }
    return acc;
}

template<typename T>
T combine(ProgramReduce reduce, T acc, T x)
{
    switch (reduce) {
    case ProgramReduce::Sum: return scalar::add(acc, x);
    case ProgramReduce::Prod: return scalar::multiply(acc, x);
    case ProgramReduce::Min: return scalar::minimum(acc, x);
    case ProgramReduce::Max: return scalar::maximum(acc, x);
    }
    return acc;
}

} // namespace

void run_program(const Program& program)
{
    int64_t total = 1;
    for (auto extent : program.shape)
        total *= extent;
    NDArray space = NDArray::empty(DType::Float64, {}); // a descriptor of the iteration space for planning
    space.shape = program.shape;
    space.strides = c_strides(program.shape, 8);

    // Per Load / Store: how to move data between arrays and block registers.
    std::vector<BlockPlan> load_plans(program.code.size()), store_plans(program.code.size());
    std::vector<int> reduce_slots(program.code.size(), -1);
    int reduce_count = 0;
    for (size_t i = 0; i < program.code.size(); ++i) {
        auto& instruction = program.code[i];
        if (instruction.kind == InstructionKind::Load) {
            DType to = program.registers[instruction.target];
            NDArray out = space;
            out.dtype = to;
            out.strides = c_strides(program.shape, dtype_itemsize(to));
            out.buffer = nullptr;
            load_plans[i] = plan_blocks(std::span<const NDArray>(&program.inputs[instruction.index], 1), out, &to, to);
        } else if (instruction.kind == InstructionKind::Store) {
            DType from = program.registers[instruction.operands[0]];
            load_plans[i] = {};
            store_plans[i] = plan_blocks({}, program.outputs[instruction.index], nullptr, from);
        } else if (instruction.kind == InstructionKind::Reduce) {
            reduce_slots[i] = reduce_count++;
        }
    }

    int64_t blocks = (total + program_block - 1) / program_block;
    int threads = total >= parallel_min_elements ? num_threads() : 1;
    // Per block and reduction: the block's partial, combined in block order afterwards.
    std::vector<std::vector<std::byte>> partials(reduce_count);
    for (size_t i = 0; i < program.code.size(); ++i) {
        if (reduce_slots[i] >= 0)
            partials[reduce_slots[i]].resize(blocks * 16);
    }
    std::atomic<int> flags { 0 };
    std::atomic<bool> cancelled { false };
    bool use_vector = total >= vector_math_min_elements && vector_math_available();

#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        std::feclearexcept(FE_ALL_EXCEPT);
        size_t register_count = program.registers.size();
        std::byte* aligned = thread_scratch(register_count * program_block * 16);
        std::vector<std::byte*> own(register_count), current(register_count);
        for (size_t r = 0; r < register_count; ++r)
            own[r] = aligned + r * program_block * 16;
        std::vector<bool> constant_ready(program.code.size(), false);

#pragma omp for schedule(static)
        for (int64_t b = 0; b < blocks; ++b) {
            if (cancel_requested()) [[unlikely]] {
                cancelled.store(true, std::memory_order_relaxed);
                continue; // an `omp for` cannot break; the blocks left cost one flag read each
            }
            int64_t start = b * program_block;
            int64_t n = std::min(program_block, total - start);
            for (size_t i = 0; i < program.code.size(); ++i) {
                auto& instruction = program.code[i];
                switch (instruction.kind) {
                case InstructionKind::Load: {
                    auto& operand = load_plans[i].inputs[0];
                    auto& plan = load_plans[i];
                    if (operand.kind == OperandPlan::Kind::Direct) {
                        current[instruction.target] = operand.data + start * static_cast<int64_t>(dtype_itemsize(operand.from));
                    } else if (operand.kind == OperandPlan::Kind::Scalar) {
                        if (!constant_ready[i]) {
                            operand.convert(operand.data, 0, own[instruction.target], dtype_itemsize(operand.to),
                                std::min(program_block, total));
                            constant_ready[i] = true;
                        }
                        current[instruction.target] = own[instruction.target];
                    } else {
                        gather(operand, plan.shape, start, n, own[instruction.target]);
                        current[instruction.target] = own[instruction.target];
                    }
                    break;
                }
                case InstructionKind::Constant: {
                    if (!constant_ready[i]) {
                        auto& constant = program.constants[instruction.index];
                        DType to = program.registers[instruction.target];
                        convert_fn(constant.dtype, to)(constant.data(), 0, own[instruction.target], dtype_itemsize(to),
                            std::min(program_block, total));
                        constant_ready[i] = true;
                    }
                    current[instruction.target] = own[instruction.target];
                    break;
                }
                case InstructionKind::Iota: {
                    std::byte* target = own[instruction.target];
                    dispatch_dtype(program.registers[instruction.target], [&]<typename T>() {
                        if constexpr (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) {
                            auto* p = reinterpret_cast<T*>(target);
                            // numpy's arange: start + i * step, computed in the result dtype.
                            T first = static_cast<T>(instruction.start), delta = static_cast<T>(instruction.step);
#pragma omp simd
                            for (int64_t k = 0; k < n; ++k)
                                p[k] = static_cast<T>(first + static_cast<T>(start + k) * delta);
                        } else {
                            RAMBA_ASSERT(false, "iota registers are integer or float");
                        }
                    });
                    current[instruction.target] = target;
                    break;
                }
                case InstructionKind::Apply: {
                    const void* inputs[max_arity] {};
                    for (int k = 0; k < instruction.operand_count; ++k)
                        inputs[k] = current[instruction.operands[k]];
                    KernelFn kernel = use_vector && instruction.loop->vector_kernel ? instruction.loop->vector_kernel
                                                                                    : instruction.loop->kernel;
                    std::byte* destination = own[instruction.target];
                    // OPTIMIZATION: the last op of a stored chain writes into the output itself.
                    if (instruction.direct_store >= 0) {
                        auto& output = store_plans[instruction.direct_store].output;
                        if (output.kind == OperandPlan::Kind::Direct && output.from == program.registers[instruction.target])
                            destination = output.data + start * static_cast<int64_t>(dtype_itemsize(output.from));
                    }
                    kernel(inputs, destination, n);
                    current[instruction.target] = destination;
                    break;
                }
                case InstructionKind::Cast: {
                    DType from = program.registers[instruction.operands[0]];
                    DType to = program.registers[instruction.target];
                    convert_fn(from, to)(current[instruction.operands[0]], dtype_itemsize(from), own[instruction.target],
                        dtype_itemsize(to), n);
                    current[instruction.target] = own[instruction.target];
                    break;
                }
                case InstructionKind::Store: {
                    auto& output = store_plans[i].output;
                    const std::byte* source = current[instruction.operands[0]];
                    if (output.kind == OperandPlan::Kind::Direct) {
                        std::byte* destination = output.data + start * static_cast<int64_t>(dtype_itemsize(output.from));
                        if (destination != source)
                            std::memcpy(destination, source, n * dtype_itemsize(output.from));
                    } else {
                        scatter(output, store_plans[i].shape, start, n, source);
                    }
                    break;
                }
                case InstructionKind::Reduce: {
                    DType dtype = program.registers[instruction.operands[0]];
                    std::byte* slot = partials[reduce_slots[i]].data() + b * 16;
                    const std::byte* source = current[instruction.operands[0]];
                    dispatch_dtype(dtype, [&]<typename T>() {
                        if constexpr (std::is_arithmetic_v<T>) {
                            T value = fold_block<T>(instruction.reduce, reinterpret_cast<const T*>(source), n);
                            std::memcpy(slot, &value, sizeof(T));
                        } else {
                            RAMBA_ASSERT(false, "fused reductions are over real dtypes");
                        }
                    });
                    break;
                }
                }
            }
        }
        int raised = std::fetestexcept(FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW);
        if (raised)
            flags.fetch_or(raised, std::memory_order_relaxed);
    }
    if (cancelled.load())
        throw_cancelled();

    for (size_t i = 0; i < program.code.size(); ++i) {
        auto& instruction = program.code[i];
        if (instruction.kind != InstructionKind::Reduce)
            continue;
        DType dtype = program.registers[instruction.operands[0]];
        auto& output = program.outputs[instruction.index];
        const std::byte* partial = partials[reduce_slots[i]].data();
        dispatch_dtype(dtype, [&]<typename T>() {
            if constexpr (std::is_arithmetic_v<T>) {
                T acc = instruction.reduce == ProgramReduce::Sum ? T(0) : instruction.reduce == ProgramReduce::Prod ? T(1) : T {};
                for (int64_t b = 0; b < blocks; ++b) {
                    T x;
                    std::memcpy(&x, partial + b * 16, sizeof(T));
                    acc = (b == 0 && (instruction.reduce == ProgramReduce::Min || instruction.reduce == ProgramReduce::Max))
                        ? x
                        : combine<T>(instruction.reduce, acc, x);
                }
                convert_fn(dtype, output.dtype)(reinterpret_cast<const std::byte*>(&acc), 0, output.data(), 0, 1);
            }
        });
    }
    int raised = flags.load();
    if (raised & FE_DIVBYZERO)
        record_fp_warning("divide by zero encountered in kernel");
    if (raised & FE_OVERFLOW)
        record_fp_warning("overflow encountered in kernel");
}

std::string describe(const Program& program)
{
    std::ostringstream out;
    out << "kernel over " << shape_to_string(program.shape) << ": " << program.inputs.size() << " inputs, "
        << program.outputs.size() << " outputs, " << program.registers.size() << " registers\n";
    for (auto& instruction : program.code) {
        out << "  ";
        auto reg = [&](int r) {
            std::string text = "r";
            text += std::to_string(r);
            text += ':';
            text += dtype_name(program.registers[r]);
            return text;
        };
        switch (instruction.kind) {
        case InstructionKind::Load:
            out << reg(instruction.target) << " = load in" << instruction.index << " "
                << shape_to_string(program.inputs[instruction.index].shape);
            break;
        case InstructionKind::Iota:
            out << reg(instruction.target) << " = iota start=" << instruction.start << " step=" << instruction.step;
            break;
        case InstructionKind::Constant:
            out << reg(instruction.target) << " = constant c" << instruction.index;
            break;
        case InstructionKind::Apply:
            out << reg(instruction.target) << " = " << op_name(instruction.op);
            for (int k = 0; k < instruction.operand_count; ++k)
                out << (k ? ", " : " ") << "r" << instruction.operands[k];
            break;
        case InstructionKind::Cast:
            out << reg(instruction.target) << " = cast r" << instruction.operands[0];
            break;
        case InstructionKind::Store:
            out << "store r" << instruction.operands[0] << " -> out" << instruction.index;
            break;
        case InstructionKind::Reduce: {
            const char* names[] = { "sum", "prod", "min", "max" };
            out << "reduce " << names[int(instruction.reduce)] << " r" << instruction.operands[0] << " -> out" << instruction.index;
            break;
        }
        }
        out << "\n";
    }
    return out.str();
}

} // namespace ramba::vm
