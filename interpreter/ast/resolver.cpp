// Resolver: Python's scoping rules over the AST (see resolver.hpp). Three steps, as CPython's
// symtable does: collect scopes and bindings, decide which variables closures capture, then number
// the slots of each frame and fill the NameRefs.
#include "interpreter/ast/resolver.hpp"

#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "interpreter/ast/syntax_error.hpp"

namespace ramba::ast {

namespace {

struct Scope;

struct Variable {
    std::string name;
    Scope* frame;            // the function (or module) frame that stores it
    bool is_cell { false };  // captured by a nested function
    bool as_global { false }; // a module-level comprehension variable captured by a closure
    uint32_t slot { 0 };
};

enum class ScopeKind { Module, Function, Comprehension };

struct Scope {
    ScopeKind kind;
    Scope* parent { nullptr };
    Scope* frame { nullptr }; // itself for Module and Function
    FunctionInfo* function { nullptr };
    std::unordered_map<std::string, Variable*> bound;
    std::unordered_set<std::string> globals, nonlocals, params;
    std::unordered_set<std::string> assigned_so_far, used_so_far;
    std::vector<Variable*> variables; // frames: every variable the frame stores, in creation order
    std::vector<Variable*> free_variables;
    std::unordered_map<Variable*, uint32_t> free_index;
    uint32_t num_own_cells { 0 };
    bool is_class { false }; // a class body: a frame whose names nested functions do not see
};

struct Reference {
    NameRef* ref;
    Scope* scope;
    Variable* variable { nullptr };
};

struct NonlocalDeclaration {
    Scope* scope;
    std::string name;
    SourceSpan span;
};

class Resolver {
public:
    explicit Resolver(GlobalTable& globals) : m_globals(globals) { }

    void run(Module& module)
    {
        Scope* scope = new_scope(ScopeKind::Module, nullptr);
        for (auto& stmt : module.body)
            visit(*stmt, scope);
        check_nonlocals();
        for (auto& reference : m_references)
            reference.variable = lookup(reference.scope, reference.ref->name);
        for (auto& reference : m_references)
            if (reference.variable && reference.variable->frame != reference.scope->frame)
                capture(reference.variable, reference.scope->frame);
        for (auto& frame : m_scopes)
            if (frame.kind != ScopeKind::Comprehension)
                number_slots(frame, module);
        for (auto& frame : m_scopes)
            if (frame.kind == ScopeKind::Function)
                link_free_variables(frame);
        for (auto& reference : m_references)
            fill(reference);
        for (auto& [def, body] : m_classes)
            list_namespace(*def, *body);
    }

private:
    Scope* new_scope(ScopeKind kind, Scope* parent)
    {
        Scope& scope = m_scopes.emplace_back();
        scope.kind = kind;
        scope.parent = parent;
        scope.frame = kind == ScopeKind::Comprehension ? parent->frame : &scope;
        return &scope;
    }

    Variable* new_variable(Scope* scope, const std::string& name)
    {
        Variable& variable = m_variables.emplace_back();
        variable.name = name;
        variable.frame = scope->frame;
        scope->frame->variables.push_back(&variable);
        scope->bound.emplace(name, &variable);
        return &variable;
    }

    // -----------------------------------------------------------------------------------------
    // Step 1: scopes, bindings and references

    void use(NameRef& ref, Scope* scope)
    {
        scope->frame->used_so_far.insert(ref.name);
        m_references.push_back({ &ref, scope });
    }

    void bind(NameRef& ref, Scope* scope)
    {
        m_references.push_back({ &ref, scope });
        switch (scope->kind) {
        case ScopeKind::Module:
            return;
        case ScopeKind::Comprehension:
            if (!scope->bound.count(ref.name))
                new_variable(scope, ref.name);
            return;
        case ScopeKind::Function:
            scope->assigned_so_far.insert(ref.name);
            if (scope->globals.count(ref.name) || scope->nonlocals.count(ref.name) || scope->bound.count(ref.name))
                return;
            new_variable(scope, ref.name);
            return;
        }
    }

    void bind_target(Expr& target, Scope* scope)
    {
        switch (target.kind) {
        case ExprKind::Name:
            bind(static_cast<NameExpr&>(target).ref, scope);
            return;
        case ExprKind::Tuple:
            for (auto& element : static_cast<TupleExpr&>(target).elements)
                bind_target(*element, scope);
            return;
        case ExprKind::List:
            for (auto& element : static_cast<ListExpr&>(target).elements)
                bind_target(*element, scope);
            return;
        case ExprKind::Starred:
            bind_target(*static_cast<StarredExpr&>(target).value, scope);
            return;
        default:
            visit(target, scope); // attribute or subscript: its parts are reads
            return;
        }
    }

