# matplotlib.pyplot under ramba: the state machine (current figure, current axes) over
# matplotlib.figure and matplotlib.axes. show() writes each open figure to a PNG file (figure-N.png in
# RAMBA_PLOT_DIR or the working directory) and prints its path: ramba draws files, not windows.
import os
import numpy as np
import matplotlib
from matplotlib import rcParams, rcParamsDefault, rc, rcdefaults, rc_context, colors, ticker, cm
from matplotlib.figure import Figure, GridSpec, SubplotParams
from matplotlib.axes import Axes, Line2D, Rectangle, Circle, Polygon, Text
from matplotlib.colors import Normalize, LogNorm, get_cmap

_figures = {}
_current = None


class _Style:
    available = ['default', 'classic', 'ggplot', 'seaborn', 'bmh', 'fivethirtyeight', 'dark_background', 'grayscale']

    def use(self, style):
        names = [style] if isinstance(style, (str, dict)) else list(style)
        for name in names:
            if isinstance(name, dict):
                rcParams.update(name)
            elif name == 'default':
                rcdefaults()
            elif name == 'classic':
                rcdefaults()
                rcParams.update({'figure.figsize': [8.0, 6.0], 'figure.dpi': 80.0, 'font.size': 12.0,
                                 'axes.prop_cycle': ['b', 'g', 'r', 'c', 'm', 'y', 'k'], 'lines.linewidth': 1.0,
                                 'axes.xmargin': 0.0, 'axes.ymargin': 0.0, 'xtick.direction': 'in', 'ytick.direction': 'in',
                                 'xtick.major.size': 4.0, 'ytick.major.size': 4.0, 'axes.linewidth': 1.0,
                                 'legend.fancybox': False, 'legend.framealpha': 1.0, 'legend.edgecolor': 'black',
                                 'image.cmap': 'jet', 'figure.subplot.bottom': 0.1, 'figure.subplot.top': 0.9,
                                 'figure.facecolor': '0.75', 'grid.color': 'black', 'grid.linestyle': ':', 'grid.linewidth': 0.5})
            elif name in self.available:
                pass
            else:
                raise OSError(f"{name!r} is not a valid package style, path of style file, URL of style file, or library style name (library styles are listed in `style.available`)")

    def context(self, style, after_reset=False):
        return rc_context()


style = _Style()


def figure(num=None, figsize=None, dpi=None, facecolor=None, edgecolor=None, frameon=True, clear=False, **kwargs):
    global _current
    if isinstance(num, Figure):
        _current = num
        return num
    if num is None:
        num = max(_figures) + 1 if _figures else 1
    elif isinstance(num, str):
        for fig in _figures.values():
            if getattr(fig, '_label', None) == num:
                _current = fig
                return fig
        label = num
        num = max(_figures) + 1 if _figures else 1
        fig = Figure(figsize=figsize, dpi=dpi, facecolor=facecolor, num=num, **kwargs)
        fig._label = label
        _figures[num] = fig
        _current = fig
        return fig
    if num in _figures:
        fig = _figures[num]
        if clear:
            fig.clf()
        _current = fig
        return fig
    fig = Figure(figsize=figsize, dpi=dpi, facecolor=facecolor, num=num, **kwargs)
    _figures[num] = fig
    _current = fig
    return fig


def gcf():
    if _current is None:
        return figure()
    return _current


def gca(**kwargs):
    return gcf().gca()


def sca(ax):
    global _current
    _current = ax.figure
    ax.figure.sca(ax)
    return ax


def get_fignums():
    return sorted(_figures)


def fignum_exists(num):
    return num in _figures


def subplot(*args, **kwargs):
    fig = gcf()
    return fig.add_subplot(*args, **kwargs)


def subplots(nrows=1, ncols=1, sharex=False, sharey=False, squeeze=True, subplot_kw=None, gridspec_kw=None, figsize=None, dpi=None,
             width_ratios=None, height_ratios=None, **kwargs):
    fig = figure(figsize=figsize, dpi=dpi, **kwargs)
    axes = fig.subplots(nrows, ncols, sharex=sharex, sharey=sharey, squeeze=squeeze, subplot_kw=subplot_kw, gridspec_kw=gridspec_kw,
                        width_ratios=width_ratios, height_ratios=height_ratios)
    return fig, axes


def subplot2grid(shape, loc, rowspan=1, colspan=1, fig=None, **kwargs):
    fig = fig or gcf()
    grid = GridSpec(shape[0], shape[1], fig)
    spec = grid[loc[0]:loc[0] + rowspan, loc[1]:loc[1] + colspan]
    return fig.add_subplot(spec, **kwargs)


