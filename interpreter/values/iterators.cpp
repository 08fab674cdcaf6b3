// Iteration: iter() of every iterable core type, the iterators behind enumerate/zip/map/filter/reversed,
// and to_vector/len. Iterators read their container live (a list iterator sees appends), as Python's do.
#include "engine/array/ndarray.hpp"
#include "interpreter/eval/interrupt.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

struct ListIterator final : IteratorObject {
    Value list;
    size_t position { 0 };
    explicit ListIterator(Value l) : list(std::move(l)) { }
    bool next(CallContext&, Value& out) override
    {
        auto& items = list.as<ListObject>().items;
        if (position >= items.size())
            return false;
        out = items[position++];
        return true;
    }
    std::string_view type_name() const override { return "list_iterator"; }
};

struct TupleIterator final : IteratorObject {
    Value tuple;
    size_t position { 0 };
    explicit TupleIterator(Value t) : tuple(std::move(t)) { }
    bool next(CallContext&, Value& out) override
    {
        auto& items = tuple.as<TupleObject>().items;
        if (position >= items.size())
            return false;
        out = items[position++];
        return true;
    }
    std::string_view type_name() const override { return "tuple_iterator"; }
};

struct StrIterator final : IteratorObject {
    Value str;
    size_t position { 0 };
    explicit StrIterator(Value s) : str(std::move(s)) { }
    bool next(CallContext&, Value& out) override
    {
        auto& s = str.as<StrObject>().value;
        if (position >= s.size())
            return false;
        size_t begin = position;
        uint32_t cp;
        utf8_decode_one(s, position, cp);
        out = make_str(s.substr(begin, position - begin));
        return true;
    }
    std::string_view type_name() const override { return "str_ascii_iterator"; }
};

struct RangeIterator final : IteratorObject {
    int64_t current, step, remaining;
    RangeIterator(int64_t start, int64_t s, int64_t n) : current(start), step(s), remaining(n) { }
    bool next(CallContext&, Value& out) override
    {
        if (remaining <= 0)
            return false;
        // Natives can drain a range of 10^15 (sum, max, sorted...): let Ctrl-C and deadlines in.
        if ((remaining & 0xffff) == 0 && g_interrupt_requested.load(std::memory_order_relaxed)) [[unlikely]]
            throw RambaError(ErrorKind::KeyboardInterrupt, "");
        out = Value::integer(current);
        --remaining;
        if (remaining > 0)
            current += step;
        return true;
    }
    std::string_view type_name() const override { return "range_iterator"; }
};

struct DictIterator final : IteratorObject {
    Value dict;
    DictPart part;
    size_t position { 0 };
    size_t initial_size;
    DictIterator(Value d, DictPart p) : dict(std::move(d)), part(p), initial_size(dict.as<DictObject>().entries.size()) { }
    bool next(CallContext&, Value& out) override
    {
        auto& entries = dict.as<DictObject>().entries;
        if (entries.size() != initial_size) {
            initial_size = entries.size(); // report once, as CPython does
            throw_error(ErrorKind::RuntimeError, "dictionary changed size during iteration");
        }
        if (position >= entries.size())
            return false;
        auto& [key, value] = entries[position++];
        out = part == DictPart::Keys ? key : part == DictPart::Values ? value : make_tuple({ key, value });
        return true;
    }
    std::string_view type_name() const override
    {
        return part == DictPart::Keys ? "dict_keyiterator" : part == DictPart::Values ? "dict_valueiterator" : "dict_itemiterator";
    }
};

// reversed() of a list, tuple, str or range: indexes from the end.
struct ReversedIterator final : IteratorObject {
    Values items;
    size_t remaining;
    explicit ReversedIterator(Values v) : items(std::move(v)), remaining(items.size()) { }
    bool next(CallContext&, Value& out) override
    {
        if (remaining == 0)
            return false;
        out = items[--remaining];
        return true;
    }
    std::string_view type_name() const override { return "reversed"; }
};

struct ReversedListIterator final : IteratorObject {
    Value list;
    size_t remaining;
    explicit ReversedListIterator(Value l) : list(std::move(l)), remaining(list.as<ListObject>().items.size()) { }
    bool next(CallContext&, Value& out) override
    {
        auto& items = list.as<ListObject>().items;
        if (remaining == 0 || remaining > items.size())
            return false;
        out = items[--remaining];
        return true;
    }
    std::string_view type_name() const override { return "list_reverseiterator"; }
};

struct EnumerateIterator final : IteratorObject {
    Value source;
    int64_t count;
    EnumerateIterator(Value s, int64_t start) : source(std::move(s)), count(start) { }
    bool next(CallContext& ctx, Value& out) override
    {
        Value item;
        if (!source.as<IteratorObject>().next(ctx, item))
            return false;
        out = make_tuple({ Value::integer(count), std::move(item) });
        if (__builtin_add_overflow(count, 1, &count))
            throw_int_overflow();
        return true;
    }
    std::string_view type_name() const override { return "enumerate"; }
};

struct ZipIterator final : IteratorObject {
    Values sources;
    explicit ZipIterator(Values s) : sources(std::move(s)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        if (sources.empty())
            return false;
        Values items(sources.size());
        for (size_t i = 0; i < sources.size(); ++i) {
            if (!sources[i].as<IteratorObject>().next(ctx, items[i]))
                return false;
        }
        out = make_tuple(std::move(items));
        return true;
    }
    std::string_view type_name() const override { return "zip"; }
};

