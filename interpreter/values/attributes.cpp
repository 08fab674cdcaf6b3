// Attribute lookup: module attributes, methods of the core types (bound to self), number and exception
// attributes (x.real, e.args), class names, and library types' attributes and methods via TypeInfo.
#include <cmath>
#include <unordered_map>

#include "interpreter/values/bigint.hpp"
#include "interpreter/values/bytes.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

Value bind(const Value& self, const BuiltinSpec* spec)
{
    return Value::object(Type::BoundMethod, make_object<BoundMethodObject>(self, builtin_value(spec)));
}

// OPTIMIZATION: method lookups in loops (`out.append(x)`) hash the name instead of scanning the table.
const BuiltinSpec* find_method(std::span<const BuiltinSpec> specs, std::string_view name)
{
    static std::unordered_map<const BuiltinSpec*, std::unordered_map<std::string_view, const BuiltinSpec*>> indexes;
    if (specs.empty())
        return nullptr;
    auto& index = indexes[specs.data()];
    if (index.empty()) {
        for (auto& spec : specs)
            index.emplace(spec.name, &spec);
    }
    auto it = index.find(name);
    return it == index.end() ? nullptr : it->second;
}

Value number_conjugate(CallContext&, std::span<Value> a)
{
    if (a[0].is(Type::Complex))
        return Value::complex(std::conj(a[0].as_complex()));
    return a[0].is(Type::Bool) ? Value::integer(a[0].as_int()) : a[0];
}

Value float_is_integer(CallContext&, std::span<Value> a)
{
    double d = a[0].as_float();
    return Value::boolean(std::isfinite(d) && d == std::floor(d));
}

constexpr BuiltinSpec float_rows[] = {
    { "is_integer", "(self, /)", float_is_integer, "Return True if the float is an integer." },
    { "conjugate", "(self, /)", number_conjugate, "Return self, the complex conjugate of any float." },
};
constexpr BuiltinSpec complex_rows[] = {
    { "conjugate", "(self, /)", number_conjugate, "Return the complex conjugate of its argument." },
};

Value dict_fromkeys(CallContext& ctx, std::span<Value> a)
{
    Value out = make_dict();
    for (auto& key : to_vector(ctx, a[0]))
        dict_set(ctx, out.as<DictObject>(), key, a[1]);
    return out;
}

constexpr BuiltinSpec dict_class_rows[] = {
    { "fromkeys", "(iterable, value=None, /)", dict_fromkeys, "Create a new dictionary with keys from iterable and values set to value." },
};

// `str.upper`, `list.append`, `dict.fromkeys`: a core class's methods, unbound (self is the first argument).
const BuiltinSpec* class_method(const Value& cls, std::string_view name)
{
    auto& c = cls.as<ClassObject>();
    if (!c.tag || c.error_kind || c.is_instance == nullptr || c.constructor.is_none())
        return nullptr;
    if (c.name == "dict") {
        if (auto* spec = find_spec(dict_class_rows, name))
            return spec;
        return find_spec(dict_methods(), name);
    }
    if (c.name == "str") return find_spec(str_methods(), name);
    if (c.name == "int") return find_spec(int_methods(), name);
    if (auto* spec = bytes_class_method(c.name, name)) return spec;
    if (c.name == "list") return find_spec(list_methods(), name);
    if (c.name == "tuple") return find_spec(tuple_methods(), name);
    return nullptr;
}

std::span<const BuiltinSpec> methods_of(const Value& v)
{
    switch (v.type()) {
    case Type::Str: return str_methods();
    case Type::List: return list_methods();
    case Type::Tuple: return tuple_methods();
    case Type::Dict: return dict_methods();
    case Type::Int:
    case Type::Bool: return int_methods();
    case Type::Float: return float_rows;
    case Type::Complex: return complex_rows;
    case Type::Opaque: return v.as<OpaqueObject>().type_info().methods;
    case Type::Iterator: return v.as<IteratorObject>().methods();
    default: return {};
    }
}

