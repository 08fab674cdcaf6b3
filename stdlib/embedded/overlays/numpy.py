# numpy functions that are compositions of array operations, written in ramba's language as numpy
# writes them in Python. Merged into the native `numpy` module at its first import; errors raised
# here are reported at the user's call (library code).
import _warnings
import numpy as np


def isscalar(element):
    return isinstance(element, (int, float, complex, bool, str, np.generic))


def diff(a, n=1, axis=-1, prepend=None, append=None):
    if n == 0:
        return a
    if n < 0:
        raise ValueError("order must be non-negative but got " + repr(n))
    a = np.asarray(a)
    nd = a.ndim
    if nd == 0:
        raise ValueError("diff requires input that is at least one dimensional")
    axis = _normalize_axis(axis, nd)
    parts = []
    if prepend is not None:
        p = np.asarray(prepend)
        if p.ndim == 0:
            shape = list(a.shape)
            shape[axis] = 1
            p = np.broadcast_to(p, tuple(shape))
        parts.append(p)
    parts.append(a)
    if append is not None:
        q = np.asarray(append)
        if q.ndim == 0:
            shape = list(a.shape)
            shape[axis] = 1
            q = np.broadcast_to(q, tuple(shape))
        parts.append(q)
    if len(parts) > 1:
        a = np.concatenate(parts, axis)
    upper = [slice(None)] * nd
    lower = [slice(None)] * nd
    upper[axis] = slice(1, None)
    lower[axis] = slice(None, -1)
    upper = tuple(upper)
    lower = tuple(lower)
    for _ in range(n):
        if a.dtype == np.bool_:
            a = a[upper] != a[lower]
        else:
            a = a[upper] - a[lower]
    return a


def _normalize_axis(axis, ndim):
    if axis < -ndim or axis >= ndim:
        raise np.AxisError("axis " + str(axis) + " is out of bounds for array of dimension " + str(ndim))
    return axis + ndim if axis < 0 else axis


def _unwrap(result):
    # A 0-d array becomes its numpy scalar, as numpy's functions return for scalar input.
    if isinstance(result, np.ndarray) and result.ndim == 0:
        return result[()]
    return result


def _as_float_dtype(*dtypes):
    result = np.result_type(*dtypes)
    if np.issubdtype(result, np.integer) or result == np.bool_:
        result = np.result_type(result, np.float64)
    return result


# ---- statistics

def average(a, axis=None, weights=None, returned=False, *, keepdims=False):
    a = np.asarray(a)
    if weights is None:
        avg = a.mean(axis, keepdims=keepdims) if keepdims else a.mean(axis)
        avg_as_array = np.asarray(avg)
        scl = avg_as_array.dtype.type(a.size / avg_as_array.size)
    else:
        wgt = np.asarray(weights)
        if np.issubdtype(a.dtype, np.integer) or a.dtype == np.bool_:
            result_dtype = np.result_type(a.dtype, wgt.dtype, np.float64)
        else:
            result_dtype = np.result_type(a.dtype, wgt.dtype)
        if a.shape != wgt.shape:
            if axis is None:
                raise TypeError("Axis must be specified when shapes of a and weights differ.")
            if wgt.ndim != 1:
                raise TypeError("1D weights expected when shapes of a and weights differ.")
            if wgt.shape[0] != a.shape[axis]:
                raise ValueError("Length of weights not compatible with specified axis.")
            wgt = np.broadcast_to(wgt, (1,) * (a.ndim - 1) + wgt.shape)
            wgt = wgt.swapaxes(-1, axis)
        wgt = wgt.astype(result_dtype)
        scl = wgt.sum(axis=axis, keepdims=keepdims) if keepdims else wgt.sum(axis=axis)
        if np.any(scl == 0.0):
            raise ZeroDivisionError("Weights sum to zero, can't be normalized")
        product = a.astype(result_dtype) * wgt
        avg = (product.sum(axis, keepdims=keepdims) if keepdims else product.sum(axis)) / scl
        avg_as_array = np.asarray(avg)
    if returned:
        if np.shape(scl) != avg_as_array.shape:
            scl = np.broadcast_to(scl, avg_as_array.shape).copy()
        return avg, scl
    return avg


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, *, dtype=None):
    if ddof is not None and ddof != int(ddof):
        raise ValueError("ddof must be integer")
    m = np.asarray(m)
    if m.ndim > 2:
        raise ValueError("m has more than 2 dimensions")
    if y is not None:
        y = np.asarray(y)
        if y.ndim > 2:
            raise ValueError("y has more than 2 dimensions")
    if dtype is None:
        dtype = np.result_type(m.dtype, np.float64) if y is None else np.result_type(m.dtype, y.dtype, np.float64)
    X = np.array(m, ndmin=2, dtype=dtype)
    if not rowvar and X.shape[0] != 1:
        X = X.T
    if X.shape[0] == 0:
        return np.array([]).reshape(0, 0)
    if y is not None:
        y = np.array(y, ndmin=2, dtype=dtype)
        if not rowvar and y.shape[0] != 1:
            y = y.T
        X = np.concatenate((X, y), axis=0)
    if ddof is None:
        ddof = 0 if bias else 1
    w = None
    if fweights is not None:
        fweights = np.asarray(fweights, dtype=float)
        if not np.all(fweights == np.around(fweights)):
            raise TypeError("fweights must be integer")
        if fweights.ndim > 1:
            raise RuntimeError("cannot handle multidimensional fweights")
        if fweights.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and fweights")
        if np.any(fweights < 0):
            raise ValueError("fweights cannot be negative")
        w = fweights
    if aweights is not None:
        aweights = np.asarray(aweights, dtype=float)
        if aweights.ndim > 1:
            raise RuntimeError("cannot handle multidimensional aweights")
        if aweights.shape[0] != X.shape[1]:
            raise RuntimeError("incompatible numbers of samples and aweights")
        if np.any(aweights < 0):
            raise ValueError("aweights cannot be negative")
        w = aweights if w is None else w * aweights
    avg, w_sum = average(X, axis=1, weights=w, returned=True)
    w_sum = w_sum[0]
    if w is None:
        fact = X.shape[1] - ddof
    elif ddof == 0:
        fact = w_sum
    elif aweights is None:
        fact = w_sum - ddof
    else:
        fact = w_sum - ddof * np.sum(w * aweights) / w_sum
    if fact <= 0:
        _warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning)
        fact = 0.0
    X = X - avg[:, None]
    if w is None:
        X_T = X.T
    else:
        X_T = (X * w).T
    c = np.dot(X, X_T.conj())
    c = c * np.true_divide(1, fact)
    return c.squeeze()


