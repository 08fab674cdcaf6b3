// Array operations on distributed operands that run where the rows live (see distributed_ops.hpp).
// `--explain` says what each one moves.
#include "stdlib/numpy/distributed_ops.hpp"

#include <cstdio>
#include <unordered_set>

#include "engine/dtype/promotion.hpp"
#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/cluster/cluster.hpp"
#include "engine/planner/explain.hpp"
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/operators.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::NDArray;
using interp::Type;
using interp::Value;
using interp::Values;

namespace {

Value wrap_distributed(std::shared_ptr<cluster::DistArray> array)
{
    return Value::object(Type::Opaque, interp::make_object<ArrayObject>(cluster::DistView::whole(std::move(array))));
}

void explain(const std::string& text)
{
    if (!engine::explain::enabled())
        return;
    std::fflush(stdout);
    std::fprintf(stderr, "-- %s\n", text.c_str());
}

// The distributed view `value` holds (materialising a pending value), else null. Driver arrays are
// not moved to the workers for a shape operation: it costs nothing where they are.
const cluster::DistView* distributed_view(const Value& value)
{
    if (!cluster::Cluster::get() || !is_array(value))
        return nullptr;
    auto& object = value.as<ArrayObject>();
    if (object.pending())
        object.materialize();
    return object.distributed();
}

Value wrap_view(const std::shared_ptr<cluster::DistArray>& base, const NDArray& stand)
{
    auto view = std::make_shared<cluster::DistView>(view_from_stand_in(base, stand));
    return Value::object(Type::Opaque, interp::make_object<ArrayObject>(std::move(view)));
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

// A data-less NDArray with the view's shape, strides and offset, so the engine's own shape functions
// (and their errors) work out a new view. Only functions that make views may see it: its buffer is
// a few bytes.
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

bool distributed_reshape(interp::CallContext&, const Value& a, const engine::Shape& shape, Value& out)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view || shape.empty())
        return false;
    auto source = contiguous_view(*view, "reshape");
    if (!source)
        return false;
    out = wrap_view(source->base, engine::reshape(stand_in(*source), shape));
    return true;
}

bool distributed_ravel(interp::CallContext& context, const Value& a, bool copy, Value& out)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view || view->shape.empty())
        return false;
    if (!copy)
        return distributed_reshape(context, a, { -1 }, out);
    explain("flatten of a distributed array " + engine::shape_to_string(view->shape) + ": " + cluster::explain_copy(*view));
    auto copied = cluster::copy(*view);
    if (!copied)
        return false;
    auto whole = cluster::DistView::whole(copied);
    out = wrap_view(copied, engine::reshape(stand_in(*whole), { -1 }));
    return true;
}

bool distributed_transpose(interp::CallContext&, const Value& a, std::optional<std::vector<int64_t>> axes, Value& out)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view)
        return false;
    out = wrap_view(view->base, engine::transpose(stand_in(*view), std::move(axes)));
    return true;
}

namespace {

bool concatenate_parts(interp::CallContext& context, const Values& parts, int64_t axis, Value& out);

// Every part an ndarray and at least one of them distributed: the parts a distributed concatenate,
// stack or column_stack takes (anything else goes the driver's way).
bool arrays_with_distributed(const Values& parts)
{
    bool any_distributed = false;
    for (auto& part : parts) {
        if (!is_array(part))
            return false;
        any_distributed = any_distributed || distributed_view(part);
    }
    return any_distributed;
}

// `part` seen with `shape` (its elements in the same order): a distributed view for a distributed
// part (a copy where its rows live when it is not contiguous), a view or copy in the driver else.
std::optional<Value> reshaped_part(interp::CallContext& context, const Value& part, const engine::Shape& shape)
{
    if (distributed_view(part)) {
        Value view;
        if (!distributed_reshape(context, part, shape, view))
            return std::nullopt;
        return view;
    }
    return wrap_array(engine::reshape(to_array(context, part), shape));
}

} // namespace

bool distributed_concatenate(interp::CallContext& context, const Value& sequence, std::optional<int64_t> axis_argument, Value& out)
{
    if (!cluster::Cluster::get() || !axis_argument || !(sequence.is(Type::List) || sequence.is(Type::Tuple)))
        return false;
    return concatenate_parts(context, interp::to_vector(context, sequence), *axis_argument, out);
}