// Attributes that are values, not methods. Returns false if `name` is not one.
bool data_attribute(CallContext& ctx, const Value& v, std::string_view name, Value& out)
{
    if (v.is_library_float()) { // its library's attributes first (np.float64's dtype, shape, real)
        for (auto& attribute : g_library_float_info->attributes) {
            if (attribute.name == name) {
                out = attribute.get(ctx, v);
                return true;
            }
        }
    }
    switch (v.type()) {
    case Type::Bool:
    case Type::Int:
        if (name == "real" || name == "numerator") { out = Value::integer(v.as_int()); return true; }
        if (name == "imag") { out = Value::integer(0); return true; }
        if (name == "denominator") { out = Value::integer(1); return true; }
        return false;
    case Type::Float:
        if (name == "real") { out = v; return true; }
        if (name == "imag") { out = Value::floating(0.0); return true; }
        return false;
    case Type::Complex:
        if (name == "real") { out = Value::floating(v.as_complex().real()); return true; }
        if (name == "imag") { out = Value::floating(v.as_complex().imag()); return true; }
        return false;
    case Type::Range: {
        auto& r = v.as<RangeObject>();
        if (name == "start") { out = Value::integer(r.start); return true; }
        if (name == "stop") { out = Value::integer(r.stop); return true; }
        if (name == "step") { out = Value::integer(r.step); return true; }
        return false;
    }
    case Type::Slice: {
        auto& s = v.as<SliceObject>();
        if (name == "start") { out = s.start; return true; }
        if (name == "stop") { out = s.stop; return true; }
        if (name == "step") { out = s.step; return true; }
        return false;
    }
    case Type::Exception: {
        auto& e = v.as<ExceptionObject>();
        if (name == "args") { out = make_tuple(e.args); return true; }
        if (name == "__cause__") { out = e.cause; return true; }
        if (name == "code" && e.kind == ErrorKind::SystemExit) {
            out = e.args.empty() ? Value() : e.args.size() == 1 ? e.args[0] : make_tuple(e.args);
            return true;
        }
        return false;
    }
    case Type::Class:
        if (name == "__name__" || name == "__qualname__") {
            auto& full = v.as<ClassObject>().name;
            auto dot = full.rfind('.');
            out = make_str(dot == std::string::npos ? full : full.substr(dot + 1));
            return true;
        }
        return false;
    case Type::Module:
        if (name == "__name__") { out = make_str(v.as<ModuleObject>().name); return true; }
        return false;
    case Type::Function:
    case Type::Builtin:
    case Type::BoundMethod:
        if (name == "__name__" || name == "__qualname__") {
            std::string full(function_name(v));
            size_t dot = name == "__name__" && !v.is(Type::Builtin) ? full.rfind('.') : std::string::npos;
            out = make_str(dot == std::string::npos ? full : full.substr(dot + 1));
            return true;
        }
        if (name == "__doc__" && v.is(Type::Builtin)) { out = make_str(v.as<BuiltinObject>().spec->doc ? v.as<BuiltinObject>().spec->doc : ""); return true; }
        if (name == "__self__" && v.is(Type::BoundMethod)) { out = v.as<BoundMethodObject>().self; return true; }
        return false;
    case Type::Opaque:
        for (auto& attribute : v.as<OpaqueObject>().type_info().attributes) {
            if (attribute.name == name) {
                out = attribute.get(ctx, v);
                return true;
            }
        }
        return false;
    default:
        return false;
    }
}

bool lookup(CallContext& ctx, const Value& object, std::string_view name, Value& out)
{
    if (object.is(Type::Module)) {
        if (auto* value = object.as<ModuleObject>().find(name)) {
            out = *value;
            return true;
        }
    }
    if (data_attribute(ctx, object, name, out))
        return true;
    if (object.is(Type::Class)) {
        if (auto* spec = class_method(object, name)) {
            out = builtin_value(spec);
            return true;
        }
    }
    if (object.is_library_float()) { // its library's methods first (np.float64's item, astype)
        if (auto* spec = find_method(g_library_float_info->methods, name)) {
            out = bind(object, spec);
            return true;
        }
    }
    if (auto* spec = find_method(methods_of(object), name)) {
        out = bind(object, spec);
        return true;
    }
    return false;
}

} // namespace

Value get_attribute(CallContext& ctx, const Value& object, std::string_view name)
{
    Value out;
    if (user_get_attribute(ctx, object, name, out))
        return out;
    if (lookup(ctx, object, name, out))
        return out;
    if (object.is(Type::Module))
        throw_error(ErrorKind::AttributeError, "module '" + object.as<ModuleObject>().name + "' has no attribute '" + std::string(name) + "'");
    if (object.is(Type::Class))
        throw_error(ErrorKind::AttributeError, "type object '" + object.as<ClassObject>().name + "' has no attribute '" + std::string(name) + "'");
    throw_error(ErrorKind::AttributeError, "'" + std::string(type_name(object)) + "' object has no attribute '" + std::string(name) + "'");
}

bool has_attribute(CallContext& ctx, const Value& object, std::string_view name)
{
    Value out;
    if (object.is(Type::Opaque) || object.is(Type::Class) || object.is(Type::Exception)) {
        // Python: hasattr is getattr that catches AttributeError (properties, __getattr__).
        try {
            if (user_get_attribute(ctx, object, name, out))
                return true;
        } catch (RambaError& error) {
            if (error.kind() == ErrorKind::AttributeError)
                return false;
            throw;
        }
    }
    return lookup(ctx, object, name, out);
}

void set_attribute(CallContext& ctx, const Value& object, std::string_view name, const Value& value)
{
    if (user_set_attribute(ctx, object, name, value))
        return;
    if (object.is(Type::Module)) {
        object.as<ModuleObject>().set(std::string(name), value);
        return;
    }
    throw_error(ErrorKind::AttributeError, "'" + std::string(type_name(object)) + "' object has no attribute '" + std::string(name) + "'");
}

} // namespace ramba::interp
