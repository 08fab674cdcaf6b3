// A worker's tiles: their memory (make, scatter, gather, free), the checks every request's views
// pass, and compress. Every index, shape, dtype and loop in a request is checked before use: a message
// can make a request fail, never read or write out of bounds. The other requests live beside this
// file: tile_run.cpp, tile_program.cpp, tile_matmul.cpp, tile_reductions.cpp, tile_sorts.cpp.
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

} // namespace ramba::tiles
