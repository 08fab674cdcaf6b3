// bytes and bytearray (see bytes.hpp): construction, repr, operators, indexing, the common methods
// and the utf-8 / ascii / latin-1 codecs, with CPython 3.11's messages.
#include "interpreter/values/bytes.hpp"

#include <algorithm>

#include "interpreter/values/bigint.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

const TypeInfo& bytes_info();
const TypeInfo& bytearray_info();

BytesObject& object_of(const Value& v) { return static_cast<BytesObject&>(*v.object()); }
std::string& data_of(const Value& v) { return object_of(v).data; }
std::string_view kind_name(const Value& v) { return is_bytearray(v) ? "bytearray" : "bytes"; }
// A result of the same type as `like` (bytes methods on a bytearray give bytearrays).
Value same_kind(const Value& like, std::string data) { return is_bytearray(like) ? make_bytearray(std::move(data)) : make_bytes(std::move(data)); }

int byte_value(CallContext& ctx, const Value& v)
{
    int64_t i;
    if (is_bigint(v) || !as_index(ctx, v, i))
        throw_error(ErrorKind::TypeError, "'" + std::string(type_name(v)) + "' object cannot be interpreted as an integer");
    if (i < 0 || i > 255)
        throw_error(ErrorKind::ValueError, "byte must be in range(0, 256)");
    return static_cast<int>(i);
}

// What a bytes-like argument holds: bytes, bytearray; TypeError "a bytes-like object is required, not 'str'".
const std::string& buffer_argument(const Value& v)
{
    if (!is_bytes_like(v))
        throw_error(ErrorKind::TypeError, "a bytes-like object is required, not '" + std::string(type_name(v)) + "'");
    return bytes_data(v);
}

// bytes(x) / bytearray(x): from an int count, an iterable of ints, a bytes-like object or str + encoding.
std::string bytes_from(CallContext& ctx, const Value& source, const Value& encoding, const Value& errors, std::string_view name)
{
    bool has_encoding = !is_missing_argument(encoding), has_errors = !is_missing_argument(errors);
    if (source.is(Type::Str)) {
        if (!has_encoding)
            throw_error(ErrorKind::TypeError, "string argument without an encoding");
        if (!encoding.is(Type::Str))
            throw_error(ErrorKind::TypeError, std::string(name) + "() argument 'encoding' must be str, not " + std::string(type_name(encoding)));
        return encode_text(source.as<StrObject>().value, encoding.as<StrObject>().value,
            has_errors && errors.is(Type::Str) ? std::string_view(errors.as<StrObject>().value) : std::string_view("strict"));
    }
    if (has_encoding)
        throw_error(ErrorKind::TypeError, "encoding without a string argument");
    if (has_errors)
        throw_error(ErrorKind::TypeError, "errors without a string argument");
    if (is_missing_argument(source))
        return {};
    if (is_bytes_like(source))
        return bytes_data(source);
    int64_t count;
    if (!is_bigint(source) && as_index(ctx, source, count)) {
        if (count < 0)
            throw_error(ErrorKind::ValueError, "negative count");
        return std::string(static_cast<size_t>(count), '\0');
    }
    if (source.is(Type::Opaque) && !is_bigint(source) && !source.as<OpaqueObject>().type_info().iterate && !is_user_instance(source))
        throw_error(ErrorKind::TypeError, "cannot convert '" + std::string(type_name(source)) + "' object to " + std::string(name));
    if (!source.is(Type::Opaque) && !source.is(Type::List) && !source.is(Type::Tuple) && !source.is(Type::Range)
        && !source.is(Type::Iterator) && !source.is(Type::Dict))
        throw_error(ErrorKind::TypeError, "cannot convert '" + std::string(type_name(source)) + "' object to " + std::string(name));
    std::string out;
    for (auto& item : to_vector(ctx, source)) {
        int64_t i;
        if (is_bigint(item) || !as_index(ctx, item, i))
            throw_error(ErrorKind::TypeError, "'" + std::string(type_name(item)) + "' object cannot be interpreted as an integer");
        if (i < 0 || i > 255)
            throw_error(ErrorKind::ValueError, "bytes must be in range(0, 256)");
        out += static_cast<char>(i);
    }
    return out;
}

Value construct_bytes(CallContext& ctx, std::span<Value> a) { return make_bytes(bytes_from(ctx, a[0], a[1], a[2], "bytes")); }
Value construct_bytearray(CallContext& ctx, std::span<Value> a) { return make_bytearray(bytes_from(ctx, a[0], a[1], a[2], "bytearray")); }

constexpr BuiltinSpec bytes_constructor = { "bytes", "(source=<missing>, encoding=<missing>, errors=<missing>)", construct_bytes,
    "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\n"
    "bytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object" };
