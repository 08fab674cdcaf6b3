// The value stack's memory: one anonymous mapping, reserved at start-up, touched lazily.
#include "interpreter/eval/frame.hpp"

#include <sys/mman.h>

namespace ramba::interp {

ValueStack::ValueStack(size_t capacity)
{
    m_bytes = capacity * sizeof(Value);
    void* memory = mmap(nullptr, m_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (memory == MAP_FAILED)
        throw std::bad_alloc();
    m_base = static_cast<Value*>(memory);
    m_top = m_base;
    m_end = m_base + capacity;
}

ValueStack::~ValueStack()
{
    pop_to(m_base);
    munmap(m_base, m_bytes);
}

} // namespace ramba::interp
