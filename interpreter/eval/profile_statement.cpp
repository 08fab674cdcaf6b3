// --profile: a statement run under the clock, so `ramba --profile` can print time per source line
// (inclusive of nested blocks and calls) and charge kernels to the statement that flushed them.
#include <chrono>

#include "engine/vm/profile.hpp"
#include "interpreter/eval/interpreter.hpp"

namespace ramba::interp {

Completion Interpreter::exec_profiled(const ast::Stmt& statement)
{
    int line = static_cast<int>(statement.span.line);
    int previous = vm::profile::enter_statement(line);
    auto start = std::chrono::steady_clock::now();
    auto seconds = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    try {
        Completion completion = exec(statement);
        vm::profile::leave_statement(line, previous, seconds());
        return completion;
    } catch (...) {
        vm::profile::leave_statement(line, previous, seconds());
        throw;
    }
}

} // namespace ramba::interp
