// Python's `random` module on engine/random's MT19937, with CPython 3.11's exact streams: seed(int)
// by init_by_array of the absolute value's 32-bit words, random() as the 53-bit double of two words,
// getrandbits, _randbelow's getrandbits rejection under randrange/randint/choice/shuffle/sample, and
// uniform, gauss (with its cached second value), normalvariate, expovariate, triangular, choices,
// the gamma/beta/lognormal/von Mises/Pareto/Weibull variates, getstate/setstate.
// The module functions share one hidden Random instance, as CPython's do; random.Random(seed) makes
// more.
#include "stdlib/python/random_module.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <optional>
#include <random>
#include <unordered_set>

#include "base/error.hpp"
#include "engine/random/mt19937.hpp"

namespace ramba::stdlib {

using namespace interp;

namespace {

struct RandomObject final : OpaqueObject {
    random::MT19937 bits;
    std::optional<double> gauss_next;
    const TypeInfo& type_info() const override;
};

[[noreturn]] void fail(ErrorKind kind, std::string message) { throw RambaError(kind, std::move(message)); }

void seed_random(CallContext& context, RandomObject& r, const Value& a)
{
    r.gauss_next.reset();
    std::vector<uint32_t> key;
    if (a.is_none()) {
        std::random_device device;
        for (int i = 0; i < 624; ++i)
            key.push_back(device());
    } else if (a.is(Type::Int) || a.is(Type::Bool)) {
        int64_t n = a.as_int();
        uint64_t magnitude = n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n);
        do {
            key.push_back(static_cast<uint32_t>(magnitude & 0xFFFFFFFFU));
            magnitude >>= 32;
        } while (magnitude > 0);
    } else {
        int64_t n;
        if (!as_index(context, a, n))
            fail(ErrorKind::TypeError, "ramba: random.seed takes None or an int");
        return seed_random(context, r, Value::integer(n));
    }
    r.bits.seed_by_array(key);
}

// CPython's getrandbits(k) for k <= 64: the words least significant first, the last one's top bits.
uint64_t getrandbits(RandomObject& r, int k)
{
    if (k <= 0)
        return 0;
    if (k <= 32)
        return r.bits.next32() >> (32 - k);
    uint64_t low = r.bits.next32();
    uint64_t high = r.bits.next32() >> (64 - k);
    return low | (high << 32);
}

int bit_length(uint64_t n) { return n == 0 ? 0 : 64 - __builtin_clzll(n); }

// _randbelow_with_getrandbits: rejection on k = n.bit_length() bits.
int64_t randbelow(RandomObject& r, int64_t n)
{
    int k = bit_length(static_cast<uint64_t>(n));
    uint64_t value = getrandbits(r, k);
    while (value >= static_cast<uint64_t>(n))
        value = getrandbits(r, k);
    return static_cast<int64_t>(value);
}

int64_t integer_argument(CallContext& context, const Value& v, const char* what)
{
    int64_t n;
    if (as_index(context, v, n))
        return n;
    if (v.is(Type::Float) && std::floor(v.as_float()) == v.as_float())
        fail(ErrorKind::TypeError, std::string("'float' object cannot be interpreted as an integer"));
    fail(ErrorKind::ValueError, std::string("non-integer ") + what + " for randrange()");
}

Value randrange(CallContext& context, RandomObject& r, const Value& start, const Value& stop, const Value& step)
{
    int64_t istart = integer_argument(context, start, "arg 1");
    if (stop.is_none()) {
        if (!is_missing_argument(step))
            fail(ErrorKind::TypeError, "Missing a non-None stop argument");
        if (istart > 0)
            return Value::integer(randbelow(r, istart));
        fail(ErrorKind::ValueError, "empty range for randrange()");
    }
    int64_t istop = integer_argument(context, stop, "stop");
    int64_t width = istop - istart;
    int64_t istep = is_missing_argument(step) ? 1 : integer_argument(context, step, "step");
    if (istep == 1) {
        if (width > 0)
            return Value::integer(istart + randbelow(r, width));
        fail(ErrorKind::ValueError, "empty range for randrange() (" + std::to_string(istart) + ", " + std::to_string(istop) + ", " + std::to_string(width) + ")");
    }
    auto floor_div = [](int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); };
    int64_t n;
    if (istep > 0)
        n = floor_div(width + istep - 1, istep);
    else if (istep < 0)
        n = floor_div(width + istep + 1, istep);
    else
        fail(ErrorKind::ValueError, "zero step for randrange()");
    if (n <= 0)
        fail(ErrorKind::ValueError, "empty range for randrange()");
    return Value::integer(istart + istep * randbelow(r, n));
}

