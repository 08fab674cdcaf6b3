// Blocking the interrupting signals in one thread (see signals.hpp).
#include "base/signals.hpp"

#include <pthread.h>

namespace ramba {

sigset_t block_interrupt_signals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGALRM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    return set;
}

} // namespace ramba
