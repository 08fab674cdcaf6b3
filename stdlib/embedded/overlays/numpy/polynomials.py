# numpy: the old np.poly* API.


def polyval(p, x):
    p = np.asarray(p)
    if isinstance(x, poly1d):
        y = 0
    else:
        x = np.asarray(x)
        y = np.zeros_like(x)
    for pv in p:
        y = y * x + pv
    return _unwrap(y) if isinstance(y, np.ndarray) else y


class RankWarning(UserWarning):
    pass


def polyfit(x, y, deg, rcond=None, full=False, w=None, cov=False):
    order = int(deg) + 1
    x = np.asarray(x) + 0.0
    y = np.asarray(y) + 0.0
    if deg < 0:
        raise ValueError("expected deg >= 0")
    if x.ndim != 1:
        raise TypeError("expected 1D vector for x")
    if x.size == 0:
        raise TypeError("expected non-empty vector for x")
    if y.ndim < 1 or y.ndim > 2:
        raise TypeError("expected 1D or 2D array for y")
    if x.shape[0] != y.shape[0]:
        raise TypeError("expected x and y to have same length")
    if rcond is None:
        rcond = len(x) * np.finfo(x.dtype).eps
    lhs = np.vander(x, order)
    rhs = y
    if w is not None:
        w = np.asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs = lhs * w[:, np.newaxis]
        rhs = rhs * w[:, np.newaxis] if rhs.ndim == 2 else rhs * w
    # Least squares on the Vandermonde matrix with unit columns (a better condition number), as numpy.
    scale = np.sqrt((lhs * lhs).sum(axis=0))
    lhs = lhs / scale
    c, resids, rank, s = np.linalg.lstsq(lhs, rhs, rcond)
    c = (c.T / scale).T
    if rank != order and not full:
        _warnings.warn("Polyfit may be poorly conditioned", RankWarning)
    if full:
        return c, resids, rank, s, rcond
    if cov:
        Vbase = np.linalg.inv(np.dot(lhs.T, lhs))
        Vbase = Vbase / np.outer(scale, scale)
        if cov == "unscaled":
            fac = 1
        else:
            if len(x) <= order:
                raise ValueError("the number of data points must exceed order to scale the covariance matrix")
            fac = resids / (len(x) - order)
        if y.ndim == 1:
            return c, Vbase * fac
        return c, Vbase[:, :, np.newaxis] * fac
    return c


def roots(p):
    p = np.atleast_1d(p)
    if p.ndim != 1:
        raise ValueError("Input must be a rank-1 array.")
    non_zero = np.nonzero(np.ravel(p))[0]
    if len(non_zero) == 0:
        return np.array([])
    trailing_zeros = len(p) - int(non_zero[-1]) - 1
    p = p[int(non_zero[0]):int(non_zero[-1]) + 1]
    if not (np.issubdtype(p.dtype, np.floating) or np.issubdtype(p.dtype, np.complexfloating)):
        p = p.astype(float)
    N = len(p)
    if N > 1:
        A = np.diag(np.ones((N - 2,), p.dtype), -1)
        A[0, :] = -p[1:] / p[0]
        result = np.linalg.eigvals(A)
    else:
        result = np.array([])
    return np.concatenate((result, np.zeros(trailing_zeros, result.dtype)))


def poly(seq_of_zeros):
    seq_of_zeros = np.atleast_1d(seq_of_zeros)
    sh = seq_of_zeros.shape
    if len(sh) == 2 and sh[0] == sh[1] and sh[0] != 0:
        seq_of_zeros = np.linalg.eigvals(seq_of_zeros)
    elif len(sh) == 1:
        dt = seq_of_zeros.dtype
        if not np.issubdtype(dt, np.complexfloating):
            seq_of_zeros = seq_of_zeros.astype(_as_float_dtype(dt))
    else:
        raise ValueError("input must be 1d or non-empty square 2d array.")
    if len(seq_of_zeros) == 0:
        return 1.0
    dt = seq_of_zeros.dtype
    a = np.ones((1,), dtype=dt)
    for zero in seq_of_zeros:
        a = np.convolve(a, np.array([1, -zero], dtype=dt), mode="full")
    if np.issubdtype(a.dtype, np.complexfloating):
        positive = seq_of_zeros[np.imag(seq_of_zeros) > 0]
        negative = np.conjugate(seq_of_zeros[np.imag(seq_of_zeros) < 0])
        if np.all(np.sort(positive) == np.sort(negative)) and len(positive) == len(negative):
            a = a.real.copy()
    return a


def _poly_coeffs(value):
    if isinstance(value, poly1d):
        return value.coeffs
    return np.atleast_1d(value)


