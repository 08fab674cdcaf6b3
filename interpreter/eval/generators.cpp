// Generators: a call of a function whose body yields makes a GeneratorObject; its body runs on a
// fiber (fiber.hpp) of its own, so a `yield` anywhere in the tree walk suspends it with its C++ and
// value stacks intact. Also generator expressions, `yield from`, send/throw/close and PEP 479.
#include "interpreter/eval/generator.hpp"

namespace ramba::interp {

namespace {
// Thrown into a generator that is being destroyed and did not finish on GeneratorExit: no Python
// `except` catches it (they catch RambaError), so the body's C++ frames unwind and release what they hold.
struct GeneratorUnwind { };

[[noreturn]] void raise_stop_iteration(CallContext& context, Value value)
{
    Values args;
    if (!value.is_none())
        args.push_back(std::move(value));
    Value exception = make_exception(context, ErrorKind::StopIteration, std::move(args));
    std::string message = exception.as<ExceptionObject>().message;
    throw ThrownException(ErrorKind::StopIteration, std::move(message), std::move(exception));
}

std::exception_ptr exception_to_throw(CallContext& context, const Value& type, const Value& value)
{
    bool is_class = type.is(Type::Class) && type.as<ClassObject>().error_kind.has_value();
    if (!is_class && !type.is(Type::Exception) && !(is_user_instance(type) && user_class_of(type)->error_kind))
        throw RambaError(ErrorKind::TypeError, "exceptions must be classes or instances deriving from BaseException, not " + std::string(type_name(type)));
    try {
        if (type.is(Type::Class) && !value.is_none() && !is_missing_argument(value)) {
            if (value.is(Type::Exception) || is_user_instance(value))
                raise_value(context, value);
            Value arguments[1] = { value };
            raise_value(context, context.call(type, arguments));
        }
        raise_value(context, type);
    } catch (...) {
        return std::current_exception();
    }
}
}

GeneratorObject::~GeneratorObject()
{
    if (state != State::Suspended)
        return;
    // Python closes a generator it frees: GeneratorExit at the yield, so `finally` blocks run.
    try {
        close(Keep::No);
    } catch (...) {
    }
    while (state == State::Suspended) {
        Value ignored;
        try {
            resume(Value(), std::make_exception_ptr(GeneratorUnwind {}), ignored, Keep::No);
        } catch (...) {
        }
    }
}

void GeneratorObject::close(Keep keep)
{
    if (state == State::Created) {
        state = State::Finished;
        locals.clear();
        return;
    }
    if (state != State::Suspended)
        return;
    Value out;
    bool yielded;
    try {
        yielded = resume(Value(), std::make_exception_ptr(RambaError(ErrorKind::GeneratorExit, "")), out, keep);
    } catch (RambaError& raised) {
        if (raised.kind() == ErrorKind::GeneratorExit || raised.kind() == ErrorKind::StopIteration)
            return;
        throw;
    }
    if (yielded)
        throw RambaError(ErrorKind::RuntimeError, "generator ignored GeneratorExit");
}

void GeneratorObject::entry(void* argument)
{
    auto* self = static_cast<GeneratorObject*>(argument);
    self->fiber->entered();
    self->run();
    self->fiber->finish();
}

void GeneratorObject::run()
{
    Interpreter& in = interpreter;
    auto& code = function.as<FunctionObject>();
    try {
        if (in.exec_statements(code.info->body) == Completion::Return)
            transfer = std::move(in.m_return_value);
        else
            transfer = Value();
    } catch (RambaError& raised) {
        in.note_error_origin(code);
        raised.leave_frame(code.name, code.filename, code.source, {}); // the resumer's place comes later
        // PEP 479: a StopIteration escaping the body would end the loop that consumes it silently.
        if (raised.kind() == ErrorKind::StopIteration)
            error = std::make_exception_ptr(RambaError(ErrorKind::RuntimeError, "generator raised StopIteration", raised.span()));
        else
            error = std::current_exception();
        transfer = Value();
    } catch (...) {
        error = std::current_exception();
        transfer = Value();
    }
    state = State::Finished;
}

bool GeneratorObject::next(CallContext&, Value& out) { return resume(Value(), nullptr, out, Keep::Yes); }

namespace {
GeneratorObject& generator_of(const Value& self) { return static_cast<GeneratorObject&>(self.as<IteratorObject>()); }

Value generator_send(CallContext& context, std::span<Value> a)
{
    Value out;
    if (!generator_of(a[0]).resume(a[1], nullptr, out, GeneratorObject::Keep::Yes))
        raise_stop_iteration(context, std::move(out));
    return out;
}

Value generator_next(CallContext& context, std::span<Value> a)
{
    Value out;
    if (!generator_of(a[0]).resume(Value(), nullptr, out, GeneratorObject::Keep::Yes))
        raise_stop_iteration(context, std::move(out));
    return out;
}

Value generator_throw(CallContext& context, std::span<Value> a)
{
    Value out;
    if (!generator_of(a[0]).resume(Value(), exception_to_throw(context, a[1], a[2]), out, GeneratorObject::Keep::Yes))
        raise_stop_iteration(context, std::move(out));
    return out;
}

Value generator_close(CallContext&, std::span<Value> a)
{
    generator_of(a[0]).close(GeneratorObject::Keep::Yes);
    return Value();
}

Value generator_iter(CallContext&, std::span<Value> a) { return a[0]; }

const BuiltinSpec generator_methods[] = {
    { "send", "(self, value, /)", generator_send, "Send a value into the generator: the value of the current yield; returns the next yielded value or raises StopIteration." },
    { "throw", "(self, type, value=<missing>, traceback=None, /)", generator_throw, "Raise an exception in the generator at its yield; returns the next yielded value or raises StopIteration." },
    { "close", "(self, /)", generator_close, "Raise GeneratorExit inside the generator." },
    { "__next__", "(self, /)", generator_next, "Implement next(self)." },
    { "__iter__", "(self, /)", generator_iter, "Implement iter(self)." },
};
}

std::span<const BuiltinSpec> GeneratorObject::methods() const { return generator_methods; }

Value Interpreter::make_generator(const FunctionObject& function, Frame& frame)
{
    uint32_t count = function.info->num_locals;
    auto generator = make_object<GeneratorObject>(*this, Value::object(Type::Function, Ref<FunctionObject>(const_cast<FunctionObject*>(&function))));
    generator->locals.reserve(count);
    for (uint32_t i = 0; i < count; ++i)
        generator->locals.push_back(std::move(frame.locals[i]));
    generator->frame.locals = generator->locals.data();
    generator->frame.function = &function;
    generator->frame.cells.swap(frame.cells);
    return Value::object(Type::Iterator, std::move(generator));
}


[[gnu::noinline]] Value Interpreter::eval_yield(const ast::YieldExpr& expression)
{
    if (!expression.from)
        return suspend(expression.value ? eval(*expression.value) : Value());
    Value source = eval(*expression.value);
    if (is_generator(source)) {
        // Delegation: what is sent or thrown in goes to the inner generator.
        auto& inner = generator_of(source);
        Value sent;
        std::exception_ptr thrown;
        for (;;) {
            Value out;
            if (!inner.resume(std::move(sent), std::exchange(thrown, nullptr), out, GeneratorObject::Keep::Yes))
                return out;
            try {
                sent = suspend(std::move(out));
            } catch (RambaError& raised) {
                if (raised.kind() == ErrorKind::GeneratorExit) {
                    inner.close(GeneratorObject::Keep::Yes);
                    throw;
                }
                thrown = std::current_exception();
            }
        }
    }
    Value iterator;
    try {
        m_current_span = expression.value->span;
        iterator = iterate(*this, source);
    } catch (RambaError& error) {
        error.set_span_if_unknown(expression.value->span);
        throw;
    }
    Value item;
    while (iterator.as<IteratorObject>().next(*this, item))
        suspend(std::move(item));
    return Value();
}

[[gnu::noinline]] Value Interpreter::eval_generator_expression(const ast::GeneratorExpExpr& expression)
{
    Value iterable = eval(*expression.iterable);
    Value arguments[1];
    try {
        m_current_span = expression.iterable->span;
        arguments[0] = iterate(*this, iterable);
    } catch (RambaError& error) {
        error.set_span_if_unknown(expression.iterable->span);
        error.set_next_position(expression.span); // Python: the generator expression's place
        throw;
    }
    Value function = make_function(expression.function, expression.function->name);
    return call_function(function.as<FunctionObject>(), arguments, {}, expression.span);
}

[[gnu::noinline]] Value Interpreter::eval_set(const ast::SetExpr& expression)
{
    Value result = make_set();
    for (const auto& element : expression.elements) {
        if (element->kind == ast::ExprKind::Starred) {
            Value iterable = eval(*static_cast<const ast::StarredExpr&>(*element).value);
            m_current_span = element->span;
            for (auto& item : to_vector(*this, iterable))
                set_add(*this, result, item);
            continue;
        }
        Value item = eval(*element);
        try {
            m_current_span = element->span;
            set_add(*this, result, item);
        } catch (RambaError& error) {
            error.set_span_if_unknown(element->span);
            error.set_next_position(expression.span); // Python: the set display's place
            throw;
        }
    }
    return result;
}

} // namespace ramba::interp
