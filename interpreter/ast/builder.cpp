// The front end's entry points: parse_module (parse, build, resolve) and check_input (REPL).
#include "interpreter/ast/builder.hpp"

#include "interpreter/ast/parse_session.hpp"
#include "interpreter/ast/resolver.hpp"
#include "interpreter/ast/syntax_error.hpp"
#include "interpreter/ast/tree_builder.hpp"

namespace ramba::ast {

std::unique_ptr<Module> parse_module(std::string filename, std::shared_ptr<const std::string> source, GlobalTable& globals)
{
    auto module = std::make_unique<Module>();
    module->filename = std::move(filename);
    module->source = source;
    try {
        ParseSession session(*source, IndentingLexer::Mode::Module, SourceOffset {});
        auto* tree = session.parse_file();
        TreeBuilder builder(session.tokens(), SourceOffset {});
        module->body = builder.build_file(tree);
    } catch (RambaError&) {
        throw;
    } catch (std::bad_alloc&) {
        throw RambaError(ErrorKind::MemoryError, "out of memory while parsing");
    } catch (std::exception& error) {
        // The ANTLR runtime's own exceptions: never expected, but no input may crash ramba.
        throw RambaError(ErrorKind::SyntaxError, std::string("invalid syntax (") + error.what() + ")");
    }
    resolve_module(*module, globals);
    return module;
}

// The last line is empty (only whitespace): the REPL's signal that a block is finished.
static bool ends_with_empty_line(const std::string& source)
{
    size_t end = source.size();
    if (end > 0 && source[end - 1] == '\n')
        --end;
    size_t start = source.rfind('\n', end == 0 ? 0 : end - 1);
    start = start == std::string::npos ? 0 : start + 1;
    if (end < start)
        return true;
    for (size_t i = start; i < end; ++i)
        if (source[i] != ' ' && source[i] != '\t' && source[i] != '\r' && source[i] != '\f')
            return false;
    return true;
}

InputStatus check_input(const std::string& source)
{
    bool opened_block = false;
    try {
        ParseSession session(source, IndentingLexer::Mode::Module, SourceOffset {});
        try {
            auto* tree = session.parse_file();
            opened_block = session.lexer().saw_indent();
            // A one-line compound statement (`for x in y: f(x)`) may still get an `else:` or more.
            for (auto* stmt : tree->stmt())
                if (stmt->compound_stmt())
                    opened_block = true;
        } catch (IncompleteInput& error) {
            // A block header without its block: more lines may follow unless an empty line ended it.
            if (error.kind() == ErrorKind::IndentationError && ends_with_empty_line(source))
                return InputStatus::Invalid;
            return InputStatus::Incomplete;
        }
    } catch (IncompleteInput&) {
        return InputStatus::Incomplete;
    } catch (std::exception&) {
        return InputStatus::Invalid;
    }
    if (opened_block && !ends_with_empty_line(source))
        return InputStatus::Incomplete;
    return InputStatus::Complete;
}

} // namespace ramba::ast
