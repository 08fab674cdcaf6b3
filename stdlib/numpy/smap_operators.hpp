// Python's scalar operators, builtins and math/numpy calls as planner nodes: the vocabulary the smap
// compiler (smap_compiler.cpp) translates a function body into. Internal to stdlib/numpy.
#pragma once

#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "engine/planner/node.hpp"
#include "interpreter/ast/ast.hpp"

namespace ramba::numpy::smap {

using engine::DType;
using engine::planner::NodePtr;

// Thrown for a body the compiler cannot take; the caller falls back to per-element calls.
struct NotCompilable {
    std::string reason;
};

[[noreturn]] inline void give_up(std::string reason) { throw NotCompilable { std::move(reason) }; }

// Python's scalar kinds, in promotion order; a node holds bool, int64 or float64.
enum class Kind { Bool, Int, Float };

Kind kind_of(const NodePtr&);
DType dtype_of(Kind);
NodePtr as_kind(const NodePtr&, Kind);
// A node in Python's own type for its kind (np functions may give float32 or int8).
NodePtr normalized(const NodePtr&);
NodePtr float_constant(double);
NodePtr int_constant(DType, int64_t); // 0-d leaf of any real dtype
NodePtr apply(vm::OpCode, std::vector<NodePtr> operands);
// Python's truth of a number: x != 0.
NodePtr truth(const NodePtr&);

// Promotes two values to a common kind; `mixed` (when given) notes that they differed, which for
// branch results means Python picks the type per element.
std::pair<NodePtr, NodePtr> unify(NodePtr a, NodePtr b, bool* mixed);
// where(test, a, b) with unify's promotion.
NodePtr select(const NodePtr& test, NodePtr a, NodePtr b, bool* mixed);

// Python arithmetic (bool arithmetic gives int, int / int a float, int ** constant >= 0 an int).
NodePtr arithmetic(ast::BinOpKind, NodePtr a, NodePtr b);
NodePtr comparison(ast::CompareKind, NodePtr a, NodePtr b);
// abs min max float int bool round pow; min/max of mixed kinds set `mixed`.
NodePtr python_builtin(const std::string& name, std::vector<NodePtr> args, bool* mixed);
NodePtr math_function(const std::string& name, std::vector<NodePtr> args);
NodePtr numpy_function(const std::string& name, std::vector<NodePtr> args);

} // namespace ramba::numpy::smap
