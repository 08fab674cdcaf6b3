// numpy sorting, searching and comparison rows: sort argsort unique nonzero argwhere flatnonzero
// searchsorted isin allclose isclose array_equal.
#include "stdlib/numpy/rows.hpp"

#include <cmath>

#include "engine/array/cast.hpp"
#include "engine/array/index.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/array/sort.hpp"
#include "engine/seam/engine.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using interp::CallContext;
using interp::Type;
using interp::Value;
using interp::Values;

namespace {

Value np_sort(CallContext& context, std::span<Value> args)
{
    if (auto* a = array_handle(args[0])) {
        if (auto done = seam::current().sort(*a, { args[1].is_none(), [&] { return interp::to_index(context, args[1]); } }, false))
            return wrap_engine_result(std::move(*done));
    }
    NDArray a = to_array(context, args[0]);
    if (args[1].is_none())
        return wrap_array(engine::sort(engine::ravel(a), 0));
    return wrap_array(engine::sort(a, interp::to_index(context, args[1])));
}

Value np_argsort(CallContext& context, std::span<Value> args)
{
    if (auto* a = array_handle(args[0])) {
        if (auto done = seam::current().sort(*a, { args[1].is_none(), [&] { return interp::to_index(context, args[1]); } }, true))
            return wrap_engine_result(std::move(*done));
    }
    NDArray a = to_array(context, args[0]);
    if (args[1].is_none())
        return wrap_array(engine::argsort(engine::ravel(a), 0));
    return wrap_array(engine::argsort(a, interp::to_index(context, args[1])));
}

Value np_unique(CallContext& context, std::span<Value> args)
{
    auto result = engine::unique(to_array(context, args[0]));
    bool want_index = interp::truthy(context, args[1]), want_inverse = interp::truthy(context, args[2]),
         want_counts = interp::truthy(context, args[3]);
    if (!want_index && !want_inverse && !want_counts)
        return wrap_array(result.values);
    Values items { wrap_array(result.values) };
    if (want_index)
        items.push_back(wrap_array(result.index));
    if (want_inverse)
        items.push_back(wrap_array(result.inverse));
    if (want_counts)
        items.push_back(wrap_array(result.counts));
    return interp::make_tuple(std::move(items));
}

Value np_nonzero(CallContext& context, std::span<Value> args)
{
    Values items;
    for (auto& indices : engine::nonzero(to_array(context, args[0])))
        items.push_back(wrap_array(std::move(indices)));
    return interp::make_tuple(std::move(items));
}

Value np_argwhere(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    auto indices = engine::nonzero(a);
    int64_t count = indices.empty() ? 0 : indices[0].size();
    int64_t ndim = a.ndim();
    if (ndim == 0) {
        // numpy: argwhere of a 0-d array has shape (n, 0).
        return wrap_array(NDArray::empty(DType::Int64, { count, 0 }));
    }
    NDArray result = NDArray::empty(DType::Int64, { count, ndim });
    auto* p = reinterpret_cast<int64_t*>(result.data());
    for (int64_t i = 0; i < count; ++i)
        for (int64_t d = 0; d < ndim; ++d)
            p[i * ndim + d] = reinterpret_cast<const int64_t*>(indices[static_cast<size_t>(d)].data())[i];
    return wrap_array(std::move(result));
}

Value np_flatnonzero(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::nonzero(engine::ravel(to_array(context, args[0])))[0]);
}

Value np_searchsorted(CallContext& context, std::span<Value> args)
{
    std::string side = args[2].is(Type::Str) ? args[2].as<interp::StrObject>().value : "left";
    if (side != "left" && side != "right")
        raise(ErrorKind::ValueError, "side must be 'left' or 'right' (got '" + side + "')");
    return wrap_result(engine::searchsorted(to_array(context, args[0]), to_array(context, args[1]), side == "right"));
}

Value np_isin(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::isin(to_array(context, args[0]), to_array(context, args[1]), interp::truthy(context, args[3])));
}

