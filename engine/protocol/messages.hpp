// The cluster protocol: every message is a msgpack header frame (version, type, sequence number,
// body) followed by raw data frames (tiles, halos, inline inputs). Bodies are plain structs here;
// decode() validates shape and types and throws ProtocolError; the receiver validates meaning.
#pragma once

#include <cstdint>
#include <iterator>
#include <msgpack.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace ramba::protocol {

// 2: MatMul and SortRows (row-block products and per-row sorts on the workers).
// 3: ReduceRows (axis reductions where the rows live).
// 4: ScanRows (cumsum/cumprod where the rows live) and ReduceRows.dtype (numpy's dtype=);
//    SortSample, SortBracket, SortExchange (sample sort of flattened arrays); Compress (a[mask]);
//    per-row reductions in Run (Instruction::per_row).
inline constexpr uint32_t version = 4;

// A malformed or unexpected message: the receiver drops it (and says why), never crashes.
struct ProtocolError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Every message type, from messages.def (its row order is the wire numbering, from 1).
enum class MessageType : uint8_t {
    None = 0, // never sent
#define RAMBA_MESSAGE(type, body, route, reply) type,
#include "engine/protocol/messages.def"
#undef RAMBA_MESSAGE
};
inline constexpr uint8_t message_type_count = 0
#define RAMBA_MESSAGE(type, body, route, reply) + 1
#include "engine/protocol/messages.def"
#undef RAMBA_MESSAGE
    ;
inline constexpr MessageType last_message_type = static_cast<MessageType>(message_type_count);

// Who reads a message, and what the worker answers to a request (see messages.def).
enum class Route : uint8_t { Driver, Control, Store };
enum class ReplyKind : uint8_t { None, Done, DoneWarnings };
struct MessageRow {
    Route route;
    ReplyKind reply;
};
inline constexpr MessageRow message_rows[] = {
    { Route::Control, ReplyKind::None }, // MessageType::None
#define RAMBA_MESSAGE(type, body, route, reply) { Route::route, ReplyKind::reply },
#include "engine/protocol/messages.def"
#undef RAMBA_MESSAGE
};
static_assert(std::size(message_rows) == message_type_count + 1u, "one row per message type");
inline constexpr const MessageRow& message_row(MessageType type) { return message_rows[static_cast<uint8_t>(type)]; }

struct Hello {
    uint32_t index {};
    int64_t pid {};
    std::string host;
    std::string peer_endpoint;
    MSGPACK_DEFINE(index, pid, host, peer_endpoint);
};

struct Peers {
    std::vector<std::string> endpoints;
    MSGPACK_DEFINE(endpoints);
};

// One VM instruction; `loop` is named by its dtypes and re-resolved (and so validated) by the worker.
struct Instruction {
    uint8_t kind {};
    int32_t target { -1 };
    std::vector<int32_t> operands;
    uint8_t op {};
    std::vector<uint8_t> loop_inputs;
    uint8_t loop_output {};
    int32_t index { -1 };
    double start {}, step { 1 };
    uint8_t reduce {};
    int32_t direct_store { -1 };
    uint8_t per_row {}; // Reduce: one result per row of the space (its partials per row, in row order)
    MSGPACK_DEFINE(kind, target, operands, op, loop_inputs, loop_output, index, start, step, reduce, direct_store, per_row);
};

// An array as the worker sees it. Inline: the data is frame `frame` (C-contiguous, `shape`).
// Tile: rows [row_begin, row_end) of tile `id` (full rows of the base), seen through a view with
// `offset`/`strides` in elements relative to the first of those rows, and `shape`.
struct ArrayRef {
    uint8_t kind {}; // 0 inline, 1 tile
    uint8_t dtype {};
    std::vector<int64_t> shape;
    std::vector<int64_t> strides; // elements
    int64_t offset {};            // elements
    int32_t frame { -1 };
    uint64_t id {};
    int64_t row_begin {}, row_end {};
    MSGPACK_DEFINE(kind, dtype, shape, strides, offset, frame, id, row_begin, row_end);
};

// Rows this worker sends to a peer before its kernel runs, for input `input` of the same request.
struct HaloSend {
    uint32_t to {};
    uint32_t input {};
    uint64_t id {};
    int64_t row_begin {}, row_end {};
    MSGPACK_DEFINE(to, input, id, row_begin, row_end);
};

