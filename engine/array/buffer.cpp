// Buffer allocation: 64-byte aligned storage with a pool for large buffers.
// Freed large buffers are kept (up to a byte cap) and handed out again for the same size class, so a
// loop that allocates a fresh output each iteration does not page-fault the memory in again.
#include "engine/array/ndarray.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <map>
#include <mutex>
#include <sys/mman.h>
#include <unistd.h>

#include "base/error.hpp"

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

// The memory cap (see ndarray.hpp). Live bytes count every buffer handed out and not yet destroyed;
// pooled free buffers are given back to the system before a request is refused.
std::atomic<size_t> s_live_bytes { 0 };
std::atomic<size_t> s_limit { 0 }; // 0: not read yet

// "123", "64K", "512M", "2G", "1T" (binary multiples); false when the text is not a size.
bool parse_byte_size(const char* text, size_t& out)
{
    char* end = nullptr;
    errno = 0;
    unsigned long long value = std::strtoull(text, &end, 10);
    if (errno || end == text || *text == '-')
        return false;
    int shift = 0;
    switch (*end) {
    case '\0': break;
    case 'k': case 'K': shift = 10; ++end; break;
    case 'm': case 'M': shift = 20; ++end; break;
    case 'g': case 'G': shift = 30; ++end; break;
    case 't': case 'T': shift = 40; ++end; break;
    default: return false;
    }
    if (*end == 'B' || *end == 'b')
        ++end;
    if (*end || value == 0 || (shift && value > (~0ull >> shift)))
        return false;
    out = static_cast<size_t>(value << shift);
    return true;
}

size_t default_limit()
{
    if (const char* text = std::getenv("RAMBA_MEMORY_LIMIT"); text && *text) {
        size_t bytes = 0;
        if (!parse_byte_size(text, bytes))
            throw RambaError(ErrorKind::ValueError, std::string("RAMBA_MEMORY_LIMIT='") + text
                    + "' is not a size: give bytes, or a number with K, M, G or T (e.g. 512M)");
        return bytes;
    }
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    return pages > 0 && page > 0 ? static_cast<size_t>(pages) * static_cast<size_t>(page) : ~size_t(0);
}

void release_pool()
{
    auto& p = pool();
    std::lock_guard lock(p.mutex);
    for (auto& entry : p.free_buffers)
        std::free(entry.second);
    p.free_buffers.clear();
    p.pooled_bytes = 0;
}

// Reserves `bytes` of the cap for a new buffer, or throws MemoryError (NDArray::empty words it as numpy).
void reserve(size_t bytes)
{
    size_t limit = Buffer::memory_limit();
    size_t live = s_live_bytes.fetch_add(bytes, std::memory_order_relaxed) + bytes;
    if (live >= bytes && live <= limit)
        return;
    s_live_bytes.fetch_sub(bytes, std::memory_order_relaxed);
    throw RambaError(ErrorKind::MemoryError, "Unable to allocate buffer");
}

} // namespace

void Buffer::set_memory_limit(size_t bytes) { s_limit.store(bytes, std::memory_order_relaxed); }

size_t Buffer::memory_limit()
{
    size_t limit = s_limit.load(std::memory_order_relaxed);
    if (limit == 0) [[unlikely]] {
        limit = default_limit();
        s_limit.store(limit, std::memory_order_relaxed);
    }
    return limit;
}

size_t Buffer::live_bytes() { return s_live_bytes.load(std::memory_order_relaxed); }

std::shared_ptr<Buffer> Buffer::allocate(size_t bytes)
{
    size_t rounded = size_class(bytes == 0 ? 64 : bytes);
    if (rounded < bytes)
        throw RambaError(ErrorKind::MemoryError, "Unable to allocate buffer");
    reserve(rounded);
    try {
        return allocate_reserved(rounded);
    } catch (...) {
        s_live_bytes.fetch_sub(rounded, std::memory_order_relaxed);
        throw;
    }
}

std::shared_ptr<Buffer> Buffer::allocate_reserved(size_t rounded)
{
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
        release_pool();
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
    s_live_bytes.fetch_sub(m_size, std::memory_order_relaxed);
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
        if (p.pooled_bytes + m_size <= std::min(pool_cap_bytes, s_limit.load(std::memory_order_relaxed))) {
            p.free_buffers.emplace(m_size, m_data);
            p.pooled_bytes += m_size;
            return;
        }
    }
    std::free(m_data);
}

} // namespace ramba::engine
