// A @ B with a distributed left operand: each worker multiplies its rows of A by the whole of B.
#include "engine/cluster/dist.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <set>

#include "engine/dtype/promotion.hpp"
#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/cluster/cluster.hpp"
#include "engine/cluster/dist_detail.hpp"
#include "engine/planner/passes/passes.hpp"
#include "engine/tiles/tile_store.hpp"
#include "engine/vm/program.hpp"
#include "engine/vm/ufunc.hpp"
#include "base/error.hpp"

namespace ramba::cluster {

using engine::DType;
using engine::NDArray;
using engine::Shape;
using engine::planner::Node;
using engine::planner::NodeKind;
using engine::planner::NodePtr;

namespace {

// A @ B for both matmul() overloads: B inline (`b_local`) or the whole distributed array `b_tiles`.
std::shared_ptr<DistArray> row_block_matmul(const DistView& a, const NDArray* b_local, const DistArray* b_tiles)
{
    Cluster* cluster = Cluster::get();
    const Shape& b_shape = b_local ? b_local->shape : b_tiles->shape;
    if (!cluster || a.base->is_local() || a.shape.size() != 2 || !a.row_aligned() || b_shape.size() < 1 || b_shape.size() > 2
        || b_shape[0] != a.shape[1])
        return nullptr;
    cluster->check_alive();
    int n = cluster->size();
    int64_t m = a.shape[0];
    NDArray b = b_local ? contiguous(*b_local) : NDArray();
    DType b_dtype = b_local ? b.dtype : b_tiles->dtype;
    DType out_dtype = engine::promote_types(a.dtype(), b_dtype);
    Shape out_shape = { m };
    if (b_shape.size() == 2)
        out_shape.push_back(b_shape[1]);
    // The product's rows follow A's: worker w computes the view rows that its base rows hold.
    std::vector<int64_t> bounds = view_bounds(a, n);
    uint64_t id = next_id();
    uint64_t sequence = cluster->next_sequence();
    std::vector<int> all(n);
    for (int w = 0; w < n; ++w) {
        all[w] = w;
        protocol::MatMul message;
        message.a = rows_ref(a, bounds, w);
        message.b.dtype = static_cast<uint8_t>(b_dtype);
        message.b.shape = b_shape;
        message.b.strides = c_strides_elements(b_shape);
        message.out_id = id;
        message.out_row_begin = bounds[w];
        message.out_dtype = static_cast<uint8_t>(out_dtype);
        std::vector<zmq::message_t> frames;
        if (b_local) {
            message.b.kind = 0;
            message.b.frame = 0;
            frames.push_back(frame_of(b, 0, static_cast<size_t>(b.nbytes())));
        } else {
            // Every worker with rows of A needs all of B: each pushes its rows of B to those peers.
            message.b.kind = 1;
            message.b.id = b_tiles->id;
            message.b.row_begin = 0;
            message.b.row_end = b_shape[0];
            auto has_rows = [&](int v) { return bounds[v] < bounds[v + 1]; };
            for (int v = 0; v < n; ++v) {
                int64_t lo = b_tiles->bounds[w], hi = b_tiles->bounds[w + 1];
                if (v != w && lo < hi && has_rows(v))
                    message.sends.push_back(protocol::HaloSend { static_cast<uint32_t>(v), 0, b_tiles->id, lo, hi });
                if (v != w && b_tiles->bounds[v] < b_tiles->bounds[v + 1] && has_rows(w))
                    ++message.halo_count;
            }
        }
        cluster->send(w, protocol::encode(protocol::MessageType::MatMul, sequence, message), std::move(frames));
    }
    auto result = std::make_shared<DistArray>();
    result->dtype = out_dtype;
    result->shape = out_shape;
    result->bounds = bounds;
    try {
        cluster->collect(all, sequence);
    } catch (...) {
        result->id = id; // whatever tiles were made are freed with it
        throw;
    }
    result->id = id;
    return result;
}

} // namespace

std::shared_ptr<DistArray> matmul(const DistView& a, const NDArray& b) { return row_block_matmul(a, &b, nullptr); }

std::shared_ptr<DistArray> matmul(const DistView& a, const DistView& b)
{
    // Only a whole distributed B is all-gathered worker to worker; the caller gathers other views.
    bool whole = !b.base->is_local() && b.offset == 0 && b.shape == b.base->shape && b.strides == c_strides_elements(b.shape);
    return whole ? row_block_matmul(a, nullptr, b.base.get()) : nullptr;
}

} // namespace ramba::cluster