def corrcoef(x, y=None, rowvar=True, *, dtype=None):
    c = cov(x, y, rowvar, dtype=dtype)
    if c.ndim == 0:
        return c / c
    d = np.diag(c)
    stddev = np.sqrt(d.real)
    c = c / stddev[:, None]
    c = c / stddev[None, :]
    return np.clip(c, -1, 1)


def ediff1d(ary, to_end=None, to_begin=None):
    ary = np.asarray(ary).ravel()
    parts = []
    if to_begin is not None:
        parts.append(np.asarray(to_begin, dtype=ary.dtype).ravel())
    parts.append(ary[1:] - ary[:-1])
    if to_end is not None:
        parts.append(np.asarray(to_end, dtype=ary.dtype).ravel())
    if len(parts) == 1:
        return parts[0]
    return np.concatenate(parts)


def trapz(y, x=None, dx=1.0, axis=-1):
    y = np.asarray(y)
    nd = y.ndim
    axis = _normalize_axis(axis, nd)
    upper = [slice(None)] * nd
    lower = [slice(None)] * nd
    upper[axis] = slice(1, None)
    lower[axis] = slice(None, -1)
    upper = tuple(upper)
    lower = tuple(lower)
    if x is None:
        d = dx
    else:
        x = np.asarray(x)
        if x.ndim == 1:
            d = x[1:] - x[:-1]
            shape = [1] * nd
            shape[axis] = d.shape[0]
            d = d.reshape(shape)
        else:
            d = diff(x, axis=axis)
    return (d * (y[upper] + y[lower]) / 2.0).sum(axis)


# ---- counting and binning

def bincount(x, weights=None, minlength=0):
    given_array = isinstance(x, np.ndarray)
    x = np.asarray(x)
    if x.ndim != 1:
        if x.ndim == 0:
            raise ValueError("object of too small depth for desired array")
        raise ValueError("object too deep for desired array")
    if minlength < 0:
        raise ValueError("'minlength' must not be negative")
    # A list converts to integers as C's cast does (1.5 -> 1); an array must cast safely.
    if given_array and x.size and not (np.issubdtype(x.dtype, np.integer) or x.dtype == np.bool_):
        raise TypeError("Cannot cast array data from dtype('" + str(x.dtype) + "') to dtype('int64') according to the rule 'safe'")
    x = x.astype(np.int64)
    if x.size and x.min() < 0:
        raise ValueError("'list' argument must have no negative elements")
    n = max(int(x.max()) + 1, minlength) if x.size else minlength
    if weights is None:
        s = np.sort(x)
        return np.diff(np.searchsorted(s, np.arange(n + 1)))
    weights = np.asarray(weights, dtype=np.float64)
    if weights.shape != x.shape:
        raise ValueError("The weights and list don't have the same length.")
    out = np.zeros(n)
    for i in range(x.shape[0]):
        out[x[i]] += weights[i]
    return out


def digitize(x, bins, right=False):
    x = np.asarray(x)
    bins = np.asarray(bins)
    if np.iscomplexobj(x):
        raise TypeError("x may not be complex")
    if bins.ndim != 1:
        raise ValueError("object too deep for desired array")
    mono = 0
    if bins.size > 1:
        d = bins[1:] - bins[:-1] if bins.dtype != np.bool_ else bins[1:].astype(int) - bins[:-1].astype(int)
        if np.all(d >= 0):
            mono = 1
        elif np.all(d <= 0):
            mono = -1
    else:
        mono = 1
    if mono == 0:
        raise ValueError("bins must be monotonically increasing or decreasing")
    side = "left" if right else "right"
    if mono == -1:
        return len(bins) - np.searchsorted(bins[::-1], x, side=side)
    return np.searchsorted(bins, x, side=side)


def _histogram_edges(a, bins, range, weights):
    if isinstance(bins, str):
        raise NotImplementedError("ramba's np.histogram does not support bins=" + repr(bins) + " yet")
    if np.ndim(bins) == 0:
        try:
            n_equal_bins = operator_index(bins)
        except TypeError:
            raise TypeError("`bins` must be an integer, a string, or an array")
        if n_equal_bins < 1:
            raise ValueError("`bins` must be positive, when an integer")
        if range is not None:
            first_edge, last_edge = range
            if first_edge > last_edge:
                raise ValueError("max must be larger than min in range parameter.")
            if not (np.isfinite(first_edge) and np.isfinite(last_edge)):
                raise ValueError("supplied range of [" + str(first_edge) + ", " + str(last_edge) + "] is not finite")
        elif a.size == 0:
            first_edge, last_edge = 0, 1
        else:
            first_edge, last_edge = a.min(), a.max()
            if not (np.isfinite(first_edge) and np.isfinite(last_edge)):
                raise ValueError("autodetected range of [" + str(first_edge) + ", " + str(last_edge) + "] is not finite")
        if first_edge == last_edge:
            first_edge = first_edge - 0.5
            last_edge = last_edge + 0.5
        bin_type = _as_float_dtype(np.asarray(first_edge).dtype, np.asarray(last_edge).dtype, a.dtype)
        edges = np.linspace(first_edge, last_edge, n_equal_bins + 1, endpoint=True, dtype=bin_type)
        return edges, (first_edge, last_edge, n_equal_bins)
    edges = np.asarray(bins)
    if edges.ndim != 1:
        raise ValueError("`bins` must be 1d, when an array")
    if np.any(edges[:-1] > edges[1:]):
        raise ValueError("`bins` must increase monotonically, when an array")
    return edges, None


def operator_index(value):
    if isinstance(value, bool) or isinstance(value, (int, np.integer)):
        return int(value)
    raise TypeError("'" + type(value).__name__ + "' object cannot be interpreted as an integer")


def histogram_bin_edges(a, bins=10, range=None, weights=None):
    a = np.asarray(a).ravel()
    return _histogram_edges(a, bins, range, weights)[0]


