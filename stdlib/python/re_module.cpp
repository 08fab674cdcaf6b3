// Python's `re` on PCRE2 (Debian libpcre2-8): compile, match, fullmatch, search, findall, finditer,
// sub, subn, split, escape, Pattern and Match objects. Python's pattern syntax is PCRE2's but for a
// few spellings translated here (\Z, {,n}); str patterns match Unicode (UTF + UCP) unless re.ASCII.
// PCRE2 reports byte offsets into the UTF-8 text; Python's are code points, converted here.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <optional>

#include "stdlib/python/python_modules.hpp"

namespace ramba::stdlib {

using namespace interp;
using python::make_opaque;
using python::raise;

namespace {

enum Flag : int64_t { IGNORECASE = 2, LOCALE = 4, MULTILINE = 8, DOTALL = 16, UNICODE = 32, VERBOSE = 64, DEBUG = 128, ASCII = 256 };

struct Code {
    pcre2_code* code { nullptr };
    ~Code() { pcre2_code_free(code); }
};

struct PatternObject final : OpaqueObject {
    std::string pattern;
    int64_t flags { 0 };
    std::shared_ptr<Code> code;
    uint32_t groups { 0 };
    std::vector<std::pair<std::string, uint32_t>> names; // in group order
    const TypeInfo& type_info() const override;
};

// ---- UTF-8 offsets <-> code point indices

bool is_ascii(const std::string& s)
{
    for (unsigned char c : s) {
        if (c >= 0x80)
            return false;
    }
    return true;
}

struct Text {
    std::string bytes;
    bool ascii;
    explicit Text(std::string s) : bytes(std::move(s)), ascii(is_ascii(bytes)) { }
    int64_t index_of(size_t byte) const
    {
        if (ascii)
            return static_cast<int64_t>(byte);
        int64_t count = 0;
        for (size_t i = 0; i < byte && i < bytes.size(); ++i)
            count += (static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80;
        return count;
    }
    size_t byte_of(int64_t index) const
    {
        if (index <= 0)
            return 0;
        if (ascii)
            return std::min(static_cast<size_t>(index), bytes.size());
        int64_t count = 0;
        for (size_t i = 0; i < bytes.size(); ++i) {
            if ((static_cast<unsigned char>(bytes[i]) & 0xC0) != 0x80) {
                if (count == index)
                    return i;
                ++count;
            }
        }
        return bytes.size();
    }
    int64_t length() const { return index_of(bytes.size()); }
};

// ---- compiling

std::string translate(const std::string& pattern)
{
    std::string out;
    bool in_class = false;
    for (size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '\\' && i + 1 < pattern.size()) {
            char next = pattern[i + 1];
            if (next == 'Z' && !in_class)
                out += "\\z";
            else
                out += pattern.substr(i, 2);
            ++i;
            continue;
        }
        if (in_class) {
            if (c == ']')
                in_class = false;
            out += c;
            continue;
        }
        if (c == '[') {
            in_class = true;
            out += c;
            if (i + 1 < pattern.size() && pattern[i + 1] == '^')
                out += pattern[++i];
            if (i + 1 < pattern.size() && pattern[i + 1] == ']')
                out += pattern[++i]; // a leading ] is a literal
            continue;
        }
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == ',') {
            size_t j = i + 2;
            while (j < pattern.size() && std::isdigit(static_cast<unsigned char>(pattern[j])))
                ++j;
            if (j > i + 2 && j < pattern.size() && pattern[j] == '}') {
                out += "{0";
                continue;
            }
        }
        out += c;
    }
    return out;
}

Value compile_pattern(const std::string& pattern, int64_t flags)
{
    static std::map<std::pair<std::string, int64_t>, Value> cache;
    auto key = std::make_pair(pattern, flags);
    if (auto it = cache.find(key); it != cache.end())
        return it->second;
    if ((flags & ASCII) && (flags & UNICODE))
        raise(ErrorKind::ValueError, "ASCII and UNICODE flags are incompatible");
    uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    if (!(flags & ASCII))
        options |= PCRE2_UCP;
    if (flags & IGNORECASE)
        options |= PCRE2_CASELESS;
    if (flags & MULTILINE)
        options |= PCRE2_MULTILINE;
    if (flags & DOTALL)
        options |= PCRE2_DOTALL;
    if (flags & VERBOSE)
        options |= PCRE2_EXTENDED;
    std::string translated = translate(pattern);
    int error = 0;
    PCRE2_SIZE offset = 0;
    auto code = std::make_shared<Code>();
    code->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated.data()), translated.size(), options, &error, &offset, nullptr);
    if (!code->code) {
        PCRE2_UCHAR buffer[256];
        pcre2_get_error_message(error, buffer, sizeof buffer);
        raise(ErrorKind::ValueError, std::string(reinterpret_cast<char*>(buffer)) + " at position " + std::to_string(Text(translated).index_of(offset)));
    }
    auto object = make_object<PatternObject>();
    object->pattern = pattern;
    object->flags = (flags & ASCII) ? flags : flags | UNICODE;
    object->code = code;
    pcre2_pattern_info(code->code, PCRE2_INFO_CAPTURECOUNT, &object->groups);
    uint32_t name_count = 0, entry_size = 0;
    PCRE2_SPTR table = nullptr;
    pcre2_pattern_info(code->code, PCRE2_INFO_NAMECOUNT, &name_count);
    pcre2_pattern_info(code->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(code->code, PCRE2_INFO_NAMETABLE, &table);
    for (uint32_t i = 0; i < name_count; ++i) {
        PCRE2_SPTR entry = table + i * entry_size;
        uint32_t group = (static_cast<uint32_t>(entry[0]) << 8) | entry[1];
        object->names.emplace_back(reinterpret_cast<const char*>(entry + 2), group);
    }
    std::sort(object->names.begin(), object->names.end(), [](auto& a, auto& b) { return a.second < b.second; });
    Value value = Value::object(Type::Opaque, std::move(object));
    if (cache.size() > 512)
        cache.clear();
    cache.emplace(key, value);
    return value;
}

