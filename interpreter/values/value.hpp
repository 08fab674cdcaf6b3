// Value: the interpreter's small tagged value, passed by value. None, bool, int and float never
// allocate; everything else (complex too) is a counted handle to an Object. Used by eval/, builtins and stdlib/.
#pragma once

#include <complex>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "base/error.hpp"

namespace ramba::interp {

enum class Type : uint8_t {
    None,
    Bool,
    Int,      // 64-bit; past int64 a Python int is a BigIntObject (an Opaque on GMP, bigint.hpp)
    Float,
    Complex,
    Str,      // StrObject
    Tuple,    // TupleObject
    List,     // ListObject
    Dict,     // DictObject (insertion ordered)
    Range,    // RangeObject
    Slice,    // SliceObject
    Ellipsis,
    Function, // user function (eval/ defines the object)
    Builtin,  // BuiltinObject: a native function from a registration table
    BoundMethod, // BoundMethodObject: self + builtin
    Module,   // ModuleObject
    Class,    // ClassObject: a type usable with isinstance() and as a constructor (int, str, ValueError, np.float64 ...)
    Exception,// ExceptionObject: a raised/caught exception instance
    Iterator, // IteratorObject: enumerate/zip/map/filter/reversed and iter() results
    Cell,     // CellObject: closure cell (internal)
    Opaque,   // anything owned by a library (ndarray, dtype, numpy scalar, rng): see OpaqueObject
};

// Heap objects carry an intrusive reference count. It is not atomic: values and the objects they
// hold are only ever touched by the thread that runs the interpreter (engine threads see engine
// buffers, never interpreter objects), so a count change is a plain add.
class Object {
public:
    Object() = default;
    Object(const Object&) { } // a copy is a new object with its own (zero) count
    Object& operator=(const Object&) { return *this; }
    virtual ~Object() = default;

    size_t ref_count() const { return m_ref_count; }
    // Static rather than members: GCC's -Wnonnull cannot always see that a Value holding an object
    // has a non-null one, and warns about a member call on a possibly null `this`.
    static void retain(const Object* object) { ++object->m_ref_count; }
    static void release(const Object* object)
    {
        if (--object->m_ref_count == 0)
            destroy(object);
    }

private:
    // Deletes `object`, or, when called from within deeper destructions than a few dozen, queues
    // it for the outermost one (CPython's "trashcan"): freeing a list nested 30 million deep would
    // otherwise recurse once per level and overflow even the interpreter's 512 MiB stack.
    [[gnu::noinline]] static void destroy(const Object* object);
    // While an object waits in that queue (its count is zero), this field links to the next one.
    mutable size_t m_ref_count { 0 };
};

// An owning pointer to a heap object (the counted handle natives keep: modules, cells, classes).
template<typename T>
class Ref {
public:
    Ref() = default;
    Ref(std::nullptr_t) { }
    explicit Ref(T* object) : m_object(object)
    {
        if (m_object)
            Object::retain(m_object);
    }
    Ref(const Ref& other) : Ref(other.m_object) { }
    Ref(Ref&& other) noexcept : m_object(std::exchange(other.m_object, nullptr)) { }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    Ref(const Ref<U>& other) : Ref(other.get()) { }
    template<typename U>
        requires std::is_convertible_v<U*, T*>
    Ref(Ref<U>&& other) noexcept : m_object(other.leak()) { }
    ~Ref()
    {
        if (m_object)
            Object::release(m_object);
    }
    Ref& operator=(Ref other) noexcept
    {
        std::swap(m_object, other.m_object);
        return *this;
    }

    T* get() const { return m_object; }
    T* operator->() const { return m_object; }
    T& operator*() const { return *m_object; }
    explicit operator bool() const { return m_object != nullptr; }
    void reset() { *this = Ref(); }
    size_t use_count() const { return m_object ? m_object->ref_count() : 0; }
    // Gives up ownership without releasing: the caller now owns one count.
    T* leak() { return std::exchange(m_object, nullptr); }

