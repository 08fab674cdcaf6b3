# numpy: averages, covariance, integration, counting and binning, interpolation.


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
            d = np.diff(x, axis=axis)
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
