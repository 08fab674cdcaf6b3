# matplotlib under ramba: the package's top level (rcParams, use, get_backend). The drawing is
# matplotlib.pyplot (state machine), matplotlib.figure and matplotlib.axes (the objects),
# matplotlib.ticker, matplotlib.colors and matplotlib.cm, on the native canvas `_ramba_canvas` (cairo).
# The look follows matplotlib 3.6's defaults (the plot tests compare pictures with Debian's matplotlib).

__version__ = '3.6.3'

_DEFAULTS = {
    'figure.figsize': [6.4, 4.8],
    'figure.dpi': 100.0,
    'figure.facecolor': 'white',
    'figure.edgecolor': 'white',
    'figure.titlesize': 'large',
    'figure.titleweight': 'normal',
    'figure.subplot.left': 0.125,
    'figure.subplot.right': 0.9,
    'figure.subplot.bottom': 0.11,
    'figure.subplot.top': 0.88,
    'figure.subplot.wspace': 0.2,
    'figure.subplot.hspace': 0.2,
    'figure.autolayout': False,
    'font.size': 10.0,
    'font.family': ['sans-serif'],
    'font.sans-serif': ['DejaVu Sans'],
    'font.weight': 'normal',
    'text.color': 'black',
    'text.usetex': False,
    'axes.facecolor': 'white',
    'axes.edgecolor': 'black',
    'axes.linewidth': 0.8,
    'axes.grid': False,
    'axes.grid.axis': 'both',
    'axes.grid.which': 'major',
    'axes.titlesize': 'large',
    'axes.titleweight': 'normal',
    'axes.titlepad': 6.0,
    'axes.titlelocation': 'center',
    'axes.labelsize': 'medium',
    'axes.labelpad': 4.0,
    'axes.labelweight': 'normal',
    'axes.labelcolor': 'black',
    'axes.xmargin': 0.05,
    'axes.ymargin': 0.05,
    'axes.axisbelow': 'line',
    'axes.unicode_minus': True,
    'axes.formatter.useoffset': True,
    'axes.formatter.offset_threshold': 4,
    'axes.formatter.limits': [-5, 6],
    'axes.spines.left': True,
    'axes.spines.right': True,
    'axes.spines.top': True,
    'axes.spines.bottom': True,
    'axes.prop_cycle': ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd',
                        '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'],
    'lines.linewidth': 1.5,
    'lines.linestyle': '-',
    'lines.marker': 'None',
    'lines.markersize': 6.0,
    'lines.markeredgewidth': 1.0,
    'lines.color': 'C0',
    'lines.solid_capstyle': 'projecting',
    'lines.dash_capstyle': 'butt',
    'patch.linewidth': 1.0,
    'patch.facecolor': 'C0',
    'patch.edgecolor': 'black',
    'patch.force_edgecolor': False,
    'xtick.major.size': 3.5,
    'xtick.major.width': 0.8,
    'xtick.major.pad': 3.5,
    'xtick.minor.size': 2.0,
    'xtick.minor.width': 0.6,
    'xtick.minor.pad': 3.4,
    'xtick.labelsize': 'medium',
    'xtick.direction': 'out',
    'xtick.color': 'black',
    'ytick.major.size': 3.5,
    'ytick.major.width': 0.8,
    'ytick.major.pad': 3.5,
    'ytick.minor.size': 2.0,
    'ytick.minor.width': 0.6,
    'ytick.minor.pad': 3.4,
    'ytick.labelsize': 'medium',
    'ytick.direction': 'out',
    'ytick.color': 'black',
    'grid.color': '#b0b0b0',
    'grid.linestyle': '-',
    'grid.linewidth': 0.8,
    'grid.alpha': 1.0,
    'legend.loc': 'best',
    'legend.frameon': True,
    'legend.framealpha': 0.8,
    'legend.facecolor': 'inherit',
    'legend.edgecolor': '0.8',
    'legend.fancybox': True,
    'legend.fontsize': 'medium',
    'legend.borderpad': 0.4,
    'legend.labelspacing': 0.5,
    'legend.handlelength': 2.0,
    'legend.handleheight': 0.7,
    'legend.handletextpad': 0.8,
    'legend.borderaxespad': 0.5,
    'legend.columnspacing': 2.0,
    'legend.numpoints': 1,
    'legend.scatterpoints': 1,
    'image.cmap': 'viridis',
    'image.origin': 'upper',
    'image.aspect': 'equal',
    'image.interpolation': 'antialiased',
    'hist.bins': 10,
    'scatter.marker': 'o',
    'errorbar.capsize': 0.0,
    'savefig.dpi': 'figure',
    'savefig.format': 'png',
    'savefig.bbox': None,
    'savefig.pad_inches': 0.1,
    'savefig.facecolor': 'auto',
    'savefig.transparent': False,
    'boxplot.whiskers': 1.5,
}


class RcParams:
    """matplotlib's configuration: a mapping of the known keys to their values."""

    def __init__(self, values=None):
        self._values = dict(_DEFAULTS if values is None else values)

    def __getitem__(self, key):
        if key not in self._values:
            raise KeyError(f"{key} is not a valid rc parameter (see rcParams.keys() for a list of valid parameters)")
        return self._values[key]

    def __setitem__(self, key, value):
        if key not in self._values:
            raise KeyError(f"{key} is not a valid rc parameter (see rcParams.keys() for a list of valid parameters)")
        if key == 'axes.prop_cycle' and hasattr(value, 'by_key'):
            value = value.by_key()['color']
        self._values[key] = value

    def __contains__(self, key):
        return key in self._values

    def __iter__(self):
        return iter(sorted(self._values))

    def __len__(self):
        return len(self._values)

    def get(self, key, default=None):
        return self._values.get(key, default)

    def keys(self):
        return sorted(self._values)

    def items(self):
        return [(key, self._values[key]) for key in sorted(self._values)]

    def values(self):
        return [self._values[key] for key in sorted(self._values)]

    def update(self, other=None, **kwargs):
        if other is not None:
            pairs = other.items() if hasattr(other, 'items') else other
            for key, value in pairs:
                self[key] = value
        for key, value in kwargs.items():
            self[key] = value

    def copy(self):
        return RcParams(self._values)

    def __repr__(self):
        return 'RcParams({' + ', '.join(f'{key!r}: {self._values[key]!r}' for key in sorted(self._values)) + '})'


rcParams = RcParams()
rcParamsDefault = RcParams()
_backend = 'agg'


def use(backend, force=True):
    """Accepted for any backend name: ramba draws PNG, SVG and PDF files with cairo."""
    global _backend
    _backend = str(backend).lower()


def get_backend():
    return _backend


def interactive(b):
    pass


def is_interactive():
    return False


def rc(group, **kwargs):
    aliases = {'lw': 'linewidth', 'ls': 'linestyle', 'c': 'color', 'fc': 'facecolor', 'ec': 'edgecolor', 'mew': 'markeredgewidth'}
    groups = [group] if isinstance(group, str) else list(group)
    for g in groups:
        for key, value in kwargs.items():
            rcParams[g + '.' + aliases.get(key, key)] = value


def rcdefaults():
    rcParams.update(_DEFAULTS)


class _RcContext:
    def __init__(self, rc=None):
        self._saved = None
        self._rc = rc

    def __enter__(self):
        self._saved = dict(rcParams._values)
        if self._rc:
            rcParams.update(self._rc)
        return self

    def __exit__(self, *args):
        rcParams._values = self._saved
        return False


def rc_context(rc=None, fname=None):
    return _RcContext(rc)
