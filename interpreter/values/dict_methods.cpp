// The methods of dict (get, pop, update, items, ...) and the views keys()/values()/items(), which are
// library-style Opaque objects that print like Python's `dict_keys(['a'])` and read the dict live.
#include "interpreter/values/internal.hpp"

namespace ramba::interp {

namespace {

DictObject& dict(const Value& v) { return v.as<DictObject>(); }

// ---- Views

struct DictView final : OpaqueObject {
    Value dict;
    DictPart part;
    DictView(Value d, DictPart p) : dict(std::move(d)), part(p) { }
    const TypeInfo& type_info() const override;
};

const DictView& view(const Value& v) { return static_cast<const DictView&>(v.as<OpaqueObject>()); }

std::string view_repr(CallContext& ctx, const Value& self)
{
    auto& v = view(self);
    Values items = to_vector(ctx, self);
    return std::string(v.type_info().name) + "(" + repr_value(ctx, make_list(std::move(items))) + ")";
}

int64_t view_length(CallContext&, const Value& self) { return static_cast<int64_t>(view(self).dict.as<DictObject>().entries.size()); }
Value view_iterate(CallContext&, const Value& self) { return make_dict_iterator(view(self).dict, view(self).part); }

Value view_contains(CallContext& ctx, std::span<Value> a)
{
    auto& v = view(a[0]);
    auto& d = v.dict.as<DictObject>();
    switch (v.part) {
    case DictPart::Keys:
        return Value::boolean(dict_find(ctx, d, a[1]) != nullptr);
    case DictPart::Items: {
        if (!a[1].is(Type::Tuple) || a[1].as<TupleObject>().items.size() != 2)
            return Value::boolean(false);
        auto& pair = a[1].as<TupleObject>().items;
        auto* found = dict_find(ctx, d, pair[0]);
        return Value::boolean(found && values_equal(ctx, *found, pair[1]));
    }
    case DictPart::Values:
        for (auto& entry : d.entries) {
            if (values_equal(ctx, entry.second, a[1]))
                return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    return Value::boolean(false);
}

constexpr BuiltinSpec view_methods[] = {
    { "__contains__", "(self, item, /)", view_contains, "Return item in the view." },
};

TypeInfo make_view_info(const char* name)
{
    TypeInfo info {};
    info.name = name;
    info.methods = view_methods;
    info.repr = view_repr;
    info.length = view_length;
    info.iterate = view_iterate;
    return info;
}

const TypeInfo keys_info = make_view_info("dict_keys");
const TypeInfo values_info = make_view_info("dict_values");
const TypeInfo items_info = make_view_info("dict_items");

const TypeInfo& DictView::type_info() const
{
    return part == DictPart::Keys ? keys_info : part == DictPart::Values ? values_info : items_info;
}

Value make_view(const Value& d, DictPart part) { return Value::object(Type::Opaque, make_object<DictView>(d, part)); }

// ---- Methods

Value dict_keys(CallContext&, std::span<Value> a) { return make_view(a[0], DictPart::Keys); }
Value dict_values(CallContext&, std::span<Value> a) { return make_view(a[0], DictPart::Values); }
Value dict_items(CallContext&, std::span<Value> a) { return make_view(a[0], DictPart::Items); }

Value dict_get(CallContext& ctx, std::span<Value> a)
{
    auto* found = dict_find(ctx, dict(a[0]), a[1]);
    return found ? *found : a[2];
}

Value dict_pop(CallContext& ctx, std::span<Value> a)
{
    auto* found = dict_find(ctx, dict(a[0]), a[1]);
    if (!found) {
        if (is_missing_argument(a[2]))
            throw_key_error(ctx, a[1]);
        return a[2];
    }
    Value out = *found;
    dict_erase(ctx, dict(a[0]), a[1]);
    return out;
}

Value dict_popitem(CallContext& ctx, std::span<Value> a)
{
    auto& d = dict(a[0]);
    if (d.entries.empty())
        throw_error(ErrorKind::KeyError, "'popitem(): dictionary is empty'");
    auto [key, value] = d.entries.back();
    dict_erase(ctx, d, key);
    return make_tuple({ key, value });
}

void update_from(CallContext& ctx, DictObject& target, const Value& source)
{
    if (source.is(Type::Dict)) {
        auto entries = source.as<DictObject>().entries;
        for (auto& [k, v] : entries)
            dict_set(ctx, target, k, v);
        return;
    }
    if (Value keys; call_special(ctx, source, "keys", {}, keys)) { // a mapping written in Python
        for (const Value& key : to_vector(ctx, keys))
            dict_set(ctx, target, key, get_item(ctx, source, key));
        return;
    }
    Value iterator = iterate(ctx, source);
    Value item;
    for (int64_t n = 0; iterator.as<IteratorObject>().next(ctx, item); ++n) {
        Values pair = to_vector(ctx, item);
        if (pair.size() != 2)
            throw_error(ErrorKind::ValueError, "dictionary update sequence element #" + std::to_string(n) + " has length "
                    + std::to_string(pair.size()) + "; 2 is required");
        dict_set(ctx, target, pair[0], pair[1]);
    }
}

Value dict_update(CallContext& ctx, std::span<Value> a)
{
    auto& positional = a[1].as<TupleObject>().items;
    if (positional.size() > 1)
        throw_error(ErrorKind::TypeError, "update expected at most 1 argument, got " + std::to_string(positional.size()));
    if (!positional.empty())
        update_from(ctx, dict(a[0]), positional[0]);
    update_from(ctx, dict(a[0]), a[2]);
    return Value();
}

Value dict_setdefault(CallContext& ctx, std::span<Value> a)
{
    if (auto* found = dict_find(ctx, dict(a[0]), a[1]))
        return *found;
    dict_set(ctx, dict(a[0]), a[1], a[2]);
    return a[2];
}

Value dict_copy(CallContext& ctx, std::span<Value> a)
{
    Value out = make_dict();
    for (auto& [k, v] : dict(a[0]).entries)
        dict_set(ctx, out.as<DictObject>(), k, v);
    return out;
}

Value dict_clear_method(CallContext&, std::span<Value> a)
{
    dict_clear(dict(a[0]));
    return Value();
}

constexpr BuiltinSpec rows[] = {
    { "keys", "(self, /)", dict_keys, "A set-like view of the dict's keys." },
    { "values", "(self, /)", dict_values, "A view of the dict's values." },
    { "items", "(self, /)", dict_items, "A set-like view of the dict's (key, value) pairs." },
    { "get", "(self, key, default=None, /)", dict_get, "Return the value for key if key is in the dictionary, else default." },
    { "pop", "(self, key, default=<missing>, /)", dict_pop, "Remove key and return its value; default (or KeyError) if missing." },
    { "popitem", "(self, /)", dict_popitem, "Remove and return the last inserted (key, value) pair." },
    { "update", "(self, /, *args, **kwargs)", dict_update, "Update from a dict or an iterable of pairs, and from keyword arguments." },
    { "setdefault", "(self, key, default=None, /)", dict_setdefault, "Insert key with a value of default if key is not in the dictionary." },
    { "copy", "(self, /)", dict_copy, "Return a shallow copy of the dict." },
    { "clear", "(self, /)", dict_clear_method, "Remove all items from the dict." },
};

} // namespace

std::span<const BuiltinSpec> dict_methods() { return rows; }

} // namespace ramba::interp
