# numpy: choosing elements and applying functions along axes.


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
    for index in np.ndindex(outer_shape):
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
