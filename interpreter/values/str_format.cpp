// str.format ("{0:>5} {name!r}") and printf-style "%5.2f" % x: both parse their template here and hand
// each field to format_value(), so the spec mini-language lives in one place (format.cpp).
#include <charconv>
#include <cmath>

#include "interpreter/values/bigint.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

struct FormatState {
    CallContext& ctx;
    std::span<const Value> args;
    const DictObject* kwargs;
    int64_t next_auto { 0 };
    enum class Numbering { Unknown, Auto, Manual } numbering { Numbering::Unknown };
};

bool all_digits(std::string_view s)
{
    if (s.empty())
        return false;
    for (char c : s) {
        if (c < '0' || c > '9')
            return false;
    }
    return true;
}

Value resolve_field(FormatState& state, std::string_view name)
{
    size_t end = name.find_first_of(".[");
    std::string_view first = name.substr(0, end);
    Value value;
    if (first.empty() || all_digits(first)) {
        int64_t index;
        if (first.empty()) {
            if (state.numbering == FormatState::Numbering::Manual)
                throw_error(ErrorKind::ValueError, "cannot switch from manual field specification to automatic field numbering");
            state.numbering = FormatState::Numbering::Auto;
            index = state.next_auto++;
        } else {
            if (state.numbering == FormatState::Numbering::Auto)
                throw_error(ErrorKind::ValueError, "cannot switch from automatic field numbering to manual field specification");
            state.numbering = FormatState::Numbering::Manual;
            std::from_chars(first.data(), first.data() + first.size(), index);
        }
        if (index >= static_cast<int64_t>(state.args.size()))
            throw_error(ErrorKind::IndexError, "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
        value = state.args[static_cast<size_t>(index)];
    } else {
        Value key = make_str(std::string(first));
        const Value* found = state.kwargs ? dict_find(state.ctx, *state.kwargs, key) : nullptr;
        if (!found)
            throw_key_error(state.ctx, key);
        value = *found;
    }
    while (end != std::string_view::npos && end < name.size()) {
        if (name[end] == '.') {
            size_t next = name.find_first_of(".[", end + 1);
            value = get_attribute(state.ctx, value, name.substr(end + 1, next == std::string_view::npos ? std::string_view::npos : next - end - 1));
            end = next;
        } else {
            size_t close = name.find(']', end);
            if (close == std::string_view::npos)
                throw_error(ErrorKind::ValueError, "Missing ']' in format string");
            std::string_view key = name.substr(end + 1, close - end - 1);
            int64_t index;
            Value k = all_digits(key) ? (std::from_chars(key.data(), key.data() + key.size(), index), Value::integer(index)) : make_str(std::string(key));
            value = get_item(state.ctx, value, k);
            end = close + 1;
            if (end < name.size() && name[end] != '.' && name[end] != '[')
                throw_error(ErrorKind::ValueError, "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return value;
}

std::string expand(FormatState& state, std::string_view format, int depth);

std::string format_field(FormatState& state, std::string_view field, int depth)
{
    // field_name [! conversion] [: spec]; the name part cannot contain ':' or '!' outside brackets.
    size_t i = 0;
    int bracket = 0;
    for (; i < field.size(); ++i) {
        if (field[i] == '[')
            ++bracket;
        else if (field[i] == ']')
            --bracket;
        else if (bracket == 0 && (field[i] == '!' || field[i] == ':'))
            break;
    }
    std::string_view name = field.substr(0, i);
    char conversion = 0;
    if (i < field.size() && field[i] == '!') {
        if (i + 1 >= field.size())
            throw_error(ErrorKind::ValueError, "end of string while looking for conversion specifier");
        conversion = field[i + 1];
        i += 2;
        if (i < field.size() && field[i] != ':')
            throw_error(ErrorKind::ValueError, "expected ':' after conversion specifier");
    }
    Value value = resolve_field(state, name); // numbered before the nested fields of its spec
    std::string spec;
    if (i < field.size() && field[i] == ':')
        spec = expand(state, field.substr(i + 1), depth + 1);
    switch (conversion) {
    case 0: break;
    case 'r':
    case 'a': value = make_str(repr_value(state.ctx, value)); break;
    case 's': value = make_str(str_value(state.ctx, value)); break;
    default:
        throw_error(ErrorKind::ValueError, std::string("Unknown conversion specifier ") + conversion);
    }
    return format_value(state.ctx, value, spec);
}

std::string expand(FormatState& state, std::string_view format, int depth)
{
    if (depth > 2)
        throw_error(ErrorKind::ValueError, "Max string recursion exceeded");
    std::string out;
    for (size_t i = 0; i < format.size(); ++i) {
        char c = format[i];
        if (c == '}') {
            if (i + 1 < format.size() && format[i + 1] == '}') {
                out += '}';
                ++i;
                continue;
            }
            throw_error(ErrorKind::ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < format.size() && format[i + 1] == '{') {
            out += '{';
            ++i;
            continue;
        }
        int level = 1;
        size_t j = i + 1;
        for (; j < format.size(); ++j) {
            if (format[j] == '{')
                ++level;
            else if (format[j] == '}' && --level == 0)
                break;
        }
        if (j >= format.size()) {
            if (i + 1 == format.size())
                throw_error(ErrorKind::ValueError, "Single '{' encountered in format string");
            throw_error(ErrorKind::ValueError, "expected '}' before end of string");
        }
        out += format_field(state, format.substr(i + 1, j - i - 1), depth);
        i = j;
    }
    return out;
}

} // namespace

std::string format_str_method(CallContext& ctx, std::string_view format, std::span<const Value> args, const DictObject* kwargs)
{
    FormatState state { ctx, args, kwargs };
    return expand(state, format, 0);
}

std::string percent_format(CallContext& ctx, std::string_view format, const Value& args)
{
    Values positional;
    const DictObject* mapping = nullptr;
    if (args.is(Type::Tuple))
        positional = args.as<TupleObject>().items;
    else {
        positional.push_back(args);
        if (args.is(Type::Dict))
            mapping = &args.as<DictObject>();
    }
    size_t next = 0;
    bool used_mapping = false;
    auto take = [&]() -> Value {
        if (next >= positional.size())
            throw_error(ErrorKind::TypeError, "not enough arguments for format string");
        return positional[next++];
    };
    std::string out;
    for (size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') {
            out += format[i];
            continue;
        }
        ++i;
        if (i >= format.size())
            throw_error(ErrorKind::ValueError, "incomplete format");
        if (format[i] == '%') {
            // Only "%%" is a literal percent: "% %" or "%5%" is CPython's unsupported-character error.
            out += '%';
            continue;
        }
        Value value;
        bool have_value = false;
        if (format[i] == '(') {
            size_t close = format.find(')', i);
            if (!mapping)
                throw_error(ErrorKind::TypeError, "format requires a mapping");
            if (close == std::string_view::npos)
                throw_error(ErrorKind::ValueError, "incomplete format key");
            Value key = make_str(std::string(format.substr(i + 1, close - i - 1)));
            auto* found = dict_find(ctx, *mapping, key);
            if (!found)
                throw_key_error(ctx, key);
            value = *found;
            have_value = true;
            used_mapping = true;
            i = close + 1;
        }
        bool left = false, zero = false, alternate = false;
        char sign = 0;
        for (; i < format.size(); ++i) {
            char c = format[i];
            if (c == '-') left = true;
            else if (c == '0') zero = true;
            else if (c == '#') alternate = true;
            else if (c == '+') sign = '+';
            else if (c == ' ') { if (sign != '+') sign = ' '; }
            else break;
        }
        auto number = [&](int64_t& target) {
            if (i < format.size() && format[i] == '*') {
                target = to_index(ctx, take());
                ++i;
                return;
            }
            size_t begin = i;
            while (i < format.size() && format[i] >= '0' && format[i] <= '9')
                ++i;
            if (i > begin)
                std::from_chars(format.data() + begin, format.data() + i, target);
        };
        int64_t width = -1, precision = -1;
        number(width);
        if (width < 0 && width != -1) {
            left = true;
            width = -width;
        }
        if (i < format.size() && format[i] == '.') {
            ++i;
            precision = 0;
            number(precision);
        }
        while (i < format.size() && (format[i] == 'h' || format[i] == 'l' || format[i] == 'L'))
            ++i;
        if (i >= format.size())
            throw_error(ErrorKind::ValueError, "incomplete format");
        char type = format[i];
        if (!have_value && type != '%')
            value = take();
        bool textual = type == 's' || type == 'r' || type == 'a' || type == 'c';
        std::string spec;
        if (left)
            spec += '<';
        else if (textual)
            spec += '>';
        if (sign && !textual)
            spec += sign;
        if (alternate && !textual && type != 'd' && type != 'i' && type != 'u')
            spec += '#';
        if (zero && !left && !textual)
            spec += '0';
        if (width >= 0)
            spec += std::to_string(width);
        switch (type) {
        case 's':
        case 'r':
        case 'a': {
            std::string text = type == 's' ? str_value(ctx, value) : repr_value(ctx, value);
            if (precision >= 0)
                spec += "." + std::to_string(precision);
            out += format_value(ctx, make_str(std::move(text)), spec);
            break;
        }
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
            int64_t n;
            bool decimal = type == 'd' || type == 'i' || type == 'u';
            if (is_bigint(value) && precision < 0) {
                out += format_value(ctx, value, spec + (type == 'i' || type == 'u' ? 'd' : type));
                break;
            }
            if (value.is(Type::Float) && decimal)
                n = float_to_int_checked(std::trunc(value.as_float()));
            else if (!as_index(ctx, value, n)) {
                if (value.is(Type::Opaque) && decimal) {
                    n = float_to_int_checked(std::trunc(to_double(ctx, value)));
                } else if (decimal) {
                    throw_error(ErrorKind::TypeError, std::string("%") + type + " format: a real number is required, not " + std::string(type_name(value)));
                } else {
                    throw_error(ErrorKind::TypeError, std::string("%") + type + " format: an integer is required, not " + std::string(type_name(value)));
                }
            }
            char code = type == 'i' || type == 'u' ? 'd' : type;
            if (precision >= 0) {
                // printf: the precision of an integer is its minimum number of digits.
                std::string digits = format_value(ctx, Value::integer(n < 0 ? -n : n), std::string(1, code));
                if (static_cast<int64_t>(digits.size()) < precision)
                    digits.insert(0, static_cast<size_t>(precision - static_cast<int64_t>(digits.size())), '0');
                std::string text = (n < 0 ? "-" : sign ? std::string(1, sign) : "") + digits;
                out += format_value(ctx, make_str(std::move(text)), std::string(left ? "<" : ">") + (width >= 0 ? std::to_string(width) : ""));
                break;
            }
            out += format_value(ctx, Value::integer(n), spec + code);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            if (!(value.is(Type::Int) || value.is(Type::Bool) || value.is(Type::Float) || value.is(Type::Opaque)))
                throw_error(ErrorKind::TypeError, "must be real number, not " + std::string(type_name(value)));
            double d = to_double(ctx, value);
            spec += "." + std::to_string(precision < 0 ? 6 : precision);
            out += format_value(ctx, Value::floating(d), spec + type);
            break;
        }
        case 'c': {
            std::string text;
            int64_t code = 0;
            if (value.is(Type::Str) && utf8_length(value.as<StrObject>().value) == 1)
                text = value.as<StrObject>().value;
            else if (!value.is(Type::Str) && as_index(ctx, value, code)) {
                if (code < 0 || code > 0x10FFFF)
                    throw_error(ErrorKind::OverflowError, "%c arg not in range(0x110000)");
                text = utf8_encode(static_cast<uint32_t>(code));
            } else
                throw_error(ErrorKind::TypeError, "%c requires int or char");
            out += format_value(ctx, make_str(std::move(text)), spec);
            break;
        }
        default: {
            char buffer[96];
            std::snprintf(buffer, sizeof buffer, "unsupported format character '%c' (0x%x) at index %zu", type,
                static_cast<unsigned>(static_cast<unsigned char>(type)), i);
            throw_error(ErrorKind::ValueError, buffer);
        }
        }
    }
    // CPython treats any non-tuple, non-str argument with __getitem__ as a mapping: no leftover check.
    bool mapping_like = args.is(Type::Dict) || args.is(Type::List) || args.is(Type::Opaque);
    if (!used_mapping && !mapping_like && next < positional.size())
        throw_error(ErrorKind::TypeError, "not all arguments converted during string formatting");
    return out;
}

} // namespace ramba::interp
