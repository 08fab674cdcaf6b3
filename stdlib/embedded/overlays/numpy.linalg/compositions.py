# numpy.linalg's functions built from its factorizations: pinv, matrix_rank, cond, matrix_power,
# multi_dot, tensorsolve, tensorinv (numpy 1.24's definitions and messages).


def pinv(a, rcond=1e-15, hermitian=False):
    """Compute the (Moore-Penrose) pseudo-inverse of a matrix."""
    a = np.asarray(a)
    rcond = np.asarray(rcond)
    if _is_empty_2d(a):
        m, n = a.shape[-2:]
        return np.empty(a.shape[:-2] + (n, m), dtype=a.dtype)
    a = a.conjugate()
    u, s, vt = np.linalg.svd(a, full_matrices=False, hermitian=hermitian)
    # Singular values at most rcond times the largest count as zero.
    cutoff = rcond[..., np.newaxis] * np.amax(s, axis=-1, keepdims=True)
    large = s > cutoff
    s = np.where(large, 1 / np.where(large, s, 1), 0)
    return np.matmul(_matrix_transpose(vt), np.multiply(s[..., np.newaxis], _matrix_transpose(u)))


def matrix_rank(A, tol=None, hermitian=False):
    """Return matrix rank of array using SVD method"""
    A = np.asarray(A)
    if A.ndim < 2:
        return int(not np.all(A == 0))
    S = np.linalg.svd(A, compute_uv=False, hermitian=hermitian)
    if tol is None:
        tol = S.max(axis=-1, keepdims=True) * max(A.shape[-2:]) * np.finfo(S.dtype).eps
    else:
        tol = np.asarray(tol)[..., np.newaxis]
    return np.count_nonzero(S > tol, axis=-1)


def _inverse_or_nan(x):
    # numpy's cond inverts with errors ignored: a singular matrix gives NaNs (then an infinite cond).
    try:
        return np.linalg.inv(x)
    except np.linalg.LinAlgError:
        if x.ndim == 2:
            return np.full(x.shape, np.nan)
        stack = x.reshape((-1,) + x.shape[-2:])
        return np.stack([_inverse_or_nan(m) for m in stack]).reshape(x.shape)


def cond(x, p=None):
    """Compute the condition number of a matrix."""
    x = np.asarray(x)
    if _is_empty_2d(x):
        raise np.linalg.LinAlgError("cond is not defined on empty arrays")
    if p is None or p == 2 or p == -2:
        s = np.linalg.svd(x, compute_uv=False)
        with np.errstate(all="ignore"):
            if p == -2:
                r = s[..., -1] / s[..., 0]
            else:
                r = s[..., 0] / s[..., -1]
    else:
        _assert_stacked_2d(x)
        _assert_stacked_square(x)
        with np.errstate(all="ignore"):
            invx = _inverse_or_nan(x)
            r = np.linalg.norm(x, p, axis=(-2, -1)) * np.linalg.norm(invx, p, axis=(-2, -1))
        # numpy casts to the linalg result type: complex128 for complex input, float32 for float32.
        if np.iscomplexobj(x):
            r = r.astype(np.complex128)
        elif x.dtype == np.float32:
            r = r.astype(np.float32)
    # NaN becomes inf unless the matrix itself held a NaN.
    r = np.asarray(r)
    nan_mask = np.isnan(r)
    if np.any(nan_mask):
        nan_mask = nan_mask & ~np.any(np.isnan(x), axis=(-2, -1))
        if r.ndim > 0:
            r[nan_mask] = np.inf
        elif nan_mask:
            r = np.asarray(np.inf, dtype=r.dtype)
    if r.ndim == 0:
        r = r[()]
    return r


def matrix_power(a, n):
    """Raise a square matrix to the (integer) power `n`."""
    a = np.asarray(a)
    _assert_stacked_2d(a)
    _assert_stacked_square(a)
    if not isinstance(n, (int, np.integer)):
        raise TypeError("exponent must be an integer")
    n = int(n)
    if n == 0:
        result = np.empty_like(a)
        result[...] = np.eye(a.shape[-2], dtype=a.dtype)
        return result
    if n < 0:
        a = np.linalg.inv(a)
        n = -n
    if n == 1:
        return a
    if n == 2:
        return np.matmul(a, a)
    if n == 3:
        return np.matmul(np.matmul(a, a), a)
    # Repeated squaring over the binary digits of n.
    z = None
    result = None
    while n > 0:
        z = a if z is None else np.matmul(z, z)
        n, bit = divmod(n, 2)
        if bit:
            result = z if result is None else np.matmul(result, z)
    return result


