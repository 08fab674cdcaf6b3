// Python's `functools`: reduce, partial, lru_cache/cache (with cache_info and cache_clear),
// cmp_to_key and wraps.
#include "stdlib/python/python_modules.hpp"

#include <optional>

namespace ramba::stdlib {

using namespace interp;
using python::make_opaque;
using python::raise;

namespace {

using Keywords = std::vector<std::pair<std::string, Value>>;

Value ft_reduce(CallContext& ctx, std::span<Value> a)
{
    Value iterator = iterate(ctx, a[1]);
    auto& it = iterator.as<IteratorObject>();
    Value total;
    if (is_missing_argument(a[2])) {
        if (!it.next(ctx, total))
            raise(ErrorKind::TypeError, "reduce() of empty iterable with no initial value");
    } else {
        total = a[2];
    }
    Value item;
    while (it.next(ctx, item))
        total = python::call2(ctx, a[0], total, item);
    return total;
}

// A keyword given again replaces the earlier value in place; a new one goes last.
void set_keyword(Keywords& keywords, const std::string& name, const Value& value)
{
    for (auto& entry : keywords) {
        if (entry.first == name) {
            entry.second = value;
            return;
        }
    }
    keywords.emplace_back(name, value);
}

// partial(func, *args, **keywords)
struct Partial final : OpaqueObject {
    Value function;
    Values args;
    Keywords keywords;
    const TypeInfo& type_info() const override;
};

Value partial_call(CallContext& ctx, const Value& self, std::span<const Value> args, std::span<const std::pair<std::string, Value>> keywords)
{
    auto& p = self.as<Partial>();
    Values all = p.args;
    all.insert(all.end(), args.begin(), args.end());
    Keywords merged = p.keywords;
    for (auto& [name, value] : keywords)
        set_keyword(merged, name, value);
    return ctx.call(p.function, all, merged);
}

std::string partial_repr(CallContext& ctx, const Value& self)
{
    auto& p = self.as<Partial>();
    std::string text = "functools.partial(" + repr_value(ctx, p.function);
    for (auto& v : p.args)
        text += ", " + repr_value(ctx, v);
    for (auto& [name, value] : p.keywords)
        text += ", " + name + "=" + repr_value(ctx, value);
    return text + ")";
}

constexpr AttributeSpec partial_attributes[] = {
    { "func", [](CallContext&, const Value& self) { return self.as<Partial>().function; }, "function object to use in future partial calls" },
    { "args", [](CallContext&, const Value& self) { return make_tuple(self.as<Partial>().args); }, "tuple of arguments to future partial calls" },
    { "keywords", [](CallContext& ctx, const Value& self) {
         Value d = make_dict();
         for (auto& [name, value] : self.as<Partial>().keywords)
             dict_set(ctx, d.as<DictObject>(), make_str(name), value);
         return d;
     }, "dictionary of keyword arguments to future partial calls" },
};

const TypeInfo& Partial::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t;
        t.name = "functools.partial";
        t.attributes = partial_attributes;
        t.call = partial_call;
        t.repr = partial_repr;
        t.str = partial_repr;
        return t;
    }();
    return info;
}

Value ft_partial(CallContext&, std::span<Value> a)
{
    // partial(func, /, *args, **keywords): a[0] func, a[1] args tuple, a[2] keywords dict.
    auto object = make_object<Partial>();
    if (a[0].is(Type::Opaque) && dynamic_cast<const Partial*>(&a[0].as<OpaqueObject>())) {
        auto& inner = a[0].as<Partial>(); // partial(partial(f, 1), 2) flattens, as CPython's does
        object->function = inner.function;
        object->args = inner.args;
        object->keywords = inner.keywords;
    } else {
        object->function = a[0];
    }
    for (auto& v : python::star_args(a[1]))
        object->args.push_back(v);
    for (auto& [key, value] : a[2].as<DictObject>().entries)
        set_keyword(object->keywords, key.as<StrObject>().value, value);
    return Value::object(Type::Opaque, std::move(object));
}

// lru_cache(maxsize=128, typed=False) and cache: a dict from the call's arguments to its result,
// least recently used first (a hit moves its entry to the end; a full cache drops the first).
struct CachedFunction final : OpaqueObject {
    Value function;
    std::optional<int64_t> maxsize; // none: unbounded
    bool typed { false };
    Value cache { make_dict() };
    int64_t hits { 0 }, misses { 0 };
    const TypeInfo& type_info() const override;
};

Value cache_key(CallContext& ctx, const CachedFunction& f, std::span<const Value> args, std::span<const std::pair<std::string, Value>> keywords)
{
    Values parts(args.begin(), args.end());
    if (!keywords.empty()) {
        parts.push_back(make_str("\x01kwargs")); // a marker no positional argument can equal
        for (auto& [name, value] : keywords) {
            parts.push_back(make_str(name));
            parts.push_back(value);
        }
    }
    if (f.typed) {
        size_t n = parts.size();
        for (size_t i = 0; i < n; ++i)
            parts.push_back(type_of(parts[i]));
    }
    (void)ctx;
    return make_tuple(std::move(parts));
}

