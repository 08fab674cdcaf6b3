// Sorting and searching (see sort.hpp). Comparisons follow numpy: NaN after every number; complex
// values order by real part, then imaginary part.
#include "engine/array/sort.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <numeric>

#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/array/sorted_runs.hpp"
#include "engine/vm/block.hpp"

namespace ramba::engine {

namespace {

// Lanes shorter than this sort on one thread.
constexpr int64_t parallel_elements = int64_t(1) << 16;

// Sorts elements [start, start + n) of `data` in place.
void sort_lane(NDArray& data, int64_t start, int64_t n)
{
    dispatch_dtype(data.dtype, [&]<typename T>() {
        // Equal values are indistinguishable after sorting (up to -0.0 vs 0.0), so the faster
        // unstable sort gives numpy's result.
        T* p = reinterpret_cast<T*>(data.data()) + start;
        if constexpr (std::is_floating_point_v<T>) {
            // OPTIMIZATION: NaNs to the end first, then a plain `<` sort the compiler inlines.
            T* end = std::partition(p, p + n, [](T v) { return !std::isnan(v); });
            std::sort(p, end);
        } else {
            std::sort(p, p + n, [](const T& a, const T& b) { return sort_less<T>(a, b); });
        }
    });
}

// The stable order of elements [start, start + n) of `data` into the same elements of `out`,
// counted from `first` (the lane's start, for a chunk of a lane).
void argsort_lane(const NDArray& data, NDArray& out, int64_t start, int64_t n, int64_t first)
{
    int64_t* indices = reinterpret_cast<int64_t*>(out.data()) + start;
    std::iota(indices, indices + n, start - first);
    dispatch_dtype(data.dtype, [&]<typename T>() {
        const T* p = reinterpret_cast<const T*>(data.data()) + first;
        std::stable_sort(indices, indices + n, [p](int64_t x, int64_t y) { return sort_less<T>(p[x], p[y]); });
    });
}

NDArray elements(const NDArray& array, int64_t start, int64_t n)
{
    NDArray view = array;
    view.offset += start * static_cast<int64_t>(array.itemsize());
    view.shape = { n };
    view.strides = { static_cast<int64_t>(array.itemsize()) };
    return view;
}

// OPTIMIZATION: one long lane sorts as a chunk per thread, and the sorted chunks merge in order
// (sorted_runs.hpp). Equal values keep chunk order, so the argsort stays stable.
void sort_in_chunks(NDArray& data, NDArray& out, bool argsort, int chunks)
{
    int64_t n = data.size();
    std::vector<int64_t> cut(static_cast<size_t>(chunks) + 1);
    for (int k = 0; k <= chunks; ++k)
        cut[k] = n * k / chunks;
    NDArray values = argsort ? NDArray::empty(data.dtype, { n }) : NDArray();
    NDArray merged = NDArray::empty(argsort ? DType::Int64 : data.dtype, { n });
#pragma omp parallel for num_threads(chunks)
    for (int k = 0; k < chunks; ++k) {
        if (!argsort) {
            sort_lane(data, cut[k], cut[k + 1] - cut[k]);
            continue;
        }
        argsort_lane(data, out, cut[k], cut[k + 1] - cut[k], 0);
        const int64_t* order = reinterpret_cast<const int64_t*>(out.data());
        dispatch_dtype(data.dtype, [&]<typename T>() {
            const T* from = reinterpret_cast<const T*>(data.data());
            T* to = reinterpret_cast<T*>(values.data());
            for (int64_t i = cut[k]; i < cut[k + 1]; ++i)
                to[i] = from[order[i]];
        });
    }
    std::vector<NDArray> runs, run_indices;
    for (int k = 0; k < chunks; ++k) {
        runs.push_back(elements(argsort ? values : data, cut[k], cut[k + 1] - cut[k]));
        if (argsort)
            run_indices.push_back(elements(out, cut[k], cut[k + 1] - cut[k]));
    }
    if (argsort) {
        NDArray merged_values = NDArray::empty(data.dtype, { n });
        merge_runs(runs, run_indices, merged_values, &merged);
        std::memcpy(out.data(), merged.data(), static_cast<size_t>(merged.nbytes()));
    } else {
        merge_runs(runs, {}, merged, nullptr);
        std::memcpy(data.data(), merged.data(), static_cast<size_t>(merged.nbytes()));
    }
}

// Sorts (or argsorts) every 1-d lane along `axis`, on a contiguous copy whose sorted axis was
// moved last. Lanes run in parallel; one long lane is split into chunks.
NDArray sort_along(const NDArray& array, int64_t axis_in, bool argsort)
{
    int64_t axis = check_axis(axis_in, std::max<int64_t>(array.ndim(), 1));
    NDArray a = array.ndim() == 0 ? reshape(array, { 1 }) : array;
    NDArray moved = copy(moveaxis(a, { axis }, { a.ndim() - 1 }));
    // sort works in place on the copy; argsort writes indices to a separate array.
    NDArray out = argsort ? NDArray::empty(DType::Int64, moved.shape) : moved;
    int64_t n = moved.shape.empty() ? 1 : moved.shape.back();
    int64_t lanes = n == 0 ? 0 : moved.size() / n;
    int threads = moved.size() >= parallel_elements ? vm::num_threads() : 1;
    if (lanes == 1 && threads > 1) {
        sort_in_chunks(moved, out, argsort, static_cast<int>(std::min<int64_t>(threads, n / (parallel_elements / 4))));
    } else {
#pragma omp parallel for schedule(dynamic, 16) num_threads(threads) if (threads > 1 && lanes > 1)
        for (int64_t lane = 0; lane < lanes; ++lane) {
            if (argsort)
                argsort_lane(moved, out, lane * n, n, lane * n);
            else
                sort_lane(moved, lane * n, n);
        }
    }
    NDArray result = moveaxis(out, { a.ndim() - 1 }, { axis });
    return array.ndim() == 0 ? reshape(result, {}) : copy(result);
}

} // namespace

NDArray sort(const NDArray& array, int64_t axis) { return sort_along(array, axis, false); }

NDArray argsort(const NDArray& array, int64_t axis) { return sort_along(array, axis, true); }

UniqueResult unique(const NDArray& array)
{
    NDArray flat = ascontiguous(ravel(array));
    int64_t n = flat.size();
    NDArray order = argsort(flat, 0);
    const int64_t* o = reinterpret_cast<const int64_t*>(order.data());
    UniqueResult result;
    std::vector<int64_t> first, counts, inverse(static_cast<size_t>(n));
    dispatch_dtype(flat.dtype, [&]<typename T>() {
        const T* p = reinterpret_cast<const T*>(flat.data());
        for (int64_t i = 0; i < n; ++i) {
            bool is_new = i == 0;
            if (!is_new) {
                T prev = p[o[i - 1]], cur = p[o[i]];
                is_new = sort_less<T>(prev, cur);
                if constexpr (std::is_floating_point_v<T>) {
                    // numpy 1.24 (equal_nan=True): NaNs collapse into one.
                    if (std::isnan(prev) && std::isnan(cur))
                        is_new = false;
                }
            }
            if (is_new) {
                first.push_back(o[i]);
                counts.push_back(0);
            }
            ++counts.back();
            inverse[static_cast<size_t>(o[i])] = static_cast<int64_t>(first.size()) - 1;
        }
    });
    int64_t k = static_cast<int64_t>(first.size());
    result.values = NDArray::empty(flat.dtype, { k });
    result.index = NDArray::empty(DType::Int64, { k });
    result.counts = NDArray::empty(DType::Int64, { k });
    result.inverse = NDArray::empty(DType::Int64, { n });
    size_t itemsize = flat.itemsize();
    for (int64_t i = 0; i < k; ++i)
        std::memcpy(result.values.data() + i * static_cast<int64_t>(itemsize), flat.data() + first[static_cast<size_t>(i)] * static_cast<int64_t>(itemsize), itemsize);
    if (k) {
        std::memcpy(result.index.data(), first.data(), static_cast<size_t>(k) * 8);
        std::memcpy(result.counts.data(), counts.data(), static_cast<size_t>(k) * 8);
    }
    if (n)
        std::memcpy(result.inverse.data(), inverse.data(), static_cast<size_t>(n) * 8);
    return result;
}

NDArray searchsorted(const NDArray& sorted_in, const NDArray& values_in, bool side_right)
{
    DType dtype = promote_types(sorted_in.dtype, values_in.dtype);
    NDArray sorted = ascontiguous(ravel(sorted_in), dtype);
    NDArray values = ascontiguous(values_in, dtype);
    NDArray result = NDArray::empty(DType::Int64, values.shape);
    int64_t n = sorted.size();
    dispatch_dtype(dtype, [&]<typename T>() {
        const T* s = reinterpret_cast<const T*>(sorted.data());
        const T* v = reinterpret_cast<const T*>(values.data());
        int64_t* out = reinterpret_cast<int64_t*>(result.data());
        for (int64_t i = 0; i < values.size(); ++i) {
            const T* position = side_right ? std::upper_bound(s, s + n, v[i], sort_less<T>) : std::lower_bound(s, s + n, v[i], sort_less<T>);
            out[i] = position - s;
        }
    });
    return result;
}

NDArray isin(const NDArray& element, const NDArray& test_elements, bool invert)
{
    DType dtype = promote_types(element.dtype, test_elements.dtype);
    NDArray test = sort(ascontiguous(ravel(test_elements), dtype), 0);
    NDArray values = ascontiguous(element, dtype);
    NDArray result = NDArray::empty(DType::Bool, element.shape);
    int64_t n = test.size();
    dispatch_dtype(dtype, [&]<typename T>() {
        const T* s = reinterpret_cast<const T*>(test.data());
        const T* v = reinterpret_cast<const T*>(values.data());
        bool* out = reinterpret_cast<bool*>(result.data());
        for (int64_t i = 0; i < values.size(); ++i) {
            bool found = std::binary_search(s, s + n, v[i], sort_less<T>);
            if constexpr (std::is_floating_point_v<T>)
                if (std::isnan(v[i]))
                    found = false;
            out[i] = found != invert;
        }
    });
    return result;
}

} // namespace ramba::engine
