// Builtin functions that are not about iteration: print, len, repr, abs, round, divmod, pow, hash, id,
// chr/ord, hex/oct/bin, format, isinstance, getattr & co, help, input, exit. One BuiltinSpec row each.
#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>

#include "interpreter/values/bigint.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

Value builtin_print(CallContext& ctx, std::span<Value> a)
{
    auto text_or_default = [&](const Value& v, const char* name, const char* fallback) -> std::string {
        if (v.is_none())
            return fallback;
        if (!v.is(Type::Str))
            throw_error(ErrorKind::TypeError, std::string(name) + " must be None or a string, not " + std::string(type_name(v)));
        return v.as<StrObject>().value;
    };
    std::string sep = text_or_default(a[1], "sep", " ");
    std::string end = text_or_default(a[2], "end", "\n");
    std::string out;
    auto& items = a[0].as<TupleObject>().items;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += sep;
        out += items[i].is(Type::Str) ? items[i].as<StrObject>().value : str_value(ctx, items[i]);
    }
    out += end;
    if (a[3].is_none()) {
        ctx.write_stdout(out);
        if (truthy(ctx, a[4]))
            std::fflush(stdout);
        return Value();
    }
    Value write = get_attribute(ctx, a[3], "write");
    Value text = make_str(std::move(out));
    ctx.call(write, std::span<const Value>(&text, 1));
    if (truthy(ctx, a[4]) && has_attribute(ctx, a[3], "flush"))
        ctx.call(get_attribute(ctx, a[3], "flush"), {});
    return Value();
}

Value builtin_len(CallContext& ctx, std::span<Value> a) { return Value::integer(length_of(ctx, a[0])); }
Value builtin_repr(CallContext& ctx, std::span<Value> a) { return make_str(repr_value(ctx, a[0])); }
Value builtin_ascii(CallContext& ctx, std::span<Value> a) { return make_str(repr_value(ctx, a[0])); }

Value call_dunder(CallContext& ctx, const Value& self, const char* name, std::span<const Value> args, bool& found)
{
    found = false;
    const TypeInfo* info = library_type_info(self);
    if (!info)
        return Value();
    auto* spec = find_spec(info->methods, name);
    if (!spec)
        return Value();
    found = true;
    Value method = Value::object(Type::BoundMethod, make_object<BoundMethodObject>(self, builtin_value(spec)));
    return call_builtin(ctx, method, args, {});
}

Value builtin_abs(CallContext& ctx, std::span<Value> a)
{
    const Value& x = a[0];
    if (x.is_library_float()) { // np.float64: its library's __abs__
        bool found;
        Value out = call_dunder(ctx, x, "__abs__", {}, found);
        if (found)
            return out;
    }
    switch (x.type()) {
    case Type::Bool:
    case Type::Int:
        if (x.as_int() == INT64_MIN)
            return int_abs(x);
        return Value::integer(std::abs(x.as_int()));
    case Type::Float: return Value::floating(std::fabs(x.as_float()));
    case Type::Complex: return Value::floating(std::hypot(x.as_complex().real(), x.as_complex().imag()));
    case Type::Opaque: {
        if (is_bigint(x))
            return int_abs(x);
        bool found;
        Value out;
        if (is_user_instance(x)) {
            if (call_special(ctx, x, "__abs__", {}, out))
                return out;
            break;
        }
        out = call_dunder(ctx, x, "__abs__", {}, found);
        if (found)
            return out;
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "bad operand type for abs(): '" + std::string(type_name(x)) + "'");
}

// Rounds the decimal string `digits` (an integer part, '.', a fraction) half-to-even at `ndigits`
// places after the point (negative: before it), returning a decimal string strtod can read.
std::string round_decimal(const std::string& exact, int64_t ndigits)
{
    size_t point = exact.find('.');
    std::string integer = exact.substr(0, point);
    std::string fraction = point == std::string::npos ? "" : exact.substr(point + 1);
    std::string all = integer + fraction;
    auto keep = static_cast<int64_t>(integer.size()) + ndigits; // digits of `all` kept
    if (keep < 0)
        return "0";
    if (keep >= static_cast<int64_t>(all.size()))
        return exact;
    std::string kept = all.substr(0, static_cast<size_t>(keep));
    std::string dropped = all.substr(static_cast<size_t>(keep));
    bool round_up = false;
    if (dropped[0] > '5')
        round_up = true;
    else if (dropped[0] == '5') {
        bool more = dropped.find_first_not_of('0', 1) != std::string::npos;
        bool odd = !kept.empty() && ((kept.back() - '0') & 1);
        round_up = more || odd;
    }
    if (round_up) {
        int i = static_cast<int>(kept.size()) - 1;
        for (; i >= 0; --i) {
            if (kept[static_cast<size_t>(i)] == '9') {
                kept[static_cast<size_t>(i)] = '0';
            } else {
                ++kept[static_cast<size_t>(i)];
                break;
            }
        }
        if (i < 0) {
            kept.insert(kept.begin(), '1');
            ++keep;
        }
    }
    if (kept.empty())
        kept = "0";
    // Place the decimal point: the kept digits stand for all[0..keep) followed by zeros up to the point.
    std::string out = kept + "e" + std::to_string(-ndigits);
    return out;
}

} // namespace

