// The fiber switch (see fiber.hpp): a hand-written register save/restore for x86-64 and AArch64,
// stacks from mmap with a guard page, a small pool, and AddressSanitizer's fiber annotations.
#include "interpreter/eval/fiber.hpp"

#include <sys/mman.h>
#include <unistd.h>
#include <vector>

#include "base/error.hpp"
#include "interpreter/values/native_depth.hpp"

// ramba_fiber_switch(save, load): pushes the callee-saved registers, stores the stack pointer in
// *save, loads `load` as the stack pointer, pops the registers saved there and returns into it.
// ramba_fiber_start: where a new fiber's first switch returns to; calls entry(argument), which
// never returns.
extern "C" void ramba_fiber_start();

#if defined(__x86_64__)
asm(R"(
    .text
    .globl ramba_fiber_switch
    .type ramba_fiber_switch, @function
ramba_fiber_switch:
    .cfi_startproc
    pushq %rbp
    pushq %rbx
    pushq %r12
    pushq %r13
    pushq %r14
    pushq %r15
    movq %rsp, (%rdi)
    movq %rsi, %rsp
    popq %r15
    popq %r14
    popq %r13
    popq %r12
    popq %rbx
    popq %rbp
    ret
    .cfi_endproc
    .size ramba_fiber_switch, .-ramba_fiber_switch

    .globl ramba_fiber_start
    .type ramba_fiber_start, @function
ramba_fiber_start:
    .cfi_startproc
    .cfi_undefined rip
    movq %r12, %rdi
    callq *%r13
    ud2
    .cfi_endproc
    .size ramba_fiber_start, .-ramba_fiber_start
)");
#elif defined(__aarch64__)
asm(R"(
    .text
    .globl ramba_fiber_switch
    .type ramba_fiber_switch, %function
ramba_fiber_switch:
    sub sp, sp, #160
    stp x19, x20, [sp, #0]
    stp x21, x22, [sp, #16]
    stp x23, x24, [sp, #32]
    stp x25, x26, [sp, #48]
    stp x27, x28, [sp, #64]
    stp x29, x30, [sp, #80]
    stp d8, d9, [sp, #96]
    stp d10, d11, [sp, #112]
    stp d12, d13, [sp, #128]
    stp d14, d15, [sp, #144]
    mov x2, sp
    str x2, [x0]
    mov sp, x1
    ldp x19, x20, [sp, #0]
    ldp x21, x22, [sp, #16]
    ldp x23, x24, [sp, #32]
    ldp x25, x26, [sp, #48]
    ldp x27, x28, [sp, #64]
    ldp x29, x30, [sp, #80]
    ldp d8, d9, [sp, #96]
    ldp d10, d11, [sp, #112]
    ldp d12, d13, [sp, #128]
    ldp d14, d15, [sp, #144]
    add sp, sp, #160
    ret
    .size ramba_fiber_switch, .-ramba_fiber_switch

    .globl ramba_fiber_start
    .type ramba_fiber_start, %function
ramba_fiber_start:
    .cfi_startproc
    .cfi_undefined x30
    mov x0, x19
    blr x20
    brk #0
    .cfi_endproc
    .size ramba_fiber_start, .-ramba_fiber_start
)");
#else
#    error "ramba's generators need a fiber switch for this architecture (interpreter/eval/fiber.cpp)"
#endif

namespace ramba::interp {

namespace {
// 64 MiB of address space per fiber, committed only as touched (MAP_NORESERVE): a generator body
// may recurse as deep as sys.setrecursionlimit(10**5) allows (measured: a one-line recursive
// function 10**5 deep fits, at -O3; in 8 MiB it stopped with RecursionError). Deeper, the stack
// limit check raises RecursionError before the guard page is reached.
constexpr size_t fiber_stack_bytes = size_t(64) << 20;
// Values for the frames a generator body calls (the main stack has 4M).
constexpr size_t fiber_value_capacity = size_t(1) << 18;
// Finished fibers kept for reuse: mapping a stack costs a few microseconds, a generator expression
// per loop iteration should not pay it.
constexpr size_t fiber_pool_size = 64;

// Finished fibers of this thread, deleted with it.
struct Pool {
    std::vector<Fiber*> fibers;
    ~Pool()
    {
        for (Fiber* fiber : fibers)
            Fiber::release_for_good(fiber);
    }
};
thread_local Pool t_pool;
}

EhGlobals* Fiber::find_eh_globals()
{
    t_eh_globals = __cxa_get_globals();
    return t_eh_globals;
}

void Fiber::release_for_good(Fiber* fiber) { delete fiber; }

Fiber::Fiber()
    : m_values(fiber_value_capacity)
{
    size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    m_mapping_bytes = fiber_stack_bytes + page;
    void* memory = mmap(nullptr, m_mapping_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (memory == MAP_FAILED)
        throw RambaError(ErrorKind::MemoryError, "cannot allocate a generator's stack");
    m_mapping = static_cast<char*>(memory);
    mprotect(m_mapping, page, PROT_NONE); // an overflow faults instead of writing over other memory
    m_low = m_mapping + page;
    m_high = m_mapping + m_mapping_bytes;
    m_native_floor = native_floor_for(m_low);
}

Fiber::~Fiber()
{
    munmap(m_mapping, m_mapping_bytes);
}

Fiber* Fiber::acquire(Entry entry, void* argument)
{
    Fiber* fiber;
    if (!t_pool.fibers.empty()) {
        fiber = t_pool.fibers.back();
        t_pool.fibers.pop_back();
    } else {
        fiber = new Fiber();
    }
    fiber->prepare(entry, argument);
    return fiber;
}

void Fiber::release(Fiber* fiber)
{
    if (t_pool.fibers.size() < fiber_pool_size)
        t_pool.fibers.push_back(fiber);
    else
        delete fiber;
}

void Fiber::prepare(Entry entry, void* argument)
{
    m_caught_exceptions = nullptr;
    m_uncaught_exceptions = 0;
    m_fake_stack = nullptr;
    auto* top = reinterpret_cast<void**>(reinterpret_cast<uintptr_t>(m_high) & ~uintptr_t(15));
#if defined(__x86_64__)
    // ramba_fiber_switch pops r15, r14, r13, r12, rbx, rbp and returns; the return leaves the stack
    // 16-byte aligned for ramba_fiber_start's call, as the ABI wants at a call.
    void** sp = top - 9;
    sp[0] = nullptr;                                          // r15
    sp[1] = nullptr;                                          // r14
    sp[2] = reinterpret_cast<void*>(entry);                   // r13
    sp[3] = argument;                                         // r12
    sp[4] = nullptr;                                          // rbx
    sp[5] = nullptr;                                          // rbp
    sp[6] = reinterpret_cast<void*>(&ramba_fiber_start);      // return address
#else
    // ramba_fiber_switch loads x19..x30 and d8..d15 from 160 bytes and returns to x30.
    void** sp = top - 20;
    for (int i = 0; i < 20; ++i)
        sp[i] = nullptr;
    sp[0] = argument;                                         // x19
    sp[1] = reinterpret_cast<void*>(entry);                   // x20
    sp[11] = reinterpret_cast<void*>(&ramba_fiber_start);     // x30
#endif
    m_sp = sp;
}

void Fiber::finish()
{
#ifdef RAMBA_FIBER_ASAN
    __sanitizer_start_switch_fiber(nullptr, m_resumer_bottom, m_resumer_size);
#endif
    // The saved pointer goes to a member: under ASan's use-after-return detection this frame's
    // locals live on a fake stack that the start_switch_fiber(nullptr, ...) above has freed.
    ramba_fiber_switch(&m_sp, m_resumer_sp);
    __builtin_unreachable();
}

void Fiber::entered()
{
#ifdef RAMBA_FIBER_ASAN
    __sanitizer_finish_switch_fiber(nullptr, &m_resumer_bottom, &m_resumer_size);
#endif
}

} // namespace ramba::interp
