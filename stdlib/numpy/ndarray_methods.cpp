// ndarray methods: one BuiltinSpec row each (self first). Reductions call the VM's reduce API;
// shape methods call engine/array/shape_ops; sort methods engine/array/sort.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/array/linalg.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/array/sort.hpp"
#include "engine/vm/ufunc.hpp"
#include "engine/seam/engine.hpp"
#include "stdlib/numpy/extras.hpp"
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/operators.hpp"
#include "stdlib/numpy/scalar_math.hpp"
#include "stdlib/numpy/reductions.hpp"
#include "stdlib/numpy/ufuncs.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

interp::Value ndarray_tofile(interp::CallContext&, std::span<interp::Value>); // io.cpp

using engine::DType;
using engine::NDArray;
using interp::CallContext;
using interp::Type;
using interp::Value;
using interp::Values;

std::optional<std::vector<int64_t>> axes_argument(CallContext& context, const Value& axis)
{
    if (axis.is_none())
        return std::nullopt;
    std::vector<int64_t> axes;
    if (axis.is(Type::Tuple) || axis.is(Type::List)) {
        for (const auto& item : interp::to_vector(context, axis))
            axes.push_back(interp::to_index(context, item));
        return axes;
    }
    axes.push_back(interp::to_index(context, axis));
    return axes;
}


namespace {

const NDArray& self_array(const Value& self) { return self.as<ArrayObject>().array(); }

engine::Shape shape_from_varargs(CallContext& context, const Value& varargs)
{
    const auto& items = varargs.as<interp::TupleObject>().items;
    if (items.size() == 1 && (items[0].is(Type::Tuple) || items[0].is(Type::List)))
        return shape_argument(context, items[0]);
    engine::Shape shape;
    for (const auto& item : items)
        shape.push_back(interp::to_index(context, item));
    return shape;
}

Value method_reshape(CallContext& context, std::span<Value> args)
{
    engine::Shape shape = shape_from_varargs(context, args[1]);
    if (auto done = seam::current().reshape(args[0].as<ArrayObject>(), shape))
        return wrap_engine_result(std::move(*done));
    return wrap_array(engine::reshape(self_array(args[0]), shape));
}

Value method_ravel(CallContext&, std::span<Value> args)
{
    if (auto done = seam::current().ravel(args[0].as<ArrayObject>(), false))
        return wrap_engine_result(std::move(*done));
    return wrap_array(engine::ravel(self_array(args[0])));
}

Value method_flatten(CallContext&, std::span<Value> args)
{
    if (auto done = seam::current().ravel(args[0].as<ArrayObject>(), true))
        return wrap_engine_result(std::move(*done));
    return wrap_array(engine::copy(engine::ravel(self_array(args[0]))));
}

Value method_transpose(CallContext& context, std::span<Value> args)
{
    const auto& items = args[1].as<interp::TupleObject>().items;
    std::optional<std::vector<int64_t>> axes;
    if (!items.empty() && !(items.size() == 1 && items[0].is_none()))
        axes = shape_from_varargs(context, args[1]);
    if (auto done = seam::current().transpose(args[0].as<ArrayObject>(), axes))
        return wrap_engine_result(std::move(*done));
    return wrap_array(engine::transpose(self_array(args[0]), axes));
}

Value method_swapaxes(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::swapaxes(self_array(args[0]), interp::to_index(context, args[1]), interp::to_index(context, args[2])));
}

Value method_copy(CallContext&, std::span<Value> args)
{
    if (auto done = seam::current().copy(args[0].as<ArrayObject>()))
        return wrap_engine_result(std::move(*done));
    return wrap_array(engine::copy(self_array(args[0])));
}

Value method_astype(CallContext& context, std::span<Value> args)
{
    DType dtype = to_dtype(context, args[1]).value_or(DType::Float64);
    // A cast that cannot warn, to another real dtype, joins the pending chain: it fuses with what
    // follows and a distributed array stays on its workers. (The same dtype is a copy, not a node:
    // a cast node to its operand's dtype is the operand.)
    auto& object = args[0].as<ArrayObject>();
    bool quiet = dtype != object.dtype() && !engine::cast_may_warn(object.dtype(), dtype)
        && engine::dtype_kind(object.dtype()) != 'c' && engine::dtype_kind(dtype) != 'c';
    if (quiet && !object.shape().empty() && should_defer(args.first(1)))
        return wrap_pending(engine::planner::cast_node(operand_node(context, args[0]), dtype, object.shape()));
    return wrap_array(engine::astype(self_array(args[0]), dtype));
}

