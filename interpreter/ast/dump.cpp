// dump(): an indented text form of a resolved AST, for tests and `ramba --dump-ast`.
#include <charconv>

#include "interpreter/ast/builder.hpp"

namespace ramba::ast {

namespace {

const char* bin_op_name(BinOpKind op)
{
    switch (op) {
    case BinOpKind::Add: return "+";
    case BinOpKind::Sub: return "-";
    case BinOpKind::Mul: return "*";
    case BinOpKind::Div: return "/";
    case BinOpKind::FloorDiv: return "//";
    case BinOpKind::Mod: return "%";
    case BinOpKind::Pow: return "**";
    case BinOpKind::MatMul: return "@";
    case BinOpKind::BitAnd: return "&";
    case BinOpKind::BitOr: return "|";
    case BinOpKind::BitXor: return "^";
    case BinOpKind::LShift: return "<<";
    case BinOpKind::RShift: return ">>";
    }
    return "?";
}

const char* compare_name(CompareKind op)
{
    switch (op) {
    case CompareKind::Eq: return "==";
    case CompareKind::NotEq: return "!=";
    case CompareKind::Lt: return "<";
    case CompareKind::LtE: return "<=";
    case CompareKind::Gt: return ">";
    case CompareKind::GtE: return ">=";
    case CompareKind::Is: return "is";
    case CompareKind::IsNot: return "is not";
    case CompareKind::In: return "in";
    case CompareKind::NotIn: return "not in";
    }
    return "?";
}

std::string quoted(const std::string& text)
{
    std::string out = "'";
    for (char c : text) {
        switch (c) {
        case '\n': out += "\\n"; break;
        case '\t': out += "\\t"; break;
        case '\\': out += "\\\\"; break;
        case '\'': out += "\\'"; break;
        default: out += c;
        }
    }
    return out + "'";
}

std::string ref_text(const NameRef& ref)
{
    switch (ref.scope) {
    case NameScope::Local: return ref.name + " [local " + std::to_string(ref.index) + "]";
    case NameScope::Cell: return ref.name + " [cell " + std::to_string(ref.index) + "]";
    case NameScope::Global: return ref.name + " [global " + std::to_string(ref.index) + "]";
    case NameScope::Unresolved: break;
    }
    return ref.name + " [?]";
}

std::string format_double(double value)
{
    // Shortest round-trip form, as Python's repr; a float always shows it is one (1.0, not 1).
    char buffer[40];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    std::string text(buffer, result.ptr);
    if (text.find_first_of(".einf") == std::string::npos)
        text += ".0";
    return text;
}

class Dumper {
public:
    std::string take() { return std::move(m_out); }

    void module(const Module& module)
    {
        line(0, "Module locals=" + std::to_string(module.num_locals));
        block(1, module.body);
    }

private:
    void line(int depth, const std::string& text)
    {
        m_out.append(static_cast<size_t>(depth) * 2, ' ');
        m_out += text;
        m_out += '\n';
    }

    static std::string at(const SourceSpan& span) { return " @" + std::to_string(span.line) + ":" + std::to_string(span.column); }

    void block(int depth, const Block& body)
    {
        for (auto& stmt : body)
            statement(depth, *stmt);
    }

    void labelled_block(int depth, const char* label, const Block& body)
    {
        if (body.empty())
            return;
        line(depth, label);
        block(depth + 1, body);
    }

    void function(int depth, const FunctionInfo& function)
    {
        std::string sources;
        for (auto source : function.free_variable_sources)
            sources += (sources.empty() ? "" : ",") + std::to_string(source);
        line(depth, "frame locals=" + std::to_string(function.num_locals) + " cells=" + std::to_string(function.num_cells)
                + " own_cells=" + std::to_string(function.num_own_cells) + " free_sources=[" + sources + "]");
        for (auto& param : function.params) {
            const char* kind = param.kind == Param::Kind::Positional ? "" : param.kind == Param::Kind::VarArgs ? "*"
                : param.kind == Param::Kind::VarKeywords                                                 ? "**"
                                                                                                         : "kwonly ";
            line(depth, std::string("param ") + kind + ref_text(param.target));
            if (param.default_value)
                expression(depth + 1, *param.default_value, "default: ");
        }
        block(depth, function.body);
    }

