// Array products (see linalg.hpp): float64/float32/complex128 through cblas, other dtypes through
// plain loops. The LAPACK-based functions are in linalg_lapack.cpp.
#include "engine/array/linalg.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include "engine/array/blas.hpp"
#include "engine/array/blas_threads.hpp"
#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "base/error.hpp"

namespace ramba::engine {

namespace {

[[noreturn]] void value_error(std::string message) { throw RambaError(ErrorKind::ValueError, std::move(message)); }

// C (m x n) = A (m x k) * B (k x n), all C-contiguous of dtype T.
template<typename T>
void gemm(const T* a, const T* b, T* c, int64_t m, int64_t k, int64_t n)
{
    BlasParallelScope threads;
    if constexpr (std::is_same_v<T, double>) {
        if (m > 0 && n > 0 && k > 0) {
            blas::library().dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(m), static_cast<int>(n),
                static_cast<int>(k), 1.0, a, static_cast<int>(k), b, static_cast<int>(n), 0.0, c, static_cast<int>(n));
            return;
        }
    } else if constexpr (std::is_same_v<T, float>) {
        if (m > 0 && n > 0 && k > 0) {
            blas::library().sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(m), static_cast<int>(n),
                static_cast<int>(k), 1.0f, a, static_cast<int>(k), b, static_cast<int>(n), 0.0f, c, static_cast<int>(n));
            return;
        }
    } else if constexpr (std::is_same_v<T, std::complex<double>>) {
        if (m > 0 && n > 0 && k > 0) {
            std::complex<double> one(1, 0), zero(0, 0);
            blas::library().zgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, static_cast<int>(m), static_cast<int>(n),
                static_cast<int>(k), &one, a, static_cast<int>(k), b, static_cast<int>(n), &zero, c, static_cast<int>(n));
            return;
        }
    }
    for (int64_t i = 0; i < m * n; ++i)
        c[i] = T(0);
    for (int64_t i = 0; i < m; ++i)
        for (int64_t p = 0; p < k; ++p) {
            T av = a[i * k + p];
            for (int64_t j = 0; j < n; ++j) {
                if constexpr (std::is_same_v<T, bool>)
                    c[i * n + j] = c[i * n + j] || (av && b[p * n + j]);
                else
                    c[i * n + j] = static_cast<T>(c[i * n + j] + av * b[p * n + j]);
            }
        }
}

// Batched matmul of (..., m, k) x (..., k, n) with broadcast batch dims.
NDArray batched_matmul(const NDArray& a_in, const NDArray& b_in)
{
    DType dtype = promote_types(a_in.dtype, b_in.dtype);
    int64_t m = a_in.shape[a_in.shape.size() - 2], k = a_in.shape.back();
    int64_t k2 = b_in.shape[b_in.shape.size() - 2], n = b_in.shape.back();
    if (k != k2)
        value_error("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature "
                    "(n?,k),(k,m?)->(n?,m?) (size " + std::to_string(k2) + " is different from " + std::to_string(k) + ")");
    Shape batch_a(a_in.shape.begin(), a_in.shape.end() - 2), batch_b(b_in.shape.begin(), b_in.shape.end() - 2);
    Shape batch = broadcast_shapes(batch_a, batch_b);
    Shape full_a = batch, full_b = batch, out_shape = batch;
    full_a.push_back(m), full_a.push_back(k);
    full_b.push_back(k), full_b.push_back(n);
    out_shape.push_back(m), out_shape.push_back(n);
    NDArray a = ascontiguous(broadcast_to(a_in, full_a), dtype);
    NDArray b = ascontiguous(broadcast_to(b_in, full_b), dtype);
    NDArray result = NDArray::empty(dtype, out_shape);
    int64_t batches = 1;
    for (int64_t e : batch)
        batches *= e;
    dispatch_dtype(dtype, [&]<typename T>() {
        const T* pa = reinterpret_cast<const T*>(a.data());
        const T* pb = reinterpret_cast<const T*>(b.data());
        T* pc = reinterpret_cast<T*>(result.data());
        for (int64_t i = 0; i < batches; ++i)
            gemm<T>(pa + i * m * k, pb + i * k * n, pc + i * m * n, m, k, n);
    });
    return result;
}

} // namespace

