// OpenBLAS's thread count: one thread outside BLAS calls, all of ramba's threads inside matrix products.
// Used by engine/array/linalg*.cpp around the calls that profit from threads.
#pragma once

namespace ramba::engine {

// OPTIMIZATION: OpenBLAS's server threads spin (sched_yield) while waiting for work, stealing cycles
// from our OpenMP kernels on a small machine: float64 sum of 10^7 on the 2-vCPU EPYC took 16 ms with
// them and 4 ms with OPENBLAS_NUM_THREADS=1 (scripts/bench/run --group array --filter reduce). So
// OpenBLAS is loaded on first use with one thread (blas.hpp) and runs single-threaded except inside a
// BlasParallelScope, which lends it ramba's thread count for one call.
void limit_blas_threads();

class BlasParallelScope {
public:
    BlasParallelScope();
    ~BlasParallelScope();
    BlasParallelScope(const BlasParallelScope&) = delete;
    BlasParallelScope& operator=(const BlasParallelScope&) = delete;
};

} // namespace ramba::engine
