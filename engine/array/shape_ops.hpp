// Shape operations on NDArrays: views where numpy gives views (reshape of contiguous data,
// transpose, swapaxes, expand_dims, squeeze, flip), copies otherwise (concatenate, tile, repeat, ...).
#pragma once

#include <optional>
#include <span>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

// numpy's axis check: ValueError "axis 2 is out of bounds for array of dimension 2".
int64_t check_axis(int64_t axis, int64_t ndim);

// -1 allowed once; "cannot reshape array of size 6 into shape (4,)".
NDArray reshape(const NDArray&, Shape);
NDArray ravel(const NDArray&);   // view if contiguous, else copy
NDArray transpose(const NDArray&, std::optional<std::vector<int64_t>> axes = std::nullopt);
NDArray swapaxes(const NDArray&, int64_t axis1, int64_t axis2);
NDArray moveaxis(const NDArray&, std::vector<int64_t> source, std::vector<int64_t> destination);
NDArray expand_dims(const NDArray&, std::vector<int64_t> axes);
NDArray squeeze(const NDArray&, std::optional<std::vector<int64_t>> axes = std::nullopt);
NDArray flip(const NDArray&, std::optional<std::vector<int64_t>> axes = std::nullopt);
NDArray concatenate(std::span<const NDArray>, std::optional<int64_t> axis); // nullopt: flatten first
NDArray stack(std::span<const NDArray>, int64_t axis);
NDArray hstack(std::span<const NDArray>);
NDArray vstack(std::span<const NDArray>);
NDArray column_stack(std::span<const NDArray>);
std::vector<NDArray> array_split(const NDArray&, int64_t sections, int64_t axis);
std::vector<NDArray> split_at(const NDArray&, std::span<const int64_t> indices, int64_t axis);
// np.split with a section count: "array split does not result in an equal division".
std::vector<NDArray> split(const NDArray&, int64_t sections, int64_t axis);
NDArray tile(const NDArray&, std::vector<int64_t> reps);
NDArray repeat(const NDArray&, std::span<const int64_t> repeats, std::optional<int64_t> axis);
NDArray roll(const NDArray&, std::vector<int64_t> shifts, std::optional<std::vector<int64_t>> axes);
NDArray atleast_nd(const NDArray&, int64_t ndim); // prepends 1s (atleast_2d puts 1 in front too)

} // namespace ramba::engine
