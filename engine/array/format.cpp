// numpy 1.24's arrayprint (see format.hpp). Each function cites the Python function it follows;
// the expected text of the tests comes from numpy itself (tests/unit/engine/array_format.cpp).
#include "engine/array/format.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <functional>

namespace ramba::engine {

PrintOptions& print_options()
{
    static PrintOptions options;
    return options;
}

namespace {

enum class Trim { Keep, DropZeros, LeaveOneZero, DropZerosAndPoint }; // numpy's 'k', '.', '0', '-'

// A decimal rendering of one float: digits with the point position, produced by to_chars.
struct Decimal {
    bool negative { false };
    std::string digits; // significant digits, no leading zeros (except "0" for zero)
    int exponent { 0 }; // value = 0.d1d2d3... * 10^exponent  -> d1 sits at 10^(exponent-1)
};

template<typename T>
Decimal parse_scientific(const char* begin, const char* end)
{
    Decimal d;
    const char* p = begin;
    if (*p == '-') {
        d.negative = true;
        ++p;
    }
    std::string mantissa;
    int exp10 = 0;
    for (; p < end && *p != 'e'; ++p)
        if (*p != '.')
            mantissa += *p;
    if (p < end) {
        ++p;
        std::from_chars(p + (*p == '+' ? 1 : 0), end, exp10);
    }
    d.digits = mantissa;
    d.exponent = exp10 + 1;
    // Strip trailing zeros of the significand (to_chars with precision may produce them).
    while (d.digits.size() > 1 && d.digits.back() == '0')
        d.digits.pop_back();
    if (d.digits == "0")
        d.exponent = 1;
    return d;
}

template<typename T>
Decimal shortest(T value)
{
    char buffer[64];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    return parse_scientific<T>(buffer, result.ptr);
}

// Correctly rounded to `precision` digits after the point in scientific notation.
Decimal rounded_scientific(double value, int precision)
{
    char buffer[512];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific, precision);
    return parse_scientific<double>(buffer, result.ptr);
}

// Correctly rounded to `precision` digits after the decimal point.
Decimal rounded_fixed(double value, int precision)
{
    char buffer[512];
    auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, precision);
    // Convert "123.4500" to Decimal.
    Decimal d;
    const char* p = buffer;
    if (*p == '-') {
        d.negative = true;
        ++p;
    }
    std::string all;
    int int_digits = 0;
    bool seen_point = false;
    for (; p < result.ptr; ++p) {
        if (*p == '.') {
            seen_point = true;
            continue;
        }
        all += *p;
        if (!seen_point)
            ++int_digits;
    }
    size_t first = all.find_first_not_of('0');
    if (first == std::string::npos) {
        d.digits = "0";
        d.exponent = 1;
        return d;
    }
    d.digits = all.substr(first);
    d.exponent = int_digits - static_cast<int>(first);
    while (d.digits.size() > 1 && d.digits.back() == '0')
        d.digits.pop_back();
    return d;
}

int fraction_digits_positional(const Decimal& d)
{
    if (d.digits == "0")
        return 0;
    return std::max(0, static_cast<int>(d.digits.size()) - d.exponent);
}

// numpy's dragon4_positional (unique=True, fractional=True).
struct PositionalSpec {
    int precision { -1 }; // -1: no cutoff
    int min_digits { -1 };
    Trim trim { Trim::DropZeros };
    bool sign { false };
    int pad_left { -1 };
    int pad_right { -1 };
};

// The fraction after the point as numpy's trim mode writes it ('k', '.', '0', '-').
void append_fraction(std::string& text, const std::string& frac, Trim trim)
{
    switch (trim) {
    case Trim::Keep:
    case Trim::DropZeros:
        text += "." + frac;
        break;
    case Trim::LeaveOneZero:
        text += "." + (frac.empty() ? std::string("0") : frac);
        break;
    case Trim::DropZerosAndPoint:
        if (!frac.empty())
            text += "." + frac;
        break;
    }
}

