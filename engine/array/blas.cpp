// Loading OpenBLAS and LAPACKE with dlopen on first use (see blas.hpp for why).
#include "engine/array/blas.hpp"

#include <atomic>
#include <cstdlib>
#include <dlfcn.h>
#include <mutex>
#include <string>

#include "base/error.hpp"

namespace ramba::engine::blas {

namespace {

// Debian's runtime names (libopenblas0-pthread via the libopenblas.so.0 alternative, liblapacke).
constexpr const char* openblas_file = "libopenblas.so.0";
constexpr const char* lapacke_file = "liblapacke.so.3";

std::atomic<bool> s_loaded { false };

[[noreturn]] void fail(const std::string& what)
{
    throw RambaError(ErrorKind::RuntimeError, "linear algebra needs OpenBLAS and LAPACKE: " + what);
}

void* open(const char* file)
{
    void* handle = dlopen(file, RTLD_NOW | RTLD_GLOBAL);
    if (!handle) {
        const char* why = dlerror();
        fail(why ? why : std::string("cannot load ") + file);
    }
    return handle;
}

template<typename Function>
void bind(void* handle, const char* name, Function& slot)
{
    void* symbol = dlsym(handle, name);
    if (!symbol)
        fail(std::string("symbol ") + name + " not found");
    slot = reinterpret_cast<Function>(symbol);
}

Library load()
{
    // Read by OpenBLAS's constructor: no server threads at load, and short spins after each call.
    setenv("OPENBLAS_NUM_THREADS", "1", 0);
    setenv("OPENBLAS_THREAD_TIMEOUT", "20", 0);
    void* openblas = open(openblas_file);
    void* lapacke = open(lapacke_file);
    Library library {};
    bind(openblas, "cblas_dgemm", library.dgemm);
    bind(openblas, "cblas_sgemm", library.sgemm);
    bind(openblas, "cblas_zgemm", library.zgemm);
    bind(openblas, "cblas_ddot", library.ddot);
    bind(openblas, "cblas_sdot", library.sdot);
    bind(openblas, "openblas_set_num_threads", library.set_num_threads);
    bind(lapacke, "LAPACKE_dgesv", library.dgesv);
    bind(lapacke, "LAPACKE_zgesv", library.zgesv);
    bind(lapacke, "LAPACKE_dgetrf", library.dgetrf);
    bind(lapacke, "LAPACKE_zgetrf", library.zgetrf);
    bind(lapacke, "LAPACKE_dgeev", library.dgeev);
    bind(lapacke, "LAPACKE_dsyevd", library.dsyevd);
    bind(lapacke, "LAPACKE_dgesdd", library.dgesdd);
    bind(lapacke, "LAPACKE_zgesdd", library.zgesdd);
    bind(lapacke, "LAPACKE_zgeev", library.zgeev);
    bind(lapacke, "LAPACKE_zheevd", library.zheevd);
    bind(lapacke, "LAPACKE_dgeqrf", library.dgeqrf);
    bind(lapacke, "LAPACKE_zgeqrf", library.zgeqrf);
    bind(lapacke, "LAPACKE_dorgqr", library.dorgqr);
    bind(lapacke, "LAPACKE_zungqr", library.zungqr);
    bind(lapacke, "LAPACKE_dpotrf", library.dpotrf);
    bind(lapacke, "LAPACKE_zpotrf", library.zpotrf);
    bind(lapacke, "LAPACKE_dgelsd", library.dgelsd);
    bind(lapacke, "LAPACKE_zgelsd", library.zgelsd);
    // The handles stay open for the life of the process.
    return library;
}

} // namespace

const Library& library()
{
    static std::mutex mutex;
    static Library s_library;
    if (s_loaded.load(std::memory_order_acquire))
        return s_library;
    std::lock_guard lock(mutex);
    if (!s_loaded.load(std::memory_order_relaxed)) {
        s_library = load();
        s_loaded.store(true, std::memory_order_release);
    }
    return s_library;
}

bool loaded() { return s_loaded.load(std::memory_order_acquire); }

} // namespace ramba::engine::blas
