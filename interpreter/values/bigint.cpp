// Python ints past int64 on GMP (see bigint.hpp): arithmetic, conversions, comparisons with floats,
// hashing, and the TypeInfo through which operators, printing and attributes reach big values.
#include "interpreter/values/bigint.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/array/ndarray.hpp"
#include "interpreter/values/bytes.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

mpz_srcptr mpz_of(const Value& big) { return static_cast<const BigIntObject&>(*big.object()).value; }

[[noreturn]] void throw_digits_limit()
{
    throw_error(ErrorKind::ValueError, "Exceeds the limit (4300 digits) for integer string conversion; "
                                       "use sys.set_int_max_str_digits() to increase the limit");
}

// A result with more bits than memory could hold is MemoryError rather than GMP aborting the process.
void check_result_bits(double bits)
{
    if (bits > 8.0 * static_cast<double>(engine::Buffer::memory_limit()))
        throw_error(ErrorKind::MemoryError, "");
}

// |z| rounded to the nearest double (ties to even), times 2**scale; inf when it overflows.
double round_to_double(mpz_srcptr z, long scale = 0)
{
    size_t bits = mpz_sizeinbase(z, 2);
    if (bits <= 55) {
        Mpz magnitude;
        mpz_abs(magnitude.get(), z);
        return std::ldexp(static_cast<double>(mpz_get_ui(magnitude.get())), static_cast<int>(scale));
    }
    // Keep 55 bits and fold everything below into a sticky bit: one correct rounding to 53 bits.
    Mpz top;
    size_t drop = bits - 55;
    mpz_tdiv_q_2exp(top.get(), z, drop);
    mpz_abs(top.get(), top.get());
    auto head = static_cast<uint64_t>(mpz_get_ui(top.get()));
    if (mpz_scan1(z, 0) < drop) // (scan1 on a negative z finds the same lowest set bit)
        head |= 1;
    double exponent = static_cast<double>(drop) + static_cast<double>(scale);
    if (exponent > 2000)
        return INFINITY;
    return std::ldexp(static_cast<double>(head), static_cast<int>(exponent));
}

Value power(const Value& base, const Value& exponent)
{
    if (int_sign(exponent) < 0) {
        if (int_sign(base) == 0)
            throw_error(ErrorKind::ZeroDivisionError, "0.0 cannot be raised to a negative power");
        return float_power(int_to_double(base), int_to_double(exponent));
    }
    Mpz b(base);
    if (mpz_cmp_si(b.get(), 1) == 0 || mpz_sgn(b.get()) == 0)
        return base.is(Type::Bool) ? Value::integer(base.as_int()) : int_sign(exponent) == 0 ? Value::integer(1) : int_from_mpz(b.get());
    if (mpz_cmp_si(b.get(), -1) == 0) {
        Mpz e(exponent);
        return Value::integer(mpz_odd_p(e.get()) ? -1 : 1);
    }
    if (!exponent.is(Type::Int) && !exponent.is(Type::Bool))
        throw_error(ErrorKind::MemoryError, "");
    int64_t e = exponent.as_int();
    check_result_bits(static_cast<double>(mpz_sizeinbase(b.get(), 2)) * static_cast<double>(e));
    Mpz out;
    mpz_pow_ui(out.get(), b.get(), static_cast<unsigned long>(e));
    return int_from_mpz(out.get());
}

