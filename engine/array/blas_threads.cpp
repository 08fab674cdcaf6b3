// OpenBLAS's thread count (see blas_threads.hpp).
#include "engine/array/blas_threads.hpp"

#include "engine/vm/block.hpp"

extern "C" void openblas_set_num_threads(int); // libopenblas (linked by engine/CMakeLists.txt)

namespace ramba::engine {

namespace {
// Runs when the engine library is loaded, right after OpenBLAS's own start-up.
const bool blas_limited_at_start = (limit_blas_threads(), true);
}

void limit_blas_threads() { openblas_set_num_threads(1); }

BlasParallelScope::BlasParallelScope() { openblas_set_num_threads(vm::num_threads()); }

BlasParallelScope::~BlasParallelScope() { limit_blas_threads(); }

} // namespace ramba::engine
