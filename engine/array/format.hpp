// Printing arrays and numpy scalars exactly as numpy 1.24 does (arrayprint.py with legacy=False):
// array2string's layout, FloatingFormat's fixed/scientific choice and padding, summarisation, wrapping.
#pragma once

#include <string>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

// np.set_printoptions / np.get_printoptions (floatmode 'maxprec' and sign '-' only).
struct PrintOptions {
    int precision { 8 };
    int64_t threshold { 1000 };
    int64_t edgeitems { 3 };
    int64_t linewidth { 75 };
    bool suppress { false };
    std::string nanstr { "nan" };
    std::string infstr { "inf" };
};
PrintOptions& print_options();

std::string array_str(const NDArray&);   // str(a), print(a)
// np.array2string with the current options: `separator` between elements, `prefix` and `suffix` only
// narrow the lines (the prefix's width indents continuation lines; the suffix's shortens the width).
std::string array2string(const NDArray&, const std::string& separator, const std::string& prefix, const std::string& suffix);
std::string array_repr(const NDArray&);  // repr(a): array([...], dtype=float32)
std::string scalar_repr(const Scalar&);  // str/repr of numpy scalars (identical in numpy 1.24)

// Python's repr of a float (shortest round trip; 1e-05, 1e+16, inf, nan), for float32 the
// float32-shortest digits: numpy's scalar repr.
std::string float_repr(double);
std::string float32_repr(float);

} // namespace ramba::engine
