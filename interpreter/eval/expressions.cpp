// The evaluator's expressions: one switch on the node kind, with inline fast paths for int and
// float arithmetic and comparisons; everything else goes to the core operations of values/.
#if !defined(__clang__) // clang has no per-file optimize pragma (its sanitizer builds run at -O1)
#pragma GCC optimize("O3") // measured: 10^7-iteration loop 1.7x faster than at -O2
#endif
#include <bit>
#include <cmath>

#include "interpreter/errors/messages.hpp"
#include "interpreter/eval/arith.hpp"
#include "interpreter/values/bigint.hpp"
#include "interpreter/values/bytes.hpp"
#include "interpreter/eval/interpreter.hpp"
#include "interpreter/eval/generator.hpp"

namespace ramba::interp {

// OPTIMIZATION: eval() itself needs no stack frame: every case is either made on the spot (an int
// literal, a bound variable) or a tail call (a jump, not a call) to the node's own function. Deep
// Python recursion then costs fewer C++ frames (and return-address predictions) per level.
Value Interpreter::eval(const ast::Expr& expression)
{
    using ast::ExprKind;
    switch (expression.kind) {
    case ExprKind::Constant: {
        auto& constant = static_cast<const ast::ConstantExpr&>(expression);
        if (constant.type == ast::ConstantExpr::Type::Int)
            return Value::integer(constant.int_value);
        return eval_constant(constant);
    }
    case ExprKind::Name: {
        auto& ref = static_cast<const ast::NameExpr&>(expression).ref;
        if (const Value* value = bound_slot(ref)) [[likely]]
            return *value;
        return load_slow(ref, expression.span);
    }
    case ExprKind::BinOp:
        return eval_binary(static_cast<const ast::BinOpExpr&>(expression));
    case ExprKind::UnaryOp:
        return eval_unary(static_cast<const ast::UnaryOpExpr&>(expression));
    case ExprKind::Compare:
        return eval_compare(static_cast<const ast::CompareExpr&>(expression));
    case ExprKind::BoolOp:
        return eval_bool_op(static_cast<const ast::BoolOpExpr&>(expression));
    case ExprKind::IfExp:
        return eval_if_expression(static_cast<const ast::IfExpExpr&>(expression));
    case ExprKind::Call:
        return eval_call(static_cast<const ast::CallExpr&>(expression));
    case ExprKind::Attribute:
        return eval_attribute(static_cast<const ast::AttributeExpr&>(expression));
    case ExprKind::Subscript:
        return eval_subscript(static_cast<const ast::SubscriptExpr&>(expression));
    case ExprKind::Slice:
        return eval_slice(static_cast<const ast::SliceExpr&>(expression));
    case ExprKind::Tuple:
        return eval_sequence(static_cast<const ast::TupleExpr&>(expression).elements, Type::Tuple);
    case ExprKind::List:
        return eval_sequence(static_cast<const ast::ListExpr&>(expression).elements, Type::List);
    case ExprKind::Dict:
        return eval_dict(static_cast<const ast::DictExpr&>(expression));
    case ExprKind::ListComp:
        return eval_comprehension(static_cast<const ast::ListCompExpr&>(expression));
    case ExprKind::Set:
        return eval_set(static_cast<const ast::SetExpr&>(expression));
    case ExprKind::Yield:
        return eval_yield(static_cast<const ast::YieldExpr&>(expression));
    case ExprKind::GeneratorExp:
        return eval_generator_expression(static_cast<const ast::GeneratorExpExpr&>(expression));
    case ExprKind::Lambda:
        return eval_lambda(static_cast<const ast::LambdaExpr&>(expression));
    case ExprKind::FString:
        return eval_fstring(static_cast<const ast::FStringExpr&>(expression));
    case ExprKind::Starred:
        break;
    }
    return eval_starred(expression);
}

[[gnu::noinline]] Value Interpreter::eval_starred(const ast::Expr& expression)
{
    if (expression.kind == ast::ExprKind::Starred)
        throw RambaError(ErrorKind::SyntaxError, "can't use starred expression here", expression.span);
    RAMBA_ASSERT(false, "every expression kind is handled in eval()");
}

[[gnu::noinline]] Value Interpreter::eval_if_expression(const ast::IfExpExpr& conditional)
{
    return condition(*conditional.test) ? eval(*conditional.body) : eval(*conditional.orelse);
}

[[gnu::noinline]] Value Interpreter::eval_attribute(const ast::AttributeExpr& attribute)
{
    return get_attribute_of(eval(*attribute.value), attribute.attr, attribute.span);
}

[[gnu::noinline]] Value Interpreter::eval_constant(const ast::ConstantExpr& constant)
{
    using T = ast::ConstantExpr::Type;
    switch (constant.type) {
    case T::None:
        return Value();
    case T::Bool:
        return Value::boolean(constant.bool_value);
    case T::Int:
        return Value::integer(constant.int_value);
    case T::Float:
        return Value::floating(constant.float_value);
    case T::Imaginary:
        return Value::complex({ 0.0, constant.float_value });
    case T::Str:
        return make_str(constant.str_value);
    case T::Ellipsis:
        return Value::ellipsis();
    case T::Bytes:
        return make_bytes(constant.str_value);
    case T::BigInt:
        return int_from_digits(constant.str_value, static_cast<int>(constant.int_value), constant.bool_value);
    }
    return Value();
}

bool Interpreter::truth(const Value& value)
{
    switch (value.type()) {
    case Type::Bool:
    case Type::Int:
        return value.as_int() != 0;
    case Type::None:
        return false;
    case Type::Float:
        return value.as_float() != 0.0;
    default:
        try {
            return truthy(*this, value);
        } catch (RambaError& error) {
            error.set_span_if_unknown(m_current_span);
            error.set_next_position(whole_line(m_current_span)); // Python: the `if` line, no carets
            throw;
        }
    }
}

namespace {
// Evaluating this cannot run code that rebinds a variable (so a reference to the other operand's
// slot stays valid while it is evaluated).
bool is_plain(const ast::Expr& expression)
{
    return expression.kind == ast::ExprKind::Constant || expression.kind == ast::ExprKind::Name;
}
}

[[gnu::always_inline]] inline Value Interpreter::binary_values(const ast::BinOpExpr& expression, const Value& left, const Value& right)
{
    // OPTIMIZATION: int and float arithmetic inline; overflow, division by zero and every other type
    // go to values/ (which raises Python's errors).
    Value result;
    if (number_arith(expression.op, left, right, result))
        return result;
    return binary_slow(expression.op, left, right, expression.span);
}

// Not inline: it recurses, and its callers' fast paths should stay small.
[[gnu::noinline]] Interpreter::IntValue Interpreter::int_binary(const ast::BinOpExpr& binary) const
{
    int64_t a, b;
    if (!int_expression(*binary.left, a) || !int_expression(*binary.right, b))
        return { false, 0 };
    IntArith result = int_arith(binary.op, a, b);
    if (result.kind != IntArith::Int)
        return { false, 0 };
    return { true, result.integer };
}

// Inline in eval_binary: one C++ frame per operator on the way down a deep recursion.
[[gnu::always_inline]] inline Value Interpreter::eval_binary_general(const ast::BinOpExpr& expression)
{
    if (!is_plain(*expression.right)) {
        // Both operands are made in place (no default-constructed temporaries assigned to).
        Value left = eval_hot(*expression.left);
        Value right = eval_hot(*expression.right);
        return binary_values(expression, left, right);
    }
    Value left_temporary, right_temporary;
    const Value& left = operand(*expression.left, left_temporary);
    const Value& right = operand(*expression.right, right_temporary);
    return binary_values(expression, left, right);
}

[[gnu::noinline]] Value Interpreter::eval_binary(const ast::BinOpExpr& expression)
{
    // OPTIMIZATION: two plain int operands (`i * 2`, `n - 1`) need no operand Values at all; this
    // small function keeps that path free of the general path's stack frame.
    int64_t a, b;
    if (int_expression(*expression.left, a) && int_expression(*expression.right, b)) {
        IntArith result = int_arith(expression.op, a, b);
        if (result.kind == IntArith::Int)
            return Value::integer(result.integer);
        if (result.kind == IntArith::Float)
            return Value::floating(result.floating);
    }
    return eval_binary_general(expression);
}

Value Interpreter::binary_slow(ast::BinOpKind op, const Value& left, const Value& right, SourceSpan span)
{
    try {
        m_current_span = span;
        return binary_op(*this, static_cast<BinaryOp>(op), left, right);
    } catch (RambaError& error) {
        error.set_span_if_unknown(span);
        throw;
    }
}

[[gnu::noinline]] Value Interpreter::eval_unary(const ast::UnaryOpExpr& expression)
{
    Value temporary;
    const Value& operand = this->operand(*expression.operand, temporary);
    switch (expression.op) {
    case ast::UnaryOpKind::Not:
        return Value::boolean(!truth(operand));
    case ast::UnaryOpKind::Neg:
        if (operand.is(Type::Int) && operand.as_int() != INT64_MIN)
            return Value::integer(-operand.as_int());
        if (operand.is(Type::Float)) // numpy's float64 (a library float) negates without warnings too
            return operand.is_library_float() ? Value::library_float(-operand.as_float()) : Value::floating(-operand.as_float());
        break;
    case ast::UnaryOpKind::Pos:
        if (operand.is(Type::Int) || (operand.is(Type::Float) && !operand.is_library_float()))
            return operand;
        break;
    case ast::UnaryOpKind::Invert:
        if (operand.is(Type::Int))
            return Value::integer(~operand.as_int());
        break;
    }
    try {
        m_current_span = expression.span;
        return unary_op(*this, static_cast<UnaryOp>(expression.op), operand);
    } catch (RambaError& error) {
        error.set_span_if_unknown(expression.span);
        throw;
    }
}

namespace {
// `is`: the same object, or the same immediate value of the same type (None, bools, small values).
bool identical(const Value& a, const Value& b)
{
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Type::None:
    case Type::Ellipsis:
        return true;
    case Type::Bool:
    case Type::Int:
        return a.as_int() == b.as_int();
    case Type::Float:
        return std::bit_cast<uint64_t>(a.as_float()) == std::bit_cast<uint64_t>(b.as_float());
    case Type::Complex:
        return a.as_complex() == b.as_complex();
    default:
        return a.object() == b.object();
    }
}

template<typename T>
[[gnu::always_inline]] inline bool compare_numbers(ast::CompareKind op, T a, T b)
{
    switch (op) {
    case ast::CompareKind::Eq:
        return a == b;
    case ast::CompareKind::NotEq:
        return a != b;
    case ast::CompareKind::Lt:
        return a < b;
    case ast::CompareKind::LtE:
        return a <= b;
    case ast::CompareKind::Gt:
        return a > b;
    case ast::CompareKind::GtE:
        return a >= b;
    default:
        return false;
    }
}
}

