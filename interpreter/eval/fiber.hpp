// Fiber: a native stack of its own on which a generator's body runs, and the switch between that
// stack and the one that resumed it. Used by generators.cpp; nothing else switches stacks.
#pragma once

#include <cstddef>

#include "interpreter/eval/frame.hpp"

namespace ramba::interp {

// A suspended computation with its own C++ stack and value stack. The switch saves the callee-saved
// registers and the stack pointer only (a few nanoseconds; glibc's swapcontext also makes a
// sigprocmask system call each way). Stacks are mapped once, lazily committed and reused.
class Fiber {
public:
    using Entry = void (*)(void* argument);

    // A fiber from the pool (or a new one) whose first switch_in() calls entry(argument). The entry
    // must end with finish(), never return. Throws MemoryError when no stack can be mapped.
    static Fiber* acquire(Entry, void* argument);
    // Back to the pool. Precondition: the entry has called finish(), or switch_in() never ran.
    static void release(Fiber*);
    static void release_for_good(Fiber*); // unmaps it (the pool's end)

    // From the resumer: runs the fiber until it calls switch_out() or finish().
    void switch_in();
    // The entry's first call, on the new stack: completes the switch into it.
    void entered();
    // From the fiber: suspends it; switch_in() in the resumer returns.
    void switch_out();
    // From the fiber, its last act: like switch_out(), but the fiber is never resumed.
    [[noreturn]] void finish();

    // The lowest usable address of the fiber's C++ stack (stacks grow down).
    const char* stack_low() const { return m_low; }
    const char* native_floor() const { return m_native_floor; } // see values/native_depth.hpp
    ValueStack& values() { return m_values; }

    Fiber(const Fiber&) = delete;
    Fiber& operator=(const Fiber&) = delete;

private:
    Fiber();
    ~Fiber();
    void prepare(Entry, void* argument);

    char* m_mapping { nullptr };
    size_t m_mapping_bytes { 0 };
    char* m_low { nullptr };  // above the guard page
    char* m_high { nullptr }; // one past the top
    const char* m_native_floor { nullptr };
    void* m_sp { nullptr };          // the fiber's saved stack pointer while it is suspended
    void* m_resumer_sp { nullptr };  // the resumer's while the fiber runs
    ValueStack m_values;
    // The C++ runtime's per-thread exception state (caught-exception stack, uncaught count) is the
    // fiber's own while it runs, so a `catch` left open on one stack never unbalances the other.
    void* m_caught_exceptions { nullptr };
    unsigned int m_uncaught_exceptions { 0 };
    // AddressSanitizer's bookkeeping of stack switches (unused otherwise).
    void* m_fake_stack { nullptr };
    const void* m_resumer_bottom { nullptr };
    size_t m_resumer_size { 0 };
};

} // namespace ramba::interp
