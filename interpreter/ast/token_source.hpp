// IndentingLexer: RambaLexer plus Python's logical lines (NEWLINE, INDENT, DEDENT tokens).
// Pipeline: source -> RambaLexer rules -> IndentingLexer (here) -> RambaParser -> ast builder.
#pragma once

#include <deque>
#include <memory>
#include <vector>

#include <RambaLexer.h>

#include "interpreter/ast/syntax_error.hpp"

namespace ramba::ast {

class IndentingLexer final : public ramba_grammar::RambaLexer {
public:
    // Field: an f-string field's expression, lexed as if inside brackets (no NEWLINE/INDENT).
    enum class Mode { Module, Field };

    IndentingLexer(antlr4::CharStream* input, Mode mode, SourceOffset offset = {});

    std::unique_ptr<antlr4::Token> nextToken() override;
    // Turns ANTLR's token recognition errors into Python's messages and throws them.
    void notifyListeners(const antlr4::LexerNoViableAltException&) override;

    // Whether any block was opened (check_input: a block needs an empty line to end it).
    bool saw_indent() const { return m_saw_indent; }

private:
    std::unique_ptr<antlr4::Token> make_token(size_t type, const std::string& text, size_t line, size_t column, size_t index);
    void handle_indentation(const antlr4::Token&);
    void track_bracket(const antlr4::Token&);
    void check_number_suffix(const antlr4::Token&);
    void finish_input(size_t line, size_t column, size_t index);

    struct OpenBracket {
        char character;
        size_t line, column;
    };
    // Error positions: line and 0-based character position in the lexed text -> source span.
    SourceSpan at(size_t line, size_t char_position) const { return m_offset.point(line, char_position); }

    Mode m_mode;
    SourceOffset m_offset;
    std::vector<OpenBracket> m_brackets;
    std::vector<size_t> m_indents { 0 };
    std::vector<size_t> m_alternate_indents { 0 }; // tabs counted as one column (TabError check)
    std::deque<std::unique_ptr<antlr4::Token>> m_pending;
    bool m_at_line_start { true };
    bool m_saw_indent { false };
    bool m_finished { false };
    size_t m_previous_type { 0 };
    size_t m_previous_stop { 0 };
    std::string m_previous_text;
    SourceSpan m_previous_span;
};

} // namespace ramba::ast
