// numpy scalar math: one element through the VM's typed loop for the operand dtypes, with numpy
// 1.24's scalar warnings (integer overflow, division by zero, floating-point flags).
#include "stdlib/numpy/scalar_math.hpp"

#include <array>
#include <cfenv>
#include <cmath>
#include <complex>

#include "engine/vm/kernels.hpp"
#include "engine/vm/type_resolution.hpp"
#include "engine/vm/ufunc.hpp"
#include "stdlib/numpy/operators.hpp"
#include "stdlib/numpy/rows.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::Scalar;
using interp::CallContext;
using interp::Type;
using interp::Value;
using vm::Loop;
using vm::OpCode;

namespace {

constexpr size_t dtype_slots = engine::dtype_count + 1; // the last slot: no second operand

// The loop numpy 1.24 runs for op on scalar operands of these dtypes. With no array operand,
// value-based casting never applies (numpy's should_use_min_scalar), so the choice depends on the
// dtypes alone and is resolved once per combination. Null: no loop (the array path raises).
const Loop* scalar_loop(OpCode op, std::span<const Scalar> inputs)
{
    static std::array<const Loop*, vm::op_count * dtype_slots * dtype_slots> loops {};
    static std::array<bool, vm::op_count * dtype_slots * dtype_slots> resolved {};
    size_t second = inputs.size() > 1 ? static_cast<size_t>(inputs[1].dtype) : engine::dtype_count;
    size_t key = (static_cast<size_t>(op) * dtype_slots + static_cast<size_t>(inputs[0].dtype)) * dtype_slots + second;
    if (inputs.size() > 2) [[unlikely]]
        return nullptr; // np.clip and np.where of scalars take the array path
    if (!resolved[key]) [[unlikely]] {
        engine::NDArray arrays[2];
        for (size_t k = 0; k < inputs.size(); ++k)
            arrays[k] = inputs[k].to_array();
        try {
            loops[key] = &vm::resolve_loop(op, std::span<const engine::NDArray>(arrays, inputs.size()), std::nullopt);
        } catch (const RambaError&) {
            loops[key] = nullptr;
        }
        resolved[key] = true;
    }
    return loops[key];
}

template<typename To, typename From>
To convert(From value)
{
    constexpr bool to_complex = std::is_same_v<To, std::complex<double>>;
    constexpr bool from_complex = std::is_same_v<From, std::complex<double>>;
    if constexpr (to_complex && from_complex)
        return value;
    else if constexpr (to_complex)
        return To(static_cast<double>(value), 0.0);
    else if constexpr (from_complex)
        return static_cast<To>(value.real());
    else if constexpr (std::is_same_v<To, bool>)
        return value != From(0);
    else
        return static_cast<To>(value);
}

// numpy's scalar math checks integer add, subtract, multiply, negative, absolute and MIN // -1 for
// overflow ("overflow encountered in scalar add"); its array loops and ufuncs wrap silently.
bool integer_overflows(OpCode op, const Scalar* inputs, DType dtype)
{
    return engine::dispatch_dtype(dtype, [&]<typename T>() -> bool {
        if constexpr (!std::is_integral_v<T> || std::is_same_v<T, bool>) {
            return false;
        } else {
            T a = inputs[0].get<T>(), r;
            switch (op) {
            case OpCode::Add: return __builtin_add_overflow(a, inputs[1].get<T>(), &r);
            case OpCode::Subtract: return __builtin_sub_overflow(a, inputs[1].get<T>(), &r);
            case OpCode::Multiply: return __builtin_mul_overflow(a, inputs[1].get<T>(), &r);
            case OpCode::Negative: return std::is_signed_v<T> ? a == std::numeric_limits<T>::min() : a != 0;
            case OpCode::Absolute: return std::is_signed_v<T> && a == std::numeric_limits<T>::min();
            case OpCode::FloorDivide:
                if constexpr (std::is_signed_v<T>)
                    return a == std::numeric_limits<T>::min() && inputs[1].get<T>() == T(-1);
                return false;
            default: return false;
            }
        }
    });
}

bool is_finite(const Scalar& scalar)
{
    switch (scalar.dtype) {
    case DType::Float32: return std::isfinite(scalar.get<float>());
    case DType::Float64: return std::isfinite(scalar.get<double>());
    case DType::Complex128: {
        auto c = scalar.get<std::complex<double>>();
        return std::isfinite(c.real()) && std::isfinite(c.imag());
    }
    default: return true;
    }
}

std::string warning_name(OpCode op, ScalarCall call)
{
    return (call == ScalarCall::Operator ? "scalar " : "") + std::string(vm::op_name(op));
}

OpCode binary_opcode(interp::BinaryOp op)
{
    switch (op) {
    case interp::BinaryOp::Add: return OpCode::Add;
    case interp::BinaryOp::Sub: return OpCode::Subtract;
    case interp::BinaryOp::Mul: return OpCode::Multiply;
    case interp::BinaryOp::Div: return OpCode::TrueDivide;
    case interp::BinaryOp::FloorDiv: return OpCode::FloorDivide;
    case interp::BinaryOp::Mod: return OpCode::Remainder;
    case interp::BinaryOp::Pow: return OpCode::Power;
    case interp::BinaryOp::BitAnd: return OpCode::BitwiseAnd;
    case interp::BinaryOp::BitOr: return OpCode::BitwiseOr;
    case interp::BinaryOp::BitXor: return OpCode::BitwiseXor;
    case interp::BinaryOp::LShift: return OpCode::LeftShift;
    case interp::BinaryOp::RShift: return OpCode::RightShift;
    case interp::BinaryOp::MatMul: break;
    }
    RAMBA_ASSERT(false, "matmul of scalars takes the array path");
    __builtin_unreachable();
}

OpCode compare_opcode(interp::CompareOp op)
{
    switch (op) {
    case interp::CompareOp::Eq: return OpCode::Equal;
    case interp::CompareOp::NotEq: return OpCode::NotEqual;
    case interp::CompareOp::Lt: return OpCode::Less;
    case interp::CompareOp::LtE: return OpCode::LessEqual;
    case interp::CompareOp::Gt: return OpCode::Greater;
    case interp::CompareOp::GtE: return OpCode::GreaterEqual;
    }
    __builtin_unreachable();
}

} // namespace