    void visit_block(Block& block, Scope* scope)
    {
        for (auto& stmt : block)
            visit(*stmt, scope);
    }

    void visit_loop_body(Block& body, Scope* scope)
    {
        ++m_loop_depth;
        visit_block(body, scope);
        --m_loop_depth;
    }

    Scope* enter_function(FunctionInfo& function, Scope* scope)
    {
        for (auto& param : function.params)
            if (param.default_value)
                visit(*param.default_value, scope);
        Scope* inner = new_scope(ScopeKind::Function, scope);
        inner->function = &function;
        for (auto& param : function.params) {
            inner->params.insert(param.target.name);
            bind(param.target, inner);
        }
        int saved_loop_depth = m_loop_depth;
        m_loop_depth = 0;
        visit_block(function.body, inner);
        m_loop_depth = saved_loop_depth;
        return inner;
    }

    void declare(GlobalStmt& stmt, Scope* scope)
    {
        bool is_global = stmt.kind == StmtKind::Global;
        if (scope->kind == ScopeKind::Module) {
            if (!is_global)
                throw_syntax_error("nonlocal declaration not allowed at module level", stmt.span);
            return;
        }
        const char* what = is_global ? "global" : "nonlocal";
        for (auto& name : stmt.names) {
            if (scope->params.count(name))
                throw_syntax_error("name '" + name + "' is parameter and " + what, stmt.span);
            if (is_global ? scope->nonlocals.count(name) : scope->globals.count(name))
                throw_syntax_error("name '" + name + "' is nonlocal and global", stmt.span);
            if (scope->assigned_so_far.count(name))
                throw_syntax_error("name '" + name + "' is assigned to before " + what + " declaration", stmt.span);
            if (scope->used_so_far.count(name))
                throw_syntax_error("name '" + name + "' is used prior to " + what + " declaration", stmt.span);
            if (is_global) {
                scope->globals.insert(name);
            } else {
                scope->nonlocals.insert(name);
                m_nonlocals.push_back({ scope, name, stmt.span });
            }
        }
    }

