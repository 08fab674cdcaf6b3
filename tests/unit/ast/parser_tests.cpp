// Parser and AST builder tests: every construct of the language, checked through the AST dump.
#include <catch2/catch.hpp>

#include "tests/unit/ast/ast_test_helpers.hpp"

using ramba::ast_test::dump_of;

TEST_CASE("ast: operator precedence", "[ast]")
{
    CHECK(dump_of(R"(x = -2**2
y = 2**-1
z = not a == b
w = a if b else c if d else e
v = a | b ^ c & d << 1 + 2 * 3 @ m // 4 % 5 - ~e
n = not a and b or c
)") == R"(Module locals=0
  Assign @1:1
    target: Name x [global 0]
    value: UnaryOp -
      BinOp **
        Constant 2
        Constant 2
  Assign @2:1
    target: Name y [global 1]
    value: BinOp **
      Constant 2
      Constant -1
  Assign @3:1
    target: Name z [global 4]
    value: UnaryOp not
      Compare
        Name a [global 2]
        == Name b [global 3]
  Assign @4:1
    target: Name w [global 8]
    value: IfExp
      test: Name b [global 3]
      body: Name a [global 2]
      else: IfExp
        test: Name d [global 5]
        body: Name c [global 6]
        else: Name e [global 7]
  Assign @5:1
    target: Name v [global 10]
    value: BinOp |
      Name a [global 2]
      BinOp ^
        Name b [global 3]
        BinOp &
          Name c [global 6]
          BinOp <<
            Name d [global 5]
            BinOp -
              BinOp +
                Constant 1
                BinOp %
                  BinOp //
                    BinOp @
                      BinOp *
                        Constant 2
                        Constant 3
                      Name m [global 9]
                    Constant 4
                  Constant 5
              UnaryOp ~
                Name e [global 7]
  Assign @6:1
    target: Name n [global 11]
    value: BoolOp or
      BoolOp and
        UnaryOp not
          Name a [global 2]
        Name b [global 3]
      Name c [global 6]
)");
}

TEST_CASE("ast: assignment forms", "[ast]")
{
    CHECK(dump_of(R"(a = b = c = 1
x, *y = t
[p, q] = r
d[1], o.f = 1, 2
x += 1; y **= 2
z: int = 3
)") == R"(Module locals=0
  Assign @1:1
    target: Name a [global 0]
    target: Name b [global 1]
    target: Name c [global 2]
    value: Constant 1
  Assign @2:1
    target: Tuple
      Name x [global 4]
      Starred
        Name y [global 5]
    value: Name t [global 3]
  Assign @3:1
    target: List
      Name p [global 7]
      Name q [global 8]
    value: Name r [global 6]
  Assign @4:1
    target: Tuple
      Subscript
        Name d [global 9]
        index: Constant 1
      Attribute .f
        Name o [global 10]
    value: Tuple
      Constant 1
      Constant 2
  AugAssign += @5:1
    target: Name x [global 4]
    value: Constant 1
  AugAssign **= @5:9
    target: Name y [global 5]
    value: Constant 2
  Assign @6:1
    target: Name z [global 11]
    value: Constant 3
)");
}

TEST_CASE("ast: chained comparisons", "[ast]")
{
    CHECK(dump_of(R"(x = a < b <= c != d
y = a is not b
z = a not in b
w = (a < b) < c
)") == R"(Module locals=0
  Assign @1:1
    target: Name x [global 4]
    value: Compare
      Name a [global 0]
      < Name b [global 1]
      <= Name c [global 2]
      != Name d [global 3]
  Assign @2:1
    target: Name y [global 5]
    value: Compare
      Name a [global 0]
      is not Name b [global 1]
  Assign @3:1
    target: Name z [global 6]
    value: Compare
      Name a [global 0]
      not in Name b [global 1]
  Assign @4:1
    target: Name w [global 7]
    value: Compare
      Compare
        Name a [global 0]
        < Name b [global 1]
      < Name c [global 2]
)");
}

TEST_CASE("ast: subscripts and slices", "[ast]")
{
    CHECK(dump_of(R"(a[1:2, ::3, None, ..., :]
a[:]
a[::-1]
a[i]
a[1,]
)") == R"(Module locals=0
  Expr @1:1
    Subscript
      Name a [global 0]
      index: Tuple
        Slice
          lower: Constant 1
          upper: Constant 2
        Slice
          step: Constant 3
        Constant None
        Constant ...
        Slice
  Expr @2:1
    Subscript
      Name a [global 0]
      index: Slice
  Expr @3:1
    Subscript
      Name a [global 0]
      index: Slice
        step: Constant -1
  Expr @4:1
    Subscript
      Name a [global 0]
      index: Name i [global 1]
  Expr @5:1
    Subscript
      Name a [global 0]
      index: Tuple
        Constant 1
)");
}

TEST_CASE("ast: calls, generator arguments and lambda", "[ast]")
{
    CHECK(dump_of(R"(f(1, *a, k=2, **kw)
sum(x * x for x in y)
lambda a, *b, c=1, **d: a
f()
)") == R"(Module locals=0
  Expr @1:1
    Call
      func: Name f [global 0]
      arg: Constant 1
      arg: Starred
        Name a [global 1]
      k=Constant 2
      **Name kw [global 2]
  Expr @2:1
    Call
      func: Name sum [global 3]
      arg: GeneratorExp
        iterable: Name y [global 4]
        frame locals=2 cells=0 own_cells=0 free_sources=[]
        param .0 [local 0]
        Expr @2:5
          YieldComp
            element: BinOp *
              Name x [local 1]
              Name x [local 1]
            for
              target: Name x [local 1]
              iter: Name .0 [local 0]
  Expr @3:1
    Lambda
      frame locals=4 cells=0 own_cells=0 free_sources=[]
      param a [local 0]
      param *b [local 1]
      param kwonly c [local 2]
        default: Constant 1
      param **d [local 3]
      Return @3:25
        Name a [local 0]
  Expr @4:1
    Call
      func: Name f [global 0]
)");
}

TEST_CASE("ast: displays and comprehensions", "[ast]")
{
    CHECK(dump_of(R"(d = {1: 2, **e}
c = {k: v for k, v in m if k}
e = {}
t = (1,)
u = ()
l = [*a, 1]
m = [i + j for i in range(3) if i for j in range(i)]
)") == R"(Module locals=4
  Assign @1:1
    target: Name d [global 1]
    value: Dict
      key: Constant 1
      value: Constant 2
      **Name e [global 0]
  Assign @2:1
    target: Name c [global 3]
    value: DictComp
      key: Name k [local 0]
      value: Name v [local 1]
      for
        target: Tuple
          Name k [local 0]
          Name v [local 1]
        iter: Name m [global 2]
        if: Name k [local 0]
  Assign @3:1
    target: Name e [global 0]
    value: Dict
  Assign @4:1
    target: Name t [global 4]
    value: Tuple
      Constant 1
  Assign @5:1
    target: Name u [global 5]
    value: Tuple
  Assign @6:1
    target: Name l [global 7]
    value: List
      Starred
        Name a [global 6]
      Constant 1
  Assign @7:1
    target: Name m [global 2]
    value: ListComp
      element: BinOp +
        Name i [local 2]
        Name j [local 3]
      for
        target: Name i [local 2]
        iter: Call
          func: Name range [global 8]
          arg: Constant 3
        if: Name i [local 2]
      for
        target: Name j [local 3]
        iter: Call
          func: Name range [global 8]
          arg: Name i [local 2]
)");
}

TEST_CASE("ast: string literals", "[ast]")
{
    CHECK(dump_of(R"(s = 'a' "b" '''c''' r'\n' u'\x41\u00e9\101\t'
t = '''line1
line2'''
)") == R"(Module locals=0
  Assign @1:1
    target: Name s [global 0]
    value: Constant 'abc\\nAéA\t'
  Assign @2:1
    target: Name t [global 1]
    value: Constant 'line1\nline2'
)");
}

TEST_CASE("ast: f-strings", "[ast]")
{
    CHECK(dump_of(R"(f"{a!r:>{w}.{p}f} {b=} {{x}} {c!s}"
g = f'x' 'y' f"{1 + 2:>4}"
)") == R"(Module locals=0
  Expr @1:1
    FString
      field !r
        Name a [global 0]
        spec:
          text '>'
          field
            Name w [global 1]
          text '.'
          field
            Name p [global 2]
          text 'f'
      text ' '
      field 'b=' !r
        Name b [global 3]
      text ' {x} '
      field !s
        Name c [global 4]
  Assign @2:1
    target: Name g [global 5]
    value: FString
      text 'xy'
      field
        BinOp +
          Constant 1
          Constant 2
        spec:
          text '>4'
)");
}

TEST_CASE("ast: numbers", "[ast]")
{
    CHECK(dump_of(R"(n = [0, 7, 0x1F, 0o17, 0b101, 1_000, 1.5, 1e3, 2.5e-3, .5, 3j, 1.5j, -9223372036854775808, 9223372036854775807]
)") == R"(Module locals=0
  Assign @1:1
    target: Name n [global 0]
    value: List
      Constant 0
      Constant 7
      Constant 31
      Constant 15
      Constant 5
      Constant 1000
      Constant 1.5
      Constant 1000.0
      Constant 0.0025
      Constant 0.5
      Constant 3.0j
      Constant 1.5j
      Constant -9223372036854775808
      Constant 9223372036854775807
)");
}

TEST_CASE("ast: compound statements", "[ast]")
{
    CHECK(dump_of(R"(if a:
    pass
elif b:
    x = 1
else:
    x = 2
while x:
    break
else:
    pass
for i, (j, k) in z:
    continue
if c: y = 1; z = 2
)") == R"(Module locals=0
  If @1:1
    test: Name a [global 0]
    body:
      Pass @2:5
    else:
      If @3:1
        test: Name b [global 1]
        body:
          Assign @4:5
            target: Name x [global 2]
            value: Constant 1
        else:
          Assign @6:5
            target: Name x [global 2]
            value: Constant 2
  While @7:1
    test: Name x [global 2]
    body:
      Break @8:5
    else:
      Pass @10:5
  For @11:1
    target: Tuple
      Name i [global 4]
      Tuple
        Name j [global 5]
        Name k [global 6]
    iter: Name z [global 3]
    body:
      Continue @12:5
  If @13:1
    test: Name c [global 7]
    body:
      Assign @13:7
        target: Name y [global 8]
        value: Constant 1
      Assign @13:14
        target: Name z [global 3]
        value: Constant 2
)");
}

TEST_CASE("ast: try, raise, assert, del, imports", "[ast]")
{
    CHECK(dump_of(R"(import numpy as np, os.path
from math import sin as s, cos
try:
    raise ValueError('x') from e
except (TypeError, KeyError) as err:
    raise
except Exception:
    pass
else:
    pass
finally:
    del a, b[0], (c, d)
assert x, 'msg'
)") == R"(Module locals=0
  Import @1:1
    numpy -> np [global 0]
    os.path -> os [global 1]
  ImportFrom math @2:1
    sin -> s [global 2]
    cos -> cos [global 3]
  Try @3:1
    body:
      Raise @4:5
        Call
          func: Name ValueError [global 4]
          arg: Constant 'x'
        from: Name e [global 5]
    except as err [global 8] @5:1
      type: Tuple
        Name TypeError [global 6]
        Name KeyError [global 7]
      Raise @6:5
    except @7:1
      type: Name Exception [global 9]
      Pass @8:5
    else:
      Pass @10:5
    finally:
      Delete @12:5
        Name a [global 10]
        Subscript
          Name b [global 11]
          index: Constant 0
        Name c [global 12]
        Name d [global 13]
  Assert @13:1
    test: Name x [global 14]
    message: Constant 'msg'
)");
}

TEST_CASE("ast: functions and decorators", "[ast]")
{
    CHECK(dump_of(R"(@dec
@mod.dec2(1)
def f(a, b=1, *args, k, m=2, **kw) -> int:
    return a
def g(a, /, b, *, c):
    pass
)") == R"(Module locals=0
  FunctionDef f [global 2] @3:1
    decorator: Name dec [global 0]
    decorator: Call
      func: Attribute .dec2
        Name mod [global 1]
      arg: Constant 1
    frame locals=6 cells=0 own_cells=0 free_sources=[]
    param a [local 0]
    param b [local 1]
      default: Constant 1
    param *args [local 2]
    param kwonly k [local 3]
    param kwonly m [local 4]
      default: Constant 2
    param **kw [local 5]
    Return @4:5
      Name a [local 0]
  FunctionDef g [global 3] @5:1
    frame locals=3 cells=0 own_cells=0 free_sources=[]
    param a [local 0]
    param b [local 1]
    param kwonly c [local 2]
    Pass @6:5
)");
}

TEST_CASE("ast: class definitions and with statements", "[ast]")
{
    // A method does not see the class body's names: its `x` is the global one.
    CHECK(dump_of(R"(@d
class C(B, metaclass=M):
    x = 1
    def f(self):
        return x
with a as b, c:
    pass
)") == R"(Module locals=0
  ClassDef C [global 3] @2:1
    decorator: Name d [global 0]
    base: Name B [global 1]
    keyword metaclass: Name M [global 2]
    namespace: x [local 0], f [local 1]
    frame locals=2 cells=0 own_cells=0 free_sources=[]
    Assign @3:5
      target: Name x [local 0]
      value: Constant 1
    FunctionDef f [local 1] @4:5
      frame locals=1 cells=0 own_cells=0 free_sources=[]
      param self [local 0]
      Return @5:9
        Name x [global 4]
  With @6:1
    item: Name a [global 5]
      as: Name b [global 6]
    item: Name c [global 7]
    body:
      Pass @7:5
)");
}

TEST_CASE("ast: every node carries its source span", "[ast]")
{
    ramba::ast::GlobalTable globals;
    auto module = ramba::ast::parse_module("<test>", std::make_shared<const std::string>("if a:\n    x = foo(a, b[1]).y\n"), globals);
    auto& if_stmt = static_cast<ramba::ast::IfStmt&>(*module->body[0]);
    CHECK(if_stmt.span.line == 1);
    CHECK(if_stmt.span.column == 1);
    CHECK(if_stmt.span.end_line == 2);
    CHECK(if_stmt.span.end_column == 23);
    auto& assign = static_cast<ramba::ast::AssignStmt&>(*if_stmt.body[0]);
    CHECK(assign.span.line == 2);
    CHECK(assign.span.column == 5);
    auto& attribute = static_cast<ramba::ast::AttributeExpr&>(*assign.value);
    CHECK(attribute.span.column == 9);
    CHECK(attribute.span.end_column == 23);
    auto& call = static_cast<ramba::ast::CallExpr&>(*attribute.value);
    CHECK(call.span.column == 9);
    CHECK(call.span.end_column == 21);
    auto& subscript = static_cast<ramba::ast::SubscriptExpr&>(*call.args[1]);
    CHECK(subscript.span.column == 16);
    CHECK(subscript.span.end_column == 20);
    CHECK(subscript.index->span.column == 18);
}

TEST_CASE("ast: f-string fields have positions in the enclosing source", "[ast]")
{
    ramba::ast::GlobalTable globals;
    auto module = ramba::ast::parse_module("<test>", std::make_shared<const std::string>("s = f'ab{x + y}'\n"), globals);
    auto& assign = static_cast<ramba::ast::AssignStmt&>(*module->body[0]);
    auto& fstring = static_cast<ramba::ast::FStringExpr&>(*assign.value);
    REQUIRE(fstring.parts.size() == 2);
    CHECK(fstring.parts[1].expr->span.line == 1);
    CHECK(fstring.parts[1].expr->span.column == 10);
}
