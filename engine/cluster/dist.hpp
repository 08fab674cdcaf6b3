// Distributed arrays: C-contiguous arrays split into row blocks (axis 0) over the workers, views of
// them, and the operations that move data: scatter, gather of a region, and running a fused kernel
// where the data lives (aligned operands in place, misaligned ones with halo rows worker to worker).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/planner/node.hpp"
#include "engine/vm/ufunc.hpp"

namespace ramba::cluster {

// Row blocks of one array; worker w holds rows [bounds[w], bounds[w+1]). Once `local` holds data
// the array lives in the driver (some write needed it there) and the tiles are gone.
struct DistArray {
    uint64_t id { 0 };
    engine::DType dtype { engine::DType::Float64 };
    engine::Shape shape;
    std::vector<int64_t> bounds;
    uint64_t version { 0 };   // bumped by every write, so cached gathers know they are stale
    engine::NDArray local;    // set once localized

    bool is_local() const { return local.buffer != nullptr; }
    int64_t row_elements() const;
    ~DistArray(); // frees the tiles on the workers
};

// A basic-indexing view (shape, strides and offset in elements over the base's C layout).
struct DistView {
    std::shared_ptr<DistArray> base;
    engine::Shape shape;
    std::vector<int64_t> strides;
    int64_t offset { 0 };

