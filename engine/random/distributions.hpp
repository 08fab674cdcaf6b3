// numpy 1.24's samplers, one function per distribution, over any bit generator with next32(),
// next64() and next_double() (MT19937, PCG64): Generator's algorithms, and those RandomState shares
// (RandomState's numpy-1.16 variants are in legacy_distributions.hpp). Every expression keeps numpy's order of
// operations and types, so the values agree bit for bit with numpy on the same libm (glibc).
// The stdlib (stdlib/numpy/random*.cpp) loops these over arrays; bounded_integers.hpp has randint.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <numbers>

#include "engine/random/ziggurat_tables.hpp"

namespace ramba::random {

// log(k!) for k >= 0: a table of correctly rounded values to 125, then numpy's Stirling series.
double log_factorial(int64_t k);
// numpy's random_loggam: log Gamma(x) by Zhang and Jin's series (used by Poisson and legacy draws).
double log_gamma(double x);

// numpy's binomial_t: the set-up of the last (n, p) a binomial draw used.
struct BinomialCache {
    bool valid { false };
    double p_saved { 0 };
    int64_t n_saved { 0 };
    double r { 0 }, q { 0 }, fm { 0 };
    int64_t m { 0 };
    double p1 { 0 }, xm { 0 }, xl { 0 }, xr { 0 }, c { 0 }, laml { 0 }, lamr { 0 }, p2 { 0 }, p3 { 0 }, p4 { 0 };
};

template<class Bits>
float next_float(Bits& bits) { return static_cast<float>(bits.next32() >> 8) * (1.0f / 16777216.0f); }

// ----- ziggurat normal and exponential (Generator)

template<class Bits>
double standard_exponential(Bits& bits)
{
    using namespace ziggurat;
    for (;;) {
        uint64_t ri = bits.next64() >> 3;
        uint8_t index = static_cast<uint8_t>(ri & 0xFF);
        ri >>= 8;
        double x = static_cast<double>(ri) * exponential_width[index];
        if (ri < exponential_ratio[index])
            return x;
        if (index == 0)
            return exponential_r - std::log1p(-bits.next_double());
        if ((exponential_density[index - 1] - exponential_density[index]) * bits.next_double() + exponential_density[index] < std::exp(-x))
            return x;
    }
}

template<class Bits>
float standard_exponential_f(Bits& bits)
{
    using namespace ziggurat;
    for (;;) {
        uint32_t ri = bits.next32() >> 1;
        uint8_t index = static_cast<uint8_t>(ri & 0xFF);
        ri >>= 8;
        float x = static_cast<float>(ri) * exponential_width_f[index];
        if (ri < exponential_ratio_f[index])
            return x;
        if (index == 0)
            return exponential_r_f - std::log1p(-next_float(bits));
        if ((exponential_density_f[index - 1] - exponential_density_f[index]) * next_float(bits) + exponential_density_f[index] < std::exp(-x))
            return x;
    }
}

template<class Bits>
double standard_normal(Bits& bits)
{
    using namespace ziggurat;
    for (;;) {
        uint64_t r = bits.next64();
        int index = static_cast<int>(r & 0xff);
        r >>= 8;
        bool negative = r & 0x1;
        uint64_t rabs = (r >> 1) & 0x000fffffffffffffULL;
        double x = static_cast<double>(rabs) * normal_width[index];
        if (negative)
            x = -x;
        if (rabs < normal_ratio[index])
            return x;
        if (index == 0) {
            for (;;) {
                double xx = -normal_inverse_r * std::log1p(-bits.next_double());
                double yy = -std::log1p(-bits.next_double());
                if (yy + yy > xx * xx)
                    return ((rabs >> 8) & 0x1) ? -(normal_r + xx) : normal_r + xx;
            }
        }
        if (((normal_density[index - 1] - normal_density[index]) * bits.next_double() + normal_density[index]) < std::exp(-0.5 * x * x))
            return x;
    }
}

template<class Bits>
float standard_normal_f(Bits& bits)
{
    using namespace ziggurat;
    for (;;) {
        uint32_t r = bits.next32();
        int index = static_cast<int>(r & 0xff);
        bool negative = (r >> 8) & 0x1;
        uint32_t rabs = (r >> 9) & 0x0007fffff;
        float x = static_cast<float>(rabs) * normal_width_f[index];
        if (negative)
            x = -x;
        if (rabs < normal_ratio_f[index])
            return x;
        if (index == 0) {
            for (;;) {
                float xx = -normal_inverse_r_f * std::log1p(-next_float(bits));
                float yy = -std::log1p(-next_float(bits));
                if (yy + yy > xx * xx)
                    return ((rabs >> 8) & 0x1) ? -(normal_r_f + xx) : normal_r_f + xx;
            }
        }
        // numpy compares against the double exp of the float argument.
        if (((normal_density_f[index - 1] - normal_density_f[index]) * next_float(bits) + normal_density_f[index]) < std::exp(-0.5 * x * x))
            return x;
    }
}

// ----- continuous distributions (Generator)

// Marsaglia and Tsang's gamma (Ahrens-Dieter below shape 1), shared by Generator and the legacy
// RandomState, which differ only in their exponential and normal samplers.
template<class Bits, class Exponential, class Normal>
double standard_gamma_with(Bits& bits, double shape, Exponential&& exponential, Normal&& normal)
{
    if (shape == 1.0)
        return exponential();
    if (shape == 0.0)
        return 0.0;
    if (shape < 1.0) {
        for (;;) {
            double u = bits.next_double();
            double v = exponential();
            if (u <= 1.0 - shape) {
                double x = std::pow(u, 1. / shape);
                if (x <= v)
                    return x;
            } else {
                double y = -std::log((1 - u) / shape);
                double x = std::pow(1.0 - shape + shape * y, 1. / shape);
                if (x <= (v + y))
                    return x;
            }
        }
    }
    double b = shape - 1. / 3.;
    double c = 1. / std::sqrt(9 * b);
    for (;;) {
        double x, v;
        do {
            x = normal();
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        double u = bits.next_double();
        if (u < 1.0 - 0.0331 * (x * x) * (x * x))
            return b * v;
        if (std::log(u) < 0.5 * x * x + b * (1. - v + std::log(v)))
            return b * v;
    }
}

template<class Bits>
double standard_gamma(Bits& bits, double shape)
{
    return standard_gamma_with(bits, shape, [&] { return standard_exponential(bits); }, [&] { return standard_normal(bits); });
}

template<class Bits>
float standard_gamma_f(Bits& bits, float shape)
{
    if (shape == 1.0f)
        return standard_exponential_f(bits);
    if (shape == 0.0f)
        return 0.0f;
    if (shape < 1.0f) {
        for (;;) {
            float u = next_float(bits);
            float v = standard_exponential_f(bits);
            if (u <= 1.0f - shape) {
                float x = std::pow(u, 1.0f / shape);
                if (x <= v)
                    return x;
            } else {
                float y = -std::log((1.0f - u) / shape);
                float x = std::pow(1.0f - shape + shape * y, 1.0f / shape);
                if (x <= (v + y))
                    return x;
            }
        }
    }
    float b = shape - 1.0f / 3.0f;
    float c = 1.0f / std::sqrt(9.0f * b);
    for (;;) {
        float x, v;
        do {
            x = standard_normal_f(bits);
            v = 1.0f + c * x;
        } while (v <= 0.0f);
        v = v * v * v;
        float u = next_float(bits);
        if (u < 1.0f - 0.0331f * (x * x) * (x * x))
            return b * v;
        if (std::log(u) < 0.5f * x * x + b * (1.0f - v + std::log(v)))
            return b * v;
    }
}

template<class Bits> double normal(Bits& bits, double loc, double scale) { return loc + scale * standard_normal(bits); }
template<class Bits> double exponential(Bits& bits, double scale) { return scale * standard_exponential(bits); }
template<class Bits> double uniform(Bits& bits, double low, double range) { return low + range * bits.next_double(); }
template<class Bits> double gamma(Bits& bits, double shape, double scale) { return scale * standard_gamma(bits, shape); }

template<class Bits>
double beta(Bits& bits, double a, double b)
{
    if (a <= 1.0 && b <= 1.0) {
        for (;;) { // Johnk's algorithm
            double u = bits.next_double();
            double v = bits.next_double();
            double x = std::pow(u, 1.0 / a);
            double y = std::pow(v, 1.0 / b);
            double sum = x + y;
            if (sum <= 1.0 && sum > 0.0) {
                if (x + y > 0)
                    return x / sum;
                double log_x = std::log(u) / a;
                double log_y = std::log(v) / b;
                double log_max = log_x > log_y ? log_x : log_y;
                log_x -= log_max;
                log_y -= log_max;
                return std::exp(log_x - std::log(std::exp(log_x) + std::exp(log_y)));
            }
        }
    }
    double ga = standard_gamma(bits, a);
    double gb = standard_gamma(bits, b);
    return ga / (ga + gb);
}

template<class Bits> double chisquare(Bits& bits, double df) { return 2.0 * standard_gamma(bits, df / 2.0); }
template<class Bits> double f(Bits& bits, double dfnum, double dfden) { return (chisquare(bits, dfnum) * dfden) / (chisquare(bits, dfden) * dfnum); }
template<class Bits>
double standard_cauchy(Bits& bits)
{
    double numerator = standard_normal(bits);
    return numerator / standard_normal(bits);
}
template<class Bits> double pareto(Bits& bits, double a) { return std::expm1(standard_exponential(bits) / a); }
template<class Bits> double weibull(Bits& bits, double a) { return a == 0.0 ? 0.0 : std::pow(standard_exponential(bits), 1. / a); }
template<class Bits> double power(Bits& bits, double a) { return std::pow(-std::expm1(-standard_exponential(bits)), 1. / a); }

// laplace, gumbel, logistic and triangular are shared by RandomState and Generator.
template<class Bits>
double laplace(Bits& bits, double loc, double scale)
{
    for (;;) {
        double u = bits.next_double();
        if (u >= 0.5)
            return loc - scale * std::log(2.0 - u - u);
        if (u > 0.0)
            return loc + scale * std::log(u + u);
    }
}

template<class Bits>
double gumbel(Bits& bits, double loc, double scale)
{
    for (;;) {
        double u = 1.0 - bits.next_double();
        if (u < 1.0)
            return loc - scale * std::log(-std::log(u));
    }
}

template<class Bits>
double logistic(Bits& bits, double loc, double scale)
{
    for (;;) {
        double u = bits.next_double();
        if (u > 0.0)
            return loc + scale * std::log(u / (1.0 - u));
    }
}

template<class Bits> double lognormal(Bits& bits, double mean, double sigma) { return std::exp(normal(bits, mean, sigma)); }
template<class Bits> double rayleigh(Bits& bits, double mode) { return mode * std::sqrt(2.0 * standard_exponential(bits)); }

template<class Bits>
double standard_t(Bits& bits, double df)
{
    double numerator = standard_normal(bits);
    double denominator = standard_gamma(bits, df / 2);
    return std::sqrt(df / 2) * numerator / std::sqrt(denominator);
}

template<class Bits>
double wald(Bits& bits, double mean, double scale)
{
    double mu_2l = mean / (2 * scale);
    double y = standard_normal(bits);
    y = mean * y * y;
    double x = mean + mu_2l * (y - std::sqrt(4 * scale * y + y * y));
    double u = bits.next_double();
    if (u <= mean / (mean + x))
        return x;
    return mean * mean / x;
}

// numpy's von Mises sampler (Best and Fisher); `wrapped_normal_tail` is Generator's fallback for
// kappa > 1e6, which RandomState does not have.
template<class Bits>
double vonmises_common(Bits& bits, double mu, double kappa, bool wrapped_normal_tail)
{
    if (std::isnan(kappa))
        return NAN;
    if (kappa < 1e-8)
        return std::numbers::pi * (2 * bits.next_double() - 1);
    double s;
    if (kappa < 1e-5) {
        s = (1. / kappa + kappa);
    } else if (!wrapped_normal_tail || kappa <= 1e6) {
        double r = 1 + std::sqrt(1 + 4 * kappa * kappa);
        double rho = (r - std::sqrt(2 * r)) / (2 * kappa);
        s = (1 + rho * rho) / (2 * rho);
    } else {
        double result = mu + std::sqrt(1. / kappa) * standard_normal(bits);
        if (result < -std::numbers::pi)
            result += 2 * std::numbers::pi;
        if (result > std::numbers::pi)
            result -= 2 * std::numbers::pi;
        return result;
    }
    double w;
    for (;;) {
        double u = bits.next_double();
        double z = std::cos(std::numbers::pi * u);
        w = (1 + s * z) / (s + z);
        double y = kappa * (s - w);
        double v = bits.next_double();
        if ((y * (2 - y) - v >= 0) || (std::log(y / v) + 1 - y >= 0))
            break;
    }
    double u = bits.next_double();
    double result = std::acos(w);
    if (u < 0.5)
        result = -result;
    result += mu;
    bool negative = result < 0;
    double mod = std::fabs(result);
    mod = (std::fmod(mod + std::numbers::pi, 2 * std::numbers::pi) - std::numbers::pi);
    if (negative)
        mod *= -1;
    return mod;
}
template<class Bits> double vonmises(Bits& bits, double mu, double kappa) { return vonmises_common(bits, mu, kappa, true); }

template<class Bits>
double triangular(Bits& bits, double left, double mode, double right)
{
    double base = right - left;
    double left_base = mode - left;
    double ratio = left_base / base;
    double left_product = left_base * base;
    double right_product = (right - mode) * base;
    double u = bits.next_double();
    if (u <= ratio)
        return left + std::sqrt(u * left_product);
    return right - std::sqrt((1.0 - u) * right_product);
}

} // namespace ramba::random