const PatternObject* as_pattern(const Value& v)
{
    return v.is(Type::Opaque) ? dynamic_cast<const PatternObject*>(&v.as<OpaqueObject>()) : nullptr;
}

Value pattern_argument(CallContext& ctx, const Value& pattern, const Value& flags)
{
    int64_t f = to_index(ctx, flags);
    if (const PatternObject* p = as_pattern(pattern)) {
        if (f != 0)
            raise(ErrorKind::ValueError, "cannot process flags argument with a compiled pattern");
        (void)p;
        return pattern;
    }
    if (!pattern.is(Type::Str))
        raise(ErrorKind::TypeError, "first argument must be string or compiled pattern");
    return compile_pattern(pattern.as<StrObject>().value, f);
}

std::string string_argument(const Value& v)
{
    if (!v.is(Type::Str))
        raise(ErrorKind::TypeError, "expected string or bytes-like object, got '" + std::string(type_name(v)) + "'");
    return v.as<StrObject>().value;
}

// ---- matching

struct MatchObject final : OpaqueObject {
    Value pattern;                         // the PatternObject
    std::shared_ptr<const Text> text;
    std::vector<std::pair<int64_t, int64_t>> spans; // byte offsets; -1 for an unmatched group
    int64_t pos { 0 }, endpos { 0 };       // code points
    const TypeInfo& type_info() const override;
    const PatternObject& p() const { return pattern.as<PatternObject>(); }
};

enum class Anchor : uint8_t { Search, Match, Full };

