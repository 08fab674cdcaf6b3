// REPL completion after a dot on sets, frozensets and generators (their methods come from their rows).
#include <catch2/catch.hpp>

#include "interpreter/repl/completion.hpp"
#include "tests/unit/eval/eval_helpers.hpp"

using namespace ramba;
using ramba::test::eval::run_program;

TEST_CASE("completion offers set, frozenset and generator methods", "[eval][repl]")
{
    interp::Interpreter interpreter;
    run_program(interpreter, "s = {1, 2}\nf = frozenset(s)\ndef g():\n    yield 1\ngen = g()\n");
    using Names = std::vector<std::string>;
    CHECK(repl::completions(interpreter, "s.sym") == Names { "s.symmetric_difference", "s.symmetric_difference_update" });
    CHECK(repl::completions(interpreter, "s.is") == Names { "s.isdisjoint", "s.issubset", "s.issuperset" });
    CHECK(repl::completions(interpreter, "f.up") == Names {}); // frozenset has no update
    CHECK(repl::completions(interpreter, "gen.se") == Names { "gen.send" });
    CHECK(repl::completions(interpreter, "gen.cl") == Names { "gen.close" });
    CHECK(repl::completions(interpreter, "yie") == Names { "yield" });
}
