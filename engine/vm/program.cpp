// The register-program interpreter: per thread, one block buffer per register; per block, the
// instructions in order. Loads of contiguous inputs of the right dtype point into the input instead
// of copying; stores of the last register write straight into the output when the loop allows.
#include "engine/vm/program.hpp"

#include <atomic>
#include <chrono>
#include <cfenv>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <omp.h>
#include <sstream>

#include "engine/vm/block.hpp"
#include "engine/vm/cancel.hpp"
#include "engine/vm/lane_folds.hpp"
#include "engine/vm/pairwise.hpp"
#include "engine/vm/profile.hpp"
#include "engine/vm/scalar_ops.hpp"
#include "engine/vm/ufunc.hpp"
#include "engine/vm/vector_math.hpp"
#include "base/error.hpp"

namespace ramba::vm {

using namespace engine;

namespace {

// 8192 elements per block when the program reduces: numpy's reduction buffer size, so fused sums
// add the same pairwise partials in the same order as numpy (and as vm::reduce).
constexpr int64_t reduce_block = reduction_block;
// Otherwise 2048: every register of a long chain (a Jacobi sweep has 9) then stays in L1/L2 instead
// of spilling to L3. RAMBA_PROGRAM_BLOCK overrides it, for measuring.
int64_t elementwise_block()
{
    static const int64_t block = [] {
        const char* env = std::getenv("RAMBA_PROGRAM_BLOCK");
        int64_t value = env ? std::atoll(env) : 0;
        return value >= 64 && value <= 65536 ? value : int64_t(2048);
    }();
    return block;
}

// The name a kernel's floating-point warning carries: numpy's name of the kernel's one operation that
// can raise the flag (division by zero: the divisions and logarithms), else "kernel".
std::string flag_source(const Program& program, bool divide_by_zero)
{
    std::string name;
    for (auto& instruction : program.code) {
        if (instruction.kind != InstructionKind::Apply || !reports_fp_flags(instruction.op))
            continue;
        if (divide_by_zero) {
            switch (instruction.op) {
            case OpCode::TrueDivide: case OpCode::FloorDivide: case OpCode::Remainder: case OpCode::Fmod:
            case OpCode::Power: case OpCode::Log: case OpCode::Log2: case OpCode::Log10: case OpCode::Log1p:
            case OpCode::Arctanh:
                break;
            default:
                continue;
            }
        }
        std::string op(op_name(instruction.op));
        if (!name.empty() && name != op)
            return "kernel";
        name = op;
    }
    return name.empty() ? "kernel" : name;
}

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
        // OPTIMIZATION: min/max in vector lanes (lane_folds.hpp); a NaN or a zero extremum (whose
        // sign numpy's left-to-right loop decides) takes the exact loop below.
        if ((reduce == ProgramReduce::Min || reduce == ProgramReduce::Max) && n >= 64) {
            bool nan = false;
            T value = reduce == ProgramReduce::Max ? lane_max(p, n, nan) : lane_min(p, n, nan);
            if (!nan && value != T(0))
                return value;
        }
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

// Row mode of run_program: for spaces of 2+ axes whose loads or stores are not plain C-contiguous,
// each block is a piece of one row, and every operand is addressed by its own strides.
struct RowOperand {
    std::byte* data { nullptr };
    Strides strides;  // broadcast to the space, in bytes
    DType from { DType::Float64 }, to { DType::Float64 };
    ConvertFn convert { nullptr };
};

struct RowWalk {
    bool active { false };
    size_t outer { 0 };      // axes before the row axis
    int64_t length { 0 };    // elements per row
    int64_t rows { 0 }, chunks { 0 };
    std::vector<RowOperand> operands; // per instruction (Load and Store), else empty

    std::byte* address(size_t i, const int64_t* index) const
    {
        auto& operand = operands[i];
        std::byte* p = operand.data;
        for (size_t axis = 0; axis <= outer; ++axis)
            p += index[axis] * operand.strides[axis];
        return p;
    }

    std::byte* load(size_t i, const int64_t* index, int64_t n, std::byte* scratch) const
    {
        auto& operand = operands[i];
        std::byte* p = address(i, index);
        int64_t stride = operand.strides[outer];
        if (operand.from == operand.to && stride == static_cast<int64_t>(dtype_itemsize(operand.from)))
            return p;
        operand.convert(p, stride, scratch, dtype_itemsize(operand.to), n);
        return scratch;
    }

    // The row piece an op may write straight into, or null.
    std::byte* direct(size_t i, const int64_t* index) const
    {
        auto& operand = operands[i];
        if (operand.from != operand.to || operand.strides[outer] != static_cast<int64_t>(dtype_itemsize(operand.from)))
            return nullptr;
        return address(i, index);
    }

