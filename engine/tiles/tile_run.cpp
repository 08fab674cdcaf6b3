// Run on a worker: a fused kernel over its rows (halos pushed to and taken from peers, span inputs
// assembled, reduction partials per block returned).
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

} // namespace ramba::tiles
