# matplotlib.colors under ramba: colour specifications (names, hex, grey levels, 'C0'..'C9', tuples)
# to RGBA, normalisation of data to [0, 1], and colormaps as lookup tables (matplotlib._data holds
# matplotlib's own tables).
import numpy as np
import matplotlib
from matplotlib._data import NAMED_COLORS, COLORMAPS


def _hex_rgba(text):
    text = text.lstrip('#')
    if len(text) in (3, 4):
        text = ''.join(ch + ch for ch in text)
    if len(text) not in (6, 8):
        raise ValueError
    parts = [int(text[i:i + 2], 16) / 255.0 for i in range(0, len(text), 2)]
    if len(parts) == 3:
        parts.append(1.0)
    return tuple(parts)


def to_rgba(c, alpha=None):
    """The colour as an (r, g, b, a) tuple of floats in [0, 1]."""
    rgba = None
    if isinstance(c, str):
        name = c.lower() if not c.startswith('C') else c
        if len(name) == 2 and name[0] == 'C' and name[1].isdigit():
            cycle = matplotlib.rcParams['axes.prop_cycle']
            rgba = _hex_rgba(cycle[int(name[1]) % len(cycle)])
        elif name in ('none',):
            rgba = (0.0, 0.0, 0.0, 0.0)
        elif name.startswith('#'):
            try:
                rgba = _hex_rgba(name)
            except ValueError:
                rgba = None
        elif name in NAMED_COLORS:
            rgba = _hex_rgba(NAMED_COLORS[name])
        elif name.startswith('xkcd:'):
            rgba = None
        else:
            try:
                level = float(name)
            except ValueError:
                level = None
            if level is not None:
                if not 0 <= level <= 1:
                    raise ValueError(f"Invalid string grayscale value {c!r}. Value must be within 0-1 range")
                rgba = (level, level, level, 1.0)
        if rgba is None:
            raise ValueError(f"{c!r} is not a valid color value.")
    else:
        try:
            values = [float(v) for v in c]
        except TypeError:
            raise ValueError(f"Invalid RGBA argument: {c!r}")
        if len(values) not in (3, 4) or any(v < 0 or v > 1 for v in values):
            raise ValueError(f"Invalid RGBA argument: {c!r}")
        if len(values) == 3:
            values.append(1.0)
        rgba = tuple(values)
    if alpha is not None:
        rgba = (rgba[0], rgba[1], rgba[2], float(alpha))
    return rgba


def to_rgb(c):
    return to_rgba(c)[:3]


def to_hex(c, keep_alpha=False):
    rgba = to_rgba(c)
    parts = rgba if keep_alpha else rgba[:3]
    return '#' + ''.join('%02x' % int(round(v * 255)) for v in parts)


def is_color_like(c):
    try:
        to_rgba(c)
        return True
    except (ValueError, TypeError):
        return False


def to_rgba_array(c, alpha=None):
    if isinstance(c, str):
        return np.array([to_rgba(c, alpha)])
    array = np.asarray(c) if not isinstance(c, (list, tuple)) or (len(c) > 0 and not isinstance(c[0], str)) else None
    if array is not None and array.ndim == 2 and array.shape[1] in (3, 4):
        rows = [to_rgba(tuple(row), alpha) for row in array.tolist()]
        return np.array(rows)
    if array is not None and array.ndim == 1 and array.shape[0] in (3, 4) and array.dtype.kind == 'f':
        return np.array([to_rgba(tuple(array.tolist()), alpha)])
    return np.array([to_rgba(item, alpha) for item in c])


