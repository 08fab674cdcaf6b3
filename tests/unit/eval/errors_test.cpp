// Uncaught errors: kind, message and position of what escapes Interpreter::run, the REPL's echo,
// state kept across inputs after an error, and Ctrl-C as KeyboardInterrupt.
#include <catch2/catch.hpp>

#include "interpreter/errors/report.hpp"
#include "interpreter/eval/interrupt.hpp"
#include "tests/unit/eval/eval_helpers.hpp"

using namespace ramba;
using ramba::test::eval::error_of;
using ramba::test::eval::run_program;

TEST_CASE("uncaught errors carry Python's kind and message", "[eval]")
{
    CHECK(error_of("x") == "NameError: name 'x' is not defined");
    CHECK(error_of("def f():\n    y\n    y = 1\nf()") == "UnboundLocalError: cannot access local variable 'y' where it is not associated with a value");
    CHECK(error_of("1()") == "TypeError: 'int' object is not callable");
    CHECK(error_of("raise 1") == "TypeError: exceptions must derive from BaseException");
    CHECK(error_of("raise") == "RuntimeError: No active exception to reraise");
    CHECK(error_of("def f(): f()\nf()") == "RecursionError: maximum recursion depth exceeded");
    CHECK(error_of("import nosuch") == "ModuleNotFoundError: No module named 'nosuch'");
    CHECK(error_of("from math import nosuch") == "ImportError: cannot import name 'nosuch' from 'math' (unknown location)");
    CHECK(error_of("assert 1 == 2, 'no'") == "AssertionError: no");
    CHECK(error_of("a, b = [1, 2, 3]") == "ValueError: too many values to unpack (expected 2)");
    CHECK(error_of("def f(a, b): pass\nf(1)") == "TypeError: f() missing 1 required positional argument: 'b'");
    CHECK(error_of("def f(a, b): pass\nf(1, 2, 3)") == "TypeError: f() takes 2 positional arguments but 3 were given");
    CHECK(error_of("def f(a, b): pass\nf(1, z=2)") == "TypeError: f() got an unexpected keyword argument 'z'");
    CHECK(error_of("raise ValueError('bad value')") == "ValueError: bad value");
}

TEST_CASE("errors point at the failing expression", "[eval]")
{
    auto result = run_program("x = 1\ny = [1, 2]\nz = x + y[5]\n");
    REQUIRE(result.error);
    CHECK(result.error->kind() == ErrorKind::IndexError);
    CHECK(result.error->span().line == 3);
    CHECK(result.error->span().column == 9);
    std::string source = "x = 1\ny = [1, 2]\nz = x + y[5]\n";
    std::string report = format_error_report(*result.error, "t.rmb", &source);
    // Python 3.11's traceback (carets `~^^^` under the subscript), then ramba's own line.
    CHECK(report.rfind("Traceback (most recent call last):\n  File ", 0) == 0);
    CHECK(report.find(", line 3, in <module>\n    z = x + y[5]\n            ~^^^\nt.rmb:3:9: IndexError: list index out of range\n") != std::string::npos);
}

TEST_CASE("an error leaves earlier assignments and later inputs work", "[eval][repl]")
{
    interp::Interpreter interpreter;
    auto first = run_program(interpreter, "a = 1\nb = 1 / 0\n");
    REQUIRE(first.error);
    CHECK(first.error->kind() == ErrorKind::ZeroDivisionError);
    auto second = run_program(interpreter, "print(a)\nb = 2\nprint(a + b)\n");
    CHECK_FALSE(second.error);
    CHECK(second.output == "1\n3\n");
}

TEST_CASE("the REPL echoes the repr of top-level expression values", "[eval][repl]")
{
    interp::Interpreter interpreter;
    auto result = run_program(interpreter, "x = 'hi'\nx\nNone\n1 + 2\nprint('p')\n", interp::Echo::Yes);
    CHECK(result.output == "'hi'\n3\np\n");
    auto in_function = run_program(interpreter, "def f():\n    5\nf()\n", interp::Echo::Yes);
    CHECK(in_function.output == "");
}

TEST_CASE("errors raised in a function defined by an earlier input report that input", "[eval][repl]")
{
    interp::Interpreter interpreter;
    CHECK_FALSE(run_program(interpreter, "def f():\n    return missing_name\n").error);
    auto result = run_program(interpreter, "f()\n");
    REQUIRE(result.error);
    CHECK(result.error->span().line == 2);
    REQUIRE(interpreter.error_origin().source);
    CHECK(*interpreter.error_origin().source == "def f():\n    return missing_name\n");
}

TEST_CASE("Ctrl-C raises KeyboardInterrupt in a running loop", "[eval]")
{
    interp::Interpreter interpreter;
    interp::g_interrupt_requested.store(true);
    auto result = run_program(interpreter, "while True:\n    pass\n");
    REQUIRE(result.error);
    CHECK(result.error->kind() == ErrorKind::KeyboardInterrupt);
    CHECK_FALSE(interp::g_interrupt_requested.load());
    // `except Exception` does not catch it (KeyboardInterrupt derives from BaseException only).
    interp::g_interrupt_requested.store(true);
    auto uncaught = run_program(interpreter, "try:\n    while True:\n        pass\nexcept Exception:\n    print('no')\n");
    REQUIRE(uncaught.error);
    CHECK(uncaught.error->kind() == ErrorKind::KeyboardInterrupt);
    CHECK(uncaught.output == "");
}
