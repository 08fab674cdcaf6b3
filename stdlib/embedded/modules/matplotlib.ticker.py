# matplotlib.ticker under ramba: where the ticks of an axis go (locators) and how they are labelled
# (formatters), with matplotlib 3.6's algorithms: the "nice number" MaxNLocator behind AutoLocator, the
# ScalarFormatter's offset and scientific notation, and decades on log axes.
import math
import numpy as np
import matplotlib


def _fix_minus(text):
    return text.replace('-', '\u2212') if matplotlib.rcParams['axes.unicode_minus'] else text


def _nonsingular(vmin, vmax, expander=0.001, tiny=1e-15, increasing=True):
    if not (math.isfinite(vmin) and math.isfinite(vmax)):
        return -expander, expander
    swapped = vmax < vmin
    if swapped:
        vmin, vmax = vmax, vmin
    vmin, vmax = float(vmin), float(vmax)
    largest = max(abs(vmin), abs(vmax))
    if largest < (1e6 / tiny) * 2.2250738585072014e-308:
        vmin, vmax = -expander, expander
    elif vmax - vmin <= largest * tiny:
        if vmax == 0 and vmin == 0:
            vmin, vmax = -expander, expander
        else:
            vmin -= expander * abs(vmin)
            vmax += expander * abs(vmax)
    if swapped and not increasing:
        vmin, vmax = vmax, vmin
    return vmin, vmax


class Locator:
    axis = None

    def set_axis(self, axis):
        self.axis = axis

    def tick_values(self, vmin, vmax):
        return []

    def __call__(self):
        vmin, vmax = self.axis.get_view_interval()
        return self.tick_values(vmin, vmax)

    def nonsingular(self, v0, v1):
        return _nonsingular(v0, v1, expander=0.05)

    def view_limits(self, vmin, vmax):
        return _nonsingular(vmin, vmax)


class NullLocator(Locator):
    def tick_values(self, vmin, vmax):
        return []


class FixedLocator(Locator):
    def __init__(self, locs, nbins=None):
        self.locs = [float(v) for v in np.asarray(locs, dtype=float).ravel().tolist()]
        self.nbins = nbins

    def tick_values(self, vmin, vmax):
        return list(self.locs)


class IndexLocator(Locator):
    def __init__(self, base, offset):
        self._base = base
        self.offset = offset

    def tick_values(self, vmin, vmax):
        return np.arange(vmin + self.offset, vmax + 1, self._base).tolist()


class _EdgeInteger:
    def __init__(self, step, offset):
        self.step = step
        self._offset = abs(offset)

    def closeto(self, ms, edge):
        if self._offset > 0:
            digits = math.log10(self._offset / self.step)
            tol = max(1e-10, 10 ** (digits - 12))
            tol = min(0.4999, tol)
        else:
            tol = 1e-10
        return abs(ms - edge) < tol

    def le(self, x):
        d, m = divmod(x, self.step)
        if self.closeto(m / self.step, 1):
            return d + 1
        return d

    def ge(self, x):
        d, m = divmod(x, self.step)
        if self.closeto(m / self.step, 0):
            return d
        return d + 1


