// Name lookup for ops (numpy's names and aliases) and the pending floating-point warnings.
#include <mutex>
#include <utility>

#include "engine/vm/ufunc.hpp"

namespace ramba::vm {

std::optional<OpCode> find_op(std::string_view name)
{
#define RAMBA_VM_OP(e, op_name_, arity, loops, fault, vector, body) \
    if (name == op_name_) return OpCode::e;
#include "engine/vm/ops.def"
#undef RAMBA_VM_OP
    // numpy's aliases of the same ufunc objects.
    if (name == "true_divide") return OpCode::TrueDivide;
    if (name == "mod") return OpCode::Remainder;
    if (name == "abs") return OpCode::Absolute;
    if (name == "conj") return OpCode::Conjugate;
    return std::nullopt;
}

namespace {
std::mutex warnings_mutex;
std::vector<FpWarning> pending_warnings;
}

void record_fp_warning(std::string message)
{
    std::lock_guard lock(warnings_mutex);
    pending_warnings.push_back({ std::move(message) });
}

std::vector<FpWarning> take_fp_warnings()
{
    std::lock_guard lock(warnings_mutex);
    return std::exchange(pending_warnings, {});
}

} // namespace ramba::vm
