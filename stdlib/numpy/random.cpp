// numpy.random's legacy API: RandomState(seed) and the module functions on numpy's global
// RandomState (seed rand randn randint random choice shuffle permutation uniform normal and the
// distributions), over MT19937 with numpy's seeding and numpy 1.16's algorithms
// (engine/random/distributions.hpp, namespace legacy), so a seeded program draws numpy's numbers.
// default_rng's Generator is in random_generator.cpp; argument handling in random_support.
#include "stdlib/numpy/random_support.hpp"
#include "stdlib/numpy/rows.hpp"

#include <cmath>
#include <cstring>
#include <random>

#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using engine::Shape;
using interp::CallContext;
using interp::Type;
using interp::Value;
using interp::Values;
using namespace random_support;
namespace legacy = ramba::random::legacy;

// random_generator.cpp
Value rf_default_rng(CallContext&, std::span<Value>);
Value rf_seed_sequence(CallContext&, std::span<Value>);
Value rf_pcg64(CallContext&, std::span<Value>);
Value rf_generator(CallContext&, std::span<Value>);

namespace {

struct RandomStateObject final : interp::OpaqueObject {
    legacy::LegacyState state;
    const interp::TypeInfo& type_info() const override;
};

std::vector<uint32_t> fresh_entropy()
{
    std::random_device device;
    return { device(), device(), device(), device() };
}

// numpy's MT19937._legacy_seeding: None -> fresh entropy through SeedSequence; an int in
// [0, 2**32) -> init_genrand; a 1-d sequence of such ints -> init_by_array.
void legacy_seed(CallContext& context, legacy::LegacyState& state, const Value& seed)
{
    state.has_gauss = false;
    state.gauss = 0.0;
    if (seed.is_none()) {
        std::vector<uint32_t> words = random::SeedSequence(fresh_entropy()).generate_state(random::MT19937::state_words);
        words[0] = 0x80000000U;
        state.bits.set_state(std::span<const uint32_t, random::MT19937::state_words>(words.data(), random::MT19937::state_words), random::MT19937::state_words);
        return;
    }
    NDArray a = to_array(context, seed);
    if (a.size() == 1 && engine::dtype_kind(a.dtype) != 'f' && engine::dtype_kind(a.dtype) != 'c') {
        int64_t value = engine::Scalar::from_element(a.dtype, engine::ascontiguous(a).data()).as_int64();
        if (a.ndim() == 0 || is_array(seed)) { // operator.index(seed.squeeze())
            if (value < 0 || value > 0xFFFFFFFFLL)
                raise(ErrorKind::ValueError, "Seed must be between 0 and 2**32 - 1");
            state.bits.seed(static_cast<uint32_t>(value));
            return;
        }
    }
    if (a.size() == 0)
        raise(ErrorKind::ValueError, "Seed must be non-empty");
    char kind = engine::dtype_kind(a.dtype);
    if (kind != 'i' && kind != 'u' && kind != 'b')
        raise(ErrorKind::TypeError, std::string(a.ndim() == 0 ? "Cannot cast scalar" : "Cannot cast array data") + " from dtype('"
                + std::string(engine::dtype_name(a.dtype)) + "') to dtype('int64') according to the rule 'safe'");
    if (a.ndim() != 1)
        raise(ErrorKind::ValueError, "Seed array must be 1-d");
    NDArray words = engine::ascontiguous(a, DType::Int64);
    std::vector<uint32_t> key;
    for (int64_t i = 0; i < words.size(); ++i) {
        int64_t v = reinterpret_cast<const int64_t*>(words.data())[i];
        if (v < 0 || v > 0xFFFFFFFFLL)
            raise(ErrorKind::ValueError, "Seed must be between 0 and 2**32 - 1");
        key.push_back(static_cast<uint32_t>(v));
    }
    state.bits.seed_by_array(key);
}

interp::Ref<RandomStateObject> make_random_state(CallContext& context, const Value& seed)
{
    auto object = interp::make_object<RandomStateObject>();
    legacy_seed(context, object->state, seed);
    return object;
}

// numpy's module functions share one RandomState, seeded from fresh entropy at start.
RandomStateObject& global_state()
{
    static interp::Ref<RandomStateObject> state = [] {
        auto object = interp::make_object<RandomStateObject>();
        std::vector<uint32_t> words = random::SeedSequence(fresh_entropy()).generate_state(random::MT19937::state_words);
        words[0] = 0x80000000U;
        object->state.bits.set_state(std::span<const uint32_t, random::MT19937::state_words>(words.data(), random::MT19937::state_words), random::MT19937::state_words);
        return object;
    }();
    return *state;
}

using Args = std::span<Value>;
using Impl = Value (*)(CallContext&, legacy::LegacyState&, Args);

// ----- the implementations, on a RandomState's state (args without self)

Value rs_seed(CallContext& context, legacy::LegacyState& s, Args args)
{
    legacy_seed(context, s, args[0]);
    return Value::none();
}

Value rs_get_state(CallContext& context, legacy::LegacyState& s, Args args)
{
    NDArray key = NDArray::empty(DType::UInt32, { random::MT19937::state_words });
    std::memcpy(key.data(), s.bits.key().data(), sizeof(uint32_t) * random::MT19937::state_words);
    Value has_gauss = Value::integer(s.has_gauss ? 1 : 0), gauss = Value::floating(s.gauss);
    if (interp::truthy(context, args[0]))
        return interp::make_tuple({ interp::make_str("MT19937"), wrap_array(key), Value::integer(s.bits.position()), has_gauss, gauss });
    Value inner = interp::make_dict();
    interp::dict_set(context, inner.as<interp::DictObject>(), interp::make_str("key"), wrap_array(key));
    interp::dict_set(context, inner.as<interp::DictObject>(), interp::make_str("pos"), Value::integer(s.bits.position()));
    Value outer = interp::make_dict();
    interp::dict_set(context, outer.as<interp::DictObject>(), interp::make_str("bit_generator"), interp::make_str("MT19937"));
    interp::dict_set(context, outer.as<interp::DictObject>(), interp::make_str("state"), inner);
    interp::dict_set(context, outer.as<interp::DictObject>(), interp::make_str("has_gauss"), has_gauss);
    interp::dict_set(context, outer.as<interp::DictObject>(), interp::make_str("gauss"), gauss);
    return outer;
}

Value rs_set_state(CallContext& context, legacy::LegacyState& s, Args args)
{
    const Value& state = args[0];
    Value key, position, has_gauss = Value::integer(0), gauss = Value::floating(0.0);
    auto item = [&](const Value& container, const char* name) { return interp::get_item(context, container, interp::make_str(name)); };
    if (state.is(Type::Dict)) {
        if (!interp::contains(context, state, interp::make_str("bit_generator")) || !interp::contains(context, state, interp::make_str("state")))
            raise(ErrorKind::ValueError, "state dictionary is not valid.");
        Value inner = item(state, "state");
        key = item(inner, "key");
        position = item(inner, "pos");
        if (interp::contains(context, state, interp::make_str("has_gauss")))
            has_gauss = item(state, "has_gauss");
        if (interp::contains(context, state, interp::make_str("gauss")))
            gauss = item(state, "gauss");
        if (interp::str_value(context, item(state, "bit_generator")) != "MT19937")
            raise(ErrorKind::ValueError, "state must be for a MT19937 PRNG");
    } else {
        if (!state.is(Type::Tuple) && !state.is(Type::List))
            raise(ErrorKind::TypeError, "state must be a dict or a tuple.");
        Values items = interp::to_vector(context, state);
        if (items.empty() || !items[0].is(Type::Str) || interp::str_value(context, items[0]) != "MT19937")
            raise(ErrorKind::ValueError, "set_state can only be used with legacy MT19937state instances.");
        if (items.size() < 3)
            raise(ErrorKind::IndexError, "tuple index out of range");
        key = items[1];
        position = items[2];
        if (items.size() > 3) {
            if (items.size() < 5)
                raise(ErrorKind::IndexError, "tuple index out of range");
            has_gauss = items[3];
            gauss = items[4];
        }
    }
    NDArray words = engine::ascontiguous(to_array(context, key), DType::Int64);
    if (words.size() < random::MT19937::state_words)
        raise(ErrorKind::IndexError, "index " + std::to_string(words.size()) + " is out of bounds for axis 0 with size " + std::to_string(words.size()));
    std::vector<uint32_t> key_words(random::MT19937::state_words);
    for (int i = 0; i < random::MT19937::state_words; ++i)
        key_words[static_cast<size_t>(i)] = static_cast<uint32_t>(reinterpret_cast<const int64_t*>(words.data())[i]);
    int64_t pos = interp::to_index(context, position);
    if (pos < 0 || pos > random::MT19937::state_words)
        raise(ErrorKind::ValueError, "state position must be between 0 and 624");
    s.bits.set_state(std::span<const uint32_t, random::MT19937::state_words>(key_words.data(), random::MT19937::state_words), static_cast<int>(pos));
    s.gauss = interp::to_double(context, gauss);
    s.has_gauss = interp::to_index(context, has_gauss) != 0;
    return Value::none();
}

Value rs_random_sample(CallContext& context, legacy::LegacyState& s, Args args)
{
    return fill<double>(size_argument(context, args[0]), [&] { return s.next_double(); });
}

// rand(d0, d1, ...) and randn: the dimensions as separate arguments; none -> a Python float.
std::optional<Shape> varargs_shape(CallContext& context, const Value& varargs)
{
    const auto& items = varargs.as<interp::TupleObject>().items;
    if (items.empty())
        return std::nullopt;
    Shape shape;
    for (const auto& item : items)
        shape.push_back(interp::to_index(context, item));
    for (int64_t extent : shape)
        if (extent < 0)
            raise(ErrorKind::ValueError, "negative dimensions are not allowed");
    return shape;
}

Value rs_rand(CallContext& context, legacy::LegacyState& s, Args args)
{
    return fill<double>(varargs_shape(context, args[0]), [&] { return s.next_double(); });
}

Value rs_randn(CallContext& context, legacy::LegacyState& s, Args args)
{
    return fill<double>(varargs_shape(context, args[0]), [&] { return legacy::gauss(s); });
}

Value rs_standard_normal(CallContext& context, legacy::LegacyState& s, Args args)
{
    return fill<double>(size_argument(context, args[0]), [&] { return legacy::gauss(s); });
}

BoundedFill masked_fill(legacy::LegacyState& s)
{
    return [&s](DType dtype, uint64_t offset, uint64_t range, int64_t count, std::byte* out, random::BitBuffer& buffer) {
        fill_bounded(s, random::BoundedMethod::Masked, dtype, offset, range, count, out, buffer);
    };
}

Value rs_randint(CallContext& context, legacy::LegacyState& s, Args args)
{
    return bounded_integers(context, args[0], args[1], args[2], args[3], false, "randint", masked_fill(s));
}

IntervalDraw interval_of(legacy::LegacyState& s)
{
    return [&s](uint64_t max) { return random::interval(s, max); };
}

Value rs_shuffle(CallContext& context, legacy::LegacyState& s, Args args)
{
    shuffle(context, args[0], interval_of(s));
    return Value::none();
}

Value rs_permutation(CallContext& context, legacy::LegacyState& s, Args args) { return permutation(context, args[0], interval_of(s)); }

Value rs_choice(CallContext& context, legacy::LegacyState& s, Args args)
{
    auto size = size_argument(context, args[1]);
    Population population = choice_population(context, args[0], size, false);
    std::vector<double> p;
    bool has_p = !args[3].is_none();
    if (has_p)
        p = choice_probabilities(context, args[3], population.size, false);
    int64_t count = size ? shape_size(*size) : 1;
    std::vector<int64_t> indices;
    if (interp::truthy(context, args[2])) {
        if (has_p) {
            std::vector<double> uniforms(static_cast<size_t>(count));
            for (double& u : uniforms)
                u = s.next_double();
            indices = choice_by_cdf(p, uniforms);
        } else {
            // numpy: self.randint(0, pop_size, size=shape)
            indices.resize(static_cast<size_t>(count));
            random::BitBuffer buffer;
            fill_bounded(s, random::BoundedMethod::Masked, DType::Int64, 0, static_cast<uint64_t>(population.size - 1), count,
                reinterpret_cast<std::byte*>(indices.data()), buffer);
        }
    } else {
        if (count > population.size)
            raise(ErrorKind::ValueError, "Cannot take a larger sample than population when 'replace=False'");
        if (has_p) {
            indices = choice_unique_by_cdf(p, count, [&](int64_t k) {
                std::vector<double> u(static_cast<size_t>(k));
                for (double& v : u)
                    v = s.next_double();
                return u;
            });
        } else {
            // numpy: self.permutation(pop_size)[:size]
            std::vector<int64_t> order(static_cast<size_t>(population.size));
            for (int64_t i = 0; i < population.size; ++i)
                order[static_cast<size_t>(i)] = i;
            for (int64_t i = population.size - 1; i >= 1; --i)
                std::swap(order[static_cast<size_t>(i)], order[random::interval(s, static_cast<uint64_t>(i))]);
            indices.assign(order.begin(), order.begin() + count);
        }
    }
    return choice_result(population, std::move(indices), size);
}

Value rs_uniform(CallContext& context, legacy::LegacyState& s, Args args)
{
    auto [low_value, range_value] = uniform_low_and_range(context, args[0], args[1], "Range exceeds valid bounds");
    Parameter params[] = { { low_value, "" }, { range_value, "" } };
    return continuous(context, args[2], params, [&](const double* v) { return random::uniform(s, v[0], v[1]); });
}

// The distributions: parameters, constraints and the sampler, as mtrand.pyx lists them.
#define RAMBA_CONTINUOUS_1(fn, name1, cons1, sampler)                                               \
    Value fn(CallContext& context, legacy::LegacyState& s, Args args)                               \
    {                                                                                               \
        Parameter params[] = { { args[0], name1, Constraint::cons1 } };                             \
        return continuous(context, args[1], params, [&](const double* v) { return sampler; });     \
    }
#define RAMBA_CONTINUOUS_2(fn, name1, cons1, name2, cons2, sampler)                                 \
    Value fn(CallContext& context, legacy::LegacyState& s, Args args)                               \
    {                                                                                               \
        Parameter params[] = { { args[0], name1, Constraint::cons1 }, { args[1], name2, Constraint::cons2 } }; \
        return continuous(context, args[2], params, [&](const double* v) { return sampler; });     \
    }

RAMBA_CONTINUOUS_2(rs_normal, "", None, "scale", NonNegative, legacy::normal(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(rs_beta, "a", Positive, "b", Positive, legacy::beta(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(rs_exponential, "scale", NonNegative, legacy::exponential(s, v[0]))
RAMBA_CONTINUOUS_1(rs_standard_gamma, "shape", NonNegative, legacy::standard_gamma(s, v[0]))
RAMBA_CONTINUOUS_2(rs_gamma, "shape", NonNegative, "scale", NonNegative, legacy::gamma(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(rs_f, "dfnum", Positive, "dfden", Positive, legacy::f(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(rs_chisquare, "df", Positive, legacy::chisquare(s, v[0]))
RAMBA_CONTINUOUS_2(rs_noncentral_chisquare, "df", Positive, "nonc", NonNegative, legacy::noncentral_chisquare(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(rs_standard_t, "df", Positive, legacy::standard_t(s, v[0]))
RAMBA_CONTINUOUS_2(rs_vonmises, "mu", None, "kappa", NonNegative, legacy::vonmises(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(rs_pareto, "a", Positive, legacy::pareto(s, v[0]))
RAMBA_CONTINUOUS_1(rs_weibull, "a", NonNegative, legacy::weibull(s, v[0]))
RAMBA_CONTINUOUS_1(rs_power, "a", Positive, legacy::power(s, v[0]))
RAMBA_CONTINUOUS_2(rs_laplace, "loc", None, "scale", NonNegative, random::laplace(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(rs_gumbel, "loc", None, "scale", NonNegative, random::gumbel(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(rs_logistic, "loc", None, "scale", NonNegative, random::logistic(s, v[0], v[1]))
RAMBA_CONTINUOUS_2(rs_lognormal, "mean", None, "sigma", NonNegative, legacy::lognormal(s, v[0], v[1]))
RAMBA_CONTINUOUS_1(rs_rayleigh, "scale", NonNegative, legacy::rayleigh(s, v[0]))
RAMBA_CONTINUOUS_2(rs_wald, "mean", Positive, "scale", Positive, legacy::wald(s, v[0], v[1]))

Value rs_standard_exponential(CallContext& context, legacy::LegacyState& s, Args args)
{
    return fill<double>(size_argument(context, args[0]), [&] { return legacy::standard_exponential(s); });
}

Value rs_standard_cauchy(CallContext& context, legacy::LegacyState& s, Args args)
{
    return fill<double>(size_argument(context, args[0]), [&] { return legacy::standard_cauchy(s); });
}

Value rs_noncentral_f(CallContext& context, legacy::LegacyState& s, Args args)
{
    Parameter params[] = { { args[0], "dfnum", Constraint::Positive }, { args[1], "dfden", Constraint::Positive }, { args[2], "nonc", Constraint::NonNegative } };
    return continuous(context, args[3], params, [&](const double* v) { return legacy::noncentral_f(s, v[0], v[1], v[2]); });
}

// numpy checks left <= mode <= right, left < right before drawing.
void check_triangular(CallContext& context, const Value& left, const Value& mode, const Value& right)
{
    NDArray l = to_array(context, left, DType::Float64), m = to_array(context, mode, DType::Float64), r = to_array(context, right, DType::Float64);
    Shape shape = engine::broadcast_shapes(std::vector<Shape> { l.shape, m.shape, r.shape });
    l = engine::ascontiguous(engine::broadcast_to(l, shape), DType::Float64);
    m = engine::ascontiguous(engine::broadcast_to(m, shape), DType::Float64);
    r = engine::ascontiguous(engine::broadcast_to(r, shape), DType::Float64);
    auto at = [](const NDArray& a, int64_t i) { return reinterpret_cast<const double*>(a.data())[i]; };
    int64_t n = shape_size(shape);
    for (int64_t i = 0; i < n; ++i)
        if (at(l, i) > at(m, i))
            raise(ErrorKind::ValueError, "left > mode");
    for (int64_t i = 0; i < n; ++i)
        if (at(m, i) > at(r, i))
            raise(ErrorKind::ValueError, "mode > right");
    for (int64_t i = 0; i < n; ++i)
        if (at(l, i) == at(r, i))
            raise(ErrorKind::ValueError, "left == right");
}

Value rs_triangular(CallContext& context, legacy::LegacyState& s, Args args)
{
    check_triangular(context, args[0], args[1], args[2]);
    Parameter params[] = { { args[0], "" }, { args[1], "" }, { args[2], "" } };
    return continuous(context, args[3], params, [&](const double* v) { return random::triangular(s, v[0], v[1], v[2]); });
}

Value rs_binomial(CallContext& context, legacy::LegacyState& s, Args args)
{
    Parameter params[] = { { args[1], "p", Constraint::Bounded01 }, { args[0], "n", Constraint::NonNegative } };
    const bool integer[] = { false, true };
    return discrete(context, args[2], params, integer, [&](const double* v) { return legacy::binomial(s, v[0], static_cast<int64_t>(v[1])); });
}

Value rs_negative_binomial(CallContext& context, legacy::LegacyState& s, Args args)
{
    Parameter params[] = { { args[0], "n", Constraint::Positive }, { args[1], "p", Constraint::Bounded01 } };
    return discrete(context, args[2], params, {}, [&](const double* v) { return legacy::negative_binomial(s, v[0], v[1]); });
}

#define RAMBA_DISCRETE_1(fn, name1, cons1, sampler)                                                 \
    Value fn(CallContext& context, legacy::LegacyState& s, Args args)                               \
    {                                                                                               \
        Parameter params[] = { { args[0], name1, Constraint::cons1 } };                             \
        return discrete(context, args[1], params, {}, [&](const double* v) { return sampler; });   \
    }

RAMBA_DISCRETE_1(rs_poisson, "lam", LegacyPoisson, random::poisson(s, v[0]))
RAMBA_DISCRETE_1(rs_zipf, "a", Gt1, random::zipf(s, v[0]))
RAMBA_DISCRETE_1(rs_geometric, "p", BoundedGt01, legacy::geometric(s, v[0]))
RAMBA_DISCRETE_1(rs_logseries, "p", BoundedLt01, legacy::logseries(s, v[0]))

// ngood + nbad >= nsample, checked (broadcast) before the parameters' own constraints.
void check_hypergeometric_total(CallContext& context, const Value& good, const Value& bad, const Value& sample)
{
    NDArray g = to_array(context, good, DType::Int64), b = to_array(context, bad, DType::Int64), n = to_array(context, sample, DType::Int64);
    Shape shape = engine::broadcast_shapes(std::vector<Shape> { g.shape, b.shape, n.shape });
    g = engine::ascontiguous(engine::broadcast_to(g, shape), DType::Int64);
    b = engine::ascontiguous(engine::broadcast_to(b, shape), DType::Int64);
    n = engine::ascontiguous(engine::broadcast_to(n, shape), DType::Int64);
    auto at = [](const NDArray& a, int64_t i) { return reinterpret_cast<const int64_t*>(a.data())[i]; };
    for (int64_t i = 0; i < shape_size(shape); ++i)
        if (at(g, i) + at(b, i) < at(n, i))
            raise(ErrorKind::ValueError, "ngood + nbad < nsample");
}

Value rs_hypergeometric(CallContext& context, legacy::LegacyState& s, Args args)
{
    check_hypergeometric_total(context, args[0], args[1], args[2]);
    Parameter params[] = { { args[0], "ngood", Constraint::NonNegative }, { args[1], "nbad", Constraint::NonNegative }, { args[2], "nsample", Constraint::Gte1 } };
    const bool integer[] = { true, true, true };
    return discrete(context, args[3], params, integer, [&](const double* v) {
        return legacy::hypergeometric(s, static_cast<int64_t>(v[0]), static_cast<int64_t>(v[1]), static_cast<int64_t>(v[2]));
    });
}

// The shape of multinomial/dirichlet results: size (None, int or tuple) followed by k.
Shape vector_draws_shape(CallContext& context, const Value& size, int64_t k)
{
    Shape shape;
    if (!size.is_none())
        shape = shape_argument(context, size);
    shape.push_back(k);
    return shape;
}

Value rs_multinomial(CallContext& context, legacy::LegacyState& s, Args args)
{
    int64_t n = interp::to_index(context, args[0]);
    NDArray p = engine::ascontiguous(to_array(context, args[1], DType::Float64), DType::Float64);
    if (p.ndim() == 0)
        raise(ErrorKind::TypeError, "pvals must be a 1-d sequence");
    if (p.ndim() > 1)
        raise(ErrorKind::ValueError, "object too deep for desired array");
    int64_t d = p.size();
    const double* pix = reinterpret_cast<const double*>(p.data());
    check_scalar(0.5, "pvals", Constraint::None);
    for (int64_t i = 0; i < d; ++i)
        if (!(pix[i] >= 0) || !(pix[i] <= 1))
            raise(ErrorKind::ValueError, "pvals < 0, pvals > 1 or pvals contains NaNs");
    if (d > 0) {
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
    }
    Shape shape = vector_draws_shape(context, args[2], d);
    NDArray result = NDArray::zeros(DType::Int64, shape);
    check_scalar(static_cast<double>(n), "n", Constraint::NonNegative);
    int64_t* out = reinterpret_cast<int64_t*>(result.data());
    int64_t rows = d ? result.size() / d : 0;
    for (int64_t i = 0; i < rows; ++i)
        random::multinomial(s, n, out + i * d, pix, d, s.binomial);
    return wrap_drawn(std::move(result));
}

Value rs_dirichlet(CallContext& context, legacy::LegacyState& s, Args args)
{
    NDArray alpha = engine::ascontiguous(to_array(context, args[0], DType::Float64), DType::Float64);
    if (alpha.ndim() != 1)
        raise(ErrorKind::ValueError, "object of too small depth for desired array");
    int64_t k = alpha.size();
    const double* a = reinterpret_cast<const double*>(alpha.data());
    for (int64_t j = 0; j < k; ++j)
        if (a[j] <= 0)
            raise(ErrorKind::ValueError, "alpha <= 0");
    NDArray result = NDArray::zeros(DType::Float64, vector_draws_shape(context, args[1], k));
    double* out = reinterpret_cast<double*>(result.data());
    for (int64_t i = 0; i < result.size(); i += k) {
        double acc = 0.0;
        for (int64_t j = 0; j < k; ++j) {
            out[i + j] = legacy::standard_gamma(s, a[j]);
            acc = acc + out[i + j];
        }
        double inverse = 1 / acc;
        for (int64_t j = 0; j < k; ++j)
            out[i + j] = out[i + j] * inverse;
    }
    return wrap_drawn(std::move(result));
}

Value rs_multivariate_normal(CallContext& context, legacy::LegacyState& s, Args args)
{
    return multivariate_normal(context, args[0], args[1], args[2], args[3], args[4], MultivariateMethod::LegacySvd, [&](const Shape& shape) {
        NDArray normals = NDArray::empty(DType::Float64, shape);
        for (int64_t i = 0; i < normals.size(); ++i)
            reinterpret_cast<double*>(normals.data())[i] = legacy::gauss(s);
        return normals;
    });
}

template<Impl impl>
Value module_entry(CallContext& context, std::span<Value> args) { return impl(context, global_state().state, args); }
template<Impl impl>
Value method_entry(CallContext& context, std::span<Value> args) { return impl(context, args[0].as<RandomStateObject>().state, args.subspan(1)); }

// One list for the module functions and RandomState's methods: name, parameters, implementation, doc.
#define RAMBA_RANDOM_STATE_ROWS(X)                                                                                    \
    X("seed", "seed=None", rs_seed, "Reseed the generator (numpy's legacy seeding: an int in [0, 2**32) or a 1-d array of them).") \
    X("get_state", "legacy=True", rs_get_state, "The generator's state: ('MT19937', key, pos, has_gauss, cached_gaussian).") \
    X("set_state", "state", rs_set_state, "Set the generator's state from get_state()'s tuple or dict.")                  \
    X("random_sample", "size=None", rs_random_sample, "Return random floats in the half-open interval [0.0, 1.0).")      \
    X("random", "size=None", rs_random_sample, "Return random floats in the half-open interval [0.0, 1.0).")             \
    X("rand", "*args", rs_rand, "Random values in a given shape, uniform over [0, 1).")                                  \
    X("randn", "*args", rs_randn, "Samples from the standard normal distribution.")                                      \
    X("randint", "low, high=None, size=None, dtype=<missing>", rs_randint, "Return random integers from low (inclusive) to high (exclusive).") \
    X("choice", "a, size=None, replace=True, p=None", rs_choice, "Generates a random sample from a given 1-D array.")    \
    X("shuffle", "x", rs_shuffle, "Modify a sequence in-place by shuffling its contents (along the first axis).")        \
    X("permutation", "x", rs_permutation, "Randomly permute a sequence, or return a permuted range.")                    \
    X("uniform", "low=0.0, high=1.0, size=None", rs_uniform, "Draw samples from a uniform distribution over [low, high).") \
    X("standard_normal", "size=None", rs_standard_normal, "Draw samples from a standard Normal distribution.")            \
    X("normal", "loc=0.0, scale=1.0, size=None", rs_normal, "Draw random samples from a normal (Gaussian) distribution.") \
    X("beta", "a, b, size=None", rs_beta, "Draw samples from a Beta distribution.")                                      \
    X("exponential", "scale=1.0, size=None", rs_exponential, "Draw samples from an exponential distribution.")            \
    X("standard_exponential", "size=None", rs_standard_exponential, "Draw samples from the standard exponential distribution.") \
    X("standard_gamma", "shape, size=None", rs_standard_gamma, "Draw samples from a standard Gamma distribution.")        \
    X("gamma", "shape, scale=1.0, size=None", rs_gamma, "Draw samples from a Gamma distribution.")                        \
    X("f", "dfnum, dfden, size=None", rs_f, "Draw samples from an F distribution.")                                      \
    X("noncentral_f", "dfnum, dfden, nonc, size=None", rs_noncentral_f, "Draw samples from the noncentral F distribution.") \
    X("chisquare", "df, size=None", rs_chisquare, "Draw samples from a chi-square distribution.")                        \
    X("noncentral_chisquare", "df, nonc, size=None", rs_noncentral_chisquare, "Draw samples from a noncentral chi-square distribution.") \
    X("standard_cauchy", "size=None", rs_standard_cauchy, "Draw samples from a standard Cauchy distribution with mode = 0.") \
    X("standard_t", "df, size=None", rs_standard_t, "Draw samples from a standard Student's t distribution with df degrees of freedom.") \
    X("vonmises", "mu, kappa, size=None", rs_vonmises, "Draw samples from a von Mises distribution.")                    \
    X("pareto", "a, size=None", rs_pareto, "Draw samples from a Pareto II or Lomax distribution with specified shape.")  \
    X("weibull", "a, size=None", rs_weibull, "Draw samples from a Weibull distribution.")                                \
    X("power", "a, size=None", rs_power, "Draws samples in [0, 1] from a power distribution with positive exponent a - 1.") \
    X("laplace", "loc=0.0, scale=1.0, size=None", rs_laplace, "Draw samples from the Laplace or double exponential distribution.") \
    X("gumbel", "loc=0.0, scale=1.0, size=None", rs_gumbel, "Draw samples from a Gumbel distribution.")                  \
    X("logistic", "loc=0.0, scale=1.0, size=None", rs_logistic, "Draw samples from a logistic distribution.")            \
    X("lognormal", "mean=0.0, sigma=1.0, size=None", rs_lognormal, "Draw samples from a log-normal distribution.")       \
    X("rayleigh", "scale=1.0, size=None", rs_rayleigh, "Draw samples from a Rayleigh distribution.")                     \
    X("wald", "mean, scale, size=None", rs_wald, "Draw samples from a Wald, or inverse Gaussian, distribution.")         \
    X("triangular", "left, mode, right, size=None", rs_triangular, "Draw samples from the triangular distribution over [left, right].") \
    X("binomial", "n, p, size=None", rs_binomial, "Draw samples from a binomial distribution.")                          \
    X("negative_binomial", "n, p, size=None", rs_negative_binomial, "Draw samples from a negative binomial distribution.") \
    X("poisson", "lam=1.0, size=None", rs_poisson, "Draw samples from a Poisson distribution.")                          \
    X("zipf", "a, size=None", rs_zipf, "Draw samples from a Zipf distribution.")                                         \
    X("geometric", "p, size=None", rs_geometric, "Draw samples from the geometric distribution.")                        \
    X("hypergeometric", "ngood, nbad, nsample, size=None", rs_hypergeometric, "Draw samples from a Hypergeometric distribution.") \
    X("logseries", "p, size=None", rs_logseries, "Draw samples from a logarithmic series distribution.")                 \
    X("multivariate_normal", "mean, cov, size=None, check_valid='warn', tol=1e-8", rs_multivariate_normal, "Draw random samples from a multivariate normal distribution.") \
    X("multinomial", "n, pvals, size=None", rs_multinomial, "Draw samples from a multinomial distribution.")             \
    X("dirichlet", "alpha, size=None", rs_dirichlet, "Draw samples from the Dirichlet distribution.")

Value rf_random_state(CallContext& context, std::span<Value> args)
{
    return Value::object(Type::Opaque, make_random_state(context, args[0]));
}

#define RAMBA_MODULE_ROW(name, params, impl, doc) { name, "(" params ")", module_entry<impl>, doc },
#define RAMBA_METHOD_ROW(name, params, impl, doc) { name, "(self, " params ")", method_entry<impl>, doc },

const interp::BuiltinSpec module_rows[] = {
    RAMBA_RANDOM_STATE_ROWS(RAMBA_MODULE_ROW)
    { "ranf", "(size=None)", module_entry<rs_random_sample>, "Return random floats in the half-open interval [0.0, 1.0)." },
    { "sample", "(size=None)", module_entry<rs_random_sample>, "Return random floats in the half-open interval [0.0, 1.0)." },
    { "RandomState", "(seed=None)", rf_random_state, "Container for the slow Mersenne Twister pseudo-random number generator (numpy's legacy streams)." },
    { "default_rng", "(seed=None)", rf_default_rng, "Construct a new Generator with the default BitGenerator (PCG64)." },
    { "SeedSequence", "(entropy=None, *, spawn_key=())", rf_seed_sequence, "SeedSequence mixes sources of entropy in a reproducible way to set the initial state for independent and very probably non-overlapping BitGenerators." },
    { "PCG64", "(seed=None)", rf_pcg64, "BitGenerator for the PCG-64 pseudo-random number generator." },
    { "Generator", "(bit_generator)", rf_generator, "Container for the BitGenerators." },
};

const interp::BuiltinSpec random_state_methods[] = { RAMBA_RANDOM_STATE_ROWS(RAMBA_METHOD_ROW) };

std::string random_state_str(CallContext&, const Value&) { return "RandomState(MT19937)"; }
std::string random_state_repr(CallContext&, const Value& self)
{
    char address[32];
    std::snprintf(address, sizeof address, "%lX", static_cast<unsigned long>(reinterpret_cast<uintptr_t>(&self.as<RandomStateObject>())));
    return "RandomState(MT19937) at 0x" + std::string(address);
}

} // namespace

const interp::TypeInfo& RandomStateObject::type_info() const
{
    static const interp::TypeInfo info = [] {
        interp::TypeInfo t;
        t.name = "numpy.random.mtrand.RandomState";
        t.methods = random_state_methods;
        t.repr = random_state_repr;
        t.str = random_state_str;
        return t;
    }();
    return info;
}

std::span<const interp::BuiltinSpec> random_module_functions() { return module_rows; }

} // namespace ramba::numpy
