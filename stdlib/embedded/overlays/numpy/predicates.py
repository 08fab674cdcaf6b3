# numpy: type predicates and cleaning.


def iscomplexobj(x):
    dtype = getattr(x, "dtype", None)
    if dtype is None:
        dtype = np.asarray(x).dtype
    return np.issubdtype(dtype, np.complexfloating)


def isrealobj(x):
    return not iscomplexobj(x)


def iscomplex(x):
    ax = np.asarray(x)
    if iscomplexobj(ax):
        return ax.imag != 0
    return _unwrap(np.zeros(ax.shape, bool))


def isreal(x):
    ax = np.asarray(x)
    if iscomplexobj(ax):
        return ax.imag == 0
    return _unwrap(np.ones(ax.shape, bool))


def isposinf(x):
    x = np.asarray(x)
    if iscomplexobj(x):
        raise TypeError("This operation is not supported for " + str(x.dtype) + " values because it would be ambiguous.")
    result = np.isinf(x) & (x > 0)
    return _unwrap(result)


def isneginf(x):
    x = np.asarray(x)
    if iscomplexobj(x):
        raise TypeError("This operation is not supported for " + str(x.dtype) + " values because it would be ambiguous.")
    result = np.isinf(x) & (x < 0)
    return _unwrap(result)


def nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None):
    scalar = np.ndim(x) == 0 and not isinstance(x, np.ndarray)
    x = np.array(x)
    if not (np.issubdtype(x.dtype, np.floating) or np.issubdtype(x.dtype, np.complexfloating)):
        return _unwrap(x) if scalar else x
    if np.issubdtype(x.dtype, np.complexfloating):
        real = nan_to_num(x.real, nan=nan, posinf=posinf, neginf=neginf)
        imag = nan_to_num(x.imag, nan=nan, posinf=posinf, neginf=neginf)
        out = real + 1j * imag
        out = out.astype(x.dtype)
        return _unwrap(out) if scalar else out
    info = np.finfo(x.dtype)
    big = info.max if posinf is None else posinf
    small = info.min if neginf is None else neginf
    out = np.where(np.isnan(x), nan, x)
    out = np.where(np.isposinf(out), big, out)
    out = np.where(np.isneginf(out), small, out)
    out = out.astype(x.dtype)
    return _unwrap(out) if scalar else out


def real_if_close(a, tol=100):
    a = np.asarray(a)
    if not iscomplexobj(a):
        return a
    if tol > 1:
        tol = np.finfo(a.dtype).eps * tol
    if np.all(np.absolute(a.imag) < tol):
        a = a.real
    return a


def sinc(x):
    x = np.asarray(x)
    y = np.pi * np.where(x == 0, 1.0e-20, x)
    result = np.sin(y) / y
    return _unwrap(result)
