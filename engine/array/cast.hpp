// Copies between arrays with casting and broadcasting: astype, assignment through views, copies.
// numpy's unsafe casting: float -> int truncates toward zero, complex -> real drops the imaginary part.
#pragma once

#include <algorithm>
#include <string>

#include "base/error.hpp"
#include "engine/array/ndarray.hpp"

namespace ramba::engine {

// numpy's broadcasting rule, the one copy of it: shapes align at their last axes, and an extent
// of 1 stretches. ValueError "operands could not be broadcast together with shapes (3,) (4,) " (a
// ufunc's words) on mismatch. `broadcast_shapes_of` reads each item's shape through `shape_of`
// (the executor's operands), so no shape is copied on the way.
// OPTIMIZATION: a template, inlined into the eager executor: tiny arrays pay per operation.
template<typename Items, typename ShapeOf>
Shape broadcast_shapes_of(const Items& items, ShapeOf shape_of)
{
    size_t ndim = 0;
    for (const auto& item : items)
        ndim = std::max(ndim, shape_of(item).size());
    Shape result(ndim, 1);
    for (const auto& item : items) {
        const Shape& shape = shape_of(item);
        size_t shift = ndim - shape.size();
        for (size_t axis = 0; axis < shape.size(); ++axis) {
            int64_t extent = shape[axis];
            int64_t& target = result[shift + axis];
            if (extent == target || extent == 1)
                continue;
            if (target == 1) {
                target = extent;
                continue;
            }
            std::string message = "operands could not be broadcast together with shapes ";
            for (const auto& each : items)
                message += shape_to_compact_string(shape_of(each)) + " ";
            throw RambaError(ErrorKind::ValueError, message);
        }
    }
    return result;
}
Shape broadcast_shapes(const Shape&, const Shape&);
Shape broadcast_shapes(std::span<const Shape>);
// A view of `array` with `shape` (zero strides on broadcast axes); ValueError in numpy's words
// ("could not broadcast input array from shape (3,) into shape (4,)") when impossible.
NDArray broadcast_to(const NDArray&, const Shape&);

// Writes src (broadcast to dst's shape, cast to dst's dtype) into dst. Overlapping src/dst
// (a[1:] = a[:-1]) is handled by copying src first.
void assign(const NDArray& dst, const NDArray& src);

// A fresh C-contiguous copy, optionally cast.
NDArray copy(const NDArray&);
NDArray astype(const NDArray&, DType);
// The array itself if already C-contiguous with that dtype, else a copy.
NDArray ascontiguous(const NDArray&, DType);
NDArray ascontiguous(const NDArray&);

// Cast one element. `from`/`to` point at elements of the given dtypes.
void cast_element(DType from, const std::byte* source, DType to, std::byte* target);

// Fill every element with one value (already in the array's dtype).
void fill(const NDArray&, const Scalar&);

// Whether a cast from -> to can warn as numpy's does: complex to real ("ComplexWarning: ...") and
// float to integer ("invalid value encountered in cast", for NaN, infinities, out-of-range values).
bool cast_may_warn(DType from, DType to);

// Warnings ("Category: message\n") go to the sink, stderr without one: the interpreter installs a
// sink that reports them as Python's warnings module does, at the running statement.
void warn_complex_to_real();
void set_warning_sink(void (*sink)(const std::string&));
void warn(const std::string& message);

} // namespace ramba::engine
