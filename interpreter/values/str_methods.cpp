// The methods of str ("a,b".split(","), " x ".strip(), "{}".format(1), ...): one BuiltinSpec row each,
// self bound as the first argument. Case mapping and classification are ASCII (non-ASCII kept as is).
#include <algorithm>
#include <cctype>

#include "interpreter/values/bytes.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

const std::string& text(const Value& v) { return v.as<StrObject>().value; }

const std::string& str_argument(const Value& v, const char* method)
{
    if (!v.is(Type::Str))
        throw_error(ErrorKind::TypeError, std::string(method) + "() argument must be str, not " + std::string(type_name(v)));
    return text(v);
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

// Byte offset -> code point index (find() returns code point positions, as Python does).
int64_t code_point_index(const std::string& s, size_t byte_offset)
{
    return utf8_length(std::string_view(s).substr(0, byte_offset));
}

// Resolves optional start/end (code point positions, Python slice rules) to byte offsets.
void byte_range(CallContext& ctx, const std::string& s, const Value& start, const Value& end, size_t& begin, size_t& stop)
{
    auto characters = is_ascii(s) ? std::vector<std::string_view>() : utf8_characters(s);
    int64_t length = characters.empty() ? static_cast<int64_t>(s.size()) : static_cast<int64_t>(characters.size());
    auto resolve = [&](const Value& v, int64_t fallback) {
        if (v.is_none())
            return fallback;
        int64_t i = to_index(ctx, v);
        if (i < 0)
            i = std::max<int64_t>(0, i + length);
        return std::min(i, length);
    };
    int64_t a = resolve(start, 0), b = resolve(end, length);
    auto to_byte = [&](int64_t i) {
        if (characters.empty())
            return static_cast<size_t>(i);
        return i >= length ? s.size() : static_cast<size_t>(characters[static_cast<size_t>(i)].data() - s.data());
    };
    begin = to_byte(a);
    stop = std::max(begin, to_byte(b));
}

Value str_format(CallContext& ctx, std::span<Value> a)
{
    return make_str(format_str_method(ctx, text(a[0]), a[1].as<TupleObject>().items, &a[2].as<DictObject>()));
}

Value str_encode(CallContext&, std::span<Value> a)
{
    return make_bytes(encode_text(text(a[0]), str_argument(a[1], "encode"), str_argument(a[2], "encode")));
}

Value str_join(CallContext& ctx, std::span<Value> a)
{
    const std::string& separator = text(a[0]);
    Values items = to_vector(ctx, a[1]);
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (!items[i].is(Type::Str))
            throw_error(ErrorKind::TypeError, "sequence item " + std::to_string(i) + ": expected str instance, "
                    + std::string(type_name(items[i])) + " found");
        if (i)
            out += separator;
        out += text(items[i]);
    }
    return make_str(std::move(out));
}

Values split_whitespace(const std::string& s, int64_t maxsplit, bool from_right)
{
    std::vector<std::string> parts;
    if (!from_right) {
        size_t i = 0, n = s.size();
        while (true) {
            while (i < n && is_space(s[i]))
                ++i;
            if (i >= n)
                break;
            if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                parts.push_back(s.substr(i)); // Python keeps the remainder's trailing whitespace
                break;
            }
            size_t j = i;
            while (j < n && !is_space(s[j]))
                ++j;
            parts.push_back(s.substr(i, j - i));
            i = j;
        }
    } else {
        size_t end = s.size();
        while (true) {
            while (end > 0 && is_space(s[end - 1]))
                --end;
            if (end == 0)
                break;
            if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                parts.push_back(s.substr(0, end)); // Python keeps the remainder's leading whitespace
                break;
            }
            size_t j = end;
            while (j > 0 && !is_space(s[j - 1]))
                --j;
            parts.push_back(s.substr(j, end - j));
            end = j;
        }
        std::reverse(parts.begin(), parts.end());
    }
    Values out;
    for (auto& p : parts)
        out.push_back(make_str(std::move(p)));
    return out;
}