Value cached_call(CallContext& ctx, const Value& self, std::span<const Value> args, std::span<const std::pair<std::string, Value>> keywords)
{
    auto& f = self.as<CachedFunction>();
    if (f.maxsize && *f.maxsize <= 0) {
        ++f.misses;
        return ctx.call(f.function, args, keywords);
    }
    Value key = cache_key(ctx, f, args, keywords);
    auto& table = f.cache.as<DictObject>();
    if (const Value* hit = dict_find(ctx, table, key)) {
        ++f.hits;
        Value result = *hit;
        if (f.maxsize) { // most recently used goes last
            dict_erase(ctx, table, key);
            dict_set(ctx, table, key, result);
        }
        return result;
    }
    ++f.misses;
    Value keep_alive = self; // the function may clear its own cache
    Value result = ctx.call(f.function, args, keywords);
    if (f.maxsize && static_cast<int64_t>(table.entries.size()) >= *f.maxsize && !table.entries.empty()) {
        Value oldest = table.entries.front().first;
        dict_erase(ctx, table, oldest);
    }
    dict_set(ctx, table, key, result);
    return result;
}

struct CacheInfo final : OpaqueObject {
    int64_t hits, misses, currsize;
    std::optional<int64_t> maxsize;
    const TypeInfo& type_info() const override;
};

std::string cache_info_repr(CallContext&, const Value& self)
{
    auto& c = self.as<CacheInfo>();
    return "CacheInfo(hits=" + std::to_string(c.hits) + ", misses=" + std::to_string(c.misses)
        + ", maxsize=" + (c.maxsize ? std::to_string(*c.maxsize) : std::string("None")) + ", currsize=" + std::to_string(c.currsize) + ")";
}

constexpr AttributeSpec cache_info_attributes[] = {
    { "hits", [](CallContext&, const Value& self) { return Value::integer(self.as<CacheInfo>().hits); }, "cache hits" },
    { "misses", [](CallContext&, const Value& self) { return Value::integer(self.as<CacheInfo>().misses); }, "cache misses" },
    { "maxsize", [](CallContext&, const Value& self) { auto& c = self.as<CacheInfo>(); return c.maxsize ? Value::integer(*c.maxsize) : Value(); }, "maximum size" },
    { "currsize", [](CallContext&, const Value& self) { return Value::integer(self.as<CacheInfo>().currsize); }, "current size" },
};

const TypeInfo& CacheInfo::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t;
        t.name = "functools.CacheInfo";
        t.attributes = cache_info_attributes;
        t.repr = cache_info_repr;
        t.str = cache_info_repr;
        return t;
    }();
    return info;
}

Value cached_info(CallContext&, std::span<Value> a)
{
    auto& f = a[0].as<CachedFunction>();
    auto info = make_object<CacheInfo>();
    info->hits = f.hits;
    info->misses = f.misses;
    info->maxsize = f.maxsize;
    info->currsize = static_cast<int64_t>(f.cache.as<DictObject>().entries.size());
    return Value::object(Type::Opaque, std::move(info));
}

Value cached_clear(CallContext&, std::span<Value> a)
{
    auto& f = a[0].as<CachedFunction>();
    dict_clear(f.cache.as<DictObject>());
    f.hits = f.misses = 0;
    return Value();
}

constexpr BuiltinSpec cached_methods[] = {
    { "cache_info", "(self)", cached_info, "Report cache statistics" },
    { "cache_clear", "(self)", cached_clear, "Clear the cache and cache statistics" },
};

constexpr AttributeSpec cached_attributes[] = {
    { "__wrapped__", [](CallContext&, const Value& self) { return self.as<CachedFunction>().function; }, "the wrapped function" },
};

const TypeInfo& CachedFunction::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t;
        t.name = "functools._lru_cache_wrapper";
        t.methods = cached_methods;
        t.attributes = cached_attributes;
        t.call = cached_call;
        t.repr = [](CallContext& ctx, const Value& self) { return repr_value(ctx, self.as<CachedFunction>().function); };
        t.str = t.repr;
        return t;
    }();
    return info;
}

Value wrap_cached(const Value& function, std::optional<int64_t> maxsize, bool typed)
{
    auto f = make_object<CachedFunction>();
    f->function = function;
    f->maxsize = maxsize;
    f->typed = typed;
    return Value::object(Type::Opaque, std::move(f));
}

// lru_cache(maxsize=...) returns this decorator.
struct CacheDecorator final : OpaqueObject {
    std::optional<int64_t> maxsize;
    bool typed { false };
    const TypeInfo& type_info() const override
    {
        static const TypeInfo info = [] {
            TypeInfo t;
            t.name = "function";
            t.call = [](CallContext&, const Value& self, std::span<const Value> args, std::span<const std::pair<std::string, Value>>) {
                if (args.size() != 1)
                    raise(ErrorKind::TypeError, "decorating_function() takes 1 positional argument but " + std::to_string(args.size()) + " were given");
                auto& d = self.as<CacheDecorator>();
                return wrap_cached(args[0], d.maxsize, d.typed);
            };
            return t;
        }();
        return info;
    }
};

