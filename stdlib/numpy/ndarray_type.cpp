// The ndarray's behaviour in the interpreter: indexing, operators (through the VM's ufuncs),
// attributes, printing, truth, len, iteration and conversions. Methods live in ndarray_methods.cpp.
#include <cmath>
#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/array/format.hpp"
#include "engine/array/index.hpp"
#include "engine/array/linalg.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/vm/ufunc.hpp"
#include "engine/planner/explain.hpp"
#include "engine/seam/engine.hpp"
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/operators.hpp"
#include "stdlib/numpy/scalar_math.hpp"
#include "stdlib/numpy/types.hpp"
#include "stdlib/numpy/ufuncs.hpp"

namespace ramba::numpy {

using engine::IndexItem;
using engine::NDArray;
using interp::CallContext;
using interp::Type;
using interp::Value;
using interp::Values;

std::span<const interp::BuiltinSpec> ndarray_methods();

void emit_fp_warnings(CallContext& context) { emit_vm_warnings(context); }

namespace {

const char* binary_ufunc_name(interp::BinaryOp op)
{
    switch (op) {
    case interp::BinaryOp::Add: return "add";
    case interp::BinaryOp::Sub: return "subtract";
    case interp::BinaryOp::Mul: return "multiply";
    case interp::BinaryOp::Div: return "true_divide";
    case interp::BinaryOp::FloorDiv: return "floor_divide";
    case interp::BinaryOp::Mod: return "remainder";
    case interp::BinaryOp::Pow: return "power";
    case interp::BinaryOp::BitAnd: return "bitwise_and";
    case interp::BinaryOp::BitOr: return "bitwise_or";
    case interp::BinaryOp::BitXor: return "bitwise_xor";
    case interp::BinaryOp::LShift: return "left_shift";
    case interp::BinaryOp::RShift: return "right_shift";
    case interp::BinaryOp::MatMul: return "matmul";
    }
    return "";
}

const char* compare_ufunc_name(interp::CompareOp op)
{
    switch (op) {
    case interp::CompareOp::Eq: return "equal";
    case interp::CompareOp::NotEq: return "not_equal";
    case interp::CompareOp::Lt: return "less";
    case interp::CompareOp::LtE: return "less_equal";
    case interp::CompareOp::Gt: return "greater";
    case interp::CompareOp::GtE: return "greater_equal";
    }
    return "";
}

const NDArray& self_array(const Value& self) { return self.as<ArrayObject>().array(); }

} // namespace

NDArray apply_ufunc(CallContext& context, std::string_view name, std::span<const NDArray> inputs)
{
    auto op = vm::find_op(name);
    RAMBA_ASSERT(op.has_value(), "every operator's ufunc is in the VM's op table");
    NDArray result = vm::apply(*op, inputs);
    emit_fp_warnings(context);
    return result;
}

// Large or pending operands build a planner node instead of computing (lazy.hpp).
bool defer_binary(CallContext& context, std::string_view name, const Value& lhs, const Value& rhs, Value& out)
{
    const Value operands[] = { lhs, rhs };
    auto code = vm::find_op(name);
    RAMBA_ASSERT(code.has_value(), "every operator's ufunc is in the VM's op table");
    return defer_elementwise(context, *code, operands, out);
}

std::optional<Value> engine_matmul(CallContext& context, const Value& a, const Value& b)
{
    if (!is_array(a) || !is_array_like(b))
        return std::nullopt;
    if (auto done = seam::current().matmul(a.as<ArrayObject>(), array_handle(b), [&] { return to_array(context, b); }))
        return wrap_engine_result(std::move(*done));
    return std::nullopt;
}

bool numpy_binary(CallContext& context, interp::BinaryOp op, const Value& lhs, const Value& rhs, Value& out)
{
    if (!is_array_like(lhs) || !is_array_like(rhs))
        return false;
    if (op != interp::BinaryOp::MatMul && defer_binary(context, binary_ufunc_name(op), lhs, rhs, out))
        return true;
    if (op == interp::BinaryOp::MatMul) {
        if (auto done = engine_matmul(context, lhs, rhs)) {
            out = *done;
            return true;
        }
    }
    NDArray inputs[] = { to_array(context, lhs), to_array(context, rhs) };
    if (op == interp::BinaryOp::MatMul) {
        out = wrap_result(engine::matmul(inputs[0], inputs[1]));
        return true;
    }
    out = wrap_result(apply_ufunc(context, binary_ufunc_name(op), inputs));
    return true;
}

bool numpy_compare(CallContext& context, interp::CompareOp op, const Value& lhs, const Value& rhs, Value& out)
{
    if (!is_array_like(lhs) || !is_array_like(rhs))
        return false;
    if (defer_binary(context, compare_ufunc_name(op), lhs, rhs, out))
        return true;
    NDArray inputs[] = { to_array(context, lhs), to_array(context, rhs) };
    out = wrap_result(apply_ufunc(context, compare_ufunc_name(op), inputs));
    return true;
}

Value numpy_unary(CallContext& context, interp::UnaryOp op, const Value& operand)
{
    if (op != interp::UnaryOp::Not) {
        auto code = vm::find_op(op == interp::UnaryOp::Neg ? "negative" : op == interp::UnaryOp::Pos ? "positive" : "invert");
        if (Value pending; defer_elementwise(context, *code, { &operand, 1 }, pending))
            return pending;
    }
    NDArray input = to_array(context, operand);
    switch (op) {
    case interp::UnaryOp::Neg: return wrap_result(apply_ufunc(context, "negative", { &input, 1 }));
    case interp::UnaryOp::Pos: return wrap_result(apply_ufunc(context, "positive", { &input, 1 }));
    case interp::UnaryOp::Invert: return wrap_result(apply_ufunc(context, "invert", { &input, 1 }));
    case interp::UnaryOp::Not: return Value::boolean(!interp::truthy(context, operand));
    }
    return {};
}

namespace {

bool array_inplace(CallContext& context, interp::BinaryOp op, Value& target, const Value& rhs)
{
    if (!is_array(target) || !is_array_like(rhs))
        return false;
    const NDArray& out = target.as<ArrayObject>().writable();
    NDArray inputs[] = { out, to_array(context, rhs) };
    if (op == interp::BinaryOp::MatMul)
        raise(ErrorKind::TypeError, "In-place matrix multiplication is not (yet) supported. Use 'a = a @ b' instead of 'a @= b'.");
    auto code = vm::find_op(binary_ufunc_name(op));
    RAMBA_ASSERT(code.has_value(), "every operator's ufunc is in the VM's op table");
    flush_pending(); // pending nodes may read this buffer
    vm::apply_into(*code, inputs, out);
    emit_fp_warnings(context);
    return true;
}

} // namespace

// Python index values -> engine index items.
std::vector<IndexItem> index_items(CallContext& context, const Value& index)
{
    std::vector<IndexItem> items;
    auto add = [&](const Value& item) {
        switch (item.type()) {
        case Type::Int:
        case Type::Bool:
            items.push_back(IndexItem::make_integer(item.as_int()));
            return;
        case Type::None:
            items.push_back(IndexItem::make(IndexItem::Kind::NewAxis));
            return;
        case Type::Ellipsis:
            items.push_back(IndexItem::make(IndexItem::Kind::Ellipsis));
            return;
        case Type::Slice: {
            const auto& slice = item.as<interp::SliceObject>();
            auto bound = [&](const Value& v) -> std::optional<int64_t> {
                if (v.is_none())
                    return std::nullopt;
                int64_t i;
                if (!interp::as_index(context, v, i))
                    raise(ErrorKind::TypeError, "slice indices must be integers or None or have an __index__ method");
                return i;
            };
            items.push_back(IndexItem::make_slice(bound(slice.start), bound(slice.stop), bound(slice.step)));
            return;
        }
        case Type::List:
            items.push_back(IndexItem::make_array(to_array(context, item)));
            if (items.back().array.size() == 0 && items.back().array.dtype == engine::DType::Float64)
                items.back().array = engine::astype(items.back().array, engine::DType::Int64);
            return;
        default:
            break;
        }
        if (is_array(item)) {
            items.push_back(IndexItem::make_array(item.as<ArrayObject>().array()));
            return;
        }
        if (is_numpy_scalar(item)) {
            const auto& s = numpy_scalar(item);
            char kind = dtype_kind(s.dtype);
            if (kind == 'i' || kind == 'u') {
                items.push_back(IndexItem::make_integer(s.as_int64()));
                return;
            }
            if (kind == 'b') {
                items.push_back(IndexItem::make_array(s.to_array()));
                return;
            }
        }
        raise(ErrorKind::IndexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer "
                                     "or boolean arrays are valid indices");
    };
    if (index.is(Type::Tuple)) {
        for (const auto& item : index.as<interp::TupleObject>().items)
            add(item);
    } else {
        add(index);
    }
    return items;
}

namespace {

// a[index] as the engine runs it (with a cluster: a mask or a short list of rows selected where the
// rows live, a basic index as a view); nullopt: the driver's way.
std::optional<Value> engine_get_item(CallContext& context, const ArrayObject& object, const Value& index)
{
    seam::Engine& engine = seam::current();
    // OPTIMIZATION: a[i] of driver data in a scalar loop skips describing it to an engine that
    // would decline.
    if (!engine.takes_driver_operands() && !object.is_lazy_operand())
        return std::nullopt;
    engine.prepare_index(object);
    seam::Outcome done;
    if (is_array(index) && index.as<ArrayObject>().dtype() == engine::DType::Bool) {
        done = engine.select_mask(object, index.as<ArrayObject>());
    } else if (index.is(Type::List) || (is_array(index) && index.as<ArrayObject>().shape().size() == 1)) {
        size_t count = index.is(Type::List) ? index.as<interp::ListObject>().items.size()
                                            : static_cast<size_t>(index.as<ArrayObject>().shape()[0]);
        done = engine.take_rows(object, count, [&]() -> std::optional<std::vector<int64_t>> {
            auto items = index_items(context, index);
            if (items.size() != 1 || items[0].kind != IndexItem::Kind::Array || items[0].array.ndim() != 1)
                return std::nullopt;
            NDArray positions = engine::ascontiguous(items[0].array, engine::DType::Int64);
            auto* first = reinterpret_cast<const int64_t*>(positions.data());
            return std::vector<int64_t>(first, first + positions.size());
        });
    }
    if (!done)
        done = engine.view(object, [&] { return index_items(context, index); });
    if (!done)
        return std::nullopt;
    return wrap_engine_result(std::move(*done));
}

// OPTIMIZATION: a[i], a[i, j] naming one element (Python ints, as many as the array has axes, in
// bounds) of data in the driver, the element loops' access: its address, without index items or a
// view, whichever engine runs (an element read or write never moves data to workers). A pending
// array is computed here once, and later accesses find its data. Null: the general path (slices,
// arrays, out-of-bounds errors, distributed data).
std::byte* element_address(const ArrayObject& object, const Value& index)
{
    int64_t positions[4];
    size_t count;
    if (index.is(Type::Int)) {
        positions[0] = index.as_int();
        count = 1;
    } else if (index.is(Type::Tuple)) {
        const auto& items = index.as<interp::TupleObject>().items;
        count = items.size();
        if (count > std::size(positions))
            return nullptr;
        for (size_t k = 0; k < count; ++k) {
            if (!items[k].is(Type::Int))
                return nullptr;
            positions[k] = items[k].as_int();
        }
    } else {
        return nullptr;
    }
    const NDArray* data = object.driver_data();
    if (!data) [[unlikely]] {
        if (object.distributed())
            return nullptr;
        object.array(); // computes a pending array, once
        if (!(data = object.driver_data()))
            return nullptr;
    }
    const NDArray& a = *data;
    if (a.ndim() != static_cast<int64_t>(count))
        return nullptr;
    std::byte* address = a.data();
    for (size_t k = 0; k < count; ++k) {
        int64_t i = positions[k], extent = a.shape[k];
        if (i < -extent || i >= extent)
            return nullptr;
        address += (i < 0 ? i + extent : i) * a.strides[k];
    }
    return address;
}

Value array_get_item(CallContext& context, const Value& self, const Value& index)
{
    if (std::byte* element = element_address(self.as<ArrayObject>(), index))
        return wrap_element(self.as<ArrayObject>().driver_data()->dtype, element);
    if (auto done = engine_get_item(context, self.as<ArrayObject>(), index))
        return *done;
    auto items = index_items(context, index);
    auto result = engine::index_get(self_array(self), items);
    if (result.is_scalar)
        return wrap_scalar(engine::Scalar::from_element(result.array.dtype, result.array.data()));
    return wrap_array(std::move(result.array));
}

namespace {

// Whether a[...] = value, for a scalar value (a number, a numpy scalar, a 0-d array), can be a
// kernel on the workers: the kernel casts as assignment does, but a where() around it would
// promote an integer array through float64 for a float value, and complex values warn.
bool scalar_fits_kernel(const Value& value, engine::DType target)
{
    if (is_array(value) && !value.as<ArrayObject>().shape().empty())
        return false;
    if (!is_array(value) && !value.is(Type::Int) && !value.is(Type::Float) && !value.is(Type::Bool) && !is_numpy_scalar(value))
        return false;
    engine::DType dtype = is_array(value) ? value.as<ArrayObject>().dtype()
        : is_numpy_scalar(value)          ? numpy_scalar(value).dtype
        : value.is(Type::Float)           ? engine::DType::Float64
        : value.is(Type::Bool)            ? engine::DType::Bool
                                          : engine::DType::Int64;
    char kind = engine::dtype_kind(dtype), target_kind = engine::dtype_kind(target);
    return kind != 'c' && target_kind != 'c' && !(kind == 'f' && target_kind != 'f');
}

} // namespace

// numpy stores a Python float or complex into an integer or real array through int()/float(), so
// NaN, infinity and complex values raise Python's errors (for any index, not only one element).
void check_python_scalar_store(const Value& value, engine::DType dtype)
{
    char to = dtype_kind(dtype);
    if (value.is(Type::Complex) && to != 'c' && to != 'b')
        raise(ErrorKind::TypeError, to == 'f' ? "float() argument must be a string or a real number, not 'complex'"
                                              : "int() argument must be a string, a bytes-like object or a real number, not 'complex'");
    if (value.is(Type::Float) && !value.is_library_float() && (to == 'i' || to == 'u')) {
        double d = value.as_float();
        if (std::isnan(d))
            raise(ErrorKind::ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d))
            raise(ErrorKind::OverflowError, "cannot convert float infinity to integer");
    }
}

// The element a[i] = value stores without numpy's warnings or errors: a number that converts to the
// array's dtype as numpy's assignment does (bool and integers to anything, Python ints in range for
// integer arrays, reals to float and complex, complex to complex). False: the general path.
bool element_value(const Value& value, engine::DType dtype, engine::Scalar& out)
{
    if (value.is(Type::Float) && dtype == engine::DType::Float64) { // the element loops' store
        out = engine::Scalar::make(dtype, value.as_float());
        return true;
    }
    engine::Scalar source;
    if (!scalar_of(value, source))
        return false;
    char from = dtype_kind(source.dtype), to = dtype_kind(dtype);
    if (to == 'b') {
        out = cast_scalar(source, dtype);
        return true;
    }
    if (value.is(Type::Float) && (to == 'i' || to == 'u')) {
        double d = std::trunc(value.as_float()); // finite: check_python_scalar_store ran

        if (!(d >= -9.2e18 && d <= 9.2e18))
            return false;
        return element_value(Value::integer(static_cast<int64_t>(d)), dtype, out);
    }
    if ((from == 'c' && to != 'c') || (from == 'f' && to != 'f' && to != 'c'))
        return false;
    if (value.is(Type::Int) && (to == 'i' || to == 'u')) {
        int64_t i = value.as_int();
        bool fits = engine::dispatch_dtype(dtype, [&]<typename T>() {
            if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>)
                return std::in_range<T>(i);
            return false;
        });
        if (!fits)
            return false;
    }
    out = cast_scalar(source, dtype);
    return true;
}

