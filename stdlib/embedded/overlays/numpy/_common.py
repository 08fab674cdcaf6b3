# Shared by every part of numpy's overlay (embed.cmake puts this text before each part): numpy
# functions that are compositions of array operations, written in ramba's language as numpy writes
# them in Python. A part is parsed the first time a program asks numpy for one of its names; errors
# and warnings raised here are reported at the user's call (library code).
import _warnings
import numpy as np


def _normalize_axis(axis, ndim):
    if axis < -ndim or axis >= ndim:
        raise np.AxisError("axis " + str(axis) + " is out of bounds for array of dimension " + str(ndim))
    return axis + ndim if axis < 0 else axis


def _unwrap(result):
    # A 0-d array becomes its numpy scalar, as numpy's functions return for scalar input.
    if isinstance(result, np.ndarray) and result.ndim == 0:
        return result[()]
    return result


def _as_float_dtype(*dtypes):
    result = np.result_type(*dtypes)
    if np.issubdtype(result, np.integer) or result == np.bool_:
        result = np.result_type(result, np.float64)
    return result
