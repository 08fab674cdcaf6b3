// The sys and time modules: argv, exit codes, streams, version, float_info, recursion limit, clocks.
#include <catch2/catch.hpp>

#include "stdlib/python/sys_module.hpp"
#include "stdlib/python/time_module.hpp"
#include "stdlib/stdlib.hpp"
#include "tests/unit/values/test_context.hpp"

using namespace ramba::interp;
using namespace ramba::interp::testing;

TEST_CASE("sys module", "[stdlib]")
{
    ramba::stdlib::register_all();
    TestContext ctx;
    ramba::stdlib::set_sys_argv({ "script.py", "a" });
    auto sys = import_module("sys");
    REQUIRE(sys);
    CHECK(repr_value(ctx, *sys->find("argv")) == "['script.py', 'a']");
    CHECK(str_value(ctx, *sys->find("version")).starts_with("3.11"));
    CHECK(repr_value(ctx, *sys->find("maxsize")) == "9223372036854775807");
    CHECK(repr_value(ctx, get_attribute(ctx, *sys->find("float_info"), "epsilon")) == "2.220446049250313e-16");
    CHECK(repr_value(ctx, get_attribute(ctx, *sys->find("float_info"), "max")) == "1.7976931348623157e+308");
    Value text = make_str("hi\n");
    CHECK(call_builtin(ctx, get_attribute(ctx, *sys->find("stderr"), "write"), std::span<const Value>(&text, 1), {}).as_int() == 3);
    CHECK(ctx.err == "hi\n");
    Value limit = Value::integer(50);
    call_builtin(ctx, *sys->find("setrecursionlimit"), std::span<const Value>(&limit, 1), {});
    CHECK(recursion_limit() == 50);
    CHECK(call_builtin(ctx, *sys->find("getrecursionlimit"), {}, {}).as_int() == 50);
    set_recursion_limit(1000);
    Value code = Value::integer(4);
    try {
        call_builtin(ctx, *sys->find("exit"), std::span<const Value>(&code, 1), {});
        FAIL("sys.exit returned");
    } catch (const ramba::RambaError& e) {
        std::string message;
        CHECK(e.kind() == ramba::ErrorKind::SystemExit);
        CHECK(system_exit_status(ctx, e, message) == 4);
    }
}

TEST_CASE("time module clocks move forward and sleep waits", "[stdlib]")
{
    TestContext ctx;
    auto time = ramba::stdlib::make_time_module();
    double t0 = call_builtin(ctx, *time->find("perf_counter"), {}, {}).as_float();
    Value pause = Value::floating(0.01);
    call_builtin(ctx, *time->find("sleep"), std::span<const Value>(&pause, 1), {});
    double t1 = call_builtin(ctx, *time->find("perf_counter"), {}, {}).as_float();
    CHECK(t1 - t0 >= 0.009);
    CHECK(call_builtin(ctx, *time->find("time"), {}, {}).as_float() > 1.6e9);
    CHECK(call_builtin(ctx, *time->find("perf_counter_ns"), {}, {}).as_int() > 0);
    Value negative = Value::integer(-1);
    CHECK(outcome(ctx, [&] { return call_builtin(ctx, *time->find("sleep"), std::span<const Value>(&negative, 1), {}); }).second
        == "sleep length must be non-negative");
}
