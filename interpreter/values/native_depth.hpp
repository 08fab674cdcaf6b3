// Native recursion over nested containers (repr, ==, ordering, hash) has no interpreter frame to
// count, and a list nested a million deep would overflow the C++ stack: each level checks first.
#pragma once

#include <cstddef>

namespace ramba::interp {

// Throws RecursionError("maximum recursion depth exceeded" + context) when less than the reserve
// of this thread's stack is left. Cheap: one thread-local load and a compare.
void check_native_stack(const char* context);

// The running stack's floor (below it the check throws): the thread's, found on first use, or a
// generator fiber's while its body runs (eval/generators.cpp swaps it at each resume).
inline thread_local const char* t_native_floor = nullptr;
inline thread_local bool t_native_floor_known = false;
// The floor of a stack whose lowest usable address is `stack_low`.
const char* native_floor_for(const char* stack_low);

// The address `reserve_bytes` above the bottom of this thread's stack (stacks grow down), or null
// when the stack is unknown or too small to keep that reserve.
const char* stack_floor(size_t reserve_bytes);

} // namespace ramba::interp
