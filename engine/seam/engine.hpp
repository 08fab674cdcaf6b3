// The engine seam: the array operations the library asks for beyond a fused elementwise kernel, and
// the one place that decides where each runs (the driver, or the cluster's workers), says so under
// --explain, and places the result. The library (stdlib/numpy) describes the operation and holds no
// placement decision; it calls seam::current() and takes its own driver path when an operation
// declines (nullopt/false), which gives numpy's results and errors. Two implementations: the local
// engine (engine.cpp: every operation runs in the driver, so it declines them all) and the cluster
// engine (cluster_*.cpp: the operation runs where the rows live, or gathers, runs in the driver and
// places the result).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "base/function_ref.hpp"
#include "engine/array/ndarray.hpp"
#include "engine/cluster/dist.hpp"
#include "engine/planner/node.hpp"
#include "engine/vm/ufunc.hpp"

namespace ramba::engine {
struct IndexItem;
}

namespace ramba::seam {

// The engine's handle of distributed data, as the library holds it (engine/cluster/dist.hpp).
using DistView = cluster::DistView;
using DistArray = cluster::DistArray;

// A library array handle as the engine sees it (stdlib/numpy's ArrayObject): data in the driver, a
// pending planner node, or a view of an array distributed over the workers.
class ArrayHandle {
public:
    virtual const engine::Shape& shape() const = 0;
    virtual engine::DType dtype() const = 0;
    virtual const engine::planner::NodePtr& pending() const = 0;
    // Computes a pending handle now (its flush, --explain lines and warnings are the library's).
    virtual void materialize() const = 0;
    // The distributed view the handle holds while its data is on the workers, else null.
    virtual const cluster::DistView* distributed() const = 0;
    // Asks the engine to place a large driver array the handle alone owns (Engine::place).
    virtual void distribute() const = 0;
    // The data in the driver, for reading only (a distributed view: a copy of its rows).
    virtual const engine::NDArray& readable() const = 0;
    // The node a kernel reads it through (pending node, distributed leaf, or driver data).
    virtual engine::planner::NodePtr node() const = 0;

protected:
    ~ArrayHandle() = default;
};

// What an operation the engine took gives back: data in the driver (a 0-d one is numpy's scalar),
// or a distributed view.
struct Result {
    engine::NDArray local;
    std::shared_ptr<cluster::DistView> distributed;
    static Result in_driver(engine::NDArray array) { return { std::move(array), nullptr }; }
    static Result on_workers(std::shared_ptr<cluster::DistArray>);
    static Result on_workers(std::shared_ptr<cluster::DistView> view) { return { {}, std::move(view) }; }
};
// nullopt: the engine leaves the operation to the library's driver path.
using Outcome = std::optional<Result>;

// An axis= argument, parsed (to an int) only when the engine takes the operation, so that the
// driver path raises numpy's errors for bad ones in numpy's order.
struct AxisArgument {
    bool none;
    FunctionRef<int64_t()> index;
};

// np.<reduction>(a, axis=, keepdims=, ddof=, dtype=) without out=.
struct ReduceRequest {
    bool axis_none;
    FunctionRef<std::vector<int64_t>(int64_t ndim)> axes; // normalized and ascending, numpy's AxisError
    bool keepdims;
    int64_t ddof;
    std::optional<engine::DType> dtype;
};

class Engine {
public:
    virtual ~Engine() = default;

    // Whether the engine may take an operation whose operands are all plain driver data (placing
    // them elsewhere first): false for the local engine, which declines every operation, so a hot
    // driver path (a[i] in a scalar loop) need not describe its operation to it.
    bool takes_driver_operands() const { return m_takes_driver_operands; }

    // Placement. A driver array goes to the workers when the engine says so (the scatter policy and
    // its size threshold); a distributed array a write brought to the driver goes back (true).
    virtual std::shared_ptr<cluster::DistView> place(const engine::NDArray&, long buffer_users) = 0;
    virtual bool place_again(cluster::DistArray&, long buffer_users) = 0;
    // The driver's random draws of `shape` (drawn in numpy's sequential order): --explain's line.
    virtual void explain_drawn(const engine::Shape&) = 0;

