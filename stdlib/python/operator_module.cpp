// Python's `operator`: the operators as functions (add, mul, lt, getitem, ...), their in-place forms,
// and the callables itemgetter, attrgetter and methodcaller.
#include "stdlib/python/python_modules.hpp"

namespace ramba::stdlib {

using namespace interp;
using python::make_opaque;
using python::raise;

namespace {

template<BinaryOp op>
Value binary(CallContext& ctx, std::span<Value> a) { return binary_op(ctx, op, a[0], a[1]); }
template<BinaryOp op>
Value inplace(CallContext& ctx, std::span<Value> a) { return inplace_op(ctx, op, a[0], a[1]); }
template<CompareOp op>
Value compare(CallContext& ctx, std::span<Value> a) { return compare_op(ctx, op, a[0], a[1]); }
template<UnaryOp op>
Value unary(CallContext& ctx, std::span<Value> a) { return unary_op(ctx, op, a[0]); }

Value op_abs(CallContext& ctx, std::span<Value> a) { return python::call1(ctx, *builtins_module().find("abs"), a[0]); }
Value op_truth(CallContext& ctx, std::span<Value> a) { return Value::boolean(truthy(ctx, a[0])); }
Value op_index(CallContext& ctx, std::span<Value> a) { return Value::integer(to_index(ctx, a[0])); }
Value op_getitem(CallContext& ctx, std::span<Value> a) { return get_item(ctx, a[0], a[1]); }
Value op_setitem(CallContext& ctx, std::span<Value> a)
{
    set_item(ctx, a[0], a[1], a[2]);
    return Value();
}
Value op_delitem(CallContext& ctx, std::span<Value> a)
{
    delete_item(ctx, a[0], a[1]);
    return Value();
}
Value op_contains(CallContext& ctx, std::span<Value> a) { return Value::boolean(contains(ctx, a[0], a[1])); }
Value op_concat(CallContext& ctx, std::span<Value> a)
{
    bool sequence = a[0].is(Type::List) || a[0].is(Type::Tuple) || a[0].is(Type::Str);
    if (!sequence)
        raise(ErrorKind::TypeError, "'" + std::string(type_name(a[0])) + "' object can't be concatenated");
    return binary_op(ctx, BinaryOp::Add, a[0], a[1]);
}
Value op_count_of(CallContext& ctx, std::span<Value> a)
{
    int64_t count = 0;
    for (auto& v : to_vector(ctx, a[0]))
        count += values_equal(ctx, v, a[1]) ? 1 : 0;
    return Value::integer(count);
}
Value op_index_of(CallContext& ctx, std::span<Value> a)
{
    int64_t i = 0;
    for (auto& v : to_vector(ctx, a[0])) {
        if (values_equal(ctx, v, a[1]))
            return Value::integer(i);
        ++i;
    }
    raise(ErrorKind::ValueError, "sequence.index(x): x not in sequence");
}

// itemgetter(*items), attrgetter(*names), methodcaller(name, *args, **kwargs)
enum class Getter : uint8_t { Item, Attribute, Method };
struct GetterObject final : OpaqueObject {
    Getter kind;
    Values items;                                    // keys, or attribute names (dotted)
    std::vector<std::pair<std::string, Value>> keywords; // methodcaller's
    const TypeInfo& type_info() const override;
};

Value get_dotted(CallContext& ctx, Value object, const std::string& dotted)
{
    size_t start = 0;
    for (;;) {
        size_t dot = dotted.find('.', start);
        object = get_attribute(ctx, object, std::string_view(dotted).substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (dot == std::string::npos)
            return object;
        start = dot + 1;
    }
}

Value getter_call(CallContext& ctx, const Value& self, std::span<const Value> args, std::span<const std::pair<std::string, Value>> keywords)
{
    auto& g = self.as<GetterObject>();
    const char* name = g.kind == Getter::Item ? "itemgetter" : g.kind == Getter::Attribute ? "attrgetter" : "methodcaller";
    if (args.size() != 1 || !keywords.empty())
        raise(ErrorKind::TypeError, std::string(name) + " expected 1 argument, got " + std::to_string(args.size()));
    const Value& object = args[0];
    if (g.kind == Getter::Method) {
        Value method = get_attribute(ctx, object, g.items[0].as<StrObject>().value);
        return ctx.call(method, std::span<const Value>(g.items).subspan(1), g.keywords);
    }
    auto one = [&](const Value& item) {
        return g.kind == Getter::Item ? get_item(ctx, object, item) : get_dotted(ctx, object, item.as<StrObject>().value);
    };
    if (g.items.size() == 1)
        return one(g.items[0]);
    Values out;
    for (auto& item : g.items)
        out.push_back(one(item));
    return make_tuple(std::move(out));
}

std::string getter_repr(CallContext& ctx, const Value& self)
{
    auto& g = self.as<GetterObject>();
    std::string text = g.kind == Getter::Item ? "operator.itemgetter(" : g.kind == Getter::Attribute ? "operator.attrgetter(" : "operator.methodcaller(";
    for (size_t i = 0; i < g.items.size(); ++i)
        text += (i ? ", " : "") + repr_value(ctx, g.items[i]);
    for (auto& [name, value] : g.keywords)
        text += ", " + name + "=" + repr_value(ctx, value);
    return text + ")";
}

const TypeInfo& GetterObject::type_info() const
{
    static const TypeInfo item = [] {
        TypeInfo t;
        t.name = "operator.itemgetter";
        t.call = getter_call;
        t.repr = getter_repr;
        t.str = getter_repr;
        return t;
    }();
    static const TypeInfo attribute = [] {
        TypeInfo t = item;
        t.name = "operator.attrgetter";
        return t;
    }();
    static const TypeInfo method = [] {
        TypeInfo t = item;
        t.name = "operator.methodcaller";
        return t;
    }();
    return kind == Getter::Item ? item : kind == Getter::Attribute ? attribute : method;
}

Value make_getter(Getter kind, Values items)
{
    auto g = make_object<GetterObject>();
    g->kind = kind;
    g->items = std::move(items);
    return Value::object(Type::Opaque, std::move(g));
}

Value op_itemgetter(CallContext&, std::span<Value> a)
{
    auto& items = python::star_args(a[0]);
    if (items.empty())
        raise(ErrorKind::TypeError, "itemgetter expected 1 argument, got 0");
    return make_getter(Getter::Item, items);
}

Value op_attrgetter(CallContext&, std::span<Value> a)
{
    auto& items = python::star_args(a[0]);
    if (items.empty())
        raise(ErrorKind::TypeError, "attrgetter expected 1 argument, got 0");
    for (auto& item : items) {
        if (!item.is(Type::Str))
            raise(ErrorKind::TypeError, "attribute name must be a string");
    }
    return make_getter(Getter::Attribute, items);
}

Value op_methodcaller(CallContext&, std::span<Value> a)
{
    if (!a[0].is(Type::Str))
        raise(ErrorKind::TypeError, "method name must be a string");
    Values items { a[0] };
    for (auto& v : python::star_args(a[1]))
        items.push_back(v);
    Value g = make_getter(Getter::Method, std::move(items));
    for (auto& [key, value] : a[2].as<DictObject>().entries)
        g.as<GetterObject>().keywords.emplace_back(key.as<StrObject>().value, value);
    return g;
}

#define RAMBA_BINARY_ROWS(name, op, doc)                                            \
    { name, "(a, b, /)", binary<BinaryOp::op>, doc },                              \
    { "__" name "__", "(a, b, /)", binary<BinaryOp::op>, doc },                    \
    { "i" name, "(a, b, /)", inplace<BinaryOp::op>, "Same as a " doc " b, in place." }, \
    { "__i" name "__", "(a, b, /)", inplace<BinaryOp::op>, "Same as a " doc " b, in place." },

constexpr BuiltinSpec rows[] = {
    RAMBA_BINARY_ROWS("add", Add, "Same as a + b.")
    RAMBA_BINARY_ROWS("sub", Sub, "Same as a - b.")
    RAMBA_BINARY_ROWS("mul", Mul, "Same as a * b.")
    RAMBA_BINARY_ROWS("truediv", Div, "Same as a / b.")
    RAMBA_BINARY_ROWS("floordiv", FloorDiv, "Same as a // b.")
    RAMBA_BINARY_ROWS("mod", Mod, "Same as a % b.")
    RAMBA_BINARY_ROWS("pow", Pow, "Same as a ** b.")
    RAMBA_BINARY_ROWS("matmul", MatMul, "Same as a @ b.")
    RAMBA_BINARY_ROWS("and_", BitAnd, "Same as a & b.")
    RAMBA_BINARY_ROWS("or_", BitOr, "Same as a | b.")
    RAMBA_BINARY_ROWS("xor", BitXor, "Same as a ^ b.")
    RAMBA_BINARY_ROWS("lshift", LShift, "Same as a << b.")
    RAMBA_BINARY_ROWS("rshift", RShift, "Same as a >> b.")
    { "eq", "(a, b, /)", compare<CompareOp::Eq>, "Same as a == b." },
    { "ne", "(a, b, /)", compare<CompareOp::NotEq>, "Same as a != b." },
    { "lt", "(a, b, /)", compare<CompareOp::Lt>, "Same as a < b." },
    { "le", "(a, b, /)", compare<CompareOp::LtE>, "Same as a <= b." },
    { "gt", "(a, b, /)", compare<CompareOp::Gt>, "Same as a > b." },
    { "ge", "(a, b, /)", compare<CompareOp::GtE>, "Same as a >= b." },
    { "__eq__", "(a, b, /)", compare<CompareOp::Eq>, "Same as a == b." },
    { "__ne__", "(a, b, /)", compare<CompareOp::NotEq>, "Same as a != b." },
    { "__lt__", "(a, b, /)", compare<CompareOp::Lt>, "Same as a < b." },
    { "__le__", "(a, b, /)", compare<CompareOp::LtE>, "Same as a <= b." },
    { "__gt__", "(a, b, /)", compare<CompareOp::Gt>, "Same as a > b." },
    { "__ge__", "(a, b, /)", compare<CompareOp::GtE>, "Same as a >= b." },
    { "neg", "(a, /)", unary<UnaryOp::Neg>, "Same as -a." },
    { "pos", "(a, /)", unary<UnaryOp::Pos>, "Same as +a." },
    { "invert", "(a, /)", unary<UnaryOp::Invert>, "Same as ~a." },
    { "inv", "(a, /)", unary<UnaryOp::Invert>, "Same as ~a." },
    { "not_", "(a, /)", unary<UnaryOp::Not>, "Same as not a." },
    { "__neg__", "(a, /)", unary<UnaryOp::Neg>, "Same as -a." },
    { "__not__", "(a, /)", unary<UnaryOp::Not>, "Same as not a." },
    { "abs", "(a, /)", op_abs, "Same as abs(a)." },
    { "truth", "(a, /)", op_truth, "Return True if a is true, False otherwise." },
    { "index", "(a, /)", op_index, "Same as a.__index__()" },
    { "getitem", "(a, b, /)", op_getitem, "Same as a[b]." },
    { "setitem", "(a, b, c, /)", op_setitem, "Same as a[b] = c." },
    { "delitem", "(a, b, /)", op_delitem, "Same as del a[b]." },
    { "contains", "(a, b, /)", op_contains, "Same as b in a (note reversed operands)." },
    { "concat", "(a, b, /)", op_concat, "Same as a + b, for a and b sequences." },
    { "countOf", "(a, b, /)", op_count_of, "Return the number of items in a which are, or which equal, b." },
    { "indexOf", "(a, b, /)", op_index_of, "Return the first index of b in a." },
    { "itemgetter", "(*items)", op_itemgetter, "Return a callable object that fetches the given item(s) from its operand." },
    { "attrgetter", "(*attrs)", op_attrgetter, "Return a callable object that fetches the given attribute(s) from its operand." },
    { "methodcaller", "(name, /, *args, **kwargs)", op_methodcaller, "Return a callable object that calls the given method on its operand." },
};

#undef RAMBA_BINARY_ROWS

} // namespace

Ref<ModuleObject> make_operator_module() { return python::module_of_rows("operator", rows); }

} // namespace ramba::stdlib
