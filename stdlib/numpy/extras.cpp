// numpy rows that build on the engine without new kernels: diagonal take atleast_3d broadcast_arrays
// in1d array_equiv unravel_index ravel_multi_index finfo iinfo issubdtype, and the abstract scalar
// classes (np.number, np.integer, ...) that issubdtype and isinstance test against.
#include "stdlib/numpy/extras.hpp"

#include <algorithm>
#include <cstring>
#include <limits>

#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/array/sort.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using engine::Shape;
using interp::CallContext;
using interp::Type;
using interp::Value;
using interp::Values;

namespace {

int64_t product(const Shape& shape, size_t begin = 0, size_t end = SIZE_MAX)
{
    int64_t n = 1;
    for (size_t i = begin; i < std::min(end, shape.size()); ++i)
        n *= shape[i];
    return n;
}

// An index argument as contiguous int64 (numpy refuses float indices with a casting TypeError).
NDArray index_array(CallContext& context, const Value& value)
{
    NDArray a = to_array(context, value);
    char kind = dtype_kind(a.dtype);
    if (kind != 'i' && kind != 'u' && kind != 'b')
        raise(ErrorKind::TypeError, "Cannot cast array data from dtype('" + std::string(dtype_name(a.dtype))
                + "') to dtype('int64') according to the rule 'safe'");
    return engine::ascontiguous(a, DType::Int64);
}

// np.diagonal: a view in numpy (read-only); we return a copy of the same values.
Value np_diagonal(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    int64_t offset = interp::to_index(context, args[1]);
    if (a.ndim() < 2)
        raise(ErrorKind::ValueError, "diag requires an array of at least two dimensions");
    int64_t axis1 = normalize_axis(interp::to_index(context, args[2]), a.ndim());
    int64_t axis2 = normalize_axis(interp::to_index(context, args[3]), a.ndim());
    if (axis1 == axis2)
        raise(ErrorKind::ValueError, "axis1 and axis2 cannot be the same");
    int64_t n1 = a.shape[static_cast<size_t>(axis1)], n2 = a.shape[static_cast<size_t>(axis2)];
    int64_t s1 = a.strides[static_cast<size_t>(axis1)], s2 = a.strides[static_cast<size_t>(axis2)];
    int64_t start1 = offset >= 0 ? 0 : -offset, start2 = offset >= 0 ? offset : 0;
    int64_t length = std::max<int64_t>(0, std::min(n1 - start1, n2 - start2));
    NDArray view = a;
    view.shape.clear();
    view.strides.clear();
    for (int64_t d = 0; d < a.ndim(); ++d) {
        if (d == axis1 || d == axis2)
            continue;
        view.shape.push_back(a.shape[static_cast<size_t>(d)]);
        view.strides.push_back(a.strides[static_cast<size_t>(d)]);
    }
    view.shape.push_back(length);
    view.strides.push_back(s1 + s2);
    if (length > 0)
        view.offset += start1 * s1 + start2 * s2;
    return wrap_array(engine::copy(view));
}

Value np_take(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    NDArray indices = index_array(context, args[1]);
    if (args[2].is_none())
        a = engine::ravel(a);
    int64_t axis = args[2].is_none() ? 0 : normalize_axis(interp::to_index(context, args[2]), a.ndim());
    a = engine::ascontiguous(a);
    auto ax = static_cast<size_t>(axis);
    Shape shape(a.shape.begin(), a.shape.begin() + axis);
    shape.insert(shape.end(), indices.shape.begin(), indices.shape.end());
    shape.insert(shape.end(), a.shape.begin() + axis + 1, a.shape.end());
    NDArray result = NDArray::empty(a.dtype, shape);
    int64_t outer = product(a.shape, 0, ax), n = a.shape[ax];
    auto block = static_cast<size_t>(product(a.shape, ax + 1) * static_cast<int64_t>(a.itemsize()));
    const auto* index = reinterpret_cast<const int64_t*>(indices.data());
    std::byte* out = result.data();
    for (int64_t o = 0; o < outer; ++o) {
        for (int64_t j = 0; j < indices.size(); ++j) {
            int64_t i = index[j] < 0 ? index[j] + n : index[j];
            if (i < 0 || i >= n)
                raise(ErrorKind::IndexError, "index " + std::to_string(index[j]) + " is out of bounds for axis "
                        + std::to_string(axis) + " with size " + std::to_string(n));
            if (block)
                std::memcpy(out, a.data() + (o * n + i) * static_cast<int64_t>(block), block);
            out += block;
        }
    }
    return wrap_result(std::move(result));
}

Value np_atleast_3d(CallContext& context, std::span<Value> args)
{
    Values results;
    for (const auto& item : args[0].as<interp::TupleObject>().items) {
        NDArray a = to_array(context, item);
        Shape shape = a.shape;
        if (a.ndim() == 0)
            shape = { 1, 1, 1 };
        else if (a.ndim() == 1)
            shape = { 1, a.shape[0], 1 };
        else if (a.ndim() == 2)
            shape = { a.shape[0], a.shape[1], 1 };
        results.push_back(wrap_array(engine::reshape(a, shape)));
    }
    if (results.size() == 1)
        return results[0];
    return interp::make_list(std::move(results));
}

Value np_broadcast_arrays(CallContext& context, std::span<Value> args)
{
    std::vector<NDArray> arrays;
    std::vector<Shape> shapes;
    for (const auto& item : args[0].as<interp::TupleObject>().items) {
        arrays.push_back(to_array(context, item));
        shapes.push_back(arrays.back().shape);
    }
    Shape shape = engine::broadcast_shapes(shapes);
    Values results;
    for (const auto& a : arrays)
        results.push_back(wrap_array(engine::broadcast_to(a, shape)));
    return interp::make_list(std::move(results));
}

Value np_in1d(CallContext& context, std::span<Value> args)
{
    return wrap_array(engine::isin(engine::ravel(to_array(context, args[0])), to_array(context, args[1]), interp::truthy(context, args[3])));
}

Value np_array_equiv(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]), b = to_array(context, args[1]);
    Shape shape;
    try {
        shape = engine::broadcast_shapes(a.shape, b.shape);
    } catch (const RambaError&) {
        return Value::boolean(false);
    }
    DType work = engine::promote_types(a.dtype, b.dtype);
    NDArray x = engine::ascontiguous(engine::broadcast_to(a, shape), work);
    NDArray y = engine::ascontiguous(engine::broadcast_to(b, shape), work);
    bool equal = true;
    engine::dispatch_dtype(work, [&]<typename T>() {
        const T* p = reinterpret_cast<const T*>(x.data());
        const T* q = reinterpret_cast<const T*>(y.data());
        for (int64_t i = 0; i < x.size() && equal; ++i)
            equal = p[i] == q[i];
    });
    return Value::boolean(equal);
}

