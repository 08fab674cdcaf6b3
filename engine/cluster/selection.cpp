// Selections from distributed arrays that move only what is selected: a[mask] (Compress on every
// worker, the result distributed) and a short list of rows, a[[i, j, k]] (only those rows come to
// the driver). See dist.hpp.
#include <algorithm>
#include <cstring>
#include <map>
#include <numeric>

#include "engine/array/cast.hpp"
#include "engine/cluster/cluster.hpp"
#include "engine/cluster/dist.hpp"
#include "engine/cluster/dist_detail.hpp"
#include "base/error.hpp"

namespace ramba::cluster {

using engine::DType;
using engine::NDArray;

std::shared_ptr<DistArray> compress(const DistView& a, const DistView& mask)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || a.base->is_local() || mask.base->is_local() || a.shape.empty() || a.shape != mask.shape
        || mask.dtype() != DType::Bool || !a.row_aligned() || !mask.row_aligned())
        return nullptr;
    int n = cluster->size();
    // Each worker must hold the same rows of both.
    std::vector<int64_t> bounds = view_bounds(a, n);
    if (view_bounds(mask, n) != bounds)
        return nullptr;
    cluster->check_alive();
    std::vector<int> all(static_cast<size_t>(n));
    std::iota(all.begin(), all.end(), 0);
    auto request = [&](int w, uint64_t out_id, int64_t out_row_begin) {
        return protocol::Compress { rows_ref(a, bounds, w), rows_ref(mask, bounds, w), out_id, out_row_begin };
    };
    uint64_t sequence = cluster->next_sequence();
    for (int w = 0; w < n; ++w)
        cluster->send(w, protocol::encode(protocol::MessageType::Compress, sequence, request(w, 0, 0)));
    auto replies = cluster->collect(all, sequence);
    std::vector<int64_t> result_bounds { 0 };
    for (int w = 0; w < n; ++w) {
        int64_t count = -1;
        if (replies[w].frames.size() == 1 && replies[w].frames[0].size() == 8)
            std::memcpy(&count, replies[w].frames[0].data(), 8);
        if (count < 0 || count > a.size())
            throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(w) + " sent a bad count");
        result_bounds.push_back(result_bounds.back() + count);
    }
    auto result = std::make_shared<DistArray>();
    result->dtype = a.dtype();
    result->shape = { result_bounds.back() };
    result->bounds = result_bounds;
    uint64_t id = next_id();
    sequence = cluster->next_sequence();
    for (int w = 0; w < n; ++w)
        cluster->send(w, protocol::encode(protocol::MessageType::Compress, sequence, request(w, id, result_bounds[w])));
    result->id = id; // set before collecting: a failure frees whatever tiles were made
    cluster->collect(all, sequence);
    return result;
}

std::optional<NDArray> take_rows(const DistView& view, std::span<const int64_t> rows)
{
    Cluster* cluster = Cluster::get();
    const DistArray& base = *view.base;
    if (!cluster || base.is_local() || view.shape.empty())
        return std::nullopt;
    for (int64_t r : rows) {
        if (r < 0 || r >= view.shape[0])
            return std::nullopt;
    }
    // Whole base rows: the view's rows are the base's rows from row_offset() on.
    engine::Shape row_shape(view.shape.begin() + 1, view.shape.end());
    engine::Shape base_row_shape(base.shape.begin() + 1, base.shape.end());
    int64_t row = base.row_elements();
    engine::Strides c_strides = engine::c_strides(base.shape, 1); // in elements
    if (!view.row_aligned() || row_shape != base_row_shape || view.offset % row != 0
        || !std::equal(view.strides.begin() + 1, view.strides.end(), c_strides.begin() + 1, c_strides.end())) {
        // Any other view (a reshape, a transpose, a column): each row by itself, a gather of its part.
        if (rows.size() > 64)
            return std::nullopt;
        engine::Shape shape = view.shape;
        shape[0] = static_cast<int64_t>(rows.size());
        NDArray result = NDArray::empty(view.dtype(), shape);
        int64_t row_bytes = shape[0] ? result.nbytes() / shape[0] : 0;
        for (size_t j = 0; j < rows.size(); ++j) {
            DistView one = view;
            one.offset += rows[j] * view.strides[0];
            one.shape[0] = 1;
            NDArray part = engine::ascontiguous(gather(one));
            if (row_bytes)
                std::memcpy(result.data() + static_cast<int64_t>(j) * row_bytes, part.data(), static_cast<size_t>(row_bytes));
        }
        return result;
    }
    cluster->check_alive();
    int64_t row_bytes = row * static_cast<int64_t>(engine::dtype_itemsize(base.dtype));
    // Neighbouring rows travel together (up to 8 unwanted rows between two wanted ones).
    std::vector<int64_t> wanted(rows.begin(), rows.end());
    std::sort(wanted.begin(), wanted.end());
    wanted.erase(std::unique(wanted.begin(), wanted.end()), wanted.end());
    std::vector<std::pair<int64_t, int64_t>> ranges; // base rows [first, second)
    int64_t o = view.row_offset();
    for (int64_t r : wanted) {
        if (!ranges.empty() && r + o - ranges.back().second <= 8)
            ranges.back().second = r + o + 1;
        else
            ranges.emplace_back(r + o, r + o + 1);
    }
    // One Gather per range and worker, all under one sequence: a worker answers them in order.
    uint64_t sequence = cluster->next_sequence();
    std::vector<int> asked;
    std::vector<int64_t> firsts;
    for (auto [first, last] : ranges) {
        for (int w = 0; w < cluster->size(); ++w) {
            int64_t lo = std::max(first, base.bounds[w]), hi = std::min(last, base.bounds[w + 1]);
            if (lo >= hi)
                continue;
            cluster->send(w, protocol::encode(protocol::MessageType::Gather, sequence, protocol::Gather { base.id, lo, hi }));
            asked.push_back(w);
            firsts.push_back(lo);
        }
    }
    auto replies = cluster->collect(asked, sequence);
    std::map<int64_t, const std::byte*> where; // base row -> its bytes
    for (size_t k = 0; k < replies.size(); ++k) {
        if (replies[k].frames.size() != 1 || replies[k].frames[0].size() % static_cast<size_t>(row_bytes ? row_bytes : 1) != 0)
            throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(asked[k]) + " sent rows of the wrong size");
        auto* bytes = static_cast<const std::byte*>(replies[k].frames[0].data());
        int64_t count = row_bytes ? static_cast<int64_t>(replies[k].frames[0].size()) / row_bytes : 0;
        for (int64_t i = 0; i < count; ++i)
            where[firsts[k] + i] = bytes + i * row_bytes;
    }
    engine::Shape shape = view.shape;
    shape[0] = static_cast<int64_t>(rows.size());
    NDArray result = NDArray::empty(base.dtype, shape);
    for (size_t j = 0; j < rows.size(); ++j) {
        auto it = where.find(rows[j] + o);
        if (it == where.end())
            throw RambaError(ErrorKind::WorkerError, "a row was not sent");
        if (row_bytes)
            std::memcpy(result.data() + static_cast<int64_t>(j) * row_bytes, it->second, static_cast<size_t>(row_bytes));
    }
    return result;
}

} // namespace ramba::cluster
