// Buffer allocation: 64-byte aligned storage with a pool for large buffers.
// Freed large buffers are kept (up to a byte cap) and handed out again for the same size class, so a
// loop that allocates a fresh output each iteration does not page-fault the memory in again.
#include "engine/array/ndarray.hpp"

#include <cstdlib>
#include <map>
#include <mutex>

#include "interpreter/errors/error.hpp"

namespace ramba::engine {

namespace {

// Buffers from 1 MiB up are pooled; sizes round up to 64 KiB so near-equal requests share a class.
constexpr size_t pool_threshold = size_t(1) << 20;
constexpr size_t pool_granule = size_t(64) << 10;
constexpr size_t pool_cap_bytes = size_t(4) << 30;

struct Pool {
    std::mutex mutex;
    std::multimap<size_t, std::byte*> free_buffers;
    size_t pooled_bytes { 0 };
};

Pool& pool()
{
    static Pool* instance = new Pool; // never destroyed: buffers may be freed during static teardown
    return *instance;
}

size_t size_class(size_t bytes)
{
    if (bytes < pool_threshold)
        return (bytes + 63) / 64 * 64;
    return (bytes + pool_granule - 1) / pool_granule * pool_granule;
}

} // namespace

std::shared_ptr<Buffer> Buffer::allocate(size_t bytes)
{
    size_t rounded = size_class(bytes == 0 ? 64 : bytes);
    if (rounded < bytes)
        throw RambaError(ErrorKind::MemoryError, "Unable to allocate buffer");
    if (rounded >= pool_threshold) {
        auto& p = pool();
        std::lock_guard lock(p.mutex);
        auto it = p.free_buffers.find(rounded);
        if (it != p.free_buffers.end()) {
            std::byte* data = it->second;
            p.free_buffers.erase(it);
            p.pooled_bytes -= rounded;
            return std::make_shared<Buffer>(data, rounded);
        }
    }
    void* data = std::aligned_alloc(64, rounded);
    if (!data && rounded >= pool_threshold) {
        // Give the pool back to the system and retry once before reporting MemoryError.
        auto& p = pool();
        std::lock_guard lock(p.mutex);
        for (auto& entry : p.free_buffers)
            std::free(entry.second);
        p.free_buffers.clear();
        p.pooled_bytes = 0;
        data = std::aligned_alloc(64, rounded);
    }
    if (!data)
        throw RambaError(ErrorKind::MemoryError, "Unable to allocate buffer");
    return std::make_shared<Buffer>(static_cast<std::byte*>(data), rounded);
}

Buffer::~Buffer()
{
    if (m_size >= pool_threshold) {
        auto& p = pool();
        std::lock_guard lock(p.mutex);
        if (p.pooled_bytes + m_size <= pool_cap_bytes) {
            p.free_buffers.emplace(m_size, m_data);
            p.pooled_bytes += m_size;
            return;
        }
    }
    std::free(m_data);
}

} // namespace ramba::engine
