// Internal to stdlib/numpy: the TypeInfos of the numpy objects and shared helpers of the row files.
// Not for other folders; they use array_object.hpp.
#pragma once

#include "stdlib/numpy/array_object.hpp"

namespace ramba::numpy {

const interp::TypeInfo& ndarray_type_info();
const interp::TypeInfo& scalar_type_info(engine::DType);
bool is_scalar_type_info(const interp::TypeInfo*); // one of the numpy scalar types' infos
const interp::TypeInfo& dtype_type_info();
interp::Value ndarray_class();

// Raises a RambaError of `kind` with `message`.
[[noreturn]] void raise(ErrorKind kind, std::string message);

// Reads an optional int argument (None -> fallback).
int64_t int_argument(interp::CallContext&, const interp::Value&, int64_t fallback);
// A shape argument: int or sequence of ints.
engine::Shape shape_argument(interp::CallContext&, const interp::Value&);
// A Python tuple of ints from a shape.
interp::Value shape_value(const engine::Shape&);

} // namespace ramba::numpy
