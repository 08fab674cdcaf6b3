// .npy / .npz reading and writing (see npy.hpp).
#include "engine/array/npy.hpp"

#include <algorithm>
#include <charconv>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sstream>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "base/error.hpp"

namespace ramba::engine {

namespace {

[[noreturn]] void value_error(std::string message) { throw RambaError(ErrorKind::ValueError, std::move(message)); }

std::string descr(DType dtype)
{
    std::string order = dtype_itemsize(dtype) == 1 ? "|" : "<";
    return order + std::string(1, dtype_kind(dtype)) + std::to_string(dtype_itemsize(dtype));
}

void put16(std::string& s, uint16_t v) { s += static_cast<char>(v & 0xff); s += static_cast<char>(v >> 8); }
void put32(std::string& s, uint32_t v) { put16(s, static_cast<uint16_t>(v)); put16(s, static_cast<uint16_t>(v >> 16)); }
uint16_t get16(const std::string& s, size_t at) { return static_cast<uint16_t>(static_cast<uint8_t>(s[at]) | (static_cast<uint8_t>(s[at + 1]) << 8)); }
uint32_t get32(const std::string& s, size_t at) { return get16(s, at) | (static_cast<uint32_t>(get16(s, at + 2)) << 16); }

} // namespace

std::string npy_encode(const NDArray& array)
{
    NDArray data = ascontiguous(array);
    std::string shape = "(";
    for (size_t i = 0; i < array.shape.size(); ++i)
        shape += std::to_string(array.shape[i]) + (array.shape.size() == 1 ? "," : (i + 1 < array.shape.size() ? ", " : ""));
    shape += ")";
    std::string header = "{'descr': '" + descr(array.dtype) + "', 'fortran_order': False, 'shape': " + shape + ", }";
    // numpy pads the header with spaces so that magic + length + header + '\n' is a multiple of 64.
    size_t total = 10 + header.size() + 1;
    header += std::string((64 - total % 64) % 64, ' ') + "\n";
    std::string out = "\x93NUMPY";
    out += '\x01';
    out += '\x00';
    put16(out, static_cast<uint16_t>(header.size()));
    out += header;
    out.append(reinterpret_cast<const char*>(data.data()), static_cast<size_t>(data.nbytes()));
    return out;
}

NDArray npy_decode(const std::string& bytes, const std::string& what)
{
    if (bytes.empty())
        value_error("No data left in file " + what);
    if (bytes.size() < 10 || bytes.compare(0, 6, "\x93NUMPY") != 0)
        value_error("Cannot load file containing pickled data when allow_pickle=False");
    int major = static_cast<uint8_t>(bytes[6]);
    size_t header_length, header_start;
    if (major == 1) {
        header_length = get16(bytes, 8);
        header_start = 10;
    } else if (major == 2 || major == 3) {
        header_length = get32(bytes, 8);
        header_start = 12;
    } else {
        value_error("we only support format version (1,0), (2,0), and (3,0), not (" + std::to_string(major) + ", 0)");
    }
    if (bytes.size() < header_start + header_length)
        value_error("EOF: reading array header of " + what);
    std::string header = bytes.substr(header_start, header_length);
    auto field = [&](const std::string& key) -> std::string {
        size_t at = header.find("'" + key + "'");
        if (at == std::string::npos)
            value_error("Header does not contain the correct keys: " + header);
        at = header.find(':', at) + 1;
        while (at < header.size() && header[at] == ' ')
            ++at;
        return header.substr(at);
    };
    std::string d = field("descr");
    if (d.empty() || d[0] != '\'')
        value_error("ramba: structured or object dtypes are not supported in " + what);
    std::string type = d.substr(1, d.find('\'', 1) - 1);
    if (!type.empty() && type[0] == '>')
        value_error("ramba: big-endian arrays are not supported in " + what);
    if (type.find('O') != std::string::npos)
        value_error("Object arrays cannot be loaded when allow_pickle=False");
    DType dtype;
    if (!dtype_from_name(type, dtype))
        value_error("ramba: data type '" + type + "' in " + what + " is not supported");
    bool fortran = field("fortran_order").rfind("True", 0) == 0;
    std::string s = field("shape");
    Shape shape;
    size_t close = s.find(')');
    if (s.empty() || s[0] != '(' || close == std::string::npos)
        value_error("shape is not valid: " + s.substr(0, 64) + " in " + what);
    std::string inside = s.substr(1, close - 1);
    std::stringstream stream(inside);
    std::string item;
    while (std::getline(stream, item, ',')) {
        size_t first = item.find_first_not_of(' ');
        if (first == std::string::npos)
            continue;
        size_t last = item.find_last_not_of(' ');
        int64_t extent = 0;
        auto [end, error] = std::from_chars(item.data() + first, item.data() + last + 1, extent);
        if (error != std::errc() || end != item.data() + last + 1)
            value_error("shape is not valid: " + s.substr(0, std::min<size_t>(close + 1, 64)) + " in " + what);
        shape.push_back(extent);
        if (shape.size() > 64)
            value_error("maximum supported dimension for an ndarray is 64, found " + std::to_string(shape.size()) + " in " + what);
    }
    size_t data_start = header_start + header_length;
    // The data must be there before anything is allocated: a hostile header cannot ask for memory.
    int64_t size = checked_size(shape, dtype_itemsize(dtype));
    size_t available = (bytes.size() - data_start) / dtype_itemsize(dtype);
    if (available < static_cast<uint64_t>(size))
        value_error("cannot reshape array of size " + std::to_string(available) + " into shape " + shape_to_string(shape));
    NDArray array = NDArray::empty(dtype, fortran ? Shape(shape.rbegin(), shape.rend()) : shape);
    std::memcpy(array.data(), bytes.data() + data_start, static_cast<size_t>(array.nbytes()));
    if (fortran)
        array = copy(transpose(array));
    return array;
}

namespace {

// Python's OSError for a failed system call: the kind its errno maps to, "[Errno N] text: 'path'".
[[noreturn]] void raise_os_error(int error, const std::string& path)
{
    ErrorKind kind = error == ENOENT ? ErrorKind::FileNotFoundError
        : error == EACCES || error == EPERM ? ErrorKind::PermissionError
                                            : ErrorKind::OSError;
    throw RambaError(kind, "[Errno " + std::to_string(error) + "] " + std::strerror(error) + ": '" + path + "'");
}

} // namespace

// The bytes go to a fresh temporary file in the target's folder (O_EXCL: never through someone's
// link), are written, flushed to disk and checked at every step, and only then renamed over the
// target. Any failure (disk full, permissions, a missing folder) removes the temporary file and
// leaves the old file as it was. A target that is a symbolic link is written through the link.
void write_file_atomically(const std::string& path, const std::string& bytes)
{
    std::string target = path;
    if (char* resolved = realpath(path.c_str(), nullptr)) {
        target = resolved;
        std::free(resolved);
    }
    struct stat existing {};
    if (stat(target.c_str(), &existing) == 0 && S_ISDIR(existing.st_mode))
        raise_os_error(EISDIR, path);
    std::string temporary;
    int fd = -1;
    for (int attempt = 0; fd < 0; ++attempt) {
        temporary = target + ".ramba-tmp-" + std::to_string(::getpid()) + "-" + std::to_string(attempt);
        fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd < 0 && (errno != EEXIST || attempt > 100))
            raise_os_error(errno, path);
    }
    auto fail = [&](int error) {
        ::close(fd);
        ::unlink(temporary.c_str());
        raise_os_error(error, path);
    };
    for (size_t done = 0; done < bytes.size();) {
        ssize_t n = ::write(fd, bytes.data() + done, std::min<size_t>(bytes.size() - done, size_t(1) << 30));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            fail(n < 0 ? errno : ENOSPC);
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0 && errno != EINVAL)
        fail(errno);
    if (::close(fd) != 0) {
        int error = errno;
        ::unlink(temporary.c_str());
        raise_os_error(error, path);
    }
    if (std::rename(temporary.c_str(), target.c_str()) != 0) {
        int error = errno;
        ::unlink(temporary.c_str());
        raise_os_error(error, path);
    }
}

