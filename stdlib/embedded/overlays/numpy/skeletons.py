# ramba's own API beyond numpy (Ramba's docs/index.md): the skeletons sreduce, sreduce_index,
# scumulative and spmd, and the constructors init_array and fromarray. Ramba runs each skeleton on
# its workers, one part of the array each, and combines the parts in the driver; here they are
# compositions of array operations (the element function goes through np.smap, so it compiles to
# kernels where its body allows), and an array is one part: sreduce's driver reducer and
# scumulative's final_func, which only join parts, are never called, and spmd runs its function once.


class SreduceReducer:
    # Ramba: one reducer within a worker, another combining the workers' results.
    def __init__(self, worker_func, driver_func):
        self.worker_func = worker_func
        self.driver_func = driver_func


def _is_number(value):
    return isinstance(value, (bool, int, float, complex, np.generic))


def _broadcastable(a, b):
    for i in range(1, min(len(a), len(b)) + 1):
        if a[-i] != b[-i] and a[-i] != 1 and b[-i] != 1:
            return False
    return True


def _element_results(with_index, func, arr, args):
    # func's results one by one, in index order: array arguments elementwise (broadcast), others
    # whole, as np.smap passes them (also an array that cannot broadcast against arr).
    positions = [k for k in range(len(args)) if isinstance(args[k], np.ndarray) and _broadcastable(args[k].shape, arr.shape)]
    arrays = np.broadcast_arrays(arr, *[args[k] for k in positions])
    shape = arrays[0].shape
    call = list(args)
    results = []
    for index in np.ndindex(shape):
        for n in range(len(positions)):
            call[positions[n]] = arrays[n + 1][index]
        if with_index:
            results.append(func(index[0] if len(shape) == 1 else index, arrays[0][index], *call))
        else:
            results.append(func(arrays[0][index], *call))
    return results


def _sreduce(with_index, func, reducer, identity, arr, args):
    if isinstance(reducer, SreduceReducer):
        reducer = reducer.worker_func
    arr = np.asarray(arr)
    # A number as identity: func's results are numbers and go through np.smap (compiled where
    # func's body allows); otherwise (tuples, arrays, as Ramba's numba functions may return and
    # reduce) they are collected one element at a time.
    numbers = _is_number(identity)
    if not numbers:
        results = _element_results(with_index, func, arr, args)
    elif with_index:
        results = np.smap_index(func, arr, *args).ravel()
    else:
        results = np.smap(func, arr, *args).ravel()
    # Ramba folds from identity in index order within a worker (result = reducer(result, value)) and
    # combines the workers' results pairwise; a large array here folds pairwise too when reducer
    # works on arrays elementwise (s + t, np.maximum), in a few array operations instead of a call
    # per element; otherwise (a condition on its arguments, max) in index order.
    if numbers and results.shape[0] >= _PAIRWISE_MIN:
        # In the type the fold from identity has (0 + True counts; bool arrays would only or).
        folded = _pairwise(reducer, results.astype(np.result_type(identity, results.dtype)))
        if folded is not None:
            return reducer(identity, folded)
    result = identity
    for value in results:
        result = reducer(result, value)
    return result


_PAIRWISE_MIN = 4096


def _pairwise(reducer, values):
    # Halves combined elementwise until one value is left; None when reducer does not take arrays.
    while values.shape[0] > 1:
        half = values.shape[0] // 2
        try:
            paired = reducer(values[:half], values[half:2 * half])
        except Exception:
            return None
        if not isinstance(paired, np.ndarray) or paired.shape != (half,):
            return None
        if values.shape[0] % 2 == 1:
            paired = np.concatenate((paired, values[2 * half:]))
        values = paired
    return values[0]


def sreduce(func, reducer, identity, arr, *args):
    return _sreduce(False, func, reducer, identity, arr, args)


def sreduce_index(func, reducer, identity, arr, *args):
    # func receives the index first: an int for a 1-d array, a tuple otherwise (as smap_index).
    return _sreduce(True, func, reducer, identity, arr, args)


def scumulative(local_func, final_func, arr):
    # out[0] = arr[0], out[i] = local_func(out[i - 1], arr[i]) (Ramba's argument order), same dtype.
    arr = np.asarray(arr)
    if arr.ndim != 1:
        raise ValueError("scumulative: the array must be 1-dimensional, not " + str(arr.ndim) + "-dimensional")
    if arr.shape[0] == 0:
        return arr.copy()
    previous = arr[0]
    values = [previous]
    for value in arr[1:]:
        previous = local_func(previous, value)
        values.append(previous)
    return np.array(values, dtype=arr.dtype)


def spmd(func, *args):
    # Ramba runs func once on every worker with the arrays' local parts; here there is one part,
    # the whole array, so func runs once with the arguments as given.
    func(*args)
    return None


def init_array(shape, filler, local_border=0, dtype=None, distribution=None):
    # filler(index) for every index tuple (also for a 1-d array), a scalar, or None (uninitialised);
    # float64 unless dtype says otherwise. local_border and distribution only shape Ramba's workers.
    if np.ndim(shape) == 0:
        shape = (int(shape),)
    shape = tuple(shape)
    if dtype is None:
        dtype = np.float64
    if filler is None:
        return np.empty(shape, dtype=dtype)
    if not callable(filler):
        return np.full(shape, filler, dtype=dtype)
    if len(shape) == 0:
        return np.array(filler(()), dtype=dtype)
    # Through np.smap_index, so filler compiles to a kernel where its body allows.
    if len(shape) == 1:
        return np.smap_index(lambda i, unused: filler((i,)), np.zeros(shape, dtype=np.int8), dtype=dtype)
    return np.smap_index(lambda index, unused: filler(index), np.zeros(shape, dtype=np.int8), dtype=dtype)


def fromarray(x, local_border=0, dtype=None):
    # A copy: later writes to x do not reach the new array.
    return np.array(x, dtype=dtype)
