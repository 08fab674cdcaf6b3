// Conversions between interpreter values and numpy objects (see array_object.hpp).
#include "stdlib/numpy/array_object.hpp"

#include <algorithm>
#include <cstring>

#include "engine/array/cast.hpp"
#include "interpreter/values/bigint.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using interp::Type;
using interp::Value;
using interp::Values;

const interp::TypeInfo& ArrayObject::type_info() const { return ndarray_type_info(); }
const interp::TypeInfo& DTypeObject::type_info() const { return dtype_type_info(); }

void raise(ErrorKind kind, std::string message) { throw RambaError(kind, std::move(message)); }

Value wrap_array(NDArray array) { return Value::object(Type::Opaque, interp::make_object<ArrayObject>(std::move(array))); }
Value wrap_scalar(engine::Scalar scalar)
{
    if (scalar.dtype == DType::Float64)
        return Value::library_float(scalar.get<double>());
    return Value::object(Type::Opaque, interp::make_object<ScalarObject>(scalar));
}

Value wrap_element(engine::DType dtype, const void* element)
{
    if (dtype == DType::Float64) {
        double d;
        __builtin_memcpy(&d, element, sizeof(d));
        return Value::library_float(d);
    }
    return Value::object(Type::Opaque, interp::make_object<ScalarObject>(dtype, element));
}

Value wrap_result(NDArray array)
{
    if (array.ndim() == 0)
        return wrap_scalar(engine::Scalar::from_element(array.dtype, array.data()));
    return wrap_array(std::move(array));
}

Value wrap_engine_result(seam::Result result)
{
    if (result.distributed)
        return Value::object(Type::Opaque, interp::make_object<ArrayObject>(std::move(result.distributed)));
    return wrap_result(std::move(result.local));
}

Value dtype_value(DType dtype) { return Value::object(Type::Opaque, interp::make_object<DTypeObject>(dtype)); }

// OPTIMIZATION: the TypeInfo's address tells the object's class (one virtual call, where
// dynamic_cast walks type_info names): element loops ask this for every operand.
bool is_array(const Value& value)
{
    return value.is(Type::Opaque) && &value.as<interp::OpaqueObject>().type_info() == &ndarray_type_info();
}



bool is_array_like(const Value& value)
{
    switch (value.type()) {
    case Type::Bool:
    case Type::Int:
    case Type::Float:
    case Type::Complex:
    case Type::List:
    case Type::Tuple:
        return true;
    default:
        return is_array(value) || is_numpy_scalar(value)
            || (interp::is_user_instance(value) && interp::class_lookup(*interp::user_class_of(value), "__array__"));
    }
}

Value element_to_value(DType dtype, const std::byte* pointer)
{
    return dispatch_dtype(dtype, [&]<typename T>() -> Value {
        T v;
        std::memcpy(&v, pointer, sizeof(T));
        if constexpr (std::is_same_v<T, bool>)
            return Value::boolean(v);
        else if constexpr (std::is_same_v<T, std::complex<double>>)
            return Value::complex(v);
        else if constexpr (std::is_floating_point_v<T>)
            return Value::floating(static_cast<double>(v));
        else if constexpr (std::is_same_v<T, uint64_t>) {
            if (v > static_cast<uint64_t>(INT64_MAX)) { // a Python int past int64
                interp::Mpz z;
                mpz_set_ui(z.get(), v);
                return interp::int_from_mpz(z.get());
            }
            return Value::integer(static_cast<int64_t>(v));
        } else
            return Value::integer(static_cast<int64_t>(v));
    });
}