    void visit(Stmt& stmt, Scope* scope)
    {
        switch (stmt.kind) {
        case StmtKind::Expr:
            visit(*static_cast<ExprStmt&>(stmt).value, scope);
            return;
        case StmtKind::Assign: {
            auto& assign = static_cast<AssignStmt&>(stmt);
            visit(*assign.value, scope);
            for (auto& target : assign.targets)
                bind_target(*target, scope);
            return;
        }
        case StmtKind::AugAssign: {
            auto& assign = static_cast<AugAssignStmt&>(stmt);
            visit(*assign.value, scope);
            if (assign.target->kind == ExprKind::Name) {
                // `x += 1` reads and writes x; the NameRef serves both, so one binding suffices.
                bind(static_cast<NameExpr&>(*assign.target).ref, scope);
            } else {
                visit(*assign.target, scope);
            }
            return;
        }
        case StmtKind::If: {
            auto& if_stmt = static_cast<IfStmt&>(stmt);
            visit(*if_stmt.test, scope);
            visit_block(if_stmt.body, scope);
            visit_block(if_stmt.orelse, scope);
            return;
        }
        case StmtKind::While: {
            auto& loop = static_cast<WhileStmt&>(stmt);
            visit(*loop.test, scope);
            visit_loop_body(loop.body, scope);
            visit_block(loop.orelse, scope);
            return;
        }
        case StmtKind::For: {
            auto& loop = static_cast<ForStmt&>(stmt);
            visit(*loop.iter, scope);
            bind_target(*loop.target, scope);
            visit_loop_body(loop.body, scope);
            visit_block(loop.orelse, scope);
            return;
        }
        case StmtKind::FunctionDef: {
            auto& def = static_cast<FunctionDefStmt&>(stmt);
            for (auto& decorator : def.decorators)
                visit(*decorator, scope);
            bind(def.target, scope);
            enter_function(*def.function, scope);
            return;
        }
        case StmtKind::ClassDef: {
            auto& def = static_cast<ClassDefStmt&>(stmt);
            for (auto& decorator : def.decorators)
                visit(*decorator, scope);
            visit_all(def.bases, scope);
            for (auto& keyword : def.keywords)
                visit(*keyword.value, scope);
            for (auto& annotation : def.annotations)
                visit(*annotation.second, scope);
            bind(def.target, scope);
            Scope* inner = new_scope(ScopeKind::Function, scope);
            inner->function = def.body.get();
            inner->is_class = true;
            int saved_loop_depth = m_loop_depth;
            m_loop_depth = 0;
            visit_block(def.body->body, inner);
            m_loop_depth = saved_loop_depth;
            m_classes.emplace_back(&def, inner);
            return;
        }
        case StmtKind::With: {
            auto& with = static_cast<WithStmt&>(stmt);
            for (auto& item : with.items) {
                visit(*item.context, scope);
                if (item.target)
                    bind_target(*item.target, scope);
            }
            visit_block(with.body, scope);
            return;
        }
        case StmtKind::Return: {
            if (scope->frame->kind == ScopeKind::Module || scope->frame->is_class)
                throw_syntax_error("'return' outside function", stmt.span);
            auto& ret = static_cast<ReturnStmt&>(stmt);
            if (ret.value)
                visit(*ret.value, scope);
            return;
        }
        case StmtKind::Break:
            if (m_loop_depth == 0)
                throw_syntax_error("'break' outside loop", stmt.span);
            return;
        case StmtKind::Continue:
            if (m_loop_depth == 0)
                throw_syntax_error("'continue' not properly in loop", stmt.span);
            return;
        case StmtKind::Pass:
            return;
        case StmtKind::Delete:
            for (auto& target : static_cast<DeleteStmt&>(stmt).targets)
                bind_target(*target, scope);
            return;
        case StmtKind::Import:
            for (auto& alias : static_cast<ImportStmt&>(stmt).names)
                bind(alias.target, scope);
            return;
        case StmtKind::ImportFrom:
            if (static_cast<ImportFromStmt&>(stmt).star && (scope->kind != ScopeKind::Module || scope->frame->is_class))
                throw_syntax_error("import * only allowed at module level", static_cast<ImportFromStmt&>(stmt).star_span);
            for (auto& name : static_cast<ImportFromStmt&>(stmt).names)
                bind(name.target, scope);
            return;
        case StmtKind::Global:
        case StmtKind::Nonlocal:
            declare(static_cast<GlobalStmt&>(stmt), scope);
            return;
        case StmtKind::Assert: {
            auto& assert_stmt = static_cast<AssertStmt&>(stmt);
            visit(*assert_stmt.test, scope);
            if (assert_stmt.message)
                visit(*assert_stmt.message, scope);
            return;
        }
        case StmtKind::Try: {
            auto& try_stmt = static_cast<TryStmt&>(stmt);
            visit_block(try_stmt.body, scope);
            for (auto& handler : try_stmt.handlers) {
                if (handler.type)
                    visit(*handler.type, scope);
                if (handler.name)
                    bind(*handler.name, scope);
                visit_block(handler.body, scope);
            }
            visit_block(try_stmt.orelse, scope);
            visit_block(try_stmt.finalbody, scope);
            return;
        }
        case StmtKind::Raise: {
            auto& raise = static_cast<RaiseStmt&>(stmt);
            if (raise.exception)
                visit(*raise.exception, scope);
            if (raise.cause)
                visit(*raise.cause, scope);
            return;
        }
        }
    }

    void visit_all(std::vector<ExprPtr>& exprs, Scope* scope)
    {
        for (auto& expr : exprs)
            if (expr)
                visit(*expr, scope);
    }

    void visit_fstring_parts(std::vector<FStringPart>& parts, Scope* scope)
    {
        for (auto& part : parts) {
            if (part.expr)
                visit(*part.expr, scope);
            visit_fstring_parts(part.format_spec, scope);
        }
    }

