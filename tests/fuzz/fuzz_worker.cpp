// libFuzzer target over what a worker does with a message from the network: decode the msgpack
// header, validate the body, execute it against a tile store (kernels, gathers, scatters, products,
// row sorts, reductions, scans, sample sort steps, compress, frees).
// Input: frames as [4-byte little-endian length][bytes]..., the first being the header. Every input
// starts from a store holding tile 1 (rows 0..63 of a 64x8 float64 array) so requests reach deep.
// Seeds: LLVMFuzzerInitialize writes valid messages into $RAMBA_FUZZ_WORKER_SEEDS when it is set.
// Work caps: a run request whose iteration space exceeds max_run_elements is skipped (the driver may
// legitimately ask for 10^12 iterations over broadcast constants, which is slow, not wrong), and the
// engine's allocations are capped by RAMBA_MEMORY_LIMIT as in the lex+parse+run target.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <new>
#include <string>
#include <vector>

#include "engine/protocol/messages.hpp"
#include "engine/tiles/serve.hpp"
#include "engine/tiles/tile_store.hpp"
#include "engine/vm/ufunc.hpp"
#include "base/error.hpp"

using namespace ramba;

namespace {

constexpr int64_t max_run_elements = int64_t(1) << 22;

// The number of iterations of a run's loop nest, or -1 when it is over the cap (or overflows).
int64_t capped_size(const std::vector<int64_t>& shape)
{
    int64_t n = 1;
    for (auto extent : shape) {
        if (extent < 0)
            return n; // the store rejects it
        if (extent && n > max_run_elements / extent)
            return -1;
        n *= extent;
    }
    return n;
}

std::string frame(const std::string& bytes)
{
    uint32_t n = static_cast<uint32_t>(bytes.size());
    std::string out(reinterpret_cast<const char*>(&n), 4);
    return out + bytes;
}

tiles::TileStore fresh_store()
{
    tiles::TileStore store;
    std::vector<double> rows(64 * 8);
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i] = double(i);
    protocol::Scatter scatter { 1, static_cast<uint8_t>(engine::DType::Float64), { 64, 8 }, 0 };
    store.scatter(scatter, tiles::Frame(reinterpret_cast<const std::byte*>(rows.data()), rows.size() * 8));
    return store;
}

