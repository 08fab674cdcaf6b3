// The evaluator's inline arithmetic on Python ints and floats: the fast paths of binary operators and
// augmented assignment. Anything these decline (overflow, division by zero, other types) goes to
// values/ binary_op, which raises Python's errors. Used by eval/expressions.cpp and interpreter.cpp.
#pragma once

#include <cmath>
#include <cstdint>

#include "interpreter/ast/ast.hpp"
#include "interpreter/values/value.hpp"

namespace ramba::interp {

// Python's floor division and modulo on int64 (the caller excludes b == 0 and MIN // -1).
inline int64_t floor_divide(int64_t a, int64_t b)
{
    int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0)))
        --q;
    return q;
}
inline int64_t floor_modulo(int64_t a, int64_t b)
{
    int64_t r = a % b;
    if (r != 0 && ((r < 0) != (b < 0)))
        r += b;
    return r;
}

// Integers that a double holds exactly, so int/int true division rounds once, as Python's does.
inline constexpr int64_t exact_double_limit = int64_t(1) << 53;

// The result of int (op) int when it can be computed inline: not for overflow, division by zero,
// or the operators values/ handles (which raise Python's errors or make big results).
struct IntArith {
    enum Kind : uint8_t { None, Int, Float } kind;
    int64_t integer;
    double floating;
};
[[gnu::always_inline]] inline IntArith int_arith(ast::BinOpKind op, int64_t a, int64_t b)
{
    using ast::BinOpKind;
    int64_t r;
    switch (op) {
    case BinOpKind::Add:
        if (!__builtin_add_overflow(a, b, &r))
            return { IntArith::Int, r, 0.0 };
        break;
    case BinOpKind::Sub:
        if (!__builtin_sub_overflow(a, b, &r))
            return { IntArith::Int, r, 0.0 };
        break;
    case BinOpKind::Mul:
        if (!__builtin_mul_overflow(a, b, &r))
            return { IntArith::Int, r, 0.0 };
        break;
    case BinOpKind::FloorDiv:
        if (b != 0 && !(b == -1 && a == INT64_MIN))
            return { IntArith::Int, floor_divide(a, b), 0.0 };
        break;
    case BinOpKind::Mod:
        if (b != 0 && b != -1)
            return { IntArith::Int, floor_modulo(a, b), 0.0 };
        if (b == -1)
            return { IntArith::Int, 0, 0.0 };
        break;
    case BinOpKind::Div:
        if (b != 0 && a < exact_double_limit && a > -exact_double_limit && b < exact_double_limit && b > -exact_double_limit)
            return { IntArith::Float, 0, static_cast<double>(a) / static_cast<double>(b) };
        break;
    case BinOpKind::BitAnd:
        return { IntArith::Int, a & b, 0.0 };
    case BinOpKind::BitOr:
        return { IntArith::Int, a | b, 0.0 };
    case BinOpKind::BitXor:
        return { IntArith::Int, a ^ b, 0.0 };
    default:
        break;
    }
    return { IntArith::None, 0, 0.0 };
}

// int/float (op) int/float computed inline where that gives Python's exact result; false otherwise.
[[gnu::always_inline]] inline bool number_arith(ast::BinOpKind op, const Value& left, const Value& right, Value& out)
{
    using ast::BinOpKind;
    if (left.is(Type::Int) && right.is(Type::Int)) {
        IntArith result = int_arith(op, left.as_int(), right.as_int());
        if (result.kind == IntArith::Int) {
            out = Value::integer(result.integer);
            return true;
        }
        if (result.kind == IntArith::Float) {
            out = Value::floating(result.floating);
            return true;
        }
        return false;
    }
    if ((left.is(Type::Float) || left.is(Type::Int)) && (right.is(Type::Float) || right.is(Type::Int))) {
        double a = left.is(Type::Float) ? left.as_float() : static_cast<double>(left.as_int());
        double b = right.is(Type::Float) ? right.as_float() : static_cast<double>(right.as_int());
        // An int operand must convert exactly for the inline path to match Python's rounding.
        bool exact = (left.is(Type::Float) || (left.as_int() < exact_double_limit && left.as_int() > -exact_double_limit))
            && (right.is(Type::Float) || (right.as_int() < exact_double_limit && right.as_int() > -exact_double_limit));
        if (!exact)
            return false;
        double r;
        switch (op) {
        case BinOpKind::Add: r = a + b; break;
        case BinOpKind::Sub: r = a - b; break;
        case BinOpKind::Mul: r = a * b; break;
        case BinOpKind::Div:
            if (b == 0.0)
                return false;
            r = a / b;
            break;
        default:
            return false;
        }
        // A library float (numpy's float64) with a finite result is this same IEEE operation and
        // stays a library float; an infinity or NaN goes to its library, which warns as numpy does.
        if (Value::any_library_float(left, right)) {
            if (!std::isfinite(r))
                return false;
            out = Value::library_float(r);
            return true;
        }
        out = Value::floating(r);
        return true;
    }
    return false;
}

} // namespace ramba::interp
