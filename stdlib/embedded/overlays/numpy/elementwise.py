# numpy: functions numpy has as ufuncs.


def reciprocal(x):
    x = np.asarray(x)
    if np.issubdtype(x.dtype, np.integer):
        return _unwrap(np.where(np.abs(x) == 1, x, 0).astype(x.dtype)) if x.ndim == 0 else np.where(np.abs(x) == 1, x, 0).astype(x.dtype)
    return _unwrap(1 / x) if x.ndim == 0 else 1 / x


def logaddexp(x1, x2):
    x1 = np.asarray(x1, dtype=_as_float_dtype(np.asarray(x1).dtype))
    x2 = np.asarray(x2, dtype=_as_float_dtype(np.asarray(x2).dtype))
    with np.errstate(invalid="ignore"):
        tmp = x1 - x2
        result = np.where(x1 == x2, x1 + np.log(2.0),
                          np.where(tmp > 0, x1 + np.log1p(np.exp(-np.abs(tmp))),
                                   np.where(tmp <= 0, x2 + np.log1p(np.exp(-np.abs(tmp))), tmp)))
    return _unwrap(result)


def logaddexp2(x1, x2):
    x1 = np.asarray(x1, dtype=_as_float_dtype(np.asarray(x1).dtype))
    x2 = np.asarray(x2, dtype=_as_float_dtype(np.asarray(x2).dtype))
    with np.errstate(invalid="ignore"):
        tmp = x1 - x2
        log2_1p = np.log1p(np.exp2(-np.abs(tmp))) / np.log(2.0)
        result = np.where(x1 == x2, x1 + 1, np.where(tmp > 0, x1 + log2_1p, np.where(tmp <= 0, x2 + log2_1p, tmp)))
    return _unwrap(result)


def heaviside(x1, x2):
    x1 = np.asarray(x1)
    x2 = np.asarray(x2)
    dtype = _as_float_dtype(x1.dtype, x2.dtype)
    result = np.where(x1 < 0, 0.0, np.where(x1 > 0, 1.0, np.where(x1 == 0, x2, x1))).astype(dtype)
    return _unwrap(result)


def float_power(x1, x2):
    return _unwrap(np.power(np.asarray(x1, dtype=np.float64) if not np.iscomplexobj(x1) else np.asarray(x1, dtype=np.complex128), x2))


def divmod(x1, x2):
    return np.floor_divide(x1, x2), np.remainder(x1, x2)


def fix(x):
    x = np.asarray(x)
    result = np.where(x >= 0, np.floor(x), np.ceil(x))
    return _unwrap(result.astype(x.dtype) if np.issubdtype(x.dtype, np.floating) else result)


def signbit(x):
    x = np.asarray(x)
    if np.issubdtype(x.dtype, np.floating):
        result = np.copysign(1.0, x) < 0
    else:
        result = x < 0
    return _unwrap(result)


def modf(x):
    x = np.asarray(x, dtype=_as_float_dtype(np.asarray(x).dtype))
    integral = np.trunc(x)
    fractional = np.where(np.isinf(x), np.copysign(0.0, x), x - integral).astype(x.dtype)
    fractional = np.copysign(fractional, x)
    return _unwrap(fractional), _unwrap(integral)


def ldexp(x1, x2):
    x1 = np.asarray(x1, dtype=_as_float_dtype(np.asarray(x1).dtype))
    x2 = np.asarray(x2)
    if not np.issubdtype(x2.dtype, np.integer):
        raise TypeError("ufunc 'ldexp' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
    return _unwrap(x1 * np.power(2.0, x2.astype(np.float64)).astype(x1.dtype))


def gcd(x1, x2):
    a = np.abs(np.asarray(x1))
    b = np.abs(np.asarray(x2))
    if not (np.issubdtype(a.dtype, np.integer) and np.issubdtype(b.dtype, np.integer)):
        raise TypeError("ufunc 'gcd' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
    a, b = np.broadcast_arrays(a, b)
    a = np.array(a)
    b = np.array(b)
    while np.any(b != 0):
        nonzero = b != 0
        remainder = np.where(nonzero, a % np.where(nonzero, b, 1), 0)
        a = np.where(nonzero, b, a)
        b = remainder
    return _unwrap(a)


def lcm(x1, x2):
    x1 = np.asarray(x1)
    x2 = np.asarray(x2)
    g = gcd(x1, x2)
    g = np.asarray(g)
    result = np.where(g == 0, 0, np.abs(x1) // np.where(g == 0, 1, g) * np.abs(x2))
    return _unwrap(result)
