// bytes and bytearray: Python's byte strings as library objects (values/bytes.cpp), with their
// literals, methods, operators and the codecs of str.encode/bytes.decode. Used by values/, eval/
// (b'' literals), files (binary mode) and stdlib.
#pragma once

#include <string>
#include <string_view>

#include "interpreter/values/value.hpp"

namespace ramba::interp {

// One object for both types: `is_mutable` tells bytearray (mutable, unhashable) from bytes.
struct BytesObject final : OpaqueObject {
    std::string data;
    bool is_mutable { false };
    BytesObject(std::string d, bool m) : data(std::move(d)), is_mutable(m) { }
    const TypeInfo& type_info() const override;
};

Value make_bytes(std::string data);
Value make_bytearray(std::string data);
bool is_bytes(const Value&);      // bytes only
bool is_bytearray(const Value&);  // bytearray only
inline bool is_bytes_like(const Value& v) { return is_bytes(v) || is_bytearray(v); }
inline const std::string& bytes_data(const Value& v) { return static_cast<const BytesObject&>(*v.object()).data; }

std::string repr_bytes(std::string_view data); // b'\x00abc\n'

// Python's codecs for utf-8, ascii and latin-1 with errors 'strict', 'replace', 'ignore'
// (UnicodeEncodeError / UnicodeDecodeError in Python's words otherwise).
std::string encode_text(std::string_view text, std::string_view encoding, std::string_view errors);
std::string decode_bytes(std::string_view data, std::string_view encoding, std::string_view errors);

void add_bytes_builtins(ModuleObject& builtins); // bytes, bytearray
const BuiltinSpec* bytes_class_method(std::string_view class_name, std::string_view name); // bytes.fromhex, ...

} // namespace ramba::interp
