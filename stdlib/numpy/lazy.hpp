// Laziness for the numpy rows: when an elementwise row builds a planner node instead of computing,
// and the flushes (before writes, at np.sync(), past a size bound). Sits between the rows and engine/planner.
#pragma once

#include <span>
#include <string>

#include "engine/planner/node.hpp"
#include "interpreter/values/value.hpp"

namespace ramba::engine {
struct IndexItem;
}

namespace ramba::numpy {

struct ArrayObject;

// Below this many elements an op runs eagerly: building a node, and later lowering and running a
// one-op kernel, costs a few microseconds, which a 32768-element (256 KiB of float64) op no longer
// notices, while small arrays in interpreter loops keep the eager executor's low per-op overhead.
constexpr int64_t lazy_min_elements = 32768;
// A flush of everything pending once this many nodes were built since the last flush, so a long
// loop of elementwise updates cannot grow an unbounded DAG (and lowering stays cheap).
constexpr int64_t max_pending_nodes = 512;

// Whether a row should build a node for these operands: fusion is on (RAMBA_FUSE unset or 1) and an
// operand is an ndarray that is already pending or has at least lazy_min_elements elements.
bool should_defer(std::span<const interp::Value> operands);
// The node an operand contributes: an ndarray's pending node, else a leaf of its data.
engine::planner::NodePtr operand_node(interp::CallContext&, const interp::Value&);
// The elementwise rows' entry: builds a pending node for op over the operands into `out` when
// should_defer says so and the planner computes it exactly as the eager executor would (not for
// complex dtypes, nor integer powers, whose negative exponents the eager executor rejects).
bool defer_elementwise(interp::CallContext&, vm::OpCode, std::span<const interp::Value> operands, interp::Value& out);
// An ndarray value holding a pending node (counts towards max_pending_nodes).
interp::Value wrap_pending(engine::planner::NodePtr);

// Computes every live pending ndarray (in as few kernels as the planner can). Call before anything
// writes into an array's buffer: a pending node may read that buffer.
void flush_pending();
// The same, leaving `keep` pending (a slice assignment computes it straight into its destination).
void flush_pending_except(const ArrayObject* keep);
// a[index] = pending expression, computed straight into the view a[index] when the expression is a
// temporary that does not read a's buffer (lazy_assign.cpp). False: the caller assigns as usual.
bool assign_pending(interp::CallContext&, const engine::NDArray& target,
    std::span<const engine::IndexItem> index, const interp::Value& value);
int64_t live_pending_count();
// Computes one node now (a fused full reduction, a read of one pending array), printing its kernels
// under --explain and its floating-point warnings on stderr.
engine::NDArray evaluate_now(const engine::planner::NodePtr&);

// The kernels a flush of this value would run (empty text when it is not pending).
std::string explain_value(const interp::Value&);
// --explain: each flush prints its kernels to stderr.
void set_explain_flushes(bool);

} // namespace ramba::numpy