    friend bool operator==(const Ref& a, const Ref& b) { return a.m_object == b.m_object; }
    friend bool operator==(const Ref& a, std::nullptr_t) { return a.m_object == nullptr; }

private:
    T* m_object { nullptr };
};

template<typename T, typename... Args>
Ref<T> make_object(Args&&... args)
{
    return Ref<T>(new T(std::forward<Args>(args)...));
}

// What Value::object() returns: the object held, or null; used like the raw pointer it is.
class ObjectPointer {
public:
    explicit ObjectPointer(Object* object) : m_object(object) { }
    Object* get() const { return m_object; }
    Object* operator->() const { return m_object; }
    operator Object*() const { return m_object; }

private:
    Object* m_object;
};

// complex values are boxed so that a Value stays 16 bytes (complex is rare in scalar code).
struct ComplexObject;

// 16 bytes: a type tag, whether it holds a counted object, and the payload. Copies, moves and
// destruction are forced inline: GCC otherwise leaves ~Value out of line in large evaluator
// functions, a call per temporary on the hottest paths.
class Value {
public:
    Value() = default; // None
    [[gnu::always_inline]] Value(const Value& other)
        : m_type(other.m_type), m_owns(other.m_owns), m_library_float(other.m_library_float), m_int(other.m_int)
    {
        if (m_owns)
            Object::retain(m_object);
    }
    // A moved-from Value that held an object is None; immediate values are left as they were.
    [[gnu::always_inline]] Value(Value&& other) noexcept
        : m_type(other.m_type), m_owns(other.m_owns), m_library_float(other.m_library_float), m_int(other.m_int)
    {
        if (other.m_owns) {
            other.m_type = Type::None;
            other.m_owns = false;
        }
    }
    [[gnu::always_inline]] Value& operator=(const Value& other)
    {
        if (other.m_owns)
            Object::retain(other.m_object);
        Object* old = m_owns ? m_object : nullptr;
        m_type = other.m_type;
        m_owns = other.m_owns;
        m_library_float = other.m_library_float;
        m_int = other.m_int;
        if (old)
            Object::release(old);
        return *this;
    }
    [[gnu::always_inline]] Value& operator=(Value&& other) noexcept
    {
        Object* old = m_owns ? m_object : nullptr;
        m_type = other.m_type;
        m_owns = other.m_owns;
        m_library_float = other.m_library_float;
        m_int = other.m_int;
        if (other.m_owns) {
            other.m_type = Type::None;
            other.m_owns = false;
        }
        if (old)
            Object::release(old);
        return *this;
    }
    [[gnu::always_inline]] ~Value()
    {
        if (m_owns)
            Object::release(m_object);
    }

    static Value none() { return {}; }
    static Value boolean(bool b) { Value v; v.m_type = Type::Bool; v.m_int = b; return v; }
    static Value integer(int64_t i) { Value v; v.m_type = Type::Int; v.m_int = i; return v; }
    static Value floating(double d) { Value v; v.m_type = Type::Float; v.m_float = d; return v; }
    // A library's float (numpy's float64, which subclasses Python's float): a Float to all code that
    // reads floats, answering to library_float_info() for its type, attributes and operators. The
    // evaluator's inline + - * / keep it a library float where the result is finite (the same IEEE
    // operation) and leave the rest to its library (numpy's warnings where Python raises). It prints
    // as a Python float does.
    static Value library_float(double d) { Value v = floating(d); v.m_library_float = true; return v; }
    static Value complex(std::complex<double> c);
    static Value ellipsis() { Value v; v.m_type = Type::Ellipsis; return v; }
    template<typename T>
    static Value object(Type type, Ref<T> object)
    {
        Value v;
        v.m_type = type;
        v.m_object = object.leak();
        v.m_owns = v.m_object != nullptr;
        return v;
    }
    // A tag with no object (the evaluator's "unbound" marker).
    static Value empty_object(Type type) { Value v; v.m_type = type; return v; }

    Type type() const { return m_type; }
    bool is(Type t) const { return m_type == t; }
    bool is_none() const { return m_type == Type::None; }
    bool holds_object() const { return m_owns; }
    bool is_library_float() const { return m_library_float; }
    // Either operand a library float: one test for the evaluator's inline arithmetic.
    static bool any_library_float(const Value& a, const Value& b) { return a.m_library_float | b.m_library_float; }

    bool as_bool() const { return m_int != 0; }      // precondition: Bool
    int64_t as_int() const { return m_int; }          // precondition: Int or Bool
    double as_float() const { return m_float; }       // precondition: Float
    std::complex<double> as_complex() const;          // precondition: Complex