    void visit(Expr& expr, Scope* scope)
    {
        switch (expr.kind) {
        case ExprKind::Constant:
            return;
        case ExprKind::Name:
            use(static_cast<NameExpr&>(expr).ref, scope);
            return;
        case ExprKind::BinOp: {
            auto& binary = static_cast<BinOpExpr&>(expr);
            visit(*binary.left, scope);
            visit(*binary.right, scope);
            return;
        }
        case ExprKind::UnaryOp:
            visit(*static_cast<UnaryOpExpr&>(expr).operand, scope);
            return;
        case ExprKind::Compare: {
            auto& compare = static_cast<CompareExpr&>(expr);
            visit(*compare.left, scope);
            visit_all(compare.comparators, scope);
            return;
        }
        case ExprKind::BoolOp:
            visit_all(static_cast<BoolOpExpr&>(expr).values, scope);
            return;
        case ExprKind::IfExp: {
            auto& if_exp = static_cast<IfExpExpr&>(expr);
            visit(*if_exp.test, scope);
            visit(*if_exp.body, scope);
            visit(*if_exp.orelse, scope);
            return;
        }
        case ExprKind::Call: {
            auto& call = static_cast<CallExpr&>(expr);
            visit(*call.func, scope);
            visit_all(call.args, scope);
            for (auto& keyword : call.keywords)
                visit(*keyword.value, scope);
            return;
        }
        case ExprKind::Attribute:
            visit(*static_cast<AttributeExpr&>(expr).value, scope);
            return;
        case ExprKind::Subscript: {
            auto& subscript = static_cast<SubscriptExpr&>(expr);
            visit(*subscript.value, scope);
            visit(*subscript.index, scope);
            return;
        }
        case ExprKind::Slice: {
            auto& slice = static_cast<SliceExpr&>(expr);
            if (slice.lower) visit(*slice.lower, scope);
            if (slice.upper) visit(*slice.upper, scope);
            if (slice.step) visit(*slice.step, scope);
            return;
        }
        case ExprKind::Tuple:
            visit_all(static_cast<TupleExpr&>(expr).elements, scope);
            return;
        case ExprKind::List:
            visit_all(static_cast<ListExpr&>(expr).elements, scope);
            return;
        case ExprKind::Dict: {
            auto& dict = static_cast<DictExpr&>(expr);
            visit_all(dict.keys, scope);
            visit_all(dict.values, scope);
            return;
        }
        case ExprKind::ListComp: {
            // The first iterable is evaluated outside the comprehension, as in Python.
            auto& comprehension = static_cast<ListCompExpr&>(expr);
            visit(*comprehension.generators[0].iter, scope);
            Scope* inner = new_scope(ScopeKind::Comprehension, scope);
            using Result = ListCompExpr::Result;
            m_comprehension_kind = comprehension.result == Result::Yield ? "generator expression"
                : comprehension.result == Result::Dict                  ? "dict comprehension"
                : comprehension.result == Result::Set                   ? "set comprehension"
                                                                        : "list comprehension";
            for (size_t i = 0; i < comprehension.generators.size(); ++i) {
                auto& generator = comprehension.generators[i];
                if (i > 0)
                    visit(*generator.iter, inner);
                bind_target(*generator.target, inner);
                visit_all(generator.ifs, inner);
            }
            visit(*comprehension.element, inner);
            if (comprehension.value)
                visit(*comprehension.value, inner);
            return;
        }
        case ExprKind::Lambda:
            enter_function(*static_cast<LambdaExpr&>(expr).function, scope);
            return;
        case ExprKind::Set:
            visit_all(static_cast<SetExpr&>(expr).elements, scope);
            return;
        case ExprKind::Yield: {
            // Python: a yield makes its function a generator; none is allowed outside one.
            if (scope->kind == ScopeKind::Comprehension)
                throw_syntax_error(std::string("'yield' inside ") + m_comprehension_kind, expr.span);
            if (scope->frame->kind == ScopeKind::Module || scope->frame->is_class)
                throw_syntax_error("'yield' outside function", expr.span);
            scope->frame->function->is_generator = true;
            auto& yield = static_cast<YieldExpr&>(expr);
            if (yield.value)
                visit(*yield.value, scope);
            return;
        }
        case ExprKind::GeneratorExp: {
            auto& generator = static_cast<GeneratorExpExpr&>(expr);
            visit(*generator.iterable, scope);
            enter_function(*generator.function, scope);
            return;
        }
        case ExprKind::FString:
            visit_fstring_parts(static_cast<FStringExpr&>(expr).parts, scope);
            return;
        case ExprKind::Starred:
            visit(*static_cast<StarredExpr&>(expr).value, scope);
            return;
        }
    }

    // -----------------------------------------------------------------------------------------
    // Step 2: which variables closures capture