// int / int, correctly rounded as CPython's long_true_divide.
Value true_divide(const Value& lhs, const Value& rhs)
{
    Mpz a(lhs), b(rhs);
    if (mpz_sgn(b.get()) == 0)
        throw_error(ErrorKind::ZeroDivisionError, "division by zero");
    bool negative = mpz_sgn(a.get()) * mpz_sgn(b.get()) < 0;
    mpz_abs(a.get(), a.get());
    mpz_abs(b.get(), b.get());
    if (mpz_sgn(a.get()) == 0)
        return Value::floating(negative ? -0.0 : 0.0);
    long shift = 55 - static_cast<long>(mpz_sizeinbase(a.get(), 2)) + static_cast<long>(mpz_sizeinbase(b.get(), 2));
    if (shift >= 0)
        mpz_mul_2exp(a.get(), a.get(), static_cast<mp_bitcnt_t>(shift));
    else
        mpz_mul_2exp(b.get(), b.get(), static_cast<mp_bitcnt_t>(-shift));
    Mpz quotient, remainder;
    mpz_tdiv_qr(quotient.get(), remainder.get(), a.get(), b.get());
    auto head = static_cast<uint64_t>(mpz_get_ui(quotient.get())); // 55 or 56 bits
    if (mpz_sgn(remainder.get()) != 0)
        head |= 1;
    double result = std::ldexp(static_cast<double>(head), static_cast<int>(std::max(-2000L, std::min(2000L, -shift))));
    if (std::isinf(result))
        throw_error(ErrorKind::OverflowError, "integer division result too large for a float");
    return Value::floating(negative ? -result : result);
}

Value shift(BinaryOp op, const Value& lhs, const Value& rhs)
{
    if (int_sign(rhs) < 0)
        throw_error(ErrorKind::ValueError, "negative shift count");
    Mpz a(lhs);
    if (mpz_sgn(a.get()) == 0)
        return Value::integer(0);
    if (op == BinaryOp::RShift) {
        if (!rhs.is(Type::Int) && !rhs.is(Type::Bool))
            return Value::integer(mpz_sgn(a.get()) < 0 ? -1 : 0);
        mpz_fdiv_q_2exp(a.get(), a.get(), static_cast<mp_bitcnt_t>(rhs.as_int()));
        return int_from_mpz(a.get());
    }
    if (!rhs.is(Type::Int) && !rhs.is(Type::Bool))
        throw_error(ErrorKind::OverflowError, "too many digits in integer");
    check_result_bits(static_cast<double>(rhs.as_int()));
    mpz_mul_2exp(a.get(), a.get(), static_cast<mp_bitcnt_t>(rhs.as_int()));
    return int_from_mpz(a.get());
}

// ---- The TypeInfo hooks of BigInt values

bool is_real_float(const Value& v) { return v.is(Type::Float); }

bool big_binary(CallContext&, BinaryOp op, const Value& lhs, const Value& rhs, Value& out)
{
    if (is_python_int(lhs) && is_python_int(rhs)) {
        out = big_int_binary(op, lhs, rhs);
        return true;
    }
    if ((is_python_int(lhs) || is_real_float(lhs)) && (is_python_int(rhs) || is_real_float(rhs))) {
        switch (op) {
        case BinaryOp::Add: case BinaryOp::Sub: case BinaryOp::Mul: case BinaryOp::Div:
        case BinaryOp::FloorDiv: case BinaryOp::Mod: case BinaryOp::Pow: {
            double a = lhs.is(Type::Float) ? lhs.as_float() : int_to_double(lhs);
            double b = rhs.is(Type::Float) ? rhs.as_float() : int_to_double(rhs);
            out = float_binary(op, a, b);
            return true;
        }
        default:
            return false;
        }
    }
    if ((is_python_int(lhs) || lhs.is(Type::Complex)) && (is_python_int(rhs) || rhs.is(Type::Complex))) {
        auto as_complex = [](const Value& v) {
            return v.is(Type::Complex) ? v.as_complex() : std::complex<double>(int_to_double(v), 0.0);
        };
        return complex_binary(op, as_complex(lhs), as_complex(rhs), out);
    }
    // Python: a repeat count must fit an index, whatever its sign.
    if (op == BinaryOp::Mul && (lhs.is(Type::Str) || lhs.is(Type::List) || lhs.is(Type::Tuple) || rhs.is(Type::Str)
            || rhs.is(Type::List) || rhs.is(Type::Tuple)))
        throw_error(ErrorKind::OverflowError, "cannot fit 'int' into an index-sized integer");
    return false;
}

