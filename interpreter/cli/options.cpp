// The one Options instance (see options.hpp).
#include "interpreter/cli/options.hpp"

namespace ramba {

Options& options()
{
    static Options instance;
    return instance;
}

} // namespace ramba
