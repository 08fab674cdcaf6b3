// numpy's pairwise summation, reproduced exactly (same split points, same 8-accumulator leaves), so
// reductions give numpy's bits. Used by reduce.cpp on each 8192-element buffer.
#pragma once

#include <complex>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <vector>

#include "engine/dtype/dtype.hpp"

namespace ramba::vm {

template<typename T> constexpr engine::DType dtype_of()
{
#define RAMBA_X(e, t, n, s, k, c) if constexpr (std::is_same_v<T, t>) return engine::DType::e; else
    RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
    static_assert(sizeof(T) == 0, "not a dtype's C++ type");
}

template<typename T> inline T load(const std::byte* p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}

// The contiguous sums, compiled for AVX2 and for the baseline (pairwise.cpp, target_clones).
double pairwise_sum_f64(const double* a, int64_t n);
float pairwise_sum_f32(const float* a, int64_t n);

// OPTIMIZATION: the contiguous case with plain pointers, so GCC keeps the 8 accumulators in
// vector registers (numpy's own loop is written the same way).
template<typename T>
inline T pairwise_sum_recursive(const T* a, int64_t n)
{
    if (n < 8) {
        T res = 0.;
        for (int64_t i = 0; i < n; ++i) res += a[i];
        return res;
    }
    if (n <= 128) {
        T r[8];
        for (int j = 0; j < 8; ++j) r[j] = a[j];
        int64_t i;
        for (i = 8; i < n - (n % 8); i += 8) {
            for (int j = 0; j < 8; ++j) r[j] += a[i + j];
        }
        T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i) res += a[i];
        return res;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_sum_recursive<T>(a, n2) + pairwise_sum_recursive<T>(a + n2, n - n2);
}

template<typename T>
T pairwise_sum_contiguous(const T* a, int64_t n)
{
    if constexpr (std::is_same_v<T, double>) return pairwise_sum_f64(a, n);
    else if constexpr (std::is_same_v<T, float>) return pairwise_sum_f32(a, n);
    else return pairwise_sum_recursive<T>(a, n);
}

// numpy's @TYPE@_pairwise_sum (PW_BLOCKSIZE 128) for float32/float64.
template<typename T>
T pairwise_sum_real(const std::byte* a, int64_t n, int64_t stride)
{
    if (stride == sizeof(T) && reinterpret_cast<uintptr_t>(a) % alignof(T) == 0)
        return pairwise_sum_contiguous<T>(reinterpret_cast<const T*>(a), n);
    if (n < 8) {
        T res = 0.;
        for (int64_t i = 0; i < n; ++i) res += load<T>(a + i * stride);
        return res;
    }
    if (n <= 128) {
        T r[8];
        for (int j = 0; j < 8; ++j) r[j] = load<T>(a + j * stride);
        int64_t i;
        for (i = 8; i < n - (n % 8); i += 8) {
            for (int j = 0; j < 8; ++j) r[j] += load<T>(a + (i + j) * stride);
        }
        T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < n; ++i) res += load<T>(a + i * stride);
        return res;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    return pairwise_sum_real<T>(a, n2, stride) + pairwise_sum_real<T>(a + n2 * stride, n - n2, stride);
}

// numpy's CDOUBLE_pairwise_sum: n counts doubles (2 per element), real and imaginary interleaved.
inline void pairwise_sum_complex(double& rr, double& ri, const std::byte* a, int64_t n, int64_t stride)
{
    auto part = [&](int64_t i) { return load<double>(a + (i / 2) * stride + (i % 2) * 8); };
    if (n < 8) {
        rr = 0.;
        ri = 0.;
        for (int64_t i = 0; i < n; i += 2) {
            rr += part(i);
            ri += part(i + 1);
        }
        return;
    }
    if (n <= 128) {
        double r[8];
        for (int j = 0; j < 8; ++j) r[j] = part(j);
        int64_t i;
        for (i = 8; i < n - (n % 8); i += 8) {
            for (int j = 0; j < 8; ++j) r[j] += part(i + j);
        }
        rr = ((r[0] + r[2]) + (r[4] + r[6]));
        ri = ((r[1] + r[3]) + (r[5] + r[7]));
        for (; i < n; i += 2) {
            rr += part(i);
            ri += part(i + 1);
        }
        return;
    }
    int64_t n2 = n / 2;
    n2 -= n2 % 8;
    double rr1, ri1, rr2, ri2;
    pairwise_sum_complex(rr1, ri1, a, n2, stride);
    pairwise_sum_complex(rr2, ri2, a + (n2 / 2) * stride, n - n2, stride);
    rr = rr1 + rr2;
    ri = ri1 + ri2;
}

template<typename T>
T pairwise_sum(const std::byte* a, int64_t n, int64_t stride)
{
    if constexpr (std::is_same_v<T, std::complex<double>>) {
        double rr, ri;
        pairwise_sum_complex(rr, ri, a, n * 2, stride);
        return { rr, ri };
    } else {
        return pairwise_sum_real<T>(a, n, stride);
    }
}

} // namespace ramba::vm
