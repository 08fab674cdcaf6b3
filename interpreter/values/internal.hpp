// Helpers shared by the values/*.cpp files (not part of the contract in value.hpp).
// Numbers, strings, slices, method tables and the error-message catalog live behind these names.
#pragma once

#include <string>
#include <string_view>

#include "interpreter/values/value.hpp"

namespace ramba::interp {

// ---- Error messages: one catalog (messages.cpp) so wording stays consistent and tests can match it.
[[noreturn]] void throw_error(ErrorKind, std::string message);
[[noreturn]] void throw_int_overflow(); // the one message for 64-bit int overflow
[[noreturn]] void throw_type_error_unsupported(BinaryOp, const Value& lhs, const Value& rhs);
[[noreturn]] void throw_type_error_not_supported_between(CompareOp, const Value& lhs, const Value& rhs);
std::string_view binary_op_symbol(BinaryOp);
std::string_view compare_op_symbol(CompareOp);

// ---- Numbers (numbers.cpp)
Value int_binary(BinaryOp, int64_t lhs, int64_t rhs);   // Python int semantics, OverflowError on overflow
Value float_binary(BinaryOp, double lhs, double rhs);   // Python float semantics (complex for (-8)**(1/3))
bool complex_binary(BinaryOp, std::complex<double> lhs, std::complex<double> rhs, Value& out); // false: unsupported
Value int_power(int64_t base, int64_t exponent);
Value float_power(double base, double exponent);
std::complex<double> complex_power(std::complex<double> base, std::complex<double> exponent);
double floor_divide_float(double, double);
double modulo_float(double, double);
// Three-way compare of an int with a double, exact for all values; 2 when unordered (NaN).
int compare_int_double(int64_t, double);
bool double_to_int64(double, int64_t& out); // false if not representable (after truncation)
int64_t float_to_int_checked(double); // int(x): ValueError for NaN, OverflowError for inf / too big

// ---- Float digits (repr.cpp), for repr, str, format and %: the digits of |d| (finite) without trailing
// zeros, and the decimal exponent of the first digit: 1234.5 -> "12345", 3. The shortest that
// round-trip, or rounded to `significant` digits when it is > 0.
std::string float_digits(double d, int& exponent, int significant = 0);
// CPython's format_float_short layout of those digits (decpt = exponent + 1): exponent form or not,
// padded with zeros to `pad_to` digits when `alternate` ('#'), ".0" added to integers when asked.
void layout_short(const std::string& digits, int decpt, bool use_exponent, int pad_to, bool alternate, bool add_dot_zero,
    char exponent_char, std::string& integer_part, std::string& rest);
std::string repr_float_part(double d, bool add_dot_zero); // repr_float without forcing ".0" (complex parts)

// ---- Strings (utf8.cpp / repr.cpp)
std::string repr_string(std::string_view);      // Python's quoting and escapes
bool is_ascii(std::string_view);
int64_t utf8_length(std::string_view);
std::vector<std::string_view> utf8_characters(std::string_view);
std::string utf8_encode(uint32_t code_point);
bool utf8_decode_one(std::string_view, size_t& position, uint32_t& code_point);

// ---- Slices and indices
struct SliceBounds {
    int64_t start, stop, step, length;
};
SliceBounds slice_bounds(CallContext&, const SliceObject&, int64_t length); // PySlice_AdjustIndices
int64_t range_length(int64_t start, int64_t stop, int64_t step);

// ---- Method tables for the core types (containers.cpp and friends)
std::span<const BuiltinSpec> str_methods();
std::span<const BuiltinSpec> list_methods();
std::span<const BuiltinSpec> tuple_methods();
std::span<const BuiltinSpec> dict_methods();
// A cached Builtin value for a spec (so repeated method lookups do not allocate the builtin).
const Value& builtin_value(const BuiltinSpec*);
const BuiltinSpec* find_spec(std::span<const BuiltinSpec>, std::string_view name);

// ---- Classes (classes.cpp)
const Value& core_class(Type);               // int, float, str, ... for type(x)
const Value& class_for_type_info(const TypeInfo&);
std::string percent_format(CallContext&, std::string_view format, const Value& args); // "%.2f" % x
std::string format_str_method(CallContext&, std::string_view format, std::span<const Value> args, const DictObject* kwargs);

// ---- Sorting (used by list.sort and sorted())
void sort_values(CallContext&, Values&, const Value& key, bool reverse);
bool less_than(CallContext&, const Value&, const Value&);

// ---- Iterators (iterators.cpp)
enum class DictPart : uint8_t { Keys, Values, Items };
Value make_dict_iterator(const Value& dict, DictPart);
Value make_reversed(CallContext&, const Value& sequence);
Value make_enumerate(CallContext&, const Value& iterable, int64_t start);
Value make_zip(CallContext&, std::span<const Value> iterables);
Value make_map(CallContext&, const Value& function, std::span<const Value> iterables);
Value make_filter(CallContext&, const Value& function, const Value& iterable);

// ---- Parsing numbers from text (builtins_types.cpp): int("12"), float("1e5"); false if malformed.
bool parse_int(std::string_view text, int base, Value& out); // an Int, or a BigInt past int64
bool parse_float(std::string_view text, double& out);
std::span<const BuiltinSpec> type_constructor_specs(); // rows behind the core classes, for the builtins module

// ---- Builtin rows, one table per file (builtins_*.cpp), gathered by builtins_module.cpp
std::span<const BuiltinSpec> builtin_function_specs();
std::span<const BuiltinSpec> builtin_iteration_specs();
Value round_float(double x, const Value& ndigits); // round(x, n) as CPython (correctly rounded)

// ---- Files (files.cpp)
void add_file_builtins(ModuleObject& builtins); // open()

// ---- Misc
std::string module_of(const Value& builtin); // "builtins", "math", ... ("" if not found): for help()
int64_t length_of(CallContext&, const Value&); // len(); TypeError when it has none
std::string address_string(const void*);      // "0x7f..."
Value make_range(int64_t start, int64_t stop, int64_t step);
Value make_slice(Value start, Value stop, Value step);
std::string_view function_name(const Value& function); // user function, builtin or bound method
std::string callable_signature(const Value&);          // for help()
void add_set_builtins(ModuleObject& builtins);         // set, frozenset (sets.cpp)

} // namespace ramba::interp

