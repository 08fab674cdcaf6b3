# enum, written in ramba's own language. Python builds members in the metaclass EnumType; ramba's
# classes cannot take a metaclass yet, so Enum.__init_subclass__ turns the class's plain attributes
# into members, and the class-level hooks __class_iter__/__class_len__/__class_contains__/
# __class_getitem__ (see interpreter/values/value.hpp call_class_hook) give `for m in Color`,
# `len(Color)`, `m in Color` and `Color['RED']`.


class auto:
    def __init__(self):
        self.value = None

    def __repr__(self):
        return "auto(" + repr(self.value) + ")"


def _is_descriptor(value):
    if callable(value) and not isinstance(value, auto):
        return True
    for kind in (property, classmethod, staticmethod):
        if isinstance(value, kind):
            return True
    return False


def _is_private(cls_name, name):
    return name.startswith("_" + cls_name + "__")


class Enum:
    _member_names_ = []
    _member_map_ = {}
    _value2member_map_ = {}

    def __init_subclass__(cls):
        members = {}
        names = []
        by_value = {}
        last_values = []
        candidates = [(name, value) for name, value in cls.__dict__.items()
                      if not (name.startswith("_") and (name.endswith("_") or _is_private(cls.__name__, name)))
                      and not _is_descriptor(value)]
        if candidates and cls._member_names_:
            raise TypeError("<enum " + repr(cls.__name__) + "> cannot extend " + repr(cls.__mro__[1]))
        for name, value in candidates:
            if isinstance(value, auto):
                if value.value is None:
                    value.value = cls._generate_next_value_(name, 1, len(names), list(last_values))
                value = value.value
            last_values.append(value)
            if value in by_value:
                member = by_value[value]
            else:
                member = cls._new_member_(value)
                object.__setattr__(member, "_name_", name)
                names.append(name)
                by_value[value] = member
            members[name] = member
            setattr(cls, name, member)
        cls._member_names_ = names
        cls._member_map_ = members
        cls._value2member_map_ = by_value
        cls.__members__ = dict(members)

    @classmethod
    def _new_member_(cls, value):
        member = object.__new__(cls)
        object.__setattr__(member, "_value_", value)
        if cls.__init__ is not Enum.__init__:
            args = value if isinstance(value, tuple) else (value,)
            member.__init__(*args)
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for value in reversed(last_values):
            if isinstance(value, int):
                return value + 1
        return start

    def __new__(cls, value):
        if isinstance(value, cls):
            return value
        member = cls._value2member_map_.get(value)
        if member is None:
            missing = cls._missing_(value)
            if missing is not None:
                return missing
            raise ValueError(repr(value) + " is not a valid " + cls.__qualname__)
        return member

    def __init__(self, *args):
        pass

    @classmethod
    def _missing_(cls, value):
        return None

    def __class_iter__(cls):
        return iter([cls._member_map_[name] for name in cls._member_names_])

    def __class_len__(cls):
        return len(cls._member_names_)

    def __class_contains__(cls, member):
        if not isinstance(member, Enum):
            raise TypeError("unsupported operand type(s) for 'in': '" + type(member).__qualname__
                            + "' and 'EnumType'")
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __class_getitem__(cls, name):
        if name not in cls._member_map_:
            raise KeyError(name)
        return cls._member_map_[name]

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __setattr__(self, key, value):
        if key in ("name", "value", "_name_", "_value_"):
            raise AttributeError("cannot assign to member attribute " + repr(key))
        object.__setattr__(self, key, value)

    def __repr__(self):
        return "<" + type(self).__qualname__ + "." + self._name_ + ": " + repr(self._value_) + ">"

    def __str__(self):
        return type(self).__qualname__ + "." + self._name_

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        return self is other

    def __ne__(self, other):
        return self is not other

    def __reduce_ex__(self, proto):
        return (type(self), (self._value_,))


class IntEnum(Enum):
    # Members compare, hash and compute as their int values; str() is the value (Python 3.11).
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __float__(self):
        return float(self._value_)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        return self._value_ == _plain(other)

    def __ne__(self, other):
        return self._value_ != _plain(other)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __sub__(self, other):
        return self._value_ - _plain(other)

    def __rsub__(self, other):
        return _plain(other) - self._value_

    def __mul__(self, other):
        return self._value_ * _plain(other)

    def __rmul__(self, other):
        return _plain(other) * self._value_

    def __floordiv__(self, other):
        return self._value_ // _plain(other)

    def __truediv__(self, other):
        return self._value_ / _plain(other)

    def __mod__(self, other):
        return self._value_ % _plain(other)

    def __neg__(self):
        return -self._value_

    def __bool__(self):
        return self._value_ != 0


class StrEnum(Enum):
    # Members compare and print as their string values.
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __str__(self):
        return self._value_

    def __format__(self, spec):
        return format(self._value_, spec)

    def __hash__(self):
        return hash(self._value_)

    def __eq__(self, other):
        return self._value_ == _plain(other)

    def __ne__(self, other):
        return self._value_ != _plain(other)

    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __add__(self, other):
        return self._value_ + _plain(other)

    def __radd__(self, other):
        return _plain(other) + self._value_

    def __len__(self):
        return len(self._value_)


def _plain(value):
    if isinstance(value, Enum):
        return value._value_
    return value


def unique(enumeration):
    duplicates = []
    for name, member in enumeration._member_map_.items():
        if name != member._name_:
            duplicates.append(name + " -> " + member._name_)
    if duplicates:
        raise ValueError("duplicate values found in <enum " + repr(enumeration.__name__) + ">: " + ", ".join(duplicates))
    return enumeration
