// The 12 x 12 conversion loops. numpy follows C casts on x86: float -> int truncates, NaN and
// out-of-range values give the most negative integer (cvttsd2si); complex -> real keeps the real part.
#include "engine/vm/cast.hpp"

#include <array>
#include <cmath>
#include <complex>
#include <cstring>
#include <type_traits>

#include "engine/array/convert_value.hpp"

namespace ramba::vm {

using engine::DType;

namespace {

using engine::convert_value;

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
