// Linear algebra on NDArrays through OpenBLAS (cblas) and LAPACKE: products with numpy's shape rules
// (matmul broadcasting, dot's N-d contraction), and solve/inv/det/eig/eigh/norm.
#pragma once

#include <optional>
#include <span>
#include <string>

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

// LinAlgError "Singular matrix" where numpy raises it.
NDArray solve(const NDArray& a, const NDArray& b);
NDArray inv(const NDArray&);
NDArray det(const NDArray&);
// eig: eigenvalues and right eigenvectors (complex128 only when some eigenvalue is complex, as numpy).
std::pair<NDArray, NDArray> eig(const NDArray&);
std::pair<NDArray, NDArray> eigh(const NDArray&);
// svd of a real 2-d matrix by LAPACK's dgesdd, as numpy.linalg.svd (full_matrices=True): u, s, vh.
struct SingularValues {
    NDArray u, s, vh;
};
SingularValues svd(const NDArray&);
NDArray eigvals(const NDArray&);
// ord: nullopt (2-norm / Frobenius), "fro", "inf", "-inf", or a number; axis: nullopt = all.
NDArray norm(const NDArray&, std::optional<std::string> ord, std::optional<std::vector<int64_t>> axes, bool keepdims);

} // namespace ramba::engine
