// Reductions (sum prod min max any all argmin argmax and those built on them: mean var std ptp
// nansum nanmean count_nonzero) with numpy's axis, keepdims and dtype rules and numpy's loop order.
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <memory>
#include <numeric>
#include <type_traits>
#include <omp.h>

#include "engine/dtype/promotion.hpp"
#include "engine/array/cast.hpp"
#include "engine/vm/block.hpp"
#include "engine/vm/cancel.hpp"
#include "engine/vm/cast.hpp"
#include "engine/vm/lane_folds.hpp"
#include "engine/vm/pairwise.hpp"
#include "engine/vm/reduce_axes.hpp"
#include "engine/vm/scalar_ops.hpp"
#include "engine/vm/ufunc.hpp"
#include "base/error.hpp"

namespace ramba::vm {

using namespace engine;

std::string_view reduce_name(ReduceOp op)
{
    switch (op) {
#define RAMBA_X(e, n, combines, combine, dtype) case ReduceOp::e: return n;
        RAMBA_VM_REDUCE_OPS(RAMBA_X)
#undef RAMBA_X
    }
    __builtin_unreachable();
}

std::vector<bool> reduced_axes(const NDArray& input, std::optional<std::span<const int64_t>> axes)
{
    std::vector<bool> reduced(input.ndim(), !axes.has_value());
    if (!axes)
        return reduced;
    for (int64_t axis : *axes) {
        int64_t normalized = axis < 0 ? axis + input.ndim() : axis;
        if (normalized < 0 || normalized >= input.ndim()) {
            throw RambaError(ErrorKind::ValueError, "axis " + std::to_string(axis) + " is out of bounds for array of dimension "
                    + std::to_string(input.ndim()));
        }
        if (reduced[normalized])
            throw RambaError(ErrorKind::ValueError, "duplicate value in 'axis'");
        reduced[normalized] = true;
    }
    return reduced;
}

Shape kept_shape(const NDArray& input, const std::vector<bool>& reduced, bool keepdims)
{
    Shape shape;
    for (int64_t axis = 0; axis < input.ndim(); ++axis) {
        if (!reduced[axis])
            shape.push_back(input.shape[axis]);
        else if (keepdims)
            shape.push_back(1);
    }
    return shape;
}

DType mean_dtype(DType dtype)
{
    char kind = dtype_kind(dtype);
    return kind == 'b' || kind == 'i' || kind == 'u' ? DType::Float64 : dtype;
}

int64_t reduced_count(const NDArray& input, const std::vector<bool>& reduced)
{
    int64_t count = 1;
    for (int64_t axis = 0; axis < input.ndim(); ++axis) {
        if (reduced[axis])
            count *= input.shape[axis];
    }
    return count;
}

NDArray reshaped(NDArray array, Shape shape)
{
    array.strides = c_strides(shape, array.itemsize());
    array.shape = std::move(shape);
    return array;
}

namespace {

// numpy's reduction iterator hands the loop buffers of 8192 elements (its default `bufsize`), cast
// or not, and the loop adds each buffer's pairwise sum to the running total. Doing the same keeps
// our float sums bit-identical to numpy's; the buffers' sums run on threads and are added in order.
constexpr int64_t cast_chunk = 8192;

enum class Fold : uint8_t { Sum, Prod, Min, Max, Any, All };

template<Fold F, typename T> T identity()
{
    if constexpr (F == Fold::Sum) return T(0);
    else if constexpr (F == Fold::Prod) return T(1);
    else if constexpr (F == Fold::Any) return false;
    else if constexpr (F == Fold::All) return true;
    else if constexpr (std::is_floating_point_v<T>) return F == Fold::Min ? T(INFINITY) : T(-INFINITY);
    else if constexpr (scalar::is_complex_v<T>) return T(F == Fold::Min ? INFINITY : -INFINITY, 0);
    else return F == Fold::Min ? std::numeric_limits<T>::max() : std::numeric_limits<T>::lowest();
}

template<Fold F, typename T> inline T combine(T acc, T x)
{
    if constexpr (F == Fold::Sum) return scalar::add(acc, x);
    else if constexpr (F == Fold::Prod) return scalar::multiply(acc, x);
    else if constexpr (F == Fold::Min) return scalar::minimum(acc, x);
    else if constexpr (F == Fold::Max) return scalar::maximum(acc, x);
    else if constexpr (F == Fold::Any) return T(scalar::truth(acc) || scalar::truth(x));
    else return T(scalar::truth(acc) && scalar::truth(x));
}

// acc folded with n elements at p (stride in bytes), in numpy's order.
template<Fold F, typename T> T fold_run(T acc, const std::byte* p, int64_t n, int64_t stride)
{
    if constexpr (F == Fold::Sum && (std::is_floating_point_v<T> || scalar::is_complex_v<T>)) {
        return acc + pairwise_sum<T>(p, n, stride);
    } else {
        if constexpr ((F == Fold::Min || F == Fold::Max) && std::is_floating_point_v<T>) {
            // OPTIMIZATION: contiguous float min/max in vector lanes (lane_folds.cpp); the NaN-aware
            // chain below is serial. The lanes' answer is numpy's unless a NaN was seen or the
            // extremum is zero (+0.0 and -0.0 tie, and numpy's loop decides which one stays).
            if (stride == static_cast<int64_t>(sizeof(T)) && n >= 64 && !std::isnan(acc)
                && reinterpret_cast<uintptr_t>(p) % alignof(T) == 0) {
                auto* q = reinterpret_cast<const T*>(p);
                bool nan = false;
                T value = F == Fold::Max ? lane_max(q, n, nan) : lane_min(q, n, nan);
                if (!nan && value != T(0))
                    return combine<F, T>(acc, value);
            }
        }

        for (int64_t i = 0; i < n; ++i) {
            T x;
            std::memcpy(&x, p + i * stride, sizeof(T));
            acc = combine<F, T>(acc, x);
        }
        return acc;
    }
}

// The loop nest of a reduction, as numpy's iterator builds it: axes ordered by decreasing stride,
// unit axes dropped, neighbours merged; out_strides are 0 on reduced axes.
struct Nest {
    Shape shape;
    Strides in_strides;
    Strides out_strides;
};

Nest make_nest(const NDArray& input, const std::vector<bool>& reduced, const Strides& out_strides_by_axis)
{
    std::vector<int64_t> order(input.ndim());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int64_t a, int64_t b) {
        return std::llabs(input.strides[a]) > std::llabs(input.strides[b]);
    });
    Nest nest;
    for (int64_t axis : order) {
        if (input.shape[axis] == 1)
            continue;
        int64_t in_stride = input.strides[axis];
        int64_t out_stride = reduced[axis] ? 0 : out_strides_by_axis[axis];
        if (!nest.shape.empty() && nest.in_strides.back() == in_stride * input.shape[axis]
            && nest.out_strides.back() == out_stride * input.shape[axis]) {
            nest.shape.back() *= input.shape[axis];
            nest.in_strides.back() = in_stride;
            nest.out_strides.back() = out_stride;
            continue;
        }
        nest.shape.push_back(input.shape[axis]);
        nest.in_strides.push_back(in_stride);
        nest.out_strides.push_back(out_stride);
    }
    return nest;
}

