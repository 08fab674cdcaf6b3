// Subscripts: x[i], x[a:b:c], assignment and deletion on lists and dicts, with Python's index
// normalisation and messages; conversions of index-like values (as_index, to_index, to_double).
#include <algorithm>

#include "interpreter/values/bigint.hpp"
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

bool as_index(CallContext& ctx, const Value& v, int64_t& out)
{
    if (v.is(Type::Int) || v.is(Type::Bool)) {
        out = v.as_int();
        return true;
    }
    if (v.is(Type::Opaque)) {
        auto& info = v.as<OpaqueObject>().type_info();
        if (info.is_integer_index && info.is_integer_index(v) && info.to_int)
            return info.to_int(ctx, v, out);
    }
    return false;
}

int64_t to_index(CallContext& ctx, const Value& v)
{
    int64_t out;
    if (!as_index(ctx, v, out))
        throw_error(ErrorKind::TypeError, "'" + std::string(type_name(v)) + "' object cannot be interpreted as an integer");
    return out;
}

double to_double(CallContext& ctx, const Value& v)
{
    switch (v.type()) {
    case Type::Float: return v.as_float();
    case Type::Int:
    case Type::Bool: return static_cast<double>(v.as_int());
    case Type::Opaque: {
        auto& info = v.as<OpaqueObject>().type_info();
        double out;
        if (info.to_float && info.to_float(ctx, v, out))
            return out;
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "must be real number, not " + std::string(type_name(v)));
}

int64_t range_length(int64_t start, int64_t stop, int64_t step)
{
    __int128 length = 0;
    if (step > 0 && start < stop)
        length = ((__int128)stop - start - 1) / step + 1;
    else if (step < 0 && start > stop)
        length = ((__int128)start - stop - 1) / -(__int128)step + 1;
    if (length > INT64_MAX)
        throw_error(ErrorKind::OverflowError, "Python int too large to convert to C ssize_t");
    return static_cast<int64_t>(length);
}

SliceBounds slice_bounds(CallContext& ctx, const SliceObject& slice, int64_t length)
{
    auto bound = [&](const Value& v, int64_t& out) {
        if (v.is_none())
            return false;
        if (!as_index(ctx, v, out))
            throw_error(ErrorKind::TypeError, "slice indices must be integers or None or have an __index__ method");
        return true;
    };
    SliceBounds b {};
    b.step = 1;
    if (bound(slice.step, b.step) && b.step == 0)
        throw_error(ErrorKind::ValueError, "slice step cannot be zero");
    if (b.step < -INT64_MAX)
        b.step = -INT64_MAX;
    auto adjust = [&](int64_t index) {
        if (index < 0) {
            index += length;
            if (index < 0)
                index = b.step < 0 ? -1 : 0;
        } else if (index >= length) {
            index = b.step < 0 ? length - 1 : length;
        }
        return index;
    };
    if (bound(slice.start, b.start))
        b.start = adjust(b.start);
    else
        b.start = b.step < 0 ? length - 1 : 0;
    if (bound(slice.stop, b.stop))
        b.stop = adjust(b.stop);
    else
        b.stop = b.step < 0 ? -1 : length;
    if (b.step < 0)
        b.length = b.stop < b.start ? (b.start - b.stop - 1) / -b.step + 1 : 0;
    else
        b.length = b.start < b.stop ? (b.stop - b.start - 1) / b.step + 1 : 0;
    return b;
}

namespace {

// Normalises a possibly negative index; false if out of range.
bool normalise(int64_t& index, int64_t length)
{
    if (index < 0)
        index += length;
    return index >= 0 && index < length;
}

Values slice_items(CallContext& ctx, const Values& items, const SliceObject& slice)
{
    auto b = slice_bounds(ctx, slice, static_cast<int64_t>(items.size()));
    Values out;
    out.reserve(static_cast<size_t>(b.length));
    for (int64_t i = 0, j = b.start; i < b.length; ++i, j += b.step)
        out.push_back(items[static_cast<size_t>(j)]);
    return out;
}

Value str_item(CallContext& ctx, const Value& str, const Value& index)
{
    auto& s = str.as<StrObject>().value;
    bool ascii = is_ascii(s);
    std::vector<std::string_view> characters;
    if (!ascii)
        characters = utf8_characters(s);
    int64_t length = ascii ? static_cast<int64_t>(s.size()) : static_cast<int64_t>(characters.size());
    auto character = [&](int64_t i) { return ascii ? std::string_view(s).substr(static_cast<size_t>(i), 1) : characters[static_cast<size_t>(i)]; };
    int64_t i;
    if (as_index(ctx, index, i)) {
        if (!normalise(i, length))
            throw_error(ErrorKind::IndexError, "string index out of range");
        return make_str(std::string(character(i)));
    }
    if (index.is(Type::Slice)) {
        auto b = slice_bounds(ctx, index.as<SliceObject>(), length);
        if (ascii && b.step == 1)
            return make_str(b.length > 0 ? s.substr(static_cast<size_t>(b.start), static_cast<size_t>(b.length)) : std::string());
        std::string out;
        for (int64_t k = 0, j = b.start; k < b.length; ++k, j += b.step)
            out += character(j);
        return make_str(std::move(out));
    }
    throw_error(ErrorKind::TypeError, "string indices must be integers, not '" + std::string(type_name(index)) + "'");
}

} // namespace

Value get_item(CallContext& ctx, const Value& object, const Value& index)
{
    int64_t i;
    if (index.is(Type::Opaque) && (object.is(Type::List) || object.is(Type::Tuple) || object.is(Type::Str)) && is_bigint(index))
        throw_error(ErrorKind::IndexError, "cannot fit 'int' into an index-sized integer");
    switch (object.type()) {
    case Type::List: {
        auto& items = object.as<ListObject>().items;
        if (as_index(ctx, index, i)) {
            if (!normalise(i, static_cast<int64_t>(items.size())))
                throw_error(ErrorKind::IndexError, "list index out of range");
            return items[static_cast<size_t>(i)];
        }
        if (index.is(Type::Slice))
            return make_list(slice_items(ctx, items, index.as<SliceObject>()));
        throw_error(ErrorKind::TypeError, "list indices must be integers or slices, not " + std::string(type_name(index)));
    }
    case Type::Tuple: {
        auto& items = object.as<TupleObject>().items;
        if (as_index(ctx, index, i)) {
            if (!normalise(i, static_cast<int64_t>(items.size())))
                throw_error(ErrorKind::IndexError, "tuple index out of range");
            return items[static_cast<size_t>(i)];
        }
        if (index.is(Type::Slice))
            return make_tuple(slice_items(ctx, items, index.as<SliceObject>()));
        throw_error(ErrorKind::TypeError, "tuple indices must be integers or slices, not " + std::string(type_name(index)));
    }
    case Type::Str:
        return str_item(ctx, object, index);
    case Type::Dict: {
        if (auto* value = dict_find(ctx, object.as<DictObject>(), index))
            return *value;
        throw_key_error(ctx, index);
    }
    case Type::Range: {
        auto& r = object.as<RangeObject>();
        int64_t length = range_length(r.start, r.stop, r.step);
        if (as_index(ctx, index, i)) {
            if (!normalise(i, length))
                throw_error(ErrorKind::IndexError, "range object index out of range");
            return Value::integer(r.start + i * r.step);
        }
        if (index.is(Type::Slice)) {
            auto b = slice_bounds(ctx, index.as<SliceObject>(), length);
            int64_t start = r.start + b.start * r.step;
            int64_t step = r.step * b.step;
            return make_range(start, start + b.length * step, step);
        }
        throw_error(ErrorKind::TypeError, "range indices must be integers or slices, not " + std::string(type_name(index)));
    }
    case Type::Opaque: {
        auto& info = object.as<OpaqueObject>().type_info();
        if (info.get_item)
            return info.get_item(ctx, object, index);
        break;
    }
    case Type::Class: {
        Value out;
        if (call_class_hook(ctx, object, "__class_getitem__", std::span<const Value>(&index, 1), out))
            return out;
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "'" + std::string(type_name(object)) + "' object is not subscriptable");
}

void set_item(CallContext& ctx, const Value& object, const Value& index, const Value& value)
{
    int64_t i;
    switch (object.type()) {
    case Type::List: {
        auto& items = object.as<ListObject>().items;
        if (as_index(ctx, index, i)) {
            if (!normalise(i, static_cast<int64_t>(items.size())))
                throw_error(ErrorKind::IndexError, "list assignment index out of range");
            items[static_cast<size_t>(i)] = value;
            return;
        }
        if (index.is(Type::Slice)) {
            auto b = slice_bounds(ctx, index.as<SliceObject>(), static_cast<int64_t>(items.size()));
            if (!(value.is(Type::List) || value.is(Type::Tuple) || value.is(Type::Str) || value.is(Type::Range)
                    || value.is(Type::Dict) || value.is(Type::Iterator) || value.is(Type::Opaque)))
                throw_error(ErrorKind::TypeError, b.step == 1 ? "can only assign an iterable" : "must assign iterable to extended slice");
            Values replacement = to_vector(ctx, value); // a copy: `a[1:] = a` reads the old a
            if (b.step == 1) {
                int64_t stop = std::max(b.start, b.stop);
                items.erase(items.begin() + b.start, items.begin() + stop);
                items.insert(items.begin() + b.start, replacement.begin(), replacement.end());
                return;
            }
            if (static_cast<int64_t>(replacement.size()) != b.length)
                throw_error(ErrorKind::ValueError, "attempt to assign sequence of size " + std::to_string(replacement.size())
                        + " to extended slice of size " + std::to_string(b.length));
            for (int64_t k = 0, j = b.start; k < b.length; ++k, j += b.step)
                items[static_cast<size_t>(j)] = replacement[static_cast<size_t>(k)];
            return;
        }
        throw_error(ErrorKind::TypeError, "list indices must be integers or slices, not " + std::string(type_name(index)));
    }
    case Type::Dict:
        dict_set(ctx, object.as<DictObject>(), index, value);
        return;
    case Type::Opaque: {
        auto& info = object.as<OpaqueObject>().type_info();
        if (info.set_item) {
            info.set_item(ctx, object, index, value);
            return;
        }
        break;
    }
    default:
        break;
    }
    throw_error(ErrorKind::TypeError, "'" + std::string(type_name(object)) + "' object does not support item assignment");
}

void delete_item(CallContext& ctx, const Value& object, const Value& index)
{
    if (is_user_instance(object)) {
        user_delete_item(ctx, object, index);
        return;
    }
    int64_t i;
    if (object.is(Type::List)) {
        auto& items = object.as<ListObject>().items;
        if (as_index(ctx, index, i)) {
            if (!normalise(i, static_cast<int64_t>(items.size())))
                throw_error(ErrorKind::IndexError, "list assignment index out of range");
            items.erase(items.begin() + i);
            return;
        }
        if (index.is(Type::Slice)) {
            auto b = slice_bounds(ctx, index.as<SliceObject>(), static_cast<int64_t>(items.size()));
            if (b.length == 0)
                return;
            std::vector<bool> doomed(items.size(), false);
            for (int64_t k = 0, j = b.start; k < b.length; ++k, j += b.step)
                doomed[static_cast<size_t>(j)] = true;
            Values kept;
            kept.reserve(items.size() - static_cast<size_t>(b.length));
            for (size_t k = 0; k < items.size(); ++k) {
                if (!doomed[k])
                    kept.push_back(std::move(items[k]));
            }
            items = std::move(kept);
            return;
        }
        throw_error(ErrorKind::TypeError, "list indices must be integers or slices, not " + std::string(type_name(index)));
    }
    if (object.is(Type::Dict)) {
        if (!dict_erase(ctx, object.as<DictObject>(), index))
            throw_key_error(ctx, index);
        return;
    }
    throw_error(ErrorKind::TypeError, "'" + std::string(type_name(object)) + "' object doesn't support item deletion");
}

} // namespace ramba::interp
