// numpy's floating-point error handling: np.seterr, np.geterr and the np.errstate context manager,
// and the delivery of the VM's floating-point flags under that policy ('warn' a RuntimeWarning,
// 'ignore', 'raise' FloatingPointError, 'print' to stdout), for eager calls and lazy flushes alike.
#include <array>
#include <cstdio>

#include "engine/array/cast.hpp"
#include "engine/vm/ufunc.hpp"
#include "stdlib/numpy/rows.hpp"
#include "stdlib/numpy/ufuncs.hpp"

namespace ramba::numpy {

using interp::CallContext;
using interp::Type;
using interp::Value;

namespace {

// numpy's categories, in np.geterr()'s order, with numpy 1.24's defaults.
constexpr std::array<const char*, 4> categories = { "divide", "over", "under", "invalid" };
std::array<std::string, 4> g_policy = { "warn", "warn", "ignore", "warn" };

// The category of a VM warning message ("divide by zero encountered in divide" -> divide).
size_t category_of(const std::string& message)
{
    if (message.starts_with("divide by zero"))
        return 0;
    if (message.starts_with("overflow"))
        return 1;
    if (message.starts_with("underflow"))
        return 2;
    return 3;
}

Value policy_dict(CallContext& context)
{
    Value dict = interp::make_dict();
    for (size_t i = 0; i < categories.size(); ++i)
        interp::dict_set(context, dict.as<interp::DictObject>(), interp::make_str(categories[i]), interp::make_str(g_policy[i]));
    return dict;
}

// Applies np.seterr's arguments (all, divide, over, under, invalid; None leaves one as it is).
void apply_policy(std::span<const Value> args)
{
    static constexpr std::array<const char*, 6> allowed = { "ignore", "warn", "raise", "call", "print", "log" };
    auto check = [](const Value& value) -> std::string {
        if (!value.is(Type::Str))
            throw RambaError(ErrorKind::TypeError, "seterr: policy must be a string, not " + std::string(interp::type_name(value)));
        const std::string& text = value.as<interp::StrObject>().value;
        for (const char* name : allowed) {
            if (text == name)
                return text;
        }
        throw RambaError(ErrorKind::ValueError, "invalid error handling '" + text + "'");
    };
    if (!args[0].is_none()) {
        std::string all = check(args[0]);
        for (auto& policy : g_policy)
            policy = all;
    }
    for (size_t i = 0; i < categories.size(); ++i) {
        if (!args[i + 1].is_none())
            g_policy[i] = check(args[i + 1]);
    }
}

Value np_seterr(CallContext& context, std::span<Value> args)
{
    Value old = policy_dict(context);
    apply_policy(args);
    return old;
}

Value np_geterr(CallContext& context, std::span<Value>) { return policy_dict(context); }

// np.errstate(...): sets the policy on entry, restores the previous one on exit.
const interp::TypeInfo& errstate_info();
struct ErrstateObject final : interp::OpaqueObject {
    interp::Values arguments;
    std::array<std::string, 4> saved;
    const interp::TypeInfo& type_info() const override { return errstate_info(); }
};

Value errstate_enter(CallContext&, std::span<Value> args)
{
    auto& self = args[0].as<ErrstateObject>();
    self.saved = g_policy;
    apply_policy(self.arguments);
    return Value();
}

Value errstate_exit(CallContext&, std::span<Value> args)
{
    g_policy = args[0].as<ErrstateObject>().saved;
    return Value::boolean(false);
}

constexpr interp::BuiltinSpec errstate_methods[] = {
    { "__enter__", "(self, /)", errstate_enter, "Set the floating-point error handling." },
    { "__exit__", "(self, *args)", errstate_exit, "Restore the previous floating-point error handling." },
};

const interp::TypeInfo& errstate_info()
{
    static const interp::TypeInfo info { .name = "numpy.errstate", .methods = errstate_methods, .attributes = {} };
    return info;
}

Value np_errstate(CallContext&, std::span<Value> args)
{
    auto state = interp::make_object<ErrstateObject>();
    state->arguments.assign(args.begin(), args.end());
    return Value::object(Type::Opaque, std::move(state));
}

constexpr interp::BuiltinSpec rows[] = {
    { "seterr", "(all=None, divide=None, over=None, under=None, invalid=None)", np_seterr,
        "Set how floating-point errors are handled; returns the old settings." },
    { "geterr", "()", np_geterr, "Get the current way of handling floating-point errors." },
    { "errstate", "(*, all=None, divide=None, over=None, under=None, invalid=None)", np_errstate,
        "Context manager for floating-point error handling: `with np.errstate(divide='ignore'): ...`." },
};

} // namespace

std::span<const interp::BuiltinSpec> errstate_functions() { return rows; }

void deliver_fp_warnings(CallContext* context)
{
    for (auto& warning : vm::take_fp_warnings()) {
        const std::string& policy = g_policy[category_of(warning.message)];
        if (policy == "ignore")
            continue;
        if (policy == "raise") {
            vm::take_fp_warnings(); // the rest of this kernel's flags go with the exception
            throw RambaError(ErrorKind::FloatingPointError, warning.message);
        }
        if (policy == "print") { // numpy 1.24 prints these on stderr
            std::string text = "Warning: " + warning.message + "\n";
            if (context)
                context->write_stderr(text);
            else
                std::fputs(text.c_str(), stderr);
            continue;
        }
        if (context)
            context->warn("RuntimeWarning", warning.message);
        else
            engine::warn("RuntimeWarning: " + warning.message + "\n");
    }
}

} // namespace ramba::numpy