NDArray matmul(const NDArray& a, const NDArray& b)
{
    if (a.ndim() == 0 || b.ndim() == 0)
        value_error("matmul: Input operand " + std::string(a.ndim() == 0 ? "0" : "1")
            + " does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)");
    NDArray a2 = a.ndim() == 1 ? reshape(a, { 1, a.shape[0] }) : a;
    NDArray b2 = b.ndim() == 1 ? reshape(b, { b.shape[0], 1 }) : b;
    NDArray result = batched_matmul(a2, b2);
    Shape shape = result.shape;
    if (b.ndim() == 1)
        shape.pop_back();
    if (a.ndim() == 1)
        shape.erase(shape.end() - (b.ndim() == 1 ? 1 : 2));
    return reshape(result, shape);
}

NDArray dot(const NDArray& a, const NDArray& b)
{
    if (a.ndim() == 0 || b.ndim() == 0) {
        DType dtype = promote_types(a.dtype, b.dtype);
        NDArray x = astype(a, dtype), y = astype(b, dtype);
        Shape shape = broadcast_shapes(x.shape, y.shape);
        NDArray result = NDArray::empty(dtype, shape);
        NDArray bx = ascontiguous(broadcast_to(x, shape)), by = ascontiguous(broadcast_to(y, shape));
        dispatch_dtype(dtype, [&]<typename T>() {
            for (int64_t i = 0; i < result.size(); ++i) {
                if constexpr (std::is_same_v<T, bool>)
                    reinterpret_cast<T*>(result.data())[i] = reinterpret_cast<T*>(bx.data())[i] && reinterpret_cast<T*>(by.data())[i];
                else
                    reinterpret_cast<T*>(result.data())[i] = static_cast<T>(reinterpret_cast<T*>(bx.data())[i] * reinterpret_cast<T*>(by.data())[i]);
            }
        });
        return result;
    }
    if (a.ndim() <= 2 && b.ndim() <= 2) {
        if (a.shape.back() != b.shape[b.ndim() == 1 ? 0 : b.shape.size() - 2])
            value_error("shapes " + shape_to_compact_string(a.shape) + " and " + shape_to_compact_string(b.shape) + " not aligned: "
                + std::to_string(a.shape.back()) + " (dim " + std::to_string(a.ndim() - 1) + ") != "
                + std::to_string(b.shape[b.ndim() == 1 ? 0 : b.shape.size() - 2]) + " (dim " + std::to_string(b.ndim() == 1 ? 0 : b.ndim() - 2) + ")");
        return matmul(a, b);
    }
    // N-d: sum over the last axis of a and the second-to-last of b.
    int64_t axis_b = b.ndim() == 1 ? 0 : b.ndim() - 2;
    int64_t axes_a[] = { a.ndim() - 1 };
    int64_t axes_b[] = { axis_b };
    return tensordot(a, b, axes_a, axes_b);
}

NDArray vdot(const NDArray& a, const NDArray& b)
{
    NDArray x = ravel(a), y = ravel(b);
    if (x.size() != y.size())
        value_error("cannot reshape array of size " + std::to_string(y.size()) + " into shape (" + std::to_string(x.size()) + ",)");
    if (x.dtype == DType::Complex128) {
        NDArray c = copy(x);
        auto* p = reinterpret_cast<std::complex<double>*>(c.data());
        for (int64_t i = 0; i < c.size(); ++i)
            p[i] = std::conj(p[i]);
        x = c;
    }
    return matmul(x, y);
}

NDArray inner(const NDArray& a, const NDArray& b)
{
    if (a.ndim() == 0 || b.ndim() == 0)
        return dot(a, b);
    if (a.shape.back() != b.shape.back())
        value_error("shapes " + shape_to_string(a.shape) + " and " + shape_to_string(b.shape) + " not aligned: "
            + std::to_string(a.shape.back()) + " (dim " + std::to_string(a.ndim() - 1) + ") != "
            + std::to_string(b.shape.back()) + " (dim " + std::to_string(b.ndim() - 1) + ")");
    int64_t axes_a[] = { a.ndim() - 1 };
    int64_t axes_b[] = { b.ndim() - 1 };
    return tensordot(a, b, axes_a, axes_b);
}

