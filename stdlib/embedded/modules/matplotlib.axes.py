# matplotlib.axes under ramba: Axes with their artists (lines, markers, bars, patches, images, texts),
# the two Axis objects (limits, scale, ticks, labels) and the legend, laid out and drawn in pixels by
# matplotlib._render with matplotlib 3.6's default sizes (all sizes here are in points).
import math
import numpy as np
import matplotlib
from matplotlib import ticker
from matplotlib.colors import to_rgba, to_rgba_array, Normalize, LogNorm, get_cmap, Colormap
from matplotlib._render import font_points

LINESTYLES = {'-': None, 'solid': None, '--': (3.7, 1.6), 'dashed': (3.7, 1.6), ':': (1.0, 1.65), 'dotted': (1.0, 1.65),
              '-.': (6.4, 1.6, 1.0, 1.6), 'dashdot': (6.4, 1.6, 1.0, 1.6), 'None': 'none', 'none': 'none', ' ': 'none', '': 'none'}
MARKERS = {'o', 's', '^', 'v', '<', '>', 'D', 'd', '+', 'x', '*', '.', ',', 'p', 'h', 'H', '8', '|', '_', 'P', 'X', '1', '2', '3', '4'}
MARKER_SHAPE = {'H': 'h', '8': 'o', 'P': '+', 'X': 'x', '1': 'v', '2': '^', '3': '<', '4': '>'}
COLOR_LETTERS = 'bgrcmykw'
LEGEND_CODES = {'best': 0, 'upper right': 1, 'upper left': 2, 'lower left': 3, 'lower right': 4, 'right': 5,
                'center left': 6, 'center right': 7, 'lower center': 8, 'upper center': 9, 'center': 10}
_ALIASES = {'c': 'color', 'lw': 'linewidth', 'ls': 'linestyle', 'ms': 'markersize', 'mfc': 'markerfacecolor',
            'mec': 'markeredgecolor', 'mew': 'markeredgewidth', 'fc': 'facecolor', 'ec': 'edgecolor', 'fontsize': 'fontsize'}


def _unalias(kwargs):
    return {_ALIASES.get(key, key): value for key, value in kwargs.items()}


def _dashes(style, width):
    pattern = LINESTYLES.get(style, None) if isinstance(style, str) else None
    if isinstance(style, tuple) and len(style) == 2:
        offset, seq = style
        return [float(v) for v in seq] if seq else None
    if pattern is None or pattern == 'none':
        return pattern
    return [v * width for v in pattern]


def _parse_fmt(fmt):
    """'r--o' -> (color, linestyle, marker); matplotlib's ValueError for a bad string."""
    color = marker = linestyle = None
    i = 0
    if fmt.startswith('C') and len(fmt) > 1 and fmt[1].isdigit():
        color = fmt[:2]
        i = 2
    while i < len(fmt):
        two = fmt[i:i + 2]
        ch = fmt[i]
        if two in ('--', '-.'):
            if linestyle is not None:
                raise ValueError(f"{fmt!r} is not a valid format string (two linestyle symbols)")
            linestyle = two
            i += 2
            continue
        if ch in '-:':
            if linestyle is not None:
                raise ValueError(f"{fmt!r} is not a valid format string (two linestyle symbols)")
            linestyle = ch
        elif ch in MARKERS:
            if marker is not None:
                raise ValueError(f"{fmt!r} is not a valid format string (two marker symbols)")
            marker = ch
        elif ch in COLOR_LETTERS:
            if color is not None:
                raise ValueError(f"{fmt!r} is not a valid format string (two color symbols)")
            color = ch
        else:
            raise ValueError(f"{fmt!r} is not a valid format string (unrecognized character {ch!r})")
        i += 1
    if linestyle is None and marker is None:
        linestyle = '-'
    if linestyle is None:
        linestyle = 'None'
    return color, linestyle, marker


def _values(data):
    """Plot data as a float64 array (ints, bools, lists, pandas-free)."""
    array = np.asarray(data)
    if array.dtype.kind in 'biuf':
        return array.astype(np.float64)
    return np.asarray(data, dtype=np.float64)


class Artist:
    zorder = 0

    def __init__(self):
        self._label = ''
        self._visible = True
        self._alpha = None
        self.axes = None

    def get_label(self):
        return self._label

    def set_label(self, label):
        self._label = '' if label is None else str(label)

    def set_visible(self, visible):
        self._visible = bool(visible)

    def get_visible(self):
        return self._visible

    def set_alpha(self, alpha):
        self._alpha = alpha

    def get_alpha(self):
        return self._alpha

    def set_zorder(self, z):
        self.zorder = z

    def get_zorder(self):
        return self.zorder

    def remove(self):
        if self.axes is not None:
            self.axes._remove_artist(self)

    def set(self, **kwargs):
        for key, value in _unalias(kwargs).items():
            setter = getattr(self, 'set_' + key, None)
            if setter is None:
                raise AttributeError(f"{type(self).__name__}.set() got an unexpected keyword argument {key!r}")
            setter(value)
        return self

    def _limits(self):
        return None

    def _sticky(self):
        return [], []


class Line2D(Artist):
    zorder = 2

    def __init__(self, xdata, ydata, color=None, linewidth=None, linestyle='-', marker=None, markersize=None,
                 markerfacecolor=None, markeredgecolor=None, markeredgewidth=None, label='', alpha=None, zorder=None,
                 drawstyle='default', dashes=None, fillstyle=None, markevery=None, solid_capstyle=None, **ignored):
        Artist.__init__(self)
        rc = matplotlib.rcParams
        self._x = _values(xdata)
        self._y = _values(ydata)
        self._color = color if color is not None else rc['lines.color']
        self._linewidth = float(linewidth) if linewidth is not None else rc['lines.linewidth']
        self._linestyle = linestyle if linestyle is not None else rc['lines.linestyle']
        self._marker = None if marker in (None, 'None', 'none', '', ' ') else str(marker)
        self._markersize = float(markersize) if markersize is not None else rc['lines.markersize']
        self._mfc = markerfacecolor
        self._mec = markeredgecolor
        self._mew = float(markeredgewidth) if markeredgewidth is not None else rc['lines.markeredgewidth']
        self._drawstyle = drawstyle or 'default'
        self._dashes = dashes
        self._fillstyle = fillstyle
        self.set_label(label)
        self._alpha = alpha
        if zorder is not None:
            self.zorder = zorder

    def get_xdata(self):
        return self._x

    def get_ydata(self):
        return self._y

    def get_data(self):
        return self._x, self._y

    def set_data(self, x, y=None):
        if y is None:
            x, y = x
        self._x = _values(x)
        self._y = _values(y)

    def set_xdata(self, x):
        self._x = _values(x)

    def set_ydata(self, y):
        self._y = _values(y)

    def get_color(self):
        return self._color

    def set_color(self, color):
        to_rgba(color)
        self._color = color

    def set_linewidth(self, w):
        self._linewidth = float(w)

    def get_linewidth(self):
        return self._linewidth

    def set_linestyle(self, style):
        self._linestyle = style

    def get_linestyle(self):
        return self._linestyle

    def set_marker(self, marker):
        self._marker = None if marker in (None, 'None', 'none', '') else marker

    def set_markersize(self, size):
        self._markersize = float(size)

    def set_markerfacecolor(self, color):
        self._mfc = color

    def set_markeredgecolor(self, color):
        self._mec = color

    def set_drawstyle(self, style):
        self._drawstyle = style

    def _limits(self):
        x, y = self._x, self._y
        good = np.isfinite(x) & np.isfinite(y)
        if self.axes is not None:
            if self.axes.xaxis._scale == 'log':
                good = good & (x > 0)
            if self.axes.yaxis._scale == 'log':
                good = good & (y > 0)
        if not np.any(good):
            return None
        return float(x[good].min()), float(x[good].max()), float(y[good].min()), float(y[good].max())

    def _stepped(self, x, y):
        if self._drawstyle in ('default', None) or len(x) < 2:
            return x, y
        n = len(x)
        if self._drawstyle in ('steps', 'steps-pre'):
            sx = np.repeat(x, 2)[1:]
            sy = np.repeat(y, 2)[:-1]
        elif self._drawstyle == 'steps-post':
            sx = np.repeat(x, 2)[:-1]
            sy = np.repeat(y, 2)[1:]
        else:  # steps-mid
            mid = (x[:-1] + x[1:]) / 2
            sx = np.concatenate([[x[0]], np.repeat(mid, 2), [x[-1]]])
            sy = np.repeat(y, 2)
        return sx, sy

    def _draw(self, renderer, ax):
        x, y = self._stepped(self._x, self._y)
        px, py = ax._to_pixels(x, y)
        alpha = self._alpha
        color = to_rgba(self._color, alpha)
        if self._linestyle not in ('None', 'none', '', ' ') and len(px) > 1:
            dashes = self._dashes if self._dashes is not None else _dashes(self._linestyle, self._linewidth)
            if dashes != 'none':
                cap = 'projecting' if dashes is None else 'butt'
                renderer.polyline(px, py, color, self._linewidth, dashes, cap=cap, join='round')
        if self._marker is not None:
            ax._draw_markers(renderer, self._x, self._y, self._marker, self._markersize, self._mfc, self._mec, self._mew, color)

    def _legend_handle(self, renderer, x, y, width, height):
        color = to_rgba(self._color, self._alpha)
        cy = y + height / 2
        bars = getattr(self, '_errorbar', None)
        if bars is not None:
            # matplotlib's errorbar handle: the bars reach half the font size each way, with their caps
            reach = height / 0.7 * 0.5
            cx = x + width / 2
            bar_color = to_rgba(bars._color)
            cap = renderer.points(bars._capsize)
            cap_width = bars._capthick if bars._capthick is not None else bars._width
            if bars.vertical is not None:
                renderer.polyline(np.array([cx, cx]), np.array([cy - reach, cy + reach]), bar_color, bars._width)
                if cap > 0:
                    for yy in (cy - reach, cy + reach):
                        renderer.polyline(np.array([cx - cap, cx + cap]), np.array([yy, yy]), bar_color, cap_width)
            if bars.horizontal is not None:
                renderer.polyline(np.array([cx - reach, cx + reach]), np.array([cy, cy]), bar_color, bars._width)
                if cap > 0:
                    for xx in (cx - reach, cx + reach):
                        renderer.polyline(np.array([xx, xx]), np.array([cy - cap, cy + cap]), bar_color, cap_width)
        if self._linestyle not in ('None', 'none', '', ' '):
            dashes = self._dashes if self._dashes is not None else _dashes(self._linestyle, self._linewidth)
            if dashes != 'none':
                renderer.polyline(np.array([x, x + width]), np.array([cy, cy]), color, self._linewidth, dashes,
                                  cap='projecting' if dashes is None else 'butt')
        if self._marker is not None:
            marker_x = np.array([x + width / 2])
            size = self._markersize
            face = to_rgba(self._mfc, self._alpha) if self._mfc not in (None, 'auto') else color
            edge = to_rgba(self._mec, self._alpha) if self._mec not in (None, 'auto') else color
            shape = MARKER_SHAPE.get(self._marker, self._marker)
            if self._marker == '.':
                size = size
            renderer.markers(marker_x, np.array([cy]), shape, size, np.array(face), np.array(edge), self._mew)


class PathCollection(Artist):
    """Scatter markers: one offset per point, sizes in points squared, colours per point or one."""
    zorder = 1

    def __init__(self, x, y, sizes, facecolors, edgecolors, linewidths, marker, label='', alpha=None, cmap=None, norm=None, values=None):
        Artist.__init__(self)
        self._x = x
        self._y = y
        self._sizes = sizes
        self._faces = facecolors
        self._edges = edgecolors
        self._linewidths = linewidths
        self._marker = marker
        self.set_label(label)
        self._alpha = alpha
        self.cmap = cmap
        self.norm = norm
        self._values = values

    def _limits(self):
        good = np.isfinite(self._x) & np.isfinite(self._y)
        if not np.any(good):
            return None
        return float(self._x[good].min()), float(self._x[good].max()), float(self._y[good].min()), float(self._y[good].max())

    def get_offsets(self):
        return np.column_stack([self._x, self._y])

    def set_offsets(self, offsets):
        offsets = np.asarray(offsets, dtype=float)
        self._x = offsets[:, 0].copy()
        self._y = offsets[:, 1].copy()

    def get_array(self):
        return self._values

    def set_array(self, values):
        self._values = np.asarray(values, dtype=float)
        self._faces = None

    def get_cmap(self):
        return self.cmap

    def get_clim(self):
        return (self.norm.vmin, self.norm.vmax) if self.norm is not None else (None, None)

    def set_clim(self, vmin=None, vmax=None):
        if self.norm is not None:
            self.norm.vmin = vmin
            self.norm.vmax = vmax

    def _face_rgba(self):
        if self._faces is None and self._values is not None:
            rgba = self.cmap(self.norm(self._values))
            if self._alpha is not None:
                rgba[:, 3] = self._alpha
            return rgba
        return self._faces

    def _draw(self, renderer, ax):
        px, py = ax._to_pixels(self._x, self._y)
        sizes = np.sqrt(np.asarray(self._sizes, dtype=float))
        faces = self._face_rgba()
        edges = faces if isinstance(self._edges, str) and self._edges == 'face' else self._edges
        shape = MARKER_SHAPE.get(self._marker, self._marker)
        edge_width = self._linewidths
        if shape in ('+', 'x', '|', '_'):
            edges = faces
            faces = None
        renderer.markers(px, py, shape, sizes, faces, edges, edge_width)

    def _legend_handle(self, renderer, x, y, width, height):
        faces = self._face_rgba()
        face = np.asarray(faces)[0] if faces is not None and np.ndim(faces) == 2 else faces
        if face is None:
            return
        sizes = np.asarray(self._sizes, dtype=float).ravel()
        size = math.sqrt(0.5 * (float(sizes.max()) + float(sizes.min())))  # matplotlib's one legend point
        edges = face if isinstance(self._edges, str) and self._edges == 'face' else self._edges
        edge = np.asarray(edges)[0] if edges is not None and np.ndim(edges) == 2 else edges
        renderer.markers(np.array([x + width / 2]), np.array([y + height / 2]), MARKER_SHAPE.get(self._marker, self._marker),
                         size, face, edge, self._linewidths)


