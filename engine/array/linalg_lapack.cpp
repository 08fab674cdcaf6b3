// numpy.linalg's solvers (see linalg.hpp) through LAPACKE on stacks of matrices, computing in float64
// or complex128 as numpy's linalg does: solve, inv, det, slogdet, lstsq; and lapack.hpp's helpers.
#include "engine/array/linalg.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

#include "engine/array/creation.hpp"
#include "engine/array/lapack.hpp"
#include "engine/array/shape_ops.hpp"

namespace ramba::engine {

namespace lapack {

Types common_types(std::initializer_list<DType> dtypes)
{
    bool complex = false, single = true;
    for (DType dtype : dtypes) {
        char kind = dtype_kind(dtype);
        if (kind == 'c')
            complex = true;
        if (dtype != DType::Float32)
            single = false;
    }
    if (complex)
        return { DType::Complex128, DType::Complex128, DType::Float64 };
    DType result = single ? DType::Float32 : DType::Float64;
    return { DType::Float64, result, result };
}

void assert_2d(const NDArray& a)
{
    if (a.ndim() != 2)
        linalg_error(std::to_string(a.ndim()) + "-dimensional array given. Array must be two-dimensional");
}

void assert_stacked_2d(const NDArray& a)
{
    if (a.ndim() < 2)
        linalg_error(std::to_string(a.ndim()) + "-dimensional array given. Array must be at least two-dimensional");
}

void assert_stacked_square(const NDArray& a)
{
    if (a.shape[a.shape.size() - 1] != a.shape[a.shape.size() - 2])
        linalg_error("Last 2 dimensions of the array must be square");
}

void assert_finite(const NDArray& a)
{
    NDArray x = ascontiguous(a, dtype_kind(a.dtype) == 'c' ? DType::Complex128 : DType::Float64);
    bool finite = true;
    if (x.dtype == DType::Complex128) {
        for (int64_t i = 0; i < x.size(); ++i)
            finite = finite && std::isfinite(elements<Complex>(x)[i].real()) && std::isfinite(elements<Complex>(x)[i].imag());
    } else {
        for (int64_t i = 0; i < x.size(); ++i)
            finite = finite && std::isfinite(elements<double>(x)[i]);
    }
    if (!finite)
        linalg_error("Array must not contain infs or NaNs");
}

Shape batch_shape(const NDArray& a) { return Shape(a.shape.begin(), a.shape.end() - 2); }

Shape with_core(Shape batch, std::initializer_list<int64_t> core)
{
    batch.insert(batch.end(), core.begin(), core.end());
    return batch;
}

int64_t count(const Shape& shape)
{
    int64_t n = 1;
    for (int64_t e : shape)
        n *= e;
    return n;
}

NDArray working_copy(const NDArray& a, DType dtype)
{
    NDArray result = NDArray::empty(dtype, a.shape);
    assign(result, a);
    return result;
}

namespace {

// dst (cols x rows) = src (rows x cols) transposed, both C-contiguous, in 32 x 32 tiles so reads and
// writes both stay in cache.
template<typename T>
void transpose_matrix(const T* src, int64_t rows, int64_t cols, T* dst)
{
    constexpr int64_t tile = 32;
    for (int64_t i0 = 0; i0 < rows; i0 += tile)
        for (int64_t j0 = 0; j0 < cols; j0 += tile)
            for (int64_t i = i0; i < std::min(i0 + tile, rows); ++i)
                for (int64_t j = j0; j < std::min(j0 + tile, cols); ++j)
                    dst[j * rows + i] = src[i * cols + j];
}

// Each matrix of the C-contiguous stack `source` (rows x cols, in `dtype`) transposed into `target`.
void transpose_stack(const NDArray& source, int64_t rows, int64_t cols, const NDArray& target)
{
    int64_t batches = rows * cols == 0 ? 0 : source.size() / (rows * cols);
    with_element_type(source.dtype, [&]<typename T>() {
        for (int64_t b = 0; b < batches; ++b)
            transpose_matrix(elements<T>(source) + b * rows * cols, rows, cols, elements<T>(target) + b * rows * cols);
    });
}

} // namespace

NDArray fortran_copy(const NDArray& a, DType dtype)
{
    int64_t rows = a.shape[a.shape.size() - 2], cols = a.shape.back();
    NDArray source = ascontiguous(a, dtype);
    NDArray result = NDArray::empty(dtype, with_core(batch_shape(a), { cols, rows }));
    transpose_stack(source, rows, cols, result);
    return result;
}

NDArray from_fortran(const NDArray& f, int64_t rows, int64_t cols)
{
    int64_t stored_cols = f.shape[f.shape.size() - 2], stored_rows = f.shape.back();
    NDArray source = f;
    if (stored_cols != cols || stored_rows != rows) {
        // A leading block of each stored matrix: a view cut to (cols, rows), then made contiguous.
        source.shape[source.shape.size() - 2] = cols;
        source.shape.back() = rows;
        source = ascontiguous(source);
    }
    NDArray result = NDArray::empty(f.dtype, with_core(batch_shape(f), { rows, cols }));
    transpose_stack(source, cols, rows, result);
    return result;
}

NDArray as_result(const NDArray& a, DType dtype) { return a.dtype == dtype ? a : astype(a, dtype); }

} // namespace lapack

using namespace lapack;

namespace {

// The gufunc broadcasting of numpy's solve/solve1: a (..., m, m) with b (..., m[, k]).
struct SolveOperands {
    NDArray a, b;
    Shape batch;
    int64_t n, nrhs;
};

SolveOperands broadcast_solve(const NDArray& a_in, const NDArray& b_in, bool vector, DType compute)
{
    int64_t n = a_in.shape.back();
    const char* name = vector ? "solve1" : "solve";
    const char* signature = vector ? "(m,m),(m)->(m)" : "(m,m),(m,n)->(m,n)";
    int64_t core = vector ? 1 : 2;
    if (b_in.ndim() < core)
        value_error(std::string(name) + ": Input operand 1 does not have enough dimensions (has " + std::to_string(b_in.ndim())
            + ", gufunc core with signature " + signature + " requires " + std::to_string(core) + ")");
    int64_t rows = b_in.shape[static_cast<size_t>(b_in.ndim() - core)];
    if (rows != n)
        value_error(std::string(name) + ": Input operand 1 has a mismatch in its core dimension 0, with gufunc signature " + signature
            + " (size " + std::to_string(rows) + " is different from " + std::to_string(n) + ")");
    int64_t nrhs = vector ? 1 : b_in.shape.back();
    Shape batch_b(b_in.shape.begin(), b_in.shape.end() - core);
    Shape batch = broadcast_shapes(batch_shape(a_in), batch_b);
    NDArray a = fortran_copy(broadcast_to(a_in, with_core(batch, { n, n })), compute);
    // A stack of vectors is column-major already; a stack of matrices is stored (..., nrhs, n).
    NDArray b = vector ? working_copy(broadcast_to(b_in, with_core(batch, { n })), compute)
                       : fortran_copy(broadcast_to(b_in, with_core(batch, { n, nrhs })), compute);
    return { a, b, batch, n, nrhs };
}

} // namespace

NDArray solve(const NDArray& a_in, const NDArray& b_in)
{
    assert_stacked_2d(a_in);
    assert_stacked_square(a_in);
    Types types = common_types({ a_in.dtype, b_in.dtype });
    // numpy 1.24: b is a stack of vectors exactly when it has one dimension fewer than a.
    bool vector = b_in.ndim() == a_in.ndim() - 1;
    SolveOperands operands = broadcast_solve(a_in, b_in, vector, types.compute);
    int64_t n = operands.n, nrhs = operands.nrhs, batches = count(operands.batch);
    std::vector<lapack_int> pivots(static_cast<size_t>(std::max<int64_t>(n, 1)));
    with_element_type(types.compute, [&]<typename T>() {
        for (int64_t i = 0; i < batches && n > 0 && nrhs > 0; ++i) {
            if (gesv(n, nrhs, elements<T>(operands.a) + i * n * n, pivots.data(), elements<T>(operands.b) + i * n * nrhs) > 0)
                linalg_error("Singular matrix");
        }
    });
    return as_result(vector ? operands.b : from_fortran(operands.b, n, nrhs), types.result);
}

NDArray inv(const NDArray& a)
{
    assert_stacked_2d(a);
    assert_stacked_square(a);
    int64_t n = a.shape.back();
    NDArray identity = eye(n, n, 0, DType::Float64);
    Types types = common_types({ a.dtype });
    return as_result(solve(a, broadcast_to(identity, a.shape)), types.result);
}

std::pair<NDArray, NDArray> slogdet(const NDArray& a_in)
{
    assert_stacked_2d(a_in);
    assert_stacked_square(a_in);
    Types types = common_types({ a_in.dtype });
    int64_t n = a_in.shape.back();
    Shape batch = batch_shape(a_in);
    int64_t batches = count(batch);
    NDArray a = working_copy(a_in, types.compute);
    NDArray sign = NDArray::empty(types.compute, batch), log_det = NDArray::empty(DType::Float64, batch);
    std::vector<lapack_int> pivots(static_cast<size_t>(std::max<int64_t>(n, 1)));
    with_element_type(types.compute, [&]<typename T>() {
        for (int64_t bi = 0; bi < batches; ++bi) {
            T* p = elements<T>(a) + bi * n * n;
            int info = n > 0 ? getrf(n, p, pivots.data()) : 0;
            // numpy (umath_linalg slogdet): a singular factor gives sign 0 and log|det| -inf; else the
            // sign of the row swaps times the sign of each u_ii, and the sum of log|u_ii|.
            T s = 1.0;
            double total = 0.0;
            if (info > 0) {
                s = 0.0;
                total = -std::numeric_limits<double>::infinity();
            } else {
                int swaps = 0;
                for (int64_t i = 0; i < n; ++i)
                    swaps += pivots[static_cast<size_t>(i)] != i + 1;
                if (swaps % 2)
                    s = -s;
                for (int64_t i = 0; i < n; ++i) {
                    T u = p[i * n + i];
                    double magnitude = std::abs(u);
                    if constexpr (std::is_same_v<T, double>) {
                        if (u < 0)
                            s = -s;
                    } else {
                        s *= u / magnitude;
                    }
                    total += std::log(magnitude);
                }
            }
            elements<T>(sign)[bi] = s;
            elements<double>(log_det)[bi] = total;
        }
    });
    return { as_result(sign, types.result), as_result(log_det, types.real_result) };
}

NDArray det(const NDArray& a)
{
    auto [sign, log_det] = slogdet(a);
    Types types = common_types({ a.dtype });
    NDArray result = NDArray::empty(types.compute, sign.shape);
    NDArray s = ascontiguous(sign, types.compute), l = ascontiguous(log_det, DType::Float64);
    with_element_type(types.compute, [&]<typename T>() {
        for (int64_t i = 0; i < result.size(); ++i)
            elements<T>(result)[i] = elements<T>(s)[i] * std::exp(elements<double>(l)[i]);
    });
    return as_result(result, types.result);
}

LeastSquares lstsq(const NDArray& a_in, const NDArray& b_in, std::optional<double> rcond)
{
    bool vector = b_in.ndim() == 1;
    NDArray b2 = vector ? reshape(b_in, { b_in.shape[0], 1 }) : b_in;
    assert_2d(a_in);
    assert_2d(b2);
    int64_t m = a_in.shape[0], n = a_in.shape[1], nrhs = b2.shape[1];
    if (b2.shape[0] != m)
        linalg_error("Incompatible dimensions");
    Types types = common_types({ a_in.dtype, b_in.dtype });
    // numpy: rcond=None is machine precision times max(M, N).
    double cutoff = rcond.value_or(std::numeric_limits<double>::epsilon() * static_cast<double>(std::max(m, n)));
    int64_t rows = std::max(m, n);
    NDArray a = fortran_copy(a_in, types.compute);
    // b column-major with max(m, n) rows (LAPACK writes the n-row solution over it): stored (nrhs, rows).
    NDArray b = NDArray::zeros(types.compute, { nrhs, rows });
    NDArray given = fortran_copy(b2, types.compute);
    NDArray s = NDArray::zeros(DType::Float64, { std::min(m, n) });
    lapack_int rank = 0;
    NDArray x = NDArray::zeros(types.compute, { n, nrhs });
    NDArray residuals = NDArray::zeros(DType::Float64, { nrhs });
    with_element_type(types.compute, [&]<typename T>() {
        for (int64_t j = 0; j < nrhs; ++j)
            std::copy_n(elements<T>(given) + j * m, m, elements<T>(b) + j * rows);
        if (m > 0 && n > 0 && nrhs > 0) {
            if (gelsd(m, n, nrhs, elements<T>(a), elements<T>(b), rows, elements<double>(s), cutoff, &rank) > 0)
                linalg_error("SVD did not converge in Linear Least Squares");
        }
        // numpy: x is zero for an empty a (m == 0); the residuals sum the squares past row n.
        for (int64_t j = 0; j < nrhs && m > 0; ++j) {
            const T* column = elements<T>(b) + j * rows;
            for (int64_t i = 0; i < n; ++i)
                elements<T>(x)[i * nrhs + j] = column[i];
            for (int64_t i = n; i < m; ++i)
                elements<double>(residuals)[j] += std::norm(column[i]);
        }
    });
    if (vector)
        x = reshape(x, { n });
    // numpy: residuals only when the matrix has full column rank and more rows than columns.
    if (rank != n || m <= n)
        residuals = NDArray::zeros(types.real_result, { 0 });
    return { as_result(x, types.result), as_result(residuals, types.real_result), static_cast<int64_t>(rank), as_result(s, types.real_result) };
}

} // namespace ramba::engine
