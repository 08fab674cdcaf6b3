// A CallContext for unit tests of values/ and stdlib/python: calls natives through call_builtin and
// collects what they print, so the value layer is tested without the evaluator.
#pragma once

#include <string>

#include "interpreter/values/value.hpp"

namespace ramba::interp::testing {

class TestContext final : public CallContext {
public:
    Value call(const Value& callee, std::span<const Value> args) override { return call_builtin(*this, callee, args, {}); }
    Value call(const Value& callee, std::span<const Value> args, std::span<const std::pair<std::string, Value>> keywords) override
    {
        return call_builtin(*this, callee, args, keywords);
    }
    void write_stdout(std::string_view text) override { out += text; }
    void write_stderr(std::string_view text) override { err += text; }
    SourceSpan current_span() const override { return {}; }

    std::string out;
    std::string err;
};

inline Value builtin(std::string_view name)
{
    const Value* value = builtins_module().find(name);
    RAMBA_ASSERT(value, "test asks for an existing builtin");
    return *value;
}

inline Value make_test_dict(std::initializer_list<std::pair<Value, Value>> entries)
{
    TestContext ctx;
    Value dict = make_dict();
    for (auto& [key, value] : entries)
        dict_set(ctx, dict.as<DictObject>(), key, value);
    return dict;
}

inline Value make_range_value(int64_t start, int64_t stop, int64_t step)
{
    TestContext ctx;
    Value args[] = { Value::integer(start), Value::integer(stop), Value::integer(step) };
    return call_builtin(ctx, builtin("range"), args, {});
}

// The outcome of a thunk as Python's tests see it: ("", repr(result)) or (kind name, message).
template<typename Thunk>
std::pair<std::string, std::string> outcome(CallContext& ctx, Thunk thunk)
{
    try {
        return { "", repr_value(ctx, thunk()) };
    } catch (const RambaError& error) {
        return { std::string(error_kind_name(error.kind())), error.message() };
    }
}

} // namespace ramba::interp::testing
