// The error-message catalog of the value layer: TypeErrors of operators and the overflow message.
// Wording follows CPython 3.11 so that scripts print the same text under python3 and ramba.
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

void throw_error(ErrorKind kind, std::string message)
{
    throw RambaError(kind, std::move(message));
}

// Python ints are unbounded, so CPython has no such error; ramba's ints are 64-bit (DESIGN.md).
void throw_int_overflow()
{
    throw RambaError(ErrorKind::OverflowError, "integer overflow: result does not fit in 64 bits");
}

std::string_view binary_op_symbol(BinaryOp op)
{
    switch (op) {
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
    case BinaryOp::FloorDiv: return "//";
    case BinaryOp::Mod: return "%";
    case BinaryOp::Pow: return "** or pow()";
    case BinaryOp::MatMul: return "@";
    case BinaryOp::BitAnd: return "&";
    case BinaryOp::BitOr: return "|";
    case BinaryOp::BitXor: return "^";
    case BinaryOp::LShift: return "<<";
    case BinaryOp::RShift: return ">>";
    }
    return "?";
}

std::string_view compare_op_symbol(CompareOp op)
{
    switch (op) {
    case CompareOp::Eq: return "==";
    case CompareOp::NotEq: return "!=";
    case CompareOp::Lt: return "<";
    case CompareOp::LtE: return "<=";
    case CompareOp::Gt: return ">";
    case CompareOp::GtE: return ">=";
    }
    return "?";
}

void throw_type_error_unsupported(BinaryOp op, const Value& lhs, const Value& rhs)
{
    // CPython: "can only concatenate str (not "int") to str" for str/list/tuple + other.
    if (op == BinaryOp::Add && (lhs.is(Type::Str) || lhs.is(Type::List) || lhs.is(Type::Tuple))
        && !rhs.is(Type::Opaque)) {
        throw_error(ErrorKind::TypeError, "can only concatenate " + std::string(type_name(lhs)) + " (not \""
                + std::string(type_name(rhs)) + "\") to " + std::string(type_name(lhs)));
    }
    auto is_sequence = [](const Value& v) { return v.is(Type::Str) || v.is(Type::List) || v.is(Type::Tuple); };
    auto is_int = [](const Value& v) { return v.is(Type::Int) || v.is(Type::Bool); };
    if (op == BinaryOp::Mul && (is_sequence(lhs) || is_sequence(rhs)) && !lhs.is(Type::Opaque) && !rhs.is(Type::Opaque)) {
        const Value& other = is_sequence(lhs) && !is_int(rhs) ? rhs : lhs;
        throw_error(ErrorKind::TypeError, "can't multiply sequence by non-int of type '" + std::string(type_name(other)) + "'");
    }
    throw_error(ErrorKind::TypeError, "unsupported operand type(s) for " + std::string(binary_op_symbol(op)) + ": '"
            + std::string(type_name(lhs)) + "' and '" + std::string(type_name(rhs)) + "'");
}

void throw_type_error_not_supported_between(CompareOp op, const Value& lhs, const Value& rhs)
{
    throw_error(ErrorKind::TypeError, "'" + std::string(compare_op_symbol(op)) + "' not supported between instances of '"
            + std::string(type_name(lhs)) + "' and '" + std::string(type_name(rhs)) + "'");
}

} // namespace ramba::interp
