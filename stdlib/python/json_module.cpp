// Python's `json`: dumps/loads (and dump/load through any object with write()/read()) with CPython's
// formatting: separators, indent, sort_keys, ensure_ascii, allow_nan, default=; errors in its words
// (JSONDecodeError is a ValueError: "Expecting value: line 1 column 1 (char 0)").
#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

#include "stdlib/python/python_modules.hpp"

namespace ramba::stdlib {

using namespace interp;
using python::raise;

namespace {

// ---- encoding

struct Encoder {
    CallContext& ctx;
    std::optional<std::string> indent;
    std::string item_separator, key_separator;
    bool sort_keys, ensure_ascii, allow_nan, skip_keys;
    Value fallback; // default=
    std::set<const Object*> active; // circular reference check
    std::string out;

    void quote(const std::string& s)
    {
        out += '"';
        for (size_t i = 0; i < s.size(); ++i) {
            unsigned char c = static_cast<unsigned char>(s[i]);
            switch (c) {
            case '"': out += "\\\""; continue;
            case '\\': out += "\\\\"; continue;
            case '\n': out += "\\n"; continue;
            case '\r': out += "\\r"; continue;
            case '\t': out += "\\t"; continue;
            case '\b': out += "\\b"; continue;
            case '\f': out += "\\f"; continue;
            default: break;
            }
            if (c < 0x20) {
                char buffer[8];
                std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                out += buffer;
                continue;
            }
            if (c < 0x80 || !ensure_ascii) {
                out += static_cast<char>(c);
                continue;
            }
            // Decode one UTF-8 code point and write it as \uXXXX (a surrogate pair past the BMP).
            uint32_t cp = 0;
            int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
            cp = c & (0x3F >> extra);
            for (int k = 0; k < extra && i + 1 < s.size(); ++k)
                cp = (cp << 6) | (static_cast<unsigned char>(s[++i]) & 0x3F);
            char buffer[16];
            if (cp >= 0x10000) {
                cp -= 0x10000;
                std::snprintf(buffer, sizeof buffer, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
            } else {
                std::snprintf(buffer, sizeof buffer, "\\u%04x", cp);
            }
            out += buffer;
        }
        out += '"';
    }

    std::string float_text(double d)
    {
        if (std::isnan(d) || std::isinf(d)) {
            if (!allow_nan)
                raise(ErrorKind::ValueError, "Out of range float values are not JSON compliant");
            return std::isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity";
        }
        return repr_float(d);
    }

    void newline(size_t depth)
    {
        out += '\n';
        for (size_t i = 0; i < depth; ++i)
            out += *indent;
    }

    // A dict key as JSON writes it: strings as they are, numbers, booleans and None as text.
    std::optional<std::string> key_text(const Value& key)
    {
        switch (key.type()) {
        case Type::Str: return key.as<StrObject>().value;
        case Type::Bool: return std::string(key.as_bool() ? "true" : "false");
        case Type::Int: return std::to_string(key.as_int());
        case Type::Float: return float_text(key.as_float());
        case Type::None: return std::string("null");
        default:
            if (skip_keys)
                return std::nullopt;
            raise(ErrorKind::TypeError, "keys must be str, int, float, bool or None, not " + std::string(type_name(key)));
        }
    }

    void encode(const Value& v, size_t depth)
    {
        switch (v.type()) {
        case Type::None: out += "null"; return;
        case Type::Bool: out += v.as_bool() ? "true" : "false"; return;
        case Type::Int: out += std::to_string(v.as_int()); return;
        case Type::Float: out += float_text(v.as_float()); return;
        case Type::Str: quote(v.as<StrObject>().value); return;
        case Type::List:
        case Type::Tuple: {
            const Values& items = v.is(Type::List) ? v.as<ListObject>().items : v.as<TupleObject>().items;
            if (items.empty()) {
                out += "[]";
                return;
            }
            enter(v);
            out += '[';
            for (size_t i = 0; i < items.size(); ++i) {
                if (i)
                    out += item_separator;
                if (indent)
                    newline(depth + 1);
                encode(items[i], depth + 1);
            }
            if (indent)
                newline(depth);
            out += ']';
            leave(v);
            return;
        }
        case Type::Dict: {
            auto entries = v.as<DictObject>().entries;
            if (entries.empty()) {
                out += "{}";
                return;
            }
            enter(v);
            if (sort_keys) {
                std::stable_sort(entries.begin(), entries.end(), [&](auto& a, auto& b) { return python::less_than(ctx, a.first, b.first); });
            }
            out += '{';
            bool first = true;
            for (auto& [key, value] : entries) {
                auto text = key_text(key);
                if (!text)
                    continue;
                if (!first)
                    out += item_separator;
                first = false;
                if (indent)
                    newline(depth + 1);
                quote(*text);
                out += key_separator;
                encode(value, depth + 1);
            }
            if (indent)
                newline(depth);
            out += '}';
            leave(v);
            return;
        }
        default:
            break;
        }
        // numpy scalars are Python numbers for json only when they subclass them (float64 does).
        if (v.is(Type::Opaque) && v.as<OpaqueObject>().type_info().python_base == Type::Float) {
            out += float_text(to_double(ctx, v));
            return;
        }
        if (fallback.is_none())
            raise(ErrorKind::TypeError, "Object of type " + short_type_name(v) + " is not JSON serializable");
        enter(v);
        encode(python::call1(ctx, fallback, v), depth);
        leave(v);
    }

    static std::string short_type_name(const Value& v)
    {
        std::string name(type_name(v));
        size_t dot = name.rfind('.');
        return dot == std::string::npos ? name : name.substr(dot + 1);
    }

    void enter(const Value& v)
    {
        if (!active.insert(v.object().get()).second)
            raise(ErrorKind::ValueError, "Circular reference detected");
    }
    void leave(const Value& v) { active.erase(v.object().get()); }
};

std::string dumps(CallContext& ctx, std::span<Value> a)
{
    // (obj, *, skipkeys, ensure_ascii, check_circular, allow_nan, cls, indent, separators, default, sort_keys)
    Encoder e { ctx, std::nullopt, ", ", ": ", truthy(ctx, a[9]), truthy(ctx, a[2]), truthy(ctx, a[4]), truthy(ctx, a[1]), a[8], {}, {} };
    const Value& indent = a[6];
    if (!indent.is_none()) {
        if (indent.is(Type::Str)) {
            e.indent = indent.as<StrObject>().value;
        } else {
            int64_t n = to_index(ctx, indent);
            e.indent = std::string(static_cast<size_t>(std::max<int64_t>(n, 0)), ' ');
        }
        e.item_separator = ",";
    }
    if (!a[7].is_none()) {
        Values parts = to_vector(ctx, a[7]);
        if (parts.size() != 2 || !parts[0].is(Type::Str) || !parts[1].is(Type::Str))
            raise(ErrorKind::ValueError, "separators must be a (item_separator, key_separator) pair of strings");
        e.item_separator = parts[0].as<StrObject>().value;
        e.key_separator = parts[1].as<StrObject>().value;
    }
    e.encode(a[0], 0);
    return e.out;
}

Value js_dumps(CallContext& ctx, std::span<Value> a) { return make_str(dumps(ctx, a)); }

Value js_dump(CallContext& ctx, std::span<Value> a)
{
    // (obj, fp, *, ...): the same options after fp.
    std::vector<Value> shifted { a[0] };
    shifted.insert(shifted.end(), a.begin() + 2, a.end());
    Value text = make_str(dumps(ctx, shifted));
    python::call1(ctx, get_attribute(ctx, a[1], "write"), text);
    return Value();
}

// ---- decoding

struct Decoder {
    CallContext& ctx;
    const std::string& s;
    size_t i { 0 };

