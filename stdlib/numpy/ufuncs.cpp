// numpy's ufuncs and the elementwise functions built on them, one row each. A ufunc row lowers to
// its VM op (engine/vm/ops.def): vm::apply does broadcasting, type resolution and the kernels.
#include "stdlib/numpy/ufuncs.hpp"
#include "stdlib/numpy/rows.hpp"
#include "stdlib/numpy/scalar_math.hpp"

#include <cmath>
#include <numbers>

#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/vm/ufunc.hpp"
#include "stdlib/numpy/array_object.hpp"
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using interp::CallContext;
using interp::Value;
using vm::OpCode;

void emit_vm_warnings(CallContext& context)
{
    deliver_fp_warnings(&context);
}

namespace {

// np.nonzero: one int64 index array per axis, in C order.
std::vector<NDArray> nonzero(const NDArray& condition)
{
    NDArray truth = engine::astype(condition, DType::Bool);
    std::vector<std::vector<int64_t>> indices(std::max<int64_t>(truth.ndim(), 1));
    std::vector<int64_t> index(truth.ndim(), 0);
    engine::for_each_element(truth, [&](std::byte* p) {
        if (*reinterpret_cast<const bool*>(p)) {
            for (int64_t axis = 0; axis < truth.ndim(); ++axis)
                indices[axis].push_back(index[axis]);
            if (truth.ndim() == 0)
                indices[0].push_back(0);
        }
        for (int64_t axis = truth.ndim(); axis-- > 0;) {
            if (++index[axis] < truth.shape[axis])
                break;
            index[axis] = 0;
        }
    });
    std::vector<NDArray> result;
    for (auto& list : indices) {
        NDArray array = NDArray::empty(DType::Int64, { static_cast<int64_t>(list.size()) });
        std::memcpy(array.data(), list.data(), list.size() * sizeof(int64_t));
        result.push_back(array);
    }
    return result;
}

NDArray scalar_array(double value)
{
    NDArray a = NDArray::empty(DType::Float64, {});
    std::memcpy(a.data(), &value, sizeof(value));
    return a;
}

// numpy: out= takes an ndarray (or a 1-tuple of one); the result is written there and returned.
const NDArray* out_array(const Value& out)
{
    if (out.is_none())
        return nullptr;
    const Value* target = &out;
    if (out.is(interp::Type::Tuple) && out.as<interp::TupleObject>().items.size() == 1)
        target = &out.as<interp::TupleObject>().items[0];
    if (!is_array(*target))
        raise(ErrorKind::TypeError, "return arrays must be of ArrayType");
    return &target->as<ArrayObject>().writable();
}

Value finish(CallContext& context, NDArray result, const Value& out)
{
    emit_vm_warnings(context);
    if (auto* target = out_array(out)) {
        flush_pending(); // pending nodes may read this buffer
        engine::assign(*target, result);
        return out.is(interp::Type::Tuple) ? out.as<interp::TupleObject>().items[0] : out;
    }
    return wrap_result(std::move(result));
}

// Arguments: the op's inputs, then out, then dtype (see the signatures below).
template<OpCode Op, int Arity>
Value ufunc(CallContext& context, std::span<Value> args)
{
    // OPTIMIZATION: np.sin(x) of a scalar in an element loop: the loop's scalar body, no 0-d arrays.
    if (args[Arity].is_none() && args[Arity + 1].is_none()) {
        engine::Scalar inputs[Arity], result;
        bool scalars = true;
        for (int k = 0; k < Arity && scalars; ++k)
            scalars = scalar_of(args[k], inputs[k]);
        if (scalars && apply_scalar_op(context, Op, inputs, ScalarCall::Ufunc, result))
            return wrap_scalar(result);
    }
    if (Value pending; args[Arity].is_none() && args[Arity + 1].is_none() && defer_elementwise(context, Op, args.subspan(0, Arity), pending))
        return pending;
    if (!args[Arity].is_none())
        flush_pending(); // out= writes into a buffer pending nodes may read
    NDArray inputs[Arity];
    for (int k = 0; k < Arity; ++k)
        inputs[k] = to_array(context, args[k]);
    const Value& out = args[Arity];
    if (auto* target = out_array(out); target && args[Arity + 1].is_none()) {
        vm::apply_into(Op, std::span<const NDArray>(inputs, Arity), *target);
        emit_vm_warnings(context);
        return out.is(interp::Type::Tuple) ? out.as<interp::TupleObject>().items[0] : out;
    }
    vm::ApplyOptions options;
    options.dtype = to_dtype(context, args[Arity + 1]);
    return finish(context, vm::apply(Op, std::span<const NDArray>(inputs, Arity), options), out);
}

// np.where(condition, [x, y]): with one argument it is np.nonzero.
Value where_function(CallContext& context, std::span<Value> args)
{
    if (args[1].is_none() && args[2].is_none()) {
        interp::Values indices;
        for (auto& index : nonzero(to_array(context, args[0])))
            indices.push_back(wrap_array(index));
        return interp::make_tuple(std::move(indices));
    }
    if (args[1].is_none() || args[2].is_none())
        raise(ErrorKind::ValueError, "either both or neither of x and y should be given");
    if (Value pending; defer_elementwise(context, OpCode::Where, args.subspan(0, 3), pending))
        return pending; // the condition too stays pending: where(d > 0, x, y) is one kernel
    NDArray result = vm::where(to_array(context, args[0]), to_array(context, args[1]), to_array(context, args[2]));
    return wrap_result(std::move(result));
}

// numpy 1.24's clip: one bound may be None (then it is minimum/maximum), not both.
Value clip_function(CallContext& context, std::span<Value> args)
{
    const Value& low = args[1];
    const Value& high = args[2];
    if (low.is_none() && high.is_none())
        raise(ErrorKind::ValueError, "One of max or min must be given");
    // Pending like the ufuncs: np.clip(np.where(...), lo, hi) >= 0 stays one kernel.
    if (Value pending; args[3].is_none()) {
        Value operands[] = { args[0], low.is_none() ? high : low, high };
        OpCode op = low.is_none() ? OpCode::Minimum : high.is_none() ? OpCode::Maximum : OpCode::Clip;
        size_t count = op == OpCode::Clip ? 3 : 2;
        if (defer_elementwise(context, op, std::span<const Value>(operands, count), pending))
            return pending;
    }
    NDArray a = to_array(context, args[0]);
    NDArray result;
    if (low.is_none())
        result = vm::apply(OpCode::Minimum, a, to_array(context, high));
    else if (high.is_none())
        result = vm::apply(OpCode::Maximum, a, to_array(context, low));
    else {
        NDArray inputs[] = { a, to_array(context, low), to_array(context, high) };
        result = vm::apply(OpCode::Clip, inputs);
    }
    return finish(context, std::move(result), args[3]);
}

// numpy's around: multiply by 10**decimals, round half to even, divide back (for decimals < 0 the
// other way round); integers with decimals >= 0 are returned unchanged (a copy).
Value round_function(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    int64_t decimals = int_argument(context, args[1], 0);
    char kind = engine::dtype_kind(a.dtype);
    if (kind == 'b' || kind == 'i' || kind == 'u') {
        if (decimals >= 0)
            return finish(context, engine::copy(a), args[2]);
        NDArray as_float = engine::astype(a, DType::Float64);
        NDArray factor = scalar_array(std::pow(10.0, static_cast<double>(-decimals)));
        NDArray rounded = vm::apply(OpCode::Multiply,
            vm::apply(OpCode::Rint, vm::apply(OpCode::TrueDivide, as_float, factor)), factor);
        return finish(context, engine::astype(rounded, a.dtype), args[2]);
    }
    if (decimals == 0)
        return finish(context, vm::apply(OpCode::Rint, a), args[2]);
    NDArray factor = scalar_array(std::pow(10.0, static_cast<double>(decimals < 0 ? -decimals : decimals)));
    OpCode first = decimals >= 0 ? OpCode::Multiply : OpCode::TrueDivide;
    OpCode second = decimals >= 0 ? OpCode::TrueDivide : OpCode::Multiply;
    NDArray result = vm::apply(second, vm::apply(OpCode::Rint, vm::apply(first, a, factor)), factor);
    return finish(context, std::move(result), args[2]);
}

// np.real / np.imag: for real input, the input itself and zeros of its dtype.
Value real_function(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    if (a.dtype != DType::Complex128)
        return is_array(args[0]) ? args[0] : wrap_result(a);
    return wrap_result(vm::apply(OpCode::Real, a));
}

Value imag_function(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    if (a.dtype != DType::Complex128)
        return wrap_result(NDArray::zeros(a.dtype, a.shape));
    return wrap_result(vm::apply(OpCode::Imag, a));
}

Value angle_function(CallContext& context, std::span<Value> args)
{
    NDArray a = to_array(context, args[0]);
    // numpy: angle of real input is arctan2(0, x), which for integers computes in float64.
    if (engine::dtype_kind(a.dtype) != 'c' && engine::dtype_kind(a.dtype) != 'f')
        a = engine::astype(a, DType::Float64);
    NDArray result = vm::apply(OpCode::Angle, a);
    if (interp::truthy(context, args[1]))
        result = vm::apply(OpCode::Multiply, result, scalar_array(180.0 / std::numbers::pi));
    return wrap_result(std::move(result));
}

#define RAMBA_UNARY "(x, /, out=None, *, dtype=None)"
#define RAMBA_BINARY "(x1, x2, /, out=None, *, dtype=None)"
#define RAMBA_U1(name, op, doc) { name, RAMBA_UNARY, &ufunc<OpCode::op, 1>, doc },
#define RAMBA_U2(name, op, doc) { name, RAMBA_BINARY, &ufunc<OpCode::op, 2>, doc },

const interp::BuiltinSpec functions[] = {
    RAMBA_U2("add", Add, "Add arguments element-wise.")
    RAMBA_U2("subtract", Subtract, "Subtract arguments, element-wise.")
    RAMBA_U2("multiply", Multiply, "Multiply arguments element-wise.")
    RAMBA_U2("divide", TrueDivide, "Divide arguments element-wise.")
    RAMBA_U2("true_divide", TrueDivide, "Divide arguments element-wise.")
    RAMBA_U2("floor_divide", FloorDivide, "Return the largest integer smaller or equal to the division of the inputs.")
    RAMBA_U2("remainder", Remainder, "Returns the element-wise remainder of division.")
    RAMBA_U2("mod", Remainder, "Returns the element-wise remainder of division.")
    RAMBA_U2("fmod", Fmod, "Returns the element-wise remainder of division (sign of the dividend).")
    RAMBA_U2("power", Power, "First array elements raised to powers from second array, element-wise.")
    RAMBA_U1("negative", Negative, "Numerical negative, element-wise.")
    RAMBA_U1("positive", Positive, "Numerical positive, element-wise.")
    RAMBA_U1("absolute", Absolute, "Calculate the absolute value element-wise.")
    RAMBA_U1("abs", Absolute, "Calculate the absolute value element-wise.")
    RAMBA_U1("fabs", Absolute, "Compute the absolute values element-wise.")
    RAMBA_U1("sign", Sign, "Returns an element-wise indication of the sign of a number.")
    RAMBA_U1("square", Square, "Return the element-wise square of the input.")
    RAMBA_U1("conjugate", Conjugate, "Return the complex conjugate, element-wise.")
    RAMBA_U1("conj", Conjugate, "Return the complex conjugate, element-wise.")
    RAMBA_U1("sqrt", Sqrt, "Return the non-negative square-root of an array, element-wise.")
    RAMBA_U1("cbrt", Cbrt, "Return the cube-root of an array, element-wise.")
    RAMBA_U1("exp", Exp, "Calculate the exponential of all elements in the input array.")
    RAMBA_U1("exp2", Exp2, "Calculate `2**p` for all `p` in the input array.")
    RAMBA_U1("expm1", Expm1, "Calculate ``exp(x) - 1`` for all elements in the array.")
    RAMBA_U1("log", Log, "Natural logarithm, element-wise.")
    RAMBA_U1("log2", Log2, "Base-2 logarithm of `x`.")
    RAMBA_U1("log10", Log10, "Return the base 10 logarithm of the input array, element-wise.")
    RAMBA_U1("log1p", Log1p, "Return the natural logarithm of one plus the input array, element-wise.")
    RAMBA_U1("sin", Sin, "Trigonometric sine, element-wise.")
    RAMBA_U1("cos", Cos, "Cosine element-wise.")
    RAMBA_U1("tan", Tan, "Compute tangent element-wise.")
    RAMBA_U1("arcsin", Arcsin, "Inverse sine, element-wise.")
    RAMBA_U1("arccos", Arccos, "Trigonometric inverse cosine, element-wise.")
    RAMBA_U1("arctan", Arctan, "Trigonometric inverse tangent, element-wise.")
    RAMBA_U2("arctan2", Arctan2, "Element-wise arc tangent of ``x1/x2`` choosing the quadrant correctly.")
    RAMBA_U1("sinh", Sinh, "Hyperbolic sine, element-wise.")
    RAMBA_U1("cosh", Cosh, "Hyperbolic cosine, element-wise.")
    RAMBA_U1("tanh", Tanh, "Compute hyperbolic tangent element-wise.")
    RAMBA_U1("arcsinh", Arcsinh, "Inverse hyperbolic sine element-wise.")
    RAMBA_U1("arccosh", Arccosh, "Inverse hyperbolic cosine, element-wise.")
    RAMBA_U1("arctanh", Arctanh, "Inverse hyperbolic tangent element-wise.")
    RAMBA_U2("hypot", Hypot, "Given the \"legs\" of a right triangle, return its hypotenuse.")
    RAMBA_U2("copysign", Copysign, "Change the sign of x1 to that of x2, element-wise.")
    RAMBA_U1("deg2rad", Deg2rad, "Convert angles from degrees to radians.")
    RAMBA_U1("radians", Deg2rad, "Convert angles from degrees to radians.")
    RAMBA_U1("rad2deg", Rad2deg, "Convert angles from radians to degrees.")
    RAMBA_U1("degrees", Rad2deg, "Convert angles from radians to degrees.")
    RAMBA_U1("floor", Floor, "Return the floor of the input, element-wise.")
    RAMBA_U1("ceil", Ceil, "Return the ceiling of the input, element-wise.")
    RAMBA_U1("trunc", Trunc, "Return the truncated value of the input, element-wise.")
    RAMBA_U1("rint", Rint, "Round elements of the array to the nearest integer.")
    RAMBA_U2("minimum", Minimum, "Element-wise minimum of array elements.")
    RAMBA_U2("maximum", Maximum, "Element-wise maximum of array elements.")
    RAMBA_U2("fmin", Fmin, "Element-wise minimum of array elements, ignoring NaNs.")
    RAMBA_U2("fmax", Fmax, "Element-wise maximum of array elements, ignoring NaNs.")
    RAMBA_U1("isnan", Isnan, "Test element-wise for NaN and return result as a boolean array.")
    RAMBA_U1("isinf", Isinf, "Test element-wise for positive or negative infinity.")
    RAMBA_U1("isfinite", Isfinite, "Test element-wise for finiteness (not infinity and not Not a Number).")
    RAMBA_U2("logical_and", LogicalAnd, "Compute the truth value of x1 AND x2 element-wise.")
    RAMBA_U2("logical_or", LogicalOr, "Compute the truth value of x1 OR x2 element-wise.")
    RAMBA_U2("logical_xor", LogicalXor, "Compute the truth value of x1 XOR x2, element-wise.")
    RAMBA_U1("logical_not", LogicalNot, "Compute the truth value of NOT x element-wise.")
    RAMBA_U2("equal", Equal, "Return (x1 == x2) element-wise.")
    RAMBA_U2("not_equal", NotEqual, "Return (x1 != x2) element-wise.")
    RAMBA_U2("less", Less, "Return the truth value of (x1 < x2) element-wise.")
    RAMBA_U2("less_equal", LessEqual, "Return the truth value of (x1 <= x2) element-wise.")
    RAMBA_U2("greater", Greater, "Return the truth value of (x1 > x2) element-wise.")
    RAMBA_U2("greater_equal", GreaterEqual, "Return the truth value of (x1 >= x2) element-wise.")
    RAMBA_U2("bitwise_and", BitwiseAnd, "Compute the bit-wise AND of two arrays element-wise.")
    RAMBA_U2("bitwise_or", BitwiseOr, "Compute the bit-wise OR of two arrays element-wise.")
    RAMBA_U2("bitwise_xor", BitwiseXor, "Compute the bit-wise XOR of two arrays element-wise.")
    RAMBA_U1("invert", Invert, "Compute bit-wise inversion, or bit-wise NOT, element-wise.")
    RAMBA_U1("bitwise_not", Invert, "Compute bit-wise inversion, or bit-wise NOT, element-wise.")
    RAMBA_U2("left_shift", LeftShift, "Shift the bits of an integer to the left.")
    RAMBA_U2("right_shift", RightShift, "Shift the bits of an integer to the right.")
    { "where", "(condition, x=None, y=None, /)", &where_function,
        "Return elements chosen from `x` or `y` depending on `condition`." },
    { "clip", "(a, a_min, a_max, out=None)", &clip_function, "Clip (limit) the values in an array." },
    { "round", "(a, decimals=0, out=None)", &round_function, "Evenly round to the given number of decimals." },
    { "around", "(a, decimals=0, out=None)", &round_function, "Evenly round to the given number of decimals." },
    { "round_", "(a, decimals=0, out=None)", &round_function, "Evenly round to the given number of decimals." },
    { "real", "(val)", &real_function, "Return the real part of the complex argument." },
    { "imag", "(val)", &imag_function, "Return the imaginary part of the complex argument." },
    { "angle", "(z, deg=False)", &angle_function, "Return the angle of the complex argument." },
};

// ndarray methods: a.clip(min=None, max=None, out=None), a.round(decimals=0, out=None), a.conj().
const interp::BuiltinSpec methods[] = {
    { "clip", "(self, min=None, max=None, out=None)", &clip_function, "Return an array whose values are limited to [min, max]." },
    { "round", "(self, decimals=0, out=None)", &round_function, "Return a with each element rounded to the given number of decimals." },
    { "conj", RAMBA_UNARY, &ufunc<OpCode::Conjugate, 1>, "Complex-conjugate all elements." },
    { "conjugate", RAMBA_UNARY, &ufunc<OpCode::Conjugate, 1>, "Return the complex conjugate, element-wise." },
};

} // namespace

std::span<const interp::BuiltinSpec> ufunc_functions() { return functions; }
std::span<const interp::BuiltinSpec> ufunc_methods() { return methods; }

} // namespace ramba::numpy
