// Internal to stdlib/numpy's random rows (random.cpp: RandomState and the module functions;
// random_generator.cpp: Generator): numpy's argument handling around engine/random's samplers —
// `size` shapes, parameters that are scalars or broadcast arrays with numpy's constraint messages
// (_common.pyx's cont/disc), bounded integers per dtype (_bounded_integers.pyx), and the
// shuffles, permutations and choices both generators share.
#pragma once

#include <functional>
#include <span>

#include "engine/random/bounded_integers.hpp"
#include "engine/random/legacy_distributions.hpp"
#include "engine/random/pcg64.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy::random_support {

using interp::CallContext;
using interp::Value;

// numpy's constraint_type: what a parameter must satisfy, and the ValueError when it does not.
enum class Constraint { None, NonNegative, Positive, PositiveNotNan, Bounded01, BoundedGt01, BoundedLt01, Gt1, Gte1, Poisson, LegacyPoisson };

struct Parameter {
    const Value& value;
    const char* name;
    Constraint constraint { Constraint::None };
};

// size=None -> nullopt; an int or a tuple of ints otherwise (a negative size is numpy's ValueError).
std::optional<engine::Shape> size_argument(CallContext&, const Value& size);

// A drawn array as a value. Draws are sequential (numpy's order), on the driver; under --workers a
// large one moves to the workers when an operation first uses it, and --explain says so here.
Value wrap_drawn(engine::NDArray);

// The check of one scalar parameter, numpy's check_constraint (messages "scale < 0", ...).
void check_scalar(double value, const char* name, Constraint);
// numpy's check_array_constraint: the check of a parameter array (messages "scale < 0", ...).
void check_array(const engine::NDArray& values, const char* name, Constraint);
// A 0-d parameter's value as numpy's scalar path reads it (PyFloat_AsDouble / int()).
double scalar_double(const engine::NDArray&);

// uniform(low, high): numpy draws low + range * u with range = high - low computed first, as a
// Python float when both are scalars (OverflowError `scalar_message` when not finite), else as a
// broadcast float64 array. Returns {low, range} as the sampler's two parameters.
std::pair<Value, Value> uniform_low_and_range(CallContext&, const Value& low, const Value& high, const char* scalar_message);

struct Broadcast {
    engine::Shape shape;
    std::vector<engine::NDArray> operands; // contiguous, of `shape`
};
// The output shape (`size`, else the parameters' common shape) and the parameters broadcast to
// it; numpy's messages when they do not fit.
Broadcast broadcast_parameters(CallContext&, const std::optional<engine::Shape>& size, const std::vector<engine::NDArray>&, engine::DType);

// numpy's cont() (Result double) and disc() (Result int64_t): parameters converted to float64
// (int64 where `integer_params` says so; draw receives doubles). All 0-d: checked as scalars, one
// Python float/int when size is None, else `size` draws with the same parameters. Any array: checked
// as arrays, broadcast to `size` (or their common shape), one draw per element in C order.
template<class Result, class Draw>
Value draw_with_parameters(CallContext& context, const Value& size_value, std::span<const Parameter> parameters,
    std::span<const bool> integer_params, Draw&& draw)
{
    using engine::DType;
    using engine::NDArray;
    auto size = size_argument(context, size_value);
    constexpr DType result_dtype = std::is_same_v<Result, double> ? DType::Float64 : DType::Int64;
    std::vector<NDArray> arrays;
    bool scalar = true;
    for (size_t i = 0; i < parameters.size(); ++i) {
        bool is_integer = i < integer_params.size() && integer_params[i];
        arrays.push_back(to_array(context, parameters[i].value, is_integer ? DType::Int64 : DType::Float64));
        scalar = scalar && arrays.back().ndim() == 0;
    }
    double values[4] {};
    if (scalar) {
        for (size_t i = 0; i < parameters.size(); ++i) {
            values[i] = scalar_double(arrays[i]);
            check_scalar(values[i], parameters[i].name, parameters[i].constraint);
        }
        if (!size) {
            Result r = draw(static_cast<const double*>(values));
            if constexpr (std::is_same_v<Result, double>)
                return Value::floating(r);
            else
                return Value::integer(r);
        }
        NDArray result = NDArray::empty(result_dtype, *size);
        Result* out = reinterpret_cast<Result*>(result.data());
        for (int64_t i = 0, n = result.size(); i < n; ++i)
            out[i] = draw(static_cast<const double*>(values));
        return wrap_drawn(std::move(result));
    }
    for (size_t i = 0; i < parameters.size(); ++i)
        check_array(arrays[i], parameters[i].name, parameters[i].constraint);
    Broadcast b = broadcast_parameters(context, size, arrays, DType::Float64);
    NDArray result = NDArray::empty(result_dtype, b.shape);
    Result* out = reinterpret_cast<Result*>(result.data());
    for (int64_t i = 0, n = result.size(); i < n; ++i) {
        for (size_t k = 0; k < b.operands.size(); ++k)
            values[k] = reinterpret_cast<const double*>(b.operands[k].data())[i];
        out[i] = draw(static_cast<const double*>(values));
    }
    return wrap_drawn(std::move(result));
}

template<class Draw>
Value continuous(CallContext& context, const Value& size, std::span<const Parameter> parameters, Draw&& draw)
{
    return draw_with_parameters<double>(context, size, parameters, {}, std::forward<Draw>(draw));
}

template<class Draw>
Value discrete(CallContext& context, const Value& size, std::span<const Parameter> parameters, std::span<const bool> integer_params, Draw&& draw)
{
    return draw_with_parameters<int64_t>(context, size, parameters, integer_params, std::forward<Draw>(draw));
}


