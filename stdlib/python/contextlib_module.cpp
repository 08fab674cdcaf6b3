// Python's `contextlib`: contextmanager (a generator function as a context manager), suppress,
// nullcontext, closing. Each manager is a library object whose __enter__/__exit__ rows `with` calls.
#include "stdlib/python/python_modules.hpp"

namespace ramba::stdlib {

using interp::BuiltinSpec;
using interp::CallContext;
using interp::OpaqueObject;
using interp::TypeInfo;
using interp::Value;
using interp::Values;

namespace {

// ---- contextmanager

// What @contextmanager returns: calling it calls the generator function and wraps the generator.
struct ContextManagerFactory final : OpaqueObject {
    Value function;
    explicit ContextManagerFactory(Value f) : function(std::move(f)) { }
    const TypeInfo& type_info() const override;
};

struct GeneratorContextManager final : OpaqueObject {
    Value generator;
    explicit GeneratorContextManager(Value g) : generator(std::move(g)) { }
    const TypeInfo& type_info() const override;
};

Value call_method(CallContext& ctx, const Value& object, const char* name, std::span<const Value> args)
{
    return ctx.call(interp::get_attribute(ctx, object, name), args);
}

// Python: `next(gen)`, false when the generator is exhausted.
bool advance(CallContext& ctx, const Value& generator, Value& out)
{
    if (!generator.is(interp::Type::Iterator))
        python::raise(ErrorKind::TypeError, "'" + std::string(interp::type_name(generator)) + "' object is not an iterator");
    return generator.as<interp::IteratorObject>().next(ctx, out);
}

Value generator_enter(CallContext& ctx, std::span<Value> a)
{
    Value out;
    if (!advance(ctx, a[0].as<GeneratorContextManager>().generator, out))
        python::raise(ErrorKind::RuntimeError, "generator didn't yield");
    return out;
}

// contextlib: with no exception, the generator must finish at its next step; with one, it is thrown
// in at the yield, and the generator either handles it (the exception is suppressed) or lets it out.
Value generator_exit(CallContext& ctx, std::span<Value> a)
{
    const Value& generator = a[0].as<GeneratorContextManager>().generator;
    const Values& details = python::star_args(a[1]);
    Value type = details.size() > 0 ? details[0] : Value();
    Value value = details.size() > 1 ? details[1] : Value();
    if (type.is_none()) {
        Value out;
        if (advance(ctx, generator, out))
            python::raise(ErrorKind::RuntimeError, "generator didn't stop");
        return Value::boolean(false);
    }
    std::optional<ErrorKind> incoming;
    if (value.is(interp::Type::Exception))
        incoming = value.as<interp::ExceptionObject>().kind;
    try {
        Value args[] = { value };
        call_method(ctx, generator, "throw", args);
    } catch (RambaError& error) {
        if (error.kind() == ErrorKind::StopIteration && incoming != ErrorKind::StopIteration)
            return Value::boolean(true);
        // The same exception let out: `with` re-raises the original.
        if (incoming && error.kind() == *incoming)
            return Value::boolean(false);
        throw;
    }
    python::raise(ErrorKind::RuntimeError, "generator didn't stop after throw()");
}

constexpr BuiltinSpec generator_manager_methods[] = {
    { "__enter__", "(self, /)", generator_enter, "Run the generator to its yield; returns the yielded value." },
    { "__exit__", "(self, /, *exc_info)", generator_exit, "Finish the generator, or throw the exception in at its yield." },
};

const TypeInfo& GeneratorContextManager::type_info() const
{
    static const TypeInfo info { .name = "contextlib._GeneratorContextManager", .methods = generator_manager_methods, .attributes = {} };
    return info;
}

Value factory_call(CallContext& ctx, const Value& self, std::span<const Value> args, std::span<const std::pair<std::string, Value>> keywords)
{
    Value generator = ctx.call(self.as<ContextManagerFactory>().function, args, keywords);
    return python::make_opaque<GeneratorContextManager>(std::move(generator));
}

std::string factory_repr(CallContext& ctx, const Value& self)
{
    return interp::repr_value(ctx, self.as<ContextManagerFactory>().function);
}

const TypeInfo& ContextManagerFactory::type_info() const
{
    static const TypeInfo info = [] {
        TypeInfo t {};
        t.name = "function";
        t.call = factory_call;
        t.repr = factory_repr;
        t.str = factory_repr;
        return t;
    }();
    return info;
}

Value cl_contextmanager(CallContext&, std::span<Value> a) { return python::make_opaque<ContextManagerFactory>(a[0]); }

// ---- suppress, nullcontext, closing

struct SimpleManager final : OpaqueObject {
    enum class Kind : uint8_t { Suppress, Null, Closing } kind;
    Value held; // suppress: the exception classes (a tuple); nullcontext: enter_result; closing: thing
    SimpleManager(Kind k, Value h) : kind(k), held(std::move(h)) { }
    const TypeInfo& type_info() const override;
};

Value simple_enter(CallContext&, std::span<Value> a)
{
    auto& self = a[0].as<SimpleManager>();
    return self.kind == SimpleManager::Kind::Suppress ? Value() : self.held;
}

Value simple_exit(CallContext& ctx, std::span<Value> a)
{
    auto& self = a[0].as<SimpleManager>();
    const Values& details = python::star_args(a[1]);
    switch (self.kind) {
    case SimpleManager::Kind::Suppress:
        if (details.size() > 1 && !details[1].is_none() && !self.held.as<interp::TupleObject>().items.empty())
            return Value::boolean(interp::is_instance(ctx, details[1], self.held));
        return Value::boolean(false);
    case SimpleManager::Kind::Null:
        return Value();
    case SimpleManager::Kind::Closing:
        call_method(ctx, self.held, "close", {});
        return Value();
    }
    return Value();
}

constexpr BuiltinSpec simple_manager_methods[] = {
    { "__enter__", "(self, /)", simple_enter, "Enter the context." },
    { "__exit__", "(self, /, *exc_info)", simple_exit, "Leave the context." },
};

const TypeInfo& SimpleManager::type_info() const
{
    static const TypeInfo suppress { .name = "contextlib.suppress", .methods = simple_manager_methods, .attributes = {} };
    static const TypeInfo null { .name = "contextlib.nullcontext", .methods = simple_manager_methods, .attributes = {} };
    static const TypeInfo closing { .name = "contextlib.closing", .methods = simple_manager_methods, .attributes = {} };
    return kind == Kind::Suppress ? suppress : kind == Kind::Null ? null : closing;
}

Value cl_suppress(CallContext&, std::span<Value> a) { return python::make_opaque<SimpleManager>(SimpleManager::Kind::Suppress, a[0]); }
Value cl_nullcontext(CallContext&, std::span<Value> a) { return python::make_opaque<SimpleManager>(SimpleManager::Kind::Null, a[0]); }
Value cl_closing(CallContext&, std::span<Value> a) { return python::make_opaque<SimpleManager>(SimpleManager::Kind::Closing, a[0]); }

constexpr BuiltinSpec contextlib_rows[] = {
    { "contextmanager", "(func, /)", cl_contextmanager, "@contextmanager decorator: a generator function that yields once becomes a context manager factory." },
    { "suppress", "(*exceptions)", cl_suppress, "Context manager to suppress the specified exceptions." },
    { "nullcontext", "(enter_result=None)", cl_nullcontext, "Context manager that does no additional processing; __enter__ returns enter_result." },
    { "closing", "(thing, /)", cl_closing, "Context to automatically close something at the end of a block." },
};

} // namespace

interp::Ref<interp::ModuleObject> make_contextlib_module() { return python::module_of_rows("contextlib", contextlib_rows); }

} // namespace ramba::stdlib