bool fortran_order(const Value& order)
{
    return order.is(Type::Str) && order.as<interp::StrObject>().value == "F";
}

Value np_unravel_index(CallContext& context, std::span<Value> args)
{
    NDArray indices = index_array(context, args[0]);
    Shape dims = shape_argument(context, args[1]);
    bool fortran = fortran_order(args[2]);
    int64_t size = product(dims);
    std::vector<NDArray> coordinates;
    for (size_t d = 0; d < dims.size(); ++d)
        coordinates.push_back(NDArray::empty(DType::Int64, indices.shape));
    const auto* index = reinterpret_cast<const int64_t*>(indices.data());
    for (int64_t j = 0; j < indices.size(); ++j) {
        int64_t rest = index[j];
        if (rest < 0 || rest >= size)
            raise(ErrorKind::ValueError, "index " + std::to_string(rest) + " is out of bounds for array with size " + std::to_string(size));
        for (size_t k = 0; k < dims.size(); ++k) {
            size_t d = fortran ? k : dims.size() - 1 - k;
            reinterpret_cast<int64_t*>(coordinates[d].data())[j] = rest % dims[d];
            rest /= dims[d];
        }
    }
    Values items;
    for (auto& c : coordinates)
        items.push_back(wrap_result(std::move(c)));
    return interp::make_tuple(std::move(items));
}