void array_set_item(CallContext& context, const Value& self, const Value& index, const Value& value)
{
    auto& object = self.as<ArrayObject>();
    if (value.is(Type::Complex) || (value.is(Type::Float) && !value.is_library_float()))
        check_python_scalar_store(value, object.dtype());
    // OPTIMIZATION: a[i] = x, a[i, j] = x of one element of driver data, stored in place (element_address).
    if (std::byte* address = element_address(object, index)) {
        engine::DType dtype = object.driver_data()->dtype;
        if (engine::Scalar element; element_value(value, dtype, element)) {
            flush_pending(); // pending nodes may read this buffer
            if (dtype == engine::DType::Float64)
                std::memcpy(address, element.bytes, sizeof(double));
            else
                std::memcpy(address, element.bytes, dtype_itemsize(dtype));
            return;
        }
    }
    const ArrayObject* source = array_handle(value);
    seam::Engine& engine = seam::current();
    // OPTIMIZATION: a[i] = x into driver data in a scalar loop skips describing it to an engine
    // that would decline.
    bool engine_may_take = engine.takes_driver_operands() || object.is_lazy_operand() || (source && source->is_lazy_operand());
    // What the engine needs to assign where the rows live, and the library's hooks it may call.
    auto items_of_index = [&] { return index_items(context, index); };
    auto value_node = [&] { return operand_node(context, value); };
    auto masked_node = [&]() -> engine::planner::NodePtr {
        Value operands[3] = { index, value, self };
        Value pending;
        if (!defer_elementwise(context, vm::OpCode::Where, operands, pending) || !is_array(pending) || !pending.as<ArrayObject>().pending())
            return nullptr;
        flush_pending_except(&pending.as<ArrayObject>()); // other pending nodes may read the array
        return operand_node(context, pending);
    };
    auto before_write = [&](bool keep_value) {
        if (keep_value)
            flush_pending_except(source);
        else
            flush_pending();
    };
    auto value_written = [&](std::shared_ptr<seam::DistView> view) { source->set_result(*engine::planner::dist_node(std::move(view))); };
    if (engine_may_take) {
        seam::Engine::Assignment assignment { array_handle(index), source, is_array_like(value), source && value.object()->ref_count() == 1,
            scalar_fits_kernel(value, object.dtype()), items_of_index, value_node, masked_node, before_write, value_written };
        if (engine.assign(object, assignment))
            return;
    }
    auto items = index_items(context, index);
    if (assign_pending(context, object.writable(), items, value))
        return;
    flush_pending(); // pending nodes may read this buffer
    engine::index_set(object.writable(), items, to_array(context, value));
}