struct Run {
    std::vector<int64_t> shape; // this worker's part of the iteration space
    int64_t index_offset {};
    std::vector<uint8_t> registers;
    std::vector<Instruction> code;
    std::vector<ArrayRef> inputs;
    std::vector<ArrayRef> constants; // inline 0-d
    // Store outputs: a new tile `id` (kind 1, rows of a fresh array), or a view into an existing
    // tile (kind 1 with offset/strides). Reduce outputs: kind 0, returned as block partials.
    std::vector<ArrayRef> outputs;
    std::vector<uint8_t> output_is_new;
    int64_t new_row_begin {};           // the first global row of new tiles
    std::vector<int64_t> new_tile_shape;   // full shape of the rows this worker keeps
    std::vector<HaloSend> sends;
    uint32_t halo_count {};             // halo messages to expect from peers
    MSGPACK_DEFINE(shape, index_offset, registers, code, inputs, constants, outputs, output_is_new, new_row_begin,
        new_tile_shape, sends, halo_count);
};

struct Halo {
    uint64_t sequence {};
    uint32_t input {};
    int64_t row_begin {}, row_end {};
    MSGPACK_DEFINE(sequence, input, row_begin, row_end);
};

struct Done {
    std::vector<std::string> warnings;
    MSGPACK_DEFINE(warnings);
};

struct Failed {
    std::string kind;
    std::string message;
    MSGPACK_DEFINE(kind, message);
};

struct Gather {
    uint64_t id {};
    int64_t row_begin {}, row_end {};
    MSGPACK_DEFINE(id, row_begin, row_end);
};

struct Scatter {
    uint64_t id {};
    uint8_t dtype {};
    std::vector<int64_t> shape; // of the rows sent (frame 1)
    int64_t row_begin {};
    MSGPACK_DEFINE(id, dtype, shape, row_begin);
};

// C rows = A rows @ B: `a` is a view (kind 1) of rows of one of this worker's tiles, 2-d (m_w, k);
// `b`, (k, n) or (k,), is the inline frame 0 (kind 0), or (kind 1) the whole distributed array
// `b.id`: the worker pushes its rows of it to the peers in `sends` and assembles the rest from
// `halo_count` Halo messages (an all-gather, worker to worker). The product (m_w, n) or (m_w,) of
// dtype `out_dtype` (the promotion of both) becomes tile `out_id`, first row `out_row_begin`.
struct MatMul {
    ArrayRef a;
    ArrayRef b;
    uint64_t out_id {};
    int64_t out_row_begin {};
    uint8_t out_dtype {};
    std::vector<HaloSend> sends;
    uint32_t halo_count {};
    MSGPACK_DEFINE(a, b, out_id, out_row_begin, out_dtype, sends, halo_count);
};

// Sorts the whole tile `id` along `axis` (>= 1, so rows stay where they are): in place when
// `out_id` is 0, else its argsort (int64 indices) becomes the new tile `out_id`, same rows.
struct SortRows {
    uint64_t id {};
    int32_t axis {};
    uint64_t out_id {};
    MSGPACK_DEFINE(id, axis, out_id);
};

// np.<op>(a, axis=axes, keepdims=, ddof=) of this worker's rows of `a` (a view, kind 1, of rows of
// one tile, as MatMul's A) with the engine's reduce (numpy's rules and loop order). `axes` ascending,
// distinct, inside a's dimensions. out_id != 0: the axes exclude 0, so every row reduces by itself
// and the result's rows become tile `out_id` (first row `out_row_begin`). out_id == 0: the axes
// include 0 and the result (keepdims shape) is Done's frame 0, a partial the driver combines.
// `chained` (a sum or product accumulating in float32/float64 along axis 0 alone): the rows fold,
// one after the other as numpy's loop does, into the running result of the rows before them
// (frame 0, keepdims shape; absent for the first rows), and Done's frame 0 is the running result
// after them. `dtype`: numpy's dtype= (a DType; -1: none), for sum, prod, mean, std, var, nansum,
// nanmean.
struct ReduceRows {
    ArrayRef a;
    uint8_t op {};
    std::vector<int32_t> axes;
    uint8_t keepdims {};
    int64_t ddof {};
    uint64_t out_id {};
    int64_t out_row_begin {};
    uint8_t chained {};
    int32_t dtype { -1 };
    MSGPACK_DEFINE(a, op, axes, keepdims, ddof, out_id, out_row_begin, chained, dtype);
};

// np.cumsum/np.cumprod (`op`: vm::ReduceOp Sum or Prod) of this worker's rows of `a` (a view,
// kind 1, of rows of one tile) into the new tile `out_id` of dtype `dtype` (the accumulating one,
// numpy's default or dtype=), first row `out_row_begin`: along `axis` of a (same shape as a), or
// with `flatten` over a's elements in C order (1-d, first element `out_row_begin`). Along axis 0
// or flattened the loop runs on from the rows before (`chained`): frame 0, when present, holds
// their last line (a's shape with 1 row; (1,) flattened), and Done's frame 0 is this worker's
// last line for the next one (the carry unchanged when it has no rows). `stage` splits the work
// so that a chain waits only for the scan itself: 1 makes the tile (a's rows cast into it, every
// worker at once), 2 scans that tile in place; 0 does both.
struct ScanRows {
    ArrayRef a;
    uint8_t op {};
    int32_t axis {};
    uint8_t flatten {};
    uint8_t dtype {};
    uint64_t out_id {};
    int64_t out_row_begin {};
    uint8_t chained {};
    uint8_t stage {};
    MSGPACK_DEFINE(a, op, axis, flatten, dtype, out_id, out_row_begin, chained, stage);
};

