// PCG64 (O'Neill's PCG XSL RR 128/64, the bit generator of numpy's default_rng) and numpy's
// SeedSequence, which turns a seed (int, words, spawn key) into the generator's state.
//   - SeedSequence(entropy words, spawn key): numpy's hash-mixed pool of 4 words;
//     generate_state(n) gives n 32-bit words (numpy's generate_state(n, np.uint32)).
//   - PCG64(seed sequence): state and increment from generate_state(8) read as four little-endian
//     64-bit words (state high, state low, increment high, increment low), as numpy seeds it.
//   - next64(); next32() halves one 64-bit draw, low half first, keeping the high half for the next
//     call (numpy's has_uint32 / uinteger); next_double() takes the top 53 bits of next64().
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace ramba::random {

class SeedSequence {
public:
    static constexpr int pool_size = 4;
    SeedSequence(std::vector<uint32_t> entropy, std::vector<uint32_t> spawn_key = {});
    std::vector<uint32_t> generate_state(size_t words) const;
    const std::vector<uint32_t>& entropy() const { return m_entropy; }
    const std::vector<uint32_t>& spawn_key() const { return m_spawn_key; }

private:
    std::vector<uint32_t> m_entropy;
    std::vector<uint32_t> m_spawn_key;
    uint32_t m_pool[pool_size] {};
};

class PCG64 {
public:
    using uint128 = unsigned __int128;
    explicit PCG64(const SeedSequence&);
    PCG64(uint128 state, uint128 increment) : m_state(state), m_increment(increment) { }

    uint64_t next64()
    {
        m_state = m_state * multiplier + m_increment;
        uint64_t high = static_cast<uint64_t>(m_state >> 64);
        uint64_t low = static_cast<uint64_t>(m_state);
        unsigned rotation = static_cast<unsigned>(m_state >> 122);
        uint64_t x = high ^ low;
        return (x >> rotation) | (x << ((0U - rotation) & 63U));
    }
    uint32_t next32()
    {
        if (m_has_uint32) {
            m_has_uint32 = false;
            return m_uinteger;
        }
        uint64_t next = next64();
        m_has_uint32 = true;
        m_uinteger = static_cast<uint32_t>(next >> 32);
        return static_cast<uint32_t>(next);
    }
    double next_double() { return static_cast<double>(next64() >> 11) * (1.0 / 9007199254740992.0); }

    // Advances the state as if `delta` numbers had been drawn (numpy's PCG64.advance).
    void advance(uint128 delta);

    uint128 state() const { return m_state; }
    uint128 increment() const { return m_increment; }
    bool has_uint32() const { return m_has_uint32; }
    uint32_t uinteger() const { return m_uinteger; }
    void set_state(uint128 state, uint128 increment, bool has_uint32, uint32_t uinteger)
    {
        m_state = state;
        m_increment = increment;
        m_has_uint32 = has_uint32;
        m_uinteger = uinteger;
    }

    static constexpr uint128 multiplier = (static_cast<uint128>(2549297995355413924ULL) << 64) | 4865540595714422341ULL;

private:
    uint128 m_state { 0 };
    uint128 m_increment { 0 };
    bool m_has_uint32 { false };
    uint32_t m_uinteger { 0 };
};

} // namespace ramba::random