class Patch(Artist):
    zorder = 1

    def __init__(self, facecolor=None, edgecolor=None, linewidth=None, linestyle='-', fill=True, label='', alpha=None,
                 hatch=None, zorder=None, color=None, **ignored):
        Artist.__init__(self)
        rc = matplotlib.rcParams
        if color is not None:
            facecolor = facecolor if facecolor is not None else color
            edgecolor = edgecolor if edgecolor is not None else color
        self._facecolor = facecolor if facecolor is not None else rc['patch.facecolor']
        self._edgecolor = edgecolor
        self._linewidth = float(linewidth) if linewidth is not None else rc['patch.linewidth']
        self._linestyle = linestyle
        self._fill = fill
        self.set_label(label)
        self._alpha = alpha
        if zorder is not None:
            self.zorder = zorder

    def set_facecolor(self, color):
        self._facecolor = color

    def set_edgecolor(self, color):
        self._edgecolor = color

    def set_color(self, color):
        self._facecolor = color
        self._edgecolor = color

    def set_linewidth(self, w):
        self._linewidth = float(w)

    def get_facecolor(self):
        return to_rgba(self._facecolor, self._alpha)

    def _colors(self):
        face = to_rgba(self._facecolor, self._alpha) if self._fill and self._facecolor is not None else None
        edge = None
        if self._edgecolor is not None and not (isinstance(self._edgecolor, str) and self._edgecolor == 'none'):
            edge = to_rgba(self._edgecolor, self._alpha)
        elif not self._fill:
            edge = to_rgba(self._facecolor if self._edgecolor is None else self._edgecolor, self._alpha)
        elif matplotlib.rcParams['patch.force_edgecolor']:
            edge = to_rgba(matplotlib.rcParams['patch.edgecolor'], self._alpha)
        return face, edge

    def _polygon(self):
        return np.array([]), np.array([])

    def _limits(self):
        xs, ys = self._polygon()
        if len(xs) == 0:
            return None
        good = np.isfinite(xs) & np.isfinite(ys)
        if not np.any(good):
            return None
        return float(xs[good].min()), float(xs[good].max()), float(ys[good].min()), float(ys[good].max())

    def _draw(self, renderer, ax):
        xs, ys = self._polygon()
        px, py = ax._to_pixels(xs, ys)
        face, edge = self._colors()
        dashes = _dashes(self._linestyle, self._linewidth)
        renderer.polygon(px, py, face, edge, self._linewidth if edge is not None else 0.0,
                         dashes=None if dashes == 'none' else dashes)

    def _legend_handle(self, renderer, x, y, width, height):
        face, edge = self._colors()
        renderer.rect(x, y, width, height, face, edge, self._linewidth if edge is not None else 0.0)


class Rectangle(Patch):
    def __init__(self, xy, width, height, angle=0.0, **kwargs):
        Patch.__init__(self, **kwargs)
        self._x0 = float(xy[0])
        self._y0 = float(xy[1])
        self._width = float(width)
        self._height = float(height)
        self.sticky_y = []
        self.sticky_x = []

    def get_x(self):
        return self._x0

    def get_y(self):
        return self._y0

    def get_width(self):
        return self._width

    def get_height(self):
        return self._height

    def get_xy(self):
        return (self._x0, self._y0)

    def set_height(self, h):
        self._height = float(h)

    def set_width(self, w):
        self._width = float(w)

    def set_x(self, x):
        self._x0 = float(x)

    def set_y(self, y):
        self._y0 = float(y)

    def _polygon(self):
        x0, y0, w, h = self._x0, self._y0, self._width, self._height
        return np.array([x0, x0 + w, x0 + w, x0]), np.array([y0, y0, y0 + h, y0 + h])

    def _sticky(self):
        return self.sticky_x, self.sticky_y


class Polygon(Patch):
    def __init__(self, xy, closed=True, **kwargs):
        Patch.__init__(self, **kwargs)
        xy = np.asarray(xy, dtype=float)
        self._xs = xy[:, 0].copy() if len(xy) else np.array([])
        self._ys = xy[:, 1].copy() if len(xy) else np.array([])
        self.sticky_x = []
        self.sticky_y = []

    def get_xy(self):
        return np.column_stack([self._xs, self._ys])

    def _polygon(self):
        return self._xs, self._ys

    def _sticky(self):
        return self.sticky_x, self.sticky_y


class Circle(Patch):
    def __init__(self, xy, radius=5, **kwargs):
        Patch.__init__(self, **kwargs)
        self.center = (float(xy[0]), float(xy[1]))
        self.radius = float(radius)

    def _polygon(self):
        t = np.linspace(0, 2 * np.pi, 200)
        return self.center[0] + self.radius * np.cos(t), self.center[1] + self.radius * np.sin(t)


class Wedge(Patch):
    def __init__(self, center, r, theta1, theta2, width=None, **kwargs):
        Patch.__init__(self, **kwargs)
        self.center = center
        self.r = r
        self.theta1 = theta1
        self.theta2 = theta2
        self.width = width

    def _polygon(self):
        steps = max(2, int(abs(self.theta2 - self.theta1) / 2) + 2)
        t = np.radians(np.linspace(self.theta1, self.theta2, steps))
        cx, cy = self.center
        xs = cx + self.r * np.cos(t)
        ys = cy + self.r * np.sin(t)
        if self.width is None:
            return np.concatenate([[cx], xs, [cx]]), np.concatenate([[cy], ys, [cy]])
        inner = self.r - self.width
        return (np.concatenate([xs, cx + inner * np.cos(t[::-1])]), np.concatenate([ys, cy + inner * np.sin(t[::-1])]))


class Text(Artist):
    zorder = 3

    def __init__(self, x, y, text, fontsize=None, color=None, ha='left', va='baseline', rotation=0.0, weight='normal',
                 coords='data', alpha=None, bbox=None, zorder=None, **ignored):
        Artist.__init__(self)
        self._x = x
        self._y = y
        self._text = str(text)
        self._fontsize = font_points(fontsize if fontsize is not None else matplotlib.rcParams['font.size'])
        self._color = color if color is not None else matplotlib.rcParams['text.color']
        self._ha = ha
        self._va = va
        self._rotation = {'horizontal': 0.0, 'vertical': 90.0}.get(rotation, rotation) if isinstance(rotation, str) else float(rotation or 0.0)
        self._weight = 'bold' if weight in ('bold', 'heavy', 'extra bold', 'black', 'semibold', 'demibold', 700, 800, 900) else 'normal'
        self._coords = coords
        self._alpha = alpha
        self._bbox = bbox
        self.arrow = None
        if zorder is not None:
            self.zorder = zorder

    def get_text(self):
        return self._text

    def set_text(self, text):
        self._text = str(text)

    def set_fontsize(self, size):
        self._fontsize = font_points(size)

    def set_color(self, color):
        self._color = color

    def set_position(self, xy):
        self._x, self._y = xy

    def get_position(self):
        return (self._x, self._y)

    def set_rotation(self, r):
        self._rotation = float(r)

    def set_ha(self, ha):
        self._ha = ha

    def set_horizontalalignment(self, ha):
        self._ha = ha

    def set_va(self, va):
        self._va = va

    def _anchor(self, ax, x, y, coords):
        if coords in ('axes fraction', 'axes'):
            return ax._box[0] + x * ax._box[2], ax._box[1] + (1 - y) * ax._box[3]
        if coords == 'figure fraction':
            return x * ax.figure._render_width, (1 - y) * ax.figure._render_height
        px, py = ax._to_pixels(np.array([float(x)]), np.array([float(y)]))
        return float(px[0]), float(py[0])

    def _draw(self, renderer, ax):
        x, y = self._anchor(ax, self._x, self._y, self._coords)
        offset = getattr(self, '_offset', None)
        if offset is not None:
            x += renderer.points(float(offset[0]))
            y -= renderer.points(float(offset[1]))
        box = renderer.text(x, y, self._text, self._fontsize, self._color, self._ha, self._va, self._rotation, self._weight, self._alpha)
        if self.arrow is not None and box is not None:
            self.arrow._draw(renderer, ax, box)


class _Arrow:
    """annotate's arrow: from the edge of the text's box to the point, as matplotlib draws it: an
    arrowstyle ('->', '-|>', '<-', '<->', '-') is a line with a head of 4 by 2 points; without one,
    a filled arrow (shaft 4 points wide, head 12 by 12) shortened by `shrink` at both ends."""

    def __init__(self, text, xy, coords, props):
        self.text = text
        self.xy = xy
        self.coords = coords
        self.props = dict(props or {})

    def _draw(self, renderer, ax, box):
        props = self.props
        hx, hy = self.text._anchor(ax, self.xy[0], self.xy[1], self.coords)
        cx, cy = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        dx, dy = hx - cx, hy - cy
        length = math.hypot(dx, dy)
        if length < 1e-9:
            return
        ux, uy = dx / length, dy / length
        # leave the text's box where the line from its centre crosses it
        half_w, half_h = (box[2] - box[0]) / 2, (box[3] - box[1]) / 2
        t_box = min(half_w / abs(ux) if ux else float('inf'), half_h / abs(uy) if uy else float('inf'))
        color = props.get('color', props.get('fc', props.get('facecolor', 'black')))
        width = float(props.get('lw', props.get('linewidth', 1.0)))
        style = props.get('arrowstyle')
        if style is not None:
            shrink_a = renderer.points(float(props.get('shrinkA', 2.0)))
            shrink_b = renderer.points(float(props.get('shrinkB', 2.0)))
            sx, sy = cx + ux * (t_box + shrink_a), cy + uy * (t_box + shrink_a)
            ex, ey = hx - ux * shrink_b, hy - uy * shrink_b
            renderer.polyline(np.array([sx, ex]), np.array([sy, ey]), color, width)
            head_l, head_w = renderer.points(4.0), renderer.points(2.0)
            for tip_x, tip_y, sign, wanted in ((ex, ey, 1, style in ('->', '-|>', '<->')), (sx, sy, -1, style in ('<-', '<|-', '<->'))):
                if not wanted:
                    continue
                bx, by = tip_x - sign * ux * head_l, tip_y - sign * uy * head_l
                xs = np.array([bx - uy * head_w, tip_x, bx + uy * head_w])
                ys = np.array([by + ux * head_w, tip_y, by - ux * head_w])
                if '|' in style:
                    renderer.polygon(xs, ys, color, color, width)
                else:
                    renderer.polyline(xs, ys, color, width)
            return
        shrink = float(props.get('shrink', 0.0))
        start = t_box
        total = length - start
        sx, sy = cx + ux * (start + shrink * total), cy + uy * (start + shrink * total)
        ex, ey = hx - ux * shrink * total, hy - uy * shrink * total
        shaft = renderer.points(float(props.get('width', 4.0))) / 2
        head_w = renderer.points(float(props.get('headwidth', 12.0))) / 2
        head_l = renderer.points(float(props.get('headlength', 12.0)))
        bx, by = ex - ux * head_l, ey - uy * head_l
        xs = np.array([sx - uy * shaft, bx - uy * shaft, bx - uy * head_w, ex, bx + uy * head_w, bx + uy * shaft, sx + uy * shaft])
        ys = np.array([sy + ux * shaft, by + ux * shaft, by + ux * head_w, ey, by - ux * head_w, by - ux * shaft, sy - ux * shaft])
        renderer.polygon(xs, ys, props.get('facecolor', props.get('fc', color)), props.get('edgecolor', props.get('ec', color)), 1.0)


class AxesImage(Artist):
    zorder = 0

    def __init__(self, data, cmap, norm, extent, origin, interpolation, alpha=None, aspect=None):
        Artist.__init__(self)
        self._data = data
        self.cmap = cmap
        self.norm = norm
        self._extent = extent
        self._origin = origin
        self._interpolation = interpolation
        self._alpha = alpha

    def get_array(self):
        return self._data

    def set_data(self, data):
        self._data = np.asarray(data)

    def set_array(self, data):
        self._data = np.asarray(data)

    def get_cmap(self):
        return self.cmap

    def set_cmap(self, cmap):
        self.cmap = get_cmap(cmap)

    def get_clim(self):
        return (self.norm.vmin, self.norm.vmax)

    def set_clim(self, vmin=None, vmax=None):
        if isinstance(vmin, (tuple, list)):
            vmin, vmax = vmin
        self.norm.vmin = vmin
        self.norm.vmax = vmax

    def get_extent(self):
        return self._extent

    def _limits(self):
        x0, x1, y0, y1 = self._extent
        return min(x0, x1), max(x0, x1), min(y0, y1), max(y0, y1)

    def _sticky(self):
        x0, x1, y0, y1 = self._extent
        return [x0, x1], [y0, y1]

    def _rgba(self):
        data = self._data
        if data.ndim == 3:
            if data.dtype.kind in 'ui':
                rgba = np.clip(data, 0, 255).astype(np.uint8)
            else:
                rgba = (np.clip(data.astype(np.float64), 0, 1) * 255).astype(np.uint8)
            if rgba.shape[2] == 3:
                alpha = np.full(rgba.shape[:2] + (1,), 255, dtype=np.uint8)
                rgba = np.concatenate([rgba, alpha], axis=2)
            return rgba
        scaled = self.norm(data.astype(np.float64))
        rgba = self.cmap(scaled, alpha=self._alpha, bytes=True)
        return rgba

    def _draw(self, renderer, ax):
        rgba = self._rgba()
        x0, x1, y0, y1 = self._extent
        if self._origin == 'upper':
            top, bottom = y1, y0
        else:
            top, bottom = y1, y0
            rgba = rgba[::-1]
        px, py = ax._to_pixels(np.array([x0, x1]), np.array([bottom, top]))
        left, right = float(px[0]), float(px[1])
        upper, lower = float(py[1]), float(py[0])
        if right < left:
            left, right = right, left
            rgba = rgba[:, ::-1]
        if lower < upper:
            upper, lower = lower, upper
            rgba = rgba[::-1]
        width, height = right - left, lower - upper
        smooth = self._interpolation in ('bilinear', 'bicubic', 'gaussian', 'spline16', 'spline36', 'hanning', 'hamming', 'lanczos')
        if self._interpolation in ('antialiased', None):
            smooth = rgba.shape[1] > width or rgba.shape[0] > height
        renderer.image(left, upper, width, height, np.ascontiguousarray(rgba), smooth)


class QuadMesh(AxesImage):
    """pcolormesh on a regular grid, drawn as an image over its cell edges."""
    zorder = 1

    def __init__(self, xedges, yedges, values, cmap, norm, alpha=None):
        AxesImage.__init__(self, values, cmap, norm, (xedges[0], xedges[-1], yedges[0], yedges[-1]), 'lower', 'nearest', alpha)


class Spine:
    def __init__(self, which):
        self.which = which
        self._visible = True
        self._color = matplotlib.rcParams['axes.edgecolor']
        self._linewidth = matplotlib.rcParams['axes.linewidth']

    def set_visible(self, visible):
        self._visible = bool(visible)

    def get_visible(self):
        return self._visible

    def set_color(self, color):
        self._color = color

    def set_edgecolor(self, color):
        self._color = color

    def set_linewidth(self, width):
        self._linewidth = float(width)

    def set_position(self, position):
        pass


class Spines:
    def __init__(self):
        self._spines = {name: Spine(name) for name in ('left', 'right', 'bottom', 'top')}

    def __getitem__(self, key):
        if isinstance(key, (list, tuple)):
            return _SpineGroup([self._spines[k] for k in key])
        return self._spines[key]

    def __getattr__(self, name):
        if name in ('left', 'right', 'bottom', 'top'):
            return self._spines[name]
        raise AttributeError(name)

    def __iter__(self):
        return iter(self._spines)

    def values(self):
        return list(self._spines.values())

    def items(self):
        return list(self._spines.items())

    def keys(self):
        return list(self._spines)


class _SpineGroup:
    def __init__(self, spines):
        self._spines = spines

    def set_visible(self, visible):
        for spine in self._spines:
            spine.set_visible(visible)

    def set_color(self, color):
        for spine in self._spines:
            spine.set_color(color)

    def set_linewidth(self, width):
        for spine in self._spines:
            spine.set_linewidth(width)


