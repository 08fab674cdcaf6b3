// The SIGINT handler: async-signal-safe, it sets an atomic flag and writes one byte to a pipe.
#include "interpreter/eval/interrupt.hpp"

#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace ramba::interp {

std::atomic<bool> g_interrupt_requested { false };

namespace {
int s_pipe[2] = { -1, -1 };

void on_sigint(int)
{
    g_interrupt_requested.store(true, std::memory_order_relaxed);
    if (s_pipe[1] >= 0) {
        char byte = 1;
        [[maybe_unused]] auto ignored = write(s_pipe[1], &byte, 1);
    }
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
    struct sigaction action {};
    action.sa_handler = on_sigint;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; // no SA_RESTART: a blocking read/select returns EINTR
    sigaction(SIGINT, &action, nullptr);
}

int interrupt_wake_fd() { return s_pipe[0]; }

void clear_interrupt()
{
    g_interrupt_requested.store(false, std::memory_order_relaxed);
    if (s_pipe[0] >= 0) {
        char buffer[64];
        while (read(s_pipe[0], buffer, sizeof buffer) > 0) { }
    }
}

} // namespace ramba::interp