    // The object held, or null (immediate values, the unbound marker).
    ObjectPointer object() const { return ObjectPointer(m_owns ? m_object : nullptr); }
    Ref<Object> object_ref() const { return Ref<Object>(object().get()); }
    template<typename T> T& as() const { return static_cast<T&>(*m_object); } // precondition: right Type
    template<typename T> Ref<T> ref_as() const { return Ref<T>(&as<T>()); }   // precondition: right Type

private:
    Type m_type { Type::None };
    bool m_owns { false };
    bool m_library_float { false };
    union {
        int64_t m_int { 0 };
        double m_float;
        Object* m_object;
    };
};
static_assert(sizeof(Value) == 16);

struct ComplexObject final : Object {
    std::complex<double> value;
    explicit ComplexObject(std::complex<double> v) : value(v) { }
};
inline Value Value::complex(std::complex<double> c) { return object(Type::Complex, make_object<ComplexObject>(c)); }
inline std::complex<double> Value::as_complex() const { return static_cast<const ComplexObject*>(m_object)->value; }

using Values = std::vector<Value>;

// ---------------------------------------------------------------------------------------------
// Heap objects of the core types

struct StrObject final : Object {
    std::string value; // UTF-8
    explicit StrObject(std::string v) : value(std::move(v)) { }
};

struct TupleObject final : Object {
    Values items;
    explicit TupleObject(Values v) : items(std::move(v)) { }
};

struct ListObject final : Object {
    Values items;
    explicit ListObject(Values v) : items(std::move(v)) { }
};

struct DictObject final : Object {
    // Insertion-ordered; keys hashed with hash_value() and compared with values_equal().
    // `entries` is always dense (erasing compacts it), so code may iterate it directly; insert and
    // erase only through dict_set()/dict_erase() so that `index` stays consistent.
    std::vector<std::pair<Value, Value>> entries;
    std::vector<int64_t> index; // open-addressing table of entry positions, owned by dict code
    std::vector<size_t> hashes; // hash of each entry's key, parallel to entries (owned by dict code)
    size_t used_slots { 0 };    // index slots that are not empty (live + erased), owned by dict code
    size_t live { 0 };          // number of non-erased entries (== entries.size())
};

struct RangeObject final : Object {
    int64_t start, stop, step;
    RangeObject(int64_t a, int64_t b, int64_t c) : start(a), stop(b), step(c) { }
};

struct SliceObject final : Object {
    Value start, stop, step; // None or Int (or anything: numpy allows only ints / None)
};

class CallContext;

// A native function's parameters arrive bound in signature order: `*args` as one Tuple value,
// `**kwargs` as one Dict value, missing optional parameters as their defaults.
using NativeFunction = Value (*)(CallContext&, std::span<Value> args);

// One row of a registration table: what `help()` shows, what the binder checks, what runs.
//   signature: Python syntax without the name, e.g. "(x, /, axis=None, *, keepdims=False)".
//   Defaults are literals: None, True, False, numbers, strings, (), or <missing> (see
//   missing_argument()). A single positional-only parameter "(x, /)" gets CPython's
//   "len() takes exactly one argument (2 given)" wording.
struct BuiltinSpec {
    const char* name;
    const char* signature;
    NativeFunction function;
    const char* doc;
};

struct BuiltinObject final : Object {
    const BuiltinSpec* spec;
    std::shared_ptr<const void> signature_cache; // the parsed signature, owned by the binder
    explicit BuiltinObject(const BuiltinSpec* s) : spec(s) { }
};

struct BoundMethodObject final : Object {
    Value self;
    Value function; // Builtin (self is prepended to the arguments) or Function
    BoundMethodObject(Value s, Value f) : self(std::move(s)), function(std::move(f)) { }
};

struct ModuleScope;
struct ModuleObject;
// Runs a module's pending overlay (installed by the evaluator).
// Loads the part of a module's overlay that defines `attribute` (every part when it is empty); says
// whether it loaded any.
void set_overlay_loader(bool (*loader)(const ModuleObject&, std::string_view attribute));

// A module: a native one holds its attributes; a Python-source one (`scope` set) reads and writes its
// module's global slots, so `m.x` sees what m's functions assign.
struct ModuleObject final : Object {
    std::string name;
    std::vector<std::pair<std::string, Value>> attributes; // native modules; small; linear lookup
    ModuleScope* scope { nullptr };
    std::shared_ptr<ModuleScope> scope_owner; // keeps `scope` alive while the module object is
    // A native module with overlay parts (embedded code adding functions) not run yet: the part that
    // defines a name runs at the first lookup of that name, every part at the first listing.
    mutable bool overlay_pending { false };
    explicit ModuleObject(std::string n) : name(std::move(n)) { }
    const Value* find(std::string_view attribute) const;
    void set(std::string attribute, Value value);
    bool remove(std::string_view attribute);
    // The bound attributes, in definition order (dir, vars, help, completion).
    std::vector<std::pair<std::string, Value>> entries() const;
};

struct TypeInfo;

// A class object: `int`, `str`, `list`, `ValueError`, `np.ndarray`, `np.float64`, a user's `class C`.
// Calling a native class calls `constructor`; isinstance() asks `is_instance`. User classes (made by
// a `class` statement, user_classes.cpp) have a namespace dict, bases and an MRO; the builtin
// exception classes have bases and an MRO too, so that user exceptions can derive from them.
struct ClassObject final : Object {
    std::string name;        // as `type(x)` prints it: "int", "numpy.ndarray", "C"
    Value constructor;       // a Builtin, or None if not callable
    bool (*is_instance)(const Value& value, const ClassObject& self) { nullptr };
    std::optional<ErrorKind> error_kind; // exception classes (a user one: its nearest builtin base's kind)
    const void* tag { nullptr }; // library data (e.g. a dtype for np.float64)