class Normalize:
    """Linearly maps vmin..vmax to 0..1 (the limits from the data when not given)."""

    def __init__(self, vmin=None, vmax=None, clip=False):
        self.vmin = None if vmin is None else float(vmin)
        self.vmax = None if vmax is None else float(vmax)
        self.clip = clip

    def autoscale_None(self, data):
        data = np.asarray(data, dtype=float)
        finite = data[np.isfinite(data)]
        if self.vmin is None and finite.size:
            self.vmin = float(finite.min())
        if self.vmax is None and finite.size:
            self.vmax = float(finite.max())

    def autoscale(self, data):
        self.vmin = None
        self.vmax = None
        self.autoscale_None(data)

    def scaled(self):
        return self.vmin is not None and self.vmax is not None

    def __call__(self, value, clip=None):
        data = np.asarray(value, dtype=float)
        self.autoscale_None(data)
        vmin, vmax = self.vmin, self.vmax
        if vmin is None or vmax is None:
            return data * 0.0
        if vmin == vmax:
            return data * 0.0
        result = (data - vmin) / (vmax - vmin)
        if clip or (clip is None and self.clip):
            result = np.clip(result, 0.0, 1.0)
        return result

    def inverse(self, value):
        return self.vmin + np.asarray(value, dtype=float) * (self.vmax - self.vmin)


class LogNorm(Normalize):
    """Maps log10 of vmin..vmax to 0..1."""

    def autoscale_None(self, data):
        data = np.asarray(data, dtype=float)
        positive = data[np.isfinite(data) & (data > 0)]
        if self.vmin is None and positive.size:
            self.vmin = float(positive.min())
        if self.vmax is None and positive.size:
            self.vmax = float(positive.max())

    def __call__(self, value, clip=None):
        data = np.asarray(value, dtype=float)
        self.autoscale_None(data)
        if self.vmin is None or self.vmax is None or self.vmin <= 0:
            raise ValueError("Invalid vmin or vmax")
        low, high = np.log10(self.vmin), np.log10(self.vmax)
        with np.errstate(divide='ignore', invalid='ignore'):
            result = (np.log10(data) - low) / (high - low)
        result = np.where(data > 0, result, np.nan)
        if clip or (clip is None and self.clip):
            result = np.clip(result, 0.0, 1.0)
        return result

    def inverse(self, value):
        low, high = np.log10(self.vmin), np.log10(self.vmax)
        return 10.0 ** (low + np.asarray(value, dtype=float) * (high - low))


class NoNorm(Normalize):
    def __call__(self, value, clip=None):
        return np.asarray(value)


class Colormap:
    """A lookup table of N colours; calling it maps floats in [0, 1] (or ints, as indices) to RGBA."""

    def __init__(self, name, N=256):
        self.name = name
        self.N = N
        self._lut = None
        self._bad = (0.0, 0.0, 0.0, 0.0)
        self._under = None
        self._over = None

    def _table(self):
        return self._lut

    def __call__(self, X, alpha=None, bytes=False):
        scalar = np.ndim(X) == 0
        data = np.asarray(X)
        lut = self._table()
        n = self.N
        if data.dtype.kind == 'f':
            scaled = data * n
            bad = np.isnan(data)
            index = np.where(bad, 0, scaled)
            index = np.where(index == n, n - 1, index)
            under = index < 0
            over = index >= n
            index = np.clip(index, 0, n - 1).astype(np.int64)
        else:
            bad = np.zeros(data.shape, dtype=bool)
            under = data < 0
            over = data >= n
            index = np.clip(data, 0, n - 1).astype(np.int64)
        rgba = lut[index]
        if self._under is not None and np.any(under):
            rgba[under] = self._under
        if self._over is not None and np.any(over):
            rgba[over] = self._over
        if np.any(bad):
            rgba[bad] = self._bad
        if alpha is not None:
            rgba[..., 3] = alpha
        if bytes:
            rgba = (rgba * 255).astype(np.uint8)
        if scalar:
            return tuple(rgba.tolist())
        return rgba

    def set_bad(self, color='k', alpha=None):
        self._bad = to_rgba(color, alpha)

    def set_under(self, color='k', alpha=None):
        self._under = to_rgba(color, alpha)

    def set_over(self, color='k', alpha=None):
        self._over = to_rgba(color, alpha)

    def reversed(self, name=None):
        reverse = ListedColormap(self._table()[::-1].copy(), name or self.name + '_r')
        reverse._listed = getattr(self, '_listed', False)
        return reverse

    def copy(self):
        twin = ListedColormap(self._table().copy(), self.name)
        twin._bad, twin._under, twin._over = self._bad, self._under, self._over
        return twin

    def resampled(self, lutsize):
        positions = np.linspace(0.0, 1.0, lutsize)
        return ListedColormap(self(positions), self.name)

    def __repr__(self):
        return f'<matplotlib.colors.{type(self).__name__} object>'