class Axis:
    """One axis of an Axes: its scale, view limits, ticks and their labels, and its label."""

    def __init__(self, axes, name):
        self.axes = axes
        self.axis_name = name
        self._scale = 'linear'
        self._limits = None        # set by set_xlim: (low, high)
        self._view = (0.0, 1.0)    # computed at draw
        self._inverted = False
        self._label = ''
        self._label_size = font_points(matplotlib.rcParams['axes.labelsize'])
        self._label_pad = matplotlib.rcParams['axes.labelpad']
        self._label_color = matplotlib.rcParams['axes.labelcolor']
        self._label_weight = 'normal'
        self._tick_labelsize = font_points(matplotlib.rcParams[name + 'tick.labelsize'])
        self._tick_size = matplotlib.rcParams[name + 'tick.major.size']
        self._tick_width = matplotlib.rcParams[name + 'tick.major.width']
        self._tick_pad = matplotlib.rcParams[name + 'tick.major.pad']
        self._tick_direction = matplotlib.rcParams[name + 'tick.direction']
        self._tick_color = matplotlib.rcParams[name + 'tick.color']
        self._label_rotation = 0.0
        self._ticks_visible = True
        self._labels_visible = True
        self._label_ha = None
        self._position = 'bottom' if name == 'x' else 'left'
        self._grid = matplotlib.rcParams['axes.grid'] and matplotlib.rcParams['axes.grid.axis'] in ('both', name)
        self._grid_kwargs = {}
        self.major_locator = ticker.AutoLocator()
        self.major_formatter = ticker.ScalarFormatter()
        self.major_locator.set_axis(self)
        self.major_formatter.set_axis(self)
        self._fixed_labels = None
        self._minor_locator = None   # minor ticks: LogLocator(subs 2..9) on log axes, AutoMinor after minorticks_on
        self._grid_which = 'major'
        self._minor_size = matplotlib.rcParams[name + 'tick.minor.size']
        self._minor_width = matplotlib.rcParams[name + 'tick.minor.width']

    def get_view_interval(self):
        return self._view

    def get_tick_space(self):
        ax = self.axes
        length = (ax._box[2] if self.axis_name == 'x' else ax._box[3]) * 72.0 / ax.figure._render_dpi
        size = self._tick_labelsize * (3 if self.axis_name == 'x' else 2)
        return int(math.floor(length / size)) if size > 0 else 2 ** 31 - 1

    def set_major_locator(self, locator):
        locator.set_axis(self)
        self.major_locator = locator

    def set_major_formatter(self, formatter):
        if isinstance(formatter, str):
            formatter = ticker.StrMethodFormatter(formatter) if '{' in formatter else ticker.FormatStrFormatter(formatter)
        elif callable(formatter) and not isinstance(formatter, ticker.Formatter):
            formatter = ticker.FuncFormatter(formatter)
        formatter.set_axis(self)
        self.major_formatter = formatter

    def get_major_locator(self):
        return self.major_locator

    def get_major_formatter(self):
        return self.major_formatter

    def set_minor_locator(self, locator):
        if isinstance(locator, ticker.NullLocator):
            self._minor_locator = None
            return
        locator.set_axis(self)
        self._minor_locator = locator

    def _minor_ticks(self, majors):
        """Minor tick values in view, majors left out."""
        if self._minor_locator is None:
            return []
        low, high = min(self._view), max(self._view)
        values = [float(v) for v in self._minor_locator()]
        major = set(round(v, 12) for v in majors)
        return [v for v in values if low <= v <= high and round(v, 12) not in major]

    def set_minor_formatter(self, formatter):
        pass

    def set_ticks_position(self, position):
        self._position = position

    def tick_bottom(self):
        self._position = 'bottom'

    def tick_top(self):
        self._position = 'top'

    def tick_left(self):
        self._position = 'left'

    def tick_right(self):
        self._position = 'right'

    def set_label_position(self, position):
        pass

    def set_visible(self, visible):
        self._ticks_visible = bool(visible)
        self._labels_visible = bool(visible)

    def grid(self, visible=None, which='major', **kwargs):
        if visible is None and not kwargs:
            self._grid = not self._grid
        else:
            self._grid = True if visible is None else bool(visible)
        self._grid_which = which
        self._grid_kwargs.update(_unalias(kwargs))

    def set_label_text(self, label, fontdict=None, **kwargs):
        self._label = str(label)

    def get_label_text(self):
        return self._label

    def set_inverted(self, inverted):
        self._inverted = bool(inverted)

    def get_scale(self):
        return self._scale

    def _ticks(self):
        low, high = self._view
        locs = [float(v) for v in self.major_locator()]
        lo, hi = min(low, high), max(low, high)
        if self._scale == 'log':
            span = math.log10(hi) - math.log10(lo) if lo > 0 and hi > 0 else 1
            tol = 1e-10 * span
            visible = [v for v in locs if v > 0 and math.log10(lo) - tol <= math.log10(v) <= math.log10(hi) + tol]
        else:
            tol = (hi - lo) * 1e-10
            visible = [v for v in locs if lo - tol <= v <= hi + tol]
        if self._fixed_labels is not None:
            labels = [str(self._fixed_labels[i]) if i < len(self._fixed_labels) else '' for i in range(len(locs))]
            pairs = [(v, labels[i]) for i, v in enumerate(locs) if v in visible]
            return [p[0] for p in pairs], [p[1] for p in pairs], ''
        formatter = self.major_formatter
        formatter.set_locs(locs)
        labels = [formatter(v, locs.index(v)) for v in visible]
        return visible, labels, formatter.get_offset()


def _next_color(ax):
    """The next colour of the lines' cycle (plot, errorbar, hist, step, stem)."""
    cycle = matplotlib.rcParams['axes.prop_cycle']
    color = cycle[ax._color_index % len(cycle)]
    ax._color_index += 1
    return color


def _next_patch_color(ax):
    """The next colour of the patches' cycle, which matplotlib keeps apart (bar, fill_between, scatter, pie)."""
    cycle = matplotlib.rcParams['axes.prop_cycle']
    color = cycle[ax._patch_index % len(cycle)]
    ax._patch_index += 1
    return color


class Legend:
    def __init__(self, ax, handles, labels, loc=None, fontsize=None, frameon=None, title=None, ncol=1, framealpha=None,
                 bbox_to_anchor=None, markerscale=None, shadow=False, fancybox=None, facecolor=None, edgecolor=None,
                 handlelength=None, borderpad=None, labelspacing=None, title_fontsize=None, **ignored):
        rc = matplotlib.rcParams
        self.ax = ax
        self.handles = handles
        self.labels = [str(label) for label in labels]
        loc = rc['legend.loc'] if loc is None else loc
        if isinstance(loc, int):
            codes = {v: k for k, v in LEGEND_CODES.items()}
            loc = codes.get(loc, 'best')
        if loc not in LEGEND_CODES:
            raise ValueError(f"{loc!r} is not a valid value for loc; supported values are {', '.join(repr(k) for k in LEGEND_CODES)}")
        self.loc = loc
        self.fontsize = font_points(fontsize if fontsize is not None else rc['legend.fontsize'])
        self.frameon = rc['legend.frameon'] if frameon is None else frameon
        self.framealpha = rc['legend.framealpha'] if framealpha is None else framealpha
        self.title = title
        self.ncol = max(1, int(ignored.get('ncols', ncol)))
        self.handlelength = rc['legend.handlelength'] if handlelength is None else handlelength
        self.borderpad = rc['legend.borderpad'] if borderpad is None else borderpad
        self.labelspacing = rc['legend.labelspacing'] if labelspacing is None else labelspacing
        self.facecolor = facecolor
        self.edgecolor = edgecolor
        self.bbox_to_anchor = bbox_to_anchor
        self._visible = True

    def get_texts(self):
        return [Text(0, 0, label) for label in self.labels]

    def set_visible(self, visible):
        self._visible = bool(visible)

    def remove(self):
        self.ax.legend_ = None

    def _draw(self, renderer, ax):
        if not self._visible or not self.handles:
            return
        rc = matplotlib.rcParams
        fs = renderer.points(self.fontsize)
        handle_w = self.handlelength * fs
        handle_h = rc['legend.handleheight'] * fs
        text_pad = rc['legend.handletextpad'] * fs
        border = self.borderpad * fs
        spacing = self.labelspacing * fs
        # As matplotlib packs an entry: the handle's box (handleheight tall) sits on the label's
        # baseline; a row reaches from the higher of the two down to the label's descent.
        sizes = [renderer.text_size(label, self.fontsize) for label in self.labels]
        ascent, descent = renderer._line_metrics(fs, 'normal')
        tops = [max(handle_h, s[1] - s[2]) for s in sizes]
        bottoms = [max(descent, s[2]) for s in sizes]
        n = len(self.labels)
        ncol = min(self.ncol, n)
        per_col = (n + ncol - 1) // ncol
        columns = [list(range(c * per_col, min(n, (c + 1) * per_col))) for c in range(ncol)]
        col_w = [max([handle_w + text_pad + sizes[i][0] for i in col] or [0]) for col in columns]
        col_h = [sum(tops[i] + bottoms[i] for i in col) + spacing * max(0, len(col) - 1) for col in columns]
        title_h = 0.0
        title_w = 0.0
        if self.title:
            title_w, title_h, title_d = renderer.text_size(self.title, self.fontsize)
        inner_w = max(sum(col_w) + rc['legend.columnspacing'] * fs * (ncol - 1), title_w)
        inner_h = max(col_h) + (title_h + spacing if self.title else 0)
        width = inner_w + 2 * border
        height = inner_h + 2 * border
        x0, y0 = self._place(renderer, ax, width, height)
        if self.frameon:
            face = to_rgba(self.facecolor if self.facecolor is not None else rc['axes.facecolor'], self.framealpha)
            edge = to_rgba(self.edgecolor if self.edgecolor is not None else rc['legend.edgecolor'], self.framealpha)
            radius = 0.2 * fs if rc['legend.fancybox'] else 0.0
            self._frame(renderer, x0, y0, width, height, radius, face, edge)
        renderer._grow(x0, y0, x0 + width, y0 + height)
        y = y0 + border
        if self.title:
            renderer.text(x0 + width / 2, y, self.title, self.fontsize, 'black', 'center', 'top')
            y += title_h + spacing
        x = x0 + border
        for c, col in enumerate(columns):
            row_y = y
            for i in col:
                baseline = row_y + tops[i]
                self.handles[i]._legend_handle(renderer, x, baseline - handle_h, handle_w, handle_h)
                renderer.text(x + handle_w + text_pad, baseline, self.labels[i], self.fontsize, 'black', 'left', 'baseline')
                row_y = baseline + bottoms[i] + spacing
            x += col_w[c] + rc['legend.columnspacing'] * fs

    def _frame(self, renderer, x, y, w, h, r, face, edge):
        if renderer.canvas is None:
            return
        canvas = renderer.canvas
        for color, stroke in ((face, False), (edge, True)):
            renderer._color(color)
            if r > 0:
                canvas.round_rect(x, y, w, h, r)
            else:
                canvas.rect(x, y, w, h)
            if stroke:
                renderer.line_style(1.0)
                canvas.stroke()
            else:
                canvas.fill(False)

    def _anchored(self, code, ax, width, height, pad, parent):
        px, py, pw, ph = parent
        horizontal = {1: 'right', 2: 'left', 3: 'left', 4: 'right', 5: 'right', 6: 'left', 7: 'right', 8: 'center', 9: 'center', 10: 'center'}[code]
        vertical = {1: 'top', 2: 'top', 3: 'bottom', 4: 'bottom', 5: 'center', 6: 'center', 7: 'center', 8: 'bottom', 9: 'top', 10: 'center'}[code]
        if horizontal == 'left':
            x = px + pad
        elif horizontal == 'right':
            x = px + pw - pad - width
        else:
            x = px + (pw - width) / 2
        if vertical == 'top':
            y = py + pad
        elif vertical == 'bottom':
            y = py + ph - pad - height
        else:
            y = py + (ph - height) / 2
        return x, y

    def _place(self, renderer, ax, width, height):
        pad = matplotlib.rcParams['legend.borderaxespad'] * renderer.points(self.fontsize)
        parent = ax._box
        if self.bbox_to_anchor is not None:
            anchor = tuple(self.bbox_to_anchor)
            bx = ax._box[0] + anchor[0] * ax._box[2]
            by = ax._box[1] + (1 - anchor[1]) * ax._box[3]
            if len(anchor) == 4:
                parent = (bx, by - anchor[3] * ax._box[3], anchor[2] * ax._box[2], anchor[3] * ax._box[3])
            else:
                parent = (bx, by, 0.0, 0.0)
        code = LEGEND_CODES[self.loc]
        if code != 0:
            return self._anchored(code, ax, width, height, pad, parent)
        points_x, points_y, segments = ax._legend_obstacles()
        best = None
        for code in range(1, 11):
            x, y = self._anchored(code, ax, width, height, pad, parent)
            inside = (points_x >= x) & (points_x <= x + width) & (points_y >= y) & (points_y <= y + height)
            badness = int(np.count_nonzero(inside))
            for sx, sy in segments:
                badness += _segments_cross_box(sx, sy, x, y, width, height)
            if badness == 0:
                return x, y
            if best is None or badness < best[0]:
                best = (badness, x, y)
        return best[1], best[2]


def _segments_cross_box(xs, ys, x, y, w, h):
    """1 if the polyline crosses or enters the box, else 0 (matplotlib counts each line once)."""
    if len(xs) < 2:
        return 0
    inside = (xs >= x) & (xs <= x + w) & (ys >= y) & (ys <= y + h)
    if np.any(inside):
        return 1
    x0, x1 = xs[:-1], xs[1:]
    y0, y1 = ys[:-1], ys[1:]
    for ex0, ey0, ex1, ey1 in ((x, y, x + w, y), (x, y + h, x + w, y + h), (x, y, x, y + h), (x + w, y, x + w, y + h)):
        d1 = (x1 - x0) * (ey0 - y0) - (y1 - y0) * (ex0 - x0)
        d2 = (x1 - x0) * (ey1 - y0) - (y1 - y0) * (ex1 - x0)
        d3 = (ex1 - ex0) * (y0 - ey0) - (ey1 - ey0) * (x0 - ex0)
        d4 = (ex1 - ex0) * (y1 - ey0) - (ey1 - ey0) * (x1 - ex0)
        if np.any((d1 * d2 < 0) & (d3 * d4 < 0)):
            return 1
    return 0


