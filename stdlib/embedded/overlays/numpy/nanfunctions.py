# numpy: nan-ignoring reductions.


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
    result = np.apply_along_axis(one, axis, a)
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
