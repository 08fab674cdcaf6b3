// Internal to stdlib/numpy: the smaller numpy functions of extras.cpp (diagonal, take, atleast_3d,
// broadcast_arrays, in1d, array_equiv, unravel_index, finfo, issubdtype, ...), gathered by module.cpp.
#pragma once

#include <span>

#include "interpreter/values/value.hpp"

namespace ramba::numpy {

std::span<const interp::BuiltinSpec> extra_functions();
std::span<const interp::BuiltinSpec> extra_methods(); // ndarray method rows (diagonal, take)
// Names that are not functions: the abstract scalar classes np.number, np.integer, np.floating, ...
void add_extra_names(interp::ModuleObject&);

} // namespace ramba::numpy