Value big_unary(CallContext&, UnaryOp op, const Value& v)
{
    Mpz z(v);
    switch (op) {
    case UnaryOp::Neg: mpz_neg(z.get(), z.get()); break;
    case UnaryOp::Invert: mpz_com(z.get(), z.get()); break;
    default: break;
    }
    return int_from_mpz(z.get());
}

bool apply(CompareOp op, int c)
{
    switch (op) {
    case CompareOp::Eq: return c == 0;
    case CompareOp::NotEq: return c != 0;
    case CompareOp::Lt: return c < 0;
    case CompareOp::LtE: return c <= 0;
    case CompareOp::Gt: return c > 0;
    case CompareOp::GtE: return c >= 0;
    }
    return false;
}

bool big_compare(CallContext&, CompareOp op, const Value& lhs, const Value& rhs, Value& out)
{
    int c;
    if (is_python_int(lhs) && is_python_int(rhs)) {
        c = compare_ints(lhs, rhs);
    } else if (is_python_int(lhs) && rhs.is(Type::Float)) {
        c = compare_int_with_double(lhs, rhs.as_float());
    } else if (lhs.is(Type::Float) && is_python_int(rhs)) {
        c = compare_int_with_double(rhs, lhs.as_float());
        c = c == 2 ? 2 : -c;
    } else if ((lhs.is(Type::Complex) || rhs.is(Type::Complex)) && (op == CompareOp::Eq || op == CompareOp::NotEq)) {
        auto z = lhs.is(Type::Complex) ? lhs.as_complex() : rhs.as_complex();
        const Value& integer = lhs.is(Type::Complex) ? rhs : lhs;
        bool equal = z.imag() == 0.0 && compare_int_with_double(integer, z.real()) == 0;
        out = Value::boolean(equal == (op == CompareOp::Eq));
        return true;
    } else {
        return false;
    }
    out = Value::boolean(c == 2 ? op == CompareOp::NotEq : apply(op, c));
    return true;
}

bool big_equals(const Value& self, const Value& other)
{
    if (is_python_int(other))
        return compare_ints(self, other) == 0;
    if (other.is(Type::Float))
        return compare_int_with_double(self, other.as_float()) == 0;
    if (other.is(Type::Complex))
        return other.as_complex().imag() == 0.0 && compare_int_with_double(self, other.as_complex().real()) == 0;
    return false;
}

std::string big_repr(CallContext&, const Value& self) { return int_to_string(self, 10); }
size_t big_hash(const Value& self) { return static_cast<size_t>(hash_python_int(self)); }
bool big_truth(CallContext&, const Value&) { return true; }
bool big_to_float(CallContext&, const Value& self, double& out)
{
    out = int_to_double(self);
    return true;
}
bool big_to_complex(CallContext&, const Value& self, std::complex<double>& out)
{
    out = { int_to_double(self), 0.0 };
    return true;
}
Value big_type_object() { return core_class(Type::Int); }
// An index, a count, a size: Python's OverflowError, as CPython's PyNumber_AsSsize_t gives.
bool big_is_integer_index(const Value&) { return true; }
bool big_to_int(CallContext&, const Value&, int64_t&)
{
    throw_error(ErrorKind::OverflowError, "Python int too large to convert to C ssize_t");
}

Value attribute_self(CallContext&, const Value& self) { return self; }
Value attribute_zero(CallContext&, const Value&) { return Value::integer(0); }
Value attribute_one(CallContext&, const Value&) { return Value::integer(1); }

constexpr AttributeSpec big_attributes[] = {
    { "real", attribute_self, "the real part of a complex number" },
    { "imag", attribute_zero, "the imaginary part of a complex number" },
    { "numerator", attribute_self, "the numerator of a rational number in lowest terms" },
    { "denominator", attribute_one, "the denominator of a rational number in lowest terms" },
};