    // Shapes and copies (numpy's views stay views).
    virtual Outcome reshape(const ArrayHandle&, const engine::Shape&) = 0;
    virtual Outcome ravel(const ArrayHandle&, bool copy) = 0;
    virtual Outcome transpose(const ArrayHandle&, std::optional<std::vector<int64_t>> axes) = 0;
    virtual Outcome copy(const ArrayHandle&) = 0;
    // np.zeros/ones/full of `shape`, every element `value` (a 0-d array).
    virtual Outcome fill(engine::DType, const engine::Shape&, const engine::NDArray& value) = 0;
    // np.concatenate along `axis` (as given, may be negative) of array parts.
    virtual Outcome concatenate(std::span<const ArrayHandle* const> parts, int64_t axis) = 0;
    // np.stack along a new axis, and np.column_stack.
    virtual Outcome stack(std::span<const ArrayHandle* const> parts, FunctionRef<int64_t()> axis) = 0;
    virtual Outcome column_stack(std::span<const ArrayHandle* const> parts) = 0;

    // Indexing. Before reading a[index]: placement of the indexed array.
    virtual void prepare_index(const ArrayHandle&) = 0;
    // a[mask] with a bool array mask; a[rows] for `count` row numbers (`rows` parses them: nullopt
    // when the index is not a plain list of integers).
    virtual Outcome select_mask(const ArrayHandle&, const ArrayHandle& mask) = 0;
    virtual Outcome take_rows(const ArrayHandle&, size_t count, FunctionRef<std::optional<std::vector<int64_t>>()> rows) = 0;
    // a[basic index]: a view (or an element, as a 0-d array).
    virtual Outcome view(const ArrayHandle&, FunctionRef<std::vector<engine::IndexItem>()> items) = 0;
    // a[index] = value, described for the engine; the library's hooks do what only it can.
    struct Assignment {
        const ArrayHandle* index_array;  // the index when it is an ndarray (a bool one is a mask)
        const ArrayHandle* value_array;  // the value when it is an ndarray
        bool value_is_array_like;
        bool value_unshared;             // no other reference holds the value (a temporary)
        // The value is a scalar that a kernel writes with assignment's cast (a 0-d array, a number).
        bool scalar_fits;
        FunctionRef<std::vector<engine::IndexItem>()> items;
        FunctionRef<engine::planner::NodePtr()> value_node;
        // where(mask, value, a) as a pending node, with the library's other pending work computed
        // first (null when it cannot be a kernel).
        FunctionRef<engine::planner::NodePtr()> masked_node;
        // Computes the library's pending work, all of it or (keep_value) all but the value's.
        FunctionRef<void(bool keep_value)> before_write;
        // A temporary value was computed straight into `view`: the value's handle now holds it.
        FunctionRef<void(std::shared_ptr<cluster::DistView> view)> value_written;
    };
    // False: the library's driver path assigns.
    virtual bool assign(const ArrayHandle& target, const Assignment&) = 0;

    // np.sort/np.argsort (argsort true) along an axis (None: flattened); a.sort(axis) in place.
    virtual Outcome sort(const ArrayHandle&, AxisArgument, bool argsort) = 0;
    virtual bool sort_in_place(const ArrayHandle&, AxisArgument, FunctionRef<void()> before_write) = 0;

    // Reductions along axes and scans (np.cumsum/np.cumprod: Sum or Prod).
    virtual Outcome reduce(vm::ReduceOp, const ArrayHandle&, const ReduceRequest&) = 0;
    virtual Outcome scan(vm::ReduceOp, const ArrayHandle&, AxisArgument, std::optional<engine::DType>) = 0;

    // a @ b for a 2-d `a`; `b` an array handle or (null) array-like data `b_data` gives.
    virtual Outcome matmul(const ArrayHandle& a, const ArrayHandle* b, FunctionRef<engine::NDArray()> b_data) = 0;

protected:
    explicit Engine(bool takes_driver_operands) : m_takes_driver_operands(takes_driver_operands) { }

private:
    bool m_takes_driver_operands;
};

// The engine that runs now: the cluster engine while a cluster runs, else the local one.
Engine& current();

// Views of distributed arrays, whichever engine runs (a handle may outlive its cluster's session).
// The rows a view covers, copied to the driver.
engine::NDArray gather(const cluster::DistView&);
// The whole array brought to the driver for good (a write the workers do not run), said under
// --explain; then local_view() is the view over the driver's copy.
void bring_to_driver(cluster::DistArray&);
engine::NDArray local_view(const cluster::DistView&);

} // namespace ramba::seam