std::string array_str(CallContext&, const Value& self) { return engine::array_str(self.as<ArrayObject>().readable()); }
std::string array_repr(CallContext&, const Value& self) { return engine::array_repr(self.as<ArrayObject>().readable()); }

bool array_truth(CallContext&, const Value& self)
{
    const NDArray& a = self_array(self);
    if (a.size() == 1)
        return engine::Scalar::from_element(a.dtype, a.data()).as_bool();
    if (a.size() == 0)
        return false; // numpy 1.24: DeprecationWarning, False
    raise(ErrorKind::ValueError,
        "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()");
}

int64_t array_length(CallContext&, const Value& self)
{
    const engine::Shape& shape = self.as<ArrayObject>().shape();
    if (shape.empty())
        raise(ErrorKind::TypeError, "len() of unsized object");
    return shape[0];
}

struct ArrayIterator final : interp::IteratorObject {
    NDArray array;
    int64_t position { 0 };
    bool next(CallContext&, Value& out) override
    {
        if (position >= array.shape[0])
            return false;
        NDArray row = array;
        row.shape.erase(row.shape.begin());
        row.strides.erase(row.strides.begin());
        row.offset += position * array.strides[0];
        ++position;
        if (row.ndim() == 0)
            out = wrap_scalar(engine::Scalar::from_element(row.dtype, row.data()));
        else
            out = wrap_array(std::move(row));
        return true;
    }
    std::string_view type_name() const override { return "iterator"; }
};

