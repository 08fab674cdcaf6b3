// AST -> planner nodes for np.smap: a small abstract interpreter over the function body whose values
// are nodes (per-element expressions), tuples of them, or compile-time objects (modules, functions).
#include "stdlib/numpy/smap_compiler.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>
#include <numbers>

#include "engine/array/cast.hpp"
#include "engine/vm/ufunc.hpp"
#include "interpreter/eval/function.hpp"
#include "stdlib/numpy/array_object.hpp"
#include "stdlib/numpy/smap_operators.hpp"

namespace ramba::numpy {

namespace planner = engine::planner;
using engine::DType;
using planner::NodePtr;
using interp::Type;
using interp::Value;

namespace {

using namespace smap;

// A value while compiling: a per-element node, a tuple, or a compile-time object.
struct Symbol {
    NodePtr node;
    std::vector<Symbol> tuple;
    bool is_tuple { false };
    Value object; // modules, functions, builtins (when node is null and is_tuple false)
    std::string builtin; // a Python builtin named by an unbound global: "abs", "min", ...
};

Symbol of(NodePtr node)
{
    Symbol s;
    s.node = std::move(node);
    return s;
}

class Compiler {
public:
    Compiler(interp::CallContext& context, CompiledFunction& result) : m_context(context), m_result(result) { }

    // Branch results of different kinds are promoted; Python would pick the type per element.
    std::pair<NodePtr, NodePtr> unify(NodePtr a, NodePtr b, bool branches)
    {
        return smap::unify(std::move(a), std::move(b), branches ? &m_result.mixed_types : nullptr);
    }

    NodePtr select(const NodePtr& test, NodePtr a, NodePtr b)
    {
        return smap::select(test, std::move(a), std::move(b), &m_result.mixed_types);
    }

    Symbol call_function(const Value& function, std::vector<Symbol> arguments)
    {
        if (++m_depth > 8)
            give_up("calls nested too deeply");
        auto& object = function.as<interp::FunctionObject>();
        const auto& info = *object.info;
        std::map<std::string, Symbol> env;
        size_t given = arguments.size();
        for (size_t i = 0; i < info.params.size(); ++i) {
            const auto& param = info.params[i];
            if (param.kind != ast::Param::Kind::Positional)
                give_up("*args, **kwargs or keyword-only parameters");
            if (i < given) {
                env[param.target.name] = std::move(arguments[i]);
            } else if (i < object.defaults.size() && !interp::is_missing_argument(object.defaults[i])
                && object.defaults[i].type() != Type::None) {
                env[param.target.name] = constant_symbol(object.defaults[i]);
            } else {
                give_up("missing argument for parameter '" + param.target.name + "'");
            }
        }
        if (given > info.params.size())
            give_up("too many arguments");
        std::vector<const ast::Stmt*> body;
        for (auto& statement : info.body)
            body.push_back(statement.get());
        Frame frame { &object, std::move(env) };
        auto* saved = m_frame;
        m_frame = &frame;
        std::optional<Symbol> value = run(body, 0);
        if (!value)
            give_up("the function may end without returning a value");
        m_frame = saved;
        --m_depth;
        return *value;
    }

private:
    struct Frame {
        const interp::FunctionObject* function;
        std::map<std::string, Symbol> env;
    };

    // A Python value named by the body (a global, a closure cell, a default) as a symbol.
    Symbol constant_symbol(const Value& value)
    {
        switch (value.type()) {
        case Type::Bool: return of(int_constant(DType::Bool, value.as_bool()));
        case Type::Int: return of(int_constant(DType::Int64, value.as_int()));
        case Type::Float: return of(float_constant(value.as_float()));
        case Type::Tuple: {
            Symbol s;
            s.is_tuple = true;
            for (auto& item : value.as<interp::TupleObject>().items)
                s.tuple.push_back(constant_symbol(item));
            return s;
        }
        case Type::Module:
        case Type::Function:
        case Type::Builtin:
        case Type::Class: {
            Symbol s;
            s.object = value;
            return s;
        }
        case Type::Opaque:
            if (is_numpy_scalar(value)) {
                engine::NDArray array = to_array(m_context, value);
                if (engine::dtype_kind(array.dtype) != 'c')
                    return of(normalized(planner::array_node(array)));
            }
            break;
        default:
            break;
        }
        give_up(std::string("uses a value of type '") + std::string(interp::type_name(value)) + "'");
    }

