// open() and its text file objects (_io.TextIOWrapper): read, readline, readlines, iteration, write,
// writelines, seek, tell, flush, close, the context-manager methods; UTF-8 with Python's universal
// newlines on reading; binary modes ('rb', 'wb', ...) read and write bytes as they are.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <sys/stat.h>
#include <cstring>

#include "interpreter/values/bytes.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

const TypeInfo& file_info();

struct FileObject final : OpaqueObject {
    std::FILE* file { nullptr };
    std::string name;
    std::string mode;
    bool readable { false };
    bool writable { false };
    bool binary { false };
    ~FileObject() override
    {
        if (file)
            std::fclose(file);
    }
    const TypeInfo& type_info() const override { return file_info(); }
};

FileObject& open_file(const Value& self, bool for_reading, bool for_writing)
{
    auto& file = self.as<FileObject>();
    if (!file.file)
        throw_error(ErrorKind::ValueError, "I/O operation on closed file.");
    if (for_reading && !file.readable)
        throw_error(ErrorKind::OSError, "not readable");
    if (for_writing && !file.writable)
        throw_error(ErrorKind::OSError, "not writable");
    return file;
}

// One byte of text with universal newlines: "\r\n" and "\r" read as "\n"; EOF as -1.
int next_byte(std::FILE* file)
{
    int c = std::fgetc(file);
    if (c == '\r') {
        int following = std::fgetc(file);
        if (following != '\n' && following != EOF)
            std::ungetc(following, file);
        return '\n';
    }
    return c;
}

// Appends one UTF-8 character (its lead byte already read); false at EOF.
bool read_character(std::FILE* file, int lead, std::string& out)
{
    if (lead == EOF)
        return false;
    out += static_cast<char>(lead);
    int continuation = (lead & 0xE0) == 0xC0 ? 1 : (lead & 0xF0) == 0xE0 ? 2 : (lead & 0xF8) == 0xF0 ? 3 : 0;
    for (int i = 0; i < continuation; ++i) {
        int c = std::fgetc(file);
        if (c == EOF)
            break;
        out += static_cast<char>(c);
    }
    return true;
}

std::string read_line(std::FILE* file, int64_t limit)
{
    std::string line;
    for (int64_t count = 0; limit < 0 || count < limit; ++count) {
        int c = next_byte(file);
        if (!read_character(file, c, line))
            break;
        if (c == '\n')
            break;
    }
    return line;
}

int64_t size_argument(CallContext& ctx, const Value& size)
{
    return size.is_none() ? -1 : to_index(ctx, size);
}

// A binary line: bytes up to and including b'\n', no newline translation.
std::string read_binary_line(std::FILE* file, int64_t limit)
{
    std::string line;
    for (int64_t count = 0; limit < 0 || count < limit; ++count) {
        int c = std::fgetc(file);
        if (c == EOF)
            break;
        line += static_cast<char>(c);
        if (c == '\n')
            break;
    }
    return line;
}

Value file_read(CallContext& ctx, std::span<Value> a)
{
    auto& file = open_file(a[0], true, false);
    int64_t size = size_argument(ctx, a[1]);
    std::string out;
    if (file.binary) {
        char buffer[65536];
        while (size < 0 || static_cast<int64_t>(out.size()) < size) {
            size_t want = size < 0 ? sizeof buffer : std::min(sizeof buffer, static_cast<size_t>(size) - out.size());
            size_t got = std::fread(buffer, 1, want, file.file);
            out.append(buffer, got);
            if (got < want)
                break;
        }
        return make_bytes(std::move(out));
    }
    for (int64_t count = 0; size < 0 || count < size; ++count) {
        if (!read_character(file.file, next_byte(file.file), out))
            break;
    }
    return make_str(std::move(out));
}

Value file_readline(CallContext& ctx, std::span<Value> a)
{
    auto& file = open_file(a[0], true, false);
    if (file.binary)
        return make_bytes(read_binary_line(file.file, size_argument(ctx, a[1])));
    return make_str(read_line(file.file, size_argument(ctx, a[1])));
}

Value file_readlines(CallContext& ctx, std::span<Value> a)
{
    auto& file = open_file(a[0], true, false);
    int64_t hint = size_argument(ctx, a[1]);
    Values lines;
    int64_t total = 0;
    for (;;) {
        std::string line = file.binary ? read_binary_line(file.file, -1) : read_line(file.file, -1);
        if (line.empty())
            break;
        total += file.binary ? static_cast<int64_t>(line.size()) : utf8_length(line);
        lines.push_back(file.binary ? make_bytes(std::move(line)) : make_str(std::move(line)));
        if (hint > 0 && total >= hint)
            break;
    }
    return make_list(std::move(lines));
}

