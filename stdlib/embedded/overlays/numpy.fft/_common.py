# Shared by every part of numpy.fft's overlay (embed.cmake puts this text before each part): the
# module's functions that numpy writes in Python over its one-dimensional transforms (fft, ifft,
# rfft, irfft: rows of stdlib/numpy/fft.cpp), written the same way in ramba's language.
import numpy as np


def _is_integer(value):
    return isinstance(value, (int, np.integer))
