// The flush, as a table of contents: group roots by iteration space, then for each group run the
// passes in order and the resulting kernel. RAMBA_FUSE=0 computes node by node instead.
#include <map>

#include "engine/array/cast.hpp"
#include "engine/cluster/dist.hpp"
#include "engine/planner/node.hpp"
#include "engine/planner/passes/passes.hpp"
#include "engine/vm/program.hpp"
#include "engine/vm/ufunc.hpp"

namespace ramba::engine::planner {

// Arrays held by the cluster come to the driver before a kernel runs here.
void gather_distributed_leaves(std::span<const NodePtr> roots)
{
    for (Node* node : collect_nodes(roots)) {
        if (node->kind == NodeKind::Array && node->dist && !node->array.buffer)
            node->array = cluster::gather(*node->dist);
    }
}

namespace {

// The space a root's kernel iterates over: its own shape, or its operand's for a reduction.
Shape iteration_space(const NodePtr& root)
{
    return root->kind == NodeKind::Reduce ? root->operands[0]->shape : root->shape;
}

// Roots share a kernel when they share a space, except that per-row reductions walk the space row by
// row and whole-space reductions block by block: those two never share one (numpy's orders differ).
std::pair<Shape, bool> group_key(const NodePtr& root)
{
    return { iteration_space(root), root->kind == NodeKind::Reduce && root->last_axis };
}

void materialize(Node& node, NDArray data)
{
    node.kind = NodeKind::Array;
    node.array = std::move(data);
    node.operands.clear();
    node.loop = nullptr;
}

vm::Program lower(std::span<const NodePtr> roots, const Shape& space)
{
    materialize_barriers(roots, space);
    gather_distributed_leaves(roots);
    std::vector<Node*> order = collect_nodes(roots);
    return emit_program(order, roots, space);
}

// Without fusion: every node through the eager executor, every intermediate in memory.
NDArray evaluate_eagerly(Node& node)
{
    if (node.is_materialized()) {
        if (node.dist && !node.array.buffer)
            node.array = cluster::gather(*node.dist);
        return node.array;
    }
    std::vector<NDArray> operands;
    for (auto& operand : node.operands)
        operands.push_back(evaluate_eagerly(*operand));
    NDArray result;
    switch (node.kind) {
    case NodeKind::Arange: {
        vm::Program program = vm::store_program(vm::InstructionKind::Iota, node.dtype, node.shape);
        program.code[0].start = node.start;
        program.code[0].step = node.step;
        program.outputs = { NDArray::empty(node.dtype, node.shape) };
        vm::run_program(program);
        result = program.outputs[0];
        break;
    }
    case NodeKind::Elementwise:
        result = node.op == vm::OpCode::Where ? vm::where(operands[0], operands[1], operands[2]) : vm::apply(node.op, operands);
        break;
    case NodeKind::Reduce:
        if (node.last_axis) {
            int64_t last = operands[0].ndim() - 1;
            result = vm::reduce(node.reduce, operands[0], std::span<const int64_t>(&last, 1));
        } else {
            result = vm::reduce(node.reduce, operands[0], std::nullopt);
        }
        break;
    case NodeKind::Cast:
        result = astype(broadcast_to(operands[0], node.shape), node.dtype);
        break;
    case NodeKind::Array:
        break;
    }
    materialize(node, result);
    return result;
}

} // namespace

void compute(std::span<const NodePtr> roots)
{
    if (!fusion_enabled()) {
        for (auto& root : roots)
            evaluate_eagerly(*root);
        return;
    }
    // Independent roots over the same space share one pass over memory.
    std::map<std::pair<Shape, bool>, std::vector<size_t>> groups;
    for (size_t i = 0; i < roots.size(); ++i) {
        if (!roots[i]->is_materialized())
            groups[group_key(roots[i])].push_back(i);
    }
    for (auto& [key, members] : groups) {
        const Shape& space = key.first;
        std::vector<NodePtr> group;
        for (size_t i : members) {
            if (!roots[i]->is_materialized())
                group.push_back(roots[i]);
        }
        if (group.empty())
            continue;
        if (cluster::run_group(group, space))
            continue;
        vm::Program program = lower(group, space);
        vm::run_program(program);
        for (size_t k = 0; k < group.size(); ++k)
            materialize(*group[k], program.outputs[k]);
    }
}

std::vector<NDArray> evaluate(std::span<const NodePtr> roots)
{
    compute(roots);
    std::vector<NDArray> results(roots.size());
    for (size_t i = 0; i < roots.size(); ++i)
        results[i] = roots[i]->dist && !roots[i]->array.buffer ? cluster::gather(*roots[i]->dist) : roots[i]->array;
    return results;
}

NDArray evaluate(const NodePtr& root)
{
    return evaluate(std::span<const NodePtr>(&root, 1))[0];
}

std::string explain(std::span<const NodePtr> roots)
{
    std::map<std::pair<Shape, bool>, std::vector<NodePtr>> groups;
    for (auto& root : roots) {
        if (!root->is_materialized())
            groups[group_key(root)].push_back(root);
    }
    std::string text;
    for (auto& [key, group] : groups) {
        const Shape& space = key.first;
        // Explaining may compute barriers (nested reductions) but never the roots themselves.
        materialize_barriers(group, space);
        std::vector<Node*> order = collect_nodes(group);
        text += vm::describe(emit_program(order, group, space, false));
        text += cluster::explain_placement(group, space);
    }
    return text;
}

} // namespace ramba::engine::planner