NDArray outer(const NDArray& a, const NDArray& b)
{
    NDArray x = ravel(a), y = ravel(b);
    return matmul(reshape(x, { x.size(), 1 }), reshape(y, { 1, y.size() }));
}

NDArray tensordot(const NDArray& a, const NDArray& b, std::span<const int64_t> axes_a_in, std::span<const int64_t> axes_b_in)
{
    if (axes_a_in.size() != axes_b_in.size())
        value_error("shape-mismatch for sum");
    std::vector<int64_t> axes_a, axes_b;
    for (int64_t x : axes_a_in)
        axes_a.push_back(check_axis(x, a.ndim()));
    for (int64_t x : axes_b_in)
        axes_b.push_back(check_axis(x, b.ndim()));
    int64_t k = 1;
    for (size_t i = 0; i < axes_a.size(); ++i) {
        if (a.shape[static_cast<size_t>(axes_a[i])] != b.shape[static_cast<size_t>(axes_b[i])])
            value_error("shape-mismatch for sum");
        k *= a.shape[static_cast<size_t>(axes_a[i])];
    }
    std::vector<int64_t> free_a, free_b, order_a, order_b;
    Shape out_shape;
    int64_t m = 1, n = 1;
    for (int64_t i = 0; i < a.ndim(); ++i)
        if (std::find(axes_a.begin(), axes_a.end(), i) == axes_a.end())
            free_a.push_back(i), out_shape.push_back(a.shape[static_cast<size_t>(i)]), m *= a.shape[static_cast<size_t>(i)];
    for (int64_t i = 0; i < b.ndim(); ++i)
        if (std::find(axes_b.begin(), axes_b.end(), i) == axes_b.end())
            free_b.push_back(i), out_shape.push_back(b.shape[static_cast<size_t>(i)]), n *= b.shape[static_cast<size_t>(i)];
    order_a = free_a;
    order_a.insert(order_a.end(), axes_a.begin(), axes_a.end());
    order_b = axes_b;
    order_b.insert(order_b.end(), free_b.begin(), free_b.end());
    NDArray at = reshape(copy(transpose(a, order_a)), { m, k });
    NDArray bt = reshape(copy(transpose(b, order_b)), { k, n });
    return reshape(matmul(at, bt), out_shape);
}

NDArray trace(const NDArray& a, int64_t offset, int64_t axis1, int64_t axis2)
{
    if (a.ndim() < 2)
        value_error("diag requires an array of at least two dimensions");
    int64_t x = check_axis(axis1, a.ndim()), y = check_axis(axis2, a.ndim());
    NDArray moved = moveaxis(a, { x, y }, { a.ndim() - 2, a.ndim() - 1 });
    Shape out_shape(moved.shape.begin(), moved.shape.end() - 2);
    DType dtype = a.dtype;
    if (dtype_kind(dtype) == 'b' || (dtype_kind(dtype) == 'i' && dtype_itemsize(dtype) < 8))
        dtype = DType::Int64;
    if (dtype_kind(dtype) == 'u' && dtype_itemsize(dtype) < 8)
        dtype = DType::UInt64;
    NDArray source = astype(moved, dtype);
    NDArray result = NDArray::zeros(dtype, out_shape);
    int64_t rows = source.shape[source.shape.size() - 2], cols = source.shape.back();
    int64_t batches = result.size();
    dispatch_dtype(dtype, [&]<typename T>() {
        const T* p = reinterpret_cast<const T*>(source.data());
        T* out = reinterpret_cast<T*>(result.data());
        for (int64_t bi = 0; bi < batches; ++bi) {
            T sum = T(0);
            for (int64_t i = 0; i < rows; ++i) {
                int64_t j = i + offset;
                if (j >= 0 && j < cols) {
                    if constexpr (std::is_same_v<T, bool>)
                        sum = sum || p[bi * rows * cols + i * cols + j];
                    else
                        sum = static_cast<T>(sum + p[bi * rows * cols + i * cols + j]);
                }
            }
            out[bi] = sum;
        }
    });
    return result;
}

