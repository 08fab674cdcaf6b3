// numpy's argument handling for the random rows (random_support.hpp): _common.pyx's cont/disc and
// constraint checks, _bounded_integers.pyx's bounds, and the shared shuffle/permutation/choice.
#include "stdlib/numpy/random_support.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>

#include "engine/array/cast.hpp"
#include "engine/array/index.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/seam/engine.hpp"
#include "stdlib/numpy/lazy.hpp"

namespace ramba::numpy::random_support {

using engine::DType;
using engine::NDArray;
using engine::Shape;
using interp::Type;

namespace {

// numpy: double(iinfo(int64).max) - sqrt(iinfo(int64).max) * 10 (the same for 'l' on 64-bit Linux).
const double poisson_lam_max = static_cast<double>(INT64_MAX) - std::sqrt(static_cast<double>(INT64_MAX)) * 10;

std::string with_name(const char* pattern, const char* name)
{
    std::string out;
    for (const char* c = pattern; *c; ++c) {
        if (*c == '@')
            out += name;
        else
            out += *c;
    }
    return out;
}

} // namespace

void check_array(const NDArray& values, const char* name, Constraint constraint)
{
    NDArray a = engine::ascontiguous(values, DType::Float64);
    const double* p = reinterpret_cast<const double*>(a.data());
    const int64_t n = a.size();
    auto any = [&](auto predicate) {
        for (int64_t i = 0; i < n; ++i)
            if (predicate(p[i]))
                return true;
        return false;
    };
    switch (constraint) {
    case Constraint::None:
        return;
    case Constraint::NonNegative:
        if (any([](double v) { return !std::isnan(v) && std::signbit(v); }))
            raise(ErrorKind::ValueError, with_name("@ < 0", name));
        return;
    case Constraint::PositiveNotNan:
        if (any([](double v) { return std::isnan(v); }))
            raise(ErrorKind::ValueError, with_name("@ must not be NaN", name));
        [[fallthrough]];
    case Constraint::Positive:
        if (any([](double v) { return v <= 0; }))
            raise(ErrorKind::ValueError, with_name("@ <= 0", name));
        return;
    case Constraint::Bounded01:
        if (any([](double v) { return !(v >= 0) || !(v <= 1); }))
            raise(ErrorKind::ValueError, with_name("@ < 0, @ > 1 or @ contains NaNs", name));
        return;
    case Constraint::BoundedGt01:
        if (any([](double v) { return !(v > 0) || !(v <= 1); }))
            raise(ErrorKind::ValueError, with_name("@ <= 0, @ > 1 or @ contains NaNs", name));
        return;
    case Constraint::BoundedLt01:
        if (any([](double v) { return !(v >= 0) || !(v < 1); }))
            raise(ErrorKind::ValueError, with_name("@ < 0, @ >= 1 or @ contains NaNs", name));
        return;
    case Constraint::Gt1:
        if (any([](double v) { return !(v > 1); }))
            raise(ErrorKind::ValueError, with_name("@ <= 1 or @ contains NaNs", name));
        return;
    case Constraint::Gte1:
        if (any([](double v) { return !(v >= 1); }))
            raise(ErrorKind::ValueError, with_name("@ < 1 or @ contains NaNs", name));
        return;
    case Constraint::Poisson:
    case Constraint::LegacyPoisson:
        if (any([](double v) { return !(v <= poisson_lam_max); }))
            raise(ErrorKind::ValueError, with_name("@ value too large", name));
        if (any([](double v) { return !(v >= 0.0); }))
            raise(ErrorKind::ValueError, with_name("@ < 0 or @ contains NaNs", name));
        return;
    }
}

double scalar_double(const NDArray& a) { return engine::Scalar::from_element(a.dtype, a.data()).as_double(); }

std::pair<Value, Value> uniform_low_and_range(CallContext& context, const Value& low_argument, const Value& high_argument, const char* scalar_message)
{
    NDArray low = to_array(context, low_argument, DType::Float64), high = to_array(context, high_argument, DType::Float64);
    if (low.ndim() == 0 && high.ndim() == 0) {
        double l = scalar_double(low);
        double range = scalar_double(high) - l;
        if (!std::isfinite(range))
            raise(ErrorKind::OverflowError, scalar_message);
        return { Value::floating(l), Value::floating(range) };
    }
    NDArray range = engine::ascontiguous(engine::broadcast_to(high, engine::broadcast_shapes(high.shape, low.shape)), DType::Float64);
    NDArray lows = engine::ascontiguous(engine::broadcast_to(low, range.shape), DType::Float64);
    for (int64_t i = 0; i < range.size(); ++i) {
        double& r = reinterpret_cast<double*>(range.data())[i];
        r -= reinterpret_cast<const double*>(lows.data())[i];
        if (!std::isfinite(r))
            raise(ErrorKind::OverflowError, "Range exceeds valid bounds");
    }
    return { low_argument, wrap_array(range) };
}

namespace {

// numpy's multi-iterator over (output, parameters...): the first pair of arguments whose extents
// differ on an axis (neither 1) is named in its message.
Shape broadcast_or_raise(CallContext& context, const std::vector<Shape>& shapes)
{
    size_t ndim = 0;
    for (const auto& s : shapes)
        ndim = std::max(ndim, s.size());
    Shape result(ndim, 1);
    std::vector<size_t> owner(ndim, 0); // the argument that set each axis
    for (size_t arg = 0; arg < shapes.size(); ++arg) {
        const Shape& s = shapes[arg];
        for (size_t k = 0; k < s.size(); ++k) {
            size_t axis = ndim - s.size() + k;
            int64_t extent = s[k];
            if (extent == 1)
                continue;
            if (result[axis] == 1) {
                result[axis] = extent;
                owner[axis] = arg;
            } else if (result[axis] != extent) {
                raise(ErrorKind::ValueError, "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg "
                        + std::to_string(owner[axis]) + " with shape " + interp::repr_value(context, shape_value(shapes[owner[axis]])) + " and arg "
                        + std::to_string(arg) + " with shape " + interp::repr_value(context, shape_value(s)) + ".");
            }
        }
    }
    return result;
}

} // namespace

Broadcast broadcast_parameters(CallContext& context, const std::optional<Shape>& size, const std::vector<NDArray>& arrays, DType dtype)
{
    std::vector<Shape> shapes;
    if (size)
        shapes.push_back(*size);
    for (const auto& a : arrays)
        shapes.push_back(a.shape);
    Shape common = broadcast_or_raise(context, shapes);
    Broadcast result;
    result.shape = size ? *size : common;
    Shape together = engine::broadcast_shapes(result.shape, common);
    if (together != result.shape)
        raise(ErrorKind::ValueError, "Output size " + interp::repr_value(context, shape_value(result.shape))
                + " is not compatible with broadcast dimensions of inputs " + interp::repr_value(context, shape_value(together)) + ".");
    for (const auto& a : arrays)
        result.operands.push_back(engine::ascontiguous(engine::broadcast_to(a, result.shape), dtype));
    return result;
}

namespace {

bool is_python_class(const Value& v, std::string_view name)
{
    return v.is(Type::Class) && v.as<interp::ClassObject>().name == name; // numpy's are "numpy.int64", ...
}

// Python's int(x) of a scalar bound: floats truncate.
int64_t bound_value(CallContext& context, const NDArray& a)
{
    engine::Scalar s = engine::Scalar::from_element(a.dtype, a.data());
    if (engine::dtype_kind(a.dtype) == 'f') {
        double v = s.as_double();
        if (!std::isfinite(v))
            raise(ErrorKind::OverflowError, "cannot convert float infinity to integer");
        return static_cast<int64_t>(std::trunc(v));
    }
    (void)context;
    return s.as_int64();
}

struct Bounds {
    __int128 low, high; // closed bounds of the dtype
};

Bounds dtype_bounds(DType dtype)
{
    if (dtype == DType::Bool)
        return { 0, 1 };
    int bits = static_cast<int>(engine::dtype_itemsize(dtype)) * 8;
    if (engine::dtype_kind(dtype) == 'u')
        return { 0, (static_cast<__int128>(1) << bits) - 1 };
    return { -(static_cast<__int128>(1) << (bits - 1)), (static_cast<__int128>(1) << (bits - 1)) - 1 };
}

std::string bounds_error(bool closed, bool low_is_zero)
{
    if (low_is_zero)
        return closed ? "high < 0" : "high <= 0";
    return closed ? "low > high" : "low >= high";
}

} // namespace

Value wrap_drawn(NDArray array)
{
    seam::current().explain_drawn(array.shape);
    return wrap_array(std::move(array));
}

int64_t shape_size(const Shape& shape)
{
    int64_t count = 1;
    for (int64_t extent : shape)
        count *= extent;
    return count;
}

std::optional<Shape> size_argument(CallContext& context, const Value& size)
{
    if (size.is_none())
        return std::nullopt;
    Shape shape = shape_argument(context, size);
    for (int64_t extent : shape)
        if (extent < 0)
            raise(ErrorKind::ValueError, "negative dimensions are not allowed");
    return shape;
}

void check_scalar(double value, const char* name, Constraint constraint)
{
    switch (constraint) {
    case Constraint::None:
        return;
    case Constraint::NonNegative:
        if (!std::isnan(value) && std::signbit(value))
            raise(ErrorKind::ValueError, with_name("@ < 0", name));
        return;
    case Constraint::PositiveNotNan:
        if (std::isnan(value))
            raise(ErrorKind::ValueError, with_name("@ must not be NaN", name));
        [[fallthrough]];
    case Constraint::Positive:
        if (value <= 0)
            raise(ErrorKind::ValueError, with_name("@ <= 0", name));
        return;
    case Constraint::Bounded01:
        if (!(value >= 0) || !(value <= 1))
            raise(ErrorKind::ValueError, with_name("@ < 0, @ > 1 or @ is NaN", name));
        return;
    case Constraint::BoundedGt01:
        if (!(value > 0) || !(value <= 1))
            raise(ErrorKind::ValueError, with_name("@ <= 0, @ > 1 or @ contains NaNs", name));
        return;
    case Constraint::BoundedLt01:
        if (!(value >= 0) || !(value < 1))
            raise(ErrorKind::ValueError, with_name("@ < 0, @ >= 1 or @ is NaN", name));
        return;
    case Constraint::Gt1:
        if (!(value > 1))
            raise(ErrorKind::ValueError, with_name("@ <= 1 or @ is NaN", name));
        return;
    case Constraint::Gte1:
        if (!(value >= 1))
            raise(ErrorKind::ValueError, with_name("@ < 1 or @ is NaN", name));
        return;
    case Constraint::Poisson:
    case Constraint::LegacyPoisson:
        if (!(value >= 0))
            raise(ErrorKind::ValueError, with_name("@ < 0 or @ is NaN", name));
        if (!(value <= poisson_lam_max))
            raise(ErrorKind::ValueError, with_name("@ value too large", name));
        return;
    }
}

DType bounded_dtype(CallContext& context, const Value& dtype_value, const char* function_name)
{
    if (interp::is_missing_argument(dtype_value)) // randint's default, the builtin int
        return DType::Int64;
    DType dtype = to_dtype(context, dtype_value).value_or(DType::Int64);
    char kind = engine::dtype_kind(dtype);
    if (kind != 'i' && kind != 'u' && kind != 'b')
        raise(ErrorKind::TypeError, "Unsupported dtype dtype('" + std::string(engine::dtype_name(dtype)) + "') for " + function_name);
    return dtype;
}

Value bounded_integers(CallContext& context, const Value& low_value, const Value& high_value, const Value& size_value,
    const Value& dtype_value, bool closed, const char* function_name, const BoundedFill& fill)
{
    Value low_arg = low_value, high_arg = high_value;
    if (high_arg.is_none()) {
        high_arg = low_arg;
        low_arg = Value::integer(0);
    }
    DType dtype = bounded_dtype(context, dtype_value, function_name);
    auto size = size_argument(context, size_value);
    if (size && shape_size(*size) == 0)
        return wrap_array(NDArray::empty(dtype, *size));
    std::string name(engine::dtype_name(dtype));
    Bounds bounds = dtype_bounds(dtype);
    NDArray low_array = to_array(context, low_arg), high_array = to_array(context, high_arg);
    random::BitBuffer buffer;
    if (low_array.ndim() == 0 && high_array.ndim() == 0) {
        __int128 low = bound_value(context, low_array), high = bound_value(context, high_array);
        if (!closed)
            high -= 1;
        if (low < bounds.low)
            raise(ErrorKind::ValueError, "low is out of bounds for " + name);
        if (high > bounds.high)
            raise(ErrorKind::ValueError, "high is out of bounds for " + name);
        if (low > high)
            raise(ErrorKind::ValueError, bounds_error(closed, low == 0));
        uint64_t range = static_cast<uint64_t>(high - low), offset = static_cast<uint64_t>(low);
        if (!size) {
            engine::Scalar s;
            s.dtype = dtype;
            fill(dtype, offset, range, 1, s.bytes, buffer);
            // numpy: randint(..., dtype=int) and dtype=bool give Python ints and bools.
            if (interp::is_missing_argument(dtype_value) || is_python_class(dtype_value, "int") || is_python_class(dtype_value, "bool"))
                return element_to_value(dtype, s.bytes);
            return wrap_scalar(s);
        }
        NDArray result = NDArray::empty(dtype, *size);
        fill(dtype, offset, range, result.size(), result.data(), buffer);
        return wrap_drawn(std::move(result));
    }
    // Arrays of bounds: checked as numpy checks them, then one draw per element of the broadcast.
    NDArray lows = engine::ascontiguous(low_array, DType::Float64), highs = engine::ascontiguous(high_array, DType::Float64);
    auto any = [](const NDArray& a, auto predicate) {
        const double* p = reinterpret_cast<const double*>(a.data());
        for (int64_t i = 0; i < a.size(); ++i)
            if (predicate(p[i]))
                return true;
        return false;
    };
    bool low_all_zero = !any(lows, [](double v) { return v != 0; });
    const double lb = static_cast<double>(bounds.low), ub = static_cast<double>(bounds.high);
    if (any(lows, [&](double v) { return v < lb; }))
        raise(ErrorKind::ValueError, "low is out of bounds for " + name);
    if (any(highs, [&](double v) { return (closed ? v : v - 1) > ub; }))
        raise(ErrorKind::ValueError, "high is out of bounds for " + name);
    std::vector<NDArray> arrays { engine::astype(low_array, DType::Int64), engine::astype(high_array, DType::Int64) };
    Broadcast b = broadcast_parameters(context, size, arrays, DType::Int64);
    const int64_t* lo = reinterpret_cast<const int64_t*>(b.operands[0].data());
    const int64_t* hi = reinterpret_cast<const int64_t*>(b.operands[1].data());
    for (int64_t i = 0, n = shape_size(b.shape); i < n; ++i)
        if (lo[i] > (closed ? hi[i] : hi[i] - 1))
            raise(ErrorKind::ValueError, bounds_error(closed, low_all_zero));
    NDArray result = NDArray::empty(dtype, b.shape);
    const size_t item = engine::dtype_itemsize(dtype);
    for (int64_t i = 0, n = result.size(); i < n; ++i) {
        uint64_t range = static_cast<uint64_t>((closed ? hi[i] : hi[i] - 1) - lo[i]);
        fill(dtype, static_cast<uint64_t>(lo[i]), range, 1, result.data() + static_cast<size_t>(i) * item, buffer);
    }
    return wrap_drawn(std::move(result));
}

namespace {

// The order Fisher-Yates leaves n rows in: swaps (i, j) for i = n-1 .. 1.
std::vector<int64_t> shuffled_order(int64_t n, const IntervalDraw& interval)
{
    std::vector<int64_t> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), int64_t(0));
    for (int64_t i = n - 1; i >= 1; --i) {
        int64_t j = static_cast<int64_t>(interval(static_cast<uint64_t>(i)));
        std::swap(order[static_cast<size_t>(i)], order[static_cast<size_t>(j)]);
    }
    return order;
}