def _multi_dot_three(A, B, C):
    a0, a1b0 = A.shape
    b1c0, c1 = C.shape
    cost1 = a0 * b1c0 * (a1b0 + c1)
    cost2 = a1b0 * c1 * (a0 + b1c0)
    if cost1 < cost2:
        return np.dot(np.dot(A, B), C)
    return np.dot(A, np.dot(B, C))


def _multi_dot_chain_order(arrays):
    # The classic matrix-chain dynamic program: split[i][j] is where to split arrays[i..j].
    n = len(arrays)
    p = [a.shape[0] for a in arrays] + [arrays[-1].shape[1]]
    cost = [[0.0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(1, n):
        for i in range(n - length):
            j = i + length
            cost[i][j] = float("inf")
            for k in range(i, j):
                q = cost[i][k] + cost[k + 1][j] + p[i] * p[k + 1] * p[j + 1]
                if q < cost[i][j]:
                    cost[i][j] = q
                    split[i][j] = k
    return split


def _multi_dot(arrays, split, i, j):
    if i == j:
        return arrays[i]
    return np.dot(_multi_dot(arrays, split, i, split[i][j]), _multi_dot(arrays, split, split[i][j] + 1, j))


def multi_dot(arrays, *, out=None):
    """Compute the dot product of two or more arrays in a single function call, while automatically selecting the fastest evaluation order."""
    n = len(arrays)
    if n < 2:
        raise ValueError("Expecting at least two arrays.")
    if n == 2:
        result = np.dot(arrays[0], arrays[1])
    else:
        arrays = [np.asarray(a) for a in arrays]
        ndim_first = arrays[0].ndim
        ndim_last = arrays[-1].ndim
        if ndim_first == 1:
            arrays[0] = np.atleast_2d(arrays[0])
        if ndim_last == 1:
            arrays[-1] = np.atleast_2d(arrays[-1]).T
        _assert_2d(*arrays)
        if n == 3:
            result = _multi_dot_three(arrays[0], arrays[1], arrays[2])
        else:
            result = _multi_dot(arrays, _multi_dot_chain_order(arrays), 0, n - 1)
        if ndim_first == 1 and ndim_last == 1:
            result = result[0, 0]
        elif ndim_first == 1 or ndim_last == 1:
            result = result.ravel()
    if out is not None:
        out[...] = result
        return out
    return result


def tensorsolve(a, b, axes=None):
    """Solve the tensor equation ``a x = b`` for x."""
    a = np.asarray(a)
    b = np.asarray(b)
    an = a.ndim
    if axes is not None:
        allaxes = list(range(0, an))
        for k in axes:
            allaxes.remove(k)
            allaxes.insert(an, k)
        a = a.transpose(allaxes)
    oldshape = a.shape[-(an - b.ndim):]
    prod = 1
    for k in oldshape:
        prod *= k
    if a.size != prod ** 2:
        # numpy's message has a backslash-continued line's indentation inside it.
        raise np.linalg.LinAlgError("Input arrays must satisfy the requirement " + " " * 12
                                    + "prod(a.shape[b.ndim:]) == prod(a.shape[:b.ndim])")
    a = a.reshape(prod, prod)
    b = b.ravel()
    return np.linalg.solve(a, b).reshape(oldshape)


def tensorinv(a, ind=2):
    """Compute the 'inverse' of an N-dimensional array."""
    a = np.asarray(a)
    oldshape = a.shape
    prod = 1
    if ind > 0:
        invshape = oldshape[ind:] + oldshape[:ind]
        for k in oldshape[ind:]:
            prod *= k
    else:
        raise ValueError("Invalid ind argument.")
    a = a.reshape(prod, -1)
    return np.linalg.inv(a).reshape(*invshape)
