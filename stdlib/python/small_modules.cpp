// Small standard modules: `copy` (copy, deepcopy), `string` (its constants and capwords),
// `__future__` (the feature names; every feature is already on) and `typing` (names usable in
// annotations and subscripted, e.g. List[int]; nothing is enforced).
#include "stdlib/python/python_modules.hpp"

#include <map>

namespace ramba::stdlib {

using namespace interp;
using python::make_opaque;
using python::raise;

namespace {

// ---- copy

Value shallow_copy(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::List: return make_list(v.as<ListObject>().items);
    case Type::Dict: {
        Value d = make_dict();
        for (auto& [key, value] : v.as<DictObject>().entries)
            dict_set(ctx, d.as<DictObject>(), key, value);
        return d;
    }
    case Type::Opaque:
        if (has_attribute(ctx, v, "__copy__"))
            return ctx.call(get_attribute(ctx, v, "__copy__"), {});
        if (has_attribute(ctx, v, "copy"))
            return ctx.call(get_attribute(ctx, v, "copy"), {});
        return v;
    default:
        return v; // immutable values are their own copies
    }
}

Value deep_copy(CallContext& ctx, const Value& v, std::map<const Object*, Value>& memo)
{
    const Object* identity = v.object().get();
    if (identity) {
        if (auto it = memo.find(identity); it != memo.end())
            return it->second;
    }
    switch (v.type()) {
    case Type::List: {
        Value out = make_list({});
        memo[identity] = out;
        for (auto& item : v.as<ListObject>().items)
            out.as<ListObject>().items.push_back(deep_copy(ctx, item, memo));
        return out;
    }
    case Type::Tuple: {
        Values items;
        bool changed = false;
        for (auto& item : v.as<TupleObject>().items) {
            items.push_back(deep_copy(ctx, item, memo));
            changed = changed || items.back().object().get() != item.object().get();
        }
        Value out = changed ? make_tuple(std::move(items)) : v;
        memo[identity] = out;
        return out;
    }
    case Type::Dict: {
        Value out = make_dict();
        memo[identity] = out;
        for (auto& [key, value] : v.as<DictObject>().entries)
            dict_set(ctx, out.as<DictObject>(), deep_copy(ctx, key, memo), deep_copy(ctx, value, memo));
        return out;
    }
    case Type::Opaque: {
        Value out = shallow_copy(ctx, v);
        memo[identity] = out;
        return out;
    }
    default:
        return v;
    }
}

Value cp_copy(CallContext& ctx, std::span<Value> a) { return shallow_copy(ctx, a[0]); }
Value cp_deepcopy(CallContext& ctx, std::span<Value> a)
{
    std::map<const Object*, Value> memo;
    return deep_copy(ctx, a[0], memo);
}

// _warnings.warn: the native core of `warnings` (as CPython's _warnings): reports "file:line: Category:
// message" once per place, at the user's line when called from library code.
Value warnings_warn(CallContext& ctx, std::span<Value> a)
{
    std::string category = "UserWarning";
    std::string text;
    if (a[0].is(Type::Exception)) {
        category = std::string(type_name(a[0]));
        text = str_value(ctx, a[0]);
    } else {
        text = str_value(ctx, a[0]);
    }
    if (!a[1].is_none()) {
        const auto* kind = a[1].is(Type::Class) ? &a[1].as<ClassObject>() : nullptr;
        if (!kind || !kind->error_kind || !error_kind_is_subclass(*kind->error_kind, ErrorKind::Warning))
            raise(ErrorKind::TypeError, "category must be a Warning subclass, not '" + std::string(type_name(a[1])) + "'");
        category = kind->name;
    }
    ctx.warn(category, text);
    return Value();
}

constexpr BuiltinSpec warnings_rows[] = {
    { "warn", "(message, category=None, stacklevel=1, source=None)", warnings_warn, "Issue a warning, or maybe ignore it or raise an exception." },
};

constexpr BuiltinSpec copy_rows[] = {
    { "copy", "(x)", cp_copy, "Shallow copy operation on arbitrary Python objects." },
    { "deepcopy", "(x, memo=None)", cp_deepcopy, "Deep copy operation on arbitrary Python objects." },
};

// ---- string

Value st_capwords(CallContext& ctx, std::span<Value> a)
{
    Value split_args[] = { a[1] };
    Value words = ctx.call(get_attribute(ctx, a[0], "split"), std::span<const Value>(split_args, 1));
    Values parts;
    for (auto& word : words.as<ListObject>().items)
        parts.push_back(ctx.call(get_attribute(ctx, word, "capitalize"), {}));
    Value separator = a[1].is_none() ? make_str(" ") : a[1];
    Value list = make_list(std::move(parts));
    return python::call1(ctx, get_attribute(ctx, separator, "join"), list);
}

constexpr BuiltinSpec string_rows[] = {
    { "capwords", "(s, sep=None)", st_capwords, "Split the argument into words using split, capitalize each word using capitalize, and join the capitalized words using join." },
};

// ---- typing: every name is a "special form" that prints as typing.Name and subscripts to
// typing.Name[args]; TypeVar('T') prints as ~T; cast() and the decorators hand back their argument.

struct TypingForm final : OpaqueObject {
    std::string text;
    explicit TypingForm(std::string t) : text(std::move(t)) { }
    const TypeInfo& type_info() const override;
};

std::string typing_arg(CallContext& ctx, const Value& v)
{
    if (v.is_none())
        return "None";
    if (v.is(Type::Ellipsis))
        return "...";
    if (v.is(Type::Class)) {
        const std::string& name = v.as<ClassObject>().name;
        return name;
    }
    if (v.is(Type::Tuple)) {
        std::string text = "(";
        auto& items = v.as<TupleObject>().items;
        for (size_t i = 0; i < items.size(); ++i)
            text += (i ? ", " : "") + typing_arg(ctx, items[i]);
        return text + (items.size() == 1 ? ",)" : ")");
    }
    if (v.is(Type::List)) {
        std::string text = "[";
        auto& items = v.as<ListObject>().items;
        for (size_t i = 0; i < items.size(); ++i)
            text += (i ? ", " : "") + typing_arg(ctx, items[i]);
        return text + "]";
    }
    return repr_value(ctx, v);
}

Value typing_subscript(CallContext& ctx, const Value& self, const Value& index)
{
    std::string text = self.as<TypingForm>().text + "[";
    if (index.is(Type::Tuple)) {
        auto& items = index.as<TupleObject>().items;
        for (size_t i = 0; i < items.size(); ++i)
            text += (i ? ", " : "") + typing_arg(ctx, items[i]);
        if (items.empty())
            text += "()";
    } else {
        text += typing_arg(ctx, index);
    }
    return make_opaque<TypingForm>(text + "]");
}

bool typing_or(CallContext& ctx, BinaryOp op, const Value& lhs, const Value& rhs, Value& out)
{
    if (op != BinaryOp::BitOr)
        return false;
    out = make_opaque<TypingForm>(typing_arg(ctx, lhs) + " | " + typing_arg(ctx, rhs));
    return true;
}

const TypeInfo& TypingForm::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t;
        t.name = "typing._SpecialForm";
        t.get_item = typing_subscript;
        t.binary = typing_or;
        t.repr = [](CallContext&, const Value& self) { return self.as<TypingForm>().text; };
        t.str = t.repr;
        t.hash = [](const Value& self) { return std::hash<std::string>()(self.as<TypingForm>().text); };
        t.equals = [](const Value& self, const Value& other) {
            return other.is(Type::Opaque) && dynamic_cast<const TypingForm*>(&other.as<OpaqueObject>())
                && other.as<TypingForm>().text == self.as<TypingForm>().text;
        };
        return t;
    }();
    return info;
}

