// Python's `math` module as a registration table (stdlib/python/math_module.cpp).
// Registered by stdlib/stdlib.cpp; the interpreter sees it only through import_module("math").
#pragma once

#include <memory>

#include "interpreter/values/value.hpp"

namespace ramba::stdlib {

interp::Ref<interp::ModuleObject> make_math_module();

} // namespace ramba::stdlib