namespace {

// The dtype numpy gives a Python scalar on its own.
// numpy 1.24: a Python int in [2**63, 2**64) is a uint64; beyond, numpy makes an object array, which
// ramba has not: it is an int64 whose store raises numpy's OverflowError (a float target converts it).
bool big_int_fits_uint64(const Value& value)
{
    interp::Mpz z(value);
    return mpz_sgn(z.get()) > 0 && mpz_sizeinbase(z.get(), 2) <= 64;
}

bool python_scalar_dtype(const Value& value, DType& out)
{
    if (interp::is_bigint(value)) {
        out = big_int_fits_uint64(value) ? DType::UInt64 : DType::Int64;
        return true;
    }
    switch (value.type()) {
    case Type::Bool: out = DType::Bool; return true;
    case Type::Int: out = DType::Int64; return true;
    case Type::Float: out = DType::Float64; return true;
    case Type::Complex: out = DType::Complex128; return true;
    default: return false;
    }
}

void store_python_scalar(const Value& value, DType dtype, std::byte* target)
{
    switch (value.type()) {
    case Type::Bool: { bool b = value.as_bool(); engine::cast_element(DType::Bool, reinterpret_cast<const std::byte*>(&b), dtype, target); break; }
    case Type::Int: { int64_t i = value.as_int(); engine::cast_element(DType::Int64, reinterpret_cast<const std::byte*>(&i), dtype, target); break; }
    case Type::Float: { double d = value.as_float(); engine::cast_element(DType::Float64, reinterpret_cast<const std::byte*>(&d), dtype, target); break; }
    case Type::Complex: {
        std::complex<double> c = value.as_complex();
        if (dtype_kind(dtype) != 'c')
            engine::warn_complex_to_real();
        engine::cast_element(DType::Complex128, reinterpret_cast<const std::byte*>(&c), dtype, target);
        break;
    }
    case Type::Opaque: {
        RAMBA_ASSERT(interp::is_bigint(value), "caller checked the type");
        if (dtype_kind(dtype) == 'f' || dtype_kind(dtype) == 'c') {
            double d = interp::int_to_double(value);
            engine::cast_element(DType::Float64, reinterpret_cast<const std::byte*>(&d), dtype, target);
            break;
        }
        if (!big_int_fits_uint64(value) || dtype != DType::UInt64)
            raise(ErrorKind::OverflowError, "Python int too large to convert to C long");
        uint64_t u = mpz_get_ui(interp::Mpz(value).get());
        engine::cast_element(DType::UInt64, reinterpret_cast<const std::byte*>(&u), dtype, target);
        break;
    }
    default: RAMBA_ASSERT(false, "caller checked the type");
    }
}

const interp::Values* sequence_items(const Value& value)
{
    if (value.is(Type::List))
        return &value.as<interp::ListObject>().items;
    if (value.is(Type::Tuple))
        return &value.as<interp::TupleObject>().items;
    return nullptr;
}

// Discovers the shape and dtype of a nested sequence (numpy's array coercion, simplified: arrays
// and scalars as leaves, sequences as dimensions).
struct Discovery {
    engine::Shape shape;
    bool shape_known { false };
    bool ragged { false };
    size_t ragged_depth { 0 };
    bool have_dtype { false };
    DType dtype { DType::Float64 };
};

void add_dtype(Discovery& d, DType dtype)
{
    d.dtype = d.have_dtype ? engine::promote_types(d.dtype, dtype) : dtype;
    d.have_dtype = true;
}

void discover(interp::CallContext& context, const Value& value, size_t depth, engine::Shape& prefix, Discovery& d)
{
    engine::Shape leaf_shape;
    if (auto* items = sequence_items(value)) {
        prefix.push_back(static_cast<int64_t>(items->size()));
        if (items->empty()) {
            if (!d.shape_known) {
                d.shape = prefix;
                d.shape_known = true;
            } else if (d.shape != prefix && !d.ragged) {
                d.ragged = true;
                d.ragged_depth = depth;
            }
        }
        for (const auto& item : *items)
            discover(context, item, depth + 1, prefix, d);
        prefix.pop_back();
        return;
    }
    DType dtype;
    if (is_array(value)) {
        const NDArray& array = value.as<ArrayObject>().array();
        leaf_shape = array.shape;
        dtype = array.dtype;
    } else if (is_numpy_scalar(value)) {
        dtype = numpy_scalar(value).dtype;
    } else if (!python_scalar_dtype(value, dtype)) {
        if (value.is(Type::Str))
            raise(ErrorKind::TypeError, "ramba arrays hold numbers only: string arrays are not supported");
        raise(ErrorKind::TypeError, "float() argument must be a string or a real number, not '"
                + std::string(interp::type_name(value)) + "'");
    }
    add_dtype(d, dtype);
    engine::Shape full = prefix;
    full.insert(full.end(), leaf_shape.begin(), leaf_shape.end());
    if (!d.shape_known) {
        d.shape = full;
        d.shape_known = true;
    } else if (d.shape != full && !d.ragged) {
        d.ragged = true;
        size_t common = 0;
        while (common < d.shape.size() && common < full.size() && d.shape[common] == full[common])
            ++common;
        d.ragged_depth = common;
    }
}

void fill_from(interp::CallContext& context, const Value& value, const NDArray& target)
{
    if (auto* items = sequence_items(value)) {
        NDArray sub = target;
        sub.shape.erase(sub.shape.begin());
        sub.strides.erase(sub.strides.begin());
        for (size_t i = 0; i < items->size(); ++i) {
            sub.offset = target.offset + static_cast<int64_t>(i) * target.strides[0];
            fill_from(context, (*items)[i], sub);
        }
        return;
    }
    if (is_array(value)) {
        engine::assign(target, value.as<ArrayObject>().array());
        return;
    }
    if (is_numpy_scalar(value)) {
        const auto& s = numpy_scalar(value);
        if (dtype_kind(s.dtype) == 'c' && dtype_kind(target.dtype) != 'c')
            engine::warn_complex_to_real();
        engine::cast_element(s.dtype, s.bytes, target.dtype, target.data());
        return;
    }
    store_python_scalar(value, target.dtype, target.data());
}

} // namespace

