// The builtins module (functions, classes, exception classes gathered from the builtins_*.cpp tables)
// and the registry `import` resolves names through; dotted names resolve through module attributes.
#include <map>

#include "interpreter/values/bytes.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

Ref<ModuleObject> make_builtins()
{
    auto module = make_object<ModuleObject>("builtins");
    for (auto specs : { builtin_function_specs(), builtin_iteration_specs() }) {
        for (auto& spec : specs)
            module->set(spec.name, builtin_value(&spec));
    }
    for (Type type : { Type::Int, Type::Float, Type::Complex, Type::Bool, Type::Str, Type::List, Type::Tuple, Type::Dict,
             Type::Range, Type::Slice, Type::Class })
        module->set(core_class(type).as<ClassObject>().name, core_class(type));
    module->set("object", core_class(Type::Opaque));
#define RAMBA_X(kind, parent) module->set(#kind, exception_class(ErrorKind::kind));
    RAMBA_ERROR_KINDS(RAMBA_X)
#undef RAMBA_X
    module->set("Ellipsis", Value::ellipsis());
    add_class_builtins(*module);
    add_set_builtins(*module);
    add_file_builtins(*module);
    add_bytes_builtins(*module);
    return module;
}

Ref<ModuleObject>& builtins_instance()
{
    static Ref<ModuleObject> module = make_builtins();
    return module;
}

struct Registry {
    std::map<std::string, ModuleFactory> factories;
    std::map<ModuleFactory, Ref<ModuleObject>> instances; // one module per factory: `ramba` is `numpy`
};

Registry& registry()
{
    static Registry r;
    return r;
}

} // namespace

const ModuleObject& builtins_module() { return *builtins_instance(); }

void register_module(std::string name, ModuleFactory factory) { registry().factories[std::move(name)] = factory; }

std::vector<std::string> registered_module_names()
{
    std::vector<std::string> names;
    for (auto& [name, factory] : registry().factories)
        names.push_back(name);
    return names;
}

std::string module_of(const Value& builtin)
{
    if (!builtin.is(Type::Builtin))
        return "";
    auto holds = [&](const ModuleObject& module) {
        for (auto& [name, value] : module.attributes) {
            if (value.is(Type::Builtin) && value.as<BuiltinObject>().spec == builtin.as<BuiltinObject>().spec)
                return true;
        }
        return false;
    };
    if (holds(builtins_module()))
        return "builtins";
    for (auto& [factory, module] : registry().instances) {
        if (module && holds(*module))
            return module->name;
    }
    return "";
}

Ref<ModuleObject> import_module(const std::string& dotted_name)
{
    if (dotted_name == "builtins")
        return builtins_instance();
    auto& r = registry();
    if (auto it = r.factories.find(dotted_name); it != r.factories.end()) {
        auto& instance = r.instances[it->second];
        if (!instance)
            instance = it->second();
        return instance;
    }
    size_t dot = dotted_name.rfind('.');
    if (dot == std::string::npos)
        return nullptr;
    auto parent = import_module(dotted_name.substr(0, dot));
    if (!parent)
        return nullptr;
    const Value* child = parent->find(std::string_view(dotted_name).substr(dot + 1));
    if (!child || !child->is(Type::Module))
        return nullptr;
    return child->ref_as<ModuleObject>();
}

} // namespace ramba::interp