template<typename T>
std::string dragon4_positional(T value, const PositionalSpec& spec)
{
    Decimal d = shortest(value);
    int fraction = fraction_digits_positional(d);
    if (spec.precision >= 0 && fraction > spec.precision)
        d = rounded_fixed(static_cast<double>(value), spec.precision), fraction = fraction_digits_positional(d);
    if (spec.min_digits > fraction)
        d = rounded_fixed(static_cast<double>(value), spec.min_digits), fraction = fraction_digits_positional(d);
    d.negative = std::signbit(value);
    std::string integer, frac;
    if (d.digits == "0") {
        integer = "0";
    } else if (d.exponent <= 0) {
        integer = "0";
        frac = std::string(static_cast<size_t>(-d.exponent), '0') + d.digits;
    } else if (static_cast<size_t>(d.exponent) >= d.digits.size()) {
        integer = d.digits + std::string(static_cast<size_t>(d.exponent) - d.digits.size(), '0');
    } else {
        integer = d.digits.substr(0, static_cast<size_t>(d.exponent));
        frac = d.digits.substr(static_cast<size_t>(d.exponent));
    }
    if (spec.min_digits > 0 && static_cast<int>(frac.size()) < spec.min_digits)
        frac += std::string(static_cast<size_t>(spec.min_digits) - frac.size(), '0');
    std::string text = d.negative ? "-" : (spec.sign ? "+" : "");
    text += integer;
    append_fraction(text, frac, spec.trim);
    if (spec.pad_left >= 0) {
        size_t point = text.find('.');
        size_t left = point == std::string::npos ? text.size() : point;
        if (left < static_cast<size_t>(spec.pad_left))
            text.insert(0, static_cast<size_t>(spec.pad_left) - left, ' ');
    }
    if (spec.pad_right >= 0) {
        size_t point = text.find('.');
        size_t right = point == std::string::npos ? 0 : text.size() - point - 1;
        if (right < static_cast<size_t>(spec.pad_right))
            text.append(static_cast<size_t>(spec.pad_right) - right, ' ');
    }
    return text;
}

// numpy's dragon4_scientific (unique=True).
struct ScientificSpec {
    int precision { -1 };
    int min_digits { -1 };
    Trim trim { Trim::DropZeros };
    bool sign { false };
    int pad_left { -1 };
    int exp_digits { -1 };
};

template<typename T>
std::string dragon4_scientific(T value, const ScientificSpec& spec)
{
    Decimal d = shortest(value);
    int fraction = static_cast<int>(d.digits.size()) - 1;
    if (spec.precision >= 0 && fraction > spec.precision)
        d = rounded_scientific(static_cast<double>(value), spec.precision), fraction = static_cast<int>(d.digits.size()) - 1;
    if (spec.min_digits > fraction)
        d = rounded_scientific(static_cast<double>(value), spec.min_digits);
    d.negative = std::signbit(value);
    std::string frac = d.digits.substr(1);
    if (spec.min_digits > 0 && static_cast<int>(frac.size()) < spec.min_digits)
        frac += std::string(static_cast<size_t>(spec.min_digits) - frac.size(), '0');
    std::string text = d.negative ? "-" : (spec.sign ? "+" : "");
    text += d.digits.substr(0, 1);
    append_fraction(text, frac, spec.trim);
    int exponent = d.digits == "0" ? 0 : d.exponent - 1;
    std::string exp_text = std::to_string(std::abs(exponent));
    size_t exp_width = static_cast<size_t>(std::max(spec.exp_digits, 2));
    if (exp_text.size() < exp_width)
        exp_text.insert(0, exp_width - exp_text.size(), '0');
    text += std::string("e") + (exponent < 0 ? "-" : "+") + exp_text;
    if (spec.pad_left >= 0) {
        size_t point = text.find('.');
        size_t left = point == std::string::npos ? text.find('e') : point;
        if (left < static_cast<size_t>(spec.pad_left))
            text.insert(0, static_cast<size_t>(spec.pad_left) - left, ' ');
    }
    return text;
}

using ElementFormatter = std::function<std::string(const std::byte*)>;