def axes(arg=None, **kwargs):
    fig = gcf()
    if arg is None:
        return fig.add_subplot(1, 1, 1, **kwargs)
    return fig.add_axes(arg, **kwargs)


def close(fig=None):
    global _current
    if fig is None:
        if _current is not None:
            for num, f in list(_figures.items()):
                if f is _current:
                    del _figures[num]
        _current = _figures[max(_figures)] if _figures else None
        return
    if fig == 'all':
        _figures.clear()
        _current = None
        return
    for num, f in list(_figures.items()):
        if f is fig or num == fig or getattr(f, '_label', None) == fig:
            del _figures[num]
    if _current is not None and _current not in _figures.values():
        _current = _figures[max(_figures)] if _figures else None


def clf():
    gcf().clf()


def cla():
    gca().cla()


def savefig(*args, **kwargs):
    return gcf().savefig(*args, **kwargs)


def show(*args, **kwargs):
    folder = os.environ.get('RAMBA_PLOT_DIR', '')
    for num in sorted(_figures):
        path = os.path.join(folder, f'figure-{num}.png') if folder else f'figure-{num}.png'
        _figures[num].savefig(path)
        print(path)
    close('all')


def draw():
    pass


def pause(interval):
    pass


def ion():
    pass


def ioff():
    pass


def isinteractive():
    return False


def switch_backend(name):
    matplotlib.use(name)


def get_backend():
    return matplotlib.get_backend()


def tight_layout(**kwargs):
    gcf().tight_layout(**kwargs)


def subplots_adjust(**kwargs):
    gcf().subplots_adjust(**kwargs)


def suptitle(t, **kwargs):
    return gcf().suptitle(t, **kwargs)


def supxlabel(t, **kwargs):
    return gcf().supxlabel(t, **kwargs)


def supylabel(t, **kwargs):
    return gcf().supylabel(t, **kwargs)


def figtext(x, y, s, **kwargs):
    return gcf().text(x, y, s, **kwargs)


def colorbar(mappable=None, cax=None, ax=None, **kwargs):
    if mappable is None:
        mappable = _current_image
    return gcf().colorbar(mappable, cax=cax, ax=ax, **kwargs)


_current_image = None


def _track(result):
    global _current_image
    _current_image = result
    return result


def plot(*args, **kwargs):
    return gca().plot(*args, **kwargs)


def scatter(*args, **kwargs):
    return _track(gca().scatter(*args, **kwargs))


def bar(*args, **kwargs):
    return gca().bar(*args, **kwargs)


def barh(*args, **kwargs):
    return gca().barh(*args, **kwargs)


def bar_label(*args, **kwargs):
    return gca().bar_label(*args, **kwargs)


def hist(*args, **kwargs):
    return gca().hist(*args, **kwargs)


def errorbar(*args, **kwargs):
    return gca().errorbar(*args, **kwargs)


def fill_between(*args, **kwargs):
    return gca().fill_between(*args, **kwargs)


def fill_betweenx(*args, **kwargs):
    return gca().fill_betweenx(*args, **kwargs)


def fill(*args, **kwargs):
    return gca().fill(*args, **kwargs)


def axhline(*args, **kwargs):
    return gca().axhline(*args, **kwargs)


def axvline(*args, **kwargs):
    return gca().axvline(*args, **kwargs)


def hlines(*args, **kwargs):
    return gca().hlines(*args, **kwargs)


def vlines(*args, **kwargs):
    return gca().vlines(*args, **kwargs)


def axhspan(*args, **kwargs):
    return gca().axhspan(*args, **kwargs)


def axvspan(*args, **kwargs):
    return gca().axvspan(*args, **kwargs)


def step(*args, **kwargs):
    return gca().step(*args, **kwargs)


def stem(*args, **kwargs):
    return gca().stem(*args, **kwargs)


def pie(*args, **kwargs):
    return gca().pie(*args, **kwargs)


def boxplot(*args, **kwargs):
    return gca().boxplot(*args, **kwargs)


def imshow(*args, **kwargs):
    return _track(gca().imshow(*args, **kwargs))


def figaspect(arg):
    """A figure size (inches) with the aspect of an array, as matplotlib's figaspect."""
    if np.ndim(arg) >= 2:
        rows, columns = np.shape(arg)[:2]
        ratio = rows / columns
    else:
        ratio = float(arg)
    height = rcParams['figure.figsize'][1]
    size = np.array([height / ratio, height])
    low, high = np.array([4.0, 2.0]), np.array([16.0, 16.0])
    size = size / min(1.0, *(size / low))
    size = size / max(1.0, *(size / high))
    return np.clip(size, low, high)


