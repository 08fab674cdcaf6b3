// numpy 1.24's legacy result_type (PyArray_LegacyResultType): value-based casting of scalars.
// Checked against tables printed by numpy 1.24 in tests/unit/engine/dtype_promotion.cpp.
#include "engine/dtype/promotion.hpp"

#include <cmath>

namespace ramba::engine {

DType unsigned_to_signed(DType dtype)
{
    switch (dtype) {
    case DType::UInt8: return DType::Int8;
    case DType::UInt16: return DType::Int16;
    case DType::UInt32: return DType::Int32;
    case DType::UInt64: return DType::Int64;
    default: return dtype;
    }
}

DType sum_accumulating_dtype(DType dtype)
{
    switch (dtype_kind(dtype)) {
    case 'b': case 'i': return DType::Int64;
    case 'u': return DType::UInt64;
    default: return dtype;
    }
}

namespace {

int kind_order(DType dtype)
{
    switch (dtype_kind(dtype)) {
    case 'b': return 0;
    case 'i':
    case 'u': return 1;
    case 'f': return 2;
    default: return 3;
    }
}

// numpy: promote_types(type1, type2, is_small_unsigned1, is_small_unsigned2) in convert_datatype.c:
// a small unsigned value meeting a signed (or float/complex) type acts as the same-size signed type.
DType promote_small(DType a, bool a_small, DType b, bool b_small)
{
    if (a_small) {
        char kind = dtype_kind(b);
        if (kind != 'b' && kind != 'u')
            return promote_types(unsigned_to_signed(a), b);
        return promote_types(a, b);
    }
    if (b_small) {
        char kind = dtype_kind(a);
        if (kind != 'b' && kind != 'u')
            return promote_types(a, unsigned_to_signed(b));
        return promote_types(a, b);
    }
    return promote_types(a, b);
}

} // namespace

PromotionOperand array_operand(DType dtype) { return { dtype, false, dtype, false }; }

PromotionOperand scalar_operand(bool) { return { DType::Bool, true, DType::Bool, false }; }

PromotionOperand scalar_operand(uint64_t value, DType own)
{
    // numpy: min_scalar_type_num for unsigned values.
    if (value <= 0xff)
        return { own, true, DType::UInt8, value <= 0x7f };
    if (value <= 0xffff)
        return { own, true, DType::UInt16, value <= 0x7fff };
    if (value <= 0xffffffffull)
        return { own, true, DType::UInt32, value <= 0x7fffffffull };
    return { own, true, DType::UInt64, value <= 0x7fffffffffffffffull };
}

PromotionOperand scalar_operand(int64_t value, DType own)
{
    if (value >= 0)
        return scalar_operand(static_cast<uint64_t>(value), own);
    if (value >= INT8_MIN)
        return { own, true, DType::Int8, false };
    if (value >= INT16_MIN)
        return { own, true, DType::Int16, false };
    if (value >= INT32_MIN)
        return { own, true, DType::Int32, false };
    return { own, true, DType::Int64, false };
}

PromotionOperand scalar_operand(double value, DType own)
{
    // numpy: float16 for |v| < 65000 (NaN and inf too, checked with numpy 1.24), float32 below
    // 3.4e38, else float64. There is no float16 here; float16 and float32 promote alike whenever
    // min types apply, because then a float32 or float64 array is present.
    if (own == DType::Float32 || !std::isfinite(value) || (value > -3.4e38 && value < 3.4e38))
        return { own, true, DType::Float32, false };
    return { own, true, DType::Float64, false };
}

PromotionOperand scalar_operand(std::complex<double>)
{
    // complex64 would be the min type of small values; with only complex128 arrays present the
    // result is complex128 either way.
    return { DType::Complex128, true, DType::Complex128, false };
}

DType result_type(std::span<const PromotionOperand> operands)
{
    if (operands.empty())
        return DType::Float64;
    int max_scalar_kind = -1, max_array_kind = -1;
    bool all_scalars = true;
    for (const auto& operand : operands) {
        if (operand.is_scalar) {
            max_scalar_kind = std::max(max_scalar_kind, kind_order(operand.dtype));
        } else {
            max_array_kind = std::max(max_array_kind, kind_order(operand.dtype));
            all_scalars = false;
        }
    }
    bool use_min_scalar = !all_scalars && max_array_kind >= max_scalar_kind;
    DType result = use_min_scalar ? operands[0].min_dtype : operands[0].dtype;
    if (!use_min_scalar) {
        for (size_t i = 1; i < operands.size(); ++i)
            result = promote_types(result, operands[i].dtype);
        return result;
    }
    bool result_small = operands[0].is_scalar && operands[0].small_unsigned;
    for (size_t i = 1; i < operands.size(); ++i) {
        DType type = operands[i].is_scalar ? operands[i].min_dtype : operands[i].dtype;
        bool small = operands[i].is_scalar && operands[i].small_unsigned;
        result = promote_small(type, small, result, result_small);
        result_small = small && result_small;
    }
    return result;
}

DType result_type(PromotionOperand a, PromotionOperand b)
{
    PromotionOperand operands[] = { a, b };
    return result_type(operands);
}

} // namespace ramba::engine
