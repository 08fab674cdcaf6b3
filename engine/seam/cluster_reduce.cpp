// The cluster engine: reductions along axes and scans where the rows live (see cluster_engine.hpp).
#include "engine/seam/cluster_engine.hpp"

#include "engine/array/cast.hpp"
#include "engine/cluster/cluster.hpp"
#include "engine/dtype/promotion.hpp"

namespace ramba::seam {

using engine::NDArray;
using vm::ReduceOp;

namespace {

std::string axes_text(std::span<const int64_t> axes)
{
    std::string text = axes.size() == 1 ? "axis " : "axes (";
    for (size_t k = 0; k < axes.size(); ++k)
        text += (k ? ", " : "") + std::to_string(axes[k]);
    return text + (axes.size() == 1 ? "" : ")");
}

} // namespace

// Axes without 0 reduce where the rows live and the result keeps them; axes with 0 combine the
// workers' partials when the order of the rows cannot show (vm::reduce_combines_partials), pass
// the running result worker to worker for float sums, products and means along axis 0 alone; the
// others along axis 0 gather a copy of the data (the array stays distributed).
Outcome ClusterEngine::reduce(ReduceOp op, const ArrayHandle& a, const ReduceRequest& request)
{
    if (request.axis_none && op != ReduceOp::CountNonzero)
        return std::nullopt;
    std::optional<engine::DType> dtype = request.dtype;
    if (dtype && engine::dtype_kind(*dtype) == 'c')
        return std::nullopt;
    const cluster::DistView* view = distributed_operand(a);
    if (!view || view->shape.empty() || view->size() == 0 || engine::dtype_kind(view->dtype()) == 'c')
        return std::nullopt;
    int64_t ndim = static_cast<int64_t>(view->shape.size());
    std::vector<int64_t> axes;
    if (request.axis_none) {
        for (int64_t k = 0; k < ndim; ++k)
            axes.push_back(k);
    } else {
        axes = request.axes(ndim);
    }
    for (auto k : axes) {
        if (view->shape[k] == 0)
            return std::nullopt; // empty reductions: the driver's path, with numpy's errors and warnings
    }
    std::string what = std::string(vm::reduce_name(op)) + " along " + axes_text(axes) + " of a distributed array "
        + engine::shape_to_string(view->shape) + (dtype ? " with dtype=" + std::string(engine::dtype_name(*dtype)) : std::string());
    // Along axis 0: partials where the order of the rows cannot show; for float sums (numpy adds
    // row after row) the running result worker to worker; others gather a copy. What counts is
    // the dtype the sum accumulates in (dtype=, or numpy's default: integer means in float64).
    bool sum_like = op == ReduceOp::Sum || op == ReduceOp::Prod || op == ReduceOp::Mean;
    engine::DType accumulating = dtype.value_or(view->dtype());
    if (!dtype && op == ReduceOp::Mean && engine::dtype_kind(accumulating) != 'f')
        accumulating = engine::DType::Float64;
    char kind = engine::dtype_kind(accumulating);
    bool integral = kind == 'b' || kind == 'i' || kind == 'u';
    bool order_free = vm::reduce_combines_partials(op) && (!sum_like || integral);
    bool chainable = axes.size() == 1 && ndim >= 2 && view->size() / view->shape[0] >= 2 && sum_like
        && (accumulating == engine::DType::Float64 || accumulating == engine::DType::Float32);
    bool per_row = axes[0] != 0;
    std::shared_ptr<cluster::DistView> copied;
    if ((per_row || order_free || chainable) && !view->row_aligned()) {
        explain(what + " (a view that is not row-aligned): " + cluster::explain_copy(*view));
        auto array = cluster::copy(*view);
        if (!array)
            return std::nullopt;
        copied = cluster::DistView::whole(array);
        view = copied.get();
    }
    if (per_row) {
        auto result = cluster::reduce_rows(*view, op, axes, request.keepdims, request.ddof, dtype);
        if (!result)
            return std::nullopt;
        bool small = false;
        Result placed = keep_or_gather(std::move(result), small);
        explain(what + ": each worker reduces its own rows; the result keeps the rows"
            + (small ? std::string(" and, being small, is gathered to the driver") : std::string(" (distributed)")));
        return placed;
    }
    if (order_free) {
        if (auto result = cluster::reduce_partials(*view, op, axes, request.keepdims, dtype)) {
            explain(what + ": each worker reduces its rows to a partial, combined in the driver in row order");
            return Result::in_driver(std::move(*result));
        }
    }
    if (chainable) {
        if (auto result = cluster::reduce_chained(*view, op, request.keepdims, dtype)) {
            explain(what + ": the running result goes worker to worker in row order (numpy adds row after row), "
                + "each worker folding its rows into it");
            return Result::in_driver(std::move(*result));
        }
    }
    // The default for what the workers cannot run in place: std, var, argmin, argmax, ptp, the
    // nan-reductions, integer means and sums over more axes than 0 follow numpy's row order and
    // have no partials, so a copy of the view's rows reduces in the driver (the array stays
    // distributed).
    explain(what + ": its rows gathered to the driver (a copy; the array stays distributed): along axis 0 this one "
        + "follows numpy's row order and has no partials to combine");
    NDArray data = copied ? cluster::gather(*copied) : a.readable();
    vm::ReduceOptions options;
    options.keepdims = request.keepdims;
    options.ddof = request.ddof;
    options.dtype = dtype;
    return Result::in_driver(vm::reduce(op, data, std::span<const int64_t>(axes), options));
}

Outcome ClusterEngine::scan(ReduceOp op, const ArrayHandle& a, AxisArgument axis_argument, std::optional<engine::DType> dtype)
{
    const cluster::DistView* view = distributed_operand(a);
    if (!view || view->shape.empty() || view->size() == 0)
        return std::nullopt;
    int64_t ndim = static_cast<int64_t>(view->shape.size());
    std::optional<int64_t> axis;
    if (!axis_argument.none) {
        int64_t index = axis_argument.index();
        if (index < -ndim || index >= ndim)
            return std::nullopt; // the driver path raises numpy's AxisError
        axis = index < 0 ? index + ndim : index;
    }
    // numpy: cumsum/cumprod of bools and small integers accumulate in int64 (uint64), as sum does.
    engine::DType accumulating = dtype.value_or(engine::sum_accumulating_dtype(view->dtype()));
    if (engine::dtype_kind(view->dtype()) == 'c' || engine::dtype_kind(accumulating) == 'c' || engine::cast_may_warn(view->dtype(), accumulating))
        return std::nullopt; // complex data, and casts that warn, keep the driver path
    std::string what = std::string(op == ReduceOp::Sum ? "cumsum" : "cumprod")
        + (axis ? " along axis " + std::to_string(*axis) : std::string(" flattened")) + " of a distributed array "
        + engine::shape_to_string(view->shape);
    // A flattened scan reads the rows in C order; a 1-d reshape of a whole array (a.ravel()) is the
    // whole array flattened.
    std::shared_ptr<cluster::DistView> source;
    bool whole_ravel = ndim == 1 && !view->row_aligned() && view->offset == 0 && view->strides[0] == 1
        && view->shape[0] == view->base->shape[0] * view->base->row_elements();
    if (whole_ravel) {
        source = cluster::DistView::whole(view->base);
        axis.reset();
    } else if (!view->row_aligned()) {
        explain(what + " (a view that is not row-aligned): " + cluster::explain_copy(*view));
        auto copied = cluster::copy(*view);
        if (!copied)
            return std::nullopt;
        source = cluster::DistView::whole(copied);
    } else {
        source = std::make_shared<cluster::DistView>(*view);
    }
    auto result = cluster::scan(*source, op, axis, accumulating);
    if (!result)
        return std::nullopt;
    bool chained = !axis || *axis == 0 || source->shape.size() == 1;
    std::string carry = !axis || source->shape.size() == 1 ? "element" : "row";
    explain(what + (chained ? ": the carry (the last " + carry + " so far) goes worker to worker in row order (numpy's loop), each "
                        + "worker scanning its rows on from it into a new distributed array"
                            : std::string(": each worker scans its own rows into a new distributed array with the same rows")));
    return Result::on_workers(std::move(result));
}

} // namespace ramba::seam
