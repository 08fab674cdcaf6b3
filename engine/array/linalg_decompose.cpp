// numpy.linalg's factorizations (see linalg.hpp) through LAPACKE on stacks of matrices: svd (gesdd),
// qr (geqrf, orgqr/ungqr), cholesky (potrf), eig/eigvals (geev), eigh/eigvalsh (syevd/heevd).
#include "engine/array/linalg.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "engine/array/creation.hpp"
#include "engine/array/lapack.hpp"
#include "engine/array/shape_ops.hpp"

namespace ramba::engine {

using namespace lapack;

namespace {

// Each matrix of a stack of `rows` x `cols` matrices set to the identity (what LAPACK leaves for an
// empty factor, as numpy returns it).
NDArray identity_stack(DType dtype, const Shape& batch, int64_t rows, int64_t cols)
{
    return ascontiguous(broadcast_to(eye(rows, cols, 0, dtype), with_core(batch, { rows, cols })));
}

// Zeroes each matrix's elements below (lower=true) or above the diagonal.
template<typename T>
void zero_triangle(T* p, int64_t batches, int64_t rows, int64_t cols, bool below)
{
    for (int64_t b = 0; b < batches; ++b)
        for (int64_t i = 0; i < rows; ++i)
            for (int64_t j = 0; j < cols; ++j)
                if (below ? i > j : j > i)
                    p[(b * rows + i) * cols + j] = T(0);
}

// numpy's svd(hermitian=True): from eigh, singular values |w| in decreasing order, u the eigenvectors
// in that order and vh = (u * sign(w)) conjugate-transposed.
SingularValues svd_hermitian(const NDArray& a_in, bool compute_uv)
{
    assert_stacked_square(a_in);
    Types types = common_types({ a_in.dtype });
    int64_t n = a_in.shape.back();
    Shape batch = batch_shape(a_in);
    int64_t batches = count(batch);
    auto [w_in, v_in] = compute_uv ? eigh(a_in, 'L') : std::pair { eigvalsh(a_in, 'L'), NDArray() };
    NDArray w = ascontiguous(w_in, DType::Float64);
    SingularValues out;
    out.s = NDArray::empty(DType::Float64, with_core(batch, { n }));
    NDArray v = compute_uv ? ascontiguous(v_in, types.compute) : NDArray();
    if (compute_uv) {
        out.u = NDArray::empty(types.compute, with_core(batch, { n, n }));
        out.vh = NDArray::empty(types.compute, with_core(batch, { n, n }));
    }
    with_element_type(types.compute, [&]<typename T>() {
        std::vector<int64_t> order(static_cast<size_t>(n));
        for (int64_t b = 0; b < batches; ++b) {
            const double* values = elements<double>(w) + b * n;
            std::iota(order.begin(), order.end(), 0);
            // numpy: argsort(|w|)[..., ::-1]; ties keep the stable order reversed.
            std::stable_sort(order.begin(), order.end(), [&](int64_t x, int64_t y) { return std::fabs(values[x]) < std::fabs(values[y]); });
            std::reverse(order.begin(), order.end());
            for (int64_t j = 0; j < n; ++j) {
                int64_t from = order[static_cast<size_t>(j)];
                elements<double>(out.s)[b * n + j] = std::fabs(values[from]);
                if (!compute_uv)
                    continue;
                double sign = values[from] > 0 ? 1.0 : values[from] < 0 ? -1.0 : 0.0;
                for (int64_t i = 0; i < n; ++i) {
                    T x = elements<T>(v)[(b * n + i) * n + from];
                    elements<T>(out.u)[(b * n + i) * n + j] = x;
                    T scaled = x * sign;
                    if constexpr (std::is_same_v<T, double>)
                        elements<T>(out.vh)[(b * n + j) * n + i] = scaled;
                    else
                        elements<T>(out.vh)[(b * n + j) * n + i] = std::conj(scaled);
                }
            }
        }
    });
    out.s = as_result(out.s, types.real_result);
    if (compute_uv) {
        out.u = as_result(out.u, types.result);
        out.vh = as_result(out.vh, types.result);
    }
    return out;
}

} // namespace

SingularValues svd(const NDArray& a_in, bool full_matrices, bool compute_uv, bool hermitian)
{
    assert_stacked_2d(a_in);
    if (hermitian)
        return svd_hermitian(a_in, compute_uv);
    Types types = common_types({ a_in.dtype });
    int64_t m = a_in.shape[a_in.shape.size() - 2], n = a_in.shape.back(), k = std::min(m, n);
    Shape batch = batch_shape(a_in);
    int64_t batches = count(batch);
    int64_t u_cols = full_matrices ? m : k, vh_rows = full_matrices ? n : k;
    NDArray a = fortran_copy(a_in, types.compute);
    SingularValues out;
    out.s = NDArray::zeros(DType::Float64, with_core(batch, { k }));
    // Column-major u (m x u_cols) and vh (vh_rows x n), stored transposed; the identity where LAPACK
    // has nothing to compute (an empty matrix).
    NDArray u = compute_uv ? identity_stack(types.compute, batch, u_cols, m) : NDArray();
    NDArray vh = compute_uv ? identity_stack(types.compute, batch, n, vh_rows) : NDArray();
    char jobz = !compute_uv ? 'N' : full_matrices ? 'A' : 'S';
    with_element_type(types.compute, [&]<typename T>() {
        for (int64_t i = 0; i < batches && k > 0; ++i) {
            T* u_i = compute_uv ? elements<T>(u) + i * m * u_cols : nullptr;
            T* vh_i = compute_uv ? elements<T>(vh) + i * vh_rows * n : nullptr;
            if (gesdd(jobz, m, n, elements<T>(a) + i * m * n, m, elements<double>(out.s) + i * k, u_i, m, vh_i, std::max<int64_t>(vh_rows, 1)) > 0)
                linalg_error("SVD did not converge");
        }
    });
    out.s = as_result(out.s, types.real_result);
    if (compute_uv) {
        out.u = as_result(from_fortran(u, m, u_cols), types.result);
        out.vh = as_result(from_fortran(vh, vh_rows, n), types.result);
    }
    return out;
}

std::vector<NDArray> qr(const NDArray& a_in, QrMode mode)
{
    assert_stacked_2d(a_in);
    Types types = common_types({ a_in.dtype });
    int64_t m = a_in.shape[a_in.shape.size() - 2], n = a_in.shape.back(), k = std::min(m, n);
    Shape batch = batch_shape(a_in);
    int64_t batches = count(batch);
    NDArray a = fortran_copy(a_in, types.compute); // (..., n, m): each matrix column-major
    NDArray tau = NDArray::zeros(types.compute, with_core(batch, { k }));
    with_element_type(types.compute, [&]<typename T>() {
        for (int64_t i = 0; i < batches && k > 0; ++i) {
            if (geqrf(m, n, elements<T>(a) + i * m * n, m, elements<T>(tau) + i * k) < 0)
                linalg_error("Incorrect argument found while performing QR factorization");
        }
    });
    // numpy's raw h is the factored matrix transposed: the column-major storage itself.
    if (mode == QrMode::Raw)
        return { as_result(a, types.result), as_result(tau, types.result) };
    if (mode == QrMode::Economic)
        return { as_result(from_fortran(a, m, n), types.result) };
    // numpy: q has min(m, n) columns, or m in 'complete' mode; r is the triangle of the first rows.
    int64_t q_cols = mode == QrMode::Complete && m > n ? m : k;
    int64_t r_rows = mode == QrMode::R ? k : q_cols;
    NDArray r = from_fortran(a, r_rows, n);
    with_element_type(types.compute, [&]<typename T>() { zero_triangle(elements<T>(r), batches, r_rows, n, true); });
    if (mode == QrMode::R)
        return { as_result(r, types.result) };
    // q's first columns are the reflectors; orgqr/ungqr turns them into q in place.
    NDArray q = identity_stack(types.compute, batch, q_cols, m);
    with_element_type(types.compute, [&]<typename T>() {
        for (int64_t b = 0; b < batches && k > 0; ++b) {
            T* target = elements<T>(q) + b * m * q_cols;
            const T* source = elements<T>(a) + b * m * n;
            for (int64_t j = 0; j < q_cols; ++j)
                for (int64_t i = 0; i < m; ++i)
                    target[j * m + i] = j < n ? source[j * m + i] : T(0);
            if (orgqr(m, q_cols, k, target, m, elements<T>(tau) + b * k) < 0)
                linalg_error("Incorrect argument found while performing QR factorization");
        }
    });
    return { as_result(from_fortran(q, m, q_cols), types.result), as_result(r, types.result) };
}

NDArray cholesky(const NDArray& a_in)
{
    assert_stacked_2d(a_in);
    assert_stacked_square(a_in);
    Types types = common_types({ a_in.dtype });
    int64_t n = a_in.shape.back();
    int64_t batches = count(batch_shape(a_in));
    NDArray a = fortran_copy(a_in, types.compute);
    with_element_type(types.compute, [&]<typename T>() {
        for (int64_t b = 0; b < batches && n > 0; ++b) {
            if (potrf('L', n, elements<T>(a) + b * n * n) > 0)
                linalg_error("Matrix is not positive definite");
        }
    });
    // numpy returns the lower factor with zeros above the diagonal.
    NDArray lower = from_fortran(a, n, n);
    with_element_type(types.compute, [&]<typename T>() { zero_triangle(elements<T>(lower), batches, n, n, false); });
    return as_result(lower, types.result);
}

namespace {

// geev on each matrix of a stack: eigenvalues (complex) and, when wanted, right eigenvectors as
// columns (complex); `all_real` tells whether every eigenvalue of a real input had no imaginary part.
struct EigenSystem {
    NDArray values, vectors;
    bool all_real { true };
};

EigenSystem general_eigen(const NDArray& a_in, bool vectors)
{
    assert_stacked_2d(a_in);
    assert_stacked_square(a_in);
    assert_finite(a_in);
    Types types = common_types({ a_in.dtype });
    int64_t n = a_in.shape.back();
    Shape batch = batch_shape(a_in);
    int64_t batches = count(batch);
    NDArray a = fortran_copy(a_in, types.compute);
    EigenSystem out;
    out.values = NDArray::zeros(DType::Complex128, with_core(batch, { n }));
    // Right eigenvectors column-major: vr[j * n + i] is row i of eigenvector j.
    NDArray vr_stack = vectors ? NDArray::zeros(DType::Complex128, with_core(batch, { n, n })) : NDArray();
    char jobvr = vectors ? 'V' : 'N';
    int64_t ldvr = vectors ? n : 1;
    auto* values = elements<Complex>(out.values);
    if (types.compute == DType::Complex128) {
        for (int64_t b = 0; b < batches && n > 0; ++b) {
            Complex* vr = vectors ? elements<Complex>(vr_stack) + b * n * n : nullptr;
            if (blas::library().zgeev(LAPACK_COL_MAJOR, 'N', jobvr, i32(n), z(elements<Complex>(a) + b * n * n), i32(n), z(values + b * n),
                    nullptr, 1, z(vr), i32(ldvr)) > 0)
                linalg_error("Eigenvalues did not converge");
        }
        out.all_real = false;
    } else {
        std::vector<double> wr(static_cast<size_t>(n)), wi(static_cast<size_t>(n)), vr(static_cast<size_t>(n * n));
        for (int64_t b = 0; b < batches && n > 0; ++b) {
            if (blas::library().dgeev(LAPACK_COL_MAJOR, 'N', jobvr, i32(n), elements<double>(a) + b * n * n, i32(n), wr.data(), wi.data(),
                    nullptr, 1, vectors ? vr.data() : nullptr, i32(ldvr)) > 0)
                linalg_error("Eigenvalues did not converge");
            Complex* vec = vectors ? elements<Complex>(vr_stack) + b * n * n : nullptr;
            auto real_vr = [&](int64_t row, int64_t col) { return vr[static_cast<size_t>(col * n + row)]; };
            // A complex pair j, j+1 holds the real and imaginary parts of the first vector in columns j
            // and j+1; the second is its conjugate (LAPACK's dgeev convention).
            for (int64_t j = 0; j < n; ++j) {
                auto col = static_cast<size_t>(j);
                values[b * n + j] = { wr[col], wi[col] };
                if (wi[col] != 0)
                    out.all_real = false;
                if (!vectors)
                    continue;
                if (wi[col] != 0 && j + 1 < n) {
                    values[b * n + j + 1] = { wr[col + 1], wi[col + 1] };
                    for (int64_t i = 0; i < n; ++i) {
                        vec[j * n + i] = { real_vr(i, j), real_vr(i, j + 1) };
                        vec[(j + 1) * n + i] = { real_vr(i, j), -real_vr(i, j + 1) };
                    }
                    ++j;
                } else {
                    for (int64_t i = 0; i < n; ++i)
                        vec[j * n + i] = { real_vr(i, j), 0 };
                }
            }
        }
    }
    if (vectors)
        out.vectors = from_fortran(vr_stack, n, n);
    return out;
}

// numpy: a real input whose eigenvalues are all real gives real results (float32 for float32),
// the real parts of the complex ones computed.
NDArray eigen_result(const NDArray& a, const NDArray& values, bool all_real)
{
    Types types = common_types({ a.dtype });
    if (types.compute != DType::Float64 || !all_real)
        return values;
    NDArray real = NDArray::empty(DType::Float64, values.shape);
    for (int64_t i = 0; i < values.size(); ++i)
        elements<double>(real)[i] = elements<Complex>(values)[i].real();
    return as_result(real, types.result);
}

} // namespace

std::pair<NDArray, NDArray> eig(const NDArray& a)
{
    EigenSystem system = general_eigen(a, true);
    return { eigen_result(a, system.values, system.all_real), eigen_result(a, system.vectors, system.all_real) };
}

NDArray eigvals(const NDArray& a)
{
    EigenSystem system = general_eigen(a, false);
    return eigen_result(a, system.values, system.all_real);
}

namespace {

std::pair<NDArray, NDArray> hermitian_eigen(const NDArray& a_in, char uplo, bool vectors)
{
    assert_stacked_2d(a_in);
    assert_stacked_square(a_in);
    Types types = common_types({ a_in.dtype });
    int64_t n = a_in.shape.back();
    Shape batch = batch_shape(a_in);
    int64_t batches = count(batch);
    NDArray a = fortran_copy(a_in, types.compute);
    NDArray w = NDArray::zeros(DType::Float64, with_core(batch, { n }));
    with_element_type(types.compute, [&]<typename T>() {
        for (int64_t b = 0; b < batches && n > 0; ++b) {
            if (heevd(vectors ? 'V' : 'N', uplo, n, elements<T>(a) + b * n * n, elements<double>(w) + b * n) > 0)
                linalg_error("Eigenvalues did not converge");
        }
    });
    return { as_result(w, types.real_result), vectors ? as_result(from_fortran(a, n, n), types.result) : NDArray() };
}

} // namespace

std::pair<NDArray, NDArray> eigh(const NDArray& a, char uplo) { return hermitian_eigen(a, uplo, true); }
NDArray eigvalsh(const NDArray& a, char uplo) { return hermitian_eigen(a, uplo, false).first; }

} // namespace ramba::engine
