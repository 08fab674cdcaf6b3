// Syntax errors of the front end: the RambaError the lexer, parser and builder throw, and the
// IncompleteInput flavour the REPL's check_input() looks for (more lines could still fix the input).
#pragma once

#include <string>

#include "base/error.hpp"

namespace ramba::ast {

// The input ended inside a bracket, a triple-quoted string, after a backslash or a block header.
class IncompleteInput final : public RambaError {
public:
    IncompleteInput(ErrorKind kind, std::string message, SourceSpan span)
        : RambaError(kind, std::move(message), span) { }
};

inline SourceSpan point_span(size_t line, size_t column)
{
    return SourceSpan { static_cast<uint32_t>(line), static_cast<uint32_t>(column),
        static_cast<uint32_t>(line), static_cast<uint32_t>(column + 1) };
}

// Maps positions inside a sub-parsed text (an f-string field) back to the enclosing source:
// lines shift by `line`, and columns of the text's first line shift by `column`.
struct SourceOffset {
    uint32_t line { 0 };
    uint32_t column { 0 };
    SourceSpan point(size_t token_line, size_t char_position) const
    {
        uint32_t l = static_cast<uint32_t>(token_line);
        uint32_t c = static_cast<uint32_t>(char_position) + 1 + (l == 1 ? column : 0);
        return SourceSpan { l + line, c, l + line, c + 1 };
    }
};

[[noreturn]] inline void throw_syntax_error(std::string message, SourceSpan span)
{
    throw RambaError(ErrorKind::SyntaxError, std::move(message), span);
}

} // namespace ramba::ast
