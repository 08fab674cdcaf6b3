// The evaluator's statements: blocks, control flow (as Completion codes), try/except/finally,
// imports, assert/raise/del, and the module entry point run().
#if !defined(__clang__) // clang has no per-file optimize pragma (its sanitizer builds run at -O1)
#pragma GCC optimize("O3") // measured: 10^7-iteration loop 1.7x faster than at -O2
#endif
#include "interpreter/eval/interpreter.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <pthread.h>

#include "engine/array/cast.hpp"
#include "engine/vm/profile.hpp"
#include "interpreter/errors/messages.hpp"
#include "interpreter/errors/report.hpp"
#include "interpreter/eval/arith.hpp"
#include "interpreter/eval/generator.hpp"
#include "interpreter/eval/interrupt.hpp"
#include "interpreter/values/native_depth.hpp"

namespace ramba::interp {

void install_function_hooks(Interpreter&); // call.cpp
void install_import_hooks(Interpreter&);   // imports.cpp
void uninstall_import_hooks(Interpreter&); // imports.cpp

namespace {
// Room for every frame of a recursion at the limit, even with large functions; only touched pages
// cost memory.
constexpr size_t value_stack_capacity = size_t(1) << 22;
// Keep this much C++ stack in reserve below the deepest allowed call: natives called from the
// deepest frame (printing, sorting) still have room.
constexpr size_t stack_reserve_bytes = 256 * 1024;

const char* compute_stack_limit()
{
    return stack_floor(stack_reserve_bytes);
}

// The interpreter running on this thread: the engine's warnings ("Category: message\n", from
// casts) are reported through it, with the position of the statement that caused them.
thread_local Interpreter* t_running = nullptr;

void forward_engine_warning(const std::string& text)
{
    std::string_view line(text);
    if (line.ends_with('\n'))
        line.remove_suffix(1);
    size_t colon = line.find(": ");
    if (!t_running || colon == std::string_view::npos) {
        std::fputs(text.c_str(), stderr);
        return;
    }
    t_running->warn(line.substr(0, colon), line.substr(colon + 2));
}
}

Interpreter::Interpreter()
    : m_stack(value_stack_capacity)
    , m_stack_limit(compute_stack_limit())
{
    install_function_hooks(*this);
    install_import_hooks(*this);
    m_main = std::make_shared<ModuleScope>();
    m_main->name = "__main__";
    m_scope = m_main.get();
    // Python: the module being run is `__main__`, so `if __name__ == "__main__":` guards run.
    uint32_t name_slot = m_scope->table.slot_of("__name__");
    m_scope->globals.resize(name_slot + 1, unbound_value());
    m_scope->builtin_cache.resize(name_slot + 1, unbound_value());
    m_scope->globals[name_slot] = make_str("__main__");
}

Interpreter::~Interpreter()
{
    uninstall_import_hooks(*this);
    // Generators held by globals run their `finally` blocks when freed, on this interpreter. Clearing
    // the globals also breaks the cycles module -> function -> module; an overlay's scope stays, as
    // its functions live in a native module for the whole process.
    auto release = [](ModuleScope& scope) {
        scope.globals.clear();
        scope.builtin_cache.clear();
        scope.object.reset();
    };
    release(*m_main);
    for (auto& [name, scope] : m_source_modules) {
        if (!scope->overlay)
            release(*scope);
    }
    if (t_running == this)
        t_running = nullptr;
}

void Interpreter::run(const ast::Module& module, Echo echo)
{
    m_scope = m_main.get();
    size_t slots = m_scope->table.names.size();
    if (m_scope->globals.size() < slots) {
        m_scope->globals.resize(slots, unbound_value());
        m_scope->builtin_cache.resize(slots, unbound_value());
    }
    m_scope->filename = module.filename;
    m_scope->source = module.source;
    m_stack_limit = compute_stack_limit(); // run() may be called from another thread than the constructor
    t_running = this;
    engine::set_warning_sink(forward_engine_warning);
    reset_error_origin();
    m_suggestion = {};
    m_echo = echo;
    for (auto& entry : m_method_cache)
        entry = {};

    StackMark mark(m_stack);
    if (!m_stack.has_room(module.num_locals))
        throw RambaError(ErrorKind::MemoryError, "stack overflow");
    m_stack.push_unbound(module.num_locals);
    Frame frame;
    frame.locals = mark.mark();
    Frame* saved = m_frame;
    m_frame = &frame;
    try {
        exec_block(module.body);
    } catch (RambaError& error) {
        m_frame = saved;
        m_echo = Echo::No;
        error.leave_frame("<module>", m_scope->filename, m_scope->source, {});
        if (!m_error_origin_known) {
            m_error_origin = { m_scope->filename, m_scope->source };
            m_error_origin_known = true;
        }
        throw;
    } catch (...) {
        m_frame = saved;
        m_echo = Echo::No;
        throw;
    }
    m_frame = saved;
    m_echo = Echo::No;
}

std::optional<Value> Interpreter::global(std::string_view name) const
{
    auto slot = m_main->table.find(std::string(name));
    if (!slot || *slot >= m_main->globals.size() || is_unbound(m_main->globals[*slot]))
        return std::nullopt;
    return m_main->globals[*slot];
}

bool Interpreter::interrupt_requested() const
{
    return g_interrupt_requested.load(std::memory_order_relaxed);
}

std::vector<std::string> Interpreter::bound_global_names() const
{
    std::vector<std::string> names;
    for (size_t i = 0; i < m_main->globals.size() && i < m_main->table.names.size(); ++i) {
        if (!is_unbound(m_main->globals[i]))
            names.push_back(m_main->table.names[i]);
    }
    return names;
}

void Interpreter::write_stdout(std::string_view text)
{
    if (m_capture) {
        m_capture->append(text);
        return;
    }
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size() && errno == EPIPE) [[unlikely]]
        std::_Exit(128 + SIGPIPE); // stdout's reader left (SIGPIPE ignored): end quietly, as SIGPIPE would
}