int64_t length(CallContext& context, const Value& v)
{
    const Value* len = builtins_module().find("len");
    Value args[] = { v };
    return context.call(*len, args).as_int();
}

using Args = std::span<Value>;
using Impl = Value (*)(CallContext&, RandomObject&, Args);

Value r_seed(CallContext& context, RandomObject& r, Args a)
{
    seed_random(context, r, a[0]);
    return Value::none();
}

Value r_random(CallContext&, RandomObject& r, Args) { return Value::floating(r.bits.next_double()); }

Value r_getrandbits(CallContext& context, RandomObject& r, Args a)
{
    int64_t k = to_index(context, a[0]);
    if (k < 0)
        fail(ErrorKind::ValueError, "number of bits must be non-negative");
    if (k > 63)
        fail(ErrorKind::OverflowError, "ramba: getrandbits(k) takes k <= 63 (64-bit integers)");
    return Value::integer(static_cast<int64_t>(getrandbits(r, static_cast<int>(k))));
}

Value r_randrange(CallContext& context, RandomObject& r, Args a) { return randrange(context, r, a[0], a[1], a[2]); }

Value r_randint(CallContext& context, RandomObject& r, Args a)
{
    Value stop = binary_op(context, BinaryOp::Add, a[1], Value::integer(1));
    return randrange(context, r, a[0], stop, missing_argument());
}

Value r_choice(CallContext& context, RandomObject& r, Args a)
{
    int64_t n = length(context, a[0]);
    if (n == 0)
        fail(ErrorKind::IndexError, "Cannot choose from an empty sequence");
    return get_item(context, a[0], Value::integer(randbelow(r, n)));
}

Value r_shuffle(CallContext& context, RandomObject& r, Args a)
{
    int64_t n = length(context, a[0]);
    for (int64_t i = n - 1; i >= 1; --i) {
        int64_t j = randbelow(r, i + 1);
        Value xi = get_item(context, a[0], Value::integer(i)), xj = get_item(context, a[0], Value::integer(j));
        set_item(context, a[0], Value::integer(i), xj);
        set_item(context, a[0], Value::integer(j), xi);
    }
    return Value::none();
}

Value r_sample(CallContext& context, RandomObject& r, Args a)
{
    const Value& population = a[0];
    if (!a[2].is_none())
        fail(ErrorKind::TypeError, "ramba: random.sample(counts=...) is not supported");
    if (population.is(Type::Dict) || population.is(Type::Opaque))
        fail(ErrorKind::TypeError, "Population must be a sequence.  For dicts or sets, use sorted(d).");
    int64_t n = length(context, population);
    int64_t k = to_index(context, a[1]);
    if (k < 0 || k > n)
        fail(ErrorKind::ValueError, "Sample larger than population or is negative");
    Values result(static_cast<size_t>(k));
    int64_t setsize = 21;
    if (k > 5)
        setsize += static_cast<int64_t>(std::pow(4.0, std::ceil(std::log(static_cast<double>(k * 3)) / std::log(4.0))));
    if (n <= setsize) {
        Values pool = to_vector(context, population);
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = randbelow(r, n - i);
            result[static_cast<size_t>(i)] = pool[static_cast<size_t>(j)];
            pool[static_cast<size_t>(j)] = pool[static_cast<size_t>(n - i - 1)];
        }
    } else {
        std::unordered_set<int64_t> selected;
        for (int64_t i = 0; i < k; ++i) {
            int64_t j = randbelow(r, n);
            while (selected.count(j))
                j = randbelow(r, n);
            selected.insert(j);
            result[static_cast<size_t>(i)] = get_item(context, population, Value::integer(j));
        }
    }
    return make_list(std::move(result));
}