void write_seeds(const char* folder)
{
    auto save = [&](const std::string& name, const std::string& bytes) {
        std::ofstream(std::string(folder) + "/" + name, std::ios::binary) << bytes;
    };
    // A kernel: load tile 1 rows shifted by one (a halo from a peer that never comes), add, store.
    protocol::Run run;
    run.shape = { 63, 8 };
    run.registers = { static_cast<uint8_t>(engine::DType::Float64), static_cast<uint8_t>(engine::DType::Float64) };
    protocol::Instruction load;
    load.kind = 0;
    load.target = 0;
    load.index = 0;
    protocol::Instruction apply;
    apply.kind = 3;
    apply.target = 1;
    apply.operands = { 0, 0 };
    apply.op = 0; // the first op of ops.def
    apply.loop_inputs = { static_cast<uint8_t>(engine::DType::Float64), static_cast<uint8_t>(engine::DType::Float64) };
    apply.loop_output = static_cast<uint8_t>(engine::DType::Float64);
    protocol::Instruction store;
    store.kind = 5;
    store.operands = { 1 };
    store.index = 0;
    protocol::Instruction reduce;
    reduce.kind = 6;
    reduce.operands = { 1 };
    reduce.index = 1;
    run.code = { load, apply, store, reduce };
    protocol::ArrayRef input;
    input.kind = 1;
    input.dtype = static_cast<uint8_t>(engine::DType::Float64);
    input.shape = { 63, 8 };
    input.strides = { 8, 1 };
    input.id = 1;
    input.row_begin = 1;
    input.row_end = 64;
    run.inputs = { input };
    protocol::ArrayRef out = input;
    out.id = 2;
    out.row_begin = 0;
    out.row_end = 63;
    protocol::ArrayRef partial;
    partial.kind = 0;
    partial.dtype = static_cast<uint8_t>(engine::DType::Float64);
    run.outputs = { out, partial };
    run.output_is_new = { 1, 0 };
    run.new_tile_shape = { 63, 8 };
    save("run", frame(protocol::encode(protocol::MessageType::Run, 7, run)));
    run.halo_count = 1;
    save("run_halo", frame(protocol::encode(protocol::MessageType::Run, 8, run)));
    save("gather", frame(protocol::encode(protocol::MessageType::Gather, 9, protocol::Gather { 1, 3, 9 })));
    std::string data(16 * 8, '\1');
    save("scatter", frame(protocol::encode(protocol::MessageType::Scatter, 10,
                        protocol::Scatter { 3, static_cast<uint8_t>(engine::DType::Int64), { 16 }, 0 }))
            + frame(data));
    // Rows 8..40 of tile 1 (8 columns) times an inline 8x3 float32 B: a float64 tile 4 of 32x3.
    protocol::MatMul product;
    product.a = input;
    product.a.shape = { 32, 8 };
    product.a.offset = 0;
    product.a.row_begin = 8;
    product.a.row_end = 40;
    product.b.kind = 0;
    product.b.dtype = static_cast<uint8_t>(engine::DType::Float32);
    product.b.shape = { 8, 3 };
    product.b.strides = { 3, 1 };
    product.b.frame = 0;
    product.out_id = 4;
    product.out_row_begin = 8;
    product.out_dtype = static_cast<uint8_t>(engine::DType::Float64);
    save("matmul", frame(protocol::encode(protocol::MessageType::MatMul, 12, product)) + frame(std::string(8 * 3 * 4, '\0')));
    // Row 8 of tile 1 times B = the distributed array of tile 1's first 8 rows (8x8): rows 0..4 are
    // pushed to peer 1 (the all-gather of a distributed B), no rows expected back.
    protocol::MatMul all_gather = product;
    all_gather.a.shape = { 1, 8 };
    all_gather.a.row_begin = 8;
    all_gather.a.row_end = 9;
    all_gather.b.kind = 1;
    all_gather.b.dtype = static_cast<uint8_t>(engine::DType::Float64);
    all_gather.b.shape = { 8, 8 };
    all_gather.b.strides = { 8, 1 };
    all_gather.b.id = 1;
    all_gather.b.row_begin = 0;
    all_gather.b.row_end = 8;
    all_gather.halo_count = 0;
    all_gather.sends = { protocol::HaloSend { 1, 0, 1, 0, 4 } };
    save("matmul_all_gather", frame(protocol::encode(protocol::MessageType::MatMul, 14, all_gather)));
    save("sort_rows", frame(protocol::encode(protocol::MessageType::SortRows, 13, protocol::SortRows { 1, 1, 0 })));
    save("argsort_rows", frame(protocol::encode(protocol::MessageType::SortRows, 15, protocol::SortRows { 1, 1, 5 })));
    protocol::ReduceRows per_row;
    per_row.a = product.a; // rows 8..40 of tile 1
    per_row.op = static_cast<uint8_t>(vm::ReduceOp::Sum);
    per_row.axes = { 1 };
    per_row.out_id = 6;
    per_row.out_row_begin = 8;
    save("reduce_rows", frame(protocol::encode(protocol::MessageType::ReduceRows, 16, per_row)));
    protocol::ReduceRows reduce_partial = per_row;
    reduce_partial.op = static_cast<uint8_t>(vm::ReduceOp::Max);
    reduce_partial.axes = { 0, 1 };
    reduce_partial.keepdims = 1;
    reduce_partial.out_id = 0;
    save("reduce_partial", frame(protocol::encode(protocol::MessageType::ReduceRows, 17, reduce_partial)));
    // A float sum along axis 0 folding rows 8..40 into the running sums of the rows before them.
    protocol::ReduceRows chained = reduce_partial;
    chained.op = static_cast<uint8_t>(vm::ReduceOp::Sum);
    chained.axes = { 0 };
    chained.chained = 1;
    save("reduce_chained", frame(protocol::encode(protocol::MessageType::ReduceRows, 18, chained)) + frame(std::string(8 * 8, '\0')));
    // The sample sort's steps; the target runs a SortSample (runs 2 and 3) before the other two.
    save("sort_sample", frame(protocol::encode(protocol::MessageType::SortSample, 19, protocol::SortSample { 1, 7, 8, 0, 16 })));
    protocol::SortBracket bracket;
    bracket.values_id = 2;
    bracket.self = 1;
    bracket.workers = 3;
    bracket.lower_workers = { 0, 3 };
    bracket.upper_workers = { 1, 2 };
    bracket.lower_positions = { 5, 0 };
    bracket.upper_positions = { 100, 7 };
    std::string two_keys(2 * 8, '\0');
    save("sort_bracket", frame(protocol::encode(protocol::MessageType::SortBracket, 20, bracket)) + frame(two_keys) + frame(two_keys));
    protocol::SortExchange exchange;
    exchange.values_id = 2;
    exchange.indices_id = 3;
    exchange.self = 0;
    exchange.splits = { 512 };
    exchange.incoming = { 512, 0 };
    exchange.out_id = 9;
    exchange.indices = 1;
    save("sort_exchange", frame(protocol::encode(protocol::MessageType::SortExchange, 21, exchange)));
    // a[mask] over rows 8..40 (the target adds the bool tile 4 that the mask reads).
    protocol::Compress compress;
    compress.a = per_row.a;
    compress.mask = per_row.a;
    compress.mask.dtype = static_cast<uint8_t>(engine::DType::Bool);
    compress.mask.id = 4;
    save("compress_count", frame(protocol::encode(protocol::MessageType::Compress, 22, compress)));
    compress.out_id = 10;
    compress.out_row_begin = 3;
    save("compress", frame(protocol::encode(protocol::MessageType::Compress, 23, compress)));
    // The same with dtype=float32 (rows cast before they fold), and an int64 sum with dtype=.
    chained.dtype = static_cast<int32_t>(engine::DType::Float32);
    save("reduce_chained_dtype", frame(protocol::encode(protocol::MessageType::ReduceRows, 19, chained)) + frame(std::string(8 * 4, '\0')));
    reduce_partial.op = static_cast<uint8_t>(vm::ReduceOp::Sum);
    reduce_partial.dtype = static_cast<int32_t>(engine::DType::Int32);
    save("reduce_partial_dtype", frame(protocol::encode(protocol::MessageType::ReduceRows, 20, reduce_partial)));
    protocol::ReduceRows count = per_row;
    count.op = static_cast<uint8_t>(vm::ReduceOp::CountNonzero);
    save("reduce_count_nonzero", frame(protocol::encode(protocol::MessageType::ReduceRows, 21, count)));
    // cumsum along axis 1 of rows 8..40 into tile 7; along axis 0 chained on from a carry row;
    // flattened (1-d tile of 256 elements) chained on from a carry element.
    protocol::ScanRows scan;
    scan.a = per_row.a;
    scan.op = static_cast<uint8_t>(vm::ReduceOp::Sum);
    scan.axis = 1;
    scan.dtype = static_cast<uint8_t>(engine::DType::Float64);
    scan.out_id = 7;
    scan.out_row_begin = 8;
    save("scan_rows", frame(protocol::encode(protocol::MessageType::ScanRows, 22, scan)));
    scan.axis = 0;
    scan.chained = 1;
    scan.op = static_cast<uint8_t>(vm::ReduceOp::Prod);
    save("scan_chained", frame(protocol::encode(protocol::MessageType::ScanRows, 23, scan)) + frame(std::string(8 * 8, '\0')));
    scan.flatten = 1;
    scan.out_row_begin = 64;
    save("scan_flat", frame(protocol::encode(protocol::MessageType::ScanRows, 24, scan)) + frame(std::string(8, '\0')));
    scan.stage = 1;
    save("scan_stage1", frame(protocol::encode(protocol::MessageType::ScanRows, 25, scan)));
    save("free", frame(protocol::encode(protocol::MessageType::Free, 11, protocol::Free { { 1, 2 } })));
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    if (const char* folder = std::getenv("RAMBA_FUZZ_WORKER_SEEDS"))
        write_seeds(folder);
    setenv("RAMBA_MEMORY_LIMIT", "256M", 0);
    setenv("RAMBA_NUM_THREADS", "1", 0);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::vector<std::string> frames;
    size_t at = 0;
    while (at + 4 <= size && frames.size() < 16) {
        uint32_t n;
        std::memcpy(&n, data + at, 4);
        at += 4;
        n = static_cast<uint32_t>(std::min<size_t>(n, size - at));
        frames.emplace_back(reinterpret_cast<const char*>(data + at), n);
        at += n;
    }
    if (frames.empty())
        return 0;
    tiles::TileStore store = fresh_store();
    std::vector<tiles::Frame> rest;
    for (size_t i = 1; i < frames.size(); ++i)
        rest.emplace_back(reinterpret_cast<const std::byte*>(frames[i].data()), frames[i].size());
    // No peers: halos and row exchanges go nowhere, and none ever arrives.
    tiles::TileStore::SendHalo send = [](const tiles::HaloOut&) { };
    tiles::TileStore::ReceiveHalo receive = [](protocol::Halo&, std::vector<std::byte>&) { return false; };
    try {
        protocol::Decoded decoded(frames[0].data(), frames[0].size());
        // What the worker would have in store before these requests, and caps on the work of one.
        switch (decoded.type()) {
        case protocol::MessageType::Run: {
            auto run = decoded.body<protocol::Run>();
            if (capped_size(run.shape) < 0 || capped_size(run.new_tile_shape) < 0)
                return 0;
            break;
        }
        case protocol::MessageType::MatMul: {
            auto product = decoded.body<protocol::MatMul>();
            // Work cap as for runs: A's rows times B's columns times k.
            int64_t rows = capped_size(product.a.shape), columns = capped_size(product.b.shape);
            if (rows < 0 || columns < 0 || (rows && columns > max_run_elements / rows))
                return 0;
            break;
        }
        case protocol::MessageType::SortBracket:
        case protocol::MessageType::SortExchange:
            // A sorted run (tile 2) and its indices (tile 3) to cut, as the first step leaves them.
            store.sort_sample(protocol::SortSample { 1, 2, 3, 0, 8 });
            break;
        case protocol::MessageType::Compress: {
            // Tile 4: a bool mask of tile 1's shape (every third element true).
            std::vector<uint8_t> flags(64 * 8);
            for (size_t i = 0; i < flags.size(); ++i)
                flags[i] = i % 3 == 0;
            store.scatter(protocol::Scatter { 4, static_cast<uint8_t>(engine::DType::Bool), { 64, 8 }, 0 },
                tiles::Frame(reinterpret_cast<const std::byte*>(flags.data()), flags.size()));
            break;
        }
        default:
            break;
        }
        // The worker's own dispatch (engine/tiles/serve.cpp, generated from messages.def) for every
        // Store row; the other rows are the worker's main loop's, decoded only.
        if (protocol::message_row(decoded.type()).route == protocol::Route::Store)
            tiles::serve(store, decoded, tiles::Request { decoded.header.sequence, rest, send, receive });
        else
            decoded.body<protocol::Hello>();
    } catch (const protocol::ProtocolError&) {
    } catch (const RambaError&) {
    } catch (const std::bad_alloc&) {
    }
    return 0;
}
