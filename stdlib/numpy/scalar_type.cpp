// numpy scalars (np.float64(1.5), a[0], reduction results) and dtype objects in the interpreter:
// printing as numpy 1.24, arithmetic through the same ufunc path as arrays, conversions, hashing.
#include <cmath>
#include <cstring>
#include <functional>

#include "engine/array/cast.hpp"
#include "engine/array/format.hpp"
#include "stdlib/numpy/operators.hpp"
#include "stdlib/numpy/scalar_math.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using interp::CallContext;
using interp::Type;
using interp::Value;

namespace {

engine::Scalar self_scalar(const Value& self) { return numpy_scalar(self); }

std::string scalar_str(CallContext&, const Value& self) { return engine::scalar_repr(self_scalar(self)); }

bool scalar_truth(CallContext&, const Value& self) { return self_scalar(self).as_bool(); }

bool scalar_to_int(CallContext&, const Value& self, int64_t& out)
{
    const auto& s = self_scalar(self);
    if (dtype_kind(s.dtype) == 'f') {
        double d = s.as_double();
        if (std::isnan(d))
            raise(ErrorKind::ValueError, "cannot convert float NaN to integer");
        if (std::isinf(d))
            raise(ErrorKind::OverflowError, "cannot convert float infinity to integer");
    }
    if (dtype_kind(s.dtype) == 'c')
        raise(ErrorKind::TypeError, "int() argument must be a string, a bytes-like object or a real number, not 'complex'");
    out = s.as_int64();
    return true;
}

bool scalar_to_float(CallContext&, const Value& self, double& out)
{
    const auto& s = self_scalar(self);
    if (dtype_kind(s.dtype) == 'c')
        raise(ErrorKind::TypeError, "float() argument must be a string or a real number, not 'complex'");
    out = s.as_double();
    return true;
}

bool scalar_to_complex(CallContext&, const Value& self, std::complex<double>& out)
{
    out = self_scalar(self).as_complex();
    return true;
}

bool scalar_is_integer_index(const Value& self)
{
    char kind = dtype_kind(self_scalar(self).dtype);
    return kind == 'i' || kind == 'u';
}

// A numpy scalar hashes as the equal Python number (hash(np.float64(1.5)) == hash(1.5)), as in numpy.
size_t scalar_hash(const Value& self)
{
    const auto& s = self_scalar(self);
    switch (dtype_kind(s.dtype)) {
    case 'b':
    case 'i':
        return static_cast<size_t>(interp::hash_int(s.as_int64()));
    case 'u':
        return static_cast<size_t>(interp::hash_int(static_cast<int64_t>(s.get<uint64_t>() % interp::numeric_hash_modulus)));
    case 'f':
        return static_cast<size_t>(interp::hash_double(s.as_double()));
    default: {
        auto c = s.as_complex();
        uint64_t h = static_cast<uint64_t>(interp::hash_double(c.real())) + 1000003u * static_cast<uint64_t>(interp::hash_double(c.imag()));
        return h == static_cast<uint64_t>(-1) ? static_cast<size_t>(-2) : h;
    }
    }
}

bool scalar_equals(const Value& self, const Value& other)
{
    auto c = self_scalar(self).as_complex();
    switch (other.type()) {
    case Type::Bool:
    case Type::Int: return c == std::complex<double>(static_cast<double>(other.as_int()), 0);
    case Type::Float: return c == std::complex<double>(other.as_float(), 0);
    case Type::Complex: return c == other.as_complex();
    default: break;
    }
    if (is_numpy_scalar(other))
        return c == numpy_scalar(other).as_complex();
    return false;
}

Value scalar_attribute_dtype(CallContext&, const Value& self) { return dtype_value(self_scalar(self).dtype); }
Value scalar_attribute_shape(CallContext&, const Value&) { return interp::make_tuple({}); }
Value scalar_attribute_ndim(CallContext&, const Value&) { return Value::integer(0); }
Value scalar_attribute_size(CallContext&, const Value&) { return Value::integer(1); }
Value scalar_attribute_itemsize(CallContext&, const Value& self) { return Value::integer(static_cast<int64_t>(dtype_itemsize(self_scalar(self).dtype))); }
Value scalar_attribute_real(CallContext&, const Value& self)
{
    const auto& s = self_scalar(self);
    if (s.dtype == DType::Complex128)
        return wrap_scalar(engine::Scalar::make(DType::Float64, s.as_complex().real()));
    return self;
}
Value scalar_attribute_imag(CallContext&, const Value& self)
{
    const auto& s = self_scalar(self);
    if (s.dtype == DType::Complex128)
        return wrap_scalar(engine::Scalar::make(DType::Float64, s.as_complex().imag()));
    engine::Scalar zero;
    zero.dtype = s.dtype;
    return wrap_scalar(zero);
}

const interp::AttributeSpec scalar_attributes[] = {
    { "dtype", scalar_attribute_dtype, "The scalar's dtype." },
    { "shape", scalar_attribute_shape, "Always ()." },
    { "ndim", scalar_attribute_ndim, "Always 0." },
    { "size", scalar_attribute_size, "Always 1." },
    { "itemsize", scalar_attribute_itemsize, "Bytes of one element." },
    { "real", scalar_attribute_real, "The real part." },
    { "imag", scalar_attribute_imag, "The imaginary part." },
};

Value scalar_item(CallContext&, std::span<Value> args)
{
    const auto& s = self_scalar(args[0]);
    return element_to_value(s.dtype, s.bytes);
}

Value scalar_astype(CallContext& context, std::span<Value> args)
{
    auto dtype = to_dtype(context, args[1]);
    NDArray a = self_scalar(args[0]).to_array();
    return wrap_result(engine::astype(a, dtype.value_or(DType::Float64)));
}

Value scalar_is_integer(CallContext&, std::span<Value> args)
{
    double d = self_scalar(args[0]).as_double();
    return Value::boolean(std::isfinite(d) && d == std::floor(d));
}

// numpy's gentype_format: the scalar becomes the Python bool, int, float or complex of its value,
// which formats itself; so f"{np.float32(0.1)}" prints the float64 value 0.10000000149011612.
Value scalar_format(CallContext& context, std::span<Value> args)
{
    if (!args[1].is(Type::Str))
        raise(ErrorKind::TypeError, "format() argument 2 must be str, not " + std::string(interp::type_name(args[1])));
    return interp::make_str(interp::format_value(context, scalar_item(context, args.first(1)), args[1].as<interp::StrObject>().value));
}

} // namespace

