// numpy creation functions as registration rows: array asarray zeros ones empty full *_like arange
// linspace logspace eye identity diag triu tril meshgrid fromfunction copy pad.
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/rows.hpp"

#include <cmath>
#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/array/creation.hpp"
#include "engine/array/shape_ops.hpp"
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

Value np_array(CallContext& context, std::span<Value> args)
{
    auto dtype = to_dtype(context, args[1]);
    NDArray array = to_array(context, args[0], dtype);
    bool copy = interp::truthy(context, args[2]);
    if (copy && is_array(args[0]) && array.buffer == args[0].as<ArrayObject>().array().buffer)
        array = engine::copy(array);
    int64_t ndmin = interp::to_index(context, args[3]);
    if (array.ndim() < ndmin)
        array = engine::atleast_nd(array, ndmin);
    return wrap_array(std::move(array));
}

Value np_asarray(CallContext& context, std::span<Value> args)
{
    return wrap_array(to_array(context, args[0], to_dtype(context, args[1])));
}

Value filled(CallContext& context, const Value& shape, const Value& dtype_value, double value)
{
    DType dtype = to_dtype(context, dtype_value).value_or(DType::Float64);
    // The engine may make it where it will live (a cluster's workers: no scatter later).
    if (auto done = seam::current().fill(dtype, shape_argument(context, shape), engine::Scalar::make(DType::Float64, value).to_array()))
        return wrap_engine_result(std::move(*done));
    NDArray array = value == 0 ? NDArray::zeros(dtype, shape_argument(context, shape)) : NDArray::empty(dtype, shape_argument(context, shape));
    if (value != 0)
        engine::fill(array, engine::Scalar::make(DType::Float64, value));
    return wrap_array(std::move(array));
}

Value np_zeros(CallContext& context, std::span<Value> args) { return filled(context, args[0], args[1], 0); }
Value np_ones(CallContext& context, std::span<Value> args) { return filled(context, args[0], args[1], 1); }
Value np_empty(CallContext& context, std::span<Value> args) { return filled(context, args[0], args[1], 0); }

Value np_full(CallContext& context, std::span<Value> args)
{
    NDArray fill_value = to_array(context, args[1]);
    DType dtype = to_dtype(context, args[2]).value_or(fill_value.dtype);
    NDArray array = NDArray::empty(dtype, shape_argument(context, args[0]));
    engine::assign(array, fill_value);
    return wrap_array(std::move(array));
}

NDArray like(CallContext& context, const Value& prototype, const Value& dtype, const Value& shape)
{
    NDArray a = to_array(context, prototype);
    DType d = to_dtype(context, dtype).value_or(a.dtype);
    return NDArray::zeros(d, shape.is_none() ? a.shape : shape_argument(context, shape));
}

Value np_zeros_like(CallContext& context, std::span<Value> args) { return wrap_array(like(context, args[0], args[1], args[2])); }
Value np_empty_like(CallContext& context, std::span<Value> args) { return wrap_array(like(context, args[0], args[1], args[2])); }
Value np_ones_like(CallContext& context, std::span<Value> args)
{
    NDArray a = like(context, args[0], args[1], args[2]);
    engine::fill(a, engine::Scalar::make(DType::Int64, int64_t(1)));
    return wrap_array(std::move(a));
}
Value np_full_like(CallContext& context, std::span<Value> args)
{
    NDArray a = like(context, args[0], args[2], args[3]);
    engine::assign(a, to_array(context, args[1]));
    return wrap_array(std::move(a));
}

bool is_float_like(const Value& v)
{
    if (v.is(Type::Float) || v.is(Type::Complex))
        return true;
    if (is_numpy_scalar(v))
        return dtype_kind(numpy_scalar(v).dtype) == 'f' || dtype_kind(numpy_scalar(v).dtype) == 'c';
    if (is_array(v))
        return dtype_kind(v.as<ArrayObject>().array().dtype) == 'f';
    return false;
}

double as_double(CallContext& context, const Value& v) { return interp::to_double(context, v); }