    Symbol load(const ast::NameRef& ref)
    {
        if (auto it = m_frame->env.find(ref.name); it != m_frame->env.end()) {
            if (!it->second.node && !it->second.is_tuple && it->second.object.is_none() && it->second.builtin.empty())
                give_up("'" + ref.name + "' is not bound on every path");
            return it->second;
        }
        switch (ref.scope) {
        case ast::NameScope::Cell: {
            uint32_t own = m_frame->function->info->num_own_cells;
            if (ref.index >= own && ref.index - own < m_frame->function->closure.size()) {
                auto& cell = *m_frame->function->closure[ref.index - own];
                if (cell.bound)
                    return constant_symbol(cell.value);
            }
            break;
        }
        case ast::NameScope::Global: {
            if (auto value = m_context.global_value(ref.name))
                return constant_symbol(*value);
            if (interp::builtins_module().find(ref.name)) {
                Symbol s;
                s.builtin = ref.name;
                return s;
            }
            break;
        }
        default:
            break;
        }
        give_up("'" + ref.name + "' is not a local, a constant or a module");
    }

    NodePtr number(const ast::Expr& expr)
    {
        Symbol s = eval(expr);
        if (!s.node)
            give_up("a value that is not a number");
        return s.node;
    }



    Symbol eval(const ast::Expr& expr)
    {
        switch (expr.kind) {
        case ast::ExprKind::Constant: {
            auto& c = static_cast<const ast::ConstantExpr&>(expr);
            switch (c.type) {
            case ast::ConstantExpr::Type::Bool: return of(int_constant(DType::Bool, c.bool_value));
            case ast::ConstantExpr::Type::Int: return of(int_constant(DType::Int64, c.int_value));
            case ast::ConstantExpr::Type::Float: return of(float_constant(c.float_value));
            default: give_up("a constant that is not a number");
            }
        }
        case ast::ExprKind::Name:
            return load(static_cast<const ast::NameExpr&>(expr).ref);
        case ast::ExprKind::BinOp: {
            auto& e = static_cast<const ast::BinOpExpr&>(expr);
            return of(arithmetic(e.op, number(*e.left), number(*e.right)));
        }
        case ast::ExprKind::UnaryOp: {
            auto& e = static_cast<const ast::UnaryOpExpr&>(expr);
            NodePtr x = number(*e.operand);
            switch (e.op) {
            case ast::UnaryOpKind::Not: return of(planner::elementwise_node(vm::OpCode::LogicalNot, { truth(x) }));
            case ast::UnaryOpKind::Pos: return of(kind_of(x) == Kind::Bool ? as_kind(x, Kind::Int) : x);
            case ast::UnaryOpKind::Neg:
                return of(apply(vm::OpCode::Negative, { kind_of(x) == Kind::Bool ? as_kind(x, Kind::Int) : x }));
            case ast::UnaryOpKind::Invert:
                if (kind_of(x) == Kind::Float)
                    give_up("~ on a float");
                return of(apply(vm::OpCode::Invert, { as_kind(x, Kind::Int) }));
            }
            break;
        }
        case ast::ExprKind::Compare: {
            auto& e = static_cast<const ast::CompareExpr&>(expr);
            NodePtr left = number(*e.left), result;
            for (size_t i = 0; i < e.ops.size(); ++i) {
                NodePtr right = number(*e.comparators[i]);
                NodePtr test = comparison(e.ops[i], left, right);
                result = result ? planner::elementwise_node(vm::OpCode::LogicalAnd, { result, test }) : test;
                left = right;
            }
            return of(result);
        }
        case ast::ExprKind::BoolOp: {
            auto& e = static_cast<const ast::BoolOpExpr&>(expr);
            bool is_and = e.op == ast::BoolOpKind::And;
            // Python: `a and b` is b when a is true, else a (the values, not booleans).
            NodePtr result = number(*e.values.back());
            for (size_t i = e.values.size() - 1; i-- > 0;) {
                NodePtr a = number(*e.values[i]);
                if (kind_of(a) == Kind::Bool && kind_of(result) == Kind::Bool)
                    result = planner::elementwise_node(is_and ? vm::OpCode::LogicalAnd : vm::OpCode::LogicalOr, { a, result });
                else
                    result = is_and ? select(truth(a), result, a) : select(truth(a), a, result);
            }
            return of(result);
        }
        case ast::ExprKind::IfExp: {
            auto& e = static_cast<const ast::IfExpExpr&>(expr);
            NodePtr test = truth(number(*e.test));
            return of(select(test, number(*e.body), number(*e.orelse)));
        }
        case ast::ExprKind::Attribute: {
            auto& e = static_cast<const ast::AttributeExpr&>(expr);
            Symbol base = eval(*e.value);
            if (base.object.is(Type::Module)) {
                if (const Value* member = base.object.as<interp::ModuleObject>().find(e.attr))
                    return constant_symbol(*member);
            }
            give_up("attribute '" + e.attr + "'");
        }
        case ast::ExprKind::Subscript: {
            auto& e = static_cast<const ast::SubscriptExpr&>(expr);
            Symbol base = eval(*e.value);
            if (!base.is_tuple || e.index->kind != ast::ExprKind::Constant)
                give_up("subscripts other than a tuple[constant]");
            auto& c = static_cast<const ast::ConstantExpr&>(*e.index);
            int64_t i = c.int_value, n = static_cast<int64_t>(base.tuple.size());
            if (c.type != ast::ConstantExpr::Type::Int || i < -n || i >= n)
                give_up("a tuple index out of range");
            return base.tuple[i < 0 ? i + n : i];
        }
        case ast::ExprKind::Tuple: {
            Symbol s;
            s.is_tuple = true;
            for (auto& element : static_cast<const ast::TupleExpr&>(expr).elements)
                s.tuple.push_back(eval(*element));
            return s;
        }
        case ast::ExprKind::Call:
            return call(static_cast<const ast::CallExpr&>(expr));
        default:
            break;
        }
        give_up("an expression of a kind it does not compile");
    }

