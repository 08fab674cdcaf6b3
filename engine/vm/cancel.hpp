// Cancelling a running kernel: the interpreter's SIGINT/SIGTERM handler raises this flag; the VM's
// block loops read it once per block, skip the blocks left and throw KeyboardInterrupt after the region.
#pragma once

#include <atomic>

namespace ramba::vm {

// Lock-free, so an async signal handler may store to it.
extern std::atomic<bool> g_cancel_requested;
static_assert(std::atomic<bool>::is_always_lock_free);

inline bool cancel_requested() { return g_cancel_requested.load(std::memory_order_relaxed); }

// After a parallel region that saw the flag: exceptions never cross an OpenMP region, so the loop
// only records that it stopped early and this raises the error for the statement.
[[noreturn]] void throw_cancelled();

} // namespace ramba::vm
