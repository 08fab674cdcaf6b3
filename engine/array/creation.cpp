// Creation routines (see creation.hpp); each follows the numpy 1.24 source it cites.
#include "engine/array/creation.hpp"

#include <cmath>
#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/array/index.hpp"
#include "engine/array/shape_ops.hpp"
#include "base/error.hpp"

namespace ramba::engine {

namespace {

[[noreturn]] void value_error(std::string message) { throw RambaError(ErrorKind::ValueError, std::move(message)); }

int64_t arange_length(double start, double stop, double step)
{
    if (step == 0)
        throw RambaError(ErrorKind::ZeroDivisionError, "division by zero");
    double length = std::ceil((stop - start) / step);
    if (std::isnan(length))
        value_error("arange: cannot compute length");
    if (length <= 0)
        return 0;
    if (length > 9.2e18)
        value_error("Maximum allowed size exceeded");
    return static_cast<int64_t>(length);
}

} // namespace

NDArray arange_int(int64_t start, int64_t stop, int64_t step, DType dtype)
{
    if (step == 0)
        throw RambaError(ErrorKind::ZeroDivisionError, "division by zero");
    int64_t length = 0;
    if (step > 0 && stop > start)
        length = (stop - start + step - 1) / step;
    else if (step < 0 && stop < start)
        length = (start - stop + (-step) - 1) / (-step);
    NDArray result = NDArray::empty(DType::Int64, { length });
    auto* p = reinterpret_cast<int64_t*>(result.data());
    for (int64_t i = 0; i < length; ++i)
        p[i] = start + i * step;
    return dtype == DType::Int64 ? result : astype(result, dtype);
}

NDArray arange_float(double start, double stop, double step, DType dtype)
{
    int64_t length = arange_length(start, stop, step);
    NDArray result = NDArray::empty(DType::Float64, { length });
    auto* p = reinterpret_cast<double*>(result.data());
    // numpy's DOUBLE_fill: delta is the difference of the first two elements.
    double delta = (start + step) - start;
    for (int64_t i = 0; i < length; ++i)
        p[i] = start + static_cast<double>(i) * delta;
    if (length > 0)
        p[0] = start;
    if (dtype == DType::Float64)
        return result;
    if (dtype_kind(dtype) == 'i' || dtype_kind(dtype) == 'u') {
        // numpy computes integer aranges from the first two values cast to the dtype.
        NDArray ints = NDArray::empty(dtype, { length });
        if (length > 0) {
            auto first = static_cast<int64_t>(start);
            auto second = static_cast<int64_t>(start + step);
            int64_t d = second - first;
            NDArray i64 = NDArray::empty(DType::Int64, { length });
            for (int64_t i = 0; i < length; ++i)
                reinterpret_cast<int64_t*>(i64.data())[i] = first + i * d;
            assign(ints, i64);
        }
        return ints;
    }
    return astype(result, dtype);
}

NDArray linspace(double start, double stop, int64_t num, bool endpoint, DType dtype, double* step_out)
{
    if (num < 0)
        value_error("Number of samples, " + std::to_string(num) + ", must be non-negative.");
    int64_t div = endpoint ? num - 1 : num;
    double delta = stop - start;
    NDArray y = NDArray::empty(DType::Float64, { num });
    auto* p = reinterpret_cast<double*>(y.data());
    double step = div > 0 ? delta / static_cast<double>(div) : NAN;
    for (int64_t i = 0; i < num; ++i) {
        double v = static_cast<double>(i);
        if (div > 0) {
            if (step == 0)
                v = (v / static_cast<double>(div)) * delta;
            else
                v = v * step;
        } else {
            v = v * delta;
        }
        p[i] = v + start;
    }
    if (endpoint && num > 1)
        p[num - 1] = stop;
    if (step_out)
        *step_out = step;
    if (dtype_kind(dtype) == 'i' || dtype_kind(dtype) == 'u')
        for (int64_t i = 0; i < num; ++i)
            p[i] = std::floor(p[i]);
    return dtype == DType::Float64 ? y : astype(y, dtype);
}

NDArray logspace(double start, double stop, int64_t num, bool endpoint, double base, DType dtype)
{
    NDArray y = linspace(start, stop, num, endpoint, DType::Float64);
    auto* p = reinterpret_cast<double*>(y.data());
    for (int64_t i = 0; i < num; ++i)
        p[i] = std::pow(base, p[i]);
    return dtype == DType::Float64 ? y : astype(y, dtype);
}

NDArray eye(int64_t n, int64_t m, int64_t k, DType dtype)
{
    NDArray result = NDArray::zeros(dtype, { n, m });
    Scalar one = Scalar::make(DType::Int64, int64_t(1));
    for (int64_t i = 0; i < n; ++i) {
        int64_t j = i + k;
        if (j >= 0 && j < m)
            cast_element(DType::Int64, one.bytes, dtype, result.data() + (i * m + j) * static_cast<int64_t>(result.itemsize()));
    }
    return result;
}

NDArray diag(const NDArray& v, int64_t k)
{
    if (v.ndim() == 1) {
        int64_t n = v.shape[0] + std::abs(k);
        NDArray result = NDArray::zeros(v.dtype, { n, n });
        for (int64_t i = 0; i < v.shape[0]; ++i) {
            int64_t row = k >= 0 ? i : i - k, col = k >= 0 ? i + k : i;
            std::memcpy(result.data() + (row * n + col) * static_cast<int64_t>(v.itemsize()), v.data() + i * v.strides[0], v.itemsize());
        }
        return result;
    }
    if (v.ndim() != 2)
        value_error("Input must be 1- or 2-d.");
    int64_t rows = v.shape[0], cols = v.shape[1];
    int64_t count = k >= 0 ? std::max<int64_t>(0, std::min(rows, cols - k)) : std::max<int64_t>(0, std::min(rows + k, cols));
    NDArray result = NDArray::empty(v.dtype, { count });
    for (int64_t i = 0; i < count; ++i) {
        int64_t row = k >= 0 ? i : i - k, col = k >= 0 ? i + k : i;
        std::memcpy(result.data() + i * static_cast<int64_t>(v.itemsize()), v.data() + row * v.strides[0] + col * v.strides[1], v.itemsize());
    }
    return result;
}

NDArray triangle(const NDArray& m, int64_t k, bool upper)
{
    NDArray a = m.ndim() == 1 ? copy(broadcast_to(m, { m.shape[0], m.shape[0] })) : copy(m);
    if (a.ndim() < 2)
        value_error("input array must be at least 2-d");
    int64_t rows = a.shape[a.shape.size() - 2], cols = a.shape.back();
    int64_t batches = a.size() / std::max<int64_t>(rows * cols, 1);
    size_t itemsize = a.itemsize();
    for (int64_t b = 0; b < batches && rows * cols > 0; ++b)
        for (int64_t i = 0; i < rows; ++i)
            for (int64_t j = 0; j < cols; ++j) {
                bool keep = upper ? j - i >= k : j - i <= k;
                if (!keep)
                    std::memset(a.data() + ((b * rows + i) * cols + j) * static_cast<int64_t>(itemsize), 0, itemsize);
            }
    return a;
}

NDArray indices(const Shape& shape, DType dtype)
{
    Shape full = shape;
    full.insert(full.begin(), static_cast<int64_t>(shape.size()));
    NDArray result = NDArray::empty(DType::Int64, full);
    int64_t size = 1;
    for (int64_t e : shape)
        size *= e;
    auto* p = reinterpret_cast<int64_t*>(result.data());
    for (size_t axis = 0; axis < shape.size(); ++axis) {
        int64_t inner = 1;
        for (size_t d = axis + 1; d < shape.size(); ++d)
            inner *= shape[d];
        for (int64_t i = 0; i < size; ++i)
            p[static_cast<int64_t>(axis) * size + i] = (i / inner) % shape[axis];
    }
    return dtype == DType::Int64 ? result : astype(result, dtype);
}

NDArray pad(const NDArray& array, const std::vector<std::pair<int64_t, int64_t>>& widths, const std::string& mode, double constant)
{
    Shape shape = array.shape;
    for (size_t d = 0; d < shape.size(); ++d)
        shape[d] += widths[d].first + widths[d].second;
    NDArray result = NDArray::empty(array.dtype, shape);
    if (mode == "constant") {
        fill(result, Scalar::make(DType::Float64, constant));
    } else if (mode != "edge") {
        value_error("ramba: np.pad supports mode 'constant' and 'edge'");
    }
    NDArray inner = result;
    for (size_t d = 0; d < shape.size(); ++d) {
        inner.offset += widths[d].first * result.strides[d];
        inner.shape[d] = array.shape[d];
    }
    assign(inner, array);
    if (mode == "edge") {
        // Fill axis by axis from the edge rows of what is already there.
        for (size_t d = 0; d < shape.size(); ++d) {
            if (array.shape[d] == 0 && (widths[d].first || widths[d].second))
                value_error("can't extend empty axis " + std::to_string(d) + " using modes other than 'constant' or 'empty'");
            auto slab = [&](int64_t index) {
                NDArray v = result;
                v.offset += index * result.strides[d];
                v.shape[d] = 1;
                return v;
            };
            int64_t first = widths[d].first, last = widths[d].first + array.shape[d] - 1;
            for (int64_t i = 0; i < widths[d].first; ++i)
                assign(slab(i), slab(first));
            for (int64_t i = last + 1; i < shape[d]; ++i)
                assign(slab(i), slab(last));
        }
    }
    return result;
}

} // namespace ramba::engine
