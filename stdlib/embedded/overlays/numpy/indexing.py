# numpy: index helpers and index iteration.


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
