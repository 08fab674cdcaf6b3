// Scalar bodies of the VM ops that need more than one C++ expression to match numpy 1.24.
// ops.def names them as s::name(a, b); kernels inline them into their `omp simd` loops.
#pragma once

#include <cmath>
#include <complex>
#include <cstdint>
#include <limits>
#include <numbers>
#include <type_traits>

namespace ramba::vm::scalar {

using Complex = std::complex<double>;
template<typename T> inline constexpr bool is_complex_v = std::is_same_v<T, Complex>;
template<typename T> inline constexpr bool is_int_v = std::is_integral_v<T> && !std::is_same_v<T, bool>;

// Integer arithmetic wraps as numpy's C loops do: compute in an unsigned type at least 32 bits wide
// (so int16 * int16 never overflows `int`), then convert back (modular since C++20).
template<typename T>
using Wide = std::conditional_t<(sizeof(T) < 4), uint32_t, std::make_unsigned_t<T>>;

template<typename T> inline T add(T a, T b)
{
    if constexpr (std::is_same_v<T, bool>) return a || b;
    else if constexpr (is_int_v<T>) return static_cast<T>(static_cast<Wide<T>>(a) + static_cast<Wide<T>>(b));
    else return a + b;
}

template<typename T> inline T subtract(T a, T b)
{
    if constexpr (is_int_v<T>) return static_cast<T>(static_cast<Wide<T>>(a) - static_cast<Wide<T>>(b));
    else return a - b;
}

template<typename T> inline T multiply(T a, T b)
{
    if constexpr (std::is_same_v<T, bool>) return a && b;
    else if constexpr (is_int_v<T>) return static_cast<T>(static_cast<Wide<T>>(a) * static_cast<Wide<T>>(b));
    else return a * b;
}

template<typename T> inline T negative(T a)
{
    if constexpr (is_int_v<T>) return static_cast<T>(Wide<T>(0) - static_cast<Wide<T>>(a));
    else return -a;
}

// numpy: integer x // 0 and x % 0 give 0 (the kernel's fault check warns); MIN // -1 wraps to MIN.
template<typename T> inline T floor_divide(T a, T b)
{
    if constexpr (is_int_v<T>) {
        if (b == 0) return 0;
        if constexpr (std::is_signed_v<T>) {
            if (b == -1) return negative(a);
            T q = static_cast<T>(a / b);
            if ((a % b != 0) && ((a < 0) != (b < 0))) q = static_cast<T>(q - 1);
            return q;
        } else {
            return static_cast<T>(a / b);
        }
    } else {
        // numpy's npy_divmod: floor of (a - fmod(a, b)) / b, corrected to the nearest integer.
        if (b == 0) return a / b;
        T mod = std::fmod(a, b);
        T div = (a - mod) / b;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) div -= 1;
        }
        if (div != 0) {
            T floordiv = std::floor(div);
            if (div - floordiv > T(0.5)) floordiv += 1;
            return floordiv;
        }
        return std::copysign(T(0), a / b);
    }
}

template<typename T> inline T remainder(T a, T b)
{
    if constexpr (is_int_v<T>) {
        if (b == 0) return 0;
        if constexpr (std::is_signed_v<T>) {
            if (b == -1) return 0;
            T r = static_cast<T>(a % b);
            if (r != 0 && ((r < 0) != (b < 0))) r = static_cast<T>(r + b);
            return r;
        } else {
            return static_cast<T>(a % b);
        }
    } else {
        // numpy's npy_remainder: the sign follows the divisor; a zero result takes b's sign.
        T mod = std::fmod(a, b);
        if (b == 0) return mod;
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) mod += b;
        } else {
            mod = std::copysign(T(0), b);
        }
        return mod;
    }
}

// C's truncated remainder: the sign follows the dividend.
template<typename T> inline T fmod(T a, T b)
{
    if constexpr (is_int_v<T>) {
        if (b == 0) return 0;
        if constexpr (std::is_signed_v<T>) {
            if (b == -1) return 0;
        }
        return static_cast<T>(a % b);
    } else {
        return std::fmod(a, b);
    }
}