Value dunder_abs(CallContext&, std::span<Value>);   // ndarray_methods.cpp
Value dunder_round(CallContext&, std::span<Value>); // ndarray_methods.cpp

namespace {

const interp::BuiltinSpec scalar_methods[] = {
    { "__abs__", "(self)", dunder_abs, "abs(self)" },
    { "__round__", "(self, ndigits=None)", dunder_round, "round(self[, ndigits])" },
    { "__format__", "(self, format_spec, /)", scalar_format, "format(self, format_spec): the value as a Python number, formatted." },
    { "item", "(self)", scalar_item, "Copy the scalar to a standard Python scalar." },
    { "tolist", "(self)", scalar_item, "The scalar as a standard Python scalar." },
    { "astype", "(self, dtype)", scalar_astype, "The scalar cast to dtype." },
    { "is_integer", "(self)", scalar_is_integer, "True if the value is finite with an integral value." },
};

template<DType D>
Value scalar_type_object() { return dtype_class(D); }

template<DType D>
interp::TypeInfo make_scalar_type_info(const char* name)
{
    interp::TypeInfo info;
    info.name = name;
    info.methods = scalar_methods;
    info.attributes = scalar_attributes;
    info.binary = scalar_binary;
    info.unary = scalar_unary;
    info.compare = scalar_compare;
    info.str = scalar_str;
    info.repr = scalar_str;
    info.truth = scalar_truth;
    info.to_int = scalar_to_int;
    info.to_float = scalar_to_float;
    info.to_complex = scalar_to_complex;
    info.is_integer_index = scalar_is_integer_index;
    info.hash = scalar_hash;
    info.equals = scalar_equals;
    info.type_object = scalar_type_object<D>;
    // numpy's float64 subclasses Python's float and complex128 its complex (isinstance, json).
    if constexpr (D == DType::Float64)
        info.python_base = Type::Float;
    if constexpr (D == DType::Complex128)
        info.python_base = Type::Complex;
    return info;
}

// ---------------------------------------------------------------------------------------------
// dtype objects

DType self_dtype(const Value& self) { return self.as<DTypeObject>().dtype; }

std::string dtype_str(CallContext&, const Value& self) { return std::string(dtype_name(self_dtype(self))); }
std::string dtype_repr(CallContext&, const Value& self) { return "dtype('" + std::string(dtype_name(self_dtype(self))) + "')"; }

bool dtype_compare(CallContext& context, interp::CompareOp op, const Value& lhs, const Value& rhs, Value& out)
{
    if (op != interp::CompareOp::Eq && op != interp::CompareOp::NotEq)
        return false;
    const Value& other = lhs.is(Type::Opaque) && dynamic_cast<const DTypeObject*>(lhs.object().get()) ? rhs : lhs;
    const Value& self = &other == &rhs ? lhs : rhs;
    bool equal = false;
    try {
        auto d = to_dtype(context, other);
        equal = d && *d == self_dtype(self);
    } catch (const RambaError&) {
        equal = false;
    }
    out = Value::boolean(op == interp::CompareOp::Eq ? equal : !equal);
    return true;
}

size_t dtype_hash(const Value& self) { return std::hash<int>()(static_cast<int>(self_dtype(self))); }
bool dtype_equals(const Value& self, const Value& other)
{
    if (other.is(Type::Opaque))
        if (auto* d = dynamic_cast<const DTypeObject*>(other.object().get()))
            return d->dtype == self_dtype(self);
    return false;
}

Value dtype_attribute_name(CallContext&, const Value& self) { return interp::make_str(std::string(dtype_name(self_dtype(self)))); }
Value dtype_attribute_itemsize(CallContext&, const Value& self) { return Value::integer(static_cast<int64_t>(dtype_itemsize(self_dtype(self)))); }
Value dtype_attribute_kind(CallContext&, const Value& self) { return interp::make_str(std::string(1, dtype_kind(self_dtype(self)))); }
Value dtype_attribute_char(CallContext&, const Value& self) { return interp::make_str(std::string(1, dtype_char(self_dtype(self)))); }
Value dtype_attribute_type(CallContext&, const Value& self) { return dtype_class(self_dtype(self)); }
Value dtype_attribute_str(CallContext&, const Value& self)
{
    DType d = self_dtype(self);
    std::string order = dtype_itemsize(d) == 1 ? "|" : "<";
    char kind = dtype_kind(d);
    return interp::make_str(order + std::string(1, kind) + std::to_string(dtype_itemsize(d)));
}

const interp::AttributeSpec dtype_attributes[] = {
    { "name", dtype_attribute_name, "The dtype's name, e.g. 'float64'." },
    { "itemsize", dtype_attribute_itemsize, "Bytes per element." },
    { "kind", dtype_attribute_kind, "'b' bool, 'i' signed, 'u' unsigned, 'f' float, 'c' complex." },
    { "char", dtype_attribute_char, "The numpy type character." },
    { "type", dtype_attribute_type, "The scalar type (np.float64, ...)." },
    { "str", dtype_attribute_str, "The array-protocol typestring, e.g. '<f8'." },
};

interp::TypeInfo make_dtype_type_info()
{
    interp::TypeInfo info;
    info.name = "numpy.dtype";
    info.attributes = dtype_attributes;
    info.compare = dtype_compare;
    info.str = dtype_str;
    info.repr = dtype_repr;
    info.hash = dtype_hash;
    info.equals = dtype_equals;
    return info;
}

// ---------------------------------------------------------------------------------------------
// np.float64 and friends: classes that construct scalars (or cast arrays) and answer isinstance.

template<DType D>
Value construct_scalar(CallContext& context, std::span<Value> args)
{
    const Value& value = args[0];
    if (value.is(Type::Str)) {
        const std::string& text = value.as<interp::StrObject>().value;
        try {
            size_t used = 0;
            if (dtype_kind(D) == 'f' || dtype_kind(D) == 'c') {
                double d = std::stod(text, &used);
                if (used == text.size())
                    return wrap_result(engine::astype(engine::Scalar::make(DType::Float64, d).to_array(), D));
            } else {
                long long i = std::stoll(text, &used);
                if (used == text.size())
                    return wrap_result(engine::astype(engine::Scalar::make(DType::Int64, int64_t(i)).to_array(), D));
            }
        } catch (const std::exception&) {
        }
        raise(ErrorKind::ValueError, "could not convert string to " + std::string(dtype_kind(D) == 'f' ? "float" : "int")
                + ": '" + text + "'");
    }
    NDArray array = to_array(context, value);
    return wrap_result(engine::astype(array, D));
}

bool is_scalar_instance(const Value& value, const interp::ClassObject& self)
{
    return is_numpy_scalar(value) && numpy_scalar(value).dtype == *static_cast<const DType*>(self.tag);
}

constexpr DType all_dtypes[] = {
#define RAMBA_X(e, t, n, s, k, c) DType::e,
    RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
};

const interp::BuiltinSpec constructor_specs[] = {
#define RAMBA_X(e, t, n, s, k, c) { n, "(x=0, /)", construct_scalar<DType::e>, "numpy." n ": the " n " scalar type; calling it converts x." },
    RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
};

} // namespace

