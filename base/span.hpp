// A source position: every AST node, DAG node and error carries one.
// Lines and columns are 1-based, as printed in `file:line:col: Kind: message`.
#pragma once

#include <cstdint>

namespace ramba {

struct SourceSpan {
    uint32_t line { 0 };     // 0 means "no position known"
    uint32_t column { 0 };
    uint32_t end_line { 0 };
    uint32_t end_column { 0 }; // exclusive
    bool is_known() const { return line != 0; }
};

} // namespace ramba
