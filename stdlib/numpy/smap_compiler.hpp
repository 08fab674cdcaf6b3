// The compiler behind np.smap / np.vectorize / np.smap_index: a user `def` or `lambda` in scalar
// arithmetic becomes planner nodes of the caller's fused kernel, never an interpreter call per element.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/planner/node.hpp"
#include "interpreter/values/value.hpp"

namespace ramba::numpy {

// What a parameter of the compiled function receives: a node (an array argument or a scalar constant,
// already in Python's scalar types: bool, int64 or float64), or a tuple of them (an N-d index).
struct SmapArgument {
    engine::planner::NodePtr node;
    std::vector<engine::planner::NodePtr> tuple;
};

struct CompiledFunction {
    engine::planner::NodePtr result; // null when the body could not be compiled
    std::string failure;             // why not, for the --explain notice
    // Branches return different Python types (0 in one, a float in another): numpy's vectorize then
    // takes the output dtype from the first element's result, which the caller must find out.
    bool mixed_types { false };
};

// Compiles `function` (a user Function value) applied elementwise to `arguments`, one per parameter.
// Python semantics: bool arithmetic gives int, int / int gives float, math.floor gives int,
// `if`/`else` and conditional expressions become `where` over both branches, `and`/`or` keep
// operand values. Known departures, as in any compiled kernel: no ZeroDivisionError or math domain
// ValueError (inf/nan instead), int64 arithmetic wraps.
CompiledFunction compile_scalar_function(interp::CallContext&, const interp::Value& function,
    std::span<const SmapArgument> arguments);

} // namespace ramba::numpy
