# numba, written in ramba's own language, so that Numba programs run under ramba: njit and jit (bare,
# with a signature, or with options such as nopython=True, parallel=True, cache=True) hand the
# function back unchanged and it runs interpreted (its array operations, and np.smap over it,
# compile as every ramba function's do); prange is range; vectorize is np.vectorize; the type names
# (float64, int64[:], ...) make signatures that are accepted and not checked.
import numpy as np


def _decorate(args, kwargs, wrap):
    # @njit / njit(f): the function itself; @njit(...) with a signature or options: a decorator.
    if len(args) == 1 and not kwargs and callable(args[0]) and not isinstance(args[0], _Type):
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


class _Type:
    # A Numba type in a signature: float64(float64, int64), float64[:], int32[:, ::1]; ramba keeps
    # no types, so calling or indexing one gives it back and the signature is only accepted.
    def __init__(self, name):
        self.name = name

    def __call__(self, *args):
        return self

    def __getitem__(self, key):
        return self

    def __repr__(self):
        return self.name


boolean = _Type("bool")
b1 = boolean
int8 = _Type("int8")
int16 = _Type("int16")
int32 = _Type("int32")
int64 = _Type("int64")
intp = int64
i4 = int32
i8 = int64
uint8 = _Type("uint8")
uint16 = _Type("uint16")
uint32 = _Type("uint32")
uint64 = _Type("uint64")
float32 = _Type("float32")
float64 = _Type("float64")
f4 = float32
f8 = float64
complex64 = _Type("complex64")
complex128 = _Type("complex128")
void = _Type("none")
