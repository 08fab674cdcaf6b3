// The lazy DAG: a node is an array whose shape and dtype are known at once and whose data is computed
// at a flush. Factories validate (broadcasting, numpy type resolution) so a bad node fails where built.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/vm/kernels.hpp"
#include "engine/vm/ufunc.hpp"
#include "base/span.hpp"

namespace ramba::cluster {
struct DistView;
}

namespace ramba::engine::planner {

struct Node;
using NodePtr = std::shared_ptr<Node>;

enum class NodeKind : uint8_t {
    Array,       // materialised data (0-d arrays are scalars for value-based casting)
    Arange,      // start + step * i, generated in registers
    Elementwise, // a VM op (incl. where) over broadcast operands
    Reduce,      // a full reduction (sum, prod, min, max) of its operand, or one along its last axis
    Cast,        // its operand converted to `dtype` and broadcast to `shape` (compiled user functions)
};

struct Node {
    NodeKind kind { NodeKind::Array };
    DType dtype { DType::Float64 };
    Shape shape;
    SourceSpan span;

    NDArray array;            // Array, and every node once materialised
    // An Array whose data lives on the cluster's workers (array then only describes dtype and shape).
    std::shared_ptr<cluster::DistView> dist;
    double start { 0 }, step { 1 }; // Arange
    vm::OpCode op { vm::OpCode::Add };
    const vm::Loop* loop { nullptr };  // Elementwise: the resolved loop
    vm::ReduceOp reduce { vm::ReduceOp::Sum };
    bool last_axis { false }; // Reduce: along the operand's last axis only (one result per row)
    std::vector<NodePtr> operands;

    bool is_materialized() const { return kind == NodeKind::Array; }
    int64_t size() const;
};

NodePtr array_node(NDArray);
// An array held by the cluster's workers.
NodePtr dist_node(std::shared_ptr<cluster::DistView>);
NodePtr arange_node(double start, double step, int64_t count, DType);
// Throws numpy's errors for bad shapes (broadcast) and types (no loop) right away.
NodePtr elementwise_node(vm::OpCode, std::vector<NodePtr> operands, SourceSpan = {});
// A full reduction; Sum, Prod, Min and Max fuse into the pass of their operand's chain.
NodePtr reduce_node(vm::ReduceOp, NodePtr operand, SourceSpan = {});
// The same reduction along the operand's last axis (numpy's axis=-1 over 2+ axes); the operand's
// last extent must be non-zero. It fuses too: the kernel walks row by row and folds each row's blocks.
NodePtr reduce_last_axis_node(vm::ReduceOp, NodePtr operand, SourceSpan = {});
// numpy's unsafe astype (float -> int truncates), broadcast to `shape` (ValueError if it cannot be).
NodePtr cast_node(NodePtr operand, DType, Shape shape);

// Fusion on unless RAMBA_FUSE=0 (then every node is computed by the eager executor, one op at a time).
bool fusion_enabled();
void set_fusion_enabled(bool);

// The flush: computes `roots` (and only what they need) and turns them into Array nodes, with
// their data in node->array, or on the cluster's workers (node->dist). Independent roots over the
// same iteration space run in one kernel.
void compute(std::span<const NodePtr> roots);
// compute(), then the roots' data in the driver (a distributed root is copied here for the caller).
std::vector<NDArray> evaluate(std::span<const NodePtr> roots);
NDArray evaluate(const NodePtr& root);

// The kernels a flush of `roots` would run, as `--explain` prints them; runs nothing.
std::string explain(std::span<const NodePtr> roots);

} // namespace ramba::engine::planner