void Interpreter::write_stderr(std::string_view text)
{
    std::fflush(stdout); // keep the order the script wrote in when both go to one terminal or file
    std::fwrite(text.data(), 1, text.size(), stderr);
}

void Interpreter::warn(std::string_view category, std::string_view message)
{
    // The source line is shown only when the file can be read: not for "<string>" or "<stdin>".
    bool in_library = m_scope->library;
    const std::string& filename = in_library ? m_library_entry.filename
        : m_frame && m_frame->function ? m_frame->function->filename : m_scope->filename;
    const auto& source = in_library ? m_library_entry.source
        : m_frame && m_frame->function ? m_frame->function->source : m_scope->source;
    uint32_t line = in_library ? m_library_entry.span.line : m_current_span.line;
    std::string text = std::string(category) + ": " + std::string(message);
    if (!m_warnings_shown.emplace(filename, line, text).second)
        return;
    write_stderr(format_warning_report(filename, line, text, filename.starts_with("<") ? nullptr : source.get()));
}

// ---------------------------------------------------------------------------------------------
// Statements

Completion Interpreter::exec_block(const ast::Block& block)
{
    if (vm::profile::enabled()) [[unlikely]] {
        // --profile: each top-level and block statement timed (function bodies run unprofiled
        // statement by statement; their kernels are still counted).
        for (const auto& statement : block) {
            Completion completion = exec_profiled(*statement);
            if (completion != Completion::Normal) [[unlikely]]
                return completion;
            if (!statement->release_after.empty()) [[unlikely]]
                release(statement->release_after);
        }
        return Completion::Normal;
    }
    return exec_statements(block);
}