Values split_separator(const std::string& s, const std::string& sep, int64_t maxsplit, bool from_right)
{
    if (sep.empty())
        throw_error(ErrorKind::ValueError, "empty separator");
    std::vector<std::string> parts;
    if (!from_right) {
        size_t start = 0;
        while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
            size_t found = s.find(sep, start);
            if (found == std::string::npos)
                break;
            parts.push_back(s.substr(start, found - start));
            start = found + sep.size();
        }
        parts.push_back(s.substr(start));
    } else {
        size_t end = s.size();
        while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
            if (end < sep.size())
                break;
            size_t found = s.rfind(sep, end - sep.size());
            if (found == std::string::npos)
                break;
            parts.push_back(s.substr(found + sep.size(), end - found - sep.size()));
            end = found;
        }
        parts.push_back(s.substr(0, end));
        std::reverse(parts.begin(), parts.end());
    }
    Values out;
    for (auto& p : parts)
        out.push_back(make_str(std::move(p)));
    return out;
}

Value split_common(CallContext& ctx, std::span<Value> a, bool from_right)
{
    int64_t maxsplit = to_index(ctx, a[2]);
    if (a[1].is_none())
        return make_list(split_whitespace(text(a[0]), maxsplit, from_right));
    return make_list(split_separator(text(a[0]), str_argument(a[1], "split"), maxsplit, from_right));
}

Value str_split(CallContext& ctx, std::span<Value> a) { return split_common(ctx, a, false); }
Value str_rsplit(CallContext& ctx, std::span<Value> a) { return split_common(ctx, a, true); }

Value strip_common(std::span<Value> a, bool left, bool right)
{
    const std::string& s = text(a[0]);
    std::string chars = a[1].is_none() ? std::string(" \t\n\r\f\v") : str_argument(a[1], "strip");
    size_t begin = 0, end = s.size();
    if (left) {
        while (begin < end && chars.find(s[begin]) != std::string::npos)
            ++begin;
    }
    if (right) {
        while (end > begin && chars.find(s[end - 1]) != std::string::npos)
            --end;
    }
    return make_str(s.substr(begin, end - begin));
}

Value str_strip(CallContext&, std::span<Value> a) { return strip_common(a, true, true); }
Value str_lstrip(CallContext&, std::span<Value> a) { return strip_common(a, true, false); }
Value str_rstrip(CallContext&, std::span<Value> a) { return strip_common(a, false, true); }

Value str_replace(CallContext& ctx, std::span<Value> a)
{
    const std::string& s = text(a[0]);
    const std::string& old_text = str_argument(a[1], "replace");
    const std::string& new_text = str_argument(a[2], "replace");
    int64_t count = to_index(ctx, a[3]);
    std::string out;
    if (old_text.empty()) {
        // Python inserts `new` before every character and at the end.
        int64_t done = 0;
        for (auto character : utf8_characters(s)) {
            if (count < 0 || done < count) {
                out += new_text;
                ++done;
            }
            out += character;
        }
        if (count < 0 || done < count)
            out += new_text;
        return make_str(std::move(out));
    }
    size_t start = 0;
    int64_t done = 0;
    while (count < 0 || done < count) {
        size_t found = s.find(old_text, start);
        if (found == std::string::npos)
            break;
        out.append(s, start, found - start);
        out += new_text;
        start = found + old_text.size();
        ++done;
    }
    out.append(s, start);
    return make_str(std::move(out));
}

