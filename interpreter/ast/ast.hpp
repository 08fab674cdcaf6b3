// The AST: ramba's own compact syntax tree, built once from the ANTLR parse tree by the builder.
// Pipeline: grammar/ -> ast builder -> resolver (fills NameRef slots) -> eval/. Nothing after the
// builder sees ANTLR types.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "base/span.hpp"

namespace ramba::ast {

struct Expr;
struct Stmt;
struct FunctionInfo;
using ExprPtr = std::unique_ptr<Expr>;
using StmtPtr = std::unique_ptr<Stmt>;
using Block = std::vector<StmtPtr>;

// Where a name lives, decided by the resolver (Python's scoping rules: a name bound anywhere in a
// function body is local unless declared `global`; a name read but not bound in a function is a free
// variable of the nearest enclosing function that binds it, else a global; builtins are found at run
// time when a global slot is unset).
enum class NameScope : uint8_t {
    Unresolved,
    Local,  // index: slot in the current frame's locals
    Cell,   // index: slot in the current frame's cells (own cell variables first, then free variables)
    Global, // index: slot in the module's global table (GlobalTable), persists across REPL inputs
};

struct NameRef {
    std::string name;
    NameScope scope { NameScope::Unresolved };
    uint32_t index { 0 };
};

// ---------------------------------------------------------------------------------------------
// Expressions

enum class ExprKind : uint8_t {
    Constant,
    Name,
    BinOp,
    UnaryOp,
    Compare,
    BoolOp,
    IfExp,
    Call,
    Attribute,
    Subscript,
    Slice,
    Tuple,
    List,
    Dict,
    ListComp,
    Lambda,
    FString,
    Starred,
    Set,          // {a, b}
    Yield,        // yield x / yield from x
    GeneratorExp, // (x for x in y)
};

enum class BinOpKind : uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, MatMul, BitAnd, BitOr, BitXor, LShift, RShift };
enum class UnaryOpKind : uint8_t { Neg, Pos, Invert, Not };
enum class CompareKind : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };
enum class BoolOpKind : uint8_t { And, Or };

struct Expr {
    ExprKind kind;
    SourceSpan span;
    explicit Expr(ExprKind k, SourceSpan s) : kind(k), span(s) { }
    virtual ~Expr() = default;
};

// A literal: None, True/False, int, float, imaginary (complex with zero real part), str, `...`.
// Bytes: the bytes in str_value. BigInt: an int literal past int64, its digits in str_value, its base in int_value, negated in bool_value.
struct ConstantExpr final : Expr {
    enum class Type : uint8_t { None, Bool, Int, Float, Imaginary, Str, Ellipsis, BigInt, Bytes } type { Type::None };
    bool bool_value { false };
    int64_t int_value { 0 };
    double float_value { 0 }; // Float, and the imaginary part for Imaginary
    std::string str_value;
    explicit ConstantExpr(SourceSpan s) : Expr(ExprKind::Constant, s) { }
};

struct NameExpr final : Expr {
    NameRef ref;
    NameExpr(SourceSpan s, std::string name) : Expr(ExprKind::Name, s) { ref.name = std::move(name); }
};

struct BinOpExpr final : Expr {
    BinOpKind op;
    ExprPtr left, right;
    BinOpExpr(SourceSpan s, BinOpKind o, ExprPtr l, ExprPtr r)
        : Expr(ExprKind::BinOp, s), op(o), left(std::move(l)), right(std::move(r)) { }
};

struct UnaryOpExpr final : Expr {
    UnaryOpKind op;
    ExprPtr operand;
    UnaryOpExpr(SourceSpan s, UnaryOpKind o, ExprPtr e) : Expr(ExprKind::UnaryOp, s), op(o), operand(std::move(e)) { }
};

// a < b <= c: left, ops = {Lt, LtE}, comparators = {b, c}
struct CompareExpr final : Expr {
    ExprPtr left;
    std::vector<CompareKind> ops;
    std::vector<ExprPtr> comparators;
    explicit CompareExpr(SourceSpan s) : Expr(ExprKind::Compare, s) { }
};

// a and b and c: values = {a, b, c}
struct BoolOpExpr final : Expr {
    BoolOpKind op;
    std::vector<ExprPtr> values;
    BoolOpExpr(SourceSpan s, BoolOpKind o) : Expr(ExprKind::BoolOp, s), op(o) { }
};

// body if test else orelse
struct IfExpExpr final : Expr {
    ExprPtr test, body, orelse;
    explicit IfExpExpr(SourceSpan s) : Expr(ExprKind::IfExp, s) { }
};

