// GlobalTable: a module's global names and their slots (see ast.hpp).
#include "interpreter/ast/ast.hpp"

namespace ramba::ast {

uint32_t GlobalTable::slot_of(const std::string& name)
{
    if (auto slot = find(name))
        return *slot;
    names.push_back(name);
    auto slot = static_cast<uint32_t>(names.size() - 1);
    index.emplace(name, slot);
    return slot;
}

std::optional<uint32_t> GlobalTable::find(const std::string& name) const
{
    // Names may be appended to `names` directly; index them on the next lookup.
    for (size_t i = index.size(); i < names.size(); ++i)
        index.emplace(names[i], static_cast<uint32_t>(i));
    if (auto it = index.find(name); it != index.end())
        return it->second;
    return std::nullopt;
}

} // namespace ramba::ast
