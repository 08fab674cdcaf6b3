// ramba's random numbers: Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2,
// 3", SC'11), counter-based. A stream is (key = the seed, position); the value drawn at position p
// depends only on (key, p), so results are the same for any number of threads or workers, and a
// draw of n values advances the position by n. Not numpy's Mersenne Twister: values differ from numpy.
#pragma once

#include <cstdint>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

class RandomStream {
public:
    explicit RandomStream(uint64_t seed = 0) { reseed(seed); }
    void reseed(uint64_t seed) { m_key = seed; m_position = 0; }

    // One block of 128 random bits for counter `position` (words 0..3).
    static void philox(uint64_t key, uint64_t position, uint32_t out[4]);

    NDArray random(const Shape&);                          // uniform [0, 1) float64, 53 bits
    NDArray standard_normal(const Shape&);                 // Box-Muller on one 128-bit block
    NDArray uniform(double low, double high, const Shape&);
    NDArray normal(double loc, double scale, const Shape&);
    // Integers in [low, high): multiply-shift of 64 random bits (bias below 2^-64 * range).
    NDArray integers(int64_t low, int64_t high, const Shape&, DType);
    NDArray permutation(int64_t n);                        // argsort of random 64-bit keys

private:
    uint64_t take(int64_t count) { uint64_t start = m_position; m_position += static_cast<uint64_t>(count); return start; }
    uint64_t m_key { 0 };
    uint64_t m_position { 0 };
};

} // namespace ramba::engine
