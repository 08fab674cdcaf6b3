// ModuleScope: the global names of one Python-source module (the script, an imported `.py` file, or a
// module embedded in the binary) and where its code came from. Functions keep a pointer to the scope
// they were defined in, so their globals are their module's whoever calls them; the module object
// (`import m; m.x`) reads and writes the same slots. Scopes are owned by the Interpreter and live as
// long as it does.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "interpreter/ast/ast.hpp"
#include "interpreter/values/value.hpp"

namespace ramba::interp {

struct ModuleScope : std::enable_shared_from_this<ModuleScope> {
    std::string name;              // "__main__", "helpers", "pkg.sub"
    ast::GlobalTable table;
    Values globals;                // by table slot; unbound when not assigned
    Values builtin_cache;          // by slot: the builtin a global name falls back to
    std::string filename;          // for error reports
    std::shared_ptr<const std::string> source;
    std::string package_dir;       // a package (`pkg/__init__.py`): where its submodules are
    // Library code (embedded in the binary): an error raised inside it is reported at the user's call.
    bool library { false };
    // A native module's overlay: its functions join a process-wide native module, so it lives (and
    // keeps its globals) as long as the process, across interpreters.
    bool overlay { false };
    std::shared_ptr<const ast::Module> code; // kept alive: its call sites key the method cache
    Ref<ModuleObject> object;      // null for __main__

    const Value* find(std::string_view attribute) const;
    void set(const std::string& attribute, Value value);
    bool remove(std::string_view attribute);
    std::vector<std::pair<std::string, Value>> entries() const;
};

// A module written in ramba's own language and compiled into the binary (stdlib's library code):
// `import name` runs `source` once. `library`: errors inside it are reported at the user's call.
struct EmbeddedModule {
    const char* source { nullptr };
    bool library { true };
};
void register_embedded_module(std::string name, EmbeddedModule); // eval/imports.cpp
std::vector<std::string> embedded_module_names(); // sorted (`ramba --features`)
// A part of the overlay of the native module `module`: code run (once per process) when a program
// first asks the module for one of `names` (space-separated); its public names join the module.
void register_overlay_part(std::string module, std::string part, std::string_view names, const char* source);

} // namespace ramba::interp
