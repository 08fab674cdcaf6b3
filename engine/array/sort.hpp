// Sorting and searching: sort/argsort along an axis (stable: numpy's default quicksort is not, so
// argsort ties may order differently from numpy's; values are identical), unique, searchsorted, isin.
#pragma once

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

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