// The whole file, refusing what cannot fit: a regular file's size is checked against the memory cap
// before reading; other files (pipes, devices) are read until the cap.
std::string read_file(const std::string& path)
{
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        raise_os_error(errno, path);
    struct stat info {};
    if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
        int error = S_ISDIR(info.st_mode) ? EISDIR : errno;
        ::close(fd);
        raise_os_error(error, path);
    }
    size_t limit = Buffer::memory_limit();
    if (S_ISREG(info.st_mode) && static_cast<uint64_t>(info.st_size) > limit) {
        ::close(fd);
        throw RambaError(ErrorKind::MemoryError, "Unable to read '" + path + "': " + std::to_string(info.st_size)
                + " bytes is more than the memory limit");
    }
    std::string bytes;
    char chunk[1 << 16];
    for (;;) {
        ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int error = errno;
            ::close(fd);
            raise_os_error(error, path);
        }
        if (n == 0)
            break;
        if (bytes.size() + static_cast<size_t>(n) > limit) {
            ::close(fd);
            throw RambaError(ErrorKind::MemoryError, "Unable to read '" + path + "': more than the memory limit");
        }
        bytes.append(chunk, static_cast<size_t>(n));
    }
    ::close(fd);
    return bytes;
}

namespace {

// Raw DEFLATE (no zlib header), as zip entries store it.
std::string deflate_raw(const std::string& data)
{
    z_stream z {};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw RambaError(ErrorKind::MemoryError, "zlib: cannot initialise deflate");
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    deflate(&z, Z_FINISH);
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

} // namespace

std::string zip_encode(const std::vector<std::pair<std::string, std::string>>& entries, bool deflate)
{
    std::string out, directory;
    for (const auto& entry : entries) {
        const std::string& name = entry.first; // named, not bound: clang 14 cannot capture bindings
        const std::string& data = entry.second;
        uint32_t crc = static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size())));
        uint32_t offset = static_cast<uint32_t>(out.size());
        std::string stored = deflate ? deflate_raw(data) : data;
        auto common = [&](std::string& s) {
            put16(s, 20);  // version needed
            put16(s, 0);   // flags
            put16(s, deflate ? 8 : 0); // DEFLATE or STORED
            put16(s, 0);   // time
            put16(s, 0x21); // date (1980-01-01)
            put32(s, crc);
            put32(s, static_cast<uint32_t>(stored.size()));
            put32(s, static_cast<uint32_t>(data.size()));
            put16(s, static_cast<uint16_t>(name.size()));
            put16(s, 0);   // extra length
        };
        put32(out, 0x04034b50);
        common(out);
        out += name;
        out += stored;
        put32(directory, 0x02014b50);
        put16(directory, 20); // version made by
        common(directory);
        put16(directory, 0);  // comment length
        put16(directory, 0);  // disk
        put16(directory, 0);  // internal attributes
        put32(directory, 0);  // external attributes
        put32(directory, offset);
        directory += name;
    }
    uint32_t directory_offset = static_cast<uint32_t>(out.size());
    out += directory;
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, static_cast<uint16_t>(entries.size()));
    put16(out, static_cast<uint16_t>(entries.size()));
    put32(out, static_cast<uint32_t>(directory.size()));
    put32(out, directory_offset);
    put16(out, 0);
    return out;
}

