// Python's `math` module: one BuiltinSpec row per function, with CPython's error rules ("math domain
// error" ValueError for results outside the domain, "math range error" OverflowError for overflow).
#include "stdlib/python/math_module.hpp"

#include "interpreter/values/bigint.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace ramba::stdlib {

using namespace interp;

namespace {

[[noreturn]] void domain_error() { throw RambaError(ErrorKind::ValueError, "math domain error"); }
[[noreturn]] void range_error() { throw RambaError(ErrorKind::OverflowError, "math range error"); }

// CPython math_1: NaN out of a non-NaN is a domain error; inf out of a finite input is a range error
// for functions that can overflow and a domain error (a pole) otherwise.
Value math_1(CallContext& ctx, const Value& arg, double (*f)(double), bool can_overflow)
{
    double x = to_double(ctx, arg);
    double r = f(x);
    if (std::isnan(r) && !std::isnan(x))
        domain_error();
    if (std::isinf(r) && std::isfinite(x)) {
        if (can_overflow)
            range_error();
        domain_error();
    }
    return Value::floating(r);
}

#define RAMBA_MATH_1(name, function, can_overflow)                                    \
    Value math_##name(CallContext& ctx, std::span<Value> a)                          \
    {                                                                                \
        return math_1(ctx, a[0], [](double x) { return function(x); }, can_overflow); \
    }

RAMBA_MATH_1(sqrt, std::sqrt, false)
RAMBA_MATH_1(exp, std::exp, true)
RAMBA_MATH_1(exp2, std::exp2, true)
RAMBA_MATH_1(expm1, std::expm1, true)
RAMBA_MATH_1(sin, std::sin, false)
RAMBA_MATH_1(cos, std::cos, false)
RAMBA_MATH_1(tan, std::tan, false)
RAMBA_MATH_1(asin, std::asin, false)
RAMBA_MATH_1(acos, std::acos, false)
RAMBA_MATH_1(atan, std::atan, false)
RAMBA_MATH_1(sinh, std::sinh, true)
RAMBA_MATH_1(cosh, std::cosh, true)
RAMBA_MATH_1(tanh, std::tanh, false)
RAMBA_MATH_1(asinh, std::asinh, false)
RAMBA_MATH_1(acosh, std::acosh, false)
RAMBA_MATH_1(atanh, std::atanh, false)
RAMBA_MATH_1(fabs, std::fabs, false)
RAMBA_MATH_1(erf, std::erf, false)
RAMBA_MATH_1(erfc, std::erfc, false)
RAMBA_MATH_1(cbrt, std::cbrt, false)
RAMBA_MATH_1(log1p, std::log1p, false)

#undef RAMBA_MATH_1

double log_argument(CallContext& ctx, const Value& v)
{
    double x = to_double(ctx, v);
    if (std::isnan(x))
        return x;
    if (x <= 0)
        domain_error();
    return x;
}

// CPython loghelper: an int too large for a double is log(m) + e * log(2) for m * 2**e.
double logarithm(CallContext& ctx, const Value& v, double (*log)(double))
{
    if (is_bigint(v) && int_sign(v) > 0) {
        Mpz z(v);
        long exponent;
        double mantissa = mpz_get_d_2exp(&exponent, z.get());
        return log(mantissa) + static_cast<double>(exponent) * log(2.0);
    }
    return log(log_argument(ctx, v));
}

Value math_log(CallContext& ctx, std::span<Value> a)
{
    auto ln = [](double x) { return std::log(x); };
    double num = logarithm(ctx, a[0], ln);
    if (is_missing_argument(a[1]))
        return Value::floating(num);
    double den = logarithm(ctx, a[1], ln);
    if (den == 0)
        throw RambaError(ErrorKind::ZeroDivisionError, "float division by zero");
    return Value::floating(num / den);
}

Value math_log2(CallContext& ctx, std::span<Value> a) { return Value::floating(logarithm(ctx, a[0], [](double x) { return std::log2(x); })); }
Value math_log10(CallContext& ctx, std::span<Value> a) { return Value::floating(logarithm(ctx, a[0], [](double x) { return std::log10(x); })); }

// CPython math_pow: special cases by hand, then errno-like classification of pow()'s result.
Value math_pow(CallContext& ctx, std::span<Value> a)
{
    double x = to_double(ctx, a[0]), y = to_double(ctx, a[1]);
    double r;
    if (!std::isfinite(x) || !std::isfinite(y)) {
        if (std::isnan(x))
            r = y == 0.0 ? 1.0 : x;
        else if (std::isnan(y))
            r = x == 1.0 ? 1.0 : y;
        else if (std::isinf(x)) {
            bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : std::fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? std::copysign(0., x) : 0.;
        } else {
            if (std::fabs(x) == 1.0)
                r = 1.;
            else if ((y > 0.) == (std::fabs(x) > 1.0))
                r = std::fabs(y);
            else
                r = 0.;
        }
        return Value::floating(r);
    }
    r = std::pow(x, y);
    if (std::isnan(r))
        domain_error();
    if (std::isinf(r)) {
        if (x == 0.)
            domain_error();
        range_error();
    }
    return Value::floating(r);
}

Value math_atan2(CallContext& ctx, std::span<Value> a) { return Value::floating(std::atan2(to_double(ctx, a[0]), to_double(ctx, a[1]))); }
Value math_copysign(CallContext& ctx, std::span<Value> a) { return Value::floating(std::copysign(to_double(ctx, a[0]), to_double(ctx, a[1]))); }

Value math_fmod(CallContext& ctx, std::span<Value> a)
{
    double x = to_double(ctx, a[0]), y = to_double(ctx, a[1]);
    if (std::isinf(y) && std::isfinite(x))
        return Value::floating(x);
    double r = std::fmod(x, y);
    if (std::isnan(r) && !std::isnan(x) && !std::isnan(y))
        domain_error();
    return Value::floating(r);
}

Value math_hypot(CallContext& ctx, std::span<Value> a)
{
    double total = 0;
    bool any_inf = false, any_nan = false;
    std::vector<double> values;
    for (auto& v : a[0].as<TupleObject>().items) {
        double x = std::fabs(to_double(ctx, v));
        any_inf = any_inf || std::isinf(x);
        any_nan = any_nan || std::isnan(x);
        values.push_back(x);
    }
    if (any_inf)
        return Value::floating(INFINITY);
    if (any_nan)
        return Value::floating(NAN);
    if (values.size() == 2)
        return Value::floating(std::hypot(values[0], values[1]));
    double scale = 0;
    for (double x : values)
        scale = std::max(scale, x);
    if (scale == 0)
        return Value::floating(0.0);
    for (double x : values)
        total += (x / scale) * (x / scale);
    return Value::floating(scale * std::sqrt(total));
}

Value math_dist(CallContext& ctx, std::span<Value> a)
{
    Values p = to_vector(ctx, a[0]), q = to_vector(ctx, a[1]);
    if (p.size() != q.size())
        throw RambaError(ErrorKind::ValueError, "both points must have the same number of dimensions");
    Values differences;
    for (size_t i = 0; i < p.size(); ++i)
        differences.push_back(Value::floating(to_double(ctx, p[i]) - to_double(ctx, q[i])));
    Value tuple = make_tuple(std::move(differences));
    return math_hypot(ctx, std::span<Value>(&tuple, 1));
}

Value math_degrees(CallContext& ctx, std::span<Value> a) { return Value::floating(to_double(ctx, a[0]) * (180.0 / M_PI)); }
Value math_radians(CallContext& ctx, std::span<Value> a) { return Value::floating(to_double(ctx, a[0]) * (M_PI / 180.0)); }

Value rounding(CallContext& ctx, const Value& v, double (*f)(double))
{
    if (is_python_int(v))
        return v.is(Type::Bool) ? Value::integer(v.as_int()) : v;
    int64_t i;
    if (as_index(ctx, v, i))
        return Value::integer(i);
    return int_from_double(f(to_double(ctx, v)));
}

Value math_floor(CallContext& ctx, std::span<Value> a) { return rounding(ctx, a[0], [](double x) { return std::floor(x); }); }
Value math_ceil(CallContext& ctx, std::span<Value> a) { return rounding(ctx, a[0], [](double x) { return std::ceil(x); }); }
Value math_trunc(CallContext& ctx, std::span<Value> a) { return rounding(ctx, a[0], [](double x) { return std::trunc(x); }); }

// An int argument of any size (int, bool, big int, numpy int) into a GMP integer.
void integer_argument(CallContext& ctx, const Value& v, Mpz& out)
{
    if (is_bigint(v)) {
        mpz_set(out.get(), Mpz(v).get());
        return;
    }
    mpz_set_si(out.get(), to_index(ctx, v));
}

// A count argument (factorial's n, comb's k): what fits an unsigned long, or Python's OverflowError.
unsigned long count_argument(const Mpz& z, const char* message)
{
    if (!mpz_fits_ulong_p(z.get()))
        throw RambaError(ErrorKind::OverflowError, message);
    return mpz_get_ui(z.get());
}

Value math_factorial(CallContext& ctx, std::span<Value> a)
{
    Mpz n;
    integer_argument(ctx, a[0], n);
    if (mpz_sgn(n.get()) < 0)
        throw RambaError(ErrorKind::ValueError, "factorial() not defined for negative values");
    unsigned long count = count_argument(n, "factorial() argument should not exceed 9223372036854775807");
    Mpz out;
    mpz_fac_ui(out.get(), count);
    return int_from_mpz(out.get());
}

Value math_gcd(CallContext& ctx, std::span<Value> a)
{
    Mpz g, x;
    for (auto& v : a[0].as<TupleObject>().items) {
        integer_argument(ctx, v, x);
        mpz_gcd(g.get(), g.get(), x.get());
    }
    return int_from_mpz(g.get());
}

Value math_lcm(CallContext& ctx, std::span<Value> a)
{
    Mpz l(int64_t(1)), x;
    for (auto& v : a[0].as<TupleObject>().items) {
        integer_argument(ctx, v, x);
        mpz_lcm(l.get(), l.get(), x.get()); // non-negative; 0 when either is 0
    }
    return int_from_mpz(l.get());
}

Value math_isqrt(CallContext& ctx, std::span<Value> a)
{
    Mpz n;
    integer_argument(ctx, a[0], n);
    if (mpz_sgn(n.get()) < 0)
        throw RambaError(ErrorKind::ValueError, "isqrt() argument must be nonnegative");
    mpz_sqrt(n.get(), n.get());
    return int_from_mpz(n.get());
}

void check_comb_arguments(const Mpz& n, const Mpz& k)
{
    if (mpz_sgn(n.get()) < 0)
        throw RambaError(ErrorKind::ValueError, "n must be a non-negative integer");
    if (mpz_sgn(k.get()) < 0)
        throw RambaError(ErrorKind::ValueError, "k must be a non-negative integer");
}

Value math_comb(CallContext& ctx, std::span<Value> a)
{
    Mpz n, k, out;
    integer_argument(ctx, a[0], n);
    integer_argument(ctx, a[1], k);
    check_comb_arguments(n, k);
    if (mpz_cmp(k.get(), n.get()) > 0)
        return Value::integer(0);
    Mpz rest;
    mpz_sub(rest.get(), n.get(), k.get());
    if (mpz_cmp(rest.get(), k.get()) < 0)
        mpz_swap(rest.get(), k.get());
    mpz_bin_ui(out.get(), n.get(), count_argument(k, "min(n - k, k) must not exceed 9223372036854775807"));
    return int_from_mpz(out.get());
}

Value math_perm(CallContext& ctx, std::span<Value> a)
{
    Mpz n, k;
    integer_argument(ctx, a[0], n);
    if (a[1].is_none())
        mpz_set(k.get(), n.get());
    else
        integer_argument(ctx, a[1], k);
    check_comb_arguments(n, k);
    if (mpz_cmp(k.get(), n.get()) > 0)
        return Value::integer(0);
    unsigned long count = count_argument(k, "k must not exceed 9223372036854775807");
    Mpz out(int64_t(1)), factor;
    // n * (n - 1) * ... * (n - k + 1): a rising factorial from n - k + 1.
    mpz_sub_ui(factor.get(), n.get(), count);
    mpz_add_ui(factor.get(), factor.get(), 1);
    if (mpz_fits_ulong_p(factor.get()) && mpz_fits_ulong_p(n.get())) {
        Mpz lower;
        mpz_fac_ui(out.get(), mpz_get_ui(n.get()));
        mpz_fac_ui(lower.get(), mpz_get_ui(n.get()) - count);
        mpz_divexact(out.get(), out.get(), lower.get());
        return int_from_mpz(out.get());
    }
    for (unsigned long i = 0; i < count; ++i) {
        mpz_mul(out.get(), out.get(), factor.get());
        mpz_add_ui(factor.get(), factor.get(), 1);
    }
    return int_from_mpz(out.get());
}

Value math_prod(CallContext& ctx, std::span<Value> a)
{
    Value total = a[1];
    for (auto& v : to_vector(ctx, a[0]))
        total = binary_op(ctx, BinaryOp::Mul, total, v);
    return total;
}

// CPython math_fsum: Shewchuk's exact partial sums, then a correctly rounded total.
Value math_fsum(CallContext& ctx, std::span<Value> a)
{
    std::vector<double> partials;
    double special_sum = 0.0, inf_sum = 0.0;
    for (auto& v : to_vector(ctx, a[0])) {
        double x = to_double(ctx, v);
        double xsave = x;
        size_t i = 0;
        for (double y : partials) {
            if (std::fabs(x) < std::fabs(y))
                std::swap(x, y);
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                partials[i++] = lo;
            x = hi;
        }
        partials.resize(i);
        if (x != 0.0) {
            if (!std::isfinite(x)) {
                if (std::isfinite(xsave))
                    throw RambaError(ErrorKind::OverflowError, "intermediate overflow in fsum");
                if (std::isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                partials.clear();
            } else {
                partials.push_back(x);
            }
        }
    }
    if (special_sum != 0.0) {
        if (std::isnan(inf_sum))
            throw RambaError(ErrorKind::ValueError, "-inf + inf in fsum");
        return Value::floating(special_sum);
    }
    double hi = 0.0;
    size_t n = partials.size();
    if (n > 0) {
        hi = partials[--n];
        double lo = 0;
        while (n > 0) {
            double x = hi;
            double y = partials[--n];
            hi = x + y;
            double yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            double yr = x - hi;
            if (y == yr)
                hi = x;
        }
    }
    return Value::floating(hi);
}

Value math_isnan(CallContext& ctx, std::span<Value> a) { return Value::boolean(std::isnan(to_double(ctx, a[0]))); }
Value math_isinf(CallContext& ctx, std::span<Value> a) { return Value::boolean(std::isinf(to_double(ctx, a[0]))); }
Value math_isfinite(CallContext& ctx, std::span<Value> a) { return Value::boolean(std::isfinite(to_double(ctx, a[0]))); }

Value math_isclose(CallContext& ctx, std::span<Value> a)
{
    double x = to_double(ctx, a[0]), y = to_double(ctx, a[1]);
    double rel_tol = to_double(ctx, a[2]), abs_tol = to_double(ctx, a[3]);
    if (rel_tol < 0.0 || abs_tol < 0.0)
        throw RambaError(ErrorKind::ValueError, "tolerances must be non-negative");
    if (x == y)
        return Value::boolean(true);
    if (std::isinf(x) || std::isinf(y))
        return Value::boolean(false);
    double diff = std::fabs(y - x);
    return Value::boolean((diff <= std::fabs(rel_tol * y)) || (diff <= std::fabs(rel_tol * x)) || (diff <= abs_tol));
}

Value math_modf(CallContext& ctx, std::span<Value> a)
{
    double x = to_double(ctx, a[0]);
    if (std::isinf(x))
        return make_tuple({ Value::floating(std::copysign(0.0, x)), Value::floating(x) });
    double integer;
    double fraction = std::modf(x, &integer);
    return make_tuple({ Value::floating(fraction), Value::floating(integer) });
}

Value math_frexp(CallContext& ctx, std::span<Value> a)
{
    double x = to_double(ctx, a[0]);
    int e = 0;
    double m = (std::isnan(x) || std::isinf(x) || x == 0) ? x : std::frexp(x, &e);
    return make_tuple({ Value::floating(m), Value::integer(e) });
}

Value math_ldexp(CallContext& ctx, std::span<Value> a)
{
    double x = to_double(ctx, a[0]);
    int64_t e = to_index(ctx, a[1]);
    if (x == 0.0 || !std::isfinite(x))
        return Value::floating(x);
    e = std::clamp<int64_t>(e, -100000, 100000);
    double r = std::ldexp(x, static_cast<int>(e));
    if (std::isinf(r))
        range_error();
    return Value::floating(r);
}

// CPython's own Lanczos gamma and lgamma (Modules/mathmodule.c), not libm's, so results match to the ulp.
constexpr int lanczos_n = 13;
constexpr double lanczos_g = 6.024680040776729583740234375;
constexpr double lanczos_g_minus_half = 5.524680040776729583740234375;
constexpr double lanczos_num_coeffs[lanczos_n] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408
};
constexpr double lanczos_den_coeffs[lanczos_n] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0, 13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0
};
constexpr double gamma_integral[] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0, 3628800.0, 39916800.0, 479001600.0, 6227020800.0,
    87178291200.0, 1307674368000.0, 20922789888000.0, 355687428096000.0, 6402373705728000.0, 121645100408832000.0,
    2432902008176640000.0, 51090942171709440000.0, 1124000727777607680000.0,
};
constexpr double logpi = 1.144729885849400174143427351353058711647;