bool distributed_stack_new_axis(interp::CallContext& context, const Value& sequence, const Value& axis_value, Value& out)
{
    if (!cluster::Cluster::get() || !(sequence.is(Type::List) || sequence.is(Type::Tuple)))
        return false;
    Values parts = interp::to_vector(context, sequence);
    if (!arrays_with_distributed(parts))
        return false;
    // numpy's checks and errors (shapes, the axis) come from the driver path.
    const engine::Shape& shape = parts[0].as<ArrayObject>().shape();
    for (auto& part : parts) {
        if (part.as<ArrayObject>().shape() != shape)
            return false;
    }
    int64_t ndim = static_cast<int64_t>(shape.size()) + 1, axis = interp::to_index(context, axis_value);
    if (axis < -ndim || axis >= ndim)
        return false;
    axis = axis < 0 ? axis + ndim : axis;
    if (axis == 0) {
        // The parts would be the rows: one or a few huge rows are no partition to speak of. The
        // driver stacks copies of them; they stay distributed.
        explain("stack of " + std::to_string(parts.size()) + " arrays " + engine::shape_to_string(shape)
            + " along a new axis 0: in the driver (the parts would be the result's rows), from copies of the distributed ones");
        std::vector<NDArray> arrays;
        for (auto& part : parts)
            arrays.push_back(part.as<ArrayObject>().readable());
        out = wrap_array(engine::stack(arrays, 0));
        return true;
    }
    engine::Shape expanded = shape;
    expanded.insert(expanded.begin() + axis, 1);
    Values columns;
    for (auto& part : parts) {
        auto reshaped = reshaped_part(context, part, expanded);
        if (!reshaped)
            return false;
        columns.push_back(*reshaped);
    }
    return concatenate_parts(context, columns, axis, out);
}

bool distributed_column_stack(interp::CallContext& context, const Value& sequence, Value& out)
{
    if (!cluster::Cluster::get() || !(sequence.is(Type::List) || sequence.is(Type::Tuple)))
        return false;
    Values parts = interp::to_vector(context, sequence);
    if (!arrays_with_distributed(parts))
        return false;
    for (auto& part : parts) {
        if (part.as<ArrayObject>().shape().empty())
            return false;
    }
    // numpy: 1-d parts become columns; the others join along axis 1 as they are.
    Values columns;
    for (auto& part : parts) {
        const engine::Shape& shape = part.as<ArrayObject>().shape();
        if (shape.size() >= 2) {
            columns.push_back(part);
            continue;
        }
        auto column = reshaped_part(context, part, { shape[0], 1 });
        if (!column)
            return false;
        columns.push_back(*column);
    }
    return concatenate_parts(context, columns, 1, out);
}

namespace {

bool concatenate_parts(interp::CallContext& context, const Values& parts, int64_t axis_argument, Value& out)
{
    if (!arrays_with_distributed(parts))
        return false;
    // Shapes and dtypes as numpy checks them; anything unusual takes the driver path (and its errors).
    const engine::Shape& first = parts[0].as<ArrayObject>().shape();
    if (first.empty())
        return false;
    int64_t ndim = static_cast<int64_t>(first.size()), axis = axis_argument;
    if (axis < -ndim || axis >= ndim)
        return false;
    if (axis < 0)
        axis += ndim;
    engine::Shape shape = first;
    shape[axis] = 0;
    engine::DType dtype = parts[0].as<ArrayObject>().dtype();
    for (auto& part : parts) {
        const engine::Shape& s = part.as<ArrayObject>().shape();
        if (static_cast<int64_t>(s.size()) != ndim)
            return false;
        for (int64_t d = 0; d < ndim; ++d) {
            if (d != axis && s[d] != first[d])
                return false;
        }
        shape[axis] += s[axis];
        dtype = engine::promote_types(dtype, part.as<ArrayObject>().dtype());
    }
    auto result = cluster::fill(dtype, shape, engine::Scalar::make(engine::DType::Int64, int64_t(0)).to_array());
    if (!result)
        return false; // small: the driver concatenates
    explain("concatenate of " + std::to_string(parts.size()) + " arrays along axis " + std::to_string(axis) + " into a distributed "
        + engine::shape_to_string(shape) + ": each part written where the result's rows live (distributed parts worker to worker)");
    auto whole = cluster::DistView::whole(result);
    int64_t at = 0;
    for (auto& part : parts) {
        int64_t length = part.as<ArrayObject>().shape()[axis];
        if (length == 0)
            continue;
        cluster::DistView target = *whole;
        target.offset += at * whole->strides[axis];
        target.shape[axis] = length;
        at += length;
        if (!cluster::assign(target, operand_node(context, part)))
            return false;
    }
    out = Value::object(Type::Opaque, interp::make_object<ArrayObject>(whole));
    return true;
}

} // namespace