Value np_arange(CallContext& context, std::span<Value> args)
{
    Value start = args[0], stop = args[1], step = args[2];
    if (stop.is_none()) {
        stop = start;
        start = Value::integer(0);
    }
    bool floating = is_float_like(start) || is_float_like(stop) || (!step.is_none() && is_float_like(step));
    auto dtype = to_dtype(context, args[3]);
    if (!floating && (!dtype || dtype_kind(*dtype) != 'f')) {
        int64_t s = interp::to_index(context, start), e = interp::to_index(context, stop);
        int64_t st = step.is_none() ? 1 : interp::to_index(context, step);
        if (st == 0)
            raise(ErrorKind::ZeroDivisionError, "division by zero");
        // A large arange is an index generator the fused kernel computes in registers (lazy.hpp);
        // exact while every value fits a double's 53-bit mantissa.
        int64_t count = st > 0 ? (e > s ? (e - s + st - 1) / st : 0) : (s > e ? (s - e - st - 1) / -st : 0);
        constexpr int64_t exact = int64_t(1) << 52;
        if (!dtype && count >= lazy_min_elements && engine::planner::fusion_enabled() && s > -exact && s < exact
            && e > -exact && e < exact && st > -exact && st < exact) {
            return wrap_pending(engine::planner::arange_node(double(s), double(st), count, DType::Int64));
        }
        return wrap_array(engine::arange_int(s, e, st, dtype.value_or(DType::Int64)));
    }
    double st = step.is_none() ? 1.0 : as_double(context, step);
    if (st == 0)
        raise(ErrorKind::ZeroDivisionError, "division by zero");
    return wrap_array(engine::arange_float(as_double(context, start), as_double(context, stop), st, dtype.value_or(DType::Float64)));
}

Value np_linspace(CallContext& context, std::span<Value> args)
{
    auto dtype = to_dtype(context, args[5]);
    double step = 0;
    NDArray result = engine::linspace(as_double(context, args[0]), as_double(context, args[1]), interp::to_index(context, args[2]),
        interp::truthy(context, args[3]), dtype.value_or(DType::Float64), &step);
    if (interp::truthy(context, args[4]))
        return interp::make_tuple({ wrap_array(std::move(result)), wrap_scalar(engine::Scalar::make(DType::Float64, step)) });
    return wrap_array(std::move(result));
}

Value np_logspace(CallContext& context, std::span<Value> args)
{
    auto dtype = to_dtype(context, args[5]);
    return wrap_array(engine::logspace(as_double(context, args[0]), as_double(context, args[1]), interp::to_index(context, args[2]),
        interp::truthy(context, args[3]), as_double(context, args[4]), dtype.value_or(DType::Float64)));
}

Value np_eye(CallContext& context, std::span<Value> args)
{
    int64_t n = interp::to_index(context, args[0]);
    int64_t m = args[1].is_none() ? n : interp::to_index(context, args[1]);
    return wrap_array(engine::eye(n, m, interp::to_index(context, args[2]), to_dtype(context, args[3]).value_or(DType::Float64)));
}

Value np_identity(CallContext& context, std::span<Value> args)
{
    int64_t n = interp::to_index(context, args[0]);
    return wrap_array(engine::eye(n, n, 0, to_dtype(context, args[1]).value_or(DType::Float64)));
}

Value np_diag(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::diag(to_array(context, args[0]), interp::to_index(context, args[1])));
}

Value np_triu(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::triangle(to_array(context, args[0]), interp::to_index(context, args[1]), true));
}

Value np_tril(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::triangle(to_array(context, args[0]), interp::to_index(context, args[1]), false));
}

Value np_meshgrid(CallContext& context, std::span<Value> args)
{
    Values inputs = interp::to_vector(context, args[0]);
    std::string indexing = args[1].is(Type::Str) ? args[1].as<interp::StrObject>().value : "xy";
    if (indexing != "xy" && indexing != "ij")
        raise(ErrorKind::ValueError, "Valid values for `indexing` are 'xy' and 'ij'.");
    std::vector<NDArray> arrays;
    for (const auto& v : inputs)
        arrays.push_back(engine::ravel(to_array(context, v)));
    size_t n = arrays.size();
    engine::Shape shape;
    for (const auto& a : arrays)
        shape.push_back(a.size());
    if (indexing == "xy" && n >= 2)
        std::swap(shape[0], shape[1]);
    Values outputs;
    for (size_t i = 0; i < n; ++i) {
        size_t axis = i;
        if (indexing == "xy" && n >= 2 && i < 2)
            axis = 1 - i;
        engine::Shape view_shape(n, 1);
        view_shape[axis] = arrays[i].size();
        NDArray view = engine::reshape(arrays[i], view_shape);
        outputs.push_back(wrap_array(engine::copy(engine::broadcast_to(view, shape))));
    }
    return interp::make_list(std::move(outputs));
}

