// The cluster engine: concatenation and stacks, selection (a[mask], a[rows]), basic views and
// assignment where the rows live (see cluster_engine.hpp).
#include "engine/seam/cluster_engine.hpp"

#include <cstdio>

#include "engine/array/cast.hpp"
#include "engine/array/index.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/cluster/cluster.hpp"
#include "engine/dtype/promotion.hpp"
#include "engine/planner/explain.hpp"

namespace ramba::seam {

using engine::NDArray;
namespace planner = engine::planner;

namespace {

// A part of a concatenation: its shape and dtype, and its node (made when it is written).
struct Piece {
    engine::Shape shape;
    engine::DType dtype;
    const ArrayHandle* handle { nullptr }; // else `node`
    planner::NodePtr node;
};

// At least one part distributed (a pending part is computed to know): anything else goes the
// driver's way.
bool any_distributed(std::span<const ArrayHandle* const> parts)
{
    bool any = false;
    for (auto* part : parts)
        any = any || distributed_view(*part);
    return any;
}

// `part` seen with `shape` (its elements in the same order): a distributed view for a distributed
// part (a copy where its rows live when it is not contiguous), a view or copy in the driver else.
std::optional<Piece> reshaped_piece(Engine& engine, const ArrayHandle& part, const engine::Shape& shape)
{
    Piece piece { shape, part.dtype(), nullptr, nullptr };
    if (distributed_view(part)) {
        auto view = engine.reshape(part, shape);
        if (!view)
            return std::nullopt;
        piece.node = planner::dist_node(view->distributed);
        return piece;
    }
    NDArray reshaped = engine::reshape(part.readable(), shape);
    if (auto placed = engine.place(reshaped, reshaped.buffer.use_count()))
        piece.node = planner::dist_node(std::move(placed));
    else
        piece.node = planner::array_node(std::move(reshaped));
    return piece;
}

Outcome concatenate_pieces(std::span<const Piece> pieces, int64_t axis_argument)
{
    // Shapes and dtypes as numpy checks them; anything unusual takes the driver path (and its errors).
    const engine::Shape& first = pieces[0].shape;
    if (first.empty())
        return std::nullopt;
    int64_t ndim = static_cast<int64_t>(first.size()), axis = axis_argument;
    if (axis < -ndim || axis >= ndim)
        return std::nullopt;
    if (axis < 0)
        axis += ndim;
    engine::Shape shape = first;
    shape[axis] = 0;
    engine::DType dtype = pieces[0].dtype;
    for (auto& piece : pieces) {
        const engine::Shape& s = piece.shape;
        if (static_cast<int64_t>(s.size()) != ndim)
            return std::nullopt;
        for (int64_t d = 0; d < ndim; ++d) {
            if (d != axis && s[d] != first[d])
                return std::nullopt;
        }
        shape[axis] += s[axis];
        dtype = engine::promote_types(dtype, piece.dtype);
    }
    auto result = cluster::fill(dtype, shape, engine::Scalar::make(engine::DType::Int64, int64_t(0)).to_array());
    if (!result)
        return std::nullopt; // small: the driver concatenates
    explain("concatenate of " + std::to_string(pieces.size()) + " arrays along axis " + std::to_string(axis) + " into a distributed "
        + engine::shape_to_string(shape) + ": each part written where the result's rows live (distributed parts worker to worker)");
    auto whole = cluster::DistView::whole(result);
    int64_t at = 0;
    for (auto& piece : pieces) {
        int64_t length = piece.shape[axis];
        if (length == 0)
            continue;
        cluster::DistView target = *whole;
        target.offset += at * whole->strides[axis];
        target.shape[axis] = length;
        at += length;
        if (!cluster::assign(target, piece.handle ? piece.handle->node() : piece.node))
            return std::nullopt;
    }
    return Result::on_workers(whole);
}

} // namespace

Outcome ClusterEngine::concatenate(std::span<const ArrayHandle* const> parts, int64_t axis)
{
    if (parts.empty() || !any_distributed(parts))
        return std::nullopt;
    std::vector<Piece> pieces;
    for (auto* part : parts)
        pieces.push_back({ part->shape(), part->dtype(), part, nullptr });
    return concatenate_pieces(pieces, axis);
}

Outcome ClusterEngine::stack(std::span<const ArrayHandle* const> parts, FunctionRef<int64_t()> axis_argument)
{
    if (parts.empty() || !any_distributed(parts))
        return std::nullopt;
    // numpy's checks and errors (shapes, the axis) come from the driver path.
    const engine::Shape& shape = parts[0]->shape();
    for (auto* part : parts) {
        if (part->shape() != shape)
            return std::nullopt;
    }
    int64_t ndim = static_cast<int64_t>(shape.size()) + 1, axis = axis_argument();
    if (axis < -ndim || axis >= ndim)
        return std::nullopt;
    axis = axis < 0 ? axis + ndim : axis;
    if (axis == 0) {
        // The parts would be the rows: one or a few huge rows are no partition to speak of. The
        // driver stacks copies of them; they stay distributed.
        explain("stack of " + std::to_string(parts.size()) + " arrays " + engine::shape_to_string(shape)
            + " along a new axis 0: in the driver (the parts would be the result's rows), from copies of the distributed ones");
        std::vector<NDArray> arrays;
        for (auto* part : parts)
            arrays.push_back(part->readable());
        return Result::in_driver(engine::stack(arrays, 0));
    }
    engine::Shape expanded = shape;
    expanded.insert(expanded.begin() + axis, 1);
    std::vector<Piece> columns;
    for (auto* part : parts) {
        auto piece = reshaped_piece(*this, *part, expanded);
        if (!piece)
            return std::nullopt;
        columns.push_back(std::move(*piece));
    }
    return concatenate_pieces(columns, axis);
}

Outcome ClusterEngine::column_stack(std::span<const ArrayHandle* const> parts)
{
    if (parts.empty() || !any_distributed(parts))
        return std::nullopt;
    for (auto* part : parts) {
        if (part->shape().empty())
            return std::nullopt;
    }
    // numpy: 1-d parts become columns; the others join along axis 1 as they are.
    std::vector<Piece> columns;
    for (auto* part : parts) {
        const engine::Shape& shape = part->shape();
        if (shape.size() >= 2) {
            columns.push_back({ shape, part->dtype(), part, nullptr });
            continue;
        }
        auto column = reshaped_piece(*this, *part, { shape[0], 1 });
        if (!column)
            return std::nullopt;
        columns.push_back(std::move(*column));
    }
    return concatenate_pieces(columns, 1);
}

Outcome ClusterEngine::select_mask(const ArrayHandle& a, const ArrayHandle& mask)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view || mask.shape() != view->shape)
        return std::nullopt;
    const cluster::DistView* mask_view = distributed_view(mask);
    if (!mask_view)
        return std::nullopt;
    // Views whose rows do not line up with their base's (a reshape of a 1-d array, a transpose)
    // are copied where their rows live first.
    auto aligned = [](const cluster::DistView& v, const char* what) -> std::shared_ptr<cluster::DistView> {
        if (v.row_aligned())
            return std::make_shared<cluster::DistView>(v);
        explain(std::string(what) + " of a[mask], a distributed view " + engine::shape_to_string(v.shape) + ": " + cluster::explain_copy(v));
        auto copied = cluster::copy(v);
        return copied ? cluster::DistView::whole(copied) : nullptr;
    };
    auto data = aligned(*view, "the array");
    auto flags = data ? aligned(*mask_view, "the mask") : nullptr;
    auto selected = flags ? cluster::compress(*data, *flags) : nullptr;
    if (!selected)
        return std::nullopt;
    int64_t count = selected->shape[0];
    explain("a[mask] of a distributed array " + engine::shape_to_string(view->shape)
        + ": each worker keeps the elements of its rows where the mask holds (" + std::to_string(count) + " elements)");
    if (count < cluster::min_elements())
        return Result::in_driver(cluster::gather(*cluster::DistView::whole(selected)));
    auto even = cluster::partition(count, 1, cluster::Cluster::get()->size());
    if (selected->bounds != even) {
        auto whole = cluster::DistView::whole(selected);
        explain("the selection's uneven parts: " + cluster::explain_copy(*whole));
        auto copied = cluster::copy(*whole);
        if (!copied)
            return std::nullopt;
        selected = copied;
    }
    return Result::on_workers(std::move(selected));
}