// One match attempt from byte `start` (a search, or anchored there); nullopt when none.
std::optional<Value> match_at(const Value& pattern, const std::shared_ptr<const Text>& text, size_t start, size_t end, Anchor anchor,
    bool not_empty_at_start, int64_t pos, int64_t endpos)
{
    auto& p = pattern.as<PatternObject>();
    std::unique_ptr<pcre2_match_data, decltype(&pcre2_match_data_free)> data(pcre2_match_data_create_from_pattern(p.code->code, nullptr), pcre2_match_data_free);
    uint32_t options = 0;
    if (anchor != Anchor::Search)
        options |= PCRE2_ANCHORED;
    if (anchor == Anchor::Full)
        options |= PCRE2_ENDANCHORED;
    if (not_empty_at_start)
        options |= PCRE2_NOTEMPTY_ATSTART;
    int rc = pcre2_match(p.code->code, reinterpret_cast<PCRE2_SPTR>(text->bytes.data()), end, start, options, data.get(), nullptr);
    if (rc == PCRE2_ERROR_NOMATCH)
        return std::nullopt;
    if (rc < 0) {
        PCRE2_UCHAR buffer[256];
        pcre2_get_error_message(rc, buffer, sizeof buffer);
        raise(ErrorKind::RuntimeError, std::string("regular expression match failed: ") + reinterpret_cast<char*>(buffer));
    }
    PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data.get());
    auto match = make_object<MatchObject>();
    match->pattern = pattern;
    match->text = text;
    match->pos = pos;
    match->endpos = endpos;
    for (uint32_t g = 0; g <= p.groups; ++g) {
        if (static_cast<int>(g) < rc && ovector[2 * g] != PCRE2_UNSET)
            match->spans.emplace_back(static_cast<int64_t>(ovector[2 * g]), static_cast<int64_t>(ovector[2 * g + 1]));
        else
            match->spans.emplace_back(-1, -1);
    }
    return Value::object(Type::Opaque, std::move(match));
}

const MatchObject& match_of(const Value& v) { return v.as<MatchObject>(); }

// Every non-overlapping match, CPython's way: after an empty match the next one may not be empty
// at the same place.
template<typename Each>
void for_each_match(const Value& pattern, const std::shared_ptr<const Text>& text, size_t start, size_t end, int64_t limit, Each&& each)
{
    bool last_empty = false;
    int64_t count = 0;
    size_t position = start;
    const int64_t endpos = text->index_of(end); // once: counting code points is linear in the text
    while (position <= end && (limit <= 0 || count < limit)) {
        auto found = match_at(pattern, text, position, end, Anchor::Search, last_empty, 0, endpos);
        if (!found)
            break;
        auto& m = match_of(*found);
        each(*found);
        ++count;
        last_empty = m.spans[0].first == m.spans[0].second;
        position = static_cast<size_t>(m.spans[0].second);
    }
}

struct Range {
    int64_t pos, endpos;
    size_t start, end;
};

Range range_of(CallContext& ctx, const Text& text, const Value& pos, const Value& endpos)
{
    int64_t length = text.length();
    int64_t p = std::clamp<int64_t>(to_index(ctx, pos), 0, length);
    int64_t e = endpos.is_none() ? length : std::clamp<int64_t>(to_index(ctx, endpos), 0, length);
    if (e < p)
        e = p;
    return { p, e, text.byte_of(p), text.byte_of(e) };
}

Value group_value(const MatchObject& m, size_t g, const Value& fallback = Value())
{
    auto [a, b] = m.spans[g];
    if (a < 0)
        return fallback;
    return make_str(m.text->bytes.substr(static_cast<size_t>(a), static_cast<size_t>(b - a)));
}

size_t group_index(CallContext& ctx, const MatchObject& m, const Value& g)
{
    if (g.is(Type::Str)) {
        for (auto& [name, number] : m.p().names) {
            if (name == g.as<StrObject>().value)
                return number;
        }
        raise(ErrorKind::IndexError, "no such group");
    }
    int64_t i;
    if (!as_index(ctx, g, i) || i < 0 || i >= static_cast<int64_t>(m.spans.size()))
        raise(ErrorKind::IndexError, "no such group");
    return static_cast<size_t>(i);
}

// ---- Match methods

Value m_group(CallContext& ctx, std::span<Value> a)
{
    auto& m = match_of(a[0]);
    auto& args = python::star_args(a[1]);
    if (args.empty())
        return group_value(m, 0);
    if (args.size() == 1)
        return group_value(m, group_index(ctx, m, args[0]));
    Values out;
    for (auto& g : args)
        out.push_back(group_value(m, group_index(ctx, m, g)));
    return make_tuple(std::move(out));
}

Value m_groups(CallContext&, std::span<Value> a)
{
    auto& m = match_of(a[0]);
    Values out;
    for (size_t g = 1; g < m.spans.size(); ++g)
        out.push_back(group_value(m, g, a[1]));
    return make_tuple(std::move(out));
}

