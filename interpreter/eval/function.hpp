// FunctionObject: a user function (`def` or `lambda`) as a Value of Type::Function.
// Made by the evaluator when the definition runs; called by Interpreter (call.cpp). Values code may
// include this header to print `<function name at 0x...>`.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "interpreter/ast/ast.hpp"
#include "interpreter/values/value.hpp"

namespace ramba::interp {

struct FunctionObject final : Object {
    std::shared_ptr<const ast::FunctionInfo> info;
    std::string name;                                 // __name__
    std::string qualname;                             // __qualname__ when it differs ("C.method"), else empty
    Values defaults;                                  // one per parameter; unbound where none
    std::vector<Ref<CellObject>> closure; // free variables, in free_variable_sources order
    // Where the code came from, for error reports of errors raised inside the function.
    std::string filename;
    std::shared_ptr<const std::string> source;
    struct ModuleScope* scope { nullptr }; // the module whose globals the body sees
    std::shared_ptr<ModuleScope> scope_owner; // keeps `scope` alive while the function is

    // Derived from info once, so calls need not look at the parameter list again.
    uint32_t num_positional { 0 };   // parameters before `*`/`*args`
    uint32_t first_default { 0 };    // first positional parameter with a default
    int32_t varargs_index { -1 };
    int32_t varkeywords_index { -1 };
    uint32_t num_keyword_only { 0 };
    // OPTIMIZATION: only positional parameters, stored in locals 0..n-1: the caller's evaluated
    // arguments on the value stack become the callee's first locals, with no copying.
    bool simple { false };

    FunctionObject(std::shared_ptr<const ast::FunctionInfo>, Values defaults,
        std::vector<Ref<CellObject>> closure, std::string filename, std::shared_ptr<const std::string> source);
};

} // namespace ramba::interp
