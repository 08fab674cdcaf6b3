// Ints at the 2**63 boundary: results past int64 grow into big ints (GMP) and come back to the 64-bit
// fast path when they fit again. Expected values printed by /usr/bin/python3 3.11.
#include <catch2/catch.hpp>

#include "interpreter/values/bigint.hpp"
#include "tests/unit/values/test_context.hpp"

using namespace ramba::interp;
using namespace ramba::interp::testing;

namespace {

Value big(std::string_view digits)
{
    bool negative = !digits.empty() && digits[0] == '-';
    return int_from_digits(negative ? digits.substr(1) : digits, 10, negative);
}

} // namespace

TEST_CASE("int arithmetic past the 2**63 boundary matches Python", "[values]")
{
    TestContext ctx;
    Value max = Value::integer(INT64_MAX), min = Value::integer(INT64_MIN), one = Value::integer(1);
    auto text = [&](BinaryOp op, const Value& a, const Value& b) { return repr_value(ctx, binary_op(ctx, op, a, b)); };
    CHECK(text(BinaryOp::Add, max, one) == "9223372036854775808");
    CHECK(text(BinaryOp::Sub, min, one) == "-9223372036854775809");
    CHECK(text(BinaryOp::Mul, max, Value::integer(2)) == "18446744073709551614");
    CHECK(text(BinaryOp::Pow, Value::integer(2), Value::integer(63)) == "9223372036854775808");
    CHECK(text(BinaryOp::LShift, one, Value::integer(63)) == "9223372036854775808");
    CHECK(text(BinaryOp::FloorDiv, min, Value::integer(-1)) == "9223372036854775808");
    CHECK(text(BinaryOp::Mod, min, Value::integer(-1)) == "0");
    CHECK(text(BinaryOp::Mul, min, min) == "85070591730234615865843651857942052864");
    CHECK(text(BinaryOp::Sub, min, max) == "-18446744073709551615");
    CHECK(text(BinaryOp::Div, max, Value::integer(3)) == "3.0744573456182584e+18");
    CHECK(repr_value(ctx, unary_op(ctx, UnaryOp::Neg, min)) == "9223372036854775808");

    Value two63 = big("9223372036854775808");
    CHECK(is_bigint(two63));
    CHECK(text(BinaryOp::FloorDiv, two63, Value::integer(2)) == "4611686018427387904");
    CHECK(text(BinaryOp::Mod, big("-27670116110564327424"), Value::integer(7)) == "4");
    CHECK(text(BinaryOp::BitAnd, big("-18446744073709551616"), max) == "0");
    CHECK(text(BinaryOp::RShift, big("36893488147419103232"), Value::integer(2)) == "9223372036854775808");

    // Back below the boundary, a result is a plain 64-bit Int again.
    Value back = binary_op(ctx, BinaryOp::Sub, two63, one);
    CHECK(back.is(Type::Int));
    CHECK(back.as_int() == INT64_MAX);
    CHECK(binary_op(ctx, BinaryOp::Add, min, Value::integer(-1)).is(Type::Opaque));
    CHECK(binary_op(ctx, BinaryOp::Add, big("-9223372036854775809"), one).as_int() == INT64_MIN);
}

TEST_CASE("big ints compare, hash and convert as Python's", "[values]")
{
    TestContext ctx;
    Value two63 = big("9223372036854775808"), two64 = big("18446744073709551616");
    CHECK(truthy(ctx, compare_op(ctx, CompareOp::Gt, two63, Value::integer(INT64_MAX))));
    CHECK(truthy(ctx, compare_op(ctx, CompareOp::Lt, big("-9223372036854775809"), Value::integer(INT64_MIN))));
    CHECK(values_equal(ctx, two64, Value::floating(18446744073709551616.0)));
    CHECK_FALSE(values_equal(ctx, binary_op(ctx, BinaryOp::Add, two64, Value::integer(1)), Value::floating(18446744073709551616.0)));
    CHECK(compare_int_with_double(two64, std::numeric_limits<double>::infinity()) == -1);
    CHECK(compare_int_with_double(two64, std::numeric_limits<double>::quiet_NaN()) == 2);
    CHECK(hash_value(ctx, two63) == 4);
    CHECK(static_cast<int64_t>(hash_value(ctx, big("-9223372036854775809"))) == -5);
    CHECK(hash_value(ctx, two64) == 8);
    CHECK(hash_value(ctx, two64) == hash_value(ctx, Value::floating(18446744073709551616.0)));
    CHECK(int_to_double(big("18446744073709553665")) == 18446744073709555712.0); // 2**64 + 2**11 + 1 rounds up
    CHECK(int_to_double(big("18446744073709553664")) == 18446744073709551616.0); // a tie rounds to even
    CHECK(outcome(ctx, [&] { return Value::floating(int_to_double(binary_op(ctx, BinaryOp::Pow, Value::integer(2), Value::integer(1024)))); }).second
        == "int too large to convert to float");
    CHECK(repr_value(ctx, int_from_double(1e20)) == "100000000000000000000");
    CHECK(int_to_string(two64, 16) == "10000000000000000");
    CHECK(repr_value(ctx, int_power_modulo(Value::integer(3), Value::integer(-1), two64)) == "12297829382473034411");
}
