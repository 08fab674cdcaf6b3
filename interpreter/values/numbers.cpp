// Python's scalar arithmetic on int64, double and complex: floor division and modulo toward -inf,
// checked int overflow, CPython's float ** rules, exact int/float comparison, numeric hashing.
#include <cfloat>
#include <cmath>

#include "interpreter/values/bigint.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {
constexpr double two_pow_63 = 9223372036854775808.0;

bool is_odd_integer(double x)
{
    return std::fmod(std::fabs(x), 2.0) == 1.0;
}
}

bool double_to_int64(double d, int64_t& out)
{
    if (!(d >= -two_pow_63 && d < two_pow_63))
        return false;
    out = static_cast<int64_t>(d);
    return true;
}

int64_t float_to_int_checked(double d)
{
    if (std::isnan(d))
        throw_error(ErrorKind::ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d))
        throw_error(ErrorKind::OverflowError, "cannot convert float infinity to integer");
    int64_t out;
    if (!double_to_int64(d, out))
        throw_int_overflow();
    return out;
}

Value int_power(int64_t base, int64_t exponent)
{
    if (exponent < 0) {
        if (base == 0)
            throw_error(ErrorKind::ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_power(static_cast<double>(base), static_cast<double>(exponent));
    }
    int64_t result = 1;
    int64_t factor = base;
    for (int64_t rest = exponent; rest > 0;) {
        if (rest & 1) {
            if (__builtin_mul_overflow(result, factor, &result))
                return big_int_binary(BinaryOp::Pow, Value::integer(base), Value::integer(exponent));
        }
        rest >>= 1;
        if (rest > 0 && __builtin_mul_overflow(factor, factor, &factor))
            return big_int_binary(BinaryOp::Pow, Value::integer(base), Value::integer(exponent));
    }
    return Value::integer(result);
}

Value int_binary(BinaryOp op, int64_t a, int64_t b)
{
    int64_t r;
    switch (op) {
    case BinaryOp::Add:
        if (__builtin_add_overflow(a, b, &r))
            return big_int_binary(op, Value::integer(a), Value::integer(b));
        return Value::integer(r);
    case BinaryOp::Sub:
        if (__builtin_sub_overflow(a, b, &r))
            return big_int_binary(op, Value::integer(a), Value::integer(b));
        return Value::integer(r);
    case BinaryOp::Mul:
        if (__builtin_mul_overflow(a, b, &r))
            return big_int_binary(op, Value::integer(a), Value::integer(b));
        return Value::integer(r);
    case BinaryOp::Div:
        if (b == 0)
            throw_error(ErrorKind::ZeroDivisionError, "division by zero");
        // Python rounds the exact quotient once: int64s past 2**53 take the big path.
        if (a >= (int64_t(1) << 53) || a <= -(int64_t(1) << 53) || b >= (int64_t(1) << 53) || b <= -(int64_t(1) << 53))
            return big_int_binary(op, Value::integer(a), Value::integer(b));
        return Value::floating(static_cast<double>(a) / static_cast<double>(b));
    case BinaryOp::FloorDiv: {
        if (b == 0)
            throw_error(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
        if (a == INT64_MIN && b == -1)
            return big_int_binary(op, Value::integer(a), Value::integer(b));
        int64_t q = a / b;
        if ((a % b != 0) && ((a < 0) != (b < 0)))
            --q;
        return Value::integer(q);
    }
    case BinaryOp::Mod: {
        if (b == 0)
            throw_error(ErrorKind::ZeroDivisionError, "integer modulo by zero");
        if (b == -1)
            return Value::integer(0);
        int64_t m = a % b;
        if (m != 0 && ((m < 0) != (b < 0)))
            m += b;
        return Value::integer(m);
    }
    case BinaryOp::Pow:
        return int_power(a, b);
    case BinaryOp::BitAnd: return Value::integer(a & b);
    case BinaryOp::BitOr: return Value::integer(a | b);
    case BinaryOp::BitXor: return Value::integer(a ^ b);
    case BinaryOp::LShift:
        if (b < 0)
            throw_error(ErrorKind::ValueError, "negative shift count");
        if (a == 0)
            return Value::integer(0);
        if (b >= 64)
            return big_int_binary(op, Value::integer(a), Value::integer(b));
        r = static_cast<int64_t>(static_cast<uint64_t>(a) << b);
        if ((r >> b) != a)
            return big_int_binary(op, Value::integer(a), Value::integer(b));
        return Value::integer(r);
    case BinaryOp::RShift:
        if (b < 0)
            throw_error(ErrorKind::ValueError, "negative shift count");
        if (b >= 64)
            return Value::integer(a < 0 ? -1 : 0);
        return Value::integer(a >> b);
    case BinaryOp::MatMul:
        break;
    }
    throw_type_error_unsupported(op, Value::integer(a), Value::integer(b));
}

// CPython float_divmod: the floor quotient, exact in the cases where a/b rounds up to an integer.
double floor_divide_float(double a, double b)
{
    if (b == 0)
        throw_error(ErrorKind::ZeroDivisionError, "float floor division by zero");
    double mod = std::fmod(a, b);
    double div = (a - mod) / b;
    if (mod != 0 && ((b < 0) != (mod < 0)))
        div -= 1.0;
    if (div != 0) {
        double floordiv = std::floor(div);
        if (div - floordiv > 0.5)
            floordiv += 1.0;
        return floordiv;
    }
    return std::copysign(0.0, a / b);
}

// CPython float_rem: the result takes the sign of the divisor.
double modulo_float(double a, double b)
{
    if (b == 0)
        throw_error(ErrorKind::ZeroDivisionError, "float modulo");
    double mod = std::fmod(a, b);
    if (mod != 0) {
        if ((b < 0) != (mod < 0))
            mod += b;
    } else {
        mod = std::copysign(0.0, b);
    }
    return mod;
}

// CPython float_pow, case by case (Objects/floatobject.c).
Value float_power(double iv, double iw)
{
    if (iw == 0)
        return Value::floating(1.0);
    if (std::isnan(iv))
        return Value::floating(iv);
    if (std::isnan(iw))
        return Value::floating(iv == 1.0 ? 1.0 : iw);
    if (std::isinf(iw)) {
        iv = std::fabs(iv);
        if (iv == 1.0)
            return Value::floating(1.0);
        if ((iw > 0) == (iv > 1.0))
            return Value::floating(std::fabs(iw));
        return Value::floating(0.0);
    }
    if (std::isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0)
            return Value::floating(odd ? iv : std::fabs(iv));
        return Value::floating(odd ? std::copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0)
            throw_error(ErrorKind::ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return Value::floating(odd ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != std::floor(iw))
            return Value::complex(complex_power({ iv, 0.0 }, { iw, 0.0 }));
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return Value::floating(negate ? -1.0 : 1.0);
    double result = std::pow(iv, iw);
    if (std::isinf(result))
        throw_error(ErrorKind::OverflowError, "(34, 'Numerical result out of range')");
    return Value::floating(negate ? -result : result);
}

Value float_binary(BinaryOp op, double a, double b)
{
    switch (op) {
    case BinaryOp::Add: return Value::floating(a + b);
    case BinaryOp::Sub: return Value::floating(a - b);
    case BinaryOp::Mul: return Value::floating(a * b);
    case BinaryOp::Div:
        if (b == 0)
            throw_error(ErrorKind::ZeroDivisionError, "float division by zero");
        return Value::floating(a / b);
    case BinaryOp::FloorDiv: return Value::floating(floor_divide_float(a, b));
    case BinaryOp::Mod: return Value::floating(modulo_float(a, b));
    case BinaryOp::Pow: return float_power(a, b);
    default:
        break;
    }
    throw_type_error_unsupported(op, Value::floating(a), Value::floating(b));
}

namespace {
// CPython c_powi / c_powu: exact repeated squaring for small integer exponents.
std::complex<double> complex_power_unsigned(std::complex<double> x, int64_t n)
{
    std::complex<double> r { 1.0, 0.0 }, p = x;
    for (int64_t mask = 1; mask > 0 && n >= mask; mask <<= 1) {
        if (n & mask)
            r = std::complex<double>(r.real() * p.real() - r.imag() * p.imag(), r.real() * p.imag() + r.imag() * p.real());
        p = std::complex<double>(p.real() * p.real() - p.imag() * p.imag(), 2 * p.real() * p.imag());
    }
    return r;
}

std::complex<double> complex_divide(std::complex<double> a, std::complex<double> b)
{
    // CPython _Py_c_quot (Smith's method with scaling).
    double abs_breal = std::fabs(b.real()), abs_bimag = std::fabs(b.imag());
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0)
            throw_error(ErrorKind::ZeroDivisionError, "complex division by zero");
        double ratio = b.imag() / b.real();
        double denom = b.real() + b.imag() * ratio;
        return { (a.real() + a.imag() * ratio) / denom, (a.imag() - a.real() * ratio) / denom };
    }
    if (abs_bimag >= abs_breal) {
        double ratio = b.real() / b.imag();
        double denom = b.real() * ratio + b.imag();
        return { (a.real() * ratio + a.imag()) / denom, (a.imag() * ratio - a.real()) / denom };
    }
    return { NAN, NAN };
}
}

// CPython complex_pow / _Py_c_pow.
std::complex<double> complex_power(std::complex<double> a, std::complex<double> b)
{
    if (b.imag() == 0.0 && b.real() == std::floor(b.real()) && std::fabs(b.real()) <= 100.0) {
        auto n = static_cast<int64_t>(b.real());
        if (n == 0)
            return { 1.0, 0.0 };
        if (a.real() == 0.0 && a.imag() == 0.0) {
            if (n < 0)
                throw_error(ErrorKind::ZeroDivisionError, "0.0 to a negative or complex power");
            return { 0.0, 0.0 };
        }
        if (n > 0)
            return complex_power_unsigned(a, n);
        return complex_divide({ 1.0, 0.0 }, complex_power_unsigned(a, -n));
    }
    if (b.real() == 0.0 && b.imag() == 0.0)
        return { 1.0, 0.0 };
    if (a.real() == 0.0 && a.imag() == 0.0) {
        if (b.imag() != 0.0 || b.real() < 0.0)
            throw_error(ErrorKind::ZeroDivisionError, "0.0 to a negative or complex power");
        return { 0.0, 0.0 };
    }
    double vabs = std::hypot(a.real(), a.imag());
    double len = std::pow(vabs, b.real());
    double at = std::atan2(a.imag(), a.real());
    double phase = at * b.real();
    if (b.imag() != 0.0) {
        len /= std::exp(at * b.imag());
        phase += b.imag() * std::log(vabs);
    }
    // CPython reports libm's EDOM from cos/sin of an infinite phase as this ZeroDivisionError.
    if (std::isinf(phase))
        throw_error(ErrorKind::ZeroDivisionError, "0.0 to a negative or complex power");
    std::complex<double> r { len * std::cos(phase), len * std::sin(phase) };
    if (std::isinf(r.real()) || std::isinf(r.imag()))
        throw_error(ErrorKind::OverflowError, "complex exponentiation");
    return r;
}

bool complex_binary(BinaryOp op, std::complex<double> a, std::complex<double> b, Value& out)
{
    switch (op) {
    case BinaryOp::Add: out = Value::complex({ a.real() + b.real(), a.imag() + b.imag() }); return true;
    case BinaryOp::Sub: out = Value::complex({ a.real() - b.real(), a.imag() - b.imag() }); return true;
    case BinaryOp::Mul:
        out = Value::complex({ a.real() * b.real() - a.imag() * b.imag(), a.real() * b.imag() + a.imag() * b.real() });
        return true;
    case BinaryOp::Div: out = Value::complex(complex_divide(a, b)); return true;
    case BinaryOp::Pow: out = Value::complex(complex_power(a, b)); return true;
    default: return false;
    }
}

int compare_int_double(int64_t i, double d)
{
    if (std::isnan(d))
        return 2;
    if (d >= two_pow_63)
        return -1;
    if (d < -two_pow_63)
        return 1;
    double t = std::trunc(d);
    auto ti = static_cast<int64_t>(t);
    if (i < ti)
        return -1;
    if (i > ti)
        return 1;
    double frac = d - t;
    return frac > 0 ? -1 : frac < 0 ? 1 : 0;
}

// CPython's numeric hash: reduction modulo the Mersenne prime 2**61 - 1, so that equal int, float and
// complex values hash alike and `hash(1.5)` prints what Python prints.
namespace {
constexpr uint64_t hash_modulus = numeric_hash_modulus;
constexpr int hash_bits = 61;
}

int64_t hash_int(int64_t i)
{
    uint64_t magnitude = i < 0 ? uint64_t(0) - uint64_t(i) : uint64_t(i);
    auto h = static_cast<int64_t>(magnitude % hash_modulus);
    if (i < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

int64_t hash_double(double v)
{
    if (std::isinf(v))
        return v > 0 ? 314159 : -314159;
    if (std::isnan(v))
        return 0;
    int e;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & hash_modulus) | x >> (hash_bits - 28);
        m *= 268435456.0;
        e -= 28;
        auto y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= hash_modulus)
            x -= hash_modulus;
    }
    e = e >= 0 ? e % hash_bits : hash_bits - 1 - ((-1 - e) % hash_bits);
    x = ((x << e) & hash_modulus) | x >> (hash_bits - e);
    auto h = static_cast<int64_t>(x) * sign;
    return h == -1 ? -2 : h;
}

} // namespace ramba::interp
