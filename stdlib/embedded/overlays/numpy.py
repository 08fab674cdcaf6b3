# numpy functions that are compositions of array operations, written in ramba's language as numpy
# writes them in Python. Merged into the native `numpy` module at its first import; errors raised
# here are reported at the user's call (library code).
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
        import warnings
        warnings.warn("Degrees of freedom <= 0 for slice", RuntimeWarning)
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