    Symbol call(const ast::CallExpr& e)
    {
        if (!e.keywords.empty())
            give_up("keyword arguments");
        Symbol callee = eval(*e.func);
        std::vector<Symbol> arguments;
        for (auto& argument : e.args) {
            if (argument->kind == ast::ExprKind::Starred)
                give_up("*arguments");
            arguments.push_back(eval(*argument));
        }
        return invoke(callee, std::move(arguments));
    }

public:
    // A call of a compile-time callable: a user function (inlined), a math/numpy function or a
    // Python builtin named by an unbound global, a numpy scalar type (a cast).
    Symbol invoke(const Symbol& callee, std::vector<Symbol> arguments)
    {
        auto numbers = [&](size_t count) {
            if (arguments.size() != count)
                give_up("a call with an unexpected number of arguments");
            std::vector<NodePtr> nodes;
            for (auto& argument : arguments) {
                if (!argument.node)
                    give_up("a call with an argument that is not a number");
                nodes.push_back(argument.node);
            }
            return nodes;
        };
        if (!callee.builtin.empty())
            return of(python_builtin(callee.builtin, arguments.size() == 0 ? std::vector<NodePtr> {} : numbers(arguments.size()), &m_result.mixed_types));
        const Value& function = callee.object;
        if (function.is(Type::Function))
            return call_function(function, std::move(arguments));
        if (function.is(Type::Class)) {
            std::optional<DType> dtype;
            try {
                dtype = to_dtype(m_context, function);
            } catch (const RambaError&) {
            }
            if (!dtype)
                give_up("a call of a class that is not a numpy scalar type");
            if (engine::dtype_kind(*dtype) == 'c')
                give_up("a complex scalar type");
            return of(planner::cast_node(numbers(1)[0], *dtype, numbers(1)[0]->shape));
        }
        if (function.is(Type::Builtin)) {
            std::string name = function.as<interp::BuiltinObject>().spec->name;
            if (is_member_of("math", name, function))
                return of(math_function(name, numbers(arguments.size())));
            if (is_member_of("numpy", name, function))
                return of(numpy_function(name, numbers(arguments.size())));
            if (interp::builtins_module().find(name))
                return of(python_builtin(name, numbers(arguments.size()), &m_result.mixed_types));
        }
        give_up("a call of something that is not a math, numpy or user function");
    }

private:

    static bool is_member_of(const std::string& module_name, const std::string& name, const Value& function)
    {
        auto module = interp::import_module(module_name);
        const Value* member = module ? module->find(name) : nullptr;
        return member && member->object().get() == function.object().get();
    }




    static bool contains_return(std::span<const ast::StmtPtr> block)
    {
        for (auto& statement : block) {
            if (statement->kind == ast::StmtKind::Return)
                return true;
            if (statement->kind == ast::StmtKind::If) {
                auto& s = static_cast<const ast::IfStmt&>(*statement);
                if (contains_return(s.body) || contains_return(s.orelse))
                    return true;
            }
        }
        return false;
    }

    void assign(const ast::Expr& target, Symbol value)
    {
        if (target.kind == ast::ExprKind::Name) {
            m_frame->env[static_cast<const ast::NameExpr&>(target).ref.name] = std::move(value);
            return;
        }
        if (target.kind == ast::ExprKind::Tuple && value.is_tuple) {
            auto& elements = static_cast<const ast::TupleExpr&>(target).elements;
            if (elements.size() != value.tuple.size())
                give_up("unpacking of the wrong length");
            for (size_t i = 0; i < elements.size(); ++i)
                assign(*elements[i], value.tuple[i]);
            return;
        }
        give_up("assignment to something other than a local name");
    }