class ListedColormap(Colormap):
    def __init__(self, colors, name='from_list', N=None):
        table = to_rgba_array(colors) if not (hasattr(colors, 'ndim') and colors.ndim == 2 and colors.shape[1] == 4) else np.asarray(colors, dtype=float)
        if N is not None and N != len(table):
            table = np.array([table[i % len(table)] for i in range(N)])
        Colormap.__init__(self, name, len(table))
        self._lut = np.array(table, dtype=float)
        self.colors = colors
        self._listed = True


class LinearSegmentedColormap(Colormap):
    def __init__(self, name, table, N=256):
        Colormap.__init__(self, name, N)
        self._lut = table

    @staticmethod
    def from_list(name, colors, N=256, gamma=1.0):
        stops = None
        if len(colors) > 0 and isinstance(colors[0], (tuple, list)) and len(colors[0]) == 2 and not isinstance(colors[0][1], (int, float)):
            stops = [float(position) for position, color in colors]
            colors = [color for position, color in colors]
        rgba = to_rgba_array(colors)
        if stops is None:
            stops = np.linspace(0.0, 1.0, len(rgba))
        else:
            stops = np.array(stops)
        positions = np.linspace(0.0, 1.0, N)
        table = np.zeros((N, 4))
        for channel in range(4):
            table[:, channel] = np.interp(positions, stops, rgba[:, channel])
        return LinearSegmentedColormap(name, table, N)


def _from_table(name):
    n, listed, text = COLORMAPS[name]
    values = [int(text[i:i + 2], 16) / 255.0 for i in range(0, len(text), 2)]
    table = np.ones((n, 4))
    table[:, :3] = np.array(values).reshape(n, 3)
    cmap = ListedColormap(table, name) if listed else LinearSegmentedColormap(name, table, n)
    cmap._listed = listed
    return cmap


class _LazyColormap(Colormap):
    """A named colormap whose table is decoded on first use (matplotlib.cm names all of them)."""

    def __init__(self, name):
        n, listed, text = COLORMAPS[name]
        Colormap.__init__(self, name, n)
        self._listed = listed

    def _table(self):
        if self._lut is None:
            self._lut = _from_table(self.name)._lut
        return self._lut


class ColormapRegistry:
    """matplotlib.colormaps: colormaps by name ('viridis', 'gray_r', ...)."""

    def __init__(self):
        self._made = {}

    def __getitem__(self, name):
        if name in self._made:
            return self._made[name]
        base = name[:-2] if name.endswith('_r') else name
        if base not in COLORMAPS:
            raise KeyError(f"{name!r} is not a known colormap name")
        cmap = _LazyColormap(base) if base == name else self[base].reversed(name)
        self._made[name] = cmap
        return cmap

    def __contains__(self, name):
        base = name[:-2] if name.endswith('_r') else name
        return base in COLORMAPS or name in self._made

    def __iter__(self):
        return iter(list(COLORMAPS) + [name + '_r' for name in COLORMAPS])

    def __len__(self):
        return 2 * len(COLORMAPS)

    def register(self, cmap, name=None, force=False):
        self._made[name or cmap.name] = cmap

    def get_cmap(self, cmap):
        return get_cmap(cmap)


colormaps = ColormapRegistry()


def get_cmap(name=None, lut=None):
    if name is None:
        name = matplotlib.rcParams['image.cmap']
    if isinstance(name, Colormap):
        return name
    if name not in colormaps:
        names = ', '.join(sorted(list(COLORMAPS)))
        raise ValueError(f"{name!r} is not a valid value for cmap; supported values are {names}")
    cmap = colormaps[name]
    return cmap.resampled(lut) if lut is not None else cmap


CSS4_COLORS = {name: value for name, value in NAMED_COLORS.items() if len(name) > 1 and not name.startswith('tab:')}
TABLEAU_COLORS = {name: value for name, value in NAMED_COLORS.items() if name.startswith('tab:')}
BASE_COLORS = {name: to_rgb(value) for name, value in NAMED_COLORS.items() if len(name) == 1}