Value method_fill(CallContext& context, std::span<Value> args)
{
    NDArray value = to_array(context, args[1]);
    flush_pending(); // pending nodes may read this buffer
    engine::assign(args[0].as<ArrayObject>().writable(), value);
    return Value::none();
}

Value to_list(const NDArray& a, size_t axis, const std::byte* base)
{
    if (axis == a.shape.size())
        return element_to_value(a.dtype, base);
    Values items;
    for (int64_t i = 0; i < a.shape[axis]; ++i)
        items.push_back(to_list(a, axis + 1, base + i * a.strides[axis]));
    return interp::make_list(std::move(items));
}

Value method_tolist(CallContext&, std::span<Value> args)
{
    const NDArray& a = self_array(args[0]);
    return to_list(a, 0, a.data());
}

Value method_item(CallContext& context, std::span<Value> args)
{
    const NDArray& a = self_array(args[0]);
    const auto& items = args[1].as<interp::TupleObject>().items;
    if (items.empty()) {
        if (a.size() != 1)
            raise(ErrorKind::ValueError, "can only convert an array of size 1 to a Python scalar");
        NDArray c = engine::ascontiguous(a);
        return element_to_value(a.dtype, c.data());
    }
    if (items.size() == 1 && !items[0].is(Type::Tuple)) {
        int64_t flat = interp::to_index(context, items[0]);
        int64_t size = a.size();
        if (flat < -size || flat >= size)
            raise(ErrorKind::IndexError, "index " + std::to_string(flat) + " is out of bounds for size " + std::to_string(size));
        if (flat < 0)
            flat += size;
        NDArray c = engine::ascontiguous(a);
        return element_to_value(a.dtype, c.data() + flat * static_cast<int64_t>(a.itemsize()));
    }
    Value index = items.size() == 1 ? items[0] : interp::make_tuple(items);
    auto result = engine::index_get(a, index_items(context, index));
    return element_to_value(result.array.dtype, result.array.data());
}

Value method_sort(CallContext& context, std::span<Value> args)
{
    if (seam::current().sort_in_place(args[0].as<ArrayObject>(), { args[1].is_none(), [&] { return interp::to_index(context, args[1]); } },
            [] { flush_pending(); }))
        return Value::none();
    const NDArray& a = args[0].as<ArrayObject>().writable();
    NDArray sorted = engine::sort(a, interp::to_index(context, args[1]));
    flush_pending(); // pending nodes may read this buffer
    engine::assign(a, sorted);
    return Value::none();
}

Value method_argsort(CallContext& context, std::span<Value> args)
{
    if (auto done = seam::current().sort(args[0].as<ArrayObject>(), { args[1].is_none(), [&] { return interp::to_index(context, args[1]); } }, true))
        return wrap_engine_result(std::move(*done));
    const NDArray& a = self_array(args[0]);
    if (args[1].is_none())
        return wrap_array(engine::argsort(engine::ravel(a), 0));
    return wrap_array(engine::argsort(a, interp::to_index(context, args[1])));
}

Value method_nonzero(CallContext&, std::span<Value> args)
{
    Values items;
    for (auto& indices : engine::nonzero(self_array(args[0])))
        items.push_back(wrap_array(std::move(indices)));
    return interp::make_tuple(std::move(items));
}

Value method_squeeze(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::squeeze(self_array(args[0]), axes_argument(context, args[1])));
}

Value method_repeat(CallContext& context, std::span<Value> args)
{
    NDArray repeats = engine::astype(to_array(context, args[1]), DType::Int64);
    repeats = engine::ravel(repeats);
    std::vector<int64_t> counts(reinterpret_cast<const int64_t*>(repeats.data()),
        reinterpret_cast<const int64_t*>(repeats.data()) + repeats.size());
    std::optional<int64_t> axis;
    if (!args[2].is_none())
        axis = interp::to_index(context, args[2]);
    return wrap_array(engine::repeat(self_array(args[0]), counts, axis));
}



Value method_dot(CallContext& context, std::span<Value> args)
{
    if (auto done = engine_matmul(context, args[0], args[1]))
        return *done;
    return wrap_result(engine::dot(self_array(args[0]), to_array(context, args[1])));
}


Value method_trace(CallContext& context, std::span<Value> args)
{
    return wrap_result(engine::trace(self_array(args[0]), interp::to_index(context, args[1]),
        interp::to_index(context, args[2]), interp::to_index(context, args[3])));
}

