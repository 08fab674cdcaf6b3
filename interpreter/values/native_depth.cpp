// The native stack check (see native_depth.hpp).
#include "interpreter/values/native_depth.hpp"

#include <pthread.h>
#include <string>

#include "base/error.hpp"

namespace ramba::interp {

namespace {

// Half the evaluator's call reserve (interpreter.cpp): a native recursion stops before a call would.
constexpr size_t native_reserve_bytes = 128 * 1024;

#if defined(__has_feature)
#    if __has_feature(thread_sanitizer)
#        define RAMBA_UNDER_TSAN 1
#    endif
#endif
#if defined(__SANITIZE_THREAD__)
#    define RAMBA_UNDER_TSAN 1
#endif

#ifdef RAMBA_UNDER_TSAN
// ThreadSanitizer keeps its own call stack per thread, 65536 frames with nothing behind it: deeper
// native recursion writes over TSan's state (the interpreter's 512 MiB stack holds millions of
// frames). Under TSan only the top 12 MiB count, about 45000 frames of the repr recursion's 272.
constexpr size_t tsan_usable_stack_bytes = size_t(12) << 20;
#endif

} // namespace

const char* stack_floor(size_t reserve_bytes)
{
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) != 0)
        return nullptr;
    void* low = nullptr;
    size_t size = 0;
    pthread_attr_getstack(&attributes, &low, &size);
    pthread_attr_destroy(&attributes);
    if (size <= 2 * reserve_bytes)
        return nullptr;
#ifdef RAMBA_UNDER_TSAN
    if (size > tsan_usable_stack_bytes + reserve_bytes)
        return static_cast<const char*>(low) + size - tsan_usable_stack_bytes;
#endif
    return static_cast<const char*>(low) + reserve_bytes;
}

const char* native_floor_for(const char* stack_low) { return stack_low ? stack_low + native_reserve_bytes : nullptr; }

void check_native_stack(const char* context)
{
    if (!t_native_floor_known) [[unlikely]] {
        t_native_floor = stack_floor(native_reserve_bytes);
        t_native_floor_known = true;
    }
    const char* floor = t_native_floor;
    char here;
    if (floor && &here < floor) [[unlikely]]
        throw RambaError(ErrorKind::RecursionError, std::string("maximum recursion depth exceeded") + context);
}

} // namespace ramba::interp
