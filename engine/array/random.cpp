// Philox4x32-10 streams (see random.hpp). Each element's value is a pure function of (key, position),
// so the loops below may run in any order or on any thread and give the same arrays.
#include "engine/array/random.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

#include "base/error.hpp"

namespace ramba::engine {

void RandomStream::philox(uint64_t key, uint64_t position, uint32_t out[4])
{
    constexpr uint32_t m0 = 0xD2511F53, m1 = 0xCD9E8D57, w0 = 0x9E3779B9, w1 = 0xBB67AE85;
    uint32_t c0 = static_cast<uint32_t>(position), c1 = static_cast<uint32_t>(position >> 32), c2 = 0, c3 = 0;
    uint32_t k0 = static_cast<uint32_t>(key), k1 = static_cast<uint32_t>(key >> 32);
    for (int round = 0; round < 10; ++round) {
        uint64_t p0 = static_cast<uint64_t>(m0) * c0, p1 = static_cast<uint64_t>(m1) * c2;
        uint32_t hi0 = static_cast<uint32_t>(p0 >> 32), lo0 = static_cast<uint32_t>(p0);
        uint32_t hi1 = static_cast<uint32_t>(p1 >> 32), lo1 = static_cast<uint32_t>(p1);
        uint32_t n0 = hi1 ^ c1 ^ k0, n1 = lo1, n2 = hi0 ^ c3 ^ k1, n3 = lo0;
        c0 = n0, c1 = n1, c2 = n2, c3 = n3;
        k0 += w0;
        k1 += w1;
    }
    out[0] = c0, out[1] = c1, out[2] = c2, out[3] = c3;
}

namespace {

double to_unit(uint32_t high, uint32_t low)
{
    uint64_t bits = (static_cast<uint64_t>(high) << 32) | low;
    return static_cast<double>(bits >> 11) * (1.0 / 9007199254740992.0);
}

} // namespace

NDArray RandomStream::random(const Shape& shape)
{
    NDArray result = NDArray::empty(DType::Float64, shape);
    int64_t n = result.size();
    uint64_t start = take(n);
    auto* p = reinterpret_cast<double*>(result.data());
#pragma omp parallel for if (n > 100000)
    for (int64_t i = 0; i < n; ++i) {
        uint32_t w[4];
        philox(m_key, start + static_cast<uint64_t>(i), w);
        p[i] = to_unit(w[0], w[1]);
    }
    return result;
}

NDArray RandomStream::standard_normal(const Shape& shape)
{
    NDArray result = NDArray::empty(DType::Float64, shape);
    int64_t n = result.size();
    uint64_t start = take(n);
    auto* p = reinterpret_cast<double*>(result.data());
#pragma omp parallel for if (n > 100000)
    for (int64_t i = 0; i < n; ++i) {
        uint32_t w[4];
        philox(m_key, start + static_cast<uint64_t>(i), w);
        double u1 = 1.0 - to_unit(w[0], w[1]); // (0, 1]
        double u2 = to_unit(w[2], w[3]);
        p[i] = std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    return result;
}

NDArray RandomStream::uniform(double low, double high, const Shape& shape)
{
    NDArray result = random(shape);
    auto* p = reinterpret_cast<double*>(result.data());
    for (int64_t i = 0; i < result.size(); ++i)
        p[i] = low + (high - low) * p[i];
    return result;
}

NDArray RandomStream::normal(double loc, double scale, const Shape& shape)
{
    if (scale < 0)
        throw RambaError(ErrorKind::ValueError, "scale < 0");
    NDArray result = standard_normal(shape);
    auto* p = reinterpret_cast<double*>(result.data());
    for (int64_t i = 0; i < result.size(); ++i)
        p[i] = loc + scale * p[i];
    return result;
}

NDArray RandomStream::integers(int64_t low, int64_t high, const Shape& shape, DType dtype)
{
    if (high <= low)
        throw RambaError(ErrorKind::ValueError, "low >= high");
    NDArray result = NDArray::empty(DType::Int64, shape);
    int64_t n = result.size();
    uint64_t start = take(n);
    uint64_t range = static_cast<uint64_t>(high) - static_cast<uint64_t>(low);
    auto* p = reinterpret_cast<int64_t*>(result.data());
#pragma omp parallel for if (n > 100000)
    for (int64_t i = 0; i < n; ++i) {
        uint32_t w[4];
        philox(m_key, start + static_cast<uint64_t>(i), w);
        uint64_t bits = (static_cast<uint64_t>(w[0]) << 32) | w[1];
        uint64_t offset = static_cast<uint64_t>((static_cast<unsigned __int128>(bits) * range) >> 64);
        p[i] = static_cast<int64_t>(static_cast<uint64_t>(low) + offset);
    }
    if (dtype == DType::Int64)
        return result;
    NDArray cast = NDArray::empty(dtype, shape);
    dispatch_dtype(dtype, [&]<typename T>() {
        if constexpr (!std::is_same_v<T, std::complex<double>>) {
            auto* q = reinterpret_cast<T*>(cast.data());
            for (int64_t i = 0; i < n; ++i)
                q[i] = static_cast<T>(p[i]);
        }
    });
    return cast;
}

NDArray RandomStream::permutation(int64_t n)
{
    uint64_t start = take(n);
    std::vector<uint64_t> keys(static_cast<size_t>(n));
    for (int64_t i = 0; i < n; ++i) {
        uint32_t w[4];
        philox(m_key, start + static_cast<uint64_t>(i), w);
        keys[static_cast<size_t>(i)] = (static_cast<uint64_t>(w[0]) << 32) | w[1];
    }
    NDArray result = NDArray::empty(DType::Int64, { n });
    auto* p = reinterpret_cast<int64_t*>(result.data());
    std::iota(p, p + n, int64_t(0));
    std::stable_sort(p, p + n, [&](int64_t a, int64_t b) { return keys[static_cast<size_t>(a)] < keys[static_cast<size_t>(b)]; });
    return result;
}

} // namespace ramba::engine
