// The eager executor: broadcasts the operands of one op, walks the output in blocks (gathering and
// casting strided inputs into block registers), runs the resolved loop's kernel, spreads blocks over
// OpenMP threads and turns floating-point flags into numpy's RuntimeWarnings.
#include <atomic>
#include <cfenv>
#include <cstring>
#include <omp.h>

#include "engine/array/cast.hpp"
#include "engine/vm/block.hpp"
#include "engine/vm/cancel.hpp"
#include "engine/vm/cast.hpp"
#include "engine/vm/kernels.hpp"
#include "engine/vm/type_resolution.hpp"
#include "engine/vm/vector_math.hpp"
#include "engine/vm/ufunc.hpp"
#include "base/error.hpp"

namespace ramba::vm {

using namespace engine;

namespace {

// Runs `loop` over broadcast `inputs` into `out` (already of the broadcast shape).
void run_loop(OpCode op, const Loop& loop, std::span<const NDArray> inputs, const NDArray& out)
{
    int arity = static_cast<int>(inputs.size());
    int64_t total = out.size();
    if (total == 0)
        return;

    BlockPlan plan = plan_blocks(inputs, out, loop.inputs, loop.output);
    KernelFn kernel = loop.kernel;
    if (loop.vector_kernel && total >= vector_math_min_elements && vector_math_available())
        kernel = loop.vector_kernel;

    int64_t blocks = (total + block_elements - 1) / block_elements;
    int threads = total >= parallel_min_elements ? num_threads() : 1;
    std::atomic<int> flags { 0 };
    std::atomic<bool> faulted { false };
    std::atomic<bool> cancelled { false };

    auto run_blocks = [&](int64_t first, int64_t last) {
        BlockScratch scratch(plan);
        const void* block_inputs[max_arity] {};
        for (int64_t b = first; b < last; ++b) {
            if (cancel_requested()) [[unlikely]] {
                cancelled.store(true, std::memory_order_relaxed);
                break;
            }
            int64_t start = b * block_elements;
            int64_t n = std::min(block_elements, total - start);
            for (int k = 0; k < arity; ++k)
                block_inputs[k] = scratch.input(k, start, n);
            if (loop.fault && loop.fault(block_inputs, n))
                faulted.store(true, std::memory_order_relaxed);
            void* block_output = scratch.output(start);
            kernel(block_inputs, block_output, n);
            scratch.store_output(start, n);
        }
        int raised = std::fetestexcept(FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW);
        if (raised)
            flags.fetch_or(raised, std::memory_order_relaxed);
    };
    if (threads == 1) {
        // OPTIMIZATION: no OpenMP region for short arrays; its fork/join costs more than the work.
        std::feclearexcept(FE_ALL_EXCEPT);
        run_blocks(0, blocks);
    } else {
        // Contiguous runs of blocks per thread (static schedule): first-touch pages stay local.
#pragma omp parallel num_threads(threads)
        {
            std::feclearexcept(FE_ALL_EXCEPT);
            int t = omp_get_thread_num(), count = omp_get_num_threads();
            run_blocks(blocks * t / count, blocks * (t + 1) / count);
        }
    }

    if (cancelled.load())
        throw_cancelled();
    std::string name(op_name(op));
    bool divide_by_zero = false;
    if (faulted.load()) {
        // numpy: ValueError before any work for integer ** negative; 0 plus a warning for x // 0.
        if (op_fault(op) == OpFault::NegativePower)
            throw RambaError(ErrorKind::ValueError, "Integers to negative integer powers are not allowed.");
        divide_by_zero = true;
    }
    int raised = reports_fp_flags(op) ? flags.load() : 0;
    if (divide_by_zero || (raised & FE_DIVBYZERO))
        record_fp_warning("divide by zero encountered in " + name);
    if (raised & FE_OVERFLOW)
        record_fp_warning("overflow encountered in " + name);
    if (raised & FE_INVALID)
        record_fp_warning("invalid value encountered in " + name);
}

Shape broadcast_all(std::span<const NDArray> inputs)
{
    return broadcast_shapes_of(inputs, [](const NDArray& input) -> const Shape& { return input.shape; });
}

void check_arity(OpCode op, size_t count)
{
    if (static_cast<int>(count) != op_arity(op)) {
        throw RambaError(ErrorKind::TypeError, std::string(op_name(op)) + "() takes from " + std::to_string(op_arity(op))
                + " to " + std::to_string(op_arity(op) + 1) + " positional arguments but " + std::to_string(count) + " were given");
    }
}

bool overlaps(const NDArray& a, const NDArray& b)
{
    return a.buffer && b.buffer && a.buffer == b.buffer;
}

bool same_view(const NDArray& a, const NDArray& b)
{
    return a.buffer == b.buffer && a.offset == b.offset && a.shape == b.shape && a.strides == b.strides
        && a.dtype == b.dtype;
}

} // namespace

std::optional<OpCode> power_fast_path(OpCode op, std::span<const NDArray> inputs)
{
    if (op != OpCode::Power || inputs.size() != 2 || inputs[1].ndim() != 0 || !inputs[1].buffer)
        return std::nullopt;
    char kind = dtype_kind(inputs[0].dtype);
    if ((kind != 'f' && kind != 'c') || inputs[0].ndim() == 0)
        return std::nullopt;
    double exponent = 0;
    convert_fn(inputs[1].dtype, DType::Float64)(inputs[1].data(), 0, reinterpret_cast<std::byte*>(&exponent), 8, 1);
    if (exponent != 2.0 || dtype_kind(inputs[1].dtype) == 'c')
        return std::nullopt;
    return OpCode::Square;
}

NDArray apply(OpCode op, std::span<const NDArray> inputs, const ApplyOptions& options)
{
    check_arity(op, inputs.size());
    if (auto square = power_fast_path(op, inputs); square && !options.dtype) {
        const Loop& loop = resolve_loop(op, inputs, std::nullopt);
        if (loop.output == inputs[0].dtype)
            return apply(*square, inputs[0]);
    }
    const Loop& loop = resolve_loop(op, inputs, options.dtype);
    Shape shape = broadcast_all(inputs);
    NDArray out = NDArray::empty(loop.output, shape);
    run_loop(op, loop, inputs, out);
    return out;
}

NDArray apply(OpCode op, const NDArray& a)
{
    return apply(op, std::span<const NDArray>(&a, 1));
}

NDArray apply(OpCode op, const NDArray& a, const NDArray& b)
{
    NDArray inputs[] = { a, b };
    return apply(op, std::span<const NDArray>(inputs));
}

void apply_into(OpCode op, std::span<const NDArray> inputs, const NDArray& out)
{
    check_arity(op, inputs.size());
    const Loop& loop = resolve_loop(op, inputs, std::nullopt);
    if (!can_cast_same_kind(loop.output, out.dtype)) {
        throw RambaError(ErrorKind::TypeError, "Cannot cast ufunc '" + std::string(op_name(op)) + "' output from dtype('"
                + std::string(dtype_name(loop.output)) + "') to dtype('" + std::string(dtype_name(out.dtype))
                + "') with casting rule 'same_kind'");
    }
    Shape shape = broadcast_all(inputs);
    Shape with_out[] = { shape, out.shape };
    if (broadcast_shapes(std::span<const Shape>(with_out)) != out.shape) {
        throw RambaError(ErrorKind::ValueError, "non-broadcastable output operand with shape " + shape_to_string(out.shape)
                + " doesn't match the broadcast shape " + shape_to_string(broadcast_shapes(std::span<const Shape>(with_out))));
    }
    // Reading and writing the same memory through different views (a[1:] += a[:-1]) needs a
    // temporary; the same view (a += b) is safe because each block is read before it is written.
    bool needs_temporary = false;
    for (auto& input : inputs)
        needs_temporary = needs_temporary || (overlaps(input, out) && !same_view(input, out));
    if (needs_temporary) {
        NDArray result = NDArray::empty(loop.output, out.shape);
        run_loop(op, loop, inputs, result);
        assign(out, result);
        return;
    }
    run_loop(op, loop, inputs, out);
    if (out.buffer)
        ++out.buffer->version;
}

DType result_dtype(OpCode op, std::span<const NDArray> inputs, const ApplyOptions& options)
{
    check_arity(op, inputs.size());
    return resolve_loop(op, inputs, options.dtype).output;
}

NDArray where(const NDArray& cond, const NDArray& x, const NDArray& y)
{
    const Loop& loop = resolve_where(x, y);
    NDArray inputs[] = { cond, x, y };
    NDArray out = NDArray::empty(loop.output, broadcast_all(inputs));
    run_loop(OpCode::Where, loop, inputs, out);
    return out;
}

bool reports_fp_flags(OpCode op)
{
    switch (op) {
    case OpCode::Minimum: case OpCode::Maximum: case OpCode::Fmin: case OpCode::Fmax: case OpCode::Clip:
    case OpCode::Isnan: case OpCode::Isinf: case OpCode::Isfinite: case OpCode::Sign:
    case OpCode::LogicalAnd: case OpCode::LogicalOr: case OpCode::LogicalXor: case OpCode::LogicalNot:
    case OpCode::Equal: case OpCode::NotEqual: case OpCode::Less: case OpCode::LessEqual:
    case OpCode::Greater: case OpCode::GreaterEqual: case OpCode::Where:
        return false;
    default:
        return true;
    }
}

} // namespace ramba::vm
