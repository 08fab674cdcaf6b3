// numpy.random: the legacy functions (seed rand randn random randint uniform normal choice
// permutation shuffle) on a global stream, RandomState(seed) and default_rng() Generators, all over
// engine::RandomStream (Philox, reproducible for a seed whatever the thread count; not numpy's values).
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/rows.hpp"

#include <random>

#include "engine/array/cast.hpp"
#include "engine/array/index.hpp"
#include "engine/array/random.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/array/sort.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using engine::RandomStream;
using interp::CallContext;
using interp::Type;
using interp::Value;
using interp::Values;

namespace {

uint64_t fresh_seed() { return (static_cast<uint64_t>(std::random_device()()) << 32) | std::random_device()(); }

struct RngObject final : interp::OpaqueObject {
    RandomStream stream;
    bool generator; // default_rng() Generator (else RandomState)
    RngObject(uint64_t seed, bool g) : stream(seed), generator(g) { }
    const interp::TypeInfo& type_info() const override;
};

RandomStream& global_stream()
{
    static RandomStream stream(fresh_seed());
    return stream;
}

uint64_t seed_argument(CallContext& context, const Value& seed)
{
    if (seed.is_none())
        return fresh_seed();
    int64_t s = interp::to_index(context, seed);
    if (s < 0)
        raise(ErrorKind::ValueError, "Seed must be between 0 and 2**32 - 1");
    return static_cast<uint64_t>(s);
}

// size=None -> a Python scalar; else an array of that shape.
Value sized(NDArray array, bool scalar, bool numpy_scalar = false)
{
    if (scalar) {
        if (numpy_scalar)
            return wrap_scalar(engine::Scalar::from_element(array.dtype, array.data()));
        return element_to_value(array.dtype, array.data());
    }
    return wrap_array(std::move(array));
}

engine::Shape size_shape(CallContext& context, const Value& size) { return size.is_none() ? engine::Shape {} : shape_argument(context, size); }

engine::Shape varargs_shape(CallContext& context, const Value& varargs)
{
    engine::Shape shape;
    for (const auto& item : varargs.as<interp::TupleObject>().items)
        shape.push_back(interp::to_index(context, item));
    return shape;
}

// The implementations, shared by module functions (global stream) and methods (self's stream).

Value do_rand(CallContext& context, RandomStream& s, const Value& varargs)
{
    auto shape = varargs_shape(context, varargs);
    return sized(s.random(shape), shape.empty() && varargs.as<interp::TupleObject>().items.empty());
}

Value do_randn(CallContext& context, RandomStream& s, const Value& varargs)
{
    auto shape = varargs_shape(context, varargs);
    return sized(s.standard_normal(shape), shape.empty() && varargs.as<interp::TupleObject>().items.empty());
}

Value do_random(CallContext& context, RandomStream& s, const Value& size) { return sized(s.random(size_shape(context, size)), size.is_none()); }
Value do_standard_normal(CallContext& context, RandomStream& s, const Value& size) { return sized(s.standard_normal(size_shape(context, size)), size.is_none()); }

Value do_uniform(CallContext& context, RandomStream& s, const Value& low, const Value& high, const Value& size)
{
    return sized(s.uniform(interp::to_double(context, low), interp::to_double(context, high), size_shape(context, size)), size.is_none());
}

Value do_normal(CallContext& context, RandomStream& s, const Value& loc, const Value& scale, const Value& size)
{
    return sized(s.normal(interp::to_double(context, loc), interp::to_double(context, scale), size_shape(context, size)), size.is_none());
}

Value do_integers(CallContext& context, RandomStream& s, const Value& low_value, const Value& high_value, const Value& size,
    const Value& dtype_value, bool endpoint, bool numpy_scalar)
{
    int64_t low = interp::to_index(context, low_value);
    int64_t high;
    if (high_value.is_none()) {
        high = low;
        low = 0;
    } else {
        high = interp::to_index(context, high_value);
    }
    if (endpoint)
        ++high;
    if (high <= low)
        raise(ErrorKind::ValueError, endpoint ? "low > high" : "low >= high");
    DType dtype = to_dtype(context, dtype_value).value_or(DType::Int64);
    return sized(s.integers(low, high, size_shape(context, size), dtype), size.is_none(), numpy_scalar);
}

Value do_permutation(CallContext& context, RandomStream& s, const Value& x)
{
    if (x.is(Type::Int)) {
        return wrap_array(s.permutation(x.as_int()));
    }
    NDArray a = to_array(context, x);
    if (a.ndim() == 0)
        raise(ErrorKind::IndexError, "x must be an integer or at least 1-dimensional");
    NDArray order = s.permutation(a.shape[0]);
    engine::IndexItem item = engine::IndexItem::make_array(order);
    return wrap_array(engine::index_get(a, { &item, 1 }).array);
}

Value do_shuffle(CallContext&, RandomStream& s, const Value& x)
{
    if (!is_array(x))
        raise(ErrorKind::TypeError, "ramba: shuffle takes an ndarray");
    const NDArray& a = x.as<ArrayObject>().writable();
    NDArray order = s.permutation(a.shape[0]);
    engine::IndexItem item = engine::IndexItem::make_array(order);
    NDArray shuffled = engine::index_get(a, { &item, 1 }).array;
    flush_pending(); // pending nodes may read this buffer
    engine::assign(a, shuffled);
    return Value::none();
}

Value do_choice(CallContext& context, RandomStream& s, const Value& a_value, const Value& size, const Value& replace_value, const Value& p_value)
{
    NDArray population;
    int64_t n;
    if (a_value.is(Type::Int)) {
        n = a_value.as_int();
        if (n <= 0)
            raise(ErrorKind::ValueError, "a must be greater than 0 unless no samples are taken");
    } else {
        population = to_array(context, a_value);
        if (population.ndim() != 1)
            raise(ErrorKind::ValueError, "a must be 1-dimensional");
        n = population.size();
        if (n == 0)
            raise(ErrorKind::ValueError, "'a' cannot be empty unless no samples are taken");
    }
    engine::Shape shape = size_shape(context, size);
    int64_t count = 1;
    for (int64_t e : shape)
        count *= e;
    bool replace = interp::truthy(context, replace_value);
    NDArray picks;
    if (!p_value.is_none()) {
        NDArray p = engine::ascontiguous(engine::ravel(to_array(context, p_value)), DType::Float64);
        if (p.size() != n)
            raise(ErrorKind::ValueError, "'a' and 'p' must have same size");
        NDArray cumulative = NDArray::empty(DType::Float64, { n });
        double total = 0;
        for (int64_t i = 0; i < n; ++i) {
            double v = reinterpret_cast<const double*>(p.data())[i];
            if (v < 0)
                raise(ErrorKind::ValueError, "probabilities are not non-negative");
            total += v;
            reinterpret_cast<double*>(cumulative.data())[i] = total;
        }
        if (std::abs(total - 1.0) > 1e-8)
            raise(ErrorKind::ValueError, "probabilities do not sum to 1");
        if (!replace)
            raise(ErrorKind::ValueError, "ramba: choice with p= and replace=False is not supported");
        NDArray u = s.random({ count });
        picks = engine::searchsorted(cumulative, u, true);
        auto* q = reinterpret_cast<int64_t*>(picks.data());
        for (int64_t i = 0; i < count; ++i)
            q[i] = std::min(q[i], n - 1);
    } else if (replace) {
        picks = s.integers(0, n, { count }, DType::Int64);
    } else {
        if (count > n)
            raise(ErrorKind::ValueError, "Cannot take a larger sample than population when 'replace=False'");
        NDArray order = s.permutation(n);
        order.shape = { count };
        picks = order;
    }
    picks = engine::reshape(engine::copy(picks), shape);
    NDArray result = picks;
    if (population.buffer) {
        engine::IndexItem item = engine::IndexItem::make_array(picks);
        result = engine::index_get(population, { &item, 1 }).array;
    }
    if (size.is_none())
        return wrap_scalar(engine::Scalar::from_element(result.dtype, result.data()));
    return wrap_array(std::move(result));
}

// ----- module functions (legacy global stream)

Value rf_seed(CallContext& context, std::span<Value> args) { global_stream().reseed(seed_argument(context, args[0])); return Value::none(); }
Value rf_rand(CallContext& context, std::span<Value> args) { return do_rand(context, global_stream(), args[0]); }
Value rf_randn(CallContext& context, std::span<Value> args) { return do_randn(context, global_stream(), args[0]); }
Value rf_random(CallContext& context, std::span<Value> args) { return do_random(context, global_stream(), args[0]); }
Value rf_standard_normal(CallContext& context, std::span<Value> args) { return do_standard_normal(context, global_stream(), args[0]); }
Value rf_randint(CallContext& context, std::span<Value> args) { return do_integers(context, global_stream(), args[0], args[1], args[2], args[3], false, false); }
Value rf_uniform(CallContext& context, std::span<Value> args) { return do_uniform(context, global_stream(), args[0], args[1], args[2]); }
Value rf_normal(CallContext& context, std::span<Value> args) { return do_normal(context, global_stream(), args[0], args[1], args[2]); }
Value rf_choice(CallContext& context, std::span<Value> args) { return do_choice(context, global_stream(), args[0], args[1], args[2], args[3]); }
Value rf_permutation(CallContext& context, std::span<Value> args) { return do_permutation(context, global_stream(), args[0]); }
Value rf_shuffle(CallContext& context, std::span<Value> args) { return do_shuffle(context, global_stream(), args[0]); }

Value rf_random_state(CallContext& context, std::span<Value> args)
{
    return Value::object(Type::Opaque, interp::make_object<RngObject>(seed_argument(context, args[0]), false));
}

Value rf_default_rng(CallContext& context, std::span<Value> args)
{
    return Value::object(Type::Opaque, interp::make_object<RngObject>(seed_argument(context, args[0]), true));
}

const interp::BuiltinSpec module_rows[] = {
    { "seed", "(seed=None)", rf_seed, "Seed the global generator (ramba: Philox4x32-10, counter-based)." },
    { "rand", "(*shape)", rf_rand, "Random values in a given shape, uniform over [0, 1)." },
    { "randn", "(*shape)", rf_randn, "Samples from the standard normal distribution." },
    { "random", "(size=None)", rf_random, "Return random floats in the half-open interval [0.0, 1.0)." },
    { "random_sample", "(size=None)", rf_random, "Return random floats in the half-open interval [0.0, 1.0)." },
    { "standard_normal", "(size=None)", rf_standard_normal, "Draw samples from a standard Normal distribution." },
    { "randint", "(low, high=None, size=None, dtype=None)", rf_randint, "Return random integers from low (inclusive) to high (exclusive)." },
    { "uniform", "(low=0.0, high=1.0, size=None)", rf_uniform, "Draw samples from a uniform distribution over [low, high)." },
    { "normal", "(loc=0.0, scale=1.0, size=None)", rf_normal, "Draw random samples from a normal (Gaussian) distribution." },
    { "choice", "(a, size=None, replace=True, p=None)", rf_choice, "Generates a random sample from a given 1-D array." },
    { "permutation", "(x)", rf_permutation, "Randomly permute a sequence, or return a permuted range." },
    { "shuffle", "(x)", rf_shuffle, "Modify an array in-place by shuffling its contents along axis 0." },
    { "RandomState", "(seed=None)", rf_random_state, "A random number generator with its own state (ramba: Philox)." },
    { "default_rng", "(seed=None)", rf_default_rng, "Construct a new Generator (ramba: Philox4x32-10)." },
};

// ----- methods (self's stream)

RandomStream& self_stream(const Value& self) { return self.as<RngObject>().stream; }

Value rm_seed(CallContext& context, std::span<Value> args) { self_stream(args[0]).reseed(seed_argument(context, args[1])); return Value::none(); }
Value rm_rand(CallContext& context, std::span<Value> args) { return do_rand(context, self_stream(args[0]), args[1]); }
Value rm_randn(CallContext& context, std::span<Value> args) { return do_randn(context, self_stream(args[0]), args[1]); }
Value rm_random(CallContext& context, std::span<Value> args) { return do_random(context, self_stream(args[0]), args[1]); }
Value rm_standard_normal(CallContext& context, std::span<Value> args) { return do_standard_normal(context, self_stream(args[0]), args[1]); }
Value rm_randint(CallContext& context, std::span<Value> args) { return do_integers(context, self_stream(args[0]), args[1], args[2], args[3], args[4], false, false); }
Value rm_integers(CallContext& context, std::span<Value> args)
{
    return do_integers(context, self_stream(args[0]), args[1], args[2], args[3], args[4], interp::truthy(context, args[5]), true);
}
Value rm_uniform(CallContext& context, std::span<Value> args) { return do_uniform(context, self_stream(args[0]), args[1], args[2], args[3]); }
Value rm_normal(CallContext& context, std::span<Value> args) { return do_normal(context, self_stream(args[0]), args[1], args[2], args[3]); }
Value rm_choice(CallContext& context, std::span<Value> args) { return do_choice(context, self_stream(args[0]), args[1], args[2], args[3], args[4]); }
Value rm_permutation(CallContext& context, std::span<Value> args) { return do_permutation(context, self_stream(args[0]), args[1]); }
Value rm_shuffle(CallContext& context, std::span<Value> args) { return do_shuffle(context, self_stream(args[0]), args[1]); }

const interp::BuiltinSpec random_state_methods[] = {
    { "seed", "(self, seed=None)", rm_seed, "Reseed the generator." },
    { "rand", "(self, *shape)", rm_rand, "Random values in a given shape, uniform over [0, 1)." },
    { "randn", "(self, *shape)", rm_randn, "Samples from the standard normal distribution." },
    { "random", "(self, size=None)", rm_random, "Random floats in [0.0, 1.0)." },
    { "random_sample", "(self, size=None)", rm_random, "Random floats in [0.0, 1.0)." },
    { "standard_normal", "(self, size=None)", rm_standard_normal, "Standard normal samples." },
    { "randint", "(self, low, high=None, size=None, dtype=None)", rm_randint, "Random integers from low (inclusive) to high (exclusive)." },
    { "uniform", "(self, low=0.0, high=1.0, size=None)", rm_uniform, "Uniform samples over [low, high)." },
    { "normal", "(self, loc=0.0, scale=1.0, size=None)", rm_normal, "Normal (Gaussian) samples." },
    { "choice", "(self, a, size=None, replace=True, p=None)", rm_choice, "A random sample from a given 1-D array." },
    { "permutation", "(self, x)", rm_permutation, "Randomly permute a sequence, or return a permuted range." },
    { "shuffle", "(self, x)", rm_shuffle, "Shuffle an array in place along axis 0." },
};

const interp::BuiltinSpec generator_methods[] = {
    { "random", "(self, size=None)", rm_random, "Random floats in [0.0, 1.0)." },
    { "standard_normal", "(self, size=None)", rm_standard_normal, "Standard normal samples." },
    { "integers", "(self, low, high=None, size=None, dtype=None, endpoint=False)", rm_integers, "Random integers from low (inclusive) to high (exclusive, or inclusive with endpoint=True)." },
    { "uniform", "(self, low=0.0, high=1.0, size=None)", rm_uniform, "Uniform samples over [low, high)." },
    { "normal", "(self, loc=0.0, scale=1.0, size=None)", rm_normal, "Normal (Gaussian) samples." },
    { "choice", "(self, a, size=None, replace=True, p=None)", rm_choice, "A random sample from a given 1-D array." },
    { "permutation", "(self, x)", rm_permutation, "Randomly permute a sequence, or return a permuted range." },
    { "shuffle", "(self, x)", rm_shuffle, "Shuffle an array in place along axis 0." },
};

std::string rng_repr(CallContext&, const Value& self)
{
    return self.as<RngObject>().generator ? "Generator(Philox)" : "RandomState(Philox)";
}

} // namespace

const interp::TypeInfo& RngObject::type_info() const
{
    static const interp::TypeInfo random_state = [] {
        interp::TypeInfo info;
        info.name = "numpy.random.mtrand.RandomState";
        info.methods = random_state_methods;
        info.repr = rng_repr;
        info.str = rng_repr;
        return info;
    }();
    static const interp::TypeInfo generator = [] {
        interp::TypeInfo info;
        info.name = "numpy.random._generator.Generator";
        info.methods = generator_methods;
        info.repr = rng_repr;
        info.str = rng_repr;
        return info;
    }();
    return this->generator ? generator : random_state;
}

std::span<const interp::BuiltinSpec> random_module_functions() { return module_rows; }


} // namespace ramba::numpy
