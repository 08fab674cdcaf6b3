# matplotlib under ramba: the renderer between the artists and the native canvas (_ramba_canvas,
# cairo). Sizes come in points and leave in pixels of the figure at its dpi; texts are laid out as
# matplotlib lays them out (a line is at least as tall as "lp", alignment of the rotated box) with a
# small subset of mathtext ($x^2$, $\alpha$, \mathdefault). A renderer without a canvas only measures:
# it collects the extent of everything drawn (bbox_inches='tight', tight_layout).
import math
import numpy as np
import _ramba_canvas
from matplotlib.colors import to_rgba

FONT_SIZES = {'xx-small': 0.579, 'x-small': 0.694, 'small': 0.833, 'medium': 1.0,
              'large': 1.2, 'x-large': 1.44, 'xx-large': 1.728, 'larger': 1.2, 'smaller': 0.833}

GREEK = {'alpha': 'α', 'beta': 'β', 'gamma': 'γ', 'delta': 'δ', 'epsilon': 'ε', 'varepsilon': 'ε', 'zeta': 'ζ',
         'eta': 'η', 'theta': 'θ', 'iota': 'ι', 'kappa': 'κ', 'lambda': 'λ', 'mu': 'μ', 'nu': 'ν', 'xi': 'ξ',
         'pi': 'π', 'rho': 'ρ', 'sigma': 'σ', 'tau': 'τ', 'upsilon': 'υ', 'phi': 'φ', 'varphi': 'φ', 'chi': 'χ',
         'psi': 'ψ', 'omega': 'ω', 'Gamma': 'Γ', 'Delta': 'Δ', 'Theta': 'Θ', 'Lambda': 'Λ', 'Xi': 'Ξ',
         'Pi': 'Π', 'Sigma': 'Σ', 'Phi': 'Φ', 'Psi': 'Ψ', 'Omega': 'Ω', 'times': '×', 'cdot': '·',
         'pm': '±', 'mp': '∓', 'infty': '∞', 'degree': '°', 'circ': '∘', 'leq': '≤', 'geq': '≥', 'le': '≤',
         'ge': '≥', 'neq': '≠', 'ne': '≠', 'approx': '≈', 'sim': '∼', 'partial': '∂', 'nabla': '∇',
         'sum': '∑', 'prod': '∏', 'int': '∫', 'sqrt': '√', 'rightarrow': '→', 'leftarrow': '←',
         'to': '→', 'propto': '∝', 'in': '∈', 'ldots': '…', 'dots': '…', 'hbar': 'ħ', 'ell': 'ℓ',
         'AA': 'Å', '%': '%', '$': '$', '{': '{', '}': '}', '_': '_', ',': ' ', ';': ' ', '!': '', 'quad': '  ',
         ' ': ' ', 'log': 'log', 'exp': 'exp', 'sin': 'sin', 'cos': 'cos', 'tan': 'tan', 'ln': 'ln',
         'max': 'max', 'min': 'min', 'lim': 'lim'}


def font_points(size, base=None):
    """A font size in points from a number or a name ('large' is 1.2 times font.size)."""
    import matplotlib
    if base is None:
        base = matplotlib.rcParams['font.size']
    if isinstance(size, str):
        if size not in FONT_SIZES:
            raise ValueError(f"{size!r} is not a valid font size. Valid font sizes are {', '.join(FONT_SIZES)}.")
        return base * FONT_SIZES[size]
    return float(size)


def _group(text, i):
    """The braced group or single character at text[i]: (content, next index)."""
    if i < len(text) and text[i] == '{':
        depth = 0
        for j in range(i, len(text)):
            if text[j] == '{':
                depth += 1
            elif text[j] == '}':
                depth -= 1
                if depth == 0:
                    return text[i + 1:j], j + 1
        return text[i + 1:], len(text)
    if i < len(text) and text[i] == '\\':
        j = i + 1
        while j < len(text) and text[j].isalpha():
            j += 1
        return text[i:max(j, i + 2)], max(j, i + 2)
    return text[i:i + 1], i + 1