void Interpreter::release(const std::vector<ast::NameRef>& names)
{
    for (const auto& name : names) {
        // A suspended generator stays until the program ends, as in Python: freeing it would run
        // its `finally` blocks early.
        if (const Value* value = bound_slot(name); value && is_generator(*value))
            continue;
        switch (name.scope) {
        case ast::NameScope::Local:
            m_frame->locals[name.index] = unbound_value();
            break;
        case ast::NameScope::Cell:
            if (auto& cell = m_frame->cells[name.index]) {
                cell->value = Value();
                cell->bound = false;
            }
            break;
        case ast::NameScope::Global:
            if (name.index < m_scope->globals.size())
                m_scope->globals[name.index] = unbound_value();
            break;
        case ast::NameScope::Unresolved:
            break;
        }
    }
}

Completion Interpreter::exec(const ast::Stmt& statement)
{
    using ast::StmtKind;
    switch (statement.kind) {
    case StmtKind::Expr: {
        auto& expression = static_cast<const ast::ExprStmt&>(statement);
        // OPTIMIZATION: `yield value` as a statement suspends from here, two C++ frames shallower:
        // each frame between a yield and the fiber switch costs a mispredicted return per resume.
        if (expression.value->kind == ast::ExprKind::Yield && !static_cast<const ast::YieldExpr&>(*expression.value).from) {
            auto& yield = static_cast<const ast::YieldExpr&>(*expression.value);
            suspend(yield.value ? eval(*yield.value) : Value());
            return Completion::Normal;
        }
        exec_expr_statement(expression);
        return Completion::Normal;
    }
    case StmtKind::Assign: {
        auto& assignment = static_cast<const ast::AssignStmt&>(statement);
        if (assignment.targets.size() == 1) {
            assign(*assignment.targets[0], eval(*assignment.value));
        } else {
            Value value = eval(*assignment.value);
            for (const auto& target : assignment.targets)
                assign(*target, value);
        }
        return Completion::Normal;
    }
    case StmtKind::AugAssign:
        exec_aug_assign(static_cast<const ast::AugAssignStmt&>(statement));
        return Completion::Normal;
    case StmtKind::If:
        return exec_if(static_cast<const ast::IfStmt&>(statement));
    case StmtKind::While:
        return exec_while(static_cast<const ast::WhileStmt&>(statement));
    case StmtKind::For:
        return exec_for(static_cast<const ast::ForStmt&>(statement));
    case StmtKind::FunctionDef:
        exec_function_def(static_cast<const ast::FunctionDefStmt&>(statement));
        return Completion::Normal;
    case StmtKind::Return:
        return exec_return(static_cast<const ast::ReturnStmt&>(statement));
    case StmtKind::Break:
        return Completion::Break;
    case StmtKind::Continue:
        return Completion::Continue;
    case StmtKind::Pass:
    case StmtKind::Global:
    case StmtKind::Nonlocal:
        return Completion::Normal; // scopes were settled by the resolver
    case StmtKind::Delete:
        for (const auto& target : static_cast<const ast::DeleteStmt&>(statement).targets)
            exec_delete(*target);
        return Completion::Normal;
    case StmtKind::Import:
        exec_import(static_cast<const ast::ImportStmt&>(statement));
        return Completion::Normal;
    case StmtKind::ImportFrom:
        exec_import_from(static_cast<const ast::ImportFromStmt&>(statement));
        return Completion::Normal;
    case StmtKind::Assert:
        exec_assert(static_cast<const ast::AssertStmt&>(statement));
        return Completion::Normal;
    case StmtKind::Try:
        return exec_try(static_cast<const ast::TryStmt&>(statement));
    case StmtKind::Raise:
        exec_raise(static_cast<const ast::RaiseStmt&>(statement));
    case StmtKind::ClassDef:
        exec_class_def(static_cast<const ast::ClassDefStmt&>(statement));
        return Completion::Normal;
    case StmtKind::With:
        return exec_with(static_cast<const ast::WithStmt&>(statement), 0);
    }
    RAMBA_ASSERT(false, "every statement kind is handled above");
}

