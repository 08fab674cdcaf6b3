// Internal to engine/cluster: what the distribution files (dist.cpp, sample_sort.cpp) share beyond
// dist.hpp's interface.
#pragma once

#include <cstdint>
#include <zmq.hpp>

#include <span>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/cluster/dist.hpp"
#include "engine/protocol/messages.hpp"

namespace ramba::cluster {

// A fresh tile id (ids are the driver's; workers never make their own).
uint64_t next_id();
// A zmq frame that shares a driver buffer instead of copying it.
zmq::message_t frame_of(const engine::NDArray&, int64_t byte_offset, size_t bytes);
// The rows of a row-aligned view each of `n` workers holds: view rows [bounds[w], bounds[w+1]) on worker w.
std::vector<int64_t> view_bounds(const DistView&, int n);
// Worker w's rows of a row-aligned view, as the worker sees them (a view of rows of its tile).
protocol::ArrayRef rows_ref(const DistView&, std::span<const int64_t> bounds, int w);

} // namespace ramba::cluster
