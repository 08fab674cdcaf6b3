// Buffer allocation: 64-byte aligned storage with a pool for large buffers.
// Freed large buffers are kept (up to a byte cap) and handed out again for the same size class, so a
// loop that allocates a fresh output each iteration does not page-fault the memory in again.
#include "engine/array/ndarray.hpp"

#include <cstdlib>
#include <map>
#include <mutex>
#include <sys/mman.h>

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

// OPTIMIZATION: small buffers (0-d operands, tiny arrays) come from a per-thread free list, so a loop
// of `a = a + 1` on 10-element arrays does not pay malloc/free for every temporary. Measured with
// perf on `a = a + 1` (10 float64, 10^5 iterations): malloc/free were a third of the time.
constexpr size_t small_limit = 1024;
constexpr size_t small_classes = small_limit / 64;
constexpr size_t small_cache_depth = 64;

struct SmallCache {
    std::byte* entries[small_classes][small_cache_depth];
    size_t counts[small_classes] {};
    ~SmallCache()
    {
        for (size_t c = 0; c < small_classes; ++c)
            for (size_t i = 0; i < counts[c]; ++i)
                std::free(entries[c][i]);
    }
};

SmallCache& small_cache()
{
    thread_local SmallCache cache;
    return cache;
}

// OPTIMIZATION: as numpy does, buffers of 4 MiB and more are 2 MiB aligned and advised
// MADV_HUGEPAGE, so the kernel backs them with transparent huge pages: fewer page faults and TLB
// misses on memory-bound kernels. Measured on the 2-vCPU EPYC (scripts/bench/run --group array
// --filter reduce): numpy's float64 sum of 10^7 reads ~13 GB/s with huge pages, ours ~5 GB/s without.
constexpr size_t huge_threshold = size_t(4) << 20;
constexpr size_t huge_page = size_t(2) << 20;

size_t size_class(size_t bytes)
{
    if (bytes >= huge_threshold)
        return (bytes + huge_page - 1) / huge_page * huge_page;
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
    if (rounded <= small_limit) {
        auto& cache = small_cache();
        size_t c = rounded / 64 - 1;
        if (cache.counts[c] > 0)
            return std::make_shared<Buffer>(cache.entries[c][--cache.counts[c]], rounded);
    }
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
    size_t alignment = rounded >= huge_threshold ? huge_page : 64;
    void* data = std::aligned_alloc(alignment, rounded);
    if (!data && rounded >= pool_threshold) {
        // Give the pool back to the system and retry once before reporting MemoryError.
        auto& p = pool();
        std::lock_guard lock(p.mutex);
        for (auto& entry : p.free_buffers)
            std::free(entry.second);
        p.free_buffers.clear();
        p.pooled_bytes = 0;
        data = std::aligned_alloc(alignment, rounded);
    }
    if (!data)
        throw RambaError(ErrorKind::MemoryError, "Unable to allocate buffer");
    if (rounded >= huge_threshold)
        madvise(data, rounded, MADV_HUGEPAGE); // advice only: failure changes nothing but speed
    return std::make_shared<Buffer>(static_cast<std::byte*>(data), rounded);
}

Buffer::~Buffer()
{
    if (m_size <= small_limit && m_size >= 64 && m_size % 64 == 0) {
        auto& cache = small_cache();
        size_t c = m_size / 64 - 1;
        if (cache.counts[c] < small_cache_depth) {
            cache.entries[c][cache.counts[c]++] = m_data;
            return;
        }
    }
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
