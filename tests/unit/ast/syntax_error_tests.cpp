// Syntax error tests: messages and positions in CPython 3.11's words. Each expectation was
// checked against /usr/bin/python3's compile(); where ramba differs on purpose (unsupported
// syntax, 64-bit ints) the comment shows what CPython says.
#include <catch2/catch.hpp>

#include "tests/unit/ast/ast_test_helpers.hpp"

using ramba::ast_test::error_of;

TEST_CASE("syntax errors: messages and positions", "[ast]")
{
    CHECK(error_of("if x\n  y\n") == "1:5: SyntaxError: expected ':'");
    CHECK(error_of("if x:\ny\n") == "2:1: IndentationError: expected an indented block after 'if' statement on line 1");
    CHECK(error_of("x = (1,\n2\n") == "1:5: SyntaxError: '(' was never closed");
    CHECK(error_of("print(a b)\n") == "1:7: SyntaxError: invalid syntax. Perhaps you forgot a comma?");
    CHECK(error_of("f(1 2)\n") == "1:3: SyntaxError: invalid syntax. Perhaps you forgot a comma?");
    CHECK(error_of("f() = 1\n") == "1:1: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?");
    CHECK(error_of("1 = x\n") == "1:1: SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?");
    CHECK(error_of("f() += 1\n") == "1:1: SyntaxError: 'function call' is an illegal expression for augmented assignment");
    CHECK(error_of("del f()\n") == "1:5: SyntaxError: cannot delete function call");
    CHECK(error_of("for f() in x: pass\n") == "1:5: SyntaxError: cannot assign to function call");
    CHECK(error_of("x = 'abc\n") == "1:5: SyntaxError: unterminated string literal (detected at line 1)");
    CHECK(error_of("x = '''abc\n\n") == "1:5: SyntaxError: unterminated triple-quoted string literal (detected at line 2)");
    CHECK(error_of("x = )\n") == "1:5: SyntaxError: unmatched ')'");
    CHECK(error_of("x = (]\n") == "1:6: SyntaxError: closing parenthesis ']' does not match opening parenthesis '('");
    CHECK(error_of("a = $\n") == "1:5: SyntaxError: invalid syntax");
    CHECK(error_of("a = \u20ac\n") == "1:5: SyntaxError: invalid character '\u20ac' (U+20AC)");
    CHECK(error_of("return 1\n") == "1:1: SyntaxError: 'return' outside function");
    CHECK(error_of("break\n") == "1:1: SyntaxError: 'break' outside loop");
    CHECK(error_of("continue\n") == "1:1: SyntaxError: 'continue' not properly in loop");
    CHECK(error_of("def f():\n  x = 1\n  global x\n") == "3:3: SyntaxError: name 'x' is assigned to before global declaration");
    CHECK(error_of("def f():\n  print(x)\n  global x\n") == "3:3: SyntaxError: name 'x' is used prior to global declaration");
    CHECK(error_of("def f(x):\n  global x\n") == "2:3: SyntaxError: name 'x' is parameter and global");
    CHECK(error_of("nonlocal x\n") == "1:1: SyntaxError: nonlocal declaration not allowed at module level");
    CHECK(error_of("def f():\n  nonlocal x\n") == "2:3: SyntaxError: no binding for nonlocal 'x' found");
    CHECK(error_of("x = b'a' 'b'\n") == "1:5: SyntaxError: cannot mix bytes and nonbytes literals"); // CPython: column 13
    CHECK(error_of("while x:\n  pass\nelse:\n  break\n") == "4:3: SyntaxError: 'break' outside loop");
    CHECK(error_of("def f():\n  for x in y:\n    def g():\n      break\n") == "4:7: SyntaxError: 'break' outside loop");
    CHECK(error_of("x = {1, 2: 3}\n") == "1:5: SyntaxError: invalid syntax"); // CPython: 1:9: SyntaxError: ':' expected after dictionary key
    CHECK(error_of("a +\n") == "1:4: SyntaxError: invalid syntax");
    CHECK(error_of("a = 1 +\n") == "1:8: SyntaxError: invalid syntax");
    CHECK(error_of("foo(\n") == "1:4: SyntaxError: '(' was never closed");
    CHECK(error_of("def f(:\n  pass\n") == "1:7: SyntaxError: invalid syntax");
    CHECK(error_of("x = [1, 2\ny = 3\n") == "1:5: SyntaxError: '[' was never closed");
    CHECK(error_of("if x:\npass\n") == "2:1: IndentationError: expected an indented block after 'if' statement on line 1");
    CHECK(error_of("def f():\nreturn\n") == "2:1: IndentationError: expected an indented block after function definition on line 1");
    CHECK(error_of("for x in y:\nz\n") == "2:1: IndentationError: expected an indented block after 'for' statement on line 1");
    CHECK(error_of("while x:\nz\n") == "2:1: IndentationError: expected an indented block after 'while' statement on line 1");
    CHECK(error_of("try:\nx\n") == "2:1: IndentationError: expected an indented block after 'try' statement on line 1");
    CHECK(error_of("try:\n  x\nexcept:\ny\n") == "4:1: IndentationError: expected an indented block after 'except' statement on line 3");
    CHECK(error_of("try:\n  x\nfinally:\ny\n") == "4:1: IndentationError: expected an indented block after 'finally' statement on line 3");
    CHECK(error_of("if x:\n  a\nelse:\nb\n") == "4:1: IndentationError: expected an indented block after 'else' statement on line 3");
    CHECK(error_of("if x:\n  a\nelif y:\nb\n") == "4:1: IndentationError: expected an indented block after 'elif' statement on line 3");
    CHECK(error_of("x = 1 2\n") == "1:7: SyntaxError: invalid syntax");
    CHECK(error_of("x y\n") == "1:3: SyntaxError: invalid syntax");
    CHECK(error_of("(a, b) += 1\n") == "1:1: SyntaxError: 'tuple' is an illegal expression for augmented assignment");
    CHECK(error_of("[a, b] = 1\n") == "no error");
    CHECK(error_of("a, f() = 1, 2\n") == "1:4: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?");
    CHECK(error_of("lambda: 1 = 2\n") == "1:1: SyntaxError: cannot assign to lambda");
    CHECK(error_of("x + 1 = 2\n") == "1:1: SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?");
    CHECK(error_of("'a' = 1\n") == "1:1: SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?");
    CHECK(error_of("None = 1\n") == "1:1: SyntaxError: cannot assign to None");
    CHECK(error_of("a.b = 1\n") == "no error");
    CHECK(error_of("-x = 1\n") == "1:1: SyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?");
    CHECK(error_of("*a = 1\n") == "1:1: SyntaxError: starred assignment target must be in a list or tuple");
    CHECK(error_of("x = 0777\n") == "1:5: SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    CHECK(error_of("x = 1abc\n") == "1:5: SyntaxError: invalid decimal literal");
    CHECK(error_of("def f(a=1, b):\n pass\n") == "1:12: SyntaxError: non-default argument follows default argument");
    CHECK(error_of("a = [x for x in]\n") == "1:16: SyntaxError: invalid syntax");
    CHECK(error_of("x = 'a' 'b\n") == "1:9: SyntaxError: unterminated string literal (detected at line 1)");
    CHECK(error_of("x.1\n") == "1:2: SyntaxError: invalid syntax");
    CHECK(error_of("import\n") == "1:7: SyntaxError: invalid syntax");
    CHECK(error_of("from x import *\n") == "no error");
    CHECK(error_of("def f():\n    from x import *\n") == "2:19: SyntaxError: import * only allowed at module level");
    CHECK(error_of("class C:\n    from x import *\n") == "2:19: SyntaxError: import * only allowed at module level");
    CHECK(error_of("x = f'{}'\n") == "1:8: SyntaxError: f-string: empty expression not allowed"); // CPython: 1:10: SyntaxError: f-string: empty expression not allowed
    CHECK(error_of("x = f'{1!z}'\n") == "1:10: SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'"); // CPython: 1:13: SyntaxError: f-string: invalid conversion character: expected 's', 'r', or 'a'
    CHECK(error_of("else:\n pass\n") == "1:1: SyntaxError: invalid syntax");
    CHECK(error_of("a = 1 if b\n") == "1:5: SyntaxError: expected 'else' after 'if' expression");
    CHECK(error_of("class A: pass\n") == "no error");
    CHECK(error_of("class A:\nx = 1\n") == "2:1: IndentationError: expected an indented block after class definition on line 1");
    CHECK(error_of("with a:\nx = 1\n") == "2:1: IndentationError: expected an indented block after 'with' statement on line 1");
    CHECK(error_of("class A:\n    return 1\n") == "2:5: SyntaxError: 'return' outside function");
    CHECK(error_of("x = yield 1\n") == "1:5: SyntaxError: 'yield' outside function");
    CHECK(error_of("def f():\n    return [(yield x) for x in y]\n") == "2:14: SyntaxError: 'yield' inside list comprehension");
    CHECK(error_of("def f(x, x): pass\n") == "1:10: SyntaxError: duplicate argument 'x' in function definition");
    CHECK(error_of("f(x=1, x=2)\n") == "1:8: SyntaxError: keyword argument repeated: x");
    CHECK(error_of("print('hi'\n") == "1:6: SyntaxError: '(' was never closed");
    CHECK(error_of("a[1:2:3:4]\n") == "1:8: SyntaxError: invalid syntax");
    CHECK(error_of("f(a for a in b, c)\n") == "1:3: SyntaxError: Generator expression must be parenthesized");
    CHECK(error_of("x += 1, *y\n") == "no error");
    CHECK(error_of("a, *b, *c = d\n") == "1:1: SyntaxError: multiple starred expressions in assignment");
    CHECK(error_of("def f(*, **k): pass\n") == "1:7: SyntaxError: named arguments must follow bare *");
    CHECK(error_of("}\n") == "1:1: SyntaxError: unmatched '}'");
    CHECK(error_of("a = 1; ; b = 2\n") == "1:8: SyntaxError: invalid syntax");
    CHECK(error_of("if x: pass\nelif:\n pass\n") == "2:5: SyntaxError: invalid syntax");
    CHECK(error_of("x = 5 if y else\n") == "1:16: SyntaxError: invalid syntax");
    CHECK(error_of("a = [1,, 2]\n") == "1:8: SyntaxError: invalid syntax");
    CHECK(error_of("for i in range(3)\n") == "1:18: SyntaxError: expected ':'");
    CHECK(error_of("while True\n") == "1:11: SyntaxError: expected ':'");
    CHECK(error_of("def f()\n") == "1:8: SyntaxError: expected ':'");
    CHECK(error_of("try\n") == "1:4: SyntaxError: expected ':'");
    CHECK(error_of("except:\n") == "1:1: SyntaxError: invalid syntax");
    CHECK(error_of("x = ((1)\n") == "1:5: SyntaxError: '(' was never closed");
    CHECK(error_of("x = f'{a'\n") == "1:8: SyntaxError: f-string: expecting '}'"); // CPython: 1:10: SyntaxError: f-string: expecting '}'
    CHECK(error_of("x = f'}'\n") == "1:7: SyntaxError: f-string: single '}' is not allowed"); // CPython: 1:9: SyntaxError: f-string: single '}' is not allowed
    CHECK(error_of("print(f'{x!r}', 'a' 'b\n") == "1:21: SyntaxError: unterminated string literal (detected at line 1)");
    CHECK(error_of("x = 1 if 2\n") == "1:5: SyntaxError: expected 'else' after 'if' expression");
    CHECK(error_of("def f(a, a=1): pass\n") == "1:10: SyntaxError: duplicate argument 'a' in function definition");
    CHECK(error_of("lambda x, x: 1\n") == "1:11: SyntaxError: duplicate argument 'x' in function definition");
    CHECK(error_of("for 1 in x: pass\n") == "1:5: SyntaxError: cannot assign to literal");
    CHECK(error_of("[x for 1 in y]\n") == "1:8: SyntaxError: cannot assign to literal");
    CHECK(error_of("del 1\n") == "1:5: SyntaxError: cannot delete literal");
    CHECK(error_of("x, f() += 1\n") == "1:1: SyntaxError: 'tuple' is an illegal expression for augmented assignment");
    CHECK(error_of("try:\n  x\nexcept:\n  y\nexcept E:\n  z\n") == "3:1: SyntaxError: default 'except:' must be last");
    CHECK(error_of("f(x=1, **k, *a)\n") == "1:13: SyntaxError: iterable argument unpacking follows keyword argument unpacking"); // CPython: 1:3: SyntaxError: iterable argument unpacking follows keyword argument unpacking
    CHECK(error_of("f(**k, x)\n") == "1:8: SyntaxError: positional argument follows keyword argument unpacking"); // CPython: 1:9: SyntaxError: positional argument follows keyword argument unpacking
    CHECK(error_of("print 'hello'\n") == "1:1: SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?");
    CHECK(error_of("if x = 1:\n  pass\n") == "1:4: SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    CHECK(error_of("x = [1, 2\n    y = 3]\n") == "1:9: SyntaxError: invalid syntax. Perhaps you forgot a comma?");
    CHECK(error_of("def f(x y): pass\n") == "1:9: SyntaxError: invalid syntax");
    CHECK(error_of("x = = 1\ny = (\n") == "1:5: SyntaxError: invalid syntax");
    CHECK(error_of("print(a b\n") == "1:6: SyntaxError: '(' was never closed");
    CHECK(error_of("x = 1 +\ny = \"abc\n") == "2:5: SyntaxError: unterminated string literal (detected at line 2)");
    CHECK(error_of("x = (1 2\n") == "1:5: SyntaxError: '(' was never closed");
    CHECK(error_of("def f():\n    if x:\n    y = 1\n") == "3:5: IndentationError: expected an indented block after 'if' statement on line 2");
    CHECK(error_of("try:\n    pass\nx = 1\n") == "3:1: SyntaxError: expected 'except' or 'finally' block");
    CHECK(error_of("x = {\"a\": 1 \"b\": 2}\n") == "1:11: SyntaxError: invalid syntax. Perhaps you forgot a comma?");
    CHECK(error_of("a = 1 = b\n") == "1:5: SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?"); // CPython: 1:5: SyntaxError: cannot assign to literal
}

TEST_CASE("syntax errors: the error kind is IndentationError for blocks", "[ast]")
{
    CHECK(error_of("  x = 1\n").find("IndentationError: unexpected indent") != std::string::npos);
    CHECK(error_of("for x in y:\nz\n") == "2:1: IndentationError: expected an indented block after 'for' statement on line 1");
}

TEST_CASE("syntax errors: deep nesting is an error, not a crash", "[ast]")
{
    auto repeat = [](const std::string& text, size_t count) {
        std::string out;
        for (size_t i = 0; i < count; ++i)
            out += text;
        return out;
    };
    CHECK(error_of("x = " + repeat("(", 201) + "1" + repeat(")", 201) + "\n").find("SyntaxError: too many nested parentheses") != std::string::npos);
    CHECK(error_of("x = " + repeat("1+", 100000) + "1\n").find("RecursionError: maximum recursion depth exceeded during compilation") != std::string::npos);
    CHECK(error_of("x = " + repeat("-", 100000) + "1\n").find("RecursionError") != std::string::npos);
    CHECK(error_of("x = " + repeat("lambda: ", 30000) + "1\n").find("RecursionError") != std::string::npos);
    CHECK(error_of("x = a" + repeat(".b", 100000) + "\n").find("RecursionError") != std::string::npos);
    CHECK(error_of("x = " + repeat("1+", 1000) + "1\n") == "no error");
    std::string nested;
    for (int i = 0; i < 120; ++i)
        nested += std::string(static_cast<size_t>(i), ' ') + "if x:\n";
    nested += std::string(120, ' ') + "pass\n";
    CHECK(error_of(nested).find("IndentationError: too many levels of indentation") != std::string::npos);
}

TEST_CASE("syntax errors: malformed text", "[ast]")
{
    CHECK(error_of(std::string("x = 1\0\n", 7)) == "1:6: SyntaxError: source code cannot contain null bytes");
    CHECK(error_of("x = \"\xff\xfe\"\n") == "1:6: SyntaxError: Non-UTF-8 code starting with '\\xff' on line 1");
    CHECK(error_of("\xEF\xBB\xBFx = 1\n") == "no error"); // a byte order mark is ignored
    CHECK(error_of("x = '\xC3\xA9\xE2\x82\xAC'\n") == "no error");
}

TEST_CASE("syntax errors: inside f-string fields", "[ast]")
{
    CHECK(error_of("x = f'{a +}'\n") == "1:11: SyntaxError: f-string: invalid syntax");
    CHECK(error_of("x = f'{a)}'\n") == "1:9: SyntaxError: f-string: unmatched ')'");
    CHECK(error_of("x = f'{a!r:{b c}}'\n") == "1:15: SyntaxError: f-string: invalid syntax");
    CHECK(error_of("x = f'{a $ b}'\n") == "1:10: SyntaxError: f-string: invalid syntax");
}
