// OpenBLAS (cblas) and LAPACKE, loaded on first use instead of at start-up.
// Used by engine/array/linalg*.cpp and blas_threads.cpp; every BLAS/LAPACK call goes through library().
#pragma once

#include <cblas.h>
#include <lapacke.h>

namespace ramba::engine::blas {

// OPTIMIZATION: a linked OpenBLAS starts a server thread per core in its constructor, and each spins
// on sched_yield for about 0.1 s before it sleeps, whether or not the program ever multiplies a
// matrix. On two cores that took a core from our kernels for the first tenth of a second of every
// run (and fifteen cores on a sixteen-core machine). Loaded here on the first call, with
// OPENBLAS_NUM_THREADS=1 and a short OPENBLAS_THREAD_TIMEOUT unless the user set them,
// OpenBLAS starts no threads until a BlasParallelScope asks for them, and they sleep soon after.
struct Library {
    decltype(&::cblas_dgemm) dgemm;
    decltype(&::cblas_sgemm) sgemm;
    decltype(&::cblas_zgemm) zgemm;
    decltype(&::cblas_ddot) ddot;
    decltype(&::cblas_sdot) sdot;
    decltype(&::LAPACKE_dgesv) dgesv;
    decltype(&::LAPACKE_zgesv) zgesv;
    decltype(&::LAPACKE_dgetrf) dgetrf;
    decltype(&::LAPACKE_zgetrf) zgetrf;
    decltype(&::LAPACKE_dgeev) dgeev;
    decltype(&::LAPACKE_dsyevd) dsyevd;
    decltype(&::LAPACKE_dgesdd) dgesdd;
    decltype(&::LAPACKE_zgesdd) zgesdd;
    decltype(&::LAPACKE_zgeev) zgeev;
    decltype(&::LAPACKE_zheevd) zheevd;
    decltype(&::LAPACKE_dgeqrf) dgeqrf;
    decltype(&::LAPACKE_zgeqrf) zgeqrf;
    decltype(&::LAPACKE_dorgqr) dorgqr;
    decltype(&::LAPACKE_zungqr) zungqr;
    decltype(&::LAPACKE_dpotrf) dpotrf;
    decltype(&::LAPACKE_zpotrf) zpotrf;
    decltype(&::LAPACKE_dgelsd) dgelsd;
    decltype(&::LAPACKE_zgelsd) zgelsd;
    void (*set_num_threads)(int);
};

// The loaded library; a RuntimeError naming the missing file or symbol when it cannot be loaded.
const Library& library();

// Whether library() has been called successfully (so thread limits need not load it).
bool loaded();

} // namespace ramba::engine::blas