Value file_write(CallContext&, std::span<Value> a)
{
    auto& file = open_file(a[0], false, true);
    if (file.binary) {
        if (!is_bytes_like(a[1]))
            throw_error(ErrorKind::TypeError, "a bytes-like object is required, not '" + std::string(type_name(a[1])) + "'");
        const std::string& data = bytes_data(a[1]);
        if (std::fwrite(data.data(), 1, data.size(), file.file) != data.size())
            throw_error(ErrorKind::OSError, "[Errno " + std::to_string(errno) + "] " + std::strerror(errno));
        return Value::integer(static_cast<int64_t>(data.size()));
    }
    if (!a[1].is(Type::Str))
        throw_error(ErrorKind::TypeError, "write() argument must be str, not " + std::string(type_name(a[1])));
    const std::string& text = a[1].as<StrObject>().value;
    if (std::fwrite(text.data(), 1, text.size(), file.file) != text.size())
        throw_error(ErrorKind::OSError, "[Errno " + std::to_string(errno) + "] " + std::strerror(errno));
    return Value::integer(utf8_length(text));
}

Value file_writelines(CallContext& ctx, std::span<Value> a)
{
    open_file(a[0], false, true);
    for (auto& line : to_vector(ctx, a[1])) {
        Value args[] = { a[0], line };
        file_write(ctx, args);
    }
    return Value();
}

Value file_seek(CallContext& ctx, std::span<Value> a)
{
    auto& file = open_file(a[0], false, false);
    int64_t offset = to_index(ctx, a[1]);
    int64_t whence = to_index(ctx, a[2]);
    if (whence < 0 || whence > 2)
        throw_error(ErrorKind::ValueError, "invalid whence (" + std::to_string(whence) + ", should be 0, 1 or 2)");
    if (whence != 0 && offset != 0)
        throw_error(ErrorKind::OSError, whence == 1 ? "can't do nonzero cur-relative seeks" : "can't do nonzero end-relative seeks");
    if (whence == 0 && offset < 0)
        throw_error(ErrorKind::ValueError, "negative seek position " + std::to_string(offset));
    std::fseek(file.file, static_cast<long>(offset), whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END);
    return Value::integer(std::ftell(file.file));
}

Value file_tell(CallContext&, std::span<Value> a)
{
    auto& file = open_file(a[0], false, false);
    return Value::integer(std::ftell(file.file));
}

Value file_flush(CallContext&, std::span<Value> a)
{
    std::fflush(open_file(a[0], false, false).file);
    return Value();
}

Value file_close(CallContext&, std::span<Value> a)
{
    auto& file = a[0].as<FileObject>();
    if (file.file) {
        std::fclose(file.file);
        file.file = nullptr;
    }
    return Value();
}

Value file_enter(CallContext&, std::span<Value> a)
{
    open_file(a[0], false, false);
    return a[0];
}

Value file_exit(CallContext& ctx, std::span<Value> a)
{
    file_close(ctx, a.first(1));
    return Value::boolean(false);
}

Value file_readable(CallContext&, std::span<Value> a) { return Value::boolean(open_file(a[0], false, false).readable); }
Value file_writable(CallContext&, std::span<Value> a) { return Value::boolean(open_file(a[0], false, false).writable); }
Value file_seekable(CallContext&, std::span<Value> a)
{
    open_file(a[0], false, false);
    return Value::boolean(true);
}

constexpr BuiltinSpec file_methods[] = {
    { "read", "(self, size=-1, /)", file_read, "Read at most size characters from the stream (all of it if size is negative)." },
    { "readline", "(self, size=-1, /)", file_readline, "Read until newline or EOF." },
    { "readlines", "(self, hint=-1, /)", file_readlines, "Return a list of lines from the stream." },
    { "write", "(self, text, /)", file_write, "Write string to stream. Returns the number of characters written." },
    { "writelines", "(self, lines, /)", file_writelines, "Write a list of lines to stream." },
    { "seek", "(self, cookie, whence=0, /)", file_seek, "Set the stream position, and return the new position." },
    { "tell", "(self, /)", file_tell, "Return the stream position." },
    { "flush", "(self, /)", file_flush, "Flush the write buffers of the stream." },
    { "close", "(self, /)", file_close, "Flush and close the stream." },
    { "readable", "(self, /)", file_readable, "Return whether the stream can be read." },
    { "writable", "(self, /)", file_writable, "Return whether the stream can be written." },
    { "seekable", "(self, /)", file_seekable, "Return whether the stream supports seeking." },
    { "__enter__", "(self, /)", file_enter, "Enter the runtime context: the file itself." },
    { "__exit__", "(self, *args)", file_exit, "Close the file on leaving a with block." },
};

Value file_closed(CallContext&, const Value& self) { return Value::boolean(self.as<FileObject>().file == nullptr); }
Value file_name(CallContext&, const Value& self) { return make_str(self.as<FileObject>().name); }
Value file_mode(CallContext&, const Value& self) { return make_str(self.as<FileObject>().mode); }
Value file_encoding(CallContext&, const Value&) { return make_str("UTF-8"); }

constexpr AttributeSpec file_attributes[] = {
    { "closed", file_closed, "True if the file is closed." },
    { "name", file_name, "The file name given to open()." },
    { "mode", file_mode, "The mode given to open()." },
    { "encoding", file_encoding, "The text encoding." },
};