    void statement(int depth, const Stmt& stmt)
    {
        std::string where = at(stmt.span);
        switch (stmt.kind) {
        case StmtKind::Expr:
            line(depth, "Expr" + where);
            expression(depth + 1, *static_cast<const ExprStmt&>(stmt).value);
            return;
        case StmtKind::Assign: {
            auto& assign = static_cast<const AssignStmt&>(stmt);
            line(depth, "Assign" + where);
            for (auto& target : assign.targets)
                expression(depth + 1, *target, "target: ");
            expression(depth + 1, *assign.value, "value: ");
            return;
        }
        case StmtKind::AugAssign: {
            auto& assign = static_cast<const AugAssignStmt&>(stmt);
            line(depth, std::string("AugAssign ") + bin_op_name(assign.op) + "=" + where);
            expression(depth + 1, *assign.target, "target: ");
            expression(depth + 1, *assign.value, "value: ");
            return;
        }
        case StmtKind::If: {
            auto& if_stmt = static_cast<const IfStmt&>(stmt);
            line(depth, "If" + where);
            expression(depth + 1, *if_stmt.test, "test: ");
            labelled_block(depth + 1, "body:", if_stmt.body);
            labelled_block(depth + 1, "else:", if_stmt.orelse);
            return;
        }
        case StmtKind::While: {
            auto& loop = static_cast<const WhileStmt&>(stmt);
            line(depth, "While" + where);
            expression(depth + 1, *loop.test, "test: ");
            labelled_block(depth + 1, "body:", loop.body);
            labelled_block(depth + 1, "else:", loop.orelse);
            return;
        }
        case StmtKind::For: {
            auto& loop = static_cast<const ForStmt&>(stmt);
            line(depth, "For" + where);
            expression(depth + 1, *loop.target, "target: ");
            expression(depth + 1, *loop.iter, "iter: ");
            labelled_block(depth + 1, "body:", loop.body);
            labelled_block(depth + 1, "else:", loop.orelse);
            return;
        }
        case StmtKind::FunctionDef: {
            auto& def = static_cast<const FunctionDefStmt&>(stmt);
            line(depth, "FunctionDef " + ref_text(def.target) + where);
            for (auto& decorator : def.decorators)
                expression(depth + 1, *decorator, "decorator: ");
            function(depth + 1, *def.function);
            return;
        }
        case StmtKind::Return: {
            auto& ret = static_cast<const ReturnStmt&>(stmt);
            line(depth, "Return" + where);
            if (ret.value)
                expression(depth + 1, *ret.value);
            return;
        }
        case StmtKind::Break: line(depth, "Break" + where); return;
        case StmtKind::Continue: line(depth, "Continue" + where); return;
        case StmtKind::Pass: line(depth, "Pass" + where); return;
        case StmtKind::Delete:
            line(depth, "Delete" + where);
            for (auto& target : static_cast<const DeleteStmt&>(stmt).targets)
                expression(depth + 1, *target);
            return;
        case StmtKind::Import:
            line(depth, "Import" + where);
            for (auto& alias : static_cast<const ImportStmt&>(stmt).names) {
                std::string path;
                for (auto& part : alias.module_path)
                    path += (path.empty() ? "" : ".") + part;
                line(depth + 1, path + " -> " + ref_text(alias.target));
            }
            return;
        case StmtKind::ImportFrom: {
            auto& import = static_cast<const ImportFromStmt&>(stmt);
            std::string path;
            for (auto& part : import.module_path)
                path += (path.empty() ? "" : ".") + part;
            line(depth, "ImportFrom " + path + where);
            if (import.star)
                line(depth + 1, "*");
            for (auto& name : import.names)
                line(depth + 1, name.name + " -> " + ref_text(name.target));
            return;
        }
        case StmtKind::Global:
        case StmtKind::Nonlocal: {
            std::string names;
            for (auto& name : static_cast<const GlobalStmt&>(stmt).names)
                names += " " + name;
            line(depth, (stmt.kind == StmtKind::Global ? "Global" : "Nonlocal") + names + where);
            return;
        }
        case StmtKind::Assert: {
            auto& assert_stmt = static_cast<const AssertStmt&>(stmt);
            line(depth, "Assert" + where);
            expression(depth + 1, *assert_stmt.test, "test: ");
            if (assert_stmt.message)
                expression(depth + 1, *assert_stmt.message, "message: ");
            return;
        }
        case StmtKind::Try: {
            auto& try_stmt = static_cast<const TryStmt&>(stmt);
            line(depth, "Try" + where);
            labelled_block(depth + 1, "body:", try_stmt.body);
            for (auto& handler : try_stmt.handlers) {
                line(depth + 1, "except" + (handler.name ? " as " + ref_text(*handler.name) : std::string()) + at(handler.span));
                if (handler.type)
                    expression(depth + 2, *handler.type, "type: ");
                block(depth + 2, handler.body);
            }
            labelled_block(depth + 1, "else:", try_stmt.orelse);
            labelled_block(depth + 1, "finally:", try_stmt.finalbody);
            return;
        }
        case StmtKind::ClassDef: {
            auto& def = static_cast<const ClassDefStmt&>(stmt);
            line(depth, "ClassDef " + ref_text(def.target) + where);
            for (auto& decorator : def.decorators)
                expression(depth + 1, *decorator, "decorator: ");
            for (auto& base : def.bases)
                expression(depth + 1, *base, "base: ");
            for (auto& keyword : def.keywords)
                expression(depth + 1, *keyword.value, "keyword " + (keyword.name.empty() ? std::string("**") : keyword.name) + ": ");
            std::string names;
            for (auto& name : def.namespace_names)
                names += (names.empty() ? "" : ", ") + ref_text(name);
            line(depth + 1, "namespace: " + names);
            function(depth + 1, *def.body);
            return;
        }
        case StmtKind::With: {
            auto& with = static_cast<const WithStmt&>(stmt);
            line(depth, "With" + where);
            for (auto& item : with.items) {
                expression(depth + 1, *item.context, "item: ");
                if (item.target)
                    expression(depth + 2, *item.target, "as: ");
            }
            labelled_block(depth + 1, "body:", with.body);
            return;
        }
        case StmtKind::Raise: {
            auto& raise = static_cast<const RaiseStmt&>(stmt);
            line(depth, "Raise" + where);
            if (raise.exception)
                expression(depth + 1, *raise.exception);
            if (raise.cause)
                expression(depth + 1, *raise.cause, "from: ");
            return;
        }
        }
    }

