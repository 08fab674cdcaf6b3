// Tab completion for the REPL: global names, builtins, keywords, and `module.attr` / `obj.attr`.
// Pure lookups (nothing is evaluated), so completing never runs user code.
#pragma once

#include <string>
#include <vector>

#include "interpreter/eval/interpreter.hpp"

namespace ramba::repl {

// Candidates that start with `text` (a name or a dotted path such as "np.ar"), sorted, unique.
std::vector<std::string> completions(interp::Interpreter&, const std::string& text);

} // namespace ramba::repl
