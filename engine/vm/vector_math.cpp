// libmvec's AVX2 entry points called explicitly through intrinsics. Explicit calls (rather than
// relying on -ffast-math + `omp declare simd` to make GCC emit them) keep IEEE flags everywhere else
// and make "is the vector version really used" a fact of the source, not of the compiler's mood.
#include "engine/vm/vector_math.hpp"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <immintrin.h>
#include <type_traits>

#include "base/error.hpp"

#define RAMBA_VECTOR_FNS1(X) \
    X(Sin, sin) X(Cos, cos) X(Tan, tan) X(Asin, asin) X(Acos, acos) X(Atan, atan) X(Sinh, sinh) \
    X(Cosh, cosh) X(Tanh, tanh) X(Asinh, asinh) X(Acosh, acosh) X(Atanh, atanh) X(Exp, exp)    \
    X(Exp2, exp2) X(Expm1, expm1) X(Log, log) X(Log2, log2) X(Log10, log10) X(Log1p, log1p)   \
    X(Cbrt, cbrt) X(Erf, erf)
#define RAMBA_VECTOR_FNS2(X) X(Atan2, atan2) X(Hypot, hypot) X(Pow, pow)

extern "C" {
#define RAMBA_X(e, fn) __m256d _ZGVdN4v_##fn(__m256d); __m256 _ZGVdN8v_##fn##f(__m256);
RAMBA_VECTOR_FNS1(RAMBA_X)
#undef RAMBA_X
#define RAMBA_X(e, fn) __m256d _ZGVdN4vv_##fn(__m256d, __m256d); __m256 _ZGVdN8vv_##fn##f(__m256, __m256);
RAMBA_VECTOR_FNS2(RAMBA_X)
#undef RAMBA_X
}