// Runs the nest over [lo, hi) of axis `split` (a kept axis, so threads own disjoint outputs), or
// all of it when split == nest.shape.size().
// `out` holds accumulators of type T, already set to the identity.
template<Fold F, typename T>
void run_nest(const Nest& nest, const std::byte* in, DType in_dtype, std::byte* out, size_t split, int64_t lo, int64_t hi)
{
    size_t ndim = nest.shape.size();
    if (ndim == 0) {
        T acc;
        std::memcpy(&acc, out, sizeof(T));
        T x;
        convert_fn(in_dtype, dtype_of<T>())(in, 0, reinterpret_cast<std::byte*>(&x), sizeof(T), 1);
        acc = combine<F, T>(acc, x);
        std::memcpy(out, &acc, sizeof(T));
        return;
    }
    bool needs_cast = in_dtype != dtype_of<T>();
    ConvertFn convert = convert_fn(in_dtype, dtype_of<T>());
    std::unique_ptr<T[]> buffer(needs_cast ? new T[cast_chunk] : nullptr);
    size_t last = ndim - 1;
    int64_t inner = nest.shape[last];
    int64_t in_inner = nest.in_strides[last];
    int64_t out_inner = nest.out_strides[last];
    int64_t inner_lo = split == last ? lo : 0;
    int64_t inner_hi = split == last ? hi : inner;

    std::vector<int64_t> index(ndim, 0);
    std::vector<int64_t> limit(nest.shape.begin(), nest.shape.end());
    // split == ndim: no kept axis to split (a full reduction of a strided input): the whole nest.
    if (split < last) {
        index[split] = lo;
        limit[split] = hi;
        if (lo >= hi)
            return;
    }
    const std::byte* ip = in;
    std::byte* op = out;
    for (size_t axis = 0; axis < last; ++axis) {
        ip += index[axis] * nest.in_strides[axis];
        op += index[axis] * nest.out_strides[axis];
    }
    for (;;) {
        if (out_inner == 0) {
            // The inner axis is reduced: out += fold(run), the run cast in numpy-sized buffers.
            T acc;
            std::memcpy(&acc, op, sizeof(T));
            const std::byte* p = ip + inner_lo * in_inner;
            int64_t n = inner_hi - inner_lo;
            for (int64_t start = 0; start < n; start += cast_chunk) {
                int64_t count = std::min(cast_chunk, n - start);
                if (!needs_cast) {
                    acc = fold_run<F, T>(acc, p + start * in_inner, count, in_inner);
                } else {
                    convert(p + start * in_inner, in_inner, reinterpret_cast<std::byte*>(buffer.get()), sizeof(T), count);
                    acc = fold_run<F, T>(acc, reinterpret_cast<const std::byte*>(buffer.get()), count, sizeof(T));
                }
            }
            std::memcpy(op, &acc, sizeof(T));
        } else {
            // The inner axis is kept: out[k] = out[k] op in[k], one row at a time.
            for (int64_t start = inner_lo; start < inner_hi; start += cast_chunk) {
                int64_t count = std::min(cast_chunk, inner_hi - start);
                const std::byte* p = ip + start * in_inner;
                int64_t stride = in_inner;
                if (needs_cast) {
                    convert(p, in_inner, reinterpret_cast<std::byte*>(buffer.get()), sizeof(T), count);
                    p = reinterpret_cast<const std::byte*>(buffer.get());
                    stride = sizeof(T);
                }
                std::byte* o = op + start * out_inner;
                for (int64_t k = 0; k < count; ++k) {
                    T acc, x;
                    std::memcpy(&acc, o + k * out_inner, sizeof(T));
                    std::memcpy(&x, p + k * stride, sizeof(T));
                    acc = combine<F, T>(acc, x);
                    std::memcpy(o + k * out_inner, &acc, sizeof(T));
                }
            }
        }
        // Advance the outer index (C order over axes 0..last-1).
        size_t axis = last;
        for (;;) {
            if (axis == 0)
                return;
            --axis;
            ip += nest.in_strides[axis];
            op += nest.out_strides[axis];
            if (++index[axis] < limit[axis])
                break;
            int64_t start = axis == split ? lo : 0;
            ip -= (index[axis] - start) * nest.in_strides[axis];
            op -= (index[axis] - start) * nest.out_strides[axis];
            index[axis] = start;
        }
    }
}

