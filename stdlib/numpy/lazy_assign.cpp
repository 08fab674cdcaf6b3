// Slice assignment from a pending expression: `v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + ...)` runs one
// kernel whose stores go straight into the view, instead of a temporary plus a copy.
#include <cstdio>

#include "engine/array/index.hpp"
#include "engine/planner/evaluate_into.hpp"
#include "engine/vm/ufunc.hpp"
#include "engine/planner/explain.hpp"
#include "stdlib/numpy/array_object.hpp"
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/ufuncs.hpp"

namespace ramba::numpy {

namespace planner = engine::planner;

bool assign_pending(interp::CallContext& context, const engine::NDArray& target, std::span<const engine::IndexItem> index,
    const interp::Value& value)
{
    if (!planner::fusion_enabled() || !is_array(value))
        return false;
    auto& object = value.as<ArrayObject>();
    planner::NodePtr node = object.pending();
    // Only a temporary (no variable holds it) may end up aliasing the destination.
    if (!node || value.object()->ref_count() > 1 || node->shape.empty())
        return false;
    for (auto& item : index) {
        if (item.kind == engine::IndexItem::Kind::Array || item.kind == engine::IndexItem::Kind::Mask)
            return false;
    }
    auto view = engine::index_get(target, index);
    if (view.is_scalar || view.array.shape != node->shape || planner::reads_buffer(node, view.array))
        return false;
    flush_pending_except(&object); // other pending arrays may read the destination's old values
    if (engine::explain::enabled()) {
        std::string text = planner::explain(std::span<const planner::NodePtr>(&node, 1));
        std::fflush(stdout);
        std::fprintf(stderr, "-- flush into a slice: 1 array(s)\n%s", text.c_str());
    }
    planner::evaluate_into(node, view.array);
    ++view.array.buffer->version;
    object.set_materialized(view.array);
    emit_vm_warnings(context);
    return true;
}

} // namespace ramba::numpy
