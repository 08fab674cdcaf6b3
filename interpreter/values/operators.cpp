// The operators on values: binary, in-place, unary, comparisons, `in`, truth, equality and hashing.
// Library types (Type::Opaque) are asked through their TypeInfo hooks: left operand first, then right.
#include <cmath>
#include <cstring>
#include <functional>

#include "engine/array/ndarray.hpp"
#include "interpreter/values/bigint.hpp"
#include "interpreter/values/internal.hpp"
#include "interpreter/values/native_depth.hpp"

namespace ramba::interp {

namespace {

// Numeric rank: 0 int-like (bool, int), 1 float, 2 complex; -1 not a number.
int numeric_rank(const Value& v)
{
    switch (v.type()) {
    case Type::Bool:
    case Type::Int: return 0;
    case Type::Float: return 1;
    case Type::Complex: return 2;
    default: return -1;
    }
}

double number_as_double(const Value& v)
{
    return v.is(Type::Float) ? v.as_float() : static_cast<double>(v.as_int());
}

std::complex<double> number_as_complex(const Value& v)
{
    return v.is(Type::Complex) ? v.as_complex() : std::complex<double>(number_as_double(v), 0.0);
}

const TypeInfo* type_info_of(const Value& v) { return library_type_info(v); }

bool is_int_like(const Value& v) { return v.is(Type::Int) || v.is(Type::Bool); }

Value repeat_sequence(const Value& sequence, int64_t count)
{
    if (count < 0)
        count = 0;
    if (sequence.is(Type::Str)) {
        auto& s = sequence.as<StrObject>().value;
        int64_t total;
        // Capped like arrays (RAMBA_MEMORY_LIMIT): a huge repeat is MemoryError, not the OOM killer.
        if (__builtin_mul_overflow(static_cast<int64_t>(s.size()), count, &total)
            || static_cast<uint64_t>(total) > engine::Buffer::memory_limit())
            throw_error(ErrorKind::MemoryError, "repeated string is too large");
        std::string out;
        out.reserve(static_cast<size_t>(total));
        for (int64_t i = 0; i < count; ++i)
            out += s;
        return make_str(std::move(out));
    }
    auto& items = sequence.is(Type::List) ? sequence.as<ListObject>().items : sequence.as<TupleObject>().items;
    int64_t total;
    if (__builtin_mul_overflow(static_cast<int64_t>(items.size()), count, &total)
        || static_cast<uint64_t>(total) > engine::Buffer::memory_limit() / sizeof(Value))
        throw_error(ErrorKind::MemoryError, "repeated sequence is too large");
    Values out;
    out.reserve(static_cast<size_t>(total));
    for (int64_t i = 0; i < count; ++i)
        out.insert(out.end(), items.begin(), items.end());
    return sequence.is(Type::List) ? make_list(std::move(out)) : make_tuple(std::move(out));
}

bool is_sequence(const Value& v) { return v.is(Type::Str) || v.is(Type::List) || v.is(Type::Tuple); }

Value concatenate(const Value& l, const Value& r)
{
    if (l.is(Type::Str))
        return make_str(l.as<StrObject>().value + r.as<StrObject>().value);
    auto& a = l.is(Type::List) ? l.as<ListObject>().items : l.as<TupleObject>().items;
    auto& b = r.is(Type::List) ? r.as<ListObject>().items : r.as<TupleObject>().items;
    Values out;
    out.reserve(a.size() + b.size());
    out.insert(out.end(), a.begin(), a.end());
    out.insert(out.end(), b.begin(), b.end());
    return l.is(Type::List) ? make_list(std::move(out)) : make_tuple(std::move(out));
}

} // namespace

Value binary_op(CallContext& ctx, BinaryOp op, const Value& l, const Value& r)
{
    // OPTIMIZATION: the scalar loops of the benchmark are int/int and float/float.
    if (l.is(Type::Int) && r.is(Type::Int))
        return int_binary(op, l.as_int(), r.as_int());
    if (l.is(Type::Float) && r.is(Type::Float) && !Value::any_library_float(l, r))
        return float_binary(op, l.as_float(), r.as_float());

    Value out;
    // Each operand's TypeInfo is read once: library scalars in element loops come here per operation.
    const TypeInfo* left_info = type_info_of(l);
    const TypeInfo* right_info = type_info_of(r);
    // Python: a sequence's own __mul__ runs first and takes any integer with __index__ (numpy's ints).
    if (op == BinaryOp::Mul && right_info && right_info->is_integer_index && is_sequence(l) && !is_bigint(r)
        && right_info->is_integer_index(r)) {
        int64_t count;
        if (as_index(ctx, r, count))
            return repeat_sequence(l, count);
    }
    if ((left_info && left_info->user_class) || (right_info && right_info->user_class)) [[unlikely]] {
        if (user_binary(ctx, op, l, r, out))
            return out;
        throw_type_error_unsupported(op, l, r);
    }
    if (left_info && left_info->binary && left_info->binary(ctx, op, l, r, out))
        return out;
    if (right_info && right_info->binary && right_info->binary(ctx, op, l, r, out))
        return out;

    int lr = numeric_rank(l), rr = numeric_rank(r);
    if (lr >= 0 && rr >= 0) {
        int rank = std::max(lr, rr);
        if (rank == 0) {
            if (l.is(Type::Bool) && r.is(Type::Bool)) {
                if (op == BinaryOp::BitAnd) return Value::boolean(l.as_bool() && r.as_bool());
                if (op == BinaryOp::BitOr) return Value::boolean(l.as_bool() || r.as_bool());
                if (op == BinaryOp::BitXor) return Value::boolean(l.as_bool() != r.as_bool());
            }
            return int_binary(op, l.as_int(), r.as_int());
        }
        if (rank == 1) {
            switch (op) {
            case BinaryOp::Add: case BinaryOp::Sub: case BinaryOp::Mul: case BinaryOp::Div:
            case BinaryOp::FloorDiv: case BinaryOp::Mod: case BinaryOp::Pow:
                return float_binary(op, number_as_double(l), number_as_double(r));
            default:
                throw_type_error_unsupported(op, l, r);
            }
        }
        if (complex_binary(op, number_as_complex(l), number_as_complex(r), out))
            return out;
        throw_type_error_unsupported(op, l, r);
    }

    if (op == BinaryOp::Add && is_sequence(l) && l.type() == r.type())
        return concatenate(l, r);
    if (op == BinaryOp::Mul) {
        if (is_sequence(l) && is_int_like(r))
            return repeat_sequence(l, r.as_int());
        if (is_int_like(l) && is_sequence(r))
            return repeat_sequence(r, l.as_int());
    }
    if (op == BinaryOp::Mod && l.is(Type::Str))
        return make_str(percent_format(ctx, l.as<StrObject>().value, r));
    if (op == BinaryOp::BitOr && l.is(Type::Dict) && r.is(Type::Dict)) {
        Value merged = make_dict();
        auto& target = merged.as<DictObject>();
        for (auto& [k, v] : l.as<DictObject>().entries)
            dict_set(ctx, target, k, v);
        for (auto& [k, v] : r.as<DictObject>().entries)
            dict_set(ctx, target, k, v);
        return merged;
    }
    throw_type_error_unsupported(op, l, r);
}

Value inplace_op(CallContext& ctx, BinaryOp op, const Value& l, const Value& r)
{
    const TypeInfo* info = type_info_of(l);
    if (info && info->user_class) [[unlikely]] {
        Value out;
        if (user_inplace(ctx, op, l, r, out))
            return out;
        return binary_op(ctx, op, l, r);
    }
    if (info && info->inplace) {
        Value target = l;
        if (info->inplace(ctx, op, target, r))
            return target;
    }
    // Python: list += iterable extends in place (aliases see the change); list *= n repeats in place.
    if (l.is(Type::List) && op == BinaryOp::Add) {
        auto& items = l.as<ListObject>().items;
        if (r.is(Type::List) || r.is(Type::Tuple)) {
            Values copy = r.is(Type::List) ? r.as<ListObject>().items : r.as<TupleObject>().items;
            items.insert(items.end(), copy.begin(), copy.end());
        } else {
            Values more = to_vector(ctx, r);
            items.insert(items.end(), more.begin(), more.end());
        }
        return l;
    }
    if (l.is(Type::List) && op == BinaryOp::Mul && is_int_like(r)) {
        Value repeated = repeat_sequence(l, r.as_int());
        l.as<ListObject>().items = std::move(repeated.as<ListObject>().items);
        return l;
    }
    if (l.is(Type::Dict) && op == BinaryOp::BitOr && r.is(Type::Dict)) {
        auto entries = r.as<DictObject>().entries; // copy: `d |= d` must not iterate what it grows
        for (auto& [k, v] : entries)
            dict_set(ctx, l.as<DictObject>(), k, v);
        return l;
    }
    return binary_op(ctx, op, l, r);
}

Value unary_op(CallContext& ctx, UnaryOp op, const Value& v)
{
    if (op == UnaryOp::Not)
        return Value::boolean(!truthy(ctx, v));
    if (auto* info = type_info_of(v); info && info->unary)
        return info->unary(ctx, op, v);
    switch (v.type()) {
    case Type::Bool:
    case Type::Int: {
        int64_t i = v.as_int();
        if (op == UnaryOp::Neg) {
            if (i == INT64_MIN)
                return big_int_binary(BinaryOp::Sub, Value::integer(0), v);
            return Value::integer(-i);
        }
        if (op == UnaryOp::Pos)
            return Value::integer(i);
        return Value::integer(~i);
    }
    case Type::Float:
        if (op == UnaryOp::Neg)
            return Value::floating(-v.as_float());
        if (op == UnaryOp::Pos)
            return v;
        break;
    case Type::Complex:
        if (op == UnaryOp::Neg)
            return Value::complex({ -v.as_complex().real(), -v.as_complex().imag() });
        if (op == UnaryOp::Pos)
            return v;
        break;
    default:
        break;
    }
    const char* symbol = op == UnaryOp::Neg ? "-" : op == UnaryOp::Pos ? "+" : "~";
    throw_error(ErrorKind::TypeError, std::string("bad operand type for unary ") + symbol + ": '" + std::string(type_name(v)) + "'");
}

namespace {

bool apply_order(CompareOp op, int c)
{
    switch (op) {
    case CompareOp::Eq: return c == 0;
    case CompareOp::NotEq: return c != 0;
    case CompareOp::Lt: return c < 0;
    case CompareOp::LtE: return c <= 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::GtE: return c >= 0;
    }
    return false;
}

// Three-way comparison of two real numbers; 2 if unordered (NaN).
int compare_real(const Value& l, const Value& r)
{
    if (is_int_like(l) && is_int_like(r))
        return l.as_int() < r.as_int() ? -1 : l.as_int() > r.as_int() ? 1 : 0;
    if (is_int_like(l))
        return compare_int_double(l.as_int(), r.as_float());
    if (is_int_like(r)) {
        int c = compare_int_double(r.as_int(), l.as_float());
        return c == 2 ? 2 : -c;
    }
    double a = l.as_float(), b = r.as_float();
    if (std::isnan(a) || std::isnan(b))
        return 2;
    return a < b ? -1 : a > b ? 1 : 0;
}

std::span<const Value> sequence_items(const Value& v)
{
    return v.is(Type::List) ? std::span<const Value>(v.as<ListObject>().items) : std::span<const Value>(v.as<TupleObject>().items);
}

} // namespace

Value compare_op(CallContext& ctx, CompareOp op, const Value& l, const Value& r)
{
    if (l.is(Type::Int) && r.is(Type::Int))
        return Value::boolean(apply_order(op, l.as_int() < r.as_int() ? -1 : l.as_int() > r.as_int() ? 1 : 0));
    if (l.is(Type::Float) && r.is(Type::Float) && !Value::any_library_float(l, r)) {
        double a = l.as_float(), b = r.as_float();
        switch (op) {
        case CompareOp::Eq: return Value::boolean(a == b);
        case CompareOp::NotEq: return Value::boolean(a != b);
        case CompareOp::Lt: return Value::boolean(a < b);
        case CompareOp::LtE: return Value::boolean(a <= b);
        case CompareOp::Gt: return Value::boolean(a > b);
        case CompareOp::GtE: return Value::boolean(a >= b);
        }
    }
    Value out;
    const TypeInfo* left_info = type_info_of(l);
    const TypeInfo* right_info = type_info_of(r);
    if ((left_info && left_info->user_class) || (right_info && right_info->user_class)) [[unlikely]] {
        if (user_compare(ctx, op, l, r, out))
            return out;
        throw_type_error_not_supported_between(op, l, r);
    }
    if (left_info && left_info->compare && left_info->compare(ctx, op, l, r, out))
        return out;
    if (right_info && right_info->compare && right_info->compare(ctx, op, l, r, out))
        return out;

    int lr = numeric_rank(l), rr = numeric_rank(r);
    if (lr >= 0 && rr >= 0) {
        if (lr < 2 && rr < 2) {
            int c = compare_real(l, r);
            if (c == 2)
                return Value::boolean(op == CompareOp::NotEq);
            return Value::boolean(apply_order(op, c));
        }
        if (op == CompareOp::Eq || op == CompareOp::NotEq)
            return Value::boolean(values_equal(ctx, l, r) == (op == CompareOp::Eq));
        throw_type_error_not_supported_between(op, l, r);
    }
    if (op == CompareOp::Eq || op == CompareOp::NotEq)
        return Value::boolean(values_equal(ctx, l, r) == (op == CompareOp::Eq));
    if (l.is(Type::Str) && r.is(Type::Str)) {
        int c = l.as<StrObject>().value.compare(r.as<StrObject>().value);
        return Value::boolean(apply_order(op, c));
    }
    if ((l.is(Type::List) || l.is(Type::Tuple)) && l.type() == r.type()) {
        check_native_stack(" in comparison");
        auto a = sequence_items(l), b = sequence_items(r);
        size_t n = std::min(a.size(), b.size());
        for (size_t i = 0; i < n; ++i) {
            if (!values_equal(ctx, a[i], b[i]))
                return compare_op(ctx, op, a[i], b[i]);
        }
        return Value::boolean(apply_order(op, a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0));
    }
    throw_type_error_not_supported_between(op, l, r);
}

bool less_than(CallContext& ctx, const Value& a, const Value& b)
{
    if (a.is(Type::Int) && b.is(Type::Int))
        return a.as_int() < b.as_int();
    if (a.is(Type::Float) && b.is(Type::Float))
        return a.as_float() < b.as_float();
    return truthy(ctx, compare_op(ctx, CompareOp::Lt, a, b));
}

bool values_equal(CallContext& ctx, const Value& a, const Value& b)
{
    int ar = numeric_rank(a), br = numeric_rank(b);
    if (ar >= 0 && br >= 0) {
        if (ar < 2 && br < 2)
            return compare_real(a, b) == 0;
        auto x = number_as_complex(a), y = number_as_complex(b);
        if (ar < 2 || br < 2) {
            // int == complex: exact through the real comparison when the imaginary part is 0.
            const Value& real = ar < 2 ? a : b;
            auto c = ar < 2 ? y : x;
            return c.imag() == 0.0 && compare_real(real, Value::floating(c.real())) == 0;
        }
        return x == y;
    }
    if (is_user_instance(a) || is_user_instance(b)) {
        Value out;
        user_compare(ctx, CompareOp::Eq, a, b, out);
        return truthy(ctx, out);
    }
    if (a.is(Type::Opaque) || b.is(Type::Opaque)) {
        const Value& opaque = a.is(Type::Opaque) ? a : b;
        const Value& other = a.is(Type::Opaque) ? b : a;
        auto& info = opaque.as<OpaqueObject>().type_info();
        if (info.equals)
            return info.equals(opaque, other);
        Value out;
        if (info.compare && info.compare(ctx, CompareOp::Eq, a, b, out))
            return truthy(ctx, out);
        return a.object() == b.object();
    }
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Type::None:
    case Type::Ellipsis:
        return true;
    case Type::Str:
        return a.object() == b.object() || a.as<StrObject>().value == b.as<StrObject>().value;
    case Type::List:
    case Type::Tuple: {
        if (a.object() == b.object())
            return true;
        check_native_stack(" in comparison");
        auto x = sequence_items(a), y = sequence_items(b);
        if (x.size() != y.size())
            return false;
        for (size_t i = 0; i < x.size(); ++i) {
            if (!(x[i].object() && x[i].object() == y[i].object()) && !values_equal(ctx, x[i], y[i]))
                return false;
        }
        return true;
    }
    case Type::Dict: {
        check_native_stack(" in comparison");
        auto& x = a.as<DictObject>();
        auto& y = b.as<DictObject>();
        if (x.entries.size() != y.entries.size())
            return false;
        for (auto& [key, value] : x.entries) {
            auto* other = dict_find(ctx, y, key);
            if (!other || !values_equal(ctx, value, *other))
                return false;
        }
        return true;
    }
    case Type::Range: {
        auto& x = a.as<RangeObject>();
        auto& y = b.as<RangeObject>();
        int64_t n = range_length(x.start, x.stop, x.step);
        if (n != range_length(y.start, y.stop, y.step))
            return false;
        if (n == 0)
            return true;
        if (x.start != y.start)
            return false;
        return n == 1 || x.step == y.step;
    }
    case Type::Slice: {
        auto& x = a.as<SliceObject>();
        auto& y = b.as<SliceObject>();
        return values_equal(ctx, x.start, y.start) && values_equal(ctx, x.stop, y.stop) && values_equal(ctx, x.step, y.step);
    }
    case Type::Builtin:
        return a.as<BuiltinObject>().spec == b.as<BuiltinObject>().spec;
    case Type::BoundMethod: {
        auto& x = a.as<BoundMethodObject>();
        auto& y = b.as<BoundMethodObject>();
        return x.self.object() == y.self.object() && values_equal(ctx, x.function, y.function);
    }
    default:
        return a.object() == b.object();
    }
}

