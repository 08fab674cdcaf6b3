// The format-spec mini-language of format(), str.format and f-strings:
// [[fill]align][sign][z][#][0][width][grouping][.precision][type] for int, float, complex, str and bool.
#include <charconv>
#include <cmath>

#include "engine/array/ndarray.hpp"
#include "interpreter/values/bigint.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

struct FormatSpec {
    std::string fill;
    char align { 0 };
    char sign { 0 };
    bool no_negative_zero { false };
    bool alternate { false };
    int64_t width { -1 };
    char grouping { 0 };
    int64_t precision { -1 };
    char type { 0 };
};

bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

FormatSpec parse_spec(std::string_view spec, const Value& value)
{
    FormatSpec f;
    size_t i = 0;
    // The fill may be any (UTF-8) character when an align character follows it.
    size_t first_end = 0;
    uint32_t cp;
    utf8_decode_one(spec, first_end, cp);
    if (first_end > 0 && first_end < spec.size() && is_align(spec[first_end])) {
        f.fill = std::string(spec.substr(0, first_end));
        f.align = spec[first_end];
        i = first_end + 1;
    } else if (!spec.empty() && is_align(spec[0])) {
        f.align = spec[0];
        i = 1;
    }
    if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' '))
        f.sign = spec[i++];
    if (i < spec.size() && spec[i] == 'z') {
        f.no_negative_zero = true;
        ++i;
    }
    if (i < spec.size() && spec[i] == '#') {
        f.alternate = true;
        ++i;
    }
    if (i < spec.size() && spec[i] == '0') {
        // Sign-aware zero padding, unless an explicit fill/align says otherwise.
        if (f.fill.empty())
            f.fill = "0";
        if (!f.align)
            f.align = '=';
        ++i;
    }
    auto read_number = [&](int64_t& out) {
        size_t begin = i;
        while (i < spec.size() && spec[i] >= '0' && spec[i] <= '9')
            ++i;
        if (i == begin)
            return false;
        if (std::from_chars(spec.data() + begin, spec.data() + i, out).ec != std::errc())
            throw_error(ErrorKind::ValueError, "Too many decimal digits in format string");
        if (static_cast<uint64_t>(out) > engine::Buffer::memory_limit()) // a width nothing could hold
            throw_error(ErrorKind::MemoryError, "");
        return true;
    };
    read_number(f.width);
    if (i < spec.size() && (spec[i] == ',' || spec[i] == '_'))
        f.grouping = spec[i++];
    if (i < spec.size() && spec[i] == '.') {
        ++i;
        if (!read_number(f.precision))
            throw_error(ErrorKind::ValueError, "Format specifier missing precision");
    }
    if (i < spec.size())
        f.type = spec[i++];
    if (i < spec.size())
        throw_error(ErrorKind::ValueError, "Invalid format specifier '" + std::string(spec) + "' for object of type '"
                + std::string(type_name(value)) + "'");
    if (f.fill.empty())
        f.fill = " ";
    return f;
}

[[noreturn]] void unknown_code(char type, const Value& value)
{
    throw_error(ErrorKind::ValueError, std::string("Unknown format code '") + type + "' for object of type '"
            + std::string(type_name(value)) + "'");
}

std::string group_digits(std::string_view digits, char separator, size_t every)
{
    std::string out;
    size_t n = digits.size();
    for (size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % every == 0)
            out += separator;
        out += digits[i];
    }
    return out;
}

// Lays out sign/prefix + number body (+ suffix) in the width with fill and alignment; zero padding
// with grouping pads inside the digit groups as CPython does ('0,001,234').
std::string pad_number(const FormatSpec& f, std::string prefix, std::string integer_digits, std::string rest, size_t every)
{
    int64_t width = f.width;
    if (f.grouping && f.align == '=' && f.fill == "0" && width > 0) {
        auto length = [&] {
            return static_cast<int64_t>(prefix.size() + group_digits(integer_digits, f.grouping, every).size() + rest.size());
        };
        while (length() < width)
            integer_digits.insert(integer_digits.begin(), '0');
    }
    std::string body = (f.grouping ? group_digits(integer_digits, f.grouping, every) : integer_digits) + rest;
    int64_t length = utf8_length(prefix) + utf8_length(body);
    if (width <= length)
        return prefix + body;
    int64_t pad = width - length;
    auto fill = [&](int64_t n) {
        std::string out;
        for (int64_t k = 0; k < n; ++k)
            out += f.fill;
        return out;
    };
    switch (f.align ? f.align : '>') {
    case '<': return prefix + body + fill(pad);
    case '^': return fill(pad / 2) + prefix + body + fill(pad - pad / 2);
    case '=': return prefix + fill(pad) + body;
    default: return fill(pad) + prefix + body;
    }
}