// numpy 1.24 names its scalar classes after the dtype, except bool's: `numpy.bool_`.
#define RAMBA_SCALAR_CLASS_NAME(e, n) (DType::e == DType::Bool ? "numpy.bool_" : "numpy." n)

namespace {

// A function's static, not a global: other files' start-up code may ask before this file's globals exist.
std::span<const interp::TypeInfo> scalar_infos()
{
    static const interp::TypeInfo infos[] = {
#define RAMBA_X(e, t, n, s, k, c) make_scalar_type_info<DType::e>(RAMBA_SCALAR_CLASS_NAME(e, n)),
        RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
    };
    return infos;
}

// float64 values are library floats (array_object.hpp): the interpreter asks this TypeInfo about them.
[[maybe_unused]] const bool library_float_registered = [] {
    interp::set_library_float_info(&scalar_infos()[static_cast<size_t>(DType::Float64)]);
    return true;
}();

} // namespace

const interp::TypeInfo& scalar_type_info(DType dtype) { return scalar_infos()[static_cast<size_t>(dtype)]; }

const interp::TypeInfo& ScalarObject::type_info() const { return scalar_infos()[static_cast<size_t>(scalar.dtype)]; }

bool is_scalar_type_info(const interp::TypeInfo* info)
{
    auto infos = scalar_infos();
    return info >= infos.data() && info < infos.data() + infos.size();
}

// OPTIMIZATION: the TypeInfo's address tells a numpy scalar (one virtual call, where dynamic_cast
// compares type names): element loops ask for every operand.
bool is_numpy_scalar(const Value& value)
{
    if (value.is_library_float())
        return true;
    return value.is(Type::Opaque) && is_scalar_type_info(&value.as<interp::OpaqueObject>().type_info());
}

const interp::TypeInfo& dtype_type_info()
{
    static const interp::TypeInfo info = make_dtype_type_info();
    return info;
}

Value dtype_class(DType dtype)
{
    static const std::vector<Value> classes = [] {
        std::vector<Value> list;
        for (size_t i = 0; i < std::size(all_dtypes); ++i) {
            auto cls = interp::make_object<interp::ClassObject>();
            cls->name = scalar_type_info(all_dtypes[i]).name;
            cls->constructor = interp::make_builtin(&constructor_specs[i]);
            cls->is_instance = is_scalar_instance;
            cls->tag = &all_dtypes[i];
            list.push_back(Value::object(Type::Class, cls));
        }
        return list;
    }();
    return classes[static_cast<size_t>(dtype)];
}

} // namespace ramba::numpy
