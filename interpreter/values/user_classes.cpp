// User classes: the class objects a `class` statement makes (C3 MRO, namespace lookup), attribute
// access on instances, classes and exceptions in Python's descriptor order, the descriptor types
// (staticmethod, classmethod, property), super, NotImplemented, and the builtins that read classes.
#include <algorithm>
#include <array>

#include "interpreter/values/internal.hpp"
#include "interpreter/values/user_classes.hpp"

namespace ramba::interp {

namespace {

MethodOwnerHook g_method_owner_hook = nullptr;

const ClassObject& object_class() { return core_class(Type::Opaque).as<ClassObject>(); }

Value class_value(const ClassObject& cls) { return Value::object(Type::Class, Ref<ClassObject>(const_cast<ClassObject*>(&cls))); }

[[noreturn]] void throw_no_attribute(const Value& object, std::string_view name)
{
    if (object.is(Type::Class))
        throw_error(ErrorKind::AttributeError, "type object '" + object.as<ClassObject>().name + "' has no attribute '" + std::string(name) + "'");
    throw_error(ErrorKind::AttributeError, "'" + std::string(type_name(object)) + "' object has no attribute '" + std::string(name) + "'");
}

// ---- C3 linearization

std::vector<const ClassObject*> linearize(const ClassObject& cls, const Values& bases)
{
    std::vector<std::vector<const ClassObject*>> sequences;
    for (auto& base : bases)
        sequences.push_back(class_mro_vector(base.as<ClassObject>()));
    std::vector<const ClassObject*> direct;
    for (auto& base : bases)
        direct.push_back(&base.as<ClassObject>());
    sequences.push_back(direct);
    std::vector<const ClassObject*> result { &cls };
    for (;;) {
        bool any = false;
        for (auto& sequence : sequences)
            any = any || !sequence.empty();
        if (!any)
            return result;
        const ClassObject* chosen = nullptr;
        for (auto& sequence : sequences) {
            if (sequence.empty())
                continue;
            const ClassObject* head = sequence.front();
            bool in_tail = false;
            for (auto& other : sequences) {
                for (size_t i = 1; i < other.size() && !in_tail; ++i)
                    in_tail = other[i] == head;
            }
            if (!in_tail) {
                chosen = head;
                break;
            }
        }
        if (!chosen) {
            std::string names;
            std::vector<const ClassObject*> listed;
            for (auto& sequence : sequences) {
                if (sequence.empty() || std::find(listed.begin(), listed.end(), sequence.front()) != listed.end())
                    continue;
                listed.push_back(sequence.front());
                names += (names.empty() ? "" : ", ") + sequence.front()->name;
            }
            throw_error(ErrorKind::TypeError, "Cannot create a consistent method resolution\norder (MRO) for bases " + names);
        }
        result.push_back(chosen);
        for (auto& sequence : sequences) {
            if (!sequence.empty() && sequence.front() == chosen)
                sequence.erase(sequence.begin());
        }
    }
}

bool user_is_instance(const Value& value, const ClassObject& self)
{
    if (const ClassObject* cls = user_class_of(value))
        return class_is_subclass(*cls, self);
    return false;
}

// ---- Native methods reached through the MRO: object's and BaseException's defaults, which
// super().__init__(...) and friends call.

Value object_init(CallContext&, std::span<Value>) { return Value(); }

Value object_new(CallContext& ctx, std::span<Value> a)
{
    if (!a[0].is(Type::Class) || !a[0].as<ClassObject>().is_user())
        throw_error(ErrorKind::TypeError, "object.__new__(X): X is not a type object");
    return make_bare_instance(ctx, a[0]);
}

Value object_str(CallContext& ctx, std::span<Value> a) { return make_str(repr_value(ctx, a[0])); }
Value object_repr(CallContext& ctx, std::span<Value> a) { return make_str(default_repr(ctx, a[0])); }
Value object_eq(CallContext&, std::span<Value> a) { return a[0].object() == a[1].object() ? Value::boolean(true) : not_implemented(); }
Value object_ne(CallContext& ctx, std::span<Value> a)
{
    Value out;
    if (!user_compare(ctx, CompareOp::Eq, a[0], a[1], out))
        return not_implemented();
    return Value::boolean(!truthy(ctx, out));
}
Value object_hash(CallContext&, std::span<Value> a) { return Value::integer(static_cast<int64_t>(reinterpret_cast<uintptr_t>(a[0].object().get()) >> 4)); }
Value object_setattr(CallContext& ctx, std::span<Value> a)
{
    if (!a[1].is(Type::Str))
        throw_error(ErrorKind::TypeError, "attribute name must be string, not '" + std::string(type_name(a[1])) + "'");
    set_plain_attribute(ctx, a[0], a[1].as<StrObject>().value, a[2]);
    return Value();
}
Value object_getattribute(CallContext& ctx, std::span<Value> a)
{
    if (!a[1].is(Type::Str))
        throw_error(ErrorKind::TypeError, "attribute name must be string, not '" + std::string(type_name(a[1])) + "'");
    Value out;
    if (!generic_get_attribute(ctx, a[0], a[1].as<StrObject>().value, out, false))
        throw_no_attribute(a[0], a[1].as<StrObject>().value);
    return out;
}
Value object_format(CallContext& ctx, std::span<Value> a)
{
    if (!a[1].is(Type::Str))
        throw_error(ErrorKind::TypeError, "format() argument 2 must be str, not " + std::string(type_name(a[1])));
    if (!a[1].as<StrObject>().value.empty())
        throw_error(ErrorKind::TypeError, "unsupported format string passed to " + std::string(type_name(a[0])) + ".__format__");
    return make_str(str_value(ctx, a[0]));
}

constexpr BuiltinSpec object_rows[] = {
    { "__init__", "(self, /, *args, **kwargs)", object_init, "Initialize self." },
    { "__new__", "(cls, /, *args, **kwargs)", object_new, "Create and return a new object." },
    { "__str__", "(self, /)", object_str, "Return str(self)." },
    { "__repr__", "(self, /)", object_repr, "Return repr(self)." },
    { "__eq__", "(self, value, /)", object_eq, "Return self==value." },
    { "__ne__", "(self, value, /)", object_ne, "Return self!=value." },
    { "__hash__", "(self, /)", object_hash, "Return hash(self)." },
    { "__setattr__", "(self, name, value, /)", object_setattr, "Implement setattr(self, name, value)." },
    { "__getattribute__", "(self, name, /)", object_getattribute, "Return getattr(self, name)." },
    { "__format__", "(self, format_spec, /)", object_format, "Default object formatter." },
};

Value exception_init(CallContext& ctx, std::span<Value> a)
{
    if (a[0].is(Type::Exception)) {
        auto& exception = a[0].as<ExceptionObject>();
        exception.args = a[1].as<TupleObject>().items;
        // A user class's str() may read attributes its __init__ has not set yet: raise computes it.
        if (!exception.cls)
            exception.message = exception_args_str(ctx, exception);
    }
    return Value();
}
Value exception_str(CallContext& ctx, std::span<Value> a)
{
    if (!a[0].is(Type::Exception))
        return make_str(str_value(ctx, a[0]));
    return make_str(exception_args_str(ctx, a[0].as<ExceptionObject>()));
}
Value exception_repr(CallContext& ctx, std::span<Value> a) { return make_str(default_repr(ctx, a[0])); }
Value exception_with_traceback(CallContext&, std::span<Value> a) { return a[0]; }

constexpr BuiltinSpec exception_rows[] = {
    { "__init__", "(self, /, *args)", exception_init, "Initialize self." },
    { "__str__", "(self, /)", exception_str, "Return str(self)." },
    { "__repr__", "(self, /)", exception_repr, "Return repr(self)." },
    { "with_traceback", "(self, tb, /)", exception_with_traceback, "Set self.__traceback__ to tb and return self." },
};

} // namespace

bool attribute_is_native_method(const Value& builtin)
{
    const BuiltinSpec* spec = builtin.as<BuiltinObject>().spec;
    return (spec >= std::begin(object_rows) && spec < std::end(object_rows))
        || (spec >= std::begin(exception_rows) && spec < std::end(exception_rows));
}

namespace {

// A native class's own method `name` (object's and BaseException's defaults), or null.
const BuiltinSpec* native_method(const ClassObject& cls, std::string_view name)
{
    if (&cls == &object_class())
        return find_spec(object_rows, name);
    if (cls.error_kind && !cls.is_user() && *cls.error_kind == ErrorKind::BaseException)
        return find_spec(exception_rows, name);
    return nullptr;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// Classes

InstanceObject::InstanceObject(Ref<ClassObject> c) : cls(std::move(c)), dict(Ref<DictObject>(new DictObject())) { }

std::vector<const ClassObject*> class_mro_vector(const ClassObject& cls)
{
    if (!cls.mro.empty())
        return cls.mro;
    if (&cls == &object_class())
        return { &cls };
    return { &cls, &object_class() };
}

bool class_is_subclass(const ClassObject& cls, const ClassObject& base)
{
    if (&cls == &base || &base == &object_class())
        return true;
    if (!cls.mro.empty())
        return std::find(cls.mro.begin(), cls.mro.end(), &base) != cls.mro.end();
    if (cls.error_kind && base.error_kind && !base.is_user())
        return error_kind_is_subclass(*cls.error_kind, *base.error_kind);
    return cls.name == "bool" && base.name == "int" && base.tag;
}

const Value* class_lookup(const ClassObject& cls, std::string_view name)
{
    size_t hash = str_hash(name);
    for (const ClassObject* c : cls.mro) {
        if (c->dict) {
            if (const Value* value = dict_find_str(*c->dict, name, hash))
                return value;
        }
    }
    return nullptr;
}

namespace {
// OPTIMIZATION: the native classes' methods are dunders (and with_traceback): other names skip them.
bool is_plain_name(std::string_view name) { return !name.starts_with("__") && name != "with_traceback"; }
}

bool find_method_for_call(const Value& receiver, std::string_view name, Value& function)
{
    const ClassObject* cls = receiver.as<OpaqueObject>().type_info().user_class;
    if (!cls || cls->custom_getattribute)
        return false;
    size_t hash = str_hash(name);
    const Value* attribute = nullptr;
    for (const ClassObject* c : cls->mro) {
        if (c->dict && (attribute = dict_find_str(*c->dict, name, hash)))
            break;
    }
    if (!attribute || !attribute->is(Type::Function))
        return false;
    if (dict_find_str(*receiver.as<InstanceObject>().dict, name, hash))
        return false; // shadowed by an instance attribute
    function = *attribute;
    return true;
}

bool find_in_mro(const ClassObject& cls, std::string_view name, Value& out, const ClassObject* after)
{
    return find_in_mro(cls, name, str_hash(name), out, after);
}

bool find_in_mro(const ClassObject& cls, std::string_view name, size_t hash, Value& out, const ClassObject* after)
{
    // OPTIMIZATION: user classes walk their own MRO (no copy); natives have at most two entries.
    std::vector<const ClassObject*> native_mro;
    if (cls.mro.empty())
        native_mro = class_mro_vector(cls);
    const auto& mro = cls.mro.empty() ? native_mro : cls.mro;
    size_t start = 0;
    if (after) {
        auto it = std::find(mro.begin(), mro.end(), after);
        start = it == mro.end() ? mro.size() : static_cast<size_t>(it - mro.begin()) + 1;
    }
    for (size_t i = start; i < mro.size(); ++i) {
        const ClassObject* c = mro[i];
        if (c->dict) {
            if (const Value* value = dict_find_str(*c->dict, name, hash)) {
                out = *value;
                return true;
            }
        } else if (!is_plain_name(name)) {
            const BuiltinSpec* spec = native_method(*c, name);
            if (!spec)
                continue;
            out = builtin_value(spec);
            return true;
        }
    }
    return false;
}

namespace {
bool is_data_descriptor(const Value& attribute);
}

void update_special_flags(ClassObject& cls)
{
    cls.custom_getattribute = class_lookup(cls, "__getattribute__") != nullptr;
    cls.custom_setattr = class_lookup(cls, "__setattr__") != nullptr;
    cls.has_data_descriptors = false;
    for (const ClassObject* c : cls.mro) {
        if (!c->dict)
            continue;
        for (auto& [key, value] : c->dict->entries)
            cls.has_data_descriptors = cls.has_data_descriptors || is_data_descriptor(value);
    }
}

const ClassObject* user_class_of(const Value& value)
{
    if (value.is(Type::Opaque)) {
        if (const ClassObject* cls = value.as<OpaqueObject>().type_info().user_class)
            return cls;
        return nullptr;
    }
    if (value.is(Type::Exception)) {
        auto& exception = value.as<ExceptionObject>();
        return exception.cls ? exception.cls.get() : &exception_class(exception.kind).as<ClassObject>();
    }
    return nullptr;
}

void set_method_owner_hook(MethodOwnerHook hook) { g_method_owner_hook = hook; }

std::string class_module(const ClassObject& cls)
{
    if (cls.dict) {
        if (const Value* module = dict_find_str(*cls.dict, "__module__"); module && module->is(Type::Str))
            return module->as<StrObject>().value;
    }
    return "__main__";
}

Value make_user_class(CallContext& ctx, std::string name, std::string qualname, Values bases, Ref<DictObject> namespace_dict)
{
    for (size_t i = 0; i < bases.size(); ++i) {
        if (!bases[i].is(Type::Class))
            throw_error(ErrorKind::TypeError, "bases must be types");
        auto& base = bases[i].as<ClassObject>();
        for (size_t j = 0; j < i; ++j) {
            if (bases[j].object() == bases[i].object())
                throw_error(ErrorKind::TypeError, "duplicate base class " + base.name);
        }
        bool subclassable = base.is_user() || base.error_kind || &base == &object_class();
        if (!subclassable)
            throw_error(ErrorKind::TypeError, "ramba does not support subclassing the built-in type '" + base.name + "' yet");
    }
    if (bases.empty())
        bases.push_back(core_class(Type::Opaque));
    auto cls = make_object<ClassObject>();
    cls->name = std::move(name);
    cls->qualname = std::move(qualname);
    cls->is_instance = user_is_instance;
    cls->dict = std::move(namespace_dict);
    // Python: type.__new__ takes __qualname__ out of the namespace (a body may set its own).
    if (const Value* given = dict_find_str(*cls->dict, "__qualname__")) {
        if (given->is(Type::Str))
            cls->qualname = given->as<StrObject>().value;
        dict_erase(ctx, *cls->dict, make_str("__qualname__"));
    }
    cls->bases = bases;
    cls->mro = linearize(*cls, bases);
    for (const ClassObject* c : cls->mro) {
        if (c->error_kind && !c->is_user()) {
            cls->error_kind = c->error_kind;
            break;
        }
    }
    // A Python class that defines __eq__ and not __hash__ is unhashable.
    if (dict_find_str(*cls->dict, "__eq__") && !dict_find_str(*cls->dict, "__hash__"))
        dict_set(ctx, *cls->dict, make_str("__hash__"), Value());
    update_special_flags(*cls);
    cls->instance_info = make_instance_type_info(*cls);
    Value result = Value::object(Type::Class, cls);
    // Python: each namespace value whose class defines __set_name__ learns its owner and name.
    auto entries = cls->dict->entries;
    for (auto& [key, value] : entries) {
        if (is_user_instance(value)) {
            Value ignored;
            Value args[] = { result, key };
            call_special(ctx, value, "__set_name__", args, ignored);
        }
    }
    if (g_method_owner_hook) {
        for (auto& [key, value] : cls->dict->entries)
            for_each_function(value, [&](const Value& function) { g_method_owner_hook(function, *cls); });
    }
    // Python: the nearest base's __init_subclass__ (implicitly a classmethod) learns of the new class.
    for (size_t i = 1; i < cls->mro.size(); ++i) {
        const ClassObject& base = *cls->mro[i];
        if (!base.is_user())
            continue;
        if (const Value* hook = dict_find_str(*base.dict, "__init_subclass__")) {
            Value function = *hook;
            if (auto* descriptor = as_descriptor(function); descriptor && descriptor->kind != DescriptorKind::Property)
                function = descriptor->function;
            Value args[] = { result };
            ctx.call(function, args);
            break;
        }
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// Descriptors: staticmethod, classmethod, property

namespace {

Value descriptor_class_value(DescriptorKind kind);

std::string descriptor_type_name(DescriptorKind kind)
{
    switch (kind) {
    case DescriptorKind::StaticMethod: return "staticmethod";
    case DescriptorKind::ClassMethod: return "classmethod";
    case DescriptorKind::Property: return "property";
    }
    return "?";
}

Value property_copy(const DescriptorObject& from, int which, const Value& function)
{
    auto copy = make_object<DescriptorObject>(DescriptorKind::Property);
    copy->function = which == 0 ? function : from.function;
    copy->setter = which == 1 ? function : from.setter;
    copy->deleter = which == 2 ? function : from.deleter;
    copy->doc = from.doc;
    return Value::object(Type::Opaque, std::move(copy));
}

Value property_getter(CallContext&, std::span<Value> a) { return property_copy(a[0].as<DescriptorObject>(), 0, a[1]); }
Value property_setter(CallContext&, std::span<Value> a) { return property_copy(a[0].as<DescriptorObject>(), 1, a[1]); }
Value property_deleter(CallContext&, std::span<Value> a) { return property_copy(a[0].as<DescriptorObject>(), 2, a[1]); }

constexpr BuiltinSpec property_rows[] = {
    { "getter", "(self, fget, /)", property_getter, "Descriptor to obtain a copy of the property with a different getter." },
    { "setter", "(self, fset, /)", property_setter, "Descriptor to obtain a copy of the property with a different setter." },
    { "deleter", "(self, fdel, /)", property_deleter, "Descriptor to obtain a copy of the property with a different deleter." },
};

Value get_fget(CallContext&, const Value& self) { return self.as<DescriptorObject>().function; }
Value get_fset(CallContext&, const Value& self) { return self.as<DescriptorObject>().setter; }
Value get_fdel(CallContext&, const Value& self) { return self.as<DescriptorObject>().deleter; }
Value get_doc(CallContext&, const Value& self) { return self.as<DescriptorObject>().doc; }

constexpr AttributeSpec property_attributes[] = {
    { "fget", get_fget, "The getter function." },
    { "fset", get_fset, "The setter function." },
    { "fdel", get_fdel, "The deleter function." },
    { "__doc__", get_doc, "The docstring." },
};
constexpr AttributeSpec method_wrapper_attributes[] = {
    { "__func__", get_fget, "The wrapped function." },
    { "__wrapped__", get_fget, "The wrapped function." },
};

Value call_static(CallContext& ctx, const Value& self, std::span<const Value> args, std::span<const std::pair<std::string, Value>> keywords)
{
    return ctx.call(self.as<DescriptorObject>().function, args, keywords);
}

std::string descriptor_repr(CallContext&, const Value& self)
{
    auto& descriptor = self.as<DescriptorObject>();
    if (descriptor.kind == DescriptorKind::Property)
        return "<property object at " + address_string(&descriptor) + ">";
    return "<" + descriptor_type_name(descriptor.kind) + " object at " + address_string(&descriptor) + ">";
}

Value static_type() { return descriptor_class_value(DescriptorKind::StaticMethod); }
Value class_method_type() { return descriptor_class_value(DescriptorKind::ClassMethod); }
Value property_type() { return descriptor_class_value(DescriptorKind::Property); }

const TypeInfo static_info = { .name = "staticmethod", .methods = {}, .attributes = method_wrapper_attributes, .repr = descriptor_repr,
    .call = call_static, .type_object = static_type };
const TypeInfo class_method_info = { .name = "classmethod", .methods = {}, .attributes = method_wrapper_attributes, .repr = descriptor_repr,
    .type_object = class_method_type };
const TypeInfo property_info = { .name = "property", .methods = property_rows, .attributes = property_attributes,
    .repr = descriptor_repr, .type_object = property_type };

Value construct_static(CallContext&, std::span<Value> a)
{
    auto descriptor = make_object<DescriptorObject>(DescriptorKind::StaticMethod);
    descriptor->function = a[0];
    return Value::object(Type::Opaque, std::move(descriptor));
}
Value construct_class_method(CallContext&, std::span<Value> a)
{
    auto descriptor = make_object<DescriptorObject>(DescriptorKind::ClassMethod);
    descriptor->function = a[0];
    return Value::object(Type::Opaque, std::move(descriptor));
}
Value construct_property(CallContext& ctx, std::span<Value> a)
{
    auto descriptor = make_object<DescriptorObject>(DescriptorKind::Property);
    descriptor->function = a[0];
    descriptor->setter = a[1];
    descriptor->deleter = a[2];
    descriptor->doc = a[3];
    if (descriptor->doc.is_none() && !a[0].is_none()) {
        Value doc;
        if (user_get_attribute(ctx, a[0], "__doc__", doc))
            descriptor->doc = doc;
    }
    return Value::object(Type::Opaque, std::move(descriptor));
}

constexpr BuiltinSpec descriptor_constructor_rows[] = {
    { "staticmethod", "(function, /)", construct_static, "Convert a function to be a static method." },
    { "classmethod", "(function, /)", construct_class_method, "Convert a function to be a class method." },
    { "property", "(fget=None, fset=None, fdel=None, doc=None)", construct_property, "Property attribute." },
};

bool descriptor_is_instance(const Value& value, const ClassObject& self)
{
    return value.is(Type::Opaque) && &value.as<OpaqueObject>().type_info() == self.tag;
}

Value descriptor_class_value(DescriptorKind kind)
{
    static const std::array<Value, 3> classes = [] {
        std::array<Value, 3> out;
        const TypeInfo* infos[] = { &static_info, &class_method_info, &property_info };
        for (size_t i = 0; i < 3; ++i) {
            auto cls = make_object<ClassObject>();
            cls->name = descriptor_constructor_rows[i].name;
            cls->constructor = builtin_value(&descriptor_constructor_rows[i]);
            cls->is_instance = descriptor_is_instance;
            cls->tag = infos[i];
            out[i] = Value::object(Type::Class, std::move(cls));
        }
        return out;
    }();
    return classes[static_cast<size_t>(kind)];
}

// ---- super

Value super_type();
const TypeInfo super_info = { .name = "super", .methods = {}, .attributes = {}, .type_object = super_type };

struct SuperObject final : OpaqueObject {
    Ref<ClassObject> start; // lookups begin after this class in the MRO
    Value self;             // an instance, or a class (in a classmethod)
    const TypeInfo& type_info() const override { return super_info; }
};

Value construct_super(CallContext& ctx, std::span<Value> a);
constexpr BuiltinSpec super_row = { "super", "(type=<missing>, object_or_type=<missing>, /)", construct_super,
    "super() -> same as super(__class__, <first argument>)\nsuper(type, obj) -> bound super object" };

Value super_type()
{
    static const Value cls = [] {
        auto c = make_object<ClassObject>();
        c->name = "super";
        c->constructor = builtin_value(&super_row);
        c->is_instance = descriptor_is_instance;
        c->tag = &super_info;
        return Value::object(Type::Class, std::move(c));
    }();
    return cls;
}

// The class along `first`'s MRO whose namespace holds `function` (directly or wrapped): the class
// whose body defined the running method, which CPython finds in the `__class__` cell.
const ClassObject* defining_class(const Value& function, const Value& first)
{
    const ClassObject* type = first.is(Type::Class) ? &first.as<ClassObject>() : user_class_of(first);
    if (!type)
        return nullptr;
    for (const ClassObject* c : type->mro) {
        if (!c->dict)
            continue;
        for (auto& [key, value] : c->dict->entries) {
            bool found = false;
            for_each_function(value, [&](const Value& candidate) { found = found || candidate.object() == function.object(); });
            if (found)
                return c;
        }
    }
    return nullptr;
}

Value construct_super(CallContext& ctx, std::span<Value> a)
{
    auto super = make_object<SuperObject>();
    if (is_missing_argument(a[0])) {
        Value function, first;
        if (!ctx.method_context(function, first))
            throw_error(ErrorKind::RuntimeError, "super(): no arguments");
        const ClassObject* cls = defining_class(function, first);
        if (!cls)
            throw_error(ErrorKind::RuntimeError, "super(): __class__ cell not found");
        super->start = Ref<ClassObject>(const_cast<ClassObject*>(cls));
        super->self = first;
        return Value::object(Type::Opaque, std::move(super));
    }
    if (!a[0].is(Type::Class))
        throw_error(ErrorKind::TypeError, "super() argument 1 must be a type, not " + std::string(type_name(a[0])));
    if (is_missing_argument(a[1]))
        throw_error(ErrorKind::RuntimeError, "ramba does not support unbound super objects (super with one argument)");
    auto& start = a[0].as<ClassObject>();
    bool ok = a[1].is(Type::Class) ? class_is_subclass(a[1].as<ClassObject>(), start)
                                   : (user_class_of(a[1]) ? class_is_subclass(*user_class_of(a[1]), start) : is_instance(ctx, a[1], a[0]));
    if (!ok)
        throw_error(ErrorKind::TypeError, "super(type, obj): obj must be an instance or subtype of type");
    super->start = a[0].ref_as<ClassObject>();
    super->self = a[1];
    return Value::object(Type::Opaque, std::move(super));
}

bool super_get_attribute(CallContext& ctx, const SuperObject& super, std::string_view name, Value& out)
{
    if (name == "__class__") {
        out = super_type();
        return true;
    }
    const ClassObject* type = super.self.is(Type::Class) ? &super.self.as<ClassObject>() : user_class_of(super.self);
    if (!type)
        type = &type_of(super.self).as<ClassObject>();
    Value attribute;
    if (!find_in_mro(*type, name, attribute, super.start.get()))
        return false;
    if (super.self.is(Type::Class)) {
        out = bind_to_class(ctx, attribute, super.self);
        return true;
    }
    out = bind_to_instance(ctx, attribute, super.self, class_value(*type));
    return true;
}

// ---- NotImplemented

std::string not_implemented_repr(CallContext&, const Value&) { return "NotImplemented"; }
const TypeInfo not_implemented_info = { .name = "NotImplementedType", .methods = {}, .attributes = {}, .repr = not_implemented_repr };
struct NotImplementedObject final : OpaqueObject {
    const TypeInfo& type_info() const override { return not_implemented_info; }
};

// ---- Builtins reading classes

Value builtin_vars(CallContext& ctx, std::span<Value> a)
{
    if (is_missing_argument(a[0]))
        return scope_names(ctx, ScopeQuery::Locals); // Python: vars() is locals()
    Value out;
    if (!is_missing_argument(a[0]) && user_get_attribute(ctx, a[0], "__dict__", out))
        return out;
    if (!is_missing_argument(a[0]) && a[0].is(Type::Module)) {
        Value dict = make_dict();
        for (auto& [key, value] : a[0].as<ModuleObject>().entries())
            dict_set(ctx, dict.as<DictObject>(), make_str(key), value);
        return dict;
    }
    throw_error(ErrorKind::TypeError, "vars() argument must have __dict__ attribute");
}

Value builtin_delattr(CallContext& ctx, std::span<Value> a)
{
    if (!a[1].is(Type::Str))
        throw_error(ErrorKind::TypeError, "attribute name must be string, not '" + std::string(type_name(a[1])) + "'");
    delete_attribute(ctx, a[0], a[1].as<StrObject>().value);
    return Value();
}

constexpr BuiltinSpec class_builtin_rows[] = {
    { "vars", "(object=<missing>, /)", builtin_vars, "vars([object]) -> dictionary\n\nWithout arguments, equivalent to locals().\nWith an argument, equivalent to object.__dict__." },
    { "delattr", "(obj, name, /)", builtin_delattr, "Deletes the named attribute from the given object." },
};

} // namespace

const Value& not_implemented()
{
    static const Value value = Value::object(Type::Opaque, make_object<NotImplementedObject>());
    return value;
}

const TypeInfo& DescriptorObject::type_info() const
{
    switch (kind) {
    case DescriptorKind::StaticMethod: return static_info;
    case DescriptorKind::ClassMethod: return class_method_info;
    case DescriptorKind::Property: return property_info;
    }
    return property_info;
}

DescriptorObject* as_descriptor(const Value& value)
{
    if (!value.is(Type::Opaque))
        return nullptr;
    auto& info = value.as<OpaqueObject>().type_info();
    if (&info == &static_info || &info == &class_method_info || &info == &property_info)
        return &value.as<DescriptorObject>();
    return nullptr;
}

void add_class_builtins(ModuleObject& builtins)
{
    builtins.set("staticmethod", descriptor_class_value(DescriptorKind::StaticMethod));
    builtins.set("classmethod", descriptor_class_value(DescriptorKind::ClassMethod));
    builtins.set("property", descriptor_class_value(DescriptorKind::Property));
    builtins.set("super", super_type());
    builtins.set("NotImplemented", not_implemented());
    for (auto& spec : class_builtin_rows)
        builtins.set(spec.name, builtin_value(&spec));
}

// ---------------------------------------------------------------------------------------------
// Attribute access

Value bind_to_instance(CallContext& ctx, const Value& attribute, const Value& self, const Value& owner)
{
    if (attribute.is(Type::Function))
        return Value::object(Type::BoundMethod, make_object<BoundMethodObject>(self, attribute));
    if (DescriptorObject* descriptor = as_descriptor(attribute)) {
        switch (descriptor->kind) {
        case DescriptorKind::StaticMethod: return descriptor->function;
        case DescriptorKind::ClassMethod: return Value::object(Type::BoundMethod, make_object<BoundMethodObject>(owner, descriptor->function));
        case DescriptorKind::Property: {
            if (descriptor->function.is_none())
                throw_error(ErrorKind::AttributeError, "property object has no getter");
            return ctx.call(descriptor->function, std::span<const Value>(&self, 1));
        }
        }
    }
    if (attribute.is(Type::Builtin) && attribute_is_native_method(attribute))
        return Value::object(Type::BoundMethod, make_object<BoundMethodObject>(self, attribute));
    if (is_user_instance(attribute)) {
        Value getter;
        const ClassObject& cls = *user_class_of(attribute);
        if (const Value* get = class_lookup(cls, "__get__")) {
            Value args[] = { attribute, self, owner };
            return ctx.call(*get, args);
        }
    }
    return attribute;
}

Value bind_to_class(CallContext& ctx, const Value& attribute, const Value& cls)
{
    if (DescriptorObject* descriptor = as_descriptor(attribute)) {
        switch (descriptor->kind) {
        case DescriptorKind::StaticMethod: return descriptor->function;
        case DescriptorKind::ClassMethod: return Value::object(Type::BoundMethod, make_object<BoundMethodObject>(cls, descriptor->function));
        case DescriptorKind::Property: return attribute;
        }
    }
    if (is_user_instance(attribute)) {
        if (const Value* get = class_lookup(*user_class_of(attribute), "__get__")) {
            Value args[] = { attribute, Value(), cls };
            return ctx.call(*get, args);
        }
    }
    return attribute;
}

namespace {

bool is_data_descriptor(const Value& attribute)
{
    if (DescriptorObject* descriptor = as_descriptor(attribute))
        return descriptor->kind == DescriptorKind::Property;
    if (is_user_instance(attribute)) {
        const ClassObject& cls = *user_class_of(attribute);
        return class_lookup(cls, "__set__") || class_lookup(cls, "__delete__");
    }
    return false;
}

DictObject* instance_dict(const Value& object, bool create)
{
    if (object.is(Type::Opaque) && is_user_instance(object))
        return object.as<InstanceObject>().dict.get();
    if (object.is(Type::Exception)) {
        auto& exception = object.as<ExceptionObject>();
        if (!exception.dict && create)
            exception.dict = Ref<DictObject>(new DictObject());
        return exception.dict.get();
    }
    return nullptr;
}

Value dict_value(const Ref<DictObject>& dict) { return Value::object(Type::Dict, dict); }

bool class_get_attribute(CallContext& ctx, const Value& object, std::string_view name, Value& out)
{
    auto& cls = object.as<ClassObject>();
    if (name == "__name__") {
        auto dot = cls.name.rfind('.');
        out = make_str(dot == std::string::npos || cls.is_user() ? cls.name : cls.name.substr(dot + 1));
        return true;
    }
    if (name == "__qualname__") {
        auto dot = cls.name.rfind('.');
        out = make_str(cls.is_user() ? cls.qualname : dot == std::string::npos ? cls.name : cls.name.substr(dot + 1));
        return true;
    }
    if (name == "__mro__") {
        Values items;
        for (const ClassObject* c : class_mro_vector(cls))
            items.push_back(class_value(*c));
        out = make_tuple(std::move(items));
        return true;
    }
    if (name == "__bases__" || name == "__base__") {
        Values items = cls.bases;
        if (items.empty() && &cls != &object_class())
            items.push_back(core_class(Type::Opaque));
        if (name == "__base__")
            out = items.empty() ? Value() : items[0];
        else
            out = make_tuple(std::move(items));
        return true;
    }
    if (name == "__class__") {
        out = core_class(Type::Class);
        return true;
    }
    if (cls.is_user()) {
        if (name == "__dict__") {
            out = dict_value(cls.dict);
            return true;
        }
        if (name == "__doc__" && !dict_find_str(*cls.dict, "__doc__")) {
            out = Value();
            return true;
        }
    } else if (!cls.error_kind && &cls != &object_class()) {
        return false; // other natives: the general lookup (str.upper, dict.fromkeys, ...)
    }
    Value attribute;
    if (!find_in_mro(cls, name, attribute, nullptr)) {
        if (name == "__module__") {
            out = make_str(cls.is_user() ? "__main__" : "builtins");
            return true;
        }
        return false;
    }
    out = bind_to_class(ctx, attribute, object);
    return true;
}

} // namespace

bool generic_get_attribute(CallContext& ctx, const Value& object, std::string_view name, Value& out, bool use_getattr)
{
    const ClassObject* cls = user_class_of(object);
    if (!cls)
        return false;
    if (name == "__class__") {
        out = class_value(*cls);
        return true;
    }
    if (name == "__dict__") {
        DictObject* dict = instance_dict(object, true);
        out = Value::object(Type::Dict, Ref<DictObject>(dict));
        return true;
    }
    // A user __getattribute__ replaces the whole lookup.
    if (use_getattr && cls->is_user() && cls->custom_getattribute) {
        if (const Value* custom = class_lookup(*cls, "__getattribute__")) {
            Value args[] = { object, make_str(std::string(name)) };
            try {
                out = ctx.call(*custom, args);
                return true;
            } catch (RambaError& error) {
                if (error.kind() != ErrorKind::AttributeError)
                    throw;
            }
            return getattr_fallback(ctx, *cls, object, name, out);
        }
    }
    Value attribute;
    size_t hash = str_hash(name);
    // OPTIMIZATION: without data descriptors in the class, the instance's own attribute wins at once.
    if (!cls->has_data_descriptors && !object.is(Type::Exception)) {
        if (const Value* value = dict_find_str(*object.as<InstanceObject>().dict, name, hash)) {
            out = *value;
            return true;
        }
    }
    bool found = find_in_mro(*cls, name, hash, attribute, nullptr);
    if (found && is_data_descriptor(attribute)) {
        if (DescriptorObject* descriptor = as_descriptor(attribute)) {
            if (descriptor->function.is_none())
                throw_error(ErrorKind::AttributeError, "property '" + std::string(name) + "' of '" + cls->name + "' object has no getter");
            out = ctx.call(descriptor->function, std::span<const Value>(&object, 1));
            return true;
        }
        out = bind_to_instance(ctx, attribute, object, class_value(*cls));
        return true;
    }
    if (object.is(Type::Exception)) {
        auto& exception = object.as<ExceptionObject>();
        if (name == "args") { out = make_tuple(exception.args); return true; }
        if (name == "__cause__") { out = exception.cause; return true; }
        if (name == "__context__") { out = exception.context; return true; }
        if (name == "__traceback__") { out = Value(); return true; }
        if (name == "__suppress_context__") { out = Value::boolean(!exception.cause.is_none()); return true; }
    }
    if (DictObject* dict = instance_dict(object, false)) {
        if (const Value* value = dict_find_str(*dict, name, hash)) {
            out = *value;
            return true;
        }
    }
    if (found) {
        out = bind_to_instance(ctx, attribute, object, class_value(*cls));
        return true;
    }
    if (!use_getattr)
        return false;
    return getattr_fallback(ctx, *cls, object, name, out);
}

bool getattr_fallback(CallContext& ctx, const ClassObject& cls, const Value& object, std::string_view name, Value& out)
{
    if (!cls.is_user())
        return false;
    if (const Value* getattr = class_lookup(cls, "__getattr__")) {
        Value args[] = { object, make_str(std::string(name)) };
        out = ctx.call(*getattr, args);
        return true;
    }
    return false;
}

bool user_get_attribute(CallContext& ctx, const Value& object, std::string_view name, Value& out)
{
    switch (object.type()) {
    case Type::Class:
        return class_get_attribute(ctx, object, name, out);
    case Type::Exception:
        return generic_get_attribute(ctx, object, name, out, true);
    case Type::Opaque:
        if (is_user_instance(object))
            return generic_get_attribute(ctx, object, name, out, true);
        if (object.as<OpaqueObject>().type_info().name == std::string_view("super"))
            return super_get_attribute(ctx, static_cast<const SuperObject&>(*object.object()), name, out);
        return false;
    default:
        return false;
    }
}

void set_plain_attribute(CallContext& ctx, const Value& object, std::string_view name, const Value& value)
{
    const ClassObject* cls = user_class_of(object);
    Value attribute;
    size_t hash = str_hash(name);
    if (cls && cls->has_data_descriptors && find_in_mro(*cls, name, hash, attribute, nullptr) && is_data_descriptor(attribute)) {
        if (DescriptorObject* descriptor = as_descriptor(attribute)) {
            if (descriptor->setter.is_none())
                throw_error(ErrorKind::AttributeError, "property '" + std::string(name) + "' of '" + cls->name + "' object has no setter");
            Value args[] = { object, value };
            ctx.call(descriptor->setter, args);
            return;
        }
        if (const Value* set = class_lookup(*user_class_of(attribute), "__set__")) {
            Value args[] = { attribute, object, value };
            ctx.call(*set, args);
            return;
        }
    }
    DictObject* dict = instance_dict(object, true);
    if (!dict)
        throw_error(ErrorKind::AttributeError, "'" + std::string(type_name(object)) + "' object has no attribute '" + std::string(name) + "'");
    if (object.is(Type::Exception) && name == "args") {
        object.as<ExceptionObject>().args = to_vector(ctx, value);
        return;
    }
    if (object.is(Type::Exception) && name == "__cause__") {
        object.as<ExceptionObject>().cause = value;
        return;
    }
    // OPTIMIZATION: an existing attribute is replaced in place, without making a key string.
    if (Value* existing = const_cast<Value*>(dict_find_str(*dict, name, hash))) {
        *existing = value;
        return;
    }
    dict_set(ctx, *dict, make_str(std::string(name)), value);
}

bool user_set_attribute(CallContext& ctx, const Value& object, std::string_view name, const Value& value)
{
    if (object.is(Type::Class)) {
        auto& cls = object.as<ClassObject>();
        if (!cls.is_user())
            throw_error(ErrorKind::TypeError, "cannot set '" + std::string(name) + "' attribute of immutable type '" + cls.name + "'");
        dict_set(ctx, *cls.dict, make_str(std::string(name)), value);
        update_special_flags(cls);
        return true;
    }
    const ClassObject* cls = user_class_of(object);
    if (!cls)
        return false;
    if (!cls->is_user() && !object.is(Type::Exception)) // object(): no attributes of its own
        throw_no_attribute(object, name);
    if (cls->is_user() && cls->custom_setattr) {
        if (const Value* custom = class_lookup(*cls, "__setattr__")) {
            Value args[] = { object, make_str(std::string(name)), value };
            ctx.call(*custom, args);
            return true;
        }
    }
    set_plain_attribute(ctx, object, name, value);
    return true;
}

bool user_delete_attribute(CallContext& ctx, const Value& object, std::string_view name)
{
    if (object.is(Type::Class)) {
        auto& cls = object.as<ClassObject>();
        if (!cls.is_user())
            throw_error(ErrorKind::TypeError, "cannot delete '" + std::string(name) + "' attribute of immutable type '" + cls.name + "'");
        if (!dict_erase(ctx, *cls.dict, make_str(std::string(name))))
            throw_no_attribute(object, name);
        update_special_flags(cls);
        return true;
    }
    const ClassObject* cls = user_class_of(object);
    if (!cls)
        return false;
    if (cls->is_user()) {
        if (const Value* custom = class_lookup(*cls, "__delattr__")) {
            Value args[] = { object, make_str(std::string(name)) };
            ctx.call(*custom, args);
            return true;
        }
    }
    Value attribute;
    if (find_in_mro(*cls, name, attribute, nullptr) && is_data_descriptor(attribute)) {
        if (DescriptorObject* descriptor = as_descriptor(attribute)) {
            if (descriptor->deleter.is_none())
                throw_error(ErrorKind::AttributeError, "property '" + std::string(name) + "' of '" + cls->name + "' object has no deleter");
            ctx.call(descriptor->deleter, std::span<const Value>(&object, 1));
            return true;
        }
        if (const Value* del = class_lookup(*user_class_of(attribute), "__delete__")) {
            Value args[] = { attribute, object };
            ctx.call(*del, args);
            return true;
        }
    }
    DictObject* dict = instance_dict(object, false);
    if (!dict || !dict_erase(ctx, *dict, make_str(std::string(name))))
        throw_no_attribute(object, name);
    return true;
}

void delete_attribute(CallContext& ctx, const Value& object, std::string_view name)
{
    if (user_delete_attribute(ctx, object, name))
        return;
    if (object.is(Type::Module) && object.as<ModuleObject>().remove(name))
        return;
    throw_no_attribute(object, name);
}

bool call_class_hook(CallContext& ctx, const Value& cls, std::string_view name, std::span<const Value> args, Value& out)
{
    if (!cls.is(Type::Class) || !cls.as<ClassObject>().is_user())
        return false;
    const Value* hook = class_lookup(cls.as<ClassObject>(), name);
    if (!hook || hook->is_none())
        return false;
    Value function = *hook;
    if (auto* descriptor = as_descriptor(function); descriptor && descriptor->kind != DescriptorKind::Property)
        function = descriptor->function;
    Values with_class;
    with_class.reserve(args.size() + 1);
    with_class.push_back(cls);
    with_class.insert(with_class.end(), args.begin(), args.end());
    out = ctx.call(function, with_class);
    return true;
}

bool call_special(CallContext& ctx, const Value& self, std::string_view name, std::span<const Value> args, Value& out)
{
    const ClassObject* cls = user_class_of(self);
    if (!cls)
        return false;
    const Value* method = class_lookup(*cls, name);
    if (!method || method->is_none())
        return false;
    if (method->is(Type::Function)) {
        Values with_self;
        with_self.reserve(args.size() + 1);
        with_self.push_back(self);
        with_self.insert(with_self.end(), args.begin(), args.end());
        out = ctx.call(*method, with_self);
        return true;
    }
    Value bound = bind_to_instance(ctx, *method, self, class_value(*cls));
    out = ctx.call(bound, args);
    return true;
}

bool user_dir(CallContext& ctx, const Value& object, Values& names)
{
    const ClassObject* cls = object.is(Type::Class) ? &object.as<ClassObject>() : user_class_of(object);
    if (!cls || (object.is(Type::Class) && !cls->is_user() && !cls->error_kind))
        return false;
    static constexpr const char* object_names[] = { "__class__", "__delattr__", "__dir__", "__doc__", "__eq__",
        "__format__", "__ge__", "__getattribute__", "__getstate__", "__gt__", "__hash__", "__init__",
        "__init_subclass__", "__le__", "__lt__", "__ne__", "__new__", "__reduce__", "__reduce_ex__", "__repr__",
        "__setattr__", "__sizeof__", "__str__", "__subclasshook__" };
    static constexpr const char* exception_names[] = { "__cause__", "__context__", "__setstate__",
        "__suppress_context__", "__traceback__", "add_note", "args", "with_traceback" };
    Value seen = make_dict();
    auto add = [&](const Value& name) { dict_set(ctx, seen.as<DictObject>(), name, Value()); };
    for (const char* name : object_names)
        add(make_str(name));
    if (cls->error_kind) {
        for (const char* name : exception_names)
            add(make_str(name));
    }
    if (cls->is_user()) {
        for (const char* name : { "__dict__", "__module__", "__weakref__" })
            add(make_str(name));
    }
    for (const ClassObject* c : cls->mro) {
        if (c->dict) {
            for (auto& [key, value] : c->dict->entries)
                add(key);
        }
    }
    if (!object.is(Type::Class)) {
        if (DictObject* dict = instance_dict(object, false)) {
            for (auto& [key, value] : dict->entries)
                add(key);
        }
    }
    for (auto& [key, value] : seen.as<DictObject>().entries)
        names.push_back(key);
    return true;
}

std::string exception_type_name(const RambaError& error)
{
    if (auto* thrown = dynamic_cast<const ThrownException*>(&error)) {
        if (thrown->instance().is(Type::Exception)) {
            auto& exception = thrown->instance().as<ExceptionObject>();
            if (exception.cls)
                return exception.cls->name;
        }
    }
    return "";
}

} // namespace ramba::interp