bool contains(CallContext& ctx, const Value& container, const Value& item)
{
    switch (container.type()) {
    case Type::Str:
        if (!item.is(Type::Str))
            throw_error(ErrorKind::TypeError, "'in <string>' requires string as left operand, not " + std::string(type_name(item)));
        return container.as<StrObject>().value.find(item.as<StrObject>().value) != std::string::npos;
    case Type::List:
    case Type::Tuple:
        for (auto& element : sequence_items(container)) {
            if ((element.object() && element.object() == item.object()) || values_equal(ctx, element, item))
                return true;
        }
        return false;
    case Type::Dict:
        return dict_find(ctx, container.as<DictObject>(), item) != nullptr;
    case Type::Range: {
        auto& range = container.as<RangeObject>();
        if (is_int_like(item)) {
            int64_t i = item.as_int();
            if (range.step > 0 ? (i < range.start || i >= range.stop) : (i > range.start || i <= range.stop))
                return false;
            return (i - range.start) % range.step == 0;
        }
        break;
    }
    case Type::Opaque: {
        if (is_set_or_frozenset(container))
            return set_contains(ctx, container, item);
        bool found;
        if (is_user_instance(container) && user_contains(ctx, container, item, found))
            return found;
        auto& info = container.as<OpaqueObject>().type_info();
        if (auto* spec = find_spec(info.methods, "__contains__")) {
            Value args[] = { item };
            Value method = Value::object(Type::BoundMethod, make_object<BoundMethodObject>(container, builtin_value(spec)));
            return truthy(ctx, call_builtin(ctx, method, args, {}));
        }
        if (!info.iterate)
            throw_error(ErrorKind::TypeError, "argument of type '" + std::string(type_name(container)) + "' is not iterable");
        break;
    }
    case Type::Iterator:
        break;
    case Type::Class: {
        Value out;
        if (call_class_hook(ctx, container, "__class_contains__", std::span<const Value>(&item, 1), out))
            return truthy(ctx, out);
        Value ignored;
        if (!call_class_hook(ctx, container, "__class_iter__", {}, ignored))
            throw_error(ErrorKind::TypeError, "argument of type '" + std::string(type_name(container)) + "' is not iterable");
        break;
    }
    default:
        throw_error(ErrorKind::TypeError, "argument of type '" + std::string(type_name(container)) + "' is not iterable");
    }
    Value iterator = iterate(ctx, container);
    auto& it = iterator.as<IteratorObject>();
    Value element;
    while (it.next(ctx, element)) {
        if (values_equal(ctx, element, item))
            return true;
    }
    return false;
}

