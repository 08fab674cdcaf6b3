// Calls: evaluating call expressions, Python's argument binding for user functions, frames, the
// recursion limit, and dispatch to builtins, bound methods, classes and library objects.
#if !defined(__clang__) // clang has no per-file optimize pragma (its sanitizer builds run at -O1)
#pragma GCC optimize("O3") // measured: 10^7-iteration loop 1.7x faster than at -O2
#endif
#include "interpreter/errors/messages.hpp"
#include "interpreter/eval/interpreter.hpp"
#include "interpreter/eval/interrupt.hpp"

#include <cctype>

namespace ramba::interp {

FunctionObject::FunctionObject(std::shared_ptr<const ast::FunctionInfo> function_info, Values default_values,
    std::vector<Ref<CellObject>> closure_cells, std::string file, std::shared_ptr<const std::string> text)
    : info(std::move(function_info))
    , name(info->name)
    , defaults(std::move(default_values))
    , closure(std::move(closure_cells))
    , filename(std::move(file))
    , source(std::move(text))
{
    using Kind = ast::Param::Kind;
    simple = true;
    first_default = UINT32_MAX;
    for (size_t i = 0; i < info->params.size(); ++i) {
        const ast::Param& param = info->params[i];
        switch (param.kind) {
        case Kind::Positional:
            ++num_positional;
            if (!is_unbound(defaults[i]) && first_default == UINT32_MAX)
                first_default = static_cast<uint32_t>(i);
            if (param.target.scope != ast::NameScope::Local || param.target.index != i)
                simple = false;
            break;
        case Kind::VarArgs:
            varargs_index = static_cast<int32_t>(i);
            simple = false;
            break;
        case Kind::KeywordOnly:
            ++num_keyword_only;
            simple = false;
            break;
        case Kind::VarKeywords:
            varkeywords_index = static_cast<int32_t>(i);
            simple = false;
            break;
        }
    }
    if (first_default == UINT32_MAX)
        first_default = num_positional;
}

namespace {
Interpreter* s_hook_interpreter = nullptr; // for repr() of defaults in help() signatures

std::string function_name(const Value& function)
{
    auto& object = function.as<FunctionObject>();
    return object.qualname.empty() ? object.name : object.qualname;
}

// A function defined in a class body is `C.method` in messages and reprs.
void note_method_owner(const Value& function, const ClassObject& owner)
{
    auto& object = function.as<FunctionObject>();
    if (object.qualname.empty())
        object.qualname = owner.qualname + "." + object.name;
}

// Python's way of writing a signature: "(a, b=1, *args, c, **kwargs)".
std::string function_signature(const Value& value)
{
    auto& function = value.as<FunctionObject>();
    std::string out = "(";
    bool bare_star_needed = function.varargs_index < 0;
    for (size_t i = 0; i < function.info->params.size(); ++i) {
        const ast::Param& param = function.info->params[i];
        if (i > 0)
            out += ", ";
        switch (param.kind) {
        case ast::Param::Kind::VarArgs:
            out += "*";
            break;
        case ast::Param::Kind::VarKeywords:
            out += "**";
            break;
        case ast::Param::Kind::KeywordOnly:
            if (bare_star_needed) {
                out += "*, ";
                bare_star_needed = false;
            }
            break;
        case ast::Param::Kind::Positional:
            break;
        }
        out += param.target.name;
        if (!is_unbound(function.defaults[i])) {
            out += '=';
            out += s_hook_interpreter ? repr_value(*s_hook_interpreter, function.defaults[i]) : std::string("...");
        }
    }
    out += ')';
    return out;
}
}

void install_function_hooks(Interpreter& interpreter)
{
    s_hook_interpreter = &interpreter;
    set_function_hooks({ function_name, function_signature });
    set_scope_hook([](CallContext& context, ScopeQuery query) {
        if (&context != static_cast<CallContext*>(s_hook_interpreter))
            return make_dict();
        return s_hook_interpreter->scope_dict(query);
    });
    set_method_owner_hook(note_method_owner);
}

Value Interpreter::make_function(std::shared_ptr<const ast::FunctionInfo> info, const std::string&)
{
    Values defaults;
    defaults.reserve(info->params.size());
    for (const auto& param : info->params)
        defaults.push_back(param.default_value ? eval(*param.default_value) : unbound_value());
    std::vector<Ref<CellObject>> closure;
    closure.reserve(info->free_variable_sources.size());
    for (uint32_t source : info->free_variable_sources)
        closure.push_back(m_frame->cells[source]);
    auto function = make_object<FunctionObject>(std::move(info), std::move(defaults), std::move(closure), m_scope->filename, m_scope->source);
    function->scope = m_scope;
    function->scope_owner = m_scope->shared_from_this();
    return Value::object(Type::Function, std::move(function));
}


// Inline in both callers: it runs once per user-function call.
[[gnu::always_inline]] inline void Interpreter::enter_call(SourceSpan span)
{
    if (g_interrupt_requested.load(std::memory_order_relaxed)) [[unlikely]]
        raise_interrupt(span);
    char here;
    if (m_depth + 1 >= static_cast<uint64_t>(recursion_limit()) || (m_stack_limit && &here < m_stack_limit)) [[unlikely]]
        throw_recursion_error(span);
}

void Interpreter::throw_recursion_error(SourceSpan span)
{
    throw RambaError(ErrorKind::RecursionError, std::string(messages::recursion_depth), span);
}

void Interpreter::note_error_origin(const FunctionObject& function)
{
    if (m_error_origin_known)
        return;
    m_error_origin = { function.filename, function.source };
    m_error_origin_known = true;
}

namespace {
// Restores the caller's frame, module and depth however the callee is left.
struct CallScope {
    Frame*& frame_slot;
    Frame* saved;
    ModuleScope*& module_slot;
    ModuleScope* saved_module;
    uint32_t& depth;
    CallScope(Frame*& slot, Frame* callee, ModuleScope*& module, ModuleScope* callee_module, uint32_t& d)
        : frame_slot(slot), saved(slot), module_slot(module), saved_module(module), depth(d)
    {
        frame_slot = callee;
        module_slot = callee_module;
        ++depth;
    }
    ~CallScope()
    {
        frame_slot = saved;
        module_slot = saved_module;
        --depth;
    }
};
}

// Inline in its callers: it runs once per user-function call.
[[gnu::always_inline]] inline Value Interpreter::run_body(const FunctionObject& function, Frame& frame, SourceSpan call_span)
{
    const ast::FunctionInfo& info = *function.info;
    if (info.num_cells > 0 && frame.cells.empty()) {
        frame.cells.reserve(info.num_cells);
        for (uint32_t i = 0; i < info.num_own_cells; ++i)
            frame.cells.push_back(make_object<CellObject>());
        for (const auto& cell : function.closure)
            frame.cells.push_back(cell);
    }
    if (info.is_generator) [[unlikely]]
        return make_generator(function, frame);
    if (function.scope->library && !m_scope->library) [[unlikely]]
        return run_library_body(function, frame, call_span);
    CallScope scope(m_frame, &frame, m_scope, function.scope, m_depth);
    try {
        if (exec_statements(info.body) == Completion::Return)
            return std::move(m_return_value);
        return Value();
    } catch (RambaError& error) {
        if (function.scope->library) [[unlikely]] {
            // Library code (embedded in the binary) reports its errors where the user called it.
            // An error from user code it called back (origin known) keeps its own place.
            if (!m_error_origin_known && !scope.saved_module->library)
                error.set_span(call_span);
            throw;
        }
        note_error_origin(function);
        error.leave_frame(function.name, function.filename, function.source, call_span);
        throw;
    }
}

// A call from user code into library code (embedded in the binary): its errors and warnings are
// reported at this call, as numpy's Python functions report at the caller's line.
Value Interpreter::run_library_body(const FunctionObject& function, Frame& frame, SourceSpan call_span)
{
    struct Entry {
        LibraryEntry& slot;
        LibraryEntry saved;
        ~Entry() { slot = std::move(saved); }
    } entry { m_library_entry, m_library_entry };
    bool in_function = m_frame && m_frame->function;
    m_library_entry = { in_function ? m_frame->function->filename : m_scope->filename,
        in_function ? m_frame->function->source : m_scope->source, call_span };
    CallScope scope(m_frame, &frame, m_scope, function.scope, m_depth);
    try {
        if (exec_statements(function.info->body) == Completion::Return)
            return std::move(m_return_value);
        return Value();
    } catch (RambaError& error) {
        // An error from user code it called back (origin known) keeps its own place.
        if (!m_error_origin_known)
            error.set_span(call_span);
        error.set_next_position(call_span); // its frames are not shown: the user's call is
        throw;
    }
}

// OPTIMIZATION: the arguments are already on the value stack at `arguments`, in parameter order;
// they become the first locals of the callee.
[[gnu::always_inline]] inline Value Interpreter::call_simple(const FunctionObject& function, Value* arguments, size_t count, SourceSpan span)
{
    enter_call(span);
    const ast::FunctionInfo& info = *function.info;
    if (!m_stack.has_room(info.num_locals)) [[unlikely]]
        throw RambaError(ErrorKind::RecursionError, std::string(messages::recursion_depth), span);
    for (size_t i = count; i < function.num_positional; ++i)
        m_stack.push(function.defaults[i]);
    m_stack.push_unbound(info.num_locals - function.num_positional);
    Frame frame;
    frame.locals = arguments;
    frame.function = &function;
    return run_body(function, frame, span);
}

Value Interpreter::call_function(const FunctionObject& function, std::span<const Value> args,
    std::span<const std::pair<std::string, Value>> keywords, SourceSpan span)
{
    enter_call(span);
    const ast::FunctionInfo& info = *function.info;
    StackMark mark(m_stack);
    if (!m_stack.has_room(info.num_locals)) [[unlikely]]
        throw RambaError(ErrorKind::RecursionError, std::string(messages::recursion_depth), span);
    m_stack.push_unbound(info.num_locals);
    Frame frame;
    frame.locals = mark.mark();
    frame.function = &function;
    if (info.num_cells > 0) {
        // Parameters may live in cells (captured by an inner function): make the own cells before binding.
        frame.cells.reserve(info.num_cells);
        for (uint32_t i = 0; i < info.num_own_cells; ++i)
            frame.cells.push_back(make_object<CellObject>());
        for (const auto& cell : function.closure)
            frame.cells.push_back(cell);
    }
    try {
        bind_arguments(function, frame, args, keywords);
    } catch (RambaError& error) {
        error.set_span_if_unknown(span);
        throw;
    }
    return run_body(function, frame, span);
}

void Interpreter::bind_arguments(const FunctionObject& function, Frame& frame, std::span<const Value> args,
    std::span<const std::pair<std::string, Value>> keywords)
{
    const ast::FunctionInfo& info = *function.info;
    const auto& params = info.params;
    using Kind = ast::Param::Kind;
    auto bind = [&](const ast::Param& param, Value value) {
        if (param.target.scope == ast::NameScope::Cell) {
            auto& cell = *frame.cells[param.target.index];
            cell.value = std::move(value);
            cell.bound = true;
        } else {
            frame.locals[param.target.index] = std::move(value);
        }
    };
    std::vector<bool> given(params.size(), false);

    size_t positional = std::min<size_t>(args.size(), function.num_positional);
    for (size_t i = 0; i < positional; ++i) {
        bind(params[i], args[i]);
        given[i] = true;
    }
    if (args.size() > function.num_positional) {
        if (function.varargs_index < 0) {
            size_t keyword_only_given = 0;
            for (const auto& [name, value] : keywords) {
                for (const auto& param : params) {
                    if (param.kind == Kind::KeywordOnly && param.target.name == name)
                        ++keyword_only_given;
                }
            }
            throw RambaError(ErrorKind::TypeError,
                messages::too_many_positional(function.qualname.empty() ? function.name : function.qualname, function.first_default, function.num_positional, args.size(), keyword_only_given));
        }
        Values rest(args.begin() + function.num_positional, args.end());
        bind(params[function.varargs_index], make_tuple(std::move(rest)));
        given[function.varargs_index] = true;
    } else if (function.varargs_index >= 0) {
        bind(params[function.varargs_index], make_tuple({}));
        given[function.varargs_index] = true;
    }

    Value extra_keywords;
    if (function.varkeywords_index >= 0)
        extra_keywords = make_dict();
    for (const auto& [name, value] : keywords) {
        bool found = false;
        for (size_t i = 0; i < params.size(); ++i) {
            const ast::Param& param = params[i];
            if ((param.kind == Kind::Positional || param.kind == Kind::KeywordOnly) && param.target.name == name) {
                if (given[i])
                    throw RambaError(ErrorKind::TypeError, messages::multiple_values(function.qualname.empty() ? function.name : function.qualname, name));
                bind(param, value);
                given[i] = true;
                found = true;
                break;
            }
        }
        if (found)
            continue;
        if (function.varkeywords_index < 0)
            throw RambaError(ErrorKind::TypeError, messages::unexpected_keyword(function.qualname.empty() ? function.name : function.qualname, name));
        dict_set(*this, extra_keywords.as<DictObject>(), make_str(name), value);
    }
    if (function.varkeywords_index >= 0) {
        bind(params[function.varkeywords_index], std::move(extra_keywords));
        given[function.varkeywords_index] = true;
    }

    // Python reports missing positional parameters first, then missing keyword-only ones.
    for (Kind kind : { Kind::Positional, Kind::KeywordOnly }) {
        std::vector<std::string> missing;
        for (size_t i = 0; i < params.size(); ++i) {
            if (given[i] || params[i].kind != kind)
                continue;
            if (!is_unbound(function.defaults[i]))
                bind(params[i], function.defaults[i]);
            else
                missing.push_back(params[i].target.name);
        }
        if (!missing.empty())
            throw RambaError(ErrorKind::TypeError, messages::missing_arguments(function.qualname.empty() ? function.name : function.qualname, missing, kind == Kind::KeywordOnly));
    }
}

namespace {
// Receivers whose methods depend on their type alone (so a call site may remember the method).
const void* method_owner(const Value& receiver)
{
    switch (receiver.type()) {
    case Type::Str:
    case Type::List:
    case Type::Dict:
    case Type::Tuple:
        return reinterpret_cast<const void*>(static_cast<uintptr_t>(receiver.type()) + 1);
    case Type::Opaque:
        return &static_cast<const OpaqueObject&>(*receiver.object()).type_info();
    default:
        return nullptr;
    }
}
}

// OPTIMIZATION: `receiver.method(...)` remembers, per call site, the builtin that the method name
// found for the receiver's type, so the next call skips the attribute lookup and the bound-method
// object (list.append in a loop).
Interpreter::MethodCacheEntry* Interpreter::method_from_cache(const ast::AttributeExpr& site, const Value& receiver)
{
    const void* owner = method_owner(receiver);
    if (!owner)
        return nullptr;
    auto& entry = m_method_cache[(reinterpret_cast<uintptr_t>(&site) >> 4) % method_cache_size];
    if (entry.site != &site || entry.owner != owner)
        return nullptr;
    return &entry;
}

namespace {
// The number of parameters of a signature made only of required positional parameters
// ("(self, object, /)" -> 2), or -1: such a builtin can take the arguments as they are, unbound.
int plain_arity(std::string_view signature)
{
    if (signature.size() < 2 || signature.front() != '(' || signature.back() != ')')
        return -1;
    signature = signature.substr(1, signature.size() - 2);
    int count = 0;
    while (!signature.empty()) {
        size_t comma = signature.find(',');
        std::string_view param = signature.substr(0, comma);
        while (!param.empty() && param.front() == ' ')
            param.remove_prefix(1);
        while (!param.empty() && param.back() == ' ')
            param.remove_suffix(1);
        if (param != "/") {
            if (param.empty())
                return -1;
            for (char c : param) {
                if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_'))
                    return -1;
            }
            ++count;
        }
        if (comma == std::string_view::npos)
            break;
        signature.remove_prefix(comma + 1);
    }
    return count;
}
}

void Interpreter::remember_method(const ast::AttributeExpr& site, const Value& receiver, const Value& bound)
{
    const void* owner = method_owner(receiver);
    if (!owner || !bound.is(Type::BoundMethod))
        return;
    auto& method = bound.as<BoundMethodObject>();
    if (!method.function.is(Type::Builtin) || method.self.object() != receiver.object())
        return;
    auto& entry = m_method_cache[(reinterpret_cast<uintptr_t>(&site) >> 4) % method_cache_size];
    entry.site = &site;
    entry.owner = owner;
    entry.function = method.function;
    const BuiltinSpec* spec = method.function.as<BuiltinObject>().spec;
    entry.arity = plain_arity(spec->signature);
    entry.list_append = receiver.is(Type::List) && std::string_view(spec->name) == "append" && entry.arity == 2;
}

// OPTIMIZATION: `f(a, b)` where f names a user function of plain positional parameters and the
// call has only positional, unstarred arguments: a short path with nothing else to consider.
// Precondition (checked by eval_call): room for the arguments on the value stack.
[[gnu::always_inline]] inline Value Interpreter::call_named_simple(const ast::CallExpr& expression, const Value& function_value)
{
    Value callee = function_value; // keeps the function alive if its name is rebound while it runs
    auto& function = callee.as<FunctionObject>();
    StackMark mark(m_stack);
    for (const auto& argument : expression.args) {
        if (argument->kind == ast::ExprKind::Name) {
            if (const Value* value = bound_slot(static_cast<const ast::NameExpr&>(*argument).ref)) {
                m_stack.push(*value);
                continue;
            }
        }
        m_stack.push(eval_hot(*argument));
    }
    return call_simple(function, mark.mark(), expression.args.size(), expression.span);
}

// OPTIMIZATION: `xs.append(item)` on a list variable, once this site has found list.append: no
// receiver copy on the value stack, no general call machinery.
[[gnu::noinline]] Value Interpreter::eval_method_call(const ast::CallExpr& expression)
{
    auto& attribute = static_cast<const ast::AttributeExpr&>(*expression.func);
    if (attribute.value->kind == ast::ExprKind::Name && expression.args.size() == 1 && expression.keywords.empty()
        && expression.args[0]->kind != ast::ExprKind::Starred) {
        const Value* receiver = bound_slot(static_cast<const ast::NameExpr&>(*attribute.value).ref);
        if (receiver && receiver->is(Type::List)) {
            MethodCacheEntry* entry = method_from_cache(attribute, *receiver);
            if (entry && entry->list_append) {
                // Held: evaluating the argument may rebind the variable; Python appends to the
                // list the receiver named when it was evaluated.
                Ref<ListObject> list = receiver->ref_as<ListObject>();
                Value item = eval(*expression.args[0]);
                if (g_interrupt_requested.load(std::memory_order_relaxed)) [[unlikely]]
                    raise_interrupt(expression.span);
                list->items.push_back(std::move(item));
                return Value();
            }
        }
    }
    return eval_call_general(expression);
}

Value Interpreter::eval_call(const ast::CallExpr& expression)
{
    if (expression.func->kind == ast::ExprKind::Attribute)
        return eval_method_call(expression);
    if (expression.func->kind == ast::ExprKind::Name && expression.keywords.empty()) {
        const Value* slot = bound_slot(static_cast<const ast::NameExpr&>(*expression.func).ref);
        if (slot && slot->is(Type::Function)) {
            auto& function = slot->as<FunctionObject>();
            size_t count = expression.args.size();
            if (function.simple && count <= function.num_positional && count >= function.first_default
                && m_stack.has_room(count + 1)) {
                bool plain = true;
                for (const auto& argument : expression.args) {
                    if (argument->kind == ast::ExprKind::Starred) {
                        plain = false;
                        break;
                    }
                }
                if (plain)
                    return call_named_simple(expression, *slot);
            }
        }
    }
    return eval_call_general(expression);
}

// Every other call; apart from eval_call so that the short path above needs no large stack frame.
[[gnu::noinline]] Value Interpreter::eval_call_general(const ast::CallExpr& expression)
{
    StackMark mark(m_stack);
    // Arguments are evaluated onto the value stack (no allocation); a bound method's self goes first.
    if (!m_stack.has_room(expression.args.size() + 1)) [[unlikely]]
        throw RambaError(ErrorKind::RecursionError, std::string(messages::recursion_depth), expression.span);
    Value callee;
    const Value* target = &callee;
    if (expression.func->kind == ast::ExprKind::Attribute) {
        auto& attribute = static_cast<const ast::AttributeExpr&>(*expression.func);
        // The receiver goes straight onto the value stack, where a method call wants it as self.
        m_stack.push(eval(*attribute.value));
        Value& receiver = m_stack.top()[-1];
        if (MethodCacheEntry* entry = method_from_cache(attribute, receiver)) {
            // OPTIMIZATION: list.append(x) appends in place: no native call, and x is moved in.
            if (entry->list_append && expression.args.size() == 1 && expression.keywords.empty()
                && expression.args[0]->kind != ast::ExprKind::Starred) {
                Value item = eval(*expression.args[0]);
                if (g_interrupt_requested.load(std::memory_order_relaxed)) [[unlikely]]
                    raise_interrupt(expression.span);
                receiver.as<ListObject>().items.push_back(std::move(item));
                return Value();
            }
            // OPTIMIZATION: a method of plain positional parameters called with exactly that many
            // positional arguments needs no binding: call the native on the value stack itself.
            if (entry->arity >= 0 && expression.keywords.empty()
                && static_cast<size_t>(entry->arity) == expression.args.size() + 1) {
                bool plain = true;
                for (const auto& argument : expression.args) {
                    if (argument->kind == ast::ExprKind::Starred) {
                        plain = false;
                        break;
                    }
                }
                if (plain) {
                    const BuiltinSpec* spec = entry->function.as<BuiltinObject>().spec;
                    for (const auto& argument : expression.args)
                        m_stack.push(eval(*argument));
                    if (g_interrupt_requested.load(std::memory_order_relaxed)) [[unlikely]]
                        raise_interrupt(expression.span);
                    Value* arguments = mark.mark();
                    m_current_span = expression.span;
                    try {
                        return spec->function(*this, std::span<Value>(arguments, m_stack.top() - arguments));
                    } catch (RambaError& error) {
                        error.set_span_if_unknown(expression.span);
                        throw;
                    }
                }
            }
            callee = entry->function;
        } else if (is_user_instance(receiver) && find_method_for_call(receiver, attribute.attr, callee)) {
            target = &callee; // the receiver already on the value stack is self
        } else {
            callee = get_attribute_of(receiver, attribute.attr, attribute.span);
            remember_method(attribute, receiver, callee);
            m_stack.pop_to(mark.mark());
            if (callee.is(Type::BoundMethod)) {
                auto& method = callee.as<BoundMethodObject>();
                m_stack.push(method.self);
                target = &method.function;
            }
        }
    } else {
        const Value* slot = expression.func->kind == ast::ExprKind::Name
            ? bound_slot(static_cast<const ast::NameExpr&>(*expression.func).ref)
            : nullptr;
        callee = slot ? *slot : eval(*expression.func);
        if (callee.is(Type::BoundMethod)) {
            auto& method = callee.as<BoundMethodObject>();
            m_stack.push(method.self);
            target = &method.function;
        }
    }
    bool has_star = false;
    for (const auto& argument : expression.args) {
        if (argument->kind == ast::ExprKind::Starred) {
            has_star = true;
            break;
        }
        if (argument->kind == ast::ExprKind::Name) {
            if (const Value* value = bound_slot(static_cast<const ast::NameExpr&>(*argument).ref)) {
                m_stack.push(*value);
                continue;
            }
        }
        m_stack.push(eval(*argument));
    }
    if (has_star) {
        // Rare: f(*seq). Collect the rest in a vector, then move it onto the stack.
        Values rest;
        bool started = false;
        for (const auto& argument : expression.args) {
            if (argument->kind == ast::ExprKind::Starred)
                started = true;
            if (!started)
                continue;
            if (argument->kind == ast::ExprKind::Starred) {
                auto& starred = static_cast<const ast::StarredExpr&>(*argument);
                Value iterable = eval(*starred.value);
                try {
                    m_current_span = starred.span;
                    for (auto& item : to_vector(*this, iterable))
                        rest.push_back(std::move(item));
                } catch (RambaError& error) {
                    if (error.kind() == ErrorKind::TypeError && !iterable.is(Type::Opaque))
                        throw RambaError(ErrorKind::TypeError, "Value after * must be an iterable, not " + std::string(type_name(iterable)), starred.span);
                    error.set_span_if_unknown(starred.span);
                    throw;
                }
            } else {
                rest.push_back(eval(*argument));
            }
        }
        if (!m_stack.has_room(rest.size())) [[unlikely]]
            throw RambaError(ErrorKind::MemoryError, "too many arguments", expression.span);
        for (auto& item : rest)
            m_stack.push(std::move(item));
    }
    Value* arguments = mark.mark();
    size_t count = static_cast<size_t>(m_stack.top() - arguments);

    if (expression.keywords.empty()) {
        if (target->is(Type::Function)) {
            auto& function = target->as<FunctionObject>();
            if (function.simple && count <= function.num_positional && count >= function.first_default)
                return call_simple(function, arguments, count, expression.span);
        }
        return call_value(*target, std::span<const Value>(arguments, count), {}, expression.span);
    }

    std::vector<std::pair<std::string, Value>> keywords;
    keywords.reserve(expression.keywords.size());
    for (const auto& keyword : expression.keywords) {
        if (!keyword.name.empty()) {
            keywords.emplace_back(keyword.name, eval(*keyword.value));
            continue;
        }
        Value mapping = eval(*keyword.value);
        if (!mapping.is(Type::Dict))
            throw RambaError(ErrorKind::TypeError, "argument after ** must be a mapping, not " + std::string(type_name(mapping)), keyword.value->span);
        for (const auto& [key, value] : mapping.as<DictObject>().entries) {
            if (!key.is(Type::Str))
                throw RambaError(ErrorKind::TypeError, "keywords must be strings", keyword.value->span);
            keywords.emplace_back(key.as<StrObject>().value, value);
        }
    }
    return call_value(*target, std::span<const Value>(arguments, count), keywords, expression.span);
}

Value Interpreter::call_value(const Value& callee, std::span<const Value> args,
    std::span<const std::pair<std::string, Value>> keywords, SourceSpan span)
{
    switch (callee.type()) {
    case Type::Function:
        return call_function(callee.as<FunctionObject>(), args, keywords, span);
    case Type::BoundMethod: {
        auto& method = callee.as<BoundMethodObject>();
        if (method.function.is(Type::Function)) {
            Values with_self;
            with_self.reserve(args.size() + 1);
            with_self.push_back(method.self);
            with_self.insert(with_self.end(), args.begin(), args.end());
            return call_function(method.function.as<FunctionObject>(), with_self, keywords, span);
        }
        break;
    }
    case Type::Class: {
        auto& cls = callee.as<ClassObject>();
        if (cls.is_user()) {
            SourceSpan saved = m_current_span;
            m_current_span = span;
            try {
                Value instance = construct_user_instance(*this, callee, args, keywords);
                m_current_span = saved;
                return instance;
            } catch (RambaError& error) {
                error.set_span_if_unknown(span);
                throw;
            }
        }
        if (cls.constructor.is_none())
            throw RambaError(ErrorKind::TypeError, "cannot create '" + cls.name + "' instances", span);
        return call_value(cls.constructor, args, keywords, span);
    }
    case Type::Builtin:
    case Type::Opaque:
        break;
    default:
        throw RambaError(ErrorKind::TypeError, messages::not_callable(type_name(callee)), span);
    }
    if (g_interrupt_requested.load(std::memory_order_relaxed)) [[unlikely]]
        raise_interrupt(span);
    SourceSpan saved = m_current_span;
    m_current_span = span;
    try {
        Value result;
        if (callee.is(Type::Opaque)) {
            auto& object = static_cast<OpaqueObject&>(*callee.object());
            auto* call_hook = object.type_info().call;
            if (!call_hook)
                throw RambaError(ErrorKind::TypeError, messages::not_callable(type_name(callee)), span);
            result = call_hook(*this, callee, args, keywords);
        } else {
            result = call_builtin(*this, callee, args, keywords);
        }
        m_current_span = saved;
        return result;
    } catch (RambaError& error) {
        error.set_span_if_unknown(span);
        throw;
    }
}

Value Interpreter::call(const Value& callee, std::span<const Value> args)
{
    return call_value(callee, args, {}, m_current_span);
}

Value Interpreter::call(const Value& callee, std::span<const Value> args,
    std::span<const std::pair<std::string, Value>> keywords)
{
    return call_value(callee, args, keywords, m_current_span);
}

} // namespace ramba::interp
