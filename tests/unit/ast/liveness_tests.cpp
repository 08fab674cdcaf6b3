// Liveness pass tests: which module-level statements release which globals (issue 4), and the
// conservative cases that release nothing (functions, lambdas, loops, dynamic access).
#include <catch2/catch.hpp>

#include "interpreter/ast/builder.hpp"
#include "interpreter/ast/liveness.hpp"

namespace {

// One line per statement that releases something: "index: name name ...".
std::string releases_of(const std::string& source)
{
    ramba::ast::GlobalTable globals;
    auto module = ramba::ast::parse_module("<test>", std::make_shared<const std::string>(source), globals);
    ramba::ast::mark_releases(*module);
    std::string text;
    for (size_t i = 0; i < module->body.size(); ++i) {
        auto& names = module->body[i]->release_after;
        if (names.empty())
            continue;
        text += std::to_string(i) + ":";
        for (auto& name : names)
            text += " " + name.name;
        text += "\n";
    }
    return text;
}

} // namespace

TEST_CASE("liveness: the seed program keeps only D", "[ast]")
{
    CHECK(releases_of("import ramba as np\nA = np.arange(10)\nB = np.sin(A)\nC = np.cos(A)\nD = B*B + C**2\nnp.sync()\nprint(D)\n")
        == "3: A\n4: B C\n5: np\n");
}

// Builtins resolve to global slots too; releasing one after its last use is harmless.
TEST_CASE("liveness: a loop is one use of everything it mentions", "[ast]")
{
    CHECK(releases_of("a = 1\nb = 2\nfor i in range(3):\n    a = a + b\nprint(a)\nprint(3)\n") == "2: b range i\n3: a\n");
}

TEST_CASE("liveness: globals read by functions or lambdas are never released", "[ast]")
{
    CHECK(releases_of("a = 1\nb = 2\ndef f():\n    return a\nprint(f(), b)\nprint(4)\n") == "3: b\n");
    // Names in a statement that holds a body (g here) are pinned too: conservative.
    CHECK(releases_of("a = 1\ng = lambda: a\nprint(g())\nprint(4)\n").empty());
}

TEST_CASE("liveness: dynamic access to globals turns the pass off", "[ast]")
{
    CHECK(releases_of("a = 1\nb = 2\nprint(globals())\nprint(a)\n").empty());
    CHECK(releases_of("a = 1\nb = 2\neval('a')\nprint(4)\n").empty());
}
