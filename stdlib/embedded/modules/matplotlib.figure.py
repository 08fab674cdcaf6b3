# matplotlib.figure under ramba: a Figure holds Axes placed by subplot parameters or rectangles, a
# super-title, colorbars, and saves itself as PNG, SVG or PDF (bbox_inches='tight' included).
import math
import os
import numpy as np
import matplotlib
from matplotlib.axes import Axes, Text
from matplotlib import _render
from matplotlib.colors import to_rgba, get_cmap, Normalize


class SubplotParams:
    def __init__(self, left=None, bottom=None, right=None, top=None, wspace=None, hspace=None):
        rc = matplotlib.rcParams
        self.left = rc['figure.subplot.left'] if left is None else left
        self.right = rc['figure.subplot.right'] if right is None else right
        self.bottom = rc['figure.subplot.bottom'] if bottom is None else bottom
        self.top = rc['figure.subplot.top'] if top is None else top
        self.wspace = rc['figure.subplot.wspace'] if wspace is None else wspace
        self.hspace = rc['figure.subplot.hspace'] if hspace is None else hspace

    def update(self, left=None, bottom=None, right=None, top=None, wspace=None, hspace=None):
        if left is not None:
            self.left = left
        if right is not None:
            self.right = right
        if bottom is not None:
            self.bottom = bottom
        if top is not None:
            self.top = top
        if wspace is not None:
            self.wspace = wspace
        if hspace is not None:
            self.hspace = hspace