def matshow(A, fignum=None, **kwargs):
    """A new figure shaped like A (unless fignum is 0: the current axes), its axes at matplotlib's place."""
    if fignum == 0:
        ax = gca()
    else:
        fig = figure(fignum, figsize=figaspect(A))
        ax = fig.add_axes([0.15, 0.09, 0.775, 0.775])
    return _track(ax.matshow(A, **kwargs))


def pcolormesh(*args, **kwargs):
    return _track(gca().pcolormesh(*args, **kwargs))


def pcolor(*args, **kwargs):
    return _track(gca().pcolormesh(*args, **kwargs))


def contour(*args, **kwargs):
    return _track(gca().contour(*args, **kwargs))


def contourf(*args, **kwargs):
    return _track(gca().contourf(*args, **kwargs))


def quiver(*args, **kwargs):
    return gca().quiver(*args, **kwargs)


def text(x, y, s, **kwargs):
    return gca().text(x, y, s, **kwargs)


def annotate(*args, **kwargs):
    return gca().annotate(*args, **kwargs)


def title(label, **kwargs):
    return gca().set_title(label, **kwargs)


def xlabel(label, **kwargs):
    return gca().set_xlabel(label, **kwargs)


def ylabel(label, **kwargs):
    return gca().set_ylabel(label, **kwargs)


def legend(*args, **kwargs):
    return gca().legend(*args, **kwargs)


def grid(visible=None, which='major', axis='both', **kwargs):
    return gca().grid(visible, which, axis, **kwargs)


def xlim(*args, **kwargs):
    ax = gca()
    if not args and not kwargs:
        return ax.get_xlim()
    return ax.set_xlim(*args, **kwargs)


def ylim(*args, **kwargs):
    ax = gca()
    if not args and not kwargs:
        return ax.get_ylim()
    return ax.set_ylim(*args, **kwargs)


def xscale(value, **kwargs):
    gca().set_xscale(value, **kwargs)


def yscale(value, **kwargs):
    gca().set_yscale(value, **kwargs)


def semilogy(*args, **kwargs):
    ax = gca()
    ax.set_yscale('log')
    return ax.plot(*args, **kwargs)


def semilogx(*args, **kwargs):
    ax = gca()
    ax.set_xscale('log')
    return ax.plot(*args, **kwargs)


def loglog(*args, **kwargs):
    ax = gca()
    ax.set_xscale('log')
    ax.set_yscale('log')
    return ax.plot(*args, **kwargs)


def xticks(ticks=None, labels=None, **kwargs):
    ax = gca()
    if ticks is None and labels is None:
        if kwargs:
            ax._tick_kwargs(ax.xaxis, kwargs)
        return ax.get_xticks(), ax.get_xticklabels()
    if ticks is not None:
        ax.set_xticks(ticks, labels, **kwargs)
    return ax.get_xticks(), ax.get_xticklabels()


def yticks(ticks=None, labels=None, **kwargs):
    ax = gca()
    if ticks is None and labels is None:
        if kwargs:
            ax._tick_kwargs(ax.yaxis, kwargs)
        return ax.get_yticks(), ax.get_yticklabels()
    if ticks is not None:
        ax.set_yticks(ticks, labels, **kwargs)
    return ax.get_yticks(), ax.get_yticklabels()


def tick_params(axis='both', **kwargs):
    gca().tick_params(axis, **kwargs)


def axis(*args, **kwargs):
    return gca().axis(*args, **kwargs)


def margins(*args, **kwargs):
    return gca().margins(*args, **kwargs)


def minorticks_on():
    pass


def minorticks_off():
    pass


def locator_params(axis='both', tight=None, **kwargs):
    gca().locator_params(axis, tight, **kwargs)


def clim(vmin=None, vmax=None):
    if _current_image is not None:
        _current_image.set_clim(vmin, vmax)


def set_cmap(cmap):
    rcParams['image.cmap'] = cmap if isinstance(cmap, str) else cmap.name


def twinx(ax=None):
    return (ax or gca()).twinx()


def twiny(ax=None):
    return (ax or gca()).twiny()


def setp(obj, *args, **kwargs):
    objects = obj if isinstance(obj, (list, tuple)) else [obj]
    if args:
        kwargs.update(dict(zip(args[::2], args[1::2])))
    for item in objects:
        item.set(**kwargs)


def getp(obj, name):
    return getattr(obj, 'get_' + name)()

