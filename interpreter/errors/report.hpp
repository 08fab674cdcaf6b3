// Error reports: how an uncaught RambaError is shown to a person (`file:line:col: Kind: message`,
// the source line, a caret). Used by the CLI (scripts: stderr, exit 1) and the REPL (keeps going).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/error.hpp"

namespace ramba {

// An error that left frames of user code: its traceback, then the headline (Python prints the error
// there). Otherwise the headline, then the source line and a caret; `source` may be null or not
// contain the error's line: then only the headline is printed.
// The text ends with a newline.
// `kind_name`, when given, replaces the kind's name (an uncaught user exception class: `MyError`).
// `suggestion`, when given, ends the message as Python 3.11's `. Did you mean: 'name'?`.
std::string format_error_report(const RambaError&, std::string_view filename, const std::string* source,
    std::string_view kind_name = {}, std::string_view suggestion = {});

// `Traceback (most recent call last):` and the entries of an error's traceback, as Python 3.11 prints them
// (traceback.cpp). Ends with a newline.
std::string format_traceback(const std::vector<TracebackEntry>&);

// The first line alone: `file:line:col: Kind: message` (or `file: Kind: message` without a position).
std::string format_error_headline(const RambaError&, std::string_view filename, std::string_view kind_name = {},
    std::string_view suggestion = {});

// A warning as Python's warnings module shows it: `file:line: Category: message`, then the source
// line stripped and indented by two (when `source` is given and holds it). Ends with a newline.
std::string format_warning_report(std::string_view filename, uint32_t line, std::string_view text, const std::string* source);

} // namespace ramba