class GridSpec:
    def __init__(self, nrows, ncols, figure=None, width_ratios=None, height_ratios=None, **kwargs):
        self.nrows = nrows
        self.ncols = ncols
        self.figure = figure
        self.width_ratios = width_ratios
        self.height_ratios = height_ratios
        self.params = kwargs

    def __getitem__(self, key):
        if not isinstance(key, tuple):
            key = (key // self.ncols, key % self.ncols) if isinstance(key, int) else (key, slice(None))
        rows, cols = key

        def span(index, n):
            if isinstance(index, slice):
                start, stop, step = index.indices(n)
                return start, stop - 1
            index = index + n if index < 0 else index
            return index, index

        r0, r1 = span(rows, self.nrows)
        c0, c1 = span(cols, self.ncols)
        return SubplotSpec(self, r0, r1, c0, c1)

    def get_geometry(self):
        return self.nrows, self.ncols


class SubplotSpec:
    def __init__(self, gridspec, row0, row1, col0, col1):
        self.gridspec = gridspec
        self.row0, self.row1, self.col0, self.col1 = row0, row1, col0, col1

    def is_first_col(self):
        return self.col0 == 0

    def is_last_row(self):
        return self.row1 == self.gridspec.nrows - 1

    def is_first_row(self):
        return self.row0 == 0

    def is_last_col(self):
        return self.col1 == self.gridspec.ncols - 1

    def get_gridspec(self):
        return self.gridspec

    def rect(self, params):
        grid = self.gridspec
        left = grid.params.get('left', params.left)
        right = grid.params.get('right', params.right)
        bottom = grid.params.get('bottom', params.bottom)
        top = grid.params.get('top', params.top)
        wspace = grid.params.get('wspace', params.wspace)
        hspace = grid.params.get('hspace', params.hspace)
        ncols, nrows = grid.ncols, grid.nrows
        widths = grid.width_ratios or [1] * ncols
        heights = grid.height_ratios or [1] * nrows
        total_w = right - left
        total_h = top - bottom
        cell_w = total_w / (ncols + wspace * (ncols - 1))
        cell_h = total_h / (nrows + hspace * (nrows - 1))
        sep_w = wspace * cell_w
        sep_h = hspace * cell_h
        norm_w = [cell_w * ncols * w / sum(widths) for w in widths]
        norm_h = [cell_h * nrows * h / sum(heights) for h in heights]
        x0 = left + sum(norm_w[:self.col0]) + sep_w * self.col0
        x1 = left + sum(norm_w[:self.col1 + 1]) + sep_w * self.col1
        y_top = top - sum(norm_h[:self.row0]) - sep_h * self.row0
        y_bottom = top - sum(norm_h[:self.row1 + 1]) - sep_h * self.row1
        return [x0, y_bottom, x1 - x0, y_top - y_bottom]


class _Transform:
    def __init__(self, name):
        self._name = name


class Figure:
    def __init__(self, figsize=None, dpi=None, facecolor=None, edgecolor=None, linewidth=0.0, frameon=None,
                 subplotpars=None, tight_layout=None, constrained_layout=None, layout=None, num=None, **kwargs):
        rc = matplotlib.rcParams
        size = figsize if figsize is not None else rc['figure.figsize']
        self._width_in = float(size[0])
        self._height_in = float(size[1])
        if not (self._width_in > 0 and self._height_in > 0) or not all(math.isfinite(v) for v in (self._width_in, self._height_in)):
            raise ValueError(f"figure size must be positive finite not {tuple(size)}")
        self.dpi = float(dpi if dpi is not None else rc['figure.dpi'])
        self._facecolor = facecolor if facecolor is not None else rc['figure.facecolor']
        self.subplotpars = subplotpars if subplotpars is not None else SubplotParams()
        self.clf()
        self._tight = bool(tight_layout) or layout in ('tight',) or rc['figure.autolayout']
        self._constrained = bool(constrained_layout) or layout == 'constrained'
        self.number = num
        self._render_dpi = self.dpi
        self._render_width = self._width_in * self.dpi
        self._render_height = self._height_in * self.dpi
        self.transFigure = _Transform('figure')

    # --- size ----------------------------------------------------------------------------------
    def get_size_inches(self):
        return np.array([self._width_in, self._height_in])

    def set_size_inches(self, w, h=None, forward=True):
        if h is None:
            w, h = w
        self._width_in = float(w)
        self._height_in = float(h)

    def set_figwidth(self, w):
        self._width_in = float(w)

    def set_figheight(self, h):
        self._height_in = float(h)

    def get_figwidth(self):
        return self._width_in

    def get_figheight(self):
        return self._height_in

    def set_dpi(self, dpi):
        self.dpi = float(dpi)

    def get_dpi(self):
        return self.dpi

    def set_facecolor(self, color):
        self._facecolor = color

    def get_facecolor(self):
        return to_rgba(self._facecolor)

    # --- axes ----------------------------------------------------------------------------------
    def add_subplot(self, *args, **kwargs):
        if not args:
            args = (1, 1, 1)
        if len(args) == 1 and isinstance(args[0], SubplotSpec):
            spec = args[0]
        elif len(args) == 1 and isinstance(args[0], int):
            digits = args[0]
            if not 111 <= digits <= 999:
                raise ValueError(f"Integer subplot specification must be a three-digit number, not {digits}")
            spec = GridSpec(digits // 100, (digits // 10) % 10, self)[(digits % 10) - 1]
        elif len(args) == 3:
            rows, cols, index = args
            if isinstance(index, tuple):
                first, last = index
                grid = GridSpec(rows, cols, self)
                a, b = grid[first - 1], grid[last - 1]
                spec = SubplotSpec(grid, min(a.row0, b.row0), max(a.row1, b.row1), min(a.col0, b.col0), max(a.col1, b.col1))
            else:
                if not 1 <= index <= rows * cols:
                    raise ValueError(f"num must be an integer with 1 <= num <= {rows * cols}, not {index}")
                spec = GridSpec(rows, cols, self)[index - 1]
        else:
            raise TypeError(f"add_subplot() takes 1 or 3 positional arguments but {len(args)} were given")
        for ax in self.axes:
            old = ax._subplotspec
            if old is not None and not kwargs and (old.gridspec.nrows, old.gridspec.ncols, old.row0, old.row1, old.col0, old.col1) == (
                    spec.gridspec.nrows, spec.gridspec.ncols, spec.row0, spec.row1, spec.col0, spec.col1):
                self._current_axes = ax
                return ax
        kwargs.pop('projection', None)
        ax = Axes(self, subplotspec=spec, **kwargs)
        self.axes.append(ax)
        self._current_axes = ax
        return ax

    def add_axes(self, rect, **kwargs):
        kwargs.pop('projection', None)
        ax = Axes(self, position=list(rect), **kwargs)
        self.axes.append(ax)
        self._current_axes = ax
        return ax

    def add_gridspec(self, nrows=1, ncols=1, **kwargs):
        return GridSpec(nrows, ncols, self, **kwargs)

    def subplots(self, nrows=1, ncols=1, sharex=False, sharey=False, squeeze=True, subplot_kw=None, gridspec_kw=None,
                 width_ratios=None, height_ratios=None):
        gridspec_kw = dict(gridspec_kw or {})
        if width_ratios is not None:
            gridspec_kw['width_ratios'] = width_ratios
        if height_ratios is not None:
            gridspec_kw['height_ratios'] = height_ratios
        grid = GridSpec(nrows, ncols, self, **gridspec_kw)
        modes = {True: 'all', False: 'none'}
        sharex = modes.get(sharex, sharex)
        sharey = modes.get(sharey, sharey)
        axes = [[None] * ncols for r in range(nrows)]
        for r in range(nrows):
            for c in range(ncols):
                share_x = None
                share_y = None
                if sharex == 'all' and (r, c) != (0, 0):
                    share_x = axes[0][0]
                elif sharex == 'col' and r > 0:
                    share_x = axes[0][c]
                if sharey == 'all' and (r, c) != (0, 0):
                    share_y = axes[0][0]
                elif sharey == 'row' and c > 0:
                    share_y = axes[r][0]
                ax = Axes(self, subplotspec=grid[r, c], sharex=share_x, sharey=share_y, **(subplot_kw or {}))
                if sharex in ('all', 'col') and r < nrows - 1:
                    ax.xaxis._labels_visible = False
                if sharey in ('all', 'row') and c > 0:
                    ax.yaxis._labels_visible = False
                self.axes.append(ax)
                axes[r][c] = ax
        self._current_axes = axes[0][0]
        if squeeze and nrows == 1 and ncols == 1:
            return axes[0][0]
        if squeeze and (nrows == 1 or ncols == 1):
            return _AxesArray([axes[r][c] for r in range(nrows) for c in range(ncols)], (max(nrows, ncols),))
        return _AxesArray([axes[r][c] for r in range(nrows) for c in range(ncols)], (nrows, ncols))

    def gca(self):
        if self._current_axes is None:
            return self.add_subplot(1, 1, 1)
        return self._current_axes

    def sca(self, ax):
        self._current_axes = ax
        return ax

    def get_axes(self):
        return list(self.axes)

    def delaxes(self, ax):
        self.axes.remove(ax)
        if self._current_axes is ax:
            self._current_axes = self.axes[-1] if self.axes else None

    def clf(self, keep_observers=False):
        self.axes = []
        self._suptitle = None
        self._supxlabel = None
        self._supylabel = None
        self._texts = []
        self._colorbars = []
        self._current_axes = None

    clear = clf

    # --- texts ---------------------------------------------------------------------------------
    def suptitle(self, t, x=0.5, y=0.98, fontsize=None, fontweight=None, ha='center', va='top', **kwargs):
        size = fontsize if fontsize is not None else kwargs.get('size', matplotlib.rcParams['figure.titlesize'])
        self._suptitle = Text(x, y, t, fontsize=_render.font_points(size), ha=ha, va=va,
                              weight=fontweight or kwargs.get('weight', 'normal'), coords='figure fraction')
        return self._suptitle

    def supxlabel(self, t, **kwargs):
        self._supxlabel = Text(0.5, 0.01, t, ha='center', va='bottom', coords='figure fraction', fontsize=kwargs.get('fontsize'))
        return self._supxlabel

    def supylabel(self, t, **kwargs):
        self._supylabel = Text(0.02, 0.5, t, ha='left', va='center', rotation=90, coords='figure fraction', fontsize=kwargs.get('fontsize'))
        return self._supylabel

    def text(self, x, y, s, fontdict=None, **kwargs):
        options = dict(fontdict or {})
        options.update(kwargs)
        t = Text(x, y, s, coords='figure fraction', **options)
        self._texts.append(t)
        return t

    def legend(self, *args, **kwargs):
        ax = self.gca()
        return ax.legend(*args, **kwargs)

    # --- layout --------------------------------------------------------------------------------
    def subplots_adjust(self, left=None, bottom=None, right=None, top=None, wspace=None, hspace=None):
        self.subplotpars.update(left, bottom, right, top, wspace, hspace)
        self._tight = False

    def tight_layout(self, pad=1.08, h_pad=None, w_pad=None, rect=None):
        self._tight = True
        self._tight_params = (pad, h_pad, w_pad, rect)

    def set_tight_layout(self, tight):
        self._tight = bool(tight)

    def get_tight_layout(self):
        return self._tight

    def set_constrained_layout(self, constrained):
        self._constrained = bool(constrained)

    def align_labels(self, axs=None):
        pass

    def align_ylabels(self, axs=None):
        pass

    def _axes_rect(self, ax):
        if ax._subplotspec is not None:
            return ax._subplotspec.rect(self.subplotpars)
        if ax._position is not None:
            return list(ax._position)
        return [0.125, 0.11, 0.775, 0.77]

    def _layout_axes(self, ax):
        left, bottom, width, height = self._axes_rect(ax)
        W, H = self._render_width, self._render_height
        ax._box = (left * W, (1 - bottom - height) * H, width * W, height * H)

    def _measure_extents(self, dpi):
        """The pixel extent of each axes' decorations at dpi, drawing nothing."""
        renderer = _render.Renderer(None, self._width_in * dpi, self._height_in * dpi, dpi, _render.measurer())
        extents = []
        for ax in self.axes:
            renderer.extent = None
            ax._draw(renderer)
            extents.append(list(renderer.extent) if renderer.extent is not None else list(ax._box))
        return extents

    def _apply_tight_layout(self, dpi):
        pad, h_pad, w_pad, rect = getattr(self, '_tight_params', (1.08, None, None, None))
        fontsize = matplotlib.rcParams['font.size']
        pad_px = pad * fontsize * dpi / 72.0
        h_pad_px = (h_pad if h_pad is not None else pad) * fontsize * dpi / 72.0
        w_pad_px = (w_pad if w_pad is not None else pad) * fontsize * dpi / 72.0
        W, H = self._width_in * dpi, self._height_in * dpi
        grid_axes = [ax for ax in self.axes if ax._subplotspec is not None and not getattr(ax, '_is_colorbar', False)]
        if not grid_axes:
            return
        grid = grid_axes[0]._subplotspec.gridspec
        nrows, ncols = grid.nrows, grid.ncols
        self.subplotpars = SubplotParams(left=self.subplotpars.left, right=self.subplotpars.right, bottom=self.subplotpars.bottom,
                                         top=self.subplotpars.top, wspace=self.subplotpars.wspace, hspace=self.subplotpars.hspace)
        for iteration in range(2):
            self._render_dpi = dpi
            self._render_width, self._render_height = W, H
            for ax in self.axes:
                self._layout_axes(ax)
            extents = self._measure_extents(dpi)
            over_left = [0.0] * ncols
            over_right = [0.0] * ncols
            over_top = [0.0] * nrows
            over_bottom = [0.0] * nrows
            for ax, extent in zip(self.axes, extents):
                spec = ax._subplotspec
                if spec is None or spec.gridspec is not grid:
                    continue
                bx, by, bw, bh = ax._box
                over_left[spec.col0] = max(over_left[spec.col0], bx - extent[0])
                over_right[spec.col1] = max(over_right[spec.col1], extent[2] - (bx + bw))
                over_top[spec.row0] = max(over_top[spec.row0], by - extent[1])
                over_bottom[spec.row1] = max(over_bottom[spec.row1], extent[3] - (by + bh))
            suptitle_h = 0.0
            if self._suptitle is not None:
                w, h, d = _render.Renderer(None, W, H, dpi, _render.measurer()).text_size(self._suptitle._text, self._suptitle._fontsize)
                suptitle_h = h + (1 - self._suptitle._y) * H
            left = (over_left[0] + pad_px) / W
            right = 1 - (over_right[-1] + pad_px) / W
            top = 1 - (over_top[0] + pad_px + suptitle_h) / H
            bottom = (over_bottom[-1] + pad_px) / H
            if rect is not None:
                left = max(left, rect[0] + over_left[0] / W)
                bottom = max(bottom, rect[1] + over_bottom[-1] / H)
                right = min(right, rect[2] - over_right[-1] / W)
                top = min(top, rect[3] - over_top[0] / H)
            width = right - left
            height = top - bottom
            if ncols > 1:
                gap = max(over_right[c] + over_left[c + 1] for c in range(ncols - 1)) + w_pad_px
                cell = (width * W - gap * (ncols - 1)) / ncols
                wspace = gap / cell if cell > 0 else 0.2
            else:
                wspace = self.subplotpars.wspace
            if nrows > 1:
                gap = max(over_bottom[r] + over_top[r + 1] for r in range(nrows - 1)) + h_pad_px
                cell = (height * H - gap * (nrows - 1)) / nrows
                hspace = gap / cell if cell > 0 else 0.2
            else:
                hspace = self.subplotpars.hspace
            if width <= 0 or height <= 0:
                import warnings
                warnings.warn("Tight layout not applied. tight_layout cannot make axes width small enough to accommodate all axes decorations", UserWarning)
                return
            self.subplotpars = SubplotParams(left, bottom, right, top, wspace, hspace)

    # --- colorbar ------------------------------------------------------------------------------
    def colorbar(self, mappable=None, cax=None, ax=None, fraction=0.15, pad=None, shrink=1.0, aspect=20, orientation='vertical',
                 label='', ticks=None, location=None, **kwargs):
        if mappable is None:
            raise RuntimeError("No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).")
        if location in ('top', 'bottom'):
            orientation = 'horizontal'
        if pad is None:
            pad = 0.05 if orientation == 'vertical' else 0.15
        parent = ax if ax is not None else (mappable.axes if getattr(mappable, 'axes', None) is not None else self.gca())
        if isinstance(parent, (list, tuple)) or hasattr(parent, 'flat'):
            parent = list(parent.flat if hasattr(parent, 'flat') else parent)[-1]
        if cax is None:
            cax = Axes(self)
            cax._is_colorbar = True
            cax._colorbar_parent = parent
            cax._colorbar_geometry = (fraction, pad, shrink, aspect, orientation)
            # as matplotlib's make_axes: the parent leans against its colorbar when its aspect shrinks it
            parent._anchor_point = (1.0, 0.5) if orientation == 'vertical' else (0.5, 0.0)
            self.axes.append(cax)
        colorbar = Colorbar(cax, mappable, orientation=orientation, label=label, ticks=ticks)
        self._colorbars.append(colorbar)
        return colorbar

    def _place_colorbars(self):
        """Each colorbar takes `fraction` of its parent's box (after a gap of `pad`), at the right or
        the bottom; the bar is `aspect` times longer than wide, at the slot's left or top."""
        for cax in self.axes:
            if not getattr(cax, '_is_colorbar', False) or not hasattr(cax, '_colorbar_parent'):
                continue
            fraction, pad, shrink, aspect, orientation = cax._colorbar_geometry
            parent = cax._colorbar_parent
            px, py, pw, ph = parent._box
            if orientation == 'vertical':
                parent._box = (px, py, pw * (1 - fraction - pad), ph)
                slot_x, slot_w = px + pw * (1 - fraction), pw * fraction
                bar_h = ph * shrink
                bar_w = min(slot_w, bar_h / aspect)
                cax._box = (slot_x, py + (ph - bar_h) / 2, bar_w, bar_h)
            else:
                parent._box = (px, py, pw, ph * (1 - fraction - pad))
                slot_y, slot_h = py + ph * (1 - fraction), ph * fraction
                bar_w = pw * shrink
                bar_h = min(slot_h, bar_w / aspect)
                cax._box = (px + (pw - bar_w) / 2, slot_y, bar_w, bar_h)
            cax._box_ready = True

    # --- drawing and saving --------------------------------------------------------------------
    def _draw(self, renderer):
        W, H = renderer.width, renderer.height
        self._render_dpi = renderer.dpi
        self._render_width, self._render_height = W, H
        for ax in self.axes:
            self._layout_axes(ax)
            ax._box_ready = True
        self._place_colorbars()
        for ax in self.axes:
            if not getattr(ax, '_is_colorbar', False):
                ax._compute_limits()
                ax._apply_aspect()
        for ax in sorted(self.axes, key=lambda a: 1 if getattr(a, '_is_colorbar', False) else 0):
            saved = ax._apply_aspect
            ax._apply_aspect = _no_aspect if not getattr(ax, '_is_colorbar', False) else saved
            ax._draw(renderer)
            ax._apply_aspect = saved
        for text in [self._suptitle, self._supxlabel, self._supylabel] + self._texts:
            if text is not None:
                x, y = text._x * W, (1 - text._y) * H
                renderer.text(x, y, text._text, text._fontsize, text._color, text._ha, text._va, text._rotation, text._weight)
        for ax in self.axes:
            if hasattr(ax, '_box_ready'):
                del ax._box_ready

    def savefig(self, fname, dpi=None, format=None, bbox_inches=None, pad_inches=None, facecolor=None, edgecolor=None,
                transparent=None, metadata=None, **kwargs):
        rc = matplotlib.rcParams
        path = os.fspath(fname) if hasattr(os, 'fspath') else str(fname)
        kind = format
        if kind is None:
            extension = os.path.splitext(path)[1].lower().lstrip('.')
            kind = extension if extension else rc['savefig.format']
            if not extension:
                path = path + '.' + kind
        kind = kind.lower()
        if kind not in ('png', 'svg', 'pdf'):
            if kind in ('eps', 'jpeg', 'jpg', 'pgf', 'ps', 'raw', 'rgba', 'svgz', 'tif', 'tiff', 'webp'):
                raise ValueError(f"Format {kind!r} is not supported by ramba yet (supported formats: pdf, png, svg)")
            raise ValueError(f"Format {kind!r} is not supported (supported formats: eps, jpeg, jpg, pdf, pgf, png, ps, raw, rgba, svg, svgz, tif, tiff, webp)")
        if dpi is None or dpi == 'figure':
            dpi = rc['savefig.dpi']
            if dpi == 'figure':
                dpi = self.dpi
        dpi = float(dpi)
        if bbox_inches is None:
            bbox_inches = rc['savefig.bbox']
        pad = rc['savefig.pad_inches'] if pad_inches is None else float(pad_inches)
        if transparent is None:
            transparent = rc['savefig.transparent']
        face = facecolor if facecolor is not None else self._facecolor
        if transparent:
            face = 'none'
        W, H = self._width_in * dpi, self._height_in * dpi
        if self._tight:
            self._apply_tight_layout(dpi)
        offset_x, offset_y = 0.0, 0.0
        out_w, out_h = W, H
        if bbox_inches == 'tight':
            measure = _render.Renderer(None, W, H, dpi, _render.measurer())
            self._draw(measure)
            x0, y0, x1, y1 = measure.extent if measure.extent is not None else (0, 0, W, H)
            pad_px = pad * dpi
            x0, y0, x1, y1 = x0 - pad_px, y0 - pad_px, x1 + pad_px, y1 + pad_px
            out_w, out_h = x1 - x0, y1 - y0
            # whole pixels, so that snapped lines stay on pixel centres
            offset_x, offset_y = -math.floor(x0), -math.floor(y0)
        if kind == 'png':
            # as matplotlib's Agg canvas: the size in pixels, truncated
            out_w_px, out_h_px = int(out_w + 1e-6), int(out_h + 1e-6)
        else:
            out_w_px, out_h_px = out_w, out_h
        canvas = _render.open_canvas(kind, path, out_w_px, out_h_px, dpi)
        renderer = _render.Renderer(canvas, W, H, dpi, canvas)
        if offset_x or offset_y:
            renderer.translate = (offset_x, offset_y)
            canvas_translate(canvas, offset_x, offset_y)
        face_rgba = to_rgba(face)
        if face_rgba[3] > 0:
            canvas.color(face_rgba[0], face_rgba[1], face_rgba[2], face_rgba[3])
            canvas.rect(-offset_x, -offset_y, out_w_px + 1, out_h_px + 1)
            canvas.fill(False)
        self._draw(renderer)
        canvas.save()

    def show(self):
        pass

    def draw_without_rendering(self):
        pass

    def get_children(self):
        return list(self.axes)


def _no_aspect():
    pass


def canvas_translate(canvas, dx, dy):
    canvas.translate(dx, dy)


class _AxesArray:
    """What plt.subplots returns for a grid: indexing like numpy's object array ([r, c], [i], .flat, .ravel())."""

    def __init__(self, items, shape):
        self._items = items
        self.shape = shape
        self.ndim = len(shape)
        self.size = len(items)

    def _index(self, key):
        if self.ndim == 1:
            return key
        r, c = key
        return r * self.shape[1] + c

    def __getitem__(self, key):
        if self.ndim == 2 and isinstance(key, tuple):
            r, c = key
            if isinstance(r, slice) or isinstance(c, slice):
                rows = range(*r.indices(self.shape[0])) if isinstance(r, slice) else [r]
                cols = range(*c.indices(self.shape[1])) if isinstance(c, slice) else [c]
                items = [self._items[i * self.shape[1] + j] for i in rows for j in cols]
                if isinstance(r, slice) and isinstance(c, slice):
                    return _AxesArray(items, (len(rows), len(cols)))
                return _AxesArray(items, (len(items),))
            r = r + self.shape[0] if r < 0 else r
            c = c + self.shape[1] if c < 0 else c
            return self._items[r * self.shape[1] + c]
        if self.ndim == 2:
            r = key + self.shape[0] if key < 0 else key
            return _AxesArray(self._items[r * self.shape[1]:(r + 1) * self.shape[1]], (self.shape[1],))
        if isinstance(key, slice):
            items = self._items[key]
            return _AxesArray(items, (len(items),))
        return self._items[key]

    def __iter__(self):
        if self.ndim == 2:
            return iter([self[r] for r in range(self.shape[0])])
        return iter(self._items)

    def __len__(self):
        return self.shape[0]

    @property
    def flat(self):
        return iter(self._items)

    def ravel(self):
        return _AxesArray(list(self._items), (len(self._items),))

    flatten = ravel

    def tolist(self):
        if self.ndim == 2:
            return [self._items[r * self.shape[1]:(r + 1) * self.shape[1]] for r in range(self.shape[0])]
        return list(self._items)

    def reshape(self, *shape):
        if len(shape) == 1 and isinstance(shape[0], tuple):
            shape = shape[0]
        shape = tuple(len(self._items) // (-s * 0 + 1) if s == -1 else s for s in shape)
        if len(shape) == 2 and -1 in shape:
            shape = (len(self._items) // shape[1], shape[1]) if shape[0] == -1 else (shape[0], len(self._items) // shape[0])
        return _AxesArray(list(self._items), shape)

    def __repr__(self):
        return 'array(' + repr(self.tolist()) + ', dtype=object)'


class Colorbar:
    def __init__(self, cax, mappable, orientation='vertical', label='', ticks=None):
        self.ax = cax
        self.mappable = mappable
        self.orientation = orientation
        cax._colorbar = self
        norm = mappable.norm
        cmap = mappable.cmap
        levels = getattr(mappable, 'levels', None)
        low, high = norm.vmin, norm.vmax
        if levels is not None and getattr(mappable, 'filled', False):
            low, high = float(levels[0]), float(levels[-1])
        if low is None or high is None:
            low, high = 0.0, 1.0
        if low == high:
            low, high = low - 0.1 * abs(low or 1), high + 0.1 * abs(high or 1)
        cax._margins = [0.0, 0.0]
        steps = 256 if levels is None or not getattr(mappable, 'filled', False) else len(levels) - 1
        if levels is not None and getattr(mappable, 'filled', False):
            middles = [(levels[i] + levels[i + 1]) / 2 for i in range(len(levels) - 1)]
            colors = cmap(norm(np.array(middles)), bytes=True)
        else:
            positions = np.linspace(low, high, steps + 1)
            middles = (positions[:-1] + positions[1:]) / 2
            colors = cmap(norm(middles), bytes=True)
        if orientation == 'vertical':
            image = colors[::-1].reshape(steps, 1, 4)
            cax.imshow(np.zeros((steps, 1)), aspect='auto', extent=(0, 1, low, high))
            cax.images[-1]._rgba = lambda: np.ascontiguousarray(image)
            cax.set_xticks([])
            cax.yaxis._position = 'right'
            cax.set_xlim(0, 1)
            cax.set_ylim(low, high)
        else:
            image = colors.reshape(1, steps, 4)
            cax.imshow(np.zeros((1, steps)), aspect='auto', extent=(low, high, 0, 1))
            cax.images[-1]._rgba = lambda: np.ascontiguousarray(image)
            cax.set_yticks([])
            cax.set_ylim(0, 1)
            cax.set_xlim(low, high)
        cax._aspect = 'auto'
        if ticks is not None:
            (cax.set_yticks if orientation == 'vertical' else cax.set_xticks)(ticks)
        if label:
            self.set_label(label)

    def set_label(self, label, **kwargs):
        if self.orientation == 'vertical':
            self.ax.yaxis._label = str(label)
            self.ax.yaxis._position = 'right'
        else:
            self.ax.xaxis._label = str(label)

    def set_ticks(self, ticks, labels=None, **kwargs):
        (self.ax.set_yticks if self.orientation == 'vertical' else self.ax.set_xticks)(ticks, labels)

    def set_ticklabels(self, labels, **kwargs):
        (self.ax.set_yticklabels if self.orientation == 'vertical' else self.ax.set_xticklabels)(labels)

    def remove(self):
        self.ax.figure.delaxes(self.ax)
