// The signals that interrupt a program (SIGINT, SIGTERM, SIGALRM), blocked in threads that must not
// receive them: the interpreter's main thread, the cluster's helper threads, the worker's.
#pragma once

#include <csignal>

namespace ramba {

// Blocks SIGINT, SIGTERM and SIGALRM in the calling thread, so they go to the thread meant to handle
// them; returns the set, for a later pthread_sigmask(SIG_UNBLOCK, ...).
sigset_t block_interrupt_signals();

} // namespace ramba