Value m_groupdict(CallContext& ctx, std::span<Value> a)
{
    auto& m = match_of(a[0]);
    Value d = make_dict();
    for (auto& [name, number] : m.p().names)
        dict_set(ctx, d.as<DictObject>(), make_str(name), group_value(m, number, a[1]));
    return d;
}

Value span_part(CallContext& ctx, std::span<Value> a, int part)
{
    auto& m = match_of(a[0]);
    auto span = m.spans[group_index(ctx, m, a[1])];
    int64_t start = span.first < 0 ? -1 : m.text->index_of(static_cast<size_t>(span.first));
    int64_t end = span.second < 0 ? -1 : m.text->index_of(static_cast<size_t>(span.second));
    if (part == 0)
        return Value::integer(start);
    if (part == 1)
        return Value::integer(end);
    return make_tuple({ Value::integer(start), Value::integer(end) });
}

Value m_start(CallContext& ctx, std::span<Value> a) { return span_part(ctx, a, 0); }
Value m_end(CallContext& ctx, std::span<Value> a) { return span_part(ctx, a, 1); }
Value m_span(CallContext& ctx, std::span<Value> a) { return span_part(ctx, a, 2); }

std::string expand_template(CallContext& ctx, const MatchObject& m, const std::string& repl);

Value m_expand(CallContext& ctx, std::span<Value> a) { return make_str(expand_template(ctx, match_of(a[0]), string_argument(a[1]))); }

constexpr BuiltinSpec match_methods[] = {
    { "group", "(self, *args)", m_group, "Return subgroup(s) of the match by indices or names." },
    { "groups", "(self, default=None)", m_groups, "Return a tuple containing all the subgroups of the match." },
    { "groupdict", "(self, default=None)", m_groupdict, "Return a dictionary containing all the named subgroups of the match." },
    { "start", "(self, group=0, /)", m_start, "Return index of the start of the substring matched by group." },
    { "end", "(self, group=0, /)", m_end, "Return index of the end of the substring matched by group." },
    { "span", "(self, group=0, /)", m_span, "For match object m, return the 2-tuple (m.start(group), m.end(group))." },
    { "expand", "(self, template)", m_expand, "Return the string obtained by doing backslash substitution on the string template." },
};

Value m_lastindex(CallContext&, const Value& self)
{
    auto& m = match_of(self);
    // The group that closed last: the matched group with the greatest end, the outermost on ties.
    int64_t best = -1, best_end = -1;
    for (size_t g = 1; g < m.spans.size(); ++g) {
        if (m.spans[g].first >= 0 && m.spans[g].second > best_end) {
            best = static_cast<int64_t>(g);
            best_end = m.spans[g].second;
        }
    }
    return best < 0 ? Value() : Value::integer(best);
}

constexpr AttributeSpec match_attributes[] = {
    { "string", [](CallContext&, const Value& self) { return make_str(match_of(self).text->bytes); }, "The string passed to match() or search()." },
    { "re", [](CallContext&, const Value& self) { return match_of(self).pattern; }, "The regular expression object." },
    { "pos", [](CallContext&, const Value& self) { return Value::integer(match_of(self).pos); }, "The index into the string at which the RE engine started looking for a match." },
    { "endpos", [](CallContext&, const Value& self) { return Value::integer(match_of(self).endpos); }, "The index into the string beyond which the RE engine will not go." },
    { "lastindex", m_lastindex, "The integer index of the last matched capturing group." },
    { "lastgroup", [](CallContext& ctx, const Value& self) {
         Value index = m_lastindex(ctx, self);
         if (index.is_none())
             return Value();
         for (auto& [name, number] : match_of(self).p().names) {
             if (static_cast<int64_t>(number) == index.as_int())
                 return make_str(name);
         }
         return Value();
     }, "The name of the last matched capturing group." },
};

std::string match_repr(CallContext& ctx, const Value& self)
{
    auto& m = match_of(self);
    Value zero = Value::integer(0);
    Value args[] = { self, zero };
    Value span = span_part(ctx, args, 2);
    return "<re.Match object; span=" + repr_value(ctx, span) + ", match=" + repr_value(ctx, group_value(m, 0)) + ">";
}

