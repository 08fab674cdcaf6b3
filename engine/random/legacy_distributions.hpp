// RandomState's samplers: numpy 1.16's algorithms where Generator's have changed since (the polar
// Gaussian with its cached second value, -log(1 - U) exponentials, the original binomial,
// hypergeometric, geometric, vonmises and logseries), over a LegacyState (MT19937 + the cache).
// numpy keeps these unchanged so that seeded RandomState programs draw the same numbers forever.
#pragma once

#include "engine/random/discrete_distributions.hpp"
#include "engine/random/mt19937.hpp"

namespace ramba::random {

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
    return standard_gamma_with(state, shape, [&] { return standard_exponential(state); }, [&] { return gauss(state); });
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
