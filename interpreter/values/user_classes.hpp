// What user_classes.cpp and user_instances.cpp share: MRO walks, descriptor objects, binding, the
// instance TypeInfo and the default printing of instances and exceptions. Not part of value.hpp's contract.
#pragma once

#include <vector>

#include "interpreter/values/value.hpp"

namespace ramba::interp {

std::vector<const ClassObject*> class_mro_vector(const ClassObject&); // natives: self, object
// The attribute `name` along cls's MRO, user namespaces and native defaults (object.__init__, ...);
// with `after`, only the classes that follow it (super()).
bool find_in_mro(const ClassObject& cls, std::string_view name, Value& out, const ClassObject* after);
void update_special_flags(ClassObject&); // after the namespace changed: whether __getattribute__/__setattr__ are user code
bool attribute_is_native_method(const Value& builtin); // object's / BaseException's rows: bound on access

enum class DescriptorKind : uint8_t { StaticMethod, ClassMethod, Property };
struct DescriptorObject final : OpaqueObject {
    DescriptorKind kind;
    Value function; // the wrapped function; a property's getter
    Value setter, deleter, doc; // properties
    explicit DescriptorObject(DescriptorKind k) : kind(k) { }
    const TypeInfo& type_info() const override;
};
DescriptorObject* as_descriptor(const Value&); // null if not a staticmethod/classmethod/property

// Calls fn on each user function a class-namespace value holds (a function, or one wrapped in a descriptor).
template<typename Fn>
void for_each_function(const Value& value, Fn&& fn)
{
    if (value.is(Type::Function)) {
        fn(value);
        return;
    }
    if (DescriptorObject* descriptor = as_descriptor(value)) {
        for (const Value* part : { &descriptor->function, &descriptor->setter, &descriptor->deleter })
            if (part->is(Type::Function))
                fn(*part);
    }
}

// Python's descriptor binding of an attribute found on a class, for an instance or the class itself.
Value bind_to_instance(CallContext&, const Value& attribute, const Value& self, const Value& owner);
Value bind_to_class(CallContext&, const Value& attribute, const Value& cls);
bool generic_get_attribute(CallContext&, const Value& object, std::string_view name, Value& out, bool use_getattr);
bool getattr_fallback(CallContext&, const ClassObject&, const Value& object, std::string_view name, Value& out);
void set_plain_attribute(CallContext&, const Value& object, std::string_view name, const Value& value); // object.__setattr__

std::shared_ptr<const TypeInfo> make_instance_type_info(const ClassObject&);
Value make_bare_instance(CallContext&, const Value& cls); // object.__new__(cls)
std::string default_repr(CallContext&, const Value&);     // <__main__.C object at 0x...>, MyError('x')
std::string exception_args_str(CallContext&, const ExceptionObject&); // BaseException.__str__
std::string exception_text(CallContext&, const Value& exception); // str(e): a user __str__ or the args

// A dict lookup by a str key without making a str Value (class namespaces, instance dicts).
const Value* dict_find_str(const DictObject&, std::string_view key);
// The same with the key's hash computed once by the caller (one attribute access looks in several dicts).
inline size_t str_hash(std::string_view key) { return std::hash<std::string_view>()(key); } // hash_value's for a str
const Value* dict_find_str(const DictObject&, std::string_view key, size_t hash);
bool find_in_mro(const ClassObject& cls, std::string_view name, size_t hash, Value& out, const ClassObject* after);

} // namespace ramba::interp