Value affix_common(CallContext& ctx, std::span<Value> a, bool prefix)
{
    const std::string& whole = text(a[0]);
    size_t begin, stop;
    byte_range(ctx, whole, a[2], a[3], begin, stop);
    std::string_view s = std::string_view(whole).substr(begin, stop - begin);
    auto test = [&](const Value& candidate) {
        if (!candidate.is(Type::Str))
            throw_error(ErrorKind::TypeError, std::string(prefix ? "startswith" : "endswith") + " first arg must be str or a tuple of str, not "
                    + std::string(type_name(candidate)));
        return prefix ? s.starts_with(text(candidate)) : s.ends_with(text(candidate));
    };
    if (a[1].is(Type::Tuple)) {
        for (auto& candidate : a[1].as<TupleObject>().items) {
            if (test(candidate))
                return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    return Value::boolean(test(a[1]));
}

Value str_startswith(CallContext& ctx, std::span<Value> a) { return affix_common(ctx, a, true); }
Value str_endswith(CallContext& ctx, std::span<Value> a) { return affix_common(ctx, a, false); }

template<int (*Map)(int)>
Value map_ascii(std::span<Value> a)
{
    std::string s = text(a[0]);
    for (auto& c : s) {
        if (static_cast<unsigned char>(c) < 0x80)
            c = static_cast<char>(Map(static_cast<unsigned char>(c)));
    }
    return make_str(std::move(s));
}

Value str_upper(CallContext&, std::span<Value> a) { return map_ascii<std::toupper>(a); }
Value str_lower(CallContext&, std::span<Value> a) { return map_ascii<std::tolower>(a); }

Value str_swapcase(CallContext&, std::span<Value> a)
{
    std::string s = text(a[0]);
    for (auto& c : s) {
        if (std::isupper(static_cast<unsigned char>(c)))
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        else if (std::islower(static_cast<unsigned char>(c)))
            c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return make_str(std::move(s));
}

Value str_title(CallContext&, std::span<Value> a)
{
    std::string s = text(a[0]);
    bool previous_cased = false;
    for (auto& c : s) {
        auto u = static_cast<unsigned char>(c);
        if (std::isalpha(u)) {
            c = static_cast<char>(previous_cased ? std::tolower(u) : std::toupper(u));
            previous_cased = true;
        } else {
            previous_cased = false;
        }
    }
    return make_str(std::move(s));
}

Value str_capitalize(CallContext&, std::span<Value> a)
{
    std::string s = text(a[0]);
    for (size_t i = 0; i < s.size(); ++i) {
        auto u = static_cast<unsigned char>(s[i]);
        if (u < 0x80)
            s[i] = static_cast<char>(i == 0 ? std::toupper(u) : std::tolower(u));
    }
    return make_str(std::move(s));
}

enum class FindKind { Find, RFind, Index, RIndex, Count };

Value find_common(CallContext& ctx, std::span<Value> a, FindKind kind)
{
    const std::string& s = text(a[0]);
    const std::string& sub = str_argument(a[1], "find");
    size_t begin, stop;
    byte_range(ctx, s, a[2], a[3], begin, stop);
    std::string_view window = std::string_view(s).substr(begin, stop - begin);
    if (kind == FindKind::Count) {
        if (sub.empty())
            return Value::integer(utf8_length(window) + 1);
        int64_t n = 0;
        for (size_t p = window.find(sub); p != std::string_view::npos; p = window.find(sub, p + sub.size()))
            ++n;
        return Value::integer(n);
    }
    bool reverse = kind == FindKind::RFind || kind == FindKind::RIndex;
    size_t found = reverse ? window.rfind(sub) : window.find(sub);
    if (found == std::string_view::npos) {
        if (kind == FindKind::Index || kind == FindKind::RIndex)
            throw_error(ErrorKind::ValueError, "substring not found");
        return Value::integer(-1);
    }
    return Value::integer(code_point_index(s, begin + found));
}

Value str_find(CallContext& ctx, std::span<Value> a) { return find_common(ctx, a, FindKind::Find); }
Value str_rfind(CallContext& ctx, std::span<Value> a) { return find_common(ctx, a, FindKind::RFind); }
Value str_index(CallContext& ctx, std::span<Value> a) { return find_common(ctx, a, FindKind::Index); }
Value str_rindex(CallContext& ctx, std::span<Value> a) { return find_common(ctx, a, FindKind::RIndex); }
Value str_count(CallContext& ctx, std::span<Value> a) { return find_common(ctx, a, FindKind::Count); }

template<int (*Test)(int)>
Value classify(std::span<Value> a)
{
    const std::string& s = text(a[0]);
    if (s.empty())
        return Value::boolean(false);
    for (unsigned char c : s) {
        if (c >= 0x80 || !Test(c))
            return Value::boolean(false);
    }
    return Value::boolean(true);
}

Value str_isdigit(CallContext&, std::span<Value> a) { return classify<std::isdigit>(a); }
Value str_isalpha(CallContext&, std::span<Value> a) { return classify<std::isalpha>(a); }
Value str_isspace(CallContext&, std::span<Value> a) { return classify<std::isspace>(a); }
Value str_isalnum(CallContext&, std::span<Value> a) { return classify<std::isalnum>(a); }

Value case_test(std::span<Value> a, bool upper)
{
    bool cased = false;
    for (unsigned char c : text(a[0])) {
        if (upper ? std::islower(c) : std::isupper(c))
            return Value::boolean(false);
        cased = cased || std::isalpha(c);
    }
    return Value::boolean(cased);
}

Value str_isupper(CallContext&, std::span<Value> a) { return case_test(a, true); }
Value str_islower(CallContext&, std::span<Value> a) { return case_test(a, false); }

Value str_zfill(CallContext& ctx, std::span<Value> a)
{
    const std::string& s = text(a[0]);
    int64_t width = to_index(ctx, a[1]);
    int64_t length = utf8_length(s);
    if (length >= width)
        return a[0];
    size_t sign = !s.empty() && (s[0] == '+' || s[0] == '-') ? 1 : 0;
    return make_str(s.substr(0, sign) + std::string(static_cast<size_t>(width - length), '0') + s.substr(sign));
}

Value pad_common(CallContext& ctx, std::span<Value> a, char where)
{
    const std::string& s = text(a[0]);
    int64_t width = to_index(ctx, a[1]);
    const std::string& fill = str_argument(a[2], "pad");
    if (utf8_length(fill) != 1)
        throw_error(ErrorKind::TypeError, "The fill character must be exactly one character long");
    int64_t length = utf8_length(s);
    if (length >= width)
        return a[0];
    int64_t total = width - length, left = 0;
    if (where == 'r')
        left = total;
    else if (where == 'c')
        left = total / 2 + (total & width & 1); // CPython's centering rule
    std::string out;
    for (int64_t i = 0; i < left; ++i)
        out += fill;
    out += s;
    for (int64_t i = left; i < total; ++i)
        out += fill;
    return make_str(std::move(out));
}

Value str_center(CallContext& ctx, std::span<Value> a) { return pad_common(ctx, a, 'c'); }
Value str_ljust(CallContext& ctx, std::span<Value> a) { return pad_common(ctx, a, 'l'); }
Value str_rjust(CallContext& ctx, std::span<Value> a) { return pad_common(ctx, a, 'r'); }

Value str_splitlines(CallContext& ctx, std::span<Value> a)
{
    const std::string& s = text(a[0]);
    bool keepends = truthy(ctx, a[1]);
    Values out;
    size_t i = 0, n = s.size();
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != '\n' && s[j] != '\r' && s[j] != '\v' && s[j] != '\f')
            ++j;
        size_t eol = j;
        if (j < n) {
            j += (s[j] == '\r' && j + 1 < n && s[j + 1] == '\n') ? 2 : 1;
        }
        out.push_back(make_str(s.substr(i, (keepends ? j : eol) - i)));
        i = j;
    }
    return make_list(std::move(out));
}

Value partition_common(std::span<Value> a, bool from_right)
{
    const std::string& s = text(a[0]);
    const std::string& sep = str_argument(a[1], "partition");
    if (sep.empty())
        throw_error(ErrorKind::ValueError, "empty separator");
    size_t found = from_right ? s.rfind(sep) : s.find(sep);
    if (found == std::string::npos) {
        if (from_right)
            return make_tuple({ make_str(""), make_str(""), a[0] });
        return make_tuple({ a[0], make_str(""), make_str("") });
    }
    return make_tuple({ make_str(s.substr(0, found)), a[1], make_str(s.substr(found + sep.size())) });
}

Value str_partition(CallContext&, std::span<Value> a) { return partition_common(a, false); }
Value str_rpartition(CallContext&, std::span<Value> a) { return partition_common(a, true); }

Value str_expandtabs(CallContext& ctx, std::span<Value> a)
{
    int64_t tabsize = to_index(ctx, a[1]);
    std::string out;
    int64_t column = 0;
    for (auto character : utf8_characters(text(a[0]))) {
        if (character == "\t") {
            if (tabsize > 0) {
                int64_t spaces = tabsize - column % tabsize;
                out.append(static_cast<size_t>(spaces), ' ');
                column += spaces;
            }
        } else if (character == "\n" || character == "\r") {
            out += character;
            column = 0;
        } else {
            out += character;
            ++column;
        }
    }
    return make_str(std::move(out));
}

Value str_removeprefix(CallContext&, std::span<Value> a)
{
    const std::string& s = text(a[0]);
    const std::string& p = str_argument(a[1], "removeprefix");
    return s.starts_with(p) ? make_str(s.substr(p.size())) : a[0];
}

Value str_removesuffix(CallContext&, std::span<Value> a)
{
    const std::string& s = text(a[0]);
    const std::string& p = str_argument(a[1], "removesuffix");
    return !p.empty() && s.ends_with(p) ? make_str(s.substr(0, s.size() - p.size())) : a[0];
}

constexpr BuiltinSpec rows[] = {
    { "format", "(self, /, *args, **kwargs)", str_format, "Return a formatted version of the string, using substitutions from args and kwargs." },
    { "join", "(self, iterable, /)", str_join, "Concatenate any number of strings, with self between them." },
    { "split", "(self, /, sep=None, maxsplit=-1)", str_split, "Return a list of the substrings in the string, using sep as the separator." },
    { "rsplit", "(self, /, sep=None, maxsplit=-1)", str_rsplit, "Like split, splitting from the right." },
    { "strip", "(self, chars=None, /)", str_strip, "Return a copy with leading and trailing whitespace (or chars) removed." },
    { "lstrip", "(self, chars=None, /)", str_lstrip, "Return a copy with leading whitespace (or chars) removed." },
    { "rstrip", "(self, chars=None, /)", str_rstrip, "Return a copy with trailing whitespace (or chars) removed." },
    { "replace", "(self, old, new, count=-1, /)", str_replace, "Return a copy with occurrences of old replaced by new." },
    { "startswith", "(self, prefix, start=None, end=None, /)", str_startswith, "Return True if the string starts with prefix (a str or a tuple of str)." },
    { "endswith", "(self, suffix, start=None, end=None, /)", str_endswith, "Return True if the string ends with suffix (a str or a tuple of str)." },
    { "upper", "(self, /)", str_upper, "Return a copy converted to uppercase." },
    { "encode", "(self, /, encoding='utf-8', errors='strict')", str_encode, "Encode the string using the codec registered for encoding." },
    { "lower", "(self, /)", str_lower, "Return a copy converted to lowercase." },
    { "swapcase", "(self, /)", str_swapcase, "Swap the case of each letter." },
    { "title", "(self, /)", str_title, "Return a titlecased version: words start uppercase, the rest lowercase." },
    { "capitalize", "(self, /)", str_capitalize, "Return a copy with the first character uppercase and the rest lowercase." },
    { "find", "(self, sub, start=None, end=None, /)", str_find, "Return the lowest index where sub is found, or -1." },
    { "rfind", "(self, sub, start=None, end=None, /)", str_rfind, "Return the highest index where sub is found, or -1." },
    { "index", "(self, sub, start=None, end=None, /)", str_index, "Like find, but raise ValueError when not found." },
    { "rindex", "(self, sub, start=None, end=None, /)", str_rindex, "Like rfind, but raise ValueError when not found." },
    { "count", "(self, sub, start=None, end=None, /)", str_count, "Return the number of non-overlapping occurrences of sub." },
    { "isdigit", "(self, /)", str_isdigit, "Return True if all characters are digits and there is at least one." },
    { "isalpha", "(self, /)", str_isalpha, "Return True if all characters are alphabetic and there is at least one." },
    { "isspace", "(self, /)", str_isspace, "Return True if all characters are whitespace and there is at least one." },
    { "isalnum", "(self, /)", str_isalnum, "Return True if all characters are alphanumeric and there is at least one." },
    { "isnumeric", "(self, /)", str_isdigit, "Return True if all characters are numeric and there is at least one." },
    { "isdecimal", "(self, /)", str_isdigit, "Return True if all characters are decimal digits and there is at least one." },
    { "casefold", "(self, /)", str_lower, "Return a version of the string suitable for caseless comparisons." },
    { "isupper", "(self, /)", str_isupper, "Return True if all cased characters are uppercase and there is at least one." },
    { "islower", "(self, /)", str_islower, "Return True if all cased characters are lowercase and there is at least one." },
    { "zfill", "(self, width, /)", str_zfill, "Pad with zeros on the left to the given width (after a sign)." },
    { "center", "(self, width, fillchar=' ', /)", str_center, "Return a centered string of the given width." },
    { "ljust", "(self, width, fillchar=' ', /)", str_ljust, "Return a left-justified string of the given width." },
    { "rjust", "(self, width, fillchar=' ', /)", str_rjust, "Return a right-justified string of the given width." },
    { "splitlines", "(self, /, keepends=False)", str_splitlines, "Return a list of the lines in the string." },
    { "partition", "(self, sep, /)", str_partition, "Split at the first sep: (head, sep, tail)." },
    { "rpartition", "(self, sep, /)", str_rpartition, "Split at the last sep: (head, sep, tail)." },
    { "expandtabs", "(self, /, tabsize=8)", str_expandtabs, "Return a copy where all tab characters are expanded using spaces." },
    { "removeprefix", "(self, prefix, /)", str_removeprefix, "Return a copy without the given prefix, if present." },
    { "removesuffix", "(self, suffix, /)", str_removesuffix, "Return a copy without the given suffix, if present." },
};

} // namespace

std::span<const BuiltinSpec> str_methods() { return rows; }

} // namespace ramba::interp
