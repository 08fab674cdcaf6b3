// Python 3.11's suggestion measure (Python/suggestions.c, behaviour matched, code our own): a
// Levenshtein distance where inserting, deleting or replacing a character costs 2 and changing only
// its case costs 1; a candidate qualifies when at most a third of the characters involved change.
#include "interpreter/errors/suggestions.hpp"

#include <algorithm>
#include <cstdint>

namespace ramba {

namespace {
constexpr size_t move_cost = 2;
constexpr size_t case_cost = 1;
constexpr size_t max_candidates = 750; // Python: more candidates than this, no suggestion
constexpr size_t max_length = 40;      // Python: longer names (after common affixes) never match

size_t substitution_cost(char a, char b)
{
    if (a == b)
        return 0;
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return lower(a) == lower(b) ? case_cost : move_cost;
}

// The distance, or anything above `max_cost` once it is certain to exceed it.
size_t distance(std::string_view a, std::string_view b, size_t max_cost)
{
    while (!a.empty() && !b.empty() && a.front() == b.front()) {
        a.remove_prefix(1);
        b.remove_prefix(1);
    }
    while (!a.empty() && !b.empty() && a.back() == b.back()) {
        a.remove_suffix(1);
        b.remove_suffix(1);
    }
    if (a.empty() || b.empty())
        return (a.size() + b.size()) * move_cost;
    if (a.size() > max_length || b.size() > max_length)
        return max_cost + 1;
    if (b.size() < a.size())
        std::swap(a, b);
    if ((b.size() - a.size()) * move_cost > max_cost)
        return max_cost + 1;
    // One row of the matrix, updated in place: row[i] is the cost from b[:j] to a[:i+1].
    size_t row[max_length];
    for (size_t i = 0; i < a.size(); ++i)
        row[i] = (i + 1) * move_cost;
    size_t result = 0;
    for (size_t j = 0; j < b.size(); ++j) {
        size_t diagonal = j * move_cost;
        result = diagonal;
        size_t row_minimum = SIZE_MAX;
        for (size_t i = 0; i < a.size(); ++i) {
            size_t substitute = diagonal + substitution_cost(b[j], a[i]);
            diagonal = row[i];
            result = std::min(std::min(result, diagonal) + move_cost, substitute);
            row[i] = result;
            row_minimum = std::min(row_minimum, result);
        }
        if (row_minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}
}

bool numpy_has(std::string_view module, std::string_view name)
{
    static constexpr std::string_view names[] = {
#include "interpreter/errors/numpy_names.inc"
    };
    std::string qualified = std::string(module) + "." + std::string(name);
    return std::find(std::begin(names), std::end(names), qualified) != std::end(names);
}

std::string closest_name(std::string_view name, const std::vector<std::string>& candidates)
{
    if (candidates.size() >= max_candidates)
        return {};
    const std::string* best = nullptr;
    size_t best_distance = SIZE_MAX;
    for (const auto& candidate : candidates) {
        if (candidate == name)
            continue;
        size_t max_distance = (name.size() + candidate.size() + 3) * move_cost / 6;
        if (best_distance != SIZE_MAX)
            max_distance = std::min(max_distance, best_distance - 1);
        size_t found = distance(name, candidate, max_distance);
        if (found > max_distance)
            continue;
        if (!best || found < best_distance) {
            best = &candidate;
            best_distance = found;
        }
    }
    return best ? *best : std::string();
}

} // namespace ramba
