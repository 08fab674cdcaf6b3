// Internal to engine/cluster: what the distribution files (dist.cpp, kernels.cpp, matmul.cpp,
// reductions.cpp, row_sort.cpp, sample_sort.cpp, selection.cpp) share beyond dist.hpp's interface.
#pragma once

#include <cstdint>
#include <zmq.hpp>

#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/cluster/dist.hpp"
#include "engine/protocol/messages.hpp"

namespace ramba::cluster {

// Elements of a shape (no overflow check: the shape exists already).
int64_t product(const engine::Shape&);
// C-order strides of a shape, in elements.
std::vector<int64_t> c_strides_elements(const engine::Shape&);
// The element range a view touches, relative to the base's first element: [low, high].
std::pair<int64_t, int64_t> reach(const DistView&);
// The array itself if C-contiguous, else a C-contiguous copy.
engine::NDArray contiguous(const engine::NDArray&);
// "12 B", "3.4 KiB", "5.6 MiB": the sizes --explain prints.
std::string bytes_text(int64_t bytes);

// A fresh tile id (ids are the driver's; workers never make their own).
uint64_t next_id();
// A zmq frame that shares a driver buffer instead of copying it.
zmq::message_t frame_of(const engine::NDArray&, int64_t byte_offset, size_t bytes);
// The rows of a row-aligned view each of `n` workers holds: view rows [bounds[w], bounds[w+1]) on worker w.
std::vector<int64_t> view_bounds(const DistView&, int n);
// Worker w's rows of a row-aligned view, as the worker sees them (a view of rows of its tile).
protocol::ArrayRef rows_ref(const DistView&, std::span<const int64_t> bounds, int w);

} // namespace ramba::cluster
