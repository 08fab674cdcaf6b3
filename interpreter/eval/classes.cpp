// Class definitions and `with` statements: a class body runs once in a frame of its own whose
// bound names become the class namespace (values/user_classes.cpp makes the class from it); the
// running method's context for zero-argument super(); context managers' __enter__/__exit__.
#include "interpreter/errors/messages.hpp"
#include "interpreter/eval/interpreter.hpp"

namespace ramba::interp {

namespace {
bool is_docstring(const ast::Block& body)
{
    if (body.empty() || body[0]->kind != ast::StmtKind::Expr)
        return false;
    auto& value = *static_cast<const ast::ExprStmt&>(*body[0]).value;
    return value.kind == ast::ExprKind::Constant && static_cast<const ast::ConstantExpr&>(value).type == ast::ConstantExpr::Type::Str;
}
}

void Interpreter::exec_class_def(const ast::ClassDefStmt& statement)
{
    // Python's order: decorators, then bases and keywords, then the body.
    Values decorators;
    for (const auto& decorator : statement.decorators)
        decorators.push_back(eval(*decorator));
    Values bases;
    for (const auto& base : statement.bases) {
        if (base->kind == ast::ExprKind::Starred) {
            Value iterable = eval(*static_cast<const ast::StarredExpr&>(*base).value);
            m_current_span = base->span;
            for (auto& item : to_vector(*this, iterable))
                bases.push_back(std::move(item));
        } else {
            bases.push_back(eval(*base));
        }
    }
    for (const auto& keyword : statement.keywords)
        eval(*keyword.value); // metaclass=ABCMeta and the like: accepted, not applied

    std::string qualname = statement.name;
    if (!m_class_prefix.empty()) {
        qualname = m_class_prefix.back() + "." + statement.name;
    } else if (m_frame && m_frame->function) {
        auto& function = *m_frame->function;
        qualname = (function.qualname.empty() ? function.name : function.qualname) + ".<locals>." + statement.name;
    }
    Value body = make_function(statement.body, statement.name);
    m_class_prefix.push_back(qualname);
    Ref<DictObject> namespace_dict;
    try {
        namespace_dict = run_class_body(body.as<FunctionObject>(), statement);
    } catch (...) {
        m_class_prefix.pop_back();
        throw;
    }
    m_class_prefix.pop_back();
    if (!statement.annotations.empty()) {
        Value annotations = make_dict();
        for (const auto& [name, expr] : statement.annotations) {
            Value type;
            try {
                type = eval(*expr);
            } catch (RambaError& error) {
                // a forward reference (`next: Node` inside class Node): Python 3.11 raises unless the
                // module says `from __future__ import annotations`, which keeps the text
                if (error.kind() != ErrorKind::NameError || expr->kind != ast::ExprKind::Name)
                    throw;
                type = make_str(static_cast<const ast::NameExpr&>(*expr).ref.name);
            }
            dict_set(*this, annotations.as<DictObject>(), make_str(name), type);
        }
        dict_set(*this, *namespace_dict, make_str("__annotations__"), annotations);
    }

    Value cls;
    try {
        m_current_span = statement.span;
        cls = make_user_class(*this, statement.name, qualname, std::move(bases), std::move(namespace_dict));
    } catch (RambaError& error) {
        error.set_span_if_unknown(statement.span);
        throw;
    }
    for (size_t i = decorators.size(); i-- > 0;)
        cls = call_value(decorators[i], std::span<const Value>(&cls, 1), {}, statement.decorators[i]->span);
    store(statement.target, std::move(cls));
}

Ref<DictObject> Interpreter::run_class_body(const FunctionObject& function, const ast::ClassDefStmt& statement)
{
    const ast::FunctionInfo& info = *function.info;
    char here;
    if (m_depth + 1 >= static_cast<uint64_t>(recursion_limit()) || (m_stack_limit && &here < m_stack_limit) || !m_stack.has_room(info.num_locals))
        throw RambaError(ErrorKind::RecursionError, std::string(messages::recursion_depth), statement.span);
    StackMark mark(m_stack);
    m_stack.push_unbound(info.num_locals);
    Frame frame;
    frame.locals = mark.mark();
    frame.function = &function;
    if (info.num_cells > 0) {
        frame.cells.reserve(info.num_cells);
        for (uint32_t i = 0; i < info.num_own_cells; ++i)
            frame.cells.push_back(make_object<CellObject>());
        for (const auto& cell : function.closure)
            frame.cells.push_back(cell);
    }
    struct Restore {
        Frame*& slot;
        Frame* saved;
        uint32_t& depth;
        ~Restore()
        {
            slot = saved;
            --depth;
        }
    } restore { m_frame, m_frame, m_depth };
    m_frame = &frame;
    ++m_depth;

    auto namespace_dict = Ref<DictObject>(new DictObject());
    dict_set(*this, *namespace_dict, make_str("__module__"), make_str(m_scope->name));
    dict_set(*this, *namespace_dict, make_str("__qualname__"), make_str(m_class_prefix.back()));
    if (is_docstring(info.body)) {
        auto& text = static_cast<const ast::ConstantExpr&>(*static_cast<const ast::ExprStmt&>(*info.body[0]).value).str_value;
        dict_set(*this, *namespace_dict, make_str("__doc__"), make_str(text));
    }
    try {
        exec_statements(info.body);
    } catch (RambaError& error) {
        note_error_origin(function);
        error.leave_frame(function.name, function.filename, function.source, statement.span);
        throw;
    }
    for (const auto& name : statement.namespace_names) {
        const Value* value = nullptr;
        if (name.scope == ast::NameScope::Local) {
            value = &frame.locals[name.index];
            if (is_unbound(*value))
                value = nullptr;
        } else if (name.scope == ast::NameScope::Cell) {
            auto& cell = frame.cells[name.index];
            if (cell && cell->bound)
                value = &cell->value;
        }
        if (value)
            dict_set(*this, *namespace_dict, make_str(name.name), *value);
    }
    return namespace_dict;
}

bool Interpreter::method_context(Value& function, Value& first_argument) const
{
    if (!m_frame || !m_frame->function || m_frame->function->info->params.empty())
        return false;
    const ast::Param& param = m_frame->function->info->params[0];
    Value value;
    if (param.target.scope == ast::NameScope::Local) {
        value = m_frame->locals[param.target.index];
    } else if (param.target.scope == ast::NameScope::Cell) {
        auto& cell = m_frame->cells[param.target.index];
        if (!cell || !cell->bound)
            return false;
        value = cell->value;
    }
    if (is_unbound(value))
        return false;
    if (param.kind == ast::Param::Kind::VarArgs) {
        auto& items = value.as<TupleObject>().items;
        if (items.empty())
            return false;
        value = items[0];
    }
    function = Value::object(Type::Function, Ref<FunctionObject>(const_cast<FunctionObject*>(m_frame->function)));
    first_argument = std::move(value);
    return true;
}

// with A() as a, B() as b: body  runs as  with A() as a: (with B() as b: body).
Completion Interpreter::exec_with(const ast::WithStmt& statement, size_t index)
{
    if (index == statement.items.size())
        return exec_block(statement.body);
    const ast::WithItem& item = statement.items[index];
    Value manager = eval(*item.context);
    Value enter, exit;
    try {
        m_current_span = item.context->span;
        if (!has_attribute(*this, manager, "__enter__") || !has_attribute(*this, manager, "__exit__"))
            throw RambaError(ErrorKind::TypeError, "'" + std::string(type_name(manager)) + "' object does not support the context manager protocol", item.context->span);
        enter = get_attribute(*this, manager, "__enter__");
        exit = get_attribute(*this, manager, "__exit__");
    } catch (RambaError& error) {
        error.set_span_if_unknown(item.context->span);
        error.set_next_position(whole_line(statement.span));
        throw;
    }
    Value entered;
    try {
        entered = call_value(enter, {}, {}, item.context->span);
    } catch (RambaError& error) {
        error.set_next_position(whole_line(statement.span));
        throw;
    }
    if (item.target)
        assign(*item.target, std::move(entered));

    uint32_t depth = m_depth;
    Frame* frame = m_frame;
    Completion completion = Completion::Normal;
    std::exception_ptr pending;
    Value exception;
    try {
        completion = exec_with(statement, index + 1);
    } catch (RambaError& error) {
        m_depth = depth;
        m_frame = frame;
        pending = std::current_exception();
        exception = exception_value(error);
    }
    Value saved_return = m_return_value; // __exit__ is a call: keep the body's `return` value
    if (pending) {
        Value args[] = { type_of(exception), exception, Value() };
        Value suppress;
        try {
            suppress = call_value(exit, args, {}, item.context->span);
        } catch (RambaError& error) {
            error.set_next_position(whole_line(statement.span));
            throw;
        }
        if (truth(suppress)) {
            m_return_value = std::move(saved_return);
            return Completion::Normal;
        }
        std::rethrow_exception(pending);
    }
    Value none[] = { Value(), Value(), Value() };
    try {
        call_value(exit, none, {}, item.context->span);
    } catch (RambaError& error) {
        error.set_next_position(whole_line(statement.span));
        throw;
    }
    m_return_value = std::move(saved_return);
    return completion;
}

} // namespace ramba::interp
