// TreeBuilder: converts one ANTLR parse tree into ramba's AST (names not yet resolved).
// Pipeline: ParseSession (parse tree) -> TreeBuilder (here) -> resolver -> eval/. The last place
// ANTLR types are seen.
#pragma once

#include <RambaParser.h>

#include "interpreter/ast/ast.hpp"
#include "interpreter/ast/parse_session.hpp"

namespace ramba::ast {

class TreeBuilder {
public:
    using P = ramba_grammar::RambaParser;

    TreeBuilder(antlr4::TokenStream& tokens, SourceOffset offset)
        : m_tokens(tokens)
        , m_offset(offset)
    {
    }

    Block build_file(P::File_inputContext*);
    ExprPtr build_field(P::Fstring_fieldContext*);

private:
    // Statements (tree_builder.cpp)
    void build_stmt(P::StmtContext*, Block& out);
    void build_simple_stmts(P::Simple_stmtsContext*, Block& out);
    StmtPtr build_simple_stmt(P::Simple_stmtContext*);
    StmtPtr build_expr_stmt(P::Expr_stmtContext*);
    StmtPtr build_import_name(P::Import_nameContext*);
    StmtPtr build_import_from(P::Import_fromContext*);
    StmtPtr build_compound_stmt(P::Compound_stmtContext*);
    StmtPtr build_if(P::If_stmtContext*);
    StmtPtr build_elif_chain(const std::vector<P::Elif_clauseContext*>&, size_t index, P::Else_clauseContext*);
    StmtPtr build_try(P::Try_stmtContext*);
    StmtPtr build_funcdef(P::FuncdefContext*, std::vector<ExprPtr> decorators, SourceSpan span);
    StmtPtr build_classdef(P::ClassdefContext*, std::vector<ExprPtr> decorators, SourceSpan span);
    StmtPtr build_with(P::With_stmtContext*);
    Block build_block(P::BlockContext*);
    void build_parameters(P::ParametersContext*, FunctionInfo&);
    void build_lambda_parameters(P::Lambda_parametersContext*, FunctionInfo&);

    // Expressions (tree_builder_expr.cpp)
    ExprPtr build_expr(P::ExprContext*);
    ExprPtr build_binary(P::ExprContext*, BinOpKind);
    size_t operator_after(P::ExprContext* left) const;
    ExprPtr build_compare(P::CompareExprContext*);
    ExprPtr build_bool_op(P::ExprContext*, BoolOpKind);
    ExprPtr build_unary(P::UnaryExprContext*);
    ExprPtr build_lambda(P::LambdaExprContext*);
    ExprPtr build_primary(P::PrimaryContext*);
    ExprPtr build_call(ExprPtr func, P::ArglistContext*, SourceSpan span);
    ExprPtr build_subscripts(P::SubscriptsContext*);
    ExprPtr build_subscript(P::SubscriptContext*);
    ExprPtr build_atom(P::AtomContext*);
    ExprPtr build_yield(P::Yield_exprContext*);
    ExprPtr build_generator_expression(ExprPtr element, P::Comp_forContext*, SourceSpan);
    ExprPtr build_number(antlr4::Token*, bool negated);
    ExprPtr build_strings(P::StringAtomContext*);
    ExprPtr build_star_or_exprs(P::Star_or_exprsContext*);
    ExprPtr build_star_or_expr(P::Star_or_exprContext*);
    ExprPtr build_target_list(P::Target_listContext*);
    ExprPtr build_target(P::TargetContext*);
    ExprPtr build_testlist_comp(P::Testlist_compContext*, ExprKind display, SourceSpan span);
    ExprPtr build_dict(P::DictmakerContext*, SourceSpan span);
    void build_comp_for(P::Comp_forContext*, std::vector<Comprehension>& out);

    // F-strings (fstring.cpp)
    void append_fstring(std::vector<FStringPart>& parts, antlr4::Token*);
    size_t parse_fstring_parts(const std::string& body, size_t position, bool raw, bool in_format_spec,
        uint32_t body_line, uint32_t body_column, std::vector<FStringPart>& parts);
    ExprPtr parse_fstring_field(const std::string& text, uint32_t line, uint32_t column);

    // Positions
    SourceSpan span_of(antlr4::ParserRuleContext*) const;
    SourceSpan span_of(antlr4::Token* start, antlr4::Token* stop) const;
    SourceSpan span_of(antlr4::Token*) const;
    SourceSpan span_of(antlr4::tree::TerminalNode* node) const { return span_of(node->getSymbol()); }

    antlr4::TokenStream& m_tokens;
    SourceOffset m_offset;
    // Expression nesting: `1+1+...+1` parses without recursion but builds a deep tree, which every
    // later pass walks recursively. CPython stops between 1000 and 3000 levels too.
    int m_expression_depth { 0 };
    // The annotations of the class body being built (null inside functions and outside classes).
    std::vector<std::pair<std::string, ExprPtr>>* m_class_annotations { nullptr };
    static constexpr int max_expression_depth = 2000;
};

// The checks Python makes on assignment, augmented assignment, `del` and `for` targets, with its
// messages ("cannot assign to function call here. Maybe you meant '==' instead of '='?").
enum class TargetUse { Assign, AugAssign, Delete, For };
void check_target(const Expr&, TargetUse);

} // namespace ramba::ast
