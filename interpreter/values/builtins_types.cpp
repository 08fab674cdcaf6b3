// The core classes (int, float, complex, bool, str, list, tuple, dict, range, slice, type, object, ...):
// their constructors, type(x), isinstance(), and the parsing of numbers from strings.
#include <array>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <unordered_map>

#include "interpreter/values/bigint.hpp"
#include "interpreter/values/internal.hpp"
#include "interpreter/values/user_classes.hpp"

namespace ramba::interp {

namespace {

std::string_view strip_spaces(std::string_view s)
{
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; };
    while (!s.empty() && space(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && space(s.back()))
        s.remove_suffix(1);
    return s;
}

// Removes underscores that sit between two digits; false if any other underscore appears.
bool remove_underscores(std::string_view s, std::string& out, bool (*is_digit)(char))
{
    out.clear();
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 == s.size() || !is_digit(s[i - 1]) || !is_digit(s[i + 1]))
                return false;
            continue;
        }
        out += s[i];
    }
    return true;
}

} // namespace

bool parse_int(std::string_view text, int base, Value& out)
{
    std::string_view s = strip_spaces(text);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    auto has_prefix = [&](char letter) { return s.size() >= 2 && s[0] == '0' && (s[1] | 0x20) == letter; };
    int detected = has_prefix('x') ? 16 : has_prefix('o') ? 8 : has_prefix('b') ? 2 : 0;
    if (base == 0) {
        if (detected) {
            base = detected;
            s.remove_prefix(2);
        } else {
            base = 10;
            // Python: base 0 rejects leading zeros in non-zero decimals ("010").
            if (s.size() > 1 && s[0] == '0' && s.find_first_not_of("0_") != std::string_view::npos)
                return false;
        }
    } else if (detected == base) {
        s.remove_prefix(2);
        if (!s.empty() && s[0] == '_')
            s.remove_prefix(1);
    }
    std::string digits;
    if (!remove_underscores(s, digits, [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }) || digits.empty())
        return false;
    uint64_t magnitude = 0;
    bool overflow = false;
    for (char c : digits) {
        int d = c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10 : 99;
        if (d >= base)
            return false;
        if (__builtin_mul_overflow(magnitude, static_cast<uint64_t>(base), &magnitude)
            || __builtin_add_overflow(magnitude, static_cast<uint64_t>(d), &magnitude))
            overflow = true;
    }
    if (overflow || magnitude > (negative ? uint64_t(1) << 63 : uint64_t(INT64_MAX))) {
        out = int_from_digits(digits, base, negative);
        return true;
    }
    out = Value::integer(negative ? static_cast<int64_t>(uint64_t(0) - magnitude) : static_cast<int64_t>(magnitude));
    return true;
}

bool parse_float(std::string_view text, double& out)
{
    std::string_view s = strip_spaces(text);
    bool negative = false;
    if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
        negative = s[0] == '-';
        s.remove_prefix(1);
    }
    std::string lower;
    for (char c : s)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "inf" || lower == "infinity") {
        out = negative ? -INFINITY : INFINITY;
        return true;
    }
    if (lower == "nan") {
        out = negative ? -NAN : NAN;
        return true;
    }
    std::string digits;
    if (!remove_underscores(s, digits, [](char c) { return c >= '0' && c <= '9'; }) || digits.empty())
        return false;
    for (char c : digits) {
        if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
            return false;
    }
    auto result = std::from_chars(digits.data(), digits.data() + digits.size(), out);
    if (result.ptr != digits.data() + digits.size())
        return false;
    if (result.ec == std::errc::result_out_of_range)
        out = std::strtod(digits.c_str(), nullptr); // inf or a denormal/zero, as Python gives
    else if (result.ec != std::errc())
        return false;
    if (negative)
        out = -out;
    return true;
}