    void fstring_parts(int depth, const std::vector<FStringPart>& parts)
    {
        for (auto& part : parts) {
            if (!part.expr) {
                line(depth, "text " + quoted(part.literal));
                continue;
            }
            std::string head = "field";
            if (part.self_documenting)
                head += " " + quoted(part.literal);
            if (part.conversion)
                head += std::string(" !") + part.conversion;
            line(depth, head);
            expression(depth + 1, *part.expr);
            if (!part.format_spec.empty()) {
                line(depth + 1, "spec:");
                fstring_parts(depth + 2, part.format_spec);
            }
        }
    }

    void expression(int depth, const Expr& expr, const std::string& label = "")
    {
        switch (expr.kind) {
        case ExprKind::Constant: {
            auto& constant = static_cast<const ConstantExpr&>(expr);
            std::string value;
            switch (constant.type) {
            case ConstantExpr::Type::None: value = "None"; break;
            case ConstantExpr::Type::Bool: value = constant.bool_value ? "True" : "False"; break;
            case ConstantExpr::Type::Int: value = std::to_string(constant.int_value); break;
            case ConstantExpr::Type::Float: value = format_double(constant.float_value); break;
            case ConstantExpr::Type::Imaginary: value = format_double(constant.float_value) + "j"; break;
            case ConstantExpr::Type::Str: value = quoted(constant.str_value); break;
            case ConstantExpr::Type::Ellipsis: value = "..."; break;
            case ConstantExpr::Type::Bytes: value = "b" + quoted(constant.str_value); break;
            case ConstantExpr::Type::BigInt:
                value = (constant.bool_value ? "-" : "") + std::string(constant.int_value == 16 ? "0x" : constant.int_value == 8 ? "0o" : constant.int_value == 2 ? "0b" : "")
                    + constant.str_value;
                break;
            }
            line(depth, label + "Constant " + value);
            return;
        }
        case ExprKind::Name:
            line(depth, label + "Name " + ref_text(static_cast<const NameExpr&>(expr).ref));
            return;
        case ExprKind::BinOp: {
            auto& binary = static_cast<const BinOpExpr&>(expr);
            line(depth, label + "BinOp " + bin_op_name(binary.op));
            expression(depth + 1, *binary.left);
            expression(depth + 1, *binary.right);
            return;
        }
        case ExprKind::UnaryOp: {
            auto& unary = static_cast<const UnaryOpExpr&>(expr);
            const char* names[] = { "-", "+", "~", "not" };
            line(depth, label + "UnaryOp " + names[static_cast<int>(unary.op)]);
            expression(depth + 1, *unary.operand);
            return;
        }
        case ExprKind::Compare: {
            auto& compare = static_cast<const CompareExpr&>(expr);
            line(depth, label + "Compare");
            expression(depth + 1, *compare.left);
            for (size_t i = 0; i < compare.ops.size(); ++i)
                expression(depth + 1, *compare.comparators[i], std::string(compare_name(compare.ops[i])) + " ");
            return;
        }
        case ExprKind::BoolOp: {
            auto& bool_op = static_cast<const BoolOpExpr&>(expr);
            line(depth, label + (bool_op.op == BoolOpKind::And ? "BoolOp and" : "BoolOp or"));
            for (auto& value : bool_op.values)
                expression(depth + 1, *value);
            return;
        }
        case ExprKind::IfExp: {
            auto& if_exp = static_cast<const IfExpExpr&>(expr);
            line(depth, label + "IfExp");
            expression(depth + 1, *if_exp.test, "test: ");
            expression(depth + 1, *if_exp.body, "body: ");
            expression(depth + 1, *if_exp.orelse, "else: ");
            return;
        }
        case ExprKind::Call: {
            auto& call = static_cast<const CallExpr&>(expr);
            line(depth, label + "Call");
            expression(depth + 1, *call.func, "func: ");
            for (auto& arg : call.args)
                expression(depth + 1, *arg, "arg: ");
            for (auto& keyword : call.keywords)
                expression(depth + 1, *keyword.value, keyword.name.empty() ? "**" : keyword.name + "=");
            return;
        }
        case ExprKind::Attribute: {
            auto& attribute = static_cast<const AttributeExpr&>(expr);
            line(depth, label + "Attribute ." + attribute.attr);
            expression(depth + 1, *attribute.value);
            return;
        }
        case ExprKind::Subscript: {
            auto& subscript = static_cast<const SubscriptExpr&>(expr);
            line(depth, label + "Subscript");
            expression(depth + 1, *subscript.value);
            expression(depth + 1, *subscript.index, "index: ");
            return;
        }
        case ExprKind::Slice: {
            auto& slice = static_cast<const SliceExpr&>(expr);
            line(depth, label + "Slice");
            if (slice.lower) expression(depth + 1, *slice.lower, "lower: ");
            if (slice.upper) expression(depth + 1, *slice.upper, "upper: ");
            if (slice.step) expression(depth + 1, *slice.step, "step: ");
            return;
        }
        case ExprKind::Tuple:
            line(depth, label + "Tuple");
            for (auto& element : static_cast<const TupleExpr&>(expr).elements)
                expression(depth + 1, *element);
            return;
        case ExprKind::List:
            line(depth, label + "List");
            for (auto& element : static_cast<const ListExpr&>(expr).elements)
                expression(depth + 1, *element);
            return;
        case ExprKind::Dict: {
            auto& dict = static_cast<const DictExpr&>(expr);
            line(depth, label + "Dict");
            for (size_t i = 0; i < dict.keys.size(); ++i) {
                if (dict.keys[i])
                    expression(depth + 1, *dict.keys[i], "key: ");
                expression(depth + 1, *dict.values[i], dict.keys[i] ? "value: " : "**");
            }
            return;
        }
        case ExprKind::ListComp: {
            auto& comprehension = static_cast<const ListCompExpr&>(expr);
            static const char* const names[] = { "ListComp", "DictComp", "SetComp", "YieldComp" };
            line(depth, label + names[static_cast<int>(comprehension.result)]);
            expression(depth + 1, *comprehension.element, comprehension.value ? "key: " : "element: ");
            if (comprehension.value)
                expression(depth + 1, *comprehension.value, "value: ");
            for (auto& generator : comprehension.generators) {
                line(depth + 1, "for");
                expression(depth + 2, *generator.target, "target: ");
                expression(depth + 2, *generator.iter, "iter: ");
                for (auto& condition : generator.ifs)
                    expression(depth + 2, *condition, "if: ");
            }
            return;
        }
        case ExprKind::Lambda:
            line(depth, label + "Lambda");
            function(depth + 1, *static_cast<const LambdaExpr&>(expr).function);
            return;
        case ExprKind::FString:
            line(depth, label + "FString");
            fstring_parts(depth + 1, static_cast<const FStringExpr&>(expr).parts);
            return;
        case ExprKind::Starred:
            line(depth, label + "Starred");
            expression(depth + 1, *static_cast<const StarredExpr&>(expr).value);
            return;
        case ExprKind::Set:
            line(depth, label + "Set");
            for (auto& element : static_cast<const SetExpr&>(expr).elements)
                expression(depth + 1, *element);
            return;
        case ExprKind::Yield: {
            auto& yield = static_cast<const YieldExpr&>(expr);
            line(depth, label + (yield.from ? "YieldFrom" : "Yield"));
            if (yield.value)
                expression(depth + 1, *yield.value);
            return;
        }
        case ExprKind::GeneratorExp: {
            auto& generator = static_cast<const GeneratorExpExpr&>(expr);
            line(depth, label + "GeneratorExp");
            expression(depth + 1, *generator.iterable, "iterable: ");
            function(depth + 1, *generator.function);
            return;
        }
        }
    }

    std::string m_out;
};

} // namespace

std::string dump(const Module& module)
{
    Dumper dumper;
    dumper.module(module);
    return dumper.take();
}

} // namespace ramba::ast