    void store(size_t i, const int64_t* index, int64_t n, const std::byte* source) const
    {
        auto& operand = operands[i];
        std::byte* p = address(i, index);
        if (p == source)
            return;
        operand.convert(source, dtype_itemsize(operand.to), p, operand.strides[outer], n);
    }
};

// Row mode is taken for strided operands (blocks of 2048 within rows), and always for per-row
// reductions (blocks of 8192 from each row's start, numpy's buffers over a reduced row).
RowWalk plan_rows(const Program& program, const std::vector<BlockPlan>& loads, const std::vector<BlockPlan>& stores,
    bool reduces, bool per_row, int64_t block)
{
    RowWalk walk;
    const Shape& shape = program.shape;
    if (shape.size() < 2 || shape.size() > 63)
        return walk;
    if (!per_row) {
        if (reduces || shape.back() < 256)
            return walk;
        bool strided = false;
        for (size_t i = 0; i < program.code.size(); ++i) {
            auto kind = program.code[i].kind;
            if (kind == InstructionKind::Load && loads[i].inputs[0].kind == OperandPlan::Kind::Gather)
                strided = true;
            if (kind == InstructionKind::Store && stores[i].output.kind != OperandPlan::Kind::Direct)
                strided = true;
        }
        if (!strided)
            return walk;
    }
    walk.active = true;
    walk.outer = shape.size() - 1;
    walk.length = shape.back();
    walk.rows = 1;
    for (size_t axis = 0; axis < walk.outer; ++axis)
        walk.rows *= shape[axis];
    walk.chunks = (walk.length + block - 1) / block;
    walk.operands.resize(program.code.size());
    for (size_t i = 0; i < program.code.size(); ++i) {
        auto& instruction = program.code[i];
        auto& operand = walk.operands[i];
        if (instruction.kind == InstructionKind::Load) {
            auto& input = program.inputs[instruction.index];
            operand.data = input.data();
            operand.strides = broadcast_strides(input, shape);
            operand.from = input.dtype;
            operand.to = program.registers[instruction.target];
            operand.convert = convert_fn(operand.from, operand.to);
        } else if (instruction.kind == InstructionKind::Store) {
            auto& output = program.outputs[instruction.index];
            operand.data = output.data();
            operand.strides = output.strides;
            operand.from = output.dtype;
            operand.to = program.registers[instruction.operands[0]];
            operand.convert = convert_fn(operand.to, operand.from);
        }
    }
    return walk;
}

} // namespace

BlockPartials run_program_partials(const Program& program)
{
    auto started = std::chrono::steady_clock::now();
    profile::Progress progress(program);
    std::atomic<int64_t> blocks_done { 0 };
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

    bool reduces = false, per_row = false;
    for (auto& instruction : program.code) {
        reduces = reduces || instruction.kind == InstructionKind::Reduce;
        per_row = per_row || (instruction.kind == InstructionKind::Reduce && instruction.per_row);
    }
    const int64_t program_block = reduces ? reduce_block : elementwise_block();
    int64_t blocks = (total + program_block - 1) / program_block;
    // Row mode: blocks never cross a row, so strided views (u[1:-1, :-2]) load and store through
    // pointers into their rows instead of gathers and scatters.
    RowWalk rows = plan_rows(program, load_plans, store_plans, reduces, per_row, program_block);
    if (rows.active)
        blocks = rows.rows * rows.chunks;
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
    int64_t offset = program.index_offset;

#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        std::feclearexcept(FE_ALL_EXCEPT);
        size_t register_count = program.registers.size();
        // Registers packed by their own item size, each shifted by a further cache line so that
        // equal-sized registers do not all fall into the same cache sets.
        std::vector<size_t> offsets(register_count + 1, 0);
        for (size_t r = 0; r < register_count; ++r)
            offsets[r + 1] = offsets[r] + program_block * dtype_itemsize(program.registers[r]) + 64 * (1 + r % 8);
        std::byte* aligned = thread_scratch(offsets[register_count]);
        std::vector<std::byte*> own(register_count), current(register_count);
        for (size_t r = 0; r < register_count; ++r)
            own[r] = aligned + offsets[r];
        std::vector<bool> constant_ready(program.code.size(), false);

#pragma omp for schedule(static)
        for (int64_t b = 0; b < blocks; ++b) {
            if (cancel_requested()) [[unlikely]] {
                cancelled.store(true, std::memory_order_relaxed);
                continue; // an `omp for` cannot break; the blocks left cost one flag read each
            }
            int64_t start = b * program_block;
            int64_t n = std::min(program_block, total - start);
            int64_t row_index[64];
            if (rows.active) {
                int64_t row = b / rows.chunks, column = (b % rows.chunks) * program_block;
                start = row * rows.length + column;
                n = std::min(program_block, rows.length - column);
                for (size_t axis = rows.outer; axis-- > 0;) {
                    row_index[axis] = row % program.shape[axis];
                    row /= program.shape[axis];
                }
                row_index[rows.outer] = column;
            }
            for (size_t i = 0; i < program.code.size(); ++i) {
                auto& instruction = program.code[i];
                switch (instruction.kind) {
                case InstructionKind::Load: {
                    auto& operand = load_plans[i].inputs[0];
                    auto& plan = load_plans[i];
                    if (rows.active && operand.kind == OperandPlan::Kind::Gather) {
                        current[instruction.target] = rows.load(i, row_index, n, own[instruction.target]);
                    } else if (operand.kind == OperandPlan::Kind::Direct) {
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
                                p[k] = static_cast<T>(first + static_cast<T>(offset + start + k) * delta);
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
                        if (rows.active) {
                            if (std::byte* row = rows.direct(instruction.direct_store, row_index);
                                row && output.from == program.registers[instruction.target])
                                destination = row;
                        } else if (output.kind == OperandPlan::Kind::Direct && output.from == program.registers[instruction.target]) {
                            destination = output.data + start * static_cast<int64_t>(dtype_itemsize(output.from));
                        }
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
                    if (rows.active) {
                        rows.store(i, row_index, n, source);
                    } else if (output.kind == OperandPlan::Kind::Direct) {
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
            int64_t done = blocks_done.fetch_add(1, std::memory_order_relaxed) + 1;
            if ((done & 31) == 0 && omp_get_thread_num() == 0)
                progress.update(done, blocks);
        }
        int raised = std::fetestexcept(FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW);
        if (raised)
            flags.fetch_or(raised, std::memory_order_relaxed);
    }
    if (cancelled.load())
        throw_cancelled();

    int raised = flags.load();
    if (raised & FE_DIVBYZERO)
        record_fp_warning("divide by zero encountered in " + flag_source(program, true));
    if (raised & FE_OVERFLOW)
        record_fp_warning("overflow encountered in " + flag_source(program, false));
    if (profile::enabled())
        profile::record_kernel(program, std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return partials;
}

namespace {

void fold_into(ProgramReduce reduce, DType dtype, std::span<const std::byte> partial, DType out_dtype, std::byte* out)
{
    int64_t blocks = static_cast<int64_t>(partial.size() / 16);
    dispatch_dtype(dtype, [&]<typename T>() {
        if constexpr (std::is_arithmetic_v<T>) {
            T acc = reduce == ProgramReduce::Sum ? T(0) : reduce == ProgramReduce::Prod ? T(1) : T {};
            for (int64_t b = 0; b < blocks; ++b) {
                T x;
                std::memcpy(&x, partial.data() + b * 16, sizeof(T));
                acc = (b == 0 && (reduce == ProgramReduce::Min || reduce == ProgramReduce::Max)) ? x : combine<T>(reduce, acc, x);
            }
            convert_fn(dtype, out_dtype)(reinterpret_cast<const std::byte*>(&acc), 0, out, 0, 1);
        }
    });
}

} // namespace

void fold_partials(ProgramReduce reduce, DType dtype, std::span<const std::byte> partial, const NDArray& output)
{
    fold_into(reduce, dtype, partial, output.dtype, output.data());
}

Program store_program(InstructionKind first, DType dtype, const Shape& shape)
{
    Program program;
    program.shape = shape;
    program.registers = { dtype };
    Instruction source;
    source.kind = first;
    source.target = 0;
    source.index = 0;
    Instruction store;
    store.kind = InstructionKind::Store;
    store.operands[0] = 0;
    store.operand_count = 1;
    store.index = 0;
    program.code = { source, store };
    NDArray output;
    output.dtype = dtype;
    output.shape = shape;
    program.outputs = { output };
    return program;
}

void run_program(const Program& program)
{
    BlockPartials partials = run_program_partials(program);
    int slot = 0;
    for (auto& instruction : program.code) {
        if (instruction.kind != InstructionKind::Reduce)
            continue;
        DType dtype = program.registers[instruction.operands[0]];
        const NDArray& output = program.outputs[instruction.index];
        std::span<const std::byte> partial = partials[slot++];
        if (instruction.per_row)
            fold_row_partials(instruction.reduce, dtype, partial, program.shape.back(), output);
        else
            fold_partials(instruction.reduce, dtype, partial, output);
    }
}

void fold_row_partials(ProgramReduce reduce, DType dtype, std::span<const std::byte> partial, int64_t row_length, const NDArray& output)
{
    // Row r's blocks are r * chunks ... (r + 1) * chunks - 1 (row mode, blocks of reduce_block).
    int64_t chunks = (row_length + reduce_block - 1) / reduce_block;
    int64_t rows = output.size();
    size_t itemsize = dtype_itemsize(output.dtype);
    for (int64_t r = 0; r < rows; ++r)
        fold_into(reduce, dtype, partial.subspan(r * chunks * 16, chunks * 16), output.dtype, output.data() + r * itemsize);
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
            out << "reduce " << names[int(instruction.reduce)] << (instruction.per_row ? " per row" : "") << " r"
                << instruction.operands[0] << " -> out" << instruction.index;
            break;
        }
        }
        out << "\n";
    }
    return out.str();
}

} // namespace ramba::vm
