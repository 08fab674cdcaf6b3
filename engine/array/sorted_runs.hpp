// Sorted runs: the element-level pieces of the cluster's sample sort (engine/cluster/sample_sort.cpp).
// A key is the element at `position` of worker `worker`'s sorted run. Keys order by value (numpy's
// order, sort_less), then by worker, then by position: a total order in which equal values keep their
// original order (each run is sorted stably and workers hold consecutive parts of the array), so a
// merged argsort is stable, as the local engine's is, and equal values split between workers cleanly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

struct RunKey {
    const std::byte* value; // one element of the run's dtype
    uint32_t worker;
    int64_t position;
};

// How many elements of `run` (1-d, C-contiguous, sorted, worker `run_worker`'s) order before `key`.
int64_t count_before(const NDArray& run, uint32_t run_worker, const RunKey& key);

// The permutation that puts the keys (values[i], workers[i], positions[i]) in key order.
std::vector<int64_t> key_order(const NDArray& values, std::span<const uint32_t> workers, std::span<const int64_t> positions);

// Merges sorted 1-d runs (C-contiguous, all of out's dtype) into `out` (1-d, C-contiguous, their total
// length); equal values keep run order. With `out_indices`, `run_indices` (int64, one per run) move
// with their values.
void merge_runs(std::span<const NDArray> runs, std::span<const NDArray> run_indices, NDArray& out, NDArray* out_indices);

} // namespace ramba::engine
