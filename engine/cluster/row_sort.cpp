// sort / argsort along an axis other than 0: each worker sorts its own rows (SortRows).
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

std::shared_ptr<DistArray> argsort_rows(const DistArray& array, int64_t axis)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || array.is_local() || axis < 1 || axis >= static_cast<int64_t>(array.shape.size()))
        return nullptr;
    cluster->check_alive();
    uint64_t sequence = cluster->next_sequence(), id = next_id();
    std::vector<int> all(cluster->size());
    auto header = protocol::encode(protocol::MessageType::SortRows, sequence, protocol::SortRows { array.id, static_cast<int32_t>(axis), id });
    for (int w = 0; w < cluster->size(); ++w) {
        all[w] = w;
        cluster->send(w, header);
    }
    auto result = std::make_shared<DistArray>();
    result->dtype = DType::Int64;
    result->shape = array.shape;
    result->bounds = array.bounds;
    result->id = id; // set before collecting: a failure frees whatever tiles were made
    cluster->collect(all, sequence);
    return result;
}

bool sort_rows(DistArray& array, int64_t axis)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || array.is_local() || axis < 1 || axis >= static_cast<int64_t>(array.shape.size()))
        return false;
    cluster->check_alive();
    uint64_t sequence = cluster->next_sequence();
    std::vector<int> all(cluster->size());
    auto header = protocol::encode(protocol::MessageType::SortRows, sequence, protocol::SortRows { array.id, static_cast<int32_t>(axis) });
    for (int w = 0; w < cluster->size(); ++w) {
        all[w] = w;
        cluster->send(w, header);
    }
    cluster->collect(all, sequence);
    ++array.version;
    return true;
}

} // namespace ramba::cluster
