# dataclasses, written in ramba's own language: @dataclass reads the class's __annotations__ (kept by
# ramba's class statement) and adds __init__, __repr__, __eq__ and, on request, ordering and frozenness.


class FrozenInstanceError(AttributeError):
    pass


class _MissingType:
    def __repr__(self):
        return "MISSING"


MISSING = _MissingType()


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return ("Field(name=" + repr(self.name) + ",type=" + repr(self.type) + ",default=" + repr(self.default)
                + ",default_factory=" + repr(self.default_factory) + ",init=" + repr(self.init)
                + ",repr=" + repr(self.repr) + ",hash=" + repr(self.hash) + ",compare=" + repr(self.compare)
                + ",metadata=" + repr(self.metadata) + ",kw_only=" + repr(self.kw_only) + ")")


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True, hash=None, compare=True,
          metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError("cannot specify both default and default_factory")
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_mutable_default(value):
    return isinstance(value, (list, dict, set))


def _own_annotations(cls):
    return cls.__dict__.get("__annotations__", {})


def _collect_fields(cls, kw_only_default):
    fields = {}
    for base in reversed(cls.__mro__[1:]):
        base_fields = getattr(base, "__dict__", {}).get("__dataclass_fields__")
        if base_fields is not None:
            for f in base_fields.values():
                fields[f.name] = f
    for name, type_ in _own_annotations(cls).items():
        default = cls.__dict__.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            f = Field(default, MISSING, True, True, None, True, None, MISSING)
        f.name = name
        f.type = type_
        if f.kw_only is MISSING:
            f.kw_only = kw_only_default
        if f.default_factory is MISSING and _is_mutable_default(f.default):
            raise ValueError("mutable default " + repr(type(f.default)) + " for field " + name
                             + " is not allowed: use default_factory")
        if name in cls.__dict__:
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    return fields


def _plural(names):
    quoted = [repr(n) for n in names]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _make_init(cls, fields, frozen):
    positional = [f for f in fields if f.init and not f.kw_only]
    keyword_only = [f for f in fields if f.init and f.kw_only]
    qualname = cls.__qualname__
    seen_default = False
    for f in positional:
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if seen_default and not has_default:
            raise TypeError("non-default argument " + repr(f.name) + " follows default argument")
        seen_default = seen_default or has_default

    def __init__(self, *args, **kwargs):
        if len(args) > len(positional):
            raise TypeError(qualname + ".__init__() takes " + str(len(positional) + 1)
                            + " positional argument" + ("s" if len(positional) else "") + " but "
                            + str(len(args) + 1) + " were given")
        for name in kwargs:
            known = False
            for f in positional + keyword_only:
                if f.name == name:
                    known = True
            if not known:
                raise TypeError(qualname + ".__init__() got an unexpected keyword argument " + repr(name))
        values = {}
        missing = []
        for i, f in enumerate(positional):
            if i < len(args):
                if f.name in kwargs:
                    raise TypeError(qualname + ".__init__() got multiple values for argument " + repr(f.name))
                values[f.name] = args[i]
            elif f.name in kwargs:
                values[f.name] = kwargs[f.name]
            elif f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            else:
                missing.append(f.name)
        if missing:
            raise TypeError(qualname + ".__init__() missing " + str(len(missing)) + " required positional argument"
                            + ("s" if len(missing) > 1 else "") + ": " + _plural(missing))
        for f in keyword_only:
            if f.name in kwargs:
                values[f.name] = kwargs[f.name]
            elif f.default is not MISSING:
                values[f.name] = f.default
            elif f.default_factory is not MISSING:
                values[f.name] = f.default_factory()
            else:
                missing.append(f.name)
        if missing:
            raise TypeError(qualname + ".__init__() missing " + str(len(missing)) + " required keyword-only argument"
                            + ("s" if len(missing) > 1 else "") + ": " + _plural(missing))
        for f in fields:
            if not f.init:
                if f.default is not MISSING:
                    values[f.name] = f.default
                elif f.default_factory is not MISSING:
                    values[f.name] = f.default_factory()
                else:
                    continue
            if frozen:
                object.__setattr__(self, f.name, values[f.name])
            else:
                setattr(self, f.name, values[f.name])
        post_init = getattr(self, "__post_init__", None)
        if post_init is not None:
            post_init()

    return __init__


