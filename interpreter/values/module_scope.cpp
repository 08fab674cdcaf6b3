// ModuleScope: a Python-source module's globals seen as module attributes (see module_scope.hpp).
#include "interpreter/values/module_scope.hpp"

namespace ramba::interp {

namespace {
// The evaluator's "no value yet" slot (eval/frame.hpp's unbound_value, which values/ does not include).
Value unbound() { return Value::empty_object(Type::Cell); }
bool is_unbound(const Value& value) { return value.type() == Type::Cell; }
}

const Value* ModuleScope::find(std::string_view attribute) const
{
    auto slot = table.find(std::string(attribute));
    if (!slot || *slot >= globals.size() || is_unbound(globals[*slot]))
        return nullptr;
    return &globals[*slot];
}

void ModuleScope::set(const std::string& attribute, Value value)
{
    uint32_t slot = table.slot_of(attribute);
    if (slot >= globals.size()) {
        globals.resize(slot + 1, unbound());
        builtin_cache.resize(slot + 1, unbound());
    }
    globals[slot] = std::move(value);
}

bool ModuleScope::remove(std::string_view attribute)
{
    auto slot = table.find(std::string(attribute));
    if (!slot || *slot >= globals.size() || is_unbound(globals[*slot]))
        return false;
    globals[*slot] = unbound();
    return true;
}

std::vector<std::pair<std::string, Value>> ModuleScope::entries() const
{
    std::vector<std::pair<std::string, Value>> out;
    for (size_t i = 0; i < globals.size() && i < table.names.size(); ++i) {
        if (!is_unbound(globals[i]))
            out.emplace_back(table.names[i], globals[i]);
    }
    return out;
}

} // namespace ramba::interp