Scalar cast_scalar(const Scalar& scalar, DType to)
{
    if (scalar.dtype == to)
        return scalar;
    Scalar out;
    out.dtype = to;
    engine::dispatch_dtype(scalar.dtype, [&]<typename From>() {
        From value = scalar.get<From>();
        engine::dispatch_dtype(to, [&]<typename To>() {
            To converted = convert<To>(value);
            __builtin_memcpy(out.bytes, &converted, sizeof(To));
        });
    });
    return out;
}

namespace {

// Per thread, so it needs no lock (interpreter values stay on the interpreter's thread anyway).
constexpr size_t free_list_capacity = 1024;
thread_local void* g_free_scalars[free_list_capacity];
thread_local size_t g_free_count = 0;

} // namespace

void* ScalarObject::operator new(size_t size)
{
    if (size == sizeof(ScalarObject) && g_free_count > 0) [[likely]]
        return g_free_scalars[--g_free_count];
    return ::operator new(size);
}

void ScalarObject::operator delete(void* object, size_t size)
{
    if (size == sizeof(ScalarObject) && g_free_count < free_list_capacity) [[likely]] {
        g_free_scalars[g_free_count++] = object;
        return;
    }
    ::operator delete(object);
}

bool scalar_of(const Value& value, Scalar& out)
{
    switch (value.type()) {
    case Type::Bool: out = Scalar::make(DType::Bool, value.as_bool()); return true;
    case Type::Int: out = Scalar::make(DType::Int64, value.as_int()); return true;
    case Type::Float: out = Scalar::make(DType::Float64, value.as_float()); return true;
    case Type::Complex: out = Scalar::make(DType::Complex128, value.as_complex()); return true;
    case Type::Opaque:
        if (is_numpy_scalar(value)) {
            out = numpy_scalar(value);
            return true;
        }
        return false;
    default: return false;
    }
}

