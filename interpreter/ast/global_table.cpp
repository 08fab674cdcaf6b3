// GlobalTable: a module's global names and their slots (see ast.hpp).
#include "interpreter/ast/ast.hpp"

namespace ramba::ast {

// FIXME: linear search; a REPL session or script has few enough globals that this has not shown
// up in profiles. Add a name->slot map beside `names` if it does.
uint32_t GlobalTable::slot_of(const std::string& name)
{
    if (auto slot = find(name))
        return *slot;
    names.push_back(name);
    return static_cast<uint32_t>(names.size() - 1);
}

std::optional<uint32_t> GlobalTable::find(const std::string& name) const
{
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] == name)
            return static_cast<uint32_t>(i);
    return std::nullopt;
}

} // namespace ramba::ast
