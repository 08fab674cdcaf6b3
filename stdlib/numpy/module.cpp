// Builds the numpy modules from the row tables of stdlib/numpy (ours and the VM helper's ufunc and
// reduction rows) and registers them: "numpy" (also "ramba"), "numpy.random", "numpy.linalg", "numpy.fft".
#include "stdlib/numpy/lazy.hpp"
#include "stdlib/numpy/module.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "engine/array/cast.hpp"
#include "engine/array/format.hpp"
#include "stdlib/numpy/extras.hpp"
#include "stdlib/numpy/reductions.hpp"
#include "stdlib/numpy/rows.hpp"
#include "stdlib/numpy/smap.hpp"
#include "stdlib/numpy/types.hpp"
#include "stdlib/numpy/ufuncs.hpp"

namespace ramba::numpy {

using engine::DType;
using interp::CallContext;
using interp::Type;
using interp::Value;

namespace {

Value np_set_printoptions(CallContext& context, std::span<Value> args)
{
    auto& options = engine::print_options();
    if (!args[0].is_none())
        options.precision = static_cast<int>(interp::to_index(context, args[0]));
    if (!args[1].is_none())
        options.threshold = interp::to_index(context, args[1]);
    if (!args[2].is_none())
        options.edgeitems = interp::to_index(context, args[2]);
    if (!args[3].is_none())
        options.linewidth = interp::to_index(context, args[3]);
    if (!args[4].is_none())
        options.suppress = interp::truthy(context, args[4]);
    if (args[5].is(Type::Str))
        options.nanstr = args[5].as<interp::StrObject>().value;
    if (args[6].is(Type::Str))
        options.infstr = args[6].as<interp::StrObject>().value;
    return Value::none();
}

// np.printoptions(...): a context manager that sets the print options on entry (returning them, as
// numpy's does) and restores the previous ones on exit.
const interp::TypeInfo& print_options_context_info();
struct PrintOptionsContext final : interp::OpaqueObject {
    interp::Values arguments;
    engine::PrintOptions saved;
    const interp::TypeInfo& type_info() const override { return print_options_context_info(); }
};

Value np_get_printoptions(CallContext& context, std::span<Value>);

Value print_options_enter(CallContext& context, std::span<Value> args)
{
    auto& self = args[0].as<PrintOptionsContext>();
    self.saved = engine::print_options();
    interp::Values arguments = self.arguments;
    np_set_printoptions(context, arguments);
    return np_get_printoptions(context, {});
}

Value print_options_exit(CallContext&, std::span<Value> args)
{
    engine::print_options() = args[0].as<PrintOptionsContext>().saved;
    return Value::boolean(false);
}

constexpr interp::BuiltinSpec print_options_context_methods[] = {
    { "__enter__", "(self, /)", print_options_enter, "Set the print options; returns them." },
    { "__exit__", "(self, *args)", print_options_exit, "Restore the previous print options." },
};

const interp::TypeInfo& print_options_context_info()
{
    static const interp::TypeInfo info { .name = "contextlib._GeneratorContextManager", .methods = print_options_context_methods, .attributes = {} };
    return info;
}

Value np_printoptions(CallContext&, std::span<Value> args)
{
    auto context = interp::make_object<PrintOptionsContext>();
    context->arguments.assign(args.begin(), args.end());
    return Value::object(Type::Opaque, std::move(context));
}

Value np_get_printoptions(CallContext& context, std::span<Value>)
{
    const auto& options = engine::print_options();
    Value dict = interp::make_dict();
    auto& d = dict.as<interp::DictObject>();
    auto set = [&](const char* key, Value value) { interp::dict_set(context, d, interp::make_str(key), std::move(value)); };
    set("edgeitems", Value::integer(options.edgeitems));
    set("threshold", Value::integer(options.threshold));
    set("floatmode", interp::make_str("maxprec"));
    set("precision", Value::integer(options.precision));
    set("suppress", Value::boolean(options.suppress));
    set("linewidth", Value::integer(options.linewidth));
    set("nanstr", interp::make_str(options.nanstr));
    set("infstr", interp::make_str(options.infstr));
    set("sign", interp::make_str("-"));
    set("formatter", Value::none());
    set("legacy", Value::boolean(false));
    return dict;
}

// numpy's array2string/array_repr/array_str take print options for one call: they apply to a copy
// of the global options, which this scope puts back afterwards.
struct PrintOptionsScope {
    engine::PrintOptions saved { engine::print_options() };
    PrintOptionsScope(CallContext& context, const Value& line_width, const Value& precision, const Value& suppress)
    {
        auto& options = engine::print_options();
        if (!line_width.is_none())
            options.linewidth = interp::to_index(context, line_width);
        if (!precision.is_none())
            options.precision = static_cast<int>(interp::to_index(context, precision));
        if (!suppress.is_none())
            options.suppress = interp::truthy(context, suppress);
    }
    ~PrintOptionsScope() { engine::print_options() = saved; }
};

std::string text_argument(const Value& value, const char* name)
{
    if (!value.is(Type::Str))
        throw RambaError(ErrorKind::TypeError, std::string("array2string() argument '") + name + "' must be str, not "
                + std::string(interp::type_name(value)));
    return value.as<interp::StrObject>().value;
}

// args: a, max_line_width, precision, suppress_small, separator, prefix, style, formatter, threshold,
// edgeitems, sign, floatmode, suffix, legacy.
Value np_array2string(CallContext& context, std::span<Value> args)
{
    const char* unsupported[] = { "formatter", "sign", "floatmode", "legacy" };
    size_t unsupported_at[] = { 7, 10, 11, 13 };
    for (size_t k = 0; k < 4; ++k) {
        if (!args[unsupported_at[k]].is_none())
            throw RambaError(ErrorKind::NotImplementedError, std::string("array2string(") + unsupported[k] + "=...) is not supported by ramba");
    }
    engine::NDArray array = to_array(context, args[0]);
    PrintOptionsScope scope(context, args[1], args[2], args[3]);
    auto& options = engine::print_options();
    if (!args[8].is_none())
        options.threshold = interp::to_index(context, args[8]);
    if (!args[9].is_none())
        options.edgeitems = interp::to_index(context, args[9]);
    std::string separator = text_argument(args[4], "separator"), prefix = text_argument(args[5], "prefix");
    std::string suffix = text_argument(args[12], "suffix");
    if (array.size() == 0)
        return interp::make_str("[]");
    return interp::make_str(engine::array2string(array, separator, prefix, suffix));
}

Value np_array_repr(CallContext& context, std::span<Value> args)
{
    engine::NDArray array = to_array(context, args[0]);
    PrintOptionsScope scope(context, args[1], args[2], args[3]);
    return interp::make_str(engine::array_repr(array));
}

Value np_array_str(CallContext& context, std::span<Value> args)
{
    engine::NDArray array = to_array(context, args[0]);
    PrintOptionsScope scope(context, args[1], args[2], args[3]);
    return interp::make_str(engine::array_str(array));
}

Value np_dtype(CallContext& context, std::span<Value> args)
{
    auto dtype = to_dtype(context, args[0]);
    return dtype_value(dtype.value_or(DType::Float64));
}

Value np_result_type(CallContext& context, std::span<Value> args)
{
    std::vector<engine::PromotionOperand> operands;
    for (const auto& v : args[0].as<interp::TupleObject>().items) {
        bool is_dtype = v.is(Type::Class) || v.is(Type::Str)
            || (v.is(Type::Opaque) && dynamic_cast<const DTypeObject*>(v.object().get()));
        if (is_dtype)
            operands.push_back(engine::array_operand(*to_dtype(context, v)));
        else
            operands.push_back(promotion_operand(context, v));
    }
    if (operands.empty())
        raise(ErrorKind::ValueError, "at least one array or dtype is required");
    return dtype_value(engine::result_type(operands));
}

Value np_promote_types(CallContext& context, std::span<Value> args)
{
    return dtype_value(engine::promote_types(*to_dtype(context, args[0]), *to_dtype(context, args[1])));
}

Value np_sync(CallContext&, std::span<Value>)
{
    flush_pending(); // every live pending array, in as few kernels as the planner can
    return Value::none();
}

// np.explain(x): the kernels a flush of x would run (lazy.hpp); runs nothing.
Value np_explain(CallContext& context, std::span<Value> args)
{
    std::string text = explain_value(args[0]);
    context.write_stdout(text.empty() ? "(nothing pending)\n" : text);
    return Value::none();
}

const interp::BuiltinSpec print_rows[] = {
    { "set_printoptions", "(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None, nanstr=None, infstr=None)",
        np_set_printoptions, "Set printing options (numpy's arrayprint options)." },
    { "get_printoptions", "()", np_get_printoptions, "Return the current print options." },
    { "printoptions", "(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None, nanstr=None, infstr=None)",
        np_printoptions, "Context manager for setting print options: `with np.printoptions(precision=2): ...`." },
    { "array2string", "(a, max_line_width=None, precision=None, suppress_small=None, separator=' ', prefix='', style=None, "
        "formatter=None, threshold=None, edgeitems=None, sign=None, floatmode=None, suffix='', *, legacy=None)",
        np_array2string, "Return a string representation of an array." },
    { "array_repr", "(arr, max_line_width=None, precision=None, suppress_small=None)", np_array_repr,
        "Return the string representation of an array." },
    { "array_str", "(a, max_line_width=None, precision=None, suppress_small=None)", np_array_str,
        "Return a string representation of the data in an array." },
    { "dtype", "(dtype)", np_dtype, "Create a data type object." },
    { "result_type", "(*arrays_and_dtypes)", np_result_type, "Returns the type that results from applying the numpy type promotion rules." },
    { "promote_types", "(type1, type2)", np_promote_types, "Returns the data type with the smallest size and smallest scalar kind to which both types may be safely cast." },
    { "sync", "()", np_sync, "Wait for all pending array work (ramba)." },
    { "explain", "(a)", np_explain, "Print the kernels a flush of a would run (ramba)." },
};

void add_rows(interp::ModuleObject& module, std::span<const interp::BuiltinSpec> rows)
{
    for (const auto& row : rows)
        if (!module.find(row.name))
            module.set(row.name, interp::make_builtin(&row));
}

interp::Ref<interp::ModuleObject> make_linalg_module()
{
    static interp::Ref<interp::ModuleObject> module = [] {
        auto m = interp::make_object<interp::ModuleObject>("numpy.linalg");
        add_rows(*m, linalg_module_functions());
        m->set("LinAlgError", interp::exception_class(ErrorKind::LinAlgError));
        // Its compositions (pinv, matrix_rank, ...) are an overlay, stdlib/embedded/overlays/numpy.linalg/,
        // loaded on first use also when the module is reached as `np.linalg` rather than imported.
        m->overlay_pending = true;
        return m;
    }();
    return module;
}

interp::Ref<interp::ModuleObject> make_fft_module()
{
    static interp::Ref<interp::ModuleObject> module = [] {
        auto m = interp::make_object<interp::ModuleObject>("numpy.fft");
        add_rows(*m, fft_module_functions());
        // fft2, fftn, rfftn, hfft, fftfreq, fftshift, ...: the overlay stdlib/embedded/overlays/numpy.fft/.
        m->overlay_pending = true;
        return m;
    }();
    return module;
}

interp::Ref<interp::ModuleObject> make_random_module()
{
    static interp::Ref<interp::ModuleObject> module = [] {
        auto m = interp::make_object<interp::ModuleObject>("numpy.random");
        add_rows(*m, random_module_functions());
        return m;
    }();
    return module;
}

interp::Ref<interp::ModuleObject> make_numpy_module()
{
    static interp::Ref<interp::ModuleObject> module = [] {
        auto m = interp::make_object<interp::ModuleObject>("numpy");
        for (auto rows : { creation_functions(), shape_functions(), search_functions(), linalg_functions(), io_functions(),
                 std::span<const interp::BuiltinSpec>(print_rows), errstate_functions(), ufunc_functions(), reduction_functions(), extra_functions(), smap_functions() })
            add_rows(*m, rows);
        m->set("pi", Value::floating(std::numbers::pi));
        m->set("e", Value::floating(std::numbers::e));
        m->set("inf", Value::floating(INFINITY));
        m->set("Inf", Value::floating(INFINITY));
        m->set("nan", Value::floating(NAN));
        m->set("NaN", Value::floating(NAN));
        m->set("euler_gamma", Value::floating(std::numbers::egamma));
        m->set("newaxis", Value::none());
        m->set("ndarray", ndarray_class());
#define RAMBA_X(e, t, n, s, k, c) m->set(n, dtype_class(DType::e));
        RAMBA_DTYPES(RAMBA_X)
#undef RAMBA_X
        m->set("bool_", dtype_class(DType::Bool));
        m->set("int_", dtype_class(DType::Int64));
        m->set("intp", dtype_class(DType::Int64));
        m->set("uint", dtype_class(DType::UInt64));
        m->set("float_", dtype_class(DType::Float64));
        m->set("double", dtype_class(DType::Float64));
        m->set("single", dtype_class(DType::Float32));
        m->set("complex_", dtype_class(DType::Complex128));
        m->set("cdouble", dtype_class(DType::Complex128));
        m->set("byte", dtype_class(DType::Int8));
        m->set("ubyte", dtype_class(DType::UInt8));
        m->set("short", dtype_class(DType::Int16));
        m->set("intc", dtype_class(DType::Int32));
        add_extra_names(*m);
        m->set("mgrid", make_grid(false));
        m->set("ogrid", make_grid(true));
        m->set("linalg", interp::make_module(make_linalg_module()));
        m->set("random", interp::make_module(make_random_module()));
        m->set("fft", interp::make_module(make_fft_module()));
        m->set("__version__", interp::make_str("1.24.2"));
        // FIXME: numpy's AxisError derives from ValueError and IndexError; ramba raises ValueError
        // for axis errors, so `except np.AxisError` catches them through this alias.
        m->set("AxisError", interp::exception_class(ErrorKind::ValueError));
        return m;
    }();
    return module;
}

} // namespace

void register_numpy_modules()
{
    interp::register_module("numpy", make_numpy_module);
    interp::register_module("ramba", make_numpy_module);
    interp::register_module("numpy.linalg", make_linalg_module);
    interp::register_module("ramba.linalg", make_linalg_module);
    interp::register_module("numpy.fft", make_fft_module);
    interp::register_module("ramba.fft", make_fft_module);
    interp::register_module("numpy.random", make_random_module);
    interp::register_module("ramba.random", make_random_module);
}

} // namespace ramba::numpy