bool apply_scalar_op(CallContext& context, OpCode op, std::span<const Scalar> inputs, ScalarCall call, Scalar& out)
{
    const Loop* loop = scalar_loop(op, inputs);
    if (!loop)
        return false;
    Scalar cast[vm::max_arity];
    const void* pointers[vm::max_arity];
    for (size_t k = 0; k < inputs.size(); ++k) {
        cast[k] = cast_scalar(inputs[k], loop->inputs[k]);
        pointers[k] = cast[k].bytes;
    }
    bool divide_by_zero = false;
    if (loop->fault && loop->fault(pointers, 1)) [[unlikely]] {
        // numpy: integer ** negative raises before computing; integer x // 0 gives 0 and warns.
        if (vm::op_fault(op) == vm::OpFault::NegativePower)
            throw RambaError(ErrorKind::ValueError, "Integers to negative integer powers are not allowed.");
        divide_by_zero = true;
    }
    out.dtype = loop->output;
    loop->kernel(pointers, out.bytes, 1);
    bool overflow = call == ScalarCall::Operator && integer_overflows(op, cast, loop->inputs[0]);
    int raised = 0;
    // OPTIMIZATION: a finite result raised no flag numpy reports (divide, overflow and invalid all
    // give an infinity or a NaN), so only a non-finite one is computed again under cleared flags.
    if (!is_finite(out) && vm::reports_fp_flags(op)) [[unlikely]] {
        std::feclearexcept(FE_ALL_EXCEPT);
        loop->kernel(pointers, out.bytes, 1);
        raised = std::fetestexcept(FE_DIVBYZERO | FE_OVERFLOW | FE_INVALID);
    }
    if (divide_by_zero || overflow || raised) [[unlikely]] {
        std::string name = warning_name(op, call);
        if (divide_by_zero || (raised & FE_DIVBYZERO))
            vm::record_fp_warning("divide by zero encountered in " + name);
        if (overflow || (raised & FE_OVERFLOW))
            vm::record_fp_warning("overflow encountered in " + name);
        if (raised & FE_INVALID)
            vm::record_fp_warning("invalid value encountered in " + name);
        deliver_fp_warnings(&context);
    }
    return true;
}

