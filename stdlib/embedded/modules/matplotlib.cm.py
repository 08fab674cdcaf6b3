# matplotlib.cm under ramba: colormaps by name (cm.viridis, cm.get_cmap('hot')) and ScalarMappable.
import matplotlib
from matplotlib.colors import colormaps, get_cmap, Normalize
from matplotlib._cmnames import *


class ScalarMappable:
    def __init__(self, norm=None, cmap=None):
        self.norm = norm if norm is not None else Normalize()
        self.cmap = get_cmap(cmap)
        self._array = None
        self.axes = None

    def set_array(self, array):
        import numpy as np
        self._array = None if array is None else np.asarray(array, dtype=float)
        if self._array is not None:
            self.norm.autoscale_None(self._array)

    def get_array(self):
        return self._array

    def set_clim(self, vmin=None, vmax=None):
        self.norm.vmin = vmin
        self.norm.vmax = vmax

    def get_clim(self):
        return self.norm.vmin, self.norm.vmax

    def to_rgba(self, x, alpha=None, bytes=False, norm=True):
        return self.cmap(self.norm(x) if norm else x, alpha=alpha, bytes=bytes)

    def set_cmap(self, cmap):
        self.cmap = get_cmap(cmap)

    def get_cmap(self):
        return self.cmap


