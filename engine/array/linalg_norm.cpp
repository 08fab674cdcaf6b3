// numpy.linalg.norm (see linalg.hpp) as numpy 1.24 composes it from ufuncs and reductions, run on
// the VM so each sum is numpy's (pairwise along a contiguous axis): vector norms over one axis,
// matrix norms over two (2, -2 and nuclear from singular values), and numpy's BLAS fast path for
// the whole-array 2-norm.
#include "engine/array/linalg.hpp"

#include <cmath>
#include <complex>

#include "engine/array/lapack.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/vm/ufunc.hpp"

namespace ramba::engine {

using namespace lapack;
using vm::OpCode;
using vm::ReduceOp;

namespace {

// sqrt(dot(x, x)) over the flattened array through BLAS as numpy's fast path computes it (float32
// stays float32; complex adds the dots of the real and imaginary parts).
NDArray whole_norm(const NDArray& x_in)
{
    if (x_in.dtype == DType::Float32) {
        NDArray x = ascontiguous(ravel(x_in));
        float dot = blas::library().sdot(i32(x.size()), elements<float>(x), 1, elements<float>(x), 1);
        return Scalar::make(DType::Float32, std::sqrt(dot)).to_array();
    }
    if (dtype_kind(x_in.dtype) == 'c') {
        NDArray x = ascontiguous(ravel(x_in), DType::Complex128);
        const double* p = reinterpret_cast<const double*>(x.data());
        double dot = blas::library().ddot(i32(x.size()), p, 2, p, 2) + blas::library().ddot(i32(x.size()), p + 1, 2, p + 1, 2);
        return Scalar::make(DType::Float64, std::sqrt(dot)).to_array();
    }
    NDArray x = ascontiguous(ravel(x_in), DType::Float64);
    double dot = blas::library().ddot(i32(x.size()), elements<double>(x), 1, elements<double>(x), 1);
    return Scalar::make(DType::Float64, std::sqrt(dot)).to_array();
}

NDArray scalar_of(DType dtype, double value) { return Scalar::make(dtype, value).to_array(); }

NDArray reduce_axes(ReduceOp op, const NDArray& x, std::vector<int64_t> axes, bool keepdims)
{
    vm::ReduceOptions options;
    options.keepdims = keepdims;
    return vm::reduce(op, x, std::span<const int64_t>(axes), options);
}

// (x.conj() * x).real: the squared magnitudes numpy sums for the 2-norm and the Frobenius norm.
NDArray squared_magnitudes(const NDArray& x)
{
    NDArray product = vm::apply(OpCode::Multiply, vm::apply(OpCode::Conjugate, x), x);
    return dtype_kind(product.dtype) == 'c' ? vm::apply(OpCode::Real, product) : product;
}

// x ** p for a float array with numpy's fast_scalar_power (-1, 0, 0.5, 1, 2 without pow).
NDArray power(const NDArray& x, double p)
{
    if (p == 2)
        return vm::apply(OpCode::Square, x);
    if (p == 0.5)
        return vm::apply(OpCode::Sqrt, x);
    if (p == 1)
        return x;
    if (p == -1)
        return vm::apply(OpCode::TrueDivide, scalar_of(x.dtype, 1.0), x);
    return vm::apply(OpCode::Power, x, scalar_of(x.dtype, p));
}

NDArray vector_norm(const NDArray& x, const NormOrder& ord, int64_t axis, bool keepdims)
{
    std::vector<int64_t> axes { axis };
    if (ord.kind == NormOrder::Default || (ord.kind == NormOrder::Number && ord.p == 2))
        return vm::apply(OpCode::Sqrt, reduce_axes(ReduceOp::Sum, squared_magnitudes(x), axes, keepdims));
    if (ord.kind != NormOrder::Number)
        value_error("Invalid norm order '" + ord.text + "' for vectors");
    double p = ord.p;
    NDArray magnitude = vm::apply(OpCode::Absolute, x);
    if (std::isinf(p))
        return reduce_axes(p > 0 ? ReduceOp::Max : ReduceOp::Min, magnitude, axes, keepdims);
    if (p == 0) {
        NDArray nonzero = vm::apply(OpCode::NotEqual, x, scalar_of(DType::Int64, 0));
        return reduce_axes(ReduceOp::Sum, astype(nonzero, magnitude.dtype), axes, keepdims);
    }
    if (p == 1)
        return reduce_axes(ReduceOp::Sum, magnitude, axes, keepdims);
    // numpy: absx **= ord; ret = add.reduce(absx); ret **= reciprocal(ord) in ret's dtype.
    NDArray total = reduce_axes(ReduceOp::Sum, power(magnitude, p), axes, keepdims);
    double inverse = total.dtype == DType::Float32 ? static_cast<double>(1.0f / static_cast<float>(p)) : 1.0 / p;
    return power(total, inverse);
}

NDArray matrix_norm(const NDArray& x, const NormOrder& ord, int64_t row_axis, int64_t col_axis)
{
    if (row_axis == col_axis)
        value_error("Duplicate axes given.");
    bool singular = ord.kind == NormOrder::Nuc || (ord.kind == NormOrder::Number && (ord.p == 2 || ord.p == -2));
    if (singular) {
        // numpy's _multi_svd_norm: the singular values of each matrix, then amax, amin or sum.
        NDArray moved = moveaxis(x, { row_axis, col_axis }, { -2, -1 });
        NDArray s = svd(moved, false, false).s;
        ReduceOp op = ord.kind == NormOrder::Nuc ? ReduceOp::Sum : ord.p > 0 ? ReduceOp::Max : ReduceOp::Min;
        return reduce_axes(op, s, { -1 }, false);
    }
    if (ord.kind == NormOrder::Default || ord.kind == NormOrder::Fro)
        return vm::apply(OpCode::Sqrt, reduce_axes(ReduceOp::Sum, squared_magnitudes(x), { row_axis, col_axis }, false));
    bool valid = ord.kind == NormOrder::Number && (std::fabs(ord.p) == 1 || std::isinf(ord.p));
    if (!valid)
        value_error("Invalid norm order for matrices.");
    // ord ±1: extreme column sum (sum over rows); ord ±inf: extreme row sum (sum over columns).
    NDArray magnitude = vm::apply(OpCode::Absolute, x);
    ReduceOp extreme = ord.p > 0 ? ReduceOp::Max : ReduceOp::Min;
    int64_t summed = std::fabs(ord.p) == 1 ? row_axis : col_axis;
    int64_t other = std::fabs(ord.p) == 1 ? col_axis : row_axis;
    if (other > summed)
        --other;
    return reduce_axes(extreme, reduce_axes(ReduceOp::Sum, magnitude, { summed }, false), { other }, false);
}

} // namespace

NDArray norm(const NDArray& x_in, NormOrder ord, std::optional<std::vector<int64_t>> axes, bool keepdims)
{
    // numpy: integer and bool input is converted to float first; float32 results stay float32.
    char kind = dtype_kind(x_in.dtype);
    NDArray x = kind == 'c' || kind == 'f' ? x_in : astype(x_in, DType::Float64);
    bool fast = ord.kind == NormOrder::Default || (ord.kind == NormOrder::Fro && x.ndim() == 2)
        || (ord.kind == NormOrder::Number && ord.p == 2 && x.ndim() == 1);
    if (!axes && fast) {
        NDArray result = whole_norm(x);
        return keepdims ? reshape(result, Shape(static_cast<size_t>(x.ndim()), 1)) : result;
    }
    std::vector<int64_t> list;
    if (axes) {
        for (int64_t axis : *axes)
            list.push_back(check_axis(axis, x.ndim()));
    } else {
        for (int64_t i = 0; i < x.ndim(); ++i)
            list.push_back(i);
    }
    if (list.size() == 1)
        return vector_norm(x, ord, list[0], keepdims);
    if (list.size() != 2)
        value_error("Improper number of dimensions to norm.");
    NDArray result = matrix_norm(x, ord, list[0], list[1]);
    if (keepdims) {
        Shape kept = x.shape;
        kept[static_cast<size_t>(list[0])] = 1;
        kept[static_cast<size_t>(list[1])] = 1;
        result = reshape(result, kept);
    }
    return result;
}

} // namespace ramba::engine
