# collections: Counter, defaultdict, deque, namedtuple, OrderedDict, written in ramba's own language.
# ramba cannot subclass dict or tuple yet, so these are plain classes that behave like them
# (isinstance(c, dict) is False).


class _DictLike:
    # The mapping protocol over self._d, shared by the dict-like classes below.
    def __init__(self):
        self._d = {}

    def __getitem__(self, key):
        if key in self._d:
            return self._d[key]
        return self.__missing__(key)

    def __missing__(self, key):
        raise KeyError(key)

    def __setitem__(self, key, value):
        self._d[key] = value

    def __delitem__(self, key):
        del self._d[key]

    def __contains__(self, key):
        return key in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def __bool__(self):
        return len(self._d) > 0

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            return self._d == other._d
        return self._d == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, key, default=None):
        return self._d.get(key, default)

    def pop(self, key, *default):
        if key in self._d:
            return self._d.pop(key)
        if default:
            return default[0]
        raise KeyError(key)

    def popitem(self):
        if not self._d:
            raise KeyError("popitem(): dictionary is empty")
        return self._d.popitem()

    def setdefault(self, key, default=None):
        if key not in self._d:
            self._d[key] = default
        return self._d[key]

    def clear(self):
        self._d.clear()

    def update(self, other=(), **kwargs):
        if isinstance(other, _DictLike):
            other = other._d
        if hasattr(other, "keys"):
            for k in other.keys():
                self[k] = other[k]
        else:
            for k, v in other:
                self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def __or__(self, other):
        result = self.copy()
        result.update(other)
        return result


class defaultdict(_DictLike):
    def __init__(self, default_factory=None, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError("first argument must be callable or None")
        self._d = {}
        self.default_factory = default_factory
        if args:
            self.update(args[0])
        self.update(**kwargs)

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self._d[key] = value
        return value

    def copy(self):
        return defaultdict(self.default_factory, self._d)

    def __repr__(self):
        f = self.default_factory
        if f is None:
            name = "None"
        elif isinstance(f, type):
            name = repr(f)
        else:
            name = repr(f)
        return "defaultdict(" + name + ", " + repr(self._d) + ")"


class OrderedDict(_DictLike):
    def __init__(self, other=(), **kwargs):
        self._d = {}
        self.update(other, **kwargs)

    def move_to_end(self, key, last=True):
        value = self._d.pop(key)
        if last:
            self._d[key] = value
        else:
            rest = self._d
            self._d = {key: value}
            self._d.update(rest)

    def popitem(self, last=True):
        if not self._d:
            raise KeyError("dictionary is empty")
        if last:
            return self._d.popitem()
        key = next(iter(self._d))
        return (key, self._d.pop(key))

    def copy(self):
        return OrderedDict(self._d)

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        if isinstance(other, _DictLike):
            return self._d == other._d
        return self._d == other

    def __reversed__(self):
        return reversed(list(self._d))

    def __repr__(self):
        if not self._d:
            return "OrderedDict()"
        return "OrderedDict(" + repr(list(self._d.items())) + ")"


class Counter(_DictLike):
    def __init__(self, iterable=None, **kwargs):
        self._d = {}
        self.update(iterable, **kwargs)

    def __missing__(self, key):
        return 0

    def total(self):
        return sum(self._d.values())

    def most_common(self, n=None):
        ordered = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        if n is None:
            return ordered
        return ordered[:max(n, 0)]

    def elements(self):
        result = []
        for k, v in self._d.items():
            for _ in range(v):
                result.append(k)
        return iter(result)

    def update(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, _DictLike):
                iterable = iterable._d
            if isinstance(iterable, dict):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) + v
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) + 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) + v

    def subtract(self, iterable=None, **kwargs):
        if iterable is not None:
            if isinstance(iterable, _DictLike):
                iterable = iterable._d
            if isinstance(iterable, dict):
                for k, v in iterable.items():
                    self._d[k] = self._d.get(k, 0) - v
            else:
                for k in iterable:
                    self._d[k] = self._d.get(k, 0) - 1
        for k, v in kwargs.items():
            self._d[k] = self._d.get(k, 0) - v

    def copy(self):
        return Counter(self._d)

    def __delitem__(self, key):
        if key in self._d:
            del self._d[key]

    def __add__(self, other):
        result = Counter()
        for k, v in self._d.items():
            n = v + other[k]
            if n > 0:
                result._d[k] = n
        for k, v in other._d.items():
            if k not in self._d and v > 0:
                result._d[k] = v
        return result

    def __sub__(self, other):
        result = Counter()
        for k, v in self._d.items():
            n = v - other[k]
            if n > 0:
                result._d[k] = n
        for k, v in other._d.items():
            if k not in self._d and v < 0:
                result._d[k] = 0 - v
        return result

    def __or__(self, other):
        result = Counter()
        for k, v in self._d.items():
            n = max(v, other[k])
            if n > 0:
                result._d[k] = n
        for k, v in other._d.items():
            if k not in self._d and v > 0:
                result._d[k] = v
        return result

    def __and__(self, other):
        result = Counter()
        for k, v in self._d.items():
            n = min(v, other[k])
            if n > 0:
                result._d[k] = n
        return result

    def __pos__(self):
        result = Counter()
        for k, v in self._d.items():
            if v > 0:
                result._d[k] = v
        return result

    def __neg__(self):
        result = Counter()
        for k, v in self._d.items():
            if v < 0:
                result._d[k] = 0 - v
        return result

    def __eq__(self, other):
        if isinstance(other, _DictLike):
            other = other._d
        if not isinstance(other, dict):
            return False
        for k, v in self._d.items():
            if other.get(k, 0) != v:
                return False
        for k, v in other.items():
            if self._d.get(k, 0) != v:
                return False
        return True

    def __repr__(self):
        if not self._d:
            return "Counter()"
        parts = []
        for k, v in self.most_common():
            parts.append(repr(k) + ": " + repr(v))
        return "Counter({" + ", ".join(parts) + "})"