// numpy: integer powers by repeated squaring (wrapping); negative exponents are rejected before the
// loop runs (OpFault::NegativePower), so here b < 0 only yields a placeholder.
template<typename T> inline T power(T a, T b)
{
    if constexpr (is_int_v<T>) {
        if (b < 0) return 0;
        Wide<T> result = 1, base = static_cast<Wide<T>>(a);
        auto e = static_cast<std::make_unsigned_t<T>>(b);
        while (e != 0) {
            if (e & 1) result = static_cast<Wide<T>>(result * base);
            base = static_cast<Wide<T>>(base * base);
            e >>= 1;
        }
        return static_cast<T>(result);
    } else {
        return std::pow(a, b);
    }
}

template<typename T> inline auto absolute(T a)
{
    if constexpr (std::is_same_v<T, bool> || std::is_unsigned_v<T>) return a;
    else if constexpr (is_int_v<T>) return a < 0 ? negative(a) : a;
    else if constexpr (is_complex_v<T>) return std::hypot(a.real(), a.imag());
    else return std::fabs(a);
}

// numpy 1.24: sign(nan) = nan, sign(-0.0) = 0.0; complex: sign of the real part, else of the imaginary.
template<typename T> inline T sign(T a)
{
    if constexpr (is_complex_v<T>) {
        double r = a.real(), i = a.imag();
        if (r > 0) return 1;
        if (r < 0) return -1;
        if (r == 0) return i > 0 ? 1 : i < 0 ? -1 : i == 0 ? 0 : std::numeric_limits<double>::quiet_NaN();
        return T(std::numeric_limits<double>::quiet_NaN(), 0); // real part nan
    } else if constexpr (is_int_v<T>) {
        return static_cast<T>((a > 0) - (a < 0));
    } else {
        return a > 0 ? T(1) : a < 0 ? T(-1) : a == 0 ? T(0) : a;
    }
}

template<typename T> inline T conjugate(T a)
{
    if constexpr (is_complex_v<T>) return std::conj(a);
    else return a;
}

template<typename T> inline T sqrt(T a) { return std::sqrt(a); }

template<typename T> inline T exp2(T a)
{
    if constexpr (is_complex_v<T>) return std::exp(a * std::numbers::ln2);
    else return std::exp2(a);
}

template<typename T> inline T expm1(T a)
{
    if constexpr (is_complex_v<T>) {
        // numpy's nc_expm1, accurate for small |a|.
        double x = a.real(), y = a.imag(), s = std::sin(y / 2);
        return { std::expm1(x) * std::cos(y) - 2 * s * s, std::exp(x) * std::sin(y) };
    } else {
        return std::expm1(a);
    }
}

template<typename T> inline T log2(T a)
{
    if constexpr (is_complex_v<T>) return std::log(a) * std::numbers::log2e;
    else return std::log2(a);
}

template<typename T> inline T log1p(T a)
{
    if constexpr (is_complex_v<T>) {
        double x = a.real() + 1, y = a.imag();
        return { std::log(std::hypot(x, y)), std::atan2(y, x) };
    } else {
        return std::log1p(a);
    }
}

template<typename T> inline T rint(T a)
{
    if constexpr (is_complex_v<T>) return { std::nearbyint(a.real()), std::nearbyint(a.imag()) };
    else return std::nearbyint(a);
}

template<typename T> inline T deg2rad(T a) { return a * static_cast<T>(std::numbers::pi / 180.0); }
template<typename T> inline T rad2deg(T a) { return a * static_cast<T>(180.0 / std::numbers::pi); }

template<typename T> inline auto angle(T a)
{
    if constexpr (is_complex_v<T>) return std::atan2(a.imag(), a.real());
    else return std::atan2(T(0), a);
}

template<typename T> inline bool isnan(T a)
{
    if constexpr (is_complex_v<T>) return std::isnan(a.real()) || std::isnan(a.imag());
    else if constexpr (std::is_floating_point_v<T>) return std::isnan(a);
    else return false;
}

template<typename T> inline bool isinf(T a)
{
    if constexpr (is_complex_v<T>) return std::isinf(a.real()) || std::isinf(a.imag());
    else if constexpr (std::is_floating_point_v<T>) return std::isinf(a);
    else return false;
}

