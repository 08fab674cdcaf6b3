// The 12 x 12 conversion loops. numpy follows C casts on x86: float -> int truncates, NaN and
// out-of-range values give the most negative integer (cvttsd2si); complex -> real keeps the real part.
#include "engine/vm/cast.hpp"

#include <array>
#include <cmath>
#include <complex>
#include <cstring>
#include <type_traits>

#include "engine/vm/scalar_ops.hpp"

namespace ramba::vm {

using engine::DType;

namespace {

// float -> int64 as x86's cvttsd2si: NaN and out-of-range give INT64_MIN (C++ calls that UB).
template<typename F> inline int64_t to_int64(F x)
{
    if (!(x >= F(-9223372036854775808.0) && x < F(9223372036854775808.0))) return INT64_MIN;
    return static_cast<int64_t>(x);
}
template<typename F> inline int32_t to_int32(F x)
{
    if (!(x >= F(-2147483648.0) && x < F(2147483648.0))) return INT32_MIN;
    return static_cast<int32_t>(x);
}

template<typename To, typename From> inline To convert_value(From x)
{
    if constexpr (std::is_same_v<To, From>) {
        return x;
    } else if constexpr (scalar::is_complex_v<From>) {
        if constexpr (std::is_same_v<To, bool>) return x.real() != 0 || x.imag() != 0;
        else return convert_value<To>(x.real());
    } else if constexpr (std::is_same_v<To, bool>) {
        return x != 0;
    } else if constexpr (scalar::is_complex_v<To>) {
        return To(static_cast<double>(x), 0.0);
    } else if constexpr (std::is_floating_point_v<From> && std::is_integral_v<To>) {
        // numpy: small integer types go through int32 (then wrap), 64-bit ones through int64.
        if constexpr (sizeof(To) < 4) return static_cast<To>(to_int32(x));
        else if constexpr (std::is_same_v<To, int32_t>) return to_int32(x);
        else if constexpr (std::is_same_v<To, uint32_t>) return static_cast<uint32_t>(to_int64(x));
        else if constexpr (std::is_same_v<To, int64_t>) return to_int64(x);
        else {
            if (x >= From(9223372036854775808.0) && x < From(18446744073709551616.0))
                return static_cast<uint64_t>(x);
            return static_cast<uint64_t>(to_int64(x));
        }
    } else {
        return static_cast<To>(x);
    }
}

template<typename From, typename To>
void convert(const std::byte* src, int64_t src_stride, std::byte* dst, int64_t dst_stride, int64_t n)
{
    if (src_stride == sizeof(From) && dst_stride == sizeof(To)) {
        auto* s = reinterpret_cast<const From*>(src);
        auto* d = reinterpret_cast<To*>(dst);
        if constexpr (std::is_same_v<From, To>) {
            std::memcpy(d, s, n * sizeof(To));
        } else {
#pragma omp simd
            for (int64_t i = 0; i < n; ++i) d[i] = convert_value<To>(s[i]);
        }
        return;
    }
    if (src_stride == 0) {
        To value = convert_value<To>(*reinterpret_cast<const From*>(src));
        for (int64_t i = 0; i < n; ++i) std::memcpy(dst + i * dst_stride, &value, sizeof(To));
        return;
    }
    for (int64_t i = 0; i < n; ++i) {
        From x;
        std::memcpy(&x, src + i * src_stride, sizeof(From));
        To y = convert_value<To>(x);
        std::memcpy(dst + i * dst_stride, &y, sizeof(To));
    }
}

using Row = std::array<ConvertFn, engine::dtype_count>;

template<typename From>
constexpr Row make_row()
{
    return Row {
#define RAMBA_X(e, t, n, s, k, c) &convert<From, t>,
        RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
    };
}

constexpr std::array<Row, engine::dtype_count> table {
#define RAMBA_X(e, t, n, s, k, c) make_row<t>(),
    RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
};

} // namespace

ConvertFn convert_fn(DType from, DType to)
{
    return table[static_cast<int>(from)][static_cast<int>(to)];
}

} // namespace ramba::vm