Value Interpreter::compare_slow(ast::CompareKind op, const Value& left, const Value& right, SourceSpan span)
{
    using ast::CompareKind;
    switch (op) {
    case CompareKind::Is:
        return Value::boolean(identical(left, right));
    case CompareKind::IsNot:
        return Value::boolean(!identical(left, right));
    default:
        break;
    }
    if (op <= CompareKind::GtE) {
        if (left.is(Type::Int) && right.is(Type::Int))
            return Value::boolean(compare_numbers(op, left.as_int(), right.as_int()));
        if (left.is(Type::Float) && right.is(Type::Float) && !Value::any_library_float(left, right))
            return Value::boolean(compare_numbers(op, left.as_float(), right.as_float()));
    }
    try {
        m_current_span = span;
        switch (op) {
        case CompareKind::In:
            return Value::boolean(contains(*this, right, left));
        case CompareKind::NotIn:
            return Value::boolean(!contains(*this, right, left));
        default:
            // CompareKind's first six members are CompareOp's, in the same order.
            return compare_op(*this, static_cast<CompareOp>(op), left, right);
        }
    } catch (RambaError& error) {
        error.set_span_if_unknown(span);
        throw;
    }
}

[[gnu::noinline]] Value Interpreter::eval_compare(const ast::CompareExpr& expression)
{
    Value left = eval(*expression.left);
    size_t count = expression.ops.size();
    for (size_t i = 0;; ++i) {
        Value right = eval(*expression.comparators[i]);
        Value result;
        ast::CompareKind op = expression.ops[i];
        // OPTIMIZATION: int/int and float/float comparisons inline.
        if (op <= ast::CompareKind::GtE && left.is(Type::Int) && right.is(Type::Int))
            result = Value::boolean(compare_numbers(op, left.as_int(), right.as_int()));
        else if (op <= ast::CompareKind::GtE && left.is(Type::Float) && right.is(Type::Float) && !Value::any_library_float(left, right))
            result = Value::boolean(compare_numbers(op, left.as_float(), right.as_float()));
        else
            result = compare_slow(op, left, right, expression.span);
        // a < b < c is (a < b) and (b < c), with b evaluated once; the result is the first false one.
        if (i + 1 == count)
            return result;
        m_current_span = expression.span;
        if (!truth(result))
            return result;
        left = std::move(right);
    }
}

