// A worker's requests, dispatched from the protocol's table (engine/protocol/messages.def): every
// Store row is served here by one overload of serve(); worker/main.cpp and the fuzzer call serve()
// and send the answer back as the row's Reply says.
#pragma once

#include <span>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/protocol/messages.hpp"
#include "engine/tiles/tile_store.hpp"

namespace ramba::tiles {

// What one request needs beyond its body: its sequence number, its data frames, and the halo
// channel to its peers.
struct Request {
    uint64_t sequence { 0 };
    std::span<const Frame> frames;
    const TileStore::SendHalo& send;
    const TileStore::ReceiveHalo& receive;
};

// The data frames of a request's Done reply, in order; `keep` owns the memory the frames point into
// until they are sent (frames may also point into tiles, which live until the next request).
struct Answer {
    std::vector<Frame> frames;
    std::vector<engine::NDArray> keep;
    std::vector<std::vector<std::byte>> owned;
    void add(const engine::NDArray&);       // nothing for an array without a buffer
    void add(std::vector<std::byte> bytes);
};

// Serves a request whose route is Store (decodes its body, with the protocol's checks, and runs it).
// Throws ProtocolError for any other type or a malformed request, RambaError for a failing one.
Answer serve(TileStore&, const protocol::Decoded&, const Request&);

} // namespace ramba::tiles
