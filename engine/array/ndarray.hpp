// NDArray: a materialised strided array (dtype, shape, strides in bytes, offset into a shared buffer).
// Basic slicing makes views sharing the Buffer; this is what kernels read and write.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "engine/dtype/dtype.hpp"

namespace ramba::engine {

using Shape = std::vector<int64_t>;
using Strides = std::vector<int64_t>; // in bytes, may be negative or zero (broadcast)

// Owned, aligned (64-byte) storage; large buffers come from the engine's pool (see buffer.cpp).
class Buffer {
public:
    static std::shared_ptr<Buffer> allocate(size_t bytes); // throws RambaError(MemoryError) on failure
    ~Buffer();
    std::byte* data() const { return m_data; }
    size_t size() const { return m_size; }
    Buffer(std::byte* data, size_t size) : m_data(data), m_size(size) { }
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    uint64_t version { 0 }; // bumped by writes, so pending lazy readers can detect them
private:
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

    static NDArray empty(DType, Shape); // C-contiguous, uninitialised
};

Strides c_strides(const Shape&, size_t itemsize);

} // namespace ramba::engine
