// Vectorised folds of contiguous float runs: min/max with a NaN flag, argmin/argmax by chunks, and
// the product in lanes. reduce.cpp and program.cpp call them; each is built for AVX2 and baseline x86-64.
#pragma once

#include <cstdint>

namespace ramba::vm {

// The extremum of p[0..n) (n >= 1), folded in lanes; `nan` says whether any element was NaN (then
// the value is meaningless: numpy's answer is NaN, which the caller's exact loop reproduces).
// Without NaN the lanes' answer is numpy's, except that +0.0 and -0.0 tie: a zero result is exact
// in value, not necessarily in sign, so callers redo a zero result with numpy's left-to-right loop.
double lane_max(const double* p, int64_t n, bool& nan);
double lane_min(const double* p, int64_t n, bool& nan);
float lane_max(const float* p, int64_t n, bool& nan);
float lane_min(const float* p, int64_t n, bool& nan);

// numpy's argmax/argmin of p[0..n) (n >= 1): the index of the first NaN if there is one, else the
// first index of the extremum (+0.0 and -0.0 compare equal, as in numpy's loop).
int64_t first_argmax(const double* p, int64_t n);
int64_t first_argmin(const double* p, int64_t n);
int64_t first_argmax(const float* p, int64_t n);
int64_t first_argmin(const float* p, int64_t n);

// The product of p[0..n) in 16 (double) or 32 (float) lanes combined in a fixed order: the same bits
// on every CPU and thread count, but not the bits of numpy's left-to-right product (which is bound by
// the multiplier's latency). reduce.cpp uses it only where it already splits the product into chunks.
double lane_product(const double* p, int64_t n);
float lane_product(const float* p, int64_t n);

} // namespace ramba::vm
