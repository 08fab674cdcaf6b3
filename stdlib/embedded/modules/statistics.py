# statistics, written in ramba's own language. Integer data is summed exactly (Python's results for
# ints: mean([1, 2, 3]) is the int 2, variance of ints an exact ratio rounded once); float data uses
# math.fsum, which matches Python's exact-fraction sums except, rarely, in the last bit.
import math


class StatisticsError(ValueError):
    pass


def _all_ints(data):
    for x in data:
        if not isinstance(x, int) or isinstance(x, bool):
            return False
    return True


def _ratio(num, den):
    # num/den as Python's statistics converts an exact fraction of int data: an int when exact.
    if num % den == 0:
        return num // den
    return num / den


def _sum(data):
    if _all_ints(data):
        return sum(data)
    return math.fsum(data)


def _float_mean(data):
    # fsum(data)/n rounds twice; the exact remainder sum(data) - n*q (fsum of exact terms) corrects it
    n = len(data)
    q = math.fsum(data) / n
    return q + math.fsum(data + [-q] * n) / n


def mean(data):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    if _all_ints(data):
        return _ratio(sum(data), n)
    return _float_mean(data)


def fmean(data, weights=None):
    data = list(data)
    if weights is None:
        n = len(data)
        if n == 0:
            raise StatisticsError("fmean requires at least one data point")
        return math.fsum(data) / n
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError("data and weights must be the same length")
    total = math.fsum(weights)
    if not total:
        raise StatisticsError("sum of weights must be non-zero")
    return math.fsum([x * w for x, w in zip(data, weights)]) / total


def geometric_mean(data):
    data = list(data)
    if not data:
        raise StatisticsError("geometric mean requires a non-empty dataset containing positive numbers")
    for x in data:
        if x <= 0:
            raise StatisticsError("geometric mean requires a non-empty dataset containing positive numbers")
    return math.exp(fmean([math.log(x) for x in data]))


def harmonic_mean(data, weights=None):
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if weights is None:
        weights = [1] * n
    else:
        weights = list(weights)
        if len(weights) != n:
            raise StatisticsError("Number of weights does not match data size")
    for x in data:
        if x < 0:
            raise StatisticsError("harmonic mean does not support negative values")
    for x in data:
        if x == 0:
            return 0
    if n == 1 and weights[0] == 1:
        return data[0]
    if _all_ints(data) and _all_ints(weights):
        # sum(w) / sum(w / x) exactly: a common denominator over the product of the data
        den = 1
        for x in data:
            den = den * x // math.gcd(den, x)
        num = 0
        for x, w in zip(data, weights):
            num += w * (den // x)
        total = sum(weights)
        g = math.gcd(total * den, num)
        return float(_ratio(total * den // g, num // g))
    return math.fsum(weights) / math.fsum([w / x for x, w in zip(data, weights)])


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    lower = x - interval / 2
    below = 0
    while below < n and data[below] < x:
        below += 1
    count = 0
    while below + count < n and data[below + count] == x:
        count += 1
    return lower + interval * (n / 2 - below) / count


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = None
    best_count = 0
    for x, c in counts.items():
        if c > best_count:
            best = x
            best_count = c
    return best


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    top = max(counts.values())
    return [x for x, c in counts.items() if c == top]


def _sum_squares(data, c):
    # (sum of squared deviations from c, and n): exact for ints as the ratio num/den.
    n = len(data)
    if _all_ints(data) and (c is None or isinstance(c, int)):
        if c is None:
            s = sum(data)
            sq = sum([x * x for x in data])
            return (n * sq - s * s, n)
        return (sum([(x - c) * (x - c) for x in data]), 1)
    if c is None:
        c = _float_mean(data)
    devs = [x - c for x in data]
    ss = math.fsum([d * d for d in devs])
    correction = math.fsum(devs)
    return (ss - correction * correction / n, 1.0)


def _variance(data, xbar, sample, name):
    data = list(data)
    n = len(data)
    need = 2 if sample else 1
    if n < need:
        if sample:
            raise StatisticsError(name + " requires at least two data points")
        raise StatisticsError(name + " requires at least one data point")
    num, den = _sum_squares(data, xbar)
    den = den * (n - 1 if sample else n)
    if isinstance(num, int) and isinstance(den, int):
        return (num, den)
    return (num / den, 1.0)


def variance(data, xbar=None):
    num, den = _variance(data, xbar, True, "variance")
    if isinstance(den, float):
        return num
    return _ratio(num, den)


def pvariance(data, mu=None):
    num, den = _variance(data, mu, False, "pvariance")
    if isinstance(den, float):
        return num
    return _ratio(num, den)


def stdev(data, xbar=None):
    num, den = _variance(data, xbar, True, "stdev")
    return math.sqrt(num / den)


def pstdev(data, mu=None):
    num, den = _variance(data, mu, False, "pstdev")
    return math.sqrt(num / den)


def quantiles(data, n=4, method="exclusive"):
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    result = []
    if method == "inclusive":
        m = ld - 1
        for i in range(1, n):
            j = i * m // n
            delta = i * m - j * n
            result.append((data[j] * (n - delta) + data[j + 1] * delta) / n)
        return result
    if method == "exclusive":
        m = ld + 1
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else (ld - 1 if j > ld - 1 else j)
            delta = i * m - j * n
            result.append((data[j - 1] * (n - delta) + data[j] * delta) / n)
        return result
    raise ValueError("Unknown method: " + repr(method))


def covariance(x, y):
    x = list(x)
    y = list(y)
    n = len(x)
    if len(y) != n:
        raise StatisticsError("covariance requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError("covariance requires at least two data points")
    xbar = fmean(x)
    ybar = fmean(y)
    return math.fsum([(a - xbar) * (b - ybar) for a, b in zip(x, y)]) / (n - 1)


def correlation(x, y):
    x = list(x)
    y = list(y)
    n = len(x)
    if len(y) != n:
        raise StatisticsError("correlation requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError("correlation requires at least two data points")
    xbar = fmean(x)
    ybar = fmean(y)
    sxy = math.fsum([(a - xbar) * (b - ybar) for a, b in zip(x, y)])
    sxx = math.fsum([(a - xbar) * (a - xbar) for a in x])
    syy = math.fsum([(b - ybar) * (b - ybar) for b in y])
    if not sxx or not syy:
        raise StatisticsError("at least one of the inputs is constant")
    return sxy / math.sqrt(sxx * syy)


def linear_regression(x, y, proportional=False):
    x = list(x)
    y = list(y)
    n = len(x)
    if len(y) != n:
        raise StatisticsError("linear regression requires that both inputs have same number of data points")
    if n < 2:
        raise StatisticsError("linear regression requires at least two data points")
    if proportional:
        sxy = math.fsum([a * b for a, b in zip(x, y)])
        sxx = math.fsum([a * a for a in x])
    else:
        xbar = fmean(x)
        ybar = fmean(y)
        sxy = math.fsum([(a - xbar) * (b - ybar) for a, b in zip(x, y)])
        sxx = math.fsum([(a - xbar) * (a - xbar) for a in x])
    if not sxx:
        raise StatisticsError("x is constant")
    slope = sxy / sxx
    intercept = 0.0 if proportional else ybar - slope * xbar
    return LinearRegression(slope, intercept)


class LinearRegression:
    def __init__(self, slope, intercept):
        self.slope = slope
        self.intercept = intercept

    def __iter__(self):
        return iter((self.slope, self.intercept))

    def __repr__(self):
        return "LinearRegression(slope=" + repr(self.slope) + ", intercept=" + repr(self.intercept) + ")"
