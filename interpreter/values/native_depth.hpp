// Native recursion over nested containers (repr, ==, ordering, hash) has no interpreter frame to
// count, and a list nested a million deep would overflow the C++ stack: each level checks first.
#pragma once

#include <cstddef>

namespace ramba::interp {

// Throws RecursionError("maximum recursion depth exceeded" + context) when less than the reserve
// of this thread's stack is left. Cheap: one thread-local load and a compare.
void check_native_stack(const char* context);

// A generator's body runs on a stack of its own (eval/fiber.hpp): while it runs, the check uses
// that stack's lowest address. Returns the floor to restore afterwards.
const char* exchange_native_stack_floor(const char* stack_low);
void restore_native_stack_floor(const char* floor);

// The address `reserve_bytes` above the bottom of this thread's stack (stacks grow down), or null
// when the stack is unknown or too small to keep that reserve.
const char* stack_floor(size_t reserve_bytes);

} // namespace ramba::interp