constexpr BuiltinSpec bytearray_constructor = { "bytearray", "(source=<missing>, encoding=<missing>, errors=<missing>)", construct_bytearray,
    "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\n"
    "bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\n"
    "bytearray() -> empty bytes array" };

bool class_is_instance(const Value& value, const ClassObject& self) { return value.is(Type::Opaque) && &value.as<OpaqueObject>().type_info() == self.tag; }

Value make_class(const char* name, const TypeInfo& info, const BuiltinSpec& constructor)
{
    auto cls = make_object<ClassObject>();
    cls->name = name;
    cls->constructor = builtin_value(&constructor);
    cls->is_instance = class_is_instance;
    cls->tag = &info;
    return Value::object(Type::Class, std::move(cls));
}

Value bytes_class()
{
    static const Value cls = make_class("bytes", bytes_info(), bytes_constructor);
    return cls;
}
Value bytearray_class()
{
    static const Value cls = make_class("bytearray", bytearray_info(), bytearray_constructor);
    return cls;
}

// ---- Operators

bool bytes_binary(CallContext& ctx, BinaryOp op, const Value& lhs, const Value& rhs, Value& out)
{
    if (op == BinaryOp::Add && is_bytes_like(lhs)) {
        if (!is_bytes_like(rhs))
            throw_error(ErrorKind::TypeError, "can't concat " + std::string(type_name(rhs)) + " to " + std::string(kind_name(lhs)));
        out = same_kind(lhs, bytes_data(lhs) + bytes_data(rhs));
        return true;
    }
    if (op == BinaryOp::Mul) {
        const Value& sequence = is_bytes_like(lhs) ? lhs : rhs;
        const Value& count = is_bytes_like(lhs) ? rhs : lhs;
        int64_t n;
        if (!count.is(Type::Int) && !count.is(Type::Bool) && !(count.is(Type::Opaque) && as_index(ctx, count, n)))
            return false;
        if (is_bigint(count))
            throw_error(ErrorKind::OverflowError, "cannot fit 'int' into an index-sized integer");
        as_index(ctx, count, n);
        const std::string& data = bytes_data(sequence);
        std::string repeated;
        if (n > 0 && !data.empty()) {
            if (static_cast<double>(data.size()) * static_cast<double>(n) > 1e10)
                throw_error(ErrorKind::MemoryError, "");
            repeated.reserve(data.size() * static_cast<size_t>(n));
            for (int64_t i = 0; i < n; ++i)
                repeated += data;
        }
        out = same_kind(sequence, std::move(repeated));
        return true;
    }
    return false;
}

bool bytes_inplace(CallContext& ctx, BinaryOp op, Value& target, const Value& rhs)
{
    if (!is_bytearray(target))
        return false;
    if (op == BinaryOp::Add) {
        data_of(target) += buffer_argument(rhs);
        return true;
    }
    Value out;
    if (op == BinaryOp::Mul && bytes_binary(ctx, op, target, rhs, out)) {
        data_of(target) = bytes_data(out);
        return true;
    }
    return false;
}

bool bytes_compare(CallContext&, CompareOp op, const Value& lhs, const Value& rhs, Value& out)
{
    if (!is_bytes_like(lhs) || !is_bytes_like(rhs)) {
        if (op == CompareOp::Eq || op == CompareOp::NotEq) {
            out = Value::boolean(op == CompareOp::NotEq);
            return true;
        }
        return false;
    }
    int c = bytes_data(lhs).compare(bytes_data(rhs));
    bool result = false;
    switch (op) {
    case CompareOp::Eq: result = c == 0; break;
    case CompareOp::NotEq: result = c != 0; break;
    case CompareOp::Lt: result = c < 0; break;
    case CompareOp::LtE: result = c <= 0; break;
    case CompareOp::Gt: result = c > 0; break;
    case CompareOp::GtE: result = c >= 0; break;
    }
    out = Value::boolean(result);
    return true;
}

bool bytes_equals(const Value& self, const Value& other) { return is_bytes_like(other) && bytes_data(self) == bytes_data(other); }
size_t bytes_hash(const Value& self) { return std::hash<std::string_view>()(bytes_data(self)); }

// CPython's words: "byte indices must be ...", "index out of range" for bytes; "bytearray ..." for bytearray.
int64_t normalised_index(CallContext& ctx, const Value& self, const Value& index)
{
    int64_t i;
    bool mutable_kind = is_bytearray(self);
    if (is_bigint(index))
        throw_error(ErrorKind::IndexError, "cannot fit 'int' into an index-sized integer");
    if (!as_index(ctx, index, i))
        throw_error(ErrorKind::TypeError, std::string(mutable_kind ? "bytearray" : "byte") + " indices must be integers or slices, not "
                + std::string(type_name(index)));
    auto length = static_cast<int64_t>(bytes_data(self).size());
    if (i < 0)
        i += length;
    if (i < 0 || i >= length)
        throw_error(ErrorKind::IndexError, mutable_kind ? "bytearray index out of range" : "index out of range");
    return i;
}