Value ty_typevar(CallContext& ctx, std::span<Value> a)
{
    if (!a[0].is(Type::Str))
        raise(ErrorKind::TypeError, "TypeVar name must be a string");
    (void)ctx;
    return make_opaque<TypingForm>("~" + a[0].as<StrObject>().value);
}
Value ty_cast(CallContext&, std::span<Value> a) { return a[1]; }
Value ty_identity(CallContext&, std::span<Value> a) { return a[0]; }
Value ty_newtype(CallContext&, std::span<Value> a) { return a[1]; }
Value ty_get_type_hints(CallContext&, std::span<Value>) { return make_dict(); }

constexpr BuiltinSpec typing_rows[] = {
    { "TypeVar", "(name, *constraints, bound=None, covariant=False, contravariant=False)", ty_typevar, "Type variable." },
    { "cast", "(typ, val)", ty_cast, "Cast a value to a type.\n\nThis returns the value unchanged." },
    { "overload", "(func)", ty_identity, "Decorator for overloaded functions/methods." },
    { "final", "(f)", ty_identity, "A decorator to indicate final methods and final classes." },
    { "no_type_check", "(arg)", ty_identity, "Decorator to indicate that annotations are not type hints." },
    { "runtime_checkable", "(cls)", ty_identity, "Mark a protocol class as a runtime protocol." },
    { "NewType", "(name, tp)", ty_newtype, "NewType creates simple unique types with almost zero runtime overhead." },
    { "get_type_hints", "(obj, globalns=None, localns=None, include_extras=False)", ty_get_type_hints, "Return type hints for an object." },
};

