// Order statistics: median, percentile and quantile with numpy 1.24's default 'linear' method.
// Reduced axes move last, each row is sorted, and neighbours are interpolated as numpy's _lerp does.
#include <algorithm>
#include <cmath>

#include "engine/array/cast.hpp"
#include "engine/vm/reduce_axes.hpp"
#include "engine/vm/ufunc.hpp"
#include "base/error.hpp"

namespace ramba::vm {

using namespace engine;

namespace {

NDArray order_statistic(const NDArray& input, std::span<const double> q, bool q_is_scalar,
    std::optional<std::span<const int64_t>> axes, bool keepdims, bool is_median)
{
    auto reduced = reduced_axes(input, axes);
    // Move reduced axes last, copy to C order, sort each row, interpolate linearly (numpy's default).
    std::vector<int64_t> order;
    for (int64_t a = 0; a < input.ndim(); ++a) {
        if (!reduced[a]) order.push_back(a);
    }
    for (int64_t a = 0; a < input.ndim(); ++a) {
        if (reduced[a]) order.push_back(a);
    }
    NDArray moved = input;
    for (size_t k = 0; k < order.size(); ++k) {
        moved.shape[k] = input.shape[order[k]];
        moved.strides[k] = input.strides[order[k]];
    }
    DType dtype = mean_dtype(input.dtype);
    if (dtype == DType::Complex128)
        dtype = DType::Float64;
    NDArray rows = astype(moved, DType::Float64);
    int64_t row_length = reduced_count(input, reduced);
    if (row_length == 0)
        throw RambaError(ErrorKind::IndexError, "index -1 is out of bounds for axis 0 with size 0");
    int64_t row_count = rows.size() / row_length;
    Shape kept = kept_shape(input, reduced, keepdims);
    Shape out_shape;
    if (!q_is_scalar)
        out_shape.push_back(static_cast<int64_t>(q.size()));
    out_shape.insert(out_shape.end(), kept.begin(), kept.end());
    NDArray out = NDArray::empty(DType::Float64, out_shape);
    auto* data = reinterpret_cast<double*>(rows.data());
    auto* result = reinterpret_cast<double*>(out.data());
    for (int64_t r = 0; r < row_count; ++r) {
        double* row = data + r * row_length;
        bool has_nan = std::any_of(row, row + row_length, [](double x) { return std::isnan(x); });
        std::sort(row, row + row_length);
        for (size_t k = 0; k < q.size(); ++k) {
            double value;
            if (has_nan) {
                value = NAN;
            } else if (is_median) {
                // numpy's median: the mean of the middle one or two elements.
                int64_t half = row_length / 2;
                value = row_length % 2 ? row[half] : (0.0 + row[half - 1] + row[half]) / 2;
            } else {
                // numpy 1.24's 'linear' method: virtual index (n - 1) * quantile, lerp between neighbours.
                double index = static_cast<double>(row_length - 1) * q[k];
                double floor_index = std::floor(index);
                int64_t below = std::clamp<int64_t>(static_cast<int64_t>(floor_index), 0, row_length - 1);
                int64_t above = std::clamp<int64_t>(static_cast<int64_t>(floor_index) + 1, 0, row_length - 1);
                double t = index - floor_index;
                double a = row[below], b = row[above];
                // numpy's _lerp: a + (b - a) * t, computed from the other end when t >= 0.5.
                double diff = b - a;
                value = t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
            }
            result[k * row_count + r] = value;
        }
    }
    return dtype == DType::Float64 ? out : astype(out, dtype);
}

} // namespace

NDArray percentile(const NDArray& input, std::span<const double> q, bool q_is_scalar,
    std::optional<std::span<const int64_t>> axes, bool keepdims)
{
    // numpy: percentile divides q by 100 (true_divide) and then computes quantiles.
    std::vector<double> fractions;
    for (double p : q) {
        if (!(p >= 0 && p <= 100))
            throw RambaError(ErrorKind::ValueError, "Percentiles must be in the range [0, 100]");
        fractions.push_back(p / 100.0);
    }
    return order_statistic(input, fractions, q_is_scalar, axes, keepdims, false);
}

NDArray quantile(const NDArray& input, std::span<const double> q, bool q_is_scalar,
    std::optional<std::span<const int64_t>> axes, bool keepdims)
{
    for (double p : q) {
        if (!(p >= 0 && p <= 1))
            throw RambaError(ErrorKind::ValueError, "Quantiles must be in the range [0, 1]");
    }
    return order_statistic(input, q, q_is_scalar, axes, keepdims, false);
}

NDArray median(const NDArray& input, std::optional<std::span<const int64_t>> axes, bool keepdims)
{
    double half[] = { 0.5 };
    return order_statistic(input, half, true, axes, keepdims, true);
}

} // namespace ramba::vm
