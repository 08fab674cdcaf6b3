// numpy's SeedSequence pool mixing and PCG64's seeding (pcg64.hpp).
#include "engine/random/pcg64.hpp"

namespace ramba::random {

namespace {

// numpy's SeedSequence constants (bit_generator.pyx).
constexpr uint32_t init_a = 0x43b0d7e5U, mult_a = 0x931e8875U;
constexpr uint32_t init_b = 0x8b51f9ddU, mult_b = 0x58f38dedU;
constexpr uint32_t mix_mult_l = 0xca01f9ddU, mix_mult_r = 0x4973f715U;

uint32_t hashmix(uint32_t value, uint32_t& hash_const)
{
    value ^= hash_const;
    hash_const *= mult_a;
    value *= hash_const;
    value ^= value >> 16;
    return value;
}

uint32_t mix(uint32_t x, uint32_t y)
{
    uint32_t result = mix_mult_l * x - mix_mult_r * y;
    result ^= result >> 16;
    return result;
}

} // namespace

SeedSequence::SeedSequence(std::vector<uint32_t> entropy, std::vector<uint32_t> spawn_key)
    : m_entropy(std::move(entropy))
    , m_spawn_key(std::move(spawn_key))
{
    // numpy: with a spawn key, the run entropy is padded with zeros to the pool size first.
    std::vector<uint32_t> assembled = m_entropy;
    if (!m_spawn_key.empty() && assembled.size() < pool_size)
        assembled.resize(pool_size, 0);
    assembled.insert(assembled.end(), m_spawn_key.begin(), m_spawn_key.end());

    uint32_t hash_const = init_a;
    for (size_t i = 0; i < pool_size; ++i)
        m_pool[i] = hashmix(i < assembled.size() ? assembled[i] : 0, hash_const);
    for (size_t source = 0; source < pool_size; ++source)
        for (size_t target = 0; target < pool_size; ++target)
            if (source != target)
                m_pool[target] = mix(m_pool[target], hashmix(m_pool[source], hash_const));
    for (size_t source = pool_size; source < assembled.size(); ++source)
        for (size_t target = 0; target < pool_size; ++target)
            m_pool[target] = mix(m_pool[target], hashmix(assembled[source], hash_const));
}

std::vector<uint32_t> SeedSequence::generate_state(size_t words) const
{
    std::vector<uint32_t> state(words);
    uint32_t hash_const = init_b;
    for (size_t i = 0; i < words; ++i) {
        uint32_t value = m_pool[i % pool_size];
        value ^= hash_const;
        hash_const *= mult_b;
        value *= hash_const;
        value ^= value >> 16;
        state[i] = value;
    }
    return state;
}

PCG64::PCG64(const SeedSequence& seed_sequence)
{
    std::vector<uint32_t> words = seed_sequence.generate_state(8);
    auto word64 = [&](size_t i) { return static_cast<uint64_t>(words[2 * i]) | (static_cast<uint64_t>(words[2 * i + 1]) << 32); };
    uint128 initial_state = (static_cast<uint128>(word64(0)) << 64) | word64(1);
    uint128 sequence = (static_cast<uint128>(word64(2)) << 64) | word64(3);
    // pcg_setseq_128_srandom_r: an odd increment from the sequence, then two steps around the seed.
    m_state = 0;
    m_increment = (sequence << 1) | 1;
    m_state = m_state * multiplier + m_increment;
    m_state += initial_state;
    m_state = m_state * multiplier + m_increment;
}

void PCG64::advance(uint128 delta)
{
    uint128 accumulated_mult = 1, accumulated_plus = 0;
    uint128 current_mult = multiplier, current_plus = m_increment;
    while (delta > 0) {
        if (delta & 1) {
            accumulated_mult *= current_mult;
            accumulated_plus = accumulated_plus * current_mult + current_plus;
        }
        current_plus = (current_mult + 1) * current_plus;
        current_mult *= current_mult;
        delta /= 2;
    }
    m_state = accumulated_mult * m_state + accumulated_plus;
}

} // namespace ramba::random
