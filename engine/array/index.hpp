// Indexing of NDArrays as numpy does it: basic indices (integers, slices, None, ...) give views;
// integer arrays and boolean masks (advanced indexing) give copies; assignment through both.
#pragma once

#include <optional>
#include <span>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

struct IndexItem {
    enum class Kind : uint8_t { Integer, Slice, NewAxis, Ellipsis, Array, Mask };
    Kind kind { Kind::Integer };
    int64_t integer { 0 };
    std::optional<int64_t> start, stop, step; // Slice (Python's None = nullopt)
    NDArray array;                            // Array (any integer dtype) or Mask (bool)

    static IndexItem make_integer(int64_t i) { IndexItem item; item.integer = i; return item; }
    static IndexItem make_slice(std::optional<int64_t> start, std::optional<int64_t> stop, std::optional<int64_t> step)
    {
        IndexItem item;
        item.kind = Kind::Slice;
        item.start = start;
        item.stop = stop;
        item.step = step;
        return item;
    }
    static IndexItem make(Kind kind) { IndexItem item; item.kind = kind; return item; }
    static IndexItem make_array(NDArray a)
    {
        IndexItem item;
        item.kind = a.dtype == DType::Bool ? Kind::Mask : Kind::Array;
        item.array = std::move(a);
        return item;
    }
};

struct IndexResult {
    NDArray array;
    bool is_scalar { false }; // every axis taken by an integer: numpy returns a scalar
};

// Python's slice.indices(): normalised start and the element count for a slice over `length`.
void slice_indices(std::optional<int64_t> start, std::optional<int64_t> stop, std::optional<int64_t> step,
    int64_t length, int64_t& out_start, int64_t& out_step, int64_t& out_count);

IndexResult index_get(const NDArray&, std::span<const IndexItem>);
// a[index] = value: value is broadcast to the indexed shape and cast to a's dtype.
void index_set(const NDArray&, std::span<const IndexItem>, const NDArray& value);

// np.nonzero for any array: one int64 index array per axis.
std::vector<NDArray> nonzero(const NDArray&);

} // namespace ramba::engine
