// The native drawing surface of matplotlib.pyplot (canvas.cpp): module `_ramba_canvas`, a Canvas over
// cairo writing PNG, SVG or PDF. Registered by stdlib/stdlib.cpp.
#pragma once

#include "interpreter/values/value.hpp"

namespace ramba::stdlib {

interp::Ref<interp::ModuleObject> make_canvas_module();

} // namespace ramba::stdlib