bool distributed_stack(interp::CallContext& context, const Value& sequence, bool horizontal, Value& out)
{
    if (!cluster::Cluster::get() || !(sequence.is(Type::List) || sequence.is(Type::Tuple)))
        return false;
    Values parts = interp::to_vector(context, sequence);
    if (parts.empty() || !is_array(parts[0]))
        return false;
    size_t ndim = parts[0].as<ArrayObject>().shape().size();
    if (ndim == 0 || (!horizontal && ndim < 2))
        return false; // vstack of 1-d parts makes them rows first: the driver path
    return distributed_concatenate(context, sequence, horizontal && ndim >= 2 ? 1 : 0, out);
}

bool distributed_select(interp::CallContext& context, const Value& a, const Value& index, Value& out)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view)
        return false;
    std::string shape = engine::shape_to_string(view->shape);
    if (is_array(index) && index.as<ArrayObject>().dtype() == engine::DType::Bool) {
        auto& mask = index.as<ArrayObject>();
        if (mask.shape() != view->shape)
            return false;
        const cluster::DistView* mask_view = distributed_view(index);
        if (!mask_view)
            return false;
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
            return false;
        int64_t count = selected->shape[0];
        explain("a[mask] of a distributed array " + shape + ": each worker keeps the elements of its rows where the mask holds ("
            + std::to_string(count) + " elements)");
        if (count < cluster::min_elements()) {
            out = wrap_array(cluster::gather(*cluster::DistView::whole(selected)));
            return true;
        }
        auto even = cluster::partition(count, 1, cluster::Cluster::get()->size());
        if (selected->bounds != even) {
            auto whole = cluster::DistView::whole(selected);
            explain("the selection's uneven parts: " + cluster::explain_copy(*whole));
            auto copied = cluster::copy(*whole);
            if (!copied)
                return false;
            selected = copied;
        }
        out = wrap_distributed(std::move(selected));
        return true;
    }
    // A short list of rows: a list of ints, or a small 1-d integer array in the driver.
    constexpr size_t max_rows = 4096;
    bool short_list = index.is(Type::List) && index.as<interp::ListObject>().items.size() <= max_rows;
    bool small_array = is_array(index) && index.as<ArrayObject>().shape().size() == 1
        && index.as<ArrayObject>().shape()[0] <= static_cast<int64_t>(max_rows);
    if (!short_list && !small_array)
        return false;
    auto items = index_items(context, index);
    if (items.size() != 1 || items[0].kind != engine::IndexItem::Kind::Array || items[0].array.ndim() != 1)
        return false;
    NDArray positions = engine::ascontiguous(items[0].array, engine::DType::Int64);
    std::vector<int64_t> rows(static_cast<size_t>(positions.size()));
    int64_t extent = view->shape[0];
    for (size_t j = 0; j < rows.size(); ++j) {
        int64_t r = reinterpret_cast<const int64_t*>(positions.data())[j];
        rows[j] = r < 0 ? r + extent : r; // out of range: take_rows declines and the driver raises numpy's IndexError
    }
    auto taken = cluster::take_rows(*view, rows);
    if (!taken)
        return false;
    explain("a[[...]] of a distributed array " + shape + ": only the " + std::to_string(rows.size()) + " rows named come to the driver");
    out = wrap_array(std::move(*taken));
    return true;
}

