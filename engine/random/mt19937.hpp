// The Mersenne Twister MT19937 (Matsumoto and Nishimura 1998): the bit generator of numpy's legacy
// RandomState and of Python's `random` module. One place for both, so their streams agree with
// numpy's and CPython's bit for bit:
//   - seed(s)               init_genrand: numpy's RandomState(int) / np.random.seed(int)
//   - seed_by_array(words)  init_by_array: numpy's array seeds, CPython's random.seed(int) (the
//                           absolute value's 32-bit words, least significant first)
//   - next32()              one tempered 32-bit word
//   - next_double()         a 53-bit double in [0, 1) from two words (a >> 5, b >> 6), the same in
//                           numpy (random_sample) and CPython (random.random)
//   - state()/set_state()   the 624 key words and the position, as numpy's get_state shows them
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace ramba::random {

class MT19937 {
public:
    static constexpr int state_words = 624;

    explicit MT19937(uint32_t seed = 5489) { this->seed(seed); }

    void seed(uint32_t seed);
    void seed_by_array(std::span<const uint32_t> key);

    uint32_t next32()
    {
        if (m_position == state_words) [[unlikely]]
            regenerate();
        uint32_t y = m_key[static_cast<size_t>(m_position++)];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680U;
        y ^= (y << 15) & 0xefc60000U;
        y ^= y >> 18;
        return y;
    }
    // numpy's mt19937_next64: the first word is the high half.
    uint64_t next64()
    {
        uint64_t high = next32();
        return (high << 32) | next32();
    }
    double next_double()
    {
        int32_t a = static_cast<int32_t>(next32() >> 5);
        int32_t b = static_cast<int32_t>(next32() >> 6);
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    const std::array<uint32_t, state_words>& key() const { return m_key; }
    int position() const { return m_position; }
    // position in [0, 624]; the caller validates it (numpy accepts any int and we clamp nothing).
    void set_state(std::span<const uint32_t, state_words> key, int position);

private:
    void regenerate();
    std::array<uint32_t, state_words> m_key {};
    int m_position { state_words };
};

} // namespace ramba::random