bool Interpreter::condition(const ast::Expr& expression)
{
    // OPTIMIZATION: `n < 2`, `i % 3 == 0` on int operands, and `and`/`or`/`not` of such, in a
    // function too small to need a stack frame.
    switch (expression.kind) {
    case ast::ExprKind::Compare: {
        auto& compare = static_cast<const ast::CompareExpr&>(expression);
        int64_t a, b;
        if (compare.ops.size() == 1 && compare.ops[0] <= ast::CompareKind::GtE
            && int_expression(*compare.left, a) && int_expression(*compare.comparators[0], b))
            return compare_numbers(compare.ops[0], a, b);
        break;
    }
    case ast::ExprKind::BoolOp:
        return condition_bool_op(static_cast<const ast::BoolOpExpr&>(expression));
    default:
        break;
    }
    return condition_general(expression);
}

// As a condition only the truth of `a and b` matters, which is the truth of its operands.
[[gnu::noinline]] bool Interpreter::condition_bool_op(const ast::BoolOpExpr& bool_op)
{
    bool is_and = bool_op.op == ast::BoolOpKind::And;
    for (const auto& value : bool_op.values) {
        if (condition(*value) != is_and)
            return !is_and;
    }
    return is_and;
}

[[gnu::noinline]] bool Interpreter::condition_general(const ast::Expr& expression)
{
    switch (expression.kind) {
    case ast::ExprKind::Compare: {
        auto& compare = static_cast<const ast::CompareExpr&>(expression);
        if (compare.ops.size() == 1 && compare.ops[0] <= ast::CompareKind::GtE) {
            Value left_temporary, right_temporary;
            const Value& left = is_plain(*compare.comparators[0]) ? operand(*compare.left, left_temporary)
                                                                  : (left_temporary = eval(*compare.left));
            const Value& right = operand(*compare.comparators[0], right_temporary);
            if (left.is(Type::Int) && right.is(Type::Int))
                return compare_numbers(compare.ops[0], left.as_int(), right.as_int());
            // A library float too (numpy's float64): only the truth of its comparison is used here,
            // and that is the IEEE comparison (numpy's bool_ object would say the same).
            if (left.is(Type::Float) && right.is(Type::Float))
                return compare_numbers(compare.ops[0], left.as_float(), right.as_float());
            Value result = compare_slow(compare.ops[0], left, right, compare.span);
            m_current_span = compare.span;
            try {
                return truth(result);
            } catch (RambaError& error) {
                error.set_next_position(compare.span); // Python jumps on a comparison at the comparison
                throw;
            }
        }
        break;
    }
    case ast::ExprKind::UnaryOp: {
        auto& unary = static_cast<const ast::UnaryOpExpr&>(expression);
        if (unary.op == ast::UnaryOpKind::Not)
            return !condition(*unary.operand);
        break;
    }
    case ast::ExprKind::Name: {
        Value temporary;
        const Value& value = operand(expression, temporary);
        m_current_span = expression.span;
        return truth(value);
    }
    default:
        break;
    }
    Value value = eval(expression);
    m_current_span = expression.span;
    return truth(value);
}

