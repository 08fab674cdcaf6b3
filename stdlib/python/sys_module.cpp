// Python's `sys` module: argv, exit(), stdout/stderr stream objects with write()/flush(), version,
// platform, maxsize, float_info and the recursion limit the evaluator enforces.
#include "stdlib/python/sys_module.hpp"

#include <cfloat>

namespace ramba::stdlib {

using namespace interp;

namespace {

std::vector<std::string>& argv_storage()
{
    static std::vector<std::string> args;
    return args;
}

// ---- sys.stdout / sys.stderr: library objects whose write() goes through the CallContext.

struct TextStream final : OpaqueObject {
    bool is_stderr;
    explicit TextStream(bool e) : is_stderr(e) { }
    const TypeInfo& type_info() const override;
};

const TextStream& stream(const Value& v) { return static_cast<const TextStream&>(v.as<OpaqueObject>()); }

Value stream_write(CallContext& ctx, std::span<Value> a)
{
    if (!a[1].is(Type::Str))
        throw RambaError(ErrorKind::TypeError, "write() argument must be str, not " + std::string(type_name(a[1])));
    auto& text = a[1].as<StrObject>().value;
    if (stream(a[0]).is_stderr)
        ctx.write_stderr(text);
    else
        ctx.write_stdout(text);
    int64_t length = 0;
    for (unsigned char c : text)
        length += (c & 0xC0) != 0x80;
    return Value::integer(length);
}

Value stream_flush(CallContext&, std::span<Value> a)
{
    std::fflush(stream(a[0]).is_stderr ? stderr : stdout);
    return Value();
}

std::string stream_repr(CallContext&, const Value& self)
{
    return std::string("<_io.TextIOWrapper name='") + (stream(self).is_stderr ? "<stderr>" : "<stdout>") + "' mode='w' encoding='utf-8'>";
}

constexpr BuiltinSpec stream_methods[] = {
    { "write", "(self, text, /)", stream_write, "Write string to stream. Returns the number of characters written." },
    { "flush", "(self, /)", stream_flush, "Flush the write buffers of the stream." },
};

const TypeInfo stream_info = [] {
    TypeInfo info {};
    info.name = "_io.TextIOWrapper";
    info.methods = stream_methods;
    info.repr = stream_repr;
    return info;
}();

const TypeInfo& TextStream::type_info() const { return stream_info; }

// ---- sys.float_info

struct FloatInfo final : OpaqueObject {
    const TypeInfo& type_info() const override;
};

struct FloatField {
    const char* name;
    double value;
    bool is_int;
};

constexpr FloatField float_fields[] = {
    { "max", DBL_MAX, false }, { "max_exp", DBL_MAX_EXP, true }, { "max_10_exp", DBL_MAX_10_EXP, true },
    { "min", DBL_MIN, false }, { "min_exp", DBL_MIN_EXP, true }, { "min_10_exp", DBL_MIN_10_EXP, true },
    { "dig", DBL_DIG, true }, { "mant_dig", DBL_MANT_DIG, true }, { "epsilon", DBL_EPSILON, false },
    { "radix", FLT_RADIX, true }, { "rounds", 1, true },
};

template<size_t I>
Value float_field(CallContext&, const Value&)
{
    auto& f = float_fields[I];
    return f.is_int ? Value::integer(static_cast<int64_t>(f.value)) : Value::floating(f.value);
}

constexpr AttributeSpec float_attributes[] = {
    { "max", float_field<0>, "DBL_MAX" }, { "max_exp", float_field<1>, "DBL_MAX_EXP" },
    { "max_10_exp", float_field<2>, "DBL_MAX_10_EXP" }, { "min", float_field<3>, "DBL_MIN" },
    { "min_exp", float_field<4>, "DBL_MIN_EXP" }, { "min_10_exp", float_field<5>, "DBL_MIN_10_EXP" },
    { "dig", float_field<6>, "DBL_DIG" }, { "mant_dig", float_field<7>, "DBL_MANT_DIG" },
    { "epsilon", float_field<8>, "DBL_EPSILON" }, { "radix", float_field<9>, "FLT_RADIX" },
    { "rounds", float_field<10>, "FLT_ROUNDS" },
};
static_assert(std::size(float_attributes) == std::size(float_fields), "one attribute per float_info field");

std::string float_info_repr(CallContext& ctx, const Value&)
{
    std::string out = "sys.float_info(";
    for (size_t i = 0; i < std::size(float_fields); ++i) {
        auto& f = float_fields[i];
        if (i)
            out += ", ";
        out += std::string(f.name) + "=" + repr_value(ctx, f.is_int ? Value::integer(static_cast<int64_t>(f.value)) : Value::floating(f.value));
    }
    return out + ")";
}

const TypeInfo float_info_type = [] {
    TypeInfo info {};
    info.name = "sys.float_info";
    info.attributes = float_attributes;
    info.repr = float_info_repr;
    return info;
}();

const TypeInfo& FloatInfo::type_info() const { return float_info_type; }

// ---- sys.version_info: a named tuple; behaves as the tuple (3, 11, 2, 'final', 0) for comparisons,
// indexing, len and iteration, and has the named attributes.

struct VersionInfo final : OpaqueObject {
    const TypeInfo& type_info() const override;
};

const Value& version_tuple()
{
    static const Value tuple = make_tuple({ Value::integer(3), Value::integer(11), Value::integer(2), make_str("final"), Value::integer(0) });
    return tuple;
}

constexpr const char* version_fields[] = { "major", "minor", "micro", "releaselevel", "serial" };

template<size_t I>
Value version_field(CallContext&, const Value&) { return version_tuple().as<TupleObject>().items[I]; }

constexpr AttributeSpec version_attributes[] = {
    { "major", version_field<0>, "Major release number" }, { "minor", version_field<1>, "Minor release number" },
    { "micro", version_field<2>, "Patch release number" }, { "releaselevel", version_field<3>, "'alpha', 'beta', 'candidate', or 'final'" },
    { "serial", version_field<4>, "Serial release number" },
};

const Value& as_tuple(const Value& v)
{
    return v.is(Type::Opaque) && dynamic_cast<const VersionInfo*>(&v.as<OpaqueObject>()) ? version_tuple() : v;
}

std::string version_repr(CallContext& ctx, const Value&)
{
    std::string out = "sys.version_info(";
    auto& items = version_tuple().as<TupleObject>().items;
    for (size_t i = 0; i < items.size(); ++i)
        out += std::string(i ? ", " : "") + version_fields[i] + "=" + repr_value(ctx, items[i]);
    return out + ")";
}

bool version_compare(CallContext& ctx, CompareOp op, const Value& lhs, const Value& rhs, Value& out)
{
    out = compare_op(ctx, op, as_tuple(lhs), as_tuple(rhs));
    return true;
}

const TypeInfo version_info_type = [] {
    TypeInfo info {};
    info.name = "sys.version_info";
    info.attributes = version_attributes;
    info.repr = version_repr;
    info.compare = version_compare;
    info.get_item = [](CallContext& ctx, const Value&, const Value& index) { return get_item(ctx, version_tuple(), index); };
    info.length = [](CallContext&, const Value&) { return int64_t(5); };
    info.iterate = [](CallContext& ctx, const Value&) { return iterate(ctx, version_tuple()); };
    return info;
}();

const TypeInfo& VersionInfo::type_info() const { return version_info_type; }

// ---- functions

Value sys_exit(CallContext& ctx, std::span<Value> a) { raise_system_exit(ctx, a[0]); }
Value sys_getrecursionlimit(CallContext&, std::span<Value>) { return Value::integer(recursion_limit()); }

Value sys_setrecursionlimit(CallContext& ctx, std::span<Value> a)
{
    if (a[0].is(Type::Float))
        throw RambaError(ErrorKind::TypeError, "'float' object cannot be interpreted as an integer");
    int64_t limit = to_index(ctx, a[0]);
    if (limit < 1)
        throw RambaError(ErrorKind::ValueError, "recursion limit must be greater or equal than 1");
    set_recursion_limit(limit);
    return Value();
}

Value sys_getsizeof(CallContext&, std::span<Value> a)
{
    // An estimate: the size of the Value plus its object's payload where cheap to know.
    int64_t size = sizeof(Value);
    if (a[0].is(Type::Str))
        size += static_cast<int64_t>(a[0].as<StrObject>().value.size());
    else if (a[0].is(Type::List))
        size += static_cast<int64_t>(a[0].as<ListObject>().items.capacity() * sizeof(Value));
    return Value::integer(size);
}

constexpr BuiltinSpec rows[] = {
    { "exit", "(status=None, /)", sys_exit, "Exit the interpreter by raising SystemExit(status).\n\nIf the status is omitted or None, it defaults to zero (i.e., success).\nIf the status is an integer, it will be used as the system exit status.\nIf it is another kind of object, it will be printed and the system\nexit status will be one (i.e., failure)." },
    { "getrecursionlimit", "()", sys_getrecursionlimit, "Return the current value of the recursion limit." },
    { "setrecursionlimit", "(limit, /)", sys_setrecursionlimit, "Set the maximum depth of the interpreter stack to n." },
    { "getsizeof", "(object, /)", sys_getsizeof, "Return the size of object in bytes (an estimate)." },
};

Value make_argv()
{
    Values items;
    for (auto& arg : argv_storage())
        items.push_back(make_str(arg));
    return make_list(std::move(items));
}

} // namespace

void set_sys_argv(std::vector<std::string> args)
{
    argv_storage() = std::move(args);
    if (auto sys = import_module("sys"))
        sys->set("argv", make_argv());
}

interp::Ref<ModuleObject> make_sys_module()
{
    auto module = interp::make_object<ModuleObject>("sys");
    for (auto& spec : rows)
        module->set(spec.name, make_builtin(&spec));
    module->set("argv", make_argv());
    module->set("stdout", Value::object(Type::Opaque, interp::make_object<TextStream>(false)));
    module->set("stderr", Value::object(Type::Opaque, interp::make_object<TextStream>(true)));
    module->set("version", make_str("3.11.2 (ramba 0.1.0, a numpy-flavoured Python subset)"));
    module->set("version_info", Value::object(Type::Opaque, interp::make_object<VersionInfo>()));
    module->set("platform", make_str("linux"));
    module->set("byteorder", make_str("little"));
    module->set("maxsize", Value::integer(INT64_MAX));
    module->set("float_info", Value::object(Type::Opaque, interp::make_object<FloatInfo>()));
    module->set("executable", make_str("ramba"));
    module->set("path", make_list({}));
    return module;
}

} // namespace ramba::stdlib
