// numpy 1.24's samplers, one function per distribution, over any bit generator with next32(),
// next64() and next_double() (MT19937, PCG64). Generator's algorithms are in namespace
// `random`; RandomState keeps numpy 1.16's where they differ (namespace `legacy`, over a
// LegacyState that holds the cached second Gaussian). Every expression keeps numpy's order of
// operations and types, so the values agree bit for bit with numpy on the same libm (glibc).
// The stdlib (stdlib/numpy/random*.cpp) loops these over arrays; bounded_integers.hpp has randint.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <numbers>

#include "engine/random/mt19937.hpp"
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

template<class Bits>
double standard_gamma(Bits& bits, double shape)
{
    if (shape == 1.0)
        return standard_exponential(bits);
    if (shape == 0.0)
        return 0.0;
    if (shape < 1.0) {
        for (;;) {
            double u = bits.next_double();
            double v = standard_exponential(bits);
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
            x = standard_normal(bits);
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

// ----- discrete distributions (shared, and Generator's)

template<class Bits>
int64_t poisson(Bits& bits, double lam)
{
    if (lam >= 10) {
        // Hoermann's transformed rejection (PTRS), Insurance: Mathematics and Economics 12 (1993).
        double slam = std::sqrt(lam);
        double loglam = std::log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double inverse_alpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        for (;;) {
            double u = bits.next_double() - 0.5;
            double v = bits.next_double();
            double us = 0.5 - std::fabs(u);
            int64_t k = static_cast<int64_t>(std::floor((2 * a / us + b) * u + lam + 0.43));
            if ((us >= 0.07) && (v <= vr))
                return k;
            if ((k < 0) || ((us < 0.013) && (v > us)))
                continue;
            if ((std::log(v) + std::log(inverse_alpha) - std::log(a / (us * us) + b)) <= (-lam + static_cast<double>(k) * loglam - log_gamma(static_cast<double>(k + 1))))
                return k;
        }
    }
    if (lam == 0)
        return 0;
    double enlam = std::exp(-lam);
    int64_t x = 0;
    double product = 1.0;
    for (;;) {
        product *= bits.next_double();
        if (product > enlam)
            x += 1;
        else
            return x;
    }
}

template<class Bits>
int64_t negative_binomial(Bits& bits, double n, double p)
{
    double y = gamma(bits, n, (1 - p) / p);
    return poisson(bits, y);
}

template<class Bits>
int64_t binomial_btpe(Bits& bits, int64_t n, double p, BinomialCache& cache)
{
    double r, q, fm, p1, xm, xl, xr, c, laml, lamr, p2, p3, p4;
    int64_t m;
    if (!cache.valid || cache.n_saved != n || cache.p_saved != p) {
        cache.n_saved = n;
        cache.p_saved = p;
        cache.valid = true;
        cache.r = r = std::min(p, 1.0 - p);
        cache.q = q = 1.0 - r;
        cache.fm = fm = static_cast<double>(n) * r + r;
        cache.m = m = static_cast<int64_t>(std::floor(cache.fm));
        cache.p1 = p1 = std::floor(2.195 * std::sqrt(static_cast<double>(n) * r * q) - 4.6 * q) + 0.5;
        cache.xm = xm = static_cast<double>(m) + 0.5;
        cache.xl = xl = xm - p1;
        cache.xr = xr = xm + p1;
        cache.c = c = 0.134 + 20.5 / (15.3 + static_cast<double>(m));
        double a = (fm - xl) / (fm - xl * r);
        cache.laml = laml = a * (1.0 + a / 2.0);
        a = (xr - fm) / (xr * q);
        cache.lamr = lamr = a * (1.0 + a / 2.0);
        cache.p2 = p2 = p1 * (1.0 + 2.0 * c);
        cache.p3 = p3 = p2 + c / laml;
        cache.p4 = p4 = p3 + c / lamr;
    } else {
        r = cache.r, q = cache.q, fm = cache.fm, m = cache.m, p1 = cache.p1, xm = cache.xm, xl = cache.xl;
        xr = cache.xr, c = cache.c, laml = cache.laml, lamr = cache.lamr, p2 = cache.p2, p3 = cache.p3, p4 = cache.p4;
    }
    const double nd = static_cast<double>(n), md = static_cast<double>(m);
    int64_t y;
    for (;;) { // Kachitvichyanukul and Schmeiser's BTPE, steps 10..52
        double nrq = nd * r * q;
        double u = bits.next_double() * p4;
        double v = bits.next_double();
        if (u <= p1) {
            y = static_cast<int64_t>(std::floor(xm - p1 * v + u));
            break;
        }
        if (u <= p2) {
            double x = xl + (u - p1) / c;
            v = v * c + 1.0 - std::fabs(md - x + 0.5) / p1;
            if (v > 1.0)
                continue;
            y = static_cast<int64_t>(std::floor(x));
        } else if (u <= p3) {
            y = static_cast<int64_t>(std::floor(xl + std::log(v) / laml));
            if ((y < 0) || (v == 0.0))
                continue;
            v = v * (u - p2) * laml;
        } else {
            y = static_cast<int64_t>(std::floor(xr - std::log(v) / lamr));
            if ((y > n) || (v == 0.0))
                continue;
            v = v * (u - p3) * lamr;
        }
        int64_t k = std::llabs(y - m);
        if (!((k > 20) && (static_cast<double>(k) < ((nrq) / 2.0 - 1)))) {
            double s = r / q;
            double a = s * (nd + 1);
            double big_f = 1.0;
            if (m < y) {
                for (int64_t i = m + 1; i <= y; i++)
                    big_f *= (a / static_cast<double>(i) - s);
            } else if (m > y) {
                for (int64_t i = y + 1; i <= m; i++)
                    big_f /= (a / static_cast<double>(i) - s);
            }
            if (v > big_f)
                continue;
            break;
        }
        double kd = static_cast<double>(k);
        double rho = (kd / (nrq)) * ((kd * (kd / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        double t = -kd * kd / (2 * nrq);
        double big_a = std::log(v);
        if (big_a < (t - rho))
            break;
        if (big_a > (t + rho))
            continue;
        double yd = static_cast<double>(y);
        double x1 = yd + 1;
        double f1 = md + 1;
        double z = nd + 1 - md;
        double w = nd - yd + 1;
        double x2 = x1 * x1;
        double f2 = f1 * f1;
        double z2 = z * z;
        double w2 = w * w;
        if (big_a > (xm * std::log(f1 / x1) + (nd - md + 0.5) * std::log(z / w) + static_cast<double>(y - m) * std::log(w * r / (x1 * q))
                + (13680. - (462. - (132. - (99. - 140. / f2) / f2) / f2) / f2) / f1 / 166320.
                + (13680. - (462. - (132. - (99. - 140. / z2) / z2) / z2) / z2) / z / 166320.
                + (13680. - (462. - (132. - (99. - 140. / x2) / x2) / x2) / x2) / x1 / 166320.
                + (13680. - (462. - (132. - (99. - 140. / w2) / w2) / w2) / w2) / w / 166320.))
            continue;
        break;
    }
    if (p > 0.5)
        y = n - y;
    return y;
}

template<class Bits>
int64_t binomial_inversion(Bits& bits, int64_t n, double p, BinomialCache& cache)
{
    double q, qn, np;
    int64_t bound;
    if (!cache.valid || cache.n_saved != n || cache.p_saved != p) {
        cache.n_saved = n;
        cache.p_saved = p;
        cache.valid = true;
        cache.q = q = 1.0 - p;
        cache.r = qn = std::exp(static_cast<double>(n) * std::log(q));
        cache.c = np = static_cast<double>(n) * p;
        cache.m = bound = static_cast<int64_t>(std::min(static_cast<double>(n), np + 10.0 * std::sqrt(np * q + 1)));
    } else {
        q = cache.q, qn = cache.r, np = cache.c, bound = cache.m;
    }
    int64_t x = 0;
    double px = qn;
    double u = bits.next_double();
    while (u > px) {
        x++;
        if (x > bound) {
            x = 0;
            px = qn;
            u = bits.next_double();
        } else {
            u -= px;
            px = (static_cast<double>(n - x + 1) * p * px) / (static_cast<double>(x) * q);
        }
    }
    return x;
}

// RandomState's binomial draws even for n == 0 or p == 0 (numpy 1.16); Generator's returns 0 first.
template<class Bits>
int64_t binomial_draw(Bits& bits, double p, int64_t n, BinomialCache& cache)
{
    if (p <= 0.5) {
        if (p * static_cast<double>(n) <= 30.0)
            return binomial_inversion(bits, n, p, cache);
        return binomial_btpe(bits, n, p, cache);
    }
    double q = 1.0 - p;
    if (q * static_cast<double>(n) <= 30.0)
        return n - binomial_inversion(bits, n, q, cache);
    return n - binomial_btpe(bits, n, q, cache);
}

template<class Bits>
int64_t binomial(Bits& bits, double p, int64_t n, BinomialCache& cache)
{
    if (n == 0 || p == 0.0)
        return 0;
    return binomial_draw(bits, p, n, cache);
}

template<class Bits>
double noncentral_chisquare(Bits& bits, double df, double nonc)
{
    if (std::isnan(nonc))
        return NAN;
    if (nonc == 0)
        return chisquare(bits, df);
    if (1 < df) {
        const double chi2 = chisquare(bits, df - 1);
        const double n = standard_normal(bits) + std::sqrt(nonc);
        return chi2 + n * n;
    }
    const int64_t i = poisson(bits, nonc / 2.0);
    return chisquare(bits, df + 2 * static_cast<double>(i));
}

template<class Bits>
double noncentral_f(Bits& bits, double dfnum, double dfden, double nonc)
{
    double t = noncentral_chisquare(bits, dfnum, nonc) * dfden;
    return t / (chisquare(bits, dfden) * dfnum);
}

template<class Bits>
int64_t logseries(Bits& bits, double p)
{
    double r = std::log1p(-p);
    for (;;) {
        double v = bits.next_double();
        if (v >= p)
            return 1;
        double u = bits.next_double();
        double q = -std::expm1(r * u);
        if (v <= q * q) {
            int64_t result = static_cast<int64_t>(std::floor(1 + std::log(v) / std::log(q)));
            if ((result < 1) || (v == 0.0))
                continue;
            return result;
        }
        if (v >= q)
            return 1;
        return 2;
    }
}

template<class Bits>
int64_t geometric_search(Bits& bits, double p)
{
    int64_t x = 1;
    double sum = p, product = p;
    double q = 1.0 - p;
    double u = bits.next_double();
    while (u > sum) {
        product *= q;
        sum += product;
        x++;
    }
    return x;
}

template<class Bits>
int64_t geometric(Bits& bits, double p)
{
    if (p >= 0.333333333333333333333333)
        return geometric_search(bits, p);
    return static_cast<int64_t>(std::ceil(-standard_exponential(bits) / std::log1p(-p)));
}

template<class Bits>
int64_t zipf(Bits& bits, double a)
{
    double am1 = a - 1.0;
    double b = std::pow(2.0, am1);
    for (;;) {
        double u = 1.0 - bits.next_double();
        double v = bits.next_double();
        double x = std::floor(std::pow(u, -1.0 / am1));
        // Values past int64 are rejected: a Zipf distribution truncated at the largest int64.
        if (x > static_cast<double>(INT64_MAX) || x < 1.0)
            continue;
        double t = std::pow(1.0 + 1.0 / x, am1);
        if (v * x * (t - 1.0) / (b - 1.0) <= t / b)
            return static_cast<int64_t>(x);
    }
}

// An integer in [0, max] by masked rejection on 32 or 64 bits (numpy's random_interval: shuffles).
template<class Bits>
uint64_t interval(Bits& bits, uint64_t max)
{
    if (max == 0)
        return 0;
    uint64_t mask = max;
    mask |= mask >> 1;
    mask |= mask >> 2;
    mask |= mask >> 4;
    mask |= mask >> 8;
    mask |= mask >> 16;
    mask |= mask >> 32;
    uint64_t value;
    if (max <= 0xffffffffULL) {
        while ((value = (bits.next32() & mask)) > max) { }
    } else {
        while ((value = (bits.next64() & mask)) > max) { }
    }
    return value;
}

template<class Bits>
int64_t hypergeometric_sample(Bits& bits, int64_t good, int64_t bad, int64_t sample)
{
    int64_t total = good + bad;
    int64_t computed_sample = sample > total / 2 ? total - sample : sample;
    int64_t remaining_total = total, remaining_good = good;
    while ((computed_sample > 0) && (remaining_good > 0) && (remaining_total > remaining_good)) {
        --remaining_total;
        if (static_cast<int64_t>(interval(bits, static_cast<uint64_t>(remaining_total))) < remaining_good)
            --remaining_good;
        --computed_sample;
    }
    if (remaining_total == remaining_good)
        remaining_good -= computed_sample;
    return sample > total / 2 ? remaining_good : good - remaining_good;
}

// Stadlober's ratio-of-uniforms constants: D1 = 2 sqrt(2/e), D2 = 3 - 2 sqrt(3/e).
inline constexpr double hrua_d1 = 1.7155277699214135;
inline constexpr double hrua_d2 = 0.8989161620588988;

template<class Bits>
int64_t hypergeometric_hrua(Bits& bits, int64_t good, int64_t bad, int64_t sample)
{
    int64_t popsize = good + bad;
    int64_t computed_sample = std::min(sample, popsize - sample);
    int64_t min_good_bad = std::min(good, bad);
    int64_t max_good_bad = std::max(good, bad);
    double p = static_cast<double>(min_good_bad) / static_cast<double>(popsize);
    double q = static_cast<double>(max_good_bad) / static_cast<double>(popsize);
    double mu = static_cast<double>(computed_sample) * p;
    double a = mu + 0.5;
    double var = (static_cast<double>(popsize - computed_sample) * static_cast<double>(computed_sample) * p * q / static_cast<double>(popsize - 1));
    double c = std::sqrt(var + 0.5);
    double h = hrua_d1 * c + hrua_d2;
    int64_t m = static_cast<int64_t>(std::floor(static_cast<double>(computed_sample + 1) * static_cast<double>(min_good_bad + 1) / static_cast<double>(popsize + 2)));
    double g = (log_factorial(m) + log_factorial(min_good_bad - m) + log_factorial(computed_sample - m) + log_factorial(max_good_bad - computed_sample + m));
    double b = std::min(static_cast<double>(std::min(computed_sample, min_good_bad) + 1), std::floor(a + 16 * c));
    int64_t k;
    for (;;) {
        double u = bits.next_double();
        double v = bits.next_double();
        double x = a + h * (v - 0.5) / u;
        if ((x < 0.0) || (x >= b))
            continue;
        k = static_cast<int64_t>(std::floor(x));
        double gp = (log_factorial(k) + log_factorial(min_good_bad - k) + log_factorial(computed_sample - k) + log_factorial(max_good_bad - computed_sample + k));
        double t = g - gp;
        if ((u * (4.0 - u) - 3.0) <= t)
            break;
        if (u * (u - t) >= 1)
            continue;
        if (2.0 * std::log(u) <= t)
            break;
    }
    if (good > bad)
        k = computed_sample - k;
    if (computed_sample < sample)
        k = good - k;
    return k;
}

template<class Bits>
int64_t hypergeometric(Bits& bits, int64_t good, int64_t bad, int64_t sample)
{
    if ((sample >= 10) && (sample <= good + bad - 10))
        return hypergeometric_hrua(bits, good, bad, sample);
    return hypergeometric_sample(bits, good, bad, sample);
}

// One multinomial vector of d counts into `out` (zeroed by the caller), by conditional binomials.
template<class Bits>
void multinomial(Bits& bits, int64_t n, int64_t* out, const double* p, int64_t d, BinomialCache& cache)
{
    double remaining_p = 1.0;
    int64_t dn = n;
    for (int64_t j = 0; j < d - 1; j++) {
        out[j] = binomial(bits, p[j] / remaining_p, dn, cache);
        dn = dn - out[j];
        if (dn <= 0)
            break;
        remaining_p -= p[j];
    }
    if (dn > 0)
        out[d - 1] = dn;
}

namespace legacy {

// RandomState's state: MT19937 and the second value of the last polar-method pair.
struct LegacyState {
    MT19937 bits;
    bool has_gauss { false };
    double gauss { 0.0 };
    BinomialCache binomial;
    uint32_t next32() { return bits.next32(); }
    uint64_t next64() { return bits.next64(); }
    double next_double() { return bits.next_double(); }
};

// Marsaglia's polar method, keeping the second value for the next call.
inline double gauss(LegacyState& state)
{
    if (state.has_gauss) {
        const double value = state.gauss;
        state.has_gauss = false;
        state.gauss = 0.0;
        return value;
    }
    double x1, x2, r2;
    do {
        x1 = 2.0 * state.next_double() - 1.0;
        x2 = 2.0 * state.next_double() - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double factor = std::sqrt(-2.0 * std::log(r2) / r2);
    state.gauss = factor * x1;
    state.has_gauss = true;
    return factor * x2;
}

inline double standard_exponential(LegacyState& state) { return -std::log(1.0 - state.next_double()); }

inline double standard_gamma(LegacyState& state, double shape)
{
    if (shape == 1.0)
        return standard_exponential(state);
    if (shape == 0.0)
        return 0.0;
    if (shape < 1.0) {
        for (;;) {
            double u = state.next_double();
            double v = standard_exponential(state);
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
            x = gauss(state);
            v = 1.0 + c * x;
        } while (v <= 0.0);
        v = v * v * v;
        double u = state.next_double();
        if (u < 1.0 - 0.0331 * (x * x) * (x * x))
            return b * v;
        if (std::log(u) < 0.5 * x * x + b * (1. - v + std::log(v)))
            return b * v;
    }
}

inline double normal(LegacyState& state, double loc, double scale) { return loc + scale * gauss(state); }
inline double lognormal(LegacyState& state, double mean, double sigma) { return std::exp(normal(state, mean, sigma)); }
inline double exponential(LegacyState& state, double scale) { return scale * standard_exponential(state); }
inline double gamma(LegacyState& state, double shape, double scale) { return scale * standard_gamma(state, shape); }
inline double pareto(LegacyState& state, double a) { return std::exp(standard_exponential(state) / a) - 1; }
inline double weibull(LegacyState& state, double a) { return a == 0.0 ? 0.0 : std::pow(standard_exponential(state), 1. / a); }
inline double power(LegacyState& state, double a) { return std::pow(1 - std::exp(-standard_exponential(state)), 1. / a); }
inline double chisquare(LegacyState& state, double df) { return 2.0 * standard_gamma(state, df / 2.0); }
inline double rayleigh(LegacyState& state, double mode) { return mode * std::sqrt(-2.0 * std::log1p(-state.next_double())); }
inline double f(LegacyState& state, double dfnum, double dfden) { return (chisquare(state, dfnum) * dfden) / (chisquare(state, dfden) * dfnum); }
inline double standard_cauchy(LegacyState& state)
{
    double numerator = gauss(state);
    return numerator / gauss(state);
}

inline double standard_t(LegacyState& state, double df)
{
    double numerator = gauss(state);
    double denominator = standard_gamma(state, df / 2);
    return std::sqrt(df / 2) * numerator / std::sqrt(denominator);
}

inline double wald(LegacyState& state, double mean, double scale)
{
    double mu_2l = mean / (2 * scale);
    double y = gauss(state);
    y = mean * y * y;
    double x = mean + mu_2l * (y - std::sqrt(4 * scale * y + y * y));
    double u = state.next_double();
    if (u <= mean / (mean + x))
        return x;
    return mean * mean / x;
}

inline double noncentral_chisquare(LegacyState& state, double df, double nonc)
{
    if (nonc == 0)
        return chisquare(state, df);
    if (1 < df) {
        const double chi2 = chisquare(state, df - 1);
        const double n = gauss(state) + std::sqrt(nonc);
        return chi2 + n * n;
    }
    const int64_t i = random::poisson(state, nonc / 2.0);
    double out = chisquare(state, df + 2 * static_cast<double>(i));
    return std::isnan(nonc) ? NAN : out;
}

inline double noncentral_f(LegacyState& state, double dfnum, double dfden, double nonc)
{
    double t = noncentral_chisquare(state, dfnum, nonc) * dfden;
    return t / (chisquare(state, dfden) * dfnum);
}

inline double beta(LegacyState& state, double a, double b)
{
    if ((a <= 1.0) && (b <= 1.0)) {
        for (;;) {
            double u = state.next_double();
            double v = state.next_double();
            double x = std::pow(u, 1.0 / a);
            double y = std::pow(v, 1.0 / b);
            if ((x + y) <= 1.0) {
                if (x + y > 0)
                    return x / (x + y);
                double log_x = std::log(u) / a;
                double log_y = std::log(v) / b;
                double log_max = log_x > log_y ? log_x : log_y;
                log_x -= log_max;
                log_y -= log_max;
                return std::exp(log_x - std::log(std::exp(log_x) + std::exp(log_y)));
            }
        }
    }
    double ga = standard_gamma(state, a);
    double gb = standard_gamma(state, b);
    return ga / (ga + gb);
}

inline int64_t negative_binomial(LegacyState& state, double n, double p)
{
    double y = gamma(state, n, (1 - p) / p);
    return random::poisson(state, y);
}

inline int64_t binomial(LegacyState& state, double p, int64_t n) { return binomial_draw(state, p, n, state.binomial); }

inline int64_t geometric(LegacyState& state, double p)
{
    if (p >= 0.333333333333333333333333)
        return geometric_search(state, p);
    return static_cast<int64_t>(std::ceil(std::log1p(-state.next_double()) / std::log(1 - p)));
}

inline int64_t hypergeometric_hyp(LegacyState& state, int64_t good, int64_t bad, int64_t sample)
{
    int64_t d1 = bad + good - sample;
    double d2 = static_cast<double>(std::min(bad, good));
    double y = d2;
    int64_t k = sample;
    while (y > 0.0) {
        double u = state.next_double();
        y -= static_cast<double>(static_cast<int64_t>(std::floor(u + y / static_cast<double>(d1 + k))));
        k--;
        if (k == 0)
            break;
    }
    int64_t z = static_cast<int64_t>(d2 - y);
    if (good > bad)
        z = sample - z;
    return z;
}

inline int64_t hypergeometric_hrua(LegacyState& state, int64_t good, int64_t bad, int64_t sample)
{
    int64_t min_good_bad = std::min(good, bad);
    int64_t popsize = good + bad;
    int64_t max_good_bad = std::max(good, bad);
    int64_t m = std::min(sample, popsize - sample);
    double d4 = static_cast<double>(min_good_bad) / static_cast<double>(popsize);
    double d5 = 1.0 - d4;
    double d6 = static_cast<double>(m) * d4 + 0.5;
    double d7 = std::sqrt(static_cast<double>(popsize - m) * static_cast<double>(sample) * d4 * d5 / static_cast<double>(popsize - 1) + 0.5);
    double d8 = hrua_d1 * d7 + hrua_d2;
    int64_t d9 = static_cast<int64_t>(std::floor(static_cast<double>(m + 1) * static_cast<double>(min_good_bad + 1) / static_cast<double>(popsize + 2)));
    double d10 = (log_gamma(static_cast<double>(d9 + 1)) + log_gamma(static_cast<double>(min_good_bad - d9 + 1)) + log_gamma(static_cast<double>(m - d9 + 1))
        + log_gamma(static_cast<double>(max_good_bad - m + d9 + 1)));
    double d11 = std::min(static_cast<double>(std::min(m, min_good_bad)) + 1.0, std::floor(d6 + 16 * d7));
    int64_t z;
    for (;;) {
        double x = state.next_double();
        double y = state.next_double();
        double w = d6 + d8 * (y - 0.5) / x;
        if ((w < 0.0) || (w >= d11))
            continue;
        z = static_cast<int64_t>(std::floor(w));
        double t = d10
            - (log_gamma(static_cast<double>(z + 1)) + log_gamma(static_cast<double>(min_good_bad - z + 1)) + log_gamma(static_cast<double>(m - z + 1))
                + log_gamma(static_cast<double>(max_good_bad - m + z + 1)));
        if ((x * (4.0 - x) - 3.0) <= t)
            break;
        if (x * (x - t) >= 1)
            continue;
        if (2.0 * std::log(x) <= t)
            break;
    }
    if (good > bad)
        z = m - z;
    if (m < sample)
        z = good - z;
    return z;
}

inline int64_t hypergeometric(LegacyState& state, int64_t good, int64_t bad, int64_t sample)
{
    if (sample > 10)
        return hypergeometric_hrua(state, good, bad, sample);
    if (sample > 0)
        return hypergeometric_hyp(state, good, bad, sample);
    return 0;
}

inline double vonmises(LegacyState& state, double mu, double kappa) { return vonmises_common(state, mu, kappa, false); }

inline int64_t logseries(LegacyState& state, double p)
{
    double r = std::log(1.0 - p);
    for (;;) {
        double v = state.next_double();
        if (v >= p)
            return 1;
        double u = state.next_double();
        double q = 1.0 - std::exp(r * u);
        if (v <= q * q) {
            int64_t result = static_cast<int64_t>(std::floor(1 + std::log(v) / std::log(q)));
            if ((result < 1) || (v == 0.0))
                continue;
            return result;
        }
        if (v >= q)
            return 1;
        return 2;
    }
}

} // namespace legacy

} // namespace ramba::random
