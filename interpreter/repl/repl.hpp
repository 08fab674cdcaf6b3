// The interactive REPL: readline line editing, history in ~/.ramba_history, multi-line blocks,
// echo of expression values, tab completion, Ctrl-C/Ctrl-D. Started by cli/main.cpp on a terminal.
#pragma once

#include "interpreter/eval/interpreter.hpp"

namespace ramba::repl {

// Runs until end of input (Ctrl-D) or SystemExit; returns the process exit status.
int run_repl(interp::Interpreter&);

} // namespace ramba::repl
