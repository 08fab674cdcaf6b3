# numpy: building and reshaping.


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