Value np_ravel_multi_index(CallContext& context, std::span<Value> args)
{
    Values parts = interp::to_vector(context, args[0]);
    Shape dims = shape_argument(context, args[1]);
    if (parts.size() != dims.size())
        raise(ErrorKind::ValueError, "parameter multi_index must be a sequence of length " + std::to_string(dims.size()));
    std::string mode = args[2].is(Type::Str) ? args[2].as<interp::StrObject>().value : "raise";
    bool fortran = fortran_order(args[3]);
    std::vector<NDArray> arrays;
    std::vector<Shape> shapes;
    for (const auto& part : parts) {
        arrays.push_back(index_array(context, part));
        shapes.push_back(arrays.back().shape);
    }
    Shape shape = engine::broadcast_shapes(shapes);
    for (auto& a : arrays)
        a = engine::ascontiguous(engine::broadcast_to(a, shape));
    NDArray result = NDArray::empty(DType::Int64, shape);
    auto* out = reinterpret_cast<int64_t*>(result.data());
    for (int64_t j = 0; j < result.size(); ++j) {
        int64_t flat = 0;
        for (size_t k = 0; k < dims.size(); ++k) {
            size_t d = fortran ? dims.size() - 1 - k : k;
            int64_t i = reinterpret_cast<const int64_t*>(arrays[d].data())[j];
            if (i < 0 || i >= dims[d]) {
                if (mode == "wrap")
                    i = ((i % dims[d]) + dims[d]) % dims[d];
                else if (mode == "clip")
                    i = std::clamp<int64_t>(i, 0, dims[d] - 1);
                else
                    raise(ErrorKind::ValueError, "invalid entry in coordinates array");
            }
            flat = flat * dims[d] + i;
        }
        out[j] = flat;
    }
    return wrap_result(std::move(result));
}

// np.finfo / np.iinfo: small objects whose attributes are the limits of one dtype.
struct LimitsObject final : interp::OpaqueObject {
    DType dtype;
    bool floating;
    LimitsObject(DType d, bool f) : dtype(d), floating(f) { }
    const interp::TypeInfo& type_info() const override;
};

const LimitsObject& limits(const Value& self) { return static_cast<const LimitsObject&>(*self.object()); }

template<typename F>
Value float_limit(const Value& self, F&& f)
{
    if (limits(self).dtype == DType::Float32)
        return wrap_scalar(engine::Scalar::make(DType::Float32, static_cast<float>(f.template operator()<float>())));
    return wrap_scalar(engine::Scalar::make(DType::Float64, static_cast<double>(f.template operator()<double>())));
}

Value integer_limit(const Value& self, bool maximum)
{
    return engine::dispatch_dtype(limits(self).dtype, [&]<typename T>() -> Value {
        if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
            T v = maximum ? std::numeric_limits<T>::max() : std::numeric_limits<T>::min();
            if constexpr (std::is_same_v<T, uint64_t>)
                return wrap_scalar(engine::Scalar::make(DType::UInt64, v)); // beyond an int Value
            else
                return Value::integer(static_cast<int64_t>(v));
        }
        return Value::none();
    });
}

Value limits_min(CallContext&, const Value& self)
{
    if (!limits(self).floating)
        return integer_limit(self, false);
    return float_limit(self, []<typename T>() { return std::numeric_limits<T>::lowest(); });
}

Value limits_max(CallContext&, const Value& self)
{
    if (!limits(self).floating)
        return integer_limit(self, true);
    return float_limit(self, []<typename T>() { return std::numeric_limits<T>::max(); });
}

Value limits_eps(CallContext&, const Value& self) { return float_limit(self, []<typename T>() { return std::numeric_limits<T>::epsilon(); }); }
Value limits_epsneg(CallContext&, const Value& self) { return float_limit(self, []<typename T>() { return std::numeric_limits<T>::epsilon() / 2; }); }
Value limits_tiny(CallContext&, const Value& self) { return float_limit(self, []<typename T>() { return std::numeric_limits<T>::min(); }); }
Value limits_resolution(CallContext&, const Value& self)
{
    return float_limit(self, []<typename T>() { return std::is_same_v<T, float> ? T(1e-6) : T(1e-15); });
}
Value limits_precision(CallContext&, const Value& self) { return Value::integer(limits(self).dtype == DType::Float32 ? 6 : 15); }
Value limits_bits(CallContext&, const Value& self) { return Value::integer(static_cast<int64_t>(dtype_itemsize(limits(self).dtype) * 8)); }
Value limits_dtype(CallContext&, const Value& self) { return dtype_value(limits(self).dtype); }