namespace {

Value construct_int(CallContext& ctx, std::span<Value> args)
{
    const Value& x = args[0];
    if (!is_missing_argument(args[1])) {
        int64_t base = to_index(ctx, args[1]);
        if (!x.is(Type::Str))
            throw_error(ErrorKind::TypeError, "int() can't convert non-string with explicit base");
        if (base != 0 && (base < 2 || base > 36))
            throw_error(ErrorKind::ValueError, "int() base must be >= 2 and <= 36, or 0");
        Value out;
        if (!parse_int(x.as<StrObject>().value, static_cast<int>(base), out))
            throw_error(ErrorKind::ValueError, "invalid literal for int() with base " + std::to_string(base) + ": " + repr_string(x.as<StrObject>().value));
        return out;
    }
    switch (x.type()) {
    case Type::Int: return x;
    case Type::Bool: return Value::integer(x.as_int());
    case Type::Float: return int_from_double(x.as_float());
    case Type::Str: {
        Value out;
        if (!parse_int(x.as<StrObject>().value, 10, out))
            throw_error(ErrorKind::ValueError, "invalid literal for int() with base 10: " + repr_string(x.as<StrObject>().value));
        return out;
    }
    case Type::Opaque: {
        if (is_bigint(x))
            return x;
        auto& info = x.as<OpaqueObject>().type_info();
        int64_t out;
        if (info.to_int && info.to_int(ctx, x, out))
            return Value::integer(out);
        double d;
        if (info.to_float && info.to_float(ctx, x, d))
            return int_from_double(d);
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "int() argument must be a string, a bytes-like object or a real number, not '"
            + std::string(type_name(x)) + "'");
}

Value construct_float(CallContext& ctx, std::span<Value> args)
{
    const Value& x = args[0];
    switch (x.type()) {
    case Type::Float: return Value::floating(x.as_float()); // a library float (np.float64) becomes a float
    case Type::Int:
    case Type::Bool: return Value::floating(static_cast<double>(x.as_int()));
    case Type::Str: {
        double out;
        if (!parse_float(x.as<StrObject>().value, out))
            throw_error(ErrorKind::ValueError, "could not convert string to float: " + repr_string(x.as<StrObject>().value));
        return Value::floating(out);
    }
    case Type::Opaque: {
        auto& info = x.as<OpaqueObject>().type_info();
        double out;
        if (info.to_float && info.to_float(ctx, x, out))
            return Value::floating(out);
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "float() argument must be a string or a real number, not '" + std::string(type_name(x)) + "'");
}

std::complex<double> complex_part(CallContext& ctx, const Value& v, const char* which)
{
    if (v.is(Type::Complex))
        return v.as_complex();
    if (v.is(Type::Opaque)) {
        auto& info = v.as<OpaqueObject>().type_info();
        std::complex<double> c;
        if (info.to_complex && info.to_complex(ctx, v, c))
            return c;
    }
    if (v.is(Type::Int) || v.is(Type::Bool) || v.is(Type::Float) || v.is(Type::Opaque))
        return { to_double(ctx, v), 0.0 };
    throw_error(ErrorKind::TypeError, std::string("complex() ") + which + " must be a number, not '" + std::string(type_name(v)) + "'");
}

bool parse_complex(std::string_view text, std::complex<double>& out)
{
    std::string s(strip_spaces(text));
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')')
        s = std::string(strip_spaces(std::string_view(s).substr(1, s.size() - 2)));
    if (s.empty())
        return false;
    if (s.back() != 'j' && s.back() != 'J') {
        double real;
        if (!parse_float(s, real))
            return false;
        out = { real, 0.0 };
        return true;
    }
    s.pop_back();
    // Find the sign that separates the real and imaginary parts (not one after an exponent 'e').
    size_t split = std::string::npos;
    for (size_t i = s.size(); i-- > 1;) {
        if ((s[i] == '+' || s[i] == '-') && s[i - 1] != 'e' && s[i - 1] != 'E') {
            split = i;
            break;
        }
    }
    double real = 0.0, imag;
    std::string imag_text = split == std::string::npos ? s : s.substr(split);
    if (split != std::string::npos && !parse_float(s.substr(0, split), real))
        return false;
    if (imag_text.empty() || imag_text == "+" || imag_text == "-")
        imag_text += "1";
    if (!parse_float(imag_text, imag))
        return false;
    out = { real, imag };
    return true;
}

Value construct_complex(CallContext& ctx, std::span<Value> args)
{
    if (args[0].is(Type::Str)) {
        if (!is_missing_argument(args[1]))
            throw_error(ErrorKind::TypeError, "complex() can't take second arg if first is a string");
        std::complex<double> out;
        if (!parse_complex(args[0].as<StrObject>().value, out))
            throw_error(ErrorKind::ValueError, "complex() arg is a malformed string");
        return Value::complex(out);
    }
    auto real = complex_part(ctx, args[0], "first argument");
    if (is_missing_argument(args[1]))
        return Value::complex(real);
    auto imag = complex_part(ctx, args[1], "second argument");
    // CPython complex_new: parts combine only when they are complex (so complex(1.5, -0.0) keeps -0.0).
    double re = args[0].is(Type::Complex) || args[1].is(Type::Complex) ? real.real() - imag.imag() : real.real();
    double im = args[0].is(Type::Complex) ? real.imag() + imag.real() : imag.real();
    return Value::complex({ re, im });
}

Value construct_bool(CallContext& ctx, std::span<Value> args) { return Value::boolean(truthy(ctx, args[0])); }
Value construct_str(CallContext& ctx, std::span<Value> args) { return args[0].is(Type::Str) ? args[0] : make_str(str_value(ctx, args[0])); }
Value construct_list(CallContext& ctx, std::span<Value> args) { return make_list(to_vector(ctx, args[0])); }
Value construct_tuple(CallContext& ctx, std::span<Value> args)
{
    return args[0].is(Type::Tuple) ? args[0] : make_tuple(to_vector(ctx, args[0]));
}

Value construct_dict(CallContext& ctx, std::span<Value> args)
{
    auto& positional = args[0].as<TupleObject>().items;
    if (positional.size() > 1)
        throw_error(ErrorKind::TypeError, "dict expected at most 1 argument, got " + std::to_string(positional.size()));
    Value result = make_dict();
    auto& dict = result.as<DictObject>();
    if (!positional.empty()) {
        const Value& source = positional[0];
        Value keys;
        if (source.is(Type::Dict)) {
            for (auto& [k, v] : source.as<DictObject>().entries)
                dict_set(ctx, dict, k, v);
        } else if (call_special(ctx, source, "keys", {}, keys)) { // a mapping written in Python (collections.Counter)
            for (const Value& key : to_vector(ctx, keys))
                dict_set(ctx, dict, key, get_item(ctx, source, key));
        } else {
            Value iterator = iterate(ctx, source);
            Value item;
            for (int64_t n = 0; iterator.as<IteratorObject>().next(ctx, item); ++n) {
                if (!(item.is(Type::Tuple) || item.is(Type::List) || item.is(Type::Str)))
                    throw_error(ErrorKind::TypeError, "cannot convert dictionary update sequence element #" + std::to_string(n) + " to a sequence");
                Values pair = to_vector(ctx, item);
                if (pair.size() != 2)
                    throw_error(ErrorKind::ValueError, "dictionary update sequence element #" + std::to_string(n) + " has length "
                            + std::to_string(pair.size()) + "; 2 is required");
                dict_set(ctx, dict, pair[0], pair[1]);
            }
        }
    }
    for (auto& [k, v] : args[1].as<DictObject>().entries)
        dict_set(ctx, dict, k, v);
    return result;
}

Value construct_range(CallContext& ctx, std::span<Value> args)
{
    auto& a = args[0].as<TupleObject>().items;
    if (a.empty())
        throw_error(ErrorKind::TypeError, "range expected at least 1 argument, got 0");
    if (a.size() > 3)
        throw_error(ErrorKind::TypeError, "range expected at most 3 arguments, got " + std::to_string(a.size()));
    if (a.size() == 1)
        return make_range(0, to_index(ctx, a[0]), 1);
    int64_t step = a.size() == 3 ? to_index(ctx, a[2]) : 1;
    if (step == 0)
        throw_error(ErrorKind::ValueError, "range() arg 3 must not be zero");
    return make_range(to_index(ctx, a[0]), to_index(ctx, a[1]), step);
}

Value construct_slice(CallContext&, std::span<Value> args)
{
    auto& a = args[0].as<TupleObject>().items;
    if (a.empty())
        throw_error(ErrorKind::TypeError, "slice expected at least 1 argument, got 0");
    if (a.size() > 3)
        throw_error(ErrorKind::TypeError, "slice expected at most 3 arguments, got " + std::to_string(a.size()));
    if (a.size() == 1)
        return make_slice(Value(), a[0], Value());
    return make_slice(a[0], a[1], a.size() == 3 ? a[2] : Value());
}

Value construct_type(CallContext& ctx, std::span<Value> args)
{
    if (is_missing_argument(args[1]) && is_missing_argument(args[2]))
        return type_of(args[0]);
    if (is_missing_argument(args[1]) || is_missing_argument(args[2]))
        throw_error(ErrorKind::TypeError, "type() takes 1 or 3 arguments");
    // type(name, bases, namespace): a class made as a `class` statement would make it.
    if (!args[0].is(Type::Str))
        throw_error(ErrorKind::TypeError, "type.__new__() argument 1 must be str, not " + std::string(type_name(args[0])));
    if (!args[1].is(Type::Tuple))
        throw_error(ErrorKind::TypeError, "type.__new__() argument 2 must be tuple, not " + std::string(type_name(args[1])));
    if (!args[2].is(Type::Dict))
        throw_error(ErrorKind::TypeError, "type.__new__() argument 3 must be dict, not " + std::string(type_name(args[2])));
    auto namespace_dict = Ref<DictObject>(new DictObject());
    dict_set(ctx, *namespace_dict, make_str("__module__"), make_str("__main__"));
    for (auto& [key, value] : args[2].as<DictObject>().entries)
        dict_set(ctx, *namespace_dict, key, value);
    const std::string& name = args[0].as<StrObject>().value;
    return make_user_class(ctx, name, name, args[1].as<TupleObject>().items, std::move(namespace_dict));
}

// object(): a featureless instance (a sentinel), hashable and equal only to itself.
Value construct_object(CallContext&, std::span<Value> args)
{
    if (!args[0].as<TupleObject>().items.empty() || !args[1].as<DictObject>().entries.empty())
        throw_error(ErrorKind::TypeError, "object() takes no arguments");
    auto& cls = const_cast<ClassObject&>(core_class(Type::Opaque).as<ClassObject>());
    if (!cls.instance_info)
        cls.instance_info = make_instance_type_info(cls);
    return Value::object(Type::Opaque, make_object<InstanceObject>(Ref<ClassObject>(&cls)));
}

constexpr BuiltinSpec constructor_rows[] = {
    { "int", "(x=0, /, base=<missing>)", construct_int, "int(x=0) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to an integer." },
    { "float", "(x=0.0, /)", construct_float, "Convert a string or number to a floating point number, if possible." },
    { "complex", "(real=0, imag=<missing>)", construct_complex, "Create a complex number from a real part and an optional imaginary part." },
    { "bool", "(x=False, /)", construct_bool, "Returns True when the argument x is true, False otherwise." },
    { "str", "(object='', /)", construct_str, "Create a new string object from the given object." },
    { "list", "(iterable=(), /)", construct_list, "Built-in mutable sequence." },
    { "tuple", "(iterable=(), /)", construct_tuple, "Built-in immutable sequence." },
    { "dict", "(*args, **kwargs)", construct_dict, "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized from a mapping\ndict(iterable) -> from (key, value) pairs\ndict(**kwargs) -> from keyword arguments" },
    { "range", "(*args)", construct_range, "range(stop) -> range object\nrange(start, stop[, step]) -> range object" },
    { "slice", "(*args)", construct_slice, "slice(stop)\nslice(start, stop[, step])" },
    { "type", "(object_or_name, bases=<missing>, dict=<missing>, /)", construct_type, "type(object) -> the object's type\ntype(name, bases, dict) -> a new type" },
    { "object", "(*args, **kwargs)", construct_object, "The base class of the class hierarchy." },
};

struct CoreClassRow {
    Type type;
    const char* name;
    const char* constructor; // name of a row above, or null
};

constexpr CoreClassRow core_class_rows[] = {
    { Type::None, "NoneType", nullptr }, { Type::Bool, "bool", "bool" }, { Type::Int, "int", "int" },
    { Type::Float, "float", "float" }, { Type::Complex, "complex", "complex" }, { Type::Str, "str", "str" },
    { Type::Tuple, "tuple", "tuple" }, { Type::List, "list", "list" }, { Type::Dict, "dict", "dict" },
    { Type::Range, "range", "range" }, { Type::Slice, "slice", "slice" }, { Type::Ellipsis, "ellipsis", nullptr },
    { Type::Function, "function", nullptr }, { Type::Builtin, "builtin_function_or_method", nullptr },
    { Type::BoundMethod, "method", nullptr }, { Type::Module, "module", nullptr }, { Type::Class, "type", "type" },
    { Type::Exception, "BaseException", nullptr }, { Type::Iterator, "iterator", nullptr }, { Type::Cell, "cell", nullptr },
    { Type::Opaque, "object", "object" },
};
static_assert(std::size(core_class_rows) == static_cast<size_t>(Type::Opaque) + 1, "one class row per Type, in enum order");

bool core_is_instance(const Value& value, const ClassObject& self)
{
    if (!self.tag)
        return true; // object
    Type type = *static_cast<const Type*>(self.tag);
    if (value.is(Type::Opaque) && type != Type::None)
        return value.as<OpaqueObject>().type_info().python_base == type;
    if (type == Type::Int)
        return value.is(Type::Int) || value.is(Type::Bool);
    return value.type() == type;
}

Value make_core_class(const char* name, const Type* tag, const char* constructor)
{
    auto cls = make_object<ClassObject>();
    cls->name = name;
    if (constructor) {
        for (auto& row : constructor_rows) {
            if (std::string_view(row.name) == constructor)
                cls->constructor = builtin_value(&row);
        }
    }
    cls->is_instance = core_is_instance;
    cls->tag = tag;
    return Value::object(Type::Class, std::move(cls));
}

bool type_info_is_instance(const Value& value, const ClassObject& self)
{
    return value.is(Type::Opaque) && &value.as<OpaqueObject>().type_info() == self.tag;
}

} // namespace

std::span<const BuiltinSpec> type_constructor_specs() { return constructor_rows; }

const Value& core_class(Type type)
{
    static const auto classes = [] {
        static Type tags[std::size(core_class_rows)];
        std::array<Value, std::size(core_class_rows)> out;
        for (size_t i = 0; i < out.size(); ++i) {
            tags[i] = core_class_rows[i].type;
            bool is_object = core_class_rows[i].type == Type::Opaque;
            out[i] = make_core_class(core_class_rows[i].name, is_object ? nullptr : &tags[i], core_class_rows[i].constructor);
        }
        return out;
    }();
    return classes[static_cast<size_t>(type)];
}

const Value& class_for_type_info(const TypeInfo& info)
{
    static std::unordered_map<const TypeInfo*, Value> classes;
    auto it = classes.find(&info);
    if (it == classes.end()) {
        auto cls = make_object<ClassObject>();
        cls->name = info.name;
        cls->is_instance = type_info_is_instance;
        cls->tag = &info;
        it = classes.emplace(&info, Value::object(Type::Class, std::move(cls))).first;
    }
    return it->second;
}

Value type_of(const Value& v)
{
    switch (v.type()) {
    case Type::Exception:
        if (auto& cls = v.as<ExceptionObject>().cls)
            return Value::object(Type::Class, cls);
        return exception_class(v.as<ExceptionObject>().kind);
    case Type::Float:
        if (v.is_library_float())
            return g_library_float_info->type_object();
        return core_class(v.type());
    case Type::Opaque: {
        auto& info = v.as<OpaqueObject>().type_info();
        if (info.user_class)
            return Value::object(Type::Class, Ref<ClassObject>(const_cast<ClassObject*>(info.user_class)));
        return info.type_object ? info.type_object() : class_for_type_info(info);
    }
    case Type::Iterator:
    case Type::BoundMethod: {
        auto cls = make_object<ClassObject>();
        cls->name = type_name(v);
        return Value::object(Type::Class, std::move(cls));
    }
    default: return core_class(v.type());
    }
}

bool is_instance(CallContext& ctx, const Value& value, const Value& class_or_tuple)
{
    if (class_or_tuple.is(Type::Tuple)) {
        for (auto& item : class_or_tuple.as<TupleObject>().items) {
            if (is_instance(ctx, value, item))
                return true;
        }
        return false;
    }
    if (!class_or_tuple.is(Type::Class))
        throw_error(ErrorKind::TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union");
    auto& cls = class_or_tuple.as<ClassObject>();
    if (cls.is_instance)
        return cls.is_instance(value, cls);
    return type_of(value).object() == class_or_tuple.object();
}

} // namespace ramba::interp
