// Vectorised transcendental functions: thin loops over glibc's libmvec AVX2 variants (_ZGVdN4v_sin,
// _ZGVdN8v_sinf, ...). Kernels of ops whose ops.def row names a vector function call these for long arrays.
#pragma once

#include <cstdint>

namespace ramba::vm {

// The `vector` column of ops.def.
enum class VectorFn : uint8_t {
    None, Sin, Cos, Tan, Asin, Acos, Atan, Sinh, Cosh, Tanh, Asinh, Acosh, Atanh,
    Exp, Exp2, Expm1, Log, Log2, Log10, Log1p, Cbrt, Erf, Atan2, Hypot, Pow,
    // Exact (correctly rounded, the scalar functions' bits): AVX's rounding and square root; the
    // baseline build emulates floor per element and takes sqrt one element at a time.
    Floor, Ceil, Trunc, Rint, Sqrt,
};

// True when the CPU has AVX2 and FMA (checked once at run time); otherwise callers use scalar libm.
// RAMBA_VECTOR_MATH=0 turns the vector paths off (for comparisons).
bool vector_math_available();

// Accuracy: glibc documents its libmvec functions as accurate to 4 ulp; tests/unit/engine/vm_vector_math
// measures the bound against scalar libm on random and special inputs. NaN/inf inputs give the same
// results as scalar libm. Lanes past n are computed on copies, so every element is computed the same
// way wherever it sits in the array.
void vector_map(VectorFn, const double* in, double* out, int64_t n);
void vector_map(VectorFn, const float* in, float* out, int64_t n);
void vector_map(VectorFn, const double* a, const double* b, double* out, int64_t n);
void vector_map(VectorFn, const float* a, const float* b, float* out, int64_t n);

} // namespace ramba::vm
