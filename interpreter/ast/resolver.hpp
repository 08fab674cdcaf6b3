// Resolver: fills every NameRef of a freshly built module with its slot (Local, Cell or Global)
// and every FunctionInfo with its frame layout. Pipeline: builder -> resolver (here) -> eval/.
#pragma once

#include "interpreter/ast/ast.hpp"

namespace ramba::ast {

// Applies Python's scoping rules; throws SyntaxError for misplaced `return`/`break`/`continue`
// and for `global`/`nonlocal` misuse, with CPython's messages.
void resolve_module(Module&, GlobalTable&);

} // namespace ramba::ast
