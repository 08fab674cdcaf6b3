// Formats error reports (see report.hpp): headline, the offending source line, a caret under the column.
#include "interpreter/errors/report.hpp"

namespace ramba {

namespace {
// Line `number` (1-based) of `source`, without its newline.
std::string_view source_line(const std::string& source, uint32_t number)
{
    size_t start = 0;
    for (uint32_t line = 1; line < number; ++line) {
        size_t newline = source.find('\n', start);
        if (newline == std::string::npos)
            return {};
        start = newline + 1;
    }
    size_t end = source.find('\n', start);
    std::string_view text(source.data() + start, (end == std::string::npos ? source.size() : end) - start);
    if (!text.empty() && text.back() == '\r')
        text.remove_suffix(1);
    return text;
}

// Display width of the first `bytes` bytes: UTF-8 continuation bytes take no column.
size_t display_width(std::string_view text)
{
    size_t width = 0;
    for (unsigned char c : text) {
        if ((c & 0xC0) != 0x80)
            ++width;
    }
    return width;
}
}

std::string format_error_headline(const RambaError& error, std::string_view filename, std::string_view kind_name, std::string_view suggestion)
{
    std::string out(filename);
    const SourceSpan& span = error.span();
    if (span.is_known())
        out += ":" + std::to_string(span.line) + ":" + std::to_string(span.column);
    out += ": ";
    out += kind_name.empty() ? error_kind_name(error.kind()) : kind_name;
    if (!error.message().empty()) {
        out += ": ";
        out += error.message();
    }
    if (!suggestion.empty())
        out += ". Did you mean: '" + std::string(suggestion) + "'?"; // Python 3.11's wording
    return out;
}

std::string format_error_report(const RambaError& error, std::string_view filename, const std::string* source, std::string_view kind_name, std::string_view suggestion)
{
    if (!error.traceback().empty())
        return format_traceback(error.traceback()) + format_error_headline(error, filename, kind_name, suggestion) + "\n";
    std::string out = format_error_headline(error, filename, kind_name, suggestion);
    out += '\n';
    const SourceSpan& span = error.span();
    if (!source || !span.is_known())
        return out;
    std::string_view line = source_line(*source, span.line);
    // As Python's tracebacks do: the line without its indentation, indented by four spaces.
    size_t indent = line.find_first_not_of(" \t\f");
    if (indent == std::string_view::npos)
        return out;
    std::string_view shown = line.substr(indent);
    size_t column = span.column > 0 ? span.column - 1 : 0; // 0-based byte offset in the line
    if (column > line.size())
        column = line.size();
    size_t caret = column >= indent ? display_width(line.substr(indent, column - indent)) : 0;
    size_t width = 1;
    if (span.end_line == span.line && span.end_column > span.column) {
        size_t end = std::min<size_t>(span.end_column - 1, line.size());
        width = std::max<size_t>(1, display_width(line.substr(column, end - column)));
    }
    out += "    ";
    out += shown;
    out += "\n    ";
    out.append(caret, ' ');
    out.append(width, '^');
    out += '\n';
    return out;
}

std::string format_warning_report(std::string_view filename, uint32_t line, std::string_view text, const std::string* source)
{
    std::string out = std::string(filename) + ":" + std::to_string(line) + ": " + std::string(text) + "\n";
    if (!source || line == 0)
        return out;
    std::string_view code = source_line(*source, line);
    size_t begin = code.find_first_not_of(" \t\r\f\v");
    if (begin == std::string_view::npos)
        return out;
    size_t end = code.find_last_not_of(" \t\r\f\v");
    out += "  ";
    out += code.substr(begin, end - begin + 1);
    out += '\n';
    return out;
}

} // namespace ramba
