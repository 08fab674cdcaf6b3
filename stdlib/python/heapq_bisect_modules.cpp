// Python's `heapq` (a min-heap kept in a list with CPython's sift order, so printed heaps match)
// and `bisect` (binary search and insertion into sorted lists, with key=).
#include "stdlib/python/python_modules.hpp"

namespace ramba::stdlib {

using namespace interp;
using python::less_than;
using python::raise;

namespace {

ListObject& heap_list(const Value& v)
{
    if (!v.is(Type::List))
        raise(ErrorKind::TypeError, "heap argument must be a list");
    return v.as<ListObject>();
}

// Moves items[position] up towards start while it is smaller than its parent.
void sift_down(CallContext& ctx, Values& items, size_t start, size_t position)
{
    Value item = items[position];
    while (position > start) {
        size_t parent = (position - 1) >> 1;
        if (!less_than(ctx, item, items[parent]))
            break;
        items[position] = items[parent];
        position = parent;
    }
    items[position] = std::move(item);
}

// Moves the smaller child up until a leaf is reached, then sifts the item into place (the bottom-up
// order CPython uses: fewer comparisons, and the same heap layout).
void sift_up(CallContext& ctx, Values& items, size_t position)
{
    size_t end = items.size();
    size_t start = position;
    Value item = items[position];
    size_t child = 2 * position + 1;
    while (child < end) {
        size_t right = child + 1;
        if (right < end && !less_than(ctx, items[child], items[right]))
            child = right;
        items[position] = items[child];
        position = child;
        child = 2 * position + 1;
    }
    items[position] = std::move(item);
    sift_down(ctx, items, start, position);
}

Value hq_heappush(CallContext& ctx, std::span<Value> a)
{
    auto& items = heap_list(a[0]).items;
    items.push_back(a[1]);
    sift_down(ctx, items, 0, items.size() - 1);
    return Value();
}

Value hq_heappop(CallContext& ctx, std::span<Value> a)
{
    auto& items = heap_list(a[0]).items;
    if (items.empty())
        raise(ErrorKind::IndexError, "index out of range");
    Value last = std::move(items.back());
    items.pop_back();
    if (items.empty())
        return last;
    Value top = std::move(items[0]);
    items[0] = std::move(last);
    sift_up(ctx, items, 0);
    return top;
}

Value hq_heapreplace(CallContext& ctx, std::span<Value> a)
{
    auto& items = heap_list(a[0]).items;
    if (items.empty())
        raise(ErrorKind::IndexError, "index out of range");
    Value top = std::move(items[0]);
    items[0] = a[1];
    sift_up(ctx, items, 0);
    return top;
}

Value hq_heappushpop(CallContext& ctx, std::span<Value> a)
{
    auto& items = heap_list(a[0]).items;
    if (items.empty() || !less_than(ctx, items[0], a[1]))
        return a[1];
    Value top = std::move(items[0]);
    items[0] = a[1];
    sift_up(ctx, items, 0);
    return top;
}

Value hq_heapify(CallContext& ctx, std::span<Value> a)
{
    auto& items = heap_list(a[0]).items;
    for (size_t i = items.size() / 2; i-- > 0;)
        sift_up(ctx, items, i);
    return Value();
}

// nlargest/nsmallest: as documented, sorted(iterable, key=key, reverse=...)[:n] (stable).
Value n_best(CallContext& ctx, std::span<Value> a, bool largest)
{
    int64_t n = to_index(ctx, a[0]);
    Value sorted = ctx.call(*builtins_module().find("sorted"), std::span<const Value>(&a[1], 1),
        std::vector<std::pair<std::string, Value>> { { "key", a[2] }, { "reverse", Value::boolean(largest) } });
    auto& items = sorted.as<ListObject>().items;
    if (n < static_cast<int64_t>(items.size()))
        items.resize(static_cast<size_t>(std::max<int64_t>(n, 0)));
    return sorted;
}

Value hq_nlargest(CallContext& ctx, std::span<Value> a) { return n_best(ctx, a, true); }
Value hq_nsmallest(CallContext& ctx, std::span<Value> a) { return n_best(ctx, a, false); }

// merge(*iterables, key=None, reverse=False): sorted inputs merged, ties in input order.
Value hq_merge(CallContext& ctx, std::span<Value> a)
{
    Values all;
    for (auto& iterable : python::star_args(a[0])) {
        Values part = to_vector(ctx, iterable);
        all.insert(all.end(), part.begin(), part.end());
    }
    Value list = make_list(std::move(all));
    Value sorted = ctx.call(*builtins_module().find("sorted"), std::span<const Value>(&list, 1),
        std::vector<std::pair<std::string, Value>> { { "key", a[1] }, { "reverse", a[2] } });
    return iterate(ctx, sorted);
}

constexpr BuiltinSpec heapq_rows[] = {
    { "heappush", "(heap, item, /)", hq_heappush, "Push item onto heap, maintaining the heap invariant." },
    { "heappop", "(heap, /)", hq_heappop, "Pop the smallest item off the heap, maintaining the heap invariant." },
    { "heapreplace", "(heap, item, /)", hq_heapreplace, "Pop and return the current smallest value, and add the new item." },
    { "heappushpop", "(heap, item, /)", hq_heappushpop, "Push item on the heap, then pop and return the smallest item from the heap." },
    { "heapify", "(heap, /)", hq_heapify, "Transform list into a heap, in-place, in O(len(heap)) time." },
    { "nlargest", "(n, iterable, key=None)", hq_nlargest, "Find the n largest elements in a dataset." },
    { "nsmallest", "(n, iterable, key=None)", hq_nsmallest, "Find the n smallest elements in a dataset." },
    { "merge", "(*iterables, key=None, reverse=False)", hq_merge, "Merge multiple sorted inputs into a single sorted output." },
};

// bisect: `a` is any sequence supporting len() and a[i].
struct Bounds {
    int64_t lo, hi;
};

Bounds bisect_bounds(CallContext& ctx, std::span<Value> a)
{
    int64_t lo = to_index(ctx, a[2]);
    if (lo < 0)
        raise(ErrorKind::ValueError, "lo must be non-negative");
    int64_t hi = a[3].is_none() ? python::call1(ctx, *builtins_module().find("len"), a[0]).as_int() : to_index(ctx, a[3]);
    return { lo, hi };
}

int64_t bisect_position(CallContext& ctx, std::span<Value> a, bool right, const Value& x)
{
    auto [lo, hi] = bisect_bounds(ctx, a);
    const Value& key = a[4];
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        Value item = get_item(ctx, a[0], Value::integer(mid));
        if (!key.is_none())
            item = python::call1(ctx, key, item);
        bool go_left = right ? less_than(ctx, x, item) : !less_than(ctx, item, x);
        if (go_left)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

Value bs_bisect_left(CallContext& ctx, std::span<Value> a) { return Value::integer(bisect_position(ctx, a, false, a[1])); }
Value bs_bisect_right(CallContext& ctx, std::span<Value> a) { return Value::integer(bisect_position(ctx, a, true, a[1])); }

Value insort(CallContext& ctx, std::span<Value> a, bool right)
{
    Value x = a[4].is_none() ? a[1] : python::call1(ctx, a[4], a[1]);
    int64_t position = bisect_position(ctx, a, right, x);
    Value insert = get_attribute(ctx, a[0], "insert");
    python::call2(ctx, insert, Value::integer(position), a[1]);
    return Value();
}

Value bs_insort_left(CallContext& ctx, std::span<Value> a) { return insort(ctx, a, false); }
Value bs_insort_right(CallContext& ctx, std::span<Value> a) { return insort(ctx, a, true); }

constexpr BuiltinSpec bisect_rows[] = {
    { "bisect_left", "(a, x, lo=0, hi=None, *, key=None)", bs_bisect_left, "Return the index where to insert item x in list a, assuming a is sorted." },
    { "bisect_right", "(a, x, lo=0, hi=None, *, key=None)", bs_bisect_right, "Return the index where to insert item x in list a, assuming a is sorted." },
    { "bisect", "(a, x, lo=0, hi=None, *, key=None)", bs_bisect_right, "Return the index where to insert item x in list a, assuming a is sorted." },
    { "insort_left", "(a, x, lo=0, hi=None, *, key=None)", bs_insort_left, "Insert item x in list a, and keep it sorted assuming a is sorted." },
    { "insort_right", "(a, x, lo=0, hi=None, *, key=None)", bs_insort_right, "Insert item x in list a, and keep it sorted assuming a is sorted." },
    { "insort", "(a, x, lo=0, hi=None, *, key=None)", bs_insort_right, "Insert item x in list a, and keep it sorted assuming a is sorted." },
};

} // namespace

Ref<ModuleObject> make_heapq_module() { return python::module_of_rows("heapq", heapq_rows); }
Ref<ModuleObject> make_bisect_module() { return python::module_of_rows("bisect", bisect_rows); }

} // namespace ramba::stdlib
