// numpy shape functions as registration rows: reshape ravel transpose swapaxes moveaxis expand_dims
// squeeze concatenate stack hstack vstack column_stack split array_split tile repeat flip roll
// broadcast_to, and shape/ndim/size.
#include "stdlib/numpy/rows.hpp"

#include "engine/array/cast.hpp"
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

std::optional<std::vector<int64_t>> axes_argument(CallContext&, const Value& axis); // ndarray_methods.cpp

namespace {

// The parts of a list or tuple of ndarrays, as the engine sees them (`values` keeps them); empty
// when a part is not an ndarray or `sequence` is no list or tuple (the driver path then runs).
std::vector<const seam::ArrayHandle*> array_parts(CallContext& context, const Value& sequence, Values& values)
{
    std::vector<const seam::ArrayHandle*> parts;
    if (!(sequence.is(Type::List) || sequence.is(Type::Tuple)))
        return parts;
    values = interp::to_vector(context, sequence);
    for (auto& value : values) {
        auto* part = array_handle(value);
        if (!part)
            return {};
        parts.push_back(part);
    }
    return parts;
}

// np.hstack (along axis 1, or 0 for 1-d parts) and np.vstack (parts of 2+ dimensions: along 0) as
// the engine runs a concatenation; vstack of 1-d parts makes them rows first: the driver's way.
std::optional<Value> engine_stack(CallContext& context, const Value& sequence, bool horizontal)
{
    Values values;
    auto parts = array_parts(context, sequence, values);
    if (parts.empty())
        return std::nullopt;
    size_t ndim = parts[0]->shape().size();
    if (ndim == 0 || (!horizontal && ndim < 2))
        return std::nullopt;
    if (auto done = seam::current().concatenate(parts, horizontal && ndim >= 2 ? 1 : 0))
        return wrap_engine_result(std::move(*done));
    return std::nullopt;
}

std::vector<int64_t> int_list(CallContext& context, const Value& value)
{
    std::vector<int64_t> list;
    if (value.is(Type::Tuple) || value.is(Type::List) || is_array(value)) {
        NDArray a = engine::ascontiguous(engine::ravel(to_array(context, value)), DType::Int64);
        for (int64_t i = 0; i < a.size(); ++i)
            list.push_back(reinterpret_cast<const int64_t*>(a.data())[i]);
        return list;
    }
    list.push_back(interp::to_index(context, value));
    return list;
}

std::vector<NDArray> array_list(CallContext& context, const Value& sequence)
{
    std::vector<NDArray> arrays;
    if (is_array(sequence)) {
        const NDArray& a = sequence.as<ArrayObject>().array();
        for (int64_t i = 0; i < a.shape[0]; ++i) {
            NDArray row = a;
            row.shape.erase(row.shape.begin());
            row.strides.erase(row.strides.begin());
            row.offset += i * a.strides[0];
            arrays.push_back(row);
        }
        return arrays;
    }
    for (const auto& item : interp::to_vector(context, sequence))
        arrays.push_back(to_array(context, item));
    return arrays;
}

Value array_tuple(std::vector<NDArray> arrays, bool as_list)
{
    Values items;
    for (auto& a : arrays)
        items.push_back(wrap_array(std::move(a)));
    return as_list ? interp::make_list(std::move(items)) : interp::make_tuple(std::move(items));
}

Value np_reshape(CallContext& context, std::span<Value> args)
{
    engine::Shape shape = shape_argument(context, args[1]);
    if (auto* a = array_handle(args[0])) {
        if (auto done = seam::current().reshape(*a, shape))
            return wrap_engine_result(std::move(*done));
    }
    return wrap_array(engine::reshape(to_array(context, args[0]), shape));
}

Value np_ravel(CallContext& context, std::span<Value> args)
{
    if (auto* a = array_handle(args[0])) {
        if (auto done = seam::current().ravel(*a, false))
            return wrap_engine_result(std::move(*done));
    }
    return wrap_array(engine::ravel(to_array(context, args[0])));
}

Value np_transpose(CallContext& context, std::span<Value> args)
{
    std::optional<std::vector<int64_t>> axes;
    if (!args[1].is_none())
        axes = int_list(context, args[1]);
    if (auto* a = array_handle(args[0])) {
        if (auto done = seam::current().transpose(*a, axes))
            return wrap_engine_result(std::move(*done));
    }
    return wrap_array(engine::transpose(to_array(context, args[0]), axes));
}

Value np_swapaxes(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::swapaxes(to_array(context, args[0]), interp::to_index(context, args[1]), interp::to_index(context, args[2])));
}

