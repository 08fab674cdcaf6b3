// Placement: the one place that decides whether a driver array moves to the workers (the scatter
// policy and its size threshold) and that reports, under --explain, a distributed array brought back
// to the driver for good. The library asks; it decides nothing itself.
#pragma once

#include <memory>

#include "engine/array/ndarray.hpp"
#include "engine/cluster/dist.hpp"

namespace ramba::cluster {

// A driver array goes to the workers when a cluster runs and it is whole (C-contiguous, offset 0,
// not 0-d), of at least min_elements() elements, and no one else holds its buffer (`buffer_users`:
// its buffer's use count, the caller's own reference included, so 1 means unshared). Returns the
// distributed array, or null when it stays in the driver.
std::shared_ptr<DistArray> place(const engine::NDArray& array, long buffer_users);

// A distributed array that a write brought to the driver (base.local) goes back to the workers when
// it is large enough and at most one other reference shares its buffer (`buffer_users` <= 2); true
// when it did (base holds the new tiles, base.local is empty).
bool place_again(DistArray& base, long buffer_users);

// Brings a distributed array to the driver for good (an operation the workers do not run), saying
// so under --explain.
void localize_for_good(DistArray& base);

} // namespace ramba::cluster