// numpy's FloatingFormat (floatmode 'maxprec', legacy=False) over the visible values.
template<typename T>
class FloatingFormat {
public:
    FloatingFormat(const std::vector<T>& data, int precision, bool suppress, bool sign)
        : m_precision(precision), m_sign(sign)
    {
        const auto& options = print_options();
        std::vector<T> finite;
        for (T v : data)
            if (std::isfinite(v))
                finite.push_back(v);
        bool any_nonzero = false;
        T max_value = 0, min_value = 0;
        for (T v : finite) {
            if (v == 0)
                continue;
            T a = std::fabs(v);
            if (!any_nonzero) {
                max_value = min_value = a;
                any_nonzero = true;
            } else {
                max_value = std::max(max_value, a);
                min_value = std::min(min_value, a);
            }
        }
        if (any_nonzero) {
            // numpy compares the (float32) extremes with Python floats, i.e. in double.
            double ratio = static_cast<double>(max_value / min_value);
            if (static_cast<double>(max_value) >= 1e8
                || (!suppress && (static_cast<double>(min_value) < 0.0001 || ratio > 1000.)))
                m_exp_format = true;
        }
        if (finite.empty()) {
            m_pad_left = 0;
            m_pad_right = 0;
            m_trim = Trim::DropZeros;
            m_exp_size = -1;
            m_min_digits = -1;
        } else if (m_exp_format) {
            size_t max_int = 0, max_frac = 0, max_exp = 0;
            for (T v : finite) {
                std::string s = dragon4_scientific(v, { m_precision, -1, Trim::DropZeros, m_sign, -1, -1 });
                size_t e = s.find('e');
                size_t point = s.find('.');
                max_int = std::max(max_int, point);
                max_frac = std::max(max_frac, e - point - 1);
                max_exp = std::max(max_exp, s.size() - e - 1);
            }
            m_exp_size = static_cast<int>(max_exp) - 1;
            m_trim = Trim::Keep;
            m_precision = static_cast<int>(max_frac);
            m_min_digits = m_precision;
            m_pad_left = static_cast<int>(max_int);
            m_pad_right = m_exp_size + 2 + m_precision;
        } else {
            size_t max_int = 0, max_frac = 0;
            for (T v : finite) {
                std::string s = dragon4_positional(v, { m_precision, -1, Trim::DropZeros, m_sign, -1, -1 });
                size_t point = s.find('.');
                max_int = std::max(max_int, point);
                max_frac = std::max(max_frac, s.size() - point - 1);
            }
            m_pad_left = static_cast<int>(max_int);
            m_pad_right = static_cast<int>(max_frac);
            m_exp_size = -1;
            m_trim = Trim::DropZeros;
            m_min_digits = 0;
        }
        if (finite.size() != data.size()) {
            bool neginf = m_sign;
            for (T v : data)
                if (std::isinf(v) && v < 0)
                    neginf = true;
            int nanlen = static_cast<int>(options.nanstr.size());
            int inflen = static_cast<int>(options.infstr.size()) + (neginf ? 1 : 0);
            int offset = m_pad_right + 1;
            m_pad_left = std::max({ m_pad_left, nanlen - offset, inflen - offset });
        }
    }

    std::string operator()(T x) const
    {
        const auto& options = print_options();
        if (!std::isfinite(x)) {
            std::string text;
            if (std::isnan(x))
                text = (m_sign ? "+" : "") + options.nanstr;
            else
                text = (x < 0 ? "-" : (m_sign ? "+" : "")) + options.infstr;
            int width = m_pad_left + m_pad_right + 1;
            if (static_cast<int>(text.size()) < width)
                text.insert(0, static_cast<size_t>(width) - text.size(), ' ');
            return text;
        }
        if (m_exp_format)
            return dragon4_scientific(x, { m_precision, m_min_digits, m_trim, m_sign, m_pad_left, m_exp_size });
        return dragon4_positional(x, { m_precision, m_min_digits, m_trim, m_sign, m_pad_left, m_pad_right });
    }

private:
    int m_precision;
    bool m_sign;
    bool m_exp_format { false };
    int m_pad_left { 0 };
    int m_pad_right { 0 };
    int m_exp_size { -1 };
    int m_min_digits { -1 };
    Trim m_trim { Trim::DropZeros };
};

template<typename T>
T load(const std::byte* p)
{
    T v;
    std::memcpy(&v, p, sizeof(T));
    return v;
}

// _leading_trailing: the elements numpy looks at to choose the format (corners when summarising).
void collect_visible(const NDArray& array, size_t axis, const std::byte* base, bool summarise, int64_t edge,
    std::vector<const std::byte*>& out)
{
    if (axis == array.shape.size()) {
        out.push_back(base);
        return;
    }
    int64_t n = array.shape[axis];
    auto visit = [&](int64_t i) { collect_visible(array, axis + 1, base + i * array.strides[axis], summarise, edge, out); };
    if (summarise && n > 2 * edge) {
        for (int64_t i = 0; i < edge; ++i)
            visit(i);
        for (int64_t i = n - edge; i < n; ++i)
            visit(i);
    } else {
        for (int64_t i = 0; i < n; ++i)
            visit(i);
    }
}