Value bytes_get_item(CallContext& ctx, const Value& self, const Value& index)
{
    const std::string& data = bytes_data(self);
    if (index.is(Type::Slice)) {
        auto b = slice_bounds(ctx, index.as<SliceObject>(), static_cast<int64_t>(data.size()));
        std::string out;
        for (int64_t k = 0, j = b.start; k < b.length; ++k, j += b.step)
            out += data[static_cast<size_t>(j)];
        return same_kind(self, std::move(out));
    }
    int64_t i = normalised_index(ctx, self, index);
    return Value::integer(static_cast<unsigned char>(data[static_cast<size_t>(i)]));
}

void bytes_set_item(CallContext& ctx, const Value& self, const Value& index, const Value& value)
{
    if (!is_bytearray(self))
        throw_error(ErrorKind::TypeError, "'bytes' object does not support item assignment");
    std::string& data = data_of(self);
    if (index.is(Type::Slice)) {
        std::string replacement = is_bytes_like(value) ? bytes_data(value) : bytes_from(ctx, value, missing_argument(), missing_argument(), "bytearray");
        auto b = slice_bounds(ctx, index.as<SliceObject>(), static_cast<int64_t>(data.size()));
        if (b.step == 1) {
            data.replace(static_cast<size_t>(b.start), static_cast<size_t>(std::max<int64_t>(0, b.length)), replacement);
            return;
        }
        if (static_cast<int64_t>(replacement.size()) != b.length)
            throw_error(ErrorKind::ValueError, "attempt to assign bytes of size " + std::to_string(replacement.size())
                    + " to extended slice of size " + std::to_string(b.length));
        for (int64_t k = 0, j = b.start; k < b.length; ++k, j += b.step)
            data[static_cast<size_t>(j)] = replacement[static_cast<size_t>(k)];
        return;
    }
    int64_t i = normalised_index(ctx, self, index);
    data[static_cast<size_t>(i)] = static_cast<char>(byte_value(ctx, value));
}

std::string bytes_repr_hook(CallContext&, const Value& self)
{
    if (is_bytearray(self))
        return "bytearray(" + repr_bytes(bytes_data(self)) + ")";
    return repr_bytes(bytes_data(self));
}

int64_t bytes_length(CallContext&, const Value& self) { return static_cast<int64_t>(bytes_data(self).size()); }

struct BytesIterator final : IteratorObject {
    Value bytes;
    size_t position { 0 };
    explicit BytesIterator(Value b) : bytes(std::move(b)) { }
    bool next(CallContext&, Value& out) override
    {
        const std::string& data = bytes_data(bytes);
        if (position >= data.size())
            return false;
        out = Value::integer(static_cast<unsigned char>(data[position++]));
        return true;
    }
    std::string_view type_name() const override { return is_bytearray(bytes) ? "bytearray_iterator" : "bytes_iterator"; }
};

Value bytes_iterate(CallContext&, const Value& self) { return Value::object(Type::Iterator, make_object<BytesIterator>(self)); }

// ---- Methods

const std::string& self_data(std::span<Value> a) { return bytes_data(a[0]); }

std::string string_argument(const Value& v, const char* what)
{
    if (!v.is(Type::Str))
        throw_error(ErrorKind::TypeError, std::string(what) + " must be str, not " + std::string(type_name(v)));
    return v.as<StrObject>().value;
}

Value method_decode(CallContext&, std::span<Value> a)
{
    return make_str(decode_bytes(self_data(a), string_argument(a[1], "decode() argument 'encoding'"), string_argument(a[2], "decode() argument 'errors'")));
}

