"""Shapes around numpy arrays, imported by the imports/ scripts."""
import numpy as np

UNIT = 1.0
_created = 0


class Shape:
    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}(area={self.area():.3f})"


class Circle(Shape):
    def __init__(self, r):
        global _created
        _created += 1
        self.r = r

    def area(self):
        return np.pi * self.r ** 2


class Square(Shape):
    def __init__(self, side):
        global _created
        _created += 1
        self.side = side

    def area(self):
        return self.side ** 2 * UNIT


def created():
    return _created


def total_area(shapes):
    return float(np.sum(np.array([s.area() for s in shapes])))