class Axes:
    """A plotting area: its place in the figure, its artists, its two axes, title and legend."""

    def __init__(self, fig, position=None, subplotspec=None, sharex=None, sharey=None, projection=None, polar=False, **kwargs):
        self.figure = fig
        self._position = position
        self._subplotspec = subplotspec
        self._sharex = sharex
        self._sharey = sharey
        self._box = (0.0, 0.0, 1.0, 1.0)
        self.cla()
        for key, value in kwargs.items():
            setter = getattr(self, 'set_' + key, None)
            if setter is not None:
                setter(value)

    # --- state -------------------------------------------------------------------------------
    def cla(self):
        self.artists = []
        self.lines = []
        self.collections = []
        self.patches = []
        self.texts = []
        self.images = []
        self.xaxis = Axis(self, 'x')
        self.yaxis = Axis(self, 'y')
        self.spines = Spines()
        self.legend_ = None
        self._titles = {'left': '', 'center': '', 'right': ''}
        self._title_size = font_points(matplotlib.rcParams['axes.titlesize'])
        self._title_pad = matplotlib.rcParams['axes.titlepad']
        self._title_weight = 'normal'
        self._title_color = 'black'
        self._color_index = 0
        self._patch_index = 0
        self._margins = [matplotlib.rcParams['axes.xmargin'], matplotlib.rcParams['axes.ymargin']]
        self._aspect = 'auto'
        self._axis_on = True
        self._facecolor = matplotlib.rcParams['axes.facecolor']
        self._autoscale = [True, True]
        self._box_aspect = None

    clear = cla

    @property
    def transAxes(self):
        return _Transform('axes')

    @property
    def transData(self):
        return _Transform('data')

    def _add(self, artist, group):
        artist.axes = self
        self.artists.append(artist)
        group.append(artist)
        return artist

    def _remove_artist(self, artist):
        for group in (self.artists, self.lines, self.collections, self.patches, self.texts, self.images):
            if artist in group:
                group.remove(artist)

    def get_figure(self):
        return self.figure

    def get_position(self):
        return self.figure._axes_rect(self)

    def set_position(self, position):
        self._position = list(position)
        self._subplotspec = None

    def get_subplotspec(self):
        return self._subplotspec

    def set_facecolor(self, color):
        self._facecolor = color

    set_fc = set_facecolor

    def get_facecolor(self):
        return to_rgba(self._facecolor)

    # --- limits and scales --------------------------------------------------------------------
    def _set_lim(self, axis, args, kwargs):
        left = kwargs.pop('left', kwargs.pop('bottom', kwargs.pop('xmin', kwargs.pop('ymin', None))))
        right = kwargs.pop('right', kwargs.pop('top', kwargs.pop('xmax', kwargs.pop('ymax', None))))
        if len(args) == 1 and args[0] is not None and not isinstance(args[0], (int, float)):
            left, right = args[0]
        elif len(args) >= 1:
            left = args[0]
            if len(args) >= 2:
                right = args[1]
        current = axis._limits if axis._limits is not None else None
        if current is None:
            self._compute_limits()
            current = axis._view
        low = float(left) if left is not None else current[0]
        high = float(right) if right is not None else current[1]
        if low == high:
            import warnings
            name = axis.axis_name
            warnings.warn(f"Attempting to set identical low and high {name}lims makes transformation singular; automatically expanding.", UserWarning)
        axis._limits = (low, high)
        return (low, high)

    def set_xlim(self, *args, **kwargs):
        limits = self._set_lim(self.xaxis, args, kwargs)
        if self._sharex_group():
            for other in self._sharex_group():
                other.xaxis._limits = limits
        return limits

    def set_ylim(self, *args, **kwargs):
        limits = self._set_lim(self.yaxis, args, kwargs)
        if self._sharey_group():
            for other in self._sharey_group():
                other.yaxis._limits = limits
        return limits

    def _sharex_group(self):
        return [ax for ax in self.figure.axes if ax is not self and ax._shares(self, 'x')]

    def _sharey_group(self):
        return [ax for ax in self.figure.axes if ax is not self and ax._shares(self, 'y')]

    def _shares(self, other, which):
        mine = self._sharex if which == 'x' else self._sharey
        theirs = other._sharex if which == 'x' else other._sharey
        return (mine is not None and (mine is other or mine is theirs)) or (theirs is not None and theirs is self)

    def get_xlim(self):
        self._compute_limits()
        return tuple(self.xaxis._view)

    def get_ylim(self):
        self._compute_limits()
        return tuple(self.yaxis._view)

    def set_xscale(self, value, **kwargs):
        if value not in ('linear', 'log', 'symlog', 'logit'):
            raise ValueError(f"{value!r} is not a valid value for scale; supported values are 'asinh', 'function', 'functionlog', 'linear', 'log', 'logit', 'mercator', 'symlog'")
        self._set_scale(self.xaxis, value)

    def set_yscale(self, value, **kwargs):
        if value not in ('linear', 'log', 'symlog', 'logit'):
            raise ValueError(f"{value!r} is not a valid value for scale; supported values are 'asinh', 'function', 'functionlog', 'linear', 'log', 'logit', 'mercator', 'symlog'")
        self._set_scale(self.yaxis, value)

    def _set_scale(self, axis, value):
        axis._scale = 'log' if value in ('log', 'symlog') else 'linear'
        if axis._scale == 'log':
            axis.set_major_locator(ticker.LogLocator())
            axis.set_major_formatter(ticker.LogFormatterSciNotation())
            axis.set_minor_locator(ticker.LogLocator(subs=[2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]))
        else:
            axis.set_major_locator(ticker.AutoLocator())
            axis.set_major_formatter(ticker.ScalarFormatter())
            axis._minor_locator = None

    def get_xscale(self):
        return self.xaxis._scale

    def get_yscale(self):
        return self.yaxis._scale

    def margins(self, *args, x=None, y=None, tight=True):
        if len(args) == 1:
            x = y = args[0]
        elif len(args) == 2:
            x, y = args
        if x is None and y is None:
            return tuple(self._margins)
        if x is not None:
            self._margins[0] = float(x)
        if y is not None:
            self._margins[1] = float(y)

    def set_xmargin(self, m):
        self._margins[0] = float(m)

    def set_ymargin(self, m):
        self._margins[1] = float(m)

    def invert_xaxis(self):
        self.xaxis._inverted = not self.xaxis._inverted

    def invert_yaxis(self):
        self.yaxis._inverted = not self.yaxis._inverted

    def xaxis_inverted(self):
        return self.xaxis._inverted

    def yaxis_inverted(self):
        return self.yaxis._inverted

    def autoscale(self, enable=True, axis='both', tight=None):
        if axis in ('x', 'both'):
            self._autoscale[0] = enable
            if enable:
                self.xaxis._limits = None
        if axis in ('y', 'both'):
            self._autoscale[1] = enable
            if enable:
                self.yaxis._limits = None
        if tight:
            self._margins = [0.0, 0.0]

    def relim(self, visible_only=False):
        pass

    def autoscale_view(self, tight=None, scalex=True, scaley=True):
        pass

    def set_aspect(self, aspect, adjustable=None, anchor=None, share=False):
        if aspect not in ('auto', 'equal') and not isinstance(aspect, (int, float)):
            raise ValueError(f"aspect must be finite and positive ")
        self._aspect = aspect

    def get_aspect(self):
        return self._aspect

    def set_anchor(self, anchor, share=False):
        points = {'C': (0.5, 0.5), 'SW': (0, 0), 'S': (0.5, 0), 'SE': (1, 0), 'E': (1, 0.5), 'NE': (1, 1), 'N': (0.5, 1),
                  'NW': (0, 1), 'W': (0, 0.5)}
        self._anchor_point = points[anchor] if isinstance(anchor, str) else tuple(anchor)

    def set_box_aspect(self, aspect=None):
        self._box_aspect = aspect

    def axis(self, *args, emit=True, **kwargs):
        if len(args) == 1 and isinstance(args[0], str):
            option = args[0]
            if option == 'off':
                self._axis_on = False
            elif option == 'on':
                self._axis_on = True
            elif option in ('equal', 'scaled', 'image', 'square'):
                self._aspect = 'equal'
                if option in ('image', 'scaled', 'square'):
                    self._margins = [0.0, 0.0] if option == 'image' else self._margins
            elif option == 'tight':
                self._margins = [0.0, 0.0]
            elif option == 'auto':
                self._aspect = 'auto'
            else:
                raise ValueError(f"Unrecognized string {option!r} to axis; try 'on' or 'off'")
        elif len(args) == 1 and args[0] is not None:
            limits = list(args[0])
            self.set_xlim(limits[0], limits[1])
            self.set_ylim(limits[2], limits[3])
        elif len(args) == 1:
            pass
        if 'xmin' in kwargs or 'xmax' in kwargs:
            self.set_xlim(kwargs.get('xmin'), kwargs.get('xmax'))
        if 'ymin' in kwargs or 'ymax' in kwargs:
            self.set_ylim(kwargs.get('ymin'), kwargs.get('ymax'))
        x0, x1 = self.get_xlim()
        y0, y1 = self.get_ylim()
        return (x0, x1, y0, y1)

    def set_axis_off(self):
        self._axis_on = False

    def set_axis_on(self):
        self._axis_on = True

    # --- labels, ticks, grid -----------------------------------------------------------------
    def set_title(self, label, fontdict=None, loc=None, pad=None, fontsize=None, fontweight=None, color=None, **kwargs):
        loc = loc or matplotlib.rcParams['axes.titlelocation']
        if loc not in self._titles:
            raise ValueError(f"{loc!r} is not a valid value for loc; supported values are 'left', 'center', 'right'")
        self._titles[loc] = str(label)
        size = fontsize if fontsize is not None else kwargs.get('size')
        if fontdict:
            size = fontdict.get('fontsize', size)
        if size is not None:
            self._title_size = font_points(size)
        if pad is not None:
            self._title_pad = float(pad)
        weight = fontweight or kwargs.get('weight')
        if weight is not None:
            self._title_weight = 'bold' if weight == 'bold' else 'normal'
        if color is not None:
            self._title_color = color
        return Text(0, 0, label)

    def get_title(self, loc='center'):
        return self._titles[loc]

    def _axis_label(self, axis, label, fontdict, labelpad, kwargs):
        axis._label = str(label)
        size = kwargs.get('fontsize', kwargs.get('size'))
        if fontdict:
            size = fontdict.get('fontsize', size)
        if size is not None:
            axis._label_size = font_points(size)
        if labelpad is not None:
            axis._label_pad = float(labelpad)
        if 'color' in kwargs:
            axis._label_color = kwargs['color']
        weight = kwargs.get('fontweight', kwargs.get('weight'))
        if weight is not None:
            axis._label_weight = 'bold' if weight == 'bold' else 'normal'
        return Text(0, 0, label)

    def set_xlabel(self, xlabel, fontdict=None, labelpad=None, loc=None, **kwargs):
        return self._axis_label(self.xaxis, xlabel, fontdict, labelpad, kwargs)

    def set_ylabel(self, ylabel, fontdict=None, labelpad=None, loc=None, **kwargs):
        return self._axis_label(self.yaxis, ylabel, fontdict, labelpad, kwargs)

    def get_xlabel(self):
        return self.xaxis._label

    def get_ylabel(self):
        return self.yaxis._label

    def _set_ticks(self, axis, ticks, labels, kwargs):
        values = [float(v) for v in np.asarray(ticks, dtype=float).ravel().tolist()]
        axis.set_major_locator(ticker.FixedLocator(values))
        if labels is not None:
            axis._fixed_labels = [str(label) for label in labels]
        else:
            axis._fixed_labels = None
            if not isinstance(axis.major_formatter, ticker.ScalarFormatter) and axis._scale != 'log':
                axis.set_major_formatter(ticker.ScalarFormatter())
        if values and axis._limits is None:
            pass
        self._tick_kwargs(axis, kwargs)
        return values

    def _tick_kwargs(self, axis, kwargs):
        if 'rotation' in kwargs:
            rotation = kwargs['rotation']
            axis._label_rotation = {'horizontal': 0.0, 'vertical': 90.0}.get(rotation, rotation) if isinstance(rotation, str) else float(rotation)
        size = kwargs.get('fontsize', kwargs.get('size'))
        if size is not None:
            axis._tick_labelsize = font_points(size)
        if 'ha' in kwargs or 'horizontalalignment' in kwargs:
            axis._label_ha = kwargs.get('ha', kwargs.get('horizontalalignment'))

    def set_xticks(self, ticks, labels=None, minor=False, **kwargs):
        if minor:
            return []
        return self._set_ticks(self.xaxis, ticks, labels, kwargs)

    def set_yticks(self, ticks, labels=None, minor=False, **kwargs):
        if minor:
            return []
        return self._set_ticks(self.yaxis, ticks, labels, kwargs)

    def set_xticklabels(self, labels, fontdict=None, minor=False, **kwargs):
        self.xaxis._fixed_labels = [str(label) for label in labels]
        if not isinstance(self.xaxis.major_locator, ticker.FixedLocator):
            self._compute_limits()
            self.xaxis.set_major_locator(ticker.FixedLocator(self.xaxis._ticks()[0]))
        self._tick_kwargs(self.xaxis, kwargs)

    def set_yticklabels(self, labels, fontdict=None, minor=False, **kwargs):
        self.yaxis._fixed_labels = [str(label) for label in labels]
        if not isinstance(self.yaxis.major_locator, ticker.FixedLocator):
            self._compute_limits()
            self.yaxis.set_major_locator(ticker.FixedLocator(self.yaxis._ticks()[0]))
        self._tick_kwargs(self.yaxis, kwargs)

    def get_xticks(self):
        self._compute_limits()
        return np.array([float(v) for v in self.xaxis.major_locator()])

    def get_yticks(self):
        self._compute_limits()
        return np.array([float(v) for v in self.yaxis.major_locator()])

    def get_xticklabels(self):
        self._compute_limits()
        return [Text(v, 0, label) for v, label in zip(*self.xaxis._ticks()[:2])]

    def get_yticklabels(self):
        self._compute_limits()
        return [Text(0, v, label) for v, label in zip(*self.yaxis._ticks()[:2])]

    def tick_params(self, axis='both', which='major', reset=False, **kwargs):
        axes = [self.xaxis, self.yaxis] if axis == 'both' else [self.xaxis if axis == 'x' else self.yaxis]
        for ax in axes:
            if 'labelsize' in kwargs:
                ax._tick_labelsize = font_points(kwargs['labelsize'])
            if 'length' in kwargs:
                ax._tick_size = float(kwargs['length'])
            if 'width' in kwargs:
                ax._tick_width = float(kwargs['width'])
            if 'direction' in kwargs:
                ax._tick_direction = kwargs['direction']
            if 'pad' in kwargs:
                ax._tick_pad = float(kwargs['pad'])
            if 'colors' in kwargs:
                ax._tick_color = kwargs['colors']
            if 'color' in kwargs:
                ax._tick_color = kwargs['color']
            if 'labelrotation' in kwargs:
                ax._label_rotation = float(kwargs['labelrotation'])
            for key in ('labelbottom', 'labelleft'):
                if key in kwargs:
                    ax._labels_visible = bool(kwargs[key])
            for key in ('bottom', 'left'):
                if key in kwargs:
                    ax._ticks_visible = bool(kwargs[key])

    def grid(self, visible=None, which='major', axis='both', **kwargs):
        if 'b' in kwargs:
            visible = kwargs.pop('b')
        for ax in ([self.xaxis, self.yaxis] if axis == 'both' else [self.xaxis if axis == 'x' else self.yaxis]):
            ax.grid(visible, which, **kwargs)

    def minorticks_on(self):
        for axis in (self.xaxis, self.yaxis):
            if axis._scale != 'log':
                axis.set_minor_locator(ticker.AutoMinorLocator())

    def minorticks_off(self):
        for axis in (self.xaxis, self.yaxis):
            axis._minor_locator = None

    def locator_params(self, axis='both', tight=None, **kwargs):
        for ax in ([self.xaxis, self.yaxis] if axis == 'both' else [self.xaxis if axis == 'x' else self.yaxis]):
            if isinstance(ax.major_locator, ticker.MaxNLocator):
                ax.major_locator.set_params(**kwargs)

    def set(self, **kwargs):
        for key, value in kwargs.items():
            setter = getattr(self, 'set_' + key, None)
            if setter is None:
                raise AttributeError(f"Axes.set() got an unexpected keyword argument {key!r}")
            if isinstance(value, tuple) and key in ('xlim', 'ylim'):
                setter(*value)
            else:
                setter(value)

    # --- plotting ------------------------------------------------------------------------------
    def plot(self, *args, scalex=True, scaley=True, data=None, **kwargs):
        kwargs = _unalias(kwargs)
        lines = []
        rest = list(args)
        while rest:
            if len(rest) >= 2 and not isinstance(rest[1], str):
                x, y = rest[0], rest[1]
                rest = rest[2:]
            else:
                y = rest[0]
                x = None
                rest = rest[1:]
            fmt = None
            if rest and isinstance(rest[0], str):
                fmt = rest[0]
                rest = rest[1:]
            y = np.asarray(y)
            if x is None:
                x = np.arange(y.shape[0], dtype=np.float64)
            x = np.asarray(x)
            if x.shape[0] != y.shape[0]:
                raise ValueError(f"x and y must have same first dimension, but have shapes {x.shape} and {y.shape}")
            if x.ndim > 2 or y.ndim > 2:
                raise ValueError(f"x and y can be no greater than 2D, but have shapes {x.shape} and {y.shape}")
            color, linestyle, marker = (None, None, None)
            if fmt is not None:
                color, linestyle, marker = _parse_fmt(fmt)
            columns = y.shape[1] if y.ndim == 2 else 1
            for k in range(columns):
                yk = y[:, k] if y.ndim == 2 else y
                xk = x[:, k] if x.ndim == 2 else x
                options = dict(kwargs)
                if color is not None and 'color' not in options:
                    options['color'] = color
                if 'color' not in options:
                    options['color'] = _next_color(self)
                if linestyle is not None and 'linestyle' not in options:
                    options['linestyle'] = linestyle
                if marker is not None and 'marker' not in options:
                    options['marker'] = marker
                if options.get('marker') is not None and 'linestyle' not in options and fmt is None:
                    options['linestyle'] = '-'
                label = options.pop('label', None)
                if isinstance(label, (list, tuple)):
                    label = label[k] if k < len(label) else None
                line = Line2D(xk, yk, label=label if label is not None else '_child' + str(len(self.lines)), **options)
                if label is None:
                    line._label = '_child' + str(len(self.lines))
                lines.append(self._add(line, self.lines))
        return lines

    def _draw_markers(self, renderer, x, y, marker, size, mfc, mec, mew, color):
        px, py = self._to_pixels(x, y)
        face = color if mfc in (None, 'auto') else to_rgba(mfc)
        edge = color if mec in (None, 'auto') else to_rgba(mec)
        shape = MARKER_SHAPE.get(marker, marker)
        if marker == '.':
            size = size * 0.5
            shape = 'o'
        if marker == ',':
            renderer.markers(px, py, ',', 1.0, np.array(face), None, 0.0)
            return
        if isinstance(mfc, str) and mfc == 'none':
            face = None
        renderer.markers(px, py, shape, size, None if face is None else np.array(face), np.array(edge), mew)

    def scatter(self, x, y, s=None, c=None, marker=None, cmap=None, norm=None, vmin=None, vmax=None, alpha=None,
                linewidths=None, edgecolors=None, plotnonfinite=False, label=None, **kwargs):
        kwargs = _unalias(kwargs)
        x = _values(x).ravel()
        y = _values(y).ravel()
        if x.size != y.size:
            raise ValueError("x and y must be the same size")
        n = x.size
        if s is None:
            s = matplotlib.rcParams['lines.markersize'] ** 2.0
        sizes = np.asarray(s, dtype=float).ravel()
        if sizes.size not in (1, n):
            raise ValueError("s must be a scalar, or float array-like with the same size as x and y")
        if c is None:
            c = kwargs.pop('color', kwargs.pop('facecolor', None))
        values = None
        faces = None
        if c is None:
            faces = np.array([to_rgba(_next_patch_color(self), alpha)])
        elif isinstance(c, str):
            faces = np.array([to_rgba(c, alpha)])
        else:
            array = np.asarray(c)
            if array.dtype.kind in 'biuf' and array.size == n and not (array.ndim == 2 and array.shape[1] in (3, 4) and array.shape[0] == n and n != array.size):
                if array.ndim == 2 and array.shape == (n, 3) or array.ndim == 2 and array.shape == (n, 4):
                    faces = to_rgba_array(array, alpha)
                else:
                    values = array.astype(np.float64).ravel()
            elif array.dtype.kind in 'biuf' and array.ndim == 2 and array.shape[0] == n and array.shape[1] in (3, 4):
                faces = to_rgba_array(array, alpha)
            elif array.dtype.kind in 'biuf' and array.ndim == 1 and array.size in (3, 4):
                faces = np.array([to_rgba(tuple(array.tolist()), alpha)])
            else:
                try:
                    faces = to_rgba_array(c, alpha)
                except ValueError:
                    raise ValueError(f"'c' argument has {array.size} elements, which is inconsistent with 'x' and 'y' with size {n}.")
        marker = marker if marker is not None else matplotlib.rcParams['scatter.marker']
        cmap_object = None
        if values is not None:
            cmap_object = get_cmap(cmap)
            if norm is None:
                norm = Normalize(vmin, vmax)
            elif isinstance(norm, str):
                norm = LogNorm(vmin, vmax) if norm == 'log' else Normalize(vmin, vmax)
            norm.autoscale_None(values)
        if edgecolors is None:
            edgecolors = kwargs.pop('edgecolor', 'face')
        edges = edgecolors if isinstance(edgecolors, str) and edgecolors == 'face' else (
            None if isinstance(edgecolors, str) and edgecolors == 'none' else to_rgba_array(edgecolors, alpha))
        width = float(np.asarray(linewidths if linewidths is not None else kwargs.pop('linewidth', matplotlib.rcParams['lines.markeredgewidth'])).ravel()[0])
        collection = PathCollection(x, y, sizes, faces, edges, width, marker, label=label or '_child' + str(len(self.collections)),
                                    alpha=alpha, cmap=cmap_object, norm=norm, values=values)
        if label is None:
            collection._label = '_child' + str(len(self.collections))
        return self._add(collection, self.collections)

    def bar(self, x, height, width=0.8, bottom=None, align='center', color=None, edgecolor=None, linewidth=None,
            tick_label=None, label=None, yerr=None, xerr=None, capsize=None, orientation='vertical', log=False, **kwargs):
        kwargs = _unalias(kwargs)
        color = kwargs.pop('facecolor', color)
        x_is_text = False
        xs = x
        if isinstance(x, (list, tuple)) and len(x) and isinstance(x[0], str):
            tick_label = list(x) if tick_label is None else tick_label
            xs = np.arange(len(x), dtype=np.float64)
            x_is_text = True
        xs = _values(xs).ravel() if np.ndim(xs) else np.array([float(xs)])
        heights = _values(height).ravel() if np.ndim(height) else np.array([float(height)])
        n = max(xs.size, heights.size)
        xs = np.broadcast_to(xs, (n,)) if xs.size == 1 else xs
        heights = np.broadcast_to(heights, (n,)) if heights.size == 1 else heights
        widths = np.broadcast_to(np.asarray(width, dtype=float).ravel(), (n,)) if np.ndim(width) == 0 or np.size(width) == 1 else _values(width)
        bottoms = np.zeros(n) if bottom is None else (np.broadcast_to(np.asarray(bottom, dtype=float).ravel(), (n,)) if np.size(bottom) == 1 else _values(bottom))
        if color is None:
            colors = [_next_patch_color(self)] * n
        elif isinstance(color, str) or (isinstance(color, tuple) and len(color) in (3, 4) and not isinstance(color[0], (str, tuple))):
            colors = [color] * n
        else:
            colors = list(color)
            colors = [colors[i % len(colors)] for i in range(n)]
        edges = None
        if edgecolor is not None:
            edges = [edgecolor] * n if isinstance(edgecolor, str) or np.ndim(edgecolor) == 1 and np.size(edgecolor) in (3, 4) else list(edgecolor)
        patches = []
        vertical = orientation == 'vertical'
        for i in range(n):
            w = float(widths[i])
            left = float(xs[i]) - w / 2 if align == 'center' else float(xs[i])
            if vertical:
                rect = Rectangle((left, float(bottoms[i])), w, float(heights[i]), facecolor=colors[i],
                                 edgecolor=None if edges is None else edges[i % len(edges)],
                                 linewidth=linewidth if linewidth is not None else (1.0 if edges is not None else 0.0),
                                 label=(label if i == 0 and label is not None else '_nolegend_'), alpha=kwargs.get('alpha'))
                rect.sticky_y = [float(bottoms[i])]
            else:
                rect = Rectangle((float(bottoms[i]), left), float(heights[i]), w, facecolor=colors[i],
                                 edgecolor=None if edges is None else edges[i % len(edges)],
                                 linewidth=linewidth if linewidth is not None else (1.0 if edges is not None else 0.0),
                                 label=(label if i == 0 and label is not None else '_nolegend_'), alpha=kwargs.get('alpha'))
                rect.sticky_x = [float(bottoms[i])]
            if 'hatch' in kwargs:
                rect.hatch = kwargs['hatch']
            patches.append(self._add(rect, self.patches))
        container = BarContainer(patches, label if label is not None else '_nolegend_')
        if tick_label is not None:
            labels = [tick_label] * n if isinstance(tick_label, str) else list(tick_label)
            if vertical:
                self.set_xticks(xs.tolist(), labels)
            else:
                self.set_yticks(xs.tolist(), labels)
        if yerr is not None or xerr is not None:
            centers = xs if align == 'center' else xs + widths / 2
            tops = bottoms + heights
            if vertical:
                self.errorbar(centers, tops, yerr=yerr, xerr=xerr, fmt='none', ecolor='black', capsize=capsize)
            else:
                self.errorbar(tops, centers, yerr=yerr, xerr=xerr, fmt='none', ecolor='black', capsize=capsize)
        if log:
            (self.set_yscale if vertical else self.set_xscale)('log')
        self._containers().append(container)
        return container

    def _containers(self):
        if not hasattr(self, 'containers'):
            self.containers = []
        return self.containers

    def barh(self, y, width, height=0.8, left=None, align='center', **kwargs):
        return self.bar(y, width, width=height, bottom=left, align=align, orientation='horizontal', **kwargs)

    def bar_label(self, container, labels=None, fmt='%g', label_type='edge', padding=0, fontsize=None, **kwargs):
        texts = []
        for i, rect in enumerate(container.patches):
            value = rect.get_height()
            text = labels[i] if labels is not None else (fmt % value if '%' in fmt else fmt.format(value))
            x = rect.get_x() + rect.get_width() / 2
            y = rect.get_y() + rect.get_height() if label_type == 'edge' else rect.get_y() + rect.get_height() / 2
            t = Text(x, y, text, fontsize=fontsize, ha='center', va='bottom' if label_type == 'edge' else 'center')
            t._offset_points = padding
            texts.append(self._add(t, self.texts))
        return texts

    def hist(self, x, bins=None, range=None, density=False, weights=None, cumulative=False, bottom=None, histtype='bar',
             align='mid', orientation='vertical', rwidth=None, log=False, color=None, label=None, stacked=False, **kwargs):
        kwargs = _unalias(kwargs)
        if bins is None:
            bins = matplotlib.rcParams['hist.bins']
        # as matplotlib: a list of sequences is one dataset each, a 2-d array one per column
        if isinstance(x, (list, tuple)) and len(x) > 0 and np.ndim(x[0]) >= 1:
            datasets = [np.asarray(d, dtype=np.float64).ravel() for d in x]
        else:
            data = np.asarray(x)
            if data.ndim == 2:
                datasets = [data[:, k].astype(np.float64) for k in builtins_range(data.shape[1])]
            else:
                datasets = [data.astype(np.float64).ravel()]
        all_data = np.concatenate([d[np.isfinite(d)] for d in datasets]) if datasets else np.array([])
        if range is None and not isinstance(bins, (list, tuple, np.ndarray)) and all_data.size:
            range = (float(all_data.min()), float(all_data.max()))
        counts_list = []
        edges = None
        for k, d in enumerate(datasets):
            w = None if weights is None else np.asarray(weights if len(datasets) == 1 else weights[k], dtype=float)
            counts, edges = np.histogram(d[np.isfinite(d)] if w is None else d, bins=bins, range=range, density=density, weights=w)
            if cumulative:
                counts = np.cumsum(counts)
                if density:
                    counts = counts * np.diff(edges)
            counts_list.append(counts.astype(np.float64))
        if color is None:
            colors = [_next_color(self) for d in datasets]
        elif isinstance(color, str) or (isinstance(color, tuple) and len(color) in (3, 4)):
            colors = [color] * len(datasets)
        else:
            colors = list(color)
        labels = [label] * 1 if not isinstance(label, (list, tuple)) else list(label)
        patches_out = []
        widths = np.diff(edges)
        nsets = len(datasets)
        base = np.zeros(len(widths)) if bottom is None else np.asarray(bottom, dtype=float) * np.ones(len(widths))
        for k, counts in enumerate(counts_list):
            lab = labels[k] if k < len(labels) and labels[k] is not None else '_nolegend_'
            if histtype in ('bar', 'barstacked'):
                if nsets > 1 and not stacked and histtype == 'bar':
                    dw = widths * (rwidth or 0.8) / nsets
                    lefts = edges[:-1] + widths * (1 - (rwidth or 0.8)) / 2 + k * dw
                    bw = dw
                else:
                    rel = rwidth if rwidth is not None else 1.0
                    bw = widths * rel
                    lefts = edges[:-1] + widths * (1 - rel) / 2
                heights = counts
                bottoms = base if (stacked or histtype == 'barstacked') else (np.zeros(len(widths)) if bottom is None else base)
                container = self.bar(lefts, heights, width=bw, bottom=bottoms, align='edge', color=colors[k], label=lab,
                                     orientation='vertical' if orientation == 'vertical' else 'horizontal', **kwargs)
                patches_out.append(container)
                if stacked or histtype == 'barstacked':
                    base = base + counts
            else:
                xs = np.repeat(edges, 2)
                ys = np.concatenate([[0.0], np.repeat(counts, 2), [0.0]])
                if stacked:
                    ys = ys + np.concatenate([[0.0], np.repeat(base, 2), [0.0]])
                    base = base + counts
                if orientation != 'vertical':
                    xs, ys = ys, xs
                filled = histtype == 'stepfilled'
                poly = Polygon(np.column_stack([xs, ys]), facecolor=colors[k] if filled else 'none', fill=filled,
                               edgecolor=kwargs.get('edgecolor', colors[k]) if not filled else kwargs.get('edgecolor'),
                               linewidth=kwargs.get('linewidth', 1.0 if not filled else 1.0), label=lab, alpha=kwargs.get('alpha'))
                if orientation == 'vertical':
                    poly.sticky_y = [0.0]
                else:
                    poly.sticky_x = [0.0]
                patches_out.append([self._add(poly, self.patches)])
        if log:
            (self.set_yscale if orientation == 'vertical' else self.set_xscale)('log')
        if nsets == 1:
            return counts_list[0], edges, patches_out[0]
        return counts_list, edges, patches_out

    def errorbar(self, x, y, yerr=None, xerr=None, fmt='', ecolor=None, elinewidth=None, capsize=None, barsabove=False,
                 lolims=False, uplims=False, xlolims=False, xuplims=False, errorevery=1, capthick=None, label=None, **kwargs):
        kwargs = _unalias(kwargs)
        x = _values(x).ravel() if np.ndim(x) else np.array([float(x)])
        y = _values(y).ravel() if np.ndim(y) else np.array([float(y)])
        line = None
        if fmt != 'none':
            args = [x, y] + ([fmt] if fmt else [])
            line = self.plot(*args, label=label, **kwargs)[0]
            color = line.get_color()
        else:
            color = kwargs.get('color', None)
            if color is None:
                color = _next_color(self)
        ecolor = ecolor if ecolor is not None else color
        width = elinewidth if elinewidth is not None else (line.get_linewidth() if line is not None else matplotlib.rcParams['lines.linewidth'])
        capsize = matplotlib.rcParams['errorbar.capsize'] if capsize is None else capsize
        segments = []

        def spread(err, n):
            e = np.asarray(err, dtype=float)
            if e.ndim == 0:
                return np.full(n, float(e)), np.full(n, float(e))
            if e.ndim == 2:
                return e[0], e[1]
            return e, e

        bars = ErrorBars(self, ecolor, width, capsize, capthick)
        if yerr is not None:
            low, high = spread(yerr, x.size)
            bars.vertical = (x, y - low, y + high)
        if xerr is not None:
            low, high = spread(xerr, x.size)
            bars.horizontal = (y, x - low, x + high)
        self._add(bars, self.collections)
        if line is not None:
            line._errorbar = bars
        return ErrorbarContainer(line, bars, label)

    def fill_between(self, x, y1, y2=0, where=None, interpolate=False, step=None, color=None, alpha=None, label=None, **kwargs):
        kwargs = _unalias(kwargs)
        x = _values(x).ravel()
        y1 = np.broadcast_to(_values(y1), x.shape).astype(np.float64) if np.ndim(y1) else np.full(x.shape, float(y1))
        y2 = np.broadcast_to(_values(y2), x.shape).astype(np.float64) if np.ndim(y2) else np.full(x.shape, float(y2))
        # matplotlib: color= paints the face and the edge (1 point wide); a face colour alone has no edge
        edged = color is not None
        color = color if color is not None else kwargs.pop('facecolor', None)
        if color is None:
            color = _next_patch_color(self)
        if edged and 'edgecolor' not in kwargs:
            kwargs['edgecolor'] = color
        mask = np.ones(x.shape, dtype=bool) if where is None else np.asarray(where, dtype=bool)
        polys = []
        start = None
        for i in builtins_range(len(x) + 1):
            inside = i < len(x) and bool(mask[i])
            if inside and start is None:
                start = i
            elif not inside and start is not None:
                xs = np.concatenate([x[start:i], x[start:i][::-1]])
                ys = np.concatenate([y1[start:i], y2[start:i][::-1]])
                poly = Polygon(np.column_stack([xs, ys]), facecolor=color, edgecolor=kwargs.get('edgecolor', color), alpha=alpha,
                               linewidth=kwargs.get('linewidth', 0.0 if 'edgecolor' not in kwargs else 1.0),
                               label=label if not polys and label is not None else '_nolegend_')
                polys.append(self._add(poly, self.collections))
                start = None
        return polys[0] if polys else None

    def fill_betweenx(self, y, x1, x2=0, where=None, color=None, alpha=None, label=None, **kwargs):
        y = _values(y).ravel()
        x1 = np.broadcast_to(_values(x1), y.shape).astype(np.float64) if np.ndim(x1) else np.full(y.shape, float(x1))
        x2 = np.broadcast_to(_values(x2), y.shape).astype(np.float64) if np.ndim(x2) else np.full(y.shape, float(x2))
        if color is None:
            color = kwargs.pop('facecolor', None) or _next_patch_color(self)
        xs = np.concatenate([x1, x2[::-1]])
        ys = np.concatenate([y, y[::-1]])
        poly = Polygon(np.column_stack([xs, ys]), facecolor=color, edgecolor=color, alpha=alpha, linewidth=0.0, label=label or '_nolegend_')
        return self._add(poly, self.collections)

    def fill(self, *args, **kwargs):
        kwargs = _unalias(kwargs)
        x, y = _values(args[0]), _values(args[1])
        color = args[2] if len(args) > 2 else kwargs.pop('color', kwargs.pop('facecolor', None))
        poly = Polygon(np.column_stack([x, y]), facecolor=color or _next_patch_color(self), edgecolor=kwargs.pop('edgecolor', None),
                       label=kwargs.pop('label', '_nolegend_'), alpha=kwargs.pop('alpha', None))
        return [self._add(poly, self.patches)]

    def axhline(self, y=0, xmin=0, xmax=1, **kwargs):
        kwargs = _unalias(kwargs)
        color = kwargs.pop('color', 'C0')
        line = SpanLine('h', float(y), float(xmin), float(xmax), color=color, **kwargs)
        return self._add(line, self.lines)

    def axvline(self, x=0, ymin=0, ymax=1, **kwargs):
        kwargs = _unalias(kwargs)
        color = kwargs.pop('color', 'C0')
        line = SpanLine('v', float(x), float(ymin), float(ymax), color=color, **kwargs)
        return self._add(line, self.lines)

    def hlines(self, y, xmin, xmax, colors=None, linestyles='solid', label='', **kwargs):
        ys = np.atleast_1d(_values(y))
        x0 = np.broadcast_to(np.atleast_1d(_values(xmin)), ys.shape)
        x1 = np.broadcast_to(np.atleast_1d(_values(xmax)), ys.shape)
        color = colors if colors is not None else 'C0'
        out = []
        for i in builtins_range(ys.size):
            out.append(self._add(Line2D([x0[i], x1[i]], [ys[i], ys[i]], color=color, linestyle=linestyles,
                                        label=label if i == 0 else '_nolegend_', **_unalias(kwargs)), self.lines))
        return out

    def vlines(self, x, ymin, ymax, colors=None, linestyles='solid', label='', **kwargs):
        xs = np.atleast_1d(_values(x))
        y0 = np.broadcast_to(np.atleast_1d(_values(ymin)), xs.shape)
        y1 = np.broadcast_to(np.atleast_1d(_values(ymax)), xs.shape)
        color = colors if colors is not None else 'C0'
        out = []
        for i in builtins_range(xs.size):
            out.append(self._add(Line2D([xs[i], xs[i]], [y0[i], y1[i]], color=color, linestyle=linestyles,
                                        label=label if i == 0 else '_nolegend_', **_unalias(kwargs)), self.lines))
        return out

    def axhspan(self, ymin, ymax, xmin=0, xmax=1, **kwargs):
        kwargs = _unalias(kwargs)
        span = SpanPatch('h', float(ymin), float(ymax), float(xmin), float(xmax), **kwargs)
        return self._add(span, self.patches)

    def axvspan(self, xmin, xmax, ymin=0, ymax=1, **kwargs):
        kwargs = _unalias(kwargs)
        span = SpanPatch('v', float(xmin), float(xmax), float(ymin), float(ymax), **kwargs)
        return self._add(span, self.patches)

    def loglog(self, *args, **kwargs):
        self.set_xscale('log')
        self.set_yscale('log')
        return self.plot(*args, **kwargs)

    def semilogx(self, *args, **kwargs):
        self.set_xscale('log')
        return self.plot(*args, **kwargs)

    def semilogy(self, *args, **kwargs):
        self.set_yscale('log')
        return self.plot(*args, **kwargs)

    def step(self, x, y, *args, where='pre', **kwargs):
        kwargs['drawstyle'] = 'steps-' + where
        return self.plot(x, y, *args, **kwargs)

    def stem(self, *args, linefmt=None, markerfmt=None, basefmt=None, bottom=0, label=None, orientation='vertical', **kwargs):
        if len(args) == 1:
            y = _values(args[0])
            x = np.arange(y.size, dtype=np.float64)
        else:
            x, y = _values(args[0]), _values(args[1])
        color = 'C0'
        stems = []
        for i in builtins_range(x.size):
            stems.append(self._add(Line2D([x[i], x[i]], [bottom, y[i]], color=color, label='_nolegend_'), self.lines))
        marker = self._add(Line2D(x, y, color=color, linestyle='None', marker='o', label=label or '_nolegend_'), self.lines)
        base = self._add(Line2D([x.min(), x.max()], [bottom, bottom], color='C3', label='_nolegend_'), self.lines)
        return StemContainer(marker, stems, base)

    def pie(self, x, explode=None, labels=None, colors=None, autopct=None, pctdistance=0.6, shadow=False, labeldistance=1.1,
            startangle=0, radius=1, counterclock=True, wedgeprops=None, textprops=None, center=(0, 0), frame=False, normalize=True):
        x = _values(x).ravel()
        total = x.sum()
        fractions = x / total if normalize or total > 1 else x
        theta = startangle / 360.0
        wedges = []
        texts = []
        autotexts = []
        wedgeprops = wedgeprops or {}
        for i in builtins_range(x.size):
            frac = float(fractions[i])
            theta2 = theta + frac if counterclock else theta - frac
            mid = math.pi * (theta + theta2)
            shift = explode[i] if explode is not None else 0.0
            cx = center[0] + shift * math.cos(mid)
            cy = center[1] + shift * math.sin(mid)
            color = colors[i % len(colors)] if colors is not None else _next_patch_color(self)
            wedge = Wedge((cx, cy), radius, 360.0 * min(theta, theta2), 360.0 * max(theta, theta2), facecolor=color,
                          edgecolor=wedgeprops.get('edgecolor'), linewidth=wedgeprops.get('linewidth', 1.0 if 'edgecolor' in wedgeprops else 0.0),
                          label=str(labels[i]) if labels is not None else '_nolegend_', width=wedgeprops.get('width'))
            wedges.append(self._add(wedge, self.patches))
            if labels is not None:
                lx = cx + labeldistance * radius * math.cos(mid)
                ly = cy + labeldistance * radius * math.sin(mid)
                t = Text(lx, ly, labels[i], ha='left' if lx > 0 else 'right', va='center', **(textprops or {}))
                texts.append(self._add(t, self.texts))
            if autopct is not None:
                text = autopct(100.0 * frac) if callable(autopct) else autopct % (100.0 * frac)
                px = cx + pctdistance * radius * math.cos(mid)
                py = cy + pctdistance * radius * math.sin(mid)
                autotexts.append(self._add(Text(px, py, text, ha='center', va='center', **(textprops or {})), self.texts))
            theta = theta2
        if not frame:
            self._axis_on = False
            self.set_xlim(-1.25 * radius + center[0], 1.25 * radius + center[0])
            self.set_ylim(-1.25 * radius + center[1], 1.25 * radius + center[1])
        self._aspect = 'equal'
        if autopct is not None:
            return wedges, texts, autotexts
        return wedges, texts

    def boxplot(self, x, notch=None, sym=None, vert=True, whis=1.5, positions=None, widths=None, patch_artist=False,
                labels=None, showmeans=False, showfliers=True, **kwargs):
        data = np.asarray(x, dtype=float) if not isinstance(x, (list, tuple)) or np.ndim(x[0]) == 0 else None
        if data is not None:
            datasets = [data] if data.ndim == 1 else [data[:, k] for k in builtins_range(data.shape[1])]
        else:
            datasets = [np.asarray(d, dtype=float) for d in x]
        n = len(datasets)
        positions = list(builtins_range(1, n + 1)) if positions is None else list(positions)
        if widths is None:
            spread = max(positions) - min(positions)
            widths = [min(max(0.15 * spread, 0.15), 0.5)] * n
        else:
            widths = [widths] * n if np.ndim(widths) == 0 else list(widths)
        result = {'boxes': [], 'medians': [], 'whiskers': [], 'caps': [], 'fliers': [], 'means': []}
        for i, d in enumerate(datasets):
            d = d[np.isfinite(d)]
            q1, med, q3 = np.percentile(d, [25, 50, 75])
            iqr = q3 - q1
            low_limit = q1 - whis * iqr
            high_limit = q3 + whis * iqr
            low = d[d >= low_limit].min() if np.any(d >= low_limit) else q1
            high = d[d <= high_limit].max() if np.any(d <= high_limit) else q3
            pos = positions[i]
            w = widths[i]
            fliers = d[(d < low) | (d > high)]

            def line(xs, ys, color='black', **kw):
                if not vert:
                    xs, ys = ys, xs
                return self._add(Line2D(xs, ys, color=color, linewidth=1.0, label='_nolegend_', **kw), self.lines)

            if patch_artist:
                corners = np.array([[pos - w / 2, q1], [pos + w / 2, q1], [pos + w / 2, q3], [pos - w / 2, q3]])
                if not vert:
                    corners = corners[:, ::-1]
                result['boxes'].append(self._add(Polygon(corners, facecolor='C0', edgecolor='black', linewidth=1.0), self.patches))
            else:
                result['boxes'].append(line([pos - w / 2, pos + w / 2, pos + w / 2, pos - w / 2, pos - w / 2], [q1, q1, q3, q3, q1]))
            result['medians'].append(line([pos - w / 2, pos + w / 2], [med, med], color='C1'))
            result['whiskers'].append(line([pos, pos], [q1, low]))
            result['whiskers'].append(line([pos, pos], [q3, high]))
            result['caps'].append(line([pos - w / 4, pos + w / 4], [low, low]))
            result['caps'].append(line([pos - w / 4, pos + w / 4], [high, high]))
            if showfliers and fliers.size:
                fx = np.full(fliers.size, float(pos))
                fl = Line2D(fx if vert else fliers, fliers if vert else fx, color='black', linestyle='None', marker='o',
                            markerfacecolor='none', label='_nolegend_')
                result['fliers'].append(self._add(fl, self.lines))
        # as matplotlib: the data limits reach half a unit past the outer boxes, and no margin is added
        low_edge, high_edge = min(positions) - 0.5, max(positions) + 0.5
        edges = _DataLimits([low_edge, high_edge], None, [low_edge, high_edge], []) if vert else \
            _DataLimits(None, [low_edge, high_edge], [], [low_edge, high_edge])
        self._add(edges, self.collections)
        if labels is not None:
            (self.set_xticks if vert else self.set_yticks)(positions, [str(label) for label in labels])
        else:
            (self.set_xticks if vert else self.set_yticks)(positions, [str(p) for p in positions])
        return result

    def imshow(self, X, cmap=None, norm=None, aspect=None, interpolation=None, alpha=None, vmin=None, vmax=None, origin=None,
               extent=None, **kwargs):
        data = np.asarray(X)
        if data.ndim not in (2, 3) or (data.ndim == 3 and data.shape[2] not in (3, 4)):
            raise TypeError(f"Invalid shape {data.shape} for image data")
        origin = origin or matplotlib.rcParams['image.origin']
        rows, columns = data.shape[0], data.shape[1]
        if extent is None:
            extent = (-0.5, columns - 0.5, rows - 0.5, -0.5) if origin == 'upper' else (-0.5, columns - 0.5, -0.5, rows - 0.5)
        extent = tuple(float(v) for v in extent)
        cmap_object = get_cmap(cmap)
        if norm is None:
            norm = Normalize(vmin, vmax)
        elif isinstance(norm, str):
            norm = LogNorm(vmin, vmax) if norm == 'log' else Normalize(vmin, vmax)
        if data.ndim == 2:
            norm.autoscale_None(data)
        image = AxesImage(data, cmap_object, norm, extent, origin, interpolation or matplotlib.rcParams['image.interpolation'], alpha)
        self._aspect = aspect if aspect is not None else matplotlib.rcParams['image.aspect']
        self._add(image, self.images)
        x0, x1, y0, y1 = extent
        if self.xaxis._limits is None:
            self.xaxis._limits = (x0, x1)
        if self.yaxis._limits is None:
            self.yaxis._limits = (y0, y1)
        return image

    def matshow(self, Z, **kwargs):
        """imshow with nearest pixels, integer ticks, and the x axis on top (matplotlib's matshow)."""
        options = {'origin': 'upper', 'interpolation': 'nearest', 'aspect': 'equal'}
        options.update(kwargs)
        image = self.imshow(Z, **options)
        self.xaxis._position = 'top'
        for axis in (self.xaxis, self.yaxis):
            axis.set_major_locator(ticker.MaxNLocator(nbins=9, steps=[1, 2, 5, 10], integer=True))
        return image

    def pcolormesh(self, *args, cmap=None, norm=None, vmin=None, vmax=None, shading=None, alpha=None, **kwargs):
        if len(args) == 1:
            C = np.asarray(args[0], dtype=float)
            xe = np.arange(C.shape[1] + 1, dtype=float)
            ye = np.arange(C.shape[0] + 1, dtype=float)
        else:
            X, Y, C = np.asarray(args[0], dtype=float), np.asarray(args[1], dtype=float), np.asarray(args[2], dtype=float)
            xs = X[0] if X.ndim == 2 else X
            ys = Y[:, 0] if Y.ndim == 2 else Y
            if xs.size == C.shape[1]:
                mid = (xs[:-1] + xs[1:]) / 2
                xe = np.concatenate([[xs[0] - (mid[0] - xs[0])], mid, [xs[-1] + (xs[-1] - mid[-1])]])
            else:
                xe = xs
            if ys.size == C.shape[0]:
                mid = (ys[:-1] + ys[1:]) / 2
                ye = np.concatenate([[ys[0] - (mid[0] - ys[0])], mid, [ys[-1] + (ys[-1] - mid[-1])]])
            else:
                ye = ys
        cmap_object = get_cmap(cmap)
        if norm is None:
            norm = Normalize(vmin, vmax)
        norm.autoscale_None(C)
        mesh = QuadMesh(xe, ye, C, cmap_object, norm, alpha)
        self._add(mesh, self.collections)
        return mesh

    pcolor = pcolormesh

    def contourf(self, *args, **kwargs):
        return self._contour(True, args, kwargs)

    def contour(self, *args, **kwargs):
        return self._contour(False, args, kwargs)

    def _contour(self, filled, args, kwargs):
        from matplotlib._contour import contour_set
        return contour_set(self, filled, args, kwargs)

    def quiver(self, *args, color=None, scale=None, **kwargs):
        if len(args) == 2:
            U, V = np.asarray(args[0], dtype=float), np.asarray(args[1], dtype=float)
            X, Y = np.meshgrid(np.arange(U.shape[-1]), np.arange(U.shape[0])) if U.ndim == 2 else (np.arange(U.size), np.zeros(U.size))
        else:
            X, Y, U, V = [np.asarray(a, dtype=float) for a in args[:4]]
        quiver = Quiver(X.ravel(), Y.ravel(), U.ravel(), V.ravel(), color or 'black', scale)
        return self._add(quiver, self.collections)

    def text(self, x, y, s, fontdict=None, transform=None, **kwargs):
        options = dict(fontdict or {})
        options.update(kwargs)
        options = {('ha' if k == 'horizontalalignment' else 'va' if k == 'verticalalignment' else 'fontsize' if k == 'size' else
                    'weight' if k == 'fontweight' else k): v for k, v in options.items()}
        coords = 'axes fraction' if transform is not None and getattr(transform, '_name', '') == 'axes' else (
            'figure fraction' if transform is not None and getattr(transform, '_name', '') == 'figure' else 'data')
        t = Text(x, y, s, coords=coords, **options)
        return self._add(t, self.texts)

    def annotate(self, text, xy, xytext=None, xycoords='data', textcoords=None, arrowprops=None, **kwargs):
        options = {('ha' if k == 'horizontalalignment' else 'va' if k == 'verticalalignment' else 'fontsize' if k == 'size' else k): v
                   for k, v in kwargs.items()}
        position = xytext if xytext is not None else xy
        coords = textcoords if textcoords is not None else xycoords
        if coords == 'offset points':
            t = Text(xy[0], xy[1], text, coords=xycoords, **options)
            t._offset = position
        else:
            t = Text(position[0], position[1], text, coords=coords, **options)
        if arrowprops is not None:
            t.arrow = _Arrow(t, xy, xycoords, arrowprops)
        return self._add(t, self.texts)

    def legend(self, *args, **kwargs):
        handles, labels = None, None
        if len(args) == 2:
            handles, labels = list(args[0]), list(args[1])
        elif len(args) == 1:
            labels = list(args[0])
        if 'handles' in kwargs:
            handles = list(kwargs.pop('handles'))
        if 'labels' in kwargs:
            labels = list(kwargs.pop('labels'))
        if handles is None:
            found, found_labels = self.get_legend_handles_labels(all_artists=labels is not None)
            if labels is not None:
                handles = found[:len(labels)]
            else:
                handles, labels = found, found_labels
        elif labels is None:
            labels = [h.get_label() for h in handles]
        handles = [h.patches[0] if isinstance(h, BarContainer) and h.patches else (h.lines[0] if isinstance(h, ErrorbarContainer) and h.lines[0] is not None else h) for h in handles]
        if not handles:
            import warnings
            warnings.warn("No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.", UserWarning)
        self.legend_ = Legend(self, handles, labels, **kwargs)
        return self.legend_

    def get_legend(self):
        return self.legend_

    def get_legend_handles_labels(self, legend_handler_map=None, all_artists=False):
        handles = []
        labels = []
        seen_containers = []
        for artist in self.artists:
            if isinstance(artist, (Text, AxesImage)) and not isinstance(artist, QuadMesh):
                continue
            label = artist.get_label()
            if all_artists and (label.startswith('_child') or label == '_nolegend_'):
                handles.append(artist)
                labels.append(label)
                continue
            if label and not label.startswith('_'):
                handles.append(artist)
                labels.append(label)
        if all_artists:
            return [h for h in handles if not isinstance(h, ErrorBars)], labels
        return handles, labels

    def twinx(self):
        other = self.figure.add_axes(self.get_position(), sharex=self)
        other._twin_of = self
        other.yaxis._position = 'right'
        other._facecolor = 'none'
        other._color_index = 0
        self._twinned = True
        return other

    def twiny(self):
        other = self.figure.add_axes(self.get_position(), sharey=self)
        other.xaxis._position = 'top'
        other._facecolor = 'none'
        return other

    def get_lines(self):
        return list(self.lines)

    def get_children(self):
        return list(self.artists)

    def label_outer(self):
        spec = self._subplotspec
        if spec is None:
            return
        if not spec.is_last_row():
            self.xaxis._labels_visible = False
            self.xaxis._label = ''
        if not spec.is_first_col():
            self.yaxis._labels_visible = False
            self.yaxis._label = ''

    # --- drawing -------------------------------------------------------------------------------
    def _data_limits(self):
        xs, ys = [], []
        sticky_x, sticky_y = [], []
        for artist in self.artists:
            if not artist.get_visible() or isinstance(artist, (SpanLine, SpanPatch, Text)):
                continue
            if isinstance(artist, _DataLimits):
                extra_x, extra_y = artist._axis_limits()
                xs.extend(extra_x or [])
                ys.extend(extra_y or [])
                sticky_x.extend(artist._sticky_x)
                sticky_y.extend(artist._sticky_y)
                continue
            limits = artist._limits()
            if limits is None:
                continue
            xs.extend(limits[:2])
            ys.extend(limits[2:])
            sx, sy = artist._sticky()
            sticky_x.extend(sx)
            sticky_y.extend(sy)
        return xs, ys, sticky_x, sticky_y

    def _auto_view(self, axis, values, sticky, margin, shared_values=None):
        if shared_values:
            values = values + shared_values
        if not values:
            return (1.0, 10.0) if axis._scale == 'log' else (0.0, 1.0)
        low, high = min(values), max(values)
        if axis._scale == 'log':
            if low <= 0:
                low = high * 1e-3 if high > 0 else 1.0
            a, b = math.log10(low), math.log10(high)
            if a == b:
                a, b = a - 1, b + 1
            span = b - a
            new_low, new_high = 10 ** (a - margin * span), 10 ** (b + margin * span)
        else:
            low, high = ticker._nonsingular(low, high, expander=0.05)
            span = high - low
            new_low, new_high = low - margin * span, high + margin * span
        for edge in sticky:
            if new_low < edge <= low:
                new_low = edge
            if high <= edge < new_high:
                new_high = edge
        return (new_low, new_high)

    def _compute_limits(self):
        if not hasattr(self, '_box_ready'):
            self.figure._layout_axes(self)
        xs, ys, sticky_x, sticky_y = self._data_limits()
        for axis, values, sticky, margin, group in ((self.xaxis, xs, sticky_x, self._margins[0], self._sharex_group()),
                                                    (self.yaxis, ys, sticky_y, self._margins[1], self._sharey_group())):
            if axis._limits is not None:
                view = axis._limits
            else:
                shared = []
                shared_limits = None
                for other in group:
                    if (other.xaxis if axis.axis_name == 'x' else other.yaxis)._limits is not None:
                        shared_limits = (other.xaxis if axis.axis_name == 'x' else other.yaxis)._limits
                    ox, oy, osx, osy = other._data_limits()
                    shared.extend(ox if axis.axis_name == 'x' else oy)
                    sticky = sticky + (osx if axis.axis_name == 'x' else osy)
                view = shared_limits if shared_limits is not None else self._auto_view(axis, values, sticky, margin, shared)
            if axis._inverted and view[0] < view[1] or (not axis._inverted and axis._limits is None and view[0] > view[1]):
                view = (view[1], view[0])
            if view[0] == view[1]:
                view = ticker._nonsingular(view[0], view[1], expander=0.05)
            axis._view = (float(view[0]), float(view[1]))

    def _to_pixels(self, x, y):
        bx, by, bw, bh = self._box
        x = np.asarray(x, dtype=np.float64)
        y = np.asarray(y, dtype=np.float64)
        x0, x1 = self.xaxis._view
        y0, y1 = self.yaxis._view
        if self.xaxis._scale == 'log':
            with np.errstate(divide='ignore', invalid='ignore'):
                x = np.where(x > 0, np.log10(np.where(x > 0, x, 1.0)), np.nan)
            x0, x1 = math.log10(x0), math.log10(x1)
        if self.yaxis._scale == 'log':
            with np.errstate(divide='ignore', invalid='ignore'):
                y = np.where(y > 0, np.log10(np.where(y > 0, y, 1.0)), np.nan)
            y0, y1 = math.log10(y0), math.log10(y1)
        px = bx + (x - x0) / (x1 - x0) * bw
        py = by + bh - (y - y0) / (y1 - y0) * bh
        return px, py

    def _apply_aspect(self):
        if self._aspect == 'auto' and self._box_aspect is None:
            return
        bx, by, bw, bh = self._box
        if self._box_aspect is not None:
            ratio = float(self._box_aspect)
        else:
            aspect = 1.0 if self._aspect == 'equal' else float(self._aspect)
            x0, x1 = self.xaxis._view
            y0, y1 = self.yaxis._view
            if self.xaxis._scale == 'log':
                x0, x1 = math.log10(x0), math.log10(x1)
            if self.yaxis._scale == 'log':
                y0, y1 = math.log10(y0), math.log10(y1)
            ratio = abs(y1 - y0) / abs(x1 - x0) * aspect
        # the smaller box is placed by the anchor: (0.5, 0.5) centred; a colorbar's parent leans on it
        ax_, ay_ = getattr(self, '_anchor_point', (0.5, 0.5))
        if bh / bw > ratio:
            new_h = bw * ratio
            self._box = (bx, by + (bh - new_h) * (1 - ay_), bw, new_h)
        else:
            new_w = bh / ratio
            self._box = (bx + (bw - new_w) * ax_, by, new_w, bh)

    def _legend_obstacles(self):
        xs, ys, segments = [], [], []
        for artist in self.artists:
            if isinstance(artist, Line2D) and not isinstance(artist, SpanLine):
                px, py = self._to_pixels(artist._x, artist._y)
                good = np.isfinite(px) & np.isfinite(py)
                if artist._linestyle in ('None', 'none', '', ' '):
                    xs.append(px[good])
                    ys.append(py[good])
                else:
                    xs.append(px[good])
                    ys.append(py[good])
                    segments.append((px[good], py[good]))
            elif isinstance(artist, PathCollection):
                px, py = self._to_pixels(artist._x, artist._y)
                xs.append(px)
                ys.append(py)
            elif isinstance(artist, Patch) and not isinstance(artist, SpanPatch):
                px, py = self._to_pixels(*artist._polygon())
                if len(px):
                    xs.append(np.array([px.mean()]))
                    ys.append(np.array([py.mean()]))
        if xs:
            return np.concatenate(xs), np.concatenate(ys), segments
        return np.array([]), np.array([]), segments

    def _draw(self, renderer):
        rc = matplotlib.rcParams
        self._compute_limits()
        self._apply_aspect()
        bx, by, bw, bh = self._box
        if self._axis_on:
            renderer.rect(bx, by, bw, bh, self._facecolor)
        grid_z = 1.5
        layers = sorted(self.artists, key=lambda a: a.zorder)
        drawn_grid = not self._axis_on
        renderer.clip(bx, by, bw, bh)
        for artist in layers:
            if not drawn_grid and artist.zorder > grid_z:
                renderer.unclip()
                self._draw_grid(renderer)
                renderer.clip(bx, by, bw, bh)
                drawn_grid = True
            if artist.get_visible():
                if isinstance(artist, Text):
                    continue
                artist._draw(renderer, self)
        renderer.unclip()
        if not drawn_grid:
            self._draw_grid(renderer)
        for artist in layers:
            if isinstance(artist, Text) and artist.get_visible():
                artist._draw(renderer, self)
        if self._axis_on:
            self._draw_frame(renderer)
        self._draw_titles(renderer)
        if self.legend_ is not None:
            self.legend_._draw(renderer, self)

    def _draw_grid(self, renderer):
        if not self._axis_on:
            return
        rc = matplotlib.rcParams
        bx, by, bw, bh = self._box
        for axis in (self.xaxis, self.yaxis):
            if not axis._grid:
                continue
            options = axis._grid_kwargs
            color = options.get('color', rc['grid.color'])
            width = float(options.get('linewidth', rc['grid.linewidth']))
            style = options.get('linestyle', rc['grid.linestyle'])
            alpha = options.get('alpha', rc['grid.alpha'])
            dashes = _dashes(style, width)
            locs, labels, offset = axis._ticks()
            which = axis._grid_which
            values = (locs if which in ('major', 'both') else []) + (axis._minor_ticks(locs) if which in ('minor', 'both') else [])
            for v in values:
                if axis.axis_name == 'x':
                    px, py = self._to_pixels(np.array([v]), np.array([self.yaxis._view[0]]))
                    renderer.polyline(np.array([px[0], px[0]]), np.array([by, by + bh]), to_rgba(color, alpha), width,
                                      None if dashes == 'none' else dashes, cap='projecting' if dashes is None else 'butt')
                else:
                    px, py = self._to_pixels(np.array([self.xaxis._view[0]]), np.array([v]))
                    renderer.polyline(np.array([bx, bx + bw]), np.array([py[0], py[0]]), to_rgba(color, alpha), width,
                                      None if dashes == 'none' else dashes, cap='projecting' if dashes is None else 'butt')

    def _draw_frame(self, renderer):
        bx, by, bw, bh = self._box
        for name, xs, ys in (('left', (bx, bx), (by, by + bh)), ('right', (bx + bw, bx + bw), (by, by + bh)),
                             ('bottom', (bx, bx + bw), (by + bh, by + bh)), ('top', (bx, bx + bw), (by, by))):
            spine = self.spines[name]
            if spine.get_visible():
                renderer.polyline(np.array(xs), np.array(ys), spine._color, spine._linewidth, None, cap='projecting', join='miter')
        renderer._grow(bx, by, bx + bw, by + bh)
        self._label_extent = [bx, by, bx + bw, by + bh]
        self._draw_axis(renderer, self.xaxis)
        self._draw_axis(renderer, self.yaxis)

    def _draw_axis(self, renderer, axis):
        bx, by, bw, bh = self._box
        locs, labels, offset = axis._ticks()
        size = renderer.points(axis._tick_size)
        pad = renderer.points(axis._tick_pad)
        direction = axis._tick_direction
        out = size if direction in ('out', 'inout') else 0.0
        inward = size if direction in ('in', 'inout') else 0.0
        extent = []
        is_x = axis.axis_name == 'x'
        other = axis._position in ('top', 'right')
        if is_x:
            px, py = self._to_pixels(np.array(locs, dtype=float), np.full(len(locs), self.yaxis._view[0]))
            base = by if other else by + bh
            sign = -1 if other else 1
        else:
            px, py = self._to_pixels(np.full(len(locs), self.xaxis._view[0]), np.array(locs, dtype=float))
            base = bx + bw if other else bx
            sign = 1 if other else -1
        for k, v in enumerate(locs):
            if axis._ticks_visible:
                if is_x:
                    renderer.polyline(np.array([px[k], px[k]]), np.array([base - sign * inward, base + sign * out]), axis._tick_color,
                                      axis._tick_width, None)
                else:
                    renderer.polyline(np.array([base - sign * inward, base + sign * out]), np.array([py[k], py[k]]), axis._tick_color,
                                      axis._tick_width, None)
            if axis._labels_visible and labels[k]:
                rotation = axis._label_rotation
                if is_x:
                    ha = axis._label_ha or 'center'
                    box = renderer.text(px[k], base + sign * (out + pad), labels[k], axis._tick_labelsize, 'black',
                                        ha, 'bottom' if other else 'top', rotation)
                else:
                    box = renderer.text(base + sign * (out + pad), py[k], labels[k], axis._tick_labelsize, 'black',
                                        'left' if other else 'right', 'center_baseline', rotation)
                if box is not None:
                    extent.append(box)
        minor_size = renderer.points(axis._minor_size)
        minor_out = minor_size if direction in ('out', 'inout') else 0.0
        minor_in = minor_size if direction in ('in', 'inout') else 0.0
        if axis._ticks_visible:
            minors = axis._minor_ticks(locs)
            if is_x:
                mx, my = self._to_pixels(np.array(minors, dtype=float), np.full(len(minors), self.yaxis._view[0]))
                for k in range(len(minors)):
                    renderer.polyline(np.array([mx[k], mx[k]]), np.array([base - sign * minor_in, base + sign * minor_out]),
                                      axis._tick_color, axis._minor_width, None)
            else:
                mx, my = self._to_pixels(np.full(len(minors), self.xaxis._view[0]), np.array(minors, dtype=float))
                for k in range(len(minors)):
                    renderer.polyline(np.array([base - sign * minor_in, base + sign * minor_out]), np.array([my[k], my[k]]),
                                      axis._tick_color, axis._minor_width, None)
        # the offset text (1e6, +1e3): at the end of the axis
        offset_pad = renderer.points(3.0)
        if offset and axis._labels_visible:
            if is_x:
                lowest = max([b[3] for b in extent] or [by + bh + out + pad])
                box = renderer.text(bx + bw, lowest + offset_pad, offset, axis._tick_labelsize, 'black', 'right', 'top')
            else:
                box = renderer.text(bx, by - offset_pad, offset, axis._tick_labelsize, 'black', 'left', 'bottom')
            if box is not None:
                extent.append(box)
        label_pad = renderer.points(axis._label_pad)
        if axis._label:
            if is_x:
                if other:
                    edge = min([b[1] for b in extent] or [by - out])
                    renderer.text(bx + bw / 2, edge - label_pad, axis._label, axis._label_size, axis._label_color, 'center', 'bottom',
                                  0.0, axis._label_weight)
                else:
                    edge = max([b[3] for b in extent if not (offset and b is extent[-1])] or [by + bh + out])
                    renderer.text(bx + bw / 2, edge + label_pad, axis._label, axis._label_size, axis._label_color, 'center', 'top',
                                  0.0, axis._label_weight)
            else:
                if other:
                    edge = max([b[2] for b in extent] or [bx + bw + out])
                    renderer.text(edge + label_pad, by + bh / 2, axis._label, axis._label_size, axis._label_color, 'left', 'center',
                                  90.0, axis._label_weight)
                else:
                    edge = min([b[0] for b in extent if not (offset and b is extent[-1])] or [bx - out])
                    width, height, descent = renderer.text_size(axis._label, axis._label_size, axis._label_weight)
                    renderer.text(edge - label_pad - height, by + bh / 2, axis._label, axis._label_size, axis._label_color,
                                  'left', 'center', 90.0, axis._label_weight)

    def _draw_titles(self, renderer):
        bx, by, bw, bh = self._box
        pad = renderer.points(self._title_pad)
        top = by
        if self.xaxis._position == 'top' and self._axis_on:
            top = by - renderer.points(self.xaxis._tick_size + self.xaxis._tick_pad) - renderer.text_size('0', self.xaxis._tick_labelsize)[1]
        for loc, x, ha in (('left', bx, 'left'), ('center', bx + bw / 2, 'center'), ('right', bx + bw, 'right')):
            if self._titles[loc]:
                renderer.text(x, top - pad, self._titles[loc], self._title_size, self._title_color, ha, 'baseline', 0.0, self._title_weight)