Value np_moveaxis(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::moveaxis(to_array(context, args[0]), int_list(context, args[1]), int_list(context, args[2])));
}

Value np_expand_dims(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::expand_dims(to_array(context, args[0]), int_list(context, args[1])));
}

Value np_squeeze(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::squeeze(to_array(context, args[0]), axes_argument(context, args[1])));
}

Value np_concatenate(CallContext& context, std::span<Value> args)
{
    std::optional<int64_t> axis;
    if (!args[1].is_none())
        axis = interp::to_index(context, args[1]);
    if (axis) {
        Values values;
        if (auto parts = array_parts(context, args[0], values); !parts.empty()) {
            if (auto done = seam::current().concatenate(parts, *axis))
                return wrap_engine_result(std::move(*done));
        }
    }
    return wrap_array(engine::concatenate(array_list(context, args[0]), axis));
}

Value np_stack(CallContext& context, std::span<Value> args)
{
    Values values;
    if (auto parts = array_parts(context, args[0], values); !parts.empty()) {
        if (auto done = seam::current().stack(parts, [&] { return interp::to_index(context, args[1]); }))
            return wrap_engine_result(std::move(*done));
    }
    return wrap_array(engine::stack(array_list(context, args[0]), interp::to_index(context, args[1])));
}

Value np_hstack(CallContext& context, std::span<Value> args)
{
    if (auto done = engine_stack(context, args[0], true))
        return *done;
    return wrap_array(engine::hstack(array_list(context, args[0])));
}

Value np_vstack(CallContext& context, std::span<Value> args)
{
    if (auto done = engine_stack(context, args[0], false))
        return *done;
    return wrap_array(engine::vstack(array_list(context, args[0])));
}
Value np_column_stack(CallContext& context, std::span<Value> args)
{
    Values values;
    if (auto parts = array_parts(context, args[0], values); !parts.empty()) {
        if (auto done = seam::current().column_stack(parts))
            return wrap_engine_result(std::move(*done));
    }
    return wrap_array(engine::column_stack(array_list(context, args[0])));
}

Value split_common(CallContext& context, std::span<Value> args, bool strict)
{
    NDArray a = to_array(context, args[0]);
    int64_t axis = interp::to_index(context, args[2]);
    if (args[1].is(Type::List) || args[1].is(Type::Tuple) || is_array(args[1])) {
        auto indices = int_list(context, args[1]);
        return array_tuple(engine::split_at(a, indices, axis), true);
    }
    int64_t sections = interp::to_index(context, args[1]);
    return array_tuple(strict ? engine::split(a, sections, axis) : engine::array_split(a, sections, axis), true);
}

Value np_split(CallContext& context, std::span<Value> args) { return split_common(context, args, true); }
Value np_array_split(CallContext& context, std::span<Value> args) { return split_common(context, args, false); }

Value np_tile(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::tile(to_array(context, args[0]), int_list(context, args[1])));
}

Value np_repeat(CallContext& context, std::span<Value> args)
{
    std::optional<int64_t> axis;
    if (!args[2].is_none())
        axis = interp::to_index(context, args[2]);
    auto counts = int_list(context, args[1]);
    return wrap_array(engine::repeat(to_array(context, args[0]), counts, axis));
}

Value np_flip(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::flip(to_array(context, args[0]), axes_argument(context, args[1])));
}

Value np_fliplr(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::flip(to_array(context, args[0]), std::vector<int64_t> { 1 }));
}

Value np_flipud(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::flip(to_array(context, args[0]), std::vector<int64_t> { 0 }));
}

Value np_roll(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::roll(to_array(context, args[0]), int_list(context, args[1]), axes_argument(context, args[2])));
}

