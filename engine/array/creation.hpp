// Array creation with numpy's exact arithmetic: arange (length and fill rule), linspace (bit for bit),
// logspace, eye, diag, triu/tril, indices (fromfunction, mgrid) and pad.
#pragma once

#include <optional>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

// numpy: length ceil((stop - start) / step); values start + i * ((start + step) - start) for floats.
NDArray arange_int(int64_t start, int64_t stop, int64_t step, DType dtype);
NDArray arange_float(double start, double stop, double step, DType dtype);
// numpy.linspace: arange(num) * step + start, last element set to stop when endpoint.
NDArray linspace(double start, double stop, int64_t num, bool endpoint, DType dtype, double* step_out = nullptr);
NDArray logspace(double start, double stop, int64_t num, bool endpoint, double base, DType dtype);
NDArray eye(int64_t n, int64_t m, int64_t k, DType dtype);
NDArray diag(const NDArray&, int64_t k);
NDArray triangle(const NDArray&, int64_t k, bool upper); // triu / tril
NDArray indices(const Shape&, DType dtype);             // shape (ndim, *shape)
// np.pad with mode "constant" (value) or "edge"; widths[i] = (before, after) for axis i.
NDArray pad(const NDArray&, const std::vector<std::pair<int64_t, int64_t>>& widths, const std::string& mode,
    double constant);

} // namespace ramba::engine