def histogram(a, bins=10, range=None, density=None, weights=None):
    a = np.asarray(a)
    if weights is not None:
        weights = np.asarray(weights)
        if weights.shape != a.shape:
            raise ValueError("weights should have the same shape as a.")
        weights = weights.ravel()
    a = a.ravel()
    bin_edges, uniform = _histogram_edges(a, bins, range, weights)
    if uniform is not None:
        first_edge, last_edge, n_equal_bins = uniform
        keep = (a >= first_edge) & (a <= last_edge)
        tmp_a = a[keep].astype(bin_edges.dtype)
        tmp_w = None if weights is None else weights[keep]
        if isinstance(first_edge, (int, np.integer)) and isinstance(last_edge, (int, np.integer)):
            norm_denom = float(int(last_edge) - int(first_edge))
        else:
            norm_denom = last_edge - first_edge
        f_indices = ((tmp_a - first_edge) / norm_denom) * n_equal_bins
        indices = f_indices.astype(np.int64)
        indices[indices == n_equal_bins] -= 1
        decrement = tmp_a < bin_edges[indices]
        indices[decrement] -= 1
        increment = (tmp_a >= bin_edges[indices + 1]) & (indices != n_equal_bins - 1)
        indices[increment] += 1
        n = bincount(indices, weights=tmp_w, minlength=n_equal_bins)
        if weights is not None:
            n = n.astype(weights.dtype)
    else:
        if weights is None:
            sa = np.sort(a)
            cum_n = np.concatenate((np.searchsorted(sa, bin_edges[:-1], side="left"),
                                    np.searchsorted(sa, bin_edges[-1:], side="right")))
        else:
            order = np.argsort(a)
            sa = a[order]
            cw = np.concatenate((np.zeros(1, dtype=weights.dtype), weights[order].cumsum()))
            index = np.concatenate((np.searchsorted(sa, bin_edges[:-1], side="left"),
                                    np.searchsorted(sa, bin_edges[-1:], side="right")))
            cum_n = cw[index]
        n = np.diff(cum_n)
    if density:
        db = np.array(np.diff(bin_edges), float)
        return n / db / n.sum(), bin_edges
    return n, bin_edges


def interp(x, xp, fp, left=None, right=None, period=None):
    x = np.asarray(x, dtype=np.float64)
    xp = np.asarray(xp, dtype=np.float64)
    fp = np.asarray(fp, dtype=np.float64)
    if xp.ndim != 1 or fp.ndim != 1:
        raise ValueError("object too deep for desired array")
    if fp.shape[0] != xp.shape[0]:
        raise ValueError("fp and xp are not of the same length.")
    if xp.shape[0] == 0:
        raise ValueError("array of sample points is empty")
    if period is not None:
        if period == 0:
            raise ValueError("period must be a non-zero value")
        period = abs(period)
        left = None
        right = None
        x = x % period
        xp = xp % period
        order = np.argsort(xp)
        xp = xp[order]
        fp = fp[order]
        xp = np.concatenate((xp[-1:] - period, xp, xp[0:1] + period))
        fp = np.concatenate((fp[-1:], fp, fp[0:1]))
    lval = fp[0] if left is None else np.float64(left)
    rval = fp[-1] if right is None else np.float64(right)
    n = xp.shape[0]
    if n == 1:
        result = np.where(x < xp[0], lval, np.where(x > xp[0], rval, fp[0]))
    else:
        j = np.searchsorted(xp, x, side="right") - 1
        jc = np.clip(j, 0, n - 2)
        x0 = xp[jc]
        x1 = xp[jc + 1]
        y0 = fp[jc]
        y1 = fp[jc + 1]
        slope = (y1 - y0) / (x1 - x0)
        result = slope * (x - x0) + y0
        bad = np.isnan(result)
        if np.any(bad):
            again = slope * (x - x1) + y1
            again = np.where(np.isnan(again) & (y0 == y1), y0, again)
            result = np.where(bad, again, result)
        result = np.where(x0 == x, y0, result)
        result = np.where(j == n - 1, fp[n - 1], result)
        result = np.where(j < 0, lval, result)
        result = np.where(x > xp[n - 1], rval, result)
    result = np.where(np.isnan(x), x, result)
    return _unwrap(result)


# ---- type predicates

def iscomplexobj(x):
    dtype = getattr(x, "dtype", None)
    if dtype is None:
        dtype = np.asarray(x).dtype
    return np.issubdtype(dtype, np.complexfloating)


def isrealobj(x):
    return not iscomplexobj(x)


def iscomplex(x):
    ax = np.asarray(x)
    if iscomplexobj(ax):
        return ax.imag != 0
    return _unwrap(np.zeros(ax.shape, bool))


def isreal(x):
    ax = np.asarray(x)
    if iscomplexobj(ax):
        return ax.imag == 0
    return _unwrap(np.ones(ax.shape, bool))


def isposinf(x):
    x = np.asarray(x)
    if iscomplexobj(x):
        raise TypeError("This operation is not supported for " + str(x.dtype) + " values because it would be ambiguous.")
    result = np.isinf(x) & (x > 0)
    return _unwrap(result)


def isneginf(x):
    x = np.asarray(x)
    if iscomplexobj(x):
        raise TypeError("This operation is not supported for " + str(x.dtype) + " values because it would be ambiguous.")
    result = np.isinf(x) & (x < 0)
    return _unwrap(result)


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    scalar = np.ndim(x) == 0 and not isinstance(x, np.ndarray)
    x = np.array(x)
    if not (np.issubdtype(x.dtype, np.floating) or np.issubdtype(x.dtype, np.complexfloating)):
        return _unwrap(x) if scalar else x
    if np.issubdtype(x.dtype, np.complexfloating):
        real = nan_to_num(x.real, nan=nan, posinf=posinf, neginf=neginf)
        imag = nan_to_num(x.imag, nan=nan, posinf=posinf, neginf=neginf)
        out = real + 1j * imag
        out = out.astype(x.dtype)
        return _unwrap(out) if scalar else out
    info = np.finfo(x.dtype)
    big = info.max if posinf is None else posinf
    small = info.min if neginf is None else neginf
    out = np.where(np.isnan(x), nan, x)
    out = np.where(np.isposinf(out), big, out)
    out = np.where(np.isneginf(out), small, out)
    out = out.astype(x.dtype)
    return _unwrap(out) if scalar else out


def real_if_close(a, tol=100):
    a = np.asarray(a)
    if not iscomplexobj(a):
        return a
    if tol > 1:
        tol = np.finfo(a.dtype).eps * tol
    if np.all(np.absolute(a.imag) < tol):
        a = a.real
    return a


def sinc(x):
    x = np.asarray(x)
    y = np.pi * np.where(x == 0, 1.0e-20, x)
    result = np.sin(y) / y
    return _unwrap(result)


# ---- building and reshaping

