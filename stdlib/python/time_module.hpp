// Python's `time` module (time, perf_counter, monotonic, process_time, sleep, ...).
// Registered by stdlib/stdlib.cpp.
#pragma once

#include <memory>

#include "interpreter/values/value.hpp"

namespace ramba::stdlib {

interp::Ref<interp::ModuleObject> make_time_module();

} // namespace ramba::stdlib