void Interpreter::exec_expr_statement(const ast::ExprStmt& statement)
{
    Value value = eval(*statement.value);
    // Python's interactive mode prints the repr of every top-level expression statement that is not None.
    if (m_echo == Echo::Yes && m_depth == 0 && !value.is_none()) [[unlikely]] {
        m_current_span = statement.span;
        std::string text = repr_value(*this, value);
        text += '\n';
        write_stdout(text);
        m_main->set("_", std::move(value)); // Python's displayhook: `_` is the last echoed value
    }
}

Completion Interpreter::exec_if(const ast::IfStmt& statement)
{
    if (condition(*statement.test))
        return exec_block(statement.body);
    return exec_block(statement.orelse);
}

Completion Interpreter::exec_while(const ast::WhileStmt& statement)
{
    for (;;) {
        if (g_interrupt_requested.load(std::memory_order_relaxed)) [[unlikely]]
            raise_interrupt(statement.span);
        if (!condition(*statement.test))
            break;
        Completion completion = exec_block(statement.body);
        if (completion == Completion::Break)
            return Completion::Normal;
        if (completion == Completion::Return)
            return completion;
    }
    return exec_block(statement.orelse);
}

Completion Interpreter::exec_for(const ast::ForStmt& statement)
{
    Value iterable = eval(*statement.iter);
    // OPTIMIZATION: a plain local loop variable is stored without the generic assignment.
    // A module-level one is stored straight into its slot too (looked up each step: the body may
    // add globals, which can move the slots).
    Value* local_target = nullptr;
    const ast::NameRef* global_target = nullptr;
    if (statement.target->kind == ast::ExprKind::Name) {
        auto& ref = static_cast<const ast::NameExpr&>(*statement.target).ref;
        if (ref.scope == ast::NameScope::Local)
            local_target = &m_frame->locals[ref.index];
        else if (ref.scope == ast::NameScope::Global)
            global_target = &ref;
    }
    auto run_body = [&](Value item) -> Completion {
        if (g_interrupt_requested.load(std::memory_order_relaxed)) [[unlikely]]
            raise_interrupt(statement.span);
        if (local_target)
            *local_target = std::move(item);
        else if (global_target && global_target->index < m_scope->globals.size())
            m_scope->globals[global_target->index] = std::move(item);
        else
            assign(*statement.target, std::move(item));
        return exec_block(statement.body);
    };

    switch (iterable.type()) {
    case Type::Range: {
        // OPTIMIZATION: count directly instead of going through an iterator object.
        auto& range = iterable.as<RangeObject>();
        int64_t step = range.step, stop = range.stop;
        for (int64_t i = range.start; step > 0 ? i < stop : i > stop;) {
            Completion completion = run_body(Value::integer(i));
            if (completion == Completion::Break)
                return Completion::Normal;
            if (completion == Completion::Return)
                return completion;
            if (__builtin_add_overflow(i, step, &i))
                break;
        }
        break;
    }
    case Type::List:
    case Type::Tuple: {
        // Python's list iterator reads the current length each step (appending while iterating
        // visits the new items); indexing does the same without an iterator object.
        const Values& items = iterable.is(Type::List) ? iterable.as<ListObject>().items : iterable.as<TupleObject>().items;
        for (size_t i = 0; i < items.size(); ++i) {
            Completion completion = run_body(items[i]);
            if (completion == Completion::Break)
                return Completion::Normal;
            if (completion == Completion::Return)
                return completion;
        }
        break;
    }
    default: {
        Value iterator;
        try {
            m_current_span = statement.iter->span;
            iterator = iterate(*this, iterable);
        } catch (RambaError& error) {
            error.set_span_if_unknown(statement.iter->span);
            error.set_next_position(whole_line(statement.span));
            throw;
        }
        auto& object = iterator.as<IteratorObject>();
        // OPTIMIZATION: a generator resumes here, without the virtual next() (one C++ frame fewer
        // between the loop and the fiber switch). `iterator` keeps it alive.
        GeneratorObject* generator = is_generator(iterator) ? static_cast<GeneratorObject*>(&object) : nullptr;
        for (;;) {
            Value item;
            bool more;
            try {
                m_current_span = statement.iter->span;
                more = generator ? generator->resume(Value(), nullptr, item, GeneratorObject::Keep::No) : object.next(*this, item);
            } catch (RambaError& error) {
                error.set_span_if_unknown(statement.iter->span);
                error.set_next_position(whole_line(statement.span));
                throw;
            }
            if (!more)
                break;
            Completion completion = run_body(std::move(item));
            if (completion == Completion::Break)
                return Completion::Normal;
            if (completion == Completion::Return)
                return completion;
        }
        break;
    }
    }
    return exec_block(statement.orelse);
}

