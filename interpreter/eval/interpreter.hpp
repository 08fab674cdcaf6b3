// Interpreter: evaluates resolved AST modules (statements, expressions, calls) over Values.
// Pipeline: ast builder/resolver -> Interpreter -> values/ operations and stdlib natives; the CLI and
// the REPL own one Interpreter each and report the RambaErrors that escape run().
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "interpreter/ast/ast.hpp"
#include "interpreter/eval/frame.hpp"
#include "interpreter/eval/function.hpp"
#include "interpreter/values/module_scope.hpp"
#include "interpreter/values/value.hpp"

namespace ramba::interp {

// How a statement finished; break/continue/return travel as this code, never as C++ exceptions.
enum class Completion : uint8_t { Normal, Break, Continue, Return };

// Whether top-level expression statements print the repr of their value (the REPL does).
enum class Echo : uint8_t { No, Yes };

struct GeneratorObject;

// The traceback position of a statement's own work (iterating in `for`, entering `with`, importing,
// matching `except`): Python 3.11 puts no carets under such a line; column 0 says so.
inline SourceSpan whole_line(SourceSpan span) { return { span.line, 0, span.line, 0 }; }

// Where the source text of the innermost failing code is: the module being run, or the module a
// function was defined in (REPL inputs are separate texts).
struct ErrorOrigin {
    std::string filename;
    std::shared_ptr<const std::string> source;
};

class Interpreter final : public CallContext {
public:
    Interpreter();
    ~Interpreter() override;
    Interpreter(const Interpreter&) = delete;
    Interpreter& operator=(const Interpreter&) = delete;

    // The global names of the one module a session runs; the parser adds to it, run() reads it.
    ast::GlobalTable& global_table() { return m_main->table; }

    // Runs top-level code. An uncaught error escapes as RambaError; error_origin() then says which
    // source text its span refers to. Globals assigned before the error keep their values.
    void run(const ast::Module&, Echo = Echo::No);
    const ErrorOrigin& error_origin() const { return m_error_origin; }
    // The name an uncaught NameError or AttributeError may have meant (`Did you mean`), computed
    // now, when it is reported, as Python does (a caught one never pays for it); empty for none.
    std::string suggestion_for(const RambaError&) const;

    // Tests read what a program prints: with a capture string set, stdout text goes there.
    void capture_stdout(std::string* capture) { m_capture = capture; }

    std::optional<Value> global(std::string_view name) const;
    std::vector<std::string> bound_global_names() const;

    // CallContext
    Value call(const Value& callee, std::span<const Value> args) override;
    Value call(const Value& callee, std::span<const Value> args,
        std::span<const std::pair<std::string, Value>> keywords) override;
    void write_stdout(std::string_view) override;
    void write_stderr(std::string_view) override;
    SourceSpan current_span() const override { return m_current_span; }
    void warn(std::string_view category, std::string_view message) override;
    std::optional<Value> global_value(std::string_view name) const override { return global(name); }
    bool method_context(Value& function, Value& first_argument) const override;
    bool interrupt_requested() const override;

private:
    // Statements (interpreter.cpp)
    Completion exec_block(const ast::Block&);
    [[gnu::always_inline]] Completion exec_return(const ast::ReturnStmt& statement)
    {
        if (!statement.value) {
            m_return_value = Value();
        } else if (const Value* value = statement.value->kind == ast::ExprKind::Name ? bound_slot(static_cast<const ast::NameExpr&>(*statement.value).ref) : nullptr) {
            m_return_value = *value;
        } else {
            m_return_value = eval_hot(*statement.value);
        }
        return Completion::Return;
    }
    // exec_block's loop, inline where a function body runs (a C++ frame fewer per Python call).
    [[gnu::always_inline]] Completion exec_statements(const ast::Block& block)
    {
        for (const auto& statement : block) {
            if (statement->kind == ast::StmtKind::Return)
                return exec_return(static_cast<const ast::ReturnStmt&>(*statement));
            Completion completion = exec(*statement);
            if (completion != Completion::Normal) [[unlikely]]
                return completion;
            if (!statement->release_after.empty()) [[unlikely]]
                release(statement->release_after);
        }
        return Completion::Normal;
    }
    Completion exec(const ast::Stmt&);
    Completion exec_profiled(const ast::Stmt&); // --profile: exec, timed (profile_statement.cpp)
    Completion exec_if(const ast::IfStmt&);
    Completion exec_while(const ast::WhileStmt&);
    Completion exec_for(const ast::ForStmt&);
    Completion exec_try(const ast::TryStmt&);
    Completion exec_try_body(const ast::TryStmt&);
    void exec_expr_statement(const ast::ExprStmt&);
    void exec_aug_assign(const ast::AugAssignStmt&);
    void exec_function_def(const ast::FunctionDefStmt&);
    void exec_delete(const ast::Expr& target);
    void exec_import(const ast::ImportStmt&);
    void exec_import_from(const ast::ImportFromStmt&);
    void exec_import_names(const ast::ImportStmt&);
    void exec_import_from_names(const ast::ImportFromStmt&);
    // Imports (imports.cpp)
    Ref<ModuleObject> import_path(const std::vector<std::string>& path, SourceSpan);
    Ref<ModuleObject> find_module(const std::string& dotted);
    Ref<ModuleObject> load_source_module(const std::string& dotted, std::string filename,
        std::shared_ptr<const std::string> source, std::string package_dir, bool library, std::string shown_name = "", bool overlay = false);
    void mark_overlay(ModuleObject& native);
public:
    bool load_overlay(ModuleObject& native, std::string_view attribute); // see imports.cpp
    // `import a.b` outside any program (`ramba --features`); ModuleNotFoundError if there is none.
    Ref<ModuleObject> import_dotted(const std::string& dotted);
private:
    std::vector<std::string> module_search_dirs() const;
    void import_star(const ModuleObject&, SourceSpan);
    void exec_assert(const ast::AssertStmt&);
    [[noreturn]] void exec_raise(const ast::RaiseStmt&);
    // Classes and `with` (classes.cpp)
    void exec_class_def(const ast::ClassDefStmt&);
    Ref<DictObject> run_class_body(const FunctionObject&, const ast::ClassDefStmt&);
    Completion exec_with(const ast::WithStmt&, size_t item);
    void release(const std::vector<ast::NameRef>&);

