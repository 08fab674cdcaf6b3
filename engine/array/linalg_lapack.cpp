// numpy.linalg's factorization-based functions (see linalg.hpp) through LAPACKE, always computing in
// float64 or complex128 as numpy's linalg does: solve, inv, det, eig, eigh, and norm.
#include "engine/array/linalg.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/array/blas.hpp"
#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "base/error.hpp"

namespace ramba::engine {

namespace {

[[noreturn]] void value_error(std::string message) { throw RambaError(ErrorKind::ValueError, std::move(message)); }
[[noreturn]] void linalg_error(std::string message) { throw RambaError(ErrorKind::LinAlgError, std::move(message)); }

} // namespace

namespace {

void check_square(const NDArray& a)
{
    if (a.ndim() < 2)
        linalg_error(std::to_string(a.ndim()) + "-dimensional array given. Array must be at least two-dimensional");
    if (a.shape[a.shape.size() - 1] != a.shape[a.shape.size() - 2])
        linalg_error("Last 2 dimensions of the array must be square");
}

DType linalg_dtype(DType dtype) { return dtype_kind(dtype) == 'c' ? DType::Complex128 : DType::Float64; }

} // namespace

NDArray solve(const NDArray& a_in, const NDArray& b_in)
{
    check_square(a_in);
    if (a_in.ndim() != 2)
        value_error("ramba: linalg.solve supports 2-d coefficient matrices");
    DType dtype = linalg_dtype(promote_types(a_in.dtype, b_in.dtype));
    int64_t n = a_in.shape[0];
    bool vector = b_in.ndim() == 1;
    NDArray b2 = vector ? reshape(b_in, { b_in.shape[0], 1 }) : b_in;
    if (b2.ndim() != 2 || b2.shape[0] != n)
        value_error("solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m) (size "
            + std::to_string(b2.shape[0]) + " is different from " + std::to_string(n) + ")");
    NDArray a = copy(astype(a_in, dtype));
    NDArray b = copy(astype(b2, dtype));
    std::vector<lapack_int> pivots(static_cast<size_t>(std::max<int64_t>(n, 1)));
    int info;
    int nrhs = static_cast<int>(b.shape[1]);
    if (dtype == DType::Float64)
        info = blas::library().dgesv(LAPACK_ROW_MAJOR, static_cast<int>(n), nrhs, reinterpret_cast<double*>(a.data()),
            static_cast<int>(n), pivots.data(), reinterpret_cast<double*>(b.data()), nrhs);
    else
        info = blas::library().zgesv(LAPACK_ROW_MAJOR, static_cast<int>(n), nrhs, reinterpret_cast<lapack_complex_double*>(a.data()),
            static_cast<int>(n), pivots.data(), reinterpret_cast<lapack_complex_double*>(b.data()), nrhs);
    if (info > 0)
        linalg_error("Singular matrix");
    return vector ? reshape(b, { n }) : b;
}

NDArray inv(const NDArray& a)
{
    check_square(a);
    int64_t n = a.shape.back();
    NDArray identity = NDArray::zeros(DType::Float64, { n, n });
    for (int64_t i = 0; i < n; ++i)
        reinterpret_cast<double*>(identity.data())[i * n + i] = 1.0;
    return solve(a, identity);
}

NDArray det(const NDArray& a_in)
{
    check_square(a_in);
    DType dtype = linalg_dtype(a_in.dtype);
    int64_t n = a_in.shape.back();
    Shape batch(a_in.shape.begin(), a_in.shape.end() - 2);
    NDArray a = copy(astype(a_in, dtype));
    NDArray result = NDArray::empty(dtype, batch);
    int64_t batches = result.size();
    std::vector<lapack_int> pivots(static_cast<size_t>(std::max<int64_t>(n, 1)));
    for (int64_t bi = 0; bi < batches; ++bi) {
        if (dtype == DType::Float64) {
            double* p = reinterpret_cast<double*>(a.data()) + bi * n * n;
            int info = n > 0 ? blas::library().dgetrf(LAPACK_ROW_MAJOR, static_cast<int>(n), static_cast<int>(n), p, static_cast<int>(n), pivots.data()) : 0;
            // numpy (umath_linalg det): sign * exp(sum(log|u_ii|)), so the bits match numpy's.
            double d = 0.0;
            if (info == 0) {
                double sign = 1.0, log_det = 0.0;
                for (int64_t i = 0; i < n; ++i) {
                    double u = p[i * n + i];
                    if (u < 0)
                        sign = -sign;
                    if (pivots[static_cast<size_t>(i)] != i + 1)
                        sign = -sign;
                    log_det += std::log(std::fabs(u));
                }
                d = sign * std::exp(log_det);
            }
            reinterpret_cast<double*>(result.data())[bi] = d;
        } else {
            auto* p = reinterpret_cast<std::complex<double>*>(a.data()) + bi * n * n;
            int info = n > 0 ? blas::library().zgetrf(LAPACK_ROW_MAJOR, static_cast<int>(n), static_cast<int>(n),
                reinterpret_cast<lapack_complex_double*>(p), static_cast<int>(n), pivots.data()) : 0;
            std::complex<double> d = 0.0;
            if (info == 0) {
                std::complex<double> sign = 1.0;
                double log_det = 0.0;
                for (int64_t i = 0; i < n; ++i) {
                    double magnitude = std::abs(p[i * n + i]);
                    sign *= p[i * n + i] / magnitude;
                    if (pivots[static_cast<size_t>(i)] != i + 1)
                        sign = -sign;
                    log_det += std::log(magnitude);
                }
                d = sign * std::exp(log_det);
            }
            reinterpret_cast<std::complex<double>*>(result.data())[bi] = d;
        }
    }
    return result;
}

std::pair<NDArray, NDArray> eig(const NDArray& a_in)
{
    check_square(a_in);
    if (a_in.ndim() != 2 || dtype_kind(a_in.dtype) == 'c')
        value_error("ramba: linalg.eig supports real 2-d matrices");
    int n = static_cast<int>(a_in.shape[0]);
    NDArray a = copy(astype(a_in, DType::Float64));
    std::vector<double> wr(static_cast<size_t>(n)), wi(static_cast<size_t>(n)), vr(static_cast<size_t>(n) * static_cast<size_t>(n));
    int info = n > 0 ? blas::library().dgeev(LAPACK_ROW_MAJOR, 'N', 'V', n, reinterpret_cast<double*>(a.data()), n, wr.data(), wi.data(),
        nullptr, n, vr.data(), n) : 0;
    if (info > 0)
        linalg_error("Eigenvalues did not converge");
    bool complex_result = std::any_of(wi.begin(), wi.end(), [](double v) { return v != 0; });
    if (!complex_result) {
        NDArray values = NDArray::empty(DType::Float64, { n });
        NDArray vectors = NDArray::empty(DType::Float64, { n, n });
        std::memcpy(values.data(), wr.data(), wr.size() * sizeof(double));
        std::memcpy(vectors.data(), vr.data(), vr.size() * sizeof(double));
        return { values, vectors };
    }
    NDArray values = NDArray::empty(DType::Complex128, { n });
    NDArray vectors = NDArray::empty(DType::Complex128, { n, n });
    auto* pv = reinterpret_cast<std::complex<double>*>(values.data());
    auto* pvec = reinterpret_cast<std::complex<double>*>(vectors.data());
    for (int j = 0; j < n; ++j) {
        pv[j] = { wr[static_cast<size_t>(j)], wi[static_cast<size_t>(j)] };
        if (wi[static_cast<size_t>(j)] != 0 && j + 1 < n) {
            pv[j + 1] = { wr[static_cast<size_t>(j + 1)], wi[static_cast<size_t>(j + 1)] };
            for (int i = 0; i < n; ++i) {
                double re = vr[static_cast<size_t>(i * n + j)], im = vr[static_cast<size_t>(i * n + j + 1)];
                pvec[i * n + j] = { re, im };
                pvec[i * n + j + 1] = { re, -im };
            }
            ++j;
        } else {
            for (int i = 0; i < n; ++i)
                pvec[i * n + j] = { vr[static_cast<size_t>(i * n + j)], 0 };
        }
    }
    return { values, vectors };
}

NDArray eigvals(const NDArray& a) { return eig(a).first; }

std::pair<NDArray, NDArray> eigh(const NDArray& a_in)
{
    check_square(a_in);
    if (a_in.ndim() != 2 || dtype_kind(a_in.dtype) == 'c')
        value_error("ramba: linalg.eigh supports real 2-d matrices");
    int n = static_cast<int>(a_in.shape[0]);
    NDArray a = copy(astype(a_in, DType::Float64));
    NDArray values = NDArray::empty(DType::Float64, { n });
    // numpy uses the lower triangle (UPLO='L').
    int info = n > 0 ? blas::library().dsyevd(LAPACK_ROW_MAJOR, 'V', 'L', n, reinterpret_cast<double*>(a.data()), n,
        reinterpret_cast<double*>(values.data())) : 0;
    if (info > 0)
        linalg_error("Eigenvalues did not converge");
    return { values, a };
}

SingularValues svd(const NDArray& a_in)
{
    if (a_in.ndim() != 2 || dtype_kind(a_in.dtype) == 'c')
        value_error("ramba: linalg.svd supports real 2-d matrices");
    int m = static_cast<int>(a_in.shape[0]), n = static_cast<int>(a_in.shape[1]);
    NDArray a = copy(astype(a_in, DType::Float64));
    SingularValues out { NDArray::empty(DType::Float64, { m, m }), NDArray::empty(DType::Float64, { std::min(m, n) }),
        NDArray::empty(DType::Float64, { n, n }) };
    // numpy: dgesdd with jobz='A' on the same matrix (LAPACKE hands LAPACK a column-major copy).
    int info = m > 0 && n > 0 ? blas::library().dgesdd(LAPACK_ROW_MAJOR, 'A', m, n, reinterpret_cast<double*>(a.data()), n,
        reinterpret_cast<double*>(out.s.data()), reinterpret_cast<double*>(out.u.data()), m, reinterpret_cast<double*>(out.vh.data()), n) : 0;
    if (info > 0)
        linalg_error("SVD did not converge");
    return out;
}

NDArray norm(const NDArray& a_in, std::optional<std::string> ord, std::optional<std::vector<int64_t>> axes, bool keepdims)
{
    // numpy: with axis=None and the 2-norm / Frobenius norm, sqrt(dot(x.ravel(), x.ravel())) through
    // BLAS (float32 stays float32), so the bits match numpy's.
    bool whole = !axes && (!ord || (*ord == "fro" && a_in.ndim() == 2) || (*ord == "2" && a_in.ndim() == 1));
    if (whole && !keepdims && dtype_kind(a_in.dtype) != 'c') {
        if (a_in.dtype == DType::Float32) {
            NDArray x = ascontiguous(ravel(a_in));
            float dot = blas::library().sdot(static_cast<int>(x.size()), reinterpret_cast<const float*>(x.data()), 1,
                reinterpret_cast<const float*>(x.data()), 1);
            return Scalar::make(DType::Float32, std::sqrt(dot)).to_array();
        }
        NDArray x = ascontiguous(ravel(a_in), DType::Float64);
        double dot = blas::library().ddot(static_cast<int>(x.size()), reinterpret_cast<const double*>(x.data()), 1,
            reinterpret_cast<const double*>(x.data()), 1);
        return Scalar::make(DType::Float64, std::sqrt(dot)).to_array();
    }
    NDArray a = astype(a_in, dtype_kind(a_in.dtype) == 'c' ? DType::Complex128 : DType::Float64);
    std::vector<int64_t> list;
    if (axes) {
        for (int64_t x : *axes)
            list.push_back(check_axis(x, a.ndim()));
    } else {
        for (int64_t i = 0; i < a.ndim(); ++i)
            list.push_back(i);
    }
    bool matrix = list.size() == 2;
    if (list.size() > 2)
        value_error("Improper number of dimensions to norm.");
    // Reduce over `list` with one of the supported norms: move reduced axes last.
    std::vector<int64_t> keep;
    for (int64_t i = 0; i < a.ndim(); ++i)
        if (std::find(list.begin(), list.end(), i) == list.end())
            keep.push_back(i);
    std::vector<int64_t> order = keep;
    order.insert(order.end(), list.begin(), list.end());
    NDArray moved = copy(transpose(a, order));
    Shape out_shape;
    for (int64_t i : keep)
        out_shape.push_back(a.shape[static_cast<size_t>(i)]);
    int64_t outer_count = 1;
    for (int64_t e : out_shape)
        outer_count *= e;
    int64_t inner_count = outer_count == 0 ? 0 : moved.size() / std::max<int64_t>(outer_count, 1);
    int64_t rows = matrix ? a.shape[static_cast<size_t>(list[0])] : 1;
    int64_t cols = matrix ? a.shape[static_cast<size_t>(list[1])] : inner_count;
    NDArray result = NDArray::empty(DType::Float64, out_shape);
    std::string o = ord.value_or(matrix ? "fro" : "2");
    for (int64_t oi = 0; oi < outer_count; ++oi) {
        std::vector<double> mag(static_cast<size_t>(inner_count));
        for (int64_t i = 0; i < inner_count; ++i) {
            if (a.dtype == DType::Complex128)
                mag[static_cast<size_t>(i)] = std::abs(reinterpret_cast<std::complex<double>*>(moved.data())[oi * inner_count + i]);
            else
                mag[static_cast<size_t>(i)] = std::fabs(reinterpret_cast<double*>(moved.data())[oi * inner_count + i]);
        }
        double value = 0;
        if (!matrix) {
            if (o == "inf") {
                value = inner_count ? *std::max_element(mag.begin(), mag.end()) : 0;
            } else if (o == "-inf") {
                value = inner_count ? *std::min_element(mag.begin(), mag.end()) : 0;
            } else if (o == "fro" || o == "nuc") {
                value_error("Invalid norm order '" + o + "' for vectors");
            } else {
                double p = std::stod(o);
                if (p == 2) {
                    double s = 0;
                    for (double m : mag)
                        s += m * m;
                    value = std::sqrt(s);
                } else if (p == 1) {
                    for (double m : mag)
                        value += m;
                } else if (p == 0) {
                    for (double m : mag)
                        value += m != 0;
                } else {
                    for (double m : mag)
                        value += std::pow(m, p);
                    value = std::pow(value, 1.0 / p);
                }
            }
        } else {
            auto at = [&](int64_t r, int64_t c) { return mag[static_cast<size_t>(r * cols + c)]; };
            if (o == "fro") {
                double s = 0;
                for (double m : mag)
                    s += m * m;
                value = std::sqrt(s);
            } else if (o == "1" || o == "-1") {
                std::vector<double> sums(static_cast<size_t>(cols), 0);
                for (int64_t r = 0; r < rows; ++r)
                    for (int64_t c = 0; c < cols; ++c)
                        sums[static_cast<size_t>(c)] += at(r, c);
                value = o == "1" ? *std::max_element(sums.begin(), sums.end()) : *std::min_element(sums.begin(), sums.end());
            } else if (o == "inf" || o == "-inf") {
                std::vector<double> sums(static_cast<size_t>(rows), 0);
                for (int64_t r = 0; r < rows; ++r)
                    for (int64_t c = 0; c < cols; ++c)
                        sums[static_cast<size_t>(r)] += at(r, c);
                value = o == "inf" ? *std::max_element(sums.begin(), sums.end()) : *std::min_element(sums.begin(), sums.end());
            } else {
                value_error("ramba: matrix norm order '" + o + "' is not supported");
            }
        }
        reinterpret_cast<double*>(result.data())[oi] = value;
    }
    if (keepdims) {
        Shape kept = a.shape;
        for (int64_t i : list)
            kept[static_cast<size_t>(i)] = 1;
        return reshape(result, kept);
    }
    return result;
}

} // namespace ramba::engine