std::string pad_text(const FormatSpec& f, const std::string& text, char default_align)
{
    FormatSpec g = f;
    g.grouping = 0;
    if (!g.align)
        g.align = default_align;
    return pad_number(g, "", text, "", 3);
}

std::string sign_prefix(const FormatSpec& f, bool negative)
{
    if (negative)
        return "-";
    if (f.sign == '+')
        return "+";
    if (f.sign == ' ')
        return " ";
    return "";
}

// An int of any size: `number` (Int, Bool or BigInt); `value` is what errors name.
std::string format_int(const FormatSpec& f, const Value& number, const Value& value)
{
    if (f.precision >= 0)
        throw_error(ErrorKind::ValueError, "Precision not allowed in integer format specifier");
    char type = f.type ? f.type : 'd';
    if (type == 'c') {
        if (f.sign)
            throw_error(ErrorKind::ValueError, "Sign not allowed with integer format specifier 'c'");
        if (is_bigint(number) || number.as_int() < 0 || number.as_int() > 0x10FFFF)
            throw_error(ErrorKind::OverflowError, "%c arg not in range(0x110000)");
        return pad_text(f, utf8_encode(static_cast<uint32_t>(number.as_int())), '>');
    }
    int base = type == 'b' ? 2 : type == 'o' ? 8 : (type == 'x' || type == 'X') ? 16 : 10;
    if (base == 10 && type != 'd' && type != 'n')
        unknown_code(type, value);
    if (f.grouping == ',' && base != 10)
        throw_error(ErrorKind::ValueError, std::string("Cannot specify ',' with '") + type + "'.");
    if (f.grouping && type == 'n')
        throw_error(ErrorKind::ValueError, "Cannot specify ',' with 'n'.");
    bool negative = int_sign(number) < 0;
    std::string digits;
    if (is_bigint(number)) {
        digits = int_to_string(number, base);
        if (negative)
            digits.erase(0, 1);
    } else {
        int64_t i = number.as_int();
        uint64_t magnitude = i < 0 ? uint64_t(0) - uint64_t(i) : uint64_t(i);
        char buffer[80];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, magnitude, base);
        digits.assign(buffer, result.ptr);
    }
    if (type == 'X') {
        for (auto& c : digits)
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    std::string prefix = sign_prefix(f, negative);
    if (f.alternate && base != 10)
        prefix += base == 2 ? "0b" : base == 8 ? "0o" : type == 'X' ? "0X" : "0x";
    return pad_number(f, prefix, digits, "", base == 10 ? 3 : 4);
}

std::string format_float(const FormatSpec& f, double d, const Value& value)
{
    char type = f.type;
    switch (type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
        break;
    default:
        unknown_code(type, value);
    }
    bool upper = type == 'E' || type == 'F' || type == 'G';
    bool negative = std::signbit(d) && !std::isnan(d);
    std::string integer_part, rest;
    if (type == '%')
        d *= 100.0;
    if (!std::isfinite(d)) {
        integer_part = std::isnan(d) ? "nan" : "inf";
        if (upper)
            integer_part = std::isnan(d) ? "NAN" : "INF";
        if (type == '%')
            rest = "%";
        FormatSpec g = f;
        g.grouping = 0;
        return pad_number(g, sign_prefix(f, negative), integer_part, rest, 3);
    }
    if (type == 'f' || type == 'F' || type == '%') {
        int precision = f.precision < 0 ? 6 : static_cast<int>(f.precision);
        std::string text(static_cast<size_t>(330 + precision), '\0');
        auto result = std::to_chars(text.data(), text.data() + text.size(), std::fabs(d), std::chars_format::fixed, precision);
        text.resize(static_cast<size_t>(result.ptr - text.data()));
        size_t point = text.find('.');
        integer_part = text.substr(0, point);
        rest = point == std::string::npos ? (f.alternate ? "." : "") : text.substr(point);
        if (type == '%')
            rest += "%";
    } else if (type == 'e' || type == 'E') {
        int precision = f.precision < 0 ? 6 : static_cast<int>(f.precision);
        char buffer[400];
        auto result = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(d), std::chars_format::scientific, precision);
        std::string text(buffer, result.ptr);
        if (precision == 0 && f.alternate)
            text.insert(1, ".");
        if (upper)
            text[text.find('e')] = 'E';
        integer_part = text.substr(0, 1);
        rest = text.substr(1);
    } else if (type == 0 && f.precision < 0) {
        int exponent;
        std::string digits = float_digits(d, exponent);
        int decpt = exponent + 1;
        layout_short(digits, decpt, decpt <= -4 || decpt > 16, 0, f.alternate, true, 'e', integer_part, rest);
    } else {
        int precision = f.precision < 0 ? 6 : f.precision == 0 ? 1 : static_cast<int>(f.precision);
        int exponent;
        std::string digits = float_digits(d, exponent, precision);
        int decpt = exponent + 1;
        bool add_dot_zero = type == 0;
        bool use_exponent = decpt <= -4 || decpt > (add_dot_zero ? precision - 1 : precision);
        layout_short(digits, decpt, use_exponent, precision, f.alternate, add_dot_zero, type == 'G' ? 'E' : 'e', integer_part, rest);
    }
    if (negative && f.no_negative_zero) {
        bool all_zero = true;
        for (char c : integer_part + rest) {
            if (c >= '1' && c <= '9')
                all_zero = false;
            if (c == 'e' || c == 'E')
                break;
        }
        if (all_zero)
            negative = false;
    }
    return pad_number(f, sign_prefix(f, negative), integer_part, rest, 3);
}