    // Expressions (expressions.cpp)
    Value eval(const ast::Expr&);
    // OPTIMIZATION: eval() with its commonest recursive cases (a call, an operator) dispatched at the
    // call site, so deep Python recursion (`f(n - 1) + f(n - 2)`) costs a C++ frame fewer per level.
    [[gnu::always_inline]] Value eval_hot(const ast::Expr& expression)
    {
        if (expression.kind == ast::ExprKind::Call)
            return eval_call(static_cast<const ast::CallExpr&>(expression));
        if (expression.kind == ast::ExprKind::BinOp)
            return eval_binary(static_cast<const ast::BinOpExpr&>(expression));
        return eval(expression);
    }
    Value eval_constant(const ast::ConstantExpr&);
    Value eval_binary(const ast::BinOpExpr&);
    Value eval_unary(const ast::UnaryOpExpr&);
    Value eval_compare(const ast::CompareExpr&);
    Value eval_bool_op(const ast::BoolOpExpr&);
    Value eval_attribute(const ast::AttributeExpr&);
    Value eval_if_expression(const ast::IfExpExpr&);
    [[noreturn]] Value eval_starred(const ast::Expr&);
    Value eval_subscript(const ast::SubscriptExpr&);
    Value eval_index(const ast::Expr&);
    Value eval_slice(const ast::SliceExpr&);
    Value eval_sequence(const std::vector<ast::ExprPtr>&, Type);
    Value eval_dict(const ast::DictExpr&);
    Value eval_comprehension(const ast::ListCompExpr&);
    void leave_comprehension(RambaError&, const ast::ListCompExpr&);
    void run_generators(const ast::ListCompExpr&, size_t level, const Value& result);
    void run_simple_comprehension(const ast::ListCompExpr&, Values& items);
    // Calls body(item) for each item of a generator's iterable (ranges and lists without iterators).
    template<typename Body>
    void for_each_generated(const ast::Comprehension&, Body&& body);
    Value eval_lambda(const ast::LambdaExpr&);
    Value eval_fstring(const ast::FStringExpr&);
    std::string render_fstring_parts(const std::vector<ast::FStringPart>&);
    bool truth(const Value&);
    Value eval_binary_general(const ast::BinOpExpr&);
    Value binary_values(const ast::BinOpExpr&, const Value& left, const Value& right);
    Value binary_slow(ast::BinOpKind, const Value&, const Value&, SourceSpan);
    Value compare_slow(ast::CompareKind, const Value&, const Value&, SourceSpan);

