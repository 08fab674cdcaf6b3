// Internal to stdlib/numpy: array operations that keep a distributed operand on the workers (matmul by
// row blocks, reshape/transpose views, concatenate, per-row sorts) instead of bringing it to the
// driver. Each returns false when it does not apply, and the caller then takes its ordinary driver
// path (which gives numpy's results and errors, and says under --explain that it gathers).
#pragma once

#include <optional>
#include <vector>

#include "engine/vm/ufunc.hpp"
#include "stdlib/numpy/array_object.hpp"

namespace ramba::numpy {

// A data-less NDArray with a distributed view's shape, strides and offset (in bytes), so the engine's
// own shape and indexing functions (and their errors) work out a new view. Only functions that make
// views may see it: its buffer is a few bytes.
engine::NDArray stand_in(const cluster::DistView&);
// The distributed view of `base` that a stand-in (or a view the engine made of one) describes.
cluster::DistView view_from_stand_in(const std::shared_ptr<cluster::DistArray>& base, const engine::NDArray& stand);

// a @ b (also np.dot for 2-d a): when `a` is, or becomes, a distributed 2-d array and `b` is 1-d or
// 2-d, each worker multiplies its rows of `a` by the whole of `b`; the product keeps a's rows.
bool distributed_matmul(interp::CallContext&, const interp::Value& a, const interp::Value& b, interp::Value& out);

// a.reshape / np.reshape, a.ravel / np.ravel, a.flatten of a distributed array: a view of the same
// rows when the data is C-contiguous (as numpy's view, writes go through), else a distributed copy.
bool distributed_reshape(interp::CallContext&, const interp::Value& a, const engine::Shape& shape, interp::Value& out);
bool distributed_ravel(interp::CallContext&, const interp::Value& a, bool copy, interp::Value& out);
// a.T, a.transpose(...), np.transpose: a distributed view (numpy's too is a view).
bool distributed_transpose(interp::CallContext&, const interp::Value& a, std::optional<std::vector<int64_t>> axes, interp::Value& out);
// np.concatenate when a part is distributed and the result is large: a new distributed array, every
// part written where the result's rows live.
bool distributed_concatenate(interp::CallContext&, const interp::Value& sequence, std::optional<int64_t> axis, interp::Value& out);
// np.vstack (parts of 2+ dimensions: concatenate along 0) and np.hstack (along 1, or 0 for 1-d parts).
bool distributed_stack(interp::CallContext&, const interp::Value& sequence, bool horizontal, interp::Value& out);
// a[mask] with a bool mask of a's shape (each worker keeps its selected elements; the result is
// distributed, or in the driver when small), and a[[i, j, ...]] with a short list of row numbers
// (only those rows come to the driver). False: the caller indexes in the driver.
bool distributed_select(interp::CallContext&, const interp::Value& a, const interp::Value& index, interp::Value& out);
// np.stack along a new axis >= 1 (the result keeps the parts' rows; a new axis 0 would make the
// parts the rows, so that one stays in the driver), and np.column_stack: concatenate's way.
bool distributed_stack_new_axis(interp::CallContext&, const interp::Value& sequence, const interp::Value& axis, interp::Value& out);
bool distributed_column_stack(interp::CallContext&, const interp::Value& sequence, interp::Value& out);
// np.sort(a, axis) / a.sort(axis): see distributed_ops.cpp's SortPlan.
bool distributed_sort(interp::CallContext&, const interp::Value& a, const interp::Value& axis, interp::Value& out);
bool distributed_sort_in_place(interp::CallContext&, const interp::Value& a, const interp::Value& axis);
// np.argsort(a, axis) / a.argsort(axis): int64 indices, distributed.
bool distributed_argsort(interp::CallContext&, const interp::Value& a, const interp::Value& axis, interp::Value& out);
// np.sum/prod/mean/std/var/min/max/any/all/argmin/argmax/ptp/nansum/nanmean/nanmin/nanmax/
// count_nonzero(a, axis, keepdims=, ddof=, dtype=) of a distributed (or pending over distributed)
// array with an axis (count_nonzero also without; no out=): axes without 0 reduce where the rows
// live and the result keeps them; axes with 0 combine the workers' partials when the order of the
// rows cannot show (min, max, any, all, counts, integer sums and means), pass the running result
// worker to worker for float sums, products and means along axis 0 alone; the others along axis 0
// gather a copy of the data (the array stays distributed).
bool distributed_reduce(interp::CallContext&, vm::ReduceOp, const interp::Value& a, const interp::Value& axis, bool keepdims,
    int64_t ddof, std::optional<engine::DType> dtype, interp::Value& out);
// np.cumsum/np.cumprod(a, axis, dtype=) of a distributed array (no out=): a new distributed array
// made where the rows live (along axis 0 and flattened, the carry worker to worker in row order).
bool distributed_accumulate(interp::CallContext&, vm::ReduceOp, const interp::Value& a, const interp::Value& axis,
    std::optional<engine::DType> dtype, interp::Value& out);

} // namespace ramba::numpy
