// A worker's memory: the row blocks ("tiles") of distributed arrays it owns, and the execution of
// driver requests against them (kernels, gathers, scatters). No sockets here: the worker's loop
// (worker/main.cpp) moves frames; the fuzzer calls the same entry points with arbitrary bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/protocol/messages.hpp"
#include "engine/vm/program.hpp"

namespace ramba::tiles {

// A frame's bytes as the store sees them (zmq messages in the worker, plain vectors in tests).
using Frame = std::span<const std::byte>;

struct Tile {
    engine::NDArray data; // C-contiguous, rows [row_begin, row_begin + shape[0]) of the whole array
    int64_t row_begin { 0 };
    // Ghost rows allocated before and after `data` in the same buffer: halo rows from neighbours
    // land there, so a shifted view (u[2:] next to u[:-2]) reads the tile in place, no copy.
    int64_t margin { 0 };
};

// A tile of `shape` (rows first) with room for ghost rows on both sides.
Tile make_tile(engine::DType, const engine::Shape&, int64_t row_begin);

// Rows of a tile sent to a peer, or received from one, for one input of one request.
struct HaloOut {
    uint32_t to;
    protocol::Halo halo;
    Frame rows;
};

class TileStore {
public:
    // Runs a kernel request: `send` is called for every halo to push to a peer before the kernel,
    // `receive` blocks for the next halo from a peer (returns false if none can come).
    // Returns the reductions' block partials. Throws ProtocolError or RambaError.
    using SendHalo = std::function<void(const HaloOut&)>;
    using ReceiveHalo = std::function<bool(protocol::Halo&, std::vector<std::byte>&)>;
    vm::BlockPartials run(uint64_t sequence, const protocol::Run&, std::span<const Frame> frames, const SendHalo&,
        const ReceiveHalo&);

    // Rows [begin, end) of tile `id`, as bytes.
    Frame gather(const protocol::Gather&) const;
    void scatter(const protocol::Scatter&, Frame data);
    void free(std::span<const uint64_t> ids);
    // Its rows of A @ B with the engine's own matmul (OpenBLAS for floats, on the worker's threads).
    void matmul(uint64_t sequence, const protocol::MatMul&, std::span<const Frame> frames, const SendHalo&, const ReceiveHalo&);
    // Sorts a tile along an axis >= 1 (each row by itself), in place, with the engine's sort; or
    // its argsort into a new tile.
    void sort_rows(const protocol::SortRows&);
    // An axis reduction of its rows with the engine's reduce: per row into a new tile (empty
    // result), or, for axes with 0, the partial (C-contiguous, keepdims shape) for the driver;
    // a chained one folds its rows into the running result in `frames` (see protocol::ReduceRows).
    engine::NDArray reduce_rows(const protocol::ReduceRows&, std::span<const Frame> frames = {});
    // cumsum/cumprod of its rows with the engine's accumulate into a new tile; along axis 0 or
    // flattened, chained on from the carry in `frames` (see protocol::ScanRows). Returns the new
    // carry (empty when not chained, or when there is none yet).
    engine::NDArray scan_rows(const protocol::ScanRows&, std::span<const Frame> frames = {});

    // The sample sort's three steps (protocol::SortSample, SortBracket, SortExchange). The first two
    // return what Done carries back: the samples and their positions; the key counts and the
    // elements between the keys.
    std::pair<engine::NDArray, engine::NDArray> sort_sample(const protocol::SortSample&);
    std::pair<engine::NDArray, engine::NDArray> sort_bracket(const protocol::SortBracket&, std::span<const Frame> frames);
    void sort_exchange(uint64_t sequence, const protocol::SortExchange&, const SendHalo&, const ReceiveHalo&);

    // a[mask] on its rows (protocol::Compress): the count of selected elements (a 1-element int64
    // array) when no output tile is asked for, else an empty array and the new tile.
    engine::NDArray compress(const protocol::Compress&);

    size_t tile_count() const { return m_tiles.size(); }
    int64_t bytes() const;

private:
    const Tile& tile(uint64_t id) const;
    // Whether a request may make tile `id` with first row `row_begin`: a non-zero id not in use, a
    // row within bounds.
    bool is_new_tile(uint64_t id, int64_t row_begin) const;
    // The checked view `a` (kind 1) of rows of one of the tiles; `what` names it in errors.
    engine::NDArray rows_view(const protocol::ArrayRef& a, const std::string& what) const;
    std::unordered_map<uint64_t, Tile> m_tiles;
};

// Validates a Run's program part (registers, instructions, loops, indices) and builds the VM program
// around already-checked inputs/outputs. Throws ProtocolError naming what is wrong.
vm::Program decode_program(const protocol::Run&, std::vector<engine::NDArray> inputs,
    std::vector<engine::NDArray> constants, std::vector<engine::NDArray> outputs);

// The driver's half: a program's code as protocol instructions.
std::vector<protocol::Instruction> encode_code(const vm::Program&);

} // namespace ramba::tiles