class _Transform:
    """ax.transAxes, ax.transData, fig.transFigure: a text's coordinate system by name."""

    def __init__(self, name):
        self._name = name


def builtins_range(*args):
    return range(*args)


class _DataLimits(Artist):
    """Draws nothing: widens the data limits along one axis and sets sticky edges (boxplot)."""

    def __init__(self, xs, ys, sticky_x, sticky_y):
        Artist.__init__(self)
        self._xs = xs
        self._ys = ys
        self._sticky_x = sticky_x
        self._sticky_y = sticky_y
        self._label = '_nolegend_'

    def _limits(self):
        return None

    def _axis_limits(self):
        return self._xs, self._ys

    def _sticky(self):
        return self._sticky_x, self._sticky_y

    def _draw(self, renderer, ax):
        pass


class SpanLine(Line2D):
    """axhline/axvline: a line across the axes at a data value, from axes fraction start to stop."""

    def __init__(self, orientation, value, start, stop, **kwargs):
        Line2D.__init__(self, [0.0, 1.0], [0.0, 1.0], **kwargs)
        self._orientation = orientation
        self._value = value
        self._start = start
        self._stop = stop
        self.set_label(kwargs.get('label', '_nolegend_') or '_nolegend_')

    def _limits(self):
        return None

    def _draw(self, renderer, ax):
        bx, by, bw, bh = ax._box
        if self._orientation == 'h':
            px, py = ax._to_pixels(np.array([ax.xaxis._view[0]]), np.array([self._value]))
            xs = np.array([bx + self._start * bw, bx + self._stop * bw])
            ys = np.array([py[0], py[0]])
        else:
            px, py = ax._to_pixels(np.array([self._value]), np.array([ax.yaxis._view[0]]))
            xs = np.array([px[0], px[0]])
            ys = np.array([by + bh - self._start * bh, by + bh - self._stop * bh])
        dashes = _dashes(self._linestyle, self._linewidth)
        if dashes != 'none':
            renderer.polyline(xs, ys, to_rgba(self._color, self._alpha), self._linewidth, dashes,
                              cap='projecting' if dashes is None else 'butt')


