// Hand-written C++ references for the other issue-4 workloads: one fused OpenMP loop each, blocked
// where vector math is involved. Build like seed_reference.cpp:
//   g++ -O3 -march=native -mprefer-vector-width=256 -ffast-math -fopenmp workloads_reference.cpp
//       -o workloads_reference -lmvec
// Run: workloads_reference WORKLOAD [N] — prints the best of 3 in seconds on stdout, a check value
// on stderr. Workloads (as in scripts/bench):
//   blackscholes N   call/put prices for N options (exp, log, sqrt, erf)
//   reductions N     sum, mean, std, max of N float64 and (a*b).sum()
//   whereclip N      np.where(a > 0.5, a, -a) clipped to [-0.25, 0.75] and compared
//   jacobi N SWEEPS  2-D 5-point Jacobi on N x N, SWEEPS sweeps
//   smap N           a piecewise polynomial with a branch per element
// -ffast-math is safe here: the inputs hold no NaN or inf.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <omp.h>

namespace {

constexpr long block = 2048;

double best_of_3(const std::function<double()>& run)
{
    double best = 1e30, check = 0;
    for (int r = 0; r < 3; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        check = run();
        best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    std::fprintf(stderr, "threads=%d check=%.10g\n", omp_get_max_threads(), check);
    return best;
}

std::unique_ptr<double[]> filled(long n, double scale, double offset)
{
    std::unique_ptr<double[]> a(new double[n]);
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; ++i) a[i] = offset + scale * ((i * 7919) % 10007) / 10007.0;
    return a;
}

double blackscholes(long n)
{
    auto price = filled(n, 50, 10), strike = filled(n, 50, 10), years = filled(n, 2, 0.1);
    std::unique_ptr<double[]> call(new double[n]), put(new double[n]);
    const double rate = 0.02, volatility = 0.3;
    long blocks = (n + block - 1) / block;
#pragma omp parallel for schedule(static)
    for (long b = 0; b < blocks; ++b) {
        long start = b * block, count = std::min(block, n - start);
        double d1[block], d2[block], e[block];
        const double *s = price.get() + start, *k = strike.get() + start, *t = years.get() + start;
#pragma omp simd
        for (long i = 0; i < count; ++i) {
            double root = std::sqrt(t[i]);
            d1[i] = (std::log(s[i] / k[i]) + (rate + 0.5 * volatility * volatility) * t[i]) / (volatility * root);
            d2[i] = d1[i] - volatility * root;
            e[i] = k[i] * std::exp(-rate * t[i]);
        }
#pragma omp simd
        for (long i = 0; i < count; ++i) {
            double n1 = 0.5 * (1 + std::erf(d1[i] / std::sqrt(2.0)));
            double n2 = 0.5 * (1 + std::erf(d2[i] / std::sqrt(2.0)));
            call[start + i] = s[i] * n1 - e[i] * n2;
            put[start + i] = e[i] * (1 - n2) - s[i] * (1 - n1);
        }
    }
    return call[n / 2] + put[n / 3];
}

double reductions(long n)
{
    auto a = filled(n, 1, 0), b = filled(n, 2, -1);
    double sum = 0, max = -INFINITY, dot = 0;
#pragma omp parallel for reduction(+ : sum, dot) reduction(max : max) schedule(static)
    for (long i = 0; i < n; ++i) {
        sum += a[i];
        max = std::max(max, a[i]);
        dot += a[i] * b[i];
    }
    double mean = sum / n, squares = 0;
#pragma omp parallel for reduction(+ : squares) schedule(static)
    for (long i = 0; i < n; ++i) squares += (a[i] - mean) * (a[i] - mean);
    return sum + mean + std::sqrt(squares / n) + max + dot;
}

double whereclip(long n)
{
    auto a = filled(n, 1, 0);
    std::unique_ptr<bool[]> out(new bool[n]);
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; ++i) {
        double x = a[i] > 0.5 ? a[i] : -a[i];
        x = std::min(std::max(x, -0.25), 0.75);
        out[i] = x >= 0;
    }
    return out[n / 2];
}

double jacobi(long n, int sweeps)
{
    std::unique_ptr<double[]> u(new double[n * n]), v(new double[n * n]);
    std::memset(u.get(), 0, n * n * sizeof(double));
    for (long j = 0; j < n; ++j) u[j] = 1.0; // hot top edge
    std::memcpy(v.get(), u.get(), n * n * sizeof(double));
    for (int s = 0; s < sweeps; ++s) {
#pragma omp parallel for schedule(static)
        for (long i = 1; i < n - 1; ++i) {
#pragma omp simd
            for (long j = 1; j < n - 1; ++j)
                v[i * n + j] = 0.25 * (u[(i - 1) * n + j] + u[(i + 1) * n + j] + u[i * n + j - 1] + u[i * n + j + 1]);
        }
        std::swap(u, v);
    }
    return u[(n / 2) * n + n / 2];
}

double smap(long n)
{
    auto a = filled(n, 4, -2);
    std::unique_ptr<double[]> out(new double[n]);
#pragma omp parallel for schedule(static)
    for (long i = 0; i < n; ++i) {
        double x = a[i];
        out[i] = x < 0 ? 1 + x * (0.5 + x * 0.25) : 1 - x * (0.3 - x * (0.1 + x * 0.01));
    }
    return out[n / 2];
}

} // namespace

int main(int argc, char** argv)
{
    const char* workload = argc > 1 ? argv[1] : "blackscholes";
    long n = argc > 2 ? std::atol(argv[2]) : 10000000;
    double seconds;
    if (!std::strcmp(workload, "blackscholes")) seconds = best_of_3([&] { return blackscholes(n); });
    else if (!std::strcmp(workload, "reductions")) seconds = best_of_3([&] { return reductions(n); });
    else if (!std::strcmp(workload, "whereclip")) seconds = best_of_3([&] { return whereclip(n); });
    else if (!std::strcmp(workload, "jacobi")) seconds = best_of_3([&] { return jacobi(n, argc > 3 ? std::atoi(argv[3]) : 100); });
    else if (!std::strcmp(workload, "smap")) seconds = best_of_3([&] { return smap(n); });
    else {
        std::fprintf(stderr, "unknown workload %s\n", workload);
        return 2;
    }
    std::printf("%.6f\n", seconds);
    return 0;
}
