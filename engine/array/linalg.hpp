// Linear algebra on NDArrays through OpenBLAS (cblas) and LAPACKE: products with numpy's shape rules
// (matmul broadcasting, dot's N-d contraction), and solve/inv/det/eig/eigh/norm.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

NDArray matmul(const NDArray&, const NDArray&);
NDArray dot(const NDArray&, const NDArray&);
NDArray vdot(const NDArray&, const NDArray&);
NDArray inner(const NDArray&, const NDArray&);
NDArray outer(const NDArray&, const NDArray&);
NDArray trace(const NDArray&, int64_t offset = 0, int64_t axis1 = 0, int64_t axis2 = 1);
NDArray tensordot(const NDArray&, const NDArray&, std::span<const int64_t> axes_a, std::span<const int64_t> axes_b);
// Subscripts like "ij,jk->ik", "ii", "ij->ji", "i,i", "bij,bjk->bik" (no ellipsis).
NDArray einsum(const std::string& subscripts, std::span<const NDArray> operands);

// numpy.linalg on stacks of matrices (..., M, N), through LAPACKE (linalg_lapack.cpp,
// linalg_decompose.cpp, linalg_norm.cpp): numpy's checks and LinAlgError messages, its dtype rule
// (float64/complex128 inside; float32 input gives float32 results), results shaped as numpy's.
NDArray solve(const NDArray& a, const NDArray& b); // b: (..., M) when it has one dimension fewer than a
NDArray inv(const NDArray&);
NDArray det(const NDArray&);
std::pair<NDArray, NDArray> slogdet(const NDArray&); // sign, log|det|
// lstsq (2-d a; b 1-d or 2-d): x, residuals, rank, singular values; rcond nullopt = eps * max(M, N).
struct LeastSquares {
    NDArray x, residuals;
    int64_t rank;
    NDArray s;
};
LeastSquares lstsq(const NDArray& a, const NDArray& b, std::optional<double> rcond);

// svd by gesdd: u, s, vh (only s when compute_uv is false); hermitian: from eigh, as numpy.
struct SingularValues {
    NDArray u, s, vh;
};
SingularValues svd(const NDArray&, bool full_matrices = true, bool compute_uv = true, bool hermitian = false);
// qr's modes: Reduced and Complete give {q, r}, R gives {r}, Raw {h, tau}, Economic (deprecated) {a}.
enum class QrMode { Reduced, Complete, R, Raw, Economic };
std::vector<NDArray> qr(const NDArray&, QrMode);
NDArray cholesky(const NDArray&); // the lower factor
// eig/eigvals: complex results unless the input is real and every eigenvalue is real, as numpy.
std::pair<NDArray, NDArray> eig(const NDArray&);
NDArray eigvals(const NDArray&);
// eigh/eigvalsh: ascending real eigenvalues of a Hermitian matrix read from the triangle `uplo`.
std::pair<NDArray, NDArray> eigh(const NDArray&, char uplo = 'L');
NDArray eigvalsh(const NDArray&, char uplo = 'L');

// norm's ord: None, 'fro', 'nuc', a number (inf too), or an invalid string (kept for the message).
struct NormOrder {
    enum Kind { Default, Fro, Nuc, Number, Invalid } kind { Default };
    double p { 0 };
    std::string text;
};
// axes: nullopt = all (then 1 or 2 dimensions), else one axis (vector norm) or two (matrix norm).
NDArray norm(const NDArray&, NormOrder ord, std::optional<std::vector<int64_t>> axes, bool keepdims);

} // namespace ramba::engine