constexpr const char* typing_names[] = {
    "Any", "Union", "Optional", "List", "Dict", "Tuple", "Set", "FrozenSet", "Callable", "Iterable", "Iterator",
    "Sequence", "Mapping", "MutableMapping", "MutableSequence", "MutableSet", "AbstractSet", "Generator", "Type",
    "Literal", "Final", "ClassVar", "Annotated", "NoReturn", "Never", "Self", "Hashable", "Sized", "Collection",
    "Container", "Reversible", "Deque", "DefaultDict", "Counter", "OrderedDict", "ChainMap", "Awaitable",
    "Coroutine", "AsyncIterator", "AsyncIterable", "SupportsFloat", "SupportsInt", "SupportsIndex",
    "SupportsAbs", "SupportsComplex", "SupportsRound", "IO", "TextIO", "BinaryIO", "AnyStr", "Text", "Pattern",
    "Match", "ItemsView", "KeysView", "ValuesView", "TypeAlias", "ParamSpec", "Concatenate", "TypeGuard",
    "LiteralString", "Required", "NotRequired", "Unpack", "Generic", "Protocol",
};

// ---- __future__

struct Feature final : OpaqueObject {
    std::string name;
    explicit Feature(std::string n) : name(std::move(n)) { }
    const TypeInfo& type_info() const override
    {
        static const TypeInfo info = [] {
            TypeInfo t;
            t.name = "__future__._Feature";
            t.repr = [](CallContext&, const Value& self) { return "_Feature(" + self.as<Feature>().name + ")"; };
            t.str = t.repr;
            return t;
        }();
        return info;
    }
};

} // namespace

Ref<ModuleObject> make_native_warnings_module()
{
    return python::module_of_rows("_warnings", warnings_rows);
}

Ref<ModuleObject> make_copy_module()
{
    auto module = python::module_of_rows("copy", copy_rows);
    module->set("Error", exception_class(ErrorKind::Exception));
    return module;
}

Ref<ModuleObject> make_string_module()
{
    auto module = python::module_of_rows("string", string_rows);
    std::string lower = "abcdefghijklmnopqrstuvwxyz", upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    std::string digits = "0123456789", punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", whitespace = " \t\n\r\x0b\x0c";
    module->set("ascii_lowercase", make_str(lower));
    module->set("ascii_uppercase", make_str(upper));
    module->set("ascii_letters", make_str(lower + upper));
    module->set("digits", make_str(digits));
    module->set("hexdigits", make_str(digits + "abcdefABCDEF"));
    module->set("octdigits", make_str("01234567"));
    module->set("punctuation", make_str(punctuation));
    module->set("whitespace", make_str(whitespace));
    module->set("printable", make_str(digits + lower + upper + punctuation + whitespace));
    return module;
}

Ref<ModuleObject> make_typing_module()
{
    auto module = python::module_of_rows("typing", typing_rows);
    for (const char* name : typing_names)
        module->set(name, make_opaque<TypingForm>(std::string("typing.") + name));
    module->set("TYPE_CHECKING", Value::boolean(false));
    return module;
}

Ref<ModuleObject> make_future_module()
{
    auto module = make_object<ModuleObject>("__future__");
    for (const char* name : { "annotations", "division", "absolute_import", "print_function", "unicode_literals", "generators", "nested_scopes", "with_statement", "generator_stop" })
        module->set(name, make_opaque<Feature>(name));
    return module;
}

} // namespace ramba::stdlib
