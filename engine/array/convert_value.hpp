// One element converted between dtypes as numpy does on x86: the one definition that eager casts
// (engine/array/cast.cpp) and the kernels' conversion loops (engine/vm/cast.cpp) share.
#pragma once

#include <complex>
#include <cstdint>
#include <type_traits>

namespace ramba::engine {

template<typename T> inline constexpr bool is_complex_value = false;
template<typename T> inline constexpr bool is_complex_value<std::complex<T>> = true;

// float -> int64 as x86's cvttsd2si: NaN and out-of-range give INT64_MIN (C++ calls that UB).
template<typename F> inline int64_t truncate_to_int64(F x)
{
    if (!(x >= F(-9223372036854775808.0) && x < F(9223372036854775808.0))) return INT64_MIN;
    return static_cast<int64_t>(x);
}
template<typename F> inline int32_t truncate_to_int32(F x)
{
    if (!(x >= F(-2147483648.0) && x < F(2147483648.0))) return INT32_MIN;
    return static_cast<int32_t>(x);
}

// Whether a float -> integer conversion of x is one numpy warns about ("invalid value encountered
// in cast"): NaN, an infinity, or a value outside the target's conversion range.
template<typename To, typename F> inline bool invalid_integer_cast(F x)
{
    if constexpr (sizeof(To) <= 4 && !(std::is_same_v<To, uint32_t>))
        return !(x > F(-2147483649.0) && x < F(2147483648.0));
    else if constexpr (std::is_same_v<To, uint64_t>)
        return !(x > F(-9223372036854775809.0) && x < F(18446744073709551616.0));
    else
        return !(x > F(-9223372036854775809.0) && x < F(9223372036854775808.0));
}

template<typename To, typename From> inline To convert_value(From x)
{
    if constexpr (std::is_same_v<To, From>) {
        return x;
    } else if constexpr (is_complex_value<From>) {
        if constexpr (std::is_same_v<To, bool>) return x.real() != 0 || x.imag() != 0;
        else return convert_value<To>(x.real());
    } else if constexpr (std::is_same_v<To, bool>) {
        return x != 0;
    } else if constexpr (is_complex_value<To>) {
        return To(static_cast<double>(x), 0.0);
    } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
        // numpy: small integer types go through int32 (then wrap), 64-bit ones through int64.
        if constexpr (sizeof(To) < 4) return static_cast<To>(truncate_to_int32(x));
        else if constexpr (std::is_same_v<To, int32_t>) return truncate_to_int32(x);
        else if constexpr (std::is_same_v<To, uint32_t>) return static_cast<uint32_t>(truncate_to_int64(x));
        else if constexpr (std::is_same_v<To, int64_t>) return truncate_to_int64(x);
        else {
            // GCC's (and so numpy's) double -> uint64: from 2^63 up a signed truncation of x - 2^63
            // with the top bit flipped back, else of x (+inf comes out 0, NaN and -inf 2^63).
            if (x >= From(9223372036854775808.0))
                return static_cast<uint64_t>(truncate_to_int64(x - From(9223372036854775808.0))) ^ (uint64_t(1) << 63);
            return static_cast<uint64_t>(truncate_to_int64(x));
        }
    } else {
        return static_cast<To>(x);
    }
}

} // namespace ramba::engine
