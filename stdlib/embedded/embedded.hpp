// Modules written in ramba's own language and compiled into the binary (stdlib/embedded/): whole
// modules (modules/NAME.py) and additions to native ones (overlays/NAME.py: numpy's functions that
// are compositions of array operations, as numpy itself writes them in Python).
#pragma once

namespace ramba::stdlib {

void register_embedded_modules(); // generated: build/stdlib/embedded_modules.cpp

} // namespace ramba::stdlib
