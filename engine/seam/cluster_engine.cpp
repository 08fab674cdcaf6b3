// The cluster engine: placement, shapes and copies, and matmul (see cluster_engine.hpp).
#include "engine/seam/cluster_engine.hpp"

#include <cstdio>
#include <unordered_set>

#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/cluster/cluster.hpp"
#include "engine/cluster/placement.hpp"
#include "engine/planner/explain.hpp"

namespace ramba::seam {

using engine::NDArray;

void explain(const std::string& text)
{
    if (!engine::explain::enabled())
        return;
    std::fflush(stdout);
    std::fprintf(stderr, "-- %s\n", text.c_str());
}

NDArray stand_in(const cluster::DistView& view)
{
    static std::shared_ptr<engine::Buffer> buffer = engine::Buffer::allocate(64);
    int64_t itemsize = static_cast<int64_t>(engine::dtype_itemsize(view.dtype()));
    NDArray array;
    array.dtype = view.dtype();
    array.shape = view.shape;
    for (auto stride : view.strides)
        array.strides.push_back(stride * itemsize);
    array.offset = view.offset * itemsize;
    array.buffer = buffer;
    return array;
}

cluster::DistView view_from_stand_in(const std::shared_ptr<cluster::DistArray>& base, const NDArray& stand)
{
    int64_t itemsize = static_cast<int64_t>(engine::dtype_itemsize(stand.dtype));
    cluster::DistView view;
    view.base = base;
    view.shape = stand.shape;
    for (auto stride : stand.strides)
        view.strides.push_back(stride / itemsize);
    view.offset = stand.offset / itemsize;
    return view;
}

const cluster::DistView* distributed_view(const ArrayHandle& handle)
{
    if (handle.pending())
        handle.materialize();
    return handle.distributed();
}

namespace {

bool has_distributed_leaf(const engine::planner::Node& node, std::unordered_set<const engine::planner::Node*>& seen)
{
    if (!seen.insert(&node).second)
        return false;
    if (node.dist && !node.dist->base->is_local())
        return true;
    for (auto& operand : node.operands) {
        if (operand && has_distributed_leaf(*operand, seen))
            return true;
    }
    return false;
}

} // namespace

const cluster::DistView* distributed_operand(const ArrayHandle& handle)
{
    if (handle.pending()) {
        std::unordered_set<const engine::planner::Node*> seen;
        if (!has_distributed_leaf(*handle.pending(), seen))
            return nullptr;
        handle.materialize();
    }
    return handle.distributed();
}

Result keep_or_gather(std::shared_ptr<cluster::DistArray> array, bool& small)
{
    small = array->shape.empty() || array->shape[0] * array->row_elements() < cluster::min_elements();
    if (small)
        return Result::in_driver(engine::ascontiguous(cluster::gather(*cluster::DistView::whole(array))));
    return Result::on_workers(std::move(array));
}

std::shared_ptr<cluster::DistView> ClusterEngine::place(const NDArray& array, long buffer_users)
{
    auto placed = cluster::place(array, buffer_users);
    return placed ? cluster::DistView::whole(std::move(placed)) : nullptr;
}

bool ClusterEngine::place_again(cluster::DistArray& base, long buffer_users) { return cluster::place_again(base, buffer_users); }

void ClusterEngine::explain_drawn(const engine::Shape& shape)
{
    int64_t size = 1;
    for (auto extent : shape)
        size *= extent;
    if (engine::explain::enabled() && size >= cluster::min_elements())
        explain("random draws " + engine::shape_to_string(shape) + ": drawn on the driver in numpy's sequential order, then distributed to the workers");
}

namespace {

Result wrap_view(const std::shared_ptr<cluster::DistArray>& base, const NDArray& stand)
{
    return Result::on_workers(std::make_shared<cluster::DistView>(view_from_stand_in(base, stand)));
}

// The view itself when C-contiguous, else a distributed copy of it (null when not possible).
std::shared_ptr<cluster::DistView> contiguous_view(const cluster::DistView& view, const char* what)
{
    if (stand_in(view).is_c_contiguous())
        return std::make_shared<cluster::DistView>(view);
    explain(std::string(what) + " of a non-contiguous distributed view " + engine::shape_to_string(view.shape) + ": "
        + cluster::explain_copy(view));
    auto copied = cluster::copy(view);
    return copied ? cluster::DistView::whole(copied) : nullptr;
}

} // namespace

Outcome ClusterEngine::reshape(const ArrayHandle& a, const engine::Shape& shape)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view || shape.empty())
        return std::nullopt;
    auto source = contiguous_view(*view, "reshape");
    if (!source)
        return std::nullopt;
    return wrap_view(source->base, engine::reshape(stand_in(*source), shape));
}