Value match_get_item(CallContext& ctx, const Value& self, const Value& index)
{
    auto& m = match_of(self);
    return group_value(m, group_index(ctx, m, index));
}

const TypeInfo& MatchObject::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t;
        t.name = "re.Match";
        t.methods = match_methods;
        t.attributes = match_attributes;
        t.repr = match_repr;
        t.str = match_repr;
        t.get_item = match_get_item;
        t.truth = [](CallContext&, const Value&) { return true; };
        return t;
    }();
    return info;
}

// ---- substitution templates: \1, \g<1>, \g<name>, \n, \t, \\ ...

std::string expand_template(CallContext& ctx, const MatchObject& m, const std::string& repl)
{
    std::string out;
    for (size_t i = 0; i < repl.size(); ++i) {
        char c = repl[i];
        if (c != '\\' || i + 1 == repl.size()) {
            if (c == '\\')
                raise(ErrorKind::ValueError, "bad escape (end of pattern) at position " + std::to_string(i));
            out += c;
            continue;
        }
        char n = repl[++i];
        auto append_group = [&](const Value& g) {
            auto [a, b] = m.spans[group_index(ctx, m, g)];
            if (a >= 0)
                out += m.text->bytes.substr(static_cast<size_t>(a), static_cast<size_t>(b - a));
        };
        if (n == 'g') {
            size_t close = repl.find('>', i);
            if (i + 1 >= repl.size() || repl[i + 1] != '<' || close == std::string::npos)
                raise(ErrorKind::ValueError, "missing < at position " + std::to_string(i + 1));
            std::string name = repl.substr(i + 2, close - i - 2);
            bool digits = !name.empty() && name.find_first_not_of("0123456789") == std::string::npos;
            if (digits) {
                size_t g = std::stoul(name);
                if (g >= m.spans.size())
                    raise(ErrorKind::IndexError, "invalid group reference " + name + " at position " + std::to_string(i + 1));
                append_group(Value::integer(static_cast<int64_t>(g)));
            } else {
                bool known = false;
                for (auto& entry : m.p().names)
                    known = known || entry.first == name;
                if (!known)
                    raise(ErrorKind::IndexError, "unknown group name '" + name + "'");
                append_group(make_str(name));
            }
            i = close;
        } else if (n >= '0' && n <= '9') {
            size_t g = static_cast<size_t>(n - '0');
            if (i + 1 < repl.size() && std::isdigit(static_cast<unsigned char>(repl[i + 1])) && g * 10 + static_cast<size_t>(repl[i + 1] - '0') < m.spans.size())
                g = g * 10 + static_cast<size_t>(repl[++i] - '0');
            if (g >= m.spans.size())
                raise(ErrorKind::ValueError, "invalid group reference " + std::to_string(g) + " at position " + std::to_string(i));
            append_group(Value::integer(static_cast<int64_t>(g)));
        } else {
            switch (n) {
            case 'n': out += '\n'; break;
            case 't': out += '\t'; break;
            case 'r': out += '\r'; break;
            case 'f': out += '\f'; break;
            case 'v': out += '\v'; break;
            case 'a': out += '\a'; break;
            case 'b': out += '\b'; break;
            case '\\': out += '\\'; break;
            default:
                if (std::isalpha(static_cast<unsigned char>(n)))
                    raise(ErrorKind::ValueError, std::string("bad escape \\") + n + " at position " + std::to_string(i - 1));
                out += '\\';
                out += n;
            }
        }
    }
    return out;
}

// ---- Pattern methods and module functions (a[0] a Pattern value)

Value do_match(CallContext& ctx, const Value& pattern, const Value& string, const Value& pos, const Value& endpos, Anchor anchor)
{
    auto text = std::make_shared<const Text>(string_argument(string));
    Range r = range_of(ctx, *text, pos, endpos);
    auto found = match_at(pattern, text, r.start, r.end, anchor, false, r.pos, r.endpos);
    return found ? *found : Value();
}