// A full reduction of one flat run: the pairwise tree (sums) or fixed chunks (other folds) on threads.
template<Fold F, typename T>
T reduce_flat(const std::byte* p, int64_t n, int64_t stride, DType in_dtype)
{
    int threads = n >= parallel_min_elements ? num_threads() : 1;
    bool needs_cast = in_dtype != dtype_of<T>();
    int64_t chunk = needs_cast || F == Fold::Sum ? cast_chunk : fold_chunk;
    int64_t chunks = (n + chunk - 1) / chunk;
    std::unique_ptr<T[]> partial(new T[chunks]);
    ConvertFn convert = convert_fn(in_dtype, dtype_of<T>());
    std::atomic<bool> cancelled { false };
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        std::unique_ptr<T[]> buffer(needs_cast ? new T[cast_chunk] : nullptr);
#pragma omp for schedule(static)
        for (int64_t c = 0; c < chunks; ++c) {
            if (cancel_requested()) [[unlikely]] {
                cancelled.store(true, std::memory_order_relaxed);
                continue;
            }
            int64_t count = std::min(chunk, n - c * chunk);
            const std::byte* q = p + c * chunk * stride;
            if (needs_cast) {
                convert(q, stride, reinterpret_cast<std::byte*>(buffer.get()), sizeof(T), count);
                partial[c] = fold_run<F, T>(identity<F, T>(), reinterpret_cast<const std::byte*>(buffer.get()), count, sizeof(T));
            } else if constexpr (F == Fold::Prod && std::is_floating_point_v<T>) {
                // OPTIMIZATION: a product longer than one chunk is already reassociated by the
                // chunks, so each chunk multiplies in vector lanes instead of one serial chain
                // (numpy's serial product is bound by the multiplier's latency: 3x a sum's time).
                if (n > fold_chunk && stride == static_cast<int64_t>(sizeof(T)) && reinterpret_cast<uintptr_t>(q) % alignof(T) == 0)
                    partial[c] = lane_product(reinterpret_cast<const T*>(q), count);
                else
                    partial[c] = fold_run<F, T>(identity<F, T>(), q, count, stride);
            } else {
                partial[c] = fold_run<F, T>(identity<F, T>(), q, count, stride);
            }
        }
    }
    if (cancelled.load())
        throw_cancelled();
    // numpy adds each buffer's sum to the running total in order; so do we. Other folds start from
    // the first partial: a second multiplication by the identity would flip signed zeros (0j * 1).
    if (chunks == 0)
        return identity<F, T>();
    T acc = F == Fold::Sum ? combine<F, T>(identity<F, T>(), partial[0]) : partial[0];
    for (int64_t c = 1; c < chunks; ++c)
        acc = combine<F, T>(acc, partial[c]);
    return acc;
}

