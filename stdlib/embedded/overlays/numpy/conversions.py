# numpy: conversions, aliases and small utilities.


def asfarray(a, dtype=np.float64):
    dtype = np.dtype(dtype)
    if not np.issubdtype(dtype, np.inexact):
        dtype = np.dtype(np.float64)
    return np.asarray(a, dtype=dtype)


def asanyarray(a, dtype=None, order=None, *, like=None):
    return np.asarray(a, dtype=dtype)


def ascontiguousarray(a, dtype=None, *, like=None):
    return np.array(a, dtype=dtype, ndmin=1) if np.ndim(a) == 0 else np.asarray(a, dtype=dtype)


def asfortranarray(a, dtype=None, *, like=None):
    return np.array(a, dtype=dtype, ndmin=1) if np.ndim(a) == 0 else np.asarray(a, dtype=dtype)


def asarray_chkfinite(a, dtype=None, order=None):
    a = np.asarray(a, dtype=dtype)
    if (np.issubdtype(a.dtype, np.floating) or np.issubdtype(a.dtype, np.complexfloating)) and not np.isfinite(a).all():
        raise ValueError("array must not contain infs or NaNs")
    return a


def require(a, dtype=None, requirements=None, *, like=None):
    return np.asarray(a, dtype=dtype)


def product(*args, **kwargs):
    return np.prod(*args, **kwargs)


def cumproduct(*args, **kwargs):
    return np.cumprod(*args, **kwargs)


def alltrue(*args, **kwargs):
    return np.all(*args, **kwargs)


def sometrue(*args, **kwargs):
    return np.any(*args, **kwargs)


def msort(a):
    _warnings.warn("msort is deprecated, use np.sort(a, axis=0) instead", DeprecationWarning)
    return np.sort(a, axis=0)


def sort_complex(a):
    b = np.array(a, copy=True)
    b = np.sort(b)
    if not np.issubdtype(b.dtype, np.complexfloating):
        if b.dtype.char in "bhBH":
            return b.astype("F")
        elif b.dtype.char == "g":
            return b.astype("G")
        else:
            return b.astype("D")
    return b


def lexsort(keys, axis=-1):
    keys = [np.asarray(k) for k in keys] if not isinstance(keys, np.ndarray) else [keys[i] for i in range(keys.shape[0])]
    if len(keys) == 0:
        raise TypeError("need sequence of keys with len > 0 in lexsort")
    order = np.argsort(keys[0], axis=axis, kind="stable")
    for key in keys[1:]:
        order = np.take_along_axis(order, np.argsort(np.take_along_axis(key, order, axis), axis=axis, kind="stable"), axis) if key.ndim > 1 else order[np.argsort(key[order], kind="stable")]
    return order


def fromiter(iter, dtype, count=-1, *, like=None):
    values = []
    for item in iter:
        if count >= 0 and len(values) >= count:
            break
        values.append(item)
    if count >= 0 and len(values) < count:
        raise ValueError("iterator too short: Expected " + str(count) + " but iterator had only " + str(len(values)) + " items.")
    return np.array(values, dtype=dtype)


def iterable(y):
    try:
        iter(y)
    except TypeError:
        return False
    return True


def binary_repr(num, width=None):
    num = int(num)
    if num == 0:
        return "0" * (width or 1)
    if num > 0:
        binary = bin(num)[2:]
        binwidth = len(binary)
        outwidth = binwidth if width is None else max(binwidth, width)
        return binary.zfill(outwidth)
    if width is None:
        return "-" + bin(-num)[2:]
    poswidth = len(bin(-num)[2:])
    if 2 ** (poswidth - 1) == -num:
        poswidth -= 1
    twocomp = 2 ** (poswidth + 1) + num
    binary = bin(twocomp)[2:]
    binwidth = len(binary)
    outwidth = max(binwidth, width)
    return "1" * (outwidth - binwidth) + binary


def base_repr(number, base=2, padding=0):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    if base > len(digits):
        raise ValueError("Bases greater than 36 not handled in base_repr.")
    elif base < 2:
        raise ValueError("Bases less than 2 not handled in base_repr.")
    num = abs(int(number))
    res = []
    while num:
        res.append(digits[num % base])
        num //= base
    if padding:
        res.append("0" * padding)
    if number < 0:
        res.append("-")
    return "".join(reversed(res or "0"))


def unwrap(p, discont=None, axis=-1, *, period=2 * np.pi):
    p = np.asarray(p)
    nd = p.ndim
    dd = np.diff(p, axis=axis)
    if discont is None:
        discont = period / 2
    axis = _normalize_axis(axis, nd)
    where = [slice(None)] * nd
    where[axis] = slice(1, None)
    where = tuple(where)
    dtype = np.result_type(dd, period)
    integer_input = np.issubdtype(dtype, np.integer)
    if integer_input:
        interval_high, rem = divmod(period, 2)
        boundary_ambiguous = rem == 0
    else:
        interval_high = period / 2
        boundary_ambiguous = True
    interval_low = -interval_high
    ddmod = np.mod(dd - interval_low, period) + interval_low
    if boundary_ambiguous:
        ddmod = np.where((ddmod == interval_low) & (dd > 0), interval_high, ddmod)
    ph_correct = ddmod - dd
    ph_correct = np.where(np.abs(dd) < discont, 0, ph_correct)
    up = np.array(p, dtype=dtype)
    up[where] = p[where] + np.cumsum(ph_correct, axis=axis)
    return up
