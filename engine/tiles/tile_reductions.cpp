// ReduceRows and ScanRows on a worker: reductions and cumsum/cumprod of its rows, along any axis.
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

NDArray TileStore::reduce_rows(const protocol::ReduceRows& request, std::span<const Frame> frames)
{
    using vm::ReduceOp;
    NDArray rows = rows_view(request.a, "reduce_rows: the operand");
    if (request.op >= vm::reduce_op_count)
        throw ProtocolError("reduce_rows: bad reduction");
    auto op = static_cast<ReduceOp>(request.op);
    bool per_row = request.out_id != 0;
    if (!per_row && !vm::reduce_combines_partials(op))
        throw ProtocolError("reduce_rows: this reduction has no partials to combine");
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
        if (request.dtype < 0 || request.dtype > 255 || !vm::reduce_takes_dtype(op))
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

} // namespace ramba::tiles