Value np_fromfunction(CallContext& context, std::span<Value> args)
{
    engine::Shape shape = shape_argument(context, args[1]);
    DType dtype = to_dtype(context, args[2]).value_or(DType::Float64);
    NDArray grid = engine::indices(shape, dtype);
    Values call_args;
    for (int64_t i = 0; i < static_cast<int64_t>(shape.size()); ++i) {
        NDArray part = grid;
        part.shape.erase(part.shape.begin());
        part.strides.erase(part.strides.begin());
        part.offset += i * grid.strides[0];
        call_args.push_back(wrap_array(part));
    }
    return context.call(args[0], call_args);
}

Value np_indices(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::indices(shape_argument(context, args[0]), to_dtype(context, args[1]).value_or(DType::Int64)));
}

Value np_copy(CallContext& context, std::span<Value> args) { return wrap_array(engine::copy(to_array(context, args[0]))); }

Value np_pad(CallContext& context, std::span<Value> args)
{
    NDArray array = to_array(context, args[0]);
    NDArray widths = engine::astype(to_array(context, args[1]), DType::Int64);
    widths = engine::ascontiguous(engine::broadcast_to(widths.ndim() == 1 && widths.size() == 2 ? engine::reshape(widths, { 1, 2 }) : widths,
        { array.ndim(), 2 }));
    std::vector<std::pair<int64_t, int64_t>> pairs;
    for (int64_t i = 0; i < array.ndim(); ++i) {
        auto* p = reinterpret_cast<const int64_t*>(widths.data()) + 2 * i;
        if (p[0] < 0 || p[1] < 0)
            raise(ErrorKind::ValueError, "index can't contain negative values");
        pairs.push_back({ p[0], p[1] });
    }
    std::string mode = args[2].is(Type::Str) ? args[2].as<interp::StrObject>().value : "constant";
    double constant = args[3].is_none() ? 0.0 : interp::to_double(context, args[3]);
    return wrap_array(engine::pad(array, pairs, mode, constant));
}

// np.mgrid / np.ogrid: objects indexed with slices; a complex step means a number of points.
struct GridObject final : interp::OpaqueObject {
    bool sparse;
    explicit GridObject(bool s) : sparse(s) { }
    const interp::TypeInfo& type_info() const override;
};

Value grid_get_item(CallContext& context, const Value& self, const Value& index)
{
    bool sparse = self.as<GridObject>().sparse;
    Values items = index.is(Type::Tuple) ? index.as<interp::TupleObject>().items : Values { index };
    bool single = !index.is(Type::Tuple);
    std::vector<NDArray> ranges;
    bool any_float = false;
    for (const auto& item : items) {
        if (!item.is(Type::Slice))
            raise(ErrorKind::TypeError, "mgrid/ogrid take slices");
        const auto& s = item.as<interp::SliceObject>();
        for (const Value* v : { &s.start, &s.stop, &s.step })
            if (v->is(Type::Float) || v->is(Type::Complex))
                any_float = true;
    }
    for (const auto& item : items) {
        const auto& s = item.as<interp::SliceObject>();
        double start = s.start.is_none() ? 0 : interp::to_double(context, s.start);
        double stop = interp::to_double(context, s.stop);
        if (s.step.is(Type::Complex)) {
            int64_t num = static_cast<int64_t>(std::abs(s.step.as_complex().imag()));
            ranges.push_back(engine::linspace(start, stop, num, true, DType::Float64));
        } else if (any_float) {
            double step = s.step.is_none() ? 1 : interp::to_double(context, s.step);
            ranges.push_back(engine::arange_float(start, stop, step, DType::Float64));
        } else {
            int64_t step = s.step.is_none() ? 1 : interp::to_index(context, s.step);
            ranges.push_back(engine::arange_int(static_cast<int64_t>(start), static_cast<int64_t>(stop), step, DType::Int64));
        }
    }
    if (single)
        return wrap_array(ranges[0]);
    DType dtype = any_float ? DType::Float64 : DType::Int64;
    engine::Shape shape;
    for (const auto& r : ranges)
        shape.push_back(r.size());
    size_t n = ranges.size();
    std::vector<NDArray> outputs;
    for (size_t i = 0; i < n; ++i) {
        engine::Shape view_shape(n, 1);
        view_shape[i] = ranges[i].size();
        NDArray view = engine::reshape(engine::astype(ranges[i], dtype), view_shape);
        outputs.push_back(sparse ? view : engine::copy(engine::broadcast_to(view, shape)));
    }
    if (sparse) {
        Values list;
        for (auto& o : outputs)
            list.push_back(wrap_array(o));
        return interp::make_list(std::move(list));
    }
    return wrap_array(engine::stack(outputs, 0));
}