const TypeInfo& big_type_info()
{
    static const TypeInfo info = [] {
        TypeInfo t {};
        t.name = "int";
        t.methods = int_methods();
        t.attributes = big_attributes;
        t.binary = big_binary;
        t.unary = big_unary;
        t.compare = big_compare;
        t.str = big_repr;
        t.repr = big_repr;
        t.truth = big_truth;
        t.to_float = big_to_float;
        t.to_int = big_to_int;
        t.is_integer_index = big_is_integer_index;
        t.to_complex = big_to_complex;
        t.hash = big_hash;
        t.equals = big_equals;
        t.type_object = big_type_object;
        t.python_base = Type::Int;
        return t;
    }();
    return info;
}

} // namespace

const TypeInfo& BigIntObject::type_info() const { return big_type_info(); }

bool is_bigint(const Value& value)
{
    return value.is(Type::Opaque) && &value.as<OpaqueObject>().type_info() == &big_type_info();
}

Mpz::Mpz(const Value& python_int)
{
    if (is_bigint(python_int))
        mpz_init_set(m_value, mpz_of(python_int));
    else
        mpz_init_set_si(m_value, python_int.as_int());
}

Value int_from_mpz(mpz_srcptr z)
{
    if (mpz_fits_slong_p(z))
        return Value::integer(mpz_get_si(z));
    auto big = make_object<BigIntObject>();
    mpz_set(big->value, z);
    return Value::object(Type::Opaque, std::move(big));
}

Value int_from_double(double d)
{
    if (std::isnan(d))
        throw_error(ErrorKind::ValueError, "cannot convert float NaN to integer");
    if (std::isinf(d))
        throw_error(ErrorKind::OverflowError, "cannot convert float infinity to integer");
    int64_t i;
    if (double_to_int64(d, i))
        return Value::integer(i);
    Mpz z;
    mpz_set_d(z.get(), d); // exact: a double this large is an integer
    return int_from_mpz(z.get());
}

double int_to_double(const Value& v)
{
    if (!is_bigint(v))
        return static_cast<double>(v.as_int());
    mpz_srcptr z = mpz_of(v);
    double magnitude = round_to_double(z);
    if (std::isinf(magnitude))
        throw_error(ErrorKind::OverflowError, "int too large to convert to float");
    return mpz_sgn(z) < 0 ? -magnitude : magnitude;
}

int int_sign(const Value& v)
{
    if (is_bigint(v))
        return mpz_sgn(mpz_of(v));
    return v.as_int() < 0 ? -1 : v.as_int() > 0 ? 1 : 0;
}

Value int_abs(const Value& v)
{
    Mpz z(v);
    mpz_abs(z.get(), z.get());
    return int_from_mpz(z.get());
}

Value int_round(const Value& v, int64_t ndigits)
{
    if (ndigits >= 0)
        return v.is(Type::Bool) ? Value::integer(v.as_int()) : v;
    Mpz z(v), scale, quotient, remainder;
    // 10**k beyond the value's own digits rounds everything to 0.
    if (static_cast<uint64_t>(-ndigits) > mpz_sizeinbase(z.get(), 10) + 1)
        return Value::integer(0);
    mpz_ui_pow_ui(scale.get(), 10, static_cast<unsigned long>(-ndigits));
    mpz_fdiv_qr(quotient.get(), remainder.get(), z.get(), scale.get());
    mpz_mul_2exp(remainder.get(), remainder.get(), 1);
    int c = mpz_cmp(remainder.get(), scale.get());
    if (c > 0 || (c == 0 && mpz_odd_p(quotient.get())))
        mpz_add_ui(quotient.get(), quotient.get(), 1);
    mpz_mul(quotient.get(), quotient.get(), scale.get());
    return int_from_mpz(quotient.get());
}

