// multivariate_normal for RandomState and Generator (random_support.hpp): numpy's transform of
// standard normals by the SVD (or eigh) of the covariance, with its positive-semidefinite check.
#include "stdlib/numpy/random_support.hpp"

#include <cmath>

#include "engine/array/cast.hpp"
#include "engine/array/linalg.hpp"
#include "engine/array/shape_ops.hpp"

namespace ramba::numpy::random_support {

using engine::DType;
using engine::NDArray;
using engine::Shape;

Value multivariate_normal(CallContext& context, const Value& mean_value, const Value& cov_value, const Value& size_value,
    const Value& check_valid_value, const Value& tol_value, MultivariateMethod method, const std::function<NDArray(const Shape&)>& normals)
{
    NDArray mean = to_array(context, mean_value), cov = to_array(context, cov_value);
    if (method != MultivariateMethod::LegacySvd && (engine::dtype_kind(mean.dtype) == 'c' || engine::dtype_kind(cov.dtype) == 'c'))
        raise(ErrorKind::TypeError, "mean and cov must not be complex");
    Shape final_shape = size_value.is_none() ? Shape {} : shape_argument(context, size_value);
    if (mean.ndim() != 1)
        raise(ErrorKind::ValueError, "mean must be 1 dimensional");
    if (cov.ndim() != 2 || cov.shape[0] != cov.shape[1])
        raise(ErrorKind::ValueError, "cov must be 2 dimensional and square");
    if (mean.shape[0] != cov.shape[0])
        raise(ErrorKind::ValueError, "mean and cov must have same length");
    const int64_t n = mean.shape[0];
    final_shape.push_back(n);
    NDArray x = engine::reshape(normals(final_shape), { n ? shape_size(final_shape) / n : 0, n });
    cov = engine::ascontiguous(cov, DType::Float64);
    const double* c = reinterpret_cast<const double*>(cov.data());
    auto at = [](const NDArray& a, int64_t i, int64_t j) { return reinterpret_cast<const double*>(a.data())[i * a.shape[1] + j]; };
    NDArray u, s, vh;
    if (method == MultivariateMethod::Eigh) {
        auto [values, vectors] = engine::eigh(cov);
        s = values;
        u = vectors;
    } else {
        engine::SingularValues decomposition = engine::svd(cov);
        u = decomposition.u;
        s = decomposition.s;
        vh = decomposition.vh;
    }
    const double* sv = reinterpret_cast<const double*>(s.data());
    std::string check_valid = interp::str_value(context, check_valid_value);
    if (check_valid != "ignore") {
        if (check_valid != "warn" && check_valid != "raise")
            raise(ErrorKind::ValueError, "check_valid must equal 'warn', 'raise', or 'ignore'");
        double tol = interp::to_double(context, tol_value);
        bool psd = true;
        if (method == MultivariateMethod::Eigh) {
            for (int64_t i = 0; i < n; ++i)
                psd = psd && !(sv[i] < -tol);
        } else {
            // np.dot(vh.T * s, vh) against cov, numpy's allclose(rtol=tol, atol=tol)
            NDArray scaled = NDArray::empty(DType::Float64, { n, n });
            for (int64_t i = 0; i < n; ++i)
                for (int64_t j = 0; j < n; ++j)
                    reinterpret_cast<double*>(scaled.data())[i * n + j] = at(vh, j, i) * sv[j];
            NDArray product = engine::dot(scaled, vh);
            for (int64_t i = 0; i < n * n; ++i) {
                double a = reinterpret_cast<const double*>(product.data())[i], b = c[i];
                psd = psd && std::abs(a - b) <= tol + tol * std::abs(b);
            }
        }
        if (!psd) {
            if (check_valid == "warn")
                context.warn("RuntimeWarning", "covariance is not symmetric positive-semidefinite.");
            else
                raise(ErrorKind::ValueError, "covariance is not symmetric positive-semidefinite.");
        }
    }
    NDArray factor = NDArray::empty(DType::Float64, { n, n });
    double* f = reinterpret_cast<double*>(factor.data());
    for (int64_t i = 0; i < n; ++i)
        for (int64_t j = 0; j < n; ++j) {
            if (method == MultivariateMethod::LegacySvd)
                f[i * n + j] = std::sqrt(sv[i]) * at(vh, i, j); // np.sqrt(s)[:, None] * v
            else if (method == MultivariateMethod::Svd)
                f[j * n + i] = at(u, i, j) * std::sqrt(sv[j]); // (u * np.sqrt(s)).T
            else
                f[j * n + i] = at(u, i, j) * std::sqrt(std::abs(sv[j])); // (u * np.sqrt(abs(s))).T
        }
    NDArray result = engine::copy(engine::dot(x, factor));
    NDArray means = engine::ascontiguous(mean, DType::Float64);
    double* r = reinterpret_cast<double*>(result.data());
    for (int64_t i = 0; i < result.size(); ++i)
        r[i] = method == MultivariateMethod::LegacySvd ? r[i] + reinterpret_cast<const double*>(means.data())[i % n]
                                                       : reinterpret_cast<const double*>(means.data())[i % n] + r[i];
    return wrap_drawn(engine::reshape(result, final_shape));
}

} // namespace ramba::numpy::random_support