NDArray take_rows(const NDArray& a, const std::vector<int64_t>& order)
{
    NDArray index = NDArray::empty(DType::Int64, { static_cast<int64_t>(order.size()) });
    std::memcpy(index.data(), order.data(), order.size() * sizeof(int64_t));
    engine::IndexItem item = engine::IndexItem::make_array(index);
    return engine::index_get(a, { &item, 1 }).array;
}

} // namespace

void shuffle(CallContext& context, const Value& x, const IntervalDraw& interval, int64_t axis)
{
    if (x.is(Type::List)) {
        auto& items = x.as<interp::ListObject>().items;
        for (int64_t i = static_cast<int64_t>(items.size()) - 1; i >= 1; --i) {
            int64_t j = static_cast<int64_t>(interval(static_cast<uint64_t>(i)));
            std::swap(items[static_cast<size_t>(i)], items[static_cast<size_t>(j)]);
        }
        return;
    }
    if (!is_array(x)) {
        if (is_array_like(x))
            raise(ErrorKind::TypeError, "object of type '" + std::string(interp::type_name(x)) + "' has no len()");
        raise(ErrorKind::TypeError, "object of type '" + std::string(interp::type_name(x)) + "' has no len()");
    }
    const NDArray& whole = x.as<ArrayObject>().writable();
    if (whole.ndim() == 0)
        raise(ErrorKind::TypeError, "len() of unsized object");
    axis = normalize_axis(axis, whole.ndim());
    NDArray a = axis == 0 ? whole : engine::swapaxes(whole, 0, axis);
    if (a.size() == 0)
        return;
    std::vector<int64_t> order = shuffled_order(a.shape[0], interval);
    NDArray shuffled = take_rows(a, order);
    flush_pending(); // pending nodes may read this buffer
    engine::assign(a, shuffled);
    (void)context;
}

