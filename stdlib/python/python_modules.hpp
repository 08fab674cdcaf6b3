// Python's standard modules written in C++ (itertools, functools, operator, heapq, bisect, copy,
// string, typing, __future__, os, os.path, re, json, contextlib): one factory each, registered by stdlib/stdlib.cpp.
#pragma once

#include <span>
#include <string>
#include <utility>

#include "interpreter/values/value.hpp"

namespace ramba::stdlib {

interp::Ref<interp::ModuleObject> make_itertools_module();
interp::Ref<interp::ModuleObject> make_functools_module();
interp::Ref<interp::ModuleObject> make_operator_module();
interp::Ref<interp::ModuleObject> make_heapq_module();
interp::Ref<interp::ModuleObject> make_bisect_module();
interp::Ref<interp::ModuleObject> make_copy_module();
interp::Ref<interp::ModuleObject> make_string_module();
interp::Ref<interp::ModuleObject> make_typing_module();
interp::Ref<interp::ModuleObject> make_future_module();
interp::Ref<interp::ModuleObject> make_os_module();
interp::Ref<interp::ModuleObject> make_os_path_module();
interp::Ref<interp::ModuleObject> make_re_module();
interp::Ref<interp::ModuleObject> make_json_module();
interp::Ref<interp::ModuleObject> make_native_warnings_module(); // _warnings
interp::Ref<interp::ModuleObject> make_contextlib_module();

// Shared by the modules above.
namespace python {

// A module holding one builtin per row.
interp::Ref<interp::ModuleObject> module_of_rows(std::string name, std::span<const interp::BuiltinSpec> rows);

template<typename T, typename... Args>
interp::Value make_iterator(Args&&... args)
{
    return interp::Value::object(interp::Type::Iterator, interp::make_object<T>(std::forward<Args>(args)...));
}

template<typename T, typename... Args>
interp::Value make_opaque(Args&&... args)
{
    return interp::Value::object(interp::Type::Opaque, interp::make_object<T>(std::forward<Args>(args)...));
}

[[noreturn]] void raise(ErrorKind, std::string message);

inline bool less_than(interp::CallContext& ctx, const interp::Value& a, const interp::Value& b)
{
    if (a.is(interp::Type::Int) && b.is(interp::Type::Int))
        return a.as_int() < b.as_int();
    if (a.is(interp::Type::Float) && b.is(interp::Type::Float))
        return a.as_float() < b.as_float();
    return interp::truthy(ctx, interp::compare_op(ctx, interp::CompareOp::Lt, a, b));
}

inline interp::Value call1(interp::CallContext& ctx, const interp::Value& f, const interp::Value& a)
{
    return ctx.call(f, std::span<const interp::Value>(&a, 1));
}

inline interp::Value call2(interp::CallContext& ctx, const interp::Value& f, const interp::Value& a, const interp::Value& b)
{
    interp::Value args[] = { a, b };
    return ctx.call(f, std::span<const interp::Value>(args, 2));
}

// The positional items of a `*args` parameter (bound as one tuple).
inline const interp::Values& star_args(const interp::Value& tuple) { return tuple.as<interp::TupleObject>().items; }

} // namespace python

} // namespace ramba::stdlib
