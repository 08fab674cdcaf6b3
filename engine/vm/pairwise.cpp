// The contiguous pairwise sums, built twice (AVX2 and baseline x86-64) and picked at load time, so
// the portable build still sums with 256-bit vectors where the CPU has them. Same tree, same bits.
#include "engine/vm/pairwise.hpp"

namespace ramba::vm {

// The body of numpy's pairwise sum (PW_BLOCKSIZE 128); the recursion calls the clone itself.
#define RAMBA_PAIRWISE_BODY(T, self)                                                      \
    if (n < 8) {                                                                          \
        T res = 0.;                                                                       \
        for (int64_t i = 0; i < n; ++i) res += a[i];                                      \
        return res;                                                                       \
    }                                                                                     \
    if (n <= 128) {                                                                       \
        T r[8];                                                                           \
        for (int j = 0; j < 8; ++j) r[j] = a[j];                                          \
        int64_t i;                                                                        \
        for (i = 8; i < n - (n % 8); i += 8) {                                            \
            for (int j = 0; j < 8; ++j) r[j] += a[i + j];                                 \
        }                                                                                 \
        T res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));       \
        for (; i < n; ++i) res += a[i];                                                   \
        return res;                                                                       \
    }                                                                                     \
    int64_t n2 = n / 2;                                                                   \
    n2 -= n2 % 8;                                                                         \
    return self(a, n2) + self(a + n2, n - n2);

__attribute__((target_clones("avx2", "default"))) double pairwise_sum_f64(const double* a, int64_t n)
{
    RAMBA_PAIRWISE_BODY(double, pairwise_sum_f64)
}

__attribute__((target_clones("avx2", "default"))) float pairwise_sum_f32(const float* a, int64_t n)
{
    RAMBA_PAIRWISE_BODY(float, pairwise_sum_f32)
}

#undef RAMBA_PAIRWISE_BODY

} // namespace ramba::vm
