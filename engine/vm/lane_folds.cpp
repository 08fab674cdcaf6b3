// The lane folds, written once with GCC vector types (32 bytes: one AVX2 register, two SSE2 ones)
// and built twice by target_clones, as pairwise.cpp is. The lanes are the same on both builds, so
// results never depend on the CPU.
#include "engine/vm/lane_folds.hpp"

#include <cstring>

// The helpers below pass 32-byte vectors by value but are always inlined, so no call ever uses the
// ABI GCC warns about for the baseline build.
#pragma GCC diagnostic ignored "-Wpsabi"

namespace ramba::vm {

namespace {

typedef double V4d __attribute__((vector_size(32)));
typedef float V8f __attribute__((vector_size(32)));

template<typename T> struct Lanes;
template<> struct Lanes<double> { using V = V4d; };
template<> struct Lanes<float> { using V = V8f; };

template<typename V, typename T>
[[gnu::always_inline]] inline V load(const T* p)
{
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

// numpy's order-free comparisons: `better(x, m)` keeps m on ties and when x is NaN.
template<bool Max, typename X>
[[gnu::always_inline]] inline X pick(X x, X m)
{
    if constexpr (Max)
        return x > m ? x : m;
    else
        return x < m ? x : m;
}

// OPTIMIZATION: four independent vector accumulators and a NaN mask instead of numpy's serial
// NaN-aware chain; the loop runs at memory speed (max of 10^7 float64 took 2x numpy's time before).
template<bool Max, typename T>
[[gnu::always_inline]] inline T extremum(const T* p, int64_t n, bool& nan)
{
    using V = typename Lanes<T>::V;
    constexpr int64_t width = sizeof(V) / sizeof(T);
    int64_t i = 0;
    T result;
    bool seen = false;
    if (n >= 4 * width) {
        V m0 = load<V>(p), m1 = load<V>(p + width), m2 = load<V>(p + 2 * width), m3 = load<V>(p + 3 * width);
        auto bad = (m0 != m0) | (m1 != m1) | (m2 != m2) | (m3 != m3);
        for (i = 4 * width; i + 4 * width <= n; i += 4 * width) {
            V x0 = load<V>(p + i), x1 = load<V>(p + i + width), x2 = load<V>(p + i + 2 * width), x3 = load<V>(p + i + 3 * width);
            // A NaN makes the sum NaN: one compare per four vectors. inf + -inf (or an overflow to
            // both infinities) also does, which only sends the run to the exact loop.
            V sum = (x0 + x1) + (x2 + x3);
            bad |= sum != sum;
            m0 = pick<Max>(x0, m0);
            m1 = pick<Max>(x1, m1);
            m2 = pick<Max>(x2, m2);
            m3 = pick<Max>(x3, m3);
        }
        m0 = pick<Max>(pick<Max>(m1, m0), pick<Max>(m3, m2));
        result = m0[0];
        for (int64_t l = 1; l < width; ++l)
            result = pick<Max>(m0[l], result);
        for (int64_t l = 0; l < width; ++l)
            seen |= bad[l] != 0;
    } else {
        result = p[0];
        i = 1;
    }
    for (; i < n; ++i) {
        T x = p[i];
        seen |= x != x;
        result = pick<Max>(x, result);
    }
    nan = seen || result != result;
    return result;
}

// Chunks small enough to rescan from L1: the first chunk holding a NaN, or the first chunk whose
// extremum beats every earlier one, is searched again for the first matching index.
template<bool Max, typename T>
[[gnu::always_inline]] inline int64_t first_arg(const T* p, int64_t n)
{
    constexpr int64_t chunk = 2048;
    T best {};
    int64_t best_start = -1;
    for (int64_t start = 0; start < n; start += chunk) {
        int64_t count = n - start < chunk ? n - start : chunk;
        bool nan = false;
        T value = extremum<Max>(p + start, count, nan);
        if (nan) {
            for (int64_t k = start; k < start + count; ++k) {
                if (p[k] != p[k])
                    return k;
            }
        }
        if (best_start < 0 || (Max ? value > best : value < best)) {
            best = value;
            best_start = start;
        }
    }
    for (int64_t k = best_start;; ++k) {
        if (p[k] == best)
            return k;
    }
}

template<typename T>
[[gnu::always_inline]] inline T product(const T* p, int64_t n)
{
    using V = typename Lanes<T>::V;
    constexpr int64_t width = sizeof(V) / sizeof(T);
    V one;
    for (int64_t l = 0; l < width; ++l)
        one[l] = T(1);
    V a0 = one, a1 = one, a2 = one, a3 = one;
    int64_t i = 0;
    for (; i + 4 * width <= n; i += 4 * width) {
        a0 *= load<V>(p + i);
        a1 *= load<V>(p + i + width);
        a2 *= load<V>(p + i + 2 * width);
        a3 *= load<V>(p + i + 3 * width);
    }
    a0 = (a0 * a1) * (a2 * a3);
    T result = a0[0];
    for (int64_t l = 1; l < width; ++l)
        result *= a0[l];
    for (; i < n; ++i)
        result *= p[i];
    return result;
}

} // namespace

#define RAMBA_CLONES __attribute__((target_clones("avx2", "default")))

RAMBA_CLONES double lane_max(const double* p, int64_t n, bool& nan) { return extremum<true>(p, n, nan); }
RAMBA_CLONES double lane_min(const double* p, int64_t n, bool& nan) { return extremum<false>(p, n, nan); }
RAMBA_CLONES float lane_max(const float* p, int64_t n, bool& nan) { return extremum<true>(p, n, nan); }
RAMBA_CLONES float lane_min(const float* p, int64_t n, bool& nan) { return extremum<false>(p, n, nan); }

RAMBA_CLONES int64_t first_argmax(const double* p, int64_t n) { return first_arg<true>(p, n); }
RAMBA_CLONES int64_t first_argmin(const double* p, int64_t n) { return first_arg<false>(p, n); }
RAMBA_CLONES int64_t first_argmax(const float* p, int64_t n) { return first_arg<true>(p, n); }
RAMBA_CLONES int64_t first_argmin(const float* p, int64_t n) { return first_arg<false>(p, n); }

RAMBA_CLONES double lane_product(const double* p, int64_t n) { return product(p, n); }
RAMBA_CLONES float lane_product(const float* p, int64_t n) { return product(p, n); }

#undef RAMBA_CLONES

} // namespace ramba::vm
