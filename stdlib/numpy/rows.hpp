// Internal to stdlib/numpy: the row tables of each file, gathered by module.cpp into the modules.
#pragma once

#include <span>

#include "interpreter/values/value.hpp"

namespace ramba::numpy {

std::span<const interp::BuiltinSpec> creation_functions();   // creation.cpp
std::span<const interp::BuiltinSpec> shape_functions();      // shape.cpp
std::span<const interp::BuiltinSpec> search_functions();     // search.cpp (sort, unique, allclose, ...)
std::span<const interp::BuiltinSpec> linalg_functions();     // linalg.cpp: dot matmul ... (numpy namespace)
std::span<const interp::BuiltinSpec> linalg_module_functions(); // numpy.linalg
std::span<const interp::BuiltinSpec> random_module_functions(); // numpy.random
std::span<const interp::BuiltinSpec> fft_module_functions();  // fft.cpp: numpy.fft
std::span<const interp::BuiltinSpec> io_functions();         // io.cpp: save load savez savetxt loadtxt ...
std::span<const interp::BuiltinSpec> print_functions();      // module.cpp: set_printoptions ...
std::span<const interp::BuiltinSpec> errstate_functions();   // errstate.cpp: seterr geterr errstate
// The VM's pending floating-point flags under np.seterr's policy; context null in a lazy flush.
void deliver_fp_warnings(interp::CallContext* context);

interp::Value make_grid(bool sparse); // np.mgrid / np.ogrid

} // namespace ramba::numpy
