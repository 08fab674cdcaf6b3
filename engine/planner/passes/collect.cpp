// Pass: the nodes below the roots in dependency order (post-order), each once.
#include "engine/planner/passes/passes.hpp"

#include <unordered_set>

namespace ramba::engine::planner {

std::vector<Node*> collect_nodes(std::span<const NodePtr> roots)
{
    std::vector<Node*> order;
    std::unordered_set<Node*> seen;
    auto visit = [&](auto& self, Node* node) -> void {
        if (!seen.insert(node).second)
            return;
        if (!node->is_materialized()) {
            for (auto& operand : node->operands)
                self(self, operand.get());
        }
        order.push_back(node);
    };
    for (auto& root : roots)
        visit(visit, root.get());
    return order;
}

} // namespace ramba::engine::planner