// The sample sort of a 1-d distributed array, in three requests (engine/cluster/sample_sort.cpp;
// keys and their order: engine/array/sorted_runs.hpp). `self` is the worker's own index and
// `workers` the worker count, both from the driver.
// 1. The worker sorts the elements of its tile `id` (all of them, in C order: the array flattened)
//    into the new 1-d tile `values_id` (a "run"), with an argsort also their global indices (its first
//    element's is `index_begin`) into the new tile `indices_id` (0: none). Done's frame 0 holds `samples` (at most
//    the run's length) elements of the run, evenly spaced; frame 1 their positions (int64, ascending).
struct SortSample {
    uint64_t id {};
    uint64_t values_id {};
    uint64_t indices_id {};
    int64_t index_begin {};
    uint32_t samples {};
    MSGPACK_DEFINE(id, values_id, indices_id, index_begin, samples);
};

// 2. For each boundary between two workers' parts of the result, a lower and an upper key: the
//    values are frames 0 and 1 (one element per boundary), their workers and positions the vectors
//    (worker == `workers`: no key, before everything as a lower key, after everything as an upper
//    one). Done's frame 0: per boundary, how many of the run's elements order before each key (int64
//    pairs); frame 1: those between the two, all boundaries one after the other.
struct SortBracket {
    uint64_t values_id {};
    uint32_t self {};
    uint32_t workers {};
    std::vector<uint32_t> lower_workers, upper_workers;
    std::vector<int64_t> lower_positions, upper_positions;
    MSGPACK_DEFINE(values_id, self, workers, lower_workers, upper_workers, lower_positions, upper_positions);
};

// 3. `splits` (workers - 1 ascending positions) cut the run into one piece per worker: piece v goes
//    to worker v as Halo messages with `input` 2*self (values) and 2*self + 1 (indices) and rows
//    [0, length). The worker merges the pieces, `incoming[v]` elements from worker v, in worker
//    order into the new tile `out_id` (the values, or with `indices` the indices), first row
//    `out_row_begin`, and frees the run.
struct SortExchange {
    uint64_t values_id {};
    uint64_t indices_id {};
    uint32_t self {};
    std::vector<int64_t> splits;
    std::vector<int64_t> incoming;
    uint64_t out_id {};
    int64_t out_row_begin {};
    uint8_t indices {};
    MSGPACK_DEFINE(values_id, indices_id, self, splits, incoming, out_id, out_row_begin, indices);
};

// a[mask]: the elements of this worker's rows of `a` where its rows of `mask` (views, kind 1, of
// rows of tiles; the same shape, the mask bool) are true, in C order. With `out_id` 0 only their
// count comes back (Done's frame 0, one int64); else they become the 1-d tile `out_id`, whose first
// row is `out_row_begin`.
struct Compress {
    ArrayRef a;
    ArrayRef mask;
    uint64_t out_id {};
    int64_t out_row_begin {};
    MSGPACK_DEFINE(a, mask, out_id, out_row_begin);
};

struct Free {
    std::vector<uint64_t> ids;
    MSGPACK_DEFINE(ids);
};

struct Empty {
    MSGPACK_DEFINE();
};

struct Header {
    uint32_t version { protocol::version };
    uint8_t type {};
    uint64_t sequence {};
};

// Encodes the header frame: [version, type, sequence, body].
template<typename Body>
std::string encode(MessageType type, uint64_t sequence, const Body& body)
{
    msgpack::sbuffer buffer;
    msgpack::packer<msgpack::sbuffer> packer(buffer);
    packer.pack_array(4);
    packer.pack(version);
    packer.pack(static_cast<uint8_t>(type));
    packer.pack(sequence);
    packer.pack(body);
    return std::string(buffer.data(), buffer.size());
}

// Decodes a header frame; the body stays a msgpack object for body<T>(). Throws ProtocolError.
class Decoded {
public:
    explicit Decoded(const void* data, size_t size);
    Header header;
    template<typename Body> Body body() const
    {
        try {
            return m_body.as<Body>();
        } catch (const std::exception& e) {
            throw ProtocolError(std::string("malformed message body: ") + e.what());
        }
    }
    MessageType type() const { return static_cast<MessageType>(header.type); }

private:
    msgpack::object_handle m_handle;
    msgpack::object m_body;
};

} // namespace ramba::protocol
