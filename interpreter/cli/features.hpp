// `ramba --features`: what a program can import and use, read from the running interpreter itself
// (every registered and embedded module, loaded, with its public names), so the list in the user's
// guide never goes stale: scripts/features writes docs/features.md from it, and the test
// docs/features fails when that file differs from what the code provides.
#pragma once

#include <string>

namespace ramba::interp {
class Interpreter;
}

namespace ramba::cli {

// The report as Markdown: the builtins, numpy and its submodules, then every other module, each
// with its public names in sorted order.
std::string features_report(interp::Interpreter&);

} // namespace ramba::cli
