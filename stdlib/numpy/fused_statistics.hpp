// Internal to stdlib/numpy: mean/std/var/argmin/argmax of a whole array through the planner's fused reductions
// (fused_statistics.cpp), used by the reduction rows before their eager path.
#pragma once

#include "engine/vm/ufunc.hpp"
#include "interpreter/values/value.hpp"

namespace ramba::numpy {

// a.mean() / a.std(ddof) / a.var(ddof) with axis=None and no dtype/out/keepdims: true and `out` set
// when computed by fused passes (same pairwise sums as numpy, so the same value), false to go eager.
bool fuse_statistic(interp::CallContext&, vm::ReduceOp, const interp::Value& array, int64_t ddof, interp::Value& out);
// a.argmin() / a.argmax() of a whole 1-d pending or distributed array: the extreme value, then the
// first index that holds it (the first NaN when it is NaN), as two fused passes, so a distributed
// array stays on the workers. False: the eager path.
bool fuse_arg_extreme(interp::CallContext&, vm::ReduceOp, const interp::Value& array, interp::Value& out);

} // namespace ramba::numpy