ElementFormatter make_formatter(const NDArray& array, const std::vector<const std::byte*>& visible)
{
    const auto& options = print_options();
    switch (dtype_kind(array.dtype)) {
    case 'b': {
        std::string true_text = array.ndim() == 0 ? "True" : " True";
        return [true_text](const std::byte* p) { return load<bool>(p) ? true_text : std::string("False"); };
    }
    case 'i':
    case 'u':
        return dispatch_dtype(array.dtype, [&]<typename T>() -> ElementFormatter {
            if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
                size_t width = 0;
                for (auto p : visible)
                    width = std::max(width, std::to_string(load<T>(p)).size());
                return [width](const std::byte* p) {
                    std::string s = std::to_string(load<T>(p));
                    if (s.size() < width)
                        s.insert(0, width - s.size(), ' ');
                    return s;
                };
            } else {
                return {};
            }
        });
    case 'f':
        if (array.dtype == DType::Float32) {
            std::vector<float> data;
            for (auto p : visible)
                data.push_back(load<float>(p));
            FloatingFormat<float> format(data, options.precision, options.suppress, false);
            return [format](const std::byte* p) { return format(load<float>(p)); };
        } else {
            std::vector<double> data;
            for (auto p : visible)
                data.push_back(load<double>(p));
            FloatingFormat<double> format(data, options.precision, options.suppress, false);
            return [format](const std::byte* p) { return format(load<double>(p)); };
        }
    default: {
        std::vector<double> real, imag;
        for (auto p : visible) {
            auto c = load<std::complex<double>>(p);
            real.push_back(c.real());
            imag.push_back(c.imag());
        }
        FloatingFormat<double> real_format(real, options.precision, options.suppress, false);
        FloatingFormat<double> imag_format(imag, options.precision, options.suppress, true);
        return [real_format, imag_format](const std::byte* p) {
            auto c = load<std::complex<double>>(p);
            std::string r = real_format(c.real());
            std::string i = imag_format(c.imag());
            size_t end = i.find_last_not_of(' ') + 1;
            i.insert(end, "j");
            return r + i;
        };
    }
    }
}

std::string rstrip(const std::string& s)
{
    size_t end = s.find_last_not_of(" \t\n");
    return end == std::string::npos ? std::string() : s.substr(0, end + 1);
}

// _extendLine (legacy=False).
void extend_line(std::string& s, std::string& line, const std::string& word, int64_t line_width,
    const std::string& next_line_prefix)
{
    bool needs_wrap = static_cast<int64_t>(line.size() + word.size()) > line_width;
    if (line.size() <= next_line_prefix.size())
        needs_wrap = false;
    if (needs_wrap) {
        s += rstrip(line) + "\n";
        line = next_line_prefix;
    }
    line += word;
}

struct Layout {
    const NDArray& array;
    const ElementFormatter& format;
    std::string separator;
    int64_t edge_items;
    bool summarise;
};

// _formatArray's recurser.
std::string format_recursive(const Layout& layout, size_t axis, const std::byte* base,
    const std::string& hanging_indent, int64_t current_width)
{
    const NDArray& a = layout.array;
    size_t axes_left = a.shape.size() - axis;
    if (axes_left == 0)
        return layout.format(base);
    std::string next_hanging_indent = hanging_indent + " ";
    int64_t next_width = current_width - 1;
    int64_t length = a.shape[axis];
    bool show_summary = layout.summarise && 2 * layout.edge_items < length;
    int64_t leading = show_summary ? layout.edge_items : 0;
    int64_t trailing = show_summary ? layout.edge_items : length;
    auto element = [&](int64_t i) { return base + i * a.strides[axis]; };
    std::string s;
    if (axes_left == 1) {
        std::string separator_stripped = rstrip(layout.separator);
        int64_t element_width = current_width - std::max<int64_t>(static_cast<int64_t>(separator_stripped.size()), 1);
        std::string line = hanging_indent;
        for (int64_t i = 0; i < leading; ++i) {
            std::string word = format_recursive(layout, axis + 1, element(i), next_hanging_indent, next_width);
            extend_line(s, line, word, element_width, hanging_indent);
            line += layout.separator;
        }
        if (show_summary) {
            extend_line(s, line, "...", element_width, hanging_indent);
            line += layout.separator;
        }
        for (int64_t i = trailing; i > 1; --i) {
            std::string word = format_recursive(layout, axis + 1, element(length - i), next_hanging_indent, next_width);
            extend_line(s, line, word, element_width, hanging_indent);
            line += layout.separator;
        }
        std::string word = format_recursive(layout, axis + 1, element(length - 1), next_hanging_indent, next_width);
        extend_line(s, line, word, element_width, hanging_indent);
        s += line;
    } else {
        std::string line_separator = rstrip(layout.separator) + std::string(axes_left - 1, '\n');
        for (int64_t i = 0; i < leading; ++i)
            s += hanging_indent + format_recursive(layout, axis + 1, element(i), next_hanging_indent, next_width) + line_separator;
        if (show_summary)
            s += hanging_indent + "..." + line_separator;
        for (int64_t i = trailing; i > 1; --i)
            s += hanging_indent + format_recursive(layout, axis + 1, element(length - i), next_hanging_indent, next_width) + line_separator;
        s += hanging_indent + format_recursive(layout, axis + 1, element(length - 1), next_hanging_indent, next_width);
    }
    return "[" + s.substr(hanging_indent.size()) + "]";
}

