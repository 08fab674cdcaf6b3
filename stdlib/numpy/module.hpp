// Registers the numpy modules with the interpreter: "numpy" (also importable as "ramba"),
// "numpy.random" and "numpy.linalg" (also np.random / np.linalg attributes).
#pragma once

namespace ramba::numpy {

void register_numpy_modules();

} // namespace ramba::numpy