[[gnu::noinline]] Value Interpreter::eval_bool_op(const ast::BoolOpExpr& expression)
{
    // `and`/`or` return an operand, not a bool (Python).
    Value value;
    bool is_and = expression.op == ast::BoolOpKind::And;
    for (size_t i = 0; i < expression.values.size(); ++i) {
        value = eval(*expression.values[i]);
        if (i + 1 == expression.values.size())
            break;
        m_current_span = expression.values[i]->span;
        if (truth(value) != is_and)
            break;
    }
    return value;
}

Value Interpreter::eval_index(const ast::Expr& index)
{
    if (index.kind == ast::ExprKind::Slice)
        return eval_slice(static_cast<const ast::SliceExpr&>(index));
    if (index.kind == ast::ExprKind::Tuple) {
        auto& elements = static_cast<const ast::TupleExpr&>(index).elements;
        // OPTIMIZATION: `a[i, j]` in an element loop refills one tuple instead of allocating one per
        // access, while only this interpreter holds it (a dict or user code that kept the last key
        // holds a count, and then a new tuple is made). Elements are evaluated first: they may index too.
        constexpr size_t reused_size = 4;
        if (elements.size() <= reused_size) {
            Value values[reused_size];
            for (size_t k = 0; k < elements.size(); ++k)
                values[k] = eval_index(*elements[k]);
            if (!m_index_tuple || m_index_tuple.use_count() != 1)
                m_index_tuple = make_object<TupleObject>(Values());
            auto& items = m_index_tuple->items;
            items.clear();
            for (size_t k = 0; k < elements.size(); ++k)
                items.push_back(std::move(values[k]));
            return Value::object(Type::Tuple, m_index_tuple);
        }
        Values items;
        items.reserve(elements.size());
        for (const auto& element : elements)
            items.push_back(eval_index(*element));
        return make_tuple(std::move(items));
    }
    return eval(index);
}

