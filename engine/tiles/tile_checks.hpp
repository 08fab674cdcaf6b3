// Internal to engine/tiles: the checks and views every request handler of the tile store uses
// (tile_store.cpp defines them). Anything that fails throws protocol::ProtocolError.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/protocol/messages.hpp"
#include "engine/tiles/tile_store.hpp"

namespace ramba::tiles {

// No request names an array of more elements than this, or a stride beyond it.
inline constexpr int64_t max_elements = int64_t(1) << 40;

engine::DType checked_dtype(uint8_t value);
// Elements of a shape, checked (at most 32 axes, no negative extents, no overflow).
int64_t checked_size(const std::vector<int64_t>& shape);
// An array of `shape` holding a copy of `frame`, whose size must match.
engine::NDArray copy_frame(engine::DType dtype, const std::vector<int64_t>& shape, Frame frame);
// A view (offset/strides in elements) over `available_elements` must stay inside them.
void check_view(const protocol::ArrayRef& ref, int64_t available_elements);
// The (checked) view `ref` of `rows`, starting `first_row_byte` bytes into them.
engine::NDArray view_of(const engine::NDArray& rows, int64_t first_row_byte, const protocol::ArrayRef& ref);
// Elements of one row (the product of the shape's axes after the first).
int64_t row_elements(const engine::NDArray& array);
// numpy's broadcasting rule as a question: does `from` stretch to `to`?
bool broadcastable(const std::vector<int64_t>& from, const std::vector<int64_t>& to);

} // namespace ramba::tiles