namespace {

// How the workers sort a distributed array along an axis: each its own rows (an axis >= 1), a
// sample sort of the flattened array (axis=None, 1-d arrays), or, along axis 0 of an N-d array,
// moved so that axis 0 lies inside the rows (a copy worker to worker), sorted there and moved back.
struct SortPlan {
    enum class Kind { Rows, Flat, Axis0 } kind;
    int64_t axis;
};

std::optional<SortPlan> sort_plan(interp::CallContext& context, const cluster::DistView& view, const Value& axis_value)
{
    int64_t ndim = static_cast<int64_t>(view.shape.size());
    if (ndim == 0)
        return std::nullopt;
    if (axis_value.is_none())
        return SortPlan { SortPlan::Kind::Flat, 0 };
    int64_t axis = interp::to_index(context, axis_value);
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

bool distributed_sort(interp::CallContext& context, const Value& a, const Value& axis_value, Value& out)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view)
        return false;
    auto plan = sort_plan(context, *view, axis_value);
    auto sorted = plan ? sort_on_workers(*view, *plan, false) : nullptr;
    if (!sorted) {
        explain_sort_fallback(*view, "sort");
        return false;
    }
    out = wrap_distributed(std::move(sorted));
    return true;
}

bool distributed_argsort(interp::CallContext& context, const Value& a, const Value& axis_value, Value& out)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view)
        return false;
    auto plan = sort_plan(context, *view, axis_value);
    auto indices = plan ? sort_on_workers(*view, *plan, true) : nullptr;
    if (!indices) {
        explain_sort_fallback(*view, "argsort");
        return false;
    }
    out = wrap_distributed(std::move(indices));
    return true;
}

bool distributed_sort_in_place(interp::CallContext& context, const Value& a, const Value& axis_value)
{
    const cluster::DistView* view = distributed_view(a);
    if (!view || axis_value.is_none())
        return false;
    auto plan = sort_plan(context, *view, axis_value);
    if (!plan || !is_whole(*view)) {
        explain_sort_fallback(*view, plan ? "a.sort() through a view (not the whole array)" : "a.sort()");
        return false;
    }
    flush_pending(); // pending nodes may read the rows about to move
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

std::string axes_text(std::span<const int64_t> axes)
{
    std::string text = axes.size() == 1 ? "axis " : "axes (";
    for (size_t k = 0; k < axes.size(); ++k)
        text += (k ? ", " : "") + std::to_string(axes[k]);
    return text + (axes.size() == 1 ? "" : ")");
}

} // namespace

namespace {

// The array `a` holds when it is distributed, or a pending chain over distributed rows (computed
// where they live first); null for driver arrays, whose chains fuse in the driver.
const cluster::DistView* distributed_operand(const Value& a)
{
    if (!cluster::Cluster::get() || !is_array(a))
        return nullptr;
    auto& object = a.as<ArrayObject>();
    if (object.pending()) {
        std::unordered_set<const engine::planner::Node*> seen;
        if (!has_distributed_leaf(*object.pending(), seen))
            return nullptr;
        object.materialize();
    }
    return object.distributed();
}

} // namespace

