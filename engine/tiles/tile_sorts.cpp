// Sorts on a worker: SortRows (each row by itself), and the sample sort's three steps (SortSample,
// SortBracket, SortExchange; engine/cluster/sample_sort.cpp is the driver's side).
#include "engine/tiles/tile_store.hpp"

#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/array/index.hpp"
#include "engine/array/linalg.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/array/sort.hpp"
#include "engine/array/sorted_runs.hpp"
#include "engine/dtype/dtype.hpp"
#include "engine/vm/kernels.hpp"
#include "engine/vm/ufunc.hpp"
#include "engine/tiles/tile_checks.hpp"
#include "base/error.hpp"

namespace ramba::tiles {

using engine::DType;
using engine::NDArray;
using protocol::ProtocolError;

void TileStore::sort_rows(const protocol::SortRows& request)
{
    const Tile& t = tile(request.id);
    if (request.axis < 1 || static_cast<size_t>(request.axis) >= t.data.shape.size())
        throw ProtocolError("sort_rows: the axis must be one inside the rows");
    if (request.out_id != 0) {
        if (m_tiles.count(request.out_id))
            throw ProtocolError("sort_rows: the output tile exists already");
        Tile out = make_tile(DType::Int64, t.data.shape, t.row_begin);
        if (t.data.size() != 0)
            engine::assign(out.data, engine::argsort(t.data, request.axis));
        m_tiles[request.out_id] = std::move(out);
        return;
    }
    if (t.data.size() == 0)
        return;
    NDArray sorted = engine::sort(t.data, request.axis);
    engine::assign(t.data, sorted);
}

std::pair<NDArray, NDArray> TileStore::sort_sample(const protocol::SortSample& request)
{
    const Tile& source = tile(request.id);
    NDArray part = source.data;
    part.shape = { source.data.size() };
    part.strides = { static_cast<int64_t>(part.itemsize()) };
    if (request.values_id == 0 || m_tiles.count(request.values_id) || request.indices_id == request.values_id
        || (request.indices_id && m_tiles.count(request.indices_id)))
        throw ProtocolError("sort_sample: bad run tiles");
    int64_t m = part.size();
    if (request.samples > m || request.index_begin < 0 || request.index_begin > max_elements)
        throw ProtocolError("sort_sample: bad samples or index");
    Tile run = make_tile(part.dtype, { m }, 0);
    if (request.indices_id) {
        // Stable, so equal values keep their original order (sorted_runs.hpp's key order).
        Tile indices = make_tile(DType::Int64, { m }, 0);
        NDArray values = engine::copy(part);
        NDArray order = engine::argsort(values, 0);
        const int64_t* o = reinterpret_cast<const int64_t*>(order.data());
        int64_t* global = reinterpret_cast<int64_t*>(indices.data.data());
        engine::dispatch_dtype(values.dtype, [&]<typename T>() {
            const T* v = reinterpret_cast<const T*>(values.data());
            T* out = reinterpret_cast<T*>(run.data.data());
            for (int64_t i = 0; i < m; ++i) {
                out[i] = v[o[i]];
                global[i] = o[i] + request.index_begin;
            }
        });
        m_tiles[request.indices_id] = std::move(indices);
    } else if (m) {
        engine::assign(run.data, engine::sort(part, 0));
    }
    int64_t s = request.samples;
    NDArray samples = NDArray::empty(part.dtype, { s }), positions = NDArray::empty(DType::Int64, { s });
    size_t itemsize = part.itemsize();
    for (int64_t k = 0; k < s; ++k) {
        int64_t at = (2 * k + 1) * m / (2 * s);
        reinterpret_cast<int64_t*>(positions.data())[k] = at;
        std::memcpy(samples.data() + k * static_cast<int64_t>(itemsize), run.data.data() + at * static_cast<int64_t>(itemsize), itemsize);
    }
    m_tiles[request.values_id] = std::move(run);
    return { samples, positions };
}

std::pair<NDArray, NDArray> TileStore::sort_bracket(const protocol::SortBracket& request, std::span<const Frame> frames)
{
    const NDArray& run = tile(request.values_id).data;
    size_t boundaries = request.lower_workers.size();
    if (run.shape.size() != 1 || request.workers == 0 || request.self >= request.workers || boundaries + 1 != request.workers
        || request.upper_workers.size() != boundaries || request.lower_positions.size() != boundaries
        || request.upper_positions.size() != boundaries || frames.size() != 2)
        throw ProtocolError("sort_bracket: malformed keys");
    size_t itemsize = run.itemsize();
    if (frames[0].size() != boundaries * itemsize || frames[1].size() != boundaries * itemsize)
        throw ProtocolError("sort_bracket: key values do not match the run's dtype");
    int64_t m = run.size();
    auto count = [&](uint32_t worker, int64_t position, Frame values, size_t j, int64_t none) {
        if (worker > request.workers)
            throw ProtocolError("sort_bracket: a key's worker does not exist");
        if (worker == request.workers)
            return none;
        return engine::count_before(run, request.self, engine::RunKey { values.data() + j * itemsize, worker, position });
    };
    NDArray counts = NDArray::empty(DType::Int64, { static_cast<int64_t>(2 * boundaries) });
    int64_t* c = reinterpret_cast<int64_t*>(counts.data());
    int64_t total = 0;
    for (size_t j = 0; j < boundaries; ++j) {
        c[2 * j] = count(request.lower_workers[j], request.lower_positions[j], frames[0], j, 0);
        c[2 * j + 1] = count(request.upper_workers[j], request.upper_positions[j], frames[1], j, m);
        if (c[2 * j] > c[2 * j + 1])
            throw ProtocolError("sort_bracket: a lower key orders after its upper key");
        total += c[2 * j + 1] - c[2 * j];
    }
    NDArray between = NDArray::empty(run.dtype, { total });
    int64_t at = 0;
    for (size_t j = 0; j < boundaries; ++j) {
        int64_t length = c[2 * j + 1] - c[2 * j];
        if (length)
            std::memcpy(between.data() + at * static_cast<int64_t>(itemsize), run.data() + c[2 * j] * static_cast<int64_t>(itemsize),
                static_cast<size_t>(length) * itemsize);
        at += length;
    }
    return { counts, between };
}

void TileStore::sort_exchange(uint64_t sequence, const protocol::SortExchange& request, const SendHalo& send, const ReceiveHalo& receive)
{
    const NDArray run = tile(request.values_id).data;
    NDArray run_indices = request.indices ? tile(request.indices_id).data : NDArray();
    size_t n = request.incoming.size();
    if (n == 0 || request.self >= n || request.splits.size() + 1 != n || run.shape.size() != 1
        || (request.indices && (request.indices_id == request.values_id || run_indices.shape != run.shape)))
        throw ProtocolError("sort_exchange: malformed request");
    if (!is_new_tile(request.out_id, request.out_row_begin))
        throw ProtocolError("sort_exchange: bad output tile");
    std::vector<int64_t> cuts { 0 };
    for (int64_t split : request.splits)
        cuts.push_back(split);
    cuts.push_back(run.size());
    int64_t total = 0;
    for (size_t v = 0; v < n; ++v) {
        if (cuts[v] > cuts[v + 1] || request.incoming[v] < 0 || request.incoming[v] > max_elements)
            throw ProtocolError("sort_exchange: bad splits or piece lengths");
        total += request.incoming[v];
    }
    if (request.incoming[request.self] != cuts[request.self + 1] - cuts[request.self] || total > max_elements)
        throw ProtocolError("sort_exchange: piece lengths do not match the run");
    auto piece = [](const NDArray& whole, int64_t begin, int64_t end) {
        NDArray view = whole;
        view.offset += begin * static_cast<int64_t>(whole.itemsize());
        view.shape = { end - begin };
        return view;
    };
    uint32_t self = request.self;
    for (uint32_t v = 0; v < n; ++v) {
        if (v == self || cuts[v] == cuts[v + 1])
            continue;
        for (uint32_t kind = 0; kind < (request.indices ? 2u : 1u); ++kind) {
            const NDArray& source = kind ? run_indices : run;
            NDArray rows = piece(source, cuts[v], cuts[v + 1]);
            send(HaloOut { v, protocol::Halo { sequence, 2 * self + kind, 0, cuts[v + 1] - cuts[v] },
                Frame(rows.data(), static_cast<size_t>(rows.nbytes())) });
        }
    }
    std::vector<NDArray> pieces(n), piece_indices(n);
    pieces[self] = piece(run, cuts[self], cuts[self + 1]);
    if (request.indices)
        piece_indices[self] = piece(run_indices, cuts[self], cuts[self + 1]);
    uint32_t expected = 0;
    for (size_t v = 0; v < n; ++v)
        expected += (v != self && request.incoming[v] > 0) * (request.indices ? 2 : 1);
    for (uint32_t i = 0; i < expected; ++i) {
        protocol::Halo halo;
        std::vector<std::byte> data;
        if (!receive(halo, data))
            throw RambaError(ErrorKind::WorkerError, "a piece of the sort from a peer never came");
        uint32_t from = halo.input / 2, kind = halo.input % 2;
        if (halo.sequence != sequence || from >= n || from == self || (kind && !request.indices) || halo.row_begin != 0
            || halo.row_end != request.incoming[from] || halo.row_end == 0)
            throw ProtocolError("sort_exchange: a piece does not fit");
        NDArray& slot = kind ? piece_indices[from] : pieces[from];
        if (slot.buffer)
            throw ProtocolError("sort_exchange: a piece came twice");
        slot = copy_frame(kind ? DType::Int64 : run.dtype, { halo.row_end }, Frame(data.data(), data.size()));
    }
    for (size_t v = 0; v < n; ++v) {
        if (!pieces[v].buffer)
            pieces[v] = NDArray::empty(run.dtype, { 0 });
        if (request.indices && !piece_indices[v].buffer)
            piece_indices[v] = NDArray::empty(DType::Int64, { 0 });
    }
    Tile out = make_tile(request.indices ? DType::Int64 : run.dtype, { total }, request.out_row_begin);
    if (request.indices) {
        NDArray values = NDArray::empty(run.dtype, { total });
        engine::merge_runs(pieces, piece_indices, values, &out.data);
    } else {
        engine::merge_runs(pieces, {}, out.data, nullptr);
    }
    m_tiles.erase(request.values_id);
    if (request.indices)
        m_tiles.erase(request.indices_id);
    m_tiles[request.out_id] = std::move(out);
}

} // namespace ramba::tiles
