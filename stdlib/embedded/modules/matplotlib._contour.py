# matplotlib under ramba: contour and contourf. Lines by marching squares over the grid (each cell's
# crossings joined by segments); filled bands drawn as an image of the level index at the grid's
# resolution refined by linear interpolation, which looks like matplotlib's polygons at plot size.
import numpy as np
import matplotlib
from matplotlib import ticker
from matplotlib.colors import Normalize, get_cmap, to_rgba
from matplotlib.axes import Artist, AxesImage, _next_color


def _levels(z, levels, filled):
    finite = z[np.isfinite(z)]
    zmin, zmax = float(finite.min()), float(finite.max())
    if levels is None or isinstance(levels, int):
        n = 7 if levels is None else int(levels)
        locator = ticker.MaxNLocator(n + 1)
        values = locator.tick_values(zmin, zmax)
        if not filled:
            inside = [v for v in values if zmin < v < zmax]
            values = inside if inside else values
        else:
            under = [v for v in values if v <= zmin]
            over = [v for v in values if v >= zmax]
            start = values.index(under[-1]) if under else 0
            stop = values.index(over[0]) if over else len(values) - 1
            values = values[start:stop + 1]
        return np.array(values, dtype=float)
    return np.asarray(levels, dtype=float)


class ContourSet(Artist):
    zorder = 1

    def __init__(self, x, y, z, levels, filled, cmap, norm, colors, linewidths, linestyles, alpha):
        Artist.__init__(self)
        self._x, self._y, self._z = x, y, z
        self.levels = levels
        self.filled = filled
        self.cmap = cmap
        self.norm = norm
        self._colors = colors
        self._linewidths = linewidths
        self._linestyles = linestyles
        self._alpha = alpha
        self._label = '_nolegend_'

    def _limits(self):
        return float(self._x.min()), float(self._x.max()), float(self._y.min()), float(self._y.max())

    def _sticky(self):
        return [float(self._x.min()), float(self._x.max())], [float(self._y.min()), float(self._y.max())]

    def _level_colors(self, values):
        if self._colors is not None:
            colors = [self._colors] if isinstance(self._colors, str) else list(self._colors)
            return [to_rgba(colors[i % len(colors)], self._alpha) for i in range(len(values))]
        rgba = self.cmap(self.norm(np.asarray(values, dtype=float)))
        return [tuple(row) for row in rgba.tolist()]

    def _draw(self, renderer, ax):
        if self.filled:
            self._draw_filled(renderer, ax)
        else:
            self._draw_lines(renderer, ax)

    def _draw_filled(self, renderer, ax):
        z = self._z
        rows, cols = z.shape
        factor = max(1, int(400 / max(rows, cols)))
        fine_r, fine_c = (rows - 1) * factor + 1, (cols - 1) * factor + 1
        ri = np.linspace(0, rows - 1, fine_r)
        ci = np.linspace(0, cols - 1, fine_c)
        r0 = np.clip(np.floor(ri).astype(np.int64), 0, rows - 2) if rows > 1 else np.zeros(fine_r, dtype=np.int64)
        c0 = np.clip(np.floor(ci).astype(np.int64), 0, cols - 2) if cols > 1 else np.zeros(fine_c, dtype=np.int64)
        fr = (ri - r0)[:, None]
        fc = (ci - c0)[None, :]
        z00 = z[r0][:, c0]
        z01 = z[r0][:, c0 + 1] if cols > 1 else z00
        z10 = z[r0 + 1][:, c0] if rows > 1 else z00
        z11 = z[r0 + 1][:, c0 + 1] if rows > 1 and cols > 1 else z00
        fine = z00 * (1 - fr) * (1 - fc) + z01 * (1 - fr) * fc + z10 * fr * (1 - fc) + z11 * fr * fc
        levels = self.levels
        index = np.searchsorted(levels, fine, side='right') - 1
        middles = (levels[:-1] + levels[1:]) / 2
        colors = np.array(self._level_colors(middles))
        valid = (index >= 0) & (index < len(middles)) & np.isfinite(fine)
        index = np.clip(index, 0, len(middles) - 1)
        rgba = colors[index]
        rgba[~valid] = 0.0
        pixels = (rgba * 255).astype(np.uint8)
        x0, x1 = float(self._x.min()), float(self._x.max())
        y0, y1 = float(self._y.min()), float(self._y.max())
        px, py = ax._to_pixels(np.array([x0, x1]), np.array([y0, y1]))
        left, right = min(px), max(px)
        top, bottom = min(py), max(py)
        image = pixels[::-1] if py[0] > py[1] else pixels
        renderer.image(left, top, right - left, bottom - top, np.ascontiguousarray(image), True)

    def _draw_lines(self, renderer, ax):
        z = self._z
        X, Y = self._x, self._y
        colors = self._level_colors(self.levels)
        width = self._linewidths if self._linewidths is not None else matplotlib.rcParams['lines.linewidth']
        for k, level in enumerate(self.levels):
            xs, ys = _marching_squares(X, Y, z, float(level))
            if len(xs) == 0:
                continue
            px, py = ax._to_pixels(xs, ys)
            dashes = None
            style = self._linestyles
            if style is None and self._colors is not None and level < 0:
                style = 'dashed'
            if style in ('dashed', '--'):
                dashes = [3.7 * width, 1.6 * width]
            renderer.polyline(px, py, colors[k], float(width), dashes)

    def clabel(self, *args, **kwargs):
        return []


