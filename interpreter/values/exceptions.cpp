// Exception values: the builtin exception classes (one per ErrorKind), instances made by calling them,
// and the bridge between RambaError (what C++ throws) and Exception values (what `except E as e` binds).
#include <array>

#include "interpreter/values/internal.hpp"
#include "interpreter/values/user_classes.hpp"

namespace ramba::interp {

namespace {

constexpr size_t kind_count = 0
#define RAMBA_X(kind, parent) +1
    RAMBA_ERROR_KINDS(RAMBA_X)
#undef RAMBA_X
    ;

std::string exception_message(CallContext& ctx, ErrorKind kind, const Values& args)
{
    if (args.empty())
        return "";
    if (args.size() == 1)
        return kind == ErrorKind::KeyError ? repr_value(ctx, args[0]) : str_value(ctx, args[0]);
    return repr_value(ctx, make_tuple(args));
}

template<ErrorKind Kind>
Value construct_exception(CallContext& ctx, std::span<Value> args)
{
    return make_exception(ctx, Kind, args[0].as<TupleObject>().items);
}

bool exception_is_instance(const Value& value, const ClassObject& self)
{
    return value.is(Type::Exception) && error_kind_is_subclass(value.as<ExceptionObject>().kind, *self.error_kind);
}

const std::array<BuiltinSpec, kind_count>& constructor_specs()
{
    static const std::array<BuiltinSpec, kind_count> specs = { {
#define RAMBA_X(kind, parent) { #kind, "(*args)", construct_exception<ErrorKind::kind>, "Create an exception: " #kind "(message)." },
        RAMBA_ERROR_KINDS(RAMBA_X)
#undef RAMBA_X
    } };
    return specs;
}

} // namespace

Value make_exception(CallContext& ctx, ErrorKind kind, Values args)
{
    auto exception = make_object<ExceptionObject>(kind, exception_message(ctx, kind, args));
    exception->args = std::move(args);
    return Value::object(Type::Exception, std::move(exception));
}

const Value& exception_class(ErrorKind kind)
{
    static const std::array<Value, kind_count> classes = [] {
        std::array<Value, kind_count> out;
        for (size_t i = 0; i < kind_count; ++i) {
            auto cls = make_object<ClassObject>();
            auto k = static_cast<ErrorKind>(i);
            cls->name = error_kind_name(k);
            cls->constructor = make_builtin(&constructor_specs()[i]);
            cls->is_instance = exception_is_instance;
            cls->error_kind = k;
            out[i] = Value::object(Type::Class, std::move(cls));
        }
        // Bases and MRO along the parent chain, so user exception classes can derive from these.
        for (size_t i = 0; i < kind_count; ++i) {
            auto& cls = out[i].as<ClassObject>();
            auto kind = static_cast<ErrorKind>(i);
            auto parent = error_kind_parent(kind);
            cls.bases = { parent == kind ? core_class(Type::Opaque) : out[static_cast<size_t>(parent)] };
            for (auto k = kind;; k = error_kind_parent(k)) {
                cls.mro.push_back(&out[static_cast<size_t>(k)].as<ClassObject>());
                if (error_kind_parent(k) == k)
                    break;
            }
            cls.mro.push_back(&core_class(Type::Opaque).as<ClassObject>());
        }
        return out;
    }();
    return classes[static_cast<size_t>(kind)];
}

Value exception_value(const RambaError& error)
{
    if (auto* thrown = dynamic_cast<const ThrownException*>(&error))
        return thrown->instance();
    auto exception = make_object<ExceptionObject>(error.kind(), error.message());
    if (!error.message().empty())
        exception->args.push_back(make_str(error.message()));
    return Value::object(Type::Exception, std::move(exception));
}

void raise_value(CallContext& ctx, const Value& value)
{
    if (value.is(Type::Exception)) {
        auto& e = value.as<ExceptionObject>();
        if (e.cls)
            e.message = exception_text(ctx, value);
        throw ThrownException(e.kind, e.message, value);
    }
    if (value.is(Type::Class) && value.as<ClassObject>().error_kind) {
        Value instance = value.as<ClassObject>().is_user() ? ctx.call(value, {}) : call_builtin(ctx, value, {}, {});
        raise_value(ctx, instance);
    }
    throw_error(ErrorKind::TypeError, "exceptions must derive from BaseException");
}

bool exception_matches(CallContext& ctx, const RambaError& error, const Value& class_or_tuple)
{
    if (class_or_tuple.is(Type::Tuple)) {
        for (auto& item : class_or_tuple.as<TupleObject>().items) {
            if (exception_matches(ctx, error, item))
                return true;
        }
        return false;
    }
    if (class_or_tuple.is(Type::Class) && class_or_tuple.as<ClassObject>().error_kind) {
        auto& cls = class_or_tuple.as<ClassObject>();
        auto* thrown = dynamic_cast<const ThrownException*>(&error);
        if (thrown && thrown->instance().is(Type::Exception) && thrown->instance().as<ExceptionObject>().cls)
            return class_is_subclass(*thrown->instance().as<ExceptionObject>().cls, cls);
        if (cls.is_user())
            return false; // a builtin error is no instance of a user class
        return error_kind_is_subclass(error.kind(), *cls.error_kind);
    }
    throw_error(ErrorKind::TypeError, "catching classes that do not inherit from BaseException is not allowed");
}

void throw_key_error(CallContext& ctx, const Value& key)
{
    Value instance = make_exception(ctx, ErrorKind::KeyError, { key });
    throw ThrownException(ErrorKind::KeyError, instance.as<ExceptionObject>().message, instance);
}

} // namespace ramba::interp

namespace ramba::interp {

void raise_system_exit(CallContext& ctx, const Value& code)
{
    Value instance = make_exception(ctx, ErrorKind::SystemExit, code.is_none() ? Values {} : Values { code });
    throw ThrownException(ErrorKind::SystemExit, instance.as<ExceptionObject>().message, instance);
}

int system_exit_status(CallContext&, const RambaError& error, std::string& message)
{
    message.clear();
    Value instance = exception_value(error);
    auto& args = instance.as<ExceptionObject>().args;
    if (args.empty() || (args.size() == 1 && args[0].is_none()))
        return 0;
    if (args.size() == 1 && (args[0].is(Type::Int) || args[0].is(Type::Bool)))
        return static_cast<int>(args[0].as_int());
    message = instance.as<ExceptionObject>().message;
    return 1;
}

} // namespace ramba::interp
