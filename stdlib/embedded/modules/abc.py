# abc, written in ramba's own language: ABC and abstractmethod. Functions cannot carry attributes in
# ramba yet, so abstractmethod records the function it marks here (Python sets __isabstractmethod__).

_abstract = []


def _is_abstract(value):
    for f in _abstract:
        if f is value:
            return True
    return getattr(value, "__isabstractmethod__", False) is True


def abstractmethod(function):
    _abstract.append(function)
    return function


class ABCMeta:
    pass


class ABC:
    __abstractmethods__ = frozenset()

    def __init_subclass__(cls, **kwargs):
        names = []
        seen = set()
        for klass in cls.__mro__:
            for name, value in getattr(klass, "__dict__", {}).items():
                if name in seen:
                    continue
                seen.add(name)
                if _is_abstract(value):
                    names.append(name)
        cls.__abstractmethods__ = frozenset(names)

    def __new__(cls, *args, **kwargs):
        abstract = sorted(cls.__abstractmethods__)
        if abstract:
            raise TypeError("Can't instantiate abstract class " + cls.__name__ + " with abstract method"
                            + ("s" if len(abstract) > 1 else "") + " " + ", ".join(abstract))
        return object.__new__(cls)
