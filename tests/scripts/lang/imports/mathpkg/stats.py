import numpy as np
from mathpkg import VERSION


def zscore(a):
    a = np.asarray(a, dtype=float)
    return (a - a.mean()) / a.std()


def version():
    return ".".join(str(v) for v in VERSION)
