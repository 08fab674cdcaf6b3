// numpy scalars' arithmetic, comparisons and one-element ufunc calls, computed on engine::Scalar
// values by the VM's typed loops: no 0-d array, no kernel plan. Used by the numpy scalar TypeInfo
// (scalar_type.cpp) and the ufunc rows (ufuncs.cpp); README.md tells the design.
#pragma once

#include <span>

#include "engine/vm/opcode.hpp"
#include "stdlib/numpy/array_object.hpp"

namespace ramba::numpy {

// How numpy words and checks an operation on scalars: Python operators on numpy scalars run numpy's
// scalar math ("overflow encountered in scalar add", integer overflow checked); np.add(x, y), np.sin(x)
// and the other ufuncs called on scalars name the ufunc alone and leave integer overflow unchecked.
enum class ScalarCall : uint8_t { Operator, Ufunc };

// A Python bool/int/float/complex or a numpy scalar as numpy's scalar math sees it (Python int ->
// int64, float -> float64, complex -> complex128). False for anything else (ints past int64 too).
bool scalar_of(const interp::Value&, engine::Scalar& out);

// The scalar converted as numpy's casting does (complex to real keeps the real part, integers wrap).
engine::Scalar cast_scalar(const engine::Scalar&, engine::DType);

// op on scalar inputs, into `out`. False when the op has no loop for these dtypes: the caller takes
// the array path, which raises numpy's TypeError. Warnings follow np.seterr's policy.
bool apply_scalar_op(interp::CallContext&, vm::OpCode, std::span<const engine::Scalar> inputs, ScalarCall,
    engine::Scalar& out);

// The numpy scalar TypeInfo's operator hooks: the scalar path when both operands are scalars, else
// the array path (numpy_binary and friends, operators.hpp).
bool scalar_binary(interp::CallContext&, interp::BinaryOp, const interp::Value& lhs, const interp::Value& rhs, interp::Value& out);
bool scalar_compare(interp::CallContext&, interp::CompareOp, const interp::Value& lhs, const interp::Value& rhs, interp::Value& out);
interp::Value scalar_unary(interp::CallContext&, interp::UnaryOp, const interp::Value& operand);

} // namespace ramba::numpy