template<Fold F, typename T>
NDArray fold(const NDArray& input, const std::vector<bool>& reduced, DType out_dtype)
{
    Shape out_shape;
    for (int64_t axis = 0; axis < input.ndim(); ++axis) {
        if (!reduced[axis])
            out_shape.push_back(input.shape[axis]);
    }
    NDArray out = NDArray::empty(out_dtype, out_shape);
    auto* acc = reinterpret_cast<T*>(out.data());
    int64_t out_size = out.size();
    for (int64_t i = 0; i < out_size; ++i)
        acc[i] = identity<F, T>();
    if (input.size() == 0)
        return out;

    Strides out_by_axis(input.ndim(), 0);
    {
        int64_t stride = sizeof(T);
        for (int64_t axis = input.ndim(); axis-- > 0;) {
            if (reduced[axis])
                continue;
            out_by_axis[axis] = stride;
            stride *= input.shape[axis];
        }
    }
    Nest nest = make_nest(input, reduced, out_by_axis);
    if (nest.shape.size() == 1 && nest.out_strides[0] == 0) {
        acc[0] = F == Fold::Sum ? combine<F, T>(acc[0], reduce_flat<F, T>(input.data(), nest.shape[0], nest.in_strides[0], input.dtype))
                                : reduce_flat<F, T>(input.data(), nest.shape[0], nest.in_strides[0], input.dtype);
        return out;
    }
    // Split the outermost kept axis over threads, or the innermost one if it is larger.
    size_t split = nest.shape.size();
    for (size_t axis = 0; axis < nest.shape.size(); ++axis) {
        if (nest.out_strides[axis] != 0 && (split == nest.shape.size() || nest.shape[axis] > nest.shape[split]))
            split = axis;
    }
    int threads = input.size() >= parallel_min_elements ? num_threads() : 1;
    if (split == nest.shape.size()) {
        run_nest<F, T>(nest, input.data(), input.dtype, out.data(), split, 0, 0);
        return out;
    }
    int64_t extent = nest.shape[split];
    threads = static_cast<int>(std::min<int64_t>(threads, extent));
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        int t = omp_get_thread_num(), count = omp_get_num_threads();
        int64_t lo = extent * t / count, hi = extent * (t + 1) / count;
        run_nest<F, T>(nest, input.data(), input.dtype, out.data(), split, lo, hi);
    }
    return out;
}




template<Fold F>
NDArray run_fold(const NDArray& input, const std::vector<bool>& reduced, DType dtype)
{
    return dispatch_dtype(dtype, [&]<typename T>() { return fold<F, T>(input, reduced, dtype); });
}