    // Generators (generators.cpp)
    friend struct GeneratorObject;
    Value make_generator(const FunctionObject&, Frame&);
    Value eval_yield(const ast::YieldExpr&);
    Value eval_generator_expression(const ast::GeneratorExpExpr&);
    // Hands `value` to whoever resumed the running generator; returns what the next resume sends
    // (or raises what it throws in). Inline, in generator.hpp.
    Value suspend(Value value);
    Value eval_set(const ast::SetExpr&);

    // Names and assignment targets (names.cpp)
    // The bound value of a Local or Global name, or null (unbound, a cell, or a builtin): lets hot
    // paths read a variable without copying it.
    const Value* bound_slot(const ast::NameRef&) const;
    Value load(const ast::NameRef& ref, SourceSpan span)
    {
        if (const Value* value = bound_slot(ref)) [[likely]]
            return *value;
        return load_slow(ref, span);
    }
    Value load_slow(const ast::NameRef&, SourceSpan);
    Value load_global_slow(const ast::NameRef&, SourceSpan);
    [[noreturn]] void throw_name_error(const ast::NameRef&, SourceSpan);
public:
    Value scope_dict(ScopeQuery); // globals(), locals() (names.cpp)
private:
    void note_attribute_error(RambaError&, const Value& object, const std::string& name);
    void remember_suggestion(const RambaError&, std::function<std::string()> compute);
    struct PendingSuggestion {
        ErrorKind kind { ErrorKind::Exception };
        std::string message;
        SourceSpan span;
        std::function<std::string()> compute; // the last NameError/AttributeError raised
    };
    PendingSuggestion m_suggestion;
    // An operand without a copy when it is a plain variable, else evaluated into `temporary`.
    const Value& operand(const ast::Expr&, Value& temporary);
    // OPTIMIZATION: the int held by a plain operand (an int literal, or a bound variable holding an
    // int), read without making a Value; false (nothing evaluated) for anything else.
    bool int_operand(const ast::Expr&, int64_t& out) const;
    // OPTIMIZATION: the same for int arithmetic on such operands, nested (`(a * 31 + b) % m`), when
    // it stays in int64 and raises nothing; false (nothing observable done) otherwise, and the caller
    // evaluates the expression the general way.
    bool int_expression(const ast::Expr& expression, int64_t& out) const
    {
        if (int_operand(expression, out))
            return true;
        if (expression.kind != ast::ExprKind::BinOp)
            return false;
        IntValue result = int_binary(static_cast<const ast::BinOpExpr&>(expression));
        out = result.value;
        return result.ok;
    }
    // Returned in registers, so that callers keep no addressable locals (and can tail-call).
    struct IntValue {
        bool ok;
        int64_t value;
    };
    IntValue int_binary(const ast::BinOpExpr&) const;
    // The truth of an expression used as a condition, without making a bool Value where possible.
    bool condition(const ast::Expr&);
    bool condition_general(const ast::Expr&);
    bool condition_bool_op(const ast::BoolOpExpr&);
    void store(const ast::NameRef&, Value);
    void unbind(const ast::NameRef&, SourceSpan);
    void assign(const ast::Expr& target, Value);
    void assign_unpack(const std::vector<ast::ExprPtr>& targets, const Value&, SourceSpan);
    Value get_attribute_of(const Value&, const std::string& name, SourceSpan);
    void set_attribute_of(const Value&, const std::string& name, const Value&, SourceSpan);

    // Calls (call.cpp)
    Value eval_call(const ast::CallExpr&);
    Value eval_call_general(const ast::CallExpr&);
    Value eval_method_call(const ast::CallExpr&);
    Value call_named_simple(const ast::CallExpr&, const Value& function);
    struct MethodCacheEntry;
    MethodCacheEntry* method_from_cache(const ast::AttributeExpr& site, const Value& receiver);
    void remember_method(const ast::AttributeExpr& site, const Value& receiver, const Value& bound_method);
    Value call_value(const Value& callee, std::span<const Value> args,
        std::span<const std::pair<std::string, Value>> keywords, SourceSpan);
    Value call_simple(const FunctionObject&, Value* arguments, size_t count, SourceSpan);
    Value call_function(const FunctionObject&, std::span<const Value> args,
        std::span<const std::pair<std::string, Value>> keywords, SourceSpan);
    void bind_arguments(const FunctionObject&, Frame&, std::span<const Value> args,
        std::span<const std::pair<std::string, Value>> keywords);
    Value run_body(const FunctionObject&, Frame&, SourceSpan call_span);
    [[gnu::noinline]] Value run_library_body(const FunctionObject&, Frame&, SourceSpan call_span);
    // Where user code last called into library code (warnings raised inside it are reported there).
    struct LibraryEntry {
        std::string filename;
        std::shared_ptr<const std::string> source;
        SourceSpan span;
    };
    LibraryEntry m_library_entry;
    void enter_call(SourceSpan);
    [[noreturn]] void throw_recursion_error(SourceSpan);
    [[noreturn]] void raise_interrupt(SourceSpan);
    void note_error_origin(const FunctionObject&);
    Value make_function(std::shared_ptr<const ast::FunctionInfo>, const std::string& name);