bool truthy(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::None: return false;
    case Type::Bool:
    case Type::Int: return v.as_int() != 0;
    case Type::Float: return v.as_float() != 0.0;
    case Type::Complex: return v.as_complex() != std::complex<double>(0.0, 0.0);
    case Type::Str: return !v.as<StrObject>().value.empty();
    case Type::List: return !v.as<ListObject>().items.empty();
    case Type::Tuple: return !v.as<TupleObject>().items.empty();
    case Type::Dict: return !v.as<DictObject>().entries.empty();
    case Type::Range: {
        auto& r = v.as<RangeObject>();
        return range_length(r.start, r.stop, r.step) > 0;
    }
    case Type::Opaque: {
        auto& info = v.as<OpaqueObject>().type_info();
        if (info.truth)
            return info.truth(ctx, v);
        if (info.length)
            return info.length(ctx, v) != 0;
        return true;
    }
    default:
        return true;
    }
}

size_t hash_value(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::None: return 0xFCA86420u;
    case Type::Bool:
    case Type::Int: return static_cast<size_t>(hash_int(v.as_int()));
    case Type::Float: return static_cast<size_t>(hash_double(v.as_float()));
    case Type::Complex: {
        auto c = v.as_complex();
        uint64_t h = static_cast<uint64_t>(hash_double(c.real())) + 1000003u * static_cast<uint64_t>(hash_double(c.imag()));
        return h == static_cast<uint64_t>(-1) ? static_cast<size_t>(-2) : h;
    }
    case Type::Str: return std::hash<std::string_view>()(v.as<StrObject>().value);
    case Type::Tuple: {
        // CPython's tuple hash (xxHash-style), so hash((1, 2)) prints as in Python.
        constexpr uint64_t prime1 = 11400714785074694791ULL, prime2 = 14029467366897019727ULL, prime5 = 2870177450012600261ULL;
        check_native_stack(" while hashing a tuple");
        auto& items = v.as<TupleObject>().items;
        uint64_t acc = prime5;
        for (auto& item : items) {
            uint64_t lane = hash_value(ctx, item);
            acc += lane * prime2;
            acc = (acc << 31) | (acc >> 33);
            acc *= prime1;
        }
        acc += items.size() ^ (prime5 ^ 3527539ULL);
        return acc == static_cast<uint64_t>(-1) ? 1546275796u : acc;
    }
    case Type::List:
    case Type::Dict:
    case Type::Slice:
        throw_error(ErrorKind::TypeError, "unhashable type: '" + std::string(type_name(v)) + "'");
    case Type::Range: {
        auto& r = v.as<RangeObject>();
        return static_cast<size_t>(hash_int(r.start) * 31 + hash_int(r.stop) * 17 + hash_int(r.step));
    }
    case Type::Builtin: return std::hash<const void*>()(v.as<BuiltinObject>().spec);
    case Type::Opaque: {
        if (is_user_instance(v))
            return user_hash(ctx, v);
        auto& info = v.as<OpaqueObject>().type_info();
        if (!info.hash)
            throw_error(ErrorKind::TypeError, "unhashable type: '" + std::string(type_name(v)) + "'");
        return info.hash(v);
    }
    default:
        return std::hash<const void*>()(v.object().get()) >> 4;
    }
}

} // namespace ramba::interp