Value do_findall(CallContext& ctx, const Value& pattern, const Value& string, const Value& pos, const Value& endpos)
{
    auto text = std::make_shared<const Text>(string_argument(string));
    Range r = range_of(ctx, *text, pos, endpos);
    uint32_t groups = pattern.as<PatternObject>().groups;
    Values out;
    for_each_match(pattern, text, r.start, r.end, 0, [&](const Value& found) {
        auto& m = match_of(found);
        if (groups == 0) {
            out.push_back(group_value(m, 0));
        } else if (groups == 1) {
            out.push_back(group_value(m, 1, make_str("")));
        } else {
            Values row;
            for (size_t g = 1; g <= groups; ++g)
                row.push_back(group_value(m, g, make_str("")));
            out.push_back(make_tuple(std::move(row)));
        }
    });
    return make_list(std::move(out));
}

struct MatchList final : IteratorObject {
    Values matches;
    size_t position { 0 };
    explicit MatchList(Values m) : matches(std::move(m)) { }
    bool next(CallContext&, Value& out) override
    {
        if (position >= matches.size())
            return false;
        out = matches[position++];
        return true;
    }
    std::string_view type_name() const override { return "callable_iterator"; }
};

Value do_finditer(CallContext& ctx, const Value& pattern, const Value& string, const Value& pos, const Value& endpos)
{
    auto text = std::make_shared<const Text>(string_argument(string));
    Range r = range_of(ctx, *text, pos, endpos);
    Values matches;
    for_each_match(pattern, text, r.start, r.end, 0, [&](const Value& found) { matches.push_back(found); });
    return python::make_iterator<MatchList>(std::move(matches));
}

std::pair<std::string, int64_t> do_sub(CallContext& ctx, const Value& pattern, const Value& repl, const Value& string, const Value& count)
{
    auto text = std::make_shared<const Text>(string_argument(string));
    int64_t limit = to_index(ctx, count);
    bool callable = !repl.is(Type::Str);
    std::string out;
    size_t copied = 0;
    int64_t n = 0;
    for_each_match(pattern, text, 0, text->bytes.size(), limit, [&](const Value& found) {
        auto& m = match_of(found);
        out += text->bytes.substr(copied, static_cast<size_t>(m.spans[0].first) - copied);
        if (callable) {
            Value piece = python::call1(ctx, repl, found);
            out += string_argument(piece);
        } else {
            out += expand_template(ctx, m, repl.as<StrObject>().value);
        }
        copied = static_cast<size_t>(m.spans[0].second);
        ++n;
    });
    out += text->bytes.substr(copied);
    return { out, n };
}

Value do_split(CallContext& ctx, const Value& pattern, const Value& string, const Value& maxsplit)
{
    auto text = std::make_shared<const Text>(string_argument(string));
    uint32_t groups = pattern.as<PatternObject>().groups;
    Values out;
    size_t copied = 0;
    for_each_match(pattern, text, 0, text->bytes.size(), to_index(ctx, maxsplit), [&](const Value& found) {
        auto& m = match_of(found);
        out.push_back(make_str(text->bytes.substr(copied, static_cast<size_t>(m.spans[0].first) - copied)));
        for (size_t g = 1; g <= groups; ++g)
            out.push_back(group_value(m, g));
        copied = static_cast<size_t>(m.spans[0].second);
    });
    out.push_back(make_str(text->bytes.substr(copied)));
    return make_list(std::move(out));
}

Value p_match(CallContext& ctx, std::span<Value> a) { return do_match(ctx, a[0], a[1], a[2], a[3], Anchor::Match); }
Value p_fullmatch(CallContext& ctx, std::span<Value> a) { return do_match(ctx, a[0], a[1], a[2], a[3], Anchor::Full); }
Value p_search(CallContext& ctx, std::span<Value> a) { return do_match(ctx, a[0], a[1], a[2], a[3], Anchor::Search); }
Value p_findall(CallContext& ctx, std::span<Value> a) { return do_findall(ctx, a[0], a[1], a[2], a[3]); }
Value p_finditer(CallContext& ctx, std::span<Value> a) { return do_finditer(ctx, a[0], a[1], a[2], a[3]); }
Value p_sub(CallContext& ctx, std::span<Value> a) { return make_str(do_sub(ctx, a[0], a[1], a[2], a[3]).first); }
Value p_subn(CallContext& ctx, std::span<Value> a)
{
    auto [text, n] = do_sub(ctx, a[0], a[1], a[2], a[3]);
    return make_tuple({ make_str(text), Value::integer(n) });
}
Value p_split(CallContext& ctx, std::span<Value> a) { return do_split(ctx, a[0], a[1], a[2]); }

