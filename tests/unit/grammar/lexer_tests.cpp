// Lexer tests: RambaLexer + IndentingLexer produce Python's logical lines (NEWLINE/INDENT/DEDENT),
// join lines inside brackets and after a backslash, and drop comments and blank lines.
#include <catch2/catch.hpp>

#include <RambaParser.h>
#include <antlr4-runtime.h>

#include "interpreter/ast/syntax_error.hpp"
#include "interpreter/ast/token_source.hpp"

using namespace ramba;
using ramba::ast::IndentingLexer;

namespace {

// The token types of `source`, as their symbolic names ("NAME ASSIGN NUMBER NEWLINE EOF").
std::string lex(const std::string& source)
{
    antlr4::ANTLRInputStream input(source);
    IndentingLexer lexer(&input, IndentingLexer::Mode::Module);
    std::string out;
    for (;;) {
        auto token = lexer.nextToken();
        if (!out.empty())
            out += ' ';
        if (token->getType() == antlr4::Token::EOF) {
            out += "EOF";
            return out;
        }
        // INDENT and DEDENT are parser-side names (made by IndentingLexer, not by a lexer rule).
        if (token->getType() == ramba_grammar::RambaParser::INDENT)
            out += "INDENT";
        else if (token->getType() == ramba_grammar::RambaParser::DEDENT)
            out += "DEDENT";
        else
            out += lexer.getVocabulary().getSymbolicName(token->getType());
    }
}

std::string lex_error(const std::string& source)
{
    try {
        lex(source);
    } catch (RambaError& error) {
        return std::to_string(error.span().line) + ":" + std::to_string(error.span().column) + ": "
            + std::string(error_kind_name(error.kind())) + ": " + error.message();
    }
    return "no error";
}

} // namespace

TEST_CASE("lexer: simple statements end with NEWLINE", "[grammar]")
{
    CHECK(lex("x = 1\n") == "NAME ASSIGN NUMBER NEWLINE EOF");
    CHECK(lex("x = 1") == "NAME ASSIGN NUMBER NEWLINE EOF"); // missing final newline
    CHECK(lex("") == "EOF");
    CHECK(lex("a; b\n") == "NAME SEMI_COLON NAME NEWLINE EOF");
}

TEST_CASE("lexer: INDENT and DEDENT", "[grammar]")
{
    CHECK(lex("if x:\n    y\nz\n") == "IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE EOF");
    CHECK(lex("if a:\n  if b:\n    c\nd\n")
        == "IF NAME COLON NEWLINE INDENT IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT DEDENT NAME NEWLINE EOF");
    // Blocks still open at the end of input are closed.
    CHECK(lex("if a:\n  b") == "IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT EOF");
    // Tabs advance to the next multiple of 8.
    CHECK(lex("if a:\n\tif b:\n\t\tc\n\td\n")
        == "IF NAME COLON NEWLINE INDENT IF NAME COLON NEWLINE INDENT NAME NEWLINE DEDENT NAME NEWLINE DEDENT EOF");
}

TEST_CASE("lexer: blank lines and comments do not change indentation", "[grammar]")
{
    CHECK(lex("if a:\n    b\n\n      # comment\n    c\n")
        == "IF NAME COLON NEWLINE INDENT NAME NEWLINE NAME NEWLINE DEDENT EOF");
    CHECK(lex("# only a comment\n\n") == "EOF");
    CHECK(lex("x = 1  # trailing\n") == "NAME ASSIGN NUMBER NEWLINE EOF");
}

TEST_CASE("lexer: implicit line joining inside brackets", "[grammar]")
{
    CHECK(lex("f(1,\n      2)\n") == "NAME OPEN_PAREN NUMBER COMMA NUMBER CLOSE_PAREN NEWLINE EOF");
    CHECK(lex("x = [\n  1,\n# c\n  2\n]\n") == "NAME ASSIGN OPEN_BRACK NUMBER COMMA NUMBER CLOSE_BRACK NEWLINE EOF");
    CHECK(lex("d = {'a':\n 1}\n") == "NAME ASSIGN OPEN_BRACE STRING COLON NUMBER CLOSE_BRACE NEWLINE EOF");
}

TEST_CASE("lexer: backslash continuation", "[grammar]")
{
    CHECK(lex("x = 1 + \\\n    2\n") == "NAME ASSIGN NUMBER ADD NUMBER NEWLINE EOF");
}

TEST_CASE("lexer: literals and operators", "[grammar]")
{
    CHECK(lex("0x1F 0o17 0b101 1_000 1.5e-3 3j .5 1.\n") == "NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NUMBER NEWLINE EOF");
    CHECK(lex("'a' \"b\" '''c\nd''' r'\\n' f'{x}' u'z'\n") == "STRING STRING STRING STRING STRING STRING NEWLINE EOF");
    CHECK(lex("a //= b ** c -> ... != d\n") == "NAME IDIV_ASSIGN NAME POWER NAME ARROW ELLIPSIS NOT_EQ_2 NAME NEWLINE EOF");
    CHECK(lex("not in is lambda None True False\n") == "NOT IN IS LAMBDA NONE TRUE FALSE NEWLINE EOF");
}

TEST_CASE("lexer: errors", "[grammar]")
{
    CHECK(lex_error("x = 'abc\n") == "1:5: SyntaxError: unterminated string literal (detected at line 1)");
    CHECK(lex_error("x = '''abc\n\n") == "1:5: SyntaxError: unterminated triple-quoted string literal (detected at line 2)");
    CHECK(lex_error("if x:\n    a\n  b\n") == "3:3: IndentationError: unindent does not match any outer indentation level");
    CHECK(lex_error("x = (1,\n2\n") == "1:5: SyntaxError: '(' was never closed");
    CHECK(lex_error("x = )\n") == "1:5: SyntaxError: unmatched ')'");
    CHECK(lex_error("x = (]\n") == "1:6: SyntaxError: closing parenthesis ']' does not match opening parenthesis '('");
    CHECK(lex_error("a = €\n") == "1:5: SyntaxError: invalid character '€' (U+20AC)");
    CHECK(lex_error("a = $\n") == "1:5: SyntaxError: invalid syntax");
    CHECK(lex_error("x = 0777\n") == "1:5: SyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers");
    CHECK(lex_error("x = 1abc\n") == "1:5: SyntaxError: invalid decimal literal");
    CHECK(lex_error("x = 0x1fg\n") == "1:5: SyntaxError: invalid hexadecimal literal");
    // One tab and eight spaces agree only for a tab size of 8: CPython's TabError.
    CHECK(lex_error("if a:\n\tb\n        c\n") == "3:1: IndentationError: inconsistent use of tabs and spaces in indentation");
}