bool distributed_reduce(interp::CallContext& context, vm::ReduceOp op, const Value& a, const Value& axis, bool keepdims, int64_t ddof,
    std::optional<engine::DType> dtype, Value& out)
{
    if (!cluster::Cluster::get() || !is_array(a) || (axis.is_none() && op != vm::ReduceOp::CountNonzero))
        return false;
    switch (op) {
    case vm::ReduceOp::Sum: case vm::ReduceOp::Prod: case vm::ReduceOp::Mean: case vm::ReduceOp::Std: case vm::ReduceOp::Var:
    case vm::ReduceOp::Min: case vm::ReduceOp::Max: case vm::ReduceOp::ArgMin: case vm::ReduceOp::ArgMax: case vm::ReduceOp::Any:
    case vm::ReduceOp::All: case vm::ReduceOp::Ptp: case vm::ReduceOp::NanSum: case vm::ReduceOp::NanMean: case vm::ReduceOp::NanMin:
    case vm::ReduceOp::NanMax: case vm::ReduceOp::CountNonzero:
        break;
    default:
        return false;
    }
    if (dtype && engine::dtype_kind(*dtype) == 'c')
        return false;
    auto& object = a.as<ArrayObject>();
    const cluster::DistView* view = distributed_operand(a);
    if (!view || view->shape.empty() || view->size() == 0 || engine::dtype_kind(view->dtype()) == 'c')
        return false;
    int64_t ndim = static_cast<int64_t>(view->shape.size());
    std::vector<int64_t> axes;
    if (op == vm::ReduceOp::ArgMin || op == vm::ReduceOp::ArgMax) {
        axes = { normalize_axis(interp::to_index(context, axis), ndim) };
    } else if (axis.is_none()) {
        for (int64_t k = 0; k < ndim; ++k)
            axes.push_back(k);
    } else {
        axes = normalize_axes(context, axis, ndim);
    }
    for (auto k : axes) {
        if (view->shape[k] == 0)
            return false; // empty reductions: the driver's path, with numpy's errors and warnings
    }
    std::string what = std::string(vm::reduce_name(op)) + " along " + axes_text(axes) + " of a distributed array "
        + engine::shape_to_string(view->shape) + (dtype ? " with dtype=" + std::string(engine::dtype_name(*dtype)) : std::string());
    // Along axis 0: partials where the order of the rows cannot show; for float sums (numpy adds
    // row after row) the running result worker to worker; others gather a copy. What counts is
    // the dtype the sum accumulates in (dtype=, or numpy's default: integer means in float64).
    using vm::ReduceOp;
    bool sum_like = op == ReduceOp::Sum || op == ReduceOp::Prod || op == ReduceOp::Mean;
    engine::DType accumulating = dtype.value_or(view->dtype());
    if (!dtype && op == ReduceOp::Mean && engine::dtype_kind(accumulating) != 'f')
        accumulating = engine::DType::Float64;
    char kind = engine::dtype_kind(accumulating);
    bool integral = kind == 'b' || kind == 'i' || kind == 'u';
    bool order_free = op == ReduceOp::Min || op == ReduceOp::Max || op == ReduceOp::Any || op == ReduceOp::All
        || op == ReduceOp::CountNonzero || (sum_like && integral);
    bool chainable = axes.size() == 1 && ndim >= 2 && view->size() / view->shape[0] >= 2 && sum_like
        && (accumulating == engine::DType::Float64 || accumulating == engine::DType::Float32);
    bool per_row = axes[0] != 0;
    std::shared_ptr<cluster::DistView> copied;
    if ((per_row || order_free || chainable) && !view->row_aligned()) {
        explain(what + " (a view that is not row-aligned): " + cluster::explain_copy(*view));
        auto array = cluster::copy(*view);
        if (!array)
            return false;
        copied = cluster::DistView::whole(array);
        view = copied.get();
    }
    if (per_row) {
        auto result = cluster::reduce_rows(*view, op, axes, keepdims, ddof, dtype);
        if (!result)
            return false;
        bool small = result->shape[0] * result->row_elements() < cluster::min_elements();
        explain(what + ": each worker reduces its own rows; the result keeps the rows"
            + (small ? std::string(" and, being small, is gathered to the driver") : std::string(" (distributed)")));
        if (small) {
            auto whole = cluster::DistView::whole(result);
            out = wrap_array(engine::ascontiguous(cluster::gather(*whole)));
        } else {
            out = wrap_distributed(std::move(result));
        }
        return true;
    }
    if (order_free) {
        if (auto result = cluster::reduce_partials(*view, op, axes, keepdims, dtype)) {
            explain(what + ": each worker reduces its rows to a partial, combined in the driver in row order");
            out = wrap_result(std::move(*result));
            return true;
        }
    }
    if (chainable) {
        if (auto result = cluster::reduce_chained(*view, op, keepdims, dtype)) {
            explain(what + ": the running result goes worker to worker in row order (numpy adds row after row), "
                + "each worker folding its rows into it");
            out = wrap_result(std::move(*result));
            return true;
        }
    }
    // std, var, argmin, argmax, ptp, the nan-reductions, integer means and sums over more axes than
    // 0 follow numpy's row order and have no partials: a copy of the view's rows reduces in the
    // driver (the array stays distributed).
    explain(what + ": its rows gathered to the driver (a copy; the array stays distributed): along axis 0 this one "
        + "follows numpy's row order and has no partials to combine");
    NDArray data = copied ? cluster::gather(*copied) : object.readable();
    vm::ReduceOptions options;
    options.keepdims = keepdims;
    options.ddof = ddof;
    options.dtype = dtype;
    out = wrap_result(vm::reduce(op, data, std::span<const int64_t>(axes), options));
    return true;
}

