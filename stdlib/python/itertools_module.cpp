// Python's `itertools`: lazy iterators over iterables (count, cycle, repeat, accumulate, chain,
// compress, dropwhile, takewhile, filterfalse, groupby, islice, pairwise, starmap, tee, zip_longest)
// and the combinatoric ones (product, permutations, combinations, combinations_with_replacement),
// which take their pools first as CPython does and then yield tuples in its order.
#include "stdlib/python/python_modules.hpp"

#include <limits>
#include <optional>

namespace ramba::stdlib {

using namespace interp;
using python::make_iterator;
using python::raise;

namespace {

struct Count final : IteratorObject {
    Value current, step;
    Count(Value c, Value s) : current(std::move(c)), step(std::move(s)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        out = current;
        current = binary_op(ctx, BinaryOp::Add, current, step);
        return true;
    }
    std::string_view type_name() const override { return "itertools.count"; }
};

struct Cycle final : IteratorObject {
    Value source;
    Values saved;
    size_t position { 0 };
    bool replaying { false };
    explicit Cycle(Value s) : source(std::move(s)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        if (!replaying) {
            if (source.as<IteratorObject>().next(ctx, out)) {
                saved.push_back(out);
                return true;
            }
            replaying = true;
        }
        if (saved.empty())
            return false;
        out = saved[position];
        position = (position + 1) % saved.size();
        return true;
    }
    std::string_view type_name() const override { return "itertools.cycle"; }
};

struct Repeat final : IteratorObject {
    Value object;
    std::optional<int64_t> left;
    Repeat(Value o, std::optional<int64_t> n) : object(std::move(o)), left(n) { }
    bool next(CallContext&, Value& out) override
    {
        if (left) {
            if (*left <= 0)
                return false;
            --*left;
        }
        out = object;
        return true;
    }
    std::string_view type_name() const override { return "itertools.repeat"; }
};

struct Accumulate final : IteratorObject {
    Value source, function, total;
    bool started { false };
    bool pending_initial { false };
    Accumulate(Value s, Value f, Value initial) : source(std::move(s)), function(std::move(f))
    {
        if (!initial.is_none()) {
            total = std::move(initial);
            started = true;
            pending_initial = true;
        }
    }
    bool next(CallContext& ctx, Value& out) override
    {
        if (pending_initial) {
            pending_initial = false;
            out = total;
            return true;
        }
        Value item;
        if (!source.as<IteratorObject>().next(ctx, item))
            return false;
        if (!started) {
            total = item;
            started = true;
        } else {
            total = function.is_none() ? binary_op(ctx, BinaryOp::Add, total, item) : python::call2(ctx, function, total, item);
        }
        out = total;
        return true;
    }
    std::string_view type_name() const override { return "itertools.accumulate"; }
};

// chain(*iterables) and chain.from_iterable(iterable): the outer iterator yields the iterables.
struct Chain final : IteratorObject {
    Value outer, inner;
    explicit Chain(Value o) : outer(std::move(o)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        for (;;) {
            if (!inner.is_none() && inner.as<IteratorObject>().next(ctx, out))
                return true;
            Value iterable;
            if (!outer.as<IteratorObject>().next(ctx, iterable))
                return false;
            inner = iterate(ctx, iterable);
        }
    }
    std::string_view type_name() const override { return "itertools.chain"; }
};

struct Compress final : IteratorObject {
    Value data, selectors;
    Compress(Value d, Value s) : data(std::move(d)), selectors(std::move(s)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        Value selector;
        while (data.as<IteratorObject>().next(ctx, out)) {
            if (!selectors.as<IteratorObject>().next(ctx, selector))
                return false;
            if (truthy(ctx, selector))
                return true;
        }
        return false;
    }
    std::string_view type_name() const override { return "itertools.compress"; }
};

// dropwhile / takewhile / filterfalse: a predicate over one source.
enum class Filter : uint8_t { DropWhile, TakeWhile, FilterFalse };
struct PredicateFilter final : IteratorObject {
    Value predicate, source;
    Filter mode;
    bool switched { false }; // dropwhile: done dropping; takewhile: done taking
    PredicateFilter(Value p, Value s, Filter m) : predicate(std::move(p)), source(std::move(s)), mode(m) { }
    bool next(CallContext& ctx, Value& out) override
    {
        auto& it = source.as<IteratorObject>();
        switch (mode) {
        case Filter::DropWhile:
            while (it.next(ctx, out)) {
                if (switched || !truthy(ctx, python::call1(ctx, predicate, out))) {
                    switched = true;
                    return true;
                }
            }
            return false;
        case Filter::TakeWhile:
            if (switched || !it.next(ctx, out))
                return false;
            if (truthy(ctx, python::call1(ctx, predicate, out)))
                return true;
            switched = true;
            return false;
        case Filter::FilterFalse:
            while (it.next(ctx, out)) {
                bool keep = predicate.is_none() ? truthy(ctx, out) : truthy(ctx, python::call1(ctx, predicate, out));
                if (!keep)
                    return true;
            }
            return false;
        }
        return false;
    }
    std::string_view type_name() const override
    {
        return mode == Filter::DropWhile ? "itertools.dropwhile" : mode == Filter::TakeWhile ? "itertools.takewhile" : "itertools.filterfalse";
    }
};

struct ListIterator final : IteratorObject {
    Values items;
    size_t position { 0 };
    explicit ListIterator(Values v) : items(std::move(v)) { }
    bool next(CallContext&, Value& out) override
    {
        if (position >= items.size())
            return false;
        out = items[position++];
        return true;
    }
    std::string_view type_name() const override { return "itertools._grouper"; }
};

// groupby: each group is read eagerly into its own iterator when the (key, group) pair is made;
// a program that consumes groups in order sees CPython's results.
struct GroupBy final : IteratorObject {
    Value source, key;
    Value pending, pending_key;
    bool has_pending { false }, exhausted { false };
    GroupBy(Value s, Value k) : source(std::move(s)), key(std::move(k)) { }
    Value key_of(CallContext& ctx, const Value& item) { return key.is_none() ? item : python::call1(ctx, key, item); }
    bool next(CallContext& ctx, Value& out) override
    {
        if (!has_pending) {
            if (exhausted || !source.as<IteratorObject>().next(ctx, pending))
                return false;
            pending_key = key_of(ctx, pending);
            has_pending = true;
        }
        Values group { pending };
        Value group_key = pending_key;
        has_pending = false;
        Value item;
        while (source.as<IteratorObject>().next(ctx, item)) {
            Value item_key = key_of(ctx, item);
            if (!values_equal(ctx, item_key, group_key)) {
                pending = std::move(item);
                pending_key = std::move(item_key);
                has_pending = true;
                break;
            }
            group.push_back(std::move(item));
        }
        if (!has_pending)
            exhausted = true;
        out = make_tuple({ group_key, make_iterator<ListIterator>(std::move(group)) });
        return true;
    }
    std::string_view type_name() const override { return "itertools.groupby"; }
};

struct ISlice final : IteratorObject {
    Value source;
    int64_t next_index, stop, step; // stop < 0: no limit
    int64_t position { 0 };
    ISlice(Value s, int64_t a, int64_t b, int64_t c) : source(std::move(s)), next_index(a), stop(b), step(c) { }
    bool next(CallContext& ctx, Value& out) override
    {
        if (stop >= 0 && next_index >= stop)
            return false;
        while (position <= next_index) {
            if (!source.as<IteratorObject>().next(ctx, out)) {
                stop = 0;
                next_index = 1;
                return false;
            }
            ++position;
        }
        next_index += step;
        return true;
    }
    std::string_view type_name() const override { return "itertools.islice"; }
};

struct Pairwise final : IteratorObject {
    Value source, previous;
    bool started { false };
    explicit Pairwise(Value s) : source(std::move(s)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        auto& it = source.as<IteratorObject>();
        if (!started) {
            started = true;
            if (!it.next(ctx, previous))
                return false;
        }
        Value item;
        if (!it.next(ctx, item))
            return false;
        out = make_tuple({ previous, item });
        previous = std::move(item);
        return true;
    }
    std::string_view type_name() const override { return "itertools.pairwise"; }
};

struct StarMap final : IteratorObject {
    Value function, source;
    StarMap(Value f, Value s) : function(std::move(f)), source(std::move(s)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        Value item;
        if (!source.as<IteratorObject>().next(ctx, item))
            return false;
        Values args = to_vector(ctx, item);
        out = ctx.call(function, args);
        return true;
    }
    std::string_view type_name() const override { return "itertools.starmap"; }
};

struct ZipLongest final : IteratorObject {
    std::vector<Value> sources;
    std::vector<bool> done;
    size_t active;
    Value fill;
    ZipLongest(std::vector<Value> s, Value f) : sources(std::move(s)), done(sources.size(), false), active(sources.size()), fill(std::move(f)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        if (active == 0)
            return false;
        Values row;
        for (size_t i = 0; i < sources.size(); ++i) {
            Value item;
            if (!done[i] && sources[i].as<IteratorObject>().next(ctx, item)) {
                row.push_back(std::move(item));
                continue;
            }
            if (!done[i]) {
                done[i] = true;
                if (--active == 0)
                    return false;
            }
            row.push_back(fill);
        }
        out = make_tuple(std::move(row));
        return true;
    }
    std::string_view type_name() const override { return "itertools.zip_longest"; }
};

// The combinatoric iterators walk index vectors in CPython's (lexicographic) order.
enum class Combinatoric : uint8_t { Product, Permutations, Combinations, CombinationsWithReplacement };
struct CombinatoricIterator final : IteratorObject {
    std::vector<Values> pools; // product: one per position; else one pool
    Combinatoric mode;
    size_t r;
    std::vector<size_t> indices, cycles;
    bool first { true }, finished { false };
    CombinatoricIterator(std::vector<Values> p, Combinatoric m, size_t length) : pools(std::move(p)), mode(m), r(length) { }

