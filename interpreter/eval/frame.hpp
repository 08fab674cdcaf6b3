// Frames of the evaluator: the value stack that holds every frame's locals and call arguments, and
// the Frame record of one running function (or module). Used by interpreter.cpp and call.cpp.
#pragma once

#include <cstddef>
#include <memory>
#include <new>
#include <utility>
#include <vector>

#include "interpreter/values/value.hpp"

namespace ramba::interp {

struct FunctionObject;

// A local slot that has no value yet (before assignment, after `del`). Cells never live in locals
// (a frame keeps its cells apart), so a Cell-typed value with no object is free to mean "unbound";
// making and testing it touches no memory.
inline Value unbound_value() { return Value::empty_object(Type::Cell); }
inline bool is_unbound(const Value& value) { return value.type() == Type::Cell; }

// One contiguous stack of Values for all frames: a call pushes its arguments and locals on top and
// pops them on return, so calls allocate nothing. The region is reserved once (pages are only
// touched when used); it never moves, so Value* into it stay valid while their frame lives.
class ValueStack {
public:
    explicit ValueStack(size_t capacity);
    ~ValueStack();
    ValueStack(const ValueStack&) = delete;
    ValueStack& operator=(const ValueStack&) = delete;

    Value* top() const { return m_top; }
    // Exchanges the regions: a generator's body runs on its fiber's stack (generators.cpp).
    void swap(ValueStack& other) noexcept
    {
        std::swap(m_base, other.m_base);
        std::swap(m_top, other.m_top);
        std::swap(m_end, other.m_end);
        std::swap(m_bytes, other.m_bytes);
    }
    bool has_room(size_t count) const { return static_cast<size_t>(m_end - m_top) >= count; }
    // Precondition: has_room(1) (callers check once per frame; see Interpreter::reserve_stack).
    void push(Value&& value) { new (m_top++) Value(std::move(value)); }
    void push(const Value& value) { new (m_top++) Value(value); }
    void push_unbound(size_t count)
    {
        for (size_t i = 0; i < count; ++i)
            new (m_top++) Value(unbound_value());
    }
    void pop_to(Value* mark)
    {
        // OPTIMIZATION: a Value holding no object (ints, floats, None) has nothing to release, so
        // its storage is simply reused; the out-of-line shared_ptr destructor is not called for it.
        while (m_top > mark) {
            --m_top;
            if (m_top->holds_object())
                m_top->~Value();
        }
    }

private:
    Value* m_base { nullptr };
    Value* m_top { nullptr };
    Value* m_end { nullptr };
    size_t m_bytes { 0 };
};

// Pops the value stack back to where it was, however the scope is left (return or exception).
class StackMark {
public:
    explicit StackMark(ValueStack& stack) : m_stack(stack), m_mark(stack.top()) { }
    [[gnu::always_inline]] ~StackMark() { m_stack.pop_to(m_mark); }
    Value* mark() const { return m_mark; }
    StackMark(const StackMark&) = delete;
    StackMark& operator=(const StackMark&) = delete;

private:
    ValueStack& m_stack;
    Value* m_mark;
};

// A frame's cells, allocated only for functions that have any: most calls make and drop an empty
// one, which must cost next to nothing.
class FrameCells {
public:
    FrameCells() = default;
    FrameCells(const FrameCells&) = delete;
    FrameCells& operator=(const FrameCells&) = delete;
    [[gnu::always_inline]] ~FrameCells()
    {
        if (m_cells) [[unlikely]]
            destroy();
    }
    bool empty() const { return !m_cells || m_cells->empty(); }
    void reserve(size_t count) { storage().reserve(count); }
    void push_back(Ref<CellObject> cell) { storage().push_back(std::move(cell)); }
    void swap(FrameCells& other) noexcept { std::swap(m_cells, other.m_cells); }
    Ref<CellObject>& operator[](size_t index) const { return (*m_cells)[index]; }

private:
    std::vector<Ref<CellObject>>& storage()
    {
        if (!m_cells)
            m_cells = new std::vector<Ref<CellObject>>();
        return *m_cells;
    }
    [[gnu::noinline]] void destroy() { delete m_cells; }
    std::vector<Ref<CellObject>>* m_cells { nullptr };
};

struct Frame {
    Value* locals { nullptr };
    FrameCells cells; // own cells, then the closure's free variables
    const FunctionObject* function { nullptr };     // null for module-level code
};

} // namespace ramba::interp