bool distributed_accumulate(interp::CallContext& context, vm::ReduceOp op, const Value& a, const Value& axis_value,
    std::optional<engine::DType> dtype, Value& out)
{
    const cluster::DistView* view = distributed_operand(a);
    if (!view || view->shape.empty() || view->size() == 0)
        return false;
    int64_t ndim = static_cast<int64_t>(view->shape.size());
    std::optional<int64_t> axis;
    if (!axis_value.is_none()) {
        int64_t index = interp::to_index(context, axis_value);
        if (index < -ndim || index >= ndim)
            return false; // the driver path raises numpy's AxisError
        axis = index < 0 ? index + ndim : index;
    }
    // numpy: cumsum/cumprod of bools and small integers accumulate in int64 (uint64), as sum does.
    engine::DType accumulating = dtype.value_or(engine::sum_accumulating_dtype(view->dtype()));
    if (engine::dtype_kind(view->dtype()) == 'c' || engine::dtype_kind(accumulating) == 'c' || engine::cast_may_warn(view->dtype(), accumulating))
        return false; // complex data, and casts that warn, keep the driver path
    std::string what = std::string(op == vm::ReduceOp::Sum ? "cumsum" : "cumprod")
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
            return false;
        source = cluster::DistView::whole(copied);
    } else {
        source = std::make_shared<cluster::DistView>(*view);
    }
    auto result = cluster::scan(*source, op, axis, accumulating);
    if (!result)
        return false;
    bool chained = !axis || *axis == 0 || source->shape.size() == 1;
    std::string carry = !axis || source->shape.size() == 1 ? "element" : "row";
    explain(what + (chained ? ": the carry (the last " + carry + " so far) goes worker to worker in row order (numpy's loop), each "
                        + "worker scanning its rows on from it into a new distributed array"
                            : std::string(": each worker scans its own rows into a new distributed array with the same rows")));
    out = wrap_distributed(std::move(result));
    return true;
}

bool distributed_matmul(interp::CallContext& context, const Value& a, const Value& b, Value& out)
{
    if (!cluster::Cluster::get() || !is_array(a) || !is_array_like(b))
        return false;
    auto& left = a.as<ArrayObject>();
    if (left.shape().size() != 2)
        return false;
    if (left.pending())
        left.materialize();
    left.distribute();
    const cluster::DistView* view = left.distributed();
    if (!view)
        return false;
    std::shared_ptr<cluster::DistView> copied;
    if (!view->row_aligned()) {
        // A transposed or strided left operand: a distributed copy first (worker to worker when cheaper).
        explain("matmul with a non-row-aligned distributed left operand " + engine::shape_to_string(view->shape) + ": "
            + cluster::explain_copy(*view));
        auto array = cluster::copy(*view);
        if (!array)
            return false;
        copied = cluster::DistView::whole(array);
        view = copied.get();
    }
    // B goes whole to every worker: a whole distributed B worker to worker, anything else from the
    // driver (a distributed view of part of an array is gathered there first, its rows only).
    std::shared_ptr<cluster::DistArray> product;
    engine::Shape right_shape;
    std::string how;
    if (is_array(b)) {
        auto& right = b.as<ArrayObject>();
        if (right.pending())
            right.materialize();
        if (auto* right_view = right.distributed(); right_view && right_view->shape.size() >= 1 && right_view->shape.size() <= 2
            && right_view->shape[0] == view->shape[1]) {
            product = cluster::matmul(*view, *right_view);
            right_shape = right_view->shape;
            how = "its row blocks all-gathered worker to worker";
        }
    }
    if (!product) {
        NDArray right = is_array(b) ? b.as<ArrayObject>().readable() : to_array(context, b);
        if (right.ndim() < 1 || right.ndim() > 2 || right.shape[0] != view->shape[1])
            return false;
        product = cluster::matmul(*view, right);
        right_shape = right.shape;
        how = "sent from the driver to every worker, " + std::to_string(right.nbytes()) + " bytes each";
    }
    if (!product)
        return false;
    bool small = product->shape[0] * (product->shape.size() == 2 ? product->shape[1] : 1) < cluster::min_elements();
    explain("matmul " + engine::shape_to_string(view->shape) + " @ " + engine::shape_to_string(right_shape) + ": each of "
        + std::to_string(cluster::Cluster::get()->size()) + " workers multiplies its rows of the left operand by the right one ("
        + how + "); the product keeps the left operand's rows" + (small ? " and, being small, is gathered to the driver" : ""));
    if (small) {
        auto whole = cluster::DistView::whole(product);
        out = wrap_array(engine::ascontiguous(cluster::gather(*whole)));
        return true;
    }
    out = wrap_distributed(std::move(product));
    return true;
}

} // namespace ramba::numpy
