// TreeBuilder, statements: parse tree -> AST statements, target checks and source spans.
#include "interpreter/ast/tree_builder.hpp"

#include <unordered_set>
#include <utility>

#include "interpreter/ast/syntax_error.hpp"

namespace ramba::ast {

using antlr4::Token;

// ---------------------------------------------------------------------------------------------
// Positions

SourceSpan TreeBuilder::span_of(Token* token) const { return span_of(token, token); }

SourceSpan TreeBuilder::span_of(antlr4::ParserRuleContext* context) const { return span_of(context->getStart(), context->getStop()); }

SourceSpan TreeBuilder::span_of(Token* start, Token* stop) const
{
    // Blocks end in synthetic NEWLINE/DEDENT tokens: the span ends at the last real token.
    while (stop && stop->getTokenIndex() > start->getTokenIndex()
        && (stop->getType() == P::NEWLINE || stop->getType() == P::DEDENT || stop->getType() == P::INDENT))
        stop = m_tokens.get(stop->getTokenIndex() - 1);
    SourceSpan span = m_offset.point(start->getLine(), start->getCharPositionInLine());
    if (!stop)
        return span;
    size_t line = stop->getLine(), column = stop->getCharPositionInLine();
    if (stop->getType() == P::STRING) {
        // Only strings span lines; their text is read (and converted from UTF-32) only here.
        for (unsigned char c : stop->getText()) {
            if (c == '\n') {
                ++line;
                column = 0;
            } else if ((c & 0xC0) != 0x80) {
                ++column;
            }
        }
    } else if (stop->getType() != P::NEWLINE && stop->getType() != Token::EOF) {
        // Indices count code points, as columns do.
        column += stop->getStopIndex() - stop->getStartIndex() + 1;
    }
    SourceSpan end = m_offset.point(line, column);
    span.end_line = end.line;
    span.end_column = end.column;
    return span;
}

// ---------------------------------------------------------------------------------------------
// Targets

static const char* describe(const Expr& expr)
{
    switch (expr.kind) {
    case ExprKind::Call: return "function call";
    case ExprKind::Constant: {
        auto& constant = static_cast<const ConstantExpr&>(expr);
        if (constant.type == ConstantExpr::Type::None) return "None";
        if (constant.type == ConstantExpr::Type::Bool) return constant.bool_value ? "True" : "False";
        if (constant.type == ConstantExpr::Type::Ellipsis) return "ellipsis";
        return "literal";
    }
    case ExprKind::Compare: return "comparison";
    case ExprKind::IfExp: return "conditional expression";
    case ExprKind::Lambda: return "lambda";
    case ExprKind::ListComp: return static_cast<const ListCompExpr&>(expr).value ? "dict comprehension" : "list comprehension";
    case ExprKind::Dict: return "dict literal";
    case ExprKind::FString: return "f-string expression";
    case ExprKind::Tuple: return "tuple";
    case ExprKind::List: return "list";
    case ExprKind::Starred: return "starred";
    default: return "expression";
    }
}

void check_target(const Expr& target, TargetUse use)
{
    switch (target.kind) {
    case ExprKind::Name:
    case ExprKind::Attribute:
    case ExprKind::Subscript:
        return;
    case ExprKind::Tuple:
    case ExprKind::List: {
        if (use == TargetUse::AugAssign)
            break;
        auto& elements = target.kind == ExprKind::Tuple ? static_cast<const TupleExpr&>(target).elements
                                                        : static_cast<const ListExpr&>(target).elements;
        bool seen_star = false;
        for (auto& element : elements) {
            if (element->kind == ExprKind::Starred && use != TargetUse::Delete) {
                if (seen_star)
                    throw_syntax_error("multiple starred expressions in assignment", target.span);
                seen_star = true;
                check_target(*static_cast<const StarredExpr&>(*element).value, use);
                continue;
            }
            check_target(*element, use);
        }
        return;
    }
    case ExprKind::Starred:
        if (use == TargetUse::Assign || use == TargetUse::For)
            throw_syntax_error("starred assignment target must be in a list or tuple", target.span);
        break;
    default:
        break;
    }
    std::string what = describe(target);
    switch (use) {
    case TargetUse::AugAssign:
        throw_syntax_error("'" + what + "' is an illegal expression for augmented assignment", target.span);
    case TargetUse::Delete:
        throw_syntax_error("cannot delete " + what, target.span);
    case TargetUse::For:
        throw_syntax_error("cannot assign to " + what, target.span);
    case TargetUse::Assign:
        if (what == "lambda" || what == "None" || what == "True" || what == "False" || what == "ellipsis")
            throw_syntax_error("cannot assign to " + what, target.span);
        throw_syntax_error("cannot assign to " + what + " here. Maybe you meant '==' instead of '='?", target.span);
    }
}

// ---------------------------------------------------------------------------------------------
// Statements

// file_input: (NEWLINE | stmt)* EOF
Block TreeBuilder::build_file(P::File_inputContext* context)
{
    Block body;
    for (auto* stmt : context->stmt())
        build_stmt(stmt, body);
    return body;
}

// stmt: simple_stmts | compound_stmt
void TreeBuilder::build_stmt(P::StmtContext* context, Block& out)
{
    if (auto* simple = context->simple_stmts())
        build_simple_stmts(simple, out);
    else
        out.push_back(build_compound_stmt(context->compound_stmt()));
}

// simple_stmts: simple_stmt (';' simple_stmt)* ';'? NEWLINE
void TreeBuilder::build_simple_stmts(P::Simple_stmtsContext* context, Block& out)
{
    for (auto* child : context->children)
        if (auto* simple = dynamic_cast<P::Simple_stmtContext*>(child))
            out.push_back(build_simple_stmt(simple));
}

// block: simple_stmts | NEWLINE INDENT stmt+ DEDENT
Block TreeBuilder::build_block(P::BlockContext* context)
{
    Block body;
    if (auto* simple = context->simple_stmts()) {
        build_simple_stmts(simple, body);
        return body;
    }
    for (auto* child : context->children)
        if (auto* stmt = dynamic_cast<P::StmtContext*>(child))
            build_stmt(stmt, body);
    return body;
}

static std::vector<std::string> names_of(const std::vector<antlr4::tree::TerminalNode*>& nodes)
{
    std::vector<std::string> names;
    for (auto* node : nodes)
        names.push_back(node->getText());
    return names;
}

// simple_stmt: expr_stmt | del_stmt | pass_stmt | ... | import_name | import_from
StmtPtr TreeBuilder::build_simple_stmt(P::Simple_stmtContext* context)
{
    auto* child = context->children[0];
    SourceSpan span = span_of(context);
    if (auto* stmt = dynamic_cast<P::Expr_stmtContext*>(child))
        return build_expr_stmt(stmt);
    if (auto* stmt = dynamic_cast<P::Return_stmtContext*>(child)) {
        auto result = std::make_unique<ReturnStmt>(span);
        if (auto* value = stmt->star_or_exprs())
            result->value = build_star_or_exprs(value);
        return result;
    }
    if (dynamic_cast<P::Pass_stmtContext*>(child))
        return std::make_unique<SimpleStmt>(StmtKind::Pass, span);
    if (dynamic_cast<P::Break_stmtContext*>(child))
        return std::make_unique<SimpleStmt>(StmtKind::Break, span);
    if (dynamic_cast<P::Continue_stmtContext*>(child))
        return std::make_unique<SimpleStmt>(StmtKind::Continue, span);
    if (auto* stmt = dynamic_cast<P::Del_stmtContext*>(child)) {
        auto result = std::make_unique<DeleteStmt>(span);
        ExprPtr targets = build_star_or_exprs(stmt->star_or_exprs());
        // `del a, (b, [c])` deletes each name in turn.
        std::vector<ExprPtr> pending;
        pending.push_back(std::move(targets));
        while (!pending.empty()) {
            ExprPtr target = std::move(pending.back());
            pending.pop_back();
            if (target->kind == ExprKind::Tuple || target->kind == ExprKind::List) {
                auto& elements = target->kind == ExprKind::Tuple ? static_cast<TupleExpr&>(*target).elements
                                                                 : static_cast<ListExpr&>(*target).elements;
                for (size_t i = elements.size(); i-- > 0;)
                    pending.push_back(std::move(elements[i]));
                continue;
            }
            check_target(*target, TargetUse::Delete);
            result->targets.push_back(std::move(target));
        }
        return result;
    }
    if (auto* stmt = dynamic_cast<P::Raise_stmtContext*>(child)) {
        auto result = std::make_unique<RaiseStmt>(span);
        auto exprs = stmt->expr();
        if (!exprs.empty())
            result->exception = build_expr(exprs[0]);
        if (exprs.size() > 1)
            result->cause = build_expr(exprs[1]);
        return result;
    }
    if (auto* stmt = dynamic_cast<P::Global_stmtContext*>(child)) {
        auto result = std::make_unique<GlobalStmt>(StmtKind::Global, span);
        result->names = names_of(stmt->NAME());
        return result;
    }
    if (auto* stmt = dynamic_cast<P::Nonlocal_stmtContext*>(child)) {
        auto result = std::make_unique<GlobalStmt>(StmtKind::Nonlocal, span);
        result->names = names_of(stmt->NAME());
        return result;
    }
    if (auto* stmt = dynamic_cast<P::Assert_stmtContext*>(child)) {
        auto result = std::make_unique<AssertStmt>(span);
        auto exprs = stmt->expr();
        result->test = build_expr(exprs[0]);
        if (exprs.size() > 1)
            result->message = build_expr(exprs[1]);
        return result;
    }
    if (auto* stmt = dynamic_cast<P::Import_nameContext*>(child))
        return build_import_name(stmt);
    return build_import_from(static_cast<P::Import_fromContext*>(child));
}

static BinOpKind aug_op(size_t token_type)
{
    switch (token_type) {
    case TreeBuilder::P::ADD_ASSIGN: return BinOpKind::Add;
    case TreeBuilder::P::SUB_ASSIGN: return BinOpKind::Sub;
    case TreeBuilder::P::MULT_ASSIGN: return BinOpKind::Mul;
    case TreeBuilder::P::DIV_ASSIGN: return BinOpKind::Div;
    case TreeBuilder::P::IDIV_ASSIGN: return BinOpKind::FloorDiv;
    case TreeBuilder::P::MOD_ASSIGN: return BinOpKind::Mod;
    case TreeBuilder::P::POWER_ASSIGN: return BinOpKind::Pow;
    case TreeBuilder::P::AT_ASSIGN: return BinOpKind::MatMul;
    case TreeBuilder::P::AND_ASSIGN: return BinOpKind::BitAnd;
    case TreeBuilder::P::OR_ASSIGN: return BinOpKind::BitOr;
    case TreeBuilder::P::XOR_ASSIGN: return BinOpKind::BitXor;
    case TreeBuilder::P::LEFT_SHIFT_ASSIGN: return BinOpKind::LShift;
    default: return BinOpKind::RShift;
    }
}

// expr_stmt: star_or_exprs (augassign star_or_exprs | ':' expr ('=' star_or_exprs)? | ('=' star_or_exprs)*)
StmtPtr TreeBuilder::build_expr_stmt(P::Expr_stmtContext* context)
{
    SourceSpan span = span_of(context);
    auto parts = context->star_or_exprs();
    if (auto* aug = context->augassign()) {
        auto result = std::make_unique<AugAssignStmt>(span);
        result->target = build_star_or_exprs(parts[0]);
        check_target(*result->target, TargetUse::AugAssign);
        result->op = aug_op(aug->getStart()->getType());
        result->value = build_star_or_exprs(parts[1]);
        return result;
    }
    if (context->COLON()) {
        // `x: T = v` assigns v (the annotation is not evaluated); a bare `x: T` does nothing.
        ExprPtr target = build_star_or_exprs(parts[0]);
        if (target->kind != ExprKind::Name && target->kind != ExprKind::Attribute && target->kind != ExprKind::Subscript) {
            if (target->kind == ExprKind::Tuple)
                throw_syntax_error("only single target (not tuple) can be annotated", target->span);
            throw_syntax_error("illegal target for annotation", target->span);
        }
        if (m_class_annotations && target->kind == ExprKind::Name)
            m_class_annotations->emplace_back(static_cast<NameExpr&>(*target).ref.name, build_expr(context->expr()));
        if (parts.size() < 2)
            return std::make_unique<SimpleStmt>(StmtKind::Pass, span);
        auto result = std::make_unique<AssignStmt>(span);
        result->targets.push_back(std::move(target));
        result->value = build_star_or_exprs(parts[1]);
        return result;
    }
    if (parts.size() == 1) {
        ExprPtr value = build_star_or_exprs(parts[0]);
        if (value->kind == ExprKind::Starred)
            throw_syntax_error("can't use starred expression here", value->span);
        return std::make_unique<ExprStmt>(span, std::move(value));
    }
    auto result = std::make_unique<AssignStmt>(span);
    for (size_t i = 0; i + 1 < parts.size(); ++i) {
        ExprPtr target = build_star_or_exprs(parts[i]);
        check_target(*target, TargetUse::Assign);
        result->targets.push_back(std::move(target));
    }
    result->value = build_star_or_exprs(parts.back());
    return result;
}

// import_name: 'import' dotted_as_name (',' dotted_as_name)*
StmtPtr TreeBuilder::build_import_name(P::Import_nameContext* context)
{
    auto result = std::make_unique<ImportStmt>(span_of(context));
    for (auto* item : context->dotted_as_name()) {
        ImportAlias alias;
        alias.module_path = names_of(item->dotted_name()->NAME());
        alias.span = span_of(item);
        if (auto* as = item->NAME())
            alias.as_name = as->getText();
        alias.target.name = alias.as_name ? *alias.as_name : alias.module_path[0];
        result->names.push_back(std::move(alias));
    }
    return result;
}

// import_from: 'from' dotted_name 'import' ('*' | '(' import_as_names ','? ')' | import_as_names)
StmtPtr TreeBuilder::build_import_from(P::Import_fromContext* context)
{
    auto result = std::make_unique<ImportFromStmt>(span_of(context));
    result->module_path = names_of(context->dotted_name()->NAME());
    if (context->STAR()) {
        result->star = true;
        result->star_span = span_of(context->STAR());
        return result;
    }
    for (auto* item : context->import_as_names()->import_as_name()) {
        ImportFromName name;
        auto names = item->NAME();
        name.name = names[0]->getText();
        name.target.name = names.back()->getText();
        name.span = span_of(item);
        result->names.push_back(std::move(name));
    }
    return result;
}

// compound_stmt: if_stmt | while_stmt | for_stmt | try_stmt | funcdef | decorated
StmtPtr TreeBuilder::build_compound_stmt(P::Compound_stmtContext* context)
{
    auto* child = context->children[0];
    SourceSpan span = span_of(context);
    if (auto* stmt = dynamic_cast<P::If_stmtContext*>(child))
        return build_if(stmt);
    if (auto* stmt = dynamic_cast<P::While_stmtContext*>(child)) {
        auto result = std::make_unique<WhileStmt>(span);
        result->test = build_expr(stmt->expr());
        result->body = build_block(stmt->block());
        if (auto* orelse = stmt->else_clause())
            result->orelse = build_block(orelse->block());
        return result;
    }
    if (auto* stmt = dynamic_cast<P::For_stmtContext*>(child)) {
        auto result = std::make_unique<ForStmt>(span);
        result->target = build_target_list(stmt->target_list());
        check_target(*result->target, TargetUse::For);
        result->iter = build_star_or_exprs(stmt->star_or_exprs());
        result->body = build_block(stmt->block());
        if (auto* orelse = stmt->else_clause())
            result->orelse = build_block(orelse->block());
        return result;
    }
    if (auto* stmt = dynamic_cast<P::Try_stmtContext*>(child))
        return build_try(stmt);
    if (auto* stmt = dynamic_cast<P::FuncdefContext*>(child))
        return build_funcdef(stmt, {}, span);
    if (auto* stmt = dynamic_cast<P::ClassdefContext*>(child))
        return build_classdef(stmt, {}, span);
    if (auto* stmt = dynamic_cast<P::With_stmtContext*>(child))
        return build_with(stmt);
    auto* decorated = static_cast<P::DecoratedContext*>(child);
    std::vector<ExprPtr> decorators;
    for (auto* decorator : decorated->decorator())
        decorators.push_back(build_expr(decorator->expr()));
    // Python: a decorated function's position is its `def` line.
    if (auto* classdef = decorated->classdef())
        return build_classdef(classdef, std::move(decorators), span_of(classdef));
    return build_funcdef(decorated->funcdef(), std::move(decorators), span_of(decorated->funcdef()));
}

// if_stmt: 'if' expr ':' block elif_clause* else_clause?
StmtPtr TreeBuilder::build_if(P::If_stmtContext* context)
{
    auto result = std::make_unique<IfStmt>(span_of(context));
    result->test = build_expr(context->expr());
    result->body = build_block(context->block());
    auto elifs = context->elif_clause();
    if (!elifs.empty())
        result->orelse.push_back(build_elif_chain(elifs, 0, context->else_clause()));
    else if (auto* orelse = context->else_clause())
        result->orelse = build_block(orelse->block());
    return result;
}

StmtPtr TreeBuilder::build_elif_chain(const std::vector<P::Elif_clauseContext*>& elifs, size_t index, P::Else_clauseContext* orelse)
{
    auto* clause = elifs[index];
    Token* stop = orelse ? orelse->getStop() : elifs.back()->getStop();
    auto result = std::make_unique<IfStmt>(span_of(clause->getStart(), stop));
    result->test = build_expr(clause->expr());
    result->body = build_block(clause->block());
    if (index + 1 < elifs.size())
        result->orelse.push_back(build_elif_chain(elifs, index + 1, orelse));
    else if (orelse)
        result->orelse = build_block(orelse->block());
    return result;
}

// try_stmt: 'try' ':' block (except_clause+ else_clause? finally_clause? | finally_clause)
StmtPtr TreeBuilder::build_try(P::Try_stmtContext* context)
{
    auto result = std::make_unique<TryStmt>(span_of(context));
    result->body = build_block(context->block());
    auto clauses = context->except_clause();
    for (size_t i = 0; i < clauses.size(); ++i) {
        auto* clause = clauses[i];
        ExceptHandler handler;
        handler.span = span_of(clause);
        if (auto* type = clause->expr()) {
            handler.type = build_expr(type);
        } else if (i + 1 < clauses.size()) {
            throw_syntax_error("default 'except:' must be last", handler.span);
        }
        if (auto* name = clause->NAME())
            handler.name = NameRef { name->getText() };
        handler.body = build_block(clause->block());
        result->handlers.push_back(std::move(handler));
    }
    if (auto* orelse = context->else_clause())
        result->orelse = build_block(orelse->block());
    if (auto* finally = context->finally_clause())
        result->finalbody = build_block(finally->block());
    return result;
}

// funcdef: 'def' NAME '(' parameters? ')' ('->' expr)? ':' block
StmtPtr TreeBuilder::build_funcdef(P::FuncdefContext* context, std::vector<ExprPtr> decorators, SourceSpan span)
{
    auto result = std::make_unique<FunctionDefStmt>(span);
    result->decorators = std::move(decorators);
    auto function = std::make_shared<FunctionInfo>();
    function->name = context->NAME()->getText();
    function->span = span;
    if (auto* parameters = context->parameters())
        build_parameters(parameters, *function);
    auto* class_annotations = std::exchange(m_class_annotations, nullptr);
    function->body = build_block(context->block());
    m_class_annotations = class_annotations;
    result->target.name = function->name;
    result->function = std::move(function);
    return result;
}

// classdef: 'class' NAME ('(' arglist? ')')? ':' block
StmtPtr TreeBuilder::build_classdef(P::ClassdefContext* context, std::vector<ExprPtr> decorators, SourceSpan span)
{
    auto result = std::make_unique<ClassDefStmt>(span);
    result->name = context->NAME()->getText();
    result->decorators = std::move(decorators);
    if (auto* arglist = context->arglist()) {
        auto call = build_call(nullptr, arglist, span);
        auto& arguments = static_cast<CallExpr&>(*call);
        result->bases = std::move(arguments.args);
        result->keywords = std::move(arguments.keywords);
    }
    auto body = std::make_shared<FunctionInfo>();
    body->name = result->name;
    body->span = span;
    auto* class_annotations = std::exchange(m_class_annotations, &result->annotations);
    body->body = build_block(context->block());
    m_class_annotations = class_annotations;
    result->body = std::move(body);
    result->target.name = result->name;
    return result;
}

// with_stmt: 'with' '(' with_item (',' with_item)* ','? ')' ':' block | 'with' with_item (',' with_item)* ':' block
// with_item: expr ('as' target)?
StmtPtr TreeBuilder::build_with(P::With_stmtContext* context)
{
    auto result = std::make_unique<WithStmt>(span_of(context));
    for (auto* item_context : context->with_item()) {
        WithItem item;
        item.span = span_of(item_context);
        item.context = build_expr(item_context->expr());
        if (auto* target = item_context->target()) {
            item.target = build_target(target);
            check_target(*item.target, TargetUse::Assign);
        }
        result->items.push_back(std::move(item));
    }
    result->body = build_block(context->block());
    return result;
}

// Python's rules on parameter order, shared by `def` and `lambda`.
class ParameterChecker {
public:
    void add(FunctionInfo& function, Param param, const std::string& name)
    {
        if (!name.empty() && !m_names.insert(name).second)
            throw_syntax_error("duplicate argument '" + name + "' in function definition", param.span);
        if (m_saw_var_keywords)
            throw_syntax_error("arguments cannot follow var-keyword argument", param.span);
        switch (param.kind) {
        case Param::Kind::Positional:
            if (m_keyword_only) {
                param.kind = Param::Kind::KeywordOnly;
                m_bare_star_pending = false;
            } else if (param.default_value) {
                m_saw_default = true;
            } else if (m_saw_default) {
                throw_syntax_error("non-default argument follows default argument", param.span);
            }
            break;
        case Param::Kind::VarArgs:
            if (m_keyword_only)
                throw_syntax_error("* argument may appear only once", param.span);
            m_keyword_only = true;
            break;
        case Param::Kind::VarKeywords:
            if (m_bare_star_pending)
                throw_syntax_error("named arguments must follow bare *", m_bare_star_span);
            m_saw_var_keywords = true;
            break;
        case Param::Kind::KeywordOnly:
            break;
        }
        param.target.name = name;
        function.params.push_back(std::move(param));
    }
    void bare_star(SourceSpan span)
    {
        if (m_keyword_only)
            throw_syntax_error("* argument may appear only once", span);
        m_keyword_only = true;
        m_bare_star_pending = true;
        m_bare_star_span = span;
    }
    void slash(SourceSpan span)
    {
        if (m_keyword_only || m_saw_slash)
            throw_syntax_error("/ must be ahead of *", span);
        m_saw_slash = true;
    }
    void finish()
    {
        if (m_bare_star_pending)
            throw_syntax_error("named arguments must follow bare *", m_bare_star_span);
    }

private:
    std::unordered_set<std::string> m_names;
    bool m_saw_default { false };
    bool m_keyword_only { false };
    bool m_bare_star_pending { false };
    bool m_saw_var_keywords { false };
    bool m_saw_slash { false };
    SourceSpan m_bare_star_span;
};

// parameters: parameter (',' parameter)* ','?
void TreeBuilder::build_parameters(P::ParametersContext* context, FunctionInfo& function)
{
    ParameterChecker checker;
    for (auto* parameter : context->parameter()) {
        Param param;
        param.span = span_of(parameter);
        if (auto* plain = dynamic_cast<P::PlainParamContext*>(parameter)) {
            // NAME (':' annotation)? ('=' default)?: the default is the expr after '='.
            if (plain->ASSIGN())
                param.default_value = build_expr(plain->expr().back());
            checker.add(function, std::move(param), plain->NAME()->getText());
        } else if (auto* star = dynamic_cast<P::StarParamContext*>(parameter)) {
            if (!star->NAME()) {
                checker.bare_star(param.span);
                continue;
            }
            param.kind = Param::Kind::VarArgs;
            checker.add(function, std::move(param), star->NAME()->getText());
        } else if (auto* double_star = dynamic_cast<P::DoubleStarParamContext*>(parameter)) {
            param.kind = Param::Kind::VarKeywords;
            checker.add(function, std::move(param), double_star->NAME()->getText());
        } else {
            checker.slash(param.span);
        }
    }
    checker.finish();
}

// lambda_parameters: lambda_parameter (',' lambda_parameter)* ','?
void TreeBuilder::build_lambda_parameters(P::Lambda_parametersContext* context, FunctionInfo& function)
{
    ParameterChecker checker;
    for (auto* parameter : context->lambda_parameter()) {
        Param param;
        param.span = span_of(parameter);
        if (auto* plain = dynamic_cast<P::PlainLambdaParamContext*>(parameter)) {
            if (auto* value = plain->expr())
                param.default_value = build_expr(value);
            checker.add(function, std::move(param), plain->NAME()->getText());
        } else if (auto* star = dynamic_cast<P::StarLambdaParamContext*>(parameter)) {
            if (!star->NAME()) {
                checker.bare_star(param.span);
                continue;
            }
            param.kind = Param::Kind::VarArgs;
            checker.add(function, std::move(param), star->NAME()->getText());
        } else if (auto* double_star = dynamic_cast<P::DoubleStarLambdaParamContext*>(parameter)) {
            param.kind = Param::Kind::VarKeywords;
            checker.add(function, std::move(param), double_star->NAME()->getText());
        } else {
            checker.slash(param.span);
        }
    }
    checker.finish();
}

} // namespace ramba::ast
