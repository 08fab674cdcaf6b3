// Registers the standard library's modules with the interpreter (see stdlib.hpp).
#include "stdlib/stdlib.hpp"

namespace ramba::stdlib {

void register_all()
{
}

} // namespace ramba::stdlib
