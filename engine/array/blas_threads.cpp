// OpenBLAS's thread count (see blas_threads.hpp).
#include "engine/array/blas_threads.hpp"

#include "engine/array/blas.hpp"
#include "engine/vm/block.hpp"

namespace ramba::engine {

// Until the first BLAS call OpenBLAS is not loaded (blas.hpp) and has no threads to limit.
void limit_blas_threads()
{
    if (blas::loaded())
        blas::library().set_num_threads(1);
}

BlasParallelScope::BlasParallelScope() { blas::library().set_num_threads(vm::num_threads()); }

BlasParallelScope::~BlasParallelScope() { limit_blas_threads(); }

} // namespace ramba::engine