void Interpreter::exec_aug_assign(const ast::AugAssignStmt& statement)
{
    auto op = statement.op;
    const ast::Expr& target = *statement.target;
    auto combine = [&](const Value& current, const Value& operand) -> Value {
        // Numbers have no in-place form; containers and arrays (`a += b` on a list or ndarray) do.
        if (current.type() <= Type::Complex)
            return binary_slow(op, current, operand, statement.span);
        try {
            m_current_span = statement.span;
            return inplace_op(*this, static_cast<BinaryOp>(op), current, operand);
        } catch (RambaError& error) {
            error.set_span_if_unknown(statement.span);
            throw;
        }
    };

    switch (target.kind) {
    case ast::ExprKind::Name: {
        auto& name = static_cast<const ast::NameExpr&>(target);
        if (name.ref.scope == ast::NameScope::Local) {
            // OPTIMIZATION: a bound local number updated in its slot (`i += 1`, `acc += x * 0.5`).
            // The slot stays put while the operand is evaluated: no other code can rebind a local.
            Value& slot = m_frame->locals[name.ref.index];
            if (slot.is(Type::Int) || slot.is(Type::Float)) {
                int64_t b;
                if (slot.is(Type::Int) && int_expression(*statement.value, b)) {
                    IntArith result = int_arith(op, slot.as_int(), b);
                    if (result.kind == IntArith::Int) {
                        slot = Value::integer(result.integer);
                        return;
                    }
                }
                Value operand = eval(*statement.value);
                Value result;
                if (number_arith(op, slot, operand, result)) {
                    slot = std::move(result);
                    return;
                }
                slot = binary_slow(op, slot, operand, statement.span);
                return;
            }
        }
        Value current = load(name.ref, name.span);
        Value operand = eval(*statement.value);
        // OPTIMIZATION: int and float operands inline (`total += i`, `acc += x * 0.5`).
        Value result;
        if (number_arith(op, current, operand, result)) {
            store(name.ref, std::move(result));
            return;
        }
        result = combine(current, operand);
        current = Value(); // drop our reference first, so an array updated in place is not shared
        store(name.ref, std::move(result));
        return;
    }
    case ast::ExprKind::Subscript: {
        auto& subscript = static_cast<const ast::SubscriptExpr&>(target);
        Value container = eval(*subscript.value);
        Value index = eval_index(*subscript.index);
        Value operand = eval(*statement.value);
        try {
            m_current_span = subscript.span;
            Value current = get_item(*this, container, index);
            Value result = combine(current, operand);
            current = Value();
            set_item(*this, container, index, result);
        } catch (RambaError& error) {
            error.set_span_if_unknown(subscript.span);
            throw;
        }
        return;
    }
    case ast::ExprKind::Attribute: {
        auto& attribute = static_cast<const ast::AttributeExpr&>(target);
        Value object = eval(*attribute.value);
        Value current = get_attribute_of(object, attribute.attr, attribute.span);
        Value operand = eval(*statement.value);
        Value result = combine(current, operand);
        current = Value();
        set_attribute_of(object, attribute.attr, result, attribute.span);
        return;
    }
    default:
        throw RambaError(ErrorKind::SyntaxError, "illegal expression for augmented assignment", target.span);
    }
}

