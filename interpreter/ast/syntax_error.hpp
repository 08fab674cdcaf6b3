// Syntax errors of the front end: the RambaError the lexer, parser and builder throw, and the
// IncompleteInput flavour the REPL's check_input() looks for (more lines could still fix the input).
#pragma once

#include <string>

#include "interpreter/errors/error.hpp"

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

[[noreturn]] inline void throw_syntax_error(std::string message, SourceSpan span)
{
    throw RambaError(ErrorKind::SyntaxError, std::move(message), span);
}

} // namespace ramba::ast