struct Keyword {
    std::string name; // empty for **mapping
    ExprPtr value;
    SourceSpan span;
};

// func(args..., name=value..., *seq, **mapping); a `*seq` argument is a StarredExpr in args.
struct CallExpr final : Expr {
    ExprPtr func;
    std::vector<ExprPtr> args;
    std::vector<Keyword> keywords;
    explicit CallExpr(SourceSpan s) : Expr(ExprKind::Call, s) { }
};

struct AttributeExpr final : Expr {
    ExprPtr value;
    std::string attr;
    AttributeExpr(SourceSpan s, ExprPtr v, std::string a) : Expr(ExprKind::Attribute, s), value(std::move(v)), attr(std::move(a)) { }
};

// value[index]; a multi-axis index `a[1:2, ::3, None, ...]` is a TupleExpr index whose elements may
// be SliceExpr (slices appear only directly inside subscripts).
struct SubscriptExpr final : Expr {
    ExprPtr value;
    ExprPtr index;
    SubscriptExpr(SourceSpan s, ExprPtr v, ExprPtr i) : Expr(ExprKind::Subscript, s), value(std::move(v)), index(std::move(i)) { }
};

struct SliceExpr final : Expr {
    ExprPtr lower, upper, step; // each may be null
    explicit SliceExpr(SourceSpan s) : Expr(ExprKind::Slice, s) { }
};

struct TupleExpr final : Expr {
    std::vector<ExprPtr> elements;
    explicit TupleExpr(SourceSpan s) : Expr(ExprKind::Tuple, s) { }
};

struct ListExpr final : Expr {
    std::vector<ExprPtr> elements;
    explicit ListExpr(SourceSpan s) : Expr(ExprKind::List, s) { }
};

// {k: v, **m}: a null key means `**value`
struct DictExpr final : Expr {
    std::vector<ExprPtr> keys;
    std::vector<ExprPtr> values;
    explicit DictExpr(SourceSpan s) : Expr(ExprKind::Dict, s) { }
};

// One `for target in iter if cond...` clause of a comprehension.
struct Comprehension {
    ExprPtr target; // Name, Tuple or List of names; names resolve to hidden Local slots (no leak)
    ExprPtr iter;
    std::vector<ExprPtr> ifs;
};

// [element for ... in ... if ...]; also used for dict comprehensions when `value` is set
// ({key: value for ...} with `element` as the key), set comprehensions, and as the body of a
// generator expression's function (each element is yielded).
struct ListCompExpr final : Expr {
    enum class Result : uint8_t { List, Dict, Set, Yield };
    Result result { Result::List };
    ExprPtr element;
    ExprPtr value; // non-null for a dict comprehension
    std::vector<Comprehension> generators;
    explicit ListCompExpr(SourceSpan s) : Expr(ExprKind::ListComp, s) { }
};

// {a, *b}
struct SetExpr final : Expr {
    std::vector<ExprPtr> elements;
    explicit SetExpr(SourceSpan s) : Expr(ExprKind::Set, s) { }
};

// `yield value`, `yield` (value null), `yield from value`; only inside a function, which the resolver
// then marks as a generator.
struct YieldExpr final : Expr {
    ExprPtr value;
    bool from { false };
    explicit YieldExpr(SourceSpan s) : Expr(ExprKind::Yield, s) { }
};

// (element for target in iterable ...): as in CPython, a hidden generator function `<genexpr>` whose
// one parameter is the iterator of the first iterable (evaluated where the expression is) and whose
// body is a ListCompExpr with Result::Yield reading that parameter.
struct GeneratorExpExpr final : Expr {
    ExprPtr iterable;
    std::shared_ptr<FunctionInfo> function;
    explicit GeneratorExpExpr(SourceSpan s) : Expr(ExprKind::GeneratorExp, s) { }
};

struct LambdaExpr final : Expr {
    std::shared_ptr<FunctionInfo> function; // body is one Return statement
    explicit LambdaExpr(SourceSpan s) : Expr(ExprKind::Lambda, s) { }
};

// f"text {expr!r:>{width}} more": parts alternate freely between literal text and fields.
struct FStringPart {
    std::string literal;     // used when expr is null
    ExprPtr expr;            // the field's expression
    char conversion { 0 };   // 0, 'r', 's' or 'a'
    std::vector<FStringPart> format_spec; // may itself contain nested fields
    bool self_documenting { false }; // f"{x=}": literal holds "x=" text to print before the value
};