Outcome ClusterEngine::take_rows(const ArrayHandle& a, size_t count, FunctionRef<std::optional<std::vector<int64_t>>()> parse)
{
    // A short list of rows: a list of ints, or a small 1-d integer array in the driver.
    constexpr size_t max_rows = 4096;
    const cluster::DistView* view = distributed_view(a);
    if (!view || count > max_rows)
        return std::nullopt;
    auto rows = parse();
    if (!rows)
        return std::nullopt;
    int64_t extent = view->shape[0];
    for (auto& r : *rows)
        r = r < 0 ? r + extent : r; // out of range: take_rows declines and the driver raises numpy's IndexError
    auto taken = cluster::take_rows(*view, *rows);
    if (!taken)
        return std::nullopt;
    explain("a[[...]] of a distributed array " + engine::shape_to_string(view->shape) + ": only the " + std::to_string(rows->size())
        + " rows named come to the driver");
    return Result::in_driver(std::move(*taken));
}

namespace {

// The view a basic index (integers, slices, None, ...) makes of a distributed array, worked out on
// a data-less stand-in with the engine's own indexing rules (and errors). Advanced indices: nullopt.
std::optional<cluster::DistView> basic_view(const cluster::DistView& view, std::span<const engine::IndexItem> items, bool& is_scalar)
{
    for (auto& item : items) {
        if (item.kind == engine::IndexItem::Kind::Array || item.kind == engine::IndexItem::Kind::Mask)
            return std::nullopt;
    }
    auto result = engine::index_get(stand_in(view), items);
    cluster::DistView out = view_from_stand_in(view.base, result.array);
    is_scalar = result.is_scalar || out.shape.empty();
    return out;
}

// The (1, ..., 1) view of the one element a 0-d view of a distributed array selects: its one row
// lives on one worker, so a[i, j] = x is a kernel there.
cluster::DistView element_view(const cluster::DistView& element)
{
    cluster::DistView one = element;
    const engine::Shape& shape = element.base->shape;
    one.shape.assign(shape.size(), 1);
    one.strides = engine::c_strides(shape, 1); // in elements
    return one;
}

void explain_kernel(const std::string& heading, const planner::NodePtr& node)
{
    if (!engine::explain::enabled())
        return;
    std::string text = planner::explain(std::span<const planner::NodePtr>(&node, 1));
    std::fflush(stdout);
    std::fprintf(stderr, "-- %s\n%s", heading.c_str(), text.c_str());
}

} // namespace

