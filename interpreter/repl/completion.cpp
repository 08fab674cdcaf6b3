// Completion candidates (see completion.hpp).
#include "interpreter/repl/completion.hpp"

#include <algorithm>
#include <set>

namespace ramba::repl {

namespace {
constexpr const char* keywords[] = {
    "False", "None", "True", "and", "as", "assert", "break", "continue", "def", "del", "elif", "else",
    "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
    "not", "or", "pass", "raise", "return", "try", "while", "yield",
};

// Method names of the core types, offered after a dot when the object has them.
constexpr const char* core_methods[] = {
    "append", "capitalize", "clear", "copy", "count", "endswith", "extend", "find", "format", "get",
    "index", "insert", "isalpha", "isdigit", "items", "join", "keys", "lower", "lstrip", "pop",
    "remove", "replace", "reverse", "rfind", "rsplit", "rstrip", "setdefault", "sort", "split",
    "splitlines", "startswith", "strip", "title", "update", "upper", "values", "zfill", "args",
    "real", "imag", "conjugate", "start", "stop", "step", "bit_length", "is_integer",
};

std::optional<interp::Value> lookup_name(interp::Interpreter& interpreter, const std::string& name)
{
    if (auto value = interpreter.global(name))
        return value;
    if (const interp::Value* builtin = interp::builtins_module().find(name))
        return *builtin;
    return std::nullopt;
}

void attribute_names(interp::Interpreter& interpreter, const interp::Value& object, std::set<std::string>& out)
{
    using interp::Type;
    if (object.is(Type::Module)) {
        for (const auto& [name, value] : object.as<interp::ModuleObject>().entries())
            out.insert(name);
        return;
    }
    if (object.is(Type::Opaque)) {
        const auto& info = static_cast<interp::OpaqueObject&>(*object.object()).type_info();
        for (const auto& method : info.methods)
            out.insert(method.name);
        for (const auto& attribute : info.attributes)
            out.insert(attribute.name);
        return;
    }
    if (object.is(Type::Iterator)) { // a generator's send, throw, close
        for (const auto& method : object.as<interp::IteratorObject>().methods())
            out.insert(method.name);
        return;
    }
    for (const char* name : core_methods) {
        try {
            (void)interp::get_attribute(interpreter, object, name);
            out.insert(name);
        } catch (const RambaError&) {
        }
    }
}
}

std::vector<std::string> completions(interp::Interpreter& interpreter, const std::string& text)
{
    std::set<std::string> candidates;
    size_t dot = text.rfind('.');
    if (dot == std::string::npos) {
        for (const char* keyword : keywords)
            candidates.insert(keyword);
        for (const auto& name : interpreter.bound_global_names())
            candidates.insert(name);
        for (const auto& [name, value] : interp::builtins_module().attributes)
            candidates.insert(name);
    } else {
        // Walk the dotted prefix through module attributes only: nothing runs.
        std::string prefix = text.substr(0, dot);
        size_t start = 0;
        size_t next = prefix.find('.');
        auto object = lookup_name(interpreter, prefix.substr(0, next));
        while (object && next != std::string::npos) {
            start = next + 1;
            next = prefix.find('.', start);
            std::string part = prefix.substr(start, next == std::string::npos ? std::string::npos : next - start);
            if (!object->is(interp::Type::Module)) {
                object.reset();
                break;
            }
            const interp::Value* attribute = object->as<interp::ModuleObject>().find(part);
            if (!attribute) {
                object.reset();
                break;
            }
            object = *attribute;
        }
        if (object) {
            std::set<std::string> names;
            attribute_names(interpreter, *object, names);
            for (const auto& name : names)
                candidates.insert(prefix + "." + name);
        }
    }
    // Private names (`_x`) only when the user has typed the underscore, as rlcompleter does.
    std::string last = dot == std::string::npos ? text : text.substr(dot + 1);
    bool want_private = !last.empty() && last[0] == '_';
    std::vector<std::string> out;
    for (const auto& candidate : candidates) {
        if (candidate.compare(0, text.size(), text) != 0)
            continue;
        size_t name_start = dot == std::string::npos ? 0 : dot + 1;
        if (!want_private && name_start < candidate.size() && candidate[name_start] == '_')
            continue;
        out.push_back(candidate);
    }
    return out;
}

} // namespace ramba::repl