Value array_iterate(CallContext&, const Value& self)
{
    const NDArray& a = self_array(self);
    if (a.ndim() == 0)
        raise(ErrorKind::TypeError, "iteration over a 0-d array");
    auto iterator = interp::make_object<ArrayIterator>();
    iterator->array = a;
    return Value::object(Type::Iterator, iterator);
}

const engine::Scalar single_element(const NDArray& a)
{
    if (a.size() != 1)
        raise(ErrorKind::TypeError, "only size-1 arrays can be converted to Python scalars");
    NDArray flat = engine::ascontiguous(a);
    return engine::Scalar::from_element(a.dtype, flat.data());
}

bool array_to_int(CallContext&, const Value& self, int64_t& out)
{
    auto s = single_element(self_array(self));
    if (dtype_kind(s.dtype) == 'f') {
        double d = s.as_double();
        if (std::isnan(d))
            raise(ErrorKind::ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d))
            raise(ErrorKind::OverflowError, "cannot convert float infinity to integer");
    }
    out = s.as_int64();
    return true;
}

bool array_to_float(CallContext&, const Value& self, double& out)
{
    auto s = single_element(self_array(self));
    if (dtype_kind(s.dtype) == 'c')
        raise(ErrorKind::TypeError, "can't convert complex to float");
    out = s.as_double();
    return true;
}