Outcome ClusterEngine::view(const ArrayHandle& a, FunctionRef<std::vector<engine::IndexItem>()> parse)
{
    const cluster::DistView* view = a.distributed();
    if (!view)
        return std::nullopt;
    auto items = parse();
    bool is_scalar = false;
    auto sub = basic_view(*view, items, is_scalar);
    if (!sub)
        return std::nullopt;
    if (is_scalar)
        return Result::in_driver(cluster::gather(*sub));
    return Result::on_workers(std::make_shared<cluster::DistView>(std::move(*sub)));
}

bool ClusterEngine::assign(const ArrayHandle& target, const Assignment& assignment)
{
    if (target.pending())
        target.materialize(); // a write needs the data; a large result stays on the workers
    // a[mask] = scalar, with `a` distributed and `mask` a boolean array of a's shape: computed where
    // the rows live as a[...] = where(mask, scalar, a), so neither the array nor the mask moves.
    if (const cluster::DistView* view = target.distributed(); view && assignment.index_array && assignment.scalar_fits) {
        auto& mask = *assignment.index_array;
        if (mask.dtype() == engine::DType::Bool && mask.shape() == view->shape) {
            if (auto node = assignment.masked_node()) {
                explain_kernel("masked assignment into a distributed array " + engine::shape_to_string(view->shape)
                        + ": where(mask, value, a) on the workers that hold its rows",
                    node);
                if (cluster::assign(*view, node))
                    return true;
            }
        }
    }
    auto* source = assignment.value_array;
    if (source && (source->pending() || source->distributed())) {
        // An array expression that runs on the workers is assigned where the rows live: the
        // destination goes to the workers too (when it is a large array of its own).
        if (target.pending())
            target.materialize();
        target.distribute();
    }
    const cluster::DistView* view = target.distributed();
    if (!view || !assignment.value_is_array_like)
        return false;
    // Expressions, arrays and scalars (broadcast) are written where the rows live.
    auto items = assignment.items();
    bool is_scalar = false;
    auto destination = basic_view(*view, items, is_scalar);
    if (destination && is_scalar && assignment.scalar_fits) {
        destination = element_view(*destination);
        is_scalar = false;
    }
    if (!destination || is_scalar)
        return false;
    auto node = assignment.value_node();
    // A temporary expression is computed straight into the destination's rows.
    bool temporary = source && source->pending() && assignment.value_unshared && node->shape == destination->shape;
    assignment.before_write(temporary); // pending nodes may read this array
    explain_kernel("assignment into a distributed view " + engine::shape_to_string(destination->shape) + " (rows of base "
            + engine::shape_to_string(destination->base->shape) + ", on the workers that hold them)",
        node);
    if (!cluster::assign(*destination, node))
        return false;
    if (temporary)
        assignment.value_written(std::make_shared<cluster::DistView>(*destination));
    return true;
}

} // namespace ramba::seam