Value np_broadcast_to(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    engine::Shape shape = shape_argument(context, args[1]);
    try {
        return wrap_array(engine::broadcast_to(a, shape));
    } catch (const RambaError&) {
        raise(ErrorKind::ValueError, "operands could not be broadcast together with remapped shapes [original->remapped]: "
                + engine::shape_to_string(a.shape) + "  and requested shape " + engine::shape_to_string(shape));
    }
}

Value np_broadcast_shapes(CallContext& context, std::span<Value> args)
{
    std::vector<engine::Shape> shapes;
    for (const auto& v : interp::to_vector(context, args[0]))
        shapes.push_back(shape_argument(context, v));
    return shape_value(engine::broadcast_shapes(shapes));
}

Value np_atleast_1d(CallContext& context, std::span<Value> args) { return wrap_array(engine::atleast_nd(to_array(context, args[0]), 1)); }
Value np_atleast_2d(CallContext& context, std::span<Value> args) { return wrap_array(engine::atleast_nd(to_array(context, args[0]), 2)); }

Value np_shape(CallContext& context, std::span<Value> args) { return shape_value(to_array(context, args[0]).shape); }
Value np_ndim(CallContext& context, std::span<Value> args) { return Value::integer(to_array(context, args[0]).ndim()); }
Value np_size(CallContext& context, std::span<Value> args) { return Value::integer(to_array(context, args[0]).size()); }

const interp::BuiltinSpec rows[] = {
    { "reshape", "(a, newshape)", np_reshape, "Gives a new shape to an array without changing its data." },
    { "ravel", "(a)", np_ravel, "Return a contiguous flattened array." },
    { "transpose", "(a, axes=None)", np_transpose, "Returns an array with axes transposed." },
    { "swapaxes", "(a, axis1, axis2)", np_swapaxes, "Interchange two axes of an array." },
    { "moveaxis", "(a, source, destination)", np_moveaxis, "Move axes of an array to new positions." },
    { "expand_dims", "(a, axis)", np_expand_dims, "Expand the shape of an array." },
    { "squeeze", "(a, axis=None)", np_squeeze, "Remove axes of length one from `a`." },
    { "concatenate", "(arrays, axis=0)", np_concatenate, "Join a sequence of arrays along an existing axis." },
    { "stack", "(arrays, axis=0)", np_stack, "Join a sequence of arrays along a new axis." },
    { "hstack", "(tup)", np_hstack, "Stack arrays in sequence horizontally (column wise)." },
    { "vstack", "(tup)", np_vstack, "Stack arrays in sequence vertically (row wise)." },
    { "column_stack", "(tup)", np_column_stack, "Stack 1-D arrays as columns into a 2-D array." },
    { "split", "(ary, indices_or_sections, axis=0)", np_split, "Split an array into multiple sub-arrays as views into `ary`." },
    { "array_split", "(ary, indices_or_sections, axis=0)", np_array_split, "Split an array into multiple sub-arrays." },
    { "tile", "(A, reps)", np_tile, "Construct an array by repeating A the number of times given by reps." },
    { "repeat", "(a, repeats, axis=None)", np_repeat, "Repeat elements of an array." },
    { "flip", "(m, axis=None)", np_flip, "Reverse the order of elements in an array along the given axis." },
    { "fliplr", "(m)", np_fliplr, "Reverse the order of elements along axis 1 (left/right)." },
    { "flipud", "(m)", np_flipud, "Reverse the order of elements along axis 0 (up/down)." },
    { "roll", "(a, shift, axis=None)", np_roll, "Roll array elements along a given axis." },
    { "broadcast_to", "(array, shape)", np_broadcast_to, "Broadcast an array to a new shape." },
    { "broadcast_shapes", "(*args)", np_broadcast_shapes, "Broadcast the input shapes into a single shape." },
    { "atleast_1d", "(ary)", np_atleast_1d, "Convert inputs to arrays with at least one dimension." },
    { "atleast_2d", "(ary)", np_atleast_2d, "View inputs as arrays with at least two dimensions." },
    { "shape", "(a)", np_shape, "Return the shape of an array." },
    { "ndim", "(a)", np_ndim, "Return the number of dimensions of an array." },
    { "size", "(a)", np_size, "Return the number of elements." },
};

} // namespace

std::span<const interp::BuiltinSpec> shape_functions() { return rows; }

} // namespace ramba::numpy