struct FStringExpr final : Expr {
    std::vector<FStringPart> parts;
    explicit FStringExpr(SourceSpan s) : Expr(ExprKind::FString, s) { }
};

// *value: in call arguments, list/tuple displays, and assignment targets (a, *rest = ...)
struct StarredExpr final : Expr {
    ExprPtr value;
    StarredExpr(SourceSpan s, ExprPtr v) : Expr(ExprKind::Starred, s), value(std::move(v)) { }
};

// ---------------------------------------------------------------------------------------------
// Functions

struct Param {
    enum class Kind : uint8_t { Positional, VarArgs, KeywordOnly, VarKeywords } kind { Kind::Positional };
    NameRef target;  // Local or Cell slot in the function's own frame
    ExprPtr default_value; // evaluated once, when the `def` runs; null if none
    SourceSpan span;
};

// Everything the evaluator needs to make and call a function: shared by `def` and `lambda`.
struct FunctionInfo {
    std::string name; // "<lambda>" for lambdas
    std::vector<Param> params;
    Block body;
    SourceSpan span;
    uint32_t num_locals { 0 };
    uint32_t num_cells { 0 };       // own cell variables + free variables
    uint32_t num_own_cells { 0 };   // cells [0, num_own_cells) are created fresh at each call
    // For free variable i (cell index num_own_cells + i): the index of the cell in the *enclosing*
    // frame's cells that the closure captures when the function object is made.
    std::vector<uint32_t> free_variable_sources;
    bool is_generator { false }; // the body yields: a call makes a generator (set by the resolver)
    // Its parameters and locals by name, in order of appearance (locals(), NameError's suggestions).
    struct Variable {
        std::string name;
        uint32_t slot;
        bool in_cell; // slot is a cell index, else a local index
    };
    std::vector<Variable> variables;
};

// ---------------------------------------------------------------------------------------------
// Statements

enum class StmtKind : uint8_t {
    Expr,
    Assign,
    AugAssign,
    If,
    While,
    For,
    FunctionDef,
    Return,
    Break,
    Continue,
    Pass,
    Delete,
    Import,
    ImportFrom,
    Global,
    Nonlocal,
    Assert,
    Try,
    Raise,
    ClassDef,
    With,
};

struct Stmt {
    StmtKind kind;
    SourceSpan span;
    // Filled by the liveness pass (issue 4): variables whose value is dead after this statement in
    // straight-line code; the evaluator clears these slots so array handles are released early.
    std::vector<NameRef> release_after;
    explicit Stmt(StmtKind k, SourceSpan s) : kind(k), span(s) { }
    virtual ~Stmt() = default;
};

struct ExprStmt final : Stmt {
    ExprPtr value;
    ExprStmt(SourceSpan s, ExprPtr v) : Stmt(StmtKind::Expr, s), value(std::move(v)) { }
};

// t1 = t2 = value; each target is a Name, Tuple/List of targets, Starred, Subscript or Attribute.
struct AssignStmt final : Stmt {
    std::vector<ExprPtr> targets;
    ExprPtr value;
    explicit AssignStmt(SourceSpan s) : Stmt(StmtKind::Assign, s) { }
};

struct AugAssignStmt final : Stmt {
    ExprPtr target; // Name, Subscript or Attribute
    BinOpKind op;
    ExprPtr value;
    explicit AugAssignStmt(SourceSpan s) : Stmt(StmtKind::AugAssign, s) { }
};

// if/elif/else: an elif chain is nested IfStmt in orelse.
struct IfStmt final : Stmt {
    ExprPtr test;
    Block body, orelse;
    explicit IfStmt(SourceSpan s) : Stmt(StmtKind::If, s) { }
};

struct WhileStmt final : Stmt {
    ExprPtr test;
    Block body, orelse;
    explicit WhileStmt(SourceSpan s) : Stmt(StmtKind::While, s) { }
};

struct ForStmt final : Stmt {
    ExprPtr target;
    ExprPtr iter;
    Block body, orelse;
    explicit ForStmt(SourceSpan s) : Stmt(StmtKind::For, s) { }
};

struct FunctionDefStmt final : Stmt {
    std::shared_ptr<FunctionInfo> function;
    std::vector<ExprPtr> decorators;
    NameRef target; // where the function object is stored
    explicit FunctionDefStmt(SourceSpan s) : Stmt(StmtKind::FunctionDef, s) { }
};

struct ReturnStmt final : Stmt {
    ExprPtr value; // may be null
    explicit ReturnStmt(SourceSpan s) : Stmt(StmtKind::Return, s) { }
};

