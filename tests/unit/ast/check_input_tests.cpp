// check_input tests: when the REPL must ask for another line (`...`) before running the input.
#include <catch2/catch.hpp>

#include "interpreter/ast/builder.hpp"

using ramba::ast::check_input;
using ramba::ast::InputStatus;

TEST_CASE("check_input: complete statements", "[ast]")
{
    CHECK(check_input("x = 1\n") == InputStatus::Complete);
    CHECK(check_input("x = 1") == InputStatus::Complete);
    CHECK(check_input("") == InputStatus::Complete);
    CHECK(check_input("if x:\n    y\n\n") == InputStatus::Complete);
    CHECK(check_input("def f(x):\n    return x\n\n") == InputStatus::Complete);
    CHECK(check_input("for i in x: print(i)\n\n") == InputStatus::Complete);
}

TEST_CASE("check_input: more lines needed", "[ast]")
{
    CHECK(check_input("if x:\n") == InputStatus::Incomplete);
    CHECK(check_input("if x:\n    y\n") == InputStatus::Incomplete); // the block ends with an empty line
    CHECK(check_input("for i in x: print(i)\n") == InputStatus::Incomplete);
    CHECK(check_input("x = [1,\n") == InputStatus::Incomplete);
    CHECK(check_input("f(a,\n  b\n") == InputStatus::Incomplete);
    CHECK(check_input("s = \"\"\"abc\n") == InputStatus::Incomplete);
    CHECK(check_input("x = 1 + \\\n") == InputStatus::Incomplete);
    CHECK(check_input("@dec\n") == InputStatus::Incomplete);
    CHECK(check_input("try:\n    x\n") == InputStatus::Incomplete);
    CHECK(check_input("if x:\n    y\nelse:\n") == InputStatus::Incomplete);
}

TEST_CASE("check_input: errors", "[ast]")
{
    CHECK(check_input("x = = 1\n") == InputStatus::Invalid);
    CHECK(check_input("a +\n") == InputStatus::Invalid);
    CHECK(check_input("if x:\n\n") == InputStatus::Invalid); // an empty line ends a block that never started
    CHECK(check_input("x = )\n") == InputStatus::Invalid);
    CHECK(check_input("x = 'abc\n") == InputStatus::Invalid);
    CHECK(check_input("return 1\n") == InputStatus::Complete); // scoping errors are found by parse_module
}