[[gnu::noinline]] Value Interpreter::eval_slice(const ast::SliceExpr& slice)
{
    auto object = make_object<SliceObject>();
    if (slice.lower)
        object->start = eval(*slice.lower);
    if (slice.upper)
        object->stop = eval(*slice.upper);
    if (slice.step)
        object->step = eval(*slice.step);
    return Value::object(Type::Slice, std::move(object));
}

[[gnu::noinline]] Value Interpreter::eval_subscript(const ast::SubscriptExpr& expression)
{
    Value container = eval(*expression.value);
    Value index = eval_index(*expression.index);
    // OPTIMIZATION: list[int] and tuple[int] read directly.
    if (index.is(Type::Int) && (container.is(Type::List) || container.is(Type::Tuple))) {
        const Values& items = container.is(Type::List) ? container.as<ListObject>().items : container.as<TupleObject>().items;
        int64_t i = index.as_int();
        if (i < 0)
            i += static_cast<int64_t>(items.size());
        if (i >= 0 && i < static_cast<int64_t>(items.size()))
            return items[i];
    }
    try {
        m_current_span = expression.span;
        return get_item(*this, container, index);
    } catch (RambaError& error) {
        error.set_span_if_unknown(expression.span);
        throw;
    }
}

[[gnu::noinline]] Value Interpreter::eval_sequence(const std::vector<ast::ExprPtr>& elements, Type type)
{
    Values items;
    items.reserve(elements.size());
    for (const auto& element : elements) {
        if (element->kind == ast::ExprKind::Starred) {
            auto& starred = static_cast<const ast::StarredExpr&>(*element);
            Value iterable = eval(*starred.value);
            try {
                m_current_span = starred.span;
                for (auto& item : to_vector(*this, iterable))
                    items.push_back(std::move(item));
            } catch (RambaError& error) {
                error.set_span_if_unknown(starred.span);
                throw;
            }
            continue;
        }
        items.push_back(eval(*element));
    }
    return type == Type::Tuple ? make_tuple(std::move(items)) : make_list(std::move(items));
}

