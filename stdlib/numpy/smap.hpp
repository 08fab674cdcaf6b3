// Internal to stdlib/numpy: the rows of smap.cpp (np.smap, np.smap_index, np.vectorize), gathered by
// module.cpp into the numpy module.
#pragma once

#include <span>

#include "interpreter/values/value.hpp"

namespace ramba::numpy {

std::span<const interp::BuiltinSpec> smap_functions();

} // namespace ramba::numpy