bool array_to_complex(CallContext&, const Value& self, std::complex<double>& out)
{
    out = single_element(self_array(self)).as_complex();
    return true;
}

bool array_is_integer_index(const Value& self)
{
    const NDArray& a = self_array(self);
    return a.ndim() == 0 && (dtype_kind(a.dtype) == 'i' || dtype_kind(a.dtype) == 'u');
}

// Attributes

// shape, ndim, size and dtype never force a pending array (lazy.hpp).
Value attribute_shape(CallContext&, const Value& self) { return shape_value(self.as<ArrayObject>().shape()); }
Value attribute_ndim(CallContext&, const Value& self) { return Value::integer(static_cast<int64_t>(self.as<ArrayObject>().shape().size())); }
Value attribute_size(CallContext&, const Value& self)
{
    int64_t n = 1;
    for (auto extent : self.as<ArrayObject>().shape())
        n *= extent;
    return Value::integer(n);
}
Value attribute_dtype(CallContext&, const Value& self) { return dtype_value(self.as<ArrayObject>().dtype()); }
Value attribute_itemsize(CallContext&, const Value& self) { return Value::integer(static_cast<int64_t>(self_array(self).itemsize())); }
Value attribute_nbytes(CallContext&, const Value& self) { return Value::integer(self_array(self).nbytes()); }
Value attribute_strides(CallContext&, const Value& self) { return shape_value(self_array(self).strides); }
Value attribute_t(CallContext&, const Value& self)
{
    if (auto done = seam::current().transpose(self.as<ArrayObject>(), std::nullopt))
        return wrap_engine_result(std::move(*done));
    return wrap_array(engine::transpose(self_array(self)));
}

