// Making values: strings, containers, builtins, modules, ranges, slices; type names; small registries
// (function hooks, recursion limit); and the one place objects are freed (Object::destroy). The first
// stop for anyone creating a Value from native code.
#include <cstdio>
#include <unordered_map>

#include "interpreter/values/internal.hpp"
#include "interpreter/values/module_scope.hpp"

namespace ramba::interp {

namespace {
// Nested destructions allowed before the rest wait for the outermost one: a few dozen frames.
constexpr int trashcan_depth = 48;
thread_local int t_destroy_depth = 0;
thread_local const Object* t_trashcan = nullptr; // queued objects, linked through their count field
}

void Object::destroy(const Object* object)
{
    if (t_destroy_depth >= trashcan_depth) {
        object->m_ref_count = reinterpret_cast<size_t>(t_trashcan);
        t_trashcan = object;
        return;
    }
    ++t_destroy_depth;
    delete object;
    if (t_destroy_depth == 1) {
        // The outermost destruction empties the queue; what those deletions queue joins it.
        while (const Object* next = t_trashcan) {
            t_trashcan = reinterpret_cast<const Object*>(next->m_ref_count);
            delete next;
        }
    }
    --t_destroy_depth;
}

Value make_str(std::string s) { return Value::object(Type::Str, make_object<StrObject>(std::move(s))); }
Value make_tuple(Values items) { return Value::object(Type::Tuple, make_object<TupleObject>(std::move(items))); }
Value make_list(Values items) { return Value::object(Type::List, make_object<ListObject>(std::move(items))); }
Value make_dict() { return Value::object(Type::Dict, make_object<DictObject>()); }
Value make_builtin(const BuiltinSpec* spec) { return Value::object(Type::Builtin, make_object<BuiltinObject>(spec)); }
Value make_module(Ref<ModuleObject> module) { return Value::object(Type::Module, std::move(module)); }
Value make_range(int64_t start, int64_t stop, int64_t step)
{
    return Value::object(Type::Range, make_object<RangeObject>(start, stop, step));
}

Value make_slice(Value start, Value stop, Value step)
{
    auto slice = make_object<SliceObject>();
    slice->start = std::move(start);
    slice->stop = std::move(stop);
    slice->step = std::move(step);
    return Value::object(Type::Slice, std::move(slice));
}

namespace {
struct MissingArgument final : Object { };
}

Value missing_argument()
{
    static const Value missing = Value::object(Type::Cell, make_object<MissingArgument>());
    return missing;
}

bool is_missing_argument(const Value& value)
{
    return value.is(Type::Cell) && value.object() == missing_argument().object();
}

namespace {
bool (*s_overlay_loader)(const ModuleObject&, std::string_view) = nullptr;
}

void set_overlay_loader(bool (*loader)(const ModuleObject&, std::string_view)) { s_overlay_loader = loader; }

const Value* ModuleObject::find(std::string_view attribute) const
{
    if (scope)
        return scope->find(attribute);
    for (auto& [name, value] : attributes) {
        if (name == attribute)
            return &value;
    }
    if (overlay_pending && s_overlay_loader && s_overlay_loader(*this, attribute))
        return find(attribute);
    return nullptr;
}

void ModuleObject::set(std::string attribute, Value value)
{
    if (scope) {
        scope->set(attribute, std::move(value));
        return;
    }
    for (auto& [name, existing] : attributes) {
        if (name == attribute) {
            existing = std::move(value);
            return;
        }
    }
    attributes.emplace_back(std::move(attribute), std::move(value));
}

bool ModuleObject::remove(std::string_view attribute)
{
    if (scope)
        return scope->remove(attribute);
    for (auto it = attributes.begin(); it != attributes.end(); ++it) {
        if (it->first == attribute) {
            attributes.erase(it);
            return true;
        }
    }
    return false;
}

std::vector<std::pair<std::string, Value>> ModuleObject::entries() const
{
    if (overlay_pending && s_overlay_loader)
        s_overlay_loader(*this, "");
    return scope ? scope->entries() : attributes;
}

std::string_view type_name(const Value& value)
{
    switch (value.type()) {
    case Type::None: return "NoneType";
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Float: return value.is_library_float() ? g_library_float_info->name : "float";
    case Type::Complex: return "complex";
    case Type::Str: return "str";
    case Type::Tuple: return "tuple";
    case Type::List: return "list";
    case Type::Dict: return "dict";
    case Type::Range: return "range";
    case Type::Slice: return "slice";
    case Type::Ellipsis: return "ellipsis";
    case Type::Function: return "function";
    case Type::Builtin: return "builtin_function_or_method";
    case Type::BoundMethod:
        return value.as<BoundMethodObject>().function.is(Type::Builtin) ? "builtin_function_or_method" : "method";
    case Type::Module: return "module";
    case Type::Class: return "type";
    case Type::Exception:
        if (auto& cls = value.as<ExceptionObject>().cls)
            return cls->name;
        return error_kind_name(value.as<ExceptionObject>().kind);
    case Type::Iterator: return value.as<IteratorObject>().type_name();
    case Type::Cell: return "cell";
    case Type::Opaque: return value.as<OpaqueObject>().type_info().name;
    }
    return "object";
}

std::string address_string(const void* pointer)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%p", pointer);
    return buffer;
}

const Value& builtin_value(const BuiltinSpec* spec)
{
    static std::unordered_map<const BuiltinSpec*, Value> cache;
    auto it = cache.find(spec);
    if (it == cache.end())
        it = cache.emplace(spec, make_builtin(spec)).first;
    return it->second;
}

const BuiltinSpec* find_spec(std::span<const BuiltinSpec> specs, std::string_view name)
{
    for (auto& spec : specs) {
        if (spec.name == name)
            return &spec;
    }
    return nullptr;
}

namespace {
FunctionHooks g_function_hooks;
ScopeHook g_scope_hook = nullptr;
}

void set_function_hooks(FunctionHooks hooks) { g_function_hooks = hooks; }
void set_scope_hook(ScopeHook hook) { g_scope_hook = hook; }
Value scope_names(CallContext& context, ScopeQuery query) { return g_scope_hook ? g_scope_hook(context, query) : make_dict(); }

std::string_view function_name(const Value& function)
{
    static thread_local std::string name;
    switch (function.type()) {
    case Type::Function:
        name = g_function_hooks.name ? g_function_hooks.name(function) : "function";
        return name;
    case Type::Builtin:
        return function.as<BuiltinObject>().spec->name;
    case Type::BoundMethod:
        return function_name(function.as<BoundMethodObject>().function);
    case Type::Class:
        return function.as<ClassObject>().name;
    default:
        return type_name(function);
    }
}

std::string callable_signature(const Value& function)
{
    switch (function.type()) {
    case Type::Function:
        return g_function_hooks.signature ? g_function_hooks.signature(function) : "(...)";
    case Type::Builtin:
        return function.as<BuiltinObject>().spec->signature;
    case Type::BoundMethod:
        return callable_signature(function.as<BoundMethodObject>().function);
    case Type::Class: {
        auto& constructor = function.as<ClassObject>().constructor;
        return constructor.is_none() ? "(...)" : callable_signature(constructor);
    }
    default:
        return "(...)";
    }
}

} // namespace ramba::interp
