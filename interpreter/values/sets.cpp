// set and frozenset: library-style objects (a TypeInfo each) over the dict table of dict_table.cpp,
// keys only. Iteration follows CPython's slot order (its open-addressing table, replayed over the
// elements), so `print({3, 1, 2})` shows {1, 2, 3} as Python does.
#include "interpreter/values/internal.hpp"

#include <algorithm>

namespace ramba::interp {

namespace {

struct SetObject final : OpaqueObject {
    DictObject table; // keys are the elements; values None
    bool frozen;
    std::vector<uint32_t> order; // entry positions in CPython's iteration order; empty: recompute
    size_t order_size { SIZE_MAX };
    explicit SetObject(bool f) : frozen(f) { }
    const TypeInfo& type_info() const override;
    void changed() { order_size = SIZE_MAX; }
    const std::vector<uint32_t>& iteration_order();
};

// CPython's setobject.c as far as where elements land: a table of 8 slots, linear probes of 9
// then perturbed steps, grown to the next power of two above 4 * used when 3/5 full; the slots are
// read in index order. FIXME: removals leave dummies in CPython; here the layout is replayed from
// the live elements, so a set that had removals may iterate in another order than CPython's.
const std::vector<uint32_t>& SetObject::iteration_order()
{
    size_t count = table.entries.size();
    if (order_size == count)
        return order;
    constexpr size_t linear_probes = 9;
    constexpr int perturb_shift = 5;
    std::vector<int64_t> slots(8, -1);
    size_t mask = 7, fill = 0;
    auto insert_clean = [](std::vector<int64_t>& into, size_t into_mask, size_t hash, int64_t position) {
        size_t perturb = hash;
        size_t i = hash & into_mask;
        for (;;) {
            if (into[i] < 0) {
                into[i] = position;
                return;
            }
            if (i + linear_probes <= into_mask) {
                for (size_t j = 1; j <= linear_probes; ++j) {
                    if (into[i + j] < 0) {
                        into[i + j] = position;
                        return;
                    }
                }
            }
            perturb >>= perturb_shift;
            i = (i * 5 + 1 + perturb) & into_mask;
        }
    };
    for (size_t position = 0; position < count; ++position) {
        insert_clean(slots, mask, table.hashes[position], static_cast<int64_t>(position));
        ++fill;
        if (fill * 5 >= mask * 3) {
            size_t minimum = fill > 50000 ? fill * 2 : fill * 4;
            size_t size = 8;
            while (size <= minimum)
                size <<= 1;
            std::vector<int64_t> grown(size, -1);
            for (int64_t old : slots)
                if (old >= 0)
                    insert_clean(grown, size - 1, table.hashes[static_cast<size_t>(old)], old);
            slots = std::move(grown);
            mask = size - 1;
        }
    }
    order.clear();
    for (int64_t slot : slots)
        if (slot >= 0)
            order.push_back(static_cast<uint32_t>(slot));
    order_size = count;
    return order;
}

SetObject& set_of(const Value& value) { return static_cast<SetObject&>(value.as<OpaqueObject>()); }

Value new_set(bool frozen)
{
    return Value::object(Type::Opaque, make_object<SetObject>(frozen));
}

void add(CallContext& context, SetObject& set, const Value& item)
{
    size_t before = set.table.entries.size();
    dict_set(context, set.table, item, Value());
    if (set.table.entries.size() != before)
        set.changed();
}

void add_all(CallContext& context, SetObject& set, const Value& iterable)
{
    if (is_set_or_frozenset(iterable)) {
        for (auto& [key, unused] : set_of(iterable).table.entries)
            add(context, set, key);
        return;
    }
    if (iterable.is(Type::Dict)) {
        for (auto& [key, unused] : iterable.as<DictObject>().entries)
            add(context, set, key);
        return;
    }
    Value iterator = iterate(context, iterable);
    Value item;
    while (iterator.as<IteratorObject>().next(context, item))
        add(context, set, item);
}

bool has(CallContext& context, const SetObject& set, const Value& item)
{
    return dict_find(context, set.table, item) != nullptr;
}


Value copy_of(CallContext& context, const SetObject& source, bool frozen)
{
    Value result = new_set(frozen);
    for (auto& [key, unused] : source.table.entries)
        add(context, set_of(result), key);
    return result;
}

// A set of an argument of a method: the argument itself when it is a set, else a temporary one.
Value as_set(CallContext& context, const Value& value)
{
    if (is_set_or_frozenset(value))
        return value;
    Value result = new_set(false);
    add_all(context, set_of(result), value);
    return result;
}

enum class Algebra : uint8_t { Union, Intersection, Difference, SymmetricDifference };

Value combine(CallContext& context, const SetObject& left, const Value& right_value, Algebra algebra, bool frozen)
{
    Value right_holder = as_set(context, right_value);
    const SetObject& right = set_of(right_holder);
    Value result = new_set(frozen);
    SetObject& out = set_of(result);
    switch (algebra) {
    case Algebra::Union:
        for (auto& [key, unused] : left.table.entries)
            add(context, out, key);
        for (auto& [key, unused] : right.table.entries)
            add(context, out, key);
        break;
    case Algebra::Intersection: {
        // CPython iterates the smaller operand.
        const SetObject& small = left.table.entries.size() <= right.table.entries.size() ? left : right;
        const SetObject& large = &small == &left ? right : left;
        for (auto& [key, unused] : small.table.entries)
            if (has(context, large, key))
                add(context, out, key);
        break;
    }
    case Algebra::Difference:
        for (auto& [key, unused] : left.table.entries)
            if (!has(context, right, key))
                add(context, out, key);
        break;
    case Algebra::SymmetricDifference:
        for (auto& [key, unused] : left.table.entries)
            if (!has(context, right, key))
                add(context, out, key);
        for (auto& [key, unused] : right.table.entries)
            if (!has(context, left, key))
                add(context, out, key);
        break;
    }
    return result;
}

void replace_contents(CallContext& context, SetObject& target, const Value& source)
{
    dict_clear(target.table);
    target.changed();
    for (auto& [key, unused] : set_of(source).table.entries)
        add(context, target, key);
}

bool is_subset(CallContext& context, const SetObject& small, const SetObject& large)
{
    if (small.table.entries.size() > large.table.entries.size())
        return false;
    for (auto& [key, unused] : small.table.entries)
        if (!has(context, large, key))
            return false;
    return true;
}

std::string render(CallContext& context, const Value& self)
{
    SetObject& set = set_of(self);
    const char* kind = set.frozen ? "frozenset" : "set";
    if (set.table.entries.empty())
        return std::string(kind) + "()";
    std::string out = set.frozen ? "frozenset({" : "{";
    bool first = true;
    for (uint32_t position : set.iteration_order()) {
        if (!first)
            out += ", ";
        first = false;
        out += repr_value(context, set.table.entries[position].first);
    }
    out += set.frozen ? "})" : "}";
    return out;
}

struct SetIterator final : IteratorObject {
    Value set;
    std::vector<uint32_t> order;
    size_t next_index { 0 };
    size_t initial_size;
    explicit SetIterator(Value s) : set(std::move(s)), order(set_of(set).iteration_order()), initial_size(set_of(set).table.entries.size()) { }
    bool next(CallContext&, Value& out) override
    {
        auto& entries = set_of(set).table.entries;
        if (entries.size() != initial_size) {
            next_index = order.size();
            throw_error(ErrorKind::RuntimeError, "Set changed size during iteration");
        }
        if (next_index >= order.size())
            return false;
        out = entries[order[next_index++]].first;
        return true;
    }
    std::string_view type_name() const override { return "set_iterator"; }
};

Value iterate_set(CallContext&, const Value& self) { return Value::object(Type::Iterator, make_object<SetIterator>(self)); }
int64_t set_length(CallContext&, const Value& self) { return static_cast<int64_t>(set_of(self).table.entries.size()); }
bool set_truth(CallContext&, const Value& self) { return !set_of(self).table.entries.empty(); }

bool set_binary(CallContext& context, BinaryOp op, const Value& left, const Value& right, Value& out)
{
    if (!is_set_or_frozenset(left) || !is_set_or_frozenset(right))
        return false;
    Algebra algebra;
    switch (op) {
    case BinaryOp::BitOr: algebra = Algebra::Union; break;
    case BinaryOp::BitAnd: algebra = Algebra::Intersection; break;
    case BinaryOp::Sub: algebra = Algebra::Difference; break;
    case BinaryOp::BitXor: algebra = Algebra::SymmetricDifference; break;
    default: return false;
    }
    out = combine(context, set_of(left), right, algebra, set_of(left).frozen);
    return true;
}

bool set_inplace(CallContext& context, BinaryOp op, Value& target, const Value& right)
{
    if (set_of(target).frozen)
        return false;
    Value result;
    if (!set_binary(context, op, target, right, result))
        return false;
    replace_contents(context, set_of(target), result);
    return true;
}

bool set_compare(CallContext& context, CompareOp op, const Value& left, const Value& right, Value& out)
{
    if (!is_set_or_frozenset(left) || !is_set_or_frozenset(right)) {
        if (op == CompareOp::Eq || op == CompareOp::NotEq) {
            out = Value::boolean(op == CompareOp::NotEq);
            return true;
        }
        return false;
    }
    const SetObject& a = set_of(left);
    const SetObject& b = set_of(right);
    size_t na = a.table.entries.size(), nb = b.table.entries.size();
    bool result = false;
    switch (op) {
    case CompareOp::Eq: result = na == nb && is_subset(context, a, b); break;
    case CompareOp::NotEq: result = !(na == nb && is_subset(context, a, b)); break;
    case CompareOp::LtE: result = is_subset(context, a, b); break;
    case CompareOp::Lt: result = na < nb && is_subset(context, a, b); break;
    case CompareOp::GtE: result = is_subset(context, b, a); break;
    case CompareOp::Gt: result = nb < na && is_subset(context, b, a); break;
    }
    out = Value::boolean(result);
    return true;
}

// CPython's frozenset hash (setobject.c's frozenset_hash): order-independent over the elements' hashes.
size_t frozenset_hash(const Value& self)
{
    auto shuffle = [](uint64_t h) { return ((h ^ 89869747ULL) ^ (h << 16)) * 3644798167ULL; };
    const SetObject& set = set_of(self);
    uint64_t hash = 0;
    for (size_t h : set.table.hashes)
        hash ^= shuffle(h);
    if ((set.table.entries.size() & 1) != 0)
        hash ^= shuffle(0);
    hash ^= (static_cast<uint64_t>(set.table.entries.size()) + 1) * 1927868237ULL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923ULL;
    if (hash == static_cast<uint64_t>(-1))
        hash = 590923713ULL;
    return hash;
}

bool frozenset_equals(const Value& self, const Value& other);

// ---- methods

Value m_add(CallContext& c, std::span<Value> a) { add(c, set_of(a[0]), a[1]); return Value(); }
Value m_discard(CallContext& c, std::span<Value> a)
{
    if (dict_erase(c, set_of(a[0]).table, a[1]))
        set_of(a[0]).changed();
    return Value();
}
Value m_remove(CallContext& c, std::span<Value> a)
{
    if (!dict_erase(c, set_of(a[0]).table, a[1]))
        throw_key_error(c, a[1]);
    set_of(a[0]).changed();
    return Value();
}
Value m_pop(CallContext& c, std::span<Value> a)
{
    SetObject& set = set_of(a[0]);
    if (set.table.entries.empty())
        throw_error(ErrorKind::KeyError, "'pop from an empty set'");
    // CPython takes the first element in slot order.
    Value item = set.table.entries[set.iteration_order().front()].first;
    dict_erase(c, set.table, item);
    set.changed();
    return item;
}
Value m_clear(CallContext&, std::span<Value> a) { dict_clear(set_of(a[0]).table); set_of(a[0]).changed(); return Value(); }
Value m_copy(CallContext& c, std::span<Value> a) { return set_of(a[0]).frozen ? a[0] : copy_of(c, set_of(a[0]), false); }

Value fold(CallContext& c, const Value& self, const Value& others, Algebra algebra)
{
    Value result = copy_of(c, set_of(self), set_of(self).frozen);
    for (auto& other : others.as<TupleObject>().items)
        result = combine(c, set_of(result), other, algebra, set_of(self).frozen);
    return result;
}
Value m_union(CallContext& c, std::span<Value> a) { return fold(c, a[0], a[1], Algebra::Union); }
Value m_intersection(CallContext& c, std::span<Value> a) { return fold(c, a[0], a[1], Algebra::Intersection); }
Value m_difference(CallContext& c, std::span<Value> a) { return fold(c, a[0], a[1], Algebra::Difference); }
Value m_symmetric_difference(CallContext& c, std::span<Value> a) { return combine(c, set_of(a[0]), a[1], Algebra::SymmetricDifference, set_of(a[0]).frozen); }
Value m_update(CallContext& c, std::span<Value> a)
{
    for (auto& other : a[1].as<TupleObject>().items)
        add_all(c, set_of(a[0]), other);
    return Value();
}
Value update_with(CallContext& c, const Value& self, const Value& others, Algebra algebra)
{
    replace_contents(c, set_of(self), fold(c, self, others, algebra));
    return Value();
}
Value m_intersection_update(CallContext& c, std::span<Value> a) { return update_with(c, a[0], a[1], Algebra::Intersection); }
Value m_difference_update(CallContext& c, std::span<Value> a) { return update_with(c, a[0], a[1], Algebra::Difference); }
Value m_symmetric_difference_update(CallContext& c, std::span<Value> a)
{
    replace_contents(c, set_of(a[0]), combine(c, set_of(a[0]), a[1], Algebra::SymmetricDifference, false));
    return Value();
}
Value m_issubset(CallContext& c, std::span<Value> a) { Value other = as_set(c, a[1]); return Value::boolean(is_subset(c, set_of(a[0]), set_of(other))); }
Value m_issuperset(CallContext& c, std::span<Value> a) { Value other = as_set(c, a[1]); return Value::boolean(is_subset(c, set_of(other), set_of(a[0]))); }
Value m_isdisjoint(CallContext& c, std::span<Value> a)
{
    Value other = as_set(c, a[1]);
    for (auto& [key, unused] : set_of(a[0]).table.entries)
        if (has(c, set_of(other), key))
            return Value::boolean(false);
    return Value::boolean(true);
}
Value m_contains(CallContext& c, std::span<Value> a) { return Value::boolean(has(c, set_of(a[0]), a[1])); }

#define RAMBA_SET_COMMON_ROWS                                                                                          \
    { "copy", "(self, /)", m_copy, "Return a shallow copy of a set." },                                                \
    { "union", "(self, /, *others)", m_union, "Return the union of sets as a new set." },                              \
    { "intersection", "(self, /, *others)", m_intersection, "Return the intersection of sets as a new set." },         \
    { "difference", "(self, /, *others)", m_difference, "Return the difference of two or more sets as a new set." },   \
    { "symmetric_difference", "(self, other, /)", m_symmetric_difference, "Return the symmetric difference of two sets as a new set." }, \
    { "issubset", "(self, other, /)", m_issubset, "Report whether another set contains this set." },                   \
    { "issuperset", "(self, other, /)", m_issuperset, "Report whether this set contains another set." },               \
    { "isdisjoint", "(self, other, /)", m_isdisjoint, "Return True if two sets have a null intersection." },           \
    { "__contains__", "(self, item, /)", m_contains, "x.__contains__(y) <==> y in x." }

const BuiltinSpec set_methods[] = {
    { "add", "(self, item, /)", m_add, "Add an element to a set." },
    { "discard", "(self, item, /)", m_discard, "Remove an element from a set if it is a member." },
    { "remove", "(self, item, /)", m_remove, "Remove an element from a set; it must be a member (else KeyError)." },
    { "pop", "(self, /)", m_pop, "Remove and return an arbitrary set element (KeyError if empty)." },
    { "clear", "(self, /)", m_clear, "Remove all elements from this set." },
    { "update", "(self, /, *others)", m_update, "Update a set with the union of itself and others." },
    { "intersection_update", "(self, /, *others)", m_intersection_update, "Update a set with the intersection of itself and others." },
    { "difference_update", "(self, /, *others)", m_difference_update, "Remove all elements of another set from this set." },
    { "symmetric_difference_update", "(self, other, /)", m_symmetric_difference_update, "Update a set with the symmetric difference of itself and another." },
    RAMBA_SET_COMMON_ROWS,
};
const BuiltinSpec frozenset_methods[] = { RAMBA_SET_COMMON_ROWS };
#undef RAMBA_SET_COMMON_ROWS

Value set_class_value();
Value frozenset_class_value();

TypeInfo make_info(bool frozen)
{
    TypeInfo info {};
    info.name = frozen ? "frozenset" : "set";
    info.methods = frozen ? std::span<const BuiltinSpec>(frozenset_methods) : std::span<const BuiltinSpec>(set_methods);
    info.binary = set_binary;
    info.inplace = frozen ? nullptr : set_inplace;
    info.compare = set_compare;
    info.repr = render;
    info.str = render;
    info.truth = set_truth;
    info.length = set_length;
    info.iterate = iterate_set;
    if (frozen) {
        info.hash = frozenset_hash;
        info.equals = frozenset_equals;
    }
    info.type_object = frozen ? frozenset_class_value : set_class_value;
    return info;
}

const TypeInfo set_info = make_info(false);
const TypeInfo frozenset_info = make_info(true);

bool frozenset_equals(const Value& self, const Value& other)
{
    if (!is_set_or_frozenset(other))
        return false;
    const SetObject& a = set_of(self);
    const SetObject& b = set_of(other);
    if (a.table.entries.size() != b.table.entries.size())
        return false;
    // Elements are already hashed: compare by each one's hash and identity-or-equality through the table.
    struct NoContext final : CallContext {
        Value call(const Value&, std::span<const Value>) override { return Value(); }
        Value call(const Value&, std::span<const Value>, std::span<const std::pair<std::string, Value>>) override { return Value(); }
        void write_stdout(std::string_view) override { }
        void write_stderr(std::string_view) override { }
        SourceSpan current_span() const override { return {}; }
    } context;
    return is_subset(context, a, b);
}

Value construct(CallContext& c, std::span<Value> a, bool frozen)
{
    if (frozen && !is_missing_argument(a[0]) && is_set_or_frozenset(a[0]) && set_of(a[0]).frozen)
        return a[0];
    Value result = new_set(frozen);
    if (!is_missing_argument(a[0]))
        add_all(c, set_of(result), a[0]);
    return result;
}
Value construct_set(CallContext& c, std::span<Value> a) { return construct(c, a, false); }
Value construct_frozenset(CallContext& c, std::span<Value> a) { return construct(c, a, true); }

const BuiltinSpec constructor_rows[] = {
    { "set", "(iterable=<missing>, /)", construct_set, "Build an unordered collection of unique elements." },
    { "frozenset", "(iterable=<missing>, /)", construct_frozenset, "Build an immutable unordered collection of unique elements." },
};

bool set_is_instance(const Value& value, const ClassObject& self)
{
    return value.is(Type::Opaque) && &value.as<OpaqueObject>().type_info() == self.tag;
}

Value make_class(const TypeInfo& info, const BuiltinSpec& constructor)
{
    auto cls = make_object<ClassObject>();
    cls->name = info.name;
    cls->constructor = builtin_value(&constructor);
    cls->is_instance = set_is_instance;
    cls->tag = &info;
    return Value::object(Type::Class, std::move(cls));
}

Value set_class_value()
{
    static const Value cls = make_class(set_info, constructor_rows[0]);
    return cls;
}

Value frozenset_class_value()
{
    static const Value cls = make_class(frozenset_info, constructor_rows[1]);
    return cls;
}

} // namespace

const TypeInfo& SetObject::type_info() const { return frozen ? frozenset_info : set_info; }

Value make_set() { return new_set(false); }

bool is_set_or_frozenset(const Value& value)
{
    if (!value.is(Type::Opaque))
        return false;
    const TypeInfo* info = &value.as<OpaqueObject>().type_info();
    return info == &set_info || info == &frozenset_info;
}

void set_add(CallContext& context, const Value& set, const Value& item) { add(context, set_of(set), item); }
bool set_contains(CallContext& context, const Value& set, const Value& item) { return has(context, set_of(set), item); }

void add_set_builtins(ModuleObject& builtins)
{
    builtins.set("set", set_class_value());
    builtins.set("frozenset", frozenset_class_value());
}

} // namespace ramba::interp
