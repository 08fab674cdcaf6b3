// The dtype table's lookups (names, sizes, kinds) and numpy.promote_types derived from the kinds.
// Promotion is tested against a table printed by numpy 1.24 (tests/unit/engine/dtype_promotion.cpp).
#include "engine/dtype/dtype.hpp"

#include <array>
#include <string>

namespace ramba::engine {

namespace {

struct DTypeRow {
    std::string_view name;
    size_t itemsize;
    char kind;
    char character;
};

constexpr std::array<DTypeRow, dtype_count> dtype_rows { {
#define RAMBA_X(e, t, n, s, k, c) { n, s, k, c },
    RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
} };

const DTypeRow& row(DType dtype) { return dtype_rows[static_cast<size_t>(dtype)]; }

DType signed_of_size(size_t size)
{
    switch (size) {
    case 1: return DType::Int8;
    case 2: return DType::Int16;
    case 4: return DType::Int32;
    default: return DType::Int64;
    }
}

} // namespace

std::string_view dtype_name(DType dtype) { return row(dtype).name; }
size_t dtype_itemsize(DType dtype) { return row(dtype).itemsize; }
char dtype_kind(DType dtype) { return row(dtype).kind; }
char dtype_char(DType dtype) { return row(dtype).character; }

bool dtype_from_name(std::string_view name, DType& out)
{
    // numpy accepts a byte-order mark in front of typestrings ("<f8", "=i4", "|b1").
    if (name.size() > 1 && (name[0] == '<' || name[0] == '=' || name[0] == '|'))
        name.remove_prefix(1);
    struct Alias { std::string_view name; DType dtype; };
    static constexpr Alias aliases[] = {
        { "bool", DType::Bool }, { "bool_", DType::Bool }, { "?", DType::Bool }, { "b1", DType::Bool },
        { "int8", DType::Int8 }, { "i1", DType::Int8 }, { "b", DType::Int8 }, { "byte", DType::Int8 },
        { "int16", DType::Int16 }, { "i2", DType::Int16 }, { "h", DType::Int16 }, { "short", DType::Int16 },
        { "int32", DType::Int32 }, { "i4", DType::Int32 }, { "i", DType::Int32 }, { "intc", DType::Int32 },
        { "int64", DType::Int64 }, { "i8", DType::Int64 }, { "l", DType::Int64 }, { "q", DType::Int64 },
        { "int", DType::Int64 }, { "int_", DType::Int64 }, { "intp", DType::Int64 }, { "p", DType::Int64 },
        { "long", DType::Int64 }, { "longlong", DType::Int64 },
        { "uint8", DType::UInt8 }, { "u1", DType::UInt8 }, { "B", DType::UInt8 }, { "ubyte", DType::UInt8 },
        { "uint16", DType::UInt16 }, { "u2", DType::UInt16 }, { "H", DType::UInt16 }, { "ushort", DType::UInt16 },
        { "uint32", DType::UInt32 }, { "u4", DType::UInt32 }, { "I", DType::UInt32 }, { "uintc", DType::UInt32 },
        { "uint64", DType::UInt64 }, { "u8", DType::UInt64 }, { "L", DType::UInt64 }, { "Q", DType::UInt64 },
        { "uint", DType::UInt64 }, { "uintp", DType::UInt64 }, { "P", DType::UInt64 }, { "ulonglong", DType::UInt64 },
        { "float32", DType::Float32 }, { "f4", DType::Float32 }, { "f", DType::Float32 }, { "single", DType::Float32 },
        { "float64", DType::Float64 }, { "f8", DType::Float64 }, { "d", DType::Float64 }, { "double", DType::Float64 },
        { "float", DType::Float64 }, { "float_", DType::Float64 },
        { "complex128", DType::Complex128 }, { "c16", DType::Complex128 }, { "D", DType::Complex128 },
        { "complex", DType::Complex128 }, { "complex_", DType::Complex128 }, { "cdouble", DType::Complex128 },
    };
    for (const auto& alias : aliases) {
        if (alias.name == name) {
            out = alias.dtype;
            return true;
        }
    }
    return false;
}

// numpy.promote_types: the smallest type both can be cast to safely.
//   bool promotes to anything; within a kind the larger wins; int with uint needs a signed type
//   twice the uint's size (uint64 with any signed int gives float64); ints with float32 need
//   float64 from 4-byte ints up (float16 does not exist here); anything with complex is complex128.
DType promote_types(DType a, DType b)
{
    if (a == b)
        return a;
    char ka = dtype_kind(a), kb = dtype_kind(b);
    size_t sa = dtype_itemsize(a), sb = dtype_itemsize(b);
    if (ka == 'b')
        return b;
    if (kb == 'b')
        return a;
    auto rank = [](char kind) { return kind == 'f' ? 2 : kind == 'c' ? 3 : 1; };
    if (ka == kb)
        return sa >= sb ? a : b;
    if (rank(ka) == 1 && rank(kb) == 1) {
        // One signed, one unsigned.
        size_t signed_size = ka == 'i' ? sa : sb;
        size_t unsigned_size = ka == 'u' ? sa : sb;
        if (signed_size > unsigned_size)
            return signed_of_size(signed_size);
        if (unsigned_size == 8)
            return DType::Float64;
        return signed_of_size(unsigned_size * 2);
    }
    if (rank(ka) == 3 || rank(kb) == 3)
        return DType::Complex128;
    // One integer, one float.
    DType floating = rank(ka) == 2 ? a : b;
    size_t int_size = rank(ka) == 1 ? sa : sb;
    if (floating == DType::Float32 && int_size <= 2)
        return DType::Float32;
    return DType::Float64;
}

} // namespace ramba::engine
