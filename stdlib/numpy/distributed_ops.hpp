// Internal to stdlib/numpy: array operations that keep a distributed operand on the workers (matmul by
// row blocks; more to come) instead of bringing it to the driver. Each returns false when it does not
// apply, and the caller then takes its ordinary driver path (which gives numpy's results and errors).
#pragma once

#include "stdlib/numpy/array_object.hpp"

namespace ramba::numpy {

// a @ b (also np.dot for 2-d a): when `a` is, or becomes, a distributed 2-d array and `b` is 1-d or
// 2-d, each worker multiplies its rows of `a` by the whole of `b`; the product keeps a's rows.
bool distributed_matmul(interp::CallContext&, const interp::Value& a, const interp::Value& b, interp::Value& out);

} // namespace ramba::numpy