Value r_uniform(CallContext& context, RandomObject& r, Args a)
{
    double lo = to_double(context, a[0]), hi = to_double(context, a[1]);
    return Value::floating(lo + (hi - lo) * r.bits.next_double());
}

Value r_gauss(CallContext& context, RandomObject& r, Args a)
{
    double mu = to_double(context, a[0]), sigma = to_double(context, a[1]);
    double z;
    if (r.gauss_next) {
        z = *r.gauss_next;
        r.gauss_next.reset();
    } else {
        double x2pi = r.bits.next_double() * (2 * std::numbers::pi);
        double g2rad = std::sqrt(-2.0 * std::log(1.0 - r.bits.next_double()));
        z = std::cos(x2pi) * g2rad;
        r.gauss_next = std::sin(x2pi) * g2rad;
    }
    return Value::floating(mu + z * sigma);
}

Value r_normalvariate(CallContext& context, RandomObject& r, Args a)
{
    double mu = to_double(context, a[0]), sigma = to_double(context, a[1]);
    const double magic = 4 * std::exp(-0.5) / std::sqrt(2.0); // CPython's NV_MAGICCONST
    double z;
    for (;;) {
        double u1 = r.bits.next_double();
        double u2 = 1.0 - r.bits.next_double();
        z = magic * (u1 - 0.5) / u2;
        double zz = z * z / 4.0;
        if (zz <= -std::log(u2))
            break;
    }
    return Value::floating(mu + z * sigma);
}

Value r_expovariate(CallContext& context, RandomObject& r, Args a)
{
    double lambd = to_double(context, a[0]);
    if (lambd == 0)
        fail(ErrorKind::ZeroDivisionError, "float division by zero");
    return Value::floating(-std::log(1.0 - r.bits.next_double()) / lambd);
}

Value r_triangular(CallContext& context, RandomObject& r, Args a)
{
    double low = to_double(context, a[0]), high = to_double(context, a[1]);
    double u = r.bits.next_double();
    double c;
    if (a[2].is_none()) {
        c = 0.5;
    } else {
        if (high - low == 0)
            return Value::floating(low);
        c = (to_double(context, a[2]) - low) / (high - low);
    }
    if (u > c) {
        u = 1.0 - u;
        c = 1.0 - c;
        std::swap(low, high);
    }
    return Value::floating(low + (high - low) * std::sqrt(u * c));
}

