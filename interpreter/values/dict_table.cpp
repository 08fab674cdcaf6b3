// The dict hash table: insertion-ordered entries plus an open-addressing index of entry positions,
// probed like CPython's (perturbed linear congruential probing), with stored hashes for resizing.
#include "interpreter/values/internal.hpp"
#include "interpreter/values/user_classes.hpp"

namespace ramba::interp {

namespace {

constexpr int64_t empty_slot = -1;
constexpr int64_t erased_slot = -2;

bool keys_equal(CallContext& ctx, const Value& a, const Value& b)
{
    if (a.type() == b.type()) {
        switch (a.type()) {
        case Type::Int: return a.as_int() == b.as_int();
        case Type::Str: return a.object() == b.object() || a.as<StrObject>().value == b.as<StrObject>().value;
        default: break;
        }
    }
    return values_equal(ctx, a, b);
}

template<typename Visit>
void probe(const DictObject& dict, size_t hash, Visit visit)
{
    size_t mask = dict.index.size() - 1;
    size_t perturb = hash;
    size_t i = hash & mask;
    for (;;) {
        if (visit(i))
            return;
        perturb >>= 5;
        i = (i * 5 + perturb + 1) & mask;
    }
}

void rebuild(DictObject& dict, size_t minimum_live)
{
    size_t capacity = 8;
    while (capacity * 2 < minimum_live * 3 + 3)
        capacity *= 2;
    dict.index.assign(capacity, empty_slot);
    for (size_t position = 0; position < dict.entries.size(); ++position) {
        probe(dict, dict.hashes[position], [&](size_t slot) {
            if (dict.index[slot] != empty_slot)
                return false;
            dict.index[slot] = static_cast<int64_t>(position);
            return true;
        });
    }
    dict.used_slots = dict.entries.size();
}

// Returns the index slot holding `key`, or -1.
int64_t find_slot(CallContext& ctx, const DictObject& dict, const Value& key, size_t hash)
{
    if (dict.index.empty())
        return -1;
    int64_t found = -1;
    probe(dict, hash, [&](size_t slot) {
        int64_t position = dict.index[slot];
        if (position == empty_slot)
            return true;
        if (position >= 0 && dict.hashes[position] == hash && keys_equal(ctx, dict.entries[position].first, key)) {
            found = static_cast<int64_t>(slot);
            return true;
        }
        return false;
    });
    return found;
}

} // namespace

const Value* dict_find(CallContext& ctx, const DictObject& dict, const Value& key)
{
    size_t hash = hash_value(ctx, key);
    int64_t slot = find_slot(ctx, dict, key, hash);
    return slot < 0 ? nullptr : &dict.entries[dict.index[slot]].second;
}

void dict_set(CallContext& ctx, DictObject& dict, const Value& key, Value value)
{
    size_t hash = hash_value(ctx, key);
    int64_t slot = find_slot(ctx, dict, key, hash);
    if (slot >= 0) {
        dict.entries[dict.index[slot]].second = std::move(value);
        return;
    }
    if (dict.index.empty() || (dict.used_slots + 1) * 3 > dict.index.size() * 2)
        rebuild(dict, dict.entries.size() + 1);
    auto position = static_cast<int64_t>(dict.entries.size());
    dict.entries.emplace_back(key, std::move(value));
    dict.hashes.push_back(hash);
    probe(dict, hash, [&](size_t s) {
        if (dict.index[s] >= 0)
            return false;
        if (dict.index[s] == empty_slot)
            ++dict.used_slots;
        dict.index[s] = position;
        return true;
    });
    dict.live = dict.entries.size();
}

bool dict_erase(CallContext& ctx, DictObject& dict, const Value& key)
{
    size_t hash = hash_value(ctx, key);
    int64_t slot = find_slot(ctx, dict, key, hash);
    if (slot < 0)
        return false;
    int64_t position = dict.index[slot];
    dict.index[slot] = erased_slot;
    dict.entries.erase(dict.entries.begin() + position);
    dict.hashes.erase(dict.hashes.begin() + position);
    // Entries stay dense: positions after the erased one move down by one.
    if (position != static_cast<int64_t>(dict.entries.size())) {
        for (auto& p : dict.index) {
            if (p > position)
                --p;
        }
    }
    dict.live = dict.entries.size();
    return true;
}

void dict_clear(DictObject& dict)
{
    dict.entries.clear();
    dict.hashes.clear();
    dict.index.clear();
    dict.used_slots = 0;
    dict.live = 0;
}

} // namespace ramba::interp

namespace ramba::interp {

const Value* dict_find_str(const DictObject& dict, std::string_view key)
{
    return dict_find_str(dict, key, str_hash(key));
}

const Value* dict_find_str(const DictObject& dict, std::string_view key, size_t hash)
{
    if (dict.index.empty())
        return nullptr;
    const Value* found = nullptr;
    probe(dict, hash, [&](size_t slot) {
        int64_t position = dict.index[slot];
        if (position == empty_slot)
            return true;
        if (position >= 0 && dict.hashes[position] == hash) {
            const Value& candidate = dict.entries[position].first;
            if (candidate.is(Type::Str) && candidate.as<StrObject>().value == key) {
                found = &dict.entries[position].second;
                return true;
            }
        }
        return false;
    });
    return found;
}

} // namespace ramba::interp