class SpanPatch(Patch):
    def __init__(self, orientation, low, high, start, stop, **kwargs):
        Patch.__init__(self, **kwargs)
        self._orientation = orientation
        self._low = low
        self._high = high
        self._start = start
        self._stop = stop
        if 'facecolor' not in kwargs and 'color' not in kwargs:
            self._facecolor = 'C0'

    def _limits(self):
        return None

    def _draw(self, renderer, ax):
        bx, by, bw, bh = ax._box
        face, edge = self._colors()
        if self._orientation == 'h':
            px, py = ax._to_pixels(np.array([ax.xaxis._view[0]] * 2), np.array([self._low, self._high]))
            x0, x1 = bx + self._start * bw, bx + self._stop * bw
            y0, y1 = min(py), max(py)
        else:
            px, py = ax._to_pixels(np.array([self._low, self._high]), np.array([ax.yaxis._view[0]] * 2))
            x0, x1 = min(px), max(px)
            y0, y1 = by + bh - self._stop * bh, by + bh - self._start * bh
        renderer.rect(x0, y0, x1 - x0, y1 - y0, face, edge, self._linewidth if edge is not None else 0.0)


class ErrorBars(Artist):
    zorder = 1.99  # under the data line and its markers (barsabove=False)

    def __init__(self, ax, color, width, capsize, capthick):
        Artist.__init__(self)
        self._color = color
        self._width = width
        self._capsize = capsize
        self._capthick = capthick
        self.vertical = None
        self.horizontal = None
        self._label = '_nolegend_'

    def _limits(self):
        xs, ys = [], []
        if self.vertical is not None:
            x, low, high = self.vertical
            xs.extend([float(np.nanmin(x)), float(np.nanmax(x))])
            ys.extend([float(np.nanmin(low)), float(np.nanmax(high))])
        if self.horizontal is not None:
            y, low, high = self.horizontal
            ys.extend([float(np.nanmin(y)), float(np.nanmax(y))])
            xs.extend([float(np.nanmin(low)), float(np.nanmax(high))])
        if not xs:
            return None
        return min(xs), max(xs), min(ys), max(ys)

    def _draw(self, renderer, ax):
        color = to_rgba(self._color)
        cap = renderer.points(self._capsize)
        cap_width = self._capthick if self._capthick is not None else self._width
        if self.vertical is not None:
            x, low, high = self.vertical
            px, plow = ax._to_pixels(x, low)
            px, phigh = ax._to_pixels(x, high)
            for i in range(len(px)):
                renderer.polyline(np.array([px[i], px[i]]), np.array([plow[i], phigh[i]]), color, self._width)
                if cap > 0:
                    for yy in (plow[i], phigh[i]):
                        renderer.polyline(np.array([px[i] - cap, px[i] + cap]), np.array([yy, yy]), color, cap_width)
        if self.horizontal is not None:
            y, low, high = self.horizontal
            plow, py = ax._to_pixels(low, y)
            phigh, py = ax._to_pixels(high, y)
            for i in range(len(py)):
                renderer.polyline(np.array([plow[i], phigh[i]]), np.array([py[i], py[i]]), color, self._width)
                if cap > 0:
                    for xx in (plow[i], phigh[i]):
                        renderer.polyline(np.array([xx, xx]), np.array([py[i] - cap, py[i] + cap]), color, cap_width)


