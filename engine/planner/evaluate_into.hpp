// The flush of one pending node straight into an existing array (a slice assignment's destination),
// so `v[1:-1, 1:-1] = expression` writes the view once instead of through a temporary.
#pragma once

#include "engine/planner/node.hpp"

namespace ramba::engine::planner {

// Whether a flush of `root` reads any buffer `destination` lives in (then it cannot write there).
bool reads_buffer(const NodePtr& root, const NDArray& destination);

// Computes `root` (same shape as `destination`, any dtype: the store casts) into `destination`, which
// it must not read (see reads_buffer); afterwards `root` is materialised as `destination` itself.
// Fusion must be on.
void evaluate_into(const NodePtr& root, const NDArray& destination);

} // namespace ramba::engine::planner