NDArray to_array(interp::CallContext& context, const Value& value, std::optional<DType> dtype)
{
    if (is_array(value)) {
        const NDArray& array = value.as<ArrayObject>().array();
        if (!dtype || *dtype == array.dtype)
            return array;
        return engine::astype(array, *dtype);
    }
    if (is_numpy_scalar(value)) {
        NDArray array = numpy_scalar(value).to_array();
        return dtype ? engine::astype(array, *dtype) : array;
    }
    DType own;
    if (python_scalar_dtype(value, own)) {
        NDArray array = NDArray::empty(dtype.value_or(own), {});
        store_python_scalar(value, array.dtype, array.data());
        return array;
    }
    if (!sequence_items(value)) {
        // numpy: an object with __array__ converts through it (np.asarray(obj), arr + obj).
        Value converted;
        if (interp::is_user_instance(value) && interp::call_special(context, value, "__array__", {}, converted)) {
            if (!is_array(converted))
                raise(ErrorKind::ValueError, "object __array__ method not producing an array");
            return to_array(context, converted, dtype);
        }
        if (value.is(Type::Range)) {
            Values items = interp::to_vector(context, value);
            return to_array(context, interp::make_list(std::move(items)), dtype);
        }
        if (value.is(Type::None))
            raise(ErrorKind::TypeError, "ramba arrays hold numbers only: None (object arrays) is not supported");
        raise(ErrorKind::TypeError, "cannot convert '" + std::string(interp::type_name(value)) + "' to an array");
    }
    Discovery d;
    engine::Shape prefix;
    discover(context, value, 0, prefix, d);
    if (d.ragged) {
        engine::Shape detected(d.shape.begin(), d.shape.begin() + static_cast<int64_t>(d.ragged_depth));
        raise(ErrorKind::ValueError, "setting an array element with a sequence. The requested array has an "
                "inhomogeneous shape after " + std::to_string(d.ragged_depth) + " dimensions. The detected shape was "
                + engine::shape_to_string(detected) + " + inhomogeneous part.");
    }
    // numpy: an empty list gives float64.
    DType result_dtype = dtype.value_or(d.have_dtype ? d.dtype : DType::Float64);
    NDArray array = NDArray::empty(result_dtype, d.shape);
    fill_from(context, value, array);
    return array;
}

