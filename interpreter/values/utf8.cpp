// UTF-8 helpers: strings are stored as UTF-8 and indexed by code point (ASCII strings take a fast path).
// Used by str indexing, len(), iteration, repr and the str methods.
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

// OPTIMIZATION: eight bytes at a time; s[i] on a long string asks this per access.
bool is_ascii(std::string_view s)
{
    size_t i = 0;
    uint64_t high_bits = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t word;
        __builtin_memcpy(&word, s.data() + i, 8);
        high_bits |= word;
    }
    for (; i < s.size(); ++i)
        high_bits |= static_cast<unsigned char>(s[i]);
    return (high_bits & 0x8080808080808080u) == 0;
}

bool utf8_decode_one(std::string_view s, size_t& position, uint32_t& code_point)
{
    if (position >= s.size())
        return false;
    auto byte = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
    unsigned char c = byte(position);
    int extra = c < 0x80 ? 0 : (c >> 5) == 0x6 ? 1 : (c >> 4) == 0xE ? 2 : (c >> 3) == 0x1E ? 3 : -1;
    if (extra < 0 || position + extra >= s.size() + (extra == 0 ? 1 : 0)) {
        // Malformed: take the byte as a Latin-1 code point rather than failing.
        code_point = c;
        position += 1;
        return true;
    }
    code_point = extra == 0 ? c : extra == 1 ? (c & 0x1F) : extra == 2 ? (c & 0x0F) : (c & 0x07);
    for (int i = 1; i <= extra; ++i)
        code_point = (code_point << 6) | (byte(position + i) & 0x3F);
    position += extra + 1;
    return true;
}

int64_t utf8_length(std::string_view s)
{
    int64_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80)
            ++n;
    }
    return n;
}

std::vector<std::string_view> utf8_characters(std::string_view s)
{
    std::vector<std::string_view> out;
    out.reserve(s.size());
    size_t position = 0;
    uint32_t code_point;
    while (position < s.size()) {
        size_t begin = position;
        utf8_decode_one(s, position, code_point);
        out.push_back(s.substr(begin, position - begin));
    }
    return out;
}

std::string utf8_encode(uint32_t cp)
{
    std::string out;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
}

} // namespace ramba::interp
