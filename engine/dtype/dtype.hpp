// DType: the one table of element types (name, item size, kind, numpy char, promotion rank).
// Everything about dtypes (promotion, casting, printing names) derives from this table.
#pragma once

#include <complex>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ramba::engine {

// X(Enum, cpp_type, numpy_name, itemsize, kind_char, numpy_char)
#define RAMBA_DTYPES(X)                                   \
    X(Bool, bool, "bool", 1, 'b', '?')                    \
    X(Int8, int8_t, "int8", 1, 'i', 'b')                  \
    X(Int16, int16_t, "int16", 2, 'i', 'h')               \
    X(Int32, int32_t, "int32", 4, 'i', 'i')               \
    X(Int64, int64_t, "int64", 8, 'i', 'l')               \
    X(UInt8, uint8_t, "uint8", 1, 'u', 'B')               \
    X(UInt16, uint16_t, "uint16", 2, 'u', 'H')            \
    X(UInt32, uint32_t, "uint32", 4, 'u', 'I')            \
    X(UInt64, uint64_t, "uint64", 8, 'u', 'L')            \
    X(Float32, float, "float32", 4, 'f', 'f')             \
    X(Float64, double, "float64", 8, 'f', 'd')            \
    X(Complex128, std::complex<double>, "complex128", 16, 'c', 'D')

enum class DType : uint8_t {
#define RAMBA_X(e, t, n, s, k, c) e,
    RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
};

inline constexpr int dtype_count = 0
#define RAMBA_X(e, t, n, s, k, c) +1
    RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
    ;

std::string_view dtype_name(DType);
size_t dtype_itemsize(DType);
char dtype_kind(DType);       // 'b' bool, 'i' signed, 'u' unsigned, 'f' float, 'c' complex
char dtype_char(DType);
bool dtype_from_name(std::string_view, DType& out); // "float64", "f8", "int", "float", "complex", ...
DType promote_types(DType, DType); // numpy.promote_types

template<DType D> struct CppType;
#define RAMBA_X(e, t, n, s, k, c) template<> struct CppType<DType::e> { using type = t; };
RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X

// Calls f.template operator()<T>() with T the C++ element type of `dtype`.
template<typename F>
decltype(auto) dispatch_dtype(DType dtype, F&& f)
{
    switch (dtype) {
#define RAMBA_X(e, t, n, s, k, c) case DType::e: return f.template operator()<t>();
        RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
    }
    __builtin_unreachable();
}

} // namespace ramba::engine
