# numba, written in ramba's own language, so that Numba programs run under ramba: njit and jit (bare,
# with a signature, or with options such as nopython=True, parallel=True, cache=True) hand the
# function back unchanged and it runs interpreted (its array operations, and np.smap over it,
# compile as every ramba function's do); prange is range; vectorize is np.vectorize.
import numpy as np


def _decorate(args, kwargs, wrap):
    # @njit / njit(f): the function itself; @njit(...) with a signature or options: a decorator.
    if len(args) == 1 and not kwargs and callable(args[0]):
        return wrap(args[0])
    return wrap


def _same(function):
    return function


def njit(*args, **kwargs):
    return _decorate(args, kwargs, _same)


def jit(*args, **kwargs):
    return _decorate(args, kwargs, _same)


def _vectorized(function):
    return np.vectorize(function)


def vectorize(*args, **kwargs):
    return _decorate(args, kwargs, _vectorized)


prange = range
