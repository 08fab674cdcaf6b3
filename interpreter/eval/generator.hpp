// GeneratorObject: what a call of a generator function returns; its body runs on a fiber (fiber.hpp)
// of its own. Used by generators.cpp, and by the evaluator's loops to resume without a virtual call.
#pragma once

#include <exception>
#include <vector>

#include "interpreter/errors/messages.hpp"
#include "interpreter/eval/fiber.hpp"
#include "interpreter/eval/interpreter.hpp"
#include "interpreter/values/native_depth.hpp"

namespace ramba::interp {

// As the evaluator keeps for calls (interpreter.cpp): natives called from the deepest frame of a
// generator body still have this much of its stack.
inline constexpr size_t fiber_stack_reserve_bytes = 256 * 1024;

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

    ~GeneratorObject() override;

    std::string_view type_name() const override { return "generator"; }
    std::span<const BuiltinSpec> methods() const override;
    bool next(CallContext&, Value& out) override;

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
        ModuleScope* caller_scope = in.m_scope;
        uint32_t caller_depth = in.m_depth;
        SourceSpan caller_span = in.m_current_span;
        GeneratorObject* caller_generator = in.m_generator;
        const char* caller_limit = in.m_stack_limit;
        Value caller_return = std::move(in.m_return_value);
        if (!t_native_floor_known) [[unlikely]]
            check_native_stack(""); // finds the thread's floor before the fiber's replaces it
        const char* caller_floor = std::exchange(t_native_floor, fiber->native_floor());
        in.m_frame = &frame;
        in.m_scope = function.as<FunctionObject>().scope;
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
        in.m_scope = caller_scope;
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
    void close(Keep keep);

    static void entry(void* argument);

    // On the fiber: the body, start to end.
    void run();
};

// The yield: hands `value` to whoever resumed the running generator and returns what the next
// resume sends. Inline where a yield statement runs (see Fiber::switch_in on why).
[[gnu::always_inline]] inline Value Interpreter::suspend(Value value)
{
    GeneratorObject* generator = m_generator;
    RAMBA_ASSERT(generator, "a yield runs only in a generator's body, on its fiber");
    generator->transfer = std::move(value);
    generator->state = GeneratorObject::State::Suspended;
    generator->fiber->switch_out();
    if (generator->error) [[unlikely]]
        std::rethrow_exception(std::exchange(generator->error, nullptr));
    return std::move(generator->transfer);
}

// A generator of a user function (a native iterator may call itself "generator", as os.walk's does).
inline bool is_generator(const Value& value)
{
    return value.is(Type::Iterator) && dynamic_cast<const GeneratorObject*>(&value.as<IteratorObject>()) != nullptr;
}

} // namespace ramba::interp