def _math_runs(text, level=0):
    """Mathtext as runs (string, level): level 1 is a superscript, -1 a subscript."""
    runs = []
    i = 0
    plain = ''
    while i < len(text):
        ch = text[i]
        if ch == '\\':
            j = i + 1
            while j < len(text) and text[j].isalpha():
                j += 1
            if j == i + 1:
                j = i + 2
            name = text[i + 1:j]
            i = j
            if name in ('mathdefault', 'mathrm', 'mathit', 'mathbf', 'text', 'mathsf', 'mathtt', 'textrm', 'operatorname'):
                inner, i = _group(text, i)
                if plain:
                    runs.append((plain, level))
                    plain = ''
                runs.extend(_math_runs(inner, level))
            elif name in ('frac', 'dfrac', 'tfrac'):
                top, i = _group(text, i)
                bottom, i = _group(text, i)
                plain += _math_plain(top) + '/' + _math_plain(bottom)
            elif name == 'sqrt':
                inner, i = _group(text, i)
                plain += '√' + _math_plain(inner)
            elif name in ('left', 'right', 'big', 'Big', 'bigg', 'displaystyle'):
                pass
            else:
                plain += GREEK.get(name, name)
        elif ch in '^_':
            inner, i = _group(text, i + 1)
            if plain:
                runs.append((plain, level))
                plain = ''
            runs.extend(_math_runs(inner, level + (1 if ch == '^' else -1)))
        elif ch in '{}':
            i += 1
        elif ch == '-':
            plain += '\u2212'
            i += 1
        else:
            plain += ch
            i += 1
    if plain:
        runs.append((plain, level))
    return runs


def _math_plain(text):
    return ''.join(run for run, level in _math_runs(text))


def text_runs(text):
    """A label as runs (string, level): the parts between $ signs are mathtext."""
    if text.count('$') < 2 or text.count('$') % 2 == 1 and '\\$' not in text:
        return [(text.replace('\\$', '$'), 0)]
    runs = []
    parts = text.split('$')
    for k, part in enumerate(parts):
        if k % 2 == 0:
            if part:
                runs.append((part, 0))
        else:
            runs.extend(_math_runs(part))
    return runs


def _rectilinear(xs, ys):
    """True for a short path of horizontal and vertical segments only (matplotlib snaps those)."""
    if len(xs) < 2 or len(xs) > 64:
        return False
    dx = np.abs(np.diff(xs))
    dy = np.abs(np.diff(ys))
    return bool(np.all((dx < 1e-4) | (dy < 1e-4)))


def _snapped(values, width_px):
    """Vertices moved to pixel centres (odd line widths) or pixel edges (even widths, fills), as
    matplotlib's Agg does for rectilinear paths, so edges are crisp and fall where matplotlib's do."""
    offset = 0.5 if int(round(width_px)) % 2 else 0.0
    return np.floor(np.asarray(values, dtype=np.float64) + 0.5 - offset) + offset


