// MT19937's seeding and state regeneration (mt19937.hpp), as in the reference implementation of
// Matsumoto and Nishimura (mt19937ar.c, 2002), which numpy's and CPython's both follow.
#include "engine/random/mt19937.hpp"

#include <algorithm>

namespace ramba::random {

namespace {

constexpr int period_offset = 397;
constexpr uint32_t matrix_a = 0x9908b0dfU;
constexpr uint32_t upper_mask = 0x80000000U;
constexpr uint32_t lower_mask = 0x7fffffffU;

} // namespace

void MT19937::seed(uint32_t seed)
{
    m_key[0] = seed;
    for (int i = 1; i < state_words; ++i) {
        uint32_t previous = m_key[static_cast<size_t>(i - 1)];
        m_key[static_cast<size_t>(i)] = 1812433253U * (previous ^ (previous >> 30)) + static_cast<uint32_t>(i);
    }
    m_position = state_words;
}

void MT19937::seed_by_array(std::span<const uint32_t> init_key)
{
    seed(19650218U);
    auto& mt = m_key;
    size_t i = 1, j = 0;
    size_t length = init_key.size();
    for (size_t k = std::max<size_t>(state_words, length); k > 0; --k) {
        uint32_t previous = mt[i - 1];
        mt[i] = (mt[i] ^ ((previous ^ (previous >> 30)) * 1664525U)) + init_key[j] + static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= state_words) {
            mt[0] = mt[state_words - 1];
            i = 1;
        }
        if (j >= length)
            j = 0;
    }
    for (size_t k = state_words - 1; k > 0; --k) {
        uint32_t previous = mt[i - 1];
        mt[i] = (mt[i] ^ ((previous ^ (previous >> 30)) * 1566083941U)) - static_cast<uint32_t>(i);
        ++i;
        if (i >= state_words) {
            mt[0] = mt[state_words - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; // most significant bit set: the state is never all zeros
    m_position = state_words;
}

void MT19937::set_state(std::span<const uint32_t, state_words> key, int position)
{
    std::copy(key.begin(), key.end(), m_key.begin());
    m_position = position;
}

void MT19937::regenerate()
{
    auto twist = [](uint32_t upper, uint32_t lower, uint32_t far) {
        uint32_t y = (upper & upper_mask) | (lower & lower_mask);
        return far ^ (y >> 1) ^ ((0U - (y & 1U)) & matrix_a);
    };
    constexpr int n = state_words, m = period_offset;
    int i = 0;
    for (; i < n - m; ++i)
        m_key[static_cast<size_t>(i)] = twist(m_key[static_cast<size_t>(i)], m_key[static_cast<size_t>(i + 1)], m_key[static_cast<size_t>(i + m)]);
    for (; i < n - 1; ++i)
        m_key[static_cast<size_t>(i)] = twist(m_key[static_cast<size_t>(i)], m_key[static_cast<size_t>(i + 1)], m_key[static_cast<size_t>(i + m - n)]);
    m_key[n - 1] = twist(m_key[n - 1], m_key[0], m_key[m - 1]);
    m_position = 0;
}

} // namespace ramba::random
