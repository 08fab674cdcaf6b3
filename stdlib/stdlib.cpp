// Registers the standard library's modules with the interpreter (see stdlib.hpp): Python's math,
// time, random, sys, itertools, functools, operator, heapq, bisect, copy, string, typing, __future__,
// os, re and json from stdlib/python/, the numpy modules from stdlib/numpy/.
#include "stdlib/stdlib.hpp"

#include "stdlib/embedded/embedded.hpp"
#include "stdlib/numpy/module.hpp"
#include "stdlib/plot/canvas.hpp"
#include "stdlib/python/math_module.hpp"
#include "stdlib/python/python_modules.hpp"
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
    interp::register_module("itertools", make_itertools_module);
    interp::register_module("functools", make_functools_module);
    interp::register_module("operator", make_operator_module);
    interp::register_module("heapq", make_heapq_module);
    interp::register_module("bisect", make_bisect_module);
    interp::register_module("copy", make_copy_module);
    interp::register_module("string", make_string_module);
    interp::register_module("typing", make_typing_module);
    interp::register_module("__future__", make_future_module);
    interp::register_module("os", make_os_module);
    interp::register_module("os.path", make_os_path_module);
    interp::register_module("re", make_re_module);
    interp::register_module("json", make_json_module);
    interp::register_module("_warnings", make_native_warnings_module);
    interp::register_module("contextlib", make_contextlib_module);
    interp::register_module("_ramba_canvas", make_canvas_module);
    numpy::register_numpy_modules();
    register_embedded_modules();
}

} // namespace ramba::stdlib