class Renderer:
    """Draws in pixels of a figure of width x height pixels at `dpi`, on `canvas` (None: measure only)."""

    def __init__(self, canvas, width, height, dpi, measurer=None):
        self.canvas = canvas
        self.measurer = measurer if measurer is not None else canvas
        self.width = width
        self.height = height
        self.dpi = dpi
        self.extent = None
        self._lp = {}

    def points(self, pt):
        return pt * self.dpi / 72.0

    def _grow(self, x0, y0, x1, y1):
        if self.extent is None:
            self.extent = [min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)]
        else:
            e = self.extent
            self.extent = [min(e[0], x0, x1), min(e[1], y0, y1), max(e[2], x0, x1), max(e[3], y0, y1)]

    # Shapes: colours are anything to_rgba takes; widths in points.
    def _color(self, color, alpha=None):
        rgba = to_rgba(color) if not (isinstance(color, tuple) and len(color) == 4 and alpha is None) else color
        if alpha is not None:
            rgba = (rgba[0], rgba[1], rgba[2], alpha)
        if self.canvas is not None:
            self.canvas.color(rgba[0], rgba[1], rgba[2], rgba[3])
        return rgba

    def line_style(self, width_pt, dashes=None, cap='butt', join='round'):
        if self.canvas is not None:
            dash_px = None if not dashes else [self.points(d) for d in dashes]
            self.canvas.line_style(self.points(width_pt), dash_px, 0.0, cap, join)

    def polyline(self, xs, ys, color, width_pt, dashes=None, alpha=None, cap='butt', join='round', closed=False):
        if self.canvas is None:
            return
        rgba = self._color(color, alpha)
        if rgba[3] == 0 or width_pt <= 0:
            return
        self.line_style(width_pt, dashes, cap, join)
        if _rectilinear(xs, ys):
            width_px = self.points(width_pt)
            xs, ys = _snapped(xs, width_px), _snapped(ys, width_px)
        self.canvas.polyline(xs, ys, closed)
        self.canvas.stroke()

    def polygon(self, xs, ys, face, edge=None, width_pt=0.0, alpha=None, dashes=None):
        if self.canvas is None:
            return
        if _rectilinear(xs, ys):
            width_px = self.points(width_pt) if edge is not None else 0.0
            xs, ys = _snapped(xs, width_px), _snapped(ys, width_px)
        if face is not None:
            rgba = self._color(face, alpha)
            if rgba[3] > 0:
                self.canvas.polyline(xs, ys, True)
                self.canvas.fill(False)
        if edge is not None and width_pt > 0:
            rgba = self._color(edge, alpha)
            if rgba[3] > 0:
                self.line_style(width_pt, dashes, 'butt', 'miter')
                self.canvas.polyline(xs, ys, True)
                self.canvas.stroke()

    def rect(self, x, y, w, h, face, edge=None, width_pt=0.0, alpha=None, track=False):
        if track:
            self._grow(x, y, x + w, y + h)
        if self.canvas is None:
            return
        x0, y0 = _snapped(x, 0.0), _snapped(y, 0.0)
        w, h = _snapped(x + w, 0.0) - x0, _snapped(y + h, 0.0) - y0
        x, y = x0, y0
        if face is not None:
            rgba = self._color(face, alpha)
            if rgba[3] > 0:
                self.canvas.rect(x, y, w, h)
                self.canvas.fill(False)
        if edge is not None and width_pt > 0:
            rgba = self._color(edge, alpha)
            if rgba[3] > 0:
                self.line_style(width_pt, None, 'butt', 'miter')
                self.canvas.rect(x, y, w, h)
                self.canvas.stroke()

    def markers(self, xs, ys, shape, size_pt, faces, edges, edge_width_pt):
        if self.canvas is None or len(xs) == 0:
            return
        sizes = np.atleast_1d(np.asarray(size_pt, dtype=float)) * (self.dpi / 72.0)
        self.canvas.markers(xs, ys, shape, sizes, faces, edges, self.points(edge_width_pt))

    def image(self, x, y, w, h, rgba, smooth=False):
        if self.canvas is not None:
            self.canvas.image(x, y, w, h, rgba, smooth)

    def clip(self, x, y, w, h):
        if self.canvas is not None:
            self.canvas.save_state()
            self.canvas.clip(x, y, w, h)

    def unclip(self):
        if self.canvas is not None:
            self.canvas.restore_state()

    # Text
    def _line_metrics(self, size_px, weight):
        key = (size_px, weight)
        if key not in self._lp:
            width, ascent, descent = self.measurer.measure('lp', size_px, weight)
            self._lp[key] = (ascent, descent)
        return self._lp[key]

    def _layout_line(self, line, size_px, weight):
        """Pieces (x, dy, string, size) of one line and its width, ascent, descent."""
        pieces = []
        x = 0.0
        ascent, descent = self._line_metrics(size_px, weight)
        for run, level in text_runs(line):
            # matplotlib's mathtext (DejaVu Sans): scripts at 0.7 of the size, a superscript raised
            # 0.61 of the size after a small gap, a subscript lowered 0.2 of it
            size = size_px * (0.7 ** abs(level)) if level else size_px
            dy = -level * size_px * 0.61 if level > 0 else -level * size_px * 0.2
            if level > 0 and pieces:
                x += 0.1 * size_px
            width, a, d = self.measurer.measure(run, size, weight)
            pieces.append((x, dy, run, size))
            x += width
            ascent = max(ascent, a - dy)
            descent = max(descent, d + dy)
        return pieces, x, ascent, descent

    def _layout(self, text, size_pt, weight):
        """Lines laid out one under the other: (layouts, width, height), the height from the first
        line's ascent to the last line's descent, lines 1.2 font sizes apart."""
        size_px = self.points(size_pt)
        layouts = [self._layout_line(line, size_px, weight) for line in str(text).split('\n')]
        width = max(layout[1] for layout in layouts)
        height = layouts[0][2] + size_px * 1.2 * (len(layouts) - 1) + layouts[-1][3]
        return layouts, width, height

    def text_size(self, text, size_pt, weight='normal'):
        """(width, height, descent) in pixels of a (possibly multi-line) text at rotation 0."""
        layouts, width, height = self._layout(text, size_pt, weight)
        return width, height, layouts[-1][3]

    def text(self, x, y, text, size_pt, color='black', ha='left', va='baseline', rotation=0.0, weight='normal', alpha=None,
             multialignment=None):
        """Draws text anchored at (x, y) in pixels; returns its box (x0, y0, x1, y1)."""
        text = str(text)
        if text == '':
            return None
        layouts, width, height = self._layout(text, size_pt, weight)
        line_gap = self.points(size_pt) * 1.2
        first_ascent = layouts[0][2]
        # The box in text coordinates: x right, y down, baseline of the first line at 0.
        top = -first_ascent
        bottom = top + height
        angle = math.radians(rotation)
        cos, sin = math.cos(angle), math.sin(angle)

        def turn(px, py):
            return px * cos + py * sin, -px * sin + py * cos

        corners = [turn(px, py) for px, py in ((0, top), (width, top), (0, bottom), (width, bottom))]
        xs = [c[0] for c in corners]
        ys = [c[1] for c in corners]
        x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
        if ha == 'center':
            dx = -(x0 + x1) / 2
        elif ha == 'right':
            dx = -x1
        else:
            dx = -x0
        if va == 'center':
            dy = -(y0 + y1) / 2
        elif va == 'top':
            dy = -y0
        elif va == 'bottom':
            dy = -y1
        elif va == 'center_baseline':
            # halfway between the first baseline and the top of the first line
            dy = first_ascent / 2 if rotation == 0 else -(y0 + y1) / 2
        else:  # baseline
            dy = 0.0 if rotation == 0 else -y1
        self._grow(x + x0 + dx, y + y0 + dy, x + x1 + dx, y + y1 + dy)
        if self.canvas is not None:
            rgba = self._color(color, alpha)
            align = multialignment or ha
            for k, (pieces, line_width, a, d) in enumerate(layouts):
                if align == 'center':
                    shift = (width - line_width) / 2
                elif align == 'right':
                    shift = width - line_width
                else:
                    shift = 0.0
                for px, py, run, size in pieces:
                    lx, ly = turn(shift + px, py + k * line_gap)
                    self.canvas.text(x + dx + lx, y + dy + ly, run, size, weight, rotation)
        return (x + x0 + dx, y + y0 + dy, x + x1 + dx, y + y1 + dy)


def open_canvas(kind, path, width, height, dpi):
    return _ramba_canvas.Canvas(kind, path, width, height, dpi)


_measure_canvas = None


def measurer():
    """A small canvas used only to measure text."""
    global _measure_canvas
    if _measure_canvas is None:
        _measure_canvas = _ramba_canvas.Canvas('png', '', 4, 4, 72)
    return _measure_canvas