double lanczos_sum(double x)
{
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = lanczos_n; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < lanczos_n; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

double sin_pi(double x)
{
    double y = std::fmod(std::fabs(x), 2.0);
    int n = static_cast<int>(std::round(2.0 * y));
    double r = 0;
    switch (n) {
    case 0: r = std::sin(M_PI * y); break;
    case 1: r = std::cos(M_PI * (y - 0.5)); break;
    case 2: r = std::sin(M_PI * (1.0 - y)); break;
    case 3: r = -std::cos(M_PI * (y - 1.5)); break;
    case 4: r = std::sin(M_PI * (y - 2.0)); break;
    }
    return std::copysign(1.0, x) * r;
}

Value math_gamma(CallContext& ctx, std::span<Value> a)
{
    double x = to_double(ctx, a[0]);
    if (!std::isfinite(x)) {
        if (std::isnan(x) || x > 0.0)
            return Value::floating(x);
        domain_error();
    }
    if (x == 0.0)
        domain_error();
    if (x == std::floor(x)) {
        if (x < 0.0)
            domain_error();
        if (x <= static_cast<double>(std::size(gamma_integral)))
            return Value::floating(gamma_integral[static_cast<int>(x) - 1]);
    }
    double absx = std::fabs(x);
    if (absx < 1e-20) {
        double r = 1.0 / x;
        if (std::isinf(r))
            range_error();
        return Value::floating(r);
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return Value::floating(0.0 / sin_pi(x));
        range_error();
    }
    double y = absx + lanczos_g_minus_half;
    double z;
    if (absx > lanczos_g_minus_half) {
        double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    double r;
    if (x < 0.0) {
        r = -M_PI / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= std::pow(y, absx - 0.5);
        } else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / std::exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= std::pow(y, absx - 0.5);
        } else {
            double sqrtpow = std::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (std::isinf(r))
        range_error();
    return Value::floating(r);
}

Value math_lgamma(CallContext& ctx, std::span<Value> a)
{
    double x = to_double(ctx, a[0]);
    if (!std::isfinite(x))
        return Value::floating(std::isnan(x) ? x : INFINITY);
    if (x == std::floor(x) && x <= 2.0) {
        if (x <= 0.0)
            domain_error();
        return Value::floating(0.0);
    }
    double absx = std::fabs(x);
    if (absx < 1e-20)
        return Value::floating(-std::log(absx));
    double r = std::log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (std::log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = logpi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
    if (std::isinf(r))
        range_error();
    return Value::floating(r);
}

Value math_nextafter(CallContext& ctx, std::span<Value> a) { return Value::floating(std::nextafter(to_double(ctx, a[0]), to_double(ctx, a[1]))); }

Value math_ulp(CallContext& ctx, std::span<Value> a)
{
    double x = std::fabs(to_double(ctx, a[0]));
    if (std::isnan(x) || std::isinf(x))
        return Value::floating(x);
    double next = std::nextafter(x, INFINITY);
    if (std::isinf(next))
        return Value::floating(x - std::nextafter(x, -INFINITY));
    return Value::floating(next - x);
}

constexpr BuiltinSpec rows[] = {
    { "sqrt", "(x, /)", math_sqrt, "Return the square root of x." },
    { "exp", "(x, /)", math_exp, "Return e raised to the power of x." },
    { "exp2", "(x, /)", math_exp2, "Return 2 raised to the power of x." },
    { "expm1", "(x, /)", math_expm1, "Return exp(x)-1, accurate for small x." },
    { "log", "(x, base=<missing>, /)", math_log, "log(x, [base=math.e])\nReturn the logarithm of x to the given base." },
    { "log2", "(x, /)", math_log2, "Return the base 2 logarithm of x." },
    { "log10", "(x, /)", math_log10, "Return the base 10 logarithm of x." },
    { "log1p", "(x, /)", math_log1p, "Return the natural logarithm of 1+x (base e), accurate for x near zero." },
    { "pow", "(x, y, /)", math_pow, "Return x**y (x to the power of y)." },
    { "sin", "(x, /)", math_sin, "Return the sine of x (measured in radians)." },
    { "cos", "(x, /)", math_cos, "Return the cosine of x (measured in radians)." },
    { "tan", "(x, /)", math_tan, "Return the tangent of x (measured in radians)." },
    { "asin", "(x, /)", math_asin, "Return the arc sine (measured in radians) of x." },
    { "acos", "(x, /)", math_acos, "Return the arc cosine (measured in radians) of x." },
    { "atan", "(x, /)", math_atan, "Return the arc tangent (measured in radians) of x." },
    { "atan2", "(y, x, /)", math_atan2, "Return the arc tangent (measured in radians) of y/x." },
    { "sinh", "(x, /)", math_sinh, "Return the hyperbolic sine of x." },
    { "cosh", "(x, /)", math_cosh, "Return the hyperbolic cosine of x." },
    { "tanh", "(x, /)", math_tanh, "Return the hyperbolic tangent of x." },
    { "asinh", "(x, /)", math_asinh, "Return the inverse hyperbolic sine of x." },
    { "acosh", "(x, /)", math_acosh, "Return the inverse hyperbolic cosine of x." },
    { "atanh", "(x, /)", math_atanh, "Return the inverse hyperbolic tangent of x." },
    { "degrees", "(x, /)", math_degrees, "Convert angle x from radians to degrees." },
    { "radians", "(x, /)", math_radians, "Convert angle x from degrees to radians." },
    { "hypot", "(*coordinates)", math_hypot, "Multidimensional Euclidean distance from the origin to a point." },
    { "dist", "(p, q, /)", math_dist, "Return the Euclidean distance between two points p and q." },
    { "fabs", "(x, /)", math_fabs, "Return the absolute value of the float x." },
    { "floor", "(x, /)", math_floor, "Return the floor of x as an Integral." },
    { "ceil", "(x, /)", math_ceil, "Return the ceiling of x as an Integral." },
    { "trunc", "(x, /)", math_trunc, "Truncates the Real x to the nearest Integral toward 0." },
    { "factorial", "(n, /)", math_factorial, "Find n!." },
    { "gcd", "(*integers)", math_gcd, "Greatest Common Divisor." },
    { "lcm", "(*integers)", math_lcm, "Least Common Multiple." },
    { "isqrt", "(n, /)", math_isqrt, "Return the integer part of the square root of the input." },
    { "comb", "(n, k, /)", math_comb, "Number of ways to choose k items from n items without repetition and without order." },
    { "perm", "(n, k=None, /)", math_perm, "Number of ways to choose k items from n items without repetition and with order." },
    { "prod", "(iterable, /, *, start=1)", math_prod, "Calculate the product of all the elements in the input iterable." },
    { "fsum", "(seq, /)", math_fsum, "Return an accurate floating point sum of values in the iterable seq." },
    { "isnan", "(x, /)", math_isnan, "Return True if x is a NaN (not a number), and False otherwise." },
    { "isinf", "(x, /)", math_isinf, "Return True if x is a positive or negative infinity, and False otherwise." },
    { "isfinite", "(x, /)", math_isfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise." },
    { "isclose", "(a, b, *, rel_tol=1e-09, abs_tol=0.0)", math_isclose, "Determine whether two floating point numbers are close in value." },
    { "copysign", "(x, y, /)", math_copysign, "Return a float with the magnitude (absolute value) of x but the sign of y." },
    { "fmod", "(x, y, /)", math_fmod, "Return fmod(x, y), according to platform C." },
    { "modf", "(x, /)", math_modf, "Return the fractional and integer parts of x." },
    { "frexp", "(x, /)", math_frexp, "Return the mantissa and exponent of x, as pair (m, e)." },
    { "ldexp", "(x, i, /)", math_ldexp, "Return x * (2**i)." },
    { "erf", "(x, /)", math_erf, "Error function at x." },
    { "erfc", "(x, /)", math_erfc, "Complementary error function at x." },
    { "gamma", "(x, /)", math_gamma, "Gamma function at x." },
    { "lgamma", "(x, /)", math_lgamma, "Natural logarithm of absolute value of Gamma function at x." },
    { "cbrt", "(x, /)", math_cbrt, "Return the cube root of x." },
    { "nextafter", "(x, y, /)", math_nextafter, "Return the next floating-point value after x towards y." },
    { "ulp", "(x, /)", math_ulp, "Return the value of the least significant bit of the float x." },
};

} // namespace

interp::Ref<ModuleObject> make_math_module()
{
    auto module = interp::make_object<ModuleObject>("math");
    for (auto& spec : rows)
        module->set(spec.name, make_builtin(&spec));
    module->set("pi", Value::floating(M_PI));
    module->set("e", Value::floating(M_E));
    module->set("tau", Value::floating(2 * M_PI));
    module->set("inf", Value::floating(INFINITY));
    module->set("nan", Value::floating(NAN));
    return module;
}

} // namespace ramba::stdlib
