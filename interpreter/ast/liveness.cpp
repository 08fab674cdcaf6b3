// Liveness over the top-level statements of a module. The names each statement mentions are read
// from the resolved AST's dump (builder.hpp): every global reference prints as `name [global N]`,
// every function or lambda body opens with a `frame` line, so the pass sees exactly what the
// resolver resolved without a second walker over every node kind.
#include "interpreter/ast/liveness.hpp"

#include <map>
#include <set>
#include <sstream>

#include "interpreter/ast/builder.hpp"

namespace ramba::ast {

namespace {

struct Mentions {
    std::map<uint32_t, std::string> globals; // slot -> name
    bool has_body { false };                 // defines a function/lambda body, or declares `global`
};

// Splits the dump into top-level statements (lines indented by exactly two spaces open one).
std::vector<Mentions> mentions_per_statement(const std::string& text, bool& dynamic)
{
    std::vector<Mentions> result;
    std::istringstream lines(text);
    std::string line;
    std::getline(lines, line); // "Module locals=N"
    static const char* dynamic_names[] = { "globals [", "locals [", "vars [", "eval [", "exec [", "dir [", "__import__ [" };
    while (std::getline(lines, line)) {
        if (line.size() > 2 && line[0] == ' ' && line[1] == ' ' && line[2] != ' ')
            result.emplace_back();
        if (result.empty())
            continue;
        Mentions& current = result.back();
        size_t indent = line.find_first_not_of(' ');
        if (indent != std::string::npos) {
            std::string_view body = std::string_view(line).substr(indent);
            if (body.starts_with("frame ") || body.starts_with("Global") || body.starts_with("Nonlocal") || body.starts_with("Lambda"))
                current.has_body = true;
        }
        for (const char* name : dynamic_names) {
            size_t at = line.find(name);
            if (at != std::string::npos && (at == 0 || line[at - 1] == ' '))
                dynamic = true;
        }
        for (size_t at = line.find(" [global "); at != std::string::npos; at = line.find(" [global ", at + 1)) {
            size_t start = line.rfind(' ', at - 1);
            start = start == std::string::npos ? 0 : start + 1;
            std::string name = line.substr(start, at - start);
            size_t digits = at + 9;
            size_t end = line.find(']', digits);
            if (end == std::string::npos)
                continue;
            uint32_t slot = static_cast<uint32_t>(std::stoul(line.substr(digits, end - digits)));
            current.globals[slot] = name;
        }
    }
    return result;
}

} // namespace

void mark_releases(Module& module)
{
    bool dynamic = false;
    std::vector<Mentions> statements = mentions_per_statement(dump(module), dynamic);
    if (dynamic || statements.size() != module.body.size())
        return; // the dump's shape is not what the pass expects: release nothing
    std::set<uint32_t> pinned;
    std::map<uint32_t, size_t> last_use;
    std::map<uint32_t, std::string> names;
    for (size_t i = 0; i < statements.size(); ++i) {
        for (auto& [slot, name] : statements[i].globals) {
            if (statements[i].has_body)
                pinned.insert(slot);
            last_use[slot] = i;
            names[slot] = name;
        }
    }
    for (auto& [slot, i] : last_use) {
        if (pinned.contains(slot) || i + 1 >= module.body.size())
            continue; // the end of the program releases everything anyway
        NameRef ref;
        ref.name = names[slot];
        ref.scope = NameScope::Global;
        ref.index = slot;
        module.body[i]->release_after.push_back(std::move(ref));
    }
}

} // namespace ramba::ast
