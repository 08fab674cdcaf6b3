// Axis bookkeeping shared by the reduction files (reduce.cpp, order_statistics.cpp): which axes a
// reduction removes, the shape it leaves, and numpy's float dtype for means.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/array/ndarray.hpp"

namespace ramba::vm {

// axes: nullopt = all; negative axes count from the end. ValueError in numpy's words when out of
// bounds ("axis 2 is out of bounds for array of dimension 2") or repeated.
std::vector<bool> reduced_axes(const engine::NDArray&, std::optional<std::span<const int64_t>> axes);
engine::Shape kept_shape(const engine::NDArray&, const std::vector<bool>& reduced, bool keepdims);
int64_t reduced_count(const engine::NDArray&, const std::vector<bool>& reduced);
// numpy: mean/var/std (and percentiles) of bool and integers compute in float64.
engine::DType mean_dtype(engine::DType);

} // namespace ramba::vm