// A Python float (size None) or a float64/float32 array of `shape` filled by `draw` in C order
// (templates: the hot loops of rand/randn/random/standard_normal).
template<class T, class Draw>
Value fill(const std::optional<engine::Shape>& shape, Draw&& draw)
{
    if (!shape)
        return Value::floating(static_cast<double>(draw()));
    engine::NDArray result = engine::NDArray::empty(std::is_same_v<T, float> ? engine::DType::Float32 : engine::DType::Float64, *shape);
    T* out = reinterpret_cast<T*>(result.data());
    const int64_t count = result.size();
    for (int64_t i = 0; i < count; ++i)
        out[i] = draw();
    return wrap_drawn(std::move(result));
}

// randint / integers: numpy's _rand_<dtype> for every integer dtype and bool. `dtype_value` picks
// the dtype (TypeError "Unsupported dtype dtype('float64') for randint" otherwise); a size=None
// draw is a numpy scalar, or a Python int/bool when dtype is the builtin int/bool.
// `fill` writes `count` draws in [offset, offset + range] (unsigned bits of the dtype's width).
using BoundedFill = std::function<void(engine::DType, uint64_t offset, uint64_t range, int64_t count, std::byte* out, random::BitBuffer&)>;
Value bounded_integers(CallContext&, const Value& low, const Value& high, const Value& size, const Value& dtype_value,
    bool closed, const char* function_name, const BoundedFill& fill);
engine::DType bounded_dtype(CallContext&, const Value& dtype_value, const char* function_name);

template<class Bits>
void fill_bounded(Bits& bits, random::BoundedMethod method, engine::DType dtype, uint64_t offset, uint64_t range, int64_t count,
    std::byte* out, random::BitBuffer& buffer)
{
    using engine::DType;
    switch (engine::dtype_itemsize(dtype)) {
    case 8: {
        auto* p = reinterpret_cast<uint64_t*>(out);
        for (int64_t i = 0; i < count; ++i)
            p[i] = random::bounded_uint64(bits, offset, range, method);
        break;
    }
    case 4: {
        auto* p = reinterpret_cast<uint32_t*>(out);
        for (int64_t i = 0; i < count; ++i)
            p[i] = random::bounded_uint32(bits, static_cast<uint32_t>(offset), static_cast<uint32_t>(range), method);
        break;
    }
    case 2: {
        auto* p = reinterpret_cast<uint16_t*>(out);
        for (int64_t i = 0; i < count; ++i)
            p[i] = random::bounded_uint16(bits, static_cast<uint16_t>(offset), static_cast<uint16_t>(range), method, buffer);
        break;
    }
    default:
        if (dtype == DType::Bool) {
            auto* p = reinterpret_cast<bool*>(out);
            for (int64_t i = 0; i < count; ++i)
                p[i] = random::bounded_bool(bits, offset != 0, range != 0, buffer);
        } else {
            auto* p = reinterpret_cast<uint8_t*>(out);
            for (int64_t i = 0; i < count; ++i)
                p[i] = random::bounded_uint8(bits, static_cast<uint8_t>(offset), static_cast<uint8_t>(range), method, buffer);
        }
    }
}

// Fisher-Yates positions, the j of each swap for i = n-1 .. 1 (numpy's random_interval).
using IntervalDraw = std::function<uint64_t(uint64_t max)>;
// shuffle(x): x must be a writable ndarray (or a list, shuffled in place), swaps along axis 0.
void shuffle(CallContext&, const Value& x, const IntervalDraw&, int64_t axis = 0);
// permutation(x): an int -> a shuffled arange; an array -> a shuffled copy (rows along `axis`).
Value permutation(CallContext&, const Value& x, const IntervalDraw&, int64_t axis = 0);

// The population and size of choice(a, ...): `a` an int or an array (numpy's messages, which differ
// between RandomState and Generator: `generator` picks Generator's).
struct Population {
    engine::NDArray array; // empty when a is an int
    int64_t size { 0 };
    bool is_int { false };
};
Population choice_population(CallContext&, const Value& a, const std::optional<engine::Shape>& size, bool generator, int64_t axis = 0);
// p= checked as numpy does (1-d, same size, no NaN, non-negative, sums to 1 within sqrt(eps)); C-contiguous doubles.
std::vector<double> choice_probabilities(CallContext&, const Value& p, int64_t population, bool generator);
// Indices drawn with p, replace=True: searchsorted(cdf / cdf[-1], u, 'right') for each uniform u.
std::vector<int64_t> choice_by_cdf(const std::vector<double>& p, std::span<const double> uniforms);
// The replace=False, p= loop: draws `count` distinct indices, `uniforms(k)` giving k uniforms per round.
std::vector<int64_t> choice_unique_by_cdf(std::vector<double> p, int64_t count, const std::function<std::vector<double>(int64_t)>& uniforms);
// a[indices] reshaped to `shape` (or the index itself when a was an int); size None -> a scalar.
Value choice_result(const Population&, std::vector<int64_t> indices, const std::optional<engine::Shape>& size, int64_t axis = 0);

int64_t shape_size(const engine::Shape&);

// multivariate_normal(mean, cov, size, check_valid, tol): `normals(count)` draws the standard normals
// (RandomState's polar method or Generator's ziggurat), then numpy's transform: RandomState
// x @ (sqrt(s)[:, None] * v) from svd(cov); Generator mean + x @ (u * sqrt(s)).T (method 'svd') or
// from eigh (method 'eigh'). The check of cov is numpy's allclose(vh.T * s @ vh, cov).
enum class MultivariateMethod { LegacySvd, Svd, Eigh };
Value multivariate_normal(CallContext&, const Value& mean, const Value& cov, const Value& size, const Value& check_valid,
    const Value& tol, MultivariateMethod, const std::function<engine::NDArray(const engine::Shape&)>& normals);

} // namespace ramba::numpy::random_support