[[gnu::noinline]] Value Interpreter::eval_dict(const ast::DictExpr& expression)
{
    Value dict = make_dict();
    auto& object = dict.as<DictObject>();
    for (size_t i = 0; i < expression.keys.size(); ++i) {
        try {
            if (!expression.keys[i]) {
                Value mapping = eval(*expression.values[i]);
                m_current_span = expression.values[i]->span;
                if (!mapping.is(Type::Dict))
                    throw RambaError(ErrorKind::TypeError, "'" + std::string(type_name(mapping)) + "' object is not a mapping", expression.values[i]->span);
                for (const auto& [key, value] : mapping.as<DictObject>().entries)
                    dict_set(*this, object, key, value);
                continue;
            }
            Value key = eval(*expression.keys[i]);
            Value value = eval(*expression.values[i]);
            m_current_span = expression.keys[i]->span;
            dict_set(*this, object, key, std::move(value));
        } catch (RambaError& error) {
            error.set_span_if_unknown(expression.span);
            throw;
        }
    }
    return dict;
}

[[gnu::noinline]] Value Interpreter::eval_comprehension(const ast::ListCompExpr& expression)
{
    using Result = ast::ListCompExpr::Result;
    Value result = expression.result == Result::Dict ? make_dict()
        : expression.result == Result::Set           ? make_set()
        : expression.result == Result::List          ? make_list({})
                                                     : Value();
    const ast::Comprehension& first = expression.generators[0];
    try {
        if (expression.result == Result::List && expression.generators.size() == 1 && first.target->kind == ast::ExprKind::Name
            && static_cast<const ast::NameExpr&>(*first.target).ref.scope == ast::NameScope::Local) {
            run_simple_comprehension(expression, result.as<ListObject>().items);
            return result;
        }
        run_generators(expression, 0, result);
    } catch (RambaError& error) {
        leave_comprehension(error, expression);
        throw;
    }
    return result;
}

// Python runs a comprehension as a function of its own (`<listcomp>`), its first iterable evaluated
// by the enclosing code: an error elsewhere in it shows that frame in the traceback.
void Interpreter::leave_comprehension(RambaError& error, const ast::ListCompExpr& expression)
{
    using Result = ast::ListCompExpr::Result;
    if (expression.result == Result::Yield)
        return; // the body of a generator expression: its function's frame is `<genexpr>`
    SourceSpan where = error.position();
    const SourceSpan& iterable = expression.generators[0].iter->span;
    auto before = [](uint32_t line, uint32_t column, uint32_t other_line, uint32_t other_column) {
        return line < other_line || (line == other_line && column < other_column);
    };
    if (where.is_known() && !before(where.line, where.column, iterable.line, iterable.column)
        && before(where.line, where.column, iterable.end_line, iterable.end_column))
        return;
    std::string_view name = expression.result == Result::Dict ? "<dictcomp>" : expression.result == Result::Set ? "<setcomp>" : "<listcomp>";
    if (m_frame && m_frame->function)
        error.leave_frame(name, m_frame->function->filename, m_frame->function->source, expression.span);
    else
        error.leave_frame(name, m_scope->filename, m_scope->source, expression.span);
}

