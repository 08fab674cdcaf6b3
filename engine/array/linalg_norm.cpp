// numpy.linalg.norm (see linalg.hpp): vector norms over one axis, matrix norms over two (the 2, -2
// and nuclear norms from singular values), and numpy's BLAS fast path for the whole-array 2-norm.
#include "engine/array/linalg.hpp"

#include <algorithm>
#include <cmath>
#include <complex>

#include "engine/array/lapack.hpp"
#include "engine/array/shape_ops.hpp"

namespace ramba::engine {

using namespace lapack;

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

// |x| as float64, with the axes in `last` moved to the end (in that order), C-contiguous.
NDArray magnitudes(const NDArray& x, const std::vector<int64_t>& last)
{
    std::vector<int64_t> order;
    for (int64_t i = 0; i < x.ndim(); ++i)
        if (std::find(last.begin(), last.end(), i) == last.end())
            order.push_back(i);
    order.insert(order.end(), last.begin(), last.end());
    NDArray moved = transpose(x, order);
    NDArray result = NDArray::empty(DType::Float64, moved.shape);
    if (dtype_kind(x.dtype) == 'c') {
        NDArray values = ascontiguous(moved, DType::Complex128);
        for (int64_t i = 0; i < values.size(); ++i)
            elements<double>(result)[i] = std::abs(elements<Complex>(values)[i]);
    } else {
        NDArray values = ascontiguous(moved, DType::Float64);
        for (int64_t i = 0; i < values.size(); ++i)
            elements<double>(result)[i] = std::fabs(elements<double>(values)[i]);
    }
    return result;
}

double vector_norm(const double* mag, int64_t size, const NormOrder& ord)
{
    double p = ord.kind == NormOrder::Default ? 2.0 : ord.p;
    if (std::isinf(p)) {
        if (size == 0)
            value_error(std::string("zero-size array to reduction operation ") + (p > 0 ? "maximum" : "minimum") + " which has no identity");
        return p > 0 ? *std::max_element(mag, mag + size) : *std::min_element(mag, mag + size);
    }
    double total = 0;
    if (p == 0) {
        for (int64_t i = 0; i < size; ++i)
            total += mag[i] != 0;
        return total;
    }
    if (p == 1) {
        for (int64_t i = 0; i < size; ++i)
            total += mag[i];
        return total;
    }
    if (p == 2) {
        for (int64_t i = 0; i < size; ++i)
            total += mag[i] * mag[i];
        return std::sqrt(total);
    }
    for (int64_t i = 0; i < size; ++i)
        total += std::pow(mag[i], p);
    return std::pow(total, 1.0 / p);
}

// Maximum or minimum over the sums along rows (axis 0 of each matrix) or along columns.
double extreme_sum(const double* mag, int64_t rows, int64_t cols, bool sum_over_rows, bool maximum)
{
    int64_t lines = sum_over_rows ? cols : rows, length = sum_over_rows ? rows : cols;
    if (lines == 0)
        value_error(std::string("zero-size array to reduction operation ") + (maximum ? "maximum" : "minimum") + " which has no identity");
    double best = 0;
    for (int64_t line = 0; line < lines; ++line) {
        double total = 0;
        for (int64_t i = 0; i < length; ++i)
            total += sum_over_rows ? mag[i * cols + line] : mag[line * cols + i];
        if (line == 0 || (maximum ? total > best : total < best))
            best = total;
    }
    return best;
}

} // namespace

NDArray norm(const NDArray& x_in, NormOrder ord, std::optional<std::vector<int64_t>> axes, bool keepdims)
{
    // numpy: integer and bool input is converted to float first; float32 results stay float32.
    NDArray x = dtype_kind(x_in.dtype) == 'c' || dtype_kind(x_in.dtype) == 'f' ? x_in : astype(x_in, DType::Float64);
    DType result_dtype = x.dtype == DType::Float32 ? DType::Float32 : DType::Float64;
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
    if (list.size() != 1 && list.size() != 2)
        value_error("Improper number of dimensions to norm.");
    Shape out_shape;
    for (int64_t i = 0; i < x.ndim(); ++i)
        if (std::find(list.begin(), list.end(), i) == list.end())
            out_shape.push_back(x.shape[static_cast<size_t>(i)]);
    NDArray result = NDArray::empty(DType::Float64, out_shape);
    int64_t outer = count(out_shape);
    if (list.size() == 1) {
        if (ord.kind == NormOrder::Fro || ord.kind == NormOrder::Nuc || ord.kind == NormOrder::Invalid)
            value_error("Invalid norm order '" + ord.text + "' for vectors");
        NDArray mag = magnitudes(x, list);
        int64_t size = x.shape[static_cast<size_t>(list[0])];
        for (int64_t i = 0; i < outer; ++i)
            elements<double>(result)[i] = vector_norm(elements<double>(mag) + i * size, size, ord);
    } else {
        if (list[0] == list[1])
            value_error("Duplicate axes given.");
        int64_t rows = x.shape[static_cast<size_t>(list[0])], cols = x.shape[static_cast<size_t>(list[1])];
        bool singular = ord.kind == NormOrder::Nuc || (ord.kind == NormOrder::Number && (ord.p == 2 || ord.p == -2));
        if (singular) {
            // numpy's _multi_svd_norm: the singular values of each matrix, then max, min or sum.
            std::vector<int64_t> order;
            for (int64_t i = 0; i < x.ndim(); ++i)
                if (i != list[0] && i != list[1])
                    order.push_back(i);
            order.push_back(list[0]);
            order.push_back(list[1]);
            NDArray s = ascontiguous(svd(transpose(x, order), false, false).s, DType::Float64);
            int64_t k = std::min(rows, cols);
            for (int64_t i = 0; i < outer; ++i) {
                const double* values = elements<double>(s) + i * k;
                if (k == 0 && ord.kind != NormOrder::Nuc)
                    value_error(std::string("zero-size array to reduction operation ") + (ord.p > 0 ? "maximum" : "minimum") + " which has no identity");
                double value = 0;
                if (ord.kind == NormOrder::Nuc) {
                    for (int64_t j = 0; j < k; ++j)
                        value += values[j];
                } else {
                    value = ord.p > 0 ? *std::max_element(values, values + k) : *std::min_element(values, values + k);
                }
                elements<double>(result)[i] = value;
            }
        } else {
            bool valid = ord.kind == NormOrder::Default || ord.kind == NormOrder::Fro
                || (ord.kind == NormOrder::Number && (std::fabs(ord.p) == 1 || std::isinf(ord.p)));
            if (!valid)
                value_error("Invalid norm order for matrices.");
            NDArray mag = magnitudes(x, list);
            for (int64_t i = 0; i < outer; ++i) {
                const double* m = elements<double>(mag) + i * rows * cols;
                double value = 0;
                if (ord.kind != NormOrder::Number) {
                    for (int64_t j = 0; j < rows * cols; ++j)
                        value += m[j] * m[j];
                    value = std::sqrt(value);
                } else {
                    // ord ±1: extreme column sum; ord ±inf: extreme row sum.
                    value = extreme_sum(m, rows, cols, std::fabs(ord.p) == 1, ord.p > 0);
                }
                elements<double>(result)[i] = value;
            }
        }
    }
    if (keepdims) {
        Shape kept = x.shape;
        for (int64_t i : list)
            kept[static_cast<size_t>(i)] = 1;
        result = reshape(result, kept);
    }
    return astype(result, result_dtype);
}

} // namespace ramba::engine