constexpr BuiltinSpec pattern_methods[] = {
    { "match", "(self, string, pos=0, endpos=None)", p_match, "Matches zero or more characters at the beginning of the string." },
    { "fullmatch", "(self, string, pos=0, endpos=None)", p_fullmatch, "Matches against all of the string." },
    { "search", "(self, string, pos=0, endpos=None)", p_search, "Scan through string looking for a match, and return a corresponding match object instance." },
    { "findall", "(self, string, pos=0, endpos=None)", p_findall, "Return a list of all non-overlapping matches of pattern in string." },
    { "finditer", "(self, string, pos=0, endpos=None)", p_finditer, "Return an iterator over all non-overlapping matches for the RE pattern in string." },
    { "sub", "(self, repl, string, count=0)", p_sub, "Return the string obtained by replacing the leftmost non-overlapping occurrences of pattern in string by the replacement repl." },
    { "subn", "(self, repl, string, count=0)", p_subn, "Return the tuple (new_string, number_of_subs_made) found by replacing the leftmost non-overlapping occurrences of pattern with the replacement repl." },
    { "split", "(self, string, maxsplit=0)", p_split, "Split string by the occurrences of pattern." },
};

std::string flag_names(int64_t flags)
{
    static const std::pair<int64_t, const char*> names[] = { { IGNORECASE, "re.IGNORECASE" }, { LOCALE, "re.LOCALE" }, { MULTILINE, "re.MULTILINE" },
        { DOTALL, "re.DOTALL" }, { VERBOSE, "re.VERBOSE" }, { DEBUG, "re.DEBUG" }, { ASCII, "re.ASCII" } };
    std::string out;
    for (auto& [bit, name] : names) {
        if (flags & bit)
            out += (out.empty() ? "" : "|") + std::string(name);
    }
    return out;
}

std::string pattern_repr(CallContext& ctx, const Value& self)
{
    auto& p = self.as<PatternObject>();
    std::string text = "re.compile(" + repr_value(ctx, make_str(p.pattern));
    std::string flags = flag_names(p.flags & ~UNICODE);
    return text + (flags.empty() ? "" : ", " + flags) + ")";
}

constexpr AttributeSpec pattern_attributes[] = {
    { "pattern", [](CallContext&, const Value& self) { return make_str(self.as<PatternObject>().pattern); }, "The pattern string from which the RE object was compiled." },
    { "flags", [](CallContext&, const Value& self) { return Value::integer(self.as<PatternObject>().flags); }, "The regex matching flags." },
    { "groups", [](CallContext&, const Value& self) { return Value::integer(self.as<PatternObject>().groups); }, "The number of capturing groups in the pattern." },
    { "groupindex", [](CallContext& ctx, const Value& self) {
         Value d = make_dict();
         for (auto& [name, number] : self.as<PatternObject>().names)
             dict_set(ctx, d.as<DictObject>(), make_str(name), Value::integer(number));
         return d;
     }, "A dictionary mapping group names to group numbers." },
};

const TypeInfo& PatternObject::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t;
        t.name = "re.Pattern";
        t.methods = pattern_methods;
        t.attributes = pattern_attributes;
        t.repr = pattern_repr;
        t.str = pattern_repr;
        t.hash = [](const Value& self) { return std::hash<std::string>()(self.as<PatternObject>().pattern) ^ static_cast<size_t>(self.as<PatternObject>().flags); };
        t.equals = [](const Value& self, const Value& other) {
            auto* o = as_pattern(other);
            return o && o->pattern == self.as<PatternObject>().pattern && o->flags == self.as<PatternObject>().flags;
        };
        return t;
    }();
    return info;
}

