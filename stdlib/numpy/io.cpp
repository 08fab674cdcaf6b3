// numpy file functions as rows: save load (.npy, .npz) savez savetxt loadtxt genfromtxt fromfile,
// and the ndarray.tofile method. Binary formats live in engine/array/npy.
#include "stdlib/numpy/rows.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <fstream>
#include <sstream>

#include "engine/array/cast.hpp"
#include "engine/array/npy.hpp"
#include "engine/array/shape_ops.hpp"
#include "stdlib/numpy/types.hpp"

namespace ramba::numpy {

using engine::DType;
using engine::NDArray;
using interp::CallContext;
using interp::Type;
using interp::Value;
using interp::Values;

namespace {

std::string path_argument(const Value& value)
{
    if (!value.is(Type::Str))
        raise(ErrorKind::TypeError, "ramba: file arguments must be path strings");
    return value.as<interp::StrObject>().value;
}

bool ends_with(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// np.load of an .npz: a mapping of names to arrays (numpy's NpzFile), loaded eagerly.
struct NpzObject final : interp::OpaqueObject {
    std::vector<std::pair<std::string, NDArray>> arrays;
    const interp::TypeInfo& type_info() const override;
};

Value npz_get_item(CallContext&, const Value& self, const Value& key)
{
    if (key.is(Type::Str)) {
        const std::string& name = key.as<interp::StrObject>().value;
        for (const auto& [n, a] : self.as<NpzObject>().arrays)
            if (n == name)
                return wrap_array(a);
        raise(ErrorKind::KeyError, "'" + name + " is not a file in the archive'");
    }
    raise(ErrorKind::TypeError, "NpzFile keys are strings");
}

Value npz_files(CallContext&, const Value& self)
{
    Values names;
    for (const auto& [n, a] : self.as<NpzObject>().arrays)
        names.push_back(interp::make_str(n));
    return interp::make_list(std::move(names));
}

struct NpzKeyIterator final : interp::IteratorObject {
    Values names;
    size_t position { 0 };
    bool next(CallContext&, Value& out) override
    {
        if (position >= names.size())
            return false;
        out = names[position++];
        return true;
    }
};

Value npz_iterate(CallContext& context, const Value& self)
{
    auto iterator = interp::make_object<NpzKeyIterator>();
    iterator->names = npz_files(context, self).as<interp::ListObject>().items;
    return Value::object(Type::Iterator, iterator);
}

int64_t npz_length(CallContext&, const Value& self) { return static_cast<int64_t>(self.as<NpzObject>().arrays.size()); }
std::string npz_repr(CallContext&, const Value&) { return "<numpy.lib.npyio.NpzFile object>"; }

const interp::AttributeSpec npz_attributes[] = { { "files", npz_files, "The names of the arrays in the archive." } };

Value npz_close(CallContext&, std::span<Value>) { return Value::none(); }
Value npz_keys(CallContext& context, std::span<Value> args) { return npz_files(context, args[0]); }
const interp::BuiltinSpec npz_methods[] = {
    { "close", "(self)", npz_close, "Close the file (a no-op: ramba loads archives eagerly)." },
    { "keys", "(self)", npz_keys, "The names of the arrays in the archive." },
};

Value np_save(CallContext& context, std::span<Value> args)
{
    std::string path = path_argument(args[0]);
    if (!ends_with(path, ".npy"))
        path += ".npy";
    engine::write_file_atomically(path, engine::npy_encode(to_array(context, args[1])));
    return Value::none();
}

Value savez(CallContext& context, std::span<Value> args, bool compressed)
{
    std::string path = path_argument(args[0]);
    if (!ends_with(path, ".npz"))
        path += ".npz";
    std::vector<std::pair<std::string, std::string>> entries;
    // numpy: keyword arrays first, then the positional ones as arr_0, arr_1, ...
    for (const auto& [key, value] : args[2].as<interp::DictObject>().entries)
        entries.push_back({ key.as<interp::StrObject>().value + ".npy", engine::npy_encode(to_array(context, value)) });
    const auto& positional = args[1].as<interp::TupleObject>().items;
    for (size_t i = 0; i < positional.size(); ++i)
        entries.push_back({ "arr_" + std::to_string(i) + ".npy", engine::npy_encode(to_array(context, positional[i])) });
    engine::write_file_atomically(path, engine::zip_encode(entries, compressed));
    return Value::none();
}

Value np_savez(CallContext& context, std::span<Value> args) { return savez(context, args, false); }
Value np_savez_compressed(CallContext& context, std::span<Value> args) { return savez(context, args, true); }

Value np_load(CallContext&, std::span<Value> args)
{
    std::string path = path_argument(args[0]);
    std::string bytes = engine::read_file(path);
    if (bytes.size() >= 4 && bytes.compare(0, 4, "PK\x03\x04") == 0) {
        auto npz = interp::make_object<NpzObject>();
        for (auto& [name, data] : engine::zip_decode(bytes)) {
            std::string key = ends_with(name, ".npy") ? name.substr(0, name.size() - 4) : name;
            npz->arrays.push_back({ key, engine::npy_decode(data, name) });
        }
        return Value::object(Type::Opaque, npz);
    }
    return wrap_array(engine::npy_decode(bytes, path));
}

// numpy's savetxt: `fmt` is one %-format repeated per column (joined by the delimiter), one per column
// as a list, or a whole row with ncol (2*ncol for complex) insertion points; each row is then
// formatted by Python's `%` operator itself, so a spec like %n or %s can never reach printf.
Value np_savetxt(CallContext& context, std::span<Value> args)
{
    std::string path = path_argument(args[0]);
    NDArray x = to_array(context, args[1]);
    if (x.ndim() == 0 || x.ndim() > 2)
        raise(ErrorKind::ValueError, "Expected 1D or 2D array, got " + std::to_string(x.ndim()) + "D array instead");
    if (x.ndim() == 1)
        x = engine::reshape(x, { x.shape[0], 1 });
    x = engine::ascontiguous(x);
    int64_t ncol = x.shape[1];
    bool complex = x.dtype == DType::Complex128;
    auto text_argument = [&](size_t i, const char* fallback) {
        return args[i].is(Type::Str) ? args[i].as<interp::StrObject>().value : std::string(fallback);
    };
    std::string delimiter = text_argument(3, " ");
    std::string newline = text_argument(4, "\n");
    std::string header = text_argument(5, "");
    std::string footer = text_argument(6, "");
    std::string comments = text_argument(7, "# ");
    auto join = [&](const std::vector<std::string>& parts) {
        std::string joined;
        for (size_t i = 0; i < parts.size(); ++i)
            joined += (i ? delimiter : "") + parts[i];
        return joined;
    };
    std::string format;
    if (args[2].is(Type::List) || args[2].is(Type::Tuple)) {
        const auto& items = args[2].is(Type::List) ? args[2].as<interp::ListObject>().items : args[2].as<interp::TupleObject>().items;
        if (static_cast<int64_t>(items.size()) != ncol)
            raise(ErrorKind::AttributeError, "fmt has wrong shape.  " + interp::str_value(context, args[2]));
        std::vector<std::string> parts;
        for (const auto& item : items)
            parts.push_back(interp::str_value(context, item));
        format = join(parts);
    } else if (args[2].is(Type::Str)) {
        std::string fmt = args[2].as<interp::StrObject>().value;
        int64_t specs = std::count(fmt.begin(), fmt.end(), '%');
        if (specs == 1) {
            std::string one = complex ? " (" + fmt + "+" + fmt + "j)" : fmt;
            format = join(std::vector<std::string>(static_cast<size_t>(ncol), one));
        } else if (specs != (complex ? 2 * ncol : ncol)) {
            raise(ErrorKind::ValueError, "fmt has wrong number of % formats:  " + fmt);
        } else {
            format = fmt;
        }
    } else {
        raise(ErrorKind::ValueError, "invalid fmt: " + interp::repr_value(context, args[2]));
    }
    Value format_value = interp::make_str(format);
    std::string text;
    if (!header.empty())
        text += comments + header + newline;
    size_t itemsize = x.itemsize();
    for (int64_t r = 0; r < x.shape[0]; ++r) {
        interp::Values row;
        for (int64_t c = 0; c < ncol; ++c) {
            Value element = element_to_value(x.dtype, x.data() + (r * ncol + c) * static_cast<int64_t>(itemsize));
            if (complex) { // numpy passes the real and imaginary parts: (x.real, x.imag) per column
                row.push_back(interp::get_attribute(context, element, "real"));
                row.push_back(interp::get_attribute(context, element, "imag"));
            } else {
                row.push_back(std::move(element));
            }
        }
        try {
            Value line = interp::binary_op(context, interp::BinaryOp::Mod, format_value, interp::make_tuple(std::move(row)));
            std::string formatted = line.as<interp::StrObject>().value;
            if (complex) { // numpy: s.replace('+-', '-'), so 3-1j is "(3.0-1.0j)"
                for (size_t at = formatted.find("+-"); at != std::string::npos; at = formatted.find("+-", at))
                    formatted.erase(at, 1);
            }
            text += formatted + newline;
        } catch (const RambaError& error) {
            if (error.kind() != ErrorKind::TypeError)
                throw;
            raise(ErrorKind::TypeError, "Mismatch between array dtype ('" + std::string(engine::dtype_name(x.dtype))
                    + "') and format specifier ('" + format + "')");
        }
    }
    if (!footer.empty())
        text += comments + footer + newline;
    engine::write_file_atomically(path, text);
    return Value::none();
}

NDArray read_text(CallContext& context, const std::string& path, const Value& dtype_value, const Value& delimiter_value,
    int64_t skip, const Value& usecols, bool missing_as_nan, int64_t ndmin)
{
    std::string text = engine::read_file(path);
    std::optional<char> delimiter;
    if (delimiter_value.is(Type::Str) && !delimiter_value.as<interp::StrObject>().value.empty())
        delimiter = delimiter_value.as<interp::StrObject>().value[0];
    std::vector<std::vector<double>> rows;
    std::stringstream lines(text);
    std::string line;
    int64_t line_number = 0;
    while (std::getline(lines, line)) {
        if (line_number++ < skip)
            continue;
        size_t hash = line.find('#');
        if (hash != std::string::npos)
            line = line.substr(0, hash);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        std::vector<std::string> fields;
        if (delimiter) {
            std::stringstream row(line);
            std::string field;
            while (std::getline(row, field, *delimiter))
                fields.push_back(field);
            if (!line.empty() && line.back() == *delimiter)
                fields.push_back("");
        } else {
            std::stringstream row(line);
            std::string field;
            while (row >> field)
                fields.push_back(field);
        }
        std::vector<double> values;
        for (auto& field : fields) {
            size_t first = field.find_first_not_of(" \t");
            std::string trimmed = first == std::string::npos ? "" : field.substr(first, field.find_last_not_of(" \t") - first + 1);
            char* end = nullptr;
            double v = std::strtod(trimmed.c_str(), &end);
            if (trimmed.empty() || *end != '\0') {
                if (!missing_as_nan)
                    raise(ErrorKind::ValueError, "could not convert string '" + trimmed + "' to float64 at row " + std::to_string(rows.size())
                            + ", column " + std::to_string(values.size() + 1) + ".");
                v = NAN;
            }
            values.push_back(v);
        }
        if (!usecols.is_none()) {
            std::vector<double> selected;
            Values columns = usecols.is(Type::Int) ? Values { usecols } : interp::to_vector(context, usecols);
            for (const auto& c : columns) {
                int64_t index = interp::to_index(context, c);
                if (index < 0)
                    index += static_cast<int64_t>(values.size());
                if (index < 0 || index >= static_cast<int64_t>(values.size()))
                    raise(ErrorKind::ValueError, "invalid column index " + std::to_string(index));
                selected.push_back(values[static_cast<size_t>(index)]);
            }
            values = selected;
        }
        if (!rows.empty() && rows[0].size() != values.size())
            raise(ErrorKind::ValueError, "the number of columns changed from " + std::to_string(rows[0].size()) + " to "
                    + std::to_string(values.size()) + " at row " + std::to_string(rows.size() + 1) + "; use `usecols` to select a subset and avoid this error");
        rows.push_back(std::move(values));
    }
    int64_t n = static_cast<int64_t>(rows.size()), m = rows.empty() ? 0 : static_cast<int64_t>(rows[0].size());
    NDArray result = NDArray::empty(DType::Float64, { n, m });
    for (int64_t r = 0; r < n; ++r)
        for (int64_t c = 0; c < m; ++c)
            reinterpret_cast<double*>(result.data())[r * m + c] = rows[static_cast<size_t>(r)][static_cast<size_t>(c)];
    // numpy squeezes single rows and columns (ndmin=0).
    result = engine::squeeze(result);
    if (result.ndim() < ndmin)
        result = ndmin == 2 && result.ndim() == 1 ? engine::reshape(result, { n == 1 ? 1 : result.size(), n == 1 ? result.size() : 1 })
                                                  : engine::atleast_nd(result, ndmin);
    auto dtype = to_dtype(context, dtype_value);
    if (dtype && *dtype != DType::Float64)
        result = engine::astype(result, *dtype);
    return result;
}

Value np_loadtxt(CallContext& context, std::span<Value> args)
{
    return wrap_array(read_text(context, path_argument(args[0]), args[1], args[2], interp::to_index(context, args[3]), args[4], false,
        interp::to_index(context, args[5])));
}

Value np_genfromtxt(CallContext& context, std::span<Value> args)
{
    return wrap_array(read_text(context, path_argument(args[0]), args[1], args[2], interp::to_index(context, args[3]), args[4], true, 0));
}

Value np_fromfile(CallContext& context, std::span<Value> args)
{
    std::string bytes = engine::read_file(path_argument(args[0]));
    DType dtype = to_dtype(context, args[1]).value_or(DType::Float64);
    int64_t count = interp::to_index(context, args[2]);
    std::string sep = args[3].is(Type::Str) ? args[3].as<interp::StrObject>().value : "";
    if (!sep.empty()) {
        std::vector<double> values;
        std::string normalised = bytes;
        for (char& c : normalised)
            if (sep.find(c) != std::string::npos)
                c = ' ';
        std::stringstream stream(normalised);
        double v;
        while (stream >> v && (count < 0 || static_cast<int64_t>(values.size()) < count))
            values.push_back(v);
        NDArray result = NDArray::empty(DType::Float64, { static_cast<int64_t>(values.size()) });
        if (!values.empty())
            std::memcpy(result.data(), values.data(), values.size() * sizeof(double));
        return wrap_array(engine::astype(result, dtype));
    }
    int64_t available = static_cast<int64_t>(bytes.size() / dtype_itemsize(dtype));
    int64_t n = count < 0 ? available : std::min(count, available);
    NDArray result = NDArray::empty(dtype, { n });
    std::memcpy(result.data(), bytes.data(), static_cast<size_t>(n) * dtype_itemsize(dtype));
    return wrap_array(std::move(result));
}

const interp::BuiltinSpec rows[] = {
    { "save", "(file, arr)", np_save, "Save an array to a binary file in NumPy .npy format." },
    { "load", "(file, allow_pickle=False)", np_load, "Load arrays from .npy or .npz files (no pickles)." },
    { "savez", "(file, *args, **kwds)", np_savez, "Save several arrays into a single file in uncompressed .npz format." },
    { "savez_compressed", "(file, *args, **kwds)", np_savez_compressed, "Save several arrays into a single file in compressed .npz format." },
    { "savetxt", "(fname, X, fmt='%.18e', delimiter=' ', newline='\\n', header='', footer='', comments='# ')", np_savetxt, "Save an array to a text file." },
    { "loadtxt", "(fname, dtype=None, delimiter=None, skiprows=0, usecols=None, ndmin=0)", np_loadtxt, "Load data from a text file." },
    { "genfromtxt", "(fname, dtype=None, delimiter=None, skip_header=0, usecols=None)", np_genfromtxt, "Load data from a text file, with missing values as nan." },
    { "fromfile", "(file, dtype=None, count=-1, sep='')", np_fromfile, "Construct an array from data in a text or binary file." },
};

} // namespace

const interp::TypeInfo& NpzObject::type_info() const
{
    static const interp::TypeInfo info = [] {
        interp::TypeInfo i;
        i.name = "numpy.lib.npyio.NpzFile";
        i.methods = npz_methods;
        i.attributes = npz_attributes;
        i.get_item = npz_get_item;
        i.iterate = npz_iterate;
        i.length = npz_length;
        i.repr = npz_repr;
        i.str = npz_repr;
        return i;
    }();
    return info;
}

// a.tofile(fid, sep=''): raw bytes in C order, or text joined by sep.
Value ndarray_tofile(CallContext& context, std::span<Value> args)
{
    NDArray a = engine::ascontiguous(args[0].as<ArrayObject>().array());
    std::string path = path_argument(args[1]);
    std::string sep = args[2].is(Type::Str) ? args[2].as<interp::StrObject>().value : "";
    if (sep.empty()) {
        engine::write_file_atomically(path, std::string(reinterpret_cast<const char*>(a.data()), static_cast<size_t>(a.nbytes())));
        return Value::none();
    }
    std::string text;
    for (int64_t i = 0; i < a.size(); ++i) {
        if (i)
            text += sep;
        text += interp::str_value(context, element_to_value(a.dtype, a.data() + i * static_cast<int64_t>(a.itemsize())));
    }
    engine::write_file_atomically(path, text);
    return Value::none();
}

std::span<const interp::BuiltinSpec> io_functions() { return rows; }

} // namespace ramba::numpy