std::vector<std::pair<std::string, std::string>> zip_decode(const std::string& bytes)
{
    size_t end = bytes.rfind(std::string("PK\x05\x06", 4));
    if (end == std::string::npos || end + 22 > bytes.size())
        value_error("File is not a zip file");
    uint16_t count = get16(bytes, end + 10);
    size_t at = get32(bytes, end + 16);
    std::vector<std::pair<std::string, std::string>> entries;
    // Archives are untrusted: offsets are checked in 64 bits, the declared sizes are capped by the
    // memory limit in total (no zip bomb, no overlapping entries copied without end), CRCs are checked.
    size_t limit = Buffer::memory_limit(), total = 0;
    for (uint16_t i = 0; i < count; ++i) {
        if (at + 46 > bytes.size() || get32(bytes, at) != 0x02014b50)
            value_error("Bad zip central directory");
        uint16_t method = get16(bytes, at + 10);
        uint32_t compressed = get32(bytes, at + 20), uncompressed = get32(bytes, at + 24);
        uint16_t name_length = get16(bytes, at + 28), extra_length = get16(bytes, at + 30), comment_length = get16(bytes, at + 32);
        uint32_t crc = get32(bytes, at + 16);
        size_t local = get32(bytes, at + 42);
        std::string name = bytes.substr(at + 46, name_length);
        at += size_t(46) + name_length + extra_length + comment_length;
        if (local + 30 > bytes.size() || get32(bytes, local) != 0x04034b50)
            value_error("Bad magic number for file header");
        size_t data_start = local + 30 + get16(bytes, local + 26) + get16(bytes, local + 28);
        if (data_start + compressed > bytes.size())
            value_error("Truncated zip entry " + name);
        total += method == 0 ? compressed : uncompressed;
        if (total > limit)
            throw RambaError(ErrorKind::MemoryError, "Unable to allocate " + std::to_string(total)
                    + " bytes for the arrays in a .npz archive (more than the memory limit)");
        std::string data;
        if (method == 0) {
            data = bytes.substr(data_start, compressed);
        } else if (method == 8) {
            // DEFLATE expands at most 1032:1; a larger declared size is a lie (a zip bomb's).
            if (uncompressed > uint64_t(compressed) * 1032 + 1024)
                value_error("Bad size for compressed file '" + name + "'");
            data.resize(uncompressed);
            z_stream z {};
            z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data() + data_start));
            z.avail_in = compressed;
            z.next_out = reinterpret_cast<Bytef*>(data.data());
            z.avail_out = uncompressed;
            if (inflateInit2(&z, -MAX_WBITS) != Z_OK)
                value_error("zlib error");
            int status = inflate(&z, Z_FINISH);
            inflateEnd(&z);
            if (status != Z_STREAM_END || z.total_out != uncompressed)
                value_error("Error -3 while decompressing data");
        } else {
            value_error("That compression method is not supported");
        }
        if (static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(data.size()))) != crc)
            value_error("Bad CRC-32 for file '" + name + "'");
        entries.push_back({ name, data });
    }
    return entries;
}

} // namespace ramba::engine