// OPTIMIZATION: `[element for name in iterable if test]`, one generator binding one (hidden local)
// name: the loop stores straight into the slot and appends, without the general recursion.
template<typename Body>
void Interpreter::for_each_generated(const ast::Comprehension& generator, Body&& body)
{
    Value iterable = eval(*generator.iter);
    if (iterable.is(Type::Range)) {
        auto& range = iterable.as<RangeObject>();
        for (int64_t i = range.start; range.step > 0 ? i < range.stop : i > range.stop;) {
            body(Value::integer(i));
            if (__builtin_add_overflow(i, range.step, &i))
                break;
        }
        return;
    }
    if (iterable.is(Type::List) || iterable.is(Type::Tuple)) {
        const Values& items = iterable.is(Type::List) ? iterable.as<ListObject>().items : iterable.as<TupleObject>().items;
        for (size_t i = 0; i < items.size(); ++i)
            body(items[i]);
        return;
    }
    Value iterator;
    try {
        m_current_span = generator.iter->span;
        iterator = iterate(*this, iterable);
    } catch (RambaError& error) {
        error.set_span_if_unknown(generator.iter->span);
        throw;
    }
    auto& object = iterator.as<IteratorObject>();
    for (;;) {
        Value item;
        m_current_span = generator.iter->span;
        if (!object.next(*this, item))
            break;
        body(std::move(item));
    }
}

void Interpreter::run_simple_comprehension(const ast::ListCompExpr& expression, Values& items)
{
    const ast::Comprehension& generator = expression.generators[0];
    Value* slot = &m_frame->locals[static_cast<const ast::NameExpr&>(*generator.target).ref.index];
    auto body = [&](Value item) {
        *slot = std::move(item);
        for (const auto& test : generator.ifs) {
            if (!condition(*test))
                return;
        }
        items.push_back(eval(*expression.element));
    };
    for_each_generated(generator, body);
}

void Interpreter::run_generators(const ast::ListCompExpr& expression, size_t level, const Value& result)
{
    if (level == expression.generators.size()) {
        if (expression.value) {
            Value key = eval(*expression.element);
            Value value = eval(*expression.value);
            try {
                m_current_span = expression.element->span;
                dict_set(*this, result.as<DictObject>(), key, std::move(value));
            } catch (RambaError& error) {
                error.set_span_if_unknown(expression.element->span);
                throw;
            }
        } else if (expression.result == ast::ListCompExpr::Result::List) {
            result.as<ListObject>().items.push_back(eval(*expression.element));
        } else if (expression.result == ast::ListCompExpr::Result::Set) {
            Value element = eval(*expression.element);
            try {
                m_current_span = expression.element->span;
                set_add(*this, result, element);
            } catch (RambaError& error) {
                error.set_span_if_unknown(expression.element->span);
                throw;
            }
        } else {
            suspend(eval(*expression.element));
        }
        return;
    }
    const ast::Comprehension& generator = expression.generators[level];
    auto body = [&](Value item) {
        assign(*generator.target, std::move(item));
        for (const auto& test : generator.ifs) {
            if (!condition(*test))
                return;
        }
        run_generators(expression, level + 1, result);
    };
    for_each_generated(generator, body);
}

[[gnu::noinline]] Value Interpreter::eval_lambda(const ast::LambdaExpr& expression)
{
    return make_function(expression.function, expression.function->name);
}

std::string Interpreter::render_fstring_parts(const std::vector<ast::FStringPart>& parts)
{
    std::string out;
    for (const auto& part : parts) {
        if (!part.expr) {
            out += part.literal;
            continue;
        }
        if (part.self_documenting)
            out += part.literal;
        Value value = eval(*part.expr);
        std::string spec = render_fstring_parts(part.format_spec);
        try {
            m_current_span = part.expr->span;
            char conversion = part.conversion;
            // f"{x=}" shows repr(x) unless a format spec or conversion says otherwise.
            if (conversion == 0 && part.self_documenting && part.format_spec.empty())
                conversion = 'r';
            if (conversion == 'r' || conversion == 'a')
                value = make_str(repr_value(*this, value));
            else if (conversion == 's')
                value = make_str(str_value(*this, value));
            if (spec.empty() && value.is(Type::Str))
                out += value.as<StrObject>().value;
            else
                out += format_value(*this, value, spec);
        } catch (RambaError& error) {
            error.set_span_if_unknown(part.expr->span);
            throw;
        }
    }
    return out;
}

[[gnu::noinline]] Value Interpreter::eval_fstring(const ast::FStringExpr& expression)
{
    return make_str(render_fstring_parts(expression.parts));
}

} // namespace ramba::interp
