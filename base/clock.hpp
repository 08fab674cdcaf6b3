// Milliseconds on the monotonic clock: heartbeats, deadlines and waits of the driver and the workers.
// Below everything (base/); never the wall clock, which can jump.
#pragma once

#include <chrono>
#include <cstdint>

namespace ramba {

inline int64_t now_ms()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace ramba