def _scale_range(vmin, vmax, n=1, threshold=100):
    dv = abs(vmax - vmin)
    meanv = (vmax + vmin) / 2
    if abs(meanv) / dv < threshold:
        offset = 0
    else:
        offset = math.copysign(10 ** (math.log10(abs(meanv)) // 1), meanv)
    scale = 10 ** (math.log10(dv / n) // 1)
    return scale, offset


class MaxNLocator(Locator):
    """At most nbins intervals between ticks, at multiples of 1, 2, 2.5, 5 or 10 times a power of 10."""

    def __init__(self, nbins=10, steps=None, integer=False, symmetric=False, prune=None, min_n_ticks=2):
        self._nbins = nbins
        if steps is None:
            steps = [1, 2, 2.5, 5, 10]
        steps = [float(s) for s in steps]
        if steps[0] != 1:
            steps = [1.0] + steps
        if steps[-1] != 10:
            steps = steps + [10.0]
        self._steps = steps
        self._extended_steps = [0.1 * s for s in steps[:-1]] + steps + [10 * steps[1]]
        self._integer = integer
        self._symmetric = symmetric
        self._prune = prune
        self._min_n_ticks = min_n_ticks

    def set_params(self, **kwargs):
        if 'nbins' in kwargs:
            self._nbins = kwargs['nbins']
        if 'integer' in kwargs:
            self._integer = kwargs['integer']
        if 'prune' in kwargs:
            self._prune = kwargs['prune']
        if 'min_n_ticks' in kwargs:
            self._min_n_ticks = kwargs['min_n_ticks']

    def _raw_ticks(self, vmin, vmax):
        if self._nbins == 'auto':
            if self.axis is not None:
                nbins = min(max(self.axis.get_tick_space(), max(1, self._min_n_ticks - 1)), 9)
            else:
                nbins = 9
        else:
            nbins = self._nbins
        scale, offset = _scale_range(vmin, vmax, nbins)
        _vmin = vmin - offset
        _vmax = vmax - offset
        raw_step = (_vmax - _vmin) / nbins
        steps = [s * scale for s in self._extended_steps]
        if self._integer:
            steps = [s for s in steps if s < 1 or abs(s - round(s)) < 0.001]
        istep = 0
        while istep < len(steps) - 1 and steps[istep] < raw_step:
            istep += 1
        ticks = []
        for i in range(istep, -1, -1):
            step = steps[i]
            if self._integer and math.floor(_vmax) - math.ceil(_vmin) >= self._min_n_ticks - 1:
                step = max(1, step)
            best_vmin = (_vmin // step) * step
            edge = _EdgeInteger(step, offset)
            low = edge.le(_vmin - best_vmin)
            high = edge.ge(_vmax - best_vmin)
            ticks = [(k * step + best_vmin) for k in range(int(low), int(high) + 1)]
            nticks = sum(1 for t in ticks if _vmin <= t <= _vmax)
            if nticks >= self._min_n_ticks:
                break
        return [t + offset for t in ticks]

    def tick_values(self, vmin, vmax):
        if self._symmetric:
            vmax = max(abs(vmin), abs(vmax))
            vmin = -vmax
        vmin, vmax = _nonsingular(vmin, vmax, expander=1e-13, tiny=1e-14)
        locs = self._raw_ticks(vmin, vmax)
        if self._prune == 'lower':
            locs = locs[1:]
        elif self._prune == 'upper':
            locs = locs[:-1]
        elif self._prune == 'both':
            locs = locs[1:-1]
        return locs


class AutoLocator(MaxNLocator):
    def __init__(self):
        MaxNLocator.__init__(self, nbins='auto', steps=[1, 2, 2.5, 5, 10])


class MultipleLocator(Locator):
    def __init__(self, base=1.0):
        self._base = float(base)

    def tick_values(self, vmin, vmax):
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        step = self._base
        edge = _EdgeInteger(step, 0)
        low = edge.ge(vmin)
        high = edge.le(vmax)
        return [k * step for k in range(int(low), int(high) + 1)]


class LinearLocator(Locator):
    def __init__(self, numticks=None, presets=None):
        self.numticks = 11 if numticks is None else numticks

    def tick_values(self, vmin, vmax):
        return np.linspace(vmin, vmax, self.numticks).tolist()


class LogLocator(Locator):
    """Ticks at the powers of the base (every decade, or every few when there are many)."""

    def __init__(self, base=10.0, subs=(1.0,), numticks=None):
        self.base = float(base)
        self.subs = subs
        self.numticks = numticks

    def tick_values(self, vmin, vmax):
        numticks = self.numticks
        if numticks is None:
            numticks = max(1, min(self.axis.get_tick_space(), 9)) + 0 if self.axis is not None else 9
        if vmax < vmin:
            vmin, vmax = vmax, vmin
        if vmin <= 0:
            vmin = vmax * 1e-3 if vmax > 0 else 1e-300
        log_vmin = math.log(vmin) / math.log(self.base)
        log_vmax = math.log(vmax) / math.log(self.base)
        numdec = math.floor(log_vmax) - math.ceil(log_vmin)
        if isinstance(self.subs, str):
            subs = [1.0] if numdec > 10 or self.subs == 'auto' and numdec > 1 else [float(s) for s in range(2, int(self.base))]
        else:
            subs = [float(s) for s in self.subs]
        stride = max(math.ceil(numdec / (numticks - 1)), 1) if numticks > 1 else numdec + 1
        if stride >= numdec:
            stride = max(1, numdec - 1)
        decades = list(range(math.floor(log_vmin) - stride, math.ceil(log_vmax) + 2 * stride, stride))
        ticks = []
        for d in decades:
            for s in subs:
                ticks.append(s * self.base ** d)
        return ticks


class AutoMinorLocator(Locator):
    """Minor ticks between the majors: 5 intervals when the major step is 1 or 5 times a power of 10, else 4."""

    def __init__(self, n=None):
        self.ndivs = n

    def __call__(self):
        majors = [float(v) for v in self.axis.major_locator()]
        if len(majors) < 2:
            return []
        step = majors[1] - majors[0]
        ndivs = self.ndivs
        if ndivs is None:
            mantissa = 10 ** (math.log10(abs(step)) % 1)
            ndivs = 5 if any(abs(mantissa - m) < 1e-6 for m in (1.0, 5.0, 10.0)) else 4
        minor_step = step / ndivs
        low, high = sorted(self.axis.get_view_interval())
        start = math.floor((low - majors[0]) / minor_step)
        stop = math.ceil((high - majors[0]) / minor_step)
        return [majors[0] + k * minor_step for k in range(start, stop + 1)]


class Formatter:
    axis = None
    locs = []

    def set_axis(self, axis):
        self.axis = axis

    def set_locs(self, locs):
        self.locs = locs

    def format_ticks(self, values):
        self.set_locs(values)
        return [self(value, i) for i, value in enumerate(values)]

    def get_offset(self):
        return ''

    def __call__(self, x, pos=None):
        return ''


class NullFormatter(Formatter):
    pass


class FixedFormatter(Formatter):
    def __init__(self, seq):
        self.seq = list(seq)

    def __call__(self, x, pos=None):
        if pos is None or pos >= len(self.seq):
            return ''
        return str(self.seq[pos])


class FuncFormatter(Formatter):
    def __init__(self, func):
        self.func = func

    def __call__(self, x, pos=None):
        return self.func(x, pos)


class FormatStrFormatter(Formatter):
    def __init__(self, fmt):
        self.fmt = fmt

    def __call__(self, x, pos=None):
        return self.fmt % x


class StrMethodFormatter(Formatter):
    def __init__(self, fmt):
        self.fmt = fmt

    def __call__(self, x, pos=None):
        return self.fmt.format(x=x, pos=pos)


class PercentFormatter(Formatter):
    def __init__(self, xmax=100, decimals=None, symbol='%'):
        self.xmax = xmax
        self.decimals = decimals
        self.symbol = symbol

    def __call__(self, x, pos=None):
        value = 100.0 * x / self.xmax
        decimals = 0 if self.decimals is None else self.decimals
        return _fix_minus(('{:.' + str(decimals) + 'f}').format(value)) + self.symbol


class ScalarFormatter(Formatter):
    """Tick values as numbers, with a common offset or power of ten moved to the axis' end."""

    def __init__(self, useOffset=None, useMathText=None, useLocale=None):
        if useOffset is None:
            useOffset = matplotlib.rcParams['axes.formatter.useoffset']
        self._offset_threshold = matplotlib.rcParams['axes.formatter.offset_threshold']
        self.set_useOffset(useOffset)
        self.orderOfMagnitude = 0
        self.format = ''
        self._scientific = True
        self._powerlimits = matplotlib.rcParams['axes.formatter.limits']
        self.locs = []

    def set_useOffset(self, val):
        if val is True or val is False:
            self.offset = 0
            self._useOffset = val
        else:
            self._useOffset = False
            self.offset = val

    def get_useOffset(self):
        return self._useOffset

    def set_scientific(self, b):
        self._scientific = bool(b)

    def set_powerlimits(self, lims):
        self._powerlimits = lims

    def __call__(self, x, pos=None):
        if len(self.locs) == 0:
            return ''
        xp = (x - self.offset) / (10.0 ** self.orderOfMagnitude)
        if abs(xp) < 1e-8:
            xp = 0
        return _fix_minus(self.format % xp)

    def format_data(self, value):
        text = '%1.10e' % value
        mantissa, exponent = text.split('e')
        mantissa = mantissa.rstrip('0').rstrip('.')
        exponent = int(exponent)
        return mantissa + ('e%d' % exponent if exponent else '')

    def get_offset(self):
        if len(self.locs) == 0:
            return ''
        text = ''
        if self.orderOfMagnitude or self.offset:
            offset_text = ''
            sci_text = ''
            if self.offset:
                offset_text = self.format_data(self.offset)
                if self.offset > 0:
                    offset_text = '+' + offset_text
            if self.orderOfMagnitude:
                sci_text = '1e%d' % self.orderOfMagnitude
            text = sci_text + offset_text
        return _fix_minus(text)

    def set_locs(self, locs):
        self.locs = list(locs)
        if len(self.locs) > 0:
            if self._useOffset:
                self._compute_offset()
            self._set_order_of_magnitude()
            self._set_format()

    def _visible_locs(self):
        vmin, vmax = sorted(self.axis.get_view_interval())
        return [loc for loc in self.locs if vmin <= loc <= vmax]

    def _compute_offset(self):
        locs = self._visible_locs()
        if not locs:
            self.offset = 0
            return
        lmin, lmax = min(locs), max(locs)
        if lmin == lmax or lmin <= 0 <= lmax:
            self.offset = 0
            return
        abs_min, abs_max = sorted([abs(float(lmin)), abs(float(lmax))])
        sign = math.copysign(1, lmin)
        oom_max = math.ceil(math.log10(abs_max))
        oom = oom_max
        while abs_min // 10 ** oom == abs_max // 10 ** oom:
            oom -= 1
        oom += 1
        if (abs_max - abs_min) / 10 ** oom <= 1e-2:
            oom = oom_max
            while not (abs_max // 10 ** oom - abs_min // 10 ** oom > 1):
                oom -= 1
            oom += 1
        n = self._offset_threshold - 1
        self.offset = (sign * (abs_max // 10 ** oom) * 10 ** oom if abs_max // 10 ** oom >= 10 ** n else 0)

    def _set_order_of_magnitude(self):
        if not self._scientific:
            self.orderOfMagnitude = 0
            return
        if self._powerlimits[0] == self._powerlimits[1] != 0:
            self.orderOfMagnitude = self._powerlimits[0]
            return
        vmin, vmax = sorted(self.axis.get_view_interval())
        locs = [abs(loc) for loc in self._visible_locs()]
        if not locs:
            self.orderOfMagnitude = 0
            return
        if self.offset:
            oom = math.floor(math.log10(vmax - vmin))
        else:
            val = max(locs)
            oom = 0 if val == 0 else math.floor(math.log10(val))
        if oom <= self._powerlimits[0] or oom >= self._powerlimits[1]:
            self.orderOfMagnitude = oom
        else:
            self.orderOfMagnitude = 0

    def _set_format(self):
        if len(self.locs) < 2:
            values = list(self.locs) + list(self.axis.get_view_interval())
        else:
            values = list(self.locs)
        locs = np.array([(v - self.offset) / 10.0 ** self.orderOfMagnitude for v in values])
        loc_range = float(np.ptp(locs))
        if loc_range == 0:
            loc_range = float(np.max(np.abs(locs)))
        if loc_range == 0:
            loc_range = 1
        if len(self.locs) < 2:
            locs = locs[:-2]
        loc_range_oom = int(math.floor(math.log10(loc_range)))
        sigfigs = max(0, 3 - loc_range_oom)
        thresh = 1e-3 * 10 ** loc_range_oom
        while sigfigs >= 0:
            if len(locs) and float(np.abs(locs - np.round(locs, decimals=sigfigs)).max()) < thresh:
                sigfigs -= 1
            else:
                break
        sigfigs += 1
        self.format = '%1.' + str(sigfigs) + 'f'


class LogFormatterSciNotation(Formatter):
    """Decades as powers of the base: 10^k (drawn with a raised exponent)."""

    def __init__(self, base=10.0, labelOnlyBase=False):
        self.base = base
        self.labelOnlyBase = labelOnlyBase

    def __call__(self, x, pos=None):
        if x <= 0:
            return ''
        exponent = math.log(x) / math.log(self.base)
        rounded = round(exponent)
        if abs(exponent - rounded) > 1e-9:
            return ''
        base = '%g' % self.base
        return '$\\mathdefault{' + base + '^{' + _fix_minus('%d' % rounded) + '}}$'


LogFormatter = LogFormatterSciNotation
LogFormatterMathtext = LogFormatterSciNotation