bool any_reduced_empty(const NDArray& input, const std::vector<bool>& reduced)
{
    for (int64_t axis = 0; axis < input.ndim(); ++axis) {
        if (reduced[axis] && input.shape[axis] == 0)
            return true;
    }
    return input.ndim() == 0 ? false : input.size() == 0 && std::find(reduced.begin(), reduced.end(), true) != reduced.end();
}

NDArray scalar_array(DType dtype, double value)
{
    NDArray out = NDArray::empty(DType::Float64, {});
    std::memcpy(out.data(), &value, sizeof(double));
    return dtype == DType::Float64 ? out : astype(out, dtype);
}


} // namespace

NDArray reduce(ReduceOp op, const NDArray& input, std::optional<std::span<const int64_t>> axes, const ReduceOptions& options)
{
    if (op == ReduceOp::ArgMin || op == ReduceOp::ArgMax)
        return arg_extremum(op, input, axes, options.keepdims);
    auto reduced = reduced_axes(input, axes);
    Shape final_shape = kept_shape(input, reduced, options.keepdims);
    auto finish = [&](NDArray result) { return reshaped(ascontiguous(result), final_shape); };

    switch (op) {
    case ReduceOp::Sum:
        return finish(run_fold<Fold::Sum>(input, reduced, options.dtype.value_or(sum_accumulating_dtype(input.dtype))));
    case ReduceOp::Prod:
        return finish(run_fold<Fold::Prod>(input, reduced, options.dtype.value_or(sum_accumulating_dtype(input.dtype))));
    case ReduceOp::Any:
        return finish(run_fold<Fold::Any>(input, reduced, DType::Bool));
    case ReduceOp::All:
        return finish(run_fold<Fold::All>(input, reduced, DType::Bool));
    case ReduceOp::NanMin:
    case ReduceOp::NanMax: {
        // numpy: NaNs are skipped; an all-NaN slice gives NaN and "All-NaN slice encountered".
        ReduceOp plain = op == ReduceOp::NanMin ? ReduceOp::Min : ReduceOp::Max;
        char kind = dtype_kind(input.dtype);
        if (kind != 'f' && kind != 'c')
            return reduce(plain, input, axes, options);
        NDArray nan = apply(OpCode::Isnan, input);
        NDArray filled = where(nan, scalar_array(input.dtype, op == ReduceOp::NanMin ? INFINITY : -INFINITY), input);
        NDArray extremum = plain == ReduceOp::Min ? run_fold<Fold::Min>(filled, reduced, input.dtype)
                                                  : run_fold<Fold::Max>(filled, reduced, input.dtype);
        NDArray all_nan = run_fold<Fold::All>(nan, reduced, DType::Bool);
        if (reduce(ReduceOp::Any, all_nan, std::nullopt).data()[0] != std::byte { 0 })
            record_fp_warning("All-NaN slice encountered");
        return finish(where(all_nan, scalar_array(input.dtype, NAN), extremum));
    }
    case ReduceOp::Min:
    case ReduceOp::Max:
    case ReduceOp::Ptp: {
        if (any_reduced_empty(input, reduced) || (input.size() == 0)) {
            throw RambaError(ErrorKind::ValueError, std::string("zero-size array to reduction operation ")
                    + (op == ReduceOp::Min ? "minimum" : "maximum") + " which has no identity");
        }
        NDArray max = op == ReduceOp::Min ? NDArray {} : run_fold<Fold::Max>(input, reduced, input.dtype);
        if (op == ReduceOp::Max)
            return finish(max);
        NDArray min = run_fold<Fold::Min>(input, reduced, input.dtype);
        if (op == ReduceOp::Min)
            return finish(min);
        return finish(apply(OpCode::Subtract, max, min));
    }
    case ReduceOp::CountNonzero: {
        NDArray truth = dispatch_dtype(input.dtype, [&]<typename T>() { return astype(input, DType::Bool); });
        return finish(run_fold<Fold::Sum>(truth, reduced, DType::Int64));
    }
    case ReduceOp::Mean:
    case ReduceOp::NanMean: {
        DType dtype = options.dtype.value_or(mean_dtype(input.dtype));
        NDArray data = input;
        int64_t count = reduced_count(input, reduced);
        NDArray counts;
        if (op == ReduceOp::NanMean && dtype_kind(input.dtype) != 'i' && dtype_kind(input.dtype) != 'u' && dtype_kind(input.dtype) != 'b') {
            NDArray nan = apply(OpCode::Isnan, input);
            data = where(nan, scalar_array(input.dtype, 0.0), input);
            counts = run_fold<Fold::Sum>(apply(OpCode::LogicalNot, nan), reduced, DType::Int64);
        }
        NDArray total = run_fold<Fold::Sum>(data, reduced, dtype);
        if (!counts.buffer) {
            if (count == 0)
                record_fp_warning("Mean of empty slice.");
            counts = NDArray::empty(DType::Int64, {});
            std::memcpy(counts.data(), &count, sizeof(count));
        }
        NDArray mean = apply(OpCode::TrueDivide, total, counts);
        return finish(mean.dtype == dtype ? mean : astype(mean, dtype));
    }
    case ReduceOp::NanSum: {
        NDArray data = input;
        if (dtype_kind(input.dtype) == 'f' || dtype_kind(input.dtype) == 'c')
            data = where(apply(OpCode::Isnan, input), scalar_array(input.dtype, 0.0), input);
        return finish(run_fold<Fold::Sum>(data, reduced, options.dtype.value_or(sum_accumulating_dtype(input.dtype))));
    }
    case ReduceOp::Var:
    case ReduceOp::Std: {
        // numpy's _var: x = a - mean(a, keepdims); sum(x * x) / max(n - ddof, 0); std = sqrt(var).
        DType dtype = options.dtype.value_or(mean_dtype(input.dtype));
        int64_t count = reduced_count(input, reduced);
        NDArray total = run_fold<Fold::Sum>(input, reduced, dtype);
        NDArray counts = NDArray::empty(DType::Int64, {});
        std::memcpy(counts.data(), &count, sizeof(count));
        NDArray mean = reshaped(ascontiguous(apply(OpCode::TrueDivide, total, counts)), kept_shape(input, reduced, true));
        NDArray deviation = apply(OpCode::Subtract, input, mean);
        NDArray squares = dtype_kind(deviation.dtype) == 'c'
            ? apply(OpCode::Real, apply(OpCode::Multiply, deviation, apply(OpCode::Conjugate, deviation)))
            : apply(OpCode::Multiply, deviation, deviation);
        NDArray sum_squares = run_fold<Fold::Sum>(squares, reduced, squares.dtype);
        int64_t divisor = std::max<int64_t>(count - options.ddof, 0);
        if (divisor == 0)
            record_fp_warning("Degrees of freedom <= 0 for slice");
        NDArray divisor_array = NDArray::empty(DType::Int64, {});
        std::memcpy(divisor_array.data(), &divisor, sizeof(divisor));
        NDArray var = apply(OpCode::TrueDivide, sum_squares, divisor_array);
        if (op == ReduceOp::Std)
            var = apply(OpCode::Sqrt, var);
        DType result_dtype = dtype_kind(dtype) == 'c' ? DType::Float64 : dtype;
        return finish(var.dtype == result_dtype ? var : astype(var, result_dtype));
    }
    case ReduceOp::ArgMin:
    case ReduceOp::ArgMax:
        break;
    }
    __builtin_unreachable();
}

