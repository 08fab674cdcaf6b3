// OpCode: the enum of VM ops, generated from ops.def, with the names `--explain` prints.
// Everything that walks ops (type resolution, kernels, the planner, validators) keys on this enum.
#pragma once

#include <cstdint>
#include <string_view>

namespace ramba::vm {

enum class OpCode : uint8_t {
#define RAMBA_VM_OP(e, name, arity, loops, fault, vector, body) e,
#include "engine/vm/ops.def"
#undef RAMBA_VM_OP
};

inline constexpr int op_count = 0
#define RAMBA_VM_OP(e, name, arity, loops, fault, vector, body) +1
#include "engine/vm/ops.def"
#undef RAMBA_VM_OP
    ;

// How an op's integer loops can fail (see ops.def).
enum class OpFault : uint8_t { None, DivideByZero, NegativePower };

std::string_view op_name(OpCode);  // numpy's name: "add", "true_divide", ...
int op_arity(OpCode);
OpFault op_fault(OpCode);

} // namespace ramba::vm
