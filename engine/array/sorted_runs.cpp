// Sorted runs (see sorted_runs.hpp).
#include "engine/array/sorted_runs.hpp"

#include <algorithm>
#include <cstring>
#include <numeric>

#include "engine/array/sort.hpp"

namespace ramba::engine {

int64_t count_before(const NDArray& run, uint32_t run_worker, const RunKey& key)
{
    int64_t n = run.size();
    if (key.worker == run_worker)
        return std::clamp<int64_t>(key.position, 0, n);
    return dispatch_dtype(run.dtype, [&]<typename T>() -> int64_t {
        const T* p = reinterpret_cast<const T*>(run.data());
        T value;
        std::memcpy(&value, key.value, sizeof(T));
        // Equal values of an earlier worker order before the key, those of a later one after it.
        const T* at = run_worker < key.worker ? std::upper_bound(p, p + n, value, sort_less<T>) : std::lower_bound(p, p + n, value, sort_less<T>);
        return at - p;
    });
}

std::vector<int64_t> key_order(const NDArray& values, std::span<const uint32_t> workers, std::span<const int64_t> positions)
{
    std::vector<int64_t> order(static_cast<size_t>(values.size()));
    std::iota(order.begin(), order.end(), int64_t(0));
    dispatch_dtype(values.dtype, [&]<typename T>() {
        const T* v = reinterpret_cast<const T*>(values.data());
        std::sort(order.begin(), order.end(), [&](int64_t x, int64_t y) {
            if (sort_less<T>(v[x], v[y]))
                return true;
            if (sort_less<T>(v[y], v[x]))
                return false;
            return workers[x] != workers[y] ? workers[x] < workers[y] : positions[x] < positions[y];
        });
    });
    return order;
}

namespace {

struct Run {
    NDArray values;
    NDArray indices; // empty without indices
};

template<typename T>
void merge_two(const Run& a, const Run& b, Run& out, bool with_indices)
{
    int64_t na = a.values.size(), nb = b.values.size();
    const T* x = reinterpret_cast<const T*>(a.values.data());
    const T* y = reinterpret_cast<const T*>(b.values.data());
    T* o = reinterpret_cast<T*>(out.values.data());
    const int64_t* xi = with_indices ? reinterpret_cast<const int64_t*>(a.indices.data()) : nullptr;
    const int64_t* yi = with_indices ? reinterpret_cast<const int64_t*>(b.indices.data()) : nullptr;
    int64_t* oi = with_indices ? reinterpret_cast<int64_t*>(out.indices.data()) : nullptr;
    int64_t i = 0, j = 0, k = 0;
    while (i < na && j < nb) {
        // Ties take the earlier run's element first.
        bool take_b = sort_less<T>(y[j], x[i]);
        o[k] = take_b ? y[j] : x[i];
        if (oi)
            oi[k] = take_b ? yi[j] : xi[i];
        j += take_b;
        i += !take_b;
        ++k;
    }
    for (; i < na; ++i, ++k) {
        o[k] = x[i];
        if (oi)
            oi[k] = xi[i];
    }
    for (; j < nb; ++j, ++k) {
        o[k] = y[j];
        if (oi)
            oi[k] = yi[j];
    }
}

} // namespace

void merge_runs(std::span<const NDArray> runs, std::span<const NDArray> run_indices, NDArray& out, NDArray* out_indices)
{
    bool with_indices = out_indices != nullptr;
    std::vector<Run> level;
    for (size_t r = 0; r < runs.size(); ++r)
        level.push_back(Run { runs[r], with_indices ? run_indices[r] : NDArray() });
    // Pairs of neighbouring runs merge level by level, so run order (and tie order) is kept.
    while (level.size() > 1) {
        std::vector<Run> next((level.size() + 1) / 2);
        int64_t pairs = static_cast<int64_t>(level.size() / 2);
        // Allocated before the parallel loop: a failed allocation must throw here, not inside it.
        for (int64_t p = 0; p < pairs; ++p) {
            int64_t n = level[static_cast<size_t>(2 * p)].values.size() + level[static_cast<size_t>(2 * p + 1)].values.size();
            next[static_cast<size_t>(p)] = Run { NDArray::empty(out.dtype, { n }), with_indices ? NDArray::empty(DType::Int64, { n }) : NDArray() };
        }
#pragma omp parallel for schedule(dynamic, 1) if (pairs > 1)
        for (int64_t p = 0; p < pairs; ++p) {
            dispatch_dtype(out.dtype, [&]<typename T>() {
                merge_two<T>(level[static_cast<size_t>(2 * p)], level[static_cast<size_t>(2 * p + 1)], next[static_cast<size_t>(p)], with_indices);
            });
        }
        if (level.size() % 2)
            next.back() = level.back();
        level = std::move(next);
    }
    if (level.empty() || out.size() == 0)
        return;
    std::memcpy(out.data(), level[0].values.data(), static_cast<size_t>(out.nbytes()));
    if (with_indices)
        std::memcpy(out_indices->data(), level[0].indices.data(), static_cast<size_t>(out_indices->nbytes()));
}

} // namespace ramba::engine
