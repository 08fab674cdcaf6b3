// Generators: a call of a function whose body yields makes a GeneratorObject; its body runs on a
// fiber (fiber.hpp) of its own, so a `yield` anywhere in the tree walk suspends it with its C++ and
// value stacks intact. Also generator expressions, `yield from`, send/throw/close and PEP 479.
#include "interpreter/errors/messages.hpp"
#include "interpreter/eval/fiber.hpp"
#include "interpreter/eval/interpreter.hpp"
#include "interpreter/values/native_depth.hpp"

namespace ramba::interp {

namespace {
// As the evaluator keeps for calls (interpreter.cpp): natives called from the deepest frame of a
// generator body still have this much of its stack.
constexpr size_t fiber_stack_reserve_bytes = 256 * 1024;

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

struct GeneratorObject final : IteratorObject {
    enum class State : uint8_t { Created, Suspended, Running, Finished };

    Interpreter& interpreter;
    Value function; // the FunctionObject: keeps the body's AST alive
    Values locals;
    Frame frame;
    State state { State::Created };
    Fiber* fiber { nullptr };
    Value transfer;               // the value yielded, sent in, or returned
    std::exception_ptr error;     // thrown in (throw(), close()) or raised out of the body
    std::vector<std::exception_ptr> handling; // the body's `except` blocks while it is suspended

    GeneratorObject(Interpreter& owner, Value function_value)
        : interpreter(owner)
        , function(std::move(function_value))
    {
    }

    ~GeneratorObject() override
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

    std::string_view type_name() const override { return "generator"; }
    std::span<const BuiltinSpec> methods() const override;
    bool next(CallContext&, Value& out) override { return resume(Value(), nullptr, out, Keep::Yes); }

    // Whether to hold a reference while the body runs (not from the destructor: the count is 0).
    enum class Keep : bool { No, Yes };

    // Runs the body until it yields (true, the value in `out`) or returns (false, its value in
    // `out`); what it raises propagates.
    [[gnu::always_inline]] bool resume(Value sent, std::exception_ptr thrown, Value& out, Keep keep)
    {
        if (state == State::Running)
            throw RambaError(ErrorKind::ValueError, "generator already executing");
        if (state == State::Finished) {
            if (thrown)
                std::rethrow_exception(thrown);
            out = Value();
            return false;
        }
        Interpreter& in = interpreter;
        if (in.m_depth + 1 >= static_cast<uint64_t>(recursion_limit())) [[unlikely]]
            throw RambaError(ErrorKind::RecursionError, std::string(messages::recursion_depth));
        if (state == State::Created) {
            if (thrown) {
                state = State::Finished;
                locals.clear();
                std::rethrow_exception(thrown);
            }
            if (!sent.is_none())
                throw RambaError(ErrorKind::TypeError, "can't send non-None value to a just-started generator");
            fiber = Fiber::acquire(&GeneratorObject::entry, this);
        }
        Ref<GeneratorObject> hold(keep == Keep::Yes ? this : nullptr);
        transfer = std::move(sent);
        error = std::move(thrown);

        Frame* caller_frame = in.m_frame;
        uint32_t caller_depth = in.m_depth;
        SourceSpan caller_span = in.m_current_span;
        GeneratorObject* caller_generator = in.m_generator;
        const char* caller_limit = in.m_stack_limit;
        Value caller_return = std::move(in.m_return_value);
        if (!t_native_floor_known) [[unlikely]]
            check_native_stack(""); // finds the thread's floor before the fiber's replaces it
        const char* caller_floor = std::exchange(t_native_floor, fiber->native_floor());
        in.m_frame = &frame;
        in.m_depth = caller_depth + 1;
        in.m_generator = this;
        in.m_stack_limit = fiber->stack_low() + fiber_stack_reserve_bytes;
        in.m_stack.swap(fiber->values());
        std::swap(in.m_handling, handling);
        state = State::Running;

        fiber->switch_in();

        std::swap(in.m_handling, handling);
        in.m_stack.swap(fiber->values());
        t_native_floor = caller_floor;
        in.m_frame = caller_frame;
        in.m_depth = caller_depth;
        in.m_generator = caller_generator;
        in.m_stack_limit = caller_limit;
        in.m_current_span = caller_span;
        in.m_return_value = std::move(caller_return);

        if (state == State::Suspended) {
            out = std::move(transfer);
            return true;
        }
        // Finished: the fiber has unwound its body and goes back to the pool.
        Fiber::release(fiber);
        fiber = nullptr;
        locals.clear();
        handling.clear();
        if (error)
            std::rethrow_exception(std::exchange(error, nullptr));
        out = std::move(transfer);
        return false;
    }

    // close(): GeneratorExit at the yield; RuntimeError if the body yields again.
    void close(Keep keep)
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

    static void entry(void* argument)
    {
        auto* self = static_cast<GeneratorObject*>(argument);
        self->fiber->entered();
        self->run();
        self->fiber->finish();
    }

    // On the fiber: the body, start to end.
    void run()
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
};

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

Value Interpreter::suspend(Value value)
{
    GeneratorObject* generator = m_generator;
    RAMBA_ASSERT(generator, "a yield runs only in a generator's body, on its fiber");
    generator->transfer = std::move(value);
    generator->state = GeneratorObject::State::Suspended;
    generator->fiber->switch_out();
    if (generator->error)
        std::rethrow_exception(std::exchange(generator->error, nullptr));
    return std::move(generator->transfer);
}

[[gnu::noinline]] Value Interpreter::eval_yield(const ast::YieldExpr& expression)
{
    if (!expression.from)
        return suspend(expression.value ? eval(*expression.value) : Value());
    Value source = eval(*expression.value);
    if (source.is(Type::Iterator) && source.as<IteratorObject>().type_name() == "generator") {
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
            throw;
        }
    }
    return result;
}

} // namespace ramba::interp
