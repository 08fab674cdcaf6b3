// numpy.random.default_rng(seed): a Generator over PCG64 seeded through numpy's SeedSequence, with
// numpy 1.24's Generator algorithms (ziggurat normals and exponentials, Lemire's bounded integers,
// Floyd's sampling for choice without replacement), so its streams equal numpy's for a seed.
// RandomState and the legacy module functions are in random.cpp; argument handling in random_support.
#include "stdlib/numpy/random_objects.hpp"

#include <cmath>
#include <cstring>
#include <random>

#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "stdlib/numpy/lazy.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using engine::Shape;
using interp::CallContext;
using interp::Type;
using interp::Value;
using interp::Values;
using namespace random_support;

namespace {

using Args = std::span<Value>;
using Impl = Value (*)(CallContext&, GeneratorState&, Args);

bool is_float32(CallContext& context, const Value& dtype_value, const char* function_name)
{
    DType dtype = to_dtype(context, dtype_value).value_or(DType::Float64);
    if (dtype != DType::Float64 && dtype != DType::Float32)
        raise(ErrorKind::TypeError, "Unsupported dtype dtype('" + std::string(engine::dtype_name(dtype)) + "') for " + function_name);
    return dtype == DType::Float32;
}

void no_out(const Value& out)
{
    if (!out.is_none())
        raise(ErrorKind::TypeError, "ramba: out= is not supported by the random Generator");
}

Value g_random(CallContext& context, GeneratorState& s, Args args)
{
    no_out(args[2]);
    auto size = size_argument(context, args[0]);
    if (is_float32(context, args[1], "random"))
        return fill<float>(size, [&] { return random::next_float(s); });
    return fill<double>(size, [&] { return s.next_double(); });
}

Value g_standard_normal(CallContext& context, GeneratorState& s, Args args)
{
    no_out(args[2]);
    auto size = size_argument(context, args[0]);
    if (is_float32(context, args[1], "standard_normal"))
        return fill<float>(size, [&] { return random::standard_normal_f(s); });
    return fill<double>(size, [&] { return random::standard_normal(s); });
}

Value g_standard_exponential(CallContext& context, GeneratorState& s, Args args)
{
    no_out(args[3]);
    auto size = size_argument(context, args[0]);
    bool zig = interp::str_value(context, args[2]) == "zig";
    if (is_float32(context, args[1], "standard_exponential")) {
        if (zig)
            return fill<float>(size, [&] { return random::standard_exponential_f(s); });
        return fill<float>(size, [&] { return static_cast<float>(-std::log1p(static_cast<double>(-random::next_float(s)))); });
    }
    if (zig)
        return fill<double>(size, [&] { return random::standard_exponential(s); });
    return fill<double>(size, [&] { return -std::log1p(-s.next_double()); });
}

BoundedFill lemire_fill(GeneratorState& s)
{
    return [&s](DType dtype, uint64_t offset, uint64_t range, int64_t count, std::byte* out, random::BitBuffer& buffer) {
        fill_bounded(s, random::BoundedMethod::Lemire, dtype, offset, range, count, out, buffer);
    };
}

Value g_integers(CallContext& context, GeneratorState& s, Args args)
{
    return bounded_integers(context, args[0], args[1], args[2], args[3], interp::truthy(context, args[4]), "integers", lemire_fill(s));
}

IntervalDraw interval_of(GeneratorState& s)
{
    return [&s](uint64_t max) { return random::interval(s, max); };
}

int64_t axis_argument(CallContext& context, const Value& axis) { return interp::to_index(context, axis); }

Value g_shuffle(CallContext& context, GeneratorState& s, Args args)
{
    shuffle(context, args[0], interval_of(s), axis_argument(context, args[1]));
    return Value::none();
}

Value g_permutation(CallContext& context, GeneratorState& s, Args args) { return permutation(context, args[0], interval_of(s), axis_argument(context, args[1])); }

// numpy's _shuffle_int: swaps for i = n-1 down to `first`, j by Lemire's bounded draw on [0, i].
void shuffle_int(GeneratorState& s, int64_t n, int64_t first, int64_t* data)
{
    for (int64_t i = n - 1; i >= first; --i) {
        int64_t j = static_cast<int64_t>(random::bounded_uint64(s, 0, static_cast<uint64_t>(i), random::BoundedMethod::Lemire));
        std::swap(data[i], data[j]);
    }
}

Value g_choice(CallContext& context, GeneratorState& s, Args args)
{
    auto size = size_argument(context, args[1]);
    int64_t axis = axis_argument(context, args[4]);
    Population population = choice_population(context, args[0], size, true, axis);
    std::vector<double> p;
    bool has_p = !args[3].is_none();
    if (has_p)
        p = choice_probabilities(context, args[3], population.size, true);
    int64_t count = size ? shape_size(*size) : 1;
    std::vector<int64_t> indices(static_cast<size_t>(count));
    if (interp::truthy(context, args[2])) {
        if (has_p) {
            std::vector<double> uniforms(static_cast<size_t>(count));
            for (double& u : uniforms)
                u = s.next_double();
            indices = choice_by_cdf(p, uniforms);
        } else {
            random::BitBuffer buffer;
            fill_bounded(s, random::BoundedMethod::Lemire, DType::Int64, 0, static_cast<uint64_t>(population.size - 1), count,
                reinterpret_cast<std::byte*>(indices.data()), buffer);
        }
    } else {
        if (count > population.size)
            raise(ErrorKind::ValueError, "Cannot take a larger sample than population when replace is False");
        if (has_p) {
            indices = choice_unique_by_cdf(p, count, [&](int64_t k) {
                std::vector<double> u(static_cast<size_t>(k));
                for (double& v : u)
                    v = s.next_double();
                return u;
            });
        } else {
            const int64_t pop = population.size;
            bool shuffle_result = interp::truthy(context, args[5]);
            int64_t cutoff = shuffle_result ? 50 : 20;
            if (pop > 10000 && count > pop / cutoff) {
                // Tail shuffle: the last `count` places of a partial Fisher-Yates over arange(pop).
                std::vector<int64_t> all(static_cast<size_t>(pop));
                for (int64_t i = 0; i < pop; ++i)
                    all[static_cast<size_t>(i)] = i;
                shuffle_int(s, pop, std::max<int64_t>(pop - count, 1), all.data());
                indices.assign(all.end() - count, all.end());
            } else {
                // Floyd's algorithm with an open-addressing set, then a shuffle of the sample.
                uint64_t mask = random::bit_mask_for(static_cast<uint64_t>(1.2 * static_cast<double>(count)));
                std::vector<uint64_t> set(static_cast<size_t>(mask + 1), ~uint64_t(0));
                for (int64_t j = pop - count; j < pop; ++j) {
                    uint64_t value = random::bounded_uint64(s, 0, static_cast<uint64_t>(j), random::BoundedMethod::Lemire);
                    uint64_t location = value & mask;
                    while (set[location] != ~uint64_t(0) && set[location] != value)
                        location = (location + 1) & mask;
                    if (set[location] == ~uint64_t(0)) {
                        set[location] = value;
                        indices[static_cast<size_t>(j - pop + count)] = static_cast<int64_t>(value);
                    } else {
                        location = static_cast<uint64_t>(j) & mask;
                        while (set[location] != ~uint64_t(0))
                            location = (location + 1) & mask;
                        set[location] = static_cast<uint64_t>(j);
                        indices[static_cast<size_t>(j - pop + count)] = j;
                    }
                }
                if (shuffle_result)
                    shuffle_int(s, count, 1, indices.data());
            }
        }
    }
    return choice_result(population, std::move(indices), size, axis);
}

Value g_permuted(CallContext& context, GeneratorState& s, Args args)
{
    if (!args[2].is_none())
        raise(ErrorKind::TypeError, "ramba: permuted(out=...) is not supported");
    NDArray x = engine::copy(to_array(context, args[0]));
    if (args[1].is_none()) {
        NDArray flat = engine::reshape(x, { x.size() });
        Value flat_value = wrap_array(flat);
        shuffle(context, flat_value, interval_of(s));
        return wrap_array(x);
    }
    int64_t axis = normalize_axis(interp::to_index(context, args[1]), x.ndim());
    NDArray lanes = engine::ascontiguous(engine::moveaxis(x, { axis }, { x.ndim() - 1 }));
    const int64_t length = x.shape[static_cast<size_t>(axis)];
    const size_t item = engine::dtype_itemsize(x.dtype);
    std::vector<std::byte> buffer(item);
    for (int64_t lane = 0; length > 0 && lane < lanes.size() / length; ++lane) {
        std::byte* data = lanes.data() + static_cast<size_t>(lane * length) * item;
        for (int64_t i = length - 1; i >= 0; --i) {
            uint64_t j = random::interval(s, static_cast<uint64_t>(i));
            std::memcpy(buffer.data(), data + j * item, item);
            std::memcpy(data + j * item, data + static_cast<size_t>(i) * item, item);
            std::memcpy(data + static_cast<size_t>(i) * item, buffer.data(), item);
        }
    }
    return wrap_array(engine::ascontiguous(engine::moveaxis(lanes, { x.ndim() - 1 }, { axis })));
}

Value g_uniform(CallContext& context, GeneratorState& s, Args args)
{
    auto [low_value, range_value] = uniform_low_and_range(context, args[0], args[1], "high - low range exceeds valid bounds");
    Parameter params[] = { { low_value, "" }, { range_value, "high - low", Constraint::NonNegative } };
    return continuous(context, args[2], params, [&](const double* v) { return random::uniform(s, v[0], v[1]); });
}

Value g_standard_gamma(CallContext& context, GeneratorState& s, Args args)
{
    no_out(args[3]);
    if (!is_float32(context, args[2], "standard_gamma")) {
        Parameter params[] = { { args[0], "shape", Constraint::NonNegative } };
        return continuous(context, args[1], params, [&](const double* v) { return random::standard_gamma(s, v[0]); });
    }
    // numpy's cont_f: the shape as float32, float32 results (a Python float for size=None).
    NDArray shape = to_array(context, args[0], DType::Float32);
    auto size = size_argument(context, args[1]);
    if (shape.ndim() == 0) {
        float a = static_cast<float>(interp::to_double(context, args[0]));
        check_scalar(a, "shape", Constraint::NonNegative);
        return fill<float>(size, [&] { return random::standard_gamma_f(s, a); });
    }
    NDArray values = engine::ascontiguous(shape, DType::Float32);
    for (int64_t i = 0; i < values.size(); ++i)
        check_scalar(reinterpret_cast<const float*>(values.data())[i], "shape", Constraint::NonNegative);
    Shape out_shape = size ? *size : shape.shape;
    NDArray broadcast = engine::ascontiguous(engine::broadcast_to(shape, out_shape), DType::Float32);
    NDArray result = NDArray::empty(DType::Float32, out_shape);
    for (int64_t i = 0; i < result.size(); ++i)
        reinterpret_cast<float*>(result.data())[i] = random::standard_gamma_f(s, reinterpret_cast<const float*>(broadcast.data())[i]);
    return wrap_drawn(std::move(result));
}

#define RAMBA_CONTINUOUS_1(fn, name1, cons1, sampler)                                               \
    Value fn(CallContext& context, GeneratorState& s, Args args)                                    \
    {                                                                                               \
        Parameter params[] = { { args[0], name1, Constraint::cons1 } };                             \
        return continuous(context, args[1], params, [&](const double* v) { return sampler; });     \
    }
#define RAMBA_CONTINUOUS_2(fn, name1, cons1, name2, cons2, sampler)                                 \
    Value fn(CallContext& context, GeneratorState& s, Args args)                                    \
    {                                                                                               \
        Parameter params[] = { { args[0], name1, Constraint::cons1 }, { args[1], name2, Constraint::cons2 } }; \
        return continuous(context, args[2], params, [&](const double* v) { return sampler; });     \
    }
#define RAMBA_DISCRETE_1(fn, name1, cons1, sampler)                                                 \
    Value fn(CallContext& context, GeneratorState& s, Args args)                                    \
    {                                                                                               \
        Parameter params[] = { { args[0], name1, Constraint::cons1 } };                             \
        return discrete(context, args[1], params, {}, [&](const double* v) { return sampler; });   \
    }

RAMBA_CONTINUOUS_2(g_normal, "", None, "scale", NonNegative, random::normal(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(g_beta, "a", Positive, "b", Positive, random::beta(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(g_exponential, "scale", NonNegative, random::exponential(s, v[0]))
RAMBA_CONTINUOUS_2(g_gamma, "shape", NonNegative, "scale", NonNegative, random::gamma(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(g_f, "dfnum", Positive, "dfden", Positive, random::f(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(g_chisquare, "df", Positive, random::chisquare(s, v[0]))
RAMBA_CONTINUOUS_2(g_noncentral_chisquare, "df", Positive, "nonc", NonNegative, random::noncentral_chisquare(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(g_standard_t, "df", Positive, random::standard_t(s, v[0]))
RAMBA_CONTINUOUS_2(g_vonmises, "mu", None, "kappa", NonNegative, random::vonmises(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(g_pareto, "a", Positive, random::pareto(s, v[0]))
RAMBA_CONTINUOUS_1(g_weibull, "a", NonNegative, random::weibull(s, v[0]))
RAMBA_CONTINUOUS_1(g_power, "a", Positive, random::power(s, v[0]))
RAMBA_CONTINUOUS_2(g_laplace, "loc", None, "scale", NonNegative, random::laplace(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(g_gumbel, "loc", None, "scale", NonNegative, random::gumbel(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(g_logistic, "loc", None, "scale", NonNegative, random::logistic(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(g_lognormal, "mean", None, "sigma", NonNegative, random::lognormal(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(g_rayleigh, "scale", NonNegative, random::rayleigh(s, v[0]))
RAMBA_CONTINUOUS_2(g_wald, "mean", Positive, "scale", Positive, random::wald(s, v[0], v[1]))
RAMBA_DISCRETE_1(g_poisson, "lam", Poisson, random::poisson(s, v[0]))
RAMBA_DISCRETE_1(g_zipf, "a", Gt1, random::zipf(s, v[0]))
RAMBA_DISCRETE_1(g_geometric, "p", BoundedGt01, random::geometric(s, v[0]))
RAMBA_DISCRETE_1(g_logseries, "p", BoundedLt01, random::logseries(s, v[0]))

Value g_standard_cauchy(CallContext& context, GeneratorState& s, Args args)
{
    return fill<double>(size_argument(context, args[0]), [&] { return random::standard_cauchy(s); });
}

Value g_noncentral_f(CallContext& context, GeneratorState& s, Args args)
{
    Parameter params[] = { { args[0], "dfnum", Constraint::Positive }, { args[1], "dfden", Constraint::Positive }, { args[2], "nonc", Constraint::NonNegative } };
    return continuous(context, args[3], params, [&](const double* v) { return random::noncentral_f(s, v[0], v[1], v[2]); });
}

Value g_triangular(CallContext& context, GeneratorState& s, Args args)
{
    NDArray l = to_array(context, args[0], DType::Float64), m = to_array(context, args[1], DType::Float64), r = to_array(context, args[2], DType::Float64);
    Shape shape = engine::broadcast_shapes(std::vector<Shape> { l.shape, m.shape, r.shape });
    l = engine::ascontiguous(engine::broadcast_to(l, shape), DType::Float64);
    m = engine::ascontiguous(engine::broadcast_to(m, shape), DType::Float64);
    r = engine::ascontiguous(engine::broadcast_to(r, shape), DType::Float64);
    auto at = [](const NDArray& a, int64_t i) { return reinterpret_cast<const double*>(a.data())[i]; };
    for (int64_t i = 0; i < shape_size(shape); ++i)
        if (at(l, i) > at(m, i))
            raise(ErrorKind::ValueError, "left > mode");
    for (int64_t i = 0; i < shape_size(shape); ++i)
        if (at(m, i) > at(r, i))
            raise(ErrorKind::ValueError, "mode > right");
    for (int64_t i = 0; i < shape_size(shape); ++i)
        if (at(l, i) == at(r, i))
            raise(ErrorKind::ValueError, "left == right");
    Parameter params[] = { { args[0], "" }, { args[1], "" }, { args[2], "" } };
    return continuous(context, args[3], params, [&](const double* v) { return random::triangular(s, v[0], v[1], v[2]); });
}

Value g_binomial(CallContext& context, GeneratorState& s, Args args)
{
    Parameter params[] = { { args[1], "p", Constraint::Bounded01 }, { args[0], "n", Constraint::NonNegative } };
    const bool integer[] = { false, true };
    return discrete(context, args[2], params, integer, [&](const double* v) { return random::binomial(s, v[0], static_cast<int64_t>(v[1]), s.binomial); });
}

Value g_negative_binomial(CallContext& context, GeneratorState& s, Args args)
{
    Parameter params[] = { { args[0], "n", Constraint::PositiveNotNan }, { args[1], "p", Constraint::BoundedGt01 } };
    const double lam_max = static_cast<double>(INT64_MAX) - std::sqrt(static_cast<double>(INT64_MAX)) * 10;
    NDArray n = engine::ascontiguous(to_array(context, args[0], DType::Float64), DType::Float64);
    NDArray p = engine::ascontiguous(to_array(context, args[1], DType::Float64), DType::Float64);
    if (n.ndim() == 0 && p.ndim() == 0) {
        double nv = reinterpret_cast<const double*>(n.data())[0], pv = reinterpret_cast<const double*>(p.data())[0];
        check_scalar(nv, "n", Constraint::PositiveNotNan);
        check_scalar(pv, "p", Constraint::BoundedGt01);
        if ((1 - pv) / pv * (nv + 10 * std::sqrt(nv)) > lam_max)
            raise(ErrorKind::ValueError, "n too large or p too small, see Generator.negative_binomial Notes");
    }
    return discrete(context, args[2], params, {}, [&](const double* v) { return random::negative_binomial(s, v[0], v[1]); });
}

Value g_hypergeometric(CallContext& context, GeneratorState& s, Args args)
{
    NDArray g = to_array(context, args[0], DType::Int64), b = to_array(context, args[1], DType::Int64), n = to_array(context, args[2], DType::Int64);
    Shape shape = engine::broadcast_shapes(std::vector<Shape> { g.shape, b.shape, n.shape });
    NDArray gs = engine::ascontiguous(engine::broadcast_to(g, shape), DType::Int64), bs = engine::ascontiguous(engine::broadcast_to(b, shape), DType::Int64);
    NDArray ns = engine::ascontiguous(engine::broadcast_to(n, shape), DType::Int64);
    auto at = [](const NDArray& a, int64_t i) { return reinterpret_cast<const int64_t*>(a.data())[i]; };
    for (int64_t i = 0; i < shape_size(shape); ++i)
        if (at(gs, i) >= 1000000000 || at(bs, i) >= 1000000000)
            raise(ErrorKind::ValueError, "both ngood and nbad must be less than 1000000000");
    for (int64_t i = 0; i < shape_size(shape); ++i)
        if (at(gs, i) + at(bs, i) < at(ns, i))
            raise(ErrorKind::ValueError, "ngood + nbad < nsample");
    Parameter params[] = { { args[0], "ngood", Constraint::NonNegative }, { args[1], "nbad", Constraint::NonNegative }, { args[2], "nsample", Constraint::NonNegative } };
    const bool integer[] = { true, true, true };
    return discrete(context, args[3], params, integer, [&](const double* v) {
        return random::hypergeometric(s, static_cast<int64_t>(v[0]), static_cast<int64_t>(v[1]), static_cast<int64_t>(v[2]));
    });
}

Shape vector_draws_shape(CallContext& context, const Value& size, int64_t k)
{
    Shape shape;
    if (!size.is_none())
        shape = shape_argument(context, size);
    shape.push_back(k);
    return shape;
}

Value g_multinomial(CallContext& context, GeneratorState& s, Args args)
{
    NDArray n_array = to_array(context, args[0], DType::Int64);
    NDArray p = engine::ascontiguous(to_array(context, args[1], DType::Float64), DType::Float64);
    int64_t d = p.ndim() >= 1 ? p.shape.back() : 0;
    if (d == 0)
        raise(ErrorKind::ValueError, "pvals must have at least 1 dimension and the last dimension of pvals must be greater than 0.");
    if (n_array.ndim() != 0 || p.ndim() > 1)
        raise(ErrorKind::TypeError, "ramba: multinomial with array n or 2-d pvals is not supported");
    const double* pix = reinterpret_cast<const double*>(p.data());
    for (int64_t i = 0; i < d; ++i)
        if (!(pix[i] >= 0) || !(pix[i] <= 1))
            raise(ErrorKind::ValueError, "pvals < 0, pvals > 1 or pvals contains NaNs");
    double sum = 0;
    if (d - 1 > 0) {
        sum = pix[0];
        double c = 0.0;
        for (int64_t i = 1; i < d - 1; ++i) {
            double y = pix[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
    }
    if (sum > (1.0 + 1e-12))
        raise(ErrorKind::ValueError, "sum(pvals[:-1]) > 1.0");
    NDArray result = NDArray::zeros(DType::Int64, vector_draws_shape(context, args[2], d));
    int64_t n = reinterpret_cast<const int64_t*>(engine::ascontiguous(n_array, DType::Int64).data())[0];
    check_scalar(static_cast<double>(n), "n", Constraint::NonNegative);
    int64_t* out = reinterpret_cast<int64_t*>(result.data());
    for (int64_t i = 0; i < result.size() / d; ++i)
        random::multinomial(s, n, out + i * d, pix, d, s.binomial);
    return wrap_drawn(std::move(result));
}

Value g_dirichlet(CallContext& context, GeneratorState& s, Args args)
{
    NDArray alpha = engine::ascontiguous(to_array(context, args[0], DType::Float64), DType::Float64);
    if (alpha.ndim() != 1)
        raise(ErrorKind::ValueError, "object of too small depth for desired array");
    int64_t k = alpha.size();
    const double* a = reinterpret_cast<const double*>(alpha.data());
    double max_alpha = -INFINITY;
    for (int64_t j = 0; j < k; ++j) {
        if (a[j] <= 0)
            raise(ErrorKind::ValueError, "alpha <= 0");
        max_alpha = std::max(max_alpha, a[j]);
    }
    NDArray result = NDArray::zeros(DType::Float64, vector_draws_shape(context, args[1], k));
    double* out = reinterpret_cast<double*>(result.data());
    if (k > 0 && max_alpha < 0.1) {
        // Small alphas: stick-breaking with beta draws (no 0/0 when every gamma draw underflows).
        std::vector<double> tail_sum(static_cast<size_t>(k));
        double csum = 0.0;
        for (int64_t j = k - 1; j >= 0; --j) {
            csum += a[j];
            tail_sum[static_cast<size_t>(j)] = csum;
        }
        for (int64_t i = 0; i < result.size(); i += k) {
            double acc = 1.;
            for (int64_t j = 0; j < k - 1; ++j) {
                double v = random::beta(s, a[j], tail_sum[static_cast<size_t>(j + 1)]);
                out[i + j] = acc * v;
                acc *= (1. - v);
            }
            out[i + k - 1] = acc;
        }
        return wrap_drawn(std::move(result));
    }
    for (int64_t i = 0; i < result.size(); i += k) {
        double acc = 0.;
        for (int64_t j = 0; j < k; ++j) {
            out[i + j] = random::standard_gamma(s, a[j]);
            acc = acc + out[i + j];
        }
        double inverse = 1. / acc;
        for (int64_t j = 0; j < k; ++j)
            out[i + j] = out[i + j] * inverse;
    }
    return wrap_drawn(std::move(result));
}

Value g_multivariate_normal(CallContext& context, GeneratorState& s, Args args)
{
    std::string method = interp::str_value(context, args[5]);
    if (method != "svd" && method != "eigh" && method != "cholesky")
        raise(ErrorKind::ValueError, "method must be one of {'eigh', 'svd', 'cholesky'}");
    if (method == "cholesky")
        raise(ErrorKind::ValueError, "ramba: multivariate_normal(method='cholesky') is not supported yet");
    return multivariate_normal(context, args[0], args[1], args[2], args[3], args[4], method == "svd" ? MultivariateMethod::Svd : MultivariateMethod::Eigh,
        [&](const Shape& shape) {
            NDArray normals = NDArray::empty(DType::Float64, shape);
            for (int64_t i = 0; i < normals.size(); ++i)
                reinterpret_cast<double*>(normals.data())[i] = random::standard_normal(s);
            return normals;
        });
}

template<Impl impl>
Value method_entry(CallContext& context, std::span<Value> args) { return impl(context, args[0].as<GeneratorObject>().state, args.subspan(1)); }

#define RAMBA_GENERATOR_ROW(name, params, impl, doc) { name, "(self, " params ")", method_entry<impl>, doc },

const interp::BuiltinSpec generator_methods[] = {
    RAMBA_GENERATOR_ROW("random", "size=None, dtype=None, out=None", g_random, "Return random floats in the half-open interval [0.0, 1.0).")
    RAMBA_GENERATOR_ROW("integers", "low, high=None, size=None, dtype=None, endpoint=False", g_integers, "Return random integers from low (inclusive) to high (exclusive), or if endpoint=True, low (inclusive) to high (inclusive).")
    RAMBA_GENERATOR_ROW("standard_normal", "size=None, dtype=None, out=None", g_standard_normal, "Draw samples from a standard Normal distribution (mean=0, stdev=1).")
    RAMBA_GENERATOR_ROW("normal", "loc=0.0, scale=1.0, size=None", g_normal, "Draw random samples from a normal (Gaussian) distribution.")
    RAMBA_GENERATOR_ROW("uniform", "low=0.0, high=1.0, size=None", g_uniform, "Draw samples from a uniform distribution.")
    RAMBA_GENERATOR_ROW("choice", "a, size=None, replace=True, p=None, axis=0, shuffle=True", g_choice, "Generates a random sample from a given array.")
    RAMBA_GENERATOR_ROW("shuffle", "x, axis=0", g_shuffle, "Modify an array or sequence in-place by shuffling its contents.")
    RAMBA_GENERATOR_ROW("permutation", "x, axis=0", g_permutation, "Randomly permute a sequence, or return a permuted range.")
    RAMBA_GENERATOR_ROW("permuted", "x, *, axis=None, out=None", g_permuted, "Randomly permute x along axis axis.")
    RAMBA_GENERATOR_ROW("exponential", "scale=1.0, size=None", g_exponential, "Draw samples from an exponential distribution.")
    RAMBA_GENERATOR_ROW("standard_exponential", "size=None, dtype=None, method='zig', out=None", g_standard_exponential, "Draw samples from the standard exponential distribution.")
    RAMBA_GENERATOR_ROW("standard_gamma", "shape, size=None, dtype=None, out=None", g_standard_gamma, "Draw samples from a standard Gamma distribution.")
    RAMBA_GENERATOR_ROW("gamma", "shape, scale=1.0, size=None", g_gamma, "Draw samples from a Gamma distribution.")
    RAMBA_GENERATOR_ROW("beta", "a, b, size=None", g_beta, "Draw samples from a Beta distribution.")
    RAMBA_GENERATOR_ROW("f", "dfnum, dfden, size=None", g_f, "Draw samples from an F distribution.")
    RAMBA_GENERATOR_ROW("noncentral_f", "dfnum, dfden, nonc, size=None", g_noncentral_f, "Draw samples from the noncentral F distribution.")
    RAMBA_GENERATOR_ROW("chisquare", "df, size=None", g_chisquare, "Draw samples from a chi-square distribution.")
    RAMBA_GENERATOR_ROW("noncentral_chisquare", "df, nonc, size=None", g_noncentral_chisquare, "Draw samples from a noncentral chi-square distribution.")
    RAMBA_GENERATOR_ROW("standard_cauchy", "size=None", g_standard_cauchy, "Draw samples from a standard Cauchy distribution with mode = 0.")
    RAMBA_GENERATOR_ROW("standard_t", "df, size=None", g_standard_t, "Draw samples from a standard Student's t distribution with df degrees of freedom.")
    RAMBA_GENERATOR_ROW("vonmises", "mu, kappa, size=None", g_vonmises, "Draw samples from a von Mises distribution.")
    RAMBA_GENERATOR_ROW("pareto", "a, size=None", g_pareto, "Draw samples from a Pareto II or Lomax distribution with specified shape.")
    RAMBA_GENERATOR_ROW("weibull", "a, size=None", g_weibull, "Draw samples from a Weibull distribution.")
    RAMBA_GENERATOR_ROW("power", "a, size=None", g_power, "Draws samples in [0, 1] from a power distribution with positive exponent a - 1.")
    RAMBA_GENERATOR_ROW("laplace", "loc=0.0, scale=1.0, size=None", g_laplace, "Draw samples from the Laplace or double exponential distribution.")
    RAMBA_GENERATOR_ROW("gumbel", "loc=0.0, scale=1.0, size=None", g_gumbel, "Draw samples from a Gumbel distribution.")
    RAMBA_GENERATOR_ROW("logistic", "loc=0.0, scale=1.0, size=None", g_logistic, "Draw samples from a logistic distribution.")
    RAMBA_GENERATOR_ROW("lognormal", "mean=0.0, sigma=1.0, size=None", g_lognormal, "Draw samples from a log-normal distribution.")
    RAMBA_GENERATOR_ROW("rayleigh", "scale=1.0, size=None", g_rayleigh, "Draw samples from a Rayleigh distribution.")
    RAMBA_GENERATOR_ROW("wald", "mean, scale, size=None", g_wald, "Draw samples from a Wald, or inverse Gaussian, distribution.")
    RAMBA_GENERATOR_ROW("triangular", "left, mode, right, size=None", g_triangular, "Draw samples from the triangular distribution over the interval [left, right].")
    RAMBA_GENERATOR_ROW("binomial", "n, p, size=None", g_binomial, "Draw samples from a binomial distribution.")
    RAMBA_GENERATOR_ROW("negative_binomial", "n, p, size=None", g_negative_binomial, "Draw samples from a negative binomial distribution.")
    RAMBA_GENERATOR_ROW("poisson", "lam=1.0, size=None", g_poisson, "Draw samples from a Poisson distribution.")
    RAMBA_GENERATOR_ROW("zipf", "a, size=None", g_zipf, "Draw samples from a Zipf distribution.")
    RAMBA_GENERATOR_ROW("geometric", "p, size=None", g_geometric, "Draw samples from the geometric distribution.")
    RAMBA_GENERATOR_ROW("hypergeometric", "ngood, nbad, nsample, size=None", g_hypergeometric, "Draw samples from a Hypergeometric distribution.")
    RAMBA_GENERATOR_ROW("logseries", "p, size=None", g_logseries, "Draw samples from a logarithmic series distribution.")
    RAMBA_GENERATOR_ROW("multivariate_normal", "mean, cov, size=None, check_valid='warn', tol=1e-8, *, method='svd'", g_multivariate_normal, "Draw random samples from a multivariate normal distribution.")
    RAMBA_GENERATOR_ROW("multinomial", "n, pvals, size=None", g_multinomial, "Draw samples from a multinomial distribution.")
    RAMBA_GENERATOR_ROW("dirichlet", "alpha, size=None", g_dirichlet, "Draw samples from the Dirichlet distribution.")
};

std::string generator_str(CallContext&, const Value&) { return "Generator(PCG64)"; }
std::string generator_repr(CallContext&, const Value& self) { return "Generator(PCG64) at 0x" + object_address(&self.as<GeneratorObject>()); }

Value generator_bit_generator(CallContext&, const Value& self)
{
    return Value::object(Type::Opaque, interp::make_object<BitGeneratorObject>(self.ref_as<GeneratorObject>()));
}

const interp::AttributeSpec generator_attributes[] = {
    { "bit_generator", generator_bit_generator, "Gets the bit generator instance used by the generator." },
};

} // namespace

const interp::TypeInfo& GeneratorObject::type_info() const
{
    static const interp::TypeInfo info = [] {
        interp::TypeInfo t;
        t.name = "numpy.random._generator.Generator";
        t.methods = generator_methods;
        t.attributes = generator_attributes;
        t.repr = generator_repr;
        t.str = generator_str;
        return t;
    }();
    return info;
}

} // namespace ramba::numpy
