// Accuracy of the libmvec kernels against scalar libm: millions of random inputs over many binades
// plus special values (NaN, ±inf, ±0, subnormals, domain edges). Bound checked: 4 ulp (glibc's
// documented libmvec bound); the measured maximum per function is printed with -s.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "engine/vm/vector_math.hpp"

using namespace ramba;
using vm::VectorFn;

namespace {

template<typename T> int64_t ordered(T x)
{
    if constexpr (sizeof(T) == 8) {
        int64_t i;
        std::memcpy(&i, &x, 8);
        return i < 0 ? std::numeric_limits<int64_t>::min() - i : i;
    } else {
        int32_t i;
        std::memcpy(&i, &x, 4);
        return i < 0 ? std::numeric_limits<int32_t>::min() - i : i;
    }
}

// ulp distance; -1 when one is NaN and the other is not (a real disagreement).
template<typename T> int64_t ulps(T a, T b)
{
    if (std::isnan(a) || std::isnan(b))
        return std::isnan(a) && std::isnan(b) ? 0 : -1;
    if (a == b)
        return 0;
    if (std::isinf(a) || std::isinf(b))
        return std::numeric_limits<int64_t>::max();
    int64_t d = ordered(a) - ordered(b);
    return d < 0 ? -d : d;
}

struct Fn {
    VectorFn fn;
    const char* name;
    double (*scalar)(double);
    float (*scalar_f)(float);
    double low, high; // the interesting range for uniform samples (besides the log-uniform ones)
};

const Fn unary[] = {
    { VectorFn::Sin, "sin", [](double x) { return std::sin(x); }, [](float x) { return std::sin(x); }, -100, 100 },
    { VectorFn::Cos, "cos", [](double x) { return std::cos(x); }, [](float x) { return std::cos(x); }, -100, 100 },
    { VectorFn::Tan, "tan", [](double x) { return std::tan(x); }, [](float x) { return std::tan(x); }, -10, 10 },
    { VectorFn::Asin, "asin", [](double x) { return std::asin(x); }, [](float x) { return std::asin(x); }, -1, 1 },
    { VectorFn::Acos, "acos", [](double x) { return std::acos(x); }, [](float x) { return std::acos(x); }, -1, 1 },
    { VectorFn::Atan, "atan", [](double x) { return std::atan(x); }, [](float x) { return std::atan(x); }, -50, 50 },
    { VectorFn::Sinh, "sinh", [](double x) { return std::sinh(x); }, [](float x) { return std::sinh(x); }, -700, 700 },
    { VectorFn::Cosh, "cosh", [](double x) { return std::cosh(x); }, [](float x) { return std::cosh(x); }, -700, 700 },
    { VectorFn::Tanh, "tanh", [](double x) { return std::tanh(x); }, [](float x) { return std::tanh(x); }, -20, 20 },
    { VectorFn::Asinh, "asinh", [](double x) { return std::asinh(x); }, [](float x) { return std::asinh(x); }, -1e6, 1e6 },
    { VectorFn::Acosh, "acosh", [](double x) { return std::acosh(x); }, [](float x) { return std::acosh(x); }, 1, 1e6 },
    { VectorFn::Atanh, "atanh", [](double x) { return std::atanh(x); }, [](float x) { return std::atanh(x); }, -1, 1 },
    { VectorFn::Exp, "exp", [](double x) { return std::exp(x); }, [](float x) { return std::exp(x); }, -745, 710 },
    { VectorFn::Exp2, "exp2", [](double x) { return std::exp2(x); }, [](float x) { return std::exp2(x); }, -1075, 1024 },
    { VectorFn::Expm1, "expm1", [](double x) { return std::expm1(x); }, [](float x) { return std::expm1(x); }, -40, 710 },
    { VectorFn::Log, "log", [](double x) { return std::log(x); }, [](float x) { return std::log(x); }, 0, 1e10 },
    { VectorFn::Log2, "log2", [](double x) { return std::log2(x); }, [](float x) { return std::log2(x); }, 0, 1e10 },
    { VectorFn::Log10, "log10", [](double x) { return std::log10(x); }, [](float x) { return std::log10(x); }, 0, 1e10 },
    { VectorFn::Log1p, "log1p", [](double x) { return std::log1p(x); }, [](float x) { return std::log1p(x); }, -1, 1e10 },
    { VectorFn::Cbrt, "cbrt", [](double x) { return std::cbrt(x); }, [](float x) { return std::cbrt(x); }, -1e9, 1e9 },
    { VectorFn::Erf, "erf", [](double x) { return std::erf(x); }, [](float x) { return std::erf(x); }, -6, 6 },
};

template<typename T>
std::vector<T> inputs(std::mt19937_64& rng, double low, double high, size_t count)
{
    std::vector<T> xs = {
        T(0), T(-0.0), T(1), T(-1), T(0.5), T(-0.5), std::numeric_limits<T>::infinity(),
        -std::numeric_limits<T>::infinity(), std::numeric_limits<T>::quiet_NaN(), std::numeric_limits<T>::denorm_min(),
        std::numeric_limits<T>::min(), std::numeric_limits<T>::max(), -std::numeric_limits<T>::max(), T(1e-300), T(710),
        T(-745), T(89), T(-104),
    };
    std::uniform_real_distribution<double> uniform(low, high);
    std::uniform_real_distribution<double> exponent(-40, 40);
    std::bernoulli_distribution sign;
    while (xs.size() < count) {
        xs.push_back(static_cast<T>(uniform(rng)));
        double magnitude = std::pow(2.0, exponent(rng));
        xs.push_back(static_cast<T>(sign(rng) ? magnitude : -magnitude));
    }
    return xs;
}

} // namespace