Value ft_lru_cache(CallContext& ctx, std::span<Value> a)
{
    bool typed = truthy(ctx, a[1]);
    const Value& first = a[0];
    if (first.is_none() || first.is(Type::Int) || first.is(Type::Bool)) {
        auto d = make_object<CacheDecorator>();
        if (!first.is_none())
            d->maxsize = std::max<int64_t>(first.as_int(), 0);
        d->typed = typed;
        return Value::object(Type::Opaque, std::move(d));
    }
    if (first.is(Type::Function) || first.is(Type::Builtin) || first.is(Type::BoundMethod) || first.is(Type::Class) || first.is(Type::Opaque))
        return wrap_cached(first, 128, typed); // @lru_cache without arguments
    raise(ErrorKind::TypeError, "Expected first argument to be an integer, a callable, or None");
}

Value ft_cache(CallContext&, std::span<Value> a) { return wrap_cached(a[0], std::nullopt, false); }

// cmp_to_key(mycmp): key objects that order themselves by mycmp(a, b) < 0, == 0, > 0.
struct CmpKey final : OpaqueObject {
    Value compare, object;
    CmpKey(Value c, Value o) : compare(std::move(c)), object(std::move(o)) { }
    const TypeInfo& type_info() const override;
};

bool cmp_key_compare(CallContext& ctx, CompareOp op, const Value& lhs, const Value& rhs, Value& out)
{
    auto key = [](const Value& v) -> const CmpKey* {
        return v.is(Type::Opaque) ? dynamic_cast<const CmpKey*>(&v.as<OpaqueObject>()) : nullptr;
    };
    const CmpKey* a = key(lhs);
    const CmpKey* b = key(rhs);
    if (!a || !b)
        raise(ErrorKind::TypeError, "other argument must be K instance");
    Value sign = python::call2(ctx, a->compare, a->object, b->object);
    Value zero = Value::integer(0);
    out = compare_op(ctx, op, sign, zero);
    return true;
}

const TypeInfo& CmpKey::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t;
        t.name = "functools.KeyWrapper";
        t.compare = cmp_key_compare;
        t.attributes = std::span<const AttributeSpec>();
        return t;
    }();
    return info;
}

struct CmpToKey final : OpaqueObject {
    Value compare;
    explicit CmpToKey(Value c) : compare(std::move(c)) { }
    const TypeInfo& type_info() const override
    {
        static const TypeInfo info = [] {
            TypeInfo t;
            t.name = "functools.KeyWrapper";
            t.call = [](CallContext&, const Value& self, std::span<const Value> args, std::span<const std::pair<std::string, Value>>) {
                if (args.size() != 1)
                    raise(ErrorKind::TypeError, "K() takes exactly 1 argument (" + std::to_string(args.size()) + " given)");
                return make_opaque<CmpKey>(self.as<CmpToKey>().compare, args[0]);
            };
            return t;
        }();
        return info;
    }
};

Value ft_cmp_to_key(CallContext&, std::span<Value> a) { return make_opaque<CmpToKey>(a[0]); }

// wraps(wrapped): the decorator it returns hands the wrapper back as it is (ramba's functions keep
// their own name).
struct Identity final : OpaqueObject {
    const TypeInfo& type_info() const override
    {
        static const TypeInfo info = [] {
            TypeInfo t;
            t.name = "functools.partial";
            t.call = [](CallContext&, const Value&, std::span<const Value> args, std::span<const std::pair<std::string, Value>>) {
                if (args.size() != 1)
                    raise(ErrorKind::TypeError, "update_wrapper() missing 1 required positional argument: 'wrapper'");
                return args[0];
            };
            return t;
        }();
        return info;
    }
};

Value ft_wraps(CallContext&, std::span<Value>) { return make_opaque<Identity>(); }

constexpr BuiltinSpec rows[] = {
    { "reduce", "(function, iterable, initial=<missing>, /)", ft_reduce, "Apply a function of two arguments cumulatively to the items of a sequence or iterable, from left to right, so as to reduce the iterable to a single value." },
    { "partial", "(func, /, *args, **keywords)", ft_partial, "Create a new function with partial application of the given arguments and keywords." },
    { "lru_cache", "(maxsize=128, typed=False)", ft_lru_cache, "Least-recently-used cache decorator." },
    { "cache", "(user_function, /)", ft_cache, "Simple lightweight unbounded cache.  Sometimes called \"memoize\"." },
    { "cmp_to_key", "(mycmp)", ft_cmp_to_key, "Convert a cmp= function into a key= function." },
    { "wraps", "(wrapped, assigned=None, updated=None)", ft_wraps, "Decorator factory to apply update_wrapper() to a wrapper function." },
};

} // namespace

Ref<ModuleObject> make_functools_module() { return python::module_of_rows("functools", rows); }

} // namespace ramba::stdlib