struct SimpleStmt final : Stmt { // Break, Continue, Pass
    SimpleStmt(StmtKind k, SourceSpan s) : Stmt(k, s) { }
};

struct DeleteStmt final : Stmt {
    std::vector<ExprPtr> targets;
    explicit DeleteStmt(SourceSpan s) : Stmt(StmtKind::Delete, s) { }
};

// import a.b.c [as d], ...: without `as`, the target binds the first component `a` to module `a`.
struct ImportAlias {
    std::vector<std::string> module_path; // {"numpy", "random"}
    std::optional<std::string> as_name;
    NameRef target;
    SourceSpan span;
};

struct ImportStmt final : Stmt {
    std::vector<ImportAlias> names;
    explicit ImportStmt(SourceSpan s) : Stmt(StmtKind::Import, s) { }
};

struct ImportFromName {
    std::string name;
    NameRef target; // bound to module.name (`as` applied)
    SourceSpan span;
};

struct ImportFromStmt final : Stmt {
    std::vector<std::string> module_path;
    std::vector<ImportFromName> names; // empty for `from m import *`
    bool star { false };                // `from m import *` (module level only)
    SourceSpan star_span;
    explicit ImportFromStmt(SourceSpan s) : Stmt(StmtKind::ImportFrom, s) { }
};

struct GlobalStmt final : Stmt { // also Nonlocal
    std::vector<std::string> names;
    GlobalStmt(StmtKind k, SourceSpan s) : Stmt(k, s) { }
};

struct AssertStmt final : Stmt {
    ExprPtr test, message; // message may be null
    explicit AssertStmt(SourceSpan s) : Stmt(StmtKind::Assert, s) { }
};

struct ExceptHandler {
    ExprPtr type;   // null for a bare `except:`; may be a Tuple of types
    std::optional<NameRef> name; // `as e`
    Block body;
    SourceSpan span;
};

struct TryStmt final : Stmt {
    Block body;
    std::vector<ExceptHandler> handlers;
    Block orelse, finalbody;
    explicit TryStmt(SourceSpan s) : Stmt(StmtKind::Try, s) { }
};

struct RaiseStmt final : Stmt {
    ExprPtr exception; // null: re-raise the exception being handled
    ExprPtr cause;     // `from x`, may be null
    explicit RaiseStmt(SourceSpan s) : Stmt(StmtKind::Raise, s) { }
};

// class Name(bases..., keywords...): body. The body runs once, as a function of no parameters
// whose locals become the class namespace; functions nested in it do not see those names.
struct ClassDefStmt final : Stmt {
    std::string name;
    std::vector<ExprPtr> bases;      // may contain StarredExpr
    std::vector<Keyword> keywords;   // metaclass=..., accepted and ignored
    std::vector<ExprPtr> decorators;
    std::shared_ptr<FunctionInfo> body;
    std::vector<NameRef> namespace_names; // filled by the resolver: what the body binds, in order
    // `name: T` at the body's own level (dataclasses read them): T is evaluated in the enclosing scope
    // after the body runs, into the class's __annotations__.
    std::vector<std::pair<std::string, ExprPtr>> annotations;
    NameRef target;
    explicit ClassDefStmt(SourceSpan s) : Stmt(StmtKind::ClassDef, s) { }
};

struct WithItem {
    ExprPtr context;
    ExprPtr target; // `as` target (Name, Tuple, Attribute, Subscript), may be null
    SourceSpan span;
};

// with a as x, b as y: body  ==  with a as x: (with b as y: body)
struct WithStmt final : Stmt {
    std::vector<WithItem> items;
    Block body;
    explicit WithStmt(SourceSpan s) : Stmt(StmtKind::With, s) { }
};

// ---------------------------------------------------------------------------------------------
// A unit of code: a script, a `-c` string, or one REPL input.

// Global names of a module, name -> slot; persists across REPL inputs so slots stay valid.
struct GlobalTable {
    std::vector<std::string> names;
    uint32_t slot_of(const std::string& name); // adds the name if new
    std::optional<uint32_t> find(const std::string& name) const;

    // name -> slot for names[0, index.size()); find() indexes names appended since.
    mutable std::unordered_map<std::string, uint32_t> index;
};

struct Module {
    std::string filename;
    std::shared_ptr<const std::string> source; // for error reports (source line + caret)
    Block body;
    uint32_t num_locals { 0 }; // hidden locals of module-level code (comprehension variables)
    uint32_t num_cells { 0 };  // always 0: module-level names are globals
};

} // namespace ramba::ast