NDArray complex_part(const NDArray& a, bool imaginary)
{
    NDArray part = a;
    part.dtype = engine::DType::Float64;
    if (imaginary)
        part.offset += 8;
    return part;
}

Value attribute_real(CallContext&, const Value& self)
{
    const NDArray& a = self_array(self);
    if (dtype_kind(a.dtype) == 'c')
        return wrap_array(complex_part(a, false));
    return self;
}

Value attribute_imag(CallContext&, const Value& self)
{
    const NDArray& a = self_array(self);
    if (dtype_kind(a.dtype) == 'c')
        return wrap_array(complex_part(a, true));
    return wrap_array(NDArray::zeros(a.dtype, a.shape));
}

Value attribute_flat(CallContext&, const Value& self)
{
    // FIXME: numpy's flatiter also supports assignment (a.flat[i] = v); this is a flattened view/copy.
    return wrap_array(engine::ravel(self_array(self)));
}

// numpy's array_shape_set: a reshape that must not copy; the handle itself takes the new shape.
void set_attribute_shape(CallContext& context, const Value& self, const Value& value)
{
    auto& object = self.as<ArrayObject>();
    const NDArray& array = object.array();
    NDArray reshaped = engine::reshape(array, shape_argument(context, value));
    if (reshaped.buffer != array.buffer || reshaped.offset != array.offset) {
        raise(ErrorKind::AttributeError, "Incompatible shape for in-place modification. Use `.reshape()` "
                "to make a copy with the desired shape.");
    }
    object.set_local(std::move(reshaped));
}