TEST_CASE("libmvec kernels are within 4 ulp of libm, with libm's NaN/inf behaviour", "[vm][vector_math]")
{
    if (!vm::vector_math_available())
        return; // no AVX2/FMA: the vector kernels are not used on this CPU
    std::mt19937_64 rng(12345);
    for (auto& f : unary) {
        auto xs = inputs<double>(rng, f.low, f.high, 1 << 20);
        std::vector<double> got(xs.size());
        vm::vector_map(f.fn, xs.data(), got.data(), static_cast<int64_t>(xs.size()));
        int64_t worst = 0;
        double worst_input = 0;
        for (size_t i = 0; i < xs.size(); ++i) {
            int64_t d = ulps(got[i], f.scalar(xs[i]));
            if (d < 0 || d > worst) {
                worst = d < 0 ? std::numeric_limits<int64_t>::max() : d;
                worst_input = xs[i];
            }
        }
        WARN(f.name << " float64: max " << worst << " ulp (at " << worst_input << ")");
        CHECK(worst <= 4);

        auto fs = inputs<float>(rng, f.low, f.high, 1 << 19);
        std::vector<float> got_f(fs.size());
        vm::vector_map(f.fn, fs.data(), got_f.data(), static_cast<int64_t>(fs.size()));
        int64_t worst_f = 0;
        float worst_input_f = 0;
        for (size_t i = 0; i < fs.size(); ++i) {
            int64_t d = ulps(got_f[i], f.scalar_f(fs[i]));
            if (d < 0 || d > worst_f) {
                worst_f = d < 0 ? std::numeric_limits<int64_t>::max() : d;
                worst_input_f = fs[i];
            }
        }
        WARN(f.name << " float32: max " << worst_f << " ulp (at " << worst_input_f << ")");
        CHECK(worst_f <= 4);
    }
}

TEST_CASE("binary libmvec kernels (atan2, hypot, pow)", "[vm][vector_math]")
{
    if (!vm::vector_math_available())
        return;
    std::mt19937_64 rng(777);
    struct Binary { VectorFn fn; const char* name; double (*scalar)(double, double); };
    Binary fns[] = {
        { VectorFn::Atan2, "atan2", [](double a, double b) { return std::atan2(a, b); } },
        { VectorFn::Hypot, "hypot", [](double a, double b) { return std::hypot(a, b); } },
        { VectorFn::Pow, "pow", [](double a, double b) { return std::pow(a, b); } },
    };
    for (auto& f : fns) {
        auto a = inputs<double>(rng, -100, 100, 1 << 19);
        auto b = inputs<double>(rng, -10, 10, a.size());
        std::vector<double> got(a.size());
        vm::vector_map(f.fn, a.data(), b.data(), got.data(), static_cast<int64_t>(a.size()));
        int64_t worst = 0;
        for (size_t i = 0; i < a.size(); ++i) {
            int64_t d = ulps(got[i], f.scalar(a[i], b[i]));
            worst = d < 0 ? std::numeric_limits<int64_t>::max() : std::max(worst, d);
        }
        WARN(f.name << " float64: max " << worst << " ulp");
        CHECK(worst <= 4);
    }
}
