// The VM's public face to the library: numpy ufuncs (elementwise ops with broadcasting and numpy's
// loop-based type resolution) and reductions over NDArrays. stdlib/numpy and the ndarray operators call it.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>
#include <string_view>

#include "engine/array/ndarray.hpp"
#include "engine/dtype/dtype.hpp"
#include "engine/vm/opcode.hpp"

namespace ramba::vm {

// numpy name ("add", "true_divide", "divide", "mod", "abs", "conj", ...) -> op; nullopt if unknown.
std::optional<OpCode> find_op(std::string_view numpy_name);

// Operands: 0-d arrays count as scalars for numpy 1.24's value-based casting (a Python int, float,
// complex or bool, a numpy scalar or a 0-d array: np.int8 array + 1 stays int8, float32 array * 2.0
// stays float32). Wrap a Python scalar as a 0-d array of its own dtype (int64, float64, complex128, bool).
//
// numpy: the first loop of the op's `types` list to which every input can be cast safely wins
// (int/int divide -> float64, sqrt(int64) -> float64); none -> TypeError in numpy's words.
struct ApplyOptions {
    std::optional<engine::DType> dtype; // numpy's `dtype=`: forces the loop's output type
};

// Broadcasts, resolves the loop, runs it into a fresh C-contiguous array. Throws RambaError
// (ValueError for shapes, TypeError for types, ValueError for integer ** negative).
engine::NDArray apply(OpCode, std::span<const engine::NDArray> inputs, const ApplyOptions& = {});
engine::NDArray apply(OpCode, const engine::NDArray& a);
engine::NDArray apply(OpCode, const engine::NDArray& a, const engine::NDArray& b);

// In-place form (`a += b`, `np.add(a, b, out=a)`): computes into `out` (which may alias an input;
// handled by computing into a temporary when it overlaps). numpy's casting rule 'same_kind' applies:
// int array += 1.5 -> TypeError "Cannot cast ufunc 'add' output from dtype('float64') to
// dtype('int64') with casting rule 'same_kind'".
void apply_into(OpCode, std::span<const engine::NDArray> inputs, const engine::NDArray& out);

// numpy's fast_scalar_power: float or complex `x ** 2` is computed as square(x) (the same value as
// pow, without pow's cost). Returns the op to run instead, if any.
std::optional<OpCode> power_fast_path(OpCode, std::span<const engine::NDArray> inputs);

// The dtype `apply` would produce, without running anything (the planner and printing use it).
engine::DType result_dtype(OpCode, std::span<const engine::NDArray> inputs, const ApplyOptions& = {});

// np.where(cond, x, y) with broadcasting; result dtype is numpy's result_type(x, y).
engine::NDArray where(const engine::NDArray& cond, const engine::NDArray& x, const engine::NDArray& y);

// ---------------------------------------------------------------------------------------------
// Reductions

// One row per reduction: enum name, numpy name, how the partials of parts of the rows combine
// (a binary OpCode, or `Unordered` is false: the reduction follows numpy's row order and has no
// partials), and whether it takes numpy's dtype=. Both engines read these columns: the cluster
// engine (engine/seam/cluster_reduce.cpp), the driver's combining step (engine/cluster/reductions.cpp)
// and the worker's check of a request (engine/tiles/tile_reductions.cpp); the fold is reduce.cpp's.
//   X(enum,       name,            partials combine, combining op, dtype=)
#define RAMBA_VM_REDUCE_OPS(X)                                    \
    X(Sum,          "sum",           true,  Add,        true)     \
    X(Prod,         "prod",          true,  Multiply,   true)     \
    X(Mean,         "mean",          true,  Add,        true)     \
    X(Std,          "std",           false, Add,        true)     \
    X(Var,          "var",           false, Add,        true)     \
    X(Min,          "min",           true,  Minimum,    false)    \
    X(Max,          "max",           true,  Maximum,    false)    \
    X(ArgMin,       "argmin",        false, Add,        false)    \
    X(ArgMax,       "argmax",        false, Add,        false)    \
    X(Any,          "any",           true,  LogicalOr,  false)    \
    X(All,          "all",           true,  LogicalAnd, false)    \
    X(Ptp,          "ptp",           false, Add,        false)    \
    X(NanSum,       "nansum",        false, Add,        true)     \
    X(NanMean,      "nanmean",       false, Add,        true)     \
    X(CountNonzero, "count_nonzero", true,  Add,        false)    \
    X(NanMin,       "nanmin",        false, Add,        false)    \
    X(NanMax,       "nanmax",        false, Add,        false)

enum class ReduceOp : uint8_t {
#define RAMBA_X(e, n, combines, combine, dtype) e,
    RAMBA_VM_REDUCE_OPS(RAMBA_X)
#undef RAMBA_X
};
constexpr int reduce_op_count = 0
#define RAMBA_X(e, n, combines, combine, dtype) +1
    RAMBA_VM_REDUCE_OPS(RAMBA_X)
#undef RAMBA_X
    ;
std::string_view reduce_name(ReduceOp);
// Whether per-worker partials along axis 0 combine in any order (for a sum, product or mean: when
// it accumulates in integers or bools; a mean's partial is its sum), and with which op.
constexpr bool reduce_combines_partials(ReduceOp op)
{
    switch (op) {
#define RAMBA_X(e, n, combines, combine, dtype) case ReduceOp::e: return combines;
        RAMBA_VM_REDUCE_OPS(RAMBA_X)
#undef RAMBA_X
    }
    return false;
}
constexpr OpCode reduce_combining_op(ReduceOp op)
{
    switch (op) {
#define RAMBA_X(e, n, combines, combine, dtype) case ReduceOp::e: return OpCode::combine;
        RAMBA_VM_REDUCE_OPS(RAMBA_X)
#undef RAMBA_X
    }
    return OpCode::Add;
}
// numpy's dtype= parameter (sum, prod, mean, std, var, nansum, nanmean).
constexpr bool reduce_takes_dtype(ReduceOp op)
{
    switch (op) {
#define RAMBA_X(e, n, combines, combine, dtype) case ReduceOp::e: return dtype;
        RAMBA_VM_REDUCE_OPS(RAMBA_X)
#undef RAMBA_X
    }
    return false;
}

struct ReduceOptions {
    std::optional<engine::DType> dtype; // numpy's `dtype=` (sum, prod, mean, std, var, nansum, nanmean)
    bool keepdims { false };
    int64_t ddof { 0 };                 // std, var
};

// axes: the axes to reduce (negative allowed, validated: "axis 2 is out of bounds for array of
// dimension 2"); std::nullopt = all axes (axis=None). argmin/argmax take at most one axis.
// numpy's dtype rules: sum/prod of bool and small ints -> int64 (uint -> uint64), mean of ints ->
// float64, any/all -> bool, argmin/argmax -> int64. An empty min/max raises numpy's ValueError
// "zero-size array to reduction operation maximum which has no identity".
// Float sums use numpy's pairwise summation (same tree, so the same bits as numpy on contiguous
// data), with the tree's top levels run on OpenMP threads: results never depend on the thread count.
engine::NDArray reduce(ReduceOp, const engine::NDArray&, std::optional<std::span<const int64_t>> axes,
    const ReduceOptions& = {});

// cumsum / cumprod along one axis (nullopt: over the flattened array). numpy's dtype rules as sum.
engine::NDArray accumulate(ReduceOp /* Sum or Prod */, const engine::NDArray&, std::optional<int64_t> axis,
    std::optional<engine::DType> dtype = {});
// The same along `axis` (in range) into `out` (input's shape, the accumulating dtype), starting
// from `carry` when given (C-contiguous, out's dtype, input's shape with 1 along `axis`): the
// running values of the lines before the first one, as a worker continues the rows before its own.
// `input` may be `out` itself (scanned in place).
void accumulate_into(ReduceOp /* Sum or Prod */, const engine::NDArray& input, int64_t axis, const engine::NDArray& out,
    const engine::NDArray* carry = nullptr);

// median / percentile (linear interpolation, numpy's default method) along axes; q in [0, 100].
engine::NDArray percentile(const engine::NDArray&, std::span<const double> q, bool q_is_scalar,
    std::optional<std::span<const int64_t>> axes, bool keepdims);
// np.quantile: q in [0, 1].
engine::NDArray quantile(const engine::NDArray&, std::span<const double> q, bool q_is_scalar,
    std::optional<std::span<const int64_t>> axes, bool keepdims);
engine::NDArray median(const engine::NDArray&, std::optional<std::span<const int64_t>> axes, bool keepdims);

// ---------------------------------------------------------------------------------------------
// Engine settings and floating-point warnings

// OpenMP threads used by kernels; 0 = default (RAMBA_NUM_THREADS, else all cores).
void set_num_threads(int);
int num_threads();

// numpy's floating-point error state as RuntimeWarnings: kernels note divide-by-zero, invalid and
// overflow (and integer division by zero); the library takes the messages after each call and prints
// them to stderr in Python's warning format ("RuntimeWarning: divide by zero encountered in divide").
struct FpWarning {
    std::string message; // "divide by zero encountered in divide", without the category
};
std::vector<FpWarning> take_fp_warnings();
void record_fp_warning(std::string message);
// Whether numpy turns the floating-point flags op raises into warnings (not for comparisons and
// extrema, whose flags only come from NaNs).
bool reports_fp_flags(OpCode op);

} // namespace ramba::vm
