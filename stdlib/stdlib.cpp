// Registers the standard library's modules with the interpreter (see stdlib.hpp): Python's math,
// time, random and sys from stdlib/python/, the numpy modules from stdlib/numpy/.
#include "stdlib/stdlib.hpp"

#include "stdlib/numpy/module.hpp"
#include "stdlib/python/math_module.hpp"
#include "stdlib/python/random_module.hpp"
#include "stdlib/python/sys_module.hpp"
#include "stdlib/python/time_module.hpp"

namespace ramba::stdlib {

void register_all()
{
    interp::register_module("math", make_math_module);
    interp::register_module("time", make_time_module);
    interp::register_module("random", make_random_module);
    interp::register_module("sys", make_sys_module);
    numpy::register_numpy_modules();
}

} // namespace ramba::stdlib
