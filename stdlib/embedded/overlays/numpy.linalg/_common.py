# Shared by every part of numpy.linalg's overlay (embed.cmake puts this text before each part): the
# module's functions that numpy writes in Python over its LAPACK-backed ones (svd, inv, solve, ...,
# rows of stdlib/numpy/linalg_module.cpp), written the same way in ramba's language.
import numpy as np


def _assert_2d(*arrays):
    for a in arrays:
        if a.ndim != 2:
            raise np.linalg.LinAlgError(str(a.ndim) + "-dimensional array given. Array must be two-dimensional")


def _assert_stacked_2d(*arrays):
    for a in arrays:
        if a.ndim < 2:
            raise np.linalg.LinAlgError(str(a.ndim) + "-dimensional array given. Array must be at least two-dimensional")


def _assert_stacked_square(*arrays):
    for a in arrays:
        if a.shape[-1] != a.shape[-2]:
            raise np.linalg.LinAlgError("Last 2 dimensions of the array must be square")


def _is_empty_2d(a):
    return a.size == 0 and a.shape[-1] * a.shape[-2] == 0


def _matrix_transpose(a):
    return np.swapaxes(a, -1, -2)
