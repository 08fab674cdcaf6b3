// The engine's --explain switch (see explain.hpp).
#include "engine/planner/explain.hpp"

namespace ramba::engine::explain {

namespace {
bool g_enabled = false;
}

bool enabled() { return g_enabled; }
void set_enabled(bool on) { g_enabled = on; }

} // namespace ramba::engine::explain