Value permutation(CallContext& context, const Value& x, const IntervalDraw& interval, int64_t axis)
{
    if (x.is(Type::Int) || (is_numpy_scalar(x) && engine::dtype_kind(numpy_scalar(x).dtype) != 'f'
            && engine::dtype_kind(numpy_scalar(x).dtype) != 'c' && engine::dtype_kind(numpy_scalar(x).dtype) != 'b')) {
        int64_t n = std::max<int64_t>(interp::to_index(context, x), 0);
        std::vector<int64_t> order = shuffled_order(n, interval);
        NDArray result = NDArray::empty(DType::Int64, { n });
        std::memcpy(result.data(), order.data(), order.size() * sizeof(int64_t));
        return wrap_array(std::move(result));
    }
    NDArray a = to_array(context, x);
    if (a.ndim() < 1)
        raise(ErrorKind::IndexError, "x must be an integer or at least 1-dimensional");
    axis = normalize_axis(axis, a.ndim());
    NDArray moved = axis == 0 ? a : engine::swapaxes(a, 0, axis);
    std::vector<int64_t> order = shuffled_order(moved.shape[0], interval);
    NDArray result = take_rows(moved, order);
    if (axis != 0)
        result = engine::ascontiguous(engine::swapaxes(result, 0, axis));
    return wrap_array(std::move(result));
}

