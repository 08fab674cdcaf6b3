// MatMul on a worker: its rows of A times the whole of B (inline, or all-gathered from the peers).
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

} // namespace ramba::tiles
