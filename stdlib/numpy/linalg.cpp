// numpy's products (dot matmul vdot inner outer trace tensordot einsum) as registration rows over
// engine/array/linalg; the numpy.linalg module's rows are in linalg_module.cpp.
#include "stdlib/numpy/rows.hpp"

#include <cmath>

#include "engine/array/linalg.hpp"
#include "stdlib/numpy/operators.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::NDArray;
using interp::CallContext;
using interp::Type;
using interp::Value;
using interp::Values;

std::optional<std::vector<int64_t>> axes_argument(CallContext&, const Value& axis); // ndarray_methods.cpp

namespace {

Value np_dot(CallContext& context, std::span<Value> args)
{
    if (auto done = engine_matmul(context, args[0], args[1]))
        return *done;
    return wrap_result(engine::dot(to_array(context, args[0]), to_array(context, args[1])));
}

Value np_matmul(CallContext& context, std::span<Value> args)
{
    if (auto done = engine_matmul(context, args[0], args[1]))
        return *done;
    return wrap_result(engine::matmul(to_array(context, args[0]), to_array(context, args[1])));
}
Value np_vdot(CallContext& context, std::span<Value> args) { return wrap_result(engine::vdot(to_array(context, args[0]), to_array(context, args[1]))); }
Value np_inner(CallContext& context, std::span<Value> args) { return wrap_result(engine::inner(to_array(context, args[0]), to_array(context, args[1]))); }
Value np_outer(CallContext& context, std::span<Value> args) { return wrap_result(engine::outer(to_array(context, args[0]), to_array(context, args[1]))); }

Value np_trace(CallContext& context, std::span<Value> args)
{
    return wrap_result(engine::trace(to_array(context, args[0]), interp::to_index(context, args[1]), interp::to_index(context, args[2]),
        interp::to_index(context, args[3])));
}

Value np_tensordot(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]), b = to_array(context, args[1]);
    std::vector<int64_t> axes_a, axes_b;
    if (args[2].is(Type::Int)) {
        int64_t n = args[2].as_int();
        for (int64_t i = 0; i < n; ++i) {
            axes_a.push_back(a.ndim() - n + i);
            axes_b.push_back(i);
        }
    } else {
        Values pair = interp::to_vector(context, args[2]);
        if (pair.size() != 2)
            raise(ErrorKind::ValueError, "axes must be an integer or a pair of sequences");
        axes_a = axes_argument(context, pair[0]).value();
        axes_b = axes_argument(context, pair[1]).value();
    }
    return wrap_result(engine::tensordot(a, b, axes_a, axes_b));
}

Value np_einsum(CallContext& context, std::span<Value> args)
{
    if (!args[0].is(Type::Str))
        raise(ErrorKind::TypeError, "einsum: the first argument must be a subscripts string");
    std::vector<NDArray> operands;
    for (const auto& v : args[1].as<interp::TupleObject>().items)
        operands.push_back(to_array(context, v));
    return wrap_result(engine::einsum(args[0].as<interp::StrObject>().value, operands));
}

const interp::BuiltinSpec rows[] = {
    { "dot", "(a, b)", np_dot, "Dot product of two arrays." },
    { "matmul", "(x1, x2, /)", np_matmul, "Matrix product of two arrays." },
    { "vdot", "(a, b, /)", np_vdot, "Return the dot product of two vectors (conjugating the first)." },
    { "inner", "(a, b, /)", np_inner, "Inner product of two arrays." },
    { "outer", "(a, b)", np_outer, "Compute the outer product of two vectors." },
    { "trace", "(a, offset=0, axis1=0, axis2=1)", np_trace, "Return the sum along diagonals of the array." },
    { "tensordot", "(a, b, axes=2)", np_tensordot, "Compute tensor dot product along specified axes." },
    { "einsum", "(subscripts, *operands)", np_einsum, "Evaluates the Einstein summation convention on the operands (no '...')." },
};

} // namespace

std::span<const interp::BuiltinSpec> linalg_functions() { return rows; }

} // namespace ramba::numpy
