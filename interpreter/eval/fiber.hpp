// Fiber: a native stack of its own on which a generator's body runs, and the switch between that
// stack and the one that resumed it. Used by generators.cpp; nothing else switches stacks.
#pragma once

#include <cstddef>

#include "interpreter/eval/frame.hpp"

#if defined(__has_feature)
#    if __has_feature(address_sanitizer)
#        define RAMBA_FIBER_ASAN 1
#    endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#    define RAMBA_FIBER_ASAN 1
#endif

#ifdef RAMBA_FIBER_ASAN
extern "C" void __sanitizer_start_switch_fiber(void** fake_stack_save, const void* bottom, size_t size);
extern "C" void __sanitizer_finish_switch_fiber(void* fake_stack_save, const void** bottom_old, size_t* size_old);
#endif

// ramba_fiber_switch(save, load): pushes the callee-saved registers, stores the stack pointer in
// *save, loads `load` as the stack pointer, pops the registers saved there and returns into it
// (fiber.cpp, in assembly).
extern "C" void ramba_fiber_switch(void** save, void* load);

// The Itanium C++ ABI's per-thread exception globals (libstdc++ and libc++abi lay them out alike).
struct EhGlobals {
    void* caught_exceptions;
    unsigned int uncaught_exceptions;
};
extern "C" EhGlobals* __cxa_get_globals() noexcept;

namespace ramba::interp {

// This thread's EhGlobals, once found (the call reads a TLS block each time).
inline thread_local EhGlobals* t_eh_globals = nullptr;

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

    // From the resumer: runs the fiber until it calls switch_out() or finish(). Inline, as is
    // switch_out(): every C++ frame between a yield and the switch costs a mispredicted return.
    [[gnu::always_inline]] void switch_in()
    {
        EhGlobals* globals = t_eh_globals;
        if (!globals) [[unlikely]]
            globals = find_eh_globals();
        EhGlobals resumer = *globals;
        globals->caught_exceptions = m_caught_exceptions;
        globals->uncaught_exceptions = m_uncaught_exceptions;
#ifdef RAMBA_FIBER_ASAN
        void* resumer_fake_stack = nullptr;
        __sanitizer_start_switch_fiber(&resumer_fake_stack, m_low, static_cast<size_t>(m_high - m_low));
#endif
        ramba_fiber_switch(&m_resumer_sp, m_sp);
#ifdef RAMBA_FIBER_ASAN
        __sanitizer_finish_switch_fiber(resumer_fake_stack, nullptr, nullptr);
#endif
        m_caught_exceptions = globals->caught_exceptions;
        m_uncaught_exceptions = globals->uncaught_exceptions;
        *globals = resumer;
    }
    // The entry's first call, on the new stack: completes the switch into it.
    void entered();
    // From the fiber: suspends it; switch_in() in the resumer returns.
    [[gnu::always_inline]] void switch_out()
    {
#ifdef RAMBA_FIBER_ASAN
        __sanitizer_start_switch_fiber(&m_fake_stack, m_resumer_bottom, m_resumer_size);
#endif
        ramba_fiber_switch(&m_sp, m_resumer_sp);
#ifdef RAMBA_FIBER_ASAN
        __sanitizer_finish_switch_fiber(m_fake_stack, &m_resumer_bottom, &m_resumer_size);
#endif
    }
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
    static EhGlobals* find_eh_globals();

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
