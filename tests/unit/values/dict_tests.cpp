// The dict table: insertion order, numeric key equality (1 == 1.0 == True), erase/reinsert, growth,
// views, and the methods' behaviour and errors.
#include <catch2/catch.hpp>

#include "tests/unit/values/test_context.hpp"

using namespace ramba::interp;
using namespace ramba::interp::testing;

TEST_CASE("dict keeps insertion order and compares numeric keys by value", "[values]")
{
    TestContext ctx;
    Value d = make_dict();
    auto& dict = d.as<DictObject>();
    dict_set(ctx, dict, make_str("b"), Value::integer(1));
    dict_set(ctx, dict, Value::integer(1), make_str("int"));
    dict_set(ctx, dict, Value::floating(1.0), make_str("float"));
    dict_set(ctx, dict, Value::boolean(true), make_str("bool"));
    dict_set(ctx, dict, make_tuple({ Value::integer(1), Value::integer(2) }), Value());
    CHECK(repr_value(ctx, d) == "{'b': 1, 1: 'bool', (1, 2): None}");
    CHECK(dict_erase(ctx, dict, make_str("b")));
    dict_set(ctx, dict, make_str("b"), Value::integer(2));
    CHECK(repr_value(ctx, d) == "{1: 'bool', (1, 2): None, 'b': 2}");
    CHECK(outcome(ctx, [&] { dict_set(ctx, dict, make_list({}), Value()); return Value(); }).second == "unhashable type: 'list'");
}

TEST_CASE("dict grows and erases consistently", "[values]")
{
    TestContext ctx;
    Value d = make_dict();
    auto& dict = d.as<DictObject>();
    for (int64_t i = 0; i < 5000; ++i)
        dict_set(ctx, dict, Value::integer(i * 7), Value::integer(i));
    for (int64_t i = 0; i < 5000; i += 2)
        REQUIRE(dict_erase(ctx, dict, Value::integer(i * 7)));
    CHECK(dict.entries.size() == 2500);
    for (int64_t i = 0; i < 5000; ++i) {
        auto* found = dict_find(ctx, dict, Value::integer(i * 7));
        REQUIRE((found != nullptr) == (i % 2 == 1));
        if (found)
            REQUIRE(found->as_int() == i);
    }
    for (int64_t i = 0; i < 1000; ++i)
        dict_set(ctx, dict, make_str("k" + std::to_string(i)), Value::integer(i));
    CHECK(dict_find(ctx, dict, make_str("k999"))->as_int() == 999);
    CHECK(dict.entries.back().first.as<StrObject>().value == "k999");
}

TEST_CASE("dict methods and views", "[values]")
{
    TestContext ctx;
    Value d = make_test_dict({ { make_str("a"), Value::integer(1) }, { make_str("b"), Value::integer(2) } });
    auto method = [&](const char* name, Values args) { return call_builtin(ctx, get_attribute(ctx, d, name), args, {}); };
    CHECK(repr_value(ctx, method("keys", {})) == "dict_keys(['a', 'b'])");
    CHECK(repr_value(ctx, method("values", {})) == "dict_values([1, 2])");
    CHECK(repr_value(ctx, method("items", {})) == "dict_items([('a', 1), ('b', 2)])");
    CHECK(contains(ctx, method("keys", {}), make_str("a")));
    CHECK(repr_value(ctx, method("get", { make_str("z") })) == "None");
    CHECK(repr_value(ctx, method("pop", { make_str("a") })) == "1");
    CHECK(repr_value(ctx, method("pop", { make_str("a"), Value::integer(0) })) == "0");
    CHECK(outcome(ctx, [&] { return method("pop", { make_str("a") }); }).second == "'a'");
    CHECK(repr_value(ctx, method("setdefault", { make_str("c"), make_list({}) })) == "[]");
    method("update", { make_list({ make_tuple({ make_str("d"), Value::integer(4) }) }) });
    CHECK(repr_value(ctx, d) == "{'b': 2, 'c': [], 'd': 4}");
    CHECK(repr_value(ctx, method("popitem", {})) == "('d', 4)");
    method("clear", {});
    CHECK(outcome(ctx, [&] { return method("popitem", {}); }).second == "'popitem(): dictionary is empty'");
    std::vector<std::pair<std::string, Value>> keywords { { "x", Value::integer(1) } };
    Value pairs = make_list({ make_tuple({ Value::integer(1), Value::integer(2) }) });
    CHECK(repr_value(ctx, call_builtin(ctx, builtin("dict"), std::span<const Value>(&pairs, 1), keywords)) == "{1: 2, 'x': 1}");
}
