# numpy: isscalar and diff.


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