    // The variable a name means in `scope`, or null for a global (or builtin).
    Variable* lookup(Scope* scope, const std::string& name)
    {
        for (Scope* current = scope; current; current = current->parent) {
            // Python: a class body is not an enclosing scope of the functions defined in it.
            if (current->is_class && current != scope->frame)
                continue;
            switch (current->kind) {
            case ScopeKind::Module:
                return nullptr;
            case ScopeKind::Comprehension:
                if (auto it = current->bound.find(name); it != current->bound.end())
                    return it->second;
                break;
            case ScopeKind::Function:
                if (current->globals.count(name))
                    return nullptr;
                if (current->nonlocals.count(name))
                    break;
                if (auto it = current->bound.find(name); it != current->bound.end())
                    return it->second;
                break;
            }
        }
        return nullptr;
    }

    void check_nonlocals()
    {
        for (auto& declaration : m_nonlocals) {
            Variable* variable = lookup(declaration.scope->parent, declaration.name);
            if (!variable || variable->frame->kind != ScopeKind::Function)
                throw_syntax_error("no binding for nonlocal '" + declaration.name + "' found", declaration.span);
        }
    }

    void capture(Variable* variable, Scope* from_frame)
    {
        if (variable->frame->kind == ScopeKind::Module) {
            // Module frames have no cells: a captured module-level comprehension variable is
            // stored as a global instead (it then outlives the comprehension).
            variable->as_global = true;
            return;
        }
        variable->is_cell = true;
        for (Scope* frame = from_frame; frame != variable->frame; frame = frame->parent->frame) {
            if (!frame->free_index.count(variable)) {
                frame->free_index.emplace(variable, static_cast<uint32_t>(frame->free_variables.size()));
                frame->free_variables.push_back(variable);
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Step 3: slots

    void number_slots(Scope& frame, Module& module)
    {
        uint32_t cells = 0, locals = 0;
        for (Variable* variable : frame.variables)
            if (variable->is_cell)
                variable->slot = cells++;
        for (Variable* variable : frame.variables)
            if (!variable->is_cell && !variable->as_global)
                variable->slot = locals++;
        frame.num_own_cells = cells;
        if (frame.kind == ScopeKind::Module) {
            module.num_locals = locals;
            module.num_cells = 0;
            return;
        }
        FunctionInfo& function = *frame.function;
        function.variables.clear();
        for (Variable* variable : frame.variables)
            if (!variable->as_global)
                function.variables.push_back({ variable->name, variable->slot, variable->is_cell });
        function.num_locals = locals;
        function.num_own_cells = cells;
        function.num_cells = cells + static_cast<uint32_t>(frame.free_variables.size());
    }

    void link_free_variables(Scope& frame)
    {
        Scope* enclosing = frame.parent->frame;
        auto& sources = frame.function->free_variable_sources;
        sources.clear();
        for (Variable* variable : frame.free_variables) {
            if (variable->frame == enclosing)
                sources.push_back(variable->slot);
            else
                sources.push_back(enclosing->num_own_cells + enclosing->free_index.at(variable));
        }
    }

    void fill(Reference& reference)
    {
        NameRef& ref = *reference.ref;
        Variable* variable = reference.variable;
        if (!variable || variable->as_global) {
            ref.scope = NameScope::Global;
            ref.index = m_globals.slot_of(ref.name);
            return;
        }
        Scope* frame = reference.scope->frame;
        if (variable->frame == frame) {
            ref.scope = variable->is_cell ? NameScope::Cell : NameScope::Local;
            ref.index = variable->slot;
            return;
        }
        ref.scope = NameScope::Cell;
        ref.index = frame->num_own_cells + frame->free_index.at(variable);
    }

    // The class body's own names, in the order the body first binds them: its namespace.
    void list_namespace(ClassDefStmt& def, Scope& body)
    {
        def.namespace_names.clear();
        for (Variable* variable : body.variables) {
            auto it = body.bound.find(variable->name);
            if (it == body.bound.end() || it->second != variable)
                continue; // a comprehension's hidden variable
            NameRef ref { variable->name };
            ref.scope = variable->is_cell ? NameScope::Cell : NameScope::Local;
            ref.index = variable->slot;
            def.namespace_names.push_back(std::move(ref));
        }
    }

    GlobalTable& m_globals;
    std::vector<std::pair<ClassDefStmt*, Scope*>> m_classes;
    std::deque<Scope> m_scopes;
    std::deque<Variable> m_variables;
    std::vector<Reference> m_references;
    std::vector<NonlocalDeclaration> m_nonlocals;
    const char* m_comprehension_kind { "list comprehension" }; // the innermost comprehension's, for messages
    int m_loop_depth { 0 };
};

} // namespace

void resolve_module(Module& module, GlobalTable& globals)
{
    Resolver(globals).run(module);
}

} // namespace ramba::ast
