// The engine's --explain switch: whether flushes and placement decisions print what they run.
// Set once by the command line (interpreter/cli/main.cpp); read by the engine and the library.
#pragma once

namespace ramba::engine::explain {

bool enabled();
void set_enabled(bool);

} // namespace ramba::engine::explain