// numpy.isclose: |a - b| <= atol + rtol * |b|, infinities equal only to themselves, NaN per equal_nan.
NDArray isclose(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]), b = to_array(context, args[1]);
    double rtol = interp::to_double(context, args[2]), atol = interp::to_double(context, args[3]);
    bool equal_nan = interp::truthy(context, args[4]);
    engine::Shape shape = engine::broadcast_shapes(a.shape, b.shape);
    bool complex_values = dtype_kind(a.dtype) == 'c' || dtype_kind(b.dtype) == 'c';
    DType work = complex_values ? DType::Complex128 : DType::Float64;
    NDArray x = engine::ascontiguous(engine::broadcast_to(engine::astype(a, work), shape));
    NDArray y = engine::ascontiguous(engine::broadcast_to(engine::astype(b, work), shape));
    NDArray result = NDArray::empty(DType::Bool, shape);
    bool* out = reinterpret_cast<bool*>(result.data());
    for (int64_t i = 0; i < result.size(); ++i) {
        std::complex<double> u, v;
        if (complex_values) {
            u = reinterpret_cast<const std::complex<double>*>(x.data())[i];
            v = reinterpret_cast<const std::complex<double>*>(y.data())[i];
        } else {
            u = reinterpret_cast<const double*>(x.data())[i];
            v = reinterpret_cast<const double*>(y.data())[i];
        }
        bool u_nan = std::isnan(u.real()) || std::isnan(u.imag()), v_nan = std::isnan(v.real()) || std::isnan(v.imag());
        bool u_finite = std::isfinite(u.real()) && std::isfinite(u.imag()), v_finite = std::isfinite(v.real()) && std::isfinite(v.imag());
        if (u_nan || v_nan)
            out[i] = equal_nan && u_nan && v_nan;
        else if (!u_finite || !v_finite)
            out[i] = u == v;
        else
            out[i] = std::abs(u - v) <= atol + rtol * std::abs(v);
    }
    return result;
}

Value np_isclose(CallContext& context, std::span<Value> args) { return wrap_result(isclose(context, args)); }

Value np_allclose(CallContext& context, std::span<Value> args)
{
    NDArray close = isclose(context, args);
    const bool* p = reinterpret_cast<const bool*>(close.data());
    for (int64_t i = 0; i < close.size(); ++i)
        if (!p[i])
            return Value::boolean(false);
    return Value::boolean(true);
}

Value np_array_equal(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]), b = to_array(context, args[1]);
    if (a.shape != b.shape)
        return Value::boolean(false);
    bool equal_nan = interp::truthy(context, args[2]);
    DType work = dtype_kind(a.dtype) == 'c' || dtype_kind(b.dtype) == 'c' ? DType::Complex128 : DType::Float64;
    bool integers = dtype_kind(a.dtype) != 'f' && dtype_kind(a.dtype) != 'c' && dtype_kind(b.dtype) != 'f' && dtype_kind(b.dtype) != 'c';
    if (integers)
        work = engine::promote_types(a.dtype, b.dtype);
    NDArray x = engine::ascontiguous(a, work), y = engine::ascontiguous(b, work);
    bool equal = true;
    dispatch_dtype(work, [&]<typename T>() {
        const T* p = reinterpret_cast<const T*>(x.data());
        const T* q = reinterpret_cast<const T*>(y.data());
        for (int64_t i = 0; i < x.size() && equal; ++i) {
            if (p[i] == q[i])
                continue;
            if constexpr (std::is_same_v<T, double>)
                if (equal_nan && std::isnan(p[i]) && std::isnan(q[i]))
                    continue;
            equal = false;
        }
    });
    return Value::boolean(equal);
}

const interp::BuiltinSpec rows[] = {
    { "sort", "(a, axis=-1, kind=None)", np_sort, "Return a sorted copy of an array (stable sort)." },
    { "argsort", "(a, axis=-1, kind=None)", np_argsort, "Returns the indices that would sort an array (stable: ties keep their order)." },
    { "unique", "(ar, return_index=False, return_inverse=False, return_counts=False)", np_unique, "Find the unique elements of an array." },
    { "nonzero", "(a)", np_nonzero, "Return the indices of the elements that are non-zero." },
    { "argwhere", "(a)", np_argwhere, "Find the indices of array elements that are non-zero, grouped by element." },
    { "flatnonzero", "(a)", np_flatnonzero, "Return indices that are non-zero in the flattened version of a." },
    { "searchsorted", "(a, v, side='left')", np_searchsorted, "Find indices where elements should be inserted to maintain order." },
    { "isin", "(element, test_elements, assume_unique=False, invert=False)", np_isin, "Calculates `element in test_elements`, broadcasting over `element` only." },
    { "isclose", "(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)", np_isclose, "Returns a boolean array where two arrays are element-wise equal within a tolerance." },
    { "allclose", "(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)", np_allclose, "Returns True if two arrays are element-wise equal within a tolerance." },
    { "array_equal", "(a1, a2, equal_nan=False)", np_array_equal, "True if two arrays have the same shape and elements, False otherwise." },
};

} // namespace

std::span<const interp::BuiltinSpec> search_functions() { return rows; }

} // namespace ramba::numpy