    Values bases;                          // Class values; empty: `object` alone
    std::vector<const ClassObject*> mro;   // self first (kept alive through `bases`); empty: self, object
    Ref<DictObject> dict;                  // the namespace of a user class; null for native classes
    std::string qualname;                  // user classes: "Outer.Inner"
    std::shared_ptr<const TypeInfo> instance_info; // user classes: the hooks their instances use
    bool custom_getattribute { false };    // user classes: the MRO defines __getattribute__ / __setattr__
    bool custom_setattr { false };
    bool has_data_descriptors { true };    // user classes: a property or __set__/__delete__ object in the MRO
    bool is_user() const { return dict.get() != nullptr; }
};

struct ExceptionObject final : Object {
    ErrorKind kind;
    std::string message;
    Values args;
    Value cause; // `raise ... from cause`: __cause__ (None unless set)
    Value context; // the exception being handled when this one was raised: __context__
    Ref<ClassObject> cls;  // a user exception class; null: the builtin class of `kind`
    Ref<DictObject> dict;  // attributes set on the instance (made on first assignment)
    ExceptionObject(ErrorKind k, std::string m) : kind(k), message(std::move(m)) { }
};

struct CellObject final : Object {
    Value value;
    bool bound { false };
};

// Iterators: next() returns false when exhausted.
struct IteratorObject : Object {
    virtual bool next(CallContext&, Value& out) = 0;
    virtual std::string_view type_name() const { return "iterator"; } // "list_iterator", "zip", ...
    virtual std::span<const BuiltinSpec> methods() const { return {}; }  // a generator's send, throw, close
};

// Library-owned objects (ndarray, dtype, numpy scalar, random generator). The library gives each a
// TypeInfo that the interpreter consults for attributes, methods, operators, printing and truth.
struct OpaqueObject : Object {
    virtual const TypeInfo& type_info() const = 0;
};

// ---------------------------------------------------------------------------------------------
// Services the evaluator offers to native code.

class CallContext {
public:
    virtual ~CallContext() = default;
    // Calls any callable value (user function, builtin, bound method, class) with positional args.
    virtual Value call(const Value& callee, std::span<const Value> args) = 0;
    virtual Value call(const Value& callee, std::span<const Value> args,
        std::span<const std::pair<std::string, Value>> keywords) = 0;
    virtual void write_stdout(std::string_view text) = 0;
    virtual void write_stderr(std::string_view text) = 0;
    // The span of the expression being evaluated: library errors without a position get this one.
    virtual SourceSpan current_span() const = 0;
    // A library warning (category "RuntimeWarning", ...), reported as Python's warnings module does.
    virtual void warn(std::string_view category, std::string_view message)
    {
        write_stderr(std::string(category) + ": " + std::string(message) + "\n");
    }
    // A module-level global's value, nullopt when unbound (np.smap reads the constants and modules
    // a user function names, to compile its body into a kernel).
    virtual std::optional<Value> global_value(std::string_view) const { return std::nullopt; }
    // Zero-argument super(): the running user function and its first argument. False outside one.
    virtual bool method_context(Value& /*function*/, Value& /*first_argument*/) const { return false; }
    // Whether Ctrl-C (or SIGTERM) asked the running statement to stop: a library call that waits
    // (time.sleep) polls it and returns early; the evaluator raises KeyboardInterrupt afterwards.
    virtual bool interrupt_requested() const { return false; }
};

// Binary and unary operators the evaluator dispatches on (same order as ast::BinOpKind).
enum class BinaryOp : uint8_t { Add, Sub, Mul, Div, FloorDiv, Mod, Pow, MatMul, BitAnd, BitOr, BitXor, LShift, RShift };
enum class UnaryOp : uint8_t { Neg, Pos, Invert, Not };
enum class CompareOp : uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE };

struct AttributeSpec {
    const char* name;
    Value (*get)(CallContext&, const Value& self);
    const char* doc;
    // Assignment (`a.shape = (2, 3)`), or null for a read-only attribute.
    void (*set)(CallContext&, const Value& self, const Value& value) { nullptr };
};

// Per-library-type behaviour. Any hook may be null: the interpreter then raises the TypeError Python
// would ("unsupported operand type(s) for +: 'x' and 'y'", "'x' object is not subscriptable", ...).
struct TypeInfo {
    const char* name;                     // "numpy.ndarray"; `type(x)` prints <class 'numpy.ndarray'>
    std::span<const BuiltinSpec> methods; // self is the first bound argument
    std::span<const AttributeSpec> attributes;
    // Operators: return false when this type does not handle the operand pair (then the other
    // operand's type is asked, as Python's reflected operators do).
    bool (*binary)(CallContext&, BinaryOp, const Value& lhs, const Value& rhs, Value& out) { nullptr };
    bool (*inplace)(CallContext&, BinaryOp, Value& target, const Value& rhs) { nullptr }; // `a += b` in place
    Value (*unary)(CallContext&, UnaryOp, const Value& operand) { nullptr };
    bool (*compare)(CallContext&, CompareOp, const Value& lhs, const Value& rhs, Value& out) { nullptr };
    Value (*get_item)(CallContext&, const Value& self, const Value& index) { nullptr };
    void (*set_item)(CallContext&, const Value& self, const Value& index, const Value& value) { nullptr };
    std::string (*str)(CallContext&, const Value& self) { nullptr };
    std::string (*repr)(CallContext&, const Value& self) { nullptr };
    bool (*truth)(CallContext&, const Value& self) { nullptr };   // bool(x), if x:
    int64_t (*length)(CallContext&, const Value& self) { nullptr }; // len(x)
    Value (*iterate)(CallContext&, const Value& self) { nullptr }; // returns an Iterator value
    Value (*call)(CallContext&, const Value& self, std::span<const Value> args,
        std::span<const std::pair<std::string, Value>> keywords) { nullptr };
    // Conversions used by int(), float(), complex(), operator.index(); return false if unsupported.
    bool (*to_int)(CallContext&, const Value& self, int64_t& out) { nullptr };
    bool (*to_float)(CallContext&, const Value& self, double& out) { nullptr };
    bool (*to_complex)(CallContext&, const Value& self, std::complex<double>& out) { nullptr };
    bool (*is_integer_index)(const Value& self) { nullptr }; // usable as a list index (numpy ints)
    size_t (*hash)(const Value& self) { nullptr };
    bool (*equals)(const Value& self, const Value& other) { nullptr }; // for dict keys
    // The class object `type(x)` returns (so that `type(a) is np.ndarray` holds); null: one is made
    // from `name`.
    Value (*type_object)() { nullptr };
    // The Python scalar type this library type subclasses, for isinstance(): numpy's float64 is a
    // float and complex128 a complex (Type::Float / Type::Complex); None for no such base.
    Type python_base { Type::None };
    // Set for the TypeInfo of a user class's instances (InstanceObject).
    const ClassObject* user_class { nullptr };
};

