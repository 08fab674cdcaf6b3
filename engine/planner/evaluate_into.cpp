// evaluate_into: the passes of lower() with the root's Store aimed at the destination view.
#include "engine/planner/evaluate_into.hpp"

#include <unordered_set>

#include "engine/planner/passes/passes.hpp"
#include "engine/vm/program.hpp"
#include "base/error.hpp"

namespace ramba::engine::planner {

bool reads_buffer(const NodePtr& root, const NDArray& destination)
{
    std::unordered_set<const Node*> seen;
    auto visit = [&](auto& self, const NodePtr& node) -> bool {
        if (!seen.insert(node.get()).second)
            return false;
        if (node->is_materialized())
            return node->array.buffer && node->array.buffer == destination.buffer;
        for (auto& operand : node->operands) {
            if (self(self, operand))
                return true;
        }
        return false;
    };
    return visit(visit, root);
}

void evaluate_into(const NodePtr& root, const NDArray& destination)
{
    RAMBA_ASSERT(root->shape == destination.shape && root->kind != NodeKind::Reduce && !root->is_materialized(),
        "callers check the shape and pass a pending elementwise node");
    NodePtr roots[] = { root };
    materialize_barriers(roots, root->shape);
    gather_distributed_leaves(roots);
    std::vector<Node*> order = collect_nodes(roots);
    vm::Program program = emit_program(order, roots, root->shape);
    program.outputs[0] = destination; // the Store casts to the destination's dtype and walks its strides
    vm::run_program(program);
    root->kind = NodeKind::Array;
    root->array = destination;
    root->operands.clear();
    root->loop = nullptr;
}

} // namespace ramba::engine::planner