Value method_searchsorted(CallContext& context, std::span<Value> args)
{
    std::string side = args[2].is(Type::Str) ? args[2].as<interp::StrObject>().value : "left";
    return wrap_result(engine::searchsorted(self_array(args[0]), to_array(context, args[1]), side == "right"));
}

} // namespace

Value dunder_abs(CallContext& context, std::span<Value> args)
{
    engine::Scalar input, result;
    if (is_numpy_scalar(args[0]) && scalar_of(args[0], input)
        && apply_scalar_op(context, vm::OpCode::Absolute, { &input, 1 }, ScalarCall::Operator, result))
        return wrap_scalar(result);
    NDArray a = to_array(context, args[0]);
    return wrap_result(apply_ufunc(context, "absolute", { &a, 1 }));
}

// round(x[, ndigits]): numpy's around; a numpy scalar with no ndigits gives a Python int.
Value dunder_round(CallContext& context, std::span<Value> args)
{
    Value numpy = interp::make_module(interp::import_module("numpy"));
    Value digits = args[1].is_none() ? Value::integer(0) : args[1];
    Value rounded = context.call(interp::get_attribute(context, numpy, "round"), std::vector<Value> { args[0], digits });
    if (args[1].is_none() && is_numpy_scalar(rounded)) {
        double d = numpy_scalar(rounded).as_double();
        if (!std::isfinite(d))
            raise(std::isnan(d) ? ErrorKind::ValueError : ErrorKind::OverflowError,
                std::isnan(d) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
        return Value::integer(static_cast<int64_t>(d));
    }
    return rounded;
}

namespace {

const interp::BuiltinSpec methods[] = {
    { "__abs__", "(self)", dunder_abs, "abs(self)" },
    { "__round__", "(self, ndigits=None)", dunder_round, "round(self[, ndigits])" },
    { "reshape", "(self, *shape)", method_reshape, "Returns an array containing the same data with a new shape." },
    { "ravel", "(self)", method_ravel, "Return a flattened array (a view when possible)." },
    { "flatten", "(self)", method_flatten, "Return a copy of the array collapsed into one dimension." },
    { "transpose", "(self, *axes)", method_transpose, "Returns a view of the array with axes transposed." },
    { "swapaxes", "(self, axis1, axis2)", method_swapaxes, "Return a view of the array with axis1 and axis2 interchanged." },
    { "copy", "(self)", method_copy, "Return a copy of the array." },
    // ramba: a distributed array's values gathered as a numpy array; here every array is local, so a copy.
    { "asarray", "(self)", method_copy, "ramba: the array's values as a local numpy array (a copy)." },
    { "astype", "(self, dtype)", method_astype, "Copy of the array, cast to a specified type." },
    { "fill", "(self, value)", method_fill, "Fill the array with a scalar value." },
    { "tolist", "(self)", method_tolist, "Return the array as a nested list of Python scalars." },
    { "item", "(self, *args)", method_item, "Copy an element of an array to a standard Python scalar and return it." },
    { "sort", "(self, axis=-1, kind=None)", method_sort, "Sort an array in-place." },
    { "argsort", "(self, axis=-1, kind=None)", method_argsort, "Returns the indices that would sort this array." },
    { "searchsorted", "(self, v, side='left')", method_searchsorted, "Find indices where elements of v should be inserted to maintain order." },
    { "nonzero", "(self)", method_nonzero, "Return the indices of the elements that are non-zero." },
    { "squeeze", "(self, axis=None)", method_squeeze, "Remove axes of length one." },
    { "repeat", "(self, repeats, axis=None)", method_repeat, "Repeat elements of an array." },
    { "tofile", "(self, fid, sep='')", ndarray_tofile, "Write the array to a file as binary (or text with sep)." },
    { "dot", "(self, b)", method_dot, "Dot product of two arrays." },
    { "trace", "(self, offset=0, axis1=0, axis2=1)", method_trace, "Return the sum along diagonals of the array." },
};

} // namespace

// Our rows plus the reduction/ufunc rows (sum, clip, round, conj) and extras.cpp's (diagonal,
// take) in one table for the TypeInfo.
std::span<const interp::BuiltinSpec> ndarray_methods()
{
    static const std::vector<interp::BuiltinSpec> all = [] {
        std::vector<interp::BuiltinSpec> rows(std::begin(methods), std::end(methods));
        for (auto extra : { reduction_methods(), ufunc_methods(), extra_methods() })
            for (const auto& row : extra)
                if (std::none_of(rows.begin(), rows.end(), [&](const auto& r) { return std::string_view(r.name) == row.name; }))
                    rows.push_back(row);
        return rows;
    }();
    return all;
}

} // namespace ramba::numpy
