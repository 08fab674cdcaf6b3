// numpy's bounded integers: one draw in the closed range [offset, offset + range] of an unsigned
// type, by masked rejection (RandomState.randint, use_masked) or Lemire's multiply-shift rejection
// (Generator.integers). 8- and 16-bit draws take their bits from a 32-bit word kept in
// `BitBuffer` across the draws of one call, as numpy's bcnt/buf do; a range that fits 32 bits
// draws 32-bit words even for 64-bit types. Signed dtypes draw the unsigned type of their size
// with the offset reinterpreted (numpy's _rand_int*).
#pragma once

#include <cstdint>

namespace ramba::random {

enum class BoundedMethod { Masked, Lemire };

struct BitBuffer {
    uint32_t word { 0 };
    int remaining { 0 };
};

inline uint64_t bit_mask_for(uint64_t max)
{
    uint64_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    return mask;
}

namespace detail {

template<class Bits>
uint16_t buffered_uint16(Bits& bits, BitBuffer& buffer)
{
    if (!buffer.remaining) {
        buffer.word = bits.next32();
        buffer.remaining = 1;
    } else {
        buffer.word >>= 16;
        buffer.remaining -= 1;
    }
    return static_cast<uint16_t>(buffer.word);
}

template<class Bits>
uint8_t buffered_uint8(Bits& bits, BitBuffer& buffer)
{
    if (!buffer.remaining) {
        buffer.word = bits.next32();
        buffer.remaining = 3;
    } else {
        buffer.word >>= 8;
        buffer.remaining -= 1;
    }
    return static_cast<uint8_t>(buffer.word);
}

template<class Bits>
uint32_t lemire32(Bits& bits, uint32_t range)
{
    const uint32_t exclusive = range + 1;
    uint64_t m = static_cast<uint64_t>(bits.next32()) * exclusive;
    uint32_t leftover = static_cast<uint32_t>(m);
    if (leftover < exclusive) {
        const uint32_t threshold = (UINT32_MAX - range) % exclusive;
        while (leftover < threshold) {
            m = static_cast<uint64_t>(bits.next32()) * exclusive;
            leftover = static_cast<uint32_t>(m);
        }
    }
    return static_cast<uint32_t>(m >> 32);
}

template<class Bits>
uint64_t lemire64(Bits& bits, uint64_t range)
{
    const uint64_t exclusive = range + 1;
    unsigned __int128 m = static_cast<unsigned __int128>(bits.next64()) * exclusive;
    uint64_t leftover = static_cast<uint64_t>(m);
    if (leftover < exclusive) {
        const uint64_t threshold = (UINT64_MAX - range) % exclusive;
        while (leftover < threshold) {
            m = static_cast<unsigned __int128>(bits.next64()) * exclusive;
            leftover = static_cast<uint64_t>(m);
        }
    }
    return static_cast<uint64_t>(m >> 64);
}

template<class Bits, class Word, Word (*draw)(Bits&, BitBuffer&)>
Word small_bounded(Bits& bits, Word range, Word mask, BoundedMethod method, BitBuffer& buffer)
{
    constexpr int word_bits = 8 * sizeof(Word);
    if (method == BoundedMethod::Masked) {
        Word value;
        while ((value = static_cast<Word>(draw(bits, buffer) & mask)) > range) { }
        return value;
    }
    const Word exclusive = static_cast<Word>(range + 1);
    uint32_t m = static_cast<uint32_t>(draw(bits, buffer)) * exclusive;
    Word leftover = static_cast<Word>(m);
    if (leftover < exclusive) {
        const Word threshold = static_cast<Word>(static_cast<Word>(static_cast<Word>(~Word(0)) - range) % exclusive);
        while (leftover < threshold) {
            m = static_cast<uint32_t>(draw(bits, buffer)) * exclusive;
            leftover = static_cast<Word>(m);
        }
    }
    return static_cast<Word>(m >> word_bits);
}

} // namespace detail

// One draw in [offset, offset + range] for each unsigned width (numpy's random_bounded_uint64,
// random_buffered_bounded_uint32/16/8 and _bool).
template<class Bits>
uint64_t bounded_uint64(Bits& bits, uint64_t offset, uint64_t range, BoundedMethod method)
{
    if (range == 0)
        return offset;
    if (range <= 0xFFFFFFFFULL) {
        if (range == 0xFFFFFFFFULL)
            return offset + bits.next32();
        if (method == BoundedMethod::Masked) {
            uint32_t mask = static_cast<uint32_t>(bit_mask_for(range));
            uint32_t value;
            while ((value = (bits.next32() & mask)) > range) { }
            return offset + value;
        }
        return offset + detail::lemire32(bits, static_cast<uint32_t>(range));
    }
    if (range == 0xFFFFFFFFFFFFFFFFULL)
        return offset + bits.next64();
    if (method == BoundedMethod::Masked) {
        uint64_t mask = bit_mask_for(range);
        uint64_t value;
        while ((value = (bits.next64() & mask)) > range) { }
        return offset + value;
    }
    return offset + detail::lemire64(bits, range);
}

template<class Bits>
uint32_t bounded_uint32(Bits& bits, uint32_t offset, uint32_t range, BoundedMethod method)
{
    if (range == 0)
        return offset;
    if (range == 0xFFFFFFFFU)
        return offset + bits.next32();
    if (method == BoundedMethod::Masked) {
        uint32_t mask = static_cast<uint32_t>(bit_mask_for(range));
        uint32_t value;
        while ((value = (bits.next32() & mask)) > range) { }
        return offset + value;
    }
    return offset + detail::lemire32(bits, range);
}

template<class Bits>
uint16_t bounded_uint16(Bits& bits, uint16_t offset, uint16_t range, BoundedMethod method, BitBuffer& buffer)
{
    if (range == 0)
        return offset;
    if (range == 0xFFFF)
        return static_cast<uint16_t>(offset + detail::buffered_uint16(bits, buffer));
    uint16_t mask = static_cast<uint16_t>(bit_mask_for(range));
    return static_cast<uint16_t>(offset + detail::small_bounded<Bits, uint16_t, detail::buffered_uint16<Bits>>(bits, range, mask, method, buffer));
}

template<class Bits>
uint8_t bounded_uint8(Bits& bits, uint8_t offset, uint8_t range, BoundedMethod method, BitBuffer& buffer)
{
    if (range == 0)
        return offset;
    if (range == 0xFF)
        return static_cast<uint8_t>(offset + detail::buffered_uint8(bits, buffer));
    uint8_t mask = static_cast<uint8_t>(bit_mask_for(range));
    return static_cast<uint8_t>(offset + detail::small_bounded<Bits, uint8_t, detail::buffered_uint8<Bits>>(bits, range, mask, method, buffer));
}

// Booleans: one bit of a buffered 32-bit word per draw, whatever the method.
template<class Bits>
bool bounded_bool(Bits& bits, bool offset, bool range, BitBuffer& buffer)
{
    if (!range)
        return offset;
    if (!buffer.remaining) {
        buffer.word = bits.next32();
        buffer.remaining = 31;
    } else {
        buffer.word >>= 1;
        buffer.remaining -= 1;
    }
    return (buffer.word & 1U) != 0;
}

} // namespace ramba::random
