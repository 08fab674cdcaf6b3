// Python's `random` module (seed random getrandbits randrange randint choice shuffle sample uniform
// gauss normalvariate expovariate triangular choices, and Random instances) with CPython's streams,
// on engine/random's MT19937. Registered by stdlib/stdlib.cpp.
#pragma once

#include "interpreter/values/value.hpp"

namespace ramba::stdlib {

interp::Ref<interp::ModuleObject> make_random_module();

} // namespace ramba::stdlib
