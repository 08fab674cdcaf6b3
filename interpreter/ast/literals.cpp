// Literal decoding: numbers and strings as Python reads them (see literals.hpp).
#include "interpreter/ast/literals.hpp"

#include <charconv>
#include <limits>

#include "interpreter/ast/syntax_error.hpp"

namespace ramba::ast {

NumberLiteral decode_number(std::string_view text, bool negated, SourceSpan)
{
    std::string digits;
    digits.reserve(text.size());
    for (char c : text)
        if (c != '_')
            digits += c;
    NumberLiteral result {};
    char last = digits.back();
    bool is_based = digits.size() > 2 && digits[0] == '0' && std::string_view("xXoObB").find(digits[1]) != std::string_view::npos;
    if (last == 'j' || last == 'J') {
        digits.pop_back();
        result.type = NumberLiteral::Type::Imaginary;
        std::from_chars(digits.data(), digits.data() + digits.size(), result.float_value);
        return result;
    }
    if (!is_based && digits.find_first_of(".eE") != std::string::npos) {
        result.type = NumberLiteral::Type::Float;
        // from_chars gives inf for out-of-range values with result_out_of_range; Python does too.
        auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), result.float_value);
        if (error == std::errc::result_out_of_range) {
            // from_chars leaves the value untouched on overflow/underflow: decide by the exponent sign.
            bool tiny = digits.find("e-") != std::string::npos || digits.find("E-") != std::string::npos;
            result.float_value = tiny ? 0.0 : std::numeric_limits<double>::infinity();
        }
        (void)end;
        if (negated)
            result.float_value = -result.float_value;
        return result;
    }
    result.type = NumberLiteral::Type::Int;
    int base = 10;
    size_t begin = 0;
    if (is_based) {
        char b = digits[1] | 0x20;
        base = b == 'x' ? 16 : b == 'o' ? 8 : 2;
        begin = 2;
    }
    uint64_t value = 0;
    auto [end, error] = std::from_chars(digits.data() + begin, digits.data() + digits.size(), value, base);
    (void)end;
    uint64_t limit = negated ? uint64_t(1) << 63 : (uint64_t(1) << 63) - 1;
    if (error == std::errc::result_out_of_range || value > limit) {
        result.type = NumberLiteral::Type::BigInt;
        result.big_digits = digits.substr(begin);
        result.base = base;
        return result;
    }
    result.int_value = negated ? static_cast<int64_t>(0 - value) : static_cast<int64_t>(value);
    return result;
}

StringLiteral split_string_token(std::string_view text, SourceSpan span)
{
    StringLiteral result;
    size_t prefix = 0;
    bool& is_bytes = result.is_bytes;
    while (prefix < text.size() && text[prefix] != '\'' && text[prefix] != '"') {
        char c = text[prefix] | 0x20;
        if (c == 'f')
            result.is_fstring = true;
        else if (c == 'r')
            result.is_raw = true;
        else if (c == 'b')
            is_bytes = true;
        ++prefix;
    }
    char quote = text[prefix];
    size_t quote_length = text.size() >= prefix + 6 && text[prefix + 1] == quote && text[prefix + 2] == quote ? 3 : 1;
    result.body = std::string(text.substr(prefix + quote_length, text.size() - prefix - 2 * quote_length));
    result.body_line = span.line;
    result.body_column = span.column + static_cast<uint32_t>(prefix + quote_length);
    return result;
}

static void append_utf8(std::string& out, uint32_t code_point)
{
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    c |= 0x20;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

std::string decode_bytes_literal(std::string_view body, bool raw, SourceSpan span)
{
    for (char c : body) {
        if (static_cast<unsigned char>(c) >= 0x80)
            throw_syntax_error("bytes can only contain ASCII literal characters", span);
    }
    if (raw || body.find('\\') == std::string_view::npos)
        return std::string(body);
    std::string out;
    out.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            continue;
        }
        char e = body[++i];
        switch (e) {
        case '\n': break;
        case '\r': if (i + 1 < body.size() && body[i + 1] == '\n') ++i; break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': {
            int high = i + 1 < body.size() ? hex_value(body[i + 1]) : -1;
            int low = i + 2 < body.size() ? hex_value(body[i + 2]) : -1;
            if (high < 0 || low < 0)
                throw_syntax_error("(value error) invalid \\x escape at position " + std::to_string(i - 1), span);
            out += static_cast<char>(high * 16 + low);
            i += 2;
            break;
        }
        default:
            if (e >= '0' && e <= '7') {
                unsigned value = static_cast<unsigned>(e - '0');
                for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                    value = value * 8 + static_cast<unsigned>(body[++i] - '0');
                out += static_cast<char>(value & 0xFF);
            } else {
                out += '\\';
                out += e;
            }
        }
    }
    return out;
}

std::string decode_escapes(std::string_view body, SourceSpan span)
{
    if (body.find('\\') == std::string_view::npos)
        return std::string(body);
    std::string out;
    out.reserve(body.size());
    for (size_t i = 0; i < body.size(); ++i) {
        char c = body[i];
        if (c != '\\' || i + 1 >= body.size()) {
            out += c;
            continue;
        }
        char e = body[++i];
        switch (e) {
        case '\n': break;
        case '\r': if (i + 1 < body.size() && body[i + 1] == '\n') ++i; break;
        case '\\': out += '\\'; break;
        case '\'': out += '\''; break;
        case '"': out += '"'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'v': out += '\v'; break;
        case 'x': case 'u': case 'U': {
            size_t count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t value = 0;
            for (size_t k = 0; k < count; ++k) {
                int digit = i + 1 + k < body.size() ? hex_value(body[i + 1 + k]) : -1;
                if (digit < 0) {
                    const char* name = e == 'x' ? "truncated \\xXX escape" : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                    throw_syntax_error(std::string("(unicode error) 'unicodeescape' codec can't decode bytes: ") + name, span);
                }
                value = value * 16 + static_cast<uint32_t>(digit);
            }
            if (value > 0x10FFFF)
                throw_syntax_error("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character", span);
            i += count;
            append_utf8(out, value);
            break;
        }
        case 'N':
            throw_syntax_error("\\N{...} escapes are not supported", span);
        default:
            if (e >= '0' && e <= '7') {
                uint32_t value = static_cast<uint32_t>(e - '0');
                for (int k = 0; k < 2 && i + 1 < body.size() && body[i + 1] >= '0' && body[i + 1] <= '7'; ++k)
                    value = value * 8 + static_cast<uint32_t>(body[++i] - '0');
                append_utf8(out, value);
            } else {
                // Python keeps unknown escapes as they are (with a DeprecationWarning).
                out += '\\';
                out += e;
            }
        }
    }
    return out;
}

} // namespace ramba::ast