Value round_float(double x, const Value& ndigits_value)
{
    if (ndigits_value.is_none()) {
        double r = std::nearbyint(x); // the default rounding mode rounds half to even, as Python
        return int_from_double(r);
    }
    int64_t ndigits = ndigits_value.as_int();
    if (!std::isfinite(x) || x == 0.0)
        return Value::floating(x);
    if (ndigits > 323)
        return Value::floating(x);
    if (ndigits < -308)
        return Value::floating(std::copysign(0.0, x));
    std::string exact(1500, '\0'); // up to 309 integer digits + 1100 fraction digits
    auto result = std::to_chars(exact.data(), exact.data() + exact.size(), std::fabs(x), std::chars_format::fixed, 1100);
    exact.resize(static_cast<size_t>(result.ptr - exact.data()));
    std::string rounded = round_decimal(exact, ndigits);
    double out = std::strtod(rounded.c_str(), nullptr);
    if (std::isinf(out))
        throw_error(ErrorKind::OverflowError, "rounded value too large to represent");
    return Value::floating(std::copysign(out, x));
}

namespace {

Value builtin_round(CallContext& ctx, std::span<Value> a)
{
    const Value& x = a[0];
    Value ndigits = a[1];
    if (is_user_instance(x)) {
        Value out;
        if (call_special(ctx, x, "__round__", ndigits.is_none() ? std::span<const Value>() : std::span<const Value>(&ndigits, 1), out))
            return out;
        throw_error(ErrorKind::TypeError, "type " + std::string(type_name(x)) + " doesn't define __round__ method");
    }
    if (!ndigits.is_none())
        ndigits = Value::integer(to_index(ctx, ndigits));
    switch (x.type()) {
    case Type::Bool:
    case Type::Int: {
        int64_t i = x.as_int();
        if (ndigits.is_none() || ndigits.as_int() >= 0)
            return Value::integer(i);
        int64_t k = -ndigits.as_int();
        if (k >= 18)
            return int_round(x, ndigits.as_int());
        int64_t m = 1;
        for (int64_t j = 0; j < k; ++j)
            m *= 10;
        int64_t r = int_binary(BinaryOp::Mod, i, m).as_int();
        int64_t q = i - r;
        if (2 * r > m || (2 * r == m && ((q / m) & 1))) {
            if (__builtin_add_overflow(q, m, &q))
                return int_round(x, ndigits.as_int());
        }
        return Value::integer(q);
    }
    case Type::Float:
        if (x.is_library_float()) { // np.float64: its library's __round__
            bool found;
            Value out = call_dunder(ctx, x, "__round__", std::span<const Value>(&a[1], 1), found);
            if (found)
                return out;
        }
        return round_float(x.as_float(), ndigits);
    case Type::Opaque: {
        if (is_bigint(x))
            return int_round(x, ndigits.is_none() ? 0 : ndigits.as_int());
        bool found;
        Value out = call_dunder(ctx, x, "__round__", std::span<const Value>(&a[1], 1), found);
        if (found)
            return out;
        auto& info = x.as<OpaqueObject>().type_info();
        double d;
        if (info.to_float && info.to_float(ctx, x, d))
            return round_float(d, ndigits);
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "type " + std::string(type_name(x)) + " doesn't define __round__ method");
}

Value builtin_divmod(CallContext& ctx, std::span<Value> a)
{
    const Value& x = a[0];
    const Value& y = a[1];
    bool x_int = x.is(Type::Int) || x.is(Type::Bool), y_int = y.is(Type::Int) || y.is(Type::Bool);
    if (x_int && y_int)
        return make_tuple({ int_binary(BinaryOp::FloorDiv, x.as_int(), y.as_int()), int_binary(BinaryOp::Mod, x.as_int(), y.as_int()) });
    if ((x_int || x.is(Type::Float)) && (y_int || y.is(Type::Float)) && !Value::any_library_float(x, y)) {
        double p = to_double(ctx, x), q = to_double(ctx, y);
        if (q == 0.0)
            throw_error(ErrorKind::ZeroDivisionError, "float divmod()");
        return make_tuple({ Value::floating(floor_divide_float(p, q)), Value::floating(modulo_float(p, q)) });
    }
    if (library_type_info(x) || library_type_info(y))
        return make_tuple({ binary_op(ctx, BinaryOp::FloorDiv, x, y), binary_op(ctx, BinaryOp::Mod, x, y) });
    throw_error(ErrorKind::TypeError, "unsupported operand type(s) for divmod(): '" + std::string(type_name(x)) + "' and '"
            + std::string(type_name(y)) + "'");
}

int64_t modular_inverse(int64_t a, int64_t m)
{
    __int128 old_r = a, r = m, old_s = 1, s = 0;
    while (r != 0) {
        __int128 q = old_r / r;
        __int128 t = old_r - q * r;
        old_r = r;
        r = t;
        t = old_s - q * s;
        old_s = s;
        s = t;
    }
    if (old_r != 1)
        throw_error(ErrorKind::ValueError, "base is not invertible for the given modulus");
    __int128 result = old_s % m;
    if (result < 0)
        result += m;
    return static_cast<int64_t>(result);
}

Value builtin_pow(CallContext& ctx, std::span<Value> a)
{
    if (a[2].is_none())
        return binary_op(ctx, BinaryOp::Pow, a[0], a[1]);
    if (is_bigint(a[0]) || is_bigint(a[1]) || is_bigint(a[2])) {
        if (!is_python_int(a[0]) || !is_python_int(a[1]) || !is_python_int(a[2]))
            throw_error(ErrorKind::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
        return int_power_modulo(a[0], a[1], a[2]);
    }
    int64_t base, exponent, modulus;
    if (!as_index(ctx, a[0], base) || !as_index(ctx, a[1], exponent) || !as_index(ctx, a[2], modulus))
        throw_error(ErrorKind::TypeError, "pow() 3rd argument not allowed unless all arguments are integers");
    if (modulus == 0)
        throw_error(ErrorKind::ValueError, "pow() 3rd argument cannot be 0");
    bool negative_modulus = modulus < 0;
    __int128 m = negative_modulus ? -(__int128)modulus : modulus;
    __int128 b = base % m;
    if (b < 0)
        b += m;
    if (exponent < 0) {
        b = modular_inverse(static_cast<int64_t>(b), static_cast<int64_t>(m));
        exponent = -exponent;
    }
    __int128 result = 1 % m;
    while (exponent > 0) {
        if (exponent & 1)
            result = result * b % m;
        b = b * b % m;
        exponent >>= 1;
    }
    if (negative_modulus && result != 0)
        result -= m;
    return Value::integer(static_cast<int64_t>(result));
}

Value builtin_hash(CallContext& ctx, std::span<Value> a) { return Value::integer(static_cast<int64_t>(hash_value(ctx, a[0]))); }

Value builtin_id(CallContext&, std::span<Value> a)
{
    const Value& v = a[0];
    if (v.object())
        return Value::integer(static_cast<int64_t>(reinterpret_cast<intptr_t>(v.object().get())));
    // Unboxed values have no address; give a stable number derived from the value.
    return Value::integer(static_cast<int64_t>(static_cast<uint64_t>(v.as_int()) * 2654435761u + static_cast<int>(v.type())));
}

bool is_callable(const Value& v)
{
    switch (v.type()) {
    case Type::Function:
    case Type::Builtin:
    case Type::BoundMethod: return true;
    case Type::Class: return v.as<ClassObject>().is_user() || !v.as<ClassObject>().constructor.is_none();
    case Type::Opaque:
        if (const ClassObject* cls = v.as<OpaqueObject>().type_info().user_class)
            return class_lookup(*cls, "__call__") != nullptr;
        return v.as<OpaqueObject>().type_info().call != nullptr;

    default: return false;
    }
}

Value builtin_callable(CallContext&, std::span<Value> a) { return Value::boolean(is_callable(a[0])); }

Value builtin_chr(CallContext& ctx, std::span<Value> a)
{
    int64_t i = to_index(ctx, a[0]);
    if (i < 0 || i > 0x10FFFF)
        throw_error(ErrorKind::ValueError, "chr() arg not in range(0x110000)");
    return make_str(utf8_encode(static_cast<uint32_t>(i)));
}

Value builtin_ord(CallContext&, std::span<Value> a)
{
    if (!a[0].is(Type::Str))
        throw_error(ErrorKind::TypeError, "ord() expected string of length 1, but " + std::string(type_name(a[0])) + " found");
    auto& s = a[0].as<StrObject>().value;
    int64_t n = utf8_length(s);
    if (n != 1)
        throw_error(ErrorKind::TypeError, "ord() expected a character, but string of length " + std::to_string(n) + " found");
    size_t position = 0;
    uint32_t cp;
    utf8_decode_one(s, position, cp);
    return Value::integer(cp);
}

Value base_string(CallContext& ctx, const Value& v, const char* spec)
{
    if (is_bigint(v))
        return make_str(format_value(ctx, v, spec));
    return make_str(format_value(ctx, Value::integer(to_index(ctx, v)), spec));
}

Value builtin_hex(CallContext& ctx, std::span<Value> a) { return base_string(ctx, a[0], "#x"); }
Value builtin_oct(CallContext& ctx, std::span<Value> a) { return base_string(ctx, a[0], "#o"); }
Value builtin_bin(CallContext& ctx, std::span<Value> a) { return base_string(ctx, a[0], "#b"); }

Value builtin_format(CallContext& ctx, std::span<Value> a)
{
    if (!a[1].is(Type::Str))
        throw_error(ErrorKind::TypeError, "format() argument 2 must be str, not " + std::string(type_name(a[1])));
    return make_str(format_value(ctx, a[0], a[1].as<StrObject>().value));
}

Value builtin_isinstance(CallContext& ctx, std::span<Value> a) { return Value::boolean(is_instance(ctx, a[0], a[1])); }

Value builtin_issubclass(CallContext&, std::span<Value> a)
{
    if (!a[0].is(Type::Class))
        throw_error(ErrorKind::TypeError, "issubclass() arg 1 must be a class");
    auto check = [&](const Value& base) {
        if (!base.is(Type::Class))
            throw_error(ErrorKind::TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return class_is_subclass(a[0].as<ClassObject>(), base.as<ClassObject>());
    };
    if (a[1].is(Type::Tuple)) {
        for (auto& base : a[1].as<TupleObject>().items) {
            if (check(base))
                return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    return Value::boolean(check(a[1]));
}

const std::string& attribute_name(const Value& v, const char* function)
{
    if (!v.is(Type::Str))
        throw_error(ErrorKind::TypeError, (std::string(function) == "getattr" ? "" : std::string(function) + "(): ")
                + "attribute name must be string, not '" + std::string(type_name(v)) + "'");
    return v.as<StrObject>().value;
}

Value builtin_getattr(CallContext& ctx, std::span<Value> a)
{
    const std::string& name = attribute_name(a[1], "getattr");
    if (is_missing_argument(a[2]))
        return get_attribute(ctx, a[0], name);
    if (!has_attribute(ctx, a[0], name))
        return a[2];
    return get_attribute(ctx, a[0], name);
}

Value builtin_hasattr(CallContext& ctx, std::span<Value> a) { return Value::boolean(has_attribute(ctx, a[0], attribute_name(a[1], "hasattr"))); }

Value builtin_setattr(CallContext& ctx, std::span<Value> a)
{
    set_attribute(ctx, a[0], attribute_name(a[1], "setattr"), a[2]);
    return Value();
}

std::string indent_doc(const char* doc, const char* indent)
{
    std::string out;
    std::string_view text = doc ? doc : "";
    while (!text.empty()) {
        size_t end = text.find('\n');
        out += indent;
        out += text.substr(0, end);
        out += '\n';
        if (end == std::string_view::npos)
            break;
        text.remove_prefix(end + 1);
    }
    return out;
}

std::string describe(const Value& v)
{
    std::string name(function_name(v));
    std::string out = name + callable_signature(v) + "\n";
    const char* doc = nullptr;
    if (v.is(Type::Builtin))
        doc = v.as<BuiltinObject>().spec->doc;
    else if (v.is(Type::BoundMethod) && v.as<BoundMethodObject>().function.is(Type::Builtin))
        doc = v.as<BoundMethodObject>().function.as<BuiltinObject>().spec->doc;
    else if (v.is(Type::Class) && v.as<ClassObject>().constructor.is(Type::Builtin))
        doc = v.as<ClassObject>().constructor.as<BuiltinObject>().spec->doc;
    return out + indent_doc(doc, "    ");
}

Value builtin_help(CallContext& ctx, std::span<Value> a)
{
    const Value& v = a[0];
    std::string out;
    if (is_missing_argument(v)) {
        out = "Type help(object) for help about object: help(len), help(math), help(math.sqrt).\n";
    } else if (v.is(Type::Module)) {
        auto& module = v.as<ModuleObject>();
        out = "Help on module " + module.name + ":\n\nNAME\n    " + module.name + "\n\nFUNCTIONS\n";
        std::vector<std::pair<std::string, Value>> entries = module.entries();
        std::sort(entries.begin(), entries.end(), [](auto& x, auto& y) { return x.first < y.first; });
        for (auto& [name, value] : entries) {
            if (value.is(Type::Builtin) || value.is(Type::Function)) {
                std::string text = describe(value);
                out += indent_doc(text.c_str(), "    ") + "\n";
            }
        }
        out += "DATA\n";
        for (auto& [name, value] : entries) {
            if (!is_callable(value) && !value.is(Type::Module))
                out += "    " + name + " = " + repr_value(ctx, value) + "\n";
        }
        out += "\n";
    } else if (v.is(Type::Builtin) || v.is(Type::BoundMethod)) {
        std::string module = module_of(v);
        out = "Help on built-in function " + std::string(function_name(v)) + (module.empty() ? "" : " in module " + module) + ":\n\n"
            + describe(v) + "\n";
    } else if (v.is(Type::Function)) {
        out = "Help on function " + std::string(function_name(v)) + " in module __main__:\n\n" + describe(v) + "\n";
    } else if (v.is(Type::Class)) {
        out = "Help on class " + v.as<ClassObject>().name + ":\n\n" + describe(v) + "\n";
    } else {
        Value cls = type_of(v);
        out = "Help on " + std::string(type_name(v)) + " object:\n\n" + describe(cls) + "\n";
    }
    ctx.write_stdout(out);
    return Value();
}

Value builtin_input(CallContext& ctx, std::span<Value> a)
{
    if (!is_missing_argument(a[0]))
        ctx.write_stdout(str_value(ctx, a[0]));
    std::fflush(stdout);
    std::cout.flush();
    std::string line;
    // FIXME: Python raises EOFError, which is not an ErrorKind yet.
    if (!std::getline(std::cin, line))
        throw_error(ErrorKind::OSError, "EOF when reading a line");
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    return make_str(std::move(line));
}

Value builtin_exit(CallContext& ctx, std::span<Value> a) { raise_system_exit(ctx, a[0]); }

Value builtin_globals(CallContext& ctx, std::span<Value>) { return scope_names(ctx, ScopeQuery::Globals); }
Value builtin_locals(CallContext& ctx, std::span<Value>) { return scope_names(ctx, ScopeQuery::Locals); }

Value builtin_dir(CallContext& ctx, std::span<Value> a)
{
    Values names;
    const Value& v = a[0];
    if (is_missing_argument(v)) { // Python: the names of the current scope, sorted
        Value scope = scope_names(ctx, ScopeQuery::Locals);
        for (const auto& entry : scope.as<DictObject>().entries)
            names.push_back(entry.first);
        sort_values(ctx, names, Value(), false);
        return make_list(std::move(names));
    }
    if (v.is(Type::Module)) {
        for (auto& [name, value] : v.as<ModuleObject>().entries())
            names.push_back(make_str(name));
    } else if (user_dir(ctx, v, names)) {
    } else {
        std::span<const BuiltinSpec> methods;
        switch (v.type()) {
        case Type::Str: methods = str_methods(); break;
        case Type::List: methods = list_methods(); break;
        case Type::Tuple: methods = tuple_methods(); break;
        case Type::Dict: methods = dict_methods(); break;
        case Type::Opaque: {
            auto& info = v.as<OpaqueObject>().type_info();
            methods = info.methods;
            for (auto& attribute : info.attributes)
                names.push_back(make_str(attribute.name));
            break;
        }
        default: break;
        }
        for (auto& spec : methods)
            names.push_back(make_str(spec.name));
    }
    sort_values(ctx, names, Value(), false);
    return make_list(std::move(names));
}

constexpr BuiltinSpec rows[] = {
    { "print", "(*args, sep=' ', end='\\n', file=None, flush=False)", builtin_print,
        "Prints the values to a stream, or to sys.stdout by default.\n\n  sep\n    string inserted between values, default a space.\n  end\n    string appended after the last value, default a newline.\n  file\n    a file-like object (stream); defaults to the current sys.stdout.\n  flush\n    whether to forcibly flush the stream." },
    { "len", "(obj, /)", builtin_len, "Return the number of items in a container." },
    { "repr", "(obj, /)", builtin_repr, "Return the canonical string representation of the object." },
    { "ascii", "(obj, /)", builtin_ascii, "Return an ASCII-only representation of an object." },
    { "abs", "(x, /)", builtin_abs, "Return the absolute value of the argument." },
    { "round", "(number, ndigits=None)", builtin_round, "Round a number to a given precision in decimal digits.\n\nThe return value is an integer if ndigits is omitted or None. Otherwise\nthe return value has the same type as the number. ndigits may be negative." },
    { "divmod", "(x, y, /)", builtin_divmod, "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x." },
    { "pow", "(base, exp, mod=None)", builtin_pow, "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments" },
    { "hash", "(obj, /)", builtin_hash, "Return the hash value for the given object." },
    { "id", "(obj, /)", builtin_id, "Return the identity of an object." },
    { "callable", "(obj, /)", builtin_callable, "Return whether the object is callable." },
    { "chr", "(i, /)", builtin_chr, "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff." },
    { "ord", "(c, /)", builtin_ord, "Return the Unicode code point for a one-character string." },
    { "hex", "(number, /)", builtin_hex, "Return the hexadecimal representation of an integer." },
    { "oct", "(number, /)", builtin_oct, "Return the octal representation of an integer." },
    { "bin", "(number, /)", builtin_bin, "Return the binary representation of an integer." },
    { "format", "(value, format_spec='', /)", builtin_format, "Return value.__format__(format_spec)." },
    { "isinstance", "(obj, class_or_tuple, /)", builtin_isinstance, "Return whether an object is an instance of a class or of a subclass thereof." },
    { "issubclass", "(cls, class_or_tuple, /)", builtin_issubclass, "Return whether 'cls' is derived from another class or is the same class." },
    { "getattr", "(object, name, default=<missing>, /)", builtin_getattr, "Get a named attribute from an object; getattr(x, 'y') is equivalent to x.y." },
    { "hasattr", "(obj, name, /)", builtin_hasattr, "Return whether the object has an attribute with the given name." },
    { "setattr", "(obj, name, value, /)", builtin_setattr, "Sets the named attribute on the given object to the specified value." },
    { "help", "(request=<missing>)", builtin_help, "Show the signature and documentation of a function, class or module." },
    { "input", "(prompt=<missing>, /)", builtin_input, "Read a string from standard input.  The trailing newline is stripped." },
    { "exit", "(code=None)", builtin_exit, "Exit the interpreter by raising SystemExit(code)." },
    { "quit", "(code=None)", builtin_exit, "Exit the interpreter by raising SystemExit(code)." },
    { "globals", "()", builtin_globals, "Return the dictionary containing the current scope's global variables.\n\nNOTE: Updates to this dictionary *will not* affect name lookups in the current\nglobal scope and vice-versa." },
    { "locals", "()", builtin_locals, "Return a dictionary containing the current scope's local variables.\n\nNOTE: Whether or not updates to this dictionary will affect name lookups in\nthe local scope and vice-versa is *implementation dependent* and not\ncovered by any backwards compatibility guarantees." },
    { "dir", "(object=<missing>, /)", builtin_dir, "Return an alphabetized list of names of the object's attributes." },
};

} // namespace

std::span<const BuiltinSpec> builtin_function_specs() { return rows; }

} // namespace ramba::interp
