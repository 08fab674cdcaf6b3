// The message catalog: templates of the error messages the evaluator raises, in Python's words.
// One place for the wording, so script tests and unit tests can match it; used by eval/ and cli/.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ramba::messages {

inline std::string quoted(std::string_view name)
{
    std::string out;
    out.reserve(name.size() + 2);
    out += '\'';
    out += name;
    out += '\'';
    return out;
}

// Python joins names as 'a', 'a' and 'b', 'a', 'b', and 'c'.
inline std::string join_names(const std::vector<std::string>& names)
{
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0)
            out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
        out += messages::quoted(names[i]);
    }
    return out;
}

inline std::string plural(size_t n, std::string_view singular, std::string_view plural_form)
{
    return std::to_string(n) + " " + std::string(n == 1 ? singular : plural_form);
}

// Names
inline std::string name_not_defined(std::string_view name) { return "name " + quoted(name) + " is not defined"; }
// A name numpy 1.24 has and ramba does not: said so, not left to read like a typo.
inline std::string numpy_unsupported(std::string_view module, std::string_view name)
{
    return "module " + quoted(module) + " has no attribute " + quoted(name) + " (numpy 1.24 has " + std::string(module) + "." + std::string(name) + "; ramba does not support it yet)";
}
inline std::string unbound_local(std::string_view name)
{
    return "cannot access local variable " + quoted(name) + " where it is not associated with a value";
}
inline std::string unbound_free(std::string_view name)
{
    return "cannot access free variable " + quoted(name) + " where it is not associated with a value in enclosing scope";
}

// Calls
inline std::string missing_arguments(std::string_view function, const std::vector<std::string>& names, bool keyword_only)
{
    return std::string(function) + "() missing " + std::to_string(names.size()) + " required "
        + (keyword_only ? "keyword-only" : "positional") + (names.size() == 1 ? " argument: " : " arguments: ")
        + join_names(names);
}
inline std::string too_many_positional(std::string_view function, size_t min, size_t max, size_t given, size_t keyword_only_given)
{
    std::string takes = min == max ? plural(max, "positional argument", "positional arguments")
                                   : "from " + std::to_string(min) + " to " + std::to_string(max) + " positional arguments";
    std::string out = std::string(function) + "() takes " + takes + " but ";
    if (keyword_only_given > 0)
        return out + plural(given, "positional argument", "positional arguments") + " (and "
            + plural(keyword_only_given, "keyword-only argument", "keyword-only arguments") + ") were given";
    return out + std::to_string(given) + (given == 1 ? " was given" : " were given");
}
inline std::string unexpected_keyword(std::string_view function, std::string_view name)
{
    return std::string(function) + "() got an unexpected keyword argument " + quoted(name);
}
inline std::string multiple_values(std::string_view function, std::string_view name)
{
    return std::string(function) + "() got multiple values for argument " + quoted(name);
}
inline std::string not_callable(std::string_view type) { return quoted(type) + " object is not callable"; }
inline std::string keywords_must_be_strings(std::string_view function)
{
    return std::string(function) + "() keywords must be strings";
}
inline constexpr std::string_view recursion_depth = "maximum recursion depth exceeded";

// Unpacking
inline std::string not_enough_to_unpack(size_t expected, size_t got, bool at_least)
{
    return "not enough values to unpack (expected " + std::string(at_least ? "at least " : "") + std::to_string(expected)
        + ", got " + std::to_string(got) + ")";
}
inline std::string too_many_to_unpack(size_t expected) { return "too many values to unpack (expected " + std::to_string(expected) + ")"; }

// Attributes
inline std::string no_attribute(std::string_view type, std::string_view name)
{
    return quoted(type) + " object has no attribute " + quoted(name);
}

// Exceptions
inline constexpr std::string_view must_derive_from_base_exception = "exceptions must derive from BaseException";
inline constexpr std::string_view no_active_exception = "No active exception to reraise";
inline constexpr std::string_view catching_non_exception = "catching classes that do not inherit from BaseException is not allowed";

// Imports
inline std::string no_module_named(std::string_view module) { return "No module named " + quoted(module); }
inline std::string cannot_import_name(std::string_view name, std::string_view module, std::string_view where = "unknown location")
{
    return "cannot import name " + quoted(name) + " from " + quoted(module) + " (" + std::string(where) + ")";
}

} // namespace ramba::messages
