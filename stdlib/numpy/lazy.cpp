// Pending ndarrays: the registry of live pending handles, flushes, and the node built for an operand.
// A handle leaves the registry when it is materialised or destroyed, so a flush computes only what
// live variables still hold (a dead intermediate stays in registers of its readers' kernel).
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/rows.hpp"

#include <cstdio>
#include <unordered_set>

#include "engine/planner/explain.hpp"
#include "engine/array/cast.hpp"
#include "engine/seam/engine.hpp"
#include "engine/vm/ufunc.hpp"
#include "stdlib/numpy/array_object.hpp"

namespace ramba::numpy {

namespace planner = engine::planner;

namespace {

std::unordered_set<const ArrayObject*>& registry()
{
    static std::unordered_set<const ArrayObject*> live;
    return live;
}
int64_t nodes_since_flush = 0;
bool explain_flushes = false;

void print_explain(std::span<const planner::NodePtr> roots)
{
    if (!explain_flushes && !engine::explain::enabled())
        return;
    std::string text = planner::explain(roots);
    if (text.empty())
        return;
    std::fflush(stdout);
    std::fprintf(stderr, "-- flush: %zu array(s)\n%s", roots.size(), text.c_str());
}

// A flush has no CallContext: floating-point warnings of its kernels go through the engine's
// warning sink (the running interpreter), reported at the statement that flushed. A fused kernel's
// flags cannot say which of its operations raised them, so numpy's line may be an earlier one.
void emit_flush_warnings()
{
    deliver_fp_warnings(nullptr); // errstate.cpp: np.seterr's policy
}

} // namespace

engine::NDArray evaluate_now(const planner::NodePtr& node)
{
    print_explain(std::span<const planner::NodePtr>(&node, 1));
    engine::NDArray result = planner::evaluate(node);
    emit_flush_warnings();
    return result;
}

ArrayObject::ArrayObject(planner::NodePtr pending)
    : m_pending(std::move(pending))
{
    registry().insert(this);
}

ArrayObject::~ArrayObject()
{
    if (m_pending)
        registry().erase(this);
}

void ArrayObject::materialize() const
{
    planner::NodePtr node = m_pending;
    print_explain(std::span<const planner::NodePtr>(&node, 1));
    planner::compute(std::span<const planner::NodePtr>(&node, 1));
    emit_flush_warnings();
    set_result(*node);
}

void ArrayObject::set_result(const planner::Node& node) const
{
    if (node.dist) {
        m_dist = node.dist;
        m_array = {};
        set_materialized({});
        return;
    }
    set_materialized(node.array);
}

const engine::Shape& ArrayObject::shape() const
{
    return m_pending ? m_pending->shape : m_dist ? m_dist->shape : m_array.shape;
}

engine::DType ArrayObject::dtype() const
{
    return m_pending ? m_pending->dtype : m_dist ? m_dist->dtype() : m_array.dtype;
}

const seam::DistView* ArrayObject::distributed() const
{
    return m_dist && !m_dist->base->is_local() ? m_dist.get() : nullptr;
}

const engine::NDArray& ArrayObject::resolved_array() const
{
    if (m_pending)
        materialize();
    if (m_dist) {
        auto& base = *m_dist->base;
        seam::bring_to_driver(base);
        if (m_array.buffer != base.local.buffer)
            m_array = seam::local_view(*m_dist);
    }
    return m_array;
}

const engine::NDArray& ArrayObject::readable() const
{
    if (m_pending)
        materialize();
    if (m_dist && !m_dist->base->is_local()) {
        // Just the rows the view covers, kept until the array changes.
        if (!m_snapshot.buffer || m_snapshot_version != m_dist->base->version) {
            m_snapshot = seam::gather(*m_dist);
            m_snapshot_version = m_dist->base->version;
        }
        return m_snapshot;
    }
    return array();
}

void ArrayObject::distribute() const
{
    if (m_pending)
        return;
    seam::Engine& engine = seam::current();
    if (m_dist) {
        // Brought to the driver by a write; back to the workers when the engine says so.
        auto& base = *m_dist->base;
        if (base.is_local() && engine.place_again(base, base.local.buffer.use_count()))
            m_array = {};
        return;
    }
    if (auto placed = engine.place(m_array, m_array.buffer.use_count())) {
        m_dist = std::move(placed);
        m_array = {};
    }
}

planner::NodePtr ArrayObject::node() const
{
    if (m_pending)
        return m_pending;
    distribute();
    if (auto* view = distributed())
        return planner::dist_node(std::make_shared<seam::DistView>(*view));
    return planner::array_node(array());
}

void ArrayObject::set_materialized(engine::NDArray data) const
{
    m_array = std::move(data);
    if (m_pending) {
        m_pending.reset();
        registry().erase(this);
    }
}

void ArrayObject::set_local(engine::NDArray data) const
{
    set_materialized(std::move(data));
    // array() brought a distributed array into the driver for good; this handle no longer follows it.
    m_dist.reset();
    m_snapshot = {};
}

bool should_defer(std::span<const interp::Value> operands)
{
    if (!planner::fusion_enabled())
        return false;
    for (auto& operand : operands) {
        if (!is_array(operand))
            continue;
        auto& object = operand.as<ArrayObject>();
        if (object.is_lazy_operand())
            return true;
        if (object.array().size() >= lazy_min_elements)
            return true;
    }
    return false;
}

planner::NodePtr operand_node(interp::CallContext& context, const interp::Value& value)
{
    if (is_array(value))
        return value.as<ArrayObject>().node();
    return planner::array_node(to_array(context, value));
}

namespace {

bool complex_dtype(engine::DType dtype) { return engine::dtype_kind(dtype) == 'c'; }

} // namespace

bool defer_elementwise(interp::CallContext& context, vm::OpCode op, std::span<const interp::Value> operands, interp::Value& out)
{
    if (!should_defer(operands))
        return false;
    std::vector<planner::NodePtr> nodes;
    for (auto& operand : operands) {
        nodes.push_back(operand_node(context, operand));
        // Complex kernels (and fused complex reductions) are the eager executor's alone.
        if (complex_dtype(nodes.back()->dtype))
            return false;
    }
    planner::NodePtr node = planner::elementwise_node(op, std::move(nodes));
    char kind = engine::dtype_kind(node->dtype);
    // Integer powers check their exponents (numpy's "Integers to negative integer powers are not
    // allowed"), which only the eager executor does.
    if (kind == 'c' || (op == vm::OpCode::Power && (kind == 'i' || kind == 'u' || kind == 'b')))
        return false;
    out = wrap_pending(std::move(node));
    return true;
}

interp::Value wrap_pending(planner::NodePtr node)
{
    if (node->is_materialized())
        return wrap_result(node->array);
    if (++nodes_since_flush > max_pending_nodes) {
        auto value = interp::Value::object(interp::Type::Opaque, interp::make_object<ArrayObject>(node));
        flush_pending();
        return value;
    }
    return interp::Value::object(interp::Type::Opaque, interp::make_object<ArrayObject>(std::move(node)));
}

void flush_pending()
{
    nodes_since_flush = 0;
    if (registry().empty())
        return;
    std::vector<const ArrayObject*> objects(registry().begin(), registry().end());
    std::vector<planner::NodePtr> roots;
    for (auto* object : objects)
        roots.push_back(object->pending());
    print_explain(roots);
    planner::compute(roots);
    emit_flush_warnings();
    for (size_t i = 0; i < objects.size(); ++i)
        objects[i]->set_result(*roots[i]);
}

void flush_pending_except(const ArrayObject* keep)
{
    bool kept = keep && registry().erase(keep) > 0;
    flush_pending();
    if (kept)
        registry().insert(keep);
}

int64_t live_pending_count() { return static_cast<int64_t>(registry().size()); }

std::string explain_value(const interp::Value& value)
{
    if (!is_array(value) || !value.as<ArrayObject>().pending())
        return "";
    planner::NodePtr node = value.as<ArrayObject>().pending();
    return planner::explain(std::span<const planner::NodePtr>(&node, 1));
}

void set_explain_flushes(bool on) { explain_flushes = on; }

} // namespace ramba::numpy
