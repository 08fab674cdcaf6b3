// Axis bookkeeping shared by the reduction files (reduce.cpp, arg_extremum.cpp, order_statistics.cpp):
// which axes a reduction removes, the shape it leaves, and numpy's float dtype for means.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/vm/ufunc.hpp"

namespace ramba::vm {

// axes: nullopt = all; negative axes count from the end. ValueError in numpy's words when out of
// bounds ("axis 2 is out of bounds for array of dimension 2") or repeated.
std::vector<bool> reduced_axes(const engine::NDArray&, std::optional<std::span<const int64_t>> axes);
engine::Shape kept_shape(const engine::NDArray&, const std::vector<bool>& reduced, bool keepdims);
int64_t reduced_count(const engine::NDArray&, const std::vector<bool>& reduced);
// numpy: mean/var/std (and percentiles) of bool and integers compute in float64.
engine::DType mean_dtype(engine::DType);
// A C-contiguous array seen with another shape of the same size.
engine::NDArray reshaped(engine::NDArray, engine::Shape);
// Fixed chunks for order-dependent folds of full reductions (prod, argmax): the partition, and so
// the result, never depends on the thread count.
inline constexpr int64_t fold_chunk = 1 << 16;
// argmin / argmax (op) along at most one axis.
engine::NDArray arg_extremum(ReduceOp, const engine::NDArray&, std::optional<std::span<const int64_t>> axes, bool keepdims);

} // namespace ramba::vm
