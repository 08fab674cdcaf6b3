// TreeBuilder, f-strings: splits f"text {expr!r:spec}" into parts; each field's expression is
// parsed by re-invoking the parser on its text, with positions mapped back into the source.
#include "interpreter/ast/literals.hpp"
#include "interpreter/ast/syntax_error.hpp"
#include "interpreter/ast/tree_builder.hpp"

namespace ramba::ast {

namespace {

// Position of body[offset] in the source, given the position of body[0].
SourceSpan position_in(const std::string& body, size_t offset, uint32_t line, uint32_t column)
{
    for (size_t i = 0; i < offset && i < body.size(); ++i) {
        unsigned char c = body[i];
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++column;
        }
    }
    return point_span(line, column);
}

void append_literal(std::vector<FStringPart>& parts, std::string text)
{
    if (text.empty())
        return;
    if (!parts.empty() && !parts.back().expr && !parts.back().self_documenting) {
        parts.back().literal += text;
        return;
    }
    FStringPart part;
    part.literal = std::move(text);
    parts.push_back(std::move(part));
}

bool is_blank(const std::string& text)
{
    return text.find_first_not_of(" \t\r\n\f") == std::string::npos;
}

} // namespace

void TreeBuilder::append_fstring(std::vector<FStringPart>& parts, antlr4::Token* token)
{
    SourceSpan span = span_of(token);
    StringLiteral literal = split_string_token(token->getText(), span);
    if (!literal.is_fstring) {
        append_literal(parts, literal.is_raw ? literal.body : decode_escapes(literal.body, span));
        return;
    }
    parse_fstring_parts(literal.body, 0, literal.is_raw, false, literal.body_line, literal.body_column, parts);
}

size_t TreeBuilder::parse_fstring_parts(const std::string& body, size_t position, bool raw, bool in_format_spec,
    uint32_t body_line, uint32_t body_column, std::vector<FStringPart>& parts)
{
    std::string literal;
    size_t literal_start = position;
    auto flush = [&] {
        if (literal.empty())
            return;
        append_literal(parts, raw ? literal : decode_escapes(literal, position_in(body, literal_start, body_line, body_column)));
        literal.clear();
    };
    size_t size = body.size();
    while (position < size) {
        char c = body[position];
        if (c == '{') {
            if (!in_format_spec && position + 1 < size && body[position + 1] == '{') {
                literal += '{';
                position += 2;
                continue;
            }
            flush();
            // The field: the expression runs to a top-level '}', '!', ':' or self-documenting '='.
            size_t start = position + 1;
            size_t i = start;
            int depth = 0;
            char quote = 0;
            size_t expression_end = std::string::npos;
            for (; i < size; ++i) {
                char ch = body[i];
                if (quote) {
                    if (ch == quote)
                        quote = 0;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                } else if (ch == '(' || ch == '[' || ch == '{') {
                    ++depth;
                } else if (ch == ')' || ch == ']' || ch == '}') {
                    if (depth == 0) {
                        if (ch == '}')
                            break;
                        throw_syntax_error(std::string("f-string: unmatched '") + ch + "'", position_in(body, i, body_line, body_column));
                    }
                    --depth;
                } else if (depth == 0 && ch == '!' && (i + 1 >= size || body[i + 1] != '=')) {
                    break;
                } else if (depth == 0 && ch == ':') {
                    break;
                } else if (depth == 0 && ch == '=') {
                    bool is_operator = (i + 1 < size && body[i + 1] == '=')
                        || (i > start && std::string_view("=!<>").find(body[i - 1]) != std::string_view::npos);
                    if (is_operator) {
                        if (i + 1 < size && body[i + 1] == '=')
                            ++i;
                        continue;
                    }
                    size_t after = i + 1;
                    while (after < size && (body[after] == ' ' || body[after] == '\t'))
                        ++after;
                    if (after < size && (body[after] == '}' || body[after] == '!' || body[after] == ':')) {
                        expression_end = i;
                        i = after;
                        break;
                    }
                }
            }
            if (i >= size)
                throw_syntax_error("f-string: expecting '}'", position_in(body, start, body_line, body_column));
            bool self_documenting = expression_end != std::string::npos;
            std::string expression = body.substr(start, (self_documenting ? expression_end : i) - start);
            if (is_blank(expression))
                throw_syntax_error("f-string: empty expression not allowed", position_in(body, i, body_line, body_column));
            SourceSpan at = position_in(body, start, body_line, body_column);
            FStringPart part;
            part.expr = parse_fstring_field(expression, at.line, at.column);
            if (self_documenting) {
                part.self_documenting = true;
                part.literal = body.substr(start, i - start);
            }
            if (body[i] == '!') {
                char conversion = i + 1 < size ? body[i + 1] : 0;
                if (conversion != 'r' && conversion != 's' && conversion != 'a')
                    throw_syntax_error("f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        position_in(body, i + 1, body_line, body_column));
                part.conversion = conversion;
                i += 2;
            }
            if (i < size && body[i] == ':')
                i = parse_fstring_parts(body, i + 1, raw, true, body_line, body_column, part.format_spec);
            if (i >= size || body[i] != '}')
                throw_syntax_error("f-string: expecting '}'", position_in(body, std::min(i, size), body_line, body_column));
            // Python: f"{x=}" shows repr(x) unless a conversion or a format spec is given.
            if (self_documenting && !part.conversion && part.format_spec.empty())
                part.conversion = 'r';
            parts.push_back(std::move(part));
            position = i + 1;
            literal_start = position;
            continue;
        }
        if (c == '}') {
            if (in_format_spec)
                break;
            if (position + 1 < size && body[position + 1] == '}') {
                literal += '}';
                position += 2;
                continue;
            }
            throw_syntax_error("f-string: single '}' is not allowed", position_in(body, position, body_line, body_column));
        }
        if (c == '\\' && !raw && position + 1 < size) {
            literal += c;
            literal += body[position + 1];
            position += 2;
            continue;
        }
        literal += c;
        ++position;
    }
    flush();
    return position;
}

ExprPtr TreeBuilder::parse_fstring_field(const std::string& text, uint32_t line, uint32_t column)
{
    SourceOffset offset { line - 1, column - 1 };
    try {
        ParseSession session(text, IndentingLexer::Mode::Field, offset);
        auto* tree = session.parse_field();
        TreeBuilder builder(session.tokens(), offset);
        return builder.build_field(tree);
    } catch (RambaError& error) {
        // CPython names the f-string in errors of its fields; the string itself is complete, so
        // the REPL must not wait for more lines either (a plain RambaError, not IncompleteInput).
        if (error.kind() != ErrorKind::SyntaxError || error.message().starts_with("f-string"))
            throw RambaError(error.kind(), error.message(), error.span());
        throw RambaError(ErrorKind::SyntaxError, "f-string: " + error.message(), error.span());
    }
}

} // namespace ramba::ast
