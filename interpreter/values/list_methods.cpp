// The methods of list and tuple (append, pop, sort, index, ...) and the stable sort shared with
// sorted(). One BuiltinSpec row each, self bound as the first argument.
#include <algorithm>
#include <numeric>

#include "interpreter/values/internal.hpp"

namespace ramba::interp {

void sort_values(CallContext& ctx, Values& values, const Value& key, bool reverse)
{
    // CPython: reverse=True keeps equal elements in their original order, as if the list were
    // reversed, stably sorted, then reversed again.
    if (reverse)
        std::reverse(values.begin(), values.end());
    if (key.is_none()) {
        Values sorted = values;
        std::stable_sort(sorted.begin(), sorted.end(), [&](const Value& a, const Value& b) { return less_than(ctx, a, b); });
        values = std::move(sorted);
    } else {
        Values keys;
        keys.reserve(values.size());
        for (auto& v : values)
            keys.push_back(ctx.call(key, std::span<const Value>(&v, 1)));
        std::vector<size_t> order(values.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return less_than(ctx, keys[a], keys[b]); });
        Values sorted;
        sorted.reserve(values.size());
        for (size_t i : order)
            sorted.push_back(values[i]);
        values = std::move(sorted);
    }
    if (reverse)
        std::reverse(values.begin(), values.end());
}

namespace {

Values& items(const Value& v) { return v.as<ListObject>().items; }

bool same_or_equal(CallContext& ctx, const Value& a, const Value& b)
{
    return (a.object() && a.object() == b.object()) || values_equal(ctx, a, b);
}

Value list_append(CallContext&, std::span<Value> a)
{
    items(a[0]).push_back(a[1]);
    return Value();
}

Value list_extend(CallContext& ctx, std::span<Value> a)
{
    Values more = to_vector(ctx, a[1]);
    auto& list = items(a[0]);
    list.insert(list.end(), more.begin(), more.end());
    return Value();
}

Value list_insert(CallContext& ctx, std::span<Value> a)
{
    auto& list = items(a[0]);
    auto n = static_cast<int64_t>(list.size());
    int64_t i = to_index(ctx, a[1]);
    if (i < 0)
        i = std::max<int64_t>(0, i + n);
    i = std::min(i, n);
    list.insert(list.begin() + i, a[2]);
    return Value();
}

Value list_pop(CallContext& ctx, std::span<Value> a)
{
    auto& list = items(a[0]);
    if (list.empty())
        throw_error(ErrorKind::IndexError, "pop from empty list");
    auto n = static_cast<int64_t>(list.size());
    int64_t i = to_index(ctx, a[1]);
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        throw_error(ErrorKind::IndexError, "pop index out of range");
    Value out = std::move(list[static_cast<size_t>(i)]);
    list.erase(list.begin() + i);
    return out;
}

Value list_remove(CallContext& ctx, std::span<Value> a)
{
    auto& list = items(a[0]);
    for (size_t i = 0; i < list.size(); ++i) {
        if (same_or_equal(ctx, list[i], a[1])) {
            list.erase(list.begin() + static_cast<int64_t>(i));
            return Value();
        }
    }
    throw_error(ErrorKind::ValueError, "list.remove(x): x not in list");
}

int64_t find_index(CallContext& ctx, const Values& list, std::span<Value> a)
{
    auto n = static_cast<int64_t>(list.size());
    auto clamp = [&](const Value& v, int64_t fallback) {
        if (is_missing_argument(v))
            return fallback;
        int64_t i = to_index(ctx, v);
        if (i < 0)
            i = std::max<int64_t>(0, i + n);
        return std::min(i, n);
    };
    int64_t start = clamp(a[2], 0), stop = clamp(a[3], n);
    for (int64_t i = start; i < stop; ++i) {
        if (same_or_equal(ctx, list[static_cast<size_t>(i)], a[1]))
            return i;
    }
    return -1;
}

Value list_index(CallContext& ctx, std::span<Value> a)
{
    int64_t i = find_index(ctx, items(a[0]), a);
    if (i < 0)
        throw_error(ErrorKind::ValueError, repr_value(ctx, a[1]) + " is not in list");
    return Value::integer(i);
}

int64_t count_in(CallContext& ctx, const Values& list, const Value& x)
{
    int64_t n = 0;
    for (auto& v : list) {
        if (same_or_equal(ctx, v, x))
            ++n;
    }
    return n;
}

Value list_count(CallContext& ctx, std::span<Value> a) { return Value::integer(count_in(ctx, items(a[0]), a[1])); }

Value list_sort(CallContext& ctx, std::span<Value> a)
{
    Values values = items(a[0]);
    sort_values(ctx, values, a[1], truthy(ctx, a[2]));
    items(a[0]) = std::move(values);
    return Value();
}

Value list_reverse(CallContext&, std::span<Value> a)
{
    std::reverse(items(a[0]).begin(), items(a[0]).end());
    return Value();
}

Value list_copy(CallContext&, std::span<Value> a) { return make_list(items(a[0])); }

Value list_clear(CallContext&, std::span<Value> a)
{
    items(a[0]).clear();
    return Value();
}

Value tuple_index(CallContext& ctx, std::span<Value> a)
{
    int64_t i = find_index(ctx, a[0].as<TupleObject>().items, a);
    if (i < 0)
        throw_error(ErrorKind::ValueError, "tuple.index(x): x not in tuple");
    return Value::integer(i);
}

Value tuple_count(CallContext& ctx, std::span<Value> a) { return Value::integer(count_in(ctx, a[0].as<TupleObject>().items, a[1])); }

constexpr BuiltinSpec list_rows[] = {
    { "append", "(self, object, /)", list_append, "Append object to the end of the list." },
    { "extend", "(self, iterable, /)", list_extend, "Extend list by appending elements from the iterable." },
    { "insert", "(self, index, object, /)", list_insert, "Insert object before index." },
    { "pop", "(self, index=-1, /)", list_pop, "Remove and return item at index (default last)." },
    { "remove", "(self, value, /)", list_remove, "Remove first occurrence of value." },
    { "index", "(self, value, start=<missing>, stop=<missing>, /)", list_index, "Return first index of value." },
    { "count", "(self, value, /)", list_count, "Return number of occurrences of value." },
    { "sort", "(self, /, *, key=None, reverse=False)", list_sort, "Sort the list in ascending order and return None (stable)." },
    { "reverse", "(self, /)", list_reverse, "Reverse *IN PLACE*." },
    { "copy", "(self, /)", list_copy, "Return a shallow copy of the list." },
    { "clear", "(self, /)", list_clear, "Remove all items from list." },
};

constexpr BuiltinSpec tuple_rows[] = {
    { "index", "(self, value, start=<missing>, stop=<missing>, /)", tuple_index, "Return first index of value." },
    { "count", "(self, value, /)", tuple_count, "Return number of occurrences of value." },
};

} // namespace

std::span<const BuiltinSpec> list_methods() { return list_rows; }
std::span<const BuiltinSpec> tuple_methods() { return tuple_rows; }

} // namespace ramba::interp