void Interpreter::exec_function_def(const ast::FunctionDefStmt& statement)
{
    // Decorators are evaluated before the function is made, and applied innermost (last) first.
    Values decorators;
    for (const auto& decorator : statement.decorators)
        decorators.push_back(eval(*decorator));
    Value function = make_function(statement.function, statement.function->name);
    for (size_t i = decorators.size(); i-- > 0;)
        function = call_value(decorators[i], std::span<const Value>(&function, 1), {}, statement.decorators[i]->span);
    store(statement.target, std::move(function));
}

void Interpreter::exec_delete(const ast::Expr& target)
{
    switch (target.kind) {
    case ast::ExprKind::Name: {
        auto& name = static_cast<const ast::NameExpr&>(target);
        unbind(name.ref, name.span);
        return;
    }
    case ast::ExprKind::Subscript: {
        auto& subscript = static_cast<const ast::SubscriptExpr&>(target);
        Value container = eval(*subscript.value);
        Value index = eval_index(*subscript.index);
        try {
            m_current_span = subscript.span;
            delete_item(*this, container, index);
        } catch (RambaError& error) {
            error.set_span_if_unknown(subscript.span);
            throw;
        }
        return;
    }
    case ast::ExprKind::Tuple:
    case ast::ExprKind::List: {
        auto& elements = target.kind == ast::ExprKind::Tuple ? static_cast<const ast::TupleExpr&>(target).elements
                                                             : static_cast<const ast::ListExpr&>(target).elements;
        for (const auto& element : elements)
            exec_delete(*element);
        return;
    }
    case ast::ExprKind::Attribute: {
        auto& attribute = static_cast<const ast::AttributeExpr&>(target);
        Value object = eval(*attribute.value);
        try {
            m_current_span = attribute.span;
            delete_attribute(*this, object, attribute.attr);
        } catch (RambaError& error) {
            error.set_span_if_unknown(attribute.span);
            throw;
        }
        return;
    }
    default:
        throw RambaError(ErrorKind::SyntaxError, "cannot delete expression", target.span);
    }
}

void Interpreter::exec_assert(const ast::AssertStmt& statement)
{
    if (condition(*statement.test))
        return;
    Values args;
    if (statement.message)
        args.push_back(eval(*statement.message));
    m_current_span = statement.span;
    Value exception = make_exception(*this, ErrorKind::AssertionError, std::move(args));
    auto& object = exception.as<ExceptionObject>();
    ThrownException error(ErrorKind::AssertionError, object.message, exception, statement.span);
    error.set_next_position(statement.test->span); // Python's traceback marks the test
    throw error;
}

void Interpreter::exec_raise(const ast::RaiseStmt& statement)
{
    if (!statement.exception) {
        if (m_handling.empty())
            throw RambaError(ErrorKind::RuntimeError, std::string(messages::no_active_exception), statement.span);
        std::rethrow_exception(m_handling.back());
    }
    Value exception = eval(*statement.exception);
    try {
        m_current_span = statement.span;
        if (statement.cause) {
            // `raise E from C`: E (made from its class if need be) gets __cause__ C, an exception
            // instance (made from its class too) or None. Uncaught, only E is reported.
            Value cause = eval(*statement.cause);
            m_current_span = statement.span;
            auto instance_of = [&](const Value& value) {
                if (value.is(Type::Class) && value.as<ClassObject>().error_kind)
                    return call_builtin(*this, value, {}, {});
                return value;
            };
            exception = instance_of(exception);
            cause = instance_of(cause);
            if (!cause.is(Type::Exception) && !cause.is_none())
                throw RambaError(ErrorKind::TypeError, "exception causes must derive from BaseException", statement.span);
            if (exception.is(Type::Exception))
                exception.as<ExceptionObject>().cause = std::move(cause);
        }
        // Python: an exception raised while another is handled remembers it as __context__.
        if (!m_handling.empty() && exception.is(Type::Exception) && exception.as<ExceptionObject>().context.is_none()) {
            try {
                std::rethrow_exception(m_handling.back());
            } catch (RambaError& handled) {
                Value context = exception_value(handled);
                if (context.object() != exception.object())
                    exception.as<ExceptionObject>().context = std::move(context);
            } catch (...) {
            }
        }
        raise_value(*this, exception);
    } catch (RambaError& error) {
        error.set_span_if_unknown(statement.span);
        throw;
    }
}