class deque:
    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            if not isinstance(maxlen, int):
                raise TypeError("an integer is required")
            if maxlen < 0:
                raise ValueError("maxlen must be non-negative")
        self.maxlen = maxlen
        self._items = []
        for x in iterable:
            self.append(x)

    def append(self, x):
        self._items.append(x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            del self._items[0]

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def extend(self, iterable):
        for x in list(iterable):
            self.append(x)

    def extendleft(self, iterable):
        for x in list(iterable):
            self.appendleft(x)

    def pop(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError("pop from an empty deque")
        return self._items.pop(0)

    def clear(self):
        self._items = []

    def copy(self):
        return deque(self._items, self.maxlen)

    def count(self, x):
        return self._items.count(x)

    def index(self, x, *args):
        try:
            return self._items.index(x, *args)
        except ValueError:
            raise ValueError(repr(x) + " is not in deque")

    def insert(self, i, x):
        if self.maxlen is not None and len(self._items) >= self.maxlen:
            raise IndexError("deque already at its maximum size")
        self._items.insert(i, x)

    def remove(self, x):
        try:
            self._items.remove(x)
        except ValueError:
            raise ValueError(repr(x) + " is not in deque")

    def reverse(self):
        self._items.reverse()

    def rotate(self, n=1):
        size = len(self._items)
        if size == 0:
            return
        n = n % size
        if n:
            self._items = self._items[size - n:] + self._items[:size - n]

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return len(self._items) > 0

    def __iter__(self):
        return iter(self._items)

    def __reversed__(self):
        return reversed(self._items)

    def __contains__(self, x):
        return x in self._items

    def _check_index(self, i):
        if not isinstance(i, int):
            raise TypeError("sequence index must be integer, not '" + type(i).__name__ + "'")
        if i < -len(self._items) or i >= len(self._items):
            raise IndexError("deque index out of range")

    def __getitem__(self, i):
        self._check_index(i)
        return self._items[i]

    def __setitem__(self, i, x):
        self._check_index(i)
        self._items[i] = x

    def __delitem__(self, i):
        self._check_index(i)
        del self._items[i]

    def __eq__(self, other):
        return isinstance(other, deque) and self._items == other._items

    def __add__(self, other):
        result = deque(self._items, self.maxlen)
        result.extend(other)
        return result

    def __repr__(self):
        if self.maxlen is None:
            return "deque(" + repr(self._items) + ")"
        return "deque(" + repr(self._items) + ", maxlen=" + str(self.maxlen) + ")"


class _TupleLike:
    # Instances of the classes namedtuple makes: self._values holds the fields in order.
    def __getitem__(self, i):
        return self._values[i]

    def __len__(self):
        return len(self._values)

    def __iter__(self):
        return iter(self._values)

    def __contains__(self, x):
        return x in self._values

    def __eq__(self, other):
        if isinstance(other, _TupleLike):
            return self._values == other._values
        return self._values == other

    def __ne__(self, other):
        return not self.__eq__(other)

    def __lt__(self, other):
        return self._values < tuple(other)

    def __le__(self, other):
        return self._values <= tuple(other)

    def __gt__(self, other):
        return self._values > tuple(other)

    def __ge__(self, other):
        return self._values >= tuple(other)

    def __hash__(self):
        return hash(self._values)

    def __add__(self, other):
        return self._values + tuple(other)

    def __setattr__(self, name, value):
        raise AttributeError("can't set attribute")

    def count(self, x):
        return self._values.count(x)

    def index(self, x):
        return self._values.index(x)

    def _asdict(self):
        return dict(zip(self._fields, self._values))

    def _replace(self, **kwargs):
        values = []
        for name, value in zip(self._fields, self._values):
            if name in kwargs:
                values.append(kwargs.pop(name))
            else:
                values.append(value)
        if kwargs:
            raise ValueError("Got unexpected field names: " + repr(list(kwargs)))
        return type(self)(*values)

    def __repr__(self):
        parts = []
        for name, value in zip(self._fields, self._values):
            parts.append(name + "=" + repr(value))
        return type(self).__name__ + "(" + ", ".join(parts) + ")"


def _field_property(index):
    return property(lambda self: self._values[index])


def _is_identifier(name):
    if not name or name[0].isdigit():
        return False
    for ch in name:
        if not (ch.isalnum() or ch == "_"):
            return False
    return True


def namedtuple(typename, field_names, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(",", " ").split()
    fields = tuple(field_names)
    for name in (typename,) + fields:
        if not _is_identifier(name):
            raise ValueError("Type names and field names must be valid identifiers: " + repr(name))
    seen = set()
    for name in fields:
        if name.startswith("_"):
            raise ValueError("Field names cannot start with an underscore: " + repr(name))
        if name in seen:
            raise ValueError("Encountered duplicate field name: " + repr(name))
        seen.add(name)
    defaults = tuple(defaults) if defaults is not None else ()
    if len(defaults) > len(fields):
        raise TypeError("Got more default values than field names")
    field_defaults = dict(zip(fields[len(fields) - len(defaults):], defaults))

    def __init__(self, *args, **kwargs):
        if len(args) > len(fields):
            raise TypeError(typename + ".__new__() takes " + str(len(fields) + 1) + " positional arguments but "
                            + str(len(args) + 1) + " were given")
        values = list(args)
        for name in fields[len(args):]:
            if name in kwargs:
                values.append(kwargs.pop(name))
            elif name in field_defaults:
                values.append(field_defaults[name])
            else:
                missing = [repr(n) for n in fields[len(values):] if n not in kwargs and n not in field_defaults]
                if len(missing) == 1:
                    listed = missing[0]
                else:
                    listed = ", ".join(missing[:-1]) + " and " + missing[-1]
                raise TypeError(typename + ".__new__() missing " + str(len(missing)) + " required positional argument"
                                + ("s" if len(missing) > 1 else "") + ": " + listed)
        if kwargs:
            name = next(iter(kwargs))
            if name in fields:
                raise TypeError(typename + ".__new__() got multiple values for argument " + repr(name))
            raise TypeError(typename + ".__new__() got an unexpected keyword argument " + repr(name))
        object.__setattr__(self, "_values", tuple(values))

    namespace = {"__init__": __init__, "_fields": fields, "_field_defaults": field_defaults}
    for i, name in enumerate(fields):
        namespace[name] = _field_property(i)
    cls = type(typename, (_TupleLike,), namespace)

    def _make(iterable):
        return cls(*iterable)

    cls._make = staticmethod(_make)
    return cls
