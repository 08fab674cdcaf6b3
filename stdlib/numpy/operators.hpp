// Internal to stdlib/numpy: operators shared by ndarray and numpy scalars, and ufunc application
// with the VM's floating-point warnings written to stderr.
#pragma once

#include <string_view>
#include <vector>

#include "engine/array/index.hpp"
#include "stdlib/numpy/array_object.hpp"

namespace ramba::numpy {

engine::NDArray apply_ufunc(interp::CallContext&, std::string_view name, std::span<const engine::NDArray> inputs);
void emit_fp_warnings(interp::CallContext&);
bool numpy_binary(interp::CallContext&, interp::BinaryOp, const interp::Value& lhs, const interp::Value& rhs, interp::Value& out);
bool numpy_compare(interp::CallContext&, interp::CompareOp, const interp::Value& lhs, const interp::Value& rhs, interp::Value& out);
interp::Value numpy_unary(interp::CallContext&, interp::UnaryOp, const interp::Value& operand);
std::vector<engine::IndexItem> index_items(interp::CallContext&, const interp::Value& index);
// a @ b (and np.dot of a 2-d a) as the engine runs it (ndarray_type.cpp); nullopt: the driver's way.
std::optional<interp::Value> engine_matmul(interp::CallContext&, const interp::Value& a, const interp::Value& b);

} // namespace ramba::numpy
