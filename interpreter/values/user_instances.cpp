// Instances of user classes: construction (__new__/__init__), and the TypeInfo hooks through which
// the rest of the interpreter reaches their special methods (operators in Python's order with
// NotImplemented and reflected methods, comparisons, hashing, containers, iteration, printing,
// conversions, calls), plus how an ndarray meets a user object (numpy's binop deferral, __array__).
#include <cstring>

#include "interpreter/values/internal.hpp"
#include "interpreter/values/native_depth.hpp"
#include "interpreter/values/user_classes.hpp"

namespace ramba::interp {

namespace {

Value class_value(const ClassObject& cls) { return Value::object(Type::Class, Ref<ClassObject>(const_cast<ClassObject*>(&cls))); }

constexpr const char* binary_names[][3] = {
    // BinaryOp order: Add, Sub, Mul, Div, FloorDiv, Mod, Pow, MatMul, BitAnd, BitOr, BitXor, LShift, RShift
    { "__add__", "__radd__", "__iadd__" },
    { "__sub__", "__rsub__", "__isub__" },
    { "__mul__", "__rmul__", "__imul__" },
    { "__truediv__", "__rtruediv__", "__itruediv__" },
    { "__floordiv__", "__rfloordiv__", "__ifloordiv__" },
    { "__mod__", "__rmod__", "__imod__" },
    { "__pow__", "__rpow__", "__ipow__" },
    { "__matmul__", "__rmatmul__", "__imatmul__" },
    { "__and__", "__rand__", "__iand__" },
    { "__or__", "__ror__", "__ior__" },
    { "__xor__", "__rxor__", "__ixor__" },
    { "__lshift__", "__rlshift__", "__ilshift__" },
    { "__rshift__", "__rrshift__", "__irshift__" },
};
static_assert(std::size(binary_names) == static_cast<size_t>(BinaryOp::RShift) + 1, "one row per BinaryOp");

// Calls `self.name(other)` when self's class defines it; false when it does not or it returned
// NotImplemented.
bool try_special(CallContext& ctx, const Value& self, const char* name, const Value& other, Value& out)
{
    Value result;
    if (!call_special(ctx, self, name, std::span<const Value>(&other, 1), result))
        return false;
    if (is_not_implemented(result))
        return false;
    out = std::move(result);
    return true;
}

bool defines(const ClassObject* cls, const char* name)
{
    if (!cls)
        return false;
    const Value* method = class_lookup(*cls, name);
    return method && !method->is_none();
}

// numpy (binop_override.h): an ndarray operator returns NotImplemented, letting the other operand's
// reflected method run, when that operand sets __array_ufunc__ = None or (without __array_ufunc__)
// an __array_priority__ above the ndarray's 0.
bool numpy_defers_to(CallContext& ctx, const ClassObject& cls)
{
    if (const Value* ufunc = class_lookup(cls, "__array_ufunc__"))
        return ufunc->is_none();
    if (const Value* priority = class_lookup(cls, "__array_priority__"))
        return to_double(ctx, *priority) > 0.0;
    return false;
}

// `obj.__array__()` for a user object that has it (numpy converts such an operand to an array).
bool array_of(CallContext& ctx, const Value& object, Value& out)
{
    return call_special(ctx, object, "__array__", {}, out);
}

bool is_library_object(const Value& value) { return value.is(Type::Opaque) && !is_user_instance(value); }

} // namespace

bool user_binary(CallContext& ctx, BinaryOp op, const Value& l, const Value& r, Value& out)
{
    auto& names = binary_names[static_cast<size_t>(op)];
    const ClassObject* lcls = is_user_instance(l) ? user_class_of(l) : nullptr;
    const ClassObject* rcls = is_user_instance(r) ? user_class_of(r) : nullptr;
    if (!lcls) {
        // A library object (ndarray, numpy scalar) on the left of a user object.
        if (is_library_object(l)) {
            auto* binary = l.as<OpaqueObject>().type_info().binary;
            if (!numpy_defers_to(ctx, *rcls)) {
                Value converted;
                if (array_of(ctx, r, converted)) {
                    out = binary_op(ctx, op, l, converted);
                    return true;
                }
            }
            if (try_special(ctx, r, names[1], l, out))
                return true;
            return binary && !numpy_defers_to(ctx, *rcls) && binary(ctx, op, l, r, out);
        }
        return try_special(ctx, r, names[1], l, out);
    }
    // Python: a right operand whose type is a proper subclass overriding the reflected method goes first.
    bool right_first = rcls && rcls != lcls && class_is_subclass(*rcls, *lcls)
        && class_lookup(*rcls, names[1]) != class_lookup(*lcls, names[1]) && defines(rcls, names[1]);
    if (right_first && try_special(ctx, r, names[1], l, out))
        return true;
    if (try_special(ctx, l, names[0], r, out))
        return true;
    if (rcls && rcls != lcls && !right_first && try_special(ctx, r, names[1], l, out))
        return true;
    if (is_library_object(r)) {
        // ndarray.__radd__(obj): numpy converts obj (through __array__) and computes.
        Value converted;
        if (array_of(ctx, l, converted)) {
            out = binary_op(ctx, op, converted, r);
            return true;
        }
        auto* binary = r.as<OpaqueObject>().type_info().binary;
        return binary && binary(ctx, op, l, r, out);
    }
    return false;
}

bool user_inplace(CallContext& ctx, BinaryOp op, const Value& l, const Value& r, Value& out)
{
    if (is_user_instance(l) && try_special(ctx, l, binary_names[static_cast<size_t>(op)][2], r, out))
        return true;
    return false;
}

bool user_unary(CallContext& ctx, UnaryOp op, const Value& operand, Value& out)
{
    const char* name = op == UnaryOp::Neg ? "__neg__" : op == UnaryOp::Pos ? "__pos__" : op == UnaryOp::Invert ? "__invert__" : nullptr;
    if (!name)
        return false;
    if (call_special(ctx, operand, name, {}, out))
        return true;
    throw_error(ErrorKind::TypeError, std::string("bad operand type for unary ") + (op == UnaryOp::Neg ? "-" : op == UnaryOp::Pos ? "+" : "~")
        + ": '" + std::string(type_name(operand)) + "'");
}

bool user_compare(CallContext& ctx, CompareOp op, const Value& l, const Value& r, Value& out)
{
    static constexpr const char* names[] = { "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__" };
    static constexpr CompareOp reflected[] = { CompareOp::Eq, CompareOp::NotEq, CompareOp::Gt, CompareOp::GtE, CompareOp::Lt, CompareOp::LtE };
    const char* name = names[static_cast<size_t>(op)];
    const char* reflected_name = names[static_cast<size_t>(reflected[static_cast<size_t>(op)])];
    const ClassObject* lcls = is_user_instance(l) ? user_class_of(l) : nullptr;
    const ClassObject* rcls = is_user_instance(r) ? user_class_of(r) : nullptr;
    // __ne__ not defined: the inverse of __eq__ (object.__ne__).
    auto call = [&](const Value& self, const ClassObject* cls, const char* method, const Value& other, Value& result) {
        if (!cls)
            return false;
        if (std::strcmp(method, "__ne__") == 0 && !defines(cls, "__ne__")) {
            Value equal;
            if (!try_special(ctx, self, "__eq__", other, equal))
                return false;
            result = Value::boolean(!truthy(ctx, equal));
            return true;
        }
        return try_special(ctx, self, method, other, result);
    };
    bool right_first = rcls && (!lcls || (rcls != lcls && class_is_subclass(*rcls, *lcls)));
    if (right_first && call(r, rcls, reflected_name, l, out))
        return true;
    if (call(l, lcls, name, r, out))
        return true;
    if (!right_first && rcls && call(r, rcls, reflected_name, l, out))
        return true;
    if (is_library_object(l) || is_library_object(r)) {
        const Value& library = is_library_object(l) ? l : r;
        const Value& user = is_library_object(l) ? r : l;
        if (!numpy_defers_to(ctx, *user_class_of(user))) {
            Value converted;
            if (array_of(ctx, user, converted)) {
                out = compare_op(ctx, op, is_library_object(l) ? l : converted, is_library_object(l) ? converted : r);
                return true;
            }
        }
        auto* compare = library.as<OpaqueObject>().type_info().compare;
        if (compare && compare(ctx, op, l, r, out))
            return true;
    }
    if (op == CompareOp::Eq || op == CompareOp::NotEq) {
        out = Value::boolean((l.object() == r.object()) == (op == CompareOp::Eq));
        return true;
    }
    return false;
}

size_t user_hash(CallContext& ctx, const Value& value)
{
    const ClassObject* cls = user_class_of(value);
    const Value* method = class_lookup(*cls, "__hash__");
    if (method && method->is_none())
        throw_error(ErrorKind::TypeError, "unhashable type: '" + std::string(type_name(value)) + "'");
    Value result;
    if (method && call_special(ctx, value, "__hash__", {}, result)) {
        int64_t hash;
        if (!as_index(ctx, result, hash))
            throw_error(ErrorKind::TypeError, "__hash__ method should return an integer");
        return static_cast<size_t>(hash_int(hash));
    }
    return std::hash<const void*>()(value.object().get()) >> 4;
}

bool user_contains(CallContext& ctx, const Value& container, const Value& item, bool& out)
{
    Value result;
    if (call_special(ctx, container, "__contains__", std::span<const Value>(&item, 1), result)) {
        out = truthy(ctx, result);
        return true;
    }
    return false;
}

void user_delete_item(CallContext& ctx, const Value& self, const Value& index)
{
    Value result;
    if (!call_special(ctx, self, "__delitem__", std::span<const Value>(&index, 1), result))
        throw_error(ErrorKind::TypeError, "'" + std::string(type_name(self)) + "' object doesn't support item deletion");
}

std::string user_format(CallContext& ctx, const Value& value, std::string_view spec)
{
    Value result;
    Value spec_value = make_str(std::string(spec));
    if (call_special(ctx, value, "__format__", std::span<const Value>(&spec_value, 1), result)) {
        if (!result.is(Type::Str))
            throw_error(ErrorKind::TypeError, "__format__ must return a str, not " + std::string(type_name(result)));
        return result.as<StrObject>().value;
    }
    if (!spec.empty())
        throw_error(ErrorKind::TypeError, "unsupported format string passed to " + std::string(type_name(value)) + ".__format__");
    return str_value(ctx, value);
}

// ---------------------------------------------------------------------------------------------
// Construction

Value make_bare_instance(CallContext& ctx, const Value& cls_value)
{
    auto& cls = cls_value.as<ClassObject>();
    if (cls.error_kind) {
        auto exception = make_object<ExceptionObject>(*cls.error_kind, "");
        exception->cls = cls_value.ref_as<ClassObject>();
        (void)ctx;
        return Value::object(Type::Exception, std::move(exception));
    }
    return Value::object(Type::Opaque, make_object<InstanceObject>(cls_value.ref_as<ClassObject>()));
}

Value construct_user_instance(CallContext& ctx, const Value& cls_value, std::span<const Value> args,
    std::span<const std::pair<std::string, Value>> keywords)
{
    auto& cls = cls_value.as<ClassObject>();
    Value instance;
    if (const Value* custom_new = class_lookup(cls, "__new__")) {
        Value function = *custom_new;
        if (DescriptorObject* descriptor = as_descriptor(function))
            function = descriptor->function;
        Values with_class;
        with_class.push_back(cls_value);
        with_class.insert(with_class.end(), args.begin(), args.end());
        instance = ctx.call(function, with_class, keywords);
        const ClassObject* made = user_class_of(instance);
        if (!made || !class_is_subclass(*made, cls))
            return instance; // Python: __init__ runs only for an instance of the class
    } else {
        instance = make_bare_instance(ctx, cls_value);
        if (instance.is(Type::Exception)) {
            if (!keywords.empty())
                throw_error(ErrorKind::TypeError, cls.name + "() takes no keyword arguments");
            auto& exception = instance.as<ExceptionObject>();
            exception.args.assign(args.begin(), args.end());
        }
    }
    Value init;
    find_in_mro(cls, "__init__", init, nullptr);
    if (init.is(Type::Builtin) && attribute_is_native_method(init)) {
        // object.__init__: no arguments unless __new__ was overridden; BaseException.__init__: args.
        if (!instance.is(Type::Exception) && (!args.empty() || !keywords.empty()) && !class_lookup(cls, "__new__"))
            throw_error(ErrorKind::TypeError, cls.name + "() takes no arguments");
        return instance;
    }
    Values with_self;
    with_self.reserve(args.size() + 1);
    with_self.push_back(instance);
    with_self.insert(with_self.end(), args.begin(), args.end());
    Value bound = init.is(Type::Function) ? init : bind_to_instance(ctx, init, instance, cls_value);
    Value result = init.is(Type::Function) ? ctx.call(init, with_self, keywords) : ctx.call(bound, args, keywords);
    if (!result.is_none())
        throw_error(ErrorKind::TypeError, "__init__() should return None, not '" + std::string(type_name(result)) + "'");
    return instance;
}

// ---------------------------------------------------------------------------------------------
// Printing

std::string exception_args_str(CallContext& ctx, const ExceptionObject& exception)
{
    auto& args = exception.args;
    if (args.empty())
        return "";
    if (args.size() == 1)
        return exception.kind == ErrorKind::KeyError && !exception.cls ? repr_value(ctx, args[0]) : str_value(ctx, args[0]);
    return repr_value(ctx, make_tuple(args));
}

std::string exception_text(CallContext& ctx, const Value& value)
{
    auto& exception = value.as<ExceptionObject>();
    if (exception.cls) {
        Value result;
        if (call_special(ctx, value, "__str__", {}, result)) {
            if (!result.is(Type::Str))
                throw_error(ErrorKind::TypeError, "__str__ returned non-string (type " + std::string(type_name(result)) + ")");
            return result.as<StrObject>().value;
        }
        // KeyError's str is the repr of its key, for subclasses too.
        if (exception.args.size() == 1 && exception.kind == ErrorKind::KeyError)
            return repr_value(ctx, exception.args[0]);
    }
    return exception_args_str(ctx, exception);
}

std::string default_repr(CallContext& ctx, const Value& value)
{
    if (value.is(Type::Exception)) {
        auto& exception = value.as<ExceptionObject>();
        std::string name(type_name(value));
        std::string out = name + "(";
        for (size_t i = 0; i < exception.args.size(); ++i)
            out += (i ? ", " : "") + repr_value(ctx, exception.args[i]);
        return out + ")";
    }
    const ClassObject* cls = user_class_of(value);
    if (cls && !cls->is_user())
        return "<" + cls->name + " object at " + address_string(value.object().get()) + ">";
    return "<" + (cls ? class_module(*cls) : std::string("__main__")) + "." + (cls ? cls->qualname : std::string(type_name(value))) + " object at " + address_string(value.object().get()) + ">";
}

namespace {

std::string string_result(CallContext& ctx, const Value& result, const char* method)
{
    (void)ctx;
    if (!result.is(Type::Str))
        throw_error(ErrorKind::TypeError, std::string(method) + " returned non-string (type " + std::string(type_name(result)) + ")");
    return result.as<StrObject>().value;
}

std::string instance_repr(CallContext& ctx, const Value& self)
{
    check_native_stack(" while getting the repr of an object");
    Value result;
    if (call_special(ctx, self, "__repr__", {}, result))
        return string_result(ctx, result, "__repr__");
    return default_repr(ctx, self);
}

std::string instance_str(CallContext& ctx, const Value& self)
{
    check_native_stack(" while getting the str of an object");
    Value result;
    if (call_special(ctx, self, "__str__", {}, result))
        return string_result(ctx, result, "__str__");
    return instance_repr(ctx, self);
}

bool instance_truth(CallContext& ctx, const Value& self)
{
    Value result;
    if (call_special(ctx, self, "__bool__", {}, result)) {
        if (!result.is(Type::Bool))
            throw_error(ErrorKind::TypeError, "__bool__ should return bool, returned " + std::string(type_name(result)));
        return result.as_bool();
    }
    if (call_special(ctx, self, "__len__", {}, result)) {
        int64_t length;
        if (!as_index(ctx, result, length))
            throw_error(ErrorKind::TypeError, "'" + std::string(type_name(result)) + "' object cannot be interpreted as an integer");
        if (length < 0)
            throw_error(ErrorKind::ValueError, "__len__() should return >= 0");
        return length != 0;
    }
    return true;
}

int64_t instance_length(CallContext& ctx, const Value& self)
{
    Value result;
    if (!call_special(ctx, self, "__len__", {}, result))
        throw_error(ErrorKind::TypeError, "object of type '" + std::string(type_name(self)) + "' has no len()");
    int64_t length;
    if (!as_index(ctx, result, length))
        throw_error(ErrorKind::TypeError, "'" + std::string(type_name(result)) + "' object cannot be interpreted as an integer");
    if (length < 0)
        throw_error(ErrorKind::ValueError, "__len__() should return >= 0");
    return length;
}

Value instance_get_item(CallContext& ctx, const Value& self, const Value& index)
{
    Value result;
    if (!call_special(ctx, self, "__getitem__", std::span<const Value>(&index, 1), result))
        throw_error(ErrorKind::TypeError, "'" + std::string(type_name(self)) + "' object is not subscriptable");
    return result;
}

void instance_set_item(CallContext& ctx, const Value& self, const Value& index, const Value& value)
{
    Value args[] = { index, value };
    Value result;
    if (!call_special(ctx, self, "__setitem__", args, result))
        throw_error(ErrorKind::TypeError, "'" + std::string(type_name(self)) + "' object does not support item assignment");
}

// for x in obj: __next__ until StopIteration.
struct UserIterator final : IteratorObject {
    Value iterator;
    explicit UserIterator(Value it) : iterator(std::move(it)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        try {
            if (!call_special(ctx, iterator, "__next__", {}, out))
                throw_error(ErrorKind::TypeError, "'" + std::string(interp::type_name(iterator)) + "' object is not an iterator");
        } catch (RambaError& error) {
            if (error.kind() == ErrorKind::StopIteration)
                return false;
            throw;
        }
        return true;
    }
    std::string_view type_name() const override { return interp::type_name(iterator); }
};

// The legacy protocol: obj[0], obj[1], ... until IndexError.
struct SequenceIterator final : IteratorObject {
    Value sequence;
    int64_t position { 0 };
    explicit SequenceIterator(Value s) : sequence(std::move(s)) { }
    bool next(CallContext& ctx, Value& out) override
    {
        Value index = Value::integer(position);
        try {
            if (!call_special(ctx, sequence, "__getitem__", std::span<const Value>(&index, 1), out))
                return false;
        } catch (RambaError& error) {
            if (error.kind() == ErrorKind::IndexError || error.kind() == ErrorKind::StopIteration)
                return false;
            throw;
        }
        ++position;
        return true;
    }
    std::string_view type_name() const override { return "iterator"; }
};

Value instance_iterate(CallContext& ctx, const Value& self)
{
    Value result;
    if (call_special(ctx, self, "__iter__", {}, result)) {
        if (result.is(Type::Iterator))
            return result;
        if (is_user_instance(result) && class_lookup(*user_class_of(result), "__next__"))
            return Value::object(Type::Iterator, make_object<UserIterator>(result));
        if (is_user_instance(result) || is_library_object(result) || result.is(Type::List) || result.is(Type::Tuple))
            throw_error(ErrorKind::TypeError, "iter() returned non-iterator of type '" + std::string(type_name(result)) + "'");
        return iterate(ctx, result);
    }
    const ClassObject* cls = user_class_of(self);
    if (class_lookup(*cls, "__getitem__"))
        return Value::object(Type::Iterator, make_object<SequenceIterator>(self));
    throw_error(ErrorKind::TypeError, "'" + std::string(type_name(self)) + "' object is not iterable");
}

Value instance_call(CallContext& ctx, const Value& self, std::span<const Value> args, std::span<const std::pair<std::string, Value>> keywords)
{
    const ClassObject* cls = user_class_of(self);
    const Value* method = class_lookup(*cls, "__call__");
    if (!method || method->is_none())
        throw_error(ErrorKind::TypeError, "'" + std::string(type_name(self)) + "' object is not callable");
    if (method->is(Type::Function)) {
        Values with_self;
        with_self.reserve(args.size() + 1);
        with_self.push_back(self);
        with_self.insert(with_self.end(), args.begin(), args.end());
        return ctx.call(*method, with_self, keywords);
    }
    return ctx.call(bind_to_instance(ctx, *method, self, class_value(*cls)), args, keywords);
}

bool instance_to_int(CallContext& ctx, const Value& self, int64_t& out)
{
    Value result;
    for (const char* name : { "__index__", "__int__" }) {
        if (call_special(ctx, self, name, {}, result)) {
            if (!result.is(Type::Int) && !result.is(Type::Bool))
                throw_error(ErrorKind::TypeError, std::string(name) + " returned non-int (type " + std::string(type_name(result)) + ")");
            out = result.as_int();
            return true;
        }
    }
    return false;
}

bool instance_to_float(CallContext& ctx, const Value& self, double& out)
{
    Value result;
    if (call_special(ctx, self, "__float__", {}, result)) {
        if (!result.is(Type::Float))
            throw_error(ErrorKind::TypeError, std::string(type_name(self)) + ".__float__ returned non-float (type " + std::string(type_name(result)) + ")");
        out = result.as_float();
        return true;
    }
    int64_t integer;
    if (call_special(ctx, self, "__index__", {}, result) && as_index(ctx, result, integer)) {
        out = static_cast<double>(integer);
        return true;
    }
    return false;
}

bool instance_to_complex(CallContext& ctx, const Value& self, std::complex<double>& out)
{
    Value result;
    if (call_special(ctx, self, "__complex__", {}, result) && result.is(Type::Complex)) {
        out = result.as_complex();
        return true;
    }
    double real;
    if (instance_to_float(ctx, self, real)) {
        out = { real, 0.0 };
        return true;
    }
    return false;
}

Value instance_unary(CallContext& ctx, UnaryOp op, const Value& operand)
{
    Value out;
    user_unary(ctx, op, operand, out);
    return out;
}

} // namespace

std::shared_ptr<const TypeInfo> make_instance_type_info(const ClassObject& cls)
{
    auto info = std::make_shared<TypeInfo>();
    info->name = cls.name.c_str();
    // binary and compare are dispatched by binary_op/compare_op before any TypeInfo hook, so that
    // Python's order of special methods holds with a user object on either side.
    info->unary = instance_unary;
    info->get_item = instance_get_item;
    info->set_item = instance_set_item;
    info->str = instance_str;
    info->repr = instance_repr;
    info->truth = instance_truth;
    info->length = instance_length;
    info->iterate = instance_iterate;
    info->call = instance_call;
    info->to_int = instance_to_int;
    info->to_float = instance_to_float;
    info->to_complex = instance_to_complex;
    info->is_integer_index = [](const Value& self) { return class_lookup(*user_class_of(self), "__index__") != nullptr; };
    info->user_class = &cls;
    return info;
}

} // namespace ramba::interp