std::string limits_repr(CallContext& context, const Value& self)
{
    const auto& l = limits(self);
    std::string body = "(";
    if (l.floating)
        body += "resolution=" + interp::str_value(context, limits_resolution(context, self)) + ", ";
    body += "min=" + interp::str_value(context, limits_min(context, self)) + ", max=" + interp::str_value(context, limits_max(context, self))
        + ", dtype=" + std::string(dtype_name(l.dtype)) + ")";
    return (l.floating ? "finfo" : "iinfo") + body;
}

// str(np.iinfo(...)) is numpy's table; finfo's longer table is not reproduced (str is the repr).
std::string limits_str(CallContext& context, const Value& self)
{
    const auto& l = limits(self);
    if (l.floating)
        return limits_repr(context, self);
    std::string rule(63, '-');
    return "Machine parameters for " + std::string(dtype_name(l.dtype)) + "\n" + rule + "\nmin = "
        + interp::str_value(context, limits_min(context, self)) + "\nmax = " + interp::str_value(context, limits_max(context, self))
        + "\n" + rule + "\n";
}

const interp::AttributeSpec limits_attributes[] = {
    { "min", limits_min, "The smallest representable value." },
    { "max", limits_max, "The largest representable value." },
    { "eps", limits_eps, "The difference between 1.0 and the next larger representable float." },
    { "epsneg", limits_epsneg, "The difference between 1.0 and the next smaller representable float." },
    { "tiny", limits_tiny, "The smallest positive normal number." },
    { "smallest_normal", limits_tiny, "The smallest positive normal number." },
    { "resolution", limits_resolution, "The approximate decimal resolution of this type." },
    { "precision", limits_precision, "The approximate number of decimal digits." },
    { "bits", limits_bits, "The number of bits the type occupies." },
    { "dtype", limits_dtype, "The dtype these limits describe." },
};

const interp::TypeInfo& LimitsObject::type_info() const
{
    static const interp::TypeInfo finfo = [] {
        interp::TypeInfo info {};
        info.name = "numpy.finfo";
        info.attributes = limits_attributes;
        info.str = limits_str;
        info.repr = limits_repr;
        return info;
    }();
    static const interp::TypeInfo iinfo = [] {
        interp::TypeInfo info = finfo;
        info.name = "numpy.iinfo";
        return info;
    }();
    return floating ? finfo : iinfo;
}

// The dtype of a dtype-like or array-like argument.
DType dtype_of(CallContext& context, const Value& value)
{
    if (is_array(value) || is_numpy_scalar(value))
        return to_array(context, value).dtype;
    return *to_dtype(context, value);
}

Value np_finfo(CallContext& context, std::span<Value> args)
{
    DType dtype = dtype_of(context, args[0]);
    if (dtype == DType::Complex128)
        dtype = DType::Float64;
    if (dtype_kind(dtype) != 'f')
        raise(ErrorKind::ValueError, "data type <class 'numpy." + std::string(dtype_name(dtype)) + "'> not inexact");
    return Value::object(Type::Opaque, interp::make_object<LimitsObject>(dtype, true));
}

Value np_iinfo(CallContext& context, std::span<Value> args)
{
    DType dtype = dtype_of(context, args[0]);
    char kind = dtype_kind(dtype);
    if (kind != 'i' && kind != 'u')
        raise(ErrorKind::ValueError, std::string("Invalid integer data type '") + kind + "'.");
    return Value::object(Type::Opaque, interp::make_object<LimitsObject>(dtype, false));
}

// numpy's abstract scalar hierarchy: generic > number > integer > signedinteger/unsignedinteger,
// number > inexact > floating/complexfloating. Each class's tag points at its row here.
struct AbstractClass {
    const char* name;
    int parent;        // index in abstract_classes, -1 for generic
    const char* kinds; // dtype kinds that are instances
};