Value r_choices(CallContext& context, RandomObject& r, Args a)
{
    const Value& population = a[0];
    int64_t n = length(context, population);
    int64_t k = to_index(context, a[3]);
    Values out;
    if (a[2].is_none() && a[1].is_none()) {
        double nd = static_cast<double>(n);
        for (int64_t i = 0; i < k; ++i)
            out.push_back(get_item(context, population, Value::integer(static_cast<int64_t>(std::floor(r.bits.next_double() * nd)))));
        return make_list(std::move(out));
    }
    if (!a[2].is_none() && !a[1].is_none())
        fail(ErrorKind::TypeError, "Cannot specify both weights and cumulative weights");
    std::vector<double> cumulative;
    if (!a[1].is_none()) {
        if (a[1].is(Type::Int))
            fail(ErrorKind::TypeError, "The number of choices must be a keyword argument: k=" + std::to_string(a[1].as_int()));
        Value total = Value::integer(0);
        for (const Value& w : to_vector(context, a[1])) {
            total = binary_op(context, BinaryOp::Add, total, w);
            cumulative.push_back(to_double(context, total));
        }
    } else {
        for (const Value& w : to_vector(context, a[2]))
            cumulative.push_back(to_double(context, w));
    }
    if (static_cast<int64_t>(cumulative.size()) != n)
        fail(ErrorKind::ValueError, "The number of weights does not match the population");
    double total = cumulative.back() + 0.0;
    if (total <= 0.0)
        fail(ErrorKind::ValueError, "Total of weights must be greater than zero");
    if (!std::isfinite(total))
        fail(ErrorKind::ValueError, "Total of weights must be finite");
    for (int64_t i = 0; i < k; ++i) {
        double x = r.bits.next_double() * total;
        // bisect_right(cum_weights, x, 0, n - 1)
        int64_t index = std::upper_bound(cumulative.begin(), cumulative.begin() + (n - 1), x) - cumulative.begin();
        out.push_back(get_item(context, population, Value::integer(index)));
    }
    return make_list(std::move(out));
}

double gammavariate(RandomObject& r, double alpha, double beta)
{
    if (alpha <= 0.0 || beta <= 0.0)
        fail(ErrorKind::ValueError, "gammavariate: alpha and beta must be > 0.0");
    if (alpha > 1.0) {
        // Cheng's algorithm, as CPython writes it (LOG4, SG_MAGICCONST = 1 + log(4.5)).
        const double log4 = std::log(4.0), sg_magic = 1.0 + std::log(4.5);
        double ainv = std::sqrt(2.0 * alpha - 1.0);
        double bbb = alpha - log4;
        double ccc = alpha + ainv;
        for (;;) {
            double u1 = r.bits.next_double();
            if (!(1e-7 < u1 && u1 < 0.9999999))
                continue;
            double u2 = 1.0 - r.bits.next_double();
            double v = std::log(u1 / (1.0 - u1)) / ainv;
            double x = alpha * std::exp(v);
            double z = u1 * u1 * u2;
            double rr = bbb + ccc * v - x;
            if (rr + sg_magic - 4.5 * z >= 0.0 || rr >= std::log(z))
                return x * beta;
        }
    }
    if (alpha == 1.0)
        return -std::log(1.0 - r.bits.next_double()) * beta;
    double x;
    for (;;) {
        double u = r.bits.next_double();
        double b = (std::numbers::e + alpha) / std::numbers::e;
        double p = b * u;
        if (p <= 1.0)
            x = std::pow(p, 1.0 / alpha);
        else
            x = -std::log((b - p) / alpha);
        double u1 = r.bits.next_double();
        if (p > 1.0) {
            if (u1 <= std::pow(x, alpha - 1.0))
                break;
        } else if (u1 <= std::exp(-x)) {
            break;
        }
    }
    return x * beta;
}

Value r_gammavariate(CallContext& context, RandomObject& r, Args a) { return Value::floating(gammavariate(r, to_double(context, a[0]), to_double(context, a[1]))); }

Value r_betavariate(CallContext& context, RandomObject& r, Args a)
{
    double y = gammavariate(r, to_double(context, a[0]), 1.0);
    if (y != 0)
        return Value::floating(y / (y + gammavariate(r, to_double(context, a[1]), 1.0)));
    return Value::floating(0.0);
}

Value r_lognormvariate(CallContext& context, RandomObject& r, Args a)
{
    Value normal = r_normalvariate(context, r, a);
    return Value::floating(std::exp(normal.as_float()));
}

// Python's float `%`: the result takes the divisor's sign.
double python_mod(double a, double b)
{
    double m = std::fmod(a, b);
    if (m != 0) {
        if ((b < 0) != (m < 0))
            m += b;
    } else {
        m = std::copysign(0.0, b);
    }
    return m;
}

