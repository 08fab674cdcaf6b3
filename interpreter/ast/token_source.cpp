// IndentingLexer: turns physical lines into Python's logical lines (see token_source.hpp).
#include "interpreter/ast/token_source.hpp"

#include <cstdio>

#include <RambaParser.h>
#include <antlr4-runtime.h>

#include "interpreter/ast/syntax_error.hpp"

namespace ramba::ast {

using antlr4::Token;
using ramba_grammar::RambaLexer;

IndentingLexer::IndentingLexer(antlr4::CharStream* input, Mode mode, SourceOffset offset)
    : RambaLexer(input)
    , m_mode(mode)
    , m_offset(offset)
{
    removeErrorListeners();
}

std::unique_ptr<Token> IndentingLexer::make_token(size_t type, const std::string& text, size_t line, size_t column, size_t index)
{
    // Synthetic tokens cover no characters: stop < start keeps getText() from reading the input.
    return _factory->create({ this, _input }, type, text, Token::DEFAULT_CHANNEL, index, index - 1, line, column);
}

std::unique_ptr<Token> IndentingLexer::nextToken()
{
    while (m_pending.empty()) {
        if (m_finished)
            return make_token(Token::EOF, "<EOF>", getLine(), getCharPositionInLine(), _input->index());
        auto token = RambaLexer::nextToken();
        size_t type = token->getType();
        if (type == RambaLexer::NEWLINE) {
            // Python joins lines inside brackets and drops blank lines (and comment-only lines).
            if (m_mode == Mode::Field || !m_brackets.empty() || m_at_line_start)
                continue;
            m_at_line_start = true;
            m_pending.push_back(std::move(token));
            break;
        }
        if (type == Token::EOF) {
            finish_input(token->getLine(), token->getCharPositionInLine(), token->getStartIndex());
            m_pending.push_back(std::move(token));
            break;
        }
        if (m_mode == Mode::Module && m_at_line_start)
            handle_indentation(*token);
        check_number_suffix(*token);
        if (token->getType() == ramba_grammar::RambaParser::NUMBER)
        {
            m_previous_text = token->getText();
            m_previous_span = at(token->getLine(), token->getCharPositionInLine());
        }
        track_bracket(*token);
        m_pending.push_back(std::move(token));
    }
    auto token = std::move(m_pending.front());
    m_pending.pop_front();
    return token;
}

// Python: tabs advance to the next multiple of `tab_size`, a form feed resets the count.
static size_t indentation_width(const std::string& leading, size_t tab_size)
{
    size_t width = 0;
    for (char c : leading) {
        if (c == '\t')
            width = (width / tab_size + 1) * tab_size;
        else if (c == '\f')
            width = 0;
        else
            ++width;
    }
    return width;
}

void IndentingLexer::handle_indentation(const Token& first)
{
    m_at_line_start = false;
    size_t column = first.getCharPositionInLine();
    size_t start = first.getStartIndex();
    std::string leading = column == 0 ? std::string() : _input->getText(antlr4::misc::Interval(start - column, start - 1));
    // CPython measures indentation twice, with tabs of 8 and of 1 columns; when the two disagree
    // on the block structure, the meaning depends on the tab size: CPython's TabError (ramba has
    // no such kind; IndentationError is its parent).
    size_t width = indentation_width(leading, 8);
    size_t alternate = indentation_width(leading, 1);
    size_t line = first.getLine();
    auto inconsistent = [&] {
        throw RambaError(ErrorKind::IndentationError, "inconsistent use of tabs and spaces in indentation", at(line, 0));
    };
    if (width > m_indents.back()) {
        if (alternate <= m_alternate_indents.back())
            inconsistent();
        if (m_indents.size() > 100)
            throw RambaError(ErrorKind::IndentationError, "too many levels of indentation", at(line, column));
        m_indents.push_back(width);
        m_alternate_indents.push_back(alternate);
        m_saw_indent = true;
        m_pending.push_back(make_token(ramba_grammar::RambaParser::INDENT, "<INDENT>", line, column, start));
        return;
    }
    while (width < m_indents.back()) {
        m_indents.pop_back();
        m_alternate_indents.pop_back();
        m_pending.push_back(make_token(ramba_grammar::RambaParser::DEDENT, "<DEDENT>", line, column, start));
    }
    if (width != m_indents.back())
        throw RambaError(ErrorKind::IndentationError, "unindent does not match any outer indentation level", at(line, column));
    if (alternate != m_alternate_indents.back())
        inconsistent();
}

// Python rejects `1abc`, `0777` and `0x1fg` in the tokenizer; ANTLR would split them in two tokens.
void IndentingLexer::check_number_suffix(const Token& token)
{
    size_t type = token.getType();
    bool adjacent = m_previous_type == ramba_grammar::RambaParser::NUMBER && token.getStartIndex() == m_previous_stop + 1;
    m_previous_type = type;
    m_previous_stop = token.getStopIndex();
    if (!adjacent || (type != ramba_grammar::RambaParser::NAME && type != ramba_grammar::RambaParser::NUMBER))
        return;
    SourceSpan span = m_previous_span;
    std::string previous = m_previous_text;
    if (type == ramba_grammar::RambaParser::NUMBER && previous.find_first_not_of('0') == std::string::npos)
        throw_syntax_error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", span);
    const char* kind = "decimal";
    if (previous.size() > 1 && previous[0] == '0') {
        char base = previous[1] | 0x20;
        kind = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : base == 'b' ? "binary" : "decimal";
    }
    throw_syntax_error(std::string("invalid ") + kind + " literal", span);
}

static char closer_of(char opener) { return opener == '(' ? ')' : opener == '[' ? ']' : '}'; }

void IndentingLexer::track_bracket(const Token& token)
{
    char character;
    switch (token.getType()) {
    case RambaLexer::OPEN_PAREN: character = '('; break;
    case RambaLexer::OPEN_BRACK: character = '['; break;
    case RambaLexer::OPEN_BRACE: character = '{'; break;
    case RambaLexer::CLOSE_PAREN: character = ')'; break;
    case RambaLexer::CLOSE_BRACK: character = ']'; break;
    case RambaLexer::CLOSE_BRACE: character = '}'; break;
    default: return;
    }
    size_t line = token.getLine(), column = token.getCharPositionInLine();
    if (character == '(' || character == '[' || character == '{') {
        // CPython's tokenizer limit; it also keeps the parser's recursion bounded.
        if (m_brackets.size() >= 200)
            throw_syntax_error("too many nested parentheses", at(line, column));
        m_brackets.push_back({ character, line, column });
        return;
    }
    if (m_brackets.empty())
        throw_syntax_error(std::string("unmatched '") + character + "'", at(line, column));
    OpenBracket open = m_brackets.back();
    if (closer_of(open.character) != character) {
        std::string message = std::string("closing parenthesis '") + character + "' does not match opening parenthesis '" + open.character + "'";
        if (open.line != line)
            message += " on line " + std::to_string(open.line);
        throw_syntax_error(message, at(line, column));
    }
    m_brackets.pop_back();
}

void IndentingLexer::finish_input(size_t line, size_t column, size_t index)
{
    m_finished = true;
    if (!m_brackets.empty()) {
        OpenBracket open = m_brackets.back();
        throw IncompleteInput(ErrorKind::SyntaxError, std::string("'") + open.character + "' was never closed",
            at(open.line, open.column));
    }
    if (m_mode == Mode::Field)
        return;
    size_t size = _input->size();
    if (size > 0) {
        std::string tail = _input->getText(antlr4::misc::Interval(size >= 3 ? size - 3 : 0, size - 1));
        if (tail.back() == '\\' || (tail.size() >= 2 && tail.ends_with("\\\n")) || tail.ends_with("\\\r\n"))
            throw IncompleteInput(ErrorKind::SyntaxError, "unexpected EOF while parsing", at(line, column));
    }
    if (!m_at_line_start) {
        m_at_line_start = true;
        m_pending.push_back(make_token(RambaLexer::NEWLINE, "<NEWLINE>", line, column, index));
    }
    while (m_indents.size() > 1) {
        m_indents.pop_back();
        m_alternate_indents.pop_back();
        m_pending.push_back(make_token(ramba_grammar::RambaParser::DEDENT, "<DEDENT>", line, column, index));
    }
}

static size_t count_lines(const std::string& text)
{
    size_t lines = 1;
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' && i + 1 < text.size())
            ++lines;
    return lines;
}

void IndentingLexer::notifyListeners(const antlr4::LexerNoViableAltException&)
{
    size_t start = tokenStartCharIndex;
    size_t line = tokenStartLine, column = tokenStartCharPositionInLine;
    SourceSpan span = at(line, column);
    std::string rest = _input->getText(antlr4::misc::Interval(start, std::min(start + 8, _input->size()) - 1));
    size_t quote = 0;
    while (quote < rest.size() && quote < 2 && std::string_view("rRuUfFbB").find(rest[quote]) != std::string_view::npos)
        ++quote;
    if (quote < rest.size() && (rest[quote] == '\'' || rest[quote] == '"')) {
        char q = rest[quote];
        bool triple = rest.size() >= quote + 3 && rest[quote + 1] == q && rest[quote + 2] == q;
        // `'''abc` first lexes as the empty string `''` and then fails at the third quote.
        if (!triple && quote == 0 && start >= 2 && column >= 2
            && _input->getText(antlr4::misc::Interval(start - 2, start - 1)) == std::string(2, q)) {
            triple = true;
            span = at(line, column - 2);
        }
        if (triple) {
            size_t last_line = count_lines(_input->getText(antlr4::misc::Interval(0, _input->size() - 1)));
            throw IncompleteInput(ErrorKind::SyntaxError,
                "unterminated triple-quoted string literal (detected at line " + std::to_string(last_line) + ")", span);
        }
        throw_syntax_error("unterminated string literal (detected at line " + std::to_string(line) + ")", span);
    }
    if (!rest.empty() && rest[0] == '\\')
        throw_syntax_error("unexpected character after line continuation character", at(line, column));
    if (!rest.empty() && static_cast<unsigned char>(rest[0]) >= 0x80) {
        size_t length = 1;
        unsigned char lead = rest[0];
        if (lead >= 0xF0) length = 4;
        else if (lead >= 0xE0) length = 3;
        else if (lead >= 0xC0) length = 2;
        std::string character = rest.substr(0, length);
        char hex[16];
        uint32_t cp = length == 1 ? lead : lead & (0xFF >> (length + 1));
        for (size_t i = 1; i < length && i < character.size(); ++i)
            cp = (cp << 6) | (static_cast<unsigned char>(character[i]) & 0x3F);
        std::snprintf(hex, sizeof hex, "U+%04X", cp);
        throw_syntax_error("invalid character '" + character + "' (" + hex + ")", span);
    }
    throw_syntax_error("invalid syntax", span);
}

} // namespace ramba::ast