// Module functions: (pattern, string, flags=0) -> the Pattern method.
Value re_compile(CallContext& ctx, std::span<Value> a) { return pattern_argument(ctx, a[0], a[1]); }
Value re_match(CallContext& ctx, std::span<Value> a) { return do_match(ctx, pattern_argument(ctx, a[0], a[2]), a[1], Value::integer(0), Value(), Anchor::Match); }
Value re_fullmatch(CallContext& ctx, std::span<Value> a) { return do_match(ctx, pattern_argument(ctx, a[0], a[2]), a[1], Value::integer(0), Value(), Anchor::Full); }
Value re_search(CallContext& ctx, std::span<Value> a) { return do_match(ctx, pattern_argument(ctx, a[0], a[2]), a[1], Value::integer(0), Value(), Anchor::Search); }
Value re_findall(CallContext& ctx, std::span<Value> a) { return do_findall(ctx, pattern_argument(ctx, a[0], a[2]), a[1], Value::integer(0), Value()); }
Value re_finditer(CallContext& ctx, std::span<Value> a) { return do_finditer(ctx, pattern_argument(ctx, a[0], a[2]), a[1], Value::integer(0), Value()); }
Value re_sub(CallContext& ctx, std::span<Value> a) { return make_str(do_sub(ctx, pattern_argument(ctx, a[0], a[4]), a[1], a[2], a[3]).first); }
Value re_subn(CallContext& ctx, std::span<Value> a)
{
    auto [text, n] = do_sub(ctx, pattern_argument(ctx, a[0], a[4]), a[1], a[2], a[3]);
    return make_tuple({ make_str(text), Value::integer(n) });
}
Value re_split(CallContext& ctx, std::span<Value> a) { return do_split(ctx, pattern_argument(ctx, a[0], a[3]), a[1], a[2]); }

Value re_escape(CallContext&, std::span<Value> a)
{
    // CPython escapes every ASCII character that is special in a pattern, and whitespace.
    const std::string special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
    std::string out;
    for (char c : string_argument(a[0])) {
        if (special.find(c) != std::string::npos)
            out += '\\';
        out += c;
    }
    return make_str(out);
}

Value re_purge(CallContext&, std::span<Value>) { return Value(); }

constexpr BuiltinSpec rows[] = {
    { "compile", "(pattern, flags=0)", re_compile, "Compile a regular expression pattern, returning a Pattern object." },
    { "match", "(pattern, string, flags=0)", re_match, "Try to apply the pattern at the start of the string, returning a Match object, or None if no match was found." },
    { "fullmatch", "(pattern, string, flags=0)", re_fullmatch, "Try to apply the pattern to all of the string, returning a Match object, or None if no match was found." },
    { "search", "(pattern, string, flags=0)", re_search, "Scan through string looking for a match to the pattern, returning a Match object, or None if no match was found." },
    { "findall", "(pattern, string, flags=0)", re_findall, "Return a list of all non-overlapping matches in the string." },
    { "finditer", "(pattern, string, flags=0)", re_finditer, "Return an iterator over all non-overlapping matches in the string." },
    { "sub", "(pattern, repl, string, count=0, flags=0)", re_sub, "Return the string obtained by replacing the leftmost non-overlapping occurrences of the pattern in string by the replacement repl." },
    { "subn", "(pattern, repl, string, count=0, flags=0)", re_subn, "Return a 2-tuple containing (new_string, number)." },
    { "split", "(pattern, string, maxsplit=0, flags=0)", re_split, "Split the source string by the occurrences of the pattern, returning a list containing the resulting substrings." },
    { "escape", "(pattern)", re_escape, "Escape special characters in a string." },
    { "purge", "()", re_purge, "Clear the regular expression caches" },
};

} // namespace

Ref<ModuleObject> make_re_module()
{
    auto module = python::module_of_rows("re", rows);
    std::pair<const char*, int64_t> flags[] = { { "IGNORECASE", IGNORECASE }, { "I", IGNORECASE }, { "LOCALE", LOCALE }, { "L", LOCALE },
        { "MULTILINE", MULTILINE }, { "M", MULTILINE }, { "DOTALL", DOTALL }, { "S", DOTALL }, { "UNICODE", UNICODE }, { "U", UNICODE },
        { "VERBOSE", VERBOSE }, { "X", VERBOSE }, { "DEBUG", DEBUG }, { "ASCII", ASCII }, { "A", ASCII }, { "NOFLAG", 0 } };
    for (auto& [name, value] : flags)
        module->set(name, Value::integer(value));
    module->set("error", exception_class(ErrorKind::ValueError));
    return module;
}

} // namespace ramba::stdlib