Population choice_population(CallContext& context, const Value& a, const std::optional<Shape>& size, bool generator, int64_t axis)
{
    Population population;
    NDArray array = to_array(context, a);
    bool no_samples = size && shape_size(*size) == 0;
    if (array.ndim() == 0) {
        char kind = engine::dtype_kind(array.dtype);
        if (kind != 'i' && kind != 'u' && kind != 'b') {
            if (generator)
                raise(ErrorKind::ValueError, "a must be a sequence or an integer, not <class '" + std::string(interp::type_name(a)) + "'>");
            raise(ErrorKind::ValueError, "a must be 1-dimensional or an integer");
        }
        population.is_int = true;
        population.size = engine::Scalar::from_element(array.dtype, array.data()).as_int64();
        if (population.size <= 0 && !no_samples)
            raise(ErrorKind::ValueError, generator ? "a must be a positive integer unless no samples are taken" : "a must be greater than 0 unless no samples are taken");
        return population;
    }
    if (!generator && array.ndim() != 1)
        raise(ErrorKind::ValueError, "a must be 1-dimensional");
    axis = normalize_axis(axis, array.ndim());
    population.array = array;
    population.size = array.shape[static_cast<size_t>(axis)];
    if (population.size == 0 && !no_samples)
        raise(ErrorKind::ValueError, generator ? "a cannot be empty unless no samples are taken" : "'a' cannot be empty unless no samples are taken");
    return population;
}

