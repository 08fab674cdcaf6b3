// Sorting and searching: sort/argsort along an axis (stable: numpy's default quicksort is not, so
// argsort ties may order differently from numpy's; values are identical), unique, searchsorted, isin.
#pragma once

#include <cmath>
#include <complex>
#include <type_traits>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

// numpy's sort order: NaN after every number; complex values by real part, then imaginary part.
template<typename T>
bool sort_less(const T& a, const T& b)
{
    if constexpr (std::is_same_v<T, std::complex<double>>) {
        if (a.real() != b.real())
            return a.real() < b.real() || (std::isnan(b.real()) && !std::isnan(a.real()));
        return a.imag() < b.imag() || (std::isnan(b.imag()) && !std::isnan(a.imag()));
    } else if constexpr (std::is_floating_point_v<T>) {
        return a < b || (std::isnan(b) && !std::isnan(a));
    } else {
        return a < b;
    }
}

NDArray sort(const NDArray&, int64_t axis);    // a sorted copy; NaN sorts last as in numpy
NDArray argsort(const NDArray&, int64_t axis); // int64 indices

struct UniqueResult {
    NDArray values;
    NDArray index;   // first occurrence (return_index)
    NDArray inverse; // return_inverse
    NDArray counts;  // return_counts
};
UniqueResult unique(const NDArray&); // flattened, sorted

// side_right: numpy's side='right'. `sorted` must be 1-d.
NDArray searchsorted(const NDArray& sorted, const NDArray& values, bool side_right);
NDArray isin(const NDArray& element, const NDArray& test_elements, bool invert);

} // namespace ramba::engine
