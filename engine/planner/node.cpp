// Node factories: shapes broadcast and loops resolve when a node is built, never at the flush.
#include "engine/planner/node.hpp"

#include <cstdlib>
#include <cstring>

#include "engine/dtype/promotion.hpp"
#include "engine/array/cast.hpp"
#include "engine/cluster/dist.hpp"
#include "engine/vm/type_resolution.hpp"
#include "base/error.hpp"

namespace ramba::engine::planner {

int64_t Node::size() const
{
    int64_t n = 1;
    for (auto extent : shape)
        n *= extent;
    return n;
}

NodePtr array_node(NDArray array)
{
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Array;
    node->dtype = array.dtype;
    node->shape = array.shape;
    node->array = std::move(array);
    return node;
}

NodePtr dist_node(std::shared_ptr<cluster::DistView> view)
{
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Array;
    node->dtype = view->dtype();
    node->shape = view->shape;
    node->array.dtype = node->dtype;
    node->array.shape = node->shape;
    node->dist = std::move(view);
    return node;
}

NodePtr arange_node(double start, double step, int64_t count, DType dtype)
{
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Arange;
    node->dtype = dtype;
    node->shape = { count };
    node->start = start;
    node->step = step;
    return node;
}

namespace {

// What type resolution sees of a node: the data of a materialised one (0-d values matter for
// value-based casting), else a data-less descriptor of its dtype and shape.
NDArray descriptor(const NodePtr& node)
{
    if (node->is_materialized())
        return node->array;
    NDArray d;
    d.dtype = node->dtype;
    d.shape = node->shape;
    return d;
}

} // namespace

NodePtr elementwise_node(vm::OpCode op, std::vector<NodePtr> operands, SourceSpan span)
{
    // A pending 0-d operand is computed now: numpy's value-based casting needs its value.
    for (auto& operand : operands) {
        if (!operand->is_materialized() && operand->shape.empty())
            evaluate(operand);
    }
    std::vector<NDArray> descriptors;
    std::vector<Shape> shapes;
    for (auto& operand : operands) {
        descriptors.push_back(descriptor(operand));
        shapes.push_back(operand->shape);
    }
    // numpy's `x ** 2` for floats is square(x): the same value, and no pow in the kernel.
    if (op == vm::OpCode::Power && !operands[0]->shape.empty() && vm::power_fast_path(op, descriptors)
        && vm::resolve_loop(op, descriptors, std::nullopt).output == operands[0]->dtype) {
        return elementwise_node(vm::OpCode::Square, { operands[0] }, span);
    }
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Elementwise;
    node->op = op;
    node->span = span;
    try {
        node->shape = broadcast_shapes(std::span<const Shape>(shapes));
    } catch (RambaError& error) {
        error.set_span_if_unknown(span);
        throw;
    }
    node->loop = op == vm::OpCode::Where ? &vm::resolve_where(descriptors[1], descriptors[2])
                                         : &vm::resolve_loop(op, descriptors, std::nullopt);
    node->dtype = node->loop->output;
    node->operands = std::move(operands);
    return node;
}

NodePtr reduce_node(vm::ReduceOp reduce, NodePtr operand, SourceSpan span)
{
    RAMBA_ASSERT(reduce == vm::ReduceOp::Sum || reduce == vm::ReduceOp::Prod || reduce == vm::ReduceOp::Min
            || reduce == vm::ReduceOp::Max,
        "only these reductions fuse; the library computes the others eagerly");
    if ((reduce == vm::ReduceOp::Min || reduce == vm::ReduceOp::Max) && operand->size() == 0) {
        throw RambaError(ErrorKind::ValueError, std::string("zero-size array to reduction operation ")
                + (reduce == vm::ReduceOp::Min ? "minimum" : "maximum") + " which has no identity");
    }
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Reduce;
    node->reduce = reduce;
    node->span = span;
    // numpy: sum/prod of bool and integers accumulate in int64 (uint64); min/max keep the dtype.
    bool widens = reduce == vm::ReduceOp::Sum || reduce == vm::ReduceOp::Prod;
    node->dtype = widens ? sum_accumulating_dtype(operand->dtype) : operand->dtype;
    node->operands = { std::move(operand) };
    return node;
}

NodePtr reduce_last_axis_node(vm::ReduceOp reduce, NodePtr operand, SourceSpan span)
{
    RAMBA_ASSERT(operand->shape.size() >= 2 && operand->shape.back() > 0, "a last-axis reduction needs rows");
    Shape shape(operand->shape.begin(), operand->shape.end() - 1);
    auto node = reduce_node(reduce, std::move(operand), span);
    node->shape = std::move(shape);
    node->last_axis = true;
    return node;
}

NodePtr cast_node(NodePtr operand, DType dtype, Shape shape)
{
    if (operand->dtype == dtype && operand->shape == shape)
        return operand;
    bool fits = operand->shape.size() <= shape.size();
    for (size_t i = 0; fits && i < operand->shape.size(); ++i) {
        int64_t extent = operand->shape[operand->shape.size() - 1 - i];
        fits = extent == 1 || extent == shape[shape.size() - 1 - i];
    }
    if (!fits) {
        throw RambaError(ErrorKind::ValueError, "could not broadcast input array from shape "
                + shape_to_string(operand->shape) + " into shape " + shape_to_string(shape));
    }
    auto node = std::make_shared<Node>();
    node->kind = NodeKind::Cast;
    node->dtype = dtype;
    node->shape = std::move(shape);
    node->span = operand->span;
    node->operands = { std::move(operand) };
    return node;
}

namespace {
int fusion_state = -1; // -1: read RAMBA_FUSE on first use
}

bool fusion_enabled()
{
    if (fusion_state < 0) {
        const char* env = std::getenv("RAMBA_FUSE");
        fusion_state = env && std::strcmp(env, "0") == 0 ? 0 : 1;
    }
    return fusion_state == 1;
}

void set_fusion_enabled(bool enabled)
{
    fusion_state = enabled ? 1 : 0;
}

} // namespace ramba::engine::planner
