// Tracebacks as Python 3.11 prints an uncaught error's: one entry per frame, outermost first, with its
// source line and Python's carets (`~~^~~` under an operator, `~^^^` under a subscript), and long runs
// of the same line abbreviated (see report.hpp).
#include "interpreter/ast/builder.hpp"
#include "interpreter/errors/report.hpp"

#include <optional>

namespace ramba {

namespace {
// Python: traceback.c's TB_RECURSIVE_CUTOFF and sys.tracebacklimit's default.
constexpr size_t repeated_cutoff = 3;
constexpr size_t traceback_limit = 1000;

std::string_view line_of(const std::string& source, uint32_t number)
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

// Characters (not bytes) in the first `bytes` bytes of `text`: columns count characters.
size_t characters(std::string_view text, size_t bytes)
{
    size_t count = 0;
    for (size_t i = 0; i < bytes && i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80)
            ++count;
    }
    return count;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v'; }

struct Anchors {
    size_t left_end;    // byte offsets in the segment: [left_end, right_start) gets the secondary mark
    size_t right_start;
};

// Python 3.11 (traceback.c, extract_anchors_from_line) parses the failing code alone: a binary
// operation marks its operator, a subscript its brackets.
std::optional<Anchors> find_anchors(std::string_view segment)
{
    std::unique_ptr<ast::Module> module;
    ast::GlobalTable table;
    try {
        module = ast::parse_module("<segment>", std::make_shared<const std::string>(segment), table);
    } catch (const RambaError&) {
        return std::nullopt;
    }
    if (module->body.size() != 1 || module->body[0]->kind != ast::StmtKind::Expr)
        return std::nullopt;
    const ast::Expr& expression = *static_cast<const ast::ExprStmt&>(*module->body[0]).value;
    auto offset = [](uint32_t column) { return column > 0 ? size_t(column - 1) : size_t(0); };
    if (expression.kind == ast::ExprKind::BinOp) {
        auto& binary = static_cast<const ast::BinOpExpr&>(expression);
        if (binary.left->span.end_line != 1 || binary.right->span.line != 1)
            return std::nullopt;
        size_t stop = std::min(offset(binary.right->span.column), segment.size());
        Anchors anchors { 0, 0 };
        for (size_t i = offset(binary.left->span.end_column); i < stop; ++i) {
            if (is_space(segment[i]))
                continue;
            anchors = { i, i + 1 };
            if (i + 1 < stop && !is_space(segment[i + 1]))
                ++anchors.right_start; // a two-character operator (`//`)
            if (i + 1 < stop && segment[i] == ')')
                continue; // a parenthesised left operand's closing bracket
            break;
        }
        return anchors;
    }
    if (expression.kind == ast::ExprKind::Subscript) {
        auto& subscript = static_cast<const ast::SubscriptExpr&>(expression);
        if (subscript.value->span.end_line != 1 || subscript.index->span.end_line != 1)
            return std::nullopt;
        size_t left = offset(subscript.value->span.end_column);
        size_t right = offset(subscript.index->span.end_column) + 1;
        while (left < segment.size() && segment[left] != '[')
            ++left;
        while (right < segment.size() && segment[right] != ']')
            ++right;
        if (right < segment.size())
            ++right;
        return Anchors { left, right };
    }
    return std::nullopt;
}

// `    code` and, unless they would underline the whole line, the carets under the entry's span.
void append_source(std::string& out, const TracebackEntry& entry)
{
    if (!entry.source || !entry.span.is_known())
        return;
    std::string_view line = line_of(*entry.source, entry.span.line);
    size_t indent = 0;
    while (indent < line.size() && (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f'))
        ++indent;
    size_t last = line.size();
    while (last > indent && is_space(line[last - 1]))
        --last;
    if (last == indent)
        return;
    out += "    ";
    out += line.substr(indent, last - indent);
    out += '\n';
    if (entry.span.column == 0)
        return;
    size_t start_byte = std::min<size_t>(entry.span.column - 1, line.size());
    size_t end_byte;
    std::optional<Anchors> anchors;
    if (entry.span.end_line == entry.span.line) {
        end_byte = std::min<size_t>(entry.span.end_column > 0 ? entry.span.end_column - 1 : start_byte, line.size());
        if (end_byte > start_byte)
            anchors = find_anchors(line.substr(start_byte, end_byte - start_byte));
    } else {
        end_byte = last; // Python: a span over several lines is underlined to the end of the first
    }
    if (end_byte <= start_byte)
        return;
    size_t start = characters(line, start_byte);
    size_t end = characters(line, end_byte);
    size_t shown_start = characters(line, indent);
    if (end - start == characters(line, line.size()) - shown_start && !anchors)
        return;
    out += "    ";
    out.append(start - shown_start, ' ');
    std::string_view segment = line.substr(start_byte, end_byte - start_byte);
    size_t left = anchors ? start + characters(segment, anchors->left_end) : 0;
    size_t right = anchors ? start + characters(segment, anchors->right_start) : 0;
    for (size_t column = start; column < end; ++column)
        out += anchors && column >= left && column < right ? '^' : anchors ? '~' : '^';
    out += '\n';
}

bool same_place(const TracebackEntry& a, const TracebackEntry& b)
{
    return a.filename == b.filename && a.span.line == b.span.line && a.function == b.function;
}

void append_repeated(std::string& out, size_t count)
{
    if (count <= repeated_cutoff)
        return;
    count -= repeated_cutoff;
    out += "  [Previous line repeated " + std::to_string(count) + " more time" + (count > 1 ? "s" : "") + "]\n";
}
}

std::string format_traceback(const std::vector<TracebackEntry>& traceback)
{
    std::string out = "Traceback (most recent call last):\n";
    size_t shown = std::min(traceback.size(), traceback_limit);
    const TracebackEntry* previous = nullptr;
    size_t count = 0;
    for (size_t i = shown; i-- > 0;) { // innermost first in the vector: outermost first on screen
        const TracebackEntry& entry = traceback[i];
        if (!previous || !same_place(*previous, entry)) {
            append_repeated(out, count);
            previous = &entry;
            count = 0;
        }
        if (++count > repeated_cutoff)
            continue;
        out += "  File \"" + entry.filename + "\", line " + std::to_string(entry.span.line) + ", in " + entry.function + "\n";
        append_source(out, entry);
    }
    append_repeated(out, count);
    return out;
}

} // namespace ramba