Value r_vonmisesvariate(CallContext& context, RandomObject& r, Args a)
{
    double mu = to_double(context, a[0]), kappa = to_double(context, a[1]);
    const double two_pi = 2 * std::numbers::pi;
    if (kappa <= 1e-6)
        return Value::floating(two_pi * r.bits.next_double());
    double s = 0.5 / kappa;
    double rr = s + std::sqrt(1.0 + s * s);
    double z;
    for (;;) {
        double u1 = r.bits.next_double();
        z = std::cos(std::numbers::pi * u1);
        double d = z / (rr + z);
        double u2 = r.bits.next_double();
        if (u2 < 1.0 - d * d || u2 <= (1.0 - d) * std::exp(d))
            break;
    }
    double q = 1.0 / rr;
    double f = (q + z) / (1.0 + q * z);
    double u3 = r.bits.next_double();
    return Value::floating(u3 > 0.5 ? python_mod(mu + std::acos(f), two_pi) : python_mod(mu - std::acos(f), two_pi));
}

Value r_paretovariate(CallContext& context, RandomObject& r, Args a)
{
    double u = 1.0 - r.bits.next_double();
    return Value::floating(std::pow(u, -1.0 / to_double(context, a[0])));
}

Value r_weibullvariate(CallContext& context, RandomObject& r, Args a)
{
    double alpha = to_double(context, a[0]), beta = to_double(context, a[1]);
    double u = 1.0 - r.bits.next_double();
    return Value::floating(alpha * std::pow(-std::log(u), 1.0 / beta));
}

// getstate(): (3, the 624 key words and the position, gauss_next), as CPython's version 3 state.
Value r_getstate(CallContext&, RandomObject& r, Args)
{
    Values words;
    for (uint32_t word : r.bits.key())
        words.push_back(Value::integer(word));
    words.push_back(Value::integer(r.bits.position()));
    return make_tuple({ Value::integer(3), make_tuple(std::move(words)), r.gauss_next ? Value::floating(*r.gauss_next) : Value::none() });
}

Value r_setstate(CallContext& context, RandomObject& r, Args a)
{
    Values state = to_vector(context, a[0]);
    if (state.size() != 3 || !state[0].is(Type::Int) || state[0].as_int() != 3)
        fail(ErrorKind::ValueError, "state with version " + (state.empty() ? std::string("?") : repr_value(context, state[0])) + " passed to Random.setstate() of version 3");
    Values words = to_vector(context, state[1]);
    if (words.size() != 625)
        fail(ErrorKind::ValueError, "state vector is the wrong size");
    std::vector<uint32_t> key;
    for (size_t i = 0; i < 624; ++i)
        key.push_back(static_cast<uint32_t>(to_index(context, words[i])));
    int64_t position = to_index(context, words[624]);
    if (position < 0 || position > 624)
        fail(ErrorKind::ValueError, "invalid state");
    r.bits.set_state(std::span<const uint32_t, 624>(key.data(), 624), static_cast<int>(position));
    if (state[2].is_none())
        r.gauss_next.reset();
    else
        r.gauss_next = to_double(context, state[2]);
    return Value::none();
}

RandomObject& hidden_instance()
{
    static Ref<RandomObject> instance = [] {
        auto object = make_object<RandomObject>();
        std::random_device device;
        std::vector<uint32_t> key;
        for (int i = 0; i < 624; ++i)
            key.push_back(device());
        object->bits.seed_by_array(key);
        return object;
    }();
    return *instance;
}

template<Impl impl>
Value module_entry(CallContext& context, std::span<Value> args) { return impl(context, hidden_instance(), args); }
template<Impl impl>
Value method_entry(CallContext& context, std::span<Value> args) { return impl(context, args[0].as<RandomObject>(), args.subspan(1)); }

