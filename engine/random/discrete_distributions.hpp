// numpy 1.24's discrete samplers (Poisson, binomial, negative binomial, geometric, zipf, logseries,
// hypergeometric, multinomial) and random_interval, over any bit generator; the continuous ones
// they build on are in distributions.hpp.
#pragma once

#include "engine/random/distributions.hpp"

namespace ramba::random {

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

} // namespace ramba::random
