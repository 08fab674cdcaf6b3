// Python scalar semantics as planner nodes (see smap_operators.hpp).
#include "stdlib/numpy/smap_operators.hpp"

#include <algorithm>
#include <map>

#include "engine/array/cast.hpp"
#include "engine/vm/ufunc.hpp"

namespace ramba::numpy::smap {

namespace planner = engine::planner;

Kind kind_of(const NodePtr& node)
{
    char k = engine::dtype_kind(node->dtype);
    if (k == 'b') return Kind::Bool;
    if (k == 'i' || k == 'u') return Kind::Int;
    if (k == 'f') return Kind::Float;
    give_up("complex values");
}

DType dtype_of(Kind kind) { return kind == Kind::Bool ? DType::Bool : kind == Kind::Int ? DType::Int64 : DType::Float64; }

NodePtr as_kind(const NodePtr& node, Kind kind)
{
    // Constants are cast now: a pending 0-d node would be computed by a kernel of its own.
    if (node->is_materialized() && node->shape.empty() && node->dtype != dtype_of(kind))
        return planner::array_node(engine::astype(node->array, dtype_of(kind)));
    return planner::cast_node(node, dtype_of(kind), node->shape);
}

NodePtr normalized(const NodePtr& node) { return as_kind(node, kind_of(node)); }

namespace {

template<typename T>
NodePtr constant(DType dtype, T value)
{
    engine::NDArray array = engine::NDArray::empty(dtype, {});
    dispatch_dtype(dtype, [&]<typename U>() {
        if constexpr (std::is_arithmetic_v<U>) {
            U v = static_cast<U>(value);
            std::memcpy(array.data(), &v, sizeof(U));
        }
    });
    return planner::array_node(std::move(array));
}

} // namespace

NodePtr float_constant(double v) { return constant(DType::Float64, v); }

NodePtr int_constant(DType dtype, int64_t v) { return constant(dtype, v); }

NodePtr apply(vm::OpCode op, std::vector<NodePtr> operands)
{
    return normalized(planner::elementwise_node(op, std::move(operands)));
}

NodePtr truth(const NodePtr& node)
{
    if (kind_of(node) == Kind::Bool)
        return node;
    return planner::elementwise_node(vm::OpCode::NotEqual, { node, constant(node->dtype, 0) });
}

// Promotes two values to a common kind; `mixed` (when given) notes that they differed, which for
// branch results means Python picks the type per element.
std::pair<NodePtr, NodePtr> unify(NodePtr a, NodePtr b, bool* mixed)
{
    Kind ka = kind_of(a), kb = kind_of(b);
    if (ka == kb)
        return { a, b };
    if (mixed)
        *mixed = true;
    Kind k = std::max(ka, kb);
    return { as_kind(a, k), as_kind(b, k) };
}

NodePtr select(const NodePtr& test, NodePtr a, NodePtr b, bool* mixed)
{
    if (a == b)
        return a;
    auto [x, y] = unify(std::move(a), std::move(b), mixed);
    return planner::elementwise_node(vm::OpCode::Where, { test, x, y });
}

// Python arithmetic on scalars of bool/int/float kinds.
NodePtr arithmetic(ast::BinOpKind op, NodePtr a, NodePtr b)
{
    using B = ast::BinOpKind;
    Kind ka = kind_of(a), kb = kind_of(b);
    switch (op) {
    case B::BitAnd:
    case B::BitOr:
    case B::BitXor:
    case B::LShift:
    case B::RShift: {
        if (ka == Kind::Float || kb == Kind::Float)
            give_up("bitwise operators on floats");
        bool logical = ka == Kind::Bool && kb == Kind::Bool && op != B::LShift && op != B::RShift;
        Kind k = logical ? Kind::Bool : Kind::Int;
        auto code = op == B::BitAnd ? vm::OpCode::BitwiseAnd : op == B::BitOr ? vm::OpCode::BitwiseOr
            : op == B::BitXor ? vm::OpCode::BitwiseXor : op == B::LShift ? vm::OpCode::LeftShift : vm::OpCode::RightShift;
        return apply(code, { as_kind(a, k), as_kind(b, k) });
    }
    case B::Div:
        return apply(vm::OpCode::TrueDivide, { as_kind(a, Kind::Float), as_kind(b, Kind::Float) });
    case B::Pow: {
        Kind k = std::max({ ka, kb, Kind::Int });
        if (k == Kind::Int) {
            // Python: int ** negative int is a float; only a constant exponent >= 0 stays int.
            bool constant_exponent = b->is_materialized() && b->shape.empty();
            if (!constant_exponent)
                give_up("int ** int with a computed exponent");
            int64_t e = 0;
            auto cast = engine::astype(b->array, DType::Int64);
            std::memcpy(&e, cast.data(), sizeof(e));
            if (e < 0)
                k = Kind::Float;
        }
        return apply(vm::OpCode::Power, { as_kind(a, k), as_kind(b, k) });
    }
    case B::MatMul:
        give_up("@ on scalars");
    default:
        break;
    }
    Kind k = std::max({ ka, kb, Kind::Int });
    auto code = op == B::Add ? vm::OpCode::Add : op == B::Sub ? vm::OpCode::Subtract : op == B::Mul ? vm::OpCode::Multiply
        : op == B::FloorDiv ? vm::OpCode::FloorDivide : vm::OpCode::Remainder;
    return apply(code, { as_kind(a, k), as_kind(b, k) });
}

NodePtr comparison(ast::CompareKind op, NodePtr a, NodePtr b)
{
    using C = ast::CompareKind;
    auto [x, y] = unify(a, b, nullptr);
    vm::OpCode code;
    switch (op) {
    case C::Eq: code = vm::OpCode::Equal; break;
    case C::NotEq: code = vm::OpCode::NotEqual; break;
    case C::Lt: code = vm::OpCode::Less; break;
    case C::LtE: code = vm::OpCode::LessEqual; break;
    case C::Gt: code = vm::OpCode::Greater; break;
    case C::GtE: code = vm::OpCode::GreaterEqual; break;
    default: give_up("'is' or 'in' comparisons");
    }
    return planner::elementwise_node(code, { x, y });
}

NodePtr python_builtin(const std::string& name, std::vector<NodePtr> args, bool* mixed)
{
    if (name == "abs" && args.size() == 1)
        return apply(vm::OpCode::Absolute, { kind_of(args[0]) == Kind::Bool ? as_kind(args[0], Kind::Int) : args[0] });
    if ((name == "min" || name == "max") && args.size() >= 2) {
        // Python keeps the first of equal extremes: m = b only when b < m (b > m for max).
        NodePtr m = args[0];
        for (size_t i = 1; i < args.size(); ++i) {
            auto [x, y] = unify(args[i], m, mixed);
            NodePtr test = planner::elementwise_node(name == "min" ? vm::OpCode::Less : vm::OpCode::Greater, { x, y });
            m = planner::elementwise_node(vm::OpCode::Where, { test, x, y });
        }
        return m;
    }
    if (name == "float" && args.size() == 1)
        return as_kind(args[0], Kind::Float);
    if (name == "bool" && args.size() == 1)
        return truth(args[0]);
    if ((name == "int" || name == "round") && args.size() == 1) {
        if (kind_of(args[0]) != Kind::Float)
            return as_kind(args[0], Kind::Int);
        return as_kind(apply(name == "int" ? vm::OpCode::Trunc : vm::OpCode::Rint, { args[0] }), Kind::Int);
    }
    if (name == "pow" && args.size() == 2)
        return arithmetic(ast::BinOpKind::Pow, args[0], args[1]);
    give_up("the builtin '" + name + "'");
}

// math.X: arguments are converted to float (ints and bools included), as CPython's math does.
NodePtr math_function(const std::string& name, std::vector<NodePtr> args)
{
    if ((name == "floor" || name == "ceil" || name == "trunc") && args.size() == 1) {
        if (kind_of(args[0]) != Kind::Float)
            return as_kind(args[0], Kind::Int);
        auto op = name == "floor" ? vm::OpCode::Floor : name == "ceil" ? vm::OpCode::Ceil : vm::OpCode::Trunc;
        return as_kind(apply(op, { args[0] }), Kind::Int); // Python: math.floor gives an int
    }
    for (auto& arg : args)
        arg = as_kind(arg, Kind::Float);
    if (name == "log" && args.size() == 2)
        return apply(vm::OpCode::TrueDivide, { apply(vm::OpCode::Log, { args[0] }), apply(vm::OpCode::Log, { args[1] }) });
    static const std::map<std::string, vm::OpCode> ops = {
        { "sqrt", vm::OpCode::Sqrt }, { "exp", vm::OpCode::Exp }, { "exp2", vm::OpCode::Exp2 },
        { "expm1", vm::OpCode::Expm1 }, { "log", vm::OpCode::Log }, { "log2", vm::OpCode::Log2 },
        { "log10", vm::OpCode::Log10 }, { "log1p", vm::OpCode::Log1p }, { "sin", vm::OpCode::Sin },
        { "cos", vm::OpCode::Cos }, { "tan", vm::OpCode::Tan }, { "asin", vm::OpCode::Arcsin },
        { "acos", vm::OpCode::Arccos }, { "atan", vm::OpCode::Arctan }, { "sinh", vm::OpCode::Sinh },
        { "cosh", vm::OpCode::Cosh }, { "tanh", vm::OpCode::Tanh }, { "asinh", vm::OpCode::Arcsinh },
        { "acosh", vm::OpCode::Arccosh }, { "atanh", vm::OpCode::Arctanh }, { "erf", vm::OpCode::Erf },
        { "cbrt", vm::OpCode::Cbrt }, { "fabs", vm::OpCode::Absolute }, { "degrees", vm::OpCode::Rad2deg },
        { "radians", vm::OpCode::Deg2rad }, { "isnan", vm::OpCode::Isnan }, { "isinf", vm::OpCode::Isinf },
        { "isfinite", vm::OpCode::Isfinite }, { "atan2", vm::OpCode::Arctan2 }, { "hypot", vm::OpCode::Hypot },
        { "pow", vm::OpCode::Power }, { "copysign", vm::OpCode::Copysign }, { "fmod", vm::OpCode::Fmod },
    };
    auto it = ops.find(name);
    if (it == ops.end() || vm::op_arity(it->second) != static_cast<int>(args.size()))
        give_up("math." + name);
    return apply(it->second, std::move(args));
}

// np.X on scalars: the ufunc of that name with numpy's own type resolution.
NodePtr numpy_function(const std::string& name, std::vector<NodePtr> args)
{
    if (name == "where" && args.size() == 3)
        return normalized(planner::elementwise_node(vm::OpCode::Where, { truth(args[0]), args[1], args[2] }));
    auto op = vm::find_op(name);
    if (!op || vm::op_arity(*op) != static_cast<int>(args.size()) || *op == vm::OpCode::Real || *op == vm::OpCode::Imag)
        give_up("np." + name);
    return apply(*op, std::move(args));
}

} // namespace ramba::numpy::smap