engine::PromotionOperand promotion_operand(interp::CallContext& context, const Value& value)
{
    switch (value.type()) {
    case Type::Bool: return engine::scalar_operand(value.as_bool());
    case Type::Int: return engine::scalar_operand(value.as_int());
    case Type::Float: return engine::scalar_operand(value.as_float());
    case Type::Complex: return engine::scalar_operand(value.as_complex());
    default: break;
    }
    NDArray array = is_numpy_scalar(value) ? numpy_scalar(value).to_array() : to_array(context, value);
    if (array.ndim() > 0)
        return engine::array_operand(array.dtype);
    engine::Scalar s = engine::Scalar::from_element(array.dtype, array.data());
    switch (dtype_kind(array.dtype)) {
    case 'b': return { DType::Bool, true, DType::Bool, false };
    case 'i': return engine::scalar_operand(s.as_int64(), array.dtype);
    case 'u': {
        uint64_t mask = array.itemsize() == 8 ? ~uint64_t(0) : ((uint64_t(1) << (8 * array.itemsize())) - 1);
        return engine::scalar_operand(static_cast<uint64_t>(s.get<uint64_t>() & mask), array.dtype);
    }
    case 'f': return engine::scalar_operand(s.as_double(), array.dtype);
    default: return engine::scalar_operand(s.as_complex());
    }
}

std::optional<DType> to_dtype(interp::CallContext&, const Value& value)
{
    if (value.is_none())
        return std::nullopt;
    if (value.is(Type::Opaque)) {
        if (auto* d = dynamic_cast<const DTypeObject*>(value.object().get()))
            return d->dtype;
    }
    if (value.is(Type::Class)) {
        const auto& cls = value.as<interp::ClassObject>();
        // Only our np.float64-style classes carry a DType tag; Python's classes may tag other data.
        for (int i = 0; i < engine::dtype_count; ++i) {
            if (dtype_class(static_cast<DType>(i)).object() == value.object())
                return static_cast<DType>(i);
        }
        DType dtype;
        if (engine::dtype_from_name(cls.name, dtype))
            return dtype;
        raise(ErrorKind::TypeError, "Cannot interpret '<class '" + cls.name + "'>' as a data type");
    }
    if (value.is(Type::Str)) {
        const auto& name = value.as<interp::StrObject>().value;
        DType dtype;
        if (engine::dtype_from_name(name, dtype))
            return dtype;
        raise(ErrorKind::TypeError, "data type '" + name + "' not understood");
    }
    raise(ErrorKind::TypeError, "Cannot interpret '" + std::string(interp::type_name(value)) + "' as a data type");
}

int64_t normalize_axis(int64_t axis, int64_t ndim)
{
    if (axis < -ndim || axis >= ndim)
        raise(ErrorKind::ValueError, "axis " + std::to_string(axis) + " is out of bounds for array of dimension "
                + std::to_string(ndim));
    return axis < 0 ? axis + ndim : axis;
}

std::vector<int64_t> normalize_axes(interp::CallContext& context, const Value& axis, int64_t ndim)
{
    std::vector<int64_t> axes;
    if (axis.is_none()) {
        for (int64_t i = 0; i < ndim; ++i)
            axes.push_back(i);
        return axes;
    }
    if (auto* items = sequence_items(axis)) {
        for (const auto& item : *items)
            axes.push_back(normalize_axis(interp::to_index(context, item), ndim));
        std::sort(axes.begin(), axes.end());
        if (std::adjacent_find(axes.begin(), axes.end()) != axes.end())
            raise(ErrorKind::ValueError, "duplicate value in 'axis'");
        return axes;
    }
    axes.push_back(normalize_axis(interp::to_index(context, axis), ndim));
    return axes;
}

int64_t int_argument(interp::CallContext& context, const Value& value, int64_t fallback)
{
    if (value.is_none())
        return fallback;
    return interp::to_index(context, value);
}

engine::Shape shape_argument(interp::CallContext& context, const Value& value)
{
    engine::Shape shape;
    if (auto* items = sequence_items(value)) {
        for (const auto& item : *items)
            shape.push_back(interp::to_index(context, item));
        return shape;
    }
    if (is_array(value)) {
        NDArray a = engine::astype(value.as<ArrayObject>().array(), DType::Int64);
        for (int64_t i = 0; i < a.size(); ++i)
            shape.push_back(reinterpret_cast<const int64_t*>(a.data())[i]);
        return shape;
    }
    shape.push_back(interp::to_index(context, value));
    return shape;
}

Value shape_value(const engine::Shape& shape)
{
    Values items;
    for (int64_t extent : shape)
        items.push_back(Value::integer(extent));
    return interp::make_tuple(std::move(items));
}

} // namespace ramba::numpy
