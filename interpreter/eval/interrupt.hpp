// Ctrl-C: a SIGINT handler that only raises a flag (and wakes the REPL's select through a pipe).
// The evaluator polls the flag in loops and calls and raises KeyboardInterrupt there.
#pragma once

#include <atomic>

namespace ramba::interp {

extern std::atomic<bool> g_interrupt_requested;

void install_interrupt_handler();
// Read end of the self-pipe the handler writes to, for select(); -1 before installation.
int interrupt_wake_fd();
// Clears the flag and drains the pipe (the REPL calls it before reading a new line).
void clear_interrupt();

} // namespace ramba::interp
