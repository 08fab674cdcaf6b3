// Loop selection as numpy's legacy type resolver does it (linear search over `types`).
#include "engine/vm/type_resolution.hpp"

#include <cstring>
#include <string>

#include "interpreter/errors/error.hpp"

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
    DType common = common_dtype(inputs);
    // numpy refuses arithmetic that would silently mean a logical op on booleans.
    if (common == DType::Bool && op == OpCode::Subtract) {
        throw RambaError(ErrorKind::TypeError, "numpy boolean subtract, the `-` operator, is not supported, use the "
                                               "bitwise_xor, the `^` operator, or the logical_xor function instead.");
    }
    if (common == DType::Bool && op == OpCode::Negative) {
        throw RambaError(ErrorKind::TypeError, "The numpy boolean negative, the `-` operator, is not supported, use the "
                                               "`~` operator or the logical_not function instead.");
    }
    for (auto& loop : loops) {
        bool fits = true;
        for (int k = 0; k < arity && fits; ++k)
            fits = can_cast_safe(common, loop.inputs[k]);
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
