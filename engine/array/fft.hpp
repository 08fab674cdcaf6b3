// numpy.fft's one transform (numpy 1.24's _raw_fft) through FFTW3: along one axis of an NDArray,
// the input cropped or zero-padded to n points first. The library's fft/ifft/rfft/irfft rows call it;
// the n-dimensional and Hermitian functions compose it, as numpy does.
#pragma once

#include <cstdint>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

enum class FftKind {
    Complex,      // complex128 -> complex128, n points
    RealForward,  // float64 -> complex128, n // 2 + 1 points (rfft)
    RealBackward, // complex128 -> float64, n points from the first n // 2 + 1 (irfft)
};

// The transform of length n along `axis`, each output times `scale`. `forward` picks the sign of
// the exponent (-1 forward) for FftKind::Complex. ValueError "Invalid number of FFT data points
// (0) specified." for n < 1, numpy's axis error for a bad axis.
NDArray fft_along_axis(const NDArray& a, int64_t n, int64_t axis, FftKind kind, bool forward, double scale);

} // namespace ramba::engine
