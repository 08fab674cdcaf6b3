// mean, std and var over a whole array as fused passes: mean is one fused sum, std/var a second pass
// summing (x - mean)**2 in registers, so neither the deviations nor their squares touch memory (and a
// pending operand's chain is computed inside the passes instead of being materialised first).
#include "stdlib/numpy/fused_statistics.hpp"

#include <cmath>
#include <cstring>
#include <type_traits>

#include "stdlib/numpy/array_object.hpp"
#include "stdlib/numpy/lazy.hpp"

namespace ramba::numpy {

namespace planner = engine::planner;
using engine::DType;

namespace {

double evaluate_sum(const planner::NodePtr& node)
{
    engine::NDArray total = evaluate_now(planner::reduce_node(vm::ReduceOp::Sum, node));
    double value;
    std::memcpy(&value, total.data(), sizeof(value));
    return value;
}

planner::NodePtr float_constant(double value)
{
    engine::NDArray array = engine::NDArray::empty(DType::Float64, {});
    std::memcpy(array.data(), &value, sizeof(value));
    return planner::array_node(std::move(array));
}

} // namespace

bool fuse_statistic(interp::CallContext& context, vm::ReduceOp op, const interp::Value& array, int64_t ddof,
    interp::Value& out)
{
    if ((op != vm::ReduceOp::Mean && op != vm::ReduceOp::Std && op != vm::ReduceOp::Var) || !is_array(array))
        return false;
    auto& object = array.as<ArrayObject>();
    int64_t count = 1;
    for (auto extent : object.shape())
        count *= extent;
    // (The size comes from the shape: asking a distributed array for its data would bring it here.)
    if (!planner::fusion_enabled() || (!object.pending() && count < lazy_min_elements))
        return false;
    // numpy: float64 accumulates in float64, bool and integers in float64 too; float32 keeps float32
    // (and complex its own rules): those stay with the eager reductions.
    char kind = engine::dtype_kind(object.dtype());
    if (!(object.dtype() == DType::Float64 || kind == 'i' || kind == 'u' || kind == 'b'))
        return false;
    if (count == 0 || (op != vm::ReduceOp::Mean && count - ddof <= 0))
        return false; // numpy's warnings and nan: the eager path says them
    planner::NodePtr x = planner::cast_node(operand_node(context, array), DType::Float64, object.shape());
    // numpy's _mean / _var: true_divide(add.reduce(x, dtype=f8), n), then add.reduce((x - mean)**2) / (n - ddof).
    double mean = evaluate_sum(x) / static_cast<double>(count);
    if (op == vm::ReduceOp::Mean) {
        out = wrap_scalar(engine::Scalar::from_element(DType::Float64, reinterpret_cast<const std::byte*>(&mean)));
        return true;
    }
    auto deviation = planner::elementwise_node(vm::OpCode::Subtract, { x, float_constant(mean) });
    double variance = evaluate_sum(planner::elementwise_node(vm::OpCode::Multiply, { deviation, deviation }))
        / static_cast<double>(count - ddof);
    double result = op == vm::ReduceOp::Std ? std::sqrt(variance) : variance;
    out = wrap_scalar(engine::Scalar::from_element(DType::Float64, reinterpret_cast<const std::byte*>(&result)));
    return true;
}

bool fuse_arg_extreme(interp::CallContext& context, vm::ReduceOp op, const interp::Value& array, interp::Value& out)
{
    if ((op != vm::ReduceOp::ArgMin && op != vm::ReduceOp::ArgMax) || !is_array(array) || !planner::fusion_enabled())
        return false;
    auto& object = array.as<ArrayObject>();
    char kind = engine::dtype_kind(object.dtype());
    if (!object.is_lazy_operand() || object.shape().size() != 1 || object.shape()[0] == 0 || kind == 'c')
        return false;
    int64_t n = object.shape()[0];
    planner::NodePtr x = operand_node(context, array);
    engine::NDArray extreme = evaluate_now(planner::reduce_node(op == vm::ReduceOp::ArgMin ? vm::ReduceOp::Min : vm::ReduceOp::Max, x));
    bool nan = false;
    engine::dispatch_dtype(extreme.dtype, [&]<typename T>() {
        if constexpr (std::is_floating_point_v<T>)
            nan = std::isnan(*reinterpret_cast<const T*>(extreme.data()));
    });
    // numpy's argmin/argmax: the first index of the extreme, or of the first NaN.
    planner::NodePtr hit = nan ? planner::elementwise_node(vm::OpCode::Isnan, { x })
                               : planner::elementwise_node(vm::OpCode::Equal, { x, planner::array_node(extreme) });
    engine::NDArray none = engine::NDArray::empty(DType::Int64, {});
    std::memcpy(none.data(), &n, sizeof n);
    planner::NodePtr index = planner::elementwise_node(vm::OpCode::Where,
        { hit, planner::arange_node(0, 1, n, DType::Int64), planner::array_node(std::move(none)) });
    engine::NDArray first = evaluate_now(planner::reduce_node(vm::ReduceOp::Min, index));
    out = wrap_scalar(engine::Scalar::from_element(DType::Int64, first.data()));
    return true;
}

} // namespace ramba::numpy