#define RAMBA_RANDOM_ROWS(X)                                                                                          \
    X("seed", "a=None", r_seed, "Initialize internal state from a seed (None: fresh entropy; an int: all of its bits).") \
    X("random", "", r_random, "random() -> x in the interval [0, 1).")                                              \
    X("getrandbits", "k", r_getrandbits, "getrandbits(k) -> x.  Generates an int with k random bits.")               \
    X("randrange", "start, stop=None, step=<missing>", r_randrange, "Choose a random item from range(start, stop[, step]).") \
    X("randint", "a, b", r_randint, "Return random integer in range [a, b], including both end points.")             \
    X("choice", "seq", r_choice, "Choose a random element from a non-empty sequence.")                              \
    X("shuffle", "x", r_shuffle, "Shuffle list x in place, and return None.")                                         \
    X("sample", "population, k, *, counts=None", r_sample, "Chooses k unique random elements from a population sequence.") \
    X("uniform", "a, b", r_uniform, "Get a random number in the range [a, b) or [a, b] depending on rounding.")        \
    X("gauss", "mu=0.0, sigma=1.0", r_gauss, "Gaussian distribution.")                                               \
    X("normalvariate", "mu=0.0, sigma=1.0", r_normalvariate, "Normal distribution.")                                 \
    X("expovariate", "lambd", r_expovariate, "Exponential distribution.")                                            \
    X("triangular", "low=0.0, high=1.0, mode=None", r_triangular, "Triangular distribution.")                        \
    X("choices", "population, weights=None, *, cum_weights=None, k=1", r_choices, "Return a k sized list of population elements chosen with replacement.") \
    X("gammavariate", "alpha, beta", r_gammavariate, "Gamma distribution.  Not the gamma function!")                 \
    X("betavariate", "alpha, beta", r_betavariate, "Beta distribution.")                                             \
    X("lognormvariate", "mu, sigma", r_lognormvariate, "Log normal distribution.")                                  \
    X("vonmisesvariate", "mu, kappa", r_vonmisesvariate, "Circular data distribution.")                             \
    X("paretovariate", "alpha", r_paretovariate, "Pareto distribution.  alpha is the shape parameter.")             \
    X("weibullvariate", "alpha, beta", r_weibullvariate, "Weibull distribution.")                                   \
    X("getstate", "", r_getstate, "Return internal state; can be passed to setstate() later.")                      \
    X("setstate", "state", r_setstate, "Restore internal state from object returned by getstate().")

#define RAMBA_MODULE_ROW(name, params, impl, doc) { name, "(" params ")", module_entry<impl>, doc },
#define RAMBA_METHOD_ROW(name, params, impl, doc) { name, sizeof(params) > 1 ? "(self, " params ")" : "(self)", method_entry<impl>, doc },

const BuiltinSpec random_methods[] = { RAMBA_RANDOM_ROWS(RAMBA_METHOD_ROW) };

Value construct_random(CallContext& context, std::span<Value> args)
{
    auto object = make_object<RandomObject>();
    seed_random(context, *object, args[0]);
    return Value::object(Type::Opaque, object);
}

const BuiltinSpec module_rows[] = {
    RAMBA_RANDOM_ROWS(RAMBA_MODULE_ROW)
    { "Random", "(x=None)", construct_random, "Random number generator base class used by bound module functions (MT19937, CPython's streams)." },
};

std::string random_repr(CallContext&, const Value& self)
{
    char address[32];
    std::snprintf(address, sizeof address, "%lx", static_cast<unsigned long>(reinterpret_cast<uintptr_t>(&self.as<RandomObject>())));
    return "<random.Random object at 0x" + std::string(address) + ">";
}

} // namespace

const TypeInfo& RandomObject::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t;
        t.name = "random.Random";
        t.methods = random_methods;
        t.repr = random_repr;
        t.str = random_repr;
        return t;
    }();
    return info;
}

Ref<ModuleObject> make_random_module()
{
    auto module = make_object<ModuleObject>("random");
    for (const auto& row : module_rows)
        module->set(row.name, make_builtin(&row));
    return module;
}

} // namespace ramba::stdlib