def _marching_squares(X, Y, z, level):
    """Segments of the level line, as x and y arrays with NaN between segments."""
    above = z >= level
    a = z[:-1, :-1]
    b = z[:-1, 1:]
    c = z[1:, 1:]
    d = z[1:, :-1]
    xs, ys = [], []
    xa, xb, xc, xd = X[:-1, :-1], X[:-1, 1:], X[1:, 1:], X[1:, :-1]
    ya, yb, yc, yd = Y[:-1, :-1], Y[:-1, 1:], Y[1:, 1:], Y[1:, :-1]

    def cross(z1, z2, p1, p2):
        with np.errstate(divide='ignore', invalid='ignore'):
            t = (level - z1) / (z2 - z1)
        return p1 + np.nan_to_num(t) * (p2 - p1)

    edges = [(a, b, xa, xb, ya, yb), (b, c, xb, xc, yb, yc), (c, d, xc, xd, yc, yd), (d, a, xd, xa, yd, ya)]
    crossings = []
    for z1, z2, x1, x2, y1, y2 in edges:
        hit = (z1 >= level) != (z2 >= level)
        crossings.append((hit, cross(z1, z2, x1, x2), cross(z1, z2, y1, y2)))
    points_x = np.stack([cx for hit, cx, cy in crossings], axis=-1)
    points_y = np.stack([cy for hit, cx, cy in crossings], axis=-1)
    hits = np.stack([hit for hit, cx, cy in crossings], axis=-1)
    count = hits.sum(axis=-1)
    rows, cols = np.nonzero(count >= 2)
    out_x, out_y = [], []
    for r, c in zip(rows.tolist(), cols.tolist()):
        where = [k for k in range(4) if hits[r, c, k]]
        pairs = [(where[0], where[1])] if len(where) == 2 else [(where[0], where[1]), (where[2], where[3])]
        for p, q in pairs:
            out_x.extend([points_x[r, c, p], points_x[r, c, q], np.nan])
            out_y.extend([points_y[r, c, p], points_y[r, c, q], np.nan])
    return np.array(out_x, dtype=float), np.array(out_y, dtype=float)


def contour_set(ax, filled, args, kwargs):
    args = list(args)
    levels = kwargs.pop('levels', None)
    if len(args) in (2, 4):
        levels = args.pop()
    if len(args) == 1:
        z = np.asarray(args[0], dtype=float)
        X, Y = np.meshgrid(np.arange(z.shape[1], dtype=float), np.arange(z.shape[0], dtype=float))
    elif len(args) == 3:
        X, Y, z = [np.asarray(v, dtype=float) for v in args]
        if X.ndim == 1:
            X, Y = np.meshgrid(X, Y)
    else:
        raise TypeError(f"Too many arguments to contour; see help(contour)")
    if z.ndim != 2 or z.shape[0] < 2 or z.shape[1] < 2:
        raise TypeError(f"Input z must be at least a (2, 2) shaped array, but has shape {z.shape}")
    levels = _levels(z, levels, filled)
    colors = kwargs.pop('colors', None)
    cmap = None if colors is not None else get_cmap(kwargs.pop('cmap', None))
    norm = kwargs.pop('norm', None)
    vmin, vmax = kwargs.pop('vmin', None), kwargs.pop('vmax', None)
    if norm is None:
        # matplotlib scales the colours over the levels; a band takes the colour of its middle
        norm = Normalize(vmin if vmin is not None else float(levels[0]), vmax if vmax is not None else float(levels[-1]))
    contour = ContourSet(X, Y, z, levels, filled, cmap or get_cmap(None), norm, colors, kwargs.pop('linewidths', None),
                         kwargs.pop('linestyles', None), kwargs.pop('alpha', None))
    ax._add(contour, ax.collections)
    return contour
