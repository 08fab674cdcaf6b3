// Helpers for the front end's unit tests: parse a text and show its AST dump or its error.
// Used by tests/unit/ast/*_tests.cpp.
#pragma once

#include <string>

#include "interpreter/ast/builder.hpp"
#include "base/error.hpp"

namespace ramba::ast_test {

inline std::string dump_of(const std::string& source)
{
    ast::GlobalTable globals;
    auto module = ast::parse_module("<test>", std::make_shared<const std::string>(source), globals);
    return ast::dump(*module);
}

// "line:col: Kind: message" of the error parsing `source` raises, or "no error".
inline std::string error_of(const std::string& source)
{
    ast::GlobalTable globals;
    try {
        ast::parse_module("<test>", std::make_shared<const std::string>(source), globals);
    } catch (RambaError& error) {
        return std::to_string(error.span().line) + ":" + std::to_string(error.span().column) + ": "
            + std::string(error_kind_name(error.kind())) + ": " + error.message();
    }
    return "no error";
}

} // namespace ramba::ast_test
