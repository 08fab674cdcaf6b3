// The planner's passes, in the order lower() runs them; each takes the DAG below a set of roots and
// returns what the next one needs. One pass per file.
#pragma once

#include <span>
#include <vector>

#include "engine/planner/node.hpp"
#include "engine/vm/program.hpp"

namespace ramba::engine::planner {

// Computes first what cannot live in the roots' registers: reductions used as operands (a - a.mean())
// and index generators whose shape is not the iteration space (broadcast aranges).
void materialize_barriers(std::span<const NodePtr> roots, const Shape& space);

// The pending nodes below `roots` in dependency order; materialised nodes appear as leaves.
std::vector<Node*> collect_nodes(std::span<const NodePtr> roots);

// Arrays held by the cluster's workers come to the driver, for a kernel that runs here.
void gather_distributed_leaves(std::span<const NodePtr> roots);

// One register per node, casts where a loop wants another dtype, a Store per elementwise root and a
// Reduce per reduction root: the kernel. Allocates the roots' outputs (in `roots` order), or only
// describes them (dtype and shape, no memory) for kernels that run on the cluster's workers.
vm::Program emit_program(std::span<Node* const> order, std::span<const NodePtr> roots, const Shape& space,
    bool allocate_outputs = true);

// Reuses the registers of dead values (same dtype; loads and constants keep theirs), so a long
// chain's block registers stay in cache. Called by emit_program last.
void allocate_registers(vm::Program&);

} // namespace ramba::engine::planner
