// Internal to stdlib/numpy: mean/std/var of a whole array through the planner's fused reductions
// (fused_statistics.cpp), used by the reduction rows before their eager path.
#pragma once

#include "engine/vm/ufunc.hpp"
#include "interpreter/values/value.hpp"

namespace ramba::numpy {

// a.mean() / a.std(ddof) / a.var(ddof) with axis=None and no dtype/out/keepdims: true and `out` set
// when computed by fused passes (same pairwise sums as numpy, so the same value), false to go eager.
bool fuse_statistic(interp::CallContext&, vm::ReduceOp, const interp::Value& array, int64_t ddof, interp::Value& out);

} // namespace ramba::numpy