const AbstractClass abstract_classes[] = {
    { "generic", -1, "biufc" },
    { "number", 0, "iufc" },
    { "integer", 1, "iu" },
    { "signedinteger", 2, "i" },
    { "unsignedinteger", 2, "u" },
    { "inexact", 1, "fc" },
    { "floating", 5, "f" },
    { "complexfloating", 5, "c" },
};

const AbstractClass* abstract_of(const Value& value)
{
    if (!value.is(Type::Class))
        return nullptr;
    const void* tag = value.as<interp::ClassObject>().tag;
    for (const auto& row : abstract_classes)
        if (tag == &row)
            return &row;
    return nullptr;
}

bool abstract_is_instance(const Value& value, const interp::ClassObject& self)
{
    if (!is_numpy_scalar(value))
        return false;
    char kind = dtype_kind(numpy_scalar(value).dtype);
    return std::strchr(static_cast<const AbstractClass*>(self.tag)->kinds, kind) != nullptr;
}

Value np_issubdtype(CallContext& context, std::span<Value> args)
{
    const AbstractClass* parent = abstract_of(args[1]);
    if (const AbstractClass* child = abstract_of(args[0])) {
        for (int i = static_cast<int>(child - abstract_classes); i >= 0; i = abstract_classes[i].parent)
            if (&abstract_classes[i] == parent)
                return Value::boolean(true);
        return Value::boolean(false);
    }
    DType dtype = *to_dtype(context, args[0]);
    if (parent)
        return Value::boolean(std::strchr(parent->kinds, dtype_kind(dtype)) != nullptr);
    return Value::boolean(dtype == *to_dtype(context, args[1]));
}

const interp::BuiltinSpec rows[] = {
    { "diagonal", "(a, offset=0, axis1=0, axis2=1)", np_diagonal, "Return specified diagonals." },
    { "take", "(a, indices, axis=None, out=None, mode='raise')", np_take, "Take elements from an array along an axis." },
    { "atleast_3d", "(*arys)", np_atleast_3d, "View inputs as arrays with at least three dimensions." },
    { "broadcast_arrays", "(*args, subok=False)", np_broadcast_arrays, "Broadcast any number of arrays against each other." },
    { "in1d", "(ar1, ar2, assume_unique=False, invert=False)", np_in1d, "Test whether each element of a 1-D array is also present in a second array." },
    { "array_equiv", "(a1, a2)", np_array_equiv, "Returns True if input arrays are shape consistent and all elements equal." },
    { "unravel_index", "(indices, shape, order='C')", np_unravel_index, "Converts a flat index or array of flat indices into a tuple of coordinate arrays." },
    { "ravel_multi_index", "(multi_index, dims, mode='raise', order='C')", np_ravel_multi_index, "Converts a tuple of index arrays into an array of flat indices." },
    { "finfo", "(dtype)", np_finfo, "Machine limits for floating point types." },
    { "iinfo", "(int_type)", np_iinfo, "Machine limits for integer types." },
    { "issubdtype", "(arg1, arg2)", np_issubdtype, "Returns True if first argument is a typecode lower/equal in type hierarchy." },
};

// The same functions as ndarray methods (`a.diagonal()`, `a.take(i)`): self binds to `a`.
const interp::BuiltinSpec method_rows[] = {
    { "diagonal", "(self, offset=0, axis1=0, axis2=1)", np_diagonal, "Return specified diagonals." },
    { "take", "(self, indices, axis=None, out=None, mode='raise')", np_take, "Take elements from an array along an axis." },
};

} // namespace

std::span<const interp::BuiltinSpec> extra_functions() { return rows; }
std::span<const interp::BuiltinSpec> extra_methods() { return method_rows; }

void add_extra_names(interp::ModuleObject& module)
{
    for (const auto& row : abstract_classes) {
        auto cls = interp::make_object<interp::ClassObject>();
        cls->name = "numpy." + std::string(row.name);
        cls->is_instance = abstract_is_instance;
        cls->tag = &row;
        module.set(row.name, Value::object(Type::Class, cls));
    }
}

} // namespace ramba::numpy
