// Executing driver requests against a worker's tiles. Every index, shape, dtype and loop in a
// request is checked before use: a message can make a request fail, never read or write out of bounds.
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
#include "base/error.hpp"

namespace ramba::tiles {

using engine::DType;
using engine::NDArray;
using protocol::ProtocolError;

namespace {

constexpr int64_t max_elements = int64_t(1) << 40;

DType checked_dtype(uint8_t value)
{
    if (value >= engine::dtype_count)
        throw ProtocolError("bad dtype " + std::to_string(value));
    return static_cast<DType>(value);
}

int64_t checked_size(const std::vector<int64_t>& shape)
{
    if (shape.size() > 32)
        throw ProtocolError("too many dimensions");
    int64_t n = 1;
    for (auto extent : shape) {
        if (extent < 0 || extent > max_elements || (extent && n > max_elements / extent))
            throw ProtocolError("bad shape");
        n *= extent;
    }
    return n;
}

NDArray copy_frame(DType dtype, const std::vector<int64_t>& shape, Frame frame)
{
    int64_t n = checked_size(shape);
    if (static_cast<int64_t>(frame.size()) != n * static_cast<int64_t>(engine::dtype_itemsize(dtype)))
        throw ProtocolError("data frame of " + std::to_string(frame.size()) + " bytes does not match its shape");
    NDArray array = NDArray::empty(dtype, shape);
    if (!frame.empty())
        std::memcpy(array.data(), frame.data(), frame.size());
    return array;
}

// A view (offset/strides in elements) over `rows` rows of `row_elements` each must stay inside them.
void check_view(const protocol::ArrayRef& ref, int64_t available_elements)
{
    if (ref.strides.size() != ref.shape.size())
        throw ProtocolError("view strides do not match its shape");
    int64_t n = checked_size(ref.shape);
    if (n == 0)
        return;
    int64_t low = ref.offset, high = ref.offset;
    for (size_t axis = 0; axis < ref.shape.size(); ++axis) {
        int64_t stride = ref.strides[axis];
        if (stride > max_elements || stride < -max_elements)
            throw ProtocolError("bad view stride");
        int64_t reach = stride * (ref.shape[axis] - 1);
        (reach < 0 ? low : high) += reach;
    }
    if (low < 0 || high >= available_elements)
        throw ProtocolError("view reaches outside its rows");
}

NDArray view_of(const NDArray& rows, int64_t first_row_byte, const protocol::ArrayRef& ref)
{
    NDArray view;
    view.dtype = rows.dtype;
    view.buffer = rows.buffer;
    size_t itemsize = engine::dtype_itemsize(rows.dtype);
    view.offset = rows.offset + first_row_byte + ref.offset * static_cast<int64_t>(itemsize);
    view.shape = ref.shape;
    for (auto stride : ref.strides)
        view.strides.push_back(stride * static_cast<int64_t>(itemsize));
    return view;
}

int64_t row_elements(const NDArray& array)
{
    int64_t n = 1;
    for (size_t axis = 1; axis < array.shape.size(); ++axis)
        n *= array.shape[axis];
    return n;
}

bool broadcastable(const std::vector<int64_t>& from, const std::vector<int64_t>& to)
{
    if (from.size() > to.size())
        return false;
    size_t lead = to.size() - from.size();
    for (size_t axis = 0; axis < from.size(); ++axis) {
        if (from[axis] != 1 && from[axis] != to[lead + axis])
            return false;
    }
    return true;
}

} // namespace

// Four ghost rows: enough for the stencils people write (u[2:], u[:-2], u[i+1:j+1]).
constexpr int64_t ghost_rows = 4;

Tile make_tile(DType dtype, const engine::Shape& shape, int64_t row_begin)
{
    Tile t;
    t.row_begin = row_begin;
    t.margin = shape.empty() ? 0 : ghost_rows;
    engine::Shape padded = shape;
    if (!padded.empty())
        padded[0] += 2 * t.margin;
    NDArray buffer = NDArray::empty(dtype, padded);
    t.data = buffer;
    t.data.shape = shape;
    t.data.offset += t.margin * row_elements(buffer) * static_cast<int64_t>(buffer.itemsize());
    return t;
}

const Tile& TileStore::tile(uint64_t id) const
{
    auto it = m_tiles.find(id);
    if (it == m_tiles.end())
        throw ProtocolError("no tile " + std::to_string(id));
    return it->second;
}

bool TileStore::is_new_tile(uint64_t id, int64_t row_begin) const
{
    return id != 0 && !m_tiles.count(id) && row_begin >= 0 && row_begin <= max_elements;
}

int64_t TileStore::bytes() const
{
    int64_t total = 0;
    for (auto& [id, tile] : m_tiles)
        total += tile.data.nbytes();
    return total;
}

Frame TileStore::gather(const protocol::Gather& request) const
{
    const Tile& t = tile(request.id);
    int64_t rows = t.data.shape.empty() ? 1 : t.data.shape[0];
    if (request.row_begin < t.row_begin || request.row_end > t.row_begin + rows || request.row_begin > request.row_end)
        throw ProtocolError("gather of rows outside the tile");
    size_t row_bytes = static_cast<size_t>(row_elements(t.data)) * t.data.itemsize();
    return Frame(t.data.data() + (request.row_begin - t.row_begin) * row_bytes, (request.row_end - request.row_begin) * row_bytes);
}

void TileStore::scatter(const protocol::Scatter& request, Frame data)
{
    if (request.shape.empty())
        throw ProtocolError("scatter of a 0-d tile");
    DType dtype = checked_dtype(request.dtype);
    int64_t n = checked_size(request.shape);
    if (static_cast<int64_t>(data.size()) != n * static_cast<int64_t>(engine::dtype_itemsize(dtype)))
        throw ProtocolError("scattered rows do not match their shape");
    Tile t = make_tile(dtype, request.shape, request.row_begin);
    if (!data.empty())
        std::memcpy(t.data.data(), data.data(), data.size());
    m_tiles[request.id] = std::move(t);
}

void TileStore::free(std::span<const uint64_t> ids)
{
    for (auto id : ids)
        m_tiles.erase(id);
}

NDArray TileStore::rows_view(const protocol::ArrayRef& a, const std::string& what) const
{
    if (a.kind != 1)
        throw ProtocolError(what + " must be rows of a tile");
    const Tile& t = tile(a.id);
    if (t.data.dtype != checked_dtype(a.dtype) || t.data.shape.empty())
        throw ProtocolError(what + "'s dtype does not match its tile");
    if (a.shape.empty() || a.row_begin > a.row_end || a.row_begin < t.row_begin || a.row_end > t.row_begin + t.data.shape[0]
        || a.shape[0] != a.row_end - a.row_begin)
        throw ProtocolError(what + "'s rows are not this worker's");
    int64_t per_row = row_elements(t.data);
    check_view(a, (a.row_end - a.row_begin) * per_row);
    size_t row_bytes = static_cast<size_t>(per_row) * t.data.itemsize();
    return view_of(t.data, (a.row_begin - t.row_begin) * static_cast<int64_t>(row_bytes), a);
}

void TileStore::matmul(uint64_t sequence, const protocol::MatMul& request, std::span<const Frame> frames, const SendHalo& send,
    const ReceiveHalo& receive)
{
    const auto& a = request.a;
    const auto& b = request.b;
    if (a.kind != 1 || a.shape.size() != 2)
        throw ProtocolError("matmul: A must be 2-d rows of a tile");
    NDArray a_rows = rows_view(a, "matmul: A");
    if (b.shape.empty() || b.shape.size() > 2 || b.shape[0] != a.shape[1])
        throw ProtocolError("matmul: B must be of shape (k, n) or (k,)");
    if (b.kind == 0 ? (b.frame != 0 || frames.size() != 1) : (b.kind != 1 || !frames.empty()))
        throw ProtocolError("matmul: B must be the inline frame 0 or a distributed array");
    DType b_dtype = checked_dtype(b.dtype);
    DType out_dtype = checked_dtype(request.out_dtype);
    if (engine::promote_types(a_rows.dtype, b_dtype) != out_dtype)
        throw ProtocolError("matmul: the output dtype is not the operands' promotion");
    if (!is_new_tile(request.out_id, request.out_row_begin))
        throw ProtocolError("matmul: bad output tile");
    engine::Shape out_shape = { a.shape[0] };
    if (b.shape.size() == 2)
        out_shape.push_back(b.shape[1]);
    checked_size(out_shape);
    NDArray b_data;
    if (b.kind == 0) {
        b_data = copy_frame(b_dtype, b.shape, frames[0]);
    } else {
        // The whole of a distributed B: own rows, and the peers' rows from their halos.
        const Tile& bt = tile(b.id);
        engine::Shape b_row_shape(b.shape.begin() + 1, b.shape.end()), tile_row_shape(bt.data.shape.begin() + 1, bt.data.shape.end());
        if (bt.data.dtype != b_dtype || tile_row_shape != b_row_shape || b.row_begin != 0 || b.row_end != b.shape[0])
            throw ProtocolError("matmul: B does not match its tile");
        for (auto& halo_send : request.sends) {
            if (halo_send.id != b.id)
                throw ProtocolError("matmul: rows sent must be B's");
            protocol::Gather range { halo_send.id, halo_send.row_begin, halo_send.row_end };
            send(HaloOut { halo_send.to, protocol::Halo { sequence, 0, halo_send.row_begin, halo_send.row_end }, gather(range) });
        }
        // A worker without rows of A only sends (the driver expects nothing back for it).
        bool needed = a.shape[0] > 0;
        engine::Shape assembled_shape = b.shape;
        if (!needed)
            assembled_shape[0] = 0;
        b_data = NDArray::empty(b_dtype, assembled_shape);
        size_t b_row_bytes = static_cast<size_t>(checked_size(b_row_shape)) * b_data.itemsize();
        int64_t own_begin = std::max<int64_t>(0, bt.row_begin), own_end = std::min(b.shape[0], bt.row_begin + bt.data.shape[0]);
        if (needed && own_begin < own_end)
            std::memcpy(b_data.data() + (own_begin * b_row_bytes), bt.data.data() + (own_begin - bt.row_begin) * b_row_bytes,
                (own_end - own_begin) * b_row_bytes);
        for (uint32_t i = 0; i < request.halo_count; ++i) {
            protocol::Halo halo;
            std::vector<std::byte> data;
            if (!receive(halo, data))
                throw RambaError(ErrorKind::WorkerError, "rows of B from a peer never came");
            if (halo.sequence != sequence || halo.input != 0 || halo.row_begin < 0 || halo.row_begin > halo.row_end || halo.row_end > b.shape[0]
                || data.size() != static_cast<size_t>(halo.row_end - halo.row_begin) * b_row_bytes)
                throw ProtocolError("matmul: rows of B do not fit");
            if (needed && !data.empty())
                std::memcpy(b_data.data() + halo.row_begin * b_row_bytes, data.data(), data.size());
        }
    }
    Tile out = make_tile(out_dtype, out_shape, request.out_row_begin);
    if (a.shape[0] > 0) {
        NDArray product = engine::matmul(a_rows, b_data);
        if (product.shape != out_shape || product.dtype != out_dtype)
            throw RambaError(ErrorKind::WorkerError, "matmul: unexpected product shape");
        engine::assign(out.data, product);
    }
    m_tiles[request.out_id] = std::move(out);
}

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

NDArray TileStore::compress(const protocol::Compress& request)
{
    NDArray a = rows_view(request.a, "compress: the array");
    NDArray mask = rows_view(request.mask, "compress: the mask");
    if (mask.dtype != DType::Bool || mask.shape != a.shape)
        throw ProtocolError("compress: the mask must be a bool array of the array's shape");
    if (request.out_id == 0) {
        NDArray flags = engine::copy(mask);
        const bool* f = reinterpret_cast<const bool*>(flags.data());
        int64_t count = 0;
        for (int64_t i = 0; i < flags.size(); ++i)
            count += f[i];
        NDArray result = NDArray::empty(DType::Int64, { 1 });
        *reinterpret_cast<int64_t*>(result.data()) = count;
        return result;
    }
    if (!is_new_tile(request.out_id, request.out_row_begin))
        throw ProtocolError("compress: bad output tile");
    engine::IndexItem item = engine::IndexItem::make_array(mask);
    NDArray selected = a.shape.empty() ? NDArray::empty(a.dtype, { 0 }) : engine::index_get(a, std::span<const engine::IndexItem>(&item, 1)).array;
    Tile out = make_tile(a.dtype, { selected.size() }, request.out_row_begin);
    if (selected.size())
        engine::assign(out.data, selected);
    m_tiles[request.out_id] = std::move(out);
    return NDArray();
}

NDArray TileStore::reduce_rows(const protocol::ReduceRows& request, std::span<const Frame> frames)
{
    using vm::ReduceOp;
    NDArray rows = rows_view(request.a, "reduce_rows: the operand");
    auto op = static_cast<ReduceOp>(request.op);
    bool per_row = request.out_id != 0;
    switch (op) {
    case ReduceOp::Sum: case ReduceOp::Prod: case ReduceOp::Min: case ReduceOp::Max: case ReduceOp::Any: case ReduceOp::All:
    case ReduceOp::CountNonzero:
        break;
    case ReduceOp::Mean: case ReduceOp::Std: case ReduceOp::Var: case ReduceOp::ArgMin: case ReduceOp::ArgMax: case ReduceOp::Ptp:
    case ReduceOp::NanSum: case ReduceOp::NanMean: case ReduceOp::NanMin: case ReduceOp::NanMax:
        if (!per_row)
            throw ProtocolError("reduce_rows: this reduction has no partials to combine");
        break;
    default:
        throw ProtocolError("reduce_rows: bad reduction");
    }
    if (engine::dtype_kind(rows.dtype) == 'c')
        throw ProtocolError("reduce_rows: complex operand");
    int64_t ndim = static_cast<int64_t>(rows.shape.size());
    std::vector<int64_t> axes;
    for (auto axis : request.axes) {
        if (axis < 0 || axis >= ndim || (!axes.empty() && axis <= axes.back()))
            throw ProtocolError("reduce_rows: axes must be ascending, distinct and inside the operand");
        axes.push_back(axis);
    }
    if (axes.empty() || request.keepdims > 1 || ((op == ReduceOp::ArgMin || op == ReduceOp::ArgMax) && axes.size() != 1))
        throw ProtocolError("reduce_rows: bad axes or keepdims");
    if (per_row != (axes[0] != 0))
        throw ProtocolError("reduce_rows: a new tile needs axes without 0, a partial axes with 0");
    if (per_row && !is_new_tile(request.out_id, request.out_row_begin))
        throw ProtocolError("reduce_rows: bad output tile");
    vm::ReduceOptions options;
    options.keepdims = request.keepdims != 0;
    options.ddof = request.ddof;
    if (request.dtype != -1) {
        bool takes_dtype = op == ReduceOp::Sum || op == ReduceOp::Prod || op == ReduceOp::Mean || op == ReduceOp::Std
            || op == ReduceOp::Var || op == ReduceOp::NanSum || op == ReduceOp::NanMean;
        if (request.dtype < 0 || request.dtype > 255 || !takes_dtype)
            throw ProtocolError("reduce_rows: bad dtype=");
        options.dtype = checked_dtype(static_cast<uint8_t>(request.dtype));
        if (engine::dtype_kind(*options.dtype) == 'c')
            throw ProtocolError("reduce_rows: complex dtype=");
    }
    if (request.chained) {
        DType accumulating = options.dtype.value_or(rows.dtype);
        if (request.chained > 1 || per_row || axes.size() != 1 || (op != ReduceOp::Sum && op != ReduceOp::Prod)
            || (accumulating != DType::Float64 && accumulating != DType::Float32) || ndim < 2 || !options.keepdims || frames.size() > 1)
            throw ProtocolError("reduce_rows: a chained reduction is a sum or product in float32/float64 along axis 0 alone");
        if (frames.empty())
            return engine::ascontiguous(vm::reduce(op, rows, std::span<const int64_t>(axes), options));
        engine::Shape kept = rows.shape;
        kept[0] = 1;
        NDArray running = copy_frame(accumulating, kept, frames[0]);
        // numpy's loop for axis 0: running = running op row, one row after the other, each row
        // cast to the accumulating dtype first (numpy's buffered cast).
        NDArray row = rows;
        row.shape[0] = 1;
        NDArray cast_row = rows.dtype == accumulating ? NDArray {} : NDArray::empty(accumulating, kept);
        vm::OpCode fold = op == ReduceOp::Sum ? vm::OpCode::Add : vm::OpCode::Multiply;
        for (int64_t r = 0; r < rows.shape[0]; ++r) {
            row.offset = rows.offset + r * rows.strides[0];
            if (cast_row.buffer)
                engine::assign(cast_row, row);
            NDArray operands[] = { running, cast_row.buffer ? cast_row : row };
            vm::apply_into(fold, operands, running);
        }
        return running;
    }
    if (!frames.empty())
        throw ProtocolError("reduce_rows: unexpected data frames");
    if (rows.shape[0] == 0 && per_row) {
        // No rows here (a min of them would raise): the empty tile takes its shape and dtype from
        // one row of zeros.
        engine::Shape one = rows.shape;
        one[0] = 1;
        NDArray zeros = NDArray::empty(rows.dtype, one);
        std::memset(zeros.data(), 0, static_cast<size_t>(zeros.nbytes()));
        NDArray like = vm::reduce(op, zeros, std::span<const int64_t>(axes), options);
        vm::take_fp_warnings();
        like.shape[0] = 0;
        m_tiles[request.out_id] = make_tile(like.dtype, like.shape, request.out_row_begin);
        return {};
    }
    NDArray result = vm::reduce(op, rows, std::span<const int64_t>(axes), options);
    if (!per_row)
        return engine::ascontiguous(result);
    if (result.shape.empty() || result.shape[0] != rows.shape[0])
        throw RambaError(ErrorKind::WorkerError, "reduce_rows: unexpected result shape");
    Tile out = make_tile(result.dtype, result.shape, request.out_row_begin);
    engine::assign(out.data, result);
    m_tiles[request.out_id] = std::move(out);
    return {};
}

NDArray TileStore::scan_rows(const protocol::ScanRows& request, std::span<const Frame> frames)
{
    using vm::ReduceOp;
    NDArray rows = rows_view(request.a, "scan_rows: the operand");
    auto op = static_cast<ReduceOp>(request.op);
    if (op != ReduceOp::Sum && op != ReduceOp::Prod)
        throw ProtocolError("scan_rows: bad accumulation");
    DType dtype = checked_dtype(request.dtype);
    // Casts that warn would warn here, on the worker's stderr: the driver keeps those.
    if (engine::dtype_kind(rows.dtype) == 'c' || engine::dtype_kind(dtype) == 'c' || engine::cast_may_warn(rows.dtype, dtype))
        throw ProtocolError("scan_rows: complex data or a cast that can warn");
    if (request.flatten > 1 || request.chained > 1 || request.stage > 2 || frames.size() > (request.chained && request.stage != 1 ? 1u : 0u))
        throw ProtocolError("scan_rows: bad flags or frames");
    int64_t ndim = static_cast<int64_t>(rows.shape.size());
    if (request.flatten ? request.axis != 0 : (request.axis < 0 || request.axis >= ndim))
        throw ProtocolError("scan_rows: the axis is outside the operand");
    if (request.chained && !request.flatten && request.axis != 0)
        throw ProtocolError("scan_rows: only axis 0 or a flattened scan is chained");
    engine::Shape shape = request.flatten ? engine::Shape { rows.size() } : rows.shape;
    bool made = request.stage == 2; // the tile is there already (stage 1 made it)
    if (request.out_id == 0 || m_tiles.count(request.out_id) != (made ? 1u : 0u) || request.out_row_begin < 0)
        throw ProtocolError("scan_rows: bad output tile");
    if (made) {
        const Tile& t = tile(request.out_id);
        if (t.data.dtype != dtype || t.data.shape != shape || t.row_begin != request.out_row_begin)
            throw ProtocolError("scan_rows: the tile to scan in place does not match");
    } else {
        Tile out = make_tile(dtype, shape, request.out_row_begin);
        engine::assign(out.data, request.flatten ? engine::reshape(engine::ascontiguous(rows), shape) : rows);
        m_tiles[request.out_id] = std::move(out);
        if (request.stage == 1)
            return {};
    }
    NDArray data = tile(request.out_id).data;
    int64_t axis = request.axis;
    engine::Shape line = shape;
    line[axis] = 1;
    NDArray carry;
    if (!frames.empty())
        carry = copy_frame(dtype, line, frames[0]);
    vm::accumulate_into(op, data, axis, data, carry.buffer ? &carry : nullptr);
    if (!request.chained)
        return {};
    // The next worker goes on from this one's last line (axis 0: the last row).
    int64_t n = shape[0];
    if (n == 0)
        return carry;
    NDArray last = data;
    last.shape[0] = 1;
    last.offset += (n - 1) * last.strides[0];
    return engine::ascontiguous(last);
}

vm::BlockPartials TileStore::run(uint64_t sequence, const protocol::Run& request, std::span<const Frame> frames,
    const SendHalo& send, const ReceiveHalo& receive)
{
    checked_size(request.shape);
    if (request.index_offset < 0)
        throw ProtocolError("negative index offset");

    // 1. Push the rows peers need before anything here changes.
    for (auto& halo_send : request.sends) {
        const Tile& t = tile(halo_send.id);
        protocol::Gather range { halo_send.id, halo_send.row_begin, halo_send.row_end };
        HaloOut out { halo_send.to, protocol::Halo { sequence, halo_send.input, halo_send.row_begin, halo_send.row_end }, gather(range) };
        (void)t;
        send(out);
    }

    auto frame_at = [&](int32_t index) {
        if (index < 0 || static_cast<size_t>(index) >= frames.size())
            throw ProtocolError("frame index out of range");
        return frames[index];
    };

    // 2. Inputs: inline data, own rows, or own rows extended with halo rows from peers.
    struct Assembly {
        NDArray rows;       // rows [row_begin, row_end) of the base
        int64_t row_begin;
        std::vector<std::pair<int64_t, int64_t>> missing;
    };
    std::vector<NDArray> inputs;
    std::vector<Assembly> assemblies(request.inputs.size());
    std::vector<bool> assembled(request.inputs.size(), false);
    std::vector<const Tile*> ghost(request.inputs.size(), nullptr);
    for (size_t k = 0; k < request.inputs.size(); ++k) {
        auto& ref = request.inputs[k];
        DType dtype = checked_dtype(ref.dtype);
        if (!broadcastable(ref.shape, request.shape))
            throw ProtocolError("input shape does not broadcast to the kernel's");
        if (ref.kind == 0) {
            NDArray data = copy_frame(dtype, ref.shape, frame_at(ref.frame));
            inputs.push_back(data);
            continue;
        }
        if (ref.kind != 1)
            throw ProtocolError("bad input kind");
        const Tile& t = tile(ref.id);
        if (t.data.dtype != dtype)
            throw ProtocolError("input dtype does not match its tile");
        int64_t tile_rows = t.data.shape[0], tile_end = t.row_begin + tile_rows;
        if (ref.row_begin > ref.row_end || ref.row_end - ref.row_begin > max_elements)
            throw ProtocolError("bad row range");
        int64_t per_row = row_elements(t.data);
        check_view(ref, (ref.row_end - ref.row_begin) * per_row);
        size_t row_bytes = static_cast<size_t>(per_row) * t.data.itemsize();
        if (ref.row_begin >= t.row_begin && ref.row_end <= tile_end) {
            inputs.push_back(view_of(t.data, (ref.row_begin - t.row_begin) * row_bytes, ref));
            continue;
        }
        if (ref.row_begin >= t.row_begin - t.margin && ref.row_end <= tile_end + t.margin && ref.row_begin < ref.row_end) {
            // Own rows plus ghost rows: peers' halo rows are written into the margins.
            ghost[k] = &t;
            inputs.push_back(view_of(t.data, (ref.row_begin - t.row_begin) * static_cast<int64_t>(row_bytes), ref));
            continue;
        }
        Assembly& a = assemblies[k];
        engine::Shape shape = t.data.shape;
        shape[0] = ref.row_end - ref.row_begin;
        a.rows = NDArray::empty(dtype, shape);
        a.row_begin = ref.row_begin;
        int64_t own_begin = std::max(ref.row_begin, t.row_begin), own_end = std::min(ref.row_end, tile_end);
        if (own_begin < own_end) {
            std::memcpy(a.rows.data() + (own_begin - ref.row_begin) * row_bytes, t.data.data() + (own_begin - t.row_begin) * row_bytes,
                (own_end - own_begin) * row_bytes);
        }
        assembled[k] = true;
        inputs.push_back(view_of(a.rows, 0, ref));
    }

    // 3. Halo rows from peers, for this request only (others are the receiver's to keep).
    for (uint32_t i = 0; i < request.halo_count; ++i) {
        protocol::Halo halo;
        std::vector<std::byte> data;
        if (!receive(halo, data))
            throw RambaError(ErrorKind::WorkerError, "halo rows from a peer never came");
        if (halo.sequence != sequence || halo.input >= request.inputs.size() || (!assembled[halo.input] && !ghost[halo.input]))
            throw ProtocolError("unexpected halo");
        if (const Tile* t = ghost[halo.input]) {
            int64_t rows = t->data.shape[0];
            size_t row_bytes = static_cast<size_t>(row_elements(t->data)) * t->data.itemsize();
            bool before = halo.row_begin >= t->row_begin - t->margin && halo.row_end <= t->row_begin;
            bool after = halo.row_begin >= t->row_begin + rows && halo.row_end <= t->row_begin + rows + t->margin;
            if (halo.row_begin > halo.row_end || !(before || after)
                || data.size() != static_cast<size_t>(halo.row_end - halo.row_begin) * row_bytes)
                throw ProtocolError("halo rows do not fit the ghost rows");
            std::memcpy(t->data.data() + (halo.row_begin - t->row_begin) * static_cast<int64_t>(row_bytes), data.data(), data.size());
            continue;
        }
        Assembly& a = assemblies[halo.input];
        int64_t rows = a.rows.shape[0];
        size_t row_bytes = static_cast<size_t>(row_elements(a.rows)) * a.rows.itemsize();
        if (halo.row_begin < a.row_begin || halo.row_end > a.row_begin + rows || halo.row_begin > halo.row_end
            || data.size() != static_cast<size_t>(halo.row_end - halo.row_begin) * row_bytes)
            throw ProtocolError("halo rows do not fit their input");
        std::memcpy(a.rows.data() + (halo.row_begin - a.row_begin) * row_bytes, data.data(), data.size());
    }

    std::vector<NDArray> constants;
    for (auto& ref : request.constants) {
        if (ref.kind != 0 || !ref.shape.empty())
            throw ProtocolError("constants are inline 0-d arrays");
        constants.push_back(copy_frame(checked_dtype(ref.dtype), ref.shape, frame_at(ref.frame)));
    }

    // 4. Outputs: fresh tiles (kept under their ids), views into existing tiles, or reduce slots.
    if (request.output_is_new.size() != request.outputs.size())
        throw ProtocolError("output flags do not match the outputs");
    std::vector<NDArray> outputs;
    std::vector<std::pair<NDArray, NDArray>> copy_back; // (temporary, destination) when a store overlaps an input
    std::vector<std::pair<uint64_t, Tile>> created;
    for (size_t k = 0; k < request.outputs.size(); ++k) {
        auto& ref = request.outputs[k];
        DType dtype = checked_dtype(ref.dtype);
        if (ref.kind == 0) {
            if (!ref.shape.empty())
                throw ProtocolError("reduce outputs are 0-d");
            outputs.push_back(NDArray::empty(dtype, {}));
            continue;
        }
        if (ref.shape != request.shape)
            throw ProtocolError("store output shape differs from the kernel's");
        if (request.output_is_new[k]) {
            if (m_tiles.count(ref.id))
                throw ProtocolError("tile " + std::to_string(ref.id) + " exists already");
            if (request.new_tile_shape.empty() || request.new_tile_shape[0] != request.shape[0] || ref.id == 0)
                throw ProtocolError("bad new tile");
            checked_size(request.new_tile_shape);
            Tile t = make_tile(dtype, request.new_tile_shape, request.new_row_begin);
            check_view(ref, t.data.size());
            outputs.push_back(view_of(t.data, 0, ref));
            created.emplace_back(ref.id, t);
            continue;
        }
        const Tile& t = tile(ref.id);
        if (t.data.dtype != dtype)
            throw ProtocolError("output dtype does not match its tile");
        int64_t per_row = row_elements(t.data);
        if (ref.row_begin > ref.row_end || (ref.row_begin < ref.row_end && (ref.row_begin < t.row_begin || ref.row_end > t.row_begin + t.data.shape[0])))
            throw ProtocolError("output rows outside the tile");
        if (ref.row_begin == ref.row_end) {
            outputs.push_back(NDArray::empty(dtype, request.shape)); // no rows here: nothing to write
            continue;
        }
        check_view(ref, (ref.row_end - ref.row_begin) * per_row);
        NDArray destination = view_of(t.data, (ref.row_begin - t.row_begin) * per_row * static_cast<int64_t>(t.data.itemsize()), ref);
        bool overlaps = false;
        for (auto& in : request.inputs)
            overlaps = overlaps || (in.kind == 1 && in.id == ref.id);
        if (overlaps) {
            NDArray temporary = NDArray::empty(dtype, request.shape);
            copy_back.emplace_back(temporary, destination);
            outputs.push_back(temporary);
        } else {
            outputs.push_back(destination);
        }
    }

    vm::Program program = decode_program(request, std::move(inputs), std::move(constants), std::move(outputs));
    program.index_offset = request.index_offset;
    vm::BlockPartials partials = vm::run_program_partials(program);
    for (auto& [temporary, destination] : copy_back)
        engine::assign(destination, temporary);
    for (auto& [id, t] : created)
        m_tiles[id] = std::move(t);
    return partials;
}

vm::Program decode_program(const protocol::Run& request, std::vector<NDArray> inputs, std::vector<NDArray> constants,
    std::vector<NDArray> outputs)
{
    vm::Program program;
    program.shape = request.shape;
    if (request.registers.size() > 4096 || request.code.size() > 65536)
        throw ProtocolError("program too large");
    for (auto reg : request.registers)
        program.registers.push_back(checked_dtype(reg));
    auto reg_count = static_cast<int32_t>(program.registers.size());
    auto check_register = [&](int32_t r) {
        if (r < 0 || r >= reg_count)
            throw ProtocolError("register out of range");
        return r;
    };
    for (auto& in : request.code) {
        vm::Instruction out;
        if (in.kind > static_cast<uint8_t>(vm::InstructionKind::Reduce))
            throw ProtocolError("bad instruction kind");
        out.kind = static_cast<vm::InstructionKind>(in.kind);
        if (in.operands.size() > static_cast<size_t>(vm::max_arity))
            throw ProtocolError("too many operands");
        out.operand_count = static_cast<int>(in.operands.size());
        for (size_t k = 0; k < in.operands.size(); ++k)
            out.operands[k] = check_register(in.operands[k]);
        out.index = in.index;
        out.start = in.start;
        out.step = in.step;
        out.direct_store = in.direct_store;
        switch (out.kind) {
        case vm::InstructionKind::Load:
            out.target = check_register(in.target);
            if (in.index < 0 || static_cast<size_t>(in.index) >= inputs.size())
                throw ProtocolError("load of a missing input");
            break;
        case vm::InstructionKind::Iota: {
            out.target = check_register(in.target);
            char kind = engine::dtype_kind(program.registers[out.target]);
            if (kind == 'b' || kind == 'c')
                throw ProtocolError("iota register must be integer or float");
            break;
        }
        case vm::InstructionKind::Constant:
            out.target = check_register(in.target);
            if (in.index < 0 || static_cast<size_t>(in.index) >= constants.size())
                throw ProtocolError("missing constant");
            break;
        case vm::InstructionKind::Apply: {
            out.target = check_register(in.target);
            if (in.op >= vm::op_count)
                throw ProtocolError("bad op");
            out.op = static_cast<vm::OpCode>(in.op);
            if (out.operand_count != vm::op_arity(out.op) || in.loop_inputs.size() != in.operands.size())
                throw ProtocolError("wrong operand count for " + std::string(vm::op_name(out.op)));
            for (auto& loop : vm::op_loops(out.op)) {
                bool match = static_cast<uint8_t>(loop.output) == in.loop_output;
                for (int k = 0; k < out.operand_count && match; ++k)
                    match = static_cast<uint8_t>(loop.inputs[k]) == in.loop_inputs[k];
                if (match) {
                    out.loop = &loop;
                    break;
                }
            }
            if (!out.loop)
                throw ProtocolError("no such loop for " + std::string(vm::op_name(out.op)));
            if (program.registers[out.target] != out.loop->output)
                throw ProtocolError("apply target dtype differs from its loop");
            for (int k = 0; k < out.operand_count; ++k) {
                if (program.registers[out.operands[k]] != out.loop->inputs[k])
                    throw ProtocolError("apply operand dtype differs from its loop");
            }
            break;
        }
        case vm::InstructionKind::Cast:
            out.target = check_register(in.target);
            if (out.operand_count != 1)
                throw ProtocolError("cast takes one operand");
            break;
        case vm::InstructionKind::Store:
        case vm::InstructionKind::Reduce:
            if (out.operand_count != 1 || in.index < 0 || static_cast<size_t>(in.index) >= outputs.size())
                throw ProtocolError("store/reduce of a missing output");
            if (out.kind == vm::InstructionKind::Reduce) {
                if (in.reduce > static_cast<uint8_t>(vm::ProgramReduce::Max))
                    throw ProtocolError("bad reduction");
                out.reduce = static_cast<vm::ProgramReduce>(in.reduce);
                char kind = engine::dtype_kind(program.registers[out.operands[0]]);
                if (kind == 'c' || !outputs[in.index].shape.empty())
                    throw ProtocolError("reductions are over real registers into 0-d outputs");
                // Per row: the partials of each row of a 2-d or larger space (the driver folds them).
                if (in.per_row > 1 || (in.per_row && program.shape.size() < 2))
                    throw ProtocolError("per-row reductions need rows");
                out.per_row = in.per_row != 0;
            } else if (!outputs[in.index].shape.empty() ? outputs[in.index].shape != program.shape : !program.shape.empty()) {
                throw ProtocolError("store into an output of another shape");
            }
            break;
        }
        program.code.push_back(out);
    }
    // Direct stores must name a Store instruction after the Apply.
    for (size_t i = 0; i < program.code.size(); ++i) {
        int32_t d = program.code[i].direct_store;
        if (d == -1)
            continue;
        if (program.code[i].kind != vm::InstructionKind::Apply || d <= static_cast<int32_t>(i)
            || d >= static_cast<int32_t>(program.code.size()) || program.code[d].kind != vm::InstructionKind::Store)
            throw ProtocolError("bad direct store");
    }
    // Every register is written before it is read.
    std::vector<bool> written(program.registers.size(), false);
    for (auto& instruction : program.code) {
        for (int k = 0; k < instruction.operand_count; ++k) {
            if (!written[instruction.operands[k]])
                throw ProtocolError("register read before written");
        }
        if (instruction.target >= 0)
            written[instruction.target] = true;
    }
    program.inputs = std::move(inputs);
    program.constants = std::move(constants);
    program.outputs = std::move(outputs);
    return program;
}

std::vector<protocol::Instruction> encode_code(const vm::Program& program)
{
    std::vector<protocol::Instruction> code;
    for (auto& in : program.code) {
        protocol::Instruction out;
        out.kind = static_cast<uint8_t>(in.kind);
        out.target = in.target;
        for (int k = 0; k < in.operand_count; ++k)
            out.operands.push_back(in.operands[k]);
        out.op = static_cast<uint8_t>(in.op);
        if (in.loop) {
            for (int k = 0; k < in.operand_count; ++k)
                out.loop_inputs.push_back(static_cast<uint8_t>(in.loop->inputs[k]));
            out.loop_output = static_cast<uint8_t>(in.loop->output);
        }
        out.index = in.index;
        out.start = in.start;
        out.step = in.step;
        out.reduce = static_cast<uint8_t>(in.reduce);
        out.direct_store = in.direct_store;
        out.per_row = in.per_row ? 1 : 0;
        code.push_back(std::move(out));
    }
    return code;
}

} // namespace ramba::tiles
