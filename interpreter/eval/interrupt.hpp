// Ctrl-C and SIGTERM: handlers that only raise flags (and wake the REPL's select through a pipe).
// The evaluator polls the flag in loops and calls, the VM once per block, and raise KeyboardInterrupt.
#pragma once

#include <atomic>

namespace ramba::interp {

extern std::atomic<bool> g_interrupt_requested;

// SIGINT (and SIGTERM, see below) handlers; also stops kernels through vm::g_cancel_requested.
void install_interrupt_handler();
// Read end of the self-pipe the handler writes to, for select(); -1 before installation.
int interrupt_wake_fd();
// What the SIGINT handler does, for callers that are not signal handlers. A sticky request (the
// fuzzer's deadline) is not cleared by catching it: `except: pass` in a loop cannot outlive it.
enum class Sticky : bool { No, Yes };
void request_interrupt(Sticky = Sticky::No);
// Clears everything, sticky requests included (the fuzzer, between inputs).
void reset_interrupts();
// Clears the flags and drains the pipe (the REPL calls it before reading a new line). After SIGTERM
// it clears nothing: every later check raises again until the program has unwound.
void clear_interrupt();

// SIGTERM interrupts the running statement like Ctrl-C, but the program then ends: the REPL leaves,
// a script reports nothing more, and main re-raises SIGTERM so the parent sees the signal. A program
// that has not unwound within terminate_grace_seconds (blocked in a library call) ends with _exit.
constexpr unsigned terminate_grace_seconds = 2;
bool terminate_requested();

} // namespace ramba::interp