const interp::AttributeSpec ndarray_attributes[] = {
    { "shape", attribute_shape, "Tuple of array dimensions.", set_attribute_shape },
    { "ndim", attribute_ndim, "Number of array dimensions." },
    { "size", attribute_size, "Number of elements in the array." },
    { "dtype", attribute_dtype, "Data-type of the array's elements." },
    { "itemsize", attribute_itemsize, "Length of one array element in bytes." },
    { "nbytes", attribute_nbytes, "Total bytes consumed by the elements of the array." },
    { "strides", attribute_strides, "Tuple of bytes to step in each dimension when traversing an array." },
    { "T", attribute_t, "View of the transposed array." },
    { "real", attribute_real, "The real part of the array." },
    { "imag", attribute_imag, "The imaginary part of the array." },
    { "flat", attribute_flat, "A 1-D iterator over the array." },
};

Value ndarray_type_object();

interp::TypeInfo make_ndarray_type_info()
{
    interp::TypeInfo info;
    info.name = "numpy.ndarray";
    info.methods = ndarray_methods();
    info.attributes = ndarray_attributes;
    info.binary = numpy_binary;
    info.inplace = array_inplace;
    info.unary = numpy_unary;
    info.compare = numpy_compare;
    info.get_item = array_get_item;
    info.set_item = array_set_item;
    info.str = array_str;
    info.repr = array_repr;
    info.truth = array_truth;
    info.length = array_length;
    info.iterate = array_iterate;
    info.to_int = array_to_int;
    info.to_float = array_to_float;
    info.to_complex = array_to_complex;
    info.is_integer_index = array_is_integer_index;
    info.type_object = ndarray_type_object;
    return info;
}

bool is_ndarray_instance(const Value& value, const interp::ClassObject&) { return is_array(value); }

Value ndarray_type_object()
{
    static Value cls = [] {
        auto object = interp::make_object<interp::ClassObject>();
        object->name = "numpy.ndarray";
        object->is_instance = is_ndarray_instance;
        return Value::object(Type::Class, object);
    }();
    return cls;
}

} // namespace

Value ndarray_class() { return ndarray_type_object(); }

const interp::TypeInfo& ndarray_type_info()
{
    static const interp::TypeInfo info = make_ndarray_type_info();
    return info;
}

} // namespace ramba::numpy