def _compared(obj):
    return tuple([getattr(obj, f.name) for f in obj.__dataclass_fields__.values() if f.compare])


def _dataclass_repr(self):
    parts = []
    for f in self.__dataclass_fields__.values():
        if f.repr:
            parts.append(f.name + "=" + repr(getattr(self, f.name)))
    return type(self).__qualname__ + "(" + ", ".join(parts) + ")"


def _dataclass_eq(self, other):
    if type(other) is not type(self):
        return NotImplemented
    return _compared(self) == _compared(other)


def _order_method(op):
    def method(self, other):
        if type(other) is not type(self):
            return NotImplemented
        a = _compared(self)
        b = _compared(other)
        if op == "<":
            return a < b
        if op == "<=":
            return a <= b
        if op == ">":
            return a > b
        return a >= b
    return method


def _frozen_setattr(self, name, value):
    raise FrozenInstanceError("cannot assign to field " + repr(name))


def _frozen_delattr(self, name):
    raise FrozenInstanceError("cannot delete field " + repr(name))


def _frozen_hash(self):
    return hash(_compared(self))


def _process(cls, init, repr, eq, order, unsafe_hash, frozen, kw_only):
    if order and not eq:
        raise ValueError("eq must be true if order is true")
    fields = _collect_fields(cls, kw_only)
    cls.__dataclass_fields__ = fields
    field_list = list(fields.values())
    if init:
        cls.__init__ = _make_init(cls, field_list, frozen)
    if repr and "__repr__" not in cls.__dict__:
        cls.__repr__ = _dataclass_repr
    if eq and "__eq__" not in cls.__dict__:
        cls.__eq__ = _dataclass_eq
    if order:
        for name, op in (("__lt__", "<"), ("__le__", "<="), ("__gt__", ">"), ("__ge__", ">=")):
            if name in cls.__dict__:
                raise TypeError("Cannot overwrite attribute " + name + " in class " + cls.__name__
                                + ". Consider using functools.total_ordering")
            setattr(cls, name, _order_method(op))
    if frozen:
        cls.__setattr__ = _frozen_setattr
        cls.__delattr__ = _frozen_delattr
    if unsafe_hash or (eq and frozen):
        cls.__hash__ = _frozen_hash
    cls.__match_args__ = tuple([f.name for f in field_list if f.init])
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False,
              match_args=True, kw_only=False, slots=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, unsafe_hash, frozen, kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")


def fields(class_or_instance):
    fs = getattr(class_or_instance, "__dataclass_fields__", None)
    if fs is None:
        raise TypeError("must be called with a dataclass type or instance")
    return tuple(fs.values())


def _copy_value(value, convert, factory):
    if hasattr(value, "__dataclass_fields__") and not isinstance(value, type):
        return convert(value, factory)
    if isinstance(value, list):
        return [_copy_value(v, convert, factory) for v in value]
    if isinstance(value, tuple):
        return tuple([_copy_value(v, convert, factory) for v in value])
    if isinstance(value, dict):
        return {_copy_value(k, convert, factory): _copy_value(v, convert, factory) for k, v in value.items()}
    return value


def _asdict(obj, dict_factory):
    pairs = [(f.name, _copy_value(getattr(obj, f.name), _asdict, dict_factory)) for f in fields(obj)]
    return dict_factory(pairs)


def _astuple(obj, tuple_factory):
    return tuple_factory([_copy_value(getattr(obj, f.name), _astuple, tuple_factory) for f in fields(obj)])


def asdict(obj, *, dict_factory=dict):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("asdict() should be called on dataclass instances")
    return _asdict(obj, dict_factory)


def astuple(obj, *, tuple_factory=tuple):
    if not is_dataclass(obj) or isinstance(obj, type):
        raise TypeError("astuple() should be called on dataclass instances")
    return _astuple(obj, tuple_factory)


def replace(obj, **changes):
    for f in fields(obj):
        if not f.init and f.name in changes:
            raise ValueError("field " + f.name + " is declared with init=False, it cannot be specified with replace()")
        if f.init and f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return type(obj)(**changes)
