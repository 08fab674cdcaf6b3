// Resolver tests: Python's scoping rules as slots (Local, Cell, Global), frame layouts of
// functions and closures, and the persistent GlobalTable of a REPL session.
#include <catch2/catch.hpp>

#include "tests/unit/ast/ast_test_helpers.hpp"

using namespace ramba;
using ramba::ast_test::dump_of;
using ramba::ast_test::error_of;

TEST_CASE("resolver: closures capture through intermediate functions", "[ast]")
{
    CHECK(dump_of(R"(def outer(a):
    b = 1
    def mid():
        def inner():
            nonlocal b
            b += a
            return b
        return inner
    return mid
)") == R"(Module locals=0
  FunctionDef outer [global 0] @1:1
    frame locals=1 cells=2 own_cells=2 free_sources=[]
    param a [cell 0]
    Assign @2:5
      target: Name b [cell 1]
      value: Constant 1
    FunctionDef mid [local 0] @3:5
      frame locals=1 cells=2 own_cells=0 free_sources=[0,1]
      FunctionDef inner [local 0] @4:9
        frame locals=0 cells=2 own_cells=0 free_sources=[0,1]
        Nonlocal b @5:13
        AugAssign += @6:13
          target: Name b [cell 1]
          value: Name a [cell 0]
        Return @7:13
          Name b [cell 1]
      Return @8:9
        Name inner [local 0]
    Return @9:5
      Name mid [local 0]
)");
}

TEST_CASE("resolver: comprehension variables are hidden locals, cells when captured", "[ast]")
{
    CHECK(dump_of(R"(def f(n):
    c = [lambda: n + i for i in range(3)]
    i = 5
    return c, i
)") == R"(Module locals=0
  FunctionDef f [global 0] @1:1
    frame locals=2 cells=2 own_cells=2 free_sources=[]
    param n [cell 0]
    Assign @2:5
      target: Name c [local 0]
      value: ListComp
        element: Lambda
          frame locals=0 cells=2 own_cells=0 free_sources=[0,1]
          Return @2:18
            BinOp +
              Name n [cell 0]
              Name i [cell 1]
        for
          target: Name i [cell 1]
          iter: Call
            func: Name range [global 1]
            arg: Constant 3
    Assign @3:5
      target: Name i [local 1]
      value: Constant 5
    Return @4:5
      Tuple
        Name c [local 0]
        Name i [local 1]
)");
}

TEST_CASE("resolver: module-level comprehension variables", "[ast]")
{
    CHECK(dump_of(R"(x = [i * 2 for i in range(3)]
y = [[j for j in i] for i in x]
z = [lambda: k for k in x]
)") == R"(Module locals=3
  Assign @1:1
    target: Name x [global 1]
    value: ListComp
      element: BinOp *
        Name i [local 0]
        Constant 2
      for
        target: Name i [local 0]
        iter: Call
          func: Name range [global 0]
          arg: Constant 3
  Assign @2:1
    target: Name y [global 2]
    value: ListComp
      element: ListComp
        element: Name j [local 2]
        for
          target: Name j [local 2]
          iter: Name i [local 1]
      for
        target: Name i [local 1]
        iter: Name x [global 1]
  Assign @3:1
    target: Name z [global 4]
    value: ListComp
      element: Lambda
        frame locals=0 cells=0 own_cells=0 free_sources=[]
        Return @3:14
          Name k [global 3]
      for
        target: Name k [global 3]
        iter: Name x [global 1]
)");
}

TEST_CASE("resolver: global declarations and builtins", "[ast]")
{
    CHECK(dump_of(R"(def f():
    global g
    g = 1
    h = g
    return len(h)
)") == R"(Module locals=0
  FunctionDef f [global 0] @1:1
    frame locals=1 cells=0 own_cells=0 free_sources=[]
    Global g @2:5
    Assign @3:5
      target: Name g [global 1]
      value: Constant 1
    Assign @4:5
      target: Name h [local 0]
      value: Name g [global 1]
    Return @5:5
      Call
        func: Name len [global 2]
        arg: Name h [local 0]
)");
}

TEST_CASE("resolver: a name bound anywhere in a function is local", "[ast]")
{
    CHECK(dump_of(R"(def f():
    print(x)
    x = 1
)") == R"(Module locals=0
  FunctionDef f [global 0] @1:1
    frame locals=1 cells=0 own_cells=0 free_sources=[]
    Expr @2:5
      Call
        func: Name print [global 1]
        arg: Name x [local 0]
    Assign @3:5
      target: Name x [local 0]
      value: Constant 1
)");
}

TEST_CASE("resolver: every binding form makes a local", "[ast]")
{
    CHECK(dump_of(R"(def f(a):
    del a
    try:
        pass
    except E as e:
        import m.n
        from p import q as r
    for k in a: pass
    def g(): pass
)") == R"(Module locals=0
  FunctionDef f [global 0] @1:1
    frame locals=6 cells=0 own_cells=0 free_sources=[]
    param a [local 0]
    Delete @2:5
      Name a [local 0]
    Try @3:5
      body:
        Pass @4:9
      except as e [local 1] @5:5
        type: Name E [global 1]
        Import @6:9
          m.n -> m [local 2]
        ImportFrom p @7:9
          q -> r [local 3]
    For @8:5
      target: Name k [local 4]
      iter: Name a [local 0]
      body:
        Pass @8:17
    FunctionDef g [local 5] @9:5
      frame locals=0 cells=0 own_cells=0 free_sources=[]
      Pass @9:14
)");
}

TEST_CASE("resolver: the first iterable of a comprehension is read outside it", "[ast]")
{
    CHECK(dump_of(R"(def f(x):
    return [x for x in x]
)") == R"(Module locals=0
  FunctionDef f [global 0] @1:1
    frame locals=2 cells=0 own_cells=0 free_sources=[]
    param x [local 0]
    Return @2:5
      ListComp
        element: Name x [local 1]
        for
          target: Name x [local 1]
          iter: Name x [local 0]
)");
}

TEST_CASE("resolver: lambda defaults are evaluated in the enclosing scope", "[ast]")
{
    CHECK(dump_of(R"(def f(a):
    return lambda b=a: b
)") == R"(Module locals=0
  FunctionDef f [global 0] @1:1
    frame locals=1 cells=0 own_cells=0 free_sources=[]
    param a [local 0]
    Return @2:5
      Lambda
        frame locals=1 cells=0 own_cells=0 free_sources=[]
        param b [local 0]
          default: Name a [local 0]
        Return @2:24
          Name b [local 0]
)");
}

TEST_CASE("resolver: global slots persist across units of one session", "[ast]")
{
    ast::GlobalTable globals;
    auto first = ast::parse_module("<stdin>", std::make_shared<const std::string>("a = 1\nb = 2\n"), globals);
    auto second = ast::parse_module("<stdin>", std::make_shared<const std::string>("c = b + a\n"), globals);
    auto& assign = static_cast<ast::AssignStmt&>(*second->body[0]);
    auto& target = static_cast<ast::NameExpr&>(*assign.targets[0]);
    auto& sum = static_cast<ast::BinOpExpr&>(*assign.value);
    CHECK(target.ref.scope == ast::NameScope::Global);
    CHECK(target.ref.index == 2);
    CHECK(static_cast<ast::NameExpr&>(*sum.left).ref.index == 1);
    CHECK(static_cast<ast::NameExpr&>(*sum.right).ref.index == 0);
    CHECK(globals.find("c") == 2u);
    CHECK(!globals.find("d"));
}

TEST_CASE("resolver: a unit with an error adds no global names", "[ast]")
{
    ast::GlobalTable globals;
    CHECK_THROWS(ast::parse_module("<stdin>", std::make_shared<const std::string>("x = 1\nbreak\n"), globals));
    CHECK(globals.names.empty());
}

TEST_CASE("resolver: scoping errors", "[ast]")
{
    CHECK(error_of("return 1\n") == "1:1: SyntaxError: 'return' outside function");
    CHECK(error_of("break\n") == "1:1: SyntaxError: 'break' outside loop");
    CHECK(error_of("continue\n") == "1:1: SyntaxError: 'continue' not properly in loop");
    CHECK(error_of("while x:\n  pass\nelse:\n  break\n") == "4:3: SyntaxError: 'break' outside loop");
    CHECK(error_of("def f():\n  for x in y:\n    def g():\n      break\n") == "4:7: SyntaxError: 'break' outside loop");
    CHECK(error_of("def f():\n  x = 1\n  global x\n") == "3:3: SyntaxError: name 'x' is assigned to before global declaration");
    CHECK(error_of("def f():\n  print(x)\n  global x\n") == "3:3: SyntaxError: name 'x' is used prior to global declaration");
    CHECK(error_of("def f(x):\n  global x\n") == "2:3: SyntaxError: name 'x' is parameter and global");
    CHECK(error_of("nonlocal x\n") == "1:1: SyntaxError: nonlocal declaration not allowed at module level");
    CHECK(error_of("def f():\n  nonlocal x\n") == "2:3: SyntaxError: no binding for nonlocal 'x' found");
    CHECK(error_of("x = 1\ndef f():\n  nonlocal x\n") == "3:3: SyntaxError: no binding for nonlocal 'x' found");
    CHECK(error_of("def f():\n  for i in x:\n    def g():\n      return i\n    continue\n") == "no error");
}
