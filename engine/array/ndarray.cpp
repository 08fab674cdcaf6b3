// NDArray basics: sizes, strides, contiguity, allocation with numpy's MemoryError text, and Scalar.
#include "engine/array/ndarray.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

#include "base/error.hpp"

namespace ramba::engine {

namespace {

// numpy/core/_exceptions.py _ArrayMemoryError._size_to_string.
std::string size_to_string(double num_bytes_double, uint64_t num_bytes)
{
    static const char* units[] = { "bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB" };
    int bit_length = 0;
    for (uint64_t v = num_bytes; v; v >>= 1)
        ++bit_length;
    int unit_i = std::max(bit_length - 1, 1) / 10;
    double n_units = num_bytes_double / std::ldexp(1.0, unit_i * 10);
    if (std::nearbyint(n_units) == 1024) {
        ++unit_i;
        n_units /= 1024;
    }
    if (unit_i >= 7) {
        n_units *= std::ldexp(1.0, (unit_i - 6) * 10);
        unit_i = 6;
    }
    char text[64];
    if (unit_i == 0)
        std::snprintf(text, sizeof text, "%.0f %s", n_units, units[unit_i]);
    else if (std::nearbyint(n_units) < 1000)
        std::snprintf(text, sizeof text, "%#.3g %s", n_units, units[unit_i]);
    else
        std::snprintf(text, sizeof text, "%#.0f %s", n_units, units[unit_i]);
    return text;
}

} // namespace

std::string shape_to_string(const Shape& shape)
{
    std::string text = "(";
    for (size_t i = 0; i < shape.size(); ++i) {
        if (i)
            text += ", ";
        text += std::to_string(shape[i]);
    }
    if (shape.size() == 1)
        text += ",";
    return text + ")";
}

std::string shape_to_compact_string(const Shape& shape)
{
    std::string text = shape_to_string(shape);
    std::erase(text, ' ');
    return text;
}

int64_t checked_size(const Shape& shape, size_t itemsize)
{
    // numpy's PyArray_NewFromDescr, in its order: zero extents are skipped (so (0, 2**62) float64 is
    // too big too), a negative one is an error where it stands, the bytes must fit a signed 64-bit.
    int64_t bytes = std::max<int64_t>(static_cast<int64_t>(itemsize), 1);
    bool empty = false;
    for (int64_t extent : shape) {
        if (extent == 0) {
            empty = true;
            continue;
        }
        if (extent < 0)
            throw RambaError(ErrorKind::ValueError, "negative dimensions are not allowed");
        if (__builtin_mul_overflow(bytes, extent, &bytes))
            throw RambaError(ErrorKind::ValueError,
                "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.");
    }
    return empty ? 0 : bytes / std::max<int64_t>(static_cast<int64_t>(itemsize), 1);
}

int64_t NDArray::size() const
{
    int64_t size = 1;
    for (int64_t extent : shape)
        size *= extent;
    return size;
}

bool NDArray::is_c_contiguous() const
{
    int64_t expected = static_cast<int64_t>(itemsize());
    for (size_t i = shape.size(); i-- > 0;) {
        if (shape[i] == 1)
            continue;
        if (shape[i] == 0)
            return true;
        if (strides[i] != expected)
            return false;
        expected *= shape[i];
    }
    return true;
}

Strides c_strides(const Shape& shape, size_t itemsize)
{
    Strides strides(shape.size());
    int64_t stride = static_cast<int64_t>(itemsize);
    for (size_t i = shape.size(); i-- > 0;) {
        strides[i] = stride;
        stride *= std::max<int64_t>(shape[i], 1);
    }
    return strides;
}

NDArray NDArray::empty(DType dtype, Shape shape)
{
    size_t itemsize = dtype_itemsize(dtype);
    int64_t size = checked_size(shape, itemsize);
    NDArray array;
    array.dtype = dtype;
    array.strides = c_strides(shape, itemsize);
    try {
        array.buffer = Buffer::allocate(static_cast<size_t>(size) * itemsize);
    } catch (const RambaError& error) {
        if (error.kind() != ErrorKind::MemoryError)
            throw; // a malformed RAMBA_MEMORY_LIMIT
        uint64_t bytes = static_cast<uint64_t>(size) * itemsize;
        throw RambaError(ErrorKind::MemoryError,
            "Unable to allocate " + size_to_string(static_cast<double>(bytes), bytes) + " for an array with shape "
                + shape_to_string(shape) + " and data type " + std::string(dtype_name(dtype)));
    }
    array.shape = std::move(shape);
    return array;
}

NDArray NDArray::zeros(DType dtype, Shape shape)
{
    NDArray array = empty(dtype, std::move(shape));
    std::memset(array.data(), 0, static_cast<size_t>(array.nbytes()));
    return array;
}

Scalar Scalar::from_element(DType dtype, const std::byte* pointer)
{
    Scalar s;
    s.dtype = dtype;
    std::memcpy(s.bytes, pointer, dtype_itemsize(dtype));
    return s;
}

double Scalar::as_double() const
{
    return dispatch_dtype(dtype, [&]<typename T>() -> double {
        if constexpr (std::is_same_v<T, std::complex<double>>)
            return get<T>().real();
        else
            return static_cast<double>(get<T>());
    });
}

int64_t Scalar::as_int64() const
{
    return dispatch_dtype(dtype, [&]<typename T>() -> int64_t {
        if constexpr (std::is_same_v<T, std::complex<double>>)
            return static_cast<int64_t>(get<T>().real());
        else
            return static_cast<int64_t>(get<T>());
    });
}

std::complex<double> Scalar::as_complex() const
{
    return dispatch_dtype(dtype, [&]<typename T>() -> std::complex<double> {
        if constexpr (std::is_same_v<T, std::complex<double>>)
            return get<T>();
        else
            return { static_cast<double>(get<T>()), 0.0 };
    });
}

bool Scalar::as_bool() const
{
    return dispatch_dtype(dtype, [&]<typename T>() -> bool {
        if constexpr (std::is_same_v<T, std::complex<double>>)
            return get<T>() != T(0);
        else
            return get<T>() != T(0);
    });
}

NDArray Scalar::to_array() const
{
    NDArray array = NDArray::empty(dtype, {});
    std::memcpy(array.data(), bytes, dtype_itemsize(dtype));
    return array;
}

} // namespace ramba::engine
