// libFuzzer target over the whole front and middle: arbitrary bytes are lexed, parsed and run with the
// standard library registered. Caps keep a fuzzed program finite: a deadline per input (the Ctrl-C
// path: the evaluator's loop and call checks and the VM's per-block check) and RAMBA_MEMORY_LIMIT's
// cap on arrays, strings and lists. Every error the program raises is fine; a crash, a sanitizer
// report, a hang past libFuzzer's -timeout or memory past -rss_limit_mb is a finding.
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <new>
#include <pthread.h>
#include <string>

#include "engine/array/ndarray.hpp"
#include "interpreter/ast/builder.hpp"
#include "base/error.hpp"
#include "interpreter/eval/interpreter.hpp"
#include "interpreter/eval/interrupt.hpp"
#include "interpreter/values/value.hpp"
#include "stdlib/python/sys_module.hpp"
#include "stdlib/stdlib.hpp"

namespace {

using namespace ramba;

// RAMBA_FUZZ_DEADLINE_MS (default 250): how long one input may run before it is interrupted.
std::chrono::milliseconds s_deadline { 250 };

void run_input(const std::string& text)
{
    interp::reset_interrupts();
    interp::set_recursion_limit(1000); // a fuzzed sys.setrecursionlimit must not outlive its input
    // Declared first so it outlives the interpreter: a generator freed with it runs its `finally`,
    // which may still print.
    std::string discarded;
    interp::Interpreter interpreter;
    interpreter.capture_stdout(&discarded);
    auto source = std::make_shared<const std::string>(text);
    try {
        auto module = ast::parse_module("<fuzz>", source, interpreter.global_table());
        interpreter.run(*module);
    } catch (const RambaError&) {
        // Any error the language can raise is a correct answer to a malformed program.
    } catch (const std::bad_alloc&) {
    }
}

// Inputs run on one thread with the interpreter's large stack (as ramba's main runs them), so
// recursion is bounded by RecursionError there and the caller can enforce the deadline.
struct Runner {
    std::mutex mutex;
    std::condition_variable wake;
    const std::string* input { nullptr };
    bool done { false };
};
// Never destroyed: at libFuzzer's exit() the runner thread still waits on the condition variable,
// and destroying one with a waiter blocks for ever (the process did not end after -max_total_time).
Runner& s_runner = *new Runner;

void* runner_main(void*)
{
    for (;;) {
        std::unique_lock lock(s_runner.mutex);
        s_runner.wake.wait(lock, [] { return s_runner.input != nullptr; });
        const std::string* input = s_runner.input;
        lock.unlock();
        run_input(*input);
        lock.lock();
        s_runner.input = nullptr;
        s_runner.done = true;
        s_runner.wake.notify_all();
    }
    return nullptr;
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    if (const char* ms = std::getenv("RAMBA_FUZZ_DEADLINE_MS"))
        s_deadline = std::chrono::milliseconds(std::atoi(ms));
    // Unless told otherwise: 256 MiB of arrays, strings and lists per process, one engine thread.
    setenv("RAMBA_MEMORY_LIMIT", "256M", 0);
    setenv("RAMBA_NUM_THREADS", "1", 0);
    ramba::stdlib::register_all();
    ramba::stdlib::set_sys_argv({ "<fuzz>" });
    // No signal handlers: libFuzzer's -timeout runs on SIGALRM, which ramba's SIGTERM grace period
    // would take over; the deadline below calls request_interrupt() directly.
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_attr_setstacksize(&attributes, size_t(512) << 20);
    pthread_t thread;
    if (pthread_create(&thread, &attributes, runner_main, nullptr) != 0)
        std::abort();
    pthread_detach(thread);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string text(reinterpret_cast<const char*>(data), size);
    std::unique_lock lock(s_runner.mutex);
    s_runner.done = false;
    s_runner.input = &text;
    s_runner.wake.notify_all();
    if (!s_runner.wake.wait_for(lock, s_deadline, [] { return s_runner.done; })) {
        // The deadline: sticky, so every later check raises and no handler can keep the program alive.
        ramba::interp::request_interrupt(ramba::interp::Sticky::Yes);
        s_runner.wake.wait(lock, [] { return s_runner.done; });
    }
    return 0;
}
