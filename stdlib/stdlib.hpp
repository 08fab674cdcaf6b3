// The standard library's entry point: registers every module (math, time, sys, numpy/ramba, ...)
// with the interpreter's module registry. Called once by main before anything is imported.
#pragma once

namespace ramba::stdlib {

void register_all();

} // namespace ramba::stdlib