std::vector<double> choice_probabilities(CallContext& context, const Value& p_value, int64_t population, bool generator)
{
    double atol = std::sqrt(std::numeric_limits<double>::epsilon());
    if (is_array(p_value) && p_value.as<ArrayObject>().dtype() == DType::Float32)
        atol = std::max(atol, static_cast<double>(std::sqrt(std::numeric_limits<float>::epsilon())));
    NDArray p = engine::ascontiguous(to_array(context, p_value), DType::Float64);
    if (p.ndim() != 1)
        raise(ErrorKind::ValueError, generator ? "p must be 1-dimensional" : "'p' must be 1-dimensional");
    if (p.size() != population)
        raise(ErrorKind::ValueError, generator ? "a and p must have same size" : "'a' and 'p' must have same size");
    const double* values = reinterpret_cast<const double*>(p.data());
    std::vector<double> out(values, values + p.size());
    double sum = 0;
    if (!out.empty()) { // numpy's kahan_sum
        sum = out[0];
        double c = 0.0;
        for (size_t i = 1; i < out.size(); ++i) {
            double y = out[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
    }
    if (std::isnan(sum))
        raise(ErrorKind::ValueError, "probabilities contain NaN");
    for (double v : out)
        if (v < 0)
            raise(ErrorKind::ValueError, "probabilities are not non-negative");
    if (std::abs(sum - 1.) > atol)
        raise(ErrorKind::ValueError, "probabilities do not sum to 1");
    return out;
}

namespace {

std::vector<double> normalized_cdf(const std::vector<double>& p)
{
    std::vector<double> cdf(p.size());
    double total = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        total += p[i];
        cdf[i] = total;
    }
    double last = cdf.back();
    for (double& v : cdf)
        v /= last;
    return cdf;
}

int64_t search_right(const std::vector<double>& cdf, double u)
{
    return static_cast<int64_t>(std::upper_bound(cdf.begin(), cdf.end(), u) - cdf.begin());
}

} // namespace

std::vector<int64_t> choice_by_cdf(const std::vector<double>& p, std::span<const double> uniforms)
{
    std::vector<double> cdf = normalized_cdf(p);
    std::vector<int64_t> out;
    out.reserve(uniforms.size());
    for (double u : uniforms)
        out.push_back(search_right(cdf, u));
    return out;
}

std::vector<int64_t> choice_unique_by_cdf(std::vector<double> p, int64_t count, const std::function<std::vector<double>(int64_t)>& uniforms)
{
    int64_t nonzero = 0;
    for (double v : p)
        nonzero += v > 0;
    if (nonzero < count)
        raise(ErrorKind::ValueError, "Fewer non-zero entries in p than size");
    std::vector<int64_t> found;
    while (static_cast<int64_t>(found.size()) < count) {
        std::vector<double> x = uniforms(count - static_cast<int64_t>(found.size()));
        for (int64_t index : found)
            p[static_cast<size_t>(index)] = 0;
        std::vector<double> cdf = normalized_cdf(p);
        // numpy: np.unique(new, return_index=True), the first occurrences kept in draw order.
        std::vector<int64_t> fresh;
        for (double u : x) {
            int64_t index = search_right(cdf, u);
            if (std::find(fresh.begin(), fresh.end(), index) == fresh.end())
                fresh.push_back(index);
        }
        found.insert(found.end(), fresh.begin(), fresh.end());
    }
    return found;
}

Value choice_result(const Population& population, std::vector<int64_t> indices, const std::optional<Shape>& size, int64_t axis)
{
    if (!size) {
        int64_t index = indices.empty() ? 0 : indices[0];
        if (population.is_int)
            return Value::integer(index);
        NDArray a = population.array;
        axis = normalize_axis(axis, a.ndim());
        std::vector<engine::IndexItem> items;
        for (int64_t d = 0; d < axis; ++d)
            items.push_back(engine::IndexItem::make_slice(std::nullopt, std::nullopt, std::nullopt));
        items.push_back(engine::IndexItem::make_integer(index));
        return wrap_result(engine::index_get(a, items).array);
    }
    NDArray index = NDArray::empty(DType::Int64, *size);
    std::memcpy(index.data(), indices.data(), indices.size() * sizeof(int64_t));
    if (population.is_int)
        return wrap_array(std::move(index));
    NDArray a = population.array;
    axis = normalize_axis(axis, a.ndim());
    NDArray moved = axis == 0 ? a : engine::swapaxes(a, 0, axis);
    engine::IndexItem item = engine::IndexItem::make_array(index);
    NDArray taken = engine::index_get(moved, { &item, 1 }).array;
    if (axis != 0) {
        // numpy's take(idx, axis): the index's dimensions replace `axis`.
        std::vector<int64_t> order;
        int64_t index_ndim = static_cast<int64_t>(size->size());
        for (int64_t d = 0; d < axis; ++d)
            order.push_back(index_ndim + d);
        for (int64_t d = 0; d < index_ndim; ++d)
            order.push_back(d);
        for (int64_t d = index_ndim + axis; d < taken.ndim(); ++d)
            order.push_back(d);
        taken = engine::ascontiguous(engine::transpose(taken, order));
    }
    return wrap_array(std::move(taken));
}

} // namespace ramba::numpy::random_support
