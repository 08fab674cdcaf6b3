// numpy's indexing rules (see index.hpp). Basic items build a strided view; advanced items
// (integer arrays, masks, and integers alongside them) are broadcast together and gathered.
// numpy: advanced dimensions go where the advanced items are when those are adjacent, else first.
#include "engine/array/index.hpp"

#include <cstring>

#include "engine/array/cast.hpp"
#include "base/error.hpp"

namespace ramba::engine {

namespace {

[[noreturn]] void index_error(std::string message) { throw RambaError(ErrorKind::IndexError, std::move(message)); }

int64_t normalize_index(int64_t index, int64_t size, size_t axis)
{
    if (index < -size || index >= size)
        index_error("index " + std::to_string(index) + " is out of bounds for axis " + std::to_string(axis)
            + " with size " + std::to_string(size));
    return index < 0 ? index + size : index;
}

int64_t consumed_dims(const IndexItem& item)
{
    switch (item.kind) {
    case IndexItem::Kind::Integer:
    case IndexItem::Kind::Slice:
    case IndexItem::Kind::Array:
        return 1;
    case IndexItem::Kind::Mask:
        return item.array.ndim() == 0 ? 0 : item.array.ndim();
    default:
        return 0;
    }
}

// Expands the ellipsis and masks (into one int array per mask axis); checks the index count.
std::vector<IndexItem> normalise(const NDArray& array, std::span<const IndexItem> items, bool& has_advanced)
{
    int64_t consumed = 0;
    int ellipses = 0;
    has_advanced = false;
    for (const auto& item : items) {
        consumed += consumed_dims(item);
        if (item.kind == IndexItem::Kind::Ellipsis)
            ++ellipses;
        if (item.kind == IndexItem::Kind::Array || item.kind == IndexItem::Kind::Mask)
            has_advanced = true;
    }
    if (ellipses > 1)
        index_error("an index can only have a single ellipsis ('...')");
    if (consumed > array.ndim())
        index_error("too many indices for array: array is " + std::to_string(array.ndim()) + "-dimensional, but "
            + std::to_string(consumed) + " were indexed");
    std::vector<IndexItem> result;
    int64_t dim = 0;
    for (const auto& item : items) {
        if (item.kind == IndexItem::Kind::Ellipsis) {
            for (int64_t i = 0; i < array.ndim() - consumed; ++i, ++dim)
                result.push_back(IndexItem::make_slice({}, {}, {}));
            continue;
        }
        if (item.kind == IndexItem::Kind::Mask) {
            if (item.array.ndim() == 0)
                index_error("0-d boolean indices are not supported");
            for (int64_t k = 0; k < item.array.ndim(); ++k) {
                if (item.array.shape[k] != array.shape[dim + k])
                    index_error("boolean index did not match indexed array along dimension " + std::to_string(dim + k)
                        + "; dimension is " + std::to_string(array.shape[dim + k])
                        + " but corresponding boolean dimension is " + std::to_string(item.array.shape[k]));
            }
            for (auto& indices : nonzero(item.array)) {
                IndexItem converted;
                converted.kind = IndexItem::Kind::Array;
                converted.array = std::move(indices);
                result.push_back(std::move(converted));
            }
            dim += item.array.ndim();
            continue;
        }
        if (item.kind == IndexItem::Kind::Array && dtype_kind(item.array.dtype) != 'i' && dtype_kind(item.array.dtype) != 'u')
            index_error("arrays used as indices must be of integer (or boolean) type");
        result.push_back(item);
        dim += consumed_dims(item);
    }
    for (; dim < array.ndim(); ++dim)
        result.push_back(IndexItem::make_slice({}, {}, {}));
    return result;
}

struct Advanced {
    size_t view_axis;
    NDArray indices; // int64, broadcast to the common shape later
};

} // namespace

void slice_indices(std::optional<int64_t> start_in, std::optional<int64_t> stop_in, std::optional<int64_t> step_in,
    int64_t length, int64_t& out_start, int64_t& out_step, int64_t& out_count)
{
    int64_t step = step_in.value_or(1);
    if (step == 0)
        throw RambaError(ErrorKind::ValueError, "slice step cannot be zero");
    int64_t start, stop;
    // CPython's PySlice_AdjustIndices.
    if (!start_in) {
        start = step < 0 ? length - 1 : 0;
    } else {
        start = *start_in;
        if (start < 0) {
            start += length;
            if (start < 0)
                start = step < 0 ? -1 : 0;
        } else if (start >= length) {
            start = step < 0 ? length - 1 : length;
        }
    }
    if (!stop_in) {
        stop = step < 0 ? -1 : length;
    } else {
        stop = *stop_in;
        if (stop < 0) {
            stop += length;
            if (stop < 0)
                stop = step < 0 ? -1 : 0;
        } else if (stop >= length) {
            stop = step < 0 ? length - 1 : length;
        }
    }
    int64_t count = 0;
    if (step < 0) {
        if (stop < start)
            count = (start - stop - 1) / (-step) + 1;
    } else if (start < stop) {
        count = (stop - start - 1) / step + 1;
    }
    out_start = start;
    out_step = step;
    out_count = count;
}

namespace {

// Applies the basic items; advanced items keep their axis whole and are recorded.
NDArray basic_view(const NDArray& array, const std::vector<IndexItem>& items, bool advanced_mode,
    std::vector<Advanced>& advanced)
{
    NDArray view = array;
    view.shape.clear();
    view.strides.clear();
    size_t dim = 0;
    for (const auto& item : items) {
        switch (item.kind) {
        case IndexItem::Kind::NewAxis:
            view.shape.push_back(1);
            view.strides.push_back(0);
            break;
        case IndexItem::Kind::Integer:
            if (advanced_mode) {
                // numpy: beside arrays, an integer is an advanced index (a 0-d array).
                NDArray scalar = NDArray::empty(DType::Int64, {});
                std::memcpy(scalar.data(), &item.integer, sizeof(int64_t));
                advanced.push_back({ view.shape.size(), scalar });
                view.shape.push_back(array.shape[dim]);
                view.strides.push_back(array.strides[dim]);
            } else {
                int64_t i = normalize_index(item.integer, array.shape[dim], dim);
                view.offset += i * array.strides[dim];
            }
            ++dim;
            break;
        case IndexItem::Kind::Slice: {
            int64_t start, step, count;
            slice_indices(item.start, item.stop, item.step, array.shape[dim], start, step, count);
            if (count > 0)
                view.offset += start * array.strides[dim];
            view.shape.push_back(count);
            view.strides.push_back(step * array.strides[dim]);
            ++dim;
            break;
        }
        case IndexItem::Kind::Array:
            advanced.push_back({ view.shape.size(), ascontiguous(item.array, DType::Int64) });
            view.shape.push_back(array.shape[dim]);
            view.strides.push_back(array.strides[dim]);
            ++dim;
            break;
        default:
            RAMBA_ASSERT(false, "ellipsis and masks were expanded by normalise()");
        }
    }
    return view;
}

// The shape and layout of an advanced-indexing result, and a way to visit its blocks.
struct Gather {
    NDArray view;                    // after basic indexing
    std::vector<Advanced> advanced;
    Shape broadcast_shape;           // common shape of the index arrays
    std::vector<NDArray> indices;    // broadcast int64 index arrays
    Shape result_shape;
    size_t insert_at { 0 };          // where the broadcast dims go in the result
    NDArray rest;                    // the view without the advanced axes (offset varies per block)
};

Gather plan_gather(const NDArray& array, const std::vector<IndexItem>& items)
{
    Gather g;
    g.view = basic_view(array, items, true, g.advanced);
    std::vector<Shape> shapes;
    for (auto& a : g.advanced)
        shapes.push_back(a.indices.shape);
    g.broadcast_shape = broadcast_shapes(shapes);
    for (auto& a : g.advanced)
        g.indices.push_back(ascontiguous(broadcast_to(a.indices, g.broadcast_shape)));
    bool adjacent = true;
    for (size_t i = 1; i < g.advanced.size(); ++i)
        if (g.advanced[i].view_axis != g.advanced[i - 1].view_axis + 1)
            adjacent = false;
    g.rest = g.view;
    g.rest.shape.clear();
    g.rest.strides.clear();
    size_t next = 0;
    size_t rest_before = 0;
    for (size_t axis = 0; axis < g.view.shape.size(); ++axis) {
        if (next < g.advanced.size() && g.advanced[next].view_axis == axis) {
            ++next;
            continue;
        }
        if (axis < g.advanced[0].view_axis)
            ++rest_before;
        g.rest.shape.push_back(g.view.shape[axis]);
        g.rest.strides.push_back(g.view.strides[axis]);
    }
    g.insert_at = adjacent ? rest_before : 0;
    g.result_shape = g.rest.shape;
    g.result_shape.insert(g.result_shape.begin() + static_cast<int64_t>(g.insert_at), g.broadcast_shape.begin(),
        g.broadcast_shape.end());
    return g;
}

// Calls f(source_block, result_block) for each point of the broadcast index shape.
template<typename F>
void for_each_block(Gather& g, const NDArray& result, F&& f)
{
    int64_t count = 1;
    for (int64_t extent : g.broadcast_shape)
        count *= extent;
    size_t bdims = g.broadcast_shape.size();
    Strides result_strides = result.strides;
    NDArray result_block = result;
    result_block.shape = g.rest.shape;
    result_block.strides.clear();
    for (size_t i = 0; i < result.shape.size(); ++i)
        if (i < g.insert_at || i >= g.insert_at + bdims)
            result_block.strides.push_back(result.strides[i]);
    Shape b_strides(bdims);
    for (size_t i = 0; i < bdims; ++i)
        b_strides[i] = result.strides[g.insert_at + i];
    std::vector<int64_t> position(bdims, 0);
    for (int64_t flat = 0; flat < count; ++flat) {
        NDArray source = g.rest;
        for (size_t k = 0; k < g.advanced.size(); ++k) {
            size_t axis = g.advanced[k].view_axis;
            int64_t index = reinterpret_cast<const int64_t*>(g.indices[k].data())[flat];
            index = normalize_index(index, g.view.shape[axis], axis);
            source.offset += index * g.view.strides[axis];
        }
        NDArray target = result_block;
        for (size_t i = 0; i < bdims; ++i)
            target.offset += position[i] * b_strides[i];
        f(source, target);
        for (size_t i = bdims; i-- > 0;) {
            if (++position[i] < g.broadcast_shape[i])
                break;
            position[i] = 0;
        }
    }
}

} // namespace

IndexResult index_get(const NDArray& array, std::span<const IndexItem> items)
{
    // OPTIMIZATION: a[mask] with a mask of a's own shape, both C-contiguous: one compress pass.
    if (items.size() == 1 && items[0].kind == IndexItem::Kind::Mask && items[0].array.shape == array.shape
        && array.ndim() > 0 && array.is_c_contiguous() && items[0].array.is_c_contiguous()) {
        const bool* mask = reinterpret_cast<const bool*>(items[0].array.data());
        int64_t n = array.size(), count = 0;
        for (int64_t i = 0; i < n; ++i)
            count += mask[i];
        // One spare element: the branch-free loop below writes out[count] when trailing mask
        // entries are false.
        NDArray result = NDArray::empty(array.dtype, { count + 1 });
        result.shape[0] = count;
        dispatch_dtype(array.dtype, [&]<typename T>() {
            const T* in = reinterpret_cast<const T*>(array.data());
            T* out = reinterpret_cast<T*>(result.data());
            int64_t j = 0;
            for (int64_t i = 0; i < n; ++i) {
                out[j] = in[i];
                j += mask[i];
            }
        });
        return { result, false };
    }

    bool has_advanced;
    std::vector<IndexItem> normalised = normalise(array, items, has_advanced);
    if (!has_advanced) {
        std::vector<Advanced> none;
        IndexResult result { basic_view(array, normalised, false, none), false };
        bool all_integers = !items.empty();
        for (const auto& item : items)
            if (item.kind != IndexItem::Kind::Integer)
                all_integers = false;
        result.is_scalar = all_integers && result.array.ndim() == 0;
        if (items.empty() && array.ndim() == 0)
            result.is_scalar = true; // a[()] on a 0-d array gives the scalar
        return result;
    }
    Gather g = plan_gather(array, normalised);
    NDArray result = NDArray::empty(array.dtype, g.result_shape);
    if (result.size() == 0) {
        // Still check bounds of the indices, as numpy does.
        for (size_t k = 0; k < g.indices.size(); ++k)
            for (int64_t i = 0; i < g.indices[k].size(); ++i)
                normalize_index(reinterpret_cast<const int64_t*>(g.indices[k].data())[i],
                    g.view.shape[g.advanced[k].view_axis], g.advanced[k].view_axis);
        return { result, false };
    }
    if (g.rest.shape.empty()) {
        // OPTIMIZATION: element gathers (a[idx], a[mask]) compute each source address directly; the
        // result is C-contiguous in the broadcast index order.
        int64_t count = result.size();
        std::byte* out = result.data();
        size_t k_count = g.advanced.size();
        std::vector<const int64_t*> index_data(k_count);
        for (size_t k = 0; k < k_count; ++k)
            index_data[k] = reinterpret_cast<const int64_t*>(g.indices[k].data());
        const std::byte* base = g.rest.data();
        dispatch_dtype(array.dtype, [&]<typename T>() {
            T* typed_out = reinterpret_cast<T*>(out);
            for (int64_t flat = 0; flat < count; ++flat) {
                const std::byte* source = base;
                for (size_t k = 0; k < k_count; ++k) {
                    size_t axis = g.advanced[k].view_axis;
                    int64_t size = g.view.shape[axis];
                    int64_t index = index_data[k][flat];
                    if (index < 0 || index >= size)
                        index = normalize_index(index, size, axis);
                    source += index * g.view.strides[axis];
                }
                std::memcpy(typed_out + flat, source, sizeof(T));
            }
        });
    } else {
        for_each_block(g, result, [&](const NDArray& source, const NDArray& target) { assign(target, source); });
    }
    return { result, false };
}

void index_set(const NDArray& array, std::span<const IndexItem> items, const NDArray& value_in)
{
    bool has_advanced;
    std::vector<IndexItem> normalised = normalise(array, items, has_advanced);
    if (!has_advanced) {
        std::vector<Advanced> none;
        NDArray view = basic_view(array, normalised, false, none);
        assign(view, value_in);
        return;
    }
    Gather g = plan_gather(array, normalised);
    // numpy: the value broadcasts to the result shape of the equivalent get.
    NDArray value = broadcast_to(value_in, g.result_shape);
    if (value.buffer == array.buffer)
        value = copy(value);
    for_each_block(g, value, [&](const NDArray& target, const NDArray& source) { assign(target, source); });
    if (array.buffer)
        ++array.buffer->version;
}

std::vector<NDArray> nonzero(const NDArray& array)
{
    NDArray a = array.ndim() == 0 ? broadcast_to(array, { 1 }) : array;
    size_t ndim = a.shape.size();
    std::vector<std::vector<int64_t>> coordinates(ndim);
    std::vector<int64_t> index(ndim, 0);
    size_t itemsize = a.itemsize();
    std::byte zero_bytes[16] {};
    for_each_element(a, [&](std::byte* p) {
        bool nonzero_value;
        if (a.dtype == DType::Float64) {
            double v;
            std::memcpy(&v, p, 8);
            nonzero_value = v != 0;
        } else if (a.dtype == DType::Float32) {
            float v;
            std::memcpy(&v, p, 4);
            nonzero_value = v != 0;
        } else if (a.dtype == DType::Complex128) {
            double v[2];
            std::memcpy(v, p, 16);
            nonzero_value = v[0] != 0 || v[1] != 0;
        } else {
            nonzero_value = std::memcmp(p, zero_bytes, itemsize) != 0;
        }
        if (nonzero_value)
            for (size_t axis = 0; axis < ndim; ++axis)
                coordinates[axis].push_back(index[axis]);
        for (size_t axis = ndim; axis-- > 0;) {
            if (++index[axis] < a.shape[axis])
                break;
            index[axis] = 0;
        }
    });
    std::vector<NDArray> result;
    for (auto& c : coordinates) {
        NDArray r = NDArray::empty(DType::Int64, { static_cast<int64_t>(c.size()) });
        if (!c.empty())
            std::memcpy(r.data(), c.data(), c.size() * sizeof(int64_t));
        result.push_back(std::move(r));
    }
    return result;
}

} // namespace ramba::engine
