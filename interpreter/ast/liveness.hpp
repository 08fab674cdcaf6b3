// The liveness pass (issue 4): fills Stmt::release_after for a script's module-level statements so the
// evaluator drops a global's value after its last use. Pipeline: resolver -> liveness (batch only) -> eval/.
#pragma once

#include "interpreter/ast/ast.hpp"

namespace ramba::ast {

// Batch mode only: in the REPL every name stays live for the next input. Conservative: a top-level
// compound statement (loop, if, try, with) counts as one use of every global it mentions, so nothing
// is released inside a loop; a global mentioned by any function or lambda body, or by a `global`
// declaration, is never released; dynamic access (globals(), eval, exec, vars, locals, dir) turns the
// pass off for the module.
void mark_releases(Module&);

} // namespace ramba::ast
