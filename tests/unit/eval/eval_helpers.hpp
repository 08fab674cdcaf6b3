// Helpers for the evaluator's unit tests: run a program text, return what it printed or the error.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "interpreter/ast/builder.hpp"
#include "interpreter/eval/interpreter.hpp"
#include "stdlib/stdlib.hpp"

namespace ramba::test::eval {

struct RunResult {
    std::string output;
    std::optional<RambaError> error;
};

inline RunResult run_program(interp::Interpreter& interpreter, const std::string& code, interp::Echo echo = interp::Echo::No)
{
    static bool registered = (stdlib::register_all(), true); // math, sys, ... for import tests
    (void)registered;
    RunResult result;
    interpreter.capture_stdout(&result.output);
    try {
        auto module = ast::parse_module("<test>", std::make_shared<const std::string>(code), interpreter.global_table());
        interpreter.run(*module, echo);
    } catch (const RambaError& error) {
        result.error = error;
    }
    interpreter.capture_stdout(nullptr);
    return result;
}

inline RunResult run_program(const std::string& code)
{
    interp::Interpreter interpreter;
    return run_program(interpreter, code);
}

// What the program printed; fails the test on an uncaught error.
inline std::string output_of(const std::string& code)
{
    auto result = run_program(code);
    if (result.error)
        return "<" + std::string(error_kind_name(result.error->kind())) + ": " + result.error->message() + ">";
    return result.output;
}

// "Kind: message" of the uncaught error, or "" when there was none.
inline std::string error_of(const std::string& code)
{
    auto result = run_program(code);
    if (!result.error)
        return "";
    return std::string(error_kind_name(result.error->kind())) + ": " + result.error->message();
}

} // namespace ramba::test::eval
