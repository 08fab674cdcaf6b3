// Literal decoding for the AST builder: number tokens, string tokens (prefixes, escapes) and the
// splitting of f-string bodies into literal text and field source. Pure text in, values out.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.hpp"

namespace ramba::ast {

struct NumberLiteral {
    enum class Type { Int, BigInt, Float, Imaginary } type;
    int64_t int_value { 0 };
    double float_value { 0 };
    std::string big_digits; // BigInt: the digits after any base prefix, without underscores
    int base { 10 };        // BigInt
};

// An int beyond int64 is a BigInt literal (negated: the literal of `-9223372036854775808` is an Int).
NumberLiteral decode_number(std::string_view text, bool negated, SourceSpan span);

struct StringLiteral {
    bool is_fstring { false };
    bool is_raw { false };
    bool is_bytes { false };
    std::string body;     // between the quotes, undecoded
    uint32_t body_line { 0 };   // position of the body's first character
    uint32_t body_column { 0 };
};

// Splits a STRING token (prefix + quotes).
StringLiteral split_string_token(std::string_view text, SourceSpan span);

// Python's escape sequences (\n, \x41, \u00e9, \N is not supported, octal, line continuation).
std::string decode_escapes(std::string_view body, SourceSpan span);
// A bytes literal's body: ASCII only (SyntaxError otherwise); \x and octal escapes are byte values,
// \u, \U and \N stay as written. Raw (rb'') bodies are only checked.
std::string decode_bytes_literal(std::string_view body, bool raw, SourceSpan span);

} // namespace ramba::ast
