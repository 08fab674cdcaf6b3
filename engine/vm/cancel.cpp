// The kernel cancellation flag (see cancel.hpp).
#include "engine/vm/cancel.hpp"

#include "base/error.hpp"

namespace ramba::vm {

std::atomic<bool> g_cancel_requested { false };

void throw_cancelled()
{
    throw RambaError(ErrorKind::KeyboardInterrupt, "");
}

} // namespace ramba::vm
