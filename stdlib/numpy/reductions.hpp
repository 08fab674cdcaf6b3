// numpy's reductions as registration rows (np.sum, np.mean, np.argmax, np.median, np.cumsum, ...),
// lowering to vm::reduce / accumulate / percentile. The numpy module builder adds these rows.
#pragma once

#include <span>

#include "interpreter/values/value.hpp"

namespace ramba::numpy {

std::span<const interp::BuiltinSpec> reduction_functions();
// The same functions as ndarray methods (a.sum(axis=0), a.argmax(), a.cumsum(), ...): self binds
// to the first parameter, so the rows differ only in the parameter list numpy's methods take.
std::span<const interp::BuiltinSpec> reduction_methods();

} // namespace ramba::numpy