// An instance of a user class: its class and its own attributes (`__dict__`). Its TypeInfo is its
// class's, whose hooks call the special methods the class defines (user_classes.cpp), so the rest of
// the interpreter treats it as any library object.
struct InstanceObject final : OpaqueObject {
    Ref<ClassObject> cls;
    Ref<DictObject> dict;
    explicit InstanceObject(Ref<ClassObject> c);
    const TypeInfo& type_info() const override { return *cls->instance_info; }
};

// The TypeInfo of library floats (Value::library_float): numpy registers its float64's at start-up.
inline const TypeInfo* g_library_float_info = nullptr;
inline void set_library_float_info(const TypeInfo* info) { g_library_float_info = info; }
// The TypeInfo a value answers to: a library object's, a library float's, else null.
inline const TypeInfo* library_type_info(const Value& value)
{
    if (value.is(Type::Opaque))
        return &value.as<OpaqueObject>().type_info();
    return value.is_library_float() ? g_library_float_info : nullptr;
}

// ---------------------------------------------------------------------------------------------
// Construction helpers and the core operations on values (values/*.cpp).

Value make_str(std::string s);
Value make_tuple(Values items);
Value make_list(Values items);
Value make_dict();
// Sets (sets.cpp): a set or frozenset of hashable values, on the dict table.
Value make_set(); // empty
void set_add(CallContext&, const Value& set, const Value& item); // TypeError "unhashable type: 'list'"
bool set_contains(CallContext&, const Value& set, const Value& item); // `in`
bool is_set_or_frozenset(const Value&);
Value make_builtin(const BuiltinSpec* spec);
Value make_module(Ref<ModuleObject> module);

std::string_view type_name(const Value&);  // "int", "str", "numpy.ndarray" (Python's words)
std::string repr_value(CallContext&, const Value&);
std::string str_value(CallContext&, const Value&);
std::string repr_float(double);             // Python's repr: shortest round-trip, 1e-05, 1e+16, inf, nan
bool truthy(CallContext&, const Value&);
size_t hash_value(CallContext&, const Value&);
// CPython's numeric hash (modulo 2**61 - 1): equal ints, floats and library numbers hash alike.
inline constexpr uint64_t numeric_hash_modulus = (uint64_t(1) << 61) - 1;
int64_t hash_int(int64_t);
int64_t hash_double(double);
bool values_equal(CallContext&, const Value&, const Value&);

Value binary_op(CallContext&, BinaryOp, const Value& lhs, const Value& rhs);
Value inplace_op(CallContext&, BinaryOp, const Value& lhs, const Value& rhs); // falls back to binary_op
Value unary_op(CallContext&, UnaryOp, const Value&);
Value compare_op(CallContext&, CompareOp, const Value& lhs, const Value& rhs);
bool contains(CallContext&, const Value& container, const Value& item); // `in`

Value get_attribute(CallContext&, const Value& object, std::string_view name);
bool has_attribute(CallContext&, const Value& object, std::string_view name);
void set_attribute(CallContext&, const Value& object, std::string_view name, const Value& value); // modules only
Value get_item(CallContext&, const Value& object, const Value& index);
void set_item(CallContext&, const Value& object, const Value& index, const Value& value);
void delete_item(CallContext&, const Value& object, const Value& index);
Value iterate(CallContext&, const Value& iterable); // an Iterator value; TypeError if not iterable
Values to_vector(CallContext&, const Value& iterable); // materialise any iterable

// The builtins module (print, len, range, ...) and the module registry used by `import`.
const ModuleObject& builtins_module();
using ModuleFactory = Ref<ModuleObject> (*)();
void register_module(std::string name, ModuleFactory factory); // stdlib registers at start-up
Ref<ModuleObject> import_module(const std::string& dotted_name); // nullptr if unknown
std::vector<std::string> registered_module_names(); // for REPL completion of `import`

// ---------------------------------------------------------------------------------------------
// User classes (user_classes.cpp, user_instances.cpp): the `class` statement's objects.

