# numpy.fft's helpers (numpy 1.24's helper.py): sample frequencies and the zero-frequency shifts.


def fftfreq(n, d=1.0):
    """Return the Discrete Fourier Transform sample frequencies."""
    if not _is_integer(n):
        raise ValueError("n should be an integer")
    val = 1.0 / (n * d)
    results = np.empty(n, int)
    N = (n - 1) // 2 + 1
    results[:N] = np.arange(0, N, dtype=int)
    results[N:] = np.arange(-(n // 2), 0, dtype=int)
    return results * val


def rfftfreq(n, d=1.0):
    """Return the Discrete Fourier Transform sample frequencies (for usage with rfft, irfft)."""
    if not _is_integer(n):
        raise ValueError("n should be an integer")
    val = 1.0 / (n * d)
    N = n // 2 + 1
    return np.arange(0, N, dtype=int) * val


def fftshift(x, axes=None):
    """Shift the zero-frequency component to the center of the spectrum."""
    x = np.asarray(x)
    if axes is None:
        axes = tuple(range(x.ndim))
        shift = [dim // 2 for dim in x.shape]
    elif _is_integer(axes):
        shift = x.shape[axes] // 2
    else:
        shift = [x.shape[ax] // 2 for ax in axes]
    return np.roll(x, shift, axes)


def ifftshift(x, axes=None):
    """The inverse of `fftshift`. Although identical for even-length `x`, the functions differ by one sample for odd-length `x`."""
    x = np.asarray(x)
    if axes is None:
        axes = tuple(range(x.ndim))
        shift = [-(dim // 2) for dim in x.shape]
    elif _is_integer(axes):
        shift = -(x.shape[axes] // 2)
    else:
        shift = [-(x.shape[ax] // 2) for ax in axes]
    return np.roll(x, shift, axes)
