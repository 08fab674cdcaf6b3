// TreeBuilder, expressions: parse tree -> AST expressions (operators, calls, displays, literals).
#include "interpreter/ast/tree_builder.hpp"

#include <unordered_set>

#include "interpreter/ast/literals.hpp"
#include "interpreter/ast/syntax_error.hpp"

namespace ramba::ast {

using antlr4::Token;

// fstring_field: star_or_exprs EOF
ExprPtr TreeBuilder::build_field(P::Fstring_fieldContext* context) { return build_star_or_exprs(context->star_or_exprs()); }

// OPTIMIZATION: the builder dispatches on the shape of the parse tree (child counts, token types)
// rather than dynamic_cast: libstdc++ compares type names with strcmp on every failed cast, which
// made RTTI a sixth of the front end's time (perf, 2000-line file).

// The operator token between the operands of a binary `expr` alternative.
size_t TreeBuilder::operator_after(P::ExprContext* left) const
{
    return m_tokens.get(left->getStop()->getTokenIndex() + 1)->getType();
}

static bool is_comparison(size_t type)
{
    switch (type) {
    case TreeBuilder::P::LESS_THAN: case TreeBuilder::P::GREATER_THAN: case TreeBuilder::P::EQUALS:
    case TreeBuilder::P::GT_EQ: case TreeBuilder::P::LT_EQ: case TreeBuilder::P::NOT_EQ_2:
    case TreeBuilder::P::IN: case TreeBuilder::P::NOT: case TreeBuilder::P::IS:
        return true;
    default:
        return false;
    }
}

// A binary alternative (expr op expr) of `expr`: three children and not a lambda.
static bool is_binary(TreeBuilder::P::ExprContext* context)
{
    return context->children.size() == 3 && context->getStart()->getType() != TreeBuilder::P::LAMBDA;
}

// expr: one left-recursive rule, tightest alternative first (see Ramba.g4)
ExprPtr TreeBuilder::build_expr(P::ExprContext* context)
{
    struct DepthGuard {
        int& depth;
        explicit DepthGuard(int& d) : depth(d) { ++depth; }
        ~DepthGuard() { --depth; }
    } guard(m_expression_depth);
    if (m_expression_depth > max_expression_depth)
        throw RambaError(ErrorKind::RecursionError, "maximum recursion depth exceeded during compilation", span_of(context));

    auto& children = context->children;
    size_t first = context->getStart()->getType();
    if (children.size() == 1)
        return build_primary(static_cast<P::PrimaryContext*>(children[0]));
    // A binary node never starts with `lambda`: a lambda's body takes every operator after it.
    if (first == P::LAMBDA)
        return build_lambda(static_cast<P::LambdaExprContext*>(context));
    if (children.size() == 2) {
        if (first == P::NOT)
            return std::make_unique<UnaryOpExpr>(span_of(context), UnaryOpKind::Not, build_expr(static_cast<P::ExprContext*>(children[1])));
        return build_unary(static_cast<P::UnaryExprContext*>(context));
    }
    if (children.size() == 5) {
        auto result = std::make_unique<IfExpExpr>(span_of(context));
        result->body = build_expr(static_cast<P::ExprContext*>(children[0]));
        result->test = build_expr(static_cast<P::ExprContext*>(children[2]));
        result->orelse = build_expr(static_cast<P::ExprContext*>(children[4]));
        return result;
    }
    size_t op = operator_after(static_cast<P::ExprContext*>(children[0]));
    switch (op) {
    case P::ADD: return build_binary(context, BinOpKind::Add);
    case P::MINUS: return build_binary(context, BinOpKind::Sub);
    case P::STAR: return build_binary(context, BinOpKind::Mul);
    case P::DIV: return build_binary(context, BinOpKind::Div);
    case P::IDIV: return build_binary(context, BinOpKind::FloorDiv);
    case P::MOD: return build_binary(context, BinOpKind::Mod);
    case P::AT: return build_binary(context, BinOpKind::MatMul);
    case P::POWER: return build_binary(context, BinOpKind::Pow);
    case P::LEFT_SHIFT: return build_binary(context, BinOpKind::LShift);
    case P::RIGHT_SHIFT: return build_binary(context, BinOpKind::RShift);
    case P::AND_OP: return build_binary(context, BinOpKind::BitAnd);
    case P::OR_OP: return build_binary(context, BinOpKind::BitOr);
    case P::XOR: return build_binary(context, BinOpKind::BitXor);
    case P::AND: return build_bool_op(context, BoolOpKind::And);
    case P::OR: return build_bool_op(context, BoolOpKind::Or);
    default:
        RAMBA_ASSERT(is_comparison(op), "the remaining binary alternative of expr is a comparison");
        return build_compare(static_cast<P::CompareExprContext*>(context));
    }
}

// expr op expr
ExprPtr TreeBuilder::build_binary(P::ExprContext* context, BinOpKind op)
{
    auto* left = static_cast<P::ExprContext*>(context->children[0]);
    auto* right = static_cast<P::ExprContext*>(context->children[2]);
    return std::make_unique<BinOpExpr>(span_of(context), op, build_expr(left), build_expr(right));
}

// expr 'and' expr / expr 'or' expr: a chain of the same operator becomes one BoolOp.
ExprPtr TreeBuilder::build_bool_op(P::ExprContext* context, BoolOpKind op)
{
    auto result = std::make_unique<BoolOpExpr>(span_of(context), op);
    size_t token = op == BoolOpKind::And ? P::AND : P::OR;
    std::vector<P::ExprContext*> operands;
    P::ExprContext* node = context;
    // Left-associative: ((a or b) or c): walk down the left spine.
    while (is_binary(node) && operator_after(static_cast<P::ExprContext*>(node->children[0])) == token) {
        operands.push_back(static_cast<P::ExprContext*>(node->children[2]));
        node = static_cast<P::ExprContext*>(node->children[0]);
    }
    operands.push_back(node);
    for (size_t i = operands.size(); i-- > 0;)
        result->values.push_back(build_expr(operands[i]));
    return result;
}

static CompareKind compare_kind(TreeBuilder::P::Comp_opContext* op)
{
    using P = TreeBuilder::P;
    auto* first = op->getStart();
    switch (first->getType()) {
    case P::IS: return op->children.size() == 2 ? CompareKind::IsNot : CompareKind::Is;
    case P::NOT: return CompareKind::NotIn;
    case P::IN: return CompareKind::In;
    case P::LESS_THAN: return CompareKind::Lt;
    case P::GREATER_THAN: return CompareKind::Gt;
    case P::EQUALS: return CompareKind::Eq;
    case P::GT_EQ: return CompareKind::GtE;
    case P::LT_EQ: return CompareKind::LtE;
    default: return CompareKind::NotEq;
    }
}

// expr comp_op expr: Python's chained comparison a < b < c is one Compare node.
ExprPtr TreeBuilder::build_compare(P::CompareExprContext* context)
{
    auto result = std::make_unique<CompareExpr>(span_of(context));
    std::vector<P::ExprContext*> chain;
    P::ExprContext* node = context;
    while (is_binary(node) && is_comparison(operator_after(static_cast<P::ExprContext*>(node->children[0])))) {
        chain.push_back(node);
        node = static_cast<P::ExprContext*>(node->children[0]);
    }
    result->left = build_expr(node);
    for (size_t i = chain.size(); i-- > 0;) {
        result->ops.push_back(compare_kind(static_cast<P::Comp_opContext*>(chain[i]->children[1])));
        result->comparators.push_back(build_expr(static_cast<P::ExprContext*>(chain[i]->children[2])));
    }
    return result;
}

// op=('-' | '+' | '~') expr
ExprPtr TreeBuilder::build_unary(P::UnaryExprContext* context)
{
    auto* operand = static_cast<P::ExprContext*>(context->children[1]);
    size_t type = context->op->getType();
    // `-9223372036854775808` is a valid int64 literal only when negated as a whole; an imaginary
    // literal is not folded (-3j is (-0-3j) in Python).
    if (type == P::MINUS && operand->children.size() == 1) {
        auto* primary = static_cast<P::PrimaryContext*>(operand->children[0]);
        Token* number = primary->getStart();
        if (primary->children.size() == 1 && number->getType() == P::NUMBER && (number->getText().back() | 0x20) != 'j') {
            auto result = build_number(number, true);
            result->span = span_of(context);
            return result;
        }
    }
    UnaryOpKind op = type == P::MINUS ? UnaryOpKind::Neg : type == P::ADD ? UnaryOpKind::Pos : UnaryOpKind::Invert;
    return std::make_unique<UnaryOpExpr>(span_of(context), op, build_expr(operand));
}

// 'lambda' lambda_parameters? ':' expr
ExprPtr TreeBuilder::build_lambda(P::LambdaExprContext* context)
{
    auto result = std::make_unique<LambdaExpr>(span_of(context));
    auto function = std::make_shared<FunctionInfo>();
    function->name = "<lambda>";
    function->span = result->span;
    if (auto* parameters = context->lambda_parameters())
        build_lambda_parameters(parameters, *function);
    ExprPtr body = build_expr(context->expr());
    auto ret = std::make_unique<ReturnStmt>(body->span);
    ret->value = std::move(body);
    function->body.push_back(std::move(ret));
    result->function = std::move(function);
    return result;
}

// primary: atom trailer*;  trailer: '(' arglist? ')' | '[' subscripts ']' | '.' NAME
ExprPtr TreeBuilder::build_primary(P::PrimaryContext* context)
{
    auto* atom = context->atom();
    // Each trailer nests the tree one level deeper (a.b.c is Attribute(Attribute(a))).
    if (m_expression_depth + static_cast<int>(context->children.size()) > max_expression_depth)
        throw RambaError(ErrorKind::RecursionError, "maximum recursion depth exceeded during compilation", span_of(context));
    ExprPtr result = build_atom(atom);
    Token* start = atom->getStart();
    for (size_t i = 1; i < context->children.size(); ++i) {
        auto* trailer = static_cast<P::TrailerContext*>(context->children[i]);
        SourceSpan span = span_of(start, trailer->getStop());
        switch (trailer->getStart()->getType()) {
        case P::OPEN_PAREN:
            result = build_call(std::move(result), trailer->arglist(), span);
            break;
        case P::OPEN_BRACK:
            result = std::make_unique<SubscriptExpr>(span, std::move(result), build_subscripts(trailer->subscripts()));
            break;
        default:
            result = std::make_unique<AttributeExpr>(span, std::move(result), trailer->NAME()->getText());
            break;
        }
    }
    return result;
}

// arglist: argument (',' argument)* ','?
ExprPtr TreeBuilder::build_call(ExprPtr func, P::ArglistContext* arglist, SourceSpan span)
{
    auto call = std::make_unique<CallExpr>(span);
    call->func = std::move(func);
    if (!arglist)
        return call;
    std::vector<P::ArgumentContext*> arguments;
    for (size_t i = 0; i < arglist->children.size(); i += 2)
        arguments.push_back(static_cast<P::ArgumentContext*>(arglist->children[i]));
    bool saw_keyword = false, saw_double_star = false;
    std::unordered_set<std::string> keyword_names;
    for (auto* argument : arguments) {
        SourceSpan argument_span = span_of(argument);
        size_t first = argument->getStart()->getType();
        bool is_keyword = first == P::NAME && argument->children.size() == 3
            && m_tokens.get(argument->getStart()->getTokenIndex() + 1)->getType() == P::ASSIGN;
        if (is_keyword) {
            auto* keyword = static_cast<P::KeywordArgumentContext*>(argument);
            std::string name = keyword->NAME()->getText();
            if (!keyword_names.insert(name).second)
                throw_syntax_error("keyword argument repeated: " + name, argument_span);
            saw_keyword = true;
            call->keywords.push_back(Keyword { name, build_expr(static_cast<P::ExprContext*>(keyword->children[2])), argument_span });
        } else if (first == P::STAR) {
            if (saw_double_star)
                throw_syntax_error("iterable argument unpacking follows keyword argument unpacking", argument_span);
            call->args.push_back(std::make_unique<StarredExpr>(argument_span, build_expr(static_cast<P::ExprContext*>(argument->children[1]))));
        } else if (first == P::POWER) {
            saw_double_star = true;
            call->keywords.push_back(Keyword { "", build_expr(static_cast<P::ExprContext*>(argument->children[1])), argument_span });
        } else {
            auto* plain = static_cast<P::PlainArgumentContext*>(argument);
            if (saw_double_star)
                throw_syntax_error("positional argument follows keyword argument unpacking", argument_span);
            if (saw_keyword)
                throw_syntax_error("positional argument follows keyword argument", argument_span);
            if (plain->children.size() == 2) {
                auto* comp_for = static_cast<P::Comp_forContext*>(plain->children[1]);
                if (arguments.size() > 1)
                    throw_syntax_error("Generator expression must be parenthesized", argument_span);
                call->args.push_back(build_generator_expression(build_expr(static_cast<P::ExprContext*>(plain->children[0])), comp_for, argument_span));
                continue;
            }
            call->args.push_back(build_expr(static_cast<P::ExprContext*>(plain->children[0])));
        }
    }
    return call;
}

// subscripts: subscript (',' subscript)* ','?
ExprPtr TreeBuilder::build_subscripts(P::SubscriptsContext* context)
{
    if (context->children.size() == 1)
        return build_subscript(static_cast<P::SubscriptContext*>(context->children[0]));
    auto tuple = std::make_unique<TupleExpr>(span_of(context));
    for (size_t i = 0; i < context->children.size(); i += 2)
        tuple->elements.push_back(build_subscript(static_cast<P::SubscriptContext*>(context->children[i])));
    return tuple;
}

// subscript: '*' expr | expr slice_tail? | slice_tail;  slice_tail: ':' expr? (':' expr?)?
ExprPtr TreeBuilder::build_subscript(P::SubscriptContext* context)
{
    SourceSpan span = span_of(context);
    size_t first = context->getStart()->getType();
    if (first == P::STAR)
        return std::make_unique<StarredExpr>(span, build_expr(static_cast<P::ExprContext*>(context->children[1])));
    if (first != P::COLON && context->children.size() == 1)
        return build_expr(static_cast<P::ExprContext*>(context->children[0]));
    auto slice = std::make_unique<SliceExpr>(span);
    auto* tail = static_cast<P::Slice_tailContext*>(context->children.back());
    if (first != P::COLON)
        slice->lower = build_expr(static_cast<P::ExprContext*>(context->children[0]));
    int colons = 0;
    for (auto* child : tail->children) {
        // An expression never starts with ':', so a child starting with one is the ':' itself.
        if (m_tokens.get(child->getSourceInterval().a)->getType() == P::COLON)
            ++colons;
        else
            (colons == 1 ? slice->upper : slice->step) = build_expr(static_cast<P::ExprContext*>(child));
    }
    return slice;
}

// (element for target in iterable ...): the hidden generator function described at GeneratorExpExpr.
ExprPtr TreeBuilder::build_generator_expression(ExprPtr element, P::Comp_forContext* comp_for, SourceSpan span)
{
    auto comprehension = std::make_unique<ListCompExpr>(span);
    comprehension->result = ListCompExpr::Result::Yield;
    comprehension->element = std::move(element);
    build_comp_for(comp_for, comprehension->generators);
    auto result = std::make_unique<GeneratorExpExpr>(span);
    result->iterable = std::move(comprehension->generators[0].iter);
    comprehension->generators[0].iter = std::make_unique<NameExpr>(result->iterable->span, ".0");
    auto function = std::make_shared<FunctionInfo>();
    function->name = "<genexpr>";
    function->span = span;
    Param iterator;
    iterator.target.name = ".0";
    iterator.span = result->iterable->span;
    function->params.push_back(std::move(iterator));
    function->body.push_back(std::make_unique<ExprStmt>(span, std::move(comprehension)));
    function->is_generator = true;
    result->function = std::move(function);
    return result;
}

// yield_expr: 'yield' ('from' expr | star_or_exprs)?
ExprPtr TreeBuilder::build_yield(P::Yield_exprContext* context)
{
    auto result = std::make_unique<YieldExpr>(span_of(context));
    if (auto* value = context->expr()) {
        result->from = true;
        result->value = build_expr(value);
    } else if (auto* values = context->star_or_exprs()) {
        if (values->yield_expr())
            throw_syntax_error("invalid syntax", span_of(values));
        result->value = build_star_or_exprs(values);
        if (result->value->kind == ExprKind::Starred)
            throw_syntax_error("can't use starred expression here", result->value->span);
    }
    return result;
}

// star_or_exprs: yield_expr | star_or_expr (',' star_or_expr)* ','?  (a tuple when there is a comma)
ExprPtr TreeBuilder::build_star_or_exprs(P::Star_or_exprsContext* context)
{
    if (auto* yield = context->yield_expr())
        return build_yield(yield);
    if (context->children.size() == 1)
        return build_star_or_expr(static_cast<P::Star_or_exprContext*>(context->children[0]));
    auto tuple = std::make_unique<TupleExpr>(span_of(context));
    for (size_t i = 0; i < context->children.size(); i += 2)
        tuple->elements.push_back(build_star_or_expr(static_cast<P::Star_or_exprContext*>(context->children[i])));
    return tuple;
}

// star_or_expr: '*' expr | expr
ExprPtr TreeBuilder::build_star_or_expr(P::Star_or_exprContext* context)
{
    if (context->children.size() == 2)
        return std::make_unique<StarredExpr>(span_of(context), build_expr(static_cast<P::ExprContext*>(context->children[1])));
    return build_expr(static_cast<P::ExprContext*>(context->children[0]));
}

// target_list: target (',' target)* ','?
ExprPtr TreeBuilder::build_target_list(P::Target_listContext* context)
{
    if (context->children.size() == 1)
        return build_target(static_cast<P::TargetContext*>(context->children[0]));
    auto tuple = std::make_unique<TupleExpr>(span_of(context));
    for (size_t i = 0; i < context->children.size(); i += 2)
        tuple->elements.push_back(build_target(static_cast<P::TargetContext*>(context->children[i])));
    return tuple;
}

// target: '*' target | primary
ExprPtr TreeBuilder::build_target(P::TargetContext* context)
{
    if (context->children.size() == 2)
        return std::make_unique<StarredExpr>(span_of(context), build_target(static_cast<P::TargetContext*>(context->children[1])));
    return build_primary(static_cast<P::PrimaryContext*>(context->children[0]));
}

// comp_for: 'for' target_list 'in' expr comp_if* comp_for?
void TreeBuilder::build_comp_for(P::Comp_forContext* context, std::vector<Comprehension>& out)
{
    for (; context; context = context->comp_for()) {
        Comprehension generator;
        generator.target = build_target_list(context->target_list());
        check_target(*generator.target, TargetUse::For);
        generator.iter = build_expr(context->expr());
        for (auto* condition : context->comp_if())
            generator.ifs.push_back(build_expr(condition->expr()));
        out.push_back(std::move(generator));
    }
}

// testlist_comp: star_or_expr (comp_for | (',' star_or_expr)* ','?), inside () or []
ExprPtr TreeBuilder::build_testlist_comp(P::Testlist_compContext* context, ExprKind display, SourceSpan span)
{
    auto& children = context->children;
    auto* first = static_cast<P::Star_or_exprContext*>(children[0]);
    if (children.size() == 2 && m_tokens.get(children[1]->getSourceInterval().a)->getType() == P::FOR) {
        ExprPtr element = build_star_or_expr(first);
        if (element->kind == ExprKind::Starred)
            throw_syntax_error("iterable unpacking cannot be used in comprehension", element->span);
        if (display == ExprKind::Tuple)
            return build_generator_expression(std::move(element), static_cast<P::Comp_forContext*>(children[1]), span);
        auto comprehension = std::make_unique<ListCompExpr>(span);
        comprehension->element = std::move(element);
        build_comp_for(static_cast<P::Comp_forContext*>(children[1]), comprehension->generators);
        return comprehension;
    }
    if (display == ExprKind::Tuple && children.size() == 1) {
        ExprPtr inner = build_star_or_expr(first);
        if (inner->kind == ExprKind::Starred)
            throw_syntax_error("cannot use starred expression here", inner->span);
        return inner;
    }
    // star_or_expr (',' star_or_expr)* ','?: the items sit at the even positions.
    std::vector<ExprPtr> elements;
    for (size_t i = 0; i < children.size(); i += 2)
        elements.push_back(build_star_or_expr(static_cast<P::Star_or_exprContext*>(children[i])));
    if (display == ExprKind::Tuple) {
        auto tuple = std::make_unique<TupleExpr>(span);
        tuple->elements = std::move(elements);
        return tuple;
    }
    auto list = std::make_unique<ListExpr>(span);
    list->elements = std::move(elements);
    return list;
}

// dictmaker: dict_item (comp_for | (',' dict_item)* ','?);  dict_item: '**' expr | '*' expr | expr (':' expr)?
ExprPtr TreeBuilder::build_dict(P::DictmakerContext* context, SourceSpan span)
{
    auto items = context->dict_item();
    size_t set_items = 0;
    for (auto* item : items)
        if (!item->COLON() && !item->POWER())
            ++set_items;
    if (set_items > 0) {
        if (set_items != items.size())
            throw_syntax_error("invalid syntax", span);
        // {element for ...} / {a, *b}
        if (auto* comp_for = context->comp_for()) {
            if (items[0]->STAR())
                throw_syntax_error("iterable unpacking cannot be used in comprehension", span_of(items[0]));
            auto comprehension = std::make_unique<ListCompExpr>(span);
            comprehension->result = ListCompExpr::Result::Set;
            comprehension->element = build_expr(items[0]->expr(0));
            build_comp_for(comp_for, comprehension->generators);
            return comprehension;
        }
        auto set = std::make_unique<SetExpr>(span);
        for (auto* item : items) {
            ExprPtr element = build_expr(item->expr(0));
            if (item->STAR())
                element = std::make_unique<StarredExpr>(span_of(item), std::move(element));
            set->elements.push_back(std::move(element));
        }
        return set;
    }
    if (auto* comp_for = context->comp_for()) {
        if (!items[0]->COLON())
            throw_syntax_error("dict unpacking cannot be used in dict comprehension", span_of(items[0]));
        auto comprehension = std::make_unique<ListCompExpr>(span);
        comprehension->element = build_expr(items[0]->expr(0));
        comprehension->result = ListCompExpr::Result::Dict;
        comprehension->value = build_expr(items[0]->expr(1));
        build_comp_for(comp_for, comprehension->generators);
        return comprehension;
    }
    auto dict = std::make_unique<DictExpr>(span);
    for (auto* item : items) {
        if (item->POWER()) {
            dict->keys.push_back(nullptr);
            dict->values.push_back(build_expr(item->expr(0)));
        } else {
            dict->keys.push_back(build_expr(item->expr(0)));
            dict->values.push_back(build_expr(item->expr(1)));
        }
    }
    return dict;
}

ExprPtr TreeBuilder::build_number(Token* token, bool negated)
{
    SourceSpan span = span_of(token);
    NumberLiteral number = decode_number(token->getText(), negated, span);
    auto result = std::make_unique<ConstantExpr>(span);
    switch (number.type) {
    case NumberLiteral::Type::Int:
        result->type = ConstantExpr::Type::Int;
        result->int_value = number.int_value;
        break;
    case NumberLiteral::Type::BigInt:
        result->type = ConstantExpr::Type::BigInt;
        result->str_value = std::move(number.big_digits);
        result->int_value = number.base;
        result->bool_value = negated;
        break;
    case NumberLiteral::Type::Float:
        result->type = ConstantExpr::Type::Float;
        result->float_value = number.float_value;
        break;
    case NumberLiteral::Type::Imaginary:
        result->type = ConstantExpr::Type::Imaginary;
        result->float_value = number.float_value;
        break;
    }
    return result;
}

// atom: '(' testlist_comp? ')' | '[' testlist_comp? ']' | '{' dictmaker? '}' | NAME | NUMBER | STRING+ | ...
ExprPtr TreeBuilder::build_atom(P::AtomContext* context)
{
    SourceSpan span = span_of(context);
    Token* first = context->getStart();
    bool empty_display = context->children.size() == 2;
    switch (first->getType()) {
    case P::NAME: {
        std::string name = first->getText();
        // Python keywords ramba does not support lex as names; using one is still an error.
        if (name == "async" || name == "await")
            throw_syntax_error("'" + name + "' is not supported in ramba", span);
        return std::make_unique<NameExpr>(span, std::move(name));
    }
    case P::NUMBER:
        return build_number(first, false);
    case P::STRING:
        return build_strings(static_cast<P::StringAtomContext*>(context));
    case P::OPEN_PAREN:
        if (auto* yield = dynamic_cast<P::YieldAtomContext*>(context))
            return build_yield(yield->yield_expr());
        if (empty_display)
            return std::make_unique<TupleExpr>(span);
        return build_testlist_comp(static_cast<P::Testlist_compContext*>(context->children[1]), ExprKind::Tuple, span);
    case P::OPEN_BRACK:
        if (empty_display)
            return std::make_unique<ListExpr>(span);
        return build_testlist_comp(static_cast<P::Testlist_compContext*>(context->children[1]), ExprKind::List, span);
    case P::OPEN_BRACE:
        if (empty_display)
            return std::make_unique<DictExpr>(span);
        return build_dict(static_cast<P::DictmakerContext*>(context->children[1]), span);
    default:
        break;
    }
    auto constant = std::make_unique<ConstantExpr>(span);
    switch (first->getType()) {
    case P::NONE:
        constant->type = ConstantExpr::Type::None;
        break;
    case P::TRUE:
        constant->type = ConstantExpr::Type::Bool;
        constant->bool_value = true;
        break;
    case P::FALSE:
        constant->type = ConstantExpr::Type::Bool;
        constant->bool_value = false;
        break;
    default:
        constant->type = ConstantExpr::Type::Ellipsis;
        break;
    }
    return constant;
}

// STRING+: adjacent literals concatenate; any f-string among them makes the whole an FString.
ExprPtr TreeBuilder::build_strings(P::StringAtomContext* context)
{
    SourceSpan span = span_of(context);
    bool any_fstring = false;
    for (auto* child : context->children) {
        auto* token = static_cast<antlr4::tree::TerminalNode*>(child)->getSymbol();
        const std::string& text = token->getText();
        for (char c : text) {
            if (c == '\'' || c == '"')
                break;
            if ((c | 0x20) == 'f')
                any_fstring = true;
        }
    }
    // b'' literals: all or none of the adjacent literals (Python's SyntaxError otherwise).
    size_t bytes_count = 0;
    for (auto* child : context->children) {
        auto* token = static_cast<antlr4::tree::TerminalNode*>(child)->getSymbol();
        if (split_string_token(token->getText(), span_of(token)).is_bytes)
            ++bytes_count;
    }
    if (bytes_count != 0 && bytes_count != context->children.size())
        throw_syntax_error("cannot mix bytes and nonbytes literals", span);
    if (!any_fstring) {
        auto constant = std::make_unique<ConstantExpr>(span);
        constant->type = bytes_count ? ConstantExpr::Type::Bytes : ConstantExpr::Type::Str;
        for (auto* child : context->children) {
            auto* token = static_cast<antlr4::tree::TerminalNode*>(child)->getSymbol();
            SourceSpan token_span = span_of(token);
            StringLiteral literal = split_string_token(token->getText(), token_span);
            if (literal.is_bytes)
                constant->str_value += decode_bytes_literal(literal.body, literal.is_raw, token_span);
            else
                constant->str_value += literal.is_raw ? literal.body : decode_escapes(literal.body, token_span);
        }
        return constant;
    }
    auto fstring = std::make_unique<FStringExpr>(span);
    for (auto* child : context->children)
        append_fstring(fstring->parts, static_cast<antlr4::tree::TerminalNode*>(child)->getSymbol());
    return fstring;
}

} // namespace ramba::ast
