// NDArray: a materialised strided array (dtype, shape, strides in bytes, offset into a shared buffer).
// Basic slicing makes views sharing the Buffer; this is what kernels read and write.
#pragma once

#include <complex>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/dtype/dtype.hpp"

namespace ramba::engine {

using Shape = std::vector<int64_t>;
using Strides = std::vector<int64_t>; // in bytes, may be negative or zero (broadcast)

// Owned, aligned (64-byte) storage; large buffers come from the engine's pool (see buffer.cpp).
class Buffer {
public:
    static std::shared_ptr<Buffer> allocate(size_t bytes); // throws RambaError(MemoryError) on failure
    // The cap on live buffer bytes: RAMBA_MEMORY_LIMIT (bytes, or with a K/M/G/T suffix), else the
    // machine's physical memory, so an allocation that could only end in the OOM killer is a MemoryError.
    static void set_memory_limit(size_t bytes); // 0: back to the default
    static size_t memory_limit();
    static size_t live_bytes();
    ~Buffer();
    std::byte* data() const { return m_data; }
    size_t size() const { return m_size; }
    Buffer(std::byte* data, size_t size) : m_data(data), m_size(size) { }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    uint64_t version { 0 }; // bumped by writes, so pending lazy readers can detect them
private:
    static std::shared_ptr<Buffer> allocate_reserved(size_t rounded);
    std::byte* m_data;
    size_t m_size;
};

struct NDArray {
    DType dtype { DType::Float64 };
    Shape shape;
    Strides strides;
    int64_t offset { 0 }; // bytes from buffer->data()
    std::shared_ptr<Buffer> buffer;

    int64_t ndim() const { return static_cast<int64_t>(shape.size()); }
    int64_t size() const;              // product of shape (1 for 0-d)
    size_t itemsize() const { return dtype_itemsize(dtype); }
    std::byte* data() const { return buffer->data() + offset; }
    bool is_c_contiguous() const;
    int64_t nbytes() const { return size() * static_cast<int64_t>(itemsize()); }

    static NDArray empty(DType, Shape); // C-contiguous, uninitialised
    static NDArray zeros(DType, Shape); // C-contiguous, zero-filled
};

Strides c_strides(const Shape&, size_t itemsize);

// Product of a shape; ValueError "array is too big; `arr.size * arr.dtype.itemsize` is larger than
// the maximum possible size." when it overflows, "negative dimensions are not allowed" for < 0.
int64_t checked_size(const Shape&, size_t itemsize);

// "(3,)", "(2, 3)", "()": numpy's (Python's tuple) spelling of a shape.
std::string shape_to_string(const Shape&);
// "(3,)", "(2,3)", "()": the spelling of numpy's ufunc and dot errors, without spaces.
std::string shape_to_compact_string(const Shape&);

// The byte address of the element at `index` (one entry per axis, already in range).
inline std::byte* element_pointer(const NDArray& array, const int64_t* index)
{
    std::byte* pointer = array.data();
    for (size_t axis = 0; axis < array.shape.size(); ++axis)
        pointer += index[axis] * array.strides[axis];
    return pointer;
}

// Calls f(pointer) for every element in C order (pointer is std::byte*). Works for any strides.
template<typename F>
void for_each_element(const NDArray& array, F&& f)
{
    int64_t count = array.size();
    if (count == 0)
        return;
    size_t ndim = array.shape.size();
    if (ndim == 0) {
        f(array.data());
        return;
    }
    std::vector<int64_t> index(ndim, 0);
    std::byte* pointer = array.data();
    int64_t inner = array.shape[ndim - 1];
    int64_t inner_stride = array.strides[ndim - 1];
    for (;;) {
        std::byte* p = pointer;
        for (int64_t i = 0; i < inner; ++i, p += inner_stride)
            f(p);
        size_t axis = ndim - 1;
        for (;;) {
            if (axis == 0)
                return;
            --axis;
            pointer += array.strides[axis];
            if (++index[axis] < array.shape[axis])
                break;
            pointer -= array.strides[axis] * array.shape[axis];
            index[axis] = 0;
        }
    }
}

// A numpy scalar (np.float64(1.5), a[0], reduction results): a dtype and one element's bytes.
struct Scalar {
    DType dtype { DType::Float64 };
    alignas(16) std::byte bytes[16] {};

    template<typename T> T get() const { T v; __builtin_memcpy(&v, bytes, sizeof(T)); return v; }
    template<typename T> static Scalar make(DType dtype, T value)
    {
        Scalar s;
        s.dtype = dtype;
        __builtin_memcpy(s.bytes, &value, sizeof(T));
        return s;
    }
    // Converting reads (with numpy's casting: complex -> real drops the imaginary part).
    double as_double() const;
    int64_t as_int64() const;
    std::complex<double> as_complex() const;
    bool as_bool() const;
    NDArray to_array() const; // 0-d array
    static Scalar from_element(DType, const std::byte*);
};

} // namespace ramba::engine