    [[noreturn]] void fail(const std::string& message, size_t at)
    {
        size_t line = 1, column = 1;
        int64_t chars = 0;
        for (size_t k = 0; k < at && k < s.size(); ++k) {
            unsigned char c = static_cast<unsigned char>(s[k]);
            if ((c & 0xC0) == 0x80)
                continue;
            ++chars;
            if (c == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        raise(ErrorKind::ValueError, message + ": line " + std::to_string(line) + " column " + std::to_string(column) + " (char " + std::to_string(chars) + ")");
    }

    void skip_space()
    {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            ++i;
    }

    bool literal(const char* word)
    {
        size_t n = std::strlen(word);
        if (s.compare(i, n, word) != 0)
            return false;
        i += n;
        return true;
    }

    static void append_utf8(std::string& out, uint32_t cp)
    {
        if (cp < 0x80) {
            out += static_cast<char>(cp);
        } else if (cp < 0x800) {
            out += static_cast<char>(0xC0 | (cp >> 6));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += static_cast<char>(0xE0 | (cp >> 12));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (cp >> 18));
            out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (cp & 0x3F));
        }
    }

    uint32_t hex4(size_t at)
    {
        if (at + 4 > s.size())
            fail("Invalid \\uXXXX escape", at - 1);
        uint32_t value = 0;
        for (size_t k = at; k < at + 4; ++k) {
            char c = s[k];
            int digit = std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
            if (digit < 0)
                fail("Invalid \\uXXXX escape", at - 1);
            value = value * 16 + static_cast<uint32_t>(digit);
        }
        return value;
    }

    std::string string()
    {
        size_t start = i - 1;
        std::string out;
        for (;;) {
            if (i >= s.size())
                fail("Unterminated string starting at", start);
            char c = s[i++];
            if (c == '"')
                return out;
            if (static_cast<unsigned char>(c) < 0x20)
                fail("Invalid control character at", i - 1);
            if (c != '\\') {
                out += c;
                continue;
            }
            if (i >= s.size())
                fail("Unterminated string starting at", start);
            char e = s[i++];
            switch (e) {
            case '"': out += '"'; break;
            case '\\': out += '\\'; break;
            case '/': out += '/'; break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                uint32_t cp = hex4(i);
                i += 4;
                if (cp >= 0xD800 && cp < 0xDC00 && s.compare(i, 2, "\\u") == 0) {
                    uint32_t low = hex4(i + 2);
                    if (low >= 0xDC00 && low < 0xE000) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                        i += 6;
                    }
                }
                append_utf8(out, cp);
                break;
            }
            default: fail("Invalid \\escape", i - 2);
            }
        }
    }

