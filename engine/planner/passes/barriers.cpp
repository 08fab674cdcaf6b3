// Pass: materialise what a fused kernel over `space` cannot compute in registers.
#include "engine/planner/passes/passes.hpp"

#include <unordered_set>

namespace ramba::engine::planner {

void materialize_barriers(std::span<const NodePtr> roots, const Shape& space)
{
    std::unordered_set<Node*> seen;
    std::vector<NodePtr> barriers;
    auto visit = [&](auto& self, const NodePtr& node, bool is_root) -> void {
        if (node->is_materialized() || !seen.insert(node.get()).second)
            return;
        bool nested_reduction = node->kind == NodeKind::Reduce && !is_root;
        bool broadcast_index = node->kind == NodeKind::Arange && node->shape != space;
        if (nested_reduction || broadcast_index) {
            barriers.push_back(node);
            return;
        }
        for (auto& operand : node->operands)
            self(self, operand, false);
    };
    for (auto& root : roots)
        visit(visit, root, true);
    for (auto& barrier : barriers)
        compute(std::span<const NodePtr>(&barrier, 1));
}

} // namespace ramba::engine::planner
