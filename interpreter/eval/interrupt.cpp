// The SIGINT and SIGTERM handlers: async-signal-safe, they set atomic flags and write one byte to a pipe.
#include "interpreter/eval/interrupt.hpp"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

#include "engine/vm/cancel.hpp"

namespace ramba::interp {

std::atomic<bool> g_interrupt_requested { false };

namespace {
int s_pipe[2] = { -1, -1 };
std::atomic<bool> s_terminate { false };
std::atomic<bool> s_sticky { false };
static_assert(std::atomic<bool>::is_always_lock_free);

void on_sigint(int)
{
    request_interrupt();
}

void on_sigalrm(int)
{
    _exit(128 + SIGTERM); // the grace period after SIGTERM is over
}

void on_sigterm(int)
{
    s_terminate.store(true, std::memory_order_relaxed);
    request_interrupt();
    alarm(terminate_grace_seconds);
}

void install(int signal_number, void (*handler)(int))
{
    struct sigaction action {};
    action.sa_handler = handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocking read/select returns EINTR
    sigaction(signal_number, &action, nullptr);
}
}

void request_interrupt(Sticky sticky)
{
    if (sticky == Sticky::Yes)
        s_sticky.store(true, std::memory_order_relaxed);
    g_interrupt_requested.store(true, std::memory_order_relaxed);
    vm::g_cancel_requested.store(true, std::memory_order_relaxed);
    if (s_pipe[1] >= 0) {
        char byte = 1;
        [[maybe_unused]] auto ignored = write(s_pipe[1], &byte, 1);
    }
}

void install_interrupt_handler()
{
    if (s_pipe[0] < 0 && pipe(s_pipe) == 0) {
        for (int fd : s_pipe) {
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
            fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
    }
    install(SIGINT, on_sigint);
    install(SIGTERM, on_sigterm);
    install(SIGALRM, on_sigalrm);
}

int interrupt_wake_fd() { return s_pipe[0]; }

bool terminate_requested() { return s_terminate.load(std::memory_order_relaxed); }

void clear_interrupt()
{
    if (terminate_requested() || s_sticky.load(std::memory_order_relaxed))
        return;
    g_interrupt_requested.store(false, std::memory_order_relaxed);
    vm::g_cancel_requested.store(false, std::memory_order_relaxed);
    if (s_pipe[0] >= 0) {
        char buffer[64];
        while (read(s_pipe[0], buffer, sizeof buffer) > 0) { }
    }
}

void reset_interrupts()
{
    s_sticky.store(false, std::memory_order_relaxed);
    clear_interrupt();
}

} // namespace ramba::interp