def _poly_result(value, *inputs):
    for given in inputs:
        if isinstance(given, poly1d):
            return poly1d(value)
    return value


def polyadd(a1, a2):
    c1 = _poly_coeffs(a1)
    c2 = _poly_coeffs(a2)
    diff_len = len(c2) - len(c1)
    if diff_len == 0:
        val = c1 + c2
    elif diff_len > 0:
        val = np.concatenate((np.zeros(diff_len, c1.dtype), c1)) + c2
    else:
        val = c1 + np.concatenate((np.zeros(-diff_len, c2.dtype), c2))
    return _poly_result(val, a1, a2)


def polysub(a1, a2):
    c1 = _poly_coeffs(a1)
    c2 = _poly_coeffs(a2)
    diff_len = len(c2) - len(c1)
    if diff_len == 0:
        val = c1 - c2
    elif diff_len > 0:
        val = np.concatenate((np.zeros(diff_len, c1.dtype), c1)) - c2
    else:
        val = c1 - np.concatenate((np.zeros(-diff_len, c2.dtype), c2))
    return _poly_result(val, a1, a2)


def polymul(a1, a2):
    val = np.convolve(_poly_coeffs(a1), _poly_coeffs(a2))
    return _poly_result(val, a1, a2)


def polydiv(u, v):
    truepoly = isinstance(u, poly1d) or isinstance(v, poly1d)
    u = _poly_coeffs(u) + 0.0
    v = _poly_coeffs(v) + 0.0
    w = u[0] + v[0]
    m = len(u) - 1
    n = len(v) - 1
    scale = 1.0 / v[0]
    q = np.zeros((max(m - n + 1, 1),), w.dtype)
    r = u.astype(w.dtype)
    for k in range(0, m - n + 1):
        d = scale * r[k]
        q[k] = d
        r[k:k + n + 1] -= d * v
    while np.allclose(r[0], 0, rtol=1e-14) and (r.shape[-1] > 1):
        r = r[1:]
    if truepoly:
        return poly1d(q), poly1d(r)
    return q, r


def polyder(p, m=1):
    m = int(m)
    if m < 0:
        raise ValueError("Order of derivative must be positive (see polyint)")
    truepoly = isinstance(p, poly1d)
    p = _poly_coeffs(p)
    n = len(p) - 1
    y = p[:-1] * np.arange(n, 0, -1)
    if m == 0:
        val = p
    else:
        val = polyder(y, m - 1)
    if truepoly:
        val = poly1d(val)
    return val


def polyint(p, m=1, k=None):
    m = int(m)
    if m < 0:
        raise ValueError("Order of integral must be positive (see polyder)")
    if k is None:
        k = np.zeros(m, float)
    k = np.atleast_1d(k)
    if len(k) == 1 and m > 1:
        k = k[0] * np.ones(m, float)
    if len(k) < m:
        raise ValueError("k must be a scalar or a rank-1 array of length 1 or >m.")
    truepoly = isinstance(p, poly1d)
    p = _poly_coeffs(p)
    if m == 0:
        if truepoly:
            return poly1d(p)
        return p
    y = np.concatenate((p.astype(float) / np.arange(len(p), 0, -1), [k[0]]))
    val = polyint(y, m - 1, k=k[1:])
    if truepoly:
        return poly1d(val)
    return val


def _format_coefficient(q):
    text = "%.4g" % q
    if text.endswith(".0000"):
        text = text[:-5]
    return text


def _superscript_powers(text, wrap=70):
    # Writes each `**N` of a polynomial's one-line form as N on a line above, wrapping at 70 columns.
    top = ""
    bottom = ""
    output = " "
    position = 0
    while True:
        start = text.find("**", position)
        if start < 0:
            break
        end = start + 2
        while end < len(text) and text[end].isdigit():
            end += 1
        power = text[start + 2:end]
        part = text[position:start]
        position = end
        add_bottom = part + " " * (len(power) - 1)
        add_top = " " * (len(part) - 1) + power
        if len(bottom) + len(add_bottom) > wrap or len(top) + len(add_top) > wrap:
            output += top + "\n" + bottom + "\n "
            top = add_top
            bottom = add_bottom
        else:
            bottom += add_bottom
            top += add_top
    output += top + "\n" + bottom
    return output + text[position:]