// Makes a user class from its name, bases (Class values) and namespace; computes the C3 MRO. TypeError
// in Python's words for bad bases ("Cannot create a consistent method resolution order (MRO) ...").
Value make_user_class(CallContext&, std::string name, std::string qualname, Values bases, Ref<DictObject> namespace_dict);
std::string class_module(const ClassObject&); // a user class's __module__ ("__main__" by default)
// The attribute `name` found along the class's MRO (user namespaces only), or null.
const Value* class_lookup(const ClassObject&, std::string_view name);
std::span<const ClassObject* const> class_mro(const ClassObject&); // self first, object last
bool class_is_subclass(const ClassObject& cls, const ClassObject& base);
// The user class of an instance or of a user exception, or null.
const ClassObject* user_class_of(const Value&);
inline bool is_user_instance(const Value& value)
{
    return value.is(Type::Opaque) && value.as<OpaqueObject>().type_info().user_class != nullptr;
}
// Operators, comparisons, hashing and equality for operands of which one is a user instance:
// Python's order of special methods (reflected first for a subclass on the right, NotImplemented
// falling back to the other operand). False: neither side handles it.
bool user_binary(CallContext&, BinaryOp, const Value& lhs, const Value& rhs, Value& out);
bool user_inplace(CallContext&, BinaryOp, const Value& lhs, const Value& rhs, Value& out);
bool user_unary(CallContext&, UnaryOp, const Value&, Value& out);
bool user_compare(CallContext&, CompareOp, const Value& lhs, const Value& rhs, Value& out);
size_t user_hash(CallContext&, const Value&);
bool user_contains(CallContext&, const Value& container, const Value& item, bool& out);
void user_delete_item(CallContext&, const Value& self, const Value& index);
std::string user_format(CallContext&, const Value&, std::string_view spec);
// Attributes of instances, user classes and exceptions, with Python's descriptor order. False: not found.
bool user_get_attribute(CallContext&, const Value& object, std::string_view name, Value& out);
bool user_set_attribute(CallContext&, const Value& object, std::string_view name, const Value& value); // false: not ours
bool user_delete_attribute(CallContext&, const Value& object, std::string_view name); // false: not ours
void delete_attribute(CallContext&, const Value& object, std::string_view name); // `del x.name`, delattr()
bool user_dir(CallContext&, const Value& object, Values& names); // dir() of instances and user classes; false: not ours
// OPTIMIZATION: `obj.name(...)` on a user instance where name is a plain function on the class (not
// shadowed by the instance): the function, to call with the receiver as self without a bound method.
bool find_method_for_call(const Value& receiver, std::string_view name, Value& function);
Value construct_user_instance(CallContext&, const Value& cls, std::span<const Value> args,
    std::span<const std::pair<std::string, Value>> keywords);
// Calls self's special method `name` (looked up on its class); false if the class has none.
bool call_special(CallContext&, const Value& self, std::string_view name, std::span<const Value> args, Value& out);
// Calls the user class cls's class-level hook `name` (a function or classmethod found on its MRO, given
// cls first); false if cls is no user class or has none. The hooks: __class_getitem__ (Python's: cls[key])
// and, until classes can subclass `type` and take a metaclass, __class_iter__, __class_len__ and
// __class_contains__ stand for a metaclass's __iter__, __len__ and __contains__ (enum.Enum uses them).
bool call_class_hook(CallContext&, const Value& cls, std::string_view name, std::span<const Value> args, Value& out);
const Value& not_implemented();
inline bool is_not_implemented(const Value& value) { return value.object() == not_implemented().object(); }
// A function defined in a class body: its class (for zero-argument super()) and qualified name. eval/
// installs it, since user functions are its objects.
using MethodOwnerHook = void (*)(const Value& function, const ClassObject& owner);
void set_method_owner_hook(MethodOwnerHook);
void add_class_builtins(ModuleObject& builtins); // object, staticmethod, classmethod, property, super, vars, ...
// The name an uncaught exception is reported with: its user class's name, or empty for a builtin kind.
std::string exception_type_name(const RambaError&);

// ---------------------------------------------------------------------------------------------
// Calling natives, formatting, exceptions, dicts (values/*.cpp).

// Calls a Builtin (or a BoundMethod whose function is a Builtin: self is prepended) after binding
// positional and keyword arguments to the spec's signature, with Python's TypeError messages.
Value call_builtin(CallContext&, const Value& builtin_or_bound_method, std::span<const Value> args,
    std::span<const std::pair<std::string, Value>> keywords);

