// numpy 1.24's ufunc type resolution: which of an op's loops runs for given operand dtypes,
// with value-based casting of scalar (0-d) operands.
#pragma once

#include <optional>
#include <span>

#include "engine/array/ndarray.hpp"
#include "engine/dtype/promotion.hpp"
#include "engine/vm/kernels.hpp"

namespace ramba::vm {

// How numpy's promotion sees an operand: 0-d arrays are scalars whose value may shrink their type.
engine::PromotionOperand promotion_operand(const engine::NDArray&);

// numpy: the first loop, in `types` order, that every input can be cast to safely ('safe' casting
// of the promoted operand type); TypeError in numpy's words when none exists. `dtype` (numpy's
// dtype= argument) picks the first loop producing that dtype.
const Loop& resolve_loop(OpCode, std::span<const engine::NDArray> inputs, std::optional<engine::DType> dtype);
// np.where: the loop for result_type(x, y).
const Loop& resolve_where(const engine::NDArray& x, const engine::NDArray& y);

bool can_cast_safe(engine::DType from, engine::DType to);
bool can_cast_same_kind(engine::DType from, engine::DType to);

} // namespace ramba::vm