    // Runs statements [from, end) of `block`: the value the function returns, or nullopt when the
    // block ends without a return.
    std::optional<Symbol> run(std::vector<const ast::Stmt*> block, size_t from)
    {
        for (size_t i = from; i < block.size(); ++i) {
            const ast::Stmt& statement = *block[i];
            switch (statement.kind) {
            case ast::StmtKind::Pass:
                continue;
            case ast::StmtKind::Expr: {
                auto& s = static_cast<const ast::ExprStmt&>(statement);
                if (s.value->kind == ast::ExprKind::Constant)
                    continue; // a docstring
                give_up("an expression statement (side effects)");
            }
            case ast::StmtKind::Assign: {
                auto& s = static_cast<const ast::AssignStmt&>(statement);
                Symbol value = eval(*s.value);
                for (auto& target : s.targets)
                    assign(*target, value);
                continue;
            }
            case ast::StmtKind::AugAssign: {
                auto& s = static_cast<const ast::AugAssignStmt&>(statement);
                if (s.target->kind != ast::ExprKind::Name)
                    give_up("augmented assignment to something other than a local name");
                NodePtr value = arithmetic(s.op, number(*s.target), number(*s.value));
                assign(*s.target, of(value));
                continue;
            }
            case ast::StmtKind::Return: {
                auto& s = static_cast<const ast::ReturnStmt&>(statement);
                if (!s.value)
                    give_up("return without a value");
                return eval(*s.value);
            }
            case ast::StmtKind::If: {
                auto& s = static_cast<const ast::IfStmt&>(statement);
                NodePtr test = truth(number(*s.test));
                if (contains_return(s.body) || contains_return(s.orelse)) {
                    // Each branch continues with the rest of the block: where(test, then..., else...).
                    auto branch = [&](const ast::Block& first) {
                        std::vector<const ast::Stmt*> rest;
                        for (auto& st : first)
                            rest.push_back(st.get());
                        rest.insert(rest.end(), block.begin() + i + 1, block.end());
                        auto saved = m_frame->env;
                        std::optional<Symbol> value = run(std::move(rest), 0);
                        m_frame->env = std::move(saved);
                        if (!value)
                            give_up("the function may end without returning a value");
                        return *value;
                    };
                    Symbol then_value = branch(s.body), else_value = branch(s.orelse);
                    if (!then_value.node || !else_value.node)
                        give_up("a branch returns something other than a number");
                    return of(select(test, then_value.node, else_value.node));
                }
                // No return inside: run both branches, then merge the names they bind.
                auto before = m_frame->env;
                auto branch_env = [&](const ast::Block& branch) {
                    m_frame->env = before;
                    std::vector<const ast::Stmt*> statements;
                    for (auto& st : branch)
                        statements.push_back(st.get());
                    (void)run(std::move(statements), 0); // no return inside: nullopt
                    return m_frame->env;
                };
                auto then_env = branch_env(s.body), else_env = branch_env(s.orelse);
                std::map<std::string, Symbol> merged;
                for (auto& [name, value] : then_env) {
                    auto other = else_env.find(name);
                    if (other == else_env.end())
                        merged[name] = Symbol {}; // bound on one path only: an error if read later
                    else if (value.node && other->second.node)
                        merged[name] = of(select(test, value.node, other->second.node));
                    else if (value.object.object() == other->second.object.object() && !value.is_tuple && !other->second.is_tuple)
                        merged[name] = value;
                    else
                        merged[name] = Symbol {};
                }
                for (auto& [name, value] : else_env) {
                    if (!then_env.count(name))
                        merged[name] = Symbol {};
                }
                m_frame->env = std::move(merged);
                continue;
            }
            default:
                give_up("loops, calls with side effects or other statements");
            }
        }
        return std::nullopt;
    }

    interp::CallContext& m_context;
    CompiledFunction& m_result;
    Frame* m_frame { nullptr };
    int m_depth { 0 };
};

} // namespace

CompiledFunction compile_scalar_function(interp::CallContext& context, const Value& function,
    std::span<const SmapArgument> arguments)
{
    CompiledFunction result;
    if (!function.is(Type::Function) && !function.is(Type::Builtin) && !function.is(Type::Class)) {
        result.failure = "not a Python function";
        return result;
    }
    try {
        Compiler compiler(context, result);
        std::vector<Symbol> symbols;
        for (auto& argument : arguments) {
            Symbol s;
            if (argument.node) {
                s.node = argument.node;
            } else {
                s.is_tuple = true;
                for (auto& node : argument.tuple)
                    s.tuple.push_back(of(node));
            }
            symbols.push_back(std::move(s));
        }
        Symbol callee;
        callee.object = function;
        Symbol value = compiler.invoke(callee, std::move(symbols));
        if (!value.node)
            give_up("it returns something other than a number");
        result.result = value.node;
    } catch (const NotCompilable& failure) {
        result.result = nullptr;
        result.failure = failure.reason;
    } catch (const RambaError& error) {
        result.result = nullptr;
        result.failure = error.message();
    }
    return result;
}

} // namespace ramba::numpy
