// numpy 1.24's result_type: promotion of arrays and scalars with value-based casting of scalars.
// Used by ufunc type resolution (engine/vm) and by every library function that mixes operands.
#pragma once

#include <complex>
#include <cstdint>
#include <span>

#include "engine/dtype/dtype.hpp"

namespace ramba::engine {

// One operand as numpy's legacy promotion sees it.
//   dtype: its own dtype (Python int -> int64, float -> float64, complex -> complex128, bool -> bool).
//   is_scalar: a Python scalar, numpy scalar or 0-d array; value-based casting may shrink it.
//   min_dtype / small_unsigned: np.min_scalar_type of its value; small_unsigned marks a non-negative
//   integer that also fits the signed type of the same size (so int8 array + 1 stays int8).
struct PromotionOperand {
    DType dtype { DType::Float64 };
    bool is_scalar { false };
    DType min_dtype { DType::Float64 };
    bool small_unsigned { false };
};

PromotionOperand array_operand(DType);
PromotionOperand scalar_operand(bool);
PromotionOperand scalar_operand(int64_t, DType own = DType::Int64);
PromotionOperand scalar_operand(uint64_t, DType own);
PromotionOperand scalar_operand(double, DType own = DType::Float64);
PromotionOperand scalar_operand(std::complex<double>);

// np.result_type(*operands) as numpy 1.24 computes it: when the highest kind among the scalars
// (bool < int < float < complex) is not above the highest kind among the arrays, each scalar takes
// its min_dtype; otherwise every operand keeps its own dtype. Then promote_types over all.
DType result_type(std::span<const PromotionOperand>);
DType result_type(PromotionOperand, PromotionOperand);

// The signed integer type of the same size (uint8 -> int8); other dtypes unchanged. numpy: a small
// non-negative unsigned scalar meeting a signed, float or complex type acts as this type.
DType unsigned_to_signed(DType);
// numpy: sum, prod, cumsum and cumprod of bools and integers accumulate in int64 (unsigned ones in
// uint64) when no dtype= is given; other dtypes keep theirs.
DType sum_accumulating_dtype(DType);

} // namespace ramba::engine