std::string format_complex(const FormatSpec& f, std::complex<double> c, CallContext& ctx, const Value& value)
{
    if (!f.type && f.precision < 0)
        return pad_text(f, repr_value(ctx, value), '>');
    FormatSpec part = f;
    part.width = -1;
    part.fill = " ";
    part.align = 0;
    std::string real = format_float(part, c.real(), value);
    part.sign = '+';
    std::string imag = format_float(part, c.imag(), value);
    return pad_text(f, real + imag + "j", '>');
}

std::string format_text(const FormatSpec& f, const std::string& s, const Value& value)
{
    if (f.type && f.type != 's')
        unknown_code(f.type, value);
    if (f.sign)
        throw_error(ErrorKind::ValueError, "Sign not allowed in string format specifier");
    if (f.alternate)
        throw_error(ErrorKind::ValueError, "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        throw_error(ErrorKind::ValueError, "'=' alignment not allowed in string format specifier");
    if (f.grouping)
        throw_error(ErrorKind::ValueError, std::string("Cannot specify '") + f.grouping + "' with 's'.");
    std::string text = s;
    if (f.precision >= 0 && utf8_length(text) > f.precision) {
        auto characters = utf8_characters(text);
        std::string cut;
        for (int64_t i = 0; i < f.precision; ++i)
            cut += characters[static_cast<size_t>(i)];
        text = cut;
    }
    return pad_text(f, text, '<');
}

bool is_float_type(char type)
{
    return type == 'e' || type == 'E' || type == 'f' || type == 'F' || type == 'g' || type == 'G' || type == '%';
}

} // namespace

std::string format_value(CallContext& ctx, const Value& value, std::string_view spec)
{
    // A library type may format itself (numpy: format(np.float32(0.1), '') prints the float64 value).
    if (is_user_instance(value) || (value.is(Type::Exception) && value.as<ExceptionObject>().cls))
        return user_format(ctx, value, spec);
    if (is_bigint(value)) {
        if (spec.empty())
            return str_value(ctx, value);
        FormatSpec f = parse_spec(spec, value);
        return is_float_type(f.type) ? format_float(f, int_to_double(value), value) : format_int(f, value, value);
    }
    if (value.is(Type::Opaque)) {
        if (auto* method = find_spec(value.as<OpaqueObject>().type_info().methods, "__format__")) {
            Value args[] = { value, make_str(std::string(spec)) };
            Value text = call_builtin(ctx, builtin_value(method), args, {});
            if (!text.is(Type::Str))
                throw_error(ErrorKind::TypeError, "__format__ must return a str, not " + std::string(type_name(text)));
            return text.as<StrObject>().value;
        }
    }
    if (spec.empty())
        return str_value(ctx, value);
    switch (value.type()) {
    case Type::Bool:
    case Type::Int: {
        FormatSpec f = parse_spec(spec, value);
        if (is_float_type(f.type))
            return format_float(f, static_cast<double>(value.as_int()), value);
        return format_int(f, value, value);
    }
    case Type::Float:
        return format_float(parse_spec(spec, value), value.as_float(), value);
    case Type::Complex:
        return format_complex(parse_spec(spec, value), value.as_complex(), ctx, value);
    case Type::Str:
        return format_text(parse_spec(spec, value), value.as<StrObject>().value, value);
    case Type::Opaque: {
        auto& info = value.as<OpaqueObject>().type_info();
        int64_t i;
        double d;
        if (info.is_integer_index && info.is_integer_index(value) && info.to_int && info.to_int(ctx, value, i)) {
            FormatSpec f = parse_spec(spec, value);
            return is_float_type(f.type) ? format_float(f, static_cast<double>(i), value) : format_int(f, Value::integer(i), value);
        }
        if (info.to_float && info.to_float(ctx, value, d))
            return format_float(parse_spec(spec, value), d, value);
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "unsupported format string passed to " + std::string(type_name(value)) + ".__format__");
}

} // namespace ramba::interp
