// Python's `time` module: wall clock, monotonic and CPU clocks, and sleep().
// sleep() polls the Ctrl-C flag so that SIGINT/SIGTERM end it early and the evaluator can raise KeyboardInterrupt.
#include "stdlib/python/time_module.hpp"

#include <cerrno>
#include <chrono>
#include <algorithm>
#include <cmath>
#include <ctime>


namespace ramba::stdlib {

using namespace interp;

namespace {

int64_t clock_ns(clockid_t clock)
{
    timespec ts {};
    clock_gettime(clock, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

Value seconds(int64_t ns) { return Value::floating(static_cast<double>(ns) * 1e-9); }

Value time_time(CallContext&, std::span<Value>) { return seconds(clock_ns(CLOCK_REALTIME)); }
Value time_time_ns(CallContext&, std::span<Value>) { return Value::integer(clock_ns(CLOCK_REALTIME)); }
Value time_perf_counter(CallContext&, std::span<Value>) { return seconds(clock_ns(CLOCK_MONOTONIC)); }
Value time_perf_counter_ns(CallContext&, std::span<Value>) { return Value::integer(clock_ns(CLOCK_MONOTONIC)); }
Value time_process_time(CallContext&, std::span<Value>) { return seconds(clock_ns(CLOCK_PROCESS_CPUTIME_ID)); }
Value time_process_time_ns(CallContext&, std::span<Value>) { return Value::integer(clock_ns(CLOCK_PROCESS_CPUTIME_ID)); }

Value time_sleep(CallContext& ctx, std::span<Value> a)
{
    double secs = to_double(ctx, a[0]);
    if (std::isnan(secs))
        throw RambaError(ErrorKind::ValueError, "Invalid value NaN (not a number)");
    if (secs < 0)
        throw RambaError(ErrorKind::ValueError, "sleep length must be non-negative");
    if (secs > 1e9)
        throw RambaError(ErrorKind::OverflowError, "sleep length is too large");
    // Slices of at most 50 ms: the signal may land on another thread (OpenMP's, BLAS's) and not
    // interrupt nanosleep here, so the flag is polled; the evaluator raises when the call returns.
    double end = clock_ns(CLOCK_MONOTONIC) * 1e-9 + secs;
    while (!ctx.interrupt_requested()) {
        double left = end - clock_ns(CLOCK_MONOTONIC) * 1e-9;
        if (left <= 0)
            break;
        double slice = std::min(left, 0.05);
        timespec request {};
        request.tv_sec = static_cast<time_t>(slice);
        request.tv_nsec = static_cast<long>((slice - std::floor(slice)) * 1e9);
        nanosleep(&request, nullptr);
    }
    return Value();
}

constexpr BuiltinSpec rows[] = {
    { "time", "()", time_time, "Return the current time in seconds since the Epoch." },
    { "time_ns", "()", time_time_ns, "Return the current time in nanoseconds since the Epoch." },
    { "perf_counter", "()", time_perf_counter, "Performance counter for benchmarking." },
    { "perf_counter_ns", "()", time_perf_counter_ns, "Performance counter for benchmarking as nanoseconds." },
    { "monotonic", "()", time_perf_counter, "Monotonic clock, cannot go backward." },
    { "monotonic_ns", "()", time_perf_counter_ns, "Monotonic clock, cannot go backward, as nanoseconds." },
    { "process_time", "()", time_process_time, "Process time for profiling: sum of the kernel and user-space CPU time." },
    { "process_time_ns", "()", time_process_time_ns, "Process time for profiling as nanoseconds." },
    { "sleep", "(seconds, /)", time_sleep, "Delay execution for a given number of seconds.  The argument may be\na floating point number for subsecond precision." },
};

} // namespace

interp::Ref<ModuleObject> make_time_module()
{
    auto module = interp::make_object<ModuleObject>("time");
    for (auto& spec : rows)
        module->set(spec.name, make_builtin(&spec));
    return module;
}

} // namespace ramba::stdlib