Completion Interpreter::exec_try(const ast::TryStmt& statement)
{
    if (statement.finalbody.empty())
        return exec_try_body(statement);

    Completion completion = Completion::Normal;
    std::exception_ptr pending;
    try {
        completion = exec_try_body(statement);
    } catch (...) {
        pending = std::current_exception();
    }
    Value saved_return = m_return_value;
    Completion final_completion = exec_block(statement.finalbody);
    if (final_completion != Completion::Normal)
        return final_completion; // Python: return/break/continue in `finally` discards a pending exception
    if (pending)
        std::rethrow_exception(pending);
    m_return_value = std::move(saved_return);
    return completion;
}

Completion Interpreter::exec_try_body(const ast::TryStmt& statement)
{
    if (statement.handlers.empty()) {
        Completion completion = exec_block(statement.body);
        if (completion == Completion::Normal)
            return exec_block(statement.orelse);
        return completion;
    }

    uint32_t depth = m_depth;
    Frame* frame = m_frame;
    Completion completion;
    const ast::ExceptHandler* matched = nullptr;
    std::exception_ptr caught;
    Value caught_value;
    try {
        completion = exec_block(statement.body);
    } catch (RambaError& error) {
        m_depth = depth;
        m_frame = frame;
        if (error.kind() == ErrorKind::KeyboardInterrupt)
            clear_interrupt(); // one Ctrl-C, one exception: a kernel stopped by it leaves the flag set
        for (const auto& handler : statement.handlers) {
            if (handler.type) {
                Value type = eval(*handler.type);
                bool matches;
                try {
                    m_current_span = handler.type->span;
                    matches = exception_matches(*this, error, type);
                } catch (RambaError& inner) {
                    inner.set_span_if_unknown(handler.type->span);
                    inner.set_next_position(whole_line(handler.type->span));
                    throw;
                }
                if (!matches)
                    continue;
            }
            matched = &handler;
            break;
        }
        if (!matched)
            throw;
        caught = std::current_exception();
        if (matched->name)
            caught_value = exception_value(error);
    }
    if (!matched) {
        if (completion == Completion::Normal)
            return exec_block(statement.orelse);
        return completion;
    }

    // The handler runs outside the C++ catch block, so that what it raises unwinds normally; bare
    // `raise` finds the exception on m_handling.
    reset_error_origin();
    m_suggestion = {}; // a caught error is never reported: let go of what its suggestion holds
    if (matched->name)
        store(*matched->name, std::move(caught_value));
    m_handling.push_back(caught);
    struct PopHandling {
        std::vector<std::exception_ptr>& stack;
        ~PopHandling() { stack.pop_back(); }
    } pop { m_handling };
    completion = exec_block(matched->body);
    if (matched->name) {
        // Python deletes the name at the end of the handler (`except E as e` does not outlive it).
        const ast::NameRef& name = *matched->name;
        if (name.scope == ast::NameScope::Local)
            m_frame->locals[name.index] = unbound_value();
        else if (name.scope == ast::NameScope::Global && name.index < m_scope->globals.size())
            m_scope->globals[name.index] = unbound_value();
        else if (name.scope == ast::NameScope::Cell && m_frame->cells[name.index])
            m_frame->cells[name.index]->bound = false;
    }
    return completion;
}

void Interpreter::raise_interrupt(SourceSpan span)
{
    clear_interrupt();
    throw RambaError(ErrorKind::KeyboardInterrupt, "", span);
}

} // namespace ramba::interp