const interp::TypeInfo& GridObject::type_info() const
{
    static const interp::TypeInfo info = [] {
        interp::TypeInfo i;
        i.name = "numpy.lib.index_tricks.MGridClass";
        i.get_item = grid_get_item;
        return i;
    }();
    return info;
}

const interp::BuiltinSpec rows[] = {
    { "array", "(object, dtype=None, copy=True, ndmin=0)", np_array, "Create an array." },
    { "asarray", "(a, dtype=None)", np_asarray, "Convert the input to an array." },
    // local_border= (Ramba: the halo each worker keeps for stencils) is accepted; it changes no value.
    { "zeros", "(shape, dtype=None, *, local_border=0)", np_zeros, "Return a new array of given shape and type, filled with zeros." },
    { "ones", "(shape, dtype=None, *, local_border=0)", np_ones, "Return a new array of given shape and type, filled with ones." },
    { "empty", "(shape, dtype=None, *, local_border=0)", np_empty, "Return a new array of given shape and type (ramba fills it with zeros)." },
    { "full", "(shape, fill_value, dtype=None, *, local_border=0)", np_full, "Return a new array of given shape and type, filled with `fill_value`." },
    { "zeros_like", "(a, dtype=None, shape=None)", np_zeros_like, "Return an array of zeros with the same shape and type as a given array." },
    { "ones_like", "(a, dtype=None, shape=None)", np_ones_like, "Return an array of ones with the same shape and type as a given array." },
    { "empty_like", "(a, dtype=None, shape=None)", np_empty_like, "Return a new array with the same shape and type as a given array." },
    { "full_like", "(a, fill_value, dtype=None, shape=None)", np_full_like, "Return a full array with the same shape and type as a given array." },
    { "arange", "(start, stop=None, step=None, dtype=None)", np_arange, "Return evenly spaced values within a given interval." },
    { "linspace", "(start, stop, num=50, endpoint=True, retstep=False, dtype=None)", np_linspace, "Return evenly spaced numbers over a specified interval." },
    { "logspace", "(start, stop, num=50, endpoint=True, base=10.0, dtype=None)", np_logspace, "Return numbers spaced evenly on a log scale." },
    { "eye", "(N, M=None, k=0, dtype=None)", np_eye, "Return a 2-D array with ones on the diagonal and zeros elsewhere." },
    { "identity", "(n, dtype=None)", np_identity, "Return the identity array." },
    { "diag", "(v, k=0)", np_diag, "Extract a diagonal or construct a diagonal array." },
    { "triu", "(m, k=0)", np_triu, "Upper triangle of an array." },
    { "tril", "(m, k=0)", np_tril, "Lower triangle of an array." },
    { "meshgrid", "(*xi, indexing='xy')", np_meshgrid, "Return coordinate matrices from coordinate vectors." },
    { "fromfunction", "(function, shape, dtype=None)", np_fromfunction, "Construct an array by executing a function over each coordinate." },
    { "indices", "(dimensions, dtype=None)", np_indices, "Return an array representing the indices of a grid." },
    { "copy", "(a)", np_copy, "Return an array copy of the given object." },
    { "pad", "(array, pad_width, mode='constant', constant_values=None)", np_pad, "Pad an array (modes 'constant' and 'edge')." },
};

} // namespace

std::span<const interp::BuiltinSpec> creation_functions() { return rows; }

Value make_grid(bool sparse) { return Value::object(Type::Opaque, interp::make_object<GridObject>(sparse)); }

} // namespace ramba::numpy
