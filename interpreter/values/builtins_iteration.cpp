// Builtins that consume or make iterables: iter, next, enumerate, zip, map, filter, reversed, sorted,
// any, all, min, max, sum. One BuiltinSpec row each.
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

Value builtin_iter(CallContext& ctx, std::span<Value> a) { return iterate(ctx, a[0]); }

Value builtin_next(CallContext& ctx, std::span<Value> a)
{
    if (is_user_instance(a[0])) {
        Value out;
        try {
            if (call_special(ctx, a[0], "__next__", {}, out))
                return out;
        } catch (RambaError& error) {
            if (error.kind() != ErrorKind::StopIteration || is_missing_argument(a[1]))
                throw;
            return a[1];
        }
    }
    if (!a[0].is(Type::Iterator))
        throw_error(ErrorKind::TypeError, "'" + std::string(type_name(a[0])) + "' object is not an iterator");
    Value out;
    // A generator's StopIteration carries the value its body returned: its __next__ raises it.
    if (auto* spec = find_spec(a[0].as<IteratorObject>().methods(), "__next__")) {
        try {
            Value self[1] = { a[0] };
            return spec->function(ctx, std::span<Value>(self, 1));
        } catch (RambaError& error) {
            if (error.kind() != ErrorKind::StopIteration || is_missing_argument(a[1]))
                throw;
            return a[1];
        }
    }
    if (a[0].as<IteratorObject>().next(ctx, out))
        return out;
    if (!is_missing_argument(a[1]))
        return a[1];
    throw ThrownException(ErrorKind::StopIteration, "", make_exception(ctx, ErrorKind::StopIteration, {}));
}

Value builtin_enumerate(CallContext& ctx, std::span<Value> a) { return make_enumerate(ctx, a[0], to_index(ctx, a[1])); }
Value builtin_zip(CallContext& ctx, std::span<Value> a) { return make_zip(ctx, a[0].as<TupleObject>().items); }
Value builtin_map(CallContext& ctx, std::span<Value> a) { return make_map(ctx, a[0], a[1].as<TupleObject>().items); }
Value builtin_filter(CallContext& ctx, std::span<Value> a) { return make_filter(ctx, a[0], a[1]); }
Value builtin_reversed(CallContext& ctx, std::span<Value> a) { return make_reversed(ctx, a[0]); }

Value builtin_sorted(CallContext& ctx, std::span<Value> a)
{
    Values values = to_vector(ctx, a[0]);
    sort_values(ctx, values, a[1], truthy(ctx, a[2]));
    return make_list(std::move(values));
}

Value any_all(CallContext& ctx, const Value& iterable, bool want)
{
    Value iterator = iterate(ctx, iterable);
    Value item;
    while (iterator.as<IteratorObject>().next(ctx, item)) {
        if (truthy(ctx, item) == want)
            return Value::boolean(want);
    }
    return Value::boolean(!want);
}

Value builtin_any(CallContext& ctx, std::span<Value> a) { return any_all(ctx, a[0], true); }
Value builtin_all(CallContext& ctx, std::span<Value> a) { return any_all(ctx, a[0], false); }

Value min_max(CallContext& ctx, std::span<Value> a, bool is_max)
{
    const char* name = is_max ? "max" : "min";
    auto& args = a[0].as<TupleObject>().items;
    const Value& key = a[1];
    const Value& fallback = a[2];
    if (args.empty())
        throw_error(ErrorKind::TypeError, std::string(name) + " expected at least 1 argument, got 0");
    if (args.size() > 1 && !is_missing_argument(fallback))
        throw_error(ErrorKind::TypeError, std::string("Cannot specify a default for ") + name + "() with multiple positional arguments");
    Value iterator = iterate(ctx, args.size() == 1 ? args[0] : a[0]);
    auto& it = iterator.as<IteratorObject>();
    Value best, best_key, item;
    bool found = false;
    while (it.next(ctx, item)) {
        Value item_key = key.is_none() ? item : ctx.call(key, std::span<const Value>(&item, 1));
        // Python keeps the first of equal elements: replace only when strictly better.
        if (!found || truthy(ctx, compare_op(ctx, is_max ? CompareOp::Gt : CompareOp::Lt, item_key, best_key))) {
            best = item;
            best_key = item_key;
            found = true;
        }
    }
    if (!found) {
        if (!is_missing_argument(fallback))
            return fallback;
        throw_error(ErrorKind::ValueError, std::string(name) + "() arg is an empty sequence");
    }
    return best;
}

Value builtin_min(CallContext& ctx, std::span<Value> a) { return min_max(ctx, a, false); }
Value builtin_max(CallContext& ctx, std::span<Value> a) { return min_max(ctx, a, true); }

Value builtin_sum(CallContext& ctx, std::span<Value> a)
{
    Value total = a[1];
    if (total.is(Type::Str))
        throw_error(ErrorKind::TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    Value iterator = iterate(ctx, a[0]);
    auto& it = iterator.as<IteratorObject>();
    Value item;
    while (it.next(ctx, item)) {
        // OPTIMIZATION: int and float running sums avoid the generic dispatch (CPython does the same).
        if (total.is(Type::Int) && item.is(Type::Int)) {
            int64_t r;
            if (__builtin_add_overflow(total.as_int(), item.as_int(), &r))
                total = binary_op(ctx, BinaryOp::Add, total, item);
            else
                total = Value::integer(r);
        } else if (total.is(Type::Float) && item.is(Type::Float) && !Value::any_library_float(total, item)) {
            total = Value::floating(total.as_float() + item.as_float());
        } else {
            total = binary_op(ctx, BinaryOp::Add, total, item);
        }
    }
    return total;
}

constexpr BuiltinSpec rows[] = {
    { "iter", "(object, /)", builtin_iter, "Get an iterator from an object." },
    { "next", "(iterator, default=<missing>, /)", builtin_next, "Return the next item from the iterator. If default is given and the iterator\nis exhausted, it is returned instead of raising StopIteration." },
    { "enumerate", "(iterable, start=0)", builtin_enumerate, "Return an enumerate object yielding (index, value) pairs." },
    { "zip", "(*iterables)", builtin_zip, "Yield tuples until an input is exhausted." },
    { "map", "(function, /, *iterables)", builtin_map, "Make an iterator that computes the function using arguments from each of the iterables." },
    { "filter", "(function, iterable, /)", builtin_filter, "Return an iterator yielding those items of iterable for which function(item) is true." },
    { "reversed", "(sequence, /)", builtin_reversed, "Return a reverse iterator over the values of the given sequence." },
    { "sorted", "(iterable, /, *, key=None, reverse=False)", builtin_sorted, "Return a new list containing all items from the iterable in ascending order." },
    { "any", "(iterable, /)", builtin_any, "Return True if bool(x) is True for any x in the iterable." },
    { "all", "(iterable, /)", builtin_all, "Return True if bool(x) is True for all values x in the iterable." },
    { "min", "(*args, key=None, default=<missing>)", builtin_min, "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its smallest item." },
    { "max", "(*args, key=None, default=<missing>)", builtin_max, "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\nWith a single iterable argument, return its biggest item." },
    { "sum", "(iterable, /, start=0)", builtin_sum, "Return the sum of a 'start' value (default: 0) plus an iterable of numbers." },
};

} // namespace

std::span<const BuiltinSpec> builtin_iteration_specs() { return rows; }

} // namespace ramba::interp
