// Loop selection as numpy's legacy type resolver does it (linear search over `types`).
#include "engine/vm/type_resolution.hpp"

#include <cstring>
#include <algorithm>
#include <string>
#include <vector>

#include "base/error.hpp"

namespace ramba::vm {

using namespace engine;

PromotionOperand promotion_operand(const NDArray& array)
{
    if (array.ndim() != 0)
        return array_operand(array.dtype);
    const std::byte* p = array.data();
    auto read = [&]<typename T>() { T v; std::memcpy(&v, p, sizeof(T)); return v; };
    switch (dtype_kind(array.dtype)) {
    case 'b':
        return scalar_operand(read.operator()<bool>());
    case 'i':
        return dispatch_dtype(array.dtype, [&]<typename T>() {
            if constexpr (std::is_integral_v<T>) return scalar_operand(static_cast<int64_t>(read.operator()<T>()), array.dtype);
            else return array_operand(array.dtype);
        });
    case 'u':
        return dispatch_dtype(array.dtype, [&]<typename T>() {
            if constexpr (std::is_integral_v<T>) return scalar_operand(static_cast<uint64_t>(read.operator()<T>()), array.dtype);
            else return array_operand(array.dtype);
        });
    case 'f':
        if (array.dtype == DType::Float32)
            return scalar_operand(static_cast<double>(read.operator()<float>()), array.dtype);
        return scalar_operand(read.operator()<double>(), array.dtype);
    default:
        return scalar_operand(read.operator()<std::complex<double>>());
    }
}

bool can_cast_safe(DType from, DType to)
{
    return promote_types(from, to) == to;
}

// numpy's kind order for 'same_kind': b < u < i < f < c.
static int kind_order(DType dtype)
{
    switch (dtype_kind(dtype)) {
    case 'b': return 0;
    case 'u': return 1;
    case 'i': return 2;
    case 'f': return 3;
    default: return 4;
    }
}

bool can_cast_same_kind(DType from, DType to)
{
    return can_cast_safe(from, to) || kind_order(from) <= kind_order(to);
}

static DType common_dtype(std::span<const NDArray> inputs)
{
    std::vector<PromotionOperand> operands;
    operands.reserve(inputs.size());
    for (auto& input : inputs)
        operands.push_back(promotion_operand(input));
    return result_type(operands);
}

// numpy's dtype_kind_to_simplified_ordering: bool < integers < floats < complex.
static int simplified_kind(DType dtype)
{
    switch (dtype_kind(dtype)) {
    case 'b': return 0;
    case 'i': case 'u': return 1;
    case 'f': return 2;
    default: return 3;
    }
}

// numpy's should_use_min_scalar: value-based casting applies when some operand is an array
// (ndim > 0) whose kind is at least the highest kind among the 0-d operands.
static bool should_use_min_scalar(std::span<const NDArray> inputs)
{
    if (inputs.size() < 2)
        return false;
    int max_scalar = -1, max_array = -1;
    bool all_scalars = true;
    for (auto& input : inputs) {
        int kind = simplified_kind(input.dtype);
        if (input.ndim() == 0) {
            max_scalar = std::max(max_scalar, kind);
        } else {
            all_scalars = false;
            max_array = std::max(max_array, kind);
        }
    }
    return !all_scalars && max_array >= max_scalar;
}

// numpy's can_cast_scalar_to: the scalar's min_scalar_type must cast safely; a non-negative
// integer that also fits the signed type of that size may go to signed loops.
static bool can_cast_operand(const PromotionOperand& operand, bool value_based, DType to)
{
    if (!value_based || !operand.is_scalar)
        return can_cast_safe(operand.dtype, to);
    DType from = operand.min_dtype;
    if (operand.small_unsigned && dtype_kind(to) != 'u')
        from = unsigned_to_signed(from);
    return can_cast_safe(from, to);
}

static bool is_integer_or_bool(DType dtype)
{
    char kind = dtype_kind(dtype);
    return kind == 'b' || kind == 'i' || kind == 'u';
}

const Loop& resolve_loop(OpCode op, std::span<const NDArray> inputs, std::optional<DType> dtype)
{
    auto loops = op_loops(op);
    int arity = op_arity(op);
    if (dtype) {
        for (auto& loop : loops) {
            if (loop.output == *dtype && loop.inputs[0] == *dtype)
                return loop;
        }
        for (auto& loop : loops) {
            if (loop.output == *dtype)
                return loop;
        }
    }
    // numpy refuses arithmetic that would silently mean a logical op on booleans.
    bool all_bool = true;
    for (auto& input : inputs)
        all_bool = all_bool && input.dtype == DType::Bool;
    if (all_bool && op == OpCode::Subtract) {
        throw RambaError(ErrorKind::TypeError, "numpy boolean subtract, the `-` operator, is not supported, use the "
                                               "bitwise_xor, the `^` operator, or the logical_xor function instead.");
    }
    if (all_bool && op == OpCode::Negative) {
        throw RambaError(ErrorKind::TypeError, "The numpy boolean negative, the `-` operator, is not supported, use the "
                                               "`~` operator or the logical_not function instead.");
    }
    // numpy resolves these with the uniform-type resolver: no bool loop means no loop at all.
    if (all_bool && (op == OpCode::Positive || op == OpCode::Sign)) {
        throw RambaError(ErrorKind::TypeError, "ufunc '" + std::string(op_name(op))
                + "' did not contain a loop with signature matching types <class 'numpy.dtype[bool_]'> -> None");
    }
    // numpy's true-division resolver: integer and bool operands divide in float64.
    if (op == OpCode::TrueDivide) {
        bool integral = true;
        for (auto& input : inputs)
            integral = integral && is_integer_or_bool(input.dtype);
        if (integral) {
            for (auto& loop : loops) {
                if (loop.output == DType::Float64)
                    return loop;
            }
        }
    }
    bool value_based = should_use_min_scalar(inputs);
    std::vector<PromotionOperand> operands;
    for (auto& input : inputs)
        operands.push_back(promotion_operand(input));
    for (auto& loop : loops) {
        bool fits = true;
        for (int k = 0; k < arity && fits; ++k)
            fits = can_cast_operand(operands[k], value_based, loop.inputs[k]);
        if (fits)
            return loop;
    }
    throw RambaError(ErrorKind::TypeError, "ufunc '" + std::string(op_name(op)) + "' not supported for the input types, "
        "and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''");
}

const Loop& resolve_where(const NDArray& x, const NDArray& y)
{
    NDArray pair[] = { x, y };
    DType common = common_dtype(pair);
    for (auto& loop : op_loops(OpCode::Where)) {
        if (loop.output == common)
            return loop;
    }
    RAMBA_ASSERT(false, "ops.def lists a where loop for every dtype");
    __builtin_unreachable();
}

} // namespace ramba::vm