NDArray einsum(const std::string& subscripts_in, std::span<const NDArray> operands)
{
    std::string subscripts;
    for (char c : subscripts_in)
        if (c != ' ')
            subscripts += c;
    if (subscripts.find("...") != std::string::npos)
        value_error("einsum: ellipsis ('...') subscripts are not supported by ramba");
    std::string inputs_text = subscripts, output;
    bool explicit_output = false;
    size_t arrow = subscripts.find("->");
    if (arrow != std::string::npos) {
        inputs_text = subscripts.substr(0, arrow);
        output = subscripts.substr(arrow + 2);
        explicit_output = true;
    }
    std::vector<std::string> inputs;
    size_t start = 0;
    for (;;) {
        size_t comma = inputs_text.find(',', start);
        inputs.push_back(inputs_text.substr(start, comma - start));
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (inputs.size() != operands.size())
        value_error("more operands provided to einstein sum function than specified in the subscripts string");
    std::map<char, int64_t> extents, counts;
    for (size_t i = 0; i < inputs.size(); ++i) {
        if (static_cast<int64_t>(inputs[i].size()) != operands[i].ndim())
            value_error("einstein sum subscripts string contains too many subscripts for operand " + std::to_string(i));
        for (size_t d = 0; d < inputs[i].size(); ++d) {
            char c = inputs[i][d];
            int64_t extent = operands[i].shape[d];
            auto it = extents.find(c);
            if (it != extents.end() && it->second != extent && extent != 1 && it->second != 1)
                value_error("operands could not be broadcast together with remapped shapes");
            if (it == extents.end() || it->second == 1)
                extents[c] = extent;
            ++counts[c];
        }
    }
    if (!explicit_output) {
        for (auto& [c, count] : counts)
            if (count == 1)
                output += c;
    }
    std::string letters;
    for (auto& [c, e] : extents)
        letters += c;
    // Order: output letters first, then summed letters.
    std::string order = output;
    for (char c : letters)
        if (output.find(c) == std::string::npos)
            order += c;
    DType dtype = operands[0].dtype;
    for (const auto& o : operands)
        dtype = promote_types(dtype, o.dtype);
    Shape out_shape;
    for (char c : output)
        out_shape.push_back(extents[c]);
    NDArray result = NDArray::zeros(dtype, out_shape);
    std::vector<NDArray> cast;
    for (const auto& o : operands)
        cast.push_back(astype(o, dtype));
    // Strides of every operand (and the output) per letter in `order`.
    size_t L = order.size();
    std::vector<std::vector<int64_t>> strides(cast.size() + 1, std::vector<int64_t>(L, 0));
    for (size_t i = 0; i < cast.size(); ++i)
        for (size_t d = 0; d < inputs[i].size(); ++d)
            if (cast[i].shape[d] != 1)
                strides[i][order.find(inputs[i][d])] += cast[i].strides[d];
    for (size_t d = 0; d < output.size(); ++d)
        strides[cast.size()][d] = result.strides[d];
    std::vector<int64_t> extent_list;
    int64_t total = 1;
    for (char c : order) {
        extent_list.push_back(extents[c]);
        total *= extents[c];
    }
    if (total == 0)
        return result;
    dispatch_dtype(dtype, [&]<typename T>() {
        std::vector<int64_t> index(L, 0);
        for (int64_t flat = 0; flat < total; ++flat) {
            T product = T(1);
            for (size_t i = 0; i < cast.size(); ++i) {
                const std::byte* p = cast[i].data();
                for (size_t d = 0; d < L; ++d)
                    p += index[d] * strides[i][d];
                T v;
                std::memcpy(&v, p, sizeof(T));
                if constexpr (std::is_same_v<T, bool>)
                    product = product && v;
                else
                    product = static_cast<T>(product * v);
            }
            std::byte* q = result.data();
            for (size_t d = 0; d < L; ++d)
                q += index[d] * strides[cast.size()][d];
            T current;
            std::memcpy(&current, q, sizeof(T));
            if constexpr (std::is_same_v<T, bool>)
                current = current || product;
            else
                current = static_cast<T>(current + product);
            std::memcpy(q, &current, sizeof(T));
            for (size_t d = L; d-- > 0;) {
                if (++index[d] < extent_list[d])
                    break;
                index[d] = 0;
            }
        }
    });
    return result;
}

} // namespace ramba::engine