def append(arr, values, axis=None):
    arr = np.asarray(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        values = np.ravel(values)
        axis = arr.ndim - 1
    return np.concatenate((arr, values), axis=axis)


def delete(arr, obj, axis=None):
    arr = np.asarray(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        axis = 0
    axis = _normalize_axis(axis, arr.ndim)
    n = arr.shape[axis]
    if isinstance(obj, slice):
        keep = np.ones(n, dtype=bool)
        keep[obj] = False
    else:
        index = np.asarray(obj)
        if index.dtype == np.bool_:
            if index.shape != (n,):
                raise ValueError("boolean array argument obj to delete must be one dimensional and match the axis length of " + str(n))
            keep = ~index
        else:
            if index.size and not np.issubdtype(index.dtype, np.integer):
                raise IndexError("arrays used as indices must be of integer (or boolean) type")
            index = index.astype(np.int64).ravel()
            if index.size and (index.max() >= n or index.min() < -n):
                bad = index[(index >= n) | (index < -n)][0]
                raise IndexError("index " + str(bad) + " is out of bounds for axis " + str(axis) + " with size " + str(n))
            keep = np.ones(n, dtype=bool)
            keep[index] = False
    where = [slice(None)] * arr.ndim
    where[axis] = keep
    return arr[tuple(where)]


def insert(arr, obj, values, axis=None):
    arr = np.asarray(arr)
    if axis is None:
        if arr.ndim != 1:
            arr = arr.ravel()
        axis = 0
    axis = _normalize_axis(axis, arr.ndim)
    n = arr.shape[axis]
    if isinstance(obj, slice):
        indices = np.arange(n)[obj]
    else:
        indices = np.asarray(obj)
        if indices.dtype == np.bool_:
            indices = np.nonzero(indices)[0]
        elif indices.size and not np.issubdtype(indices.dtype, np.integer):
            raise IndexError("index arrays to insert must be integer")
    if indices.ndim == 0:
        index = int(indices)
        if index < -n or index > n:
            raise IndexError("index " + str(index) + " is out of bounds for axis " + str(axis) + " with size " + str(n))
        if index < 0:
            index += n
        values = np.array(values, ndmin=arr.ndim, dtype=arr.dtype)
        values = np.moveaxis(values, 0, axis)
        numnew = values.shape[axis]
        shape = list(arr.shape)
        shape[axis] = numnew
        values = np.broadcast_to(values, tuple(shape))
        before = [slice(None)] * arr.ndim
        after = [slice(None)] * arr.ndim
        before[axis] = slice(None, index)
        after[axis] = slice(index, None)
        return np.concatenate((arr[tuple(before)], values, arr[tuple(after)]), axis=axis)
    indices = indices.astype(np.int64).ravel()
    if indices.size and (indices.max() > n or indices.min() < -n):
        bad = indices[(indices > n) | (indices < -n)][0]
        raise IndexError("index " + str(bad) + " is out of bounds for axis " + str(axis) + " with size " + str(n))
    indices = np.where(indices < 0, indices + n, indices)
    numnew = indices.shape[0]
    order = np.argsort(indices, kind="stable")
    indices = indices.copy()
    indices[order] += np.arange(numnew)
    total = n + numnew
    old_mask = np.ones(total, dtype=bool)
    old_mask[indices] = False
    shape = list(arr.shape)
    shape[axis] = total
    out = np.empty(tuple(shape), dtype=arr.dtype)
    values = np.asarray(values, dtype=arr.dtype)
    vshape = list(arr.shape)
    vshape[axis] = numnew
    if values.ndim == arr.ndim and arr.ndim > 1 or values.ndim == 0:
        values = np.broadcast_to(values, tuple(vshape))
    else:
        values = np.broadcast_to(np.moveaxis(np.array(values, ndmin=arr.ndim), -1, axis) if values.ndim <= 1 else values, tuple(vshape))
    new_where = [slice(None)] * arr.ndim
    old_where = [slice(None)] * arr.ndim
    new_where[axis] = indices
    old_where[axis] = old_mask
    out[tuple(new_where)] = values
    out[tuple(old_where)] = arr
    return out


def resize(a, new_shape):
    if isinstance(new_shape, (int, np.integer)):
        new_shape = (new_shape,)
    a = np.ravel(a)
    new_size = 1
    for dim in new_shape:
        new_size *= dim
        if dim < 0:
            raise ValueError("all elements of `new_shape` must be non-negative")
    if a.size == 0 or new_size == 0:
        return np.zeros(tuple(new_shape), dtype=a.dtype)
    repeats = -(-new_size // a.size)
    a = np.concatenate((a,) * repeats)[:new_size]
    return a.reshape(tuple(new_shape))


def trim_zeros(filt, trim="fb"):
    first = 0
    trim = trim.upper()
    if "F" in trim:
        for i in filt:
            if i != 0.0:
                break
            first = first + 1
    last = len(filt)
    if "B" in trim:
        for i in filt[::-1]:
            if i != 0.0:
                break
            last = last - 1
    return filt[first:last]


def kron(a, b):
    a = np.asarray(a)
    b = np.asarray(b)
    ndb = b.ndim
    nda = a.ndim
    if nda == 0 or ndb == 0:
        return np.multiply(a, b)
    nd = max(nda, ndb)
    if nda < nd:
        a = a.reshape((1,) * (nd - nda) + a.shape)
    if ndb < nd:
        b = b.reshape((1,) * (nd - ndb) + b.shape)
    # result[i0*b0 + j0, ...] = a[i0, ...] * b[j0, ...]: interleave the axes of a and b.
    a_exp = a.reshape(tuple(v for s in a.shape for v in (s, 1)))
    b_exp = b.reshape(tuple(v for s in b.shape for v in (1, s)))
    out = a_exp * b_exp
    return out.reshape(tuple(a.shape[i] * b.shape[i] for i in range(nd)))


def rot90(m, k=1, axes=(0, 1)):
    axes = tuple(axes)
    if len(axes) != 2:
        raise ValueError("len(axes) must be 2.")
    m = np.asarray(m)
    if axes[0] == axes[1] or abs(axes[0] - axes[1]) == m.ndim:
        raise ValueError("Axes must be different.")
    if axes[0] >= m.ndim or axes[0] < -m.ndim or axes[1] >= m.ndim or axes[1] < -m.ndim:
        raise ValueError("Axes=" + str(axes) + " out of range for array of ndim=" + str(m.ndim) + ".")
    k %= 4
    if k == 0:
        return m[:]
    if k == 2:
        return np.flip(np.flip(m, axes[0]), axes[1])
    axes_list = list(range(0, m.ndim))
    axes_list[axes[0]], axes_list[axes[1]] = axes_list[axes[1]], axes_list[axes[0]]
    if k == 1:
        return np.transpose(np.flip(m, axes[1]), axes_list)
    return np.flip(np.transpose(m, axes_list), axes[1])


def hsplit(ary, indices_or_sections):
    if np.ndim(ary) == 0:
        raise ValueError("hsplit only works on arrays of 1 or more dimensions")
    return np.split(ary, indices_or_sections, 1 if np.ndim(ary) > 1 else 0)


def vsplit(ary, indices_or_sections):
    if np.ndim(ary) < 2:
        raise ValueError("vsplit only works on arrays of 2 or more dimensions")
    return np.split(ary, indices_or_sections, 0)


def dsplit(ary, indices_or_sections):
    if np.ndim(ary) < 3:
        raise ValueError("dsplit only works on arrays of 3 or more dimensions")
    return np.split(ary, indices_or_sections, 2)


def dstack(tup):
    return np.concatenate([np.atleast_3d(a) for a in tup], axis=2)


def row_stack(tup):
    return np.vstack(tup)


def vander(x, N=None, increasing=False):
    x = np.asarray(x)
    if x.ndim != 1:
        raise ValueError("x must be a one-dimensional array or sequence.")
    if N is None:
        N = len(x)
    dtype = np.result_type(x.dtype, np.int64) if np.issubdtype(x.dtype, np.integer) else x.dtype
    if N == 0:
        return np.empty((len(x), 0), dtype=dtype)
    ones = np.ones((len(x), 1), dtype=dtype)
    if N == 1:
        out = ones
    else:
        powers = np.cumprod(np.repeat(x.astype(dtype)[:, None], N - 1, axis=1), axis=1)
        out = np.concatenate((ones, powers), axis=1)
    if not increasing:
        out = out[:, ::-1]
    return out


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    start = np.asarray(start)
    stop = np.asarray(stop)
    if np.any(start == 0) or np.any(stop == 0):
        raise ValueError("Geometric sequence cannot include zero")
    dt = np.result_type(start, stop, float(num), np.zeros((), dtype) if dtype is not None else 0.0)
    if dtype is None:
        dtype = dt
    else:
        dtype = np.dtype(dtype)
    start = start.astype(dt)
    stop = stop.astype(dt)
    out_sign = np.sign(start)
    start = start / out_sign
    stop = stop / out_sign
    log_start = np.log10(start)
    log_stop = np.log10(stop)
    result = np.logspace(log_start, log_stop, num=num, endpoint=endpoint, base=10.0, dtype=dt)
    if num > 0:
        result[0] = start
        if num > 1 and endpoint:
            result[-1] = stop
    result = out_sign * result
    if axis != 0:
        result = np.moveaxis(result, 0, axis)
    return result.astype(dtype)


# ---- index helpers

def tril_indices(n, k=0, m=None):
    return np.nonzero(_tri(n, m, k))


def _tri(n, m, k):
    if m is None:
        m = n
    return np.arange(n)[:, None] + k >= np.arange(m)[None, :]


def tri(N, M=None, k=0, dtype=float):
    return _tri(N, M, k).astype(dtype)


def triu_indices(n, k=0, m=None):
    return np.nonzero(~_tri(n, m, k - 1))


def tril_indices_from(arr, k=0):
    arr = np.asarray(arr)
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return tril_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def triu_indices_from(arr, k=0):
    arr = np.asarray(arr)
    if arr.ndim != 2:
        raise ValueError("input array must be 2-d")
    return triu_indices(arr.shape[-2], k=k, m=arr.shape[-1])


def diag_indices(n, ndim=2):
    idx = np.arange(n)
    return (idx,) * ndim


def diag_indices_from(arr):
    arr = np.asarray(arr)
    if not arr.ndim >= 2:
        raise ValueError("input array must be at least 2-d")
    for size in arr.shape[1:]:
        if size != arr.shape[0]:
            raise ValueError("All dimensions of input must be of equal length")
    return diag_indices(arr.shape[0], arr.ndim)


def fill_diagonal(a, val, wrap=False):
    if a.ndim < 2:
        raise ValueError("array must be at least 2-d")
    if a.ndim == 2:
        # numpy writes a.flat[:end:cols + 1], repeating val as often as needed.
        rows, cols = a.shape
        end = rows * cols if wrap else min(cols * cols, rows * cols)
        flat = np.arange(0, end, cols + 1)
        a[flat // cols, flat % cols] = np.resize(np.asarray(val, dtype=a.dtype), (flat.shape[0],))
        return None
    for size in a.shape[1:]:
        if size != a.shape[0]:
            raise ValueError("All dimensions of input must be of equal length")
    idx = np.arange(a.shape[0])
    a[(idx,) * a.ndim] = np.resize(np.asarray(val, dtype=a.dtype), (a.shape[0],))
    return None


def ix_(*args):
    out = []
    nd = len(args)
    for k, new in enumerate(args):
        if not isinstance(new, np.ndarray):
            new = np.asarray(new)
            if new.size == 0:
                new = new.astype(np.intp)
        if new.ndim != 1:
            raise ValueError("Cross index must be 1 dimensional")
        if new.dtype == np.bool_:
            new = new.nonzero()[0]
        new = new.reshape((1,) * k + (new.size,) + (1,) * (nd - k - 1))
        out.append(new)
    return tuple(out)


def _along_axis_index(arr, indices, axis):
    shape = arr.shape
    ndim = len(shape)
    if indices.ndim != ndim:
        raise ValueError("`indices` and `arr` must have the same number of dimensions")
    fancy = []
    for dim in range(ndim):
        if dim == axis:
            fancy.append(indices)
        else:
            index_shape = [1] * ndim
            index_shape[dim] = shape[dim]
            fancy.append(np.arange(shape[dim]).reshape(tuple(index_shape)))
    return tuple(fancy)


def take_along_axis(arr, indices, axis):
    arr = np.asarray(arr)
    indices = np.asarray(indices)
    if axis is None:
        arr = arr.ravel()
        axis = 0
    else:
        axis = _normalize_axis(axis, arr.ndim)
    if not np.issubdtype(indices.dtype, np.integer):
        raise IndexError("`indices` must be an integer array")
    return arr[_along_axis_index(arr, indices, axis)]


def put_along_axis(arr, indices, values, axis):
    indices = np.asarray(indices)
    if axis is None:
        raise ValueError("ramba's put_along_axis needs an axis (arr.flat is not writable yet)")
    axis = _normalize_axis(axis, arr.ndim)
    if not np.issubdtype(indices.dtype, np.integer):
        raise IndexError("`indices` must be an integer array")
    arr[_along_axis_index(arr, indices, axis)] = values


class ndindex:
    def __init__(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        self._shape = tuple(shape)
        self._gen = self._indices()

    def _indices(self):
        shape = self._shape
        total = 1
        for n in shape:
            total *= n
        if total == 0:
            return
        index = [0] * len(shape)
        for _ in range(total):
            yield tuple(index)
            d = len(shape) - 1
            while d >= 0:
                index[d] += 1
                if index[d] < shape[d]:
                    break
                index[d] = 0
                d -= 1

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._gen)


class ndenumerate:
    def __init__(self, arr):
        self._arr = np.asarray(arr)
        self._index = ndindex(self._arr.shape)

    def __iter__(self):
        return self

    def __next__(self):
        index = next(self._index)
        return index, self._arr[index]


# ---- sets

def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    ar1 = np.asarray(ar1)
    ar2 = np.asarray(ar2)
    if not assume_unique:
        if return_indices:
            ar1, ind1 = np.unique(ar1, return_index=True)
            ar2, ind2 = np.unique(ar2, return_index=True)
        else:
            ar1 = np.unique(ar1)
            ar2 = np.unique(ar2)
    else:
        ar1 = ar1.ravel()
        ar2 = ar2.ravel()
    aux = np.concatenate((ar1, ar2))
    if return_indices:
        aux_sort_indices = np.argsort(aux, kind="mergesort")
        aux = aux[aux_sort_indices]
    else:
        aux = np.sort(aux, kind="stable")
    mask = aux[1:] == aux[:-1]
    int1d = aux[:-1][mask]
    if return_indices:
        ar1_indices = aux_sort_indices[:-1][mask]
        ar2_indices = aux_sort_indices[1:][mask] - ar1.size
        if not assume_unique:
            ar1_indices = ind1[ar1_indices]
            ar2_indices = ind2[ar2_indices]
        return int1d, ar1_indices, ar2_indices
    return int1d


def union1d(ar1, ar2):
    return np.unique(np.concatenate((np.ravel(ar1), np.ravel(ar2))))


def setdiff1d(ar1, ar2, assume_unique=False):
    if assume_unique:
        ar1 = np.asarray(ar1).ravel()
    else:
        ar1 = np.unique(ar1)
        ar2 = np.unique(ar2)
    return ar1[~np.isin(ar1, ar2)]


def setxor1d(ar1, ar2, assume_unique=False):
    if not assume_unique:
        ar1 = np.unique(ar1)
        ar2 = np.unique(ar2)
    aux = np.concatenate((np.ravel(ar1), np.ravel(ar2)))
    if aux.size == 0:
        return aux
    aux = np.sort(aux, kind="stable")
    flag = np.concatenate(([True], aux[1:] != aux[:-1], [True]))
    return aux[flag[1:] & flag[:-1]]


# ---- choosing

def select(condlist, choicelist, default=0):
    if len(condlist) != len(choicelist):
        raise ValueError("list of cases must be same length as list of conditions")
    if len(condlist) == 0:
        raise ValueError("select with an empty condition list is not possible")
    choices = [np.asarray(choice) for choice in choicelist]
    choices.append(np.asarray(default))
    dtype = np.result_type(*choices)
    conds = [np.asarray(cond) for cond in condlist]
    for i, cond in enumerate(conds):
        if cond.dtype != np.bool_:
            raise TypeError("invalid entry " + str(i) + " in condlist: should be boolean ndarray")
    result = np.asarray(choices[-1]).astype(dtype)
    for cond, choice in zip(conds[::-1], choices[-2::-1]):
        result = np.where(cond, choice.astype(dtype), result)
    return result


def piecewise(x, condlist, funclist, *args, **kw):
    x = np.asarray(x)
    n2 = len(funclist)
    if isinstance(condlist, np.ndarray) and condlist.dtype == np.bool_ and (condlist.ndim == 0 or condlist.shape == x.shape):
        condlist = [condlist]
    condlist = [np.asarray(c, dtype=bool) for c in condlist]
    n = len(condlist)
    if n == n2 - 1:
        otherwise = ~np.any(np.array([np.broadcast_to(c, x.shape) for c in condlist]), axis=0) if n else np.ones(x.shape, dtype=bool)
        condlist.append(otherwise)
        n += 1
    elif n != n2:
        raise ValueError("with " + str(n) + " condition(s), either " + str(n) + " or " + str(n + 1) + " functions are expected")
    y = np.zeros(x.shape, x.dtype)
    for cond, func in zip(condlist, funclist):
        cond = np.broadcast_to(cond, x.shape)
        if not callable(func):
            y = np.where(cond, np.asarray(func).astype(x.dtype), y)
        else:
            vals = x[cond]
            if vals.size > 0:
                y[cond] = func(vals, *args, **kw)
    return y


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    arr = np.asarray(arr)
    nd = arr.ndim
    axis = _normalize_axis(axis, nd)
    moved = np.moveaxis(arr, axis, -1)
    outer_shape = moved.shape[:-1]
    results = []
    for index in ndindex(outer_shape):
        results.append(np.asarray(func1d(moved[index], *args, **kwargs)))
    if not results:
        raise ValueError("Cannot apply_along_axis when any iteration dimensions are 0")
    stacked = np.array(results).reshape(outer_shape + results[0].shape)
    res_nd = results[0].ndim
    # numpy puts the function's result axes where `axis` was.
    order = list(range(len(outer_shape)))
    result_axes = list(range(len(outer_shape), len(outer_shape) + res_nd))
    order = order[:axis] + result_axes + order[axis:]
    return np.transpose(stacked, order)


def apply_over_axes(func, a, axes):
    val = np.asarray(a)
    N = a.ndim
    if np.ndim(axes) == 0:
        axes = (axes,)
    for axis in axes:
        if axis < 0:
            axis = N + axis
        res = func(val, axis)
        if np.ndim(res) == val.ndim:
            val = res
        else:
            res = np.expand_dims(res, axis)
            if res.ndim == val.ndim:
                val = res
            else:
                raise ValueError("function is not returning an array of the correct shape")
    return val


# ---- calculus and signals

def gradient(f, *varargs, axis=None, edge_order=1):
    f = np.asanyarray(f) if hasattr(np, "asanyarray") else np.asarray(f)
    N = f.ndim
    if axis is None:
        axes = tuple(range(N))
    elif isinstance(axis, (int, np.integer)):
        axes = (_normalize_axis(axis, N),)
    else:
        axes = tuple(_normalize_axis(ax, N) for ax in axis)
    len_axes = len(axes)
    n = len(varargs)
    if n == 0:
        dx = [1.0] * len_axes
    elif n == 1 and np.ndim(varargs[0]) == 0:
        dx = list(varargs) * len_axes
    elif n == len_axes:
        dx = list(varargs)
        for i, distances in enumerate(dx):
            distances = np.asarray(distances)
            if distances.ndim == 0:
                continue
            elif distances.ndim != 1:
                raise ValueError("distances must be either scalars or 1d")
            if len(distances) != f.shape[axes[i]]:
                raise ValueError("when 1d, distances must match the length of the corresponding dimension")
            if np.issubdtype(distances.dtype, np.integer):
                distances = distances.astype(np.float64)
            diffx = distances[1:] - distances[:-1]
            if np.all(diffx == diffx[0]):
                diffx = diffx[0]
            dx[i] = diffx
    else:
        raise TypeError("invalid number of arguments")
    if edge_order > 2:
        raise ValueError("'edge_order' greater than 2 not supported")
    outvals = []
    otype = f.dtype
    if np.issubdtype(otype, np.integer) or otype == np.bool_:
        f = f.astype(np.float64)
        otype = np.dtype(np.float64)
    for ax_dx, axis in zip(dx, axes):
        if f.shape[axis] < edge_order + 1:
            raise ValueError("Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.")
        n = f.shape[axis]

        def along(sl):
            where = [slice(None)] * N
            where[axis] = sl
            return tuple(where)

        def shaped(values):
            shape = [1] * N
            shape[axis] = -1
            return np.asarray(values).reshape(tuple(shape))

        uniform = np.ndim(ax_dx) == 0
        parts = []
        if edge_order == 1:
            if uniform:
                first = (f[along(slice(1, 2))] - f[along(slice(0, 1))]) / ax_dx
                last = (f[along(slice(n - 1, n))] - f[along(slice(n - 2, n - 1))]) / ax_dx
            else:
                first = (f[along(slice(1, 2))] - f[along(slice(0, 1))]) / ax_dx[0]
                last = (f[along(slice(n - 1, n))] - f[along(slice(n - 2, n - 1))]) / ax_dx[-1]
        else:
            if uniform:
                a, b, c = -1.5 / ax_dx, 2.0 / ax_dx, -0.5 / ax_dx
                first = a * f[along(slice(0, 1))] + b * f[along(slice(1, 2))] + c * f[along(slice(2, 3))]
                a, b, c = 0.5 / ax_dx, -2.0 / ax_dx, 1.5 / ax_dx
                last = a * f[along(slice(n - 3, n - 2))] + b * f[along(slice(n - 2, n - 1))] + c * f[along(slice(n - 1, n))]
            else:
                dx1 = ax_dx[0]
                dx2 = ax_dx[1]
                a = -(2.0 * dx1 + dx2) / (dx1 * (dx1 + dx2))
                b = (dx1 + dx2) / (dx1 * dx2)
                c = -dx1 / (dx2 * (dx1 + dx2))
                first = a * f[along(slice(0, 1))] + b * f[along(slice(1, 2))] + c * f[along(slice(2, 3))]
                dx1 = ax_dx[-2]
                dx2 = ax_dx[-1]
                a = dx2 / (dx1 * (dx1 + dx2))
                b = -(dx2 + dx1) / (dx1 * dx2)
                c = (2.0 * dx2 + dx1) / (dx2 * (dx1 + dx2))
                last = a * f[along(slice(n - 3, n - 2))] + b * f[along(slice(n - 2, n - 1))] + c * f[along(slice(n - 1, n))]
        if n > 2 or edge_order == 1:
            if uniform:
                interior = (f[along(slice(2, None))] - f[along(slice(None, -2))]) / (2.0 * ax_dx)
            else:
                dx1 = ax_dx[0:-1]
                dx2 = ax_dx[1:]
                a = -(dx2) / (dx1 * (dx1 + dx2))
                b = (dx2 - dx1) / (dx1 * dx2)
                c = dx1 / (dx2 * (dx1 + dx2))
                interior = shaped(a) * f[along(slice(None, -2))] + shaped(b) * f[along(slice(1, -1))] + shaped(c) * f[along(slice(2, None))]
            parts = [first, interior, last] if n > 2 else [first, last]
        else:
            parts = [first, last]
        out = np.concatenate(parts, axis=axis).astype(otype)
        outvals.append(out)
    if len_axes == 1:
        return outvals[0]
    return outvals


def correlate(a, v, mode="valid"):
    return _correlate(np.asarray(a), np.asarray(v), mode, "correlate")


def convolve(a, v, mode="full"):
    a = np.asarray(a)
    v = np.asarray(v)
    if a.ndim > 1 or v.ndim > 1:
        raise ValueError("object too deep for desired array")
    if len(v) > len(a):
        a, v = v, a
    if len(a) == 0:
        raise ValueError("a cannot be empty")
    if len(v) == 0:
        raise ValueError("v cannot be empty")
    return _correlate(a, v[::-1], mode, "convolve")


def _correlate(a, v, mode, name):
    if a.ndim == 0:
        a = a.reshape(1)
    if v.ndim == 0:
        v = v.reshape(1)
    if a.ndim > 1 or v.ndim > 1:
        raise ValueError("object too deep for desired array")
    n = a.shape[0]
    m = v.shape[0]
    if n == 0:
        raise ValueError("first array argument cannot be empty")
    if m == 0:
        raise ValueError("second array argument cannot be empty")
    swapped = False
    if m > n:
        a, v = v, a
        n, m = m, n
        swapped = True
    if mode == "valid" or mode == 0:
        left, length = 0, n - m + 1
    elif mode == "same" or mode == 1:
        left, length = m // 2, n
    elif mode == "full" or mode == 2:
        left, length = m - 1, n + m - 1
    else:
        raise ValueError("mode must be one of 'valid', 'same', or 'full' (got " + repr(mode) + ")")
    dtype = np.result_type(a.dtype, v.dtype)
    padded = np.concatenate((np.zeros(left, dtype=dtype), a.astype(dtype), np.zeros(length + m - 1 - left - n if length + m - 1 - left - n > 0 else 0, dtype=dtype)))
    out = np.zeros(length, dtype=dtype)
    vv = v.astype(dtype)
    if np.issubdtype(dtype, np.complexfloating):
        vv = vv if name == "convolve" else vv.conj()
    for k in range(m):
        out = out + padded[k:k + length] * vv[k]
    if swapped:
        out = out[::-1]
        if name == "correlate" and np.issubdtype(dtype, np.complexfloating):
            out = out.conj()
    return out


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    if axis is not None:
        axisa, axisb, axisc = (axis,) * 3
    a = np.asarray(a)
    b = np.asarray(b)
    a = np.moveaxis(a, axisa, -1)
    b = np.moveaxis(b, axisb, -1)
    msg = "incompatible dimensions for cross product\n(dimension must be 2 or 3)"
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError(msg)
    a0 = a[..., 0]
    a1 = a[..., 1]
    a2 = a[..., 2] if a.shape[-1] == 3 else None
    b0 = b[..., 0]
    b1 = b[..., 1]
    b2 = b[..., 2] if b.shape[-1] == 3 else None
    if a2 is None and b2 is None:
        return a0 * b1 - a1 * b0
    if a2 is None:
        cp0 = a1 * b2
        cp1 = -(a0 * b2)
        cp2 = a0 * b1 - a1 * b0
    elif b2 is None:
        cp0 = -(a2 * b1)
        cp1 = a2 * b0
        cp2 = a0 * b1 - a1 * b0
    else:
        cp0 = a1 * b2 - a2 * b1
        cp1 = a2 * b0 - a0 * b2
        cp2 = a0 * b1 - a1 * b0
    cp = np.stack((cp0, cp1, cp2), axis=-1)
    return np.moveaxis(cp, -1, axisc)


# ---- polynomials (the old np.poly* API)

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
    if full or cov:
        raise NotImplementedError("ramba's np.polyfit does not support full= or cov= yet")
    lhs = vander(x, order)
    rhs = y
    if w is not None:
        w = np.asarray(w) + 0.0
        if w.ndim != 1:
            raise TypeError("expected a 1-d array for weights")
        if w.shape[0] != y.shape[0]:
            raise TypeError("expected w and y to have the same length")
        lhs = lhs * w[:, None]
        rhs = rhs * w if rhs.ndim == 1 else rhs * w[:, None]
    # Least squares on the column-scaled Vandermonde matrix (numpy scales the same way).
    scale = np.sqrt((lhs * lhs).sum(axis=0))
    lhs = lhs / scale
    c = np.linalg.solve(lhs.T @ lhs, lhs.T @ rhs)
    return (c.T / scale).T


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
        a = convolve(a, np.array([1, -zero], dtype=dt), mode="full")
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
    val = convolve(_poly_coeffs(a1), _poly_coeffs(a2))
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


# ---- nan-ignoring reductions

def _nan_as(a, value):
    a = np.asarray(a)
    if not (np.issubdtype(a.dtype, np.floating) or np.issubdtype(a.dtype, np.complexfloating)):
        return a, None
    mask = np.isnan(a)
    return np.where(mask, value, a).astype(a.dtype), mask


def nanprod(a, axis=None, dtype=None, out=None, keepdims=False):
    a, mask = _nan_as(a, 1)
    result = np.prod(a, axis=axis, keepdims=keepdims) if keepdims else np.prod(a, axis=axis)
    return result if dtype is None else np.asarray(result).astype(dtype)[()]


def nancumsum(a, axis=None, dtype=None, out=None):
    a, mask = _nan_as(a, 0)
    return np.cumsum(a, axis=axis)


def nancumprod(a, axis=None, dtype=None, out=None):
    a, mask = _nan_as(a, 1)
    return np.cumprod(a, axis=axis)


def nanargmin(a, axis=None, out=None, *, keepdims=False):
    a, mask = _nan_as(a, np.inf)
    if mask is not None and np.any(np.all(mask, axis=axis)):
        raise ValueError("All-NaN slice encountered")
    return np.argmin(a, axis=axis)


def nanargmax(a, axis=None, out=None, *, keepdims=False):
    a, mask = _nan_as(a, -np.inf)
    if mask is not None and np.any(np.all(mask, axis=axis)):
        raise ValueError("All-NaN slice encountered")
    return np.argmax(a, axis=axis)


def nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    arr, mask = _nan_as(a, 0)
    if mask is None:
        return np.var(arr, axis=axis, ddof=ddof, keepdims=keepdims) if keepdims else np.var(arr, axis=axis, ddof=ddof)
    if np.issubdtype(arr.dtype, np.complexfloating):
        raise NotImplementedError("ramba's np.nanvar does not support complex input yet")
    cnt = np.sum(~mask, axis=axis, keepdims=True)
    avg = np.sum(arr, axis=axis, keepdims=True) / cnt
    centered = np.where(mask, 0, arr - avg).astype(arr.dtype)
    var = np.sum(centered * centered, axis=axis, keepdims=keepdims)
    if not keepdims:
        cnt = np.sum(~mask, axis=axis)
    dof = cnt - ddof
    if np.any(dof <= 0):
        _warnings.warn("Degrees of freedom <= 0 for slice.", RuntimeWarning)
    with np.errstate(divide="ignore", invalid="ignore"):
        var = var / np.where(dof > 0, dof, 0)
    return _unwrap(np.asarray(var)) if np.ndim(var) == 0 else var


def nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False):
    var = nanvar(a, axis=axis, ddof=ddof, keepdims=keepdims)
    return np.sqrt(var)


def _nan_along(function, a, axis, keepdims):
    a = np.asarray(a)
    if axis is None:
        flat = a.ravel()
        kept = flat[~np.isnan(flat)] if np.issubdtype(a.dtype, np.floating) else flat
        if kept.size == 0:
            _warnings.warn("All-NaN slice encountered", RuntimeWarning)
            result = np.float64(np.nan)
        else:
            result = function(kept)
        if keepdims:
            return np.asarray(result).reshape((1,) * a.ndim)
        return result

    def one(row):
        kept = row[~np.isnan(row)] if np.issubdtype(row.dtype, np.floating) else row
        if kept.size == 0:
            return np.nan
        return function(kept)
    result = apply_along_axis(one, axis, a)
    if keepdims:
        result = np.expand_dims(result, axis)
    return result


def nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False):
    return _nan_along(np.median, a, axis, keepdims)


def nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, interpolation=None):
    if np.ndim(q) != 0:
        raise NotImplementedError("ramba's np.nanpercentile takes one q for now")
    return _nan_along(lambda v: np.percentile(v, q), a, axis, keepdims)


def nanquantile(a, q, axis=None, out=None, overwrite_input=False, method="linear", keepdims=False, *, interpolation=None):
    if np.ndim(q) != 0:
        raise NotImplementedError("ramba's np.nanquantile takes one q for now")
    return _nan_along(lambda v: np.quantile(v, q), a, axis, keepdims)


# ---- elementwise functions numpy has as ufuncs (here without out=/where= and ufunc methods)

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
    return _unwrap(np.power(np.asarray(x1, dtype=np.float64) if not iscomplexobj(x1) else np.asarray(x1, dtype=np.complex128), x2))


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


# ---- conversions and aliases

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
        order = np.take_along_axis(order, np.argsort(take_along_axis(key, order, axis), axis=axis, kind="stable"), axis) if key.ndim > 1 else order[np.argsort(key[order], kind="stable")]
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
    dd = diff(p, axis=axis)
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
