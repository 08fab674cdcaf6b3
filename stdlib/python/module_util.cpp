// What the C++ standard modules share (python_modules.hpp).
#include "stdlib/python/python_modules.hpp"

namespace ramba::stdlib::python {

using namespace interp;

Ref<ModuleObject> module_of_rows(std::string name, std::span<const BuiltinSpec> rows)
{
    auto module = make_object<ModuleObject>(std::move(name));
    for (auto& spec : rows)
        module->set(spec.name, make_builtin(&spec));
    return module;
}

void raise(ErrorKind kind, std::string message) { throw RambaError(kind, std::move(message)); }

} // namespace ramba::stdlib::python
