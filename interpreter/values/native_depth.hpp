// Native recursion over nested containers (repr, ==, ordering, hash) has no interpreter frame to
// count, and a list nested a million deep would overflow the C++ stack: each level checks first.
#pragma once

namespace ramba::interp {

// Throws RecursionError("maximum recursion depth exceeded" + context) when less than the reserve
// of this thread's stack is left. Cheap: one thread-local load and a compare.
void check_native_stack(const char* context);

} // namespace ramba::interp
