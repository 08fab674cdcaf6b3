// The typed loops of every op, generated from ops.def: for each op its numpy-ordered list of loops
// (input dtypes -> output dtype) with a kernel that runs the scalar body over contiguous blocks.
#pragma once

#include <cstdint>
#include <span>

#include "engine/dtype/dtype.hpp"
#include "engine/vm/opcode.hpp"

namespace ramba::vm {

inline constexpr int max_arity = 3;

// Runs the loop on n contiguous elements: inputs[k] points at n values of the loop's k-th input type.
using KernelFn = void (*)(const void* const* inputs, void* output, int64_t n);
// True when some element would fault (integer division by zero, negative integer power).
using FaultFn = bool (*)(const void* const* inputs, int64_t n);

struct Loop {
    engine::DType inputs[max_arity];
    engine::DType output;
    KernelFn kernel;        // scalar body, IEEE libm: the reference
    KernelFn vector_kernel; // libmvec variant (float32/float64 transcendental ops), or null
    FaultFn fault;          // null when the loop cannot fault
};

std::span<const Loop> op_loops(OpCode);

} // namespace ramba::vm
