// Python ints past int64, on GMP: the slow path behind Value's 64-bit Int. Used by values/ (operators,
// int(), str(), hash, format), eval/ (big literals) and stdlib/python (math, random).
#pragma once

#include <gmp.h>

#include <string>
#include <string_view>

#include "interpreter/values/value.hpp"

namespace ramba::interp {

// An int outside int64, as a library object whose TypeInfo says `int` (type(x) is int, isinstance
// holds). Invariant: its value never fits int64, so every result is normalised by int_from_mpz and
// an Int never equals a BigInt.
struct BigIntObject final : OpaqueObject {
    mpz_t value;
    BigIntObject() { mpz_init(value); }
    BigIntObject(const BigIntObject&) = delete;
    BigIntObject& operator=(const BigIntObject&) = delete;
    ~BigIntObject() override { mpz_clear(value); }
    const TypeInfo& type_info() const override;
};

bool is_bigint(const Value&);
// int, bool or a big int: what Python calls an int.
inline bool is_python_int(const Value& value) { return value.is(Type::Int) || value.is(Type::Bool) || is_bigint(value); }

// A GMP integer on the stack, filled from a Python int.
class Mpz {
public:
    Mpz() { mpz_init(m_value); }
    explicit Mpz(const Value& python_int);
    explicit Mpz(int64_t i) { mpz_init_set_si(m_value, i); }
    Mpz(const Mpz&) = delete;
    Mpz& operator=(const Mpz&) = delete;
    ~Mpz() { mpz_clear(m_value); }
    mpz_ptr get() { return m_value; }
    mpz_srcptr get() const { return m_value; }

private:
    mpz_t m_value;
};

Value int_from_mpz(mpz_srcptr);                    // an Int when it fits int64, else a BigInt
Value int_from_double(double);                     // int(x): ValueError for NaN, OverflowError for inf
double int_to_double(const Value& python_int);     // correctly rounded; OverflowError "int too large to convert to float"
// int (op) int for ints of any size, with Python's errors (ZeroDivisionError, negative shift count).
Value big_int_binary(BinaryOp, const Value& lhs, const Value& rhs);
Value int_power_modulo(const Value& base, const Value& exponent, const Value& modulus); // pow(a, b, m)
int compare_ints(const Value& lhs, const Value& rhs);      // -1, 0, 1
int compare_int_with_double(const Value& python_int, double); // exact; 2 when unordered (NaN)
int64_t hash_python_int(const Value& python_int);           // CPython's, modulo 2**61 - 1
int int_sign(const Value& python_int);
Value int_abs(const Value& python_int);
Value int_round(const Value& python_int, int64_t ndigits); // round(x, ndigits): half to even at 10**-ndigits
int64_t int_bit_length(const Value& python_int);

// Digits in base 2..36 with a leading '-' (no prefix). Base 10 past 4300 digits is Python's ValueError.
std::string int_to_string(const Value& python_int, int base = 10);
// Digits (and sign) already checked by the caller's grammar, underscores removed; base 10 past 4300 digits
// is Python's ValueError.
Value int_from_digits(std::string_view digits, int base, bool negative);

// Python's limit on decimal conversions of huge ints (sys.get_int_max_str_digits).
inline constexpr size_t int_max_str_digits = 4300;

// The methods of int (bit_length, bit_count, to_bytes, ...), for Int, Bool and BigInt alike.
std::span<const BuiltinSpec> int_methods();

} // namespace ramba::interp