int64_t int_bit_length(const Value& v)
{
    if (is_bigint(v))
        return static_cast<int64_t>(mpz_sizeinbase(mpz_of(v), 2));
    int64_t i = v.as_int();
    uint64_t magnitude = i < 0 ? uint64_t(0) - uint64_t(i) : uint64_t(i);
    return magnitude == 0 ? 0 : 64 - __builtin_clzll(magnitude);
}

int compare_ints(const Value& lhs, const Value& rhs)
{
    if (!is_bigint(lhs) && !is_bigint(rhs))
        return lhs.as_int() < rhs.as_int() ? -1 : lhs.as_int() > rhs.as_int() ? 1 : 0;
    Mpz a(lhs), b(rhs);
    int c = mpz_cmp(a.get(), b.get());
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int compare_int_with_double(const Value& integer, double d)
{
    if (!is_bigint(integer))
        return compare_int_double(integer.as_int(), d);
    if (std::isnan(d))
        return 2;
    if (std::isinf(d))
        return d > 0 ? -1 : 1;
    int c = mpz_cmp_d(mpz_of(integer), d); // exact, fractional part included
    return c < 0 ? -1 : c > 0 ? 1 : 0;
}

int64_t hash_python_int(const Value& v)
{
    if (!is_bigint(v))
        return hash_int(v.as_int());
    mpz_srcptr z = mpz_of(v);
    auto h = static_cast<int64_t>(mpz_tdiv_ui(z, numeric_hash_modulus)); // |z| mod 2**61 - 1
    if (mpz_sgn(z) < 0)
        h = -h;
    return h == -1 ? -2 : h;
}

Value big_int_binary(BinaryOp op, const Value& lhs, const Value& rhs)
{
    switch (op) {
    case BinaryOp::Div: return true_divide(lhs, rhs);
    case BinaryOp::Pow: return power(lhs, rhs);
    case BinaryOp::LShift:
    case BinaryOp::RShift: return shift(op, lhs, rhs);
    case BinaryOp::MatMul: throw_type_error_unsupported(op, lhs, rhs);
    default: break;
    }
    Mpz a(lhs), b(rhs), out;
    switch (op) {
    case BinaryOp::Add: mpz_add(out.get(), a.get(), b.get()); break;
    case BinaryOp::Sub: mpz_sub(out.get(), a.get(), b.get()); break;
    case BinaryOp::Mul:
        check_result_bits(static_cast<double>(mpz_sizeinbase(a.get(), 2)) + static_cast<double>(mpz_sizeinbase(b.get(), 2)));
        mpz_mul(out.get(), a.get(), b.get());
        break;
    case BinaryOp::FloorDiv:
        if (mpz_sgn(b.get()) == 0)
            throw_error(ErrorKind::ZeroDivisionError, "integer division or modulo by zero");
        mpz_fdiv_q(out.get(), a.get(), b.get());
        break;
    case BinaryOp::Mod:
        if (mpz_sgn(b.get()) == 0)
            throw_error(ErrorKind::ZeroDivisionError, "integer modulo by zero");
        mpz_fdiv_r(out.get(), a.get(), b.get());
        break;
    case BinaryOp::BitAnd: mpz_and(out.get(), a.get(), b.get()); break;
    case BinaryOp::BitOr: mpz_ior(out.get(), a.get(), b.get()); break;
    case BinaryOp::BitXor: mpz_xor(out.get(), a.get(), b.get()); break;
    default: break;
    }
    return int_from_mpz(out.get());
}

Value int_power_modulo(const Value& base, const Value& exponent, const Value& modulus)
{
    Mpz b(base), e(exponent), m(modulus), out;
    if (mpz_sgn(m.get()) == 0)
        throw_error(ErrorKind::ValueError, "pow() 3rd argument cannot be 0");
    bool negative_modulus = mpz_sgn(m.get()) < 0;
    mpz_abs(m.get(), m.get());
    if (mpz_sgn(e.get()) < 0) {
        if (mpz_invert(b.get(), b.get(), m.get()) == 0)
            throw_error(ErrorKind::ValueError, "base is not invertible for the given modulus");
        mpz_neg(e.get(), e.get());
    }
    mpz_powm(out.get(), b.get(), e.get(), m.get()); // in [0, |m|)
    // Python: the result takes the modulus's sign.
    if (negative_modulus && mpz_sgn(out.get()) != 0)
        mpz_sub(out.get(), out.get(), m.get());
    if (mpz_cmp_ui(m.get(), 1) == 0)
        mpz_set_ui(out.get(), 0);
    return int_from_mpz(out.get());
}

std::string int_to_string(const Value& v, int base)
{
    if (!is_bigint(v)) {
        Mpz z(v);
        std::string out(mpz_sizeinbase(z.get(), base) + 2, '\0');
        mpz_get_str(out.data(), base, z.get());
        out.resize(std::strlen(out.c_str()));
        return out;
    }
    mpz_srcptr z = mpz_of(v);
    // sizeinbase may exceed the true count by one: decide on the exact digits.
    if (base == 10 && mpz_sizeinbase(z, 10) > int_max_str_digits + 1)
        throw_digits_limit();
    std::string out(mpz_sizeinbase(z, base) + 2, '\0');
    mpz_get_str(out.data(), base, z);
    out.resize(std::strlen(out.c_str()));
    if (base == 10 && out.size() - (out[0] == '-' ? 1 : 0) > int_max_str_digits)
        throw_digits_limit();
    return out;
}

Value int_from_digits(std::string_view digits, int base, bool negative)
{
    if (base == 10 && digits.size() > int_max_str_digits)
        throw_error(ErrorKind::ValueError, "Exceeds the limit (4300 digits) for integer string conversion: value has "
                + std::to_string(digits.size()) + " digits; use sys.set_int_max_str_digits() to increase the limit");
    Mpz z;
    std::string text(digits);
    if (mpz_set_str(z.get(), text.c_str(), base) != 0)
        throw_error(ErrorKind::ValueError, "invalid literal for int() with base " + std::to_string(base) + ": " + repr_string(digits));
    if (negative)
        mpz_neg(z.get(), z.get());
    return int_from_mpz(z.get());
}

namespace {

Value method_bit_length(CallContext&, std::span<Value> a) { return Value::integer(int_bit_length(a[0])); }

Value method_bit_count(CallContext&, std::span<Value> a)
{
    Mpz z(a[0]);
    mpz_abs(z.get(), z.get());
    return Value::integer(static_cast<int64_t>(mpz_popcount(z.get())));
}

Value method_conjugate(CallContext&, std::span<Value> a) { return a[0].is(Type::Bool) ? Value::integer(a[0].as_int()) : a[0]; }

Value method_as_integer_ratio(CallContext&, std::span<Value> a)
{
    return make_tuple({ a[0].is(Type::Bool) ? Value::integer(a[0].as_int()) : a[0], Value::integer(1) });
}

bool big_endian(const Value& byteorder)
{
    if (!byteorder.is(Type::Str))
        throw_error(ErrorKind::TypeError, "to_bytes() argument 'byteorder' must be str, not " + std::string(type_name(byteorder)));
    const std::string& order = byteorder.as<StrObject>().value;
    if (order != "big" && order != "little")
        throw_error(ErrorKind::ValueError, "byteorder must be either 'little' or 'big'");
    return order == "big";
}

// int.to_bytes(length=1, byteorder='big', *, signed=False): two's complement in `length` bytes.
Value method_to_bytes(CallContext& ctx, std::span<Value> a)
{
    int64_t length = to_index(ctx, a[1]);
    bool big = big_endian(a[2]);
    bool is_signed = truthy(ctx, a[3]);
    if (length < 0)
        throw_error(ErrorKind::ValueError, "length argument must be non-negative");
    Mpz z(a[0]);
    if (mpz_sgn(z.get()) < 0 && !is_signed)
        throw_error(ErrorKind::OverflowError, "can't convert negative int to unsigned");
    // Range: unsigned [0, 2**(8n)), signed [-2**(8n-1), 2**(8n-1)).
    Mpz magnitude;
    mpz_set(magnitude.get(), z.get());
    if (mpz_sgn(z.get()) < 0) { // -z - 1: the bits a negative value needs beside its sign
        mpz_neg(magnitude.get(), magnitude.get());
        mpz_sub_ui(magnitude.get(), magnitude.get(), 1);
    }
    auto bits = static_cast<int64_t>(mpz_sgn(magnitude.get()) == 0 ? 0 : mpz_sizeinbase(magnitude.get(), 2));
    if (bits > length * 8 - (is_signed ? 1 : 0) || (is_signed && length == 0 && mpz_sgn(z.get()) != 0))
        throw_error(ErrorKind::OverflowError, "int too big to convert");
    if (mpz_sgn(z.get()) < 0) { // two's complement: z + 2**(8n)
        Mpz modulus;
        mpz_ui_pow_ui(modulus.get(), 2, static_cast<unsigned long>(length * 8));
        mpz_add(z.get(), z.get(), modulus.get());
    }
    std::string out(static_cast<size_t>(length), '\0');
    size_t count = 0;
    if (length > 0 && mpz_sgn(z.get()) != 0)
        mpz_export(out.data() + (static_cast<size_t>(length) - (mpz_sizeinbase(z.get(), 256))), &count, 1, 1, 1, 0, z.get());
    if (!big)
        std::reverse(out.begin(), out.end());
    return make_bytes(std::move(out));
}

// int.from_bytes(bytes, byteorder='big', *, signed=False)
Value method_from_bytes(CallContext& ctx, std::span<Value> a)
{
    std::string data;
    if (is_bytes_like(a[0]))
        data = bytes_data(a[0]);
    else if (a[0].is(Type::Str))
        throw_error(ErrorKind::TypeError, "cannot convert 'str' object to bytes");
    else
        for (auto& item : to_vector(ctx, a[0])) {
            int64_t byte;
            if (!as_index(ctx, item, byte) || byte < 0 || byte > 255)
                throw_error(ErrorKind::ValueError, "bytes must be in range(0, 256)");
            data += static_cast<char>(byte);
        }
    bool big = big_endian(a[1]);
    if (!big)
        std::reverse(data.begin(), data.end());
    Mpz z;
    if (!data.empty())
        mpz_import(z.get(), data.size(), 1, 1, 1, 0, data.data());
    if (truthy(ctx, a[2]) && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80)) {
        Mpz modulus;
        mpz_ui_pow_ui(modulus.get(), 2, static_cast<unsigned long>(data.size() * 8));
        mpz_sub(z.get(), z.get(), modulus.get());
    }
    return int_from_mpz(z.get());
}

constexpr BuiltinSpec int_method_rows[] = {
    { "to_bytes", "(self, /, length=1, byteorder='big', *, signed=False)", method_to_bytes, "Return an array of bytes representing an integer." },
    { "from_bytes", "(bytes, byteorder='big', *, signed=False)", method_from_bytes, "Return the integer represented by the given array of bytes." },
    { "bit_length", "(self, /)", method_bit_length, "Number of bits necessary to represent self in binary." },
    { "bit_count", "(self, /)", method_bit_count, "Number of ones in the binary representation of the absolute value of self." },
    { "conjugate", "(self, /)", method_conjugate, "Returns self, the complex conjugate of any int." },
    { "as_integer_ratio", "(self, /)", method_as_integer_ratio, "Return integer ratio." },
};

} // namespace

std::span<const BuiltinSpec> int_methods() { return int_method_rows; }

} // namespace ramba::interp
