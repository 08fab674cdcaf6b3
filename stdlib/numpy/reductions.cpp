// numpy's reductions, one row each. Axis/keepdims/dtype arguments are read here; vm::reduce owns
// numpy's dtype rules and loop order.
#include "stdlib/numpy/reductions.hpp"

#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/vm/ufunc.hpp"
#include "stdlib/numpy/array_object.hpp"
#include "engine/seam/engine.hpp"
#include "stdlib/numpy/fused_statistics.hpp"
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/ufuncs.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using interp::CallContext;
using interp::Value;
using vm::ReduceOp;

namespace {

std::optional<std::vector<int64_t>> axes_argument(CallContext& context, const Value& axis, int64_t ndim)
{
    if (axis.is_none())
        return std::nullopt;
    return normalize_axes(context, axis, ndim);
}

Value finish(CallContext& context, NDArray result, const Value& out)
{
    emit_vm_warnings(context);
    if (!out.is_none()) {
        if (!is_array(out))
            raise(ErrorKind::TypeError, "output must be an array");
        engine::assign(out.as<ArrayObject>().writable(), result);
        return out;
    }
    return wrap_result(std::move(result));
}

// np.<reduction>(a, axis=...) as the engine runs it (with a cluster: where the rows live);
// nullopt: the driver's way. The axes are parsed only when the engine takes the reduction.
std::optional<Value> engine_reduce(CallContext& context, ReduceOp op, const Value& array, const Value& axis, bool keepdims,
    int64_t ddof, std::optional<DType> dtype)
{
    auto* a = array_handle(array);
    if (!a)
        return std::nullopt;
    auto axes = [&](int64_t ndim) {
        if (op == ReduceOp::ArgMin || op == ReduceOp::ArgMax)
            return std::vector<int64_t> { normalize_axis(interp::to_index(context, axis), ndim) };
        return normalize_axes(context, axis, ndim);
    };
    seam::ReduceRequest request { axis.is_none(), axes, keepdims, ddof, dtype };
    if (auto done = seam::current().reduce(op, *a, request))
        return wrap_engine_result(std::move(*done));
    return std::nullopt;
}

// sum/prod/min/max/mean along the last axis of a pending chain over rows of at least 256 elements:
// the reduction fuses into the chain's pass, row by row (numpy's loop order, so the same bits), and
// the chain never touches memory. Shorter rows keep the eager path (a block per short row costs more).
bool fuse_last_axis(CallContext& context, ReduceOp op, const Value& array, const Value& axis, bool keepdims, Value& out)
{
    auto& object = array.as<ArrayObject>();
    const auto& shape = object.shape();
    int64_t ndim = static_cast<int64_t>(shape.size());
    char kind = engine::dtype_kind(object.dtype());
    if (!object.pending() || ndim < 2 || shape.back() < 256 || kind == 'c')
        return false;
    // numpy's mean: add.reduce in float64 for float64, integers and bool, then true_divide by the count
    // (float32 and float16 keep their own accumulation rules: eager path).
    if (op == ReduceOp::Mean && kind == 'f' && object.dtype() != DType::Float64)
        return false;
    auto axes = normalize_axes(context, axis, ndim);
    if (axes.size() != 1 || axes[0] != ndim - 1)
        return false;
    int64_t rows = 1;
    for (int64_t k = 0; k + 1 < ndim; ++k)
        rows *= shape[k];
    if (rows == 0)
        return false;
    engine::planner::NodePtr operand = operand_node(context, array);
    if (op == ReduceOp::Mean)
        operand = engine::planner::cast_node(operand, DType::Float64, shape);
    NDArray result = evaluate_now(engine::planner::reduce_last_axis_node(op == ReduceOp::Mean ? ReduceOp::Sum : op, operand));
    if (op == ReduceOp::Mean) {
        NDArray count = NDArray::empty(DType::Float64, {});
        double n = static_cast<double>(shape.back());
        std::memcpy(count.data(), &n, sizeof n);
        result = vm::apply(vm::OpCode::TrueDivide, result, count);
    }
    if (keepdims) {
        engine::Shape kept = result.shape;
        kept.push_back(1);
        result = engine::reshape(result, kept);
    }
    emit_vm_warnings(context);
    out = wrap_result(std::move(result));
    return true;
}

Value run(CallContext& context, ReduceOp op, const Value& array, const Value& axis, std::optional<DType> dtype,
    const Value& out, bool keepdims, int64_t ddof = 0)
{
    // A full sum/prod/min/max of a pending chain fuses into the chain's pass; the chain itself is
    // not written to memory unless a live handle still holds it.
    bool fusible = op == ReduceOp::Sum || op == ReduceOp::Prod || op == ReduceOp::Min || op == ReduceOp::Max;
    if (fusible && axis.is_none() && !dtype && out.is_none() && !keepdims && is_array(array)
        && array.as<ArrayObject>().is_lazy_operand()
        && engine::dtype_kind(array.as<ArrayObject>().dtype()) != 'c') {
        auto node = engine::planner::reduce_node(op, operand_node(context, array));
        NDArray result = evaluate_now(node);
        emit_vm_warnings(context);
        return wrap_result(std::move(result));
    }
    // Along the last axis of a pending chain the reduction fuses into the chain's kernel (on the
    // workers too, when the chain is distributed); other axes of distributed arrays reduce there.
    if ((fusible || op == ReduceOp::Mean) && !axis.is_none() && !dtype && out.is_none() && is_array(array)) {
        if (Value fused; fuse_last_axis(context, op, array, axis, keepdims, fused))
            return fused;
    }
    if (!axis.is_none() && out.is_none()) {
        if (auto done = engine_reduce(context, op, array, axis, keepdims, ddof, dtype)) {
            emit_vm_warnings(context);
            return *done;
        }
    }
    if (Value fused; axis.is_none() && !dtype && out.is_none() && !keepdims && fuse_statistic(context, op, array, ddof, fused))
        return fused;
    if (!out.is_none())
        flush_pending(); // out= writes into a buffer pending nodes may read
    NDArray a = to_array(context, array);
    auto axes = axes_argument(context, axis, a.ndim());
    vm::ReduceOptions options;
    options.dtype = dtype;
    options.keepdims = keepdims;
    options.ddof = ddof;
    std::optional<std::span<const int64_t>> span;
    if (axes)
        span = std::span<const int64_t>(*axes);
    return finish(context, vm::reduce(op, a, span, options), out);
}

// (a, axis=None, dtype=None, out=None, keepdims=False): sum prod mean nansum nanmean
template<ReduceOp Op>
Value with_dtype(CallContext& context, std::span<Value> args)
{
    return run(context, Op, args[0], args[1], to_dtype(context, args[2]), args[3], interp::truthy(context, args[4]));
}

// (a, axis=None, out=None, keepdims=False): min max amin amax any all ptp
template<ReduceOp Op>
Value without_dtype(CallContext& context, std::span<Value> args)
{
    return run(context, Op, args[0], args[1], std::nullopt, args[2], interp::truthy(context, args[3]));
}

// (a, axis=None, dtype=None, out=None, ddof=0, keepdims=False): std var
template<ReduceOp Op>
Value with_ddof(CallContext& context, std::span<Value> args)
{
    return run(context, Op, args[0], args[1], to_dtype(context, args[2]), args[3], interp::truthy(context, args[5]),
        int_argument(context, args[4], 0));
}

// (a, axis=None, out=None, *, keepdims=False): argmin argmax; axis must be one int.
template<ReduceOp Op>
Value arg_extremum(CallContext& context, std::span<Value> args)
{
    if (args[2].is_none()) {
        if (auto done = engine_reduce(context, Op, args[0], args[1], interp::truthy(context, args[3]), 0, std::nullopt)) {
            emit_vm_warnings(context);
            return *done;
        }
        if (Value found; args[1].is_none() && !interp::truthy(context, args[3]) && fuse_arg_extreme(context, Op, args[0], found))
            return found;
    }
    NDArray a = to_array(context, args[0]);
    std::optional<std::vector<int64_t>> axes;
    if (!args[1].is_none())
        axes = std::vector<int64_t> { normalize_axis(interp::to_index(context, args[1]), a.ndim()) };
    std::optional<std::span<const int64_t>> span;
    if (axes)
        span = std::span<const int64_t>(*axes);
    vm::ReduceOptions options;
    options.keepdims = interp::truthy(context, args[3]);
    return finish(context, vm::reduce(Op, a, span, options), args[2]);
}

// np.count_nonzero(a, axis=None, *, keepdims=False): a Python int for axis=None.
Value count_nonzero(CallContext& context, std::span<Value> args)
{
    bool keepdims = interp::truthy(context, args[2]);
    if (auto done = engine_reduce(context, ReduceOp::CountNonzero, args[0], args[1], keepdims, 0, std::nullopt)) {
        if (args[1].is_none() && !keepdims)
            return Value::integer(interp::to_index(context, *done));
        return *done;
    }
    NDArray a = to_array(context, args[0]);
    auto axes = axes_argument(context, args[1], a.ndim());
    std::optional<std::span<const int64_t>> span;
    if (axes)
        span = std::span<const int64_t>(*axes);
    vm::ReduceOptions options;
    options.keepdims = keepdims;
    NDArray result = vm::reduce(ReduceOp::CountNonzero, a, span, options);
    if (!axes && !keepdims) {
        int64_t count;
        std::memcpy(&count, result.data(), sizeof(count));
        return Value::integer(count);
    }
    return wrap_result(std::move(result));
}

// (a, axis=None, dtype=None, out=None): cumsum cumprod
template<ReduceOp Op>
Value accumulate(CallContext& context, std::span<Value> args)
{
    if (auto* a = array_handle(args[0]); a && args[3].is_none()) {
        if (auto done = seam::current().scan(Op, *a, { args[1].is_none(), [&] { return interp::to_index(context, args[1]); } },
                to_dtype(context, args[2])))
            return wrap_engine_result(std::move(*done));
    }
    NDArray a = to_array(context, args[0]);
    std::optional<int64_t> axis;
    if (!args[1].is_none())
        axis = normalize_axis(interp::to_index(context, args[1]), std::max<int64_t>(a.ndim(), 1));
    return finish(context, vm::accumulate(Op, a, axis, to_dtype(context, args[2])), args[3]);
}

// np.median(a, axis=None, out=None, overwrite_input=False, keepdims=False)
Value median(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    auto axes = axes_argument(context, args[1], a.ndim());
    std::optional<std::span<const int64_t>> span;
    if (axes)
        span = std::span<const int64_t>(*axes);
    return finish(context, vm::median(a, span, interp::truthy(context, args[4])), args[2]);
}

// np.percentile / np.quantile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False)
template<bool IsQuantile>
Value order_statistic(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    NDArray q = engine::astype(to_array(context, args[1]), DType::Float64);
    std::vector<double> qs(q.size());
    std::memcpy(qs.data(), engine::ascontiguous(q).data(), qs.size() * sizeof(double));
    if (!args[5].is(interp::Type::Str) || args[5].as<interp::StrObject>().value != "linear")
        raise(ErrorKind::NotImplementedError, "only method='linear' is supported");
    auto axes = axes_argument(context, args[2], a.ndim());
    std::optional<std::span<const int64_t>> span;
    if (axes)
        span = std::span<const int64_t>(*axes);
    NDArray result = IsQuantile ? vm::quantile(a, qs, q.ndim() == 0, span, interp::truthy(context, args[6]))
                                : vm::percentile(a, qs, q.ndim() == 0, span, interp::truthy(context, args[6]));
    if (q.ndim() > 1) {
        engine::Shape shape = q.shape;
        shape.insert(shape.end(), result.shape.begin() + 1, result.shape.end());
        result.strides = engine::c_strides(shape, result.itemsize());
        result.shape = shape;
    }
    return finish(context, std::move(result), args[3]);
}

#define RAMBA_WITH_DTYPE "(a, axis=None, dtype=None, out=None, keepdims=False)"
#define RAMBA_WITHOUT_DTYPE "(a, axis=None, out=None, keepdims=False)"
#define RAMBA_WITH_DDOF "(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False)"
#define RAMBA_ARG "(a, axis=None, out=None, *, keepdims=False)"
#define RAMBA_ACCUMULATE "(a, axis=None, dtype=None, out=None)"

const interp::BuiltinSpec functions[] = {
    { "sum", RAMBA_WITH_DTYPE, &with_dtype<ReduceOp::Sum>, "Sum of array elements over a given axis." },
    { "prod", RAMBA_WITH_DTYPE, &with_dtype<ReduceOp::Prod>, "Return the product of array elements over a given axis." },
    { "mean", RAMBA_WITH_DTYPE, &with_dtype<ReduceOp::Mean>, "Compute the arithmetic mean along the specified axis." },
    { "nansum", RAMBA_WITH_DTYPE, &with_dtype<ReduceOp::NanSum>, "Return the sum of array elements treating NaNs as zero." },
    { "nanmean", RAMBA_WITH_DTYPE, &with_dtype<ReduceOp::NanMean>, "Compute the arithmetic mean along the specified axis, ignoring NaNs." },
    { "std", RAMBA_WITH_DDOF, &with_ddof<ReduceOp::Std>, "Compute the standard deviation along the specified axis." },
    { "var", RAMBA_WITH_DDOF, &with_ddof<ReduceOp::Var>, "Compute the variance along the specified axis." },
    { "min", RAMBA_WITHOUT_DTYPE, &without_dtype<ReduceOp::Min>, "Return the minimum of an array or minimum along an axis." },
    { "max", RAMBA_WITHOUT_DTYPE, &without_dtype<ReduceOp::Max>, "Return the maximum of an array or maximum along an axis." },
    { "amin", RAMBA_WITHOUT_DTYPE, &without_dtype<ReduceOp::Min>, "Return the minimum of an array or minimum along an axis." },
    { "amax", RAMBA_WITHOUT_DTYPE, &without_dtype<ReduceOp::Max>, "Return the maximum of an array or maximum along an axis." },
    { "any", RAMBA_WITHOUT_DTYPE, &without_dtype<ReduceOp::Any>, "Test whether any array element along a given axis evaluates to True." },
    { "all", RAMBA_WITHOUT_DTYPE, &without_dtype<ReduceOp::All>, "Test whether all array elements along a given axis evaluate to True." },
    { "ptp", RAMBA_WITHOUT_DTYPE, &without_dtype<ReduceOp::Ptp>, "Range of values (maximum - minimum) along an axis." },
    { "argmin", RAMBA_ARG, &arg_extremum<ReduceOp::ArgMin>, "Returns the indices of the minimum values along an axis." },
    { "argmax", RAMBA_ARG, &arg_extremum<ReduceOp::ArgMax>, "Returns the indices of the maximum values along an axis." },
    { "count_nonzero", "(a, axis=None, *, keepdims=False)", &count_nonzero, "Counts the number of non-zero values in the array ``a``." },
    { "cumsum", RAMBA_ACCUMULATE, &accumulate<ReduceOp::Sum>, "Return the cumulative sum of the elements along a given axis." },
    { "cumprod", RAMBA_ACCUMULATE, &accumulate<ReduceOp::Prod>, "Return the cumulative product of elements along a given axis." },
    { "median", "(a, axis=None, out=None, overwrite_input=False, keepdims=False)", &median,
        "Compute the median along the specified axis." },
    { "percentile", "(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False)",
        &order_statistic<false>, "Compute the q-th percentile of the data along the specified axis." },
    { "quantile", "(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False)",
        &order_statistic<true>, "Compute the q-th quantile of the data along the specified axis." },
    { "nanmin", RAMBA_WITHOUT_DTYPE, &without_dtype<ReduceOp::NanMin>,
        "Return minimum of an array or minimum along an axis, ignoring any NaNs." },
    { "nanmax", RAMBA_WITHOUT_DTYPE, &without_dtype<ReduceOp::NanMax>,
        "Return the maximum of an array or maximum along an axis, ignoring any NaNs." },
};

#define RAMBA_M_WITH_DTYPE "(self, axis=None, dtype=None, out=None, keepdims=False)"
#define RAMBA_M_WITHOUT_DTYPE "(self, axis=None, out=None, keepdims=False)"

const interp::BuiltinSpec methods[] = {
    { "sum", RAMBA_M_WITH_DTYPE, &with_dtype<ReduceOp::Sum>, "Return the sum of the array elements over the given axis." },
    { "prod", RAMBA_M_WITH_DTYPE, &with_dtype<ReduceOp::Prod>, "Return the product of the array elements over the given axis." },
    { "mean", RAMBA_M_WITH_DTYPE, &with_dtype<ReduceOp::Mean>, "Returns the average of the array elements along given axis." },
    { "std", "(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False)", &with_ddof<ReduceOp::Std>,
        "Returns the standard deviation of the array elements along given axis." },
    { "var", "(self, axis=None, dtype=None, out=None, ddof=0, keepdims=False)", &with_ddof<ReduceOp::Var>,
        "Returns the variance of the array elements, along given axis." },
    { "min", RAMBA_M_WITHOUT_DTYPE, &without_dtype<ReduceOp::Min>, "Return the minimum along a given axis." },
    { "max", RAMBA_M_WITHOUT_DTYPE, &without_dtype<ReduceOp::Max>, "Return the maximum along a given axis." },
    { "any", RAMBA_M_WITHOUT_DTYPE, &without_dtype<ReduceOp::Any>, "Returns True if any of the elements of `a` evaluate to True." },
    { "all", RAMBA_M_WITHOUT_DTYPE, &without_dtype<ReduceOp::All>, "Returns True if all elements evaluate to True." },
    { "ptp", RAMBA_M_WITHOUT_DTYPE, &without_dtype<ReduceOp::Ptp>, "Peak to peak (maximum - minimum) value along a given axis." },
    { "argmin", "(self, axis=None, out=None, *, keepdims=False)", &arg_extremum<ReduceOp::ArgMin>,
        "Return indices of the minimum values along the given axis." },
    { "argmax", "(self, axis=None, out=None, *, keepdims=False)", &arg_extremum<ReduceOp::ArgMax>,
        "Return indices of the maximum values along the given axis." },
    { "cumsum", "(self, axis=None, dtype=None, out=None)", &accumulate<ReduceOp::Sum>,
        "Return the cumulative sum of the elements along the given axis." },
    { "cumprod", "(self, axis=None, dtype=None, out=None)", &accumulate<ReduceOp::Prod>,
        "Return the cumulative product of the elements along the given axis." },
};

} // namespace

std::span<const interp::BuiltinSpec> reduction_functions() { return functions; }
std::span<const interp::BuiltinSpec> reduction_methods() { return methods; }

} // namespace ramba::numpy