struct LineIterator final : IteratorObject {
    Value file;
    explicit LineIterator(Value f) : file(std::move(f)) { }
    bool next(CallContext&, Value& out) override
    {
        auto& object = open_file(file, true, false);
        std::string line = object.binary ? read_binary_line(object.file, -1) : read_line(object.file, -1);
        if (line.empty())
            return false;
        out = object.binary ? make_bytes(std::move(line)) : make_str(std::move(line));
        return true;
    }
    std::string_view type_name() const override { return "_io.TextIOWrapper"; }
};

Value file_iterate(CallContext&, const Value& self)
{
    open_file(self, true, false);
    return Value::object(Type::Iterator, make_object<LineIterator>(self));
}

std::string file_repr(CallContext&, const Value& self)
{
    auto& file = self.as<FileObject>();
    if (file.binary) {
        const char* kind = file.readable && file.writable ? "BufferedRandom" : file.readable ? "BufferedReader" : "BufferedWriter";
        return std::string("<_io.") + kind + " name=" + repr_string(file.name) + ">";
    }
    if (!file.file)
        return "<_io.TextIOWrapper name='" + file.name + "' mode='" + file.mode + "' encoding='UTF-8'>";
    return "<_io.TextIOWrapper name=" + repr_string(file.name) + " mode=" + repr_string(file.mode) + " encoding='UTF-8'>";
}

const TypeInfo& file_info()
{
    static const TypeInfo info = [] {
        TypeInfo t { .name = "_io.TextIOWrapper", .methods = file_methods, .attributes = file_attributes };
        t.repr = file_repr;
        t.iterate = file_iterate;
        return t;
    }();
    return info;
}

[[noreturn]] void throw_os_error(int error, const std::string& name)
{
    ErrorKind kind = os_error_kind(error);
    throw_error(kind, "[Errno " + std::to_string(error) + "] " + std::strerror(error) + ": " + repr_string(name));
}

Value builtin_open(CallContext& ctx, std::span<Value> a)
{
    if (!a[0].is(Type::Str))
        throw_error(ErrorKind::TypeError, "expected str, bytes or os.PathLike object, not " + std::string(type_name(a[0])));
    if (!a[1].is(Type::Str))
        throw_error(ErrorKind::TypeError, "open() argument 'mode' must be str, not " + std::string(type_name(a[1])));
    const std::string& name = a[0].as<StrObject>().value;
    const std::string& mode = a[1].as<StrObject>().value;
    int kinds = 0;
    bool plus = false, binary = false, text = false;
    char kind = 0;
    for (char c : mode) {
        if (std::strchr("rwxa", c)) {
            ++kinds;
            kind = c;
        } else if (c == '+' && !plus) {
            plus = true;
        } else if (c == 'b' && !binary) {
            binary = true;
        } else if (c == 't' && !text) {
            text = true;
        } else {
            throw_error(ErrorKind::ValueError, "invalid mode: '" + mode + "'");
        }
    }
    if (kinds != 1 || (binary && text))
        throw_error(ErrorKind::ValueError, kinds != 1 ? "must have exactly one of create/read/write/append mode" : "can't have text and binary mode at once");
    if (binary && !a[3].is_none())
        throw_error(ErrorKind::ValueError, "binary mode doesn't take an encoding argument");
    if (!a[3].is_none() && a[3].is(Type::Str)) {
        std::string encoding = a[3].as<StrObject>().value;
        for (char& c : encoding)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (encoding != "utf-8" && encoding != "utf8" && encoding != "ascii")
            throw_error(ErrorKind::ValueError, "ramba reads and writes files as UTF-8 only, not '" + a[3].as<StrObject>().value + "'");
    }
    (void)ctx;
    std::string fopen_mode = kind == 'x' ? "wx" : std::string(1, kind);
    if (plus)
        fopen_mode = kind == 'x' ? "w+x" : fopen_mode + "+";
    std::FILE* handle = std::fopen(name.c_str(), fopen_mode.c_str());
    if (!handle)
        throw_os_error(errno, name);
    struct stat status {};
    if (::fstat(::fileno(handle), &status) == 0 && S_ISDIR(status.st_mode)) {
        std::fclose(handle); // reading a directory opened for reading would fail later; Python refuses here
        throw_os_error(EISDIR, name);
    }
    auto file = make_object<FileObject>();
    file->file = handle;
    file->name = name;
    file->mode = mode;
    file->readable = kind == 'r' || plus;
    file->writable = kind != 'r' || plus;
    file->binary = binary;
    return Value::object(Type::Opaque, std::move(file));
}

constexpr BuiltinSpec open_row = { "open", "(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
    builtin_open, "Open file and return a stream. Raise OSError upon failure." };

} // namespace

void add_file_builtins(ModuleObject& builtins)
{
    builtins.set("open", builtin_value(&open_row));
}

} // namespace ramba::interp