struct MapIterator final : IteratorObject {
    Value function;
    Values sources;
    MapIterator(Value f, Values s) : function(std::move(f)), sources(std::move(s)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        Values args(sources.size());
        for (size_t i = 0; i < sources.size(); ++i) {
            if (!sources[i].as<IteratorObject>().next(ctx, args[i]))
                return false;
        }
        out = ctx.call(function, args);
        return true;
    }
    std::string_view type_name() const override { return "map"; }
};

struct FilterIterator final : IteratorObject {
    Value function;
    Value source;
    FilterIterator(Value f, Value s) : function(std::move(f)), source(std::move(s)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        Value item;
        while (source.as<IteratorObject>().next(ctx, item)) {
            bool keep = function.is_none() ? truthy(ctx, item) : truthy(ctx, ctx.call(function, std::span<const Value>(&item, 1)));
            if (keep) {
                out = std::move(item);
                return true;
            }
        }
        return false;
    }
    std::string_view type_name() const override { return "filter"; }
};

template<typename T, typename... Args>
Value make_iterator(Args&&... args)
{
    return Value::object(Type::Iterator, make_object<T>(std::forward<Args>(args)...));
}

} // namespace

Value iterate(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::List: return make_iterator<ListIterator>(v);
    case Type::Tuple: return make_iterator<TupleIterator>(v);
    case Type::Str: return make_iterator<StrIterator>(v);
    case Type::Range: {
        auto& r = v.as<RangeObject>();
        return make_iterator<RangeIterator>(r.start, r.step, range_length(r.start, r.stop, r.step));
    }
    case Type::Dict: return make_iterator<DictIterator>(v, DictPart::Keys);
    case Type::Iterator: return v;
    case Type::Opaque: {
        auto& info = v.as<OpaqueObject>().type_info();
        if (info.iterate)
            return info.iterate(ctx, v);
        break;
    }
    case Type::Class: {
        Value out;
        if (call_class_hook(ctx, v, "__class_iter__", {}, out))
            return iterate(ctx, out);
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "'" + std::string(type_name(v)) + "' object is not iterable");
}

Values to_vector(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::List: return v.as<ListObject>().items;
    case Type::Tuple: return v.as<TupleObject>().items;
    default: break;
    }
    Values out;
    if (v.is(Type::Range)) {
        auto& r = v.as<RangeObject>();
        auto length = static_cast<uint64_t>(range_length(r.start, r.stop, r.step));
        if (length > engine::Buffer::memory_limit() / sizeof(Value)) // as arrays are capped (RAMBA_MEMORY_LIMIT)
            throw_error(ErrorKind::MemoryError, "");
        out.reserve(static_cast<size_t>(length));
    }
    Value iterator = iterate(ctx, v);
    auto& it = iterator.as<IteratorObject>();
    Value item;
    while (it.next(ctx, item))
        out.push_back(std::move(item));
    return out;
}

int64_t length_of(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::Str: {
        auto& s = v.as<StrObject>().value;
        return utf8_length(s);
    }
    case Type::List: return static_cast<int64_t>(v.as<ListObject>().items.size());
    case Type::Tuple: return static_cast<int64_t>(v.as<TupleObject>().items.size());
    case Type::Dict: return static_cast<int64_t>(v.as<DictObject>().entries.size());
    case Type::Range: {
        auto& r = v.as<RangeObject>();
        return range_length(r.start, r.stop, r.step);
    }
    case Type::Opaque: {
        auto& info = v.as<OpaqueObject>().type_info();
        if (info.length)
            return info.length(ctx, v);
        break;
    }
    case Type::Class: {
        Value out;
        if (call_class_hook(ctx, v, "__class_len__", {}, out) && out.is(Type::Int))
            return out.as_int();
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "object of type '" + std::string(type_name(v)) + "' has no len()");
}

Value make_dict_iterator(const Value& dict, DictPart part) { return make_iterator<DictIterator>(dict, part); }

Value make_reversed(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::List: return make_iterator<ReversedListIterator>(v);
    case Type::Tuple: return make_iterator<ReversedIterator>(v.as<TupleObject>().items);
    case Type::Str:
    case Type::Range:
        return make_iterator<ReversedIterator>(to_vector(ctx, v));
    case Type::Dict: {
        Values keys;
        for (auto& entry : v.as<DictObject>().entries)
            keys.push_back(entry.first);
        return make_iterator<ReversedIterator>(std::move(keys));
    }
    case Type::Opaque: {
        auto& info = v.as<OpaqueObject>().type_info();
        if (info.iterate && info.length)
            return make_iterator<ReversedIterator>(to_vector(ctx, v));
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "'" + std::string(type_name(v)) + "' object is not reversible");
}

Value make_enumerate(CallContext& ctx, const Value& iterable, int64_t start)
{
    return make_iterator<EnumerateIterator>(iterate(ctx, iterable), start);
}

Value make_zip(CallContext& ctx, std::span<const Value> iterables)
{
    Values sources;
    for (auto& iterable : iterables)
        sources.push_back(iterate(ctx, iterable));
    return make_iterator<ZipIterator>(std::move(sources));
}

Value make_map(CallContext& ctx, const Value& function, std::span<const Value> iterables)
{
    if (iterables.empty())
        throw_error(ErrorKind::TypeError, "map() must have at least two arguments.");
    Values sources;
    for (auto& iterable : iterables)
        sources.push_back(iterate(ctx, iterable));
    return make_iterator<MapIterator>(function, std::move(sources));
}

Value make_filter(CallContext& ctx, const Value& function, const Value& iterable)
{
    return make_iterator<FilterIterator>(function, iterate(ctx, iterable));
}

} // namespace ramba::interp