NDArray accumulate(ReduceOp op, const NDArray& input, std::optional<int64_t> axis, std::optional<DType> dtype)
{
    RAMBA_ASSERT(op == ReduceOp::Sum || op == ReduceOp::Prod, "cumsum and cumprod only");
    DType out_dtype = dtype.value_or(sum_accumulating_dtype(input.dtype));
    NDArray work = axis ? input : reshaped(ascontiguous(input), { input.size() });
    int64_t ax = axis.value_or(0);
    if (ax < 0)
        ax += work.ndim();
    if (ax < 0 || ax >= std::max<int64_t>(work.ndim(), 1)) {
        throw RambaError(ErrorKind::ValueError, "axis " + std::to_string(*axis) + " is out of bounds for array of dimension "
                + std::to_string(input.ndim()));
    }
    if (work.ndim() == 0)
        work = reshaped(ascontiguous(work), { 1 });
    NDArray out = NDArray::empty(out_dtype, work.shape);
    accumulate_into(op, work, ax, out);
    return out;
}

void accumulate_into(ReduceOp op, const NDArray& input, int64_t axis, const NDArray& out, const NDArray* carry)
{
    RAMBA_ASSERT(op == ReduceOp::Sum || op == ReduceOp::Prod, "cumsum and cumprod only");
    RAMBA_ASSERT(axis >= 0 && axis < out.ndim() && out.shape == input.shape, "accumulate_into: the caller checks axis and shape");
    bool in_place = input.buffer == out.buffer && input.offset == out.offset && input.strides == out.strides && input.dtype == out.dtype;
    if (!in_place)
        assign(out, input);
    // Running fold along `axis` in place, one typed loop per line along the axis (numpy's order:
    // out[..., i, ...] = out[..., i-1, ...] op out[..., i, ...]). Integers wrap as numpy's do.
    int64_t n = out.shape[axis];
    int64_t stride = out.strides[axis];
    NDArray heads = out;
    heads.shape[axis] = std::min<int64_t>(n, 1);
    if (carry) {
        int64_t line = 1;
        for (int64_t k = 0; k < out.ndim(); ++k)
            line *= k == axis ? 1 : out.shape[k];
        RAMBA_ASSERT(carry->dtype == out.dtype && carry->is_c_contiguous() && carry->size() == line,
            "accumulate_into: the carry is one C-contiguous line of out's dtype");
    }
    bool is_sum = op == ReduceOp::Sum;
    dispatch_dtype(out.dtype, [&]<typename T>() {
        auto combine = [is_sum](T a, T b) -> T {
            if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
                using U = std::make_unsigned_t<T>;
                return static_cast<T>(is_sum ? static_cast<U>(static_cast<U>(a) + static_cast<U>(b))
                                             : static_cast<U>(static_cast<U>(a) * static_cast<U>(b)));
            } else if constexpr (std::is_same_v<T, bool>) {
                return is_sum ? (a || b) : (a && b);
            } else {
                return is_sum ? a + b : a * b;
            }
        };
        const T* before = carry ? reinterpret_cast<const T*>(carry->data()) : nullptr;
        int64_t inner = 1;
        for (int64_t k = axis + 1; k < out.ndim(); ++k)
            inner *= out.shape[k];
        if (out.is_c_contiguous() && inner > 1 && n > 0) {
            // OPTIMIZATION: an axis with contiguous lines after it (axis 0 of a C array) folds
            // whole lines, line i = line i-1 op line i, in memory order, its columns split over
            // threads. Every element sees the same operands in the same order: the same bits.
            int64_t outer = out.size() / (n * inner);
            T* base = reinterpret_cast<T*>(out.data());
            int threads = out.size() >= parallel_min_elements ? static_cast<int>(std::min<int64_t>(num_threads(), inner / 64 + 1)) : 1;
#pragma omp parallel for num_threads(threads) if (threads > 1) schedule(static)
            for (int t = 0; t < threads; ++t) {
                int64_t lo = inner * t / threads, hi = inner * (t + 1) / threads;
                for (int64_t o = 0; o < outer; ++o) {
                    T* line = base + o * n * inner;
                    if (before) {
                        const T* from = before + o * inner;
                        for (int64_t k = lo; k < hi; ++k)
                            line[k] = combine(from[k], line[k]);
                    }
                    for (int64_t i = 1; i < n; ++i) {
                        T* previous = line + (i - 1) * inner;
                        T* current = line + i * inner;
#pragma omp simd
                        for (int64_t k = lo; k < hi; ++k)
                            current[k] = combine(previous[k], current[k]);
                    }
                }
            }
            return;
        }
        // for_each_element walks the heads in C order, the carry's order.
        for_each_element(heads, [&](std::byte* head) {
            T running = *reinterpret_cast<T*>(head);
            if (before) {
                running = combine(*before++, running);
                *reinterpret_cast<T*>(head) = running;
            }
            std::byte* p = head;
            for (int64_t i = 1; i < n; ++i) {
                p += stride;
                T* element = reinterpret_cast<T*>(p);
                running = combine(running, *element);
                *element = running;
            }
        });
    });
}

} // namespace ramba::vm
