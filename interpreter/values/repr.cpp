// repr() and str() of every value, exactly as Python 3.11 prints them: shortest round-trip floats in
// Python's layout, complex numbers, quoted strings, containers (with [...] for cycles), reprs of objects.
#include <charconv>
#include <cmath>
#include <cstdio>
#include <unordered_set>

#include "interpreter/values/internal.hpp"
#include "interpreter/values/user_classes.hpp"
#include "interpreter/values/native_depth.hpp"

namespace ramba::interp {

std::string float_digits(double d, int& exponent, int significant)
{
    char buffer[400];
    auto result = significant > 0
        ? std::to_chars(buffer, buffer + sizeof buffer, std::fabs(d), std::chars_format::scientific, significant - 1)
        : std::to_chars(buffer, buffer + sizeof buffer, std::fabs(d), std::chars_format::scientific);
    std::string_view text(buffer, result.ptr - buffer);
    size_t e = text.find('e');
    std::string digits;
    for (char c : text.substr(0, e)) {
        if (c != '.')
            digits += c;
    }
    exponent = 0;
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    return digits;
}

// CPython format_float_short for the 'g' / 'r' / none types, from digits and decpt.
void layout_short(const std::string& digits_in, int decpt, bool use_exponent, int pad_to, bool alternate, bool add_dot_zero,
    char exponent_char, std::string& integer_part, std::string& rest)
{
    std::string digits = digits_in;
    if (alternate && static_cast<int>(digits.size()) < pad_to)
        digits.append(static_cast<size_t>(pad_to - static_cast<int>(digits.size())), '0');
    if (use_exponent) {
        integer_part = digits.substr(0, 1);
        rest.clear();
        if (digits.size() > 1 || alternate)
            rest = "." + digits.substr(1);
        char tail[16];
        int exponent = decpt - 1;
        std::snprintf(tail, sizeof tail, "%c%c%02d", exponent_char, exponent < 0 ? '-' : '+', std::abs(exponent));
        rest += tail;
        return;
    }
    auto n = static_cast<int>(digits.size());
    if (decpt <= 0) {
        integer_part = "0";
        rest = "." + std::string(static_cast<size_t>(-decpt), '0') + digits;
    } else if (decpt >= n) {
        integer_part = digits + std::string(static_cast<size_t>(decpt - n), '0');
        rest = alternate ? "." : add_dot_zero ? ".0" : "";
    } else {
        integer_part = digits.substr(0, static_cast<size_t>(decpt));
        rest = "." + digits.substr(static_cast<size_t>(decpt));
    }
}

// CPython's repr of a float: the shortest digits, in exponent form when the exponent is < -4 or >= 16.
std::string repr_float_part(double d, bool add_dot_zero)
{
    if (std::isnan(d))
        return "nan";
    if (std::isinf(d))
        return d > 0 ? "inf" : "-inf";
    int exponent;
    std::string digits = float_digits(d, exponent);
    int decpt = exponent + 1;
    std::string integer_part, rest;
    layout_short(digits, decpt, decpt <= -4 || decpt > 16, 0, false, add_dot_zero, 'e', integer_part, rest);
    return (std::signbit(d) ? "-" : "") + integer_part + rest;
}

std::string repr_float(double d) { return repr_float_part(d, true); }

namespace {

std::string repr_complex(std::complex<double> c)
{
    // CPython complex_repr: no parentheses when the real part is +0.
    if (c.real() == 0.0 && !std::signbit(c.real()))
        return repr_float_part(c.imag(), false) + "j";
    std::string imag = repr_float_part(c.imag(), false);
    if (imag[0] != '-')
        imag = "+" + imag;
    return "(" + repr_float_part(c.real(), false) + imag + "j)";
}

bool is_printable(uint32_t cp)
{
    if (cp < 0x20 || cp == 0x7F)
        return false;
    if (cp >= 0x80 && cp <= 0xA0)
        return false;
    if (cp == 0xAD || cp == 0x2028 || cp == 0x2029 || (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF)
        return false;
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return false;
    return true;
}

// Guards container reprs against cycles (`a = []; a.append(a)` prints [[...]]).
struct ReprGuard {
    static std::unordered_set<const void*>& active()
    {
        static std::unordered_set<const void*> set;
        return set;
    }
    const void* object;
    bool entered;
    explicit ReprGuard(const void* o) : object(o), entered(active().insert(o).second) { }
    ~ReprGuard() { if (entered) active().erase(object); }
};

std::string join_reprs(CallContext& ctx, std::span<const Value> items)
{
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ", ";
        out += repr_value(ctx, items[i]);
    }
    return out;
}

std::string repr_exception(CallContext& ctx, const ExceptionObject& e)
{
    std::string name(error_kind_name(e.kind));
    if (!e.args.empty())
        return name + "(" + join_reprs(ctx, e.args) + ")";
    if (!e.message.empty())
        return name + "(" + repr_string(e.message) + ")";
    return name + "()";
}

} // namespace

std::string repr_string(std::string_view s)
{
    bool has_single = s.find('\'') != std::string_view::npos;
    bool has_double = s.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out;
    out.reserve(s.size() + 2);
    out += quote;
    size_t position = 0;
    uint32_t cp;
    while (position < s.size()) {
        size_t begin = position;
        utf8_decode_one(s, position, cp);
        char buffer[16];
        if (cp == static_cast<uint32_t>(quote) || cp == '\\') {
            out += '\\';
            out += static_cast<char>(cp);
        } else if (cp == '\t') {
            out += "\\t";
        } else if (cp == '\n') {
            out += "\\n";
        } else if (cp == '\r') {
            out += "\\r";
        } else if (!is_printable(cp)) {
            if (cp < 0x100)
                std::snprintf(buffer, sizeof buffer, "\\x%02x", cp);
            else if (cp < 0x10000)
                std::snprintf(buffer, sizeof buffer, "\\u%04x", cp);
            else
                std::snprintf(buffer, sizeof buffer, "\\U%08x", cp);
            out += buffer;
        } else {
            out.append(s.substr(begin, position - begin));
        }
    }
    out += quote;
    return out;
}

std::string repr_value(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::None: return "None";
    case Type::Bool: return v.as_bool() ? "True" : "False";
    case Type::Int: {
        char buffer[32];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, v.as_int());
        return std::string(buffer, result.ptr);
    }
    case Type::Float: return repr_float(v.as_float());
    case Type::Complex: return repr_complex(v.as_complex());
    case Type::Str: return repr_string(v.as<StrObject>().value);
    case Type::List: {
        check_native_stack(" while getting the repr of an object");
        ReprGuard guard(v.object().get());
        if (!guard.entered)
            return "[...]";
        return "[" + join_reprs(ctx, v.as<ListObject>().items) + "]";
    }
    case Type::Tuple: {
        check_native_stack(" while getting the repr of an object");
        auto& items = v.as<TupleObject>().items;
        if (items.size() == 1)
            return "(" + repr_value(ctx, items[0]) + ",)";
        return "(" + join_reprs(ctx, items) + ")";
    }
    case Type::Dict: {
        check_native_stack(" while getting the repr of an object");
        ReprGuard guard(v.object().get());
        if (!guard.entered)
            return "{...}";
        std::string out = "{";
        bool first = true;
        for (auto& [key, value] : v.as<DictObject>().entries) {
            if (!first)
                out += ", ";
            first = false;
            out += repr_value(ctx, key) + ": " + repr_value(ctx, value);
        }
        return out + "}";
    }
    case Type::Range: {
        auto& r = v.as<RangeObject>();
        std::string out = "range(" + std::to_string(r.start) + ", " + std::to_string(r.stop);
        if (r.step != 1)
            out += ", " + std::to_string(r.step);
        return out + ")";
    }
    case Type::Slice: {
        auto& s = v.as<SliceObject>();
        return "slice(" + repr_value(ctx, s.start) + ", " + repr_value(ctx, s.stop) + ", " + repr_value(ctx, s.step) + ")";
    }
    case Type::Ellipsis: return "Ellipsis";
    case Type::Function:
        return "<function " + std::string(function_name(v)) + " at " + address_string(v.object().get()) + ">";
    case Type::Builtin: {
        std::string_view name = v.as<BuiltinObject>().spec->name;
        // Python's exit and quit (not sys.exit) are objects whose repr tells a REPL user how to leave.
        if (name == "help" && builtins_module().find("help") && builtins_module().find("help")->is(Type::Builtin)
            && builtins_module().find("help")->as<BuiltinObject>().spec == v.as<BuiltinObject>().spec)
            return "Type help() for interactive help, or help(object) for help about object.";
        if (name == "exit" || name == "quit") {
            const Value* builtin = builtins_module().find(std::string(name));
            if (builtin && builtin->is(Type::Builtin) && builtin->as<BuiltinObject>().spec == v.as<BuiltinObject>().spec)
                return "Use " + std::string(name) + "() or Ctrl-D (i.e. EOF) to exit";
        }
        return "<built-in function " + std::string(name) + ">";
    }
    case Type::BoundMethod: {
        auto& m = v.as<BoundMethodObject>();
        if (m.function.is(Type::Builtin))
            return "<built-in method " + std::string(function_name(m.function)) + " of " + std::string(type_name(m.self))
                + " object at " + address_string(m.self.object().get()) + ">";
        return "<bound method " + std::string(function_name(m.function)) + " of " + repr_value(ctx, m.self) + ">";
    }
    case Type::Module: {
        auto& module = v.as<ModuleObject>();
        if (module.scope) {
            if (const Value* file = module.find("__file__"); file && file->is(Type::Str))
                return "<module '" + module.name + "' from '" + file->as<StrObject>().value + "'>";
        }
        return "<module '" + module.name + "' (built-in)>";
    }
    case Type::Class:
        if (v.as<ClassObject>().is_user())
            return "<class '" + class_module(v.as<ClassObject>()) + "." + v.as<ClassObject>().qualname + "'>";
        return "<class '" + v.as<ClassObject>().name + "'>";
    case Type::Exception:
        if (v.as<ExceptionObject>().cls) {
            check_native_stack(" while getting the repr of an object");
            Value text;
            if (call_special(ctx, v, "__repr__", {}, text) && text.is(Type::Str))
                return text.as<StrObject>().value;
            return default_repr(ctx, v);
        }
        return repr_exception(ctx, v.as<ExceptionObject>());
    case Type::Iterator:
        return "<" + std::string(v.as<IteratorObject>().type_name()) + " object at " + address_string(v.object().get()) + ">";
    case Type::Cell: return "<cell at " + address_string(v.object().get()) + ">";
    case Type::Opaque: {
        auto& info = v.as<OpaqueObject>().type_info();
        if (info.repr)
            return info.repr(ctx, v);
        if (info.str)
            return info.str(ctx, v);
        return "<" + std::string(info.name) + " object at " + address_string(v.object().get()) + ">";
    }
    }
    return "?";
}

std::string str_value(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::Str: return v.as<StrObject>().value;
    case Type::Exception:
        if (v.as<ExceptionObject>().cls)
            return exception_text(ctx, v);
        return v.as<ExceptionObject>().message;
    case Type::Opaque: {
        auto& info = v.as<OpaqueObject>().type_info();
        if (info.str)
            return info.str(ctx, v);
        return repr_value(ctx, v);
    }
    default: return repr_value(ctx, v);
    }
}

} // namespace ramba::interp
