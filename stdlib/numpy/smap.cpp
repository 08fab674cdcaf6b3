// np.smap, np.smap_index and np.vectorize: user functions applied elementwise. The body is compiled
// into nodes of the caller's fused kernel (smap_compiler.hpp); what the compiler cannot take is
// called per element, with a one-line notice under --explain.
#include "stdlib/numpy/smap.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/planner/explain.hpp"
#include "stdlib/numpy/array_object.hpp"
#include "stdlib/numpy/lazy.hpp"
#include "interpreter/eval/function.hpp"
#include "stdlib/numpy/smap_compiler.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

namespace planner = engine::planner;
using engine::DType;
using engine::NDArray;
using engine::Shape;
using interp::CallContext;
using interp::Type;
using interp::Value;

namespace {

enum class Flavour { Smap, SmapIndex, Vectorize };

// numpy's vectorize and ramba's smap see each element as a Python scalar: bool, int or float.
std::optional<DType> python_dtype(DType dtype)
{
    switch (engine::dtype_kind(dtype)) {
    case 'b': return DType::Bool;
    case 'i':
    case 'u': return DType::Int64;
    case 'f': return DType::Float64;
    default: return std::nullopt;
    }
}

std::optional<DType> dtype_of_result(CallContext& context, const Value& value)
{
    switch (value.type()) {
    case Type::Bool: return DType::Bool;
    case Type::Int: return DType::Int64;
    case Type::Float: return DType::Float64;
    case Type::Complex: return DType::Complex128;
    default:
        if (is_numpy_scalar(value) || is_array(value))
            return to_array(context, value).dtype;
        return std::nullopt;
    }
}

std::string function_name(const Value& function)
{
    if (function.is(Type::Function))
        return function.as<interp::FunctionObject>().name;
    if (function.is(Type::Builtin))
        return function.as<interp::BuiltinObject>().spec->name;
    return "function";
}

// The index a flat position has in `shape`: an int for 1-d, a tuple otherwise.
Value index_value(const Shape& shape, int64_t flat)
{
    if (shape.size() == 1)
        return Value::integer(flat);
    interp::Values items(shape.size());
    for (size_t axis = shape.size(); axis-- > 0;) {
        items[axis] = Value::integer(flat % shape[axis]);
        flat /= shape[axis];
    }
    return interp::make_tuple(std::move(items));
}

// The fallback: one interpreter call per element, results gathered as numpy's vectorize does
// (the output dtype is the type of the first result unless otypes says otherwise).
// `whole[k]`: values[k] is passed unchanged to every call instead of elementwise.
Value call_per_element(CallContext& context, Flavour flavour, const Value& function, std::span<const Value> values,
    const std::vector<bool>& whole, const Shape& shape, std::optional<DType> otype)
{
    std::vector<NDArray> broadcast;
    for (size_t k = 0; k < values.size(); ++k)
        broadcast.push_back(whole[k] ? NDArray {} : engine::broadcast_to(to_array(context, values[k]), shape));
    int64_t count = 1;
    for (auto extent : shape)
        count *= extent;
    if (count == 0 && !otype)
        raise(ErrorKind::ValueError, "cannot call `vectorize` on size 0 inputs unless `otypes` is set");
    std::vector<int64_t> index(shape.size(), 0);
    interp::Values results;
    results.reserve(count);
    interp::Values arguments(values.size() + (flavour == Flavour::SmapIndex ? 1 : 0));
    auto arguments_at = [&](int64_t flat) {
        size_t k = 0;
        if (flavour == Flavour::SmapIndex)
            arguments[k++] = index_value(shape, flat);
        for (size_t n = 0; n < values.size(); ++n) {
            if (whole[n])
                arguments[k++] = values[n];
            else
                arguments[k++] = element_to_value(broadcast[n].dtype, engine::element_pointer(broadcast[n], index.data()));
        }
    };
    for (int64_t flat = 0; flat < count; ++flat) {
        arguments_at(flat);
        // numpy's vectorize calls the function once more on the first elements to find the output type.
        if (flat == 0 && flavour == Flavour::Vectorize && !otype)
            (void)context.call(function, arguments);
        results.push_back(context.call(function, arguments));
        for (size_t axis = shape.size(); axis-- > 0;) {
            if (++index[axis] < shape[axis])
                break;
            index[axis] = 0;
        }
    }
    DType dtype = otype ? *otype : DType::Float64;
    if (!otype) {
        auto first = dtype_of_result(context, results[0]);
        if (!first)
            raise(ErrorKind::TypeError, "ramba: np.vectorize/np.smap results must be numbers");
        dtype = *first;
    }
    NDArray flat = to_array(context, interp::make_list(std::move(results)), dtype);
    flat.shape = shape;
    flat.strides = engine::c_strides(shape, flat.itemsize());
    return wrap_array(std::move(flat));
}

// Whether `a` broadcasts against `b` (numpy's rule: trailing extents equal or 1).
bool broadcastable(const Shape& a, const Shape& b)
{
    for (size_t i = 1; i <= std::min(a.size(), b.size()); ++i) {
        int64_t x = a[a.size() - i], y = b[b.size() - i];
        if (x != y && x != 1 && y != 1)
            return false;
    }
    return true;
}

// The index arguments of smap_index as nodes: an arange for 1-d, one broadcast arange per axis else.
SmapArgument index_argument(const Shape& shape)
{
    SmapArgument argument;
    if (shape.size() == 1) {
        argument.node = planner::arange_node(0, 1, shape[0], DType::Int64);
        return argument;
    }
    for (size_t axis = 0; axis < shape.size(); ++axis) {
        NDArray values = NDArray::empty(DType::Int64, { shape[axis] });
        auto* p = reinterpret_cast<int64_t*>(values.data());
        for (int64_t i = 0; i < shape[axis]; ++i)
            p[i] = i;
        NDArray view = values;
        view.shape.assign(shape.size(), 1);
        view.shape[axis] = shape[axis];
        view.strides.assign(shape.size(), 0);
        view.strides[axis] = sizeof(int64_t);
        argument.tuple.push_back(planner::array_node(view));
    }
    return argument;
}

Value map_elements(CallContext& context, Flavour flavour, const Value& function, std::span<const Value> values,
    std::optional<DType> otype)
{
    if (!function.is(Type::Function) && !function.is(Type::Builtin) && !function.is(Type::BoundMethod)
        && !function.is(Type::Class))
        raise(ErrorKind::TypeError, "'" + std::string(interp::type_name(function)) + "' object is not callable");
    std::vector<planner::NodePtr> nodes;
    std::vector<Shape> shapes;
    bool pending = false;
    // Ramba's smap passes its distributed arrays elementwise and numpy arrays whole; here every
    // array is one kind, so an array argument that cannot broadcast against the first is passed whole.
    std::vector<bool> whole(values.size(), false);
    bool any_whole = false;
    for (size_t k = 0; k < values.size(); ++k) {
        auto node = operand_node(context, values[k]);
        if (flavour != Flavour::Vectorize && k > 0 && !broadcastable(node->shape, shapes.front())) {
            whole[k] = any_whole = true;
            continue;
        }
        nodes.push_back(node);
        shapes.push_back(node->shape);
        pending = pending || (is_array(values[k]) && values[k].as<ArrayObject>().pending());
    }
    Shape shape = engine::broadcast_shapes(std::span<const Shape>(shapes));

    CompiledFunction compiled;
    std::vector<SmapArgument> arguments;
    if (flavour == Flavour::SmapIndex)
        arguments.push_back(index_argument(shape));
    for (auto& node : nodes) {
        auto dtype = python_dtype(node->dtype);
        if (!dtype) {
            compiled.failure = "complex arguments";
            break;
        }
        arguments.push_back({ planner::cast_node(node, *dtype, node->shape), {} });
    }
    if (any_whole)
        compiled.failure = "an array argument passed whole";
    if (compiled.failure.empty())
        compiled = compile_scalar_function(context, function, arguments);

    int64_t count = 1;
    for (auto extent : shape)
        count *= extent;
    if (compiled.result && compiled.mixed_types && !otype && count > 0) {
        // numpy: the output dtype is the type of the first element's result; one call finds it.
        interp::Values first;
        if (flavour == Flavour::SmapIndex)
            first.push_back(index_value(shape, 0));
        for (auto& value : values) {
            NDArray array = engine::broadcast_to(to_array(context, value), shape);
            std::vector<int64_t> zero(shape.size(), 0);
            first.push_back(element_to_value(array.dtype, engine::element_pointer(array, zero.data())));
        }
        otype = dtype_of_result(context, context.call(function, first));
        if (!otype)
            compiled.result = nullptr;
    }
    if (!compiled.result) {
        if (engine::explain::enabled()) {
            std::fflush(stdout);
            std::fprintf(stderr, "-- %s: %s runs per element (not compiled: %s)\n",
                flavour == Flavour::Vectorize ? "vectorize" : flavour == Flavour::Smap ? "smap" : "smap_index",
                function_name(function).c_str(), compiled.failure.c_str());
        }
        return call_per_element(context, flavour, function, values, whole, shape, otype);
    }
    planner::NodePtr result = planner::cast_node(compiled.result, otype.value_or(compiled.result->dtype), shape);
    if (planner::fusion_enabled() && (pending || count >= lazy_min_elements) && !shape.empty())
        return wrap_pending(result);
    return wrap_array(evaluate_now(result));
}

std::optional<DType> otypes_dtype(CallContext& context, const Value& otypes)
{
    if (otypes.is_none())
        return std::nullopt;
    if (otypes.is(Type::Str)) {
        auto& text = otypes.as<interp::StrObject>().value;
        if (text.empty())
            return std::nullopt;
        return to_dtype(context, interp::make_str(text.substr(0, 1)));
    }
    interp::Values items = interp::to_vector(context, otypes);
    if (items.empty())
        return std::nullopt;
    if (items.size() > 1)
        raise(ErrorKind::ValueError, "ramba: np.vectorize supports one output (otypes of length 1)");
    return to_dtype(context, items[0]);
}

// Ramba's dtype=: the result's dtype (the results are cast to it); None: the first result's type.
// parallel= (Ramba's choice of a parallel loop on each worker) is accepted and changes nothing here.
std::optional<DType> smap_dtype(CallContext& context, const Value& dtype)
{
    if (dtype.is_none())
        return std::nullopt;
    return to_dtype(context, dtype);
}

Value np_smap(CallContext& context, std::span<Value> args)
{
    auto& rest = args[1].as<interp::TupleObject>().items;
    return map_elements(context, Flavour::Smap, args[0], rest, smap_dtype(context, args[2]));
}

Value np_smap_index(CallContext& context, std::span<Value> args)
{
    auto& rest = args[1].as<interp::TupleObject>().items;
    if (rest.empty())
        raise(ErrorKind::TypeError, "smap_index() needs at least one array");
    return map_elements(context, Flavour::SmapIndex, args[0], rest, smap_dtype(context, args[2]));
}

// The callable np.vectorize returns: a bound method whose self is (pyfunc, otypes).
Value vectorized_call(CallContext& context, std::span<Value> args)
{
    auto& self = args[0].as<interp::TupleObject>().items;
    auto& rest = args[1].as<interp::TupleObject>().items;
    return map_elements(context, Flavour::Vectorize, self[0], rest, otypes_dtype(context, self[1]));
}

const interp::BuiltinSpec vectorized_spec { "vectorize", "(self, *args)", vectorized_call,
    "Call the vectorized function elementwise over broadcast arrays." };

Value np_vectorize(CallContext& context, std::span<Value> args)
{
    if (!args[5].is_none())
        raise(ErrorKind::ValueError, "ramba: np.vectorize does not support signature=");
    if (!args[3].is_none())
        raise(ErrorKind::ValueError, "ramba: np.vectorize does not support excluded=");
    (void)otypes_dtype(context, args[1]); // reject bad otypes now, as numpy does
    Value self = interp::make_tuple({ args[0], args[1] });
    return Value::object(Type::BoundMethod,
        interp::make_object<interp::BoundMethodObject>(self, interp::make_builtin(&vectorized_spec)));
}

const interp::BuiltinSpec smap_rows[] = {
    { "smap", "(func, *args, dtype=None, parallel=True)", np_smap,
        "Apply a scalar function elementwise; its body is compiled into the fused kernel (ramba)." },
    { "smap_index", "(func, *args, dtype=None, parallel=True)", np_smap_index,
        "Like smap, with the element's index (an int, or a tuple for N-d) as the first argument (ramba)." },
    { "vectorize", "(pyfunc, otypes=None, doc=None, excluded=None, cache=False, signature=None)", np_vectorize,
        "Generalized function class: a vectorized function that broadcasts its arguments." },
};

} // namespace

std::span<const interp::BuiltinSpec> smap_functions() { return smap_rows; }

} // namespace ramba::numpy