class poly1d:
    __hash__ = None

    def __init__(self, c_or_r, r=False, variable=None):
        if isinstance(c_or_r, poly1d):
            self._variable = c_or_r._variable
            self._coeffs = c_or_r._coeffs
            if variable is not None:
                self._variable = variable
            return
        if r:
            c_or_r = poly(c_or_r)
        c_or_r = np.atleast_1d(c_or_r)
        if c_or_r.ndim > 1:
            raise ValueError("Polynomial must be 1d only.")
        nonzero = np.nonzero(c_or_r)[0]
        if len(nonzero) == 0:
            c_or_r = np.array([0], dtype=c_or_r.dtype)
        else:
            c_or_r = c_or_r[int(nonzero[0]):]
        self._coeffs = c_or_r
        self._variable = "x" if variable is None else variable

    @property
    def coeffs(self):
        return self._coeffs

    @property
    def c(self):
        return self._coeffs

    @property
    def coef(self):
        return self._coeffs

    @property
    def coefficients(self):
        return self._coeffs

    @property
    def variable(self):
        return self._variable

    @property
    def order(self):
        return len(self._coeffs) - 1

    @property
    def o(self):
        return len(self._coeffs) - 1

    @property
    def roots(self):
        return roots(self._coeffs)

    @property
    def r(self):
        return roots(self._coeffs)

    def __array__(self, t=None):
        if t is not None:
            return self.coeffs.astype(t)
        return self.coeffs

    def __repr__(self):
        vals = repr(self.coeffs)
        vals = vals[6:-1]
        return "poly1d(" + vals + ")"

    def __len__(self):
        return self.order

    def __str__(self):
        var = self.variable
        coeffs = self.coeffs
        nonzero = np.nonzero(coeffs != 0)[0]
        coeffs = coeffs[int(nonzero[0]):] if len(nonzero) else coeffs[len(coeffs):]
        N = len(coeffs) - 1
        text = "0"
        for k in range(len(coeffs)):
            coeff = coeffs[k]
            if not np.iscomplex(coeff):
                coefstr = _format_coefficient(np.real(coeff))
            elif np.real(coeff) == 0:
                coefstr = _format_coefficient(np.imag(coeff)) + "j"
            else:
                coefstr = "(" + _format_coefficient(np.real(coeff)) + " + " + _format_coefficient(np.imag(coeff)) + "j)"
            power = N - k
            if power == 0:
                term = coefstr if coefstr != "0" else ("0" if k == 0 else "")
            elif coefstr == "0":
                term = ""
            elif power == 1:
                term = coefstr + " " + var
            else:
                term = coefstr + " " + var + "**" + str(power)
            if k == 0:
                text = term
            elif term != "":
                text = text + (" - " + term[1:] if term.startswith("-") else " + " + term)
        return _superscript_powers(text)

    def __call__(self, val):
        return polyval(self.coeffs, val)

    def __neg__(self):
        return poly1d(-self.coeffs)

    def __pos__(self):
        return self

    def __mul__(self, other):
        if np.isscalar(other):
            return poly1d(self.coeffs * other)
        return poly1d(polymul(self.coeffs, _poly_coeffs(poly1d(other))))

    def __rmul__(self, other):
        if np.isscalar(other):
            return poly1d(other * self.coeffs)
        return poly1d(polymul(_poly_coeffs(poly1d(other)), self.coeffs))

    def __add__(self, other):
        return poly1d(polyadd(self.coeffs, _poly_coeffs(poly1d(other))))

    def __radd__(self, other):
        return poly1d(polyadd(_poly_coeffs(poly1d(other)), self.coeffs))

    def __sub__(self, other):
        return poly1d(polysub(self.coeffs, _poly_coeffs(poly1d(other))))

    def __rsub__(self, other):
        return poly1d(polysub(_poly_coeffs(poly1d(other)), self.coeffs))

    def __pow__(self, val):
        if not np.isscalar(val) or int(val) != val or val < 0:
            raise ValueError("Power to non-negative integers only.")
        res = [1]
        for _ in range(val):
            res = polymul(self.coeffs, res)
        return poly1d(res)

    def __truediv__(self, other):
        if np.isscalar(other):
            return poly1d(self.coeffs / other)
        return polydiv(self, poly1d(other))

    def __eq__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        if self.coeffs.shape != other.coeffs.shape:
            return False
        return bool((self.coeffs == other.coeffs).all())

    def __ne__(self, other):
        if not isinstance(other, poly1d):
            return NotImplemented
        return not self.__eq__(other)

    def __getitem__(self, val):
        ind = self.order - val
        if val > self.order:
            return self.coeffs.dtype.type(0)
        if val < 0:
            return self.coeffs.dtype.type(0)
        return self.coeffs[ind]

    def __iter__(self):
        return iter(self.coeffs)

    def integ(self, m=1, k=0):
        return poly1d(polyint(self.coeffs, m=m, k=k))

    def deriv(self, m=1):
        return poly1d(polyder(self.coeffs, m=m))
