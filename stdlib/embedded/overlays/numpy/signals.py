# numpy: gradients, convolution, cross products.


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