Value method_hex(CallContext&, std::span<Value> a)
{
    static const char digits[] = "0123456789abcdef";
    std::string separator = a[1].is_none() ? "" : string_argument(a[1], "sep");
    std::string out;
    const std::string& data = self_data(a);
    for (size_t i = 0; i < data.size(); ++i) {
        if (i > 0)
            out += separator;
        auto c = static_cast<unsigned char>(data[i]);
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    return make_str(std::move(out));
}

std::string from_hex(const Value& text, std::string_view class_name)
{
    if (!text.is(Type::Str))
        throw_error(ErrorKind::TypeError, "fromhex() argument must be str, not " + std::string(type_name(text)));
    const std::string& s = text.as<StrObject>().value;
    std::string out;
    auto hex = [](char c) { return c >= '0' && c <= '9' ? c - '0' : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10 : -1; };
    for (size_t i = 0; i < s.size();) {
        if (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r' || s[i] == '\f' || s[i] == '\v') {
            ++i;
            continue;
        }
        int high = hex(s[i]);
        int low = i + 1 < s.size() ? hex(s[i + 1]) : -1;
        if (high < 0 || low < 0) {
            size_t position = high < 0 ? i : i + 1;
            throw_error(ErrorKind::ValueError, "non-hexadecimal number found in fromhex() arg at position " + std::to_string(position));
        }
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    (void)class_name;
    return out;
}

Value class_fromhex_bytes(CallContext&, std::span<Value> a) { return make_bytes(from_hex(a[0], "bytes")); }
Value class_fromhex_bytearray(CallContext&, std::span<Value> a) { return make_bytearray(from_hex(a[0], "bytearray")); }

// The needle of find/count/startswith/...: bytes-like or an int byte value.
std::string needle(CallContext& ctx, const Value& v, bool allow_int = true)
{
    if (allow_int && (v.is(Type::Int) || v.is(Type::Bool)))
        return std::string(1, static_cast<char>(byte_value(ctx, v)));
    if (!is_bytes_like(v))
        throw_error(ErrorKind::TypeError, std::string(allow_int ? "argument should be integer or bytes-like object, not '" : "a bytes-like object is required, not '")
                + std::string(type_name(v)) + "'");
    return bytes_data(v);
}

void resolve_range(CallContext& ctx, size_t length, const Value& start, const Value& end, size_t& begin, size_t& stop)
{
    auto n = static_cast<int64_t>(length);
    auto resolve = [&](const Value& v, int64_t fallback) {
        if (v.is_none() || is_missing_argument(v))
            return fallback;
        int64_t i = to_index(ctx, v);
        if (i < 0)
            i = std::max<int64_t>(0, i + n);
        return std::min(i, n);
    };
    begin = static_cast<size_t>(resolve(start, 0));
    stop = std::max(begin, static_cast<size_t>(resolve(end, n)));
}

int64_t find_in(CallContext& ctx, std::span<Value> a, bool reverse)
{
    const std::string& data = self_data(a);
    std::string sub = needle(ctx, a[1]);
    size_t begin, stop;
    resolve_range(ctx, data.size(), a[2], a[3], begin, stop);
    if (sub.size() > stop - begin)
        return -1;
    std::string_view window = std::string_view(data).substr(begin, stop - begin);
    size_t at = reverse ? window.rfind(sub) : window.find(sub);
    return at == std::string_view::npos ? -1 : static_cast<int64_t>(begin + at);
}

Value method_find(CallContext& ctx, std::span<Value> a) { return Value::integer(find_in(ctx, a, false)); }
Value method_rfind(CallContext& ctx, std::span<Value> a) { return Value::integer(find_in(ctx, a, true)); }
Value method_index(CallContext& ctx, std::span<Value> a)
{
    int64_t at = find_in(ctx, a, false);
    if (at < 0)
        throw_error(ErrorKind::ValueError, "subsection not found");
    return Value::integer(at);
}

Value method_count(CallContext& ctx, std::span<Value> a)
{
    const std::string& data = self_data(a);
    std::string sub = needle(ctx, a[1]);
    size_t begin, stop;
    resolve_range(ctx, data.size(), a[2], a[3], begin, stop);
    std::string_view window = std::string_view(data).substr(begin, stop - begin);
    if (sub.empty())
        return Value::integer(static_cast<int64_t>(window.size() + 1));
    int64_t count = 0;
    for (size_t at = window.find(sub); at != std::string_view::npos; at = window.find(sub, at + sub.size()))
        ++count;
    return Value::integer(count);
}

Value affix_test(CallContext& ctx, std::span<Value> a, bool prefix, const char* method)
{
    const std::string& data = self_data(a);
    size_t begin, stop;
    resolve_range(ctx, data.size(), a[2], a[3], begin, stop);
    std::string_view window = std::string_view(data).substr(begin, stop - begin);
    Values candidates;
    if (a[1].is(Type::Tuple))
        candidates = a[1].as<TupleObject>().items;
    else if (is_bytes_like(a[1]))
        candidates = { a[1] };
    else
        throw_error(ErrorKind::TypeError, std::string(method) + " first arg must be bytes or a tuple of bytes, not " + std::string(type_name(a[1])));
    for (auto& candidate : candidates) {
        const std::string& affix = buffer_argument(candidate);
        if (affix.size() <= window.size() && (prefix ? window.substr(0, affix.size()) : window.substr(window.size() - affix.size())) == affix)
            return Value::boolean(true);
    }
    return Value::boolean(false);
}

Value method_startswith(CallContext& ctx, std::span<Value> a) { return affix_test(ctx, a, true, "startswith"); }
Value method_endswith(CallContext& ctx, std::span<Value> a) { return affix_test(ctx, a, false, "endswith"); }

bool is_space_byte(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

Value strip(std::span<Value> a, bool left, bool right)
{
    const std::string& data = self_data(a);
    std::string characters = a[1].is_none() ? std::string(" \t\n\r\f\v") : buffer_argument(a[1]);
    size_t begin = 0, end = data.size();
    while (left && begin < end && characters.find(data[begin]) != std::string::npos)
        ++begin;
    while (right && end > begin && characters.find(data[end - 1]) != std::string::npos)
        --end;
    return same_kind(a[0], data.substr(begin, end - begin));
}

Value method_strip(CallContext&, std::span<Value> a) { return strip(a, true, true); }
Value method_lstrip(CallContext&, std::span<Value> a) { return strip(a, true, false); }
Value method_rstrip(CallContext&, std::span<Value> a) { return strip(a, false, true); }

Value method_split(CallContext& ctx, std::span<Value> a)
{
    const std::string& data = self_data(a);
    int64_t maxsplit = to_index(ctx, a[2]);
    Values parts;
    if (a[1].is_none()) {
        size_t i = 0;
        while (true) {
            while (i < data.size() && is_space_byte(data[i]))
                ++i;
            if (i >= data.size())
                break;
            if (maxsplit >= 0 && static_cast<int64_t>(parts.size()) == maxsplit) {
                size_t end = data.size();
                while (end > i && is_space_byte(data[end - 1]))
                    --end;
                parts.push_back(same_kind(a[0], data.substr(i, end - i)));
                break;
            }
            size_t start = i;
            while (i < data.size() && !is_space_byte(data[i]))
                ++i;
            parts.push_back(same_kind(a[0], data.substr(start, i - start)));
        }
        return make_list(std::move(parts));
    }
    const std::string& separator = buffer_argument(a[1]);
    if (separator.empty())
        throw_error(ErrorKind::ValueError, "empty separator");
    size_t start = 0;
    while (maxsplit < 0 || static_cast<int64_t>(parts.size()) < maxsplit) {
        size_t at = data.find(separator, start);
        if (at == std::string::npos)
            break;
        parts.push_back(same_kind(a[0], data.substr(start, at - start)));
        start = at + separator.size();
    }
    parts.push_back(same_kind(a[0], data.substr(start)));
    return make_list(std::move(parts));
}

Value method_join(CallContext& ctx, std::span<Value> a)
{
    const std::string& separator = self_data(a);
    std::string out;
    Values items = to_vector(ctx, a[1]);
    for (size_t i = 0; i < items.size(); ++i) {
        if (!is_bytes_like(items[i]))
            throw_error(ErrorKind::TypeError, "sequence item " + std::to_string(i) + ": expected a bytes-like object, "
                    + std::string(type_name(items[i])) + " found");
        if (i > 0)
            out += separator;
        out += bytes_data(items[i]);
    }
    return same_kind(a[0], std::move(out));
}

Value method_replace(CallContext& ctx, std::span<Value> a)
{
    const std::string& data = self_data(a);
    const std::string& old = buffer_argument(a[1]);
    const std::string& replacement = buffer_argument(a[2]);
    int64_t count = to_index(ctx, a[3]);
    std::string out;
    size_t start = 0;
    int64_t done = 0;
    if (old.empty()) {
        for (size_t i = 0; i <= data.size(); ++i) {
            if (count < 0 || done < count) {
                out += replacement;
                ++done;
            }
            if (i < data.size())
                out += data[i];
        }
        return same_kind(a[0], std::move(out));
    }
    while (count < 0 || done < count) {
        size_t at = data.find(old, start);
        if (at == std::string::npos)
            break;
        out.append(data, start, at - start);
        out += replacement;
        start = at + old.size();
        ++done;
    }
    out.append(data, start, std::string::npos);
    return same_kind(a[0], std::move(out));
}

Value map_case(std::span<Value> a, int (*f)(int))
{
    std::string out = self_data(a);
    for (char& c : out) {
        if (static_cast<unsigned char>(c) < 128)
            c = static_cast<char>(f(static_cast<unsigned char>(c)));
    }
    return same_kind(a[0], std::move(out));
}

Value method_upper(CallContext&, std::span<Value> a) { return map_case(a, [](int c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }); }
Value method_lower(CallContext&, std::span<Value> a) { return map_case(a, [](int c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }); }

Value predicate(std::span<Value> a, bool (*f)(unsigned char))
{
    const std::string& data = self_data(a);
    if (data.empty())
        return Value::boolean(false);
    for (char c : data) {
        if (!f(static_cast<unsigned char>(c)))
            return Value::boolean(false);
    }
    return Value::boolean(true);
}

Value method_isdigit(CallContext&, std::span<Value> a) { return predicate(a, [](unsigned char c) { return c >= '0' && c <= '9'; }); }
Value method_isalpha(CallContext&, std::span<Value> a)
{
    return predicate(a, [](unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); });
}
Value method_isspace(CallContext&, std::span<Value> a) { return predicate(a, [](unsigned char c) { return is_space_byte(static_cast<char>(c)); }); }

Value method_contains(CallContext& ctx, std::span<Value> a)
{
    std::string sub = needle(ctx, a[1]);
    return Value::boolean(self_data(a).find(sub) != std::string::npos);
}

Value method_copy(CallContext&, std::span<Value> a) { return make_bytearray(self_data(a)); }

// ---- bytearray mutation

Value method_append(CallContext& ctx, std::span<Value> a)
{
    data_of(a[0]) += static_cast<char>(byte_value(ctx, a[1]));
    return Value();
}

Value method_extend(CallContext& ctx, std::span<Value> a)
{
    if (a[1].is(Type::Str))
        throw_error(ErrorKind::TypeError, "expected iterable of integers; got: 'str'");
    data_of(a[0]) += bytes_from(ctx, a[1], missing_argument(), missing_argument(), "bytearray");
    return Value();
}

Value method_pop(CallContext& ctx, std::span<Value> a)
{
    std::string& data = data_of(a[0]);
    if (data.empty())
        throw_error(ErrorKind::IndexError, "pop from empty bytearray");
    int64_t i = to_index(ctx, a[1]);
    auto n = static_cast<int64_t>(data.size());
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        throw_error(ErrorKind::IndexError, "pop index out of range");
    int out = static_cast<unsigned char>(data[static_cast<size_t>(i)]);
    data.erase(static_cast<size_t>(i), 1);
    return Value::integer(out);
}

Value method_insert(CallContext& ctx, std::span<Value> a)
{
    std::string& data = data_of(a[0]);
    int64_t i = to_index(ctx, a[1]);
    auto n = static_cast<int64_t>(data.size());
    if (i < 0)
        i = std::max<int64_t>(0, i + n);
    i = std::min(i, n);
    data.insert(static_cast<size_t>(i), 1, static_cast<char>(byte_value(ctx, a[2])));
    return Value();
}

Value method_remove(CallContext& ctx, std::span<Value> a)
{
    std::string& data = data_of(a[0]);
    size_t at = data.find(static_cast<char>(byte_value(ctx, a[1])));
    if (at == std::string::npos)
        throw_error(ErrorKind::ValueError, "value not found in bytearray");
    data.erase(at, 1);
    return Value();
}

Value method_reverse(CallContext&, std::span<Value> a)
{
    std::reverse(data_of(a[0]).begin(), data_of(a[0]).end());
    return Value();
}

Value method_clear(CallContext&, std::span<Value> a)
{
    data_of(a[0]).clear();
    return Value();
}

#define RAMBA_BYTES_COMMON_METHODS                                                                                           \
    { "decode", "(self, /, encoding='utf-8', errors='strict')", method_decode, "Decode the bytes using the codec registered for encoding." }, \
    { "hex", "(self, /, sep=None)", method_hex, "Create a string of hexadecimal numbers from a bytes object." },             \
    { "find", "(self, sub, start=None, end=None, /)", method_find, "Return the lowest index in B where subsection sub is found." }, \
    { "rfind", "(self, sub, start=None, end=None, /)", method_rfind, "Return the highest index in B where subsection sub is found." }, \
    { "index", "(self, sub, start=None, end=None, /)", method_index, "Like find() but raise ValueError when the subsection is not found." }, \
    { "count", "(self, sub, start=None, end=None, /)", method_count, "Return the number of non-overlapping occurrences of subsection sub." }, \
    { "startswith", "(self, prefix, start=None, end=None, /)", method_startswith, "Return True if B starts with the specified prefix." }, \
    { "endswith", "(self, suffix, start=None, end=None, /)", method_endswith, "Return True if B ends with the specified suffix." }, \
    { "strip", "(self, bytes=None, /)", method_strip, "Strip leading and trailing bytes contained in the argument." },      \
    { "lstrip", "(self, bytes=None, /)", method_lstrip, "Strip leading bytes contained in the argument." },                 \
    { "rstrip", "(self, bytes=None, /)", method_rstrip, "Strip trailing bytes contained in the argument." },                \
    { "split", "(self, /, sep=None, maxsplit=-1)", method_split, "Return a list of the sections in the bytes, using sep as the delimiter." }, \
    { "join", "(self, iterable_of_bytes, /)", method_join, "Concatenate any number of bytes objects." },                     \
    { "replace", "(self, old, new, count=-1, /)", method_replace, "Return a copy with all occurrences of substring old replaced by new." }, \
    { "upper", "(self, /)", method_upper, "B.upper() -> copy of B with all ASCII characters converted to uppercase." },      \
    { "lower", "(self, /)", method_lower, "B.lower() -> copy of B with all ASCII characters converted to lowercase." },      \
    { "isdigit", "(self, /)", method_isdigit, "Return True if all characters in B are digits and there is at least one character in B." }, \
    { "isalpha", "(self, /)", method_isalpha, "Return True if all characters in B are alphabetic and there is at least one character in B." }, \
    { "isspace", "(self, /)", method_isspace, "Return True if all characters in B are whitespace and there is at least one character in B." }, \
    { "__contains__", "(self, key, /)", method_contains, "Return key in self." }

constexpr BuiltinSpec bytes_method_rows[] = {
    RAMBA_BYTES_COMMON_METHODS,
    { "fromhex", "(string, /)", class_fromhex_bytes, "Create a bytes object from a string of hexadecimal numbers." },
};

constexpr BuiltinSpec bytearray_method_rows[] = {
    RAMBA_BYTES_COMMON_METHODS,
    { "fromhex", "(string, /)", class_fromhex_bytearray, "Create a bytearray object from a string of hexadecimal numbers." },
    { "append", "(self, item, /)", method_append, "Append a single item to the end of the bytearray." },
    { "extend", "(self, iterable_of_ints, /)", method_extend, "Append all the items from the iterator or sequence to the end of the bytearray." },
    { "pop", "(self, index=-1, /)", method_pop, "Remove and return a single item from B." },
    { "insert", "(self, index, item, /)", method_insert, "Insert a single item into the bytearray before the given index." },
    { "remove", "(self, value, /)", method_remove, "Remove the first occurrence of a value in the bytearray." },
    { "reverse", "(self, /)", method_reverse, "Reverse the order of the values in B in place." },
    { "clear", "(self, /)", method_clear, "Remove all items from the bytearray." },
    { "copy", "(self, /)", method_copy, "Return a copy of B." },
};

#undef RAMBA_BYTES_COMMON_METHODS

Value bytes_type_object() { return bytes_class(); }
Value bytearray_type_object() { return bytearray_class(); }

TypeInfo make_info(bool is_mutable)
{
    TypeInfo t {};
    t.name = is_mutable ? "bytearray" : "bytes";
    if (is_mutable)
        t.methods = bytearray_method_rows;
    else
        t.methods = bytes_method_rows;
    t.binary = bytes_binary;
    t.inplace = bytes_inplace;
    t.compare = bytes_compare;
    t.get_item = bytes_get_item;
    t.set_item = bytes_set_item;
    t.str = bytes_repr_hook;
    t.repr = bytes_repr_hook;
    t.length = bytes_length;
    t.iterate = bytes_iterate;
    t.hash = is_mutable ? nullptr : bytes_hash;
    t.equals = bytes_equals;
    t.type_object = is_mutable ? bytearray_type_object : bytes_type_object;
    return t;
}

const TypeInfo& bytes_info()
{
    static const TypeInfo info = make_info(false);
    return info;
}

const TypeInfo& bytearray_info()
{
    static const TypeInfo info = make_info(true);
    return info;
}

// ---- Codecs

std::string normalised_encoding(std::string_view encoding)
{
    std::string out;
    for (char c : encoding)
        out += c == '-' || c == ' ' ? '_' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (out == "utf8" || out == "utf_8" || out == "u8" || out == "utf")
        return "utf-8";
    if (out == "ascii" || out == "us_ascii" || out == "646")
        return "ascii";
    if (out == "latin_1" || out == "latin1" || out == "iso_8859_1" || out == "iso8859_1" || out == "l1" || out == "8859" || out == "cp819" || out == "latin")
        return "latin-1";
    throw_error(ErrorKind::LookupError, "unknown encoding: " + std::string(encoding));
}

void check_errors_mode(std::string_view errors)
{
    if (errors != "strict" && errors != "replace" && errors != "ignore")
        throw_error(ErrorKind::LookupError, "unknown error handler name '" + std::string(errors) + "'");
}

std::string character_repr(uint32_t cp)
{
    char buffer[16];
    if (cp < 0x100)
        std::snprintf(buffer, sizeof buffer, "\\x%02x", cp);
    else if (cp < 0x10000)
        std::snprintf(buffer, sizeof buffer, "\\u%04x", cp);
    else
        std::snprintf(buffer, sizeof buffer, "\\U%08x", cp);
    return buffer;
}

} // namespace

Value make_bytes(std::string data) { return Value::object(Type::Opaque, make_object<BytesObject>(std::move(data), false)); }
Value make_bytearray(std::string data) { return Value::object(Type::Opaque, make_object<BytesObject>(std::move(data), true)); }
bool is_bytes(const Value& v) { return v.is(Type::Opaque) && &v.as<OpaqueObject>().type_info() == &bytes_info(); }
bool is_bytearray(const Value& v) { return v.is(Type::Opaque) && &v.as<OpaqueObject>().type_info() == &bytearray_info(); }
const TypeInfo& BytesObject::type_info() const { return is_mutable ? bytearray_info() : bytes_info(); }

std::string repr_bytes(std::string_view data)
{
    bool has_single = data.find('\'') != std::string_view::npos, has_double = data.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out = "b";
    out += quote;
    static const char digits[] = "0123456789abcdef";
    for (char ch : data) {
        auto c = static_cast<unsigned char>(ch);
        if (c == static_cast<unsigned char>(quote) || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c >= 0x7f) {
            out += "\\x";
            out += digits[c >> 4];
            out += digits[c & 15];
        } else {
            out += ch;
        }
    }
    out += quote;
    return out;
}

std::string encode_text(std::string_view text, std::string_view encoding_name, std::string_view errors)
{
    std::string encoding = normalised_encoding(encoding_name);
    check_errors_mode(errors);
    if (encoding == "utf-8")
        return std::string(text); // strings are valid UTF-8 already
    uint32_t limit = encoding == "ascii" ? 0x80 : 0x100;
    std::string out;
    size_t position = 0;
    for (int64_t index = 0; position < text.size(); ++index) {
        uint32_t cp;
        utf8_decode_one(text, position, cp);
        if (cp < limit) {
            out += static_cast<char>(cp);
            continue;
        }
        if (errors == "replace")
            out += '?';
        else if (errors == "strict")
            throw_error(ErrorKind::UnicodeEncodeError, "'" + encoding + "' codec can't encode character '" + character_repr(cp) + "' in position "
                    + std::to_string(index) + ": ordinal not in range(" + std::to_string(limit) + ")");
    }
    return out;
}

std::string decode_bytes(std::string_view data, std::string_view encoding_name, std::string_view errors)
{
    std::string encoding = normalised_encoding(encoding_name);
    check_errors_mode(errors);
    std::string out;
    static const std::string replacement = "\xEF\xBF\xBD"; // U+FFFD
    auto fail = [&](size_t position, size_t end, const std::string& reason) {
        if (errors == "replace") {
            out += replacement;
            return;
        }
        if (errors == "ignore")
            return;
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02x", static_cast<unsigned char>(data[position]));
        if (end > position + 1)
            throw_error(ErrorKind::UnicodeDecodeError, "'" + encoding + "' codec can't decode bytes in position " + std::to_string(position) + "-"
                    + std::to_string(end - 1) + ": " + reason);
        throw_error(ErrorKind::UnicodeDecodeError, "'" + encoding + "' codec can't decode byte " + byte + " in position " + std::to_string(position)
                + ": " + reason);
    };
    if (encoding != "utf-8") {
        for (size_t i = 0; i < data.size(); ++i) {
            auto c = static_cast<unsigned char>(data[i]);
            if (c < 0x80 || encoding == "latin-1")
                out += utf8_encode(c);
            else
                fail(i, i + 1, "ordinal not in range(128)");
        }
        return out;
    }
    // UTF-8 as CPython validates it: the maximal invalid prefix is reported (and replaced) as one unit.
    for (size_t i = 0; i < data.size();) {
        auto c = static_cast<unsigned char>(data[i]);
        if (c < 0x80) {
            out += static_cast<char>(c);
            ++i;
            continue;
        }
        size_t need = c >= 0xC2 && c <= 0xDF ? 1 : c >= 0xE0 && c <= 0xEF ? 2 : c >= 0xF0 && c <= 0xF4 ? 3 : 0;
        if (need == 0) {
            fail(i, i + 1, "invalid start byte");
            ++i;
            continue;
        }
        size_t k = 1;
        for (; k <= need && i + k < data.size(); ++k) {
            auto d = static_cast<unsigned char>(data[i + k]);
            unsigned char low = 0x80, high = 0xBF;
            if (k == 1) {
                if (c == 0xE0) low = 0xA0;
                if (c == 0xED) high = 0x9F;
                if (c == 0xF0) low = 0x90;
                if (c == 0xF4) high = 0x8F;
            }
            if (d < low || d > high)
                break;
        }
        if (k > need) {
            out.append(data.substr(i, need + 1));
            i += need + 1;
            continue;
        }
        if (i + k >= data.size() && k <= need) {
            fail(i, data.size(), "unexpected end of data");
            i = data.size();
            continue;
        }
        fail(i, i + k, "invalid continuation byte");
        i += k;
    }
    return out;
}

void add_bytes_builtins(ModuleObject& builtins)
{
    builtins.set("bytes", bytes_class());
    builtins.set("bytearray", bytearray_class());
}

const BuiltinSpec* bytes_class_method(std::string_view class_name, std::string_view name)
{
    if (class_name == "bytes")
        return find_spec(bytes_method_rows, name);
    if (class_name == "bytearray")
        return find_spec(bytearray_method_rows, name);
    return nullptr;
}

} // namespace ramba::interp
