// ParseSession: SLL-then-LL parsing and the translation of ANTLR's errors into Python's words.
#include "interpreter/ast/parse_session.hpp"

#include <cstdio>

#include "interpreter/ast/syntax_error.hpp"

namespace ramba::ast {

using antlr4::Token;
using ramba_grammar::RambaParser;

namespace {

bool ends_expression(size_t type)
{
    switch (type) {
    case RambaParser::NAME: case RambaParser::NUMBER: case RambaParser::STRING:
    case RambaParser::CLOSE_PAREN: case RambaParser::CLOSE_BRACK: case RambaParser::CLOSE_BRACE:
    case RambaParser::NONE: case RambaParser::TRUE: case RambaParser::FALSE: case RambaParser::ELLIPSIS:
        return true;
    default:
        return false;
    }
}

bool starts_expression(size_t type)
{
    switch (type) {
    case RambaParser::NAME: case RambaParser::NUMBER: case RambaParser::STRING:
    case RambaParser::OPEN_PAREN: case RambaParser::OPEN_BRACK: case RambaParser::OPEN_BRACE:
    case RambaParser::NONE: case RambaParser::TRUE: case RambaParser::FALSE: case RambaParser::ELLIPSIS:
    case RambaParser::LAMBDA: case RambaParser::NOT: case RambaParser::MINUS: case RambaParser::ADD: case RambaParser::NOT_OP:
        return true;
    default:
        return false;
    }
}

bool is_line_boundary(size_t type)
{
    return type == RambaParser::NEWLINE || type == RambaParser::INDENT || type == RambaParser::DEDENT;
}

// Python names the block a missing indentation belongs to after the header's keyword.
std::string block_owner(size_t keyword_type)
{
    switch (keyword_type) {
    case RambaParser::IF: return "'if' statement";
    case RambaParser::ELIF: return "'elif' statement";
    case RambaParser::ELSE: return "'else' statement";
    case RambaParser::WHILE: return "'while' statement";
    case RambaParser::FOR: return "'for' statement";
    case RambaParser::TRY: return "'try' statement";
    case RambaParser::EXCEPT: return "'except' statement";
    case RambaParser::FINALLY: return "'finally' statement";
    case RambaParser::DEF: return "function definition";
    case RambaParser::CLASS: return "class definition";
    case RambaParser::WITH: return "'with' statement";
    default: return "statement";
    }
}

bool in_compound_header(antlr4::RuleContext* context)
{
    for (; context; context = static_cast<antlr4::RuleContext*>(context->parent)) {
        switch (context->getRuleIndex()) {
        case RambaParser::RuleIf_stmt: case RambaParser::RuleElif_clause: case RambaParser::RuleElse_clause:
        case RambaParser::RuleWhile_stmt: case RambaParser::RuleFor_stmt: case RambaParser::RuleTry_stmt:
        case RambaParser::RuleExcept_clause: case RambaParser::RuleFinally_clause: case RambaParser::RuleFuncdef:
        case RambaParser::RuleClassdef: case RambaParser::RuleWith_stmt:
            return true;
        case RambaParser::RuleBlock: case RambaParser::RuleStmt: case RambaParser::RuleLambda_parameters:
        case RambaParser::RuleAtom: case RambaParser::RuleTrailer:
            return false;
        default:
            break;
        }
    }
    return false;
}

SourceSpan end_of(const Token* token, SourceOffset offset)
{
    std::string text = token->getText();
    size_t line = token->getLine();
    size_t column = token->getCharPositionInLine();
    for (unsigned char c : text) {
        if (c == '\n') {
            ++line;
            column = 0;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return offset.point(line, column);
}

class ErrorListener final : public antlr4::BaseErrorListener {
public:
    explicit ErrorListener(SourceOffset offset) : m_offset(offset) { }

    void syntaxError(antlr4::Recognizer* recognizer, Token* offending, size_t, size_t, const std::string&, std::exception_ptr) override
    {
        auto* parser = static_cast<antlr4::Parser*>(recognizer);
        auto* tokens = static_cast<antlr4::BufferedTokenStream*>(parser->getTokenStream());
        size_t type = offending->getType();
        SourceSpan at = m_offset.point(offending->getLine(), offending->getCharPositionInLine());
        size_t index = offending->getTokenIndex();
        const Token* previous = index > 0 ? tokens->get(index - 1) : nullptr;
        antlr4::misc::IntervalSet expected = parser->getExpectedTokens();

        if (type == RambaParser::INDENT)
            throw RambaError(ErrorKind::IndentationError, "unexpected indent", at);
        if (expected.contains(static_cast<size_t>(RambaParser::INDENT))) {
            size_t start = index >= 2 ? index - 2 : 0;
            while (start > 0 && !is_line_boundary(tokens->get(start - 1)->getType()))
                --start;
            const Token* keyword = tokens->get(start);
            std::string message = "expected an indented block after " + block_owner(keyword->getType()) + " on line "
                + std::to_string(keyword->getLine() + m_offset.line);
            if (type == Token::EOF || type == RambaParser::DEDENT)
                throw IncompleteInput(ErrorKind::IndentationError, message, at);
            throw RambaError(ErrorKind::IndentationError, message, at);
        }
        if (previous && previous->getType() == RambaParser::NAME) {
            std::string word = previous->getText();
            bool starts_line = index < 2 || is_line_boundary(tokens->get(index - 2)->getType());
            if (word == "print" && starts_line && starts_expression(type))
                throw_syntax_error("Missing parentheses in call to 'print'. Did you mean print(...)?",
                    m_offset.point(previous->getLine(), previous->getCharPositionInLine()));
            if (word == "async" || word == "await")
                throw_syntax_error("'" + word + "' is not supported in ramba", m_offset.point(previous->getLine(), previous->getCharPositionInLine()));
        }
        if (expected.contains(static_cast<size_t>(RambaParser::EXCEPT)) && expected.contains(static_cast<size_t>(RambaParser::FINALLY)))
            throw_error(type, "expected 'except' or 'finally' block", at);
        if (expected.contains(static_cast<size_t>(RambaParser::ELSE)) && find_if_expression(parser->getContext())) {
            auto* context = find_if_expression(parser->getContext());
            throw_syntax_error("expected 'else' after 'if' expression",
                m_offset.point(context->getStart()->getLine(), context->getStart()->getCharPositionInLine()));
        }
        // Prediction rejects the `if` of `a = 1 if b` at once: it has looked ahead for the `else`.
        if (type == RambaParser::IF && previous && ends_expression(previous->getType()))
            throw_syntax_error("expected 'else' after 'if' expression", m_offset.point(previous->getLine(), previous->getCharPositionInLine()));
        if (type == RambaParser::ASSIGN && previous && ends_expression(previous->getType()) && in_condition(parser->getContext()))
            throw_syntax_error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                m_offset.point(previous->getLine(), previous->getCharPositionInLine()));
        if (type == RambaParser::NEWLINE && expected.contains(static_cast<size_t>(RambaParser::COLON)) && previous && in_compound_header(parser->getContext()))
            throw_syntax_error("expected ':'", end_of(previous, m_offset));
        const Token* open = unclosed_bracket(*tokens, index);
        bool forgot_comma = open && previous && ends_expression(previous->getType()) && starts_expression(type)
            && !in_rule(parser->getContext(), RambaParser::RuleFuncdef);
        // CPython: a bracket open at the error and never closed is the likelier cause, unless the
        // error sits on the bracket's own line; other tokenizer errors later in the input win too.
        try {
            tokens->fill();
        } catch (IncompleteInput& unclosed) {
            // The error is before the end, so no further line can fix the input: a plain syntax
            // error (the REPL reports it instead of asking for more lines).
            if (open && (forgot_comma || offending->getLine() > open->getLine()))
                throw_syntax_error(unclosed.message(), unclosed.span());
        }
        if (forgot_comma)
            throw_syntax_error("invalid syntax. Perhaps you forgot a comma?", m_offset.point(previous->getLine(), previous->getCharPositionInLine()));
        throw_error(type, "invalid syntax", at);
    }

private:
    // At the end of the input a longer input could still be valid (the REPL asks for more lines).
    [[noreturn]] static void throw_error(size_t type, std::string message, SourceSpan at)
    {
        if (type == Token::EOF)
            throw IncompleteInput(ErrorKind::SyntaxError, std::move(message), at);
        throw_syntax_error(std::move(message), at);
    }

    // The condition of `if`, `elif` or `while`, where `=` was likely meant as `==`.
    static bool in_condition(antlr4::RuleContext* context)
    {
        for (; context; context = static_cast<antlr4::RuleContext*>(context->parent)) {
            size_t rule = context->getRuleIndex();
            if (rule == RambaParser::RuleIf_stmt || rule == RambaParser::RuleElif_clause || rule == RambaParser::RuleWhile_stmt)
                return true;
            if (rule == RambaParser::RuleBlock || rule == RambaParser::RuleAtom)
                return false;
        }
        return false;
    }

    static bool in_rule(antlr4::RuleContext* context, size_t rule)
    {
        for (; context; context = static_cast<antlr4::RuleContext*>(context->parent))
            if (context->getRuleIndex() == rule)
                return true;
        return false;
    }

    static antlr4::ParserRuleContext* find_if_expression(antlr4::ParserRuleContext* context)
    {
        for (; context; context = dynamic_cast<antlr4::ParserRuleContext*>(context->parent)) {
            if (dynamic_cast<RambaParser::IfExprContext*>(context))
                return context;
            if (!dynamic_cast<RambaParser::ExprContext*>(context))
                return nullptr;
        }
        return nullptr;
    }

    // The innermost bracket still open at `index` (brackets never span logical lines).
    static const Token* unclosed_bracket(antlr4::BufferedTokenStream& tokens, size_t index)
    {
        int depth = 0;
        for (size_t i = index; i-- > 0;) {
            const Token* token = tokens.get(i);
            size_t type = token->getType();
            if (is_line_boundary(type))
                break;
            if (type == RambaParser::OPEN_PAREN || type == RambaParser::OPEN_BRACK || type == RambaParser::OPEN_BRACE) {
                if (depth == 0)
                    return token;
                --depth;
            } else if (type == RambaParser::CLOSE_PAREN || type == RambaParser::CLOSE_BRACK || type == RambaParser::CLOSE_BRACE) {
                ++depth;
            }
        }
        return nullptr;
    }

    SourceOffset m_offset;
};

} // namespace

// The text the lexer sees: without a UTF-8 byte order mark (editors on some systems write one;
// Python ignores it), and checked to be valid UTF-8 without NUL bytes, as CPython requires (the
// ANTLR runtime would throw std::range_error on malformed UTF-8).
static std::string checked_source(const std::string& text)
{
    size_t begin = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
    size_t line = 1, column = 1;
    for (size_t i = begin; i < text.size();) {
        unsigned char lead = static_cast<unsigned char>(text[i]);
        if (lead == 0)
            throw_syntax_error("source code cannot contain null bytes", point_span(line, column));
        size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        bool valid = length != 0 && i + length <= text.size() && !(length == 2 && lead < 0xC2);
        for (size_t k = 1; valid && k < length; ++k)
            valid = (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
        if (!valid) {
            char hex[8];
            std::snprintf(hex, sizeof hex, "\\x%02x", lead);
            throw_syntax_error(std::string("Non-UTF-8 code starting with '") + hex + "' on line " + std::to_string(line),
                point_span(line, column));
        }
        if (lead == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
    return begin ? text.substr(begin) : text;
}

// The parser may use this much of the stack (the main thread has 8 MB); CPython's own limit on
// expression nesting is of the same order.
static constexpr size_t parser_stack_budget = 3 * 1024 * 1024;

void GuardedParser::start_guard()
{
    char marker;
    m_stack_base = reinterpret_cast<uintptr_t>(&marker);
}

void GuardedParser::check_stack()
{
    char marker;
    if (m_stack_base && m_stack_base - reinterpret_cast<uintptr_t>(&marker) > parser_stack_budget)
        throw RambaError(ErrorKind::RecursionError, "maximum recursion depth exceeded during compilation",
            point_span(getCurrentToken()->getLine(), getCurrentToken()->getCharPositionInLine() + 1));
}

void GuardedParser::enterRule(antlr4::ParserRuleContext* context, size_t state, size_t rule_index)
{
    check_stack();
    RambaParser::enterRule(context, state, rule_index);
}

void GuardedParser::enterRecursionRule(antlr4::ParserRuleContext* context, size_t state, size_t rule_index, int precedence)
{
    check_stack();
    RambaParser::enterRecursionRule(context, state, rule_index, precedence);
}

ParseSession::ParseSession(const std::string& text, IndentingLexer::Mode mode, SourceOffset offset)
    : m_input(checked_source(text))
    , m_lexer(&m_input, mode, offset)
    , m_tokens(&m_lexer)
    , m_parser(&m_tokens)
    , m_offset(offset)
    , m_listener(std::make_unique<ErrorListener>(offset))
{
}

ParseSession::~ParseSession() = default;

template<typename Rule>
auto ParseSession::parse(Rule rule)
{
    // OPTIMIZATION: SLL prediction is enough for nearly every input and much cheaper than LL; only a
    // failure (a real error or an SLL weakness) reparses with full LL and the error reporting.
    m_parser.start_guard();
    auto* interpreter = m_parser.getInterpreter<antlr4::atn::ParserATNSimulator>();
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::SLL);
    m_parser.removeErrorListeners();
    m_parser.setErrorHandler(std::make_shared<antlr4::BailErrorStrategy>());
    try {
        return (m_parser.*rule)();
    } catch (antlr4::ParseCancellationException&) {
    }
    m_tokens.seek(0);
    m_parser.reset();
    interpreter->setPredictionMode(antlr4::atn::PredictionMode::LL);
    m_parser.setErrorHandler(std::make_shared<antlr4::DefaultErrorStrategy>());
    m_parser.addErrorListener(m_listener.get());
    return (m_parser.*rule)();
}

RambaParser::File_inputContext* ParseSession::parse_file() { return parse(&RambaParser::file_input); }
RambaParser::Fstring_fieldContext* ParseSession::parse_field() { return parse(&RambaParser::fstring_field); }

} // namespace ramba::ast