template<typename T> inline bool isfinite(T a)
{
    if constexpr (is_complex_v<T>) return std::isfinite(a.real()) && std::isfinite(a.imag());
    else if constexpr (std::is_floating_point_v<T>) return std::isfinite(a);
    else return true;
}

template<typename T> inline bool truth(T a)
{
    if constexpr (is_complex_v<T>) return a.real() != 0 || a.imag() != 0;
    else return a != 0;
}

// numpy orders complex numbers lexicographically (CLT/CLE in its loops); NaN compares false.
template<typename T> inline bool less(T a, T b)
{
    if constexpr (is_complex_v<T>) {
        return (a.real() < b.real() && !std::isnan(a.imag()) && !std::isnan(b.imag()))
            || (a.real() == b.real() && a.imag() < b.imag());
    } else {
        return a < b;
    }
}

template<typename T> inline bool less_equal(T a, T b)
{
    if constexpr (is_complex_v<T>) {
        return (a.real() < b.real() && !std::isnan(a.imag()) && !std::isnan(b.imag()))
            || (a.real() == b.real() && a.imag() <= b.imag());
    } else {
        return a <= b;
    }
}

// numpy: maximum/minimum propagate NaN; on ties (0.0 vs -0.0) the second operand wins, as in
// numpy's loops (scalar_max: a > b || isnan(a) ? a : b).
template<typename T> inline T maximum(T a, T b)
{
    if constexpr (is_complex_v<T>) return (less(b, a) || isnan(a)) ? a : b;
    else if constexpr (std::is_floating_point_v<T>) return (a > b || std::isnan(a)) ? a : b;
    else return a > b ? a : b;
}

template<typename T> inline T minimum(T a, T b)
{
    if constexpr (is_complex_v<T>) return (less(a, b) || isnan(a)) ? a : b;
    else if constexpr (std::is_floating_point_v<T>) return (a < b || std::isnan(a)) ? a : b;
    else return a < b ? a : b;
}

// numpy: fmax/fmin ignore NaN unless both are NaN; ties go to the second operand.
template<typename T> inline T fmax(T a, T b)
{
    if constexpr (is_complex_v<T>) return (less(b, a) || isnan(b)) ? a : b;
    else if constexpr (std::is_floating_point_v<T>) return (a > b || std::isnan(b)) ? a : b;
    else return a > b ? a : b;
}

template<typename T> inline T fmin(T a, T b)
{
    if constexpr (is_complex_v<T>) return (less(a, b) || isnan(b)) ? a : b;
    else if constexpr (std::is_floating_point_v<T>) return (a < b || std::isnan(b)) ? a : b;
    else return a < b ? a : b;
}

// numpy 1.24's _NPY_CLIP: min(max(x, lo), hi) where a NaN x (or bound) propagates.
template<typename T> inline T clip(T x, T lo, T hi)
{
    if constexpr (std::is_floating_point_v<T>) {
        T m = std::isnan(x) ? x : (x > lo ? x : lo);
        return std::isnan(m) ? m : (m < hi ? m : hi);
    } else if constexpr (is_complex_v<T>) {
        T m = less(lo, x) ? x : lo;
        return less(m, hi) ? m : hi;
    } else {
        T m = x > lo ? x : lo;
        return m < hi ? m : hi;
    }
}

template<typename T> inline T invert(T a)
{
    if constexpr (std::is_same_v<T, bool>) return !a;
    else return static_cast<T>(~a);
}

// numpy's npy_lshift/npy_rshift: shifts by the bit width or more (or negative) give 0 (or -1).
template<typename T> inline T left_shift(T a, T b)
{
    if (static_cast<uint64_t>(b) < sizeof(T) * 8) return static_cast<T>(static_cast<Wide<T>>(a) << b);
    return 0;
}

template<typename T> inline T right_shift(T a, T b)
{
    if (static_cast<uint64_t>(b) < sizeof(T) * 8) return static_cast<T>(a >> b);
    if constexpr (std::is_signed_v<T>) return a < 0 ? T(-1) : T(0);
    else return 0;
}

} // namespace ramba::vm::scalar
