// Internal to engine/cluster: what the distribution files (dist.cpp, sample_sort.cpp) share beyond
// dist.hpp's interface.
#pragma once

#include <cstdint>
#include <zmq.hpp>

#include "engine/array/ndarray.hpp"

namespace ramba::cluster {

// A fresh tile id (ids are the driver's; workers never make their own).
uint64_t next_id();
// A zmq frame that shares a driver buffer instead of copying it.
zmq::message_t frame_of(const engine::NDArray&, int64_t byte_offset, size_t bytes);

} // namespace ramba::cluster