Outcome ClusterEngine::ravel(const ArrayHandle& a, bool copy)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view || view->shape.empty())
        return std::nullopt;
    if (!copy)
        return reshape(a, { -1 });
    explain("flatten of a distributed array " + engine::shape_to_string(view->shape) + ": " + cluster::explain_copy(*view));
    auto copied = cluster::copy(*view);
    if (!copied)
        return std::nullopt;
    auto whole = cluster::DistView::whole(copied);
    return wrap_view(copied, engine::reshape(stand_in(*whole), { -1 }));
}

Outcome ClusterEngine::transpose(const ArrayHandle& a, std::optional<std::vector<int64_t>> axes)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view)
        return std::nullopt;
    return wrap_view(view->base, engine::transpose(stand_in(*view), std::move(axes)));
}

Outcome ClusterEngine::copy(const ArrayHandle& a)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view)
        return std::nullopt;
    auto copied = cluster::copy(*view);
    if (!copied)
        return std::nullopt;
    return Result::on_workers(std::move(copied));
}

Outcome ClusterEngine::fill(engine::DType dtype, const engine::Shape& shape, const NDArray& value)
{
    // Large arrays are born on the workers (no scatter later).
    auto filled = cluster::fill(dtype, shape, value);
    if (!filled)
        return std::nullopt;
    return Result::on_workers(std::move(filled));
}

void ClusterEngine::prepare_index(const ArrayHandle& a)
{
    // Slices of a large array are where a cluster run starts distributing it.
    if (a.pending())
        a.materialize();
    a.distribute();
}

Outcome ClusterEngine::matmul(const ArrayHandle& left, const ArrayHandle* b, FunctionRef<NDArray()> b_data)
{
    if (left.shape().size() != 2)
        return std::nullopt;
    if (left.pending())
        left.materialize();
    left.distribute();
    const cluster::DistView* view = left.distributed();
    if (!view)
        return std::nullopt;
    std::shared_ptr<cluster::DistView> copied;
    if (!view->row_aligned()) {
        // A transposed or strided left operand: a distributed copy first (worker to worker when cheaper).
        explain("matmul with a non-row-aligned distributed left operand " + engine::shape_to_string(view->shape) + ": "
            + cluster::explain_copy(*view));
        auto array = cluster::copy(*view);
        if (!array)
            return std::nullopt;
        copied = cluster::DistView::whole(array);
        view = copied.get();
    }
    // B goes whole to every worker: a whole distributed B worker to worker, anything else from the
    // driver (a distributed view of part of an array is gathered there first, its rows only).
    std::shared_ptr<cluster::DistArray> product;
    engine::Shape right_shape;
    std::string how;
    if (b) {
        if (b->pending())
            b->materialize();
        if (auto* right_view = b->distributed(); right_view && right_view->shape.size() >= 1 && right_view->shape.size() <= 2
            && right_view->shape[0] == view->shape[1]) {
            product = cluster::matmul(*view, *right_view);
            right_shape = right_view->shape;
            how = "its row blocks all-gathered worker to worker";
        }
    }
    if (!product) {
        NDArray right = b ? b->readable() : b_data();
        if (right.ndim() < 1 || right.ndim() > 2 || right.shape[0] != view->shape[1])
            return std::nullopt;
        product = cluster::matmul(*view, right);
        right_shape = right.shape;
        how = "sent from the driver to every worker, " + std::to_string(right.nbytes()) + " bytes each";
    }
    if (!product)
        return std::nullopt;
    std::string left_shape = engine::shape_to_string(view->shape);
    bool small = false;
    Result result = keep_or_gather(std::move(product), small);
    explain("matmul " + left_shape + " @ " + engine::shape_to_string(right_shape) + ": each of "
        + std::to_string(cluster::Cluster::get()->size()) + " workers multiplies its rows of the left operand by the right one ("
        + how + "); the product keeps the left operand's rows" + (small ? " and, being small, is gathered to the driver" : ""));
    return result;
}

} // namespace ramba::seam