    void reset_error_origin() { m_error_origin_known = false; }

    // The module whose code runs now (its globals): __main__, or an imported module's while its
    // top level or one of its functions runs (run_body switches it to the function's).
    std::shared_ptr<ModuleScope> m_main;
    ModuleScope* m_scope { nullptr };
    std::map<std::string, std::shared_ptr<ModuleScope>> m_source_modules; // imported `.py` modules by name
    ValueStack m_stack;
    Frame* m_frame { nullptr };
    uint32_t m_depth { 0 };
    Value m_return_value;
    SourceSpan m_current_span;
    // OPTIMIZATION: the tuple of `a[i, j]`, reused while nothing else holds it (eval_index).
    Ref<TupleObject> m_index_tuple;
    Echo m_echo { Echo::No };
    std::vector<std::exception_ptr> m_handling; // exceptions whose `except` block is running (bare raise)
    const char* m_stack_limit { nullptr };      // below this address the C++ stack is too deep
    std::string* m_capture { nullptr };
    GeneratorObject* m_generator { nullptr }; // the generator whose body runs now, or null
    std::vector<std::string> m_class_prefix; // qualified names of the class bodies being run ("Outer.Inner")

    // Call sites' remembered methods (see Interpreter::method_from_cache): direct-mapped by the
    // site's address, cleared for every new module because freed AST addresses get reused.
    struct MethodCacheEntry {
        const void* site { nullptr };
        const void* owner { nullptr }; // the receiver's type: a core Type tag or a TypeInfo
        Value function;
        int arity { -1 }; // see plain_arity() in call.cpp
        bool list_append { false }; // the method is list.append (eval_call appends directly)
    };
    static constexpr size_t method_cache_size = 256;
    std::vector<MethodCacheEntry> m_method_cache { method_cache_size };

    // Warnings already shown: file, line, category and message (Python's "default" action shows
    // each once per location).
    std::set<std::tuple<std::string, uint32_t, std::string>> m_warnings_shown;
    ErrorOrigin m_error_origin;
    bool m_error_origin_known { false };
};

[[gnu::always_inline]] inline const Value* Interpreter::bound_slot(const ast::NameRef& ref) const
{
    if (ref.scope == ast::NameScope::Local) {
        const Value* value = &m_frame->locals[ref.index];
        return is_unbound(*value) ? nullptr : value;
    }
    if (ref.scope == ast::NameScope::Global && ref.index < m_scope->globals.size()) {
        const Value* value = &m_scope->globals[ref.index];
        return is_unbound(*value) ? nullptr : value;
    }
    return nullptr;
}

inline bool Interpreter::int_operand(const ast::Expr& expression, int64_t& out) const
{
    if (expression.kind == ast::ExprKind::Name) {
        const Value* value = bound_slot(static_cast<const ast::NameExpr&>(expression).ref);
        if (value && value->is(Type::Int)) {
            out = value->as_int();
            return true;
        }
        return false;
    }
    if (expression.kind == ast::ExprKind::Constant) {
        auto& constant = static_cast<const ast::ConstantExpr&>(expression);
        if (constant.type == ast::ConstantExpr::Type::Int) {
            out = constant.int_value;
            return true;
        }
    }
    return false;
}

inline const Value& Interpreter::operand(const ast::Expr& expression, Value& temporary)
{
    if (expression.kind == ast::ExprKind::Name) {
        if (const Value* value = bound_slot(static_cast<const ast::NameExpr&>(expression).ref))
            return *value;
    } else if (expression.kind == ast::ExprKind::Constant) {
        auto& constant = static_cast<const ast::ConstantExpr&>(expression);
        if (constant.type == ast::ConstantExpr::Type::Int) {
            temporary = Value::integer(constant.int_value);
            return temporary;
        }
    }
    temporary = eval(expression);
    return temporary;
}

} // namespace ramba::interp