// array2string (size > 0).
std::string array_to_string(const NDArray& array, const std::string& separator, const std::string& prefix,
    const std::string& suffix)
{
    const auto& options = print_options();
    int64_t line_width = options.linewidth - static_cast<int64_t>(suffix.size());
    if (array.size() == 0)
        return "[]";
    bool summarise = array.size() > options.threshold;
    std::vector<const std::byte*> visible;
    collect_visible(array, 0, array.data(), summarise, options.edgeitems, visible);
    ElementFormatter format = make_formatter(array, visible);
    Layout layout { array, format, separator, options.edgeitems, summarise };
    std::string next_line_prefix = " " + std::string(prefix.size(), ' ');
    return format_recursive(layout, 0, array.data(), next_line_prefix, line_width);
}

bool dtype_is_implied(DType dtype)
{
    return dtype == DType::Float64 || dtype == DType::Int64 || dtype == DType::Bool || dtype == DType::Complex128;
}

// Python's repr of a complex part: repr(float) without a trailing ".0".
std::string complex_part(double value)
{
    std::string text = float_repr(value);
    if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0)
        text.resize(text.size() - 2);
    return text;
}

} // namespace

std::string array_str(const NDArray& array)
{
    if (array.ndim() == 0)
        return scalar_repr(Scalar::from_element(array.dtype, array.data()));
    return array_to_string(array, " ", "", "");
}

std::string array2string(const NDArray& array, const std::string& separator, const std::string& prefix, const std::string& suffix)
{
    return array_to_string(array, separator, prefix, suffix);
}

std::string array_repr(const NDArray& array)
{
    const auto& options = print_options();
    std::string class_name = "array";
    bool skip_dtype = dtype_is_implied(array.dtype) && array.size() > 0;
    std::string prefix = class_name + "(";
    std::string suffix = skip_dtype ? ")" : ",";
    std::string list;
    if (array.size() > 0 || (array.ndim() == 1 && array.shape[0] == 0))
        list = array_to_string(array, ", ", prefix, suffix);
    else
        list = "[], shape=" + shape_to_string(array.shape);
    std::string text = prefix + list + suffix;
    if (skip_dtype)
        return text;
    std::string dtype_text = "dtype=" + std::string(dtype_name(array.dtype)) + ")";
    size_t newline = text.rfind('\n');
    int64_t last_line_length = static_cast<int64_t>(text.size() - (newline == std::string::npos ? 0 : newline + 1));
    std::string spacer = " ";
    if (last_line_length + static_cast<int64_t>(dtype_text.size()) + 1 > options.linewidth)
        spacer = "\n" + std::string(prefix.size(), ' ');
    return text + spacer + dtype_text;
}

std::string float_repr(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    double magnitude = std::fabs(value);
    if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16))
        return dragon4_positional(value, { -1, -1, Trim::LeaveOneZero, false, -1, -1 });
    return dragon4_scientific(value, { -1, -1, Trim::DropZerosAndPoint, false, -1, -1 });
}

std::string float32_repr(float value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    // numpy compares the float32 magnitude with the double constants 1e-4 and 1e16.
    double magnitude = std::fabs(static_cast<double>(value));
    if (magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e16))
        return dragon4_positional(value, { -1, -1, Trim::LeaveOneZero, false, -1, -1 });
    return dragon4_scientific(value, { -1, -1, Trim::DropZerosAndPoint, false, -1, -1 });
}

std::string scalar_repr(const Scalar& scalar)
{
    switch (scalar.dtype) {
    case DType::Bool:
        return scalar.get<bool>() ? "True" : "False";
    case DType::Float32:
        return float32_repr(scalar.get<float>());
    case DType::Float64:
        return float_repr(scalar.get<double>());
    case DType::Complex128: {
        auto c = scalar.get<std::complex<double>>();
        // Python's complex repr: a zero real part (not -0.0) is left out.
        if (c.real() == 0 && !std::signbit(c.real()))
            return complex_part(c.imag()) + "j";
        std::string imag = complex_part(c.imag());
        std::string sign = (std::signbit(c.imag()) && !std::isnan(c.imag())) ? "" : "+";
        return "(" + complex_part(c.real()) + sign + imag + "j)";
    }
    case DType::UInt64:
        return std::to_string(scalar.get<uint64_t>());
    default:
        return std::to_string(scalar.as_int64());
    }
}

} // namespace ramba::engine
