// Evaluation semantics: each program's expected output was printed by /usr/bin/python3.
// Covers what script tests see poorly: argument binding, scopes, unpacking, control flow.
#include <catch2/catch.hpp>

#include "tests/unit/eval/eval_helpers.hpp"

using ramba::test::eval::output_of;

TEST_CASE("binding: defaults and keywords", "[eval]")
{
    CHECK(output_of(R"ramba(def f(a, b=2, *args, c, d=4, **kw):
    print(a, b, args, c, d, sorted(kw.items()))
f(1, c=3)
f(1, 5, 6, 7, c=8, z=9, y=10)
f(b=1, a=0, c=2, d=3)
)ramba") == R"ramba(1 2 () 3 4 []
1 5 (6, 7) 8 4 [('y', 10), ('z', 9)]
0 1 () 2 3 []
)ramba");
}

TEST_CASE("binding: missing and extra arguments are TypeErrors", "[eval]")
{
    CHECK(output_of(R"ramba(def f(a, b): pass
def g(a, b=1): pass
def h(a, *, k): pass
for call in (lambda: f(1), lambda: f(1, 2, 3), lambda: g(1, 2, 3), lambda: g(1, z=3), lambda: g(1, a=2), lambda: h(1), lambda: f()):
    try:
        call()
    except TypeError as e:
        print(e)
)ramba") == R"ramba(f() missing 1 required positional argument: 'b'
f() takes 2 positional arguments but 3 were given
g() takes from 1 to 2 positional arguments but 3 were given
g() got an unexpected keyword argument 'z'
g() got multiple values for argument 'a'
h() missing 1 required keyword-only argument: 'k'
f() missing 2 required positional arguments: 'a' and 'b'
)ramba");
}

TEST_CASE("binding: star arguments and keyword mappings", "[eval]")
{
    CHECK(output_of(R"ramba(def f(*args, **kwargs):
    return args, sorted(kwargs.items())
print(f(*[1, 2], 3, *(4,), x=1, **{'y': 2}))
print(f())
)ramba") == R"ramba(((1, 2, 3, 4), [('x', 1), ('y', 2)])
((), [])
)ramba");
}

TEST_CASE("closures read and write enclosing scopes", "[eval]")
{
    CHECK(output_of(R"ramba(def counter():
    n = 0
    def step(by=1):
        nonlocal n
        n += by
        return n
    return step
c = counter()
c(); c(5)
print(c())
adders = [lambda x, k=k: x + k for k in range(3)]
print([a(10) for a in adders])
def outer():
    x = 1
    def inner():
        return x * 2
    x = 5
    return inner()
print(outer())
)ramba") == R"ramba(7
[10, 11, 12]
10
)ramba");
}

TEST_CASE("global declarations", "[eval]")
{
    CHECK(output_of(R"ramba(total = 0
def add(v):
    global total
    total += v
for i in range(5):
    add(i)
print(total)
)ramba") == R"ramba(10
)ramba");
}

TEST_CASE("unpacking", "[eval]")
{
    CHECK(output_of(R"ramba(a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
*e, f = [1]
print(e, f)
for x, y in [(1, 2), (3, 4)]:
    print(x + y)
def u1():
    a, b = 1, 2, 3
def u2():
    a, b, c = [1, 2]
def u3():
    a, *b, c = [1]
def u4():
    a, b = 5
for u in (u1, u2, u3, u4):
    try:
        u()
    except (ValueError, TypeError) as err:
        print(type(err).__name__, err)
)ramba") == R"ramba(1 2 3 [4, 5]
[] 1
3
7
ValueError too many values to unpack (expected 2)
ValueError not enough values to unpack (expected 3, got 2)
ValueError not enough values to unpack (expected at least 2, got 1)
TypeError cannot unpack non-iterable int object
)ramba");
}

TEST_CASE("chained comparisons evaluate the middle once", "[eval]")
{
    CHECK(output_of(R"ramba(def mid():
    print('mid')
    return 2
print(1 < mid() < 3)
print(3 < mid() < 1)
print(1 < 2 > 0 == 0 != 1)
)ramba") == R"ramba(mid
True
mid
False
True
)ramba");
}

TEST_CASE("and/or return operands", "[eval]")
{
    CHECK(output_of(R"ramba(print(0 or 'x', 1 and [], [] or {}, None and 1, 2 or 1/0, 0 and 1/0)
)ramba") == R"ramba(x [] {} None 2 0
)ramba");
}

TEST_CASE("comprehension variables do not leak", "[eval]")
{
    CHECK(output_of(R"ramba(x = 'outer'
squares = [x * x for x in range(4) if x != 2]
print(squares, x)
print({k: v for k, v in zip('ab', [1, 2])})
print([(i, j) for i in range(3) for j in range(i)])
)ramba") == R"ramba([0, 1, 9] outer
{'a': 1, 'b': 2}
[(1, 0), (2, 0), (2, 1)]
)ramba");
}

TEST_CASE("decorators apply innermost first", "[eval]")
{
    CHECK(output_of(R"ramba(def tag(name):
    def wrap(f):
        def inner(*a):
            return name + '(' + f(*a) + ')'
        return inner
    return wrap
@tag('a')
@tag('b')
def g(x):
    return x
print(g('x'))
)ramba") == R"ramba(a(b(x))
)ramba");
}

TEST_CASE("try/except/else/finally", "[eval]")
{
    CHECK(output_of(R"ramba(def f(n):
    try:
        if n == 0:
            raise ValueError('zero')
        r = 10 // n
    except ValueError as e:
        print('caught', e, e.args)
        return -1
    except ArithmeticError:
        return -2
    else:
        print('else', r)
        return r
    finally:
        print('finally', n)
print(f(0), f(5))
def g():
    try:
        return 1
    finally:
        return 2
print(g())
for i in range(3):
    try:
        if i == 1:
            break
    finally:
        print('loop finally', i)
try:
    try:
        {}['k']
    except KeyError:
        raise
except LookupError as e:
    print('reraised', type(e).__name__, e)
try:
    raise TypeError('x') from ValueError('y')
except (ValueError, TypeError) as e:
    print(type(e).__name__, e)
)ramba") == R"ramba(caught zero ('zero',)
finally 0
else 2
finally 5
-1 2
2
loop finally 0
loop finally 1
reraised KeyError 'k'
TypeError x
)ramba");
}

TEST_CASE("exception names are unbound after the handler", "[eval]")
{
    CHECK(output_of(R"ramba(try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    e
except NameError as err:
    print(err)
)ramba") == R"ramba(name 'e' is not defined
)ramba");
}

TEST_CASE("recursion limit is a catchable RecursionError", "[eval]")
{
    CHECK(output_of(R"ramba(def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(e)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(20))
)ramba") == R"ramba(maximum recursion depth exceeded
6765
)ramba");
}

TEST_CASE("del names and items", "[eval]")
{
    CHECK(output_of(R"ramba(x = 1
l = [1, 2, 3]
d = {'a': 1, 'b': 2}
del x, l[0], d['a']
print(l, d)
try:
    x
except NameError as e:
    print(e)
)ramba") == R"ramba([2, 3] {'b': 2}
name 'x' is not defined
)ramba");
}

TEST_CASE("while/for else and loop control", "[eval]")
{
    CHECK(output_of(R"ramba(for i in range(5):
    if i == 3:
        break
else:
    print('no')
for i in range(2):
    pass
else:
    print('for else', i)
n = 0
while n < 10:
    n += 1
    if n % 2:
        continue
    if n > 6:
        break
print(n)
)ramba") == R"ramba(for else 1
8
)ramba");
}

TEST_CASE("int arithmetic follows Python", "[eval]")
{
    CHECK(output_of(R"ramba(print(-7 // 2, -7 % 2, 7 // -2, 7 % -2, 7 / 2, 2 ** 10, -2 ** 2, ~5, 5 & 3, 5 | 3, 5 ^ 3, 1 << 4, -16 >> 2)
print(1 + 2.5, 3 * 0.5, 10 / 4, 1e300 * 10, -0.0)
print(9223372036854775807 - 1, -9223372036854775807 - 1)
)ramba") == R"ramba(-4 1 -4 -1 3.5 1024 -4 -6 1 7 6 16 -4
3.5 1.5 2.5 1e+301 -0.0
9223372036854775806 -9223372036854775808
)ramba");
}

TEST_CASE("f-strings", "[eval]")
{
    CHECK(output_of(R"ramba(x = 3.14159
name = 'ramba'
print(f'{name!r} {x:.2f} {x=} {{}} {3 + 4:>5}|')
)ramba") == R"ramba('ramba' 3.14 x=3.14159 {}     7|
)ramba");
}

TEST_CASE("lambda and conditional expressions", "[eval]")
{
    CHECK(output_of(R"ramba(f = lambda a, b=2: a * b if a > 0 else -1
print(f(3), f(3, 3), f(-1), f.__name__)
)ramba") == R"ramba(6 9 -1 <lambda>
)ramba");
}

TEST_CASE("assert", "[eval]")
{
    CHECK(output_of(R"ramba(try:
    assert 1 == 2, 'one is not two'
except AssertionError as e:
    print('AssertionError', e)
assert True
)ramba") == R"ramba(AssertionError one is not two
)ramba");
}

TEST_CASE("imports", "[eval]")
{
    CHECK(output_of(R"ramba(import math
from math import sqrt, pi as PI
print(sqrt(16.0), PI == math.pi)
try:
    import nosuchmodule
except ImportError as e:
    print(type(e).__name__, e)
try:
    from math import nosuchname
except ImportError as e:
    print(type(e).__name__, e)
)ramba") == R"ramba(4.0 True
ModuleNotFoundError No module named 'nosuchmodule'
ImportError cannot import name 'nosuchname' from 'math' (unknown location)
)ramba");
}

TEST_CASE("slices and subscripts", "[eval]")
{
    CHECK(output_of(R"ramba(l = list(range(10))
print(l[2:5], l[::-3], l[-2:], l[:-8])
l[1] = 'x'
l[-1] = 'y'
print(l)
t = (1, 2, 3)
print(t[-1], 'hello'[1:4])
)ramba") == R"ramba([2, 3, 4] [9, 6, 3, 0] [8, 9] [0, 1]
[0, 'x', 2, 3, 4, 5, 6, 7, 8, 'y']
3 ell
)ramba");
}

TEST_CASE("in-place operators on containers", "[eval]")
{
    CHECK(output_of(R"ramba(a = [1]
b = a
a += [2]
print(a, b, a is b)
s = 'x'
s += 'y'
print(s)
d = {'k': 1}
d['k'] += 5
print(d)
)ramba") == R"ramba([1, 2] [1, 2] True
xy
{'k': 6}
)ramba");
}
