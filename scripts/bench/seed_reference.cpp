// Hand-written C++ reference for the seed workload (A = arange(N)/1000.0; B = sin(A); C = cos(A);
// D = B*B + C**2): one fused, blocked OpenMP loop over glibc's vector math, writing only D.
// Build: g++ -O3 -march=native -mprefer-vector-width=256 -ffast-math -fopenmp seed_reference.cpp
//        -o seed_reference -lmvec  (znver1 prefers 128-bit vectors, which would pick _ZGVbN2v_sin)
// (-ffast-math only here: it makes glibc's math.h declare the `omp declare simd` variants, so the
// sin/cos loops call _ZGVdN4v_sin/_ZGVeN8v_sin). Run: seed_reference N [repeats]; prints seconds
// of the best repeat, then D[:3] and D.sum() as a check. Threads: OMP_NUM_THREADS.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <omp.h>

int main(int argc, char** argv)
{
    long n = argc > 1 ? std::atol(argv[1]) : 10000000;
    int repeats = argc > 2 ? std::atoi(argv[2]) : 3;
    constexpr long block = 2048;
    double best = 1e30;
    double check_sum = 0, d0 = 0, d1 = 0, d2 = 0;
    for (int r = 0; r < repeats; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        // A fresh output each run, as `D = ...` allocates one in numpy and ramba.
        std::unique_ptr<double[]> d(new double[n]);
        long blocks = (n + block - 1) / block;
#pragma omp parallel for schedule(static)
        for (long b = 0; b < blocks; ++b) {
            double a[block], s[block], c[block];
            long start = b * block;
            long count = std::min(block, n - start);
#pragma omp simd
            for (long i = 0; i < count; ++i) a[i] = static_cast<double>(start + i) / 1000.0;
#pragma omp simd
            for (long i = 0; i < count; ++i) s[i] = std::sin(a[i]);
#pragma omp simd
            for (long i = 0; i < count; ++i) c[i] = std::cos(a[i]);
            double* out = d.get() + start;
#pragma omp simd
            for (long i = 0; i < count; ++i) out[i] = s[i] * s[i] + c[i] * c[i];
        }
        auto t1 = std::chrono::steady_clock::now();
        best = std::min(best, std::chrono::duration<double>(t1 - t0).count());
        double sum = 0;
#pragma omp parallel for reduction(+ : sum)
        for (long i = 0; i < n; ++i) sum += d[i];
        check_sum = sum;
        d0 = d[0], d1 = d[1], d2 = d[2];
    }
    std::printf("%.6f\n", best);
    std::fprintf(stderr, "threads=%d D[:3]=[%.8f %.8f %.8f] sum=%.6f\n", omp_get_max_threads(), d0, d1, d2, check_sum);
    return 0;
}
