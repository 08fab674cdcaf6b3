// `import` and `from ... import`: native modules from the registry (values/modules.cpp), then
// Python-source modules: those embedded in the binary (stdlib's library code) and `.py` files beside
// the script (or in the working directory for the REPL and `-c`), packages (`pkg/__init__.py`)
// included. A source module runs once, in a ModuleScope of its own, and is cached by name; a module
// whose top level fails is forgotten, as Python's sys.modules forgets it.
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "interpreter/ast/builder.hpp"
#include "interpreter/errors/messages.hpp"
#include "interpreter/eval/interpreter.hpp"

namespace ramba::interp {

namespace {

std::string join_path(const std::vector<std::string>& path, size_t count)
{
    std::string dotted;
    for (size_t i = 0; i < count && i < path.size(); ++i) {
        if (i > 0)
            dotted += '.';
        dotted += path[i];
    }
    return dotted;
}

std::map<std::string, EmbeddedModule>& embedded_modules()
{
    static std::map<std::string, EmbeddedModule> modules;
    return modules;
}

std::optional<std::string> read_text(const std::filesystem::path& path)
{
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return std::nullopt;
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return std::nullopt;
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

struct OverlayPart {
    std::string module;
    std::string part;
    std::set<std::string, std::less<>> names;
    const char* source;
    bool loaded { false };
};

// Native modules live for the process, so their overlay parts run once per process, whichever
// interpreter asks first.
std::vector<OverlayPart>& overlay_parts()
{
    static std::vector<OverlayPart> parts;
    return parts;
}

bool has_unloaded_part(const std::string& module)
{
    for (const auto& part : overlay_parts()) {
        if (part.module == module && !part.loaded)
            return true;
    }
    return false;
}

} // namespace

void register_embedded_module(std::string name, EmbeddedModule module)
{
    embedded_modules()[std::move(name)] = module;
}

std::vector<std::string> embedded_module_names()
{
    std::vector<std::string> names;
    for (const auto& [name, module] : embedded_modules())
        names.push_back(name);
    return names;
}

void register_overlay_part(std::string module, std::string part, std::string_view names, const char* source)
{
    OverlayPart row { std::move(module), std::move(part), {}, source };
    while (!names.empty()) {
        size_t space = names.find(' ');
        row.names.emplace(names.substr(0, space));
        names = space == std::string_view::npos ? std::string_view() : names.substr(space + 1);
    }
    overlay_parts().push_back(std::move(row));
}

namespace {
Interpreter* s_import_interpreter = nullptr;
}

void install_import_hooks(Interpreter& interpreter)
{
    s_import_interpreter = &interpreter;
    set_overlay_loader([](const ModuleObject& module, std::string_view attribute) {
        return s_import_interpreter && s_import_interpreter->load_overlay(const_cast<ModuleObject&>(module), attribute);
    });
}

void uninstall_import_hooks(Interpreter& interpreter)
{
    if (s_import_interpreter == &interpreter)
        s_import_interpreter = nullptr;
}

void Interpreter::mark_overlay(ModuleObject& native)
{
    if (has_unloaded_part(native.name))
        native.overlay_pending = true;
}

// Runs the overlay part that defines `attribute` (every part for an empty one) as a library module
// shown under the native module's name (its classes say `numpy.X`), and adds its public names to
// the native module.
bool Interpreter::load_overlay(ModuleObject& native, std::string_view attribute)
{
    bool loaded = false;
    for (size_t i = 0; i < overlay_parts().size(); ++i) {
        auto& part = overlay_parts()[i];
        if (part.module != native.name || part.loaded || (!attribute.empty() && !part.names.contains(attribute)))
            continue;
        part.loaded = true; // before it runs: its own `import numpy` must not run it again
        std::string key = "<overlay " + part.module + "." + part.part + ">";
        auto source = std::make_shared<const std::string>(part.source);
        auto overlay = load_source_module(key, "<ramba:" + part.module + "/" + part.part + ">", std::move(source), "", true,
            part.module, true);
        for (auto& [name, value] : overlay->entries()) {
            if (!name.starts_with('_') && !value.is(Type::Module))
                native.set(name, value);
        }
        loaded = true;
    }
    native.overlay_pending = has_unloaded_part(native.name);
    return loaded;
}

std::vector<std::string> Interpreter::module_search_dirs() const
{
    const std::string& main = m_main->filename;
    if (main.empty() || main.starts_with('<'))
        return { "." };
    std::filesystem::path dir = std::filesystem::path(main).parent_path();
    return { dir.empty() ? std::string(".") : dir.string() };
}

Ref<ModuleObject> Interpreter::find_module(const std::string& dotted)
{
    if (auto module = import_module(dotted)) {
        mark_overlay(*module);
        return module;
    }
    if (auto it = m_source_modules.find(dotted); it != m_source_modules.end())
        return it->second->object;
    if (auto it = embedded_modules().find(dotted); it != embedded_modules().end()) {
        // An embedded submodule (matplotlib.pyplot) becomes an attribute of its package, as a file's does.
        Ref<ModuleObject> package;
        if (size_t dot = dotted.rfind('.'); dot != std::string::npos && !(package = find_module(dotted.substr(0, dot))))
            return nullptr;
        auto source = std::make_shared<const std::string>(it->second.source);
        auto module = load_source_module(dotted, "<ramba:" + dotted + ">", std::move(source), "", it->second.library);
        if (package)
            package->set(dotted.substr(dotted.rfind('.') + 1), make_module(module));
        return module;
    }
    std::vector<std::string> dirs;
    Ref<ModuleObject> parent;
    size_t dot = dotted.rfind('.');
    std::string leaf = dot == std::string::npos ? dotted : dotted.substr(dot + 1);
    if (dot != std::string::npos) {
        parent = find_module(dotted.substr(0, dot));
        if (!parent || !parent->scope || parent->scope->package_dir.empty())
            return nullptr;
        dirs.push_back(parent->scope->package_dir);
    } else {
        dirs = module_search_dirs();
    }
    for (const auto& dir : dirs) {
        std::filesystem::path base = std::filesystem::path(dir) / leaf;
        std::filesystem::path file = base;
        file += ".py";
        std::string package_dir;
        auto text = read_text(file);
        if (!text) {
            file = base / "__init__.py";
            text = read_text(file);
            package_dir = base.string();
        }
        if (!text)
            continue;
        std::string filename = file.lexically_normal().string();
        auto module = load_source_module(dotted, filename, std::make_shared<const std::string>(std::move(*text)), package_dir, false);
        if (parent)
            parent->set(leaf, make_module(module));
        return module;
    }
    return nullptr;
}

Ref<ModuleObject> Interpreter::load_source_module(const std::string& dotted, std::string filename,
    std::shared_ptr<const std::string> source, std::string package_dir, bool library, std::string shown_name, bool overlay)
{
    auto owned = std::make_shared<ModuleScope>();
    ModuleScope* scope = owned.get();
    scope->name = shown_name.empty() ? dotted : shown_name;
    scope->filename = filename;
    scope->source = source;
    scope->package_dir = std::move(package_dir);
    scope->library = library;
    scope->object = make_object<ModuleObject>(scope->name);
    scope->object->scope = scope;
    scope->object->scope_owner = owned;
    scope->overlay = overlay;
    scope->set("__name__", make_str(scope->name));
    if (!library)
        scope->set("__file__", make_str(std::filesystem::absolute(filename).lexically_normal().string()));
    if (!scope->package_dir.empty())
        scope->set("__path__", make_list({ make_str(std::filesystem::absolute(scope->package_dir).lexically_normal().string()) }));
    // Cached before its code runs: a circular import sees the partly made module, as in Python.
    m_source_modules[dotted] = std::move(owned);
    // Forgotten on failure, its names released.
    auto forget = [&] {
        scope->globals.clear(); // breaks the cycles module -> function -> module
        scope->object.reset();
        m_source_modules.erase(dotted);
    };

    std::shared_ptr<const ast::Module> code;
    try {
        code = ast::parse_module(filename, source, scope->table);
    } catch (RambaError&) {
        m_error_origin = { filename, source };
        m_error_origin_known = true;
        forget();
        throw;
    }
    scope->code = code;
    // Its docstring, as Python's module __doc__ (None when the first statement is no string).
    Value doc;
    if (!code->body.empty() && code->body[0]->kind == ast::StmtKind::Expr) {
        auto& value = *static_cast<const ast::ExprStmt&>(*code->body[0]).value;
        if (value.kind == ast::ExprKind::Constant && static_cast<const ast::ConstantExpr&>(value).type == ast::ConstantExpr::Type::Str)
            doc = make_str(static_cast<const ast::ConstantExpr&>(value).str_value);
    }
    scope->set("__doc__", doc);
    if (scope->globals.size() < scope->table.names.size()) {
        scope->globals.resize(scope->table.names.size(), unbound_value());
        scope->builtin_cache.resize(scope->table.names.size(), unbound_value());
    }

    // Its top level runs in a frame of its own, with its globals, never echoing (an import in the REPL).
    StackMark mark(m_stack);
    if (!m_stack.has_room(code->num_locals))
        throw RambaError(ErrorKind::MemoryError, "stack overflow");
    m_stack.push_unbound(code->num_locals);
    Frame frame;
    frame.locals = mark.mark();
    struct Restore {
        Interpreter& self;
        Frame* frame;
        ModuleScope* scope;
        Echo echo;
        ~Restore()
        {
            self.m_frame = frame;
            self.m_scope = scope;
            self.m_echo = echo;
        }
    } restore { *this, m_frame, m_scope, m_echo };
    m_frame = &frame;
    m_scope = scope;
    m_echo = Echo::No;
    Ref<ModuleObject> object = scope->object;
    try {
        exec_statements(code->body);
    } catch (RambaError& error) {
        if (!m_error_origin_known) {
            m_error_origin = { filename, source };
            m_error_origin_known = true;
        }
        if (!library)
            error.leave_frame("<module>", filename, source, {}); // the import's place comes later
        forget();
        throw;
    } catch (...) {
        forget();
        throw;
    }
    return object;
}

namespace {
// Whether `import module.x` could find x: a source package, or a native module with native submodules.
bool is_package(const ModuleObject& module)
{
    if (module.scope)
        return !module.scope->package_dir.empty();
    for (const auto& name : registered_module_names()) {
        if (name.size() > module.name.size() && name.starts_with(module.name) && name[module.name.size()] == '.')
            return true;
    }
    return false;
}
}

// Imports a dotted module; ModuleNotFoundError names the first prefix that does not exist.
Ref<ModuleObject> Interpreter::import_dotted(const std::string& dotted)
{
    std::vector<std::string> path;
    for (size_t start = 0;;) {
        size_t dot = dotted.find('.', start);
        path.push_back(dotted.substr(start, dot - start));
        if (dot == std::string::npos)
            break;
        start = dot + 1;
    }
    return import_path(path, SourceSpan {});
}

Ref<ModuleObject> Interpreter::import_path(const std::vector<std::string>& path, SourceSpan span)
{
    std::string dotted = join_path(path, path.size());
    Ref<ModuleObject> parent;
    for (size_t count = 1; count < path.size(); ++count) {
        std::string prefix = join_path(path, count);
        parent = find_module(prefix);
        if (!parent)
            throw RambaError(ErrorKind::ModuleNotFoundError, messages::no_module_named(prefix), span);
    }
    if (auto module = find_module(dotted))
        return module;
    std::string message = messages::no_module_named(dotted);
    if (parent && !is_package(*parent))
        message += "; " + messages::quoted(parent->name) + " is not a package";
    throw RambaError(ErrorKind::ModuleNotFoundError, message, span);
}

void Interpreter::exec_import(const ast::ImportStmt& statement)
{
    try {
        exec_import_names(statement);
    } catch (RambaError& error) {
        error.set_next_position(whole_line(statement.span));
        throw;
    }
}

void Interpreter::exec_import_names(const ast::ImportStmt& statement)
{
    for (const auto& alias : statement.names) {
        auto module = import_path(alias.module_path, alias.span.is_known() ? alias.span : statement.span);
        if (alias.as_name || alias.module_path.size() == 1) {
            store(alias.target, make_module(std::move(module)));
        } else {
            // `import numpy.random` binds `numpy` (and has made sure numpy.random exists).
            auto top = import_path({ alias.module_path[0] }, statement.span);
            store(alias.target, make_module(std::move(top)));
        }
    }
}

void Interpreter::exec_import_from(const ast::ImportFromStmt& statement)
{
    try {
        exec_import_from_names(statement);
    } catch (RambaError& error) {
        error.set_next_position(whole_line(statement.span));
        throw;
    }
}

void Interpreter::exec_import_from_names(const ast::ImportFromStmt& statement)
{
    auto module = import_path(statement.module_path, statement.span);
    std::string dotted = join_path(statement.module_path, statement.module_path.size());
    if (statement.star) {
        import_star(*module, statement.span);
        return;
    }
    for (const auto& name : statement.names) {
        if (const Value* value = module->find(name.name)) {
            store(name.target, *value);
            continue;
        }
        if (auto submodule = find_module(dotted + "." + name.name)) {
            store(name.target, make_module(std::move(submodule)));
            continue;
        }
        std::string where = module->scope && !module->scope->library
            ? std::filesystem::absolute(module->scope->filename).lexically_normal().string()
            : std::string("unknown location");
        throw RambaError(ErrorKind::ImportError, messages::cannot_import_name(name.name, dotted, where),
            name.span.is_known() ? name.span : statement.span);
    }
}

// `from m import *`: the names in m.__all__, or else every name not starting with '_'.
void Interpreter::import_star(const ModuleObject& module, SourceSpan span)
{
    if (const Value* all = module.find("__all__")) {
        Values names = to_vector(*this, *all);
        for (const auto& name : names) {
            if (!name.is(Type::Str))
                throw RambaError(ErrorKind::TypeError, "Item in " + module.name + ".__all__ must be str, not "
                    + std::string(type_name(name)), span);
            const std::string& text = name.as<StrObject>().value;
            const Value* value = module.find(text);
            if (!value)
                throw RambaError(ErrorKind::AttributeError, "module '" + module.name + "' has no attribute '" + text + "'", span);
            m_scope->set(text, *value);
        }
        return;
    }
    for (auto& [name, value] : module.entries()) {
        if (!name.starts_with('_'))
            m_scope->set(name, value);
    }
}

} // namespace ramba::interp
