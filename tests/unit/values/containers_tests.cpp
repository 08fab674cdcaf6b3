// str, list and tuple methods: split/strip/join/find/partition/zfill/center, list mutation and sort.
#include <catch2/catch.hpp>

#include "tests/unit/values/test_context.hpp"

using namespace ramba::interp;
using namespace ramba::interp::testing;

namespace {

std::string call_method(TestContext& ctx, const Value& self, const char* name, Values args = {})
{
    auto [kind, text] = outcome(ctx, [&] { return call_builtin(ctx, get_attribute(ctx, self, name), args, {}); });
    return kind.empty() ? text : kind + ": " + text;
}

} // namespace

TEST_CASE("str methods", "[values]")
{
    TestContext ctx;
    Value s = make_str("  a,b,,c  ");
    CHECK(call_method(ctx, s, "split", { make_str(",") }) == "['  a', 'b', '', 'c  ']");
    CHECK(call_method(ctx, s, "split") == "['a,b,,c']");
    CHECK(call_method(ctx, make_str(" a  b c "), "split", { Value(), Value::integer(1) }) == "['a', 'b c ']");
    CHECK(call_method(ctx, make_str(" a  b c "), "rsplit", { Value(), Value::integer(1) }) == "[' a  b', 'c']");
    CHECK(call_method(ctx, make_str("a-b-c"), "rsplit", { make_str("-"), Value::integer(1) }) == "['a-b', 'c']");
    CHECK(call_method(ctx, s, "strip") == "'a,b,,c'");
    CHECK(call_method(ctx, make_str("xxhixx"), "strip", { make_str("x") }) == "'hi'");
    CHECK(call_method(ctx, make_str("-"), "join", { make_list({ make_str("a"), make_str("b") }) }) == "'a-b'");
    CHECK(call_method(ctx, make_str("-"), "join", { make_list({ Value::integer(1) }) }) == "TypeError: sequence item 0: expected str instance, int found");
    CHECK(call_method(ctx, make_str("hello"), "find", { make_str("l") }) == "2");
    CHECK(call_method(ctx, make_str("hello"), "rfind", { make_str("l") }) == "3");
    CHECK(call_method(ctx, make_str("hello"), "index", { make_str("z") }) == "ValueError: substring not found");
    CHECK(call_method(ctx, make_str("hello"), "count", { make_str("l") }) == "2");
    CHECK(call_method(ctx, make_str("a=b=c"), "partition", { make_str("=") }) == "('a', '=', 'b=c')");
    CHECK(call_method(ctx, make_str("-42"), "zfill", { Value::integer(5) }) == "'-0042'");
    CHECK(call_method(ctx, make_str("ab"), "center", { Value::integer(5) }) == "'  ab '");
    CHECK(call_method(ctx, make_str("abc"), "center", { Value::integer(6) }) == "' abc  '");
    CHECK(call_method(ctx, make_str("hello world"), "title") == "'Hello World'");
    CHECK(call_method(ctx, make_str("hELLO"), "capitalize") == "'Hello'");
    CHECK(call_method(ctx, make_str("a\nb\r\nc"), "splitlines") == "['a', 'b', 'c']");
    CHECK(call_method(ctx, make_str("aaa"), "replace", { make_str("a"), make_str("b"), Value::integer(2) }) == "'bba'");
    CHECK(call_method(ctx, make_str("123"), "isdigit") == "True");
    CHECK(call_method(ctx, make_str(""), "isdigit") == "False");
    CHECK(call_method(ctx, make_str("file.py"), "endswith", { make_tuple({ make_str(".rmb"), make_str(".py") }) }) == "True");
}

TEST_CASE("list and tuple methods", "[values]")
{
    TestContext ctx;
    Value list = make_list({ Value::integer(3), Value::integer(1), Value::integer(2) });
    call_method(ctx, list, "append", { Value::integer(1) });
    call_method(ctx, list, "insert", { Value::integer(-1), make_str("x") });
    CHECK(repr_value(ctx, list) == "[3, 1, 2, 'x', 1]");
    CHECK(call_method(ctx, list, "pop", { Value::integer(3) }) == "'x'");
    CHECK(call_method(ctx, list, "index", { Value::integer(1) }) == "1");
    CHECK(call_method(ctx, list, "index", { Value::integer(9) }) == "ValueError: 9 is not in list");
    CHECK(call_method(ctx, list, "count", { Value::integer(1) }) == "2");
    call_method(ctx, list, "remove", { Value::integer(1) });
    call_method(ctx, list, "extend", { make_tuple({ Value::integer(0) }) });
    call_method(ctx, list, "sort");
    CHECK(repr_value(ctx, list) == "[0, 1, 2, 3]");
    call_method(ctx, list, "reverse");
    CHECK(repr_value(ctx, list) == "[3, 2, 1, 0]");
    CHECK(call_method(ctx, make_list({}), "pop") == "IndexError: pop from empty list");
    CHECK(call_method(ctx, make_list({ Value::integer(1), make_str("a") }), "sort") == "TypeError: '<' not supported between instances of 'str' and 'int'");
    CHECK(call_method(ctx, make_tuple({ Value::integer(1) }), "index", { Value::integer(2) }) == "ValueError: tuple.index(x): x not in tuple");
    Value alias = list;
    inplace_op(ctx, BinaryOp::Add, list, make_list({ Value::integer(9) }));
    CHECK(repr_value(ctx, alias) == "[3, 2, 1, 0, 9]");
}
