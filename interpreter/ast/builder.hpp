// The AST builder's public entry points: source text -> resolved ast::Module (and REPL helpers).
// Pipeline: grammar/ (ANTLR lexer + parser) -> builder (parse tree -> AST) -> resolver -> eval/.
#pragma once

#include <memory>
#include <string>

#include "interpreter/ast/ast.hpp"

namespace ramba::ast {

// Parses, builds and resolves a whole unit. Throws RambaError (SyntaxError / IndentationError, or
// OverflowError for huge literals) with the position of the offending token.
std::unique_ptr<Module> parse_module(std::string filename, std::shared_ptr<const std::string> source, GlobalTable& globals);

enum class InputStatus { Complete, Incomplete, Invalid };

// For the REPL: Incomplete when more lines are needed (open bracket, a compound statement header
// `if x:` whose block has not been ended by an empty line, unterminated triple-quoted string, trailing
// backslash).
InputStatus check_input(const std::string& source);

// Indented tree dump, for tests and `ramba --dump-ast`.
std::string dump(const Module&);

} // namespace ramba::ast
