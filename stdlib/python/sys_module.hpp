// Python's `sys` module (argv, exit, stdout/stderr, version, maxsize, float_info, recursion limit).
// Registered by stdlib/stdlib.cpp; the command line sets argv through set_sys_argv().
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interpreter/values/value.hpp"

namespace ramba::stdlib {

interp::Ref<interp::ModuleObject> make_sys_module();

// sys.argv: argv[0] is the script path ('' for the REPL, '-c' for ramba -c).
void set_sys_argv(std::vector<std::string> args);

} // namespace ramba::stdlib