// A parameter written `name=<missing>` in a signature receives this value when not passed, so that a
// native function can tell "not given" from None (max(default=...), next(it, default), log(x, base)).
Value missing_argument();
bool is_missing_argument(const Value&);

// The format-spec mini-language: format(x, spec), str.format, f-strings ("{x:>10.3f}"). A library
// type with a "__format__" method row (self, spec) formats itself; otherwise an empty spec gives
// str(x), and a numeric spec uses the TypeInfo's to_int (integer types) or to_float.
std::string format_value(CallContext&, const Value&, std::string_view spec);

// `type(x)` and isinstance().
Value type_of(const Value&);                        // a Class value
bool is_instance(CallContext&, const Value& value, const Value& class_or_tuple); // TypeError if not classes

// Conversions native code uses for its arguments (TypeError in Python's words when impossible).
bool as_index(CallContext&, const Value&, int64_t& out); // int, bool, numpy ints; false otherwise
int64_t to_index(CallContext&, const Value&);            // "'str' object cannot be interpreted as an integer"
double to_double(CallContext&, const Value&);            // "must be real number, not str"

// Exceptions. A RambaError carries a kind and a message; ThrownException also carries the instance
// that was raised (its args: `raise ValueError(1, 2)`, SystemExit's code, KeyError's key).
class ThrownException : public RambaError {
public:
    ThrownException(ErrorKind kind, std::string message, Value instance, SourceSpan span = {})
        : RambaError(kind, std::move(message), span), m_instance(std::move(instance)) { }
    const Value& instance() const { return m_instance; }
private:
    Value m_instance; // an Exception value
};

Value make_exception(CallContext&, ErrorKind, Values args); // message is Python's str(e) of those args
const Value& exception_class(ErrorKind);          // the builtin class ValueError, ...
Value exception_value(const RambaError&);         // the instance bound by `except E as e`
[[noreturn]] void raise_value(CallContext&, const Value& exception_or_class); // `raise X` / `raise X(...)`
// `except X:` / `except (X, Y):`; TypeError "catching classes that do not inherit from BaseException is not allowed"
bool exception_matches(CallContext&, const RambaError&, const Value& class_or_tuple);
[[noreturn]] void throw_key_error(CallContext&, const Value& key); // KeyError whose str is repr(key)
[[noreturn]] void raise_system_exit(CallContext&, const Value& code); // sys.exit(code), exit(code)
// For the CLI: the exit status an uncaught SystemExit asks for: no code or None -> 0, an int -> it,
// anything else -> 1 with `message` set to its str (to print on stderr).
int system_exit_status(CallContext&, const RambaError&, std::string& message);

// Dict table operations (dict_table.cpp). Keys must be hashable (TypeError "unhashable type: 'list'").
const Value* dict_find(CallContext&, const DictObject&, const Value& key);
void dict_set(CallContext&, DictObject&, const Value& key, Value value);
bool dict_erase(CallContext&, DictObject&, const Value& key);
void dict_clear(DictObject&);

// User functions belong to eval/; it installs these hooks so that values/ can print them
// (`<function f at 0x...>`) and help() can describe them (`f(a, b=1)`). Unset hooks print generic text.
struct FunctionHooks {
    std::string (*name)(const Value& function) { nullptr };      // "f", "<lambda>"
    std::string (*signature)(const Value& function) { nullptr }; // "(a, b=1, *args)"
};
void set_function_hooks(FunctionHooks);

// The running code's names, for globals(), locals(), and dir() and vars() without an argument:
// eval/ installs the hook (values/ cannot see frames). It returns a new dict of the bound names;
// unset, an empty one.
enum class ScopeQuery : uint8_t { Globals, Locals };
using ScopeHook = Value (*)(CallContext&, ScopeQuery);
void set_scope_hook(ScopeHook);
Value scope_names(CallContext&, ScopeQuery);

// sys.getrecursionlimit()/setrecursionlimit(): the evaluator reads the limit when it pushes a frame.
// Inline: the evaluator reads it on every call.
inline int64_t g_recursion_limit = 1000; // CPython's default
inline int64_t recursion_limit() { return g_recursion_limit; }
inline void set_recursion_limit(int64_t limit) { g_recursion_limit = limit; }

} // namespace ramba::interp