    engine::DType dtype() const { return base->dtype; }
    int64_t size() const;
    // Axis 0 walks base rows one by one, and every other axis stays inside a row: a kernel can
    // read rows [r + row_offset()) of the base for view rows r.
    bool row_aligned() const;
    int64_t row_offset() const { return offset / base->row_elements(); }
    // The same with axis 0 walking every k-th base row (a[::2], u[1:-1:2, 1:-1:2]): k, else 0. View
    // row r is then base row row_offset() + k * r. (1 exactly when row_aligned().)
    int64_t row_step() const;
    static std::shared_ptr<DistView> whole(std::shared_ptr<DistArray>);
};

// Elements below which kernels stay in the driver (RAMBA_CLUSTER_MIN_ELEMENTS, default 2^16).
int64_t min_elements();

// How `rows` rows of `row_elements` split over `workers`: balanced, with boundaries on multiples
// of the VM's reduction block where that costs little, so distributed sums match local ones bit for bit.
std::vector<int64_t> partition(int64_t rows, int64_t row_elements, int workers);

// Copies a driver array to the workers (any layout; sent C-contiguous).
std::shared_ptr<DistArray> scatter(const engine::NDArray&);
// The view's data in the driver; moves only the base rows the view touches.
engine::NDArray gather(const DistView&);
// Moves the whole array into the driver for good (before a write the cluster cannot do).
void localize(DistArray&);
// The view over a localized base.
engine::NDArray local_view(const DistView&);

// Runs the fused kernel of `roots` over `space` on the workers when the cluster is up and the
// space is large enough; Store roots become distributed (node->dist), Reduce roots 0-d arrays.
// Returns false (nothing done) when the kernel should run in the driver.
bool run_group(std::span<const engine::planner::NodePtr> roots, const engine::Shape& space);

// A new distributed array of `shape` with every element `value` (a 0-d array), made on the workers.
// Null when the cluster is off or the array is small.
std::shared_ptr<DistArray> fill(engine::DType, const engine::Shape&, const engine::NDArray& value);
// A distributed copy of a view of a distributed array: row-aligned views copy where the rows live,
// others (reshapes, transposes, strided slices) worker to worker, or through the driver (gather,
// then scatter) when that moves less. Null: not possible (the cluster is off, a 0-d view).
std::shared_ptr<DistArray> copy(const DistView&);
// What copy() does for this view, for --explain (empty when it does nothing).
std::string explain_copy(const DistView&);

// target[...] = value for a row-aligned view of a distributed array, computed where the rows live.
// Returns false when this assignment must go through the driver.
bool assign(const DistView& target, const engine::planner::NodePtr& value);

// A @ B where A's rows live: each worker multiplies its rows of `a` (a row-aligned 2-d view) by the
// whole `b` ((k, n) or (k,), sent to every worker) with the engine's matmul (OpenBLAS), so the
// product keeps A's partition. Null when that is not possible (the caller computes in the driver).
std::shared_ptr<DistArray> matmul(const DistView& a, const engine::NDArray& b);
// The same with `b` the whole of a distributed array: its row blocks are all-gathered worker to
// worker ((n-1) copies of B over n links at once, instead of a gather into the driver and n sends
// from its one socket). Null when `b` is a view of part of an array (gather it and call the above).
std::shared_ptr<DistArray> matmul(const DistView& a, const DistView& b);
// Sorts a whole distributed array along `axis` >= 1 in place, each worker its own rows.
// False when not possible (the caller sorts in the driver).
bool sort_rows(DistArray&, int64_t axis);
// np.argsort along `axis` >= 1 of a whole distributed array: int64 indices with its rows (null when
// not possible).
std::shared_ptr<DistArray> argsort_rows(const DistArray&, int64_t axis);

// np.sort / np.argsort of a whole distributed array, flattened (1-d, C order): a sample sort
// (sample_sort.cpp). Each
// worker sorts its part; keys found from samples cut the sorted parts so that the result keeps the
// standard partition; the pieces go worker to worker and each worker merges its own. The argsort is
// stable, as the local engine's. Null when not possible (the caller sorts in the driver).
std::shared_ptr<DistArray> sample_sort(const DistArray&, bool argsort);

// a[mask] for a row-aligned view and a bool mask of its shape whose rows live on the same workers:
// each worker keeps the elements of its rows where the mask holds (Compress); the result is a new
// 1-d distributed array with one part per worker (uneven, as the counts fall). Null when not possible.
std::shared_ptr<DistArray> compress(const DistView& a, const DistView& mask);
// a[rows] for a short list of row numbers (repeats and any order allowed): only the rows named (and
// short gaps between them) come to the driver, in one round of Gather requests for a row-aligned
// view of whole base rows, else (up to 64 rows) a gather per row. nullopt when not possible (a row
// out of range, too many rows: the caller brings the array to the driver).
std::optional<engine::NDArray> take_rows(const DistView&, std::span<const int64_t> rows);

// np.<op>(view, axis=axes, keepdims=, ddof=, dtype=) for ascending `axes` without 0 (sum, prod,
// mean, std, var, min, max, argmin, argmax, any, all, ptp, count_nonzero, the nan-reductions):
// each worker reduces its own rows of a row-aligned view with the engine's reduce (numpy's loop
// order, so numpy's bits); the result keeps the view's rows. Null when not possible (the caller
// reduces in the driver).
std::shared_ptr<DistArray> reduce_rows(const DistView&, vm::ReduceOp, std::span<const int64_t> axes, bool keepdims, int64_t ddof,
    std::optional<engine::DType> dtype = {});
// The same for axes with 0, for reductions whose result does not depend on the order of the rows
// (min, max, any, all, count_nonzero, and sums, products and means accumulating in integers or
// bools): each worker with rows sends its partial (a mean's sum), and the driver combines them in
// row order. nullopt when not possible.
std::optional<engine::NDArray> reduce_partials(const DistView&, vm::ReduceOp, std::span<const int64_t> axes, bool keepdims,
    std::optional<engine::DType> dtype = {});
// A sum, product or mean accumulating in float64/float32 (numpy's dtype= or its default: integer
// means in float64) along axis 0 alone: numpy adds row after row, so the running result goes from
// worker to worker in row order (each folds its rows into it), never split into partials.
// nullopt when not possible.
std::optional<engine::NDArray> reduce_chained(const DistView&, vm::ReduceOp, bool keepdims, std::optional<engine::DType> dtype = {});
// np.cumsum/np.cumprod (`op` Sum or Prod) of a row-aligned view into a new distributed array of
// `dtype` (the accumulating one): along an `axis` >= 1 each worker scans its own rows (same
// rows); along axis 0, or flattened (nullopt; a 1-d result whose elements stay where their rows
// were), the carry (the last line so far) goes worker to worker in row order, as numpy's loop
// runs. Null when not possible (a cast that can warn, complex data, an empty view).
std::shared_ptr<DistArray> scan(const DistView&, vm::ReduceOp, std::optional<int64_t> axis, engine::DType dtype);

// What `--explain` prints for a kernel that would run on the workers (empty for a local one).
std::string explain_placement(std::span<const engine::planner::NodePtr> roots, const engine::Shape& space);

} // namespace ramba::cluster
