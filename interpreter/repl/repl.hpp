// The interactive REPL: readline line editing, history in ~/.ramba_history, multi-line blocks,
// echo of expression values, tab completion, Ctrl-C/Ctrl-D. Started by cli/main.cpp on a terminal.
#pragma once

#include "interpreter/eval/interpreter.hpp"

namespace ramba::repl {

// Whether the session opens with a line naming ramba's version (as Python's does; not after `-i`).
enum class Banner { No, Yes };

// Runs until end of input (Ctrl-D) or SystemExit; returns the process exit status.
int run_repl(interp::Interpreter&, Banner);

// What an uncaught SystemExit does at the top level, for a script and the REPL alike (Python's
// rules): flushes stdout, prints a code that is not an int or None to stderr, and returns the exit
// status (None or no code: 0, an int: it, anything else: 1), modulo 256.
int system_exit(interp::Interpreter&, const RambaError&);

} // namespace ramba::repl