    const Values& pool() const { return pools[0]; }
    Value current() const
    {
        Values row;
        row.reserve(indices.size());
        for (size_t i = 0; i < indices.size(); ++i)
            row.push_back(mode == Combinatoric::Product ? pools[i][indices[i]] : pool()[indices[i]]);
        return make_tuple(std::move(row));
    }
    bool start()
    {
        size_t n = pools.empty() ? 0 : pool().size();
        switch (mode) {
        case Combinatoric::Product:
            for (auto& p : pools) {
                if (p.empty())
                    return false;
            }
            indices.assign(pools.size(), 0);
            return true;
        case Combinatoric::Permutations:
            if (r > n)
                return false;
            for (size_t i = 0; i < n; ++i)
                indices.push_back(i);
            for (size_t i = 0; i < r; ++i)
                cycles.push_back(n - i);
            return true;
        case Combinatoric::Combinations:
            if (r > n)
                return false;
            for (size_t i = 0; i < r; ++i)
                indices.push_back(i);
            return true;
        case Combinatoric::CombinationsWithReplacement:
            if (n == 0 && r > 0)
                return false;
            indices.assign(r, 0);
            return true;
        }
        return false;
    }
    bool advance()
    {
        size_t n = pools.empty() ? 0 : pool().size();
        switch (mode) {
        case Combinatoric::Product:
            for (size_t i = indices.size(); i-- > 0;) {
                if (++indices[i] < pools[i].size())
                    return true;
                indices[i] = 0;
            }
            return false;
        case Combinatoric::Permutations:
            for (size_t i = r; i-- > 0;) {
                if (--cycles[i] == 0) {
                    size_t moved = indices[i];
                    indices.erase(indices.begin() + static_cast<std::ptrdiff_t>(i));
                    indices.push_back(moved);
                    cycles[i] = n - i;
                } else {
                    std::swap(indices[i], indices[n - cycles[i]]);
                    return true;
                }
            }
            return false;
        case Combinatoric::Combinations:
            for (size_t i = r; i-- > 0;) {
                if (indices[i] != i + n - r) {
                    ++indices[i];
                    for (size_t j = i + 1; j < r; ++j)
                        indices[j] = indices[j - 1] + 1;
                    return true;
                }
            }
            return false;
        case Combinatoric::CombinationsWithReplacement:
            for (size_t i = r; i-- > 0;) {
                if (indices[i] != n - 1) {
                    size_t value = indices[i] + 1;
                    for (size_t j = i; j < r; ++j)
                        indices[j] = value;
                    return true;
                }
            }
            return false;
        }
        return false;
    }
    bool next(CallContext&, Value& out) override
    {
        if (finished)
            return false;
        if (first) {
            first = false;
            if (!start()) {
                finished = true;
                return false;
            }
        } else if (!advance()) {
            finished = true;
            return false;
        }
        if (mode == Combinatoric::Permutations) {
            Values row;
            for (size_t i = 0; i < r; ++i)
                row.push_back(pool()[indices[i]]);
            out = make_tuple(std::move(row));
        } else {
            out = current();
        }
        return true;
    }
    std::string_view type_name() const override
    {
        switch (mode) {
        case Combinatoric::Product: return "itertools.product";
        case Combinatoric::Permutations: return "itertools.permutations";
        case Combinatoric::Combinations: return "itertools.combinations";
        case Combinatoric::CombinationsWithReplacement: return "itertools.combinations_with_replacement";
        }
        return "iterator";
    }
};

size_t length_argument(CallContext& ctx, const Value& v, const char* what)
{
    int64_t r = to_index(ctx, v);
    if (r < 0)
        raise(ErrorKind::ValueError, std::string(what) + " must be non-negative");
    return static_cast<size_t>(r);
}

Value it_count(CallContext& ctx, std::span<Value> a)
{
    for (auto& v : a) {
        if (!v.is(Type::Int) && !v.is(Type::Float) && !v.is(Type::Bool) && !v.is(Type::Complex) && !v.is(Type::Opaque))
            raise(ErrorKind::TypeError, "a number is required");
    }
    (void)ctx;
    return make_iterator<Count>(a[0], a[1]);
}
Value it_cycle(CallContext& ctx, std::span<Value> a) { return make_iterator<Cycle>(iterate(ctx, a[0])); }
Value it_repeat(CallContext& ctx, std::span<Value> a)
{
    std::optional<int64_t> times;
    if (!is_missing_argument(a[1]))
        times = to_index(ctx, a[1]);
    return make_iterator<Repeat>(a[0], times);
}
Value it_accumulate(CallContext& ctx, std::span<Value> a) { return make_iterator<Accumulate>(iterate(ctx, a[0]), a[1], a[2]); }
Value it_chain(CallContext& ctx, std::span<Value> a) { return make_iterator<Chain>(iterate(ctx, a[0])); }
Value it_chain_from_iterable(CallContext& ctx, std::span<Value> a) { return make_iterator<Chain>(iterate(ctx, a[1])); }

// `chain` is callable and has `chain.from_iterable`: an object of its own type.
constexpr BuiltinSpec chain_row { "chain", "(*iterables)", it_chain, "Return a chain object whose .__next__() method returns elements from the\nfirst iterable until it is exhausted, then elements from the next\niterable, until all of the iterables are exhausted." };
constexpr BuiltinSpec chain_methods[] = {
    { "from_iterable", "(self, iterable, /)", it_chain_from_iterable, "Alternative chain() constructor taking a single iterable argument that evaluates lazily." },
};

struct ChainClass final : OpaqueObject {
    const TypeInfo& type_info() const override
    {
        static const TypeInfo info = [] {
            TypeInfo t;
            t.name = "type";
            t.methods = chain_methods;
            t.repr = [](CallContext&, const Value&) { return std::string("<class 'itertools.chain'>"); };
            t.str = t.repr;
            t.call = [](CallContext& ctx, const Value&, std::span<const Value> args, std::span<const std::pair<std::string, Value>> keywords) {
                static const Value chain = make_builtin(&chain_row);
                return call_builtin(ctx, chain, args, keywords);
            };
            return t;
        }();
        return info;
    }
};
Value it_compress(CallContext& ctx, std::span<Value> a) { return make_iterator<Compress>(iterate(ctx, a[0]), iterate(ctx, a[1])); }
Value it_dropwhile(CallContext& ctx, std::span<Value> a) { return make_iterator<PredicateFilter>(a[0], iterate(ctx, a[1]), Filter::DropWhile); }
Value it_takewhile(CallContext& ctx, std::span<Value> a) { return make_iterator<PredicateFilter>(a[0], iterate(ctx, a[1]), Filter::TakeWhile); }
Value it_filterfalse(CallContext& ctx, std::span<Value> a) { return make_iterator<PredicateFilter>(a[0], iterate(ctx, a[1]), Filter::FilterFalse); }
Value it_groupby(CallContext& ctx, std::span<Value> a) { return make_iterator<GroupBy>(iterate(ctx, a[0]), a[1]); }

Value it_islice(CallContext& ctx, std::span<Value> a)
{
    auto& rest = python::star_args(a[1]);
    if (rest.empty() || rest.size() > 3)
        raise(ErrorKind::TypeError, rest.empty() ? "islice expected at least 2 arguments, got 1" : "islice expected at most 4 arguments, got " + std::to_string(rest.size() + 1));
    auto bound = [&](const Value& v, const char* message) -> int64_t {
        if (v.is_none())
            return -1;
        int64_t i;
        if (!as_index(ctx, v, i) || i < 0 || i > std::numeric_limits<int64_t>::max() / 2)
            raise(ErrorKind::ValueError, message);
        return i;
    };
    const char* stop_message = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const char* index_message = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    int64_t start = 0, stop, step = 1;
    if (rest.size() == 1) {
        stop = bound(rest[0], stop_message);
    } else {
        start = rest[0].is_none() ? 0 : bound(rest[0], index_message);
        stop = bound(rest[1], index_message);
        if (rest.size() == 3 && !rest[2].is_none()) {
            int64_t s;
            if (!as_index(ctx, rest[2], s) || s <= 0)
                raise(ErrorKind::ValueError, "Step for islice() must be a positive integer or None.");
            step = s;
        }
    }
    return make_iterator<ISlice>(iterate(ctx, a[0]), start, stop, step);
}

Value it_pairwise(CallContext& ctx, std::span<Value> a) { return make_iterator<Pairwise>(iterate(ctx, a[0])); }
Value it_starmap(CallContext& ctx, std::span<Value> a) { return make_iterator<StarMap>(a[0], iterate(ctx, a[1])); }

Value it_tee(CallContext& ctx, std::span<Value> a)
{
    int64_t n = to_index(ctx, a[1]);
    if (n < 0)
        raise(ErrorKind::ValueError, "n must be >= 0");
    Values items = to_vector(ctx, a[0]);
    Values copies;
    for (int64_t i = 0; i < n; ++i)
        copies.push_back(make_iterator<ListIterator>(items));
    return make_tuple(std::move(copies));
}

Value it_zip_longest(CallContext& ctx, std::span<Value> a)
{
    std::vector<Value> sources;
    for (auto& v : python::star_args(a[0]))
        sources.push_back(iterate(ctx, v));
    return make_iterator<ZipLongest>(std::move(sources), a[1]);
}

Value it_product(CallContext& ctx, std::span<Value> a)
{
    int64_t repeat = to_index(ctx, a[1]);
    if (repeat < 0)
        raise(ErrorKind::ValueError, "repeat argument cannot be negative");
    std::vector<Values> pools;
    for (auto& v : python::star_args(a[0]))
        pools.push_back(to_vector(ctx, v));
    std::vector<Values> repeated;
    for (int64_t i = 0; i < repeat; ++i)
        repeated.insert(repeated.end(), pools.begin(), pools.end());
    return make_iterator<CombinatoricIterator>(std::move(repeated), Combinatoric::Product, 0);
}

Value it_permutations(CallContext& ctx, std::span<Value> a)
{
    Values pool = to_vector(ctx, a[0]);
    size_t r = a[1].is_none() ? pool.size() : length_argument(ctx, a[1], "r");
    return make_iterator<CombinatoricIterator>(std::vector<Values> { std::move(pool) }, Combinatoric::Permutations, r);
}

Value it_combinations(CallContext& ctx, std::span<Value> a)
{
    Values pool = to_vector(ctx, a[0]);
    return make_iterator<CombinatoricIterator>(std::vector<Values> { std::move(pool) }, Combinatoric::Combinations, length_argument(ctx, a[1], "r"));
}

Value it_combinations_with_replacement(CallContext& ctx, std::span<Value> a)
{
    Values pool = to_vector(ctx, a[0]);
    return make_iterator<CombinatoricIterator>(std::vector<Values> { std::move(pool) }, Combinatoric::CombinationsWithReplacement, length_argument(ctx, a[1], "r"));
}

constexpr BuiltinSpec rows[] = {
    { "count", "(start=0, step=1)", it_count, "Return a count object whose .__next__() method returns consecutive values." },
    { "cycle", "(iterable, /)", it_cycle, "Return elements from the iterable until it is exhausted. Then repeat the sequence indefinitely." },
    { "repeat", "(object, times=<missing>)", it_repeat, "repeat(object [,times]) -> create an iterator which returns the object\nfor the specified number of times.  If not specified, returns the object\nendlessly." },
    { "accumulate", "(iterable, func=None, *, initial=None)", it_accumulate, "Return series of accumulated sums (or other binary function results)." },
    { "compress", "(data, selectors)", it_compress, "Return data elements corresponding to true selector elements." },
    { "dropwhile", "(predicate, iterable, /)", it_dropwhile, "Drop items from the iterable while predicate(item) is true." },
    { "takewhile", "(predicate, iterable, /)", it_takewhile, "Return successive entries from an iterable as long as the predicate evaluates to true for each entry." },
    { "filterfalse", "(function, iterable, /)", it_filterfalse, "Return those items of iterable for which function(item) is false." },
    { "groupby", "(iterable, key=None)", it_groupby, "make an iterator that returns consecutive keys and groups from the iterable" },
    { "islice", "(iterable, /, *args)", it_islice, "islice(iterable, stop) --> islice object\nislice(iterable, start, stop[, step]) --> islice object" },
    { "pairwise", "(iterable, /)", it_pairwise, "Return an iterator of overlapping pairs taken from the input iterator." },
    { "starmap", "(function, iterable, /)", it_starmap, "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence." },
    { "tee", "(iterable, n=2, /)", it_tee, "Returns a tuple of n independent iterators." },
    { "zip_longest", "(*iterables, fillvalue=None)", it_zip_longest, "Return a zip_longest object whose .__next__() method returns a tuple." },
    { "product", "(*iterables, repeat=1)", it_product, "Cartesian product of input iterables.  Equivalent to nested for-loops." },
    { "permutations", "(iterable, r=None)", it_permutations, "Return successive r-length permutations of elements in the iterable." },
    { "combinations", "(iterable, r)", it_combinations, "Return successive r-length combinations of elements in the iterable." },
    { "combinations_with_replacement", "(iterable, r)", it_combinations_with_replacement, "Return successive r-length combinations of elements in the iterable allowing individual elements to have successive repeats." },
};

} // namespace

Ref<ModuleObject> make_itertools_module()
{
    auto module = python::module_of_rows("itertools", rows);
    module->set("chain", python::make_opaque<ChainClass>());
    return module;
}

} // namespace ramba::stdlib
