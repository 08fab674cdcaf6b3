// The cluster engine: np.sort, np.argsort and a.sort() where the rows live (see cluster_engine.hpp).
#include "engine/seam/cluster_engine.hpp"

#include "engine/array/shape_ops.hpp"
#include "engine/cluster/cluster.hpp"

namespace ramba::seam {

namespace {

// How the workers sort a distributed array along an axis: each its own rows (an axis >= 1), a
// sample sort of the flattened array (axis=None, 1-d arrays), or, along axis 0 of an N-d array,
// moved so that axis 0 lies inside the rows (a copy worker to worker), sorted there and moved back.
struct SortPlan {
    enum class Kind { Rows, Flat, Axis0 } kind;
    int64_t axis;
};

std::optional<SortPlan> sort_plan(const cluster::DistView& view, AxisArgument axis_argument)
{
    int64_t ndim = static_cast<int64_t>(view.shape.size());
    if (ndim == 0)
        return std::nullopt;
    if (axis_argument.none)
        return SortPlan { SortPlan::Kind::Flat, 0 };
    int64_t axis = axis_argument.index();
    if (axis < -ndim || axis >= ndim)
        return std::nullopt; // the driver path raises numpy's AxisError
    axis = axis < 0 ? axis + ndim : axis;
    if (ndim == 1)
        return SortPlan { SortPlan::Kind::Flat, 0 };
    return SortPlan { axis == 0 ? SortPlan::Kind::Axis0 : SortPlan::Kind::Rows, axis };
}

bool is_whole(const cluster::DistView& view)
{
    return view.offset == 0 && view.shape == view.base->shape && stand_in(view).is_c_contiguous();
}

// The view's base when the view is all of it, else a copy where the rows live (null: not possible).
std::shared_ptr<cluster::DistArray> whole_array(const cluster::DistView& view, const char* what)
{
    if (is_whole(view))
        return view.base;
    explain(std::string(what) + " of a distributed view " + engine::shape_to_string(view.shape) + ": " + cluster::explain_copy(view));
    return cluster::copy(view);
}

// A copy of `view` with axis `from` moved to `to` (worker to worker where that moves less).
std::shared_ptr<cluster::DistArray> moved_copy(const cluster::DistView& view, int64_t from, int64_t to)
{
    cluster::DistView moved = view_from_stand_in(view.base, engine::moveaxis(stand_in(view), { from }, { to }));
    explain("axis " + std::to_string(from) + " of " + engine::shape_to_string(view.shape) + " moved to axis " + std::to_string(to) + ": "
        + cluster::explain_copy(moved));
    return cluster::copy(moved);
}

// np.sort (argsort false) or np.argsort of `view` as `plan` says; null when the driver must sort.
std::shared_ptr<cluster::DistArray> sort_on_workers(const cluster::DistView& view, const SortPlan& plan, bool argsort)
{
    const char* what = argsort ? "argsort" : "sort";
    std::string shape = engine::shape_to_string(view.shape);
    switch (plan.kind) {
    case SortPlan::Kind::Flat: {
        auto source = whole_array(view, what);
        auto sorted = source ? cluster::sample_sort(*source, argsort) : nullptr;
        if (sorted)
            explain(std::string(what) + " of a distributed array " + shape + (view.shape.size() > 1 ? " flattened" : "")
                + ": a sample sort (each worker sorts its part, the pieces go worker to worker, each merges its part of the result)");
        return sorted;
    }
    case SortPlan::Kind::Rows: {
        auto source = whole_array(view, what);
        if (!source)
            return nullptr;
        if (argsort) {
            auto indices = cluster::argsort_rows(*source, plan.axis);
            if (indices)
                explain("argsort of a distributed array " + shape + " along axis " + std::to_string(plan.axis) + ": each worker sorts its own rows");
            return indices;
        }
        if (source == view.base)
            source = cluster::copy(view);
        if (!source || !cluster::sort_rows(*source, plan.axis))
            return nullptr;
        explain("sort of a distributed array " + shape + " along axis " + std::to_string(plan.axis)
            + ": a copy where the rows live, each worker sorting its own rows");
        return source;
    }
    case SortPlan::Kind::Axis0: {
        int64_t last = static_cast<int64_t>(view.shape.size()) - 1;
        auto moved = moved_copy(view, 0, last);
        if (!moved)
            return nullptr;
        std::shared_ptr<cluster::DistArray> sorted = moved;
        if (argsort)
            sorted = cluster::argsort_rows(*moved, last);
        else if (!cluster::sort_rows(*moved, last))
            sorted = nullptr;
        if (!sorted)
            return nullptr;
        explain(std::string(what) + " of a distributed array " + shape + " along axis 0: each worker sorts the rows of the moved copy");
        return moved_copy(*cluster::DistView::whole(sorted), last, 0);
    }
    }
    return nullptr;
}

void explain_sort_fallback(const cluster::DistView& view, const char* what)
{
    explain(std::string(what) + " of a distributed array " + engine::shape_to_string(view.shape) + ": gathered to the driver");
}

} // namespace

Outcome ClusterEngine::sort(const ArrayHandle& a, AxisArgument axis, bool argsort)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view)
        return std::nullopt;
    auto plan = sort_plan(*view, axis);
    auto sorted = plan ? sort_on_workers(*view, *plan, argsort) : nullptr;
    if (!sorted) {
        explain_sort_fallback(*view, argsort ? "argsort" : "sort");
        return std::nullopt;
    }
    return Result::on_workers(std::move(sorted));
}

bool ClusterEngine::sort_in_place(const ArrayHandle& a, AxisArgument axis, FunctionRef<void()> before_write)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view || axis.none)
        return false;
    auto plan = sort_plan(*view, axis);
    if (!plan || !is_whole(*view)) {
        explain_sort_fallback(*view, plan ? "a.sort() through a view (not the whole array)" : "a.sort()");
        return false;
    }
    before_write(); // pending nodes may read the rows about to move
    if (plan->kind == SortPlan::Kind::Rows) {
        if (!cluster::sort_rows(*view->base, plan->axis))
            return false;
        explain("a.sort() of a distributed array " + engine::shape_to_string(view->shape) + " along axis " + std::to_string(plan->axis)
            + ": each worker sorts its own rows in place");
        return true;
    }
    // The sorted copy takes the array's place: same shape, same rows on the same workers.
    auto sorted = sort_on_workers(*view, *plan, false);
    cluster::DistArray& base = *view->base;
    if (!sorted || sorted->bounds != base.bounds || sorted->shape != base.shape) {
        explain_sort_fallback(*view, "a.sort()");
        return false;
    }
    std::swap(base.id, sorted->id); // the old tiles go with `sorted`
    ++base.version;
    return true;
}

} // namespace ramba::seam