class Quiver(Artist):
    zorder = 1

    def __init__(self, x, y, u, v, color, scale):
        Artist.__init__(self)
        self._x, self._y, self._u, self._v = x, y, u, v
        self._color = color
        self._scale = scale

    def _limits(self):
        return float(self._x.min()), float(self._x.max()), float(self._y.min()), float(self._y.max())

    def _draw(self, renderer, ax):
        # matplotlib's defaults: arrows of the mean length are span / (1.8 sn) long, shafts
        # 0.06 span / sn wide (sn = max(10, sqrt(N)), span = the axes' width), heads 3 shafts wide
        # and 5 long (4.5 along the axis); a short arrow shrinks as a whole.
        px, py = ax._to_pixels(self._x, self._y)
        speed = np.hypot(self._u, self._v)
        n = max(1, self._x.size)
        span = ax._box[2]
        sn = max(10.0, math.sqrt(n))
        scale = self._scale
        if scale is None:
            mean = float(speed.mean()) if speed.size else 1.0
            scale = 1.8 * max(mean, 1e-12) * sn / span
        shaft = 0.06 * span / sn
        for i in range(n):
            dx = self._u[i] / scale
            dy = -self._v[i] / scale
            length = math.hypot(dx, dy)
            if length == 0:
                continue
            ux, uy = dx / length, dy / length
            k = min(1.0, length / (4.5 * shaft))
            half = shaft * k / 2
            head_w = 1.5 * shaft * k
            head_l = 5.0 * shaft * k
            axis_l = 4.5 * shaft * k
            x0, y0 = px[i], py[i]
            x1, y1 = x0 + dx, y0 + dy
            bx_, by_ = x1 - ux * axis_l, y1 - uy * axis_l
            hx, hy = x1 - ux * head_l, y1 - uy * head_l
            xs = np.array([x0 - uy * half, bx_ - uy * half, hx - uy * head_w, x1, hx + uy * head_w, bx_ + uy * half, x0 + uy * half])
            ys = np.array([y0 + ux * half, by_ + ux * half, hy + ux * head_w, y1, hy - ux * head_w, by_ - ux * half, y0 - ux * half])
            renderer.polygon(xs, ys, self._color)


class BarContainer:
    def __init__(self, patches, label):
        self.patches = patches
        self._label = label

    def __iter__(self):
        return iter(self.patches)

    def __len__(self):
        return len(self.patches)

    def __getitem__(self, i):
        return self.patches[i]

    def get_label(self):
        return self._label


class ErrorbarContainer:
    def __init__(self, line, bars, label):
        self.lines = (line, [], [bars])
        self._label = label

    def __iter__(self):
        return iter(self.lines)

    def __getitem__(self, i):
        return self.lines[i]

    def get_label(self):
        return self._label


class StemContainer:
    def __init__(self, markerline, stemlines, baseline):
        self.markerline = markerline
        self.stemlines = stemlines
        self.baseline = baseline

    def __iter__(self):
        return iter((self.markerline, self.stemlines, self.baseline))

    def __getitem__(self, i):
        return (self.markerline, self.stemlines, self.baseline)[i]