    Value number()
    {
        size_t start = i;
        if (s[i] == '-')
            ++i;
        if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
            fail("Expecting value", start);
        if (s[i] == '0')
            ++i;
        else
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
                ++i;
        bool is_float = false;
        if (i + 1 < s.size() && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
            is_float = true;
            i += 2;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
                ++i;
        }
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            size_t mark = i++;
            if (i < s.size() && (s[i] == '+' || s[i] == '-'))
                ++i;
            if (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) {
                is_float = true;
                while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
                    ++i;
            } else {
                i = mark;
            }
        }
        std::string text = s.substr(start, i - start);
        Value t = make_str(text);
        return python::call1(ctx, *builtins_module().find(is_float ? "float" : "int"), t);
    }

    Value value()
    {
        skip_space();
        if (i >= s.size())
            fail("Expecting value", i);
        char c = s[i];
        if (c == '"') {
            ++i;
            return make_str(string());
        }
        if (c == '{')
            return object();
        if (c == '[')
            return array();
        if (literal("null"))
            return Value();
        if (literal("true"))
            return Value::boolean(true);
        if (literal("false"))
            return Value::boolean(false);
        if (literal("NaN"))
            return Value::floating(std::nan(""));
        if (literal("Infinity"))
            return Value::floating(INFINITY);
        if (literal("-Infinity"))
            return Value::floating(-INFINITY);
        if (c == '-' || std::isdigit(static_cast<unsigned char>(c)))
            return number();
        fail("Expecting value", i);
    }

    Value array()
    {
        ++i;
        Values items;
        skip_space();
        if (i < s.size() && s[i] == ']') {
            ++i;
            return make_list(std::move(items));
        }
        for (;;) {
            items.push_back(value());
            skip_space();
            if (i < s.size() && s[i] == ']') {
                ++i;
                return make_list(std::move(items));
            }
            if (i >= s.size() || s[i] != ',')
                fail("Expecting ',' delimiter", i);
            ++i;
            skip_space();
            if (i < s.size() && s[i] == ']')
                fail("Expecting value", i);
        }
    }

    Value object()
    {
        ++i;
        Value d = make_dict();
        skip_space();
        if (i < s.size() && s[i] == '}') {
            ++i;
            return d;
        }
        for (;;) {
            skip_space();
            if (i >= s.size() || s[i] != '"')
                fail("Expecting property name enclosed in double quotes", i);
            ++i;
            std::string key = string();
            skip_space();
            if (i >= s.size() || s[i] != ':')
                fail("Expecting ':' delimiter", i);
            ++i;
            Value v = value();
            dict_set(ctx, d.as<DictObject>(), make_str(key), v);
            skip_space();
            if (i < s.size() && s[i] == '}') {
                ++i;
                return d;
            }
            if (i >= s.size() || s[i] != ',')
                fail("Expecting ',' delimiter", i);
            ++i;
            skip_space();
            if (i < s.size() && s[i] == '}')
                fail("Expecting property name enclosed in double quotes", i);
        }
    }
};

Value loads(CallContext& ctx, const Value& text)
{
    if (!text.is(Type::Str))
        raise(ErrorKind::TypeError, "the JSON object must be str, bytes or bytearray, not " + std::string(type_name(text)));
    const std::string& s = text.as<StrObject>().value;
    Decoder d { ctx, s };
    Value v = d.value();
    d.skip_space();
    if (d.i != s.size())
        d.fail("Extra data", d.i);
    return v;
}

Value js_loads(CallContext& ctx, std::span<Value> a) { return loads(ctx, a[0]); }
Value js_load(CallContext& ctx, std::span<Value> a) { return loads(ctx, ctx.call(get_attribute(ctx, a[0], "read"), {})); }

#define RAMBA_JSON_OPTIONS "skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False"

constexpr BuiltinSpec rows[] = {
    { "dumps", "(obj, *, " RAMBA_JSON_OPTIONS ")", js_dumps, "Serialize ``obj`` to a JSON formatted ``str``." },
    { "dump", "(obj, fp, *, " RAMBA_JSON_OPTIONS ")", js_dump, "Serialize ``obj`` as a JSON formatted stream to ``fp``." },
    { "loads", "(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None)", js_loads, "Deserialize ``s`` (a ``str`` instance containing a JSON document) to a Python object." },
    { "load", "(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None)", js_load, "Deserialize ``fp`` (a ``.read()``-supporting file-like object containing a JSON document) to a Python object." },
};

#undef RAMBA_JSON_OPTIONS

} // namespace

Ref<ModuleObject> make_json_module()
{
    auto module = python::module_of_rows("json", rows);
    module->set("JSONDecodeError", exception_class(ErrorKind::ValueError));
    return module;
}

} // namespace ramba::stdlib
