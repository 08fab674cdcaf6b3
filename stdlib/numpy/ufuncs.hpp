// The numpy elementwise functions as registration rows (np.sin, np.add, np.where, np.clip, np.round,
// ...), each lowering to one VM op. The numpy module builder adds these rows to the `numpy` module.
#pragma once

#include <span>

#include "interpreter/values/value.hpp"

namespace ramba::numpy {

std::span<const interp::BuiltinSpec> ufunc_functions();
// Rows usable as ndarray methods (self binds to the first parameter): clip, round, conj, conjugate.
std::span<const interp::BuiltinSpec> ufunc_methods();

// Prints the VM's pending floating-point warnings ("RuntimeWarning: divide by zero encountered in
// divide") to the interpreter's stderr.
void emit_vm_warnings(interp::CallContext&);

} // namespace ramba::numpy
