# numpy.fft's Hermitian and n-dimensional transforms (numpy 1.24's definitions): each applies the
# one-dimensional transform axis by axis.

_SWAP_DIRECTION = {"backward": "forward", None: "forward", "ortho": "ortho", "forward": "backward"}


def _swap_direction(norm):
    if norm is not None and not isinstance(norm, str) or norm not in _SWAP_DIRECTION:
        raise ValueError("Invalid norm value " + str(norm) + '; should be "backward", "ortho" or "forward".')
    return _SWAP_DIRECTION[norm]


def hfft(a, n=None, axis=-1, norm=None):
    """Compute the FFT of a signal that has Hermitian symmetry, i.e., a real spectrum."""
    a = np.asarray(a)
    if n is None:
        n = (a.shape[axis] - 1) * 2
    new_norm = _swap_direction(norm)
    return np.fft.irfft(np.conjugate(a), n, axis, norm=new_norm)


def ihfft(a, n=None, axis=-1, norm=None):
    """Compute the inverse FFT of a signal that has Hermitian symmetry."""
    a = np.asarray(a)
    if n is None:
        n = a.shape[axis]
    new_norm = _swap_direction(norm)
    return np.conjugate(np.fft.rfft(a, n, axis, norm=new_norm))


def _cook_nd_args(a, s=None, axes=None, invreal=False):
    # The lengths and axes of an n-dimensional transform: s defaults to the shape along axes
    # (the last axis of an inverse real transform: 2 * (length - 1)), axes to the last len(s).
    shapeless = s is None
    if s is None:
        if axes is None:
            s = list(a.shape)
        else:
            # numpy takes the lengths with np.take(a.shape, axes).
            s = []
            for ax in axes:
                if ax < -a.ndim or ax >= a.ndim:
                    raise IndexError("index " + str(ax) + " is out of bounds for axis 0 with size " + str(a.ndim))
                s.append(a.shape[ax])
    s = list(s)
    if axes is None:
        axes = list(range(-len(s), 0))
    axes = list(axes)
    if len(s) != len(axes):
        raise ValueError("Shape and axes have different lengths.")
    if invreal and shapeless:
        s[-1] = (a.shape[axes[-1]] - 1) * 2
    return s, axes


def _raw_fftnd(a, s, axes, function, norm):
    a = np.asarray(a)
    s, axes = _cook_nd_args(a, s, axes)
    for ii in range(len(axes) - 1, -1, -1):
        a = function(a, n=s[ii], axis=axes[ii], norm=norm)
    return a


def fftn(a, s=None, axes=None, norm=None):
    """Compute the N-dimensional discrete Fourier Transform."""
    return _raw_fftnd(a, s, axes, np.fft.fft, norm)


def ifftn(a, s=None, axes=None, norm=None):
    """Compute the N-dimensional inverse discrete Fourier Transform."""
    return _raw_fftnd(a, s, axes, np.fft.ifft, norm)


def fft2(a, s=None, axes=(-2, -1), norm=None):
    """Compute the 2-dimensional discrete Fourier Transform."""
    return _raw_fftnd(a, s, axes, np.fft.fft, norm)


def ifft2(a, s=None, axes=(-2, -1), norm=None):
    """Compute the 2-dimensional inverse discrete Fourier Transform."""
    return _raw_fftnd(a, s, axes, np.fft.ifft, norm)


def rfftn(a, s=None, axes=None, norm=None):
    """Compute the N-dimensional discrete Fourier Transform for real input."""
    a = np.asarray(a)
    s, axes = _cook_nd_args(a, s, axes)
    a = np.fft.rfft(a, s[-1], axes[-1], norm)
    for ii in range(len(axes) - 1):
        a = np.fft.fft(a, s[ii], axes[ii], norm)
    return a


def rfft2(a, s=None, axes=(-2, -1), norm=None):
    """Compute the 2-dimensional FFT of a real array."""
    return rfftn(a, s, axes, norm)


def irfftn(a, s=None, axes=None, norm=None):
    """Computes the inverse of `rfftn`."""
    a = np.asarray(a)
    s, axes = _cook_nd_args(a, s, axes, invreal=True)
    for ii in range(len(axes) - 1):
        a = np.fft.ifft(a, s[ii], axes[ii], norm)
    return np.fft.irfft(a, s[-1], axes[-1], norm)


def irfft2(a, s=None, axes=(-2, -1), norm=None):
    """Computes the inverse of `rfft2`."""
    return irfftn(a, s, axes, norm)