namespace ramba::vm {

bool vector_math_available()
{
    static const bool available = [] {
        const char* env = std::getenv("RAMBA_VECTOR_MATH");
        if (env && std::strcmp(env, "0") == 0) return false;
        __builtin_cpu_init();
        return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }();
    return available;
}

namespace {

using Fn1d = __m256d (*)(__m256d);
using Fn1f = __m256 (*)(__m256);
using Fn2d = __m256d (*)(__m256d, __m256d);
using Fn2f = __m256 (*)(__m256, __m256);

Fn1d fn1d(VectorFn f)
{
    switch (f) {
#define RAMBA_X(e, n) case VectorFn::e: return &_ZGVdN4v_##n;
        RAMBA_VECTOR_FNS1(RAMBA_X)
#undef RAMBA_X
    default: return nullptr;
    }
}
Fn1f fn1f(VectorFn f)
{
    switch (f) {
#define RAMBA_X(e, n) case VectorFn::e: return &_ZGVdN8v_##n##f;
        RAMBA_VECTOR_FNS1(RAMBA_X)
#undef RAMBA_X
    default: return nullptr;
    }
}

// The tail goes through the same vector function on a padded copy (padding 1.0 keeps every
// function in its quiet domain), so element i's value never depends on where the array ends.
__attribute__((target("avx2,fma"))) void map_1d(Fn1d f, const double* in, double* out, int64_t n)
{
    int64_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm256_storeu_pd(out + i, f(_mm256_loadu_pd(in + i)));
    if (i < n) {
        alignas(32) double tmp[4] = { 1, 1, 1, 1 };
        std::memcpy(tmp, in + i, (n - i) * sizeof(double));
        _mm256_store_pd(tmp, f(_mm256_load_pd(tmp)));
        std::memcpy(out + i, tmp, (n - i) * sizeof(double));
    }
}

__attribute__((target("avx2,fma"))) void map_1f(Fn1f f, const float* in, float* out, int64_t n)
{
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, f(_mm256_loadu_ps(in + i)));
    if (i < n) {
        alignas(32) float tmp[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
        std::memcpy(tmp, in + i, (n - i) * sizeof(float));
        _mm256_store_ps(tmp, f(_mm256_load_ps(tmp)));
        std::memcpy(out + i, tmp, (n - i) * sizeof(float));
    }
}

// The two-argument maps call their function directly (a template argument): through a pointer,
// clang's fuzzing instrumentation (-fsanitize=fuzzer) lost the upper half of the second argument.
template<Fn2d F> __attribute__((target("avx2,fma"))) void map_2d(const double* a, const double* b, double* out, int64_t n)
{
    int64_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm256_storeu_pd(out + i, F(_mm256_loadu_pd(a + i), _mm256_loadu_pd(b + i)));
    if (i < n) {
        alignas(32) double ta[4] = { 1, 1, 1, 1 }, tb[4] = { 1, 1, 1, 1 };
        std::memcpy(ta, a + i, (n - i) * sizeof(double));
        std::memcpy(tb, b + i, (n - i) * sizeof(double));
        _mm256_store_pd(ta, F(_mm256_load_pd(ta), _mm256_load_pd(tb)));
        std::memcpy(out + i, ta, (n - i) * sizeof(double));
    }
}

template<Fn2f F> __attribute__((target("avx2,fma"))) void map_2f(const float* a, const float* b, float* out, int64_t n)
{
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, F(_mm256_loadu_ps(a + i), _mm256_loadu_ps(b + i)));
    if (i < n) {
        alignas(32) float ta[8] = { 1, 1, 1, 1, 1, 1, 1, 1 }, tb[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
        std::memcpy(ta, a + i, (n - i) * sizeof(float));
        std::memcpy(tb, b + i, (n - i) * sizeof(float));
        _mm256_store_ps(ta, F(_mm256_load_ps(ta), _mm256_load_ps(tb)));
        std::memcpy(out + i, ta, (n - i) * sizeof(float));
    }
}

// The exact functions (floor/ceil/trunc/rint and sqrt: one correctly rounded result each) give the
// scalar functions' bits and numpy's: NaN stays NaN, -0.0 and infinities kept; rounding uses NO_EXC
// so the inexact flag stays quiet, as in numpy's loops; sqrt of a negative raises FE_INVALID as the
// scalar sqrt does.
template<VectorFn F> __attribute__((target("avx2"), always_inline)) inline __m256d exact_pd(__m256d x)
{
    if constexpr (F == VectorFn::Sqrt) return _mm256_sqrt_pd(x);
    else if constexpr (F == VectorFn::Floor) return _mm256_round_pd(x, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    else if constexpr (F == VectorFn::Ceil) return _mm256_round_pd(x, _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC);
    else if constexpr (F == VectorFn::Trunc) return _mm256_round_pd(x, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    else return _mm256_round_pd(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
}

template<VectorFn F> __attribute__((target("avx2"), always_inline)) inline __m256 exact_ps(__m256 x)
{
    if constexpr (F == VectorFn::Sqrt) return _mm256_sqrt_ps(x);
    else if constexpr (F == VectorFn::Floor) return _mm256_round_ps(x, _MM_FROUND_TO_NEG_INF | _MM_FROUND_NO_EXC);
    else if constexpr (F == VectorFn::Ceil) return _mm256_round_ps(x, _MM_FROUND_TO_POS_INF | _MM_FROUND_NO_EXC);
    else if constexpr (F == VectorFn::Trunc) return _mm256_round_ps(x, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
    else return _mm256_round_ps(x, _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
}

// The tail goes through a padded vector (padding 1.0: no flag raised), as map_1d's does.
template<VectorFn F> __attribute__((target("avx2"))) void exact_1d(const double* in, double* out, int64_t n)
{
    int64_t i = 0;
    for (; i + 4 <= n; i += 4)
        _mm256_storeu_pd(out + i, exact_pd<F>(_mm256_loadu_pd(in + i)));
    if (i < n) {
        alignas(32) double tmp[4] = { 1, 1, 1, 1 };
        std::memcpy(tmp, in + i, (n - i) * sizeof(double));
        _mm256_store_pd(tmp, exact_pd<F>(_mm256_load_pd(tmp)));
        std::memcpy(out + i, tmp, (n - i) * sizeof(double));
    }
}

template<VectorFn F> __attribute__((target("avx2"))) void exact_1f(const float* in, float* out, int64_t n)
{
    int64_t i = 0;
    for (; i + 8 <= n; i += 8)
        _mm256_storeu_ps(out + i, exact_ps<F>(_mm256_loadu_ps(in + i)));
    if (i < n) {
        alignas(32) float tmp[8] = { 1, 1, 1, 1, 1, 1, 1, 1 };
        std::memcpy(tmp, in + i, (n - i) * sizeof(float));
        _mm256_store_ps(tmp, exact_ps<F>(_mm256_load_ps(tmp)));
        std::memcpy(out + i, tmp, (n - i) * sizeof(float));
    }
}

// True (and done) when f is one of the exact functions.
template<typename T>
bool exact_map(VectorFn f, const T* in, T* out, int64_t n)
{
    auto run = [&]<VectorFn F>() {
        if constexpr (std::is_same_v<T, double>) exact_1d<F>(in, out, n);
        else exact_1f<F>(in, out, n);
        return true;
    };
    switch (f) {
    case VectorFn::Sqrt: return run.template operator()<VectorFn::Sqrt>();
    case VectorFn::Floor: return run.template operator()<VectorFn::Floor>();
    case VectorFn::Ceil: return run.template operator()<VectorFn::Ceil>();
    case VectorFn::Trunc: return run.template operator()<VectorFn::Trunc>();
    case VectorFn::Rint: return run.template operator()<VectorFn::Rint>();
    default: return false;
    }
}

} // namespace

void vector_map(VectorFn f, const double* in, double* out, int64_t n)
{
    if (exact_map(f, in, out, n))
        return;
    auto fn = fn1d(f);
    RAMBA_ASSERT(fn && vector_math_available(), "kernels ask only for listed functions on AVX2 CPUs");
    map_1d(fn, in, out, n);
}

void vector_map(VectorFn f, const float* in, float* out, int64_t n)
{
    if (exact_map(f, in, out, n))
        return;
    auto fn = fn1f(f);
    RAMBA_ASSERT(fn && vector_math_available(), "kernels ask only for listed functions on AVX2 CPUs");
    map_1f(fn, in, out, n);
}

void vector_map(VectorFn f, const double* a, const double* b, double* out, int64_t n)
{
    RAMBA_ASSERT(vector_math_available(), "kernels ask only for listed functions on AVX2 CPUs");
    switch (f) {
#define RAMBA_X(e, fn) case VectorFn::e: return map_2d<&_ZGVdN4vv_##fn>(a, b, out, n);
        RAMBA_VECTOR_FNS2(RAMBA_X)
#undef RAMBA_X
    default: RAMBA_ASSERT(false, "kernels ask only for listed functions on AVX2 CPUs");
    }
}

void vector_map(VectorFn f, const float* a, const float* b, float* out, int64_t n)
{
    RAMBA_ASSERT(vector_math_available(), "kernels ask only for listed functions on AVX2 CPUs");
    switch (f) {
#define RAMBA_X(e, fn) case VectorFn::e: return map_2f<&_ZGVdN8vv_##fn##f>(a, b, out, n);
        RAMBA_VECTOR_FNS2(RAMBA_X)
#undef RAMBA_X
    default: RAMBA_ASSERT(false, "kernels ask only for listed functions on AVX2 CPUs");
    }
}

} // namespace ramba::vm