namespace {

// A float64 scalar, or a Python float or int (which meet float64 in its dd->d loop): its value.
bool float64_of(const Value& value, double& out)
{
    if (value.is(Type::Float)) {
        out = value.as_float();
        return true;
    }
    if (value.is(Type::Int)) {
        out = static_cast<double>(value.as_int());
        return true;
    }
    return false;
}

// numpy's (and Python's) integer // and %: toward -inf, the remainder takes the divisor's sign.
// The caller excludes b == 0 and MIN // -1.
int64_t floor_divide(int64_t a, int64_t b)
{
    int64_t q = a / b;
    return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int64_t floor_modulo(int64_t a, int64_t b)
{
    int64_t r = a % b;
    return (r != 0 && (r < 0) != (b < 0)) ? r + b : r;
}

// An int64 scalar or a Python int (int64 to numpy's scalar math): its value.
bool int64_of(const Value& value, int64_t& out)
{
    if (value.is(Type::Int)) {
        out = value.as_int();
        return true;
    }
    if (value.is(Type::Opaque) && is_numpy_scalar(value)) {
        const Scalar& scalar = value.as<ScalarObject>().scalar;
        if (scalar.dtype == DType::Int64) {
            out = scalar.get<int64_t>();
            return true;
        }
    }
    return false;
}

// Python: complex (op) np.float64 is complex's own operation, since float64 subclasses float and
// not complex (complex.__add__ takes it first); a float64 meets Python complex only that way round.
bool python_complex_first(const Value& lhs, const Value& rhs)
{
    return lhs.is(Type::Complex) && rhs.is_library_float();
}

// numpy's scalar math runs an operator itself when a numpy operand's type holds the other operand (a
// Python int counting as int64, a float as float64): it then says "scalar add" and checks integer
// overflow. Other pairs (int32 + Python int, float32 * Python float, int8 + uint8) go to the ufunc.
ScalarCall operator_call(const Value& lhs, const Value& rhs, const Scalar* inputs)
{
    DType common = engine::promote_types(inputs[0].dtype, inputs[1].dtype);
    bool holds = (is_numpy_scalar(lhs) && common == inputs[0].dtype) || (is_numpy_scalar(rhs) && common == inputs[1].dtype);
    return holds ? ScalarCall::Operator : ScalarCall::Ufunc;
}

} // namespace

bool scalar_binary(CallContext& context, interp::BinaryOp op, const Value& lhs, const Value& rhs, Value& out)
{
    if (python_complex_first(lhs, rhs)) [[unlikely]] {
        out = interp::binary_op(context, op, lhs, Value::floating(rhs.as_float()));
        return true;
    }
    // OPTIMIZATION: float64 with float64, the element loops' usual operation, inline; a result that
    // is not finite goes the general way, which finds numpy's warnings.
    if (double a, b; float64_of(lhs, a) && float64_of(rhs, b)) {
        double result;
        switch (op) {
        case interp::BinaryOp::Add: result = a + b; break;
        case interp::BinaryOp::Sub: result = a - b; break;
        case interp::BinaryOp::Mul: result = a * b; break;
        case interp::BinaryOp::Div: result = a / b; break;
        default: result = std::numeric_limits<double>::quiet_NaN(); break;
        }
        if (std::isfinite(result)) {
            out = wrap_element(DType::Float64, &result);
            return true;
        }
    }
    // OPTIMIZATION: int64 with int64 inline where no overflow or division by zero needs a warning.
    if (int64_t a, b; int64_of(lhs, a) && int64_of(rhs, b)) {
        int64_t result;
        bool done = false;
        switch (op) {
        case interp::BinaryOp::Add: done = !__builtin_add_overflow(a, b, &result); break;
        case interp::BinaryOp::Sub: done = !__builtin_sub_overflow(a, b, &result); break;
        case interp::BinaryOp::Mul: done = !__builtin_mul_overflow(a, b, &result); break;
        case interp::BinaryOp::FloorDiv:
            if ((done = b != 0 && !(b == -1 && a == INT64_MIN)))
                result = floor_divide(a, b);
            break;
        case interp::BinaryOp::Mod:
            if ((done = b != 0 && b != -1))
                result = floor_modulo(a, b);
            break;
        default: break;
        }
        if (done) {
            out = wrap_element(DType::Int64, &result);
            return true;
        }
    }
    Scalar inputs[2], result;
    if (op != interp::BinaryOp::MatMul && scalar_of(lhs, inputs[0]) && scalar_of(rhs, inputs[1])
        && apply_scalar_op(context, binary_opcode(op), inputs, operator_call(lhs, rhs, inputs), result)) {
        out = wrap_scalar(result);
        return true;
    }
    return numpy_binary(context, op, lhs, rhs, out);
}

bool scalar_compare(CallContext& context, interp::CompareOp op, const Value& lhs, const Value& rhs, Value& out)
{
    if ((op == interp::CompareOp::Eq || op == interp::CompareOp::NotEq) && python_complex_first(lhs, rhs)) [[unlikely]] {
        out = interp::compare_op(context, op, lhs, Value::floating(rhs.as_float()));
        return true;
    }
    // OPTIMIZATION: float64 comparisons inline (numpy reports no flags for comparisons).
    if (double a, b; float64_of(lhs, a) && float64_of(rhs, b)) {
        bool result = false;
        switch (op) {
        case interp::CompareOp::Eq: result = a == b; break;
        case interp::CompareOp::NotEq: result = a != b; break;
        case interp::CompareOp::Lt: result = a < b; break;
        case interp::CompareOp::LtE: result = a <= b; break;
        case interp::CompareOp::Gt: result = a > b; break;
        case interp::CompareOp::GtE: result = a >= b; break;
        }
        out = wrap_element(DType::Bool, &result);
        return true;
    }
    if (int64_t a, b; int64_of(lhs, a) && int64_of(rhs, b)) {
        bool result = false;
        switch (op) {
        case interp::CompareOp::Eq: result = a == b; break;
        case interp::CompareOp::NotEq: result = a != b; break;
        case interp::CompareOp::Lt: result = a < b; break;
        case interp::CompareOp::LtE: result = a <= b; break;
        case interp::CompareOp::Gt: result = a > b; break;
        case interp::CompareOp::GtE: result = a >= b; break;
        }
        out = wrap_element(DType::Bool, &result);
        return true;
    }
    Scalar inputs[2], result;
    if (scalar_of(lhs, inputs[0]) && scalar_of(rhs, inputs[1])
        && apply_scalar_op(context, compare_opcode(op), inputs, ScalarCall::Operator, result)) {
        out = wrap_scalar(result);
        return true;
    }
    return numpy_compare(context, op, lhs, rhs, out);
}

Value scalar_unary(CallContext& context, interp::UnaryOp op, const Value& operand)
{
    Scalar input, result;
    if (op == interp::UnaryOp::Pos && operand.is(Type::Opaque) && is_numpy_scalar(operand) && numpy_scalar(operand).dtype == DType::Bool) {
        // numpy 1.24 still lets +bool_ through, with a warning.
        context.warn("DeprecationWarning", "Applying '+' to a non-numerical array is ill-defined. Returning a copy, but in the future this will error.");
        return operand;
    }
    if (op != interp::UnaryOp::Not && scalar_of(operand, input)) {
        OpCode code = op == interp::UnaryOp::Neg ? OpCode::Negative : op == interp::UnaryOp::Pos ? OpCode::Positive : OpCode::Invert;
        if (apply_scalar_op(context, code, { &input, 1 }, ScalarCall::Operator, result))
            return wrap_scalar(result);
    }
    return numpy_unary(context, op, operand);
}

} // namespace ramba::numpy
