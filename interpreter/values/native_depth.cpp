// The native stack check (see native_depth.hpp).
#include "interpreter/values/native_depth.hpp"

#include <pthread.h>
#include <string>

#include "interpreter/errors/error.hpp"

namespace ramba::interp {

namespace {

// Half the evaluator's call reserve (interpreter.cpp): a native recursion stops before a call would.
constexpr size_t native_reserve_bytes = 128 * 1024;

const char* stack_floor()
{
    pthread_attr_t attributes;
    if (pthread_getattr_np(pthread_self(), &attributes) != 0)
        return nullptr;
    void* low = nullptr;
    size_t size = 0;
    pthread_attr_getstack(&attributes, &low, &size);
    pthread_attr_destroy(&attributes);
    if (size <= 2 * native_reserve_bytes)
        return nullptr;
    return static_cast<const char*>(low) + native_reserve_bytes;
}

} // namespace

void check_native_stack(const char* context)
{
    thread_local const char* floor = stack_floor();
    char here;
    if (floor && &here < floor) [[unlikely]]
        throw RambaError(ErrorKind::RecursionError, std::string("maximum recursion depth exceeded") + context);
}

} // namespace ramba::interp
