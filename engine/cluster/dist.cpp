// Distributed arrays: their lifetime on the workers (ids, partition, scatter, gather, free) and
// the views of them. The driver plans everything; workers only execute. Kernels, matmul, reductions
// and sorts over them live in the files beside this one (README.md).
#include "engine/cluster/dist.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <numeric>
#include <set>

#include "engine/dtype/promotion.hpp"
#include "engine/array/cast.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/cluster/cluster.hpp"
#include "engine/cluster/dist_detail.hpp"
#include "engine/planner/passes/passes.hpp"
#include "engine/tiles/tile_store.hpp"
#include "engine/vm/program.hpp"
#include "engine/vm/ufunc.hpp"
#include "base/error.hpp"

namespace ramba::cluster {

using engine::DType;
using engine::NDArray;
using engine::Shape;
using engine::planner::Node;
using engine::planner::NodeKind;
using engine::planner::NodePtr;

uint64_t next_id()
{
    static uint64_t id = 0;
    return ++id;
}

int64_t product(const Shape& shape)
{
    int64_t n = 1;
    for (auto extent : shape)
        n *= extent;
    return n;
}

std::vector<int64_t> c_strides_elements(const Shape& shape)
{
    std::vector<int64_t> strides(shape.size(), 1);
    for (size_t axis = shape.size(); axis-- > 1;)
        strides[axis - 1] = strides[axis] * shape[axis];
    return strides;
}

// The element range a view touches, relative to the base's first element: [low, high].
std::pair<int64_t, int64_t> reach(const DistView& view)
{
    int64_t low = view.offset, high = view.offset;
    for (size_t axis = 0; axis < view.shape.size(); ++axis) {
        int64_t span = view.strides[axis] * (view.shape[axis] - 1);
        (span < 0 ? low : high) += span;
    }
    return { low, high };
}

NDArray contiguous(const NDArray& array)
{
    if (array.is_c_contiguous())
        return array;
    NDArray copy = NDArray::empty(array.dtype, array.shape);
    engine::assign(copy, array);
    return copy;
}

std::string bytes_text(int64_t bytes)
{
    char text[64];
    if (bytes >= (int64_t(1) << 20))
        std::snprintf(text, sizeof text, "%.1f MiB", double(bytes) / double(1 << 20));
    else if (bytes >= 1024)
        std::snprintf(text, sizeof text, "%.1f KiB", double(bytes) / 1024.0);
    else
        std::snprintf(text, sizeof text, "%lld B", static_cast<long long>(bytes));
    return text;
}

zmq::message_t frame_of(const NDArray& array, int64_t byte_offset, size_t bytes)
{
    auto* keep = new std::shared_ptr<engine::Buffer>(array.buffer);
    return zmq::message_t(array.data() + byte_offset, bytes, [](void*, void* hint) { delete static_cast<std::shared_ptr<engine::Buffer>*>(hint); },
        keep);
}

int64_t DistArray::row_elements() const
{
    int64_t n = 1;
    for (size_t axis = 1; axis < shape.size(); ++axis)
        n *= shape[axis];
    return n;
}

DistArray::~DistArray()
{
    Cluster* cluster = Cluster::get();
    if (!cluster || id == 0)
        return;
    try {
        auto header = protocol::encode(protocol::MessageType::Free, 0, protocol::Free { { id } });
        for (int w = 0; w < cluster->size(); ++w)
            cluster->send(w, header);
    } catch (...) {
        // a dead cluster has no tiles to free
    }
}

int64_t DistView::size() const { return product(shape); }

bool DistView::row_aligned() const { return row_step() == 1; }

int64_t DistView::row_step() const
{
    // Dimensions may differ from the base's (a column m[:, 0], a reshape that keeps the rows).
    int64_t row = base->row_elements();
    if (shape.empty() || row == 0 || strides[0] <= 0 || strides[0] % row != 0)
        return 0;
    int64_t inner = offset % row;
    if (inner < 0)
        return 0;
    // Every other axis must stay inside one row.
    int64_t low = inner, high = inner;
    for (size_t axis = 1; axis < shape.size(); ++axis) {
        if (shape[axis] == 0)
            return strides[0] / row;
        int64_t span = strides[axis] * (shape[axis] - 1);
        (span < 0 ? low : high) += span;
    }
    return low >= 0 && high < row ? strides[0] / row : 0;
}

std::shared_ptr<DistView> DistView::whole(std::shared_ptr<DistArray> base)
{
    auto view = std::make_shared<DistView>();
    view->shape = base->shape;
    view->strides = c_strides_elements(base->shape);
    view->base = std::move(base);
    return view;
}

int64_t min_elements()
{
    static int64_t value = [] {
        const char* env = std::getenv("RAMBA_CLUSTER_MIN_ELEMENTS");
        if (env && *env) {
            char* end = nullptr;
            long long n = std::strtoll(env, &end, 10);
            if (end && !*end && n >= 1)
                return static_cast<int64_t>(n);
        }
        return int64_t(1) << 16;
    }();
    return value;
}

std::vector<int64_t> partition(int64_t rows, int64_t row_elements, int workers)
{
    std::vector<int64_t> bounds(workers + 1, 0);
    int64_t unit = row_elements > 0 ? vm::reduction_block / std::gcd(row_elements, vm::reduction_block) : 1;
    bool aligned = unit * 4 <= rows / workers;
    for (int w = 0; w <= workers; ++w) {
        int64_t bound = rows * w / workers;
        if (aligned && w > 0 && w < workers)
            bound = (bound + unit / 2) / unit * unit;
        bounds[w] = std::min(bound, rows);
    }
    return bounds;
}

std::shared_ptr<DistArray> scatter(const NDArray& source)
{
    Cluster& cluster = *Cluster::get();
    cluster.check_alive();
    NDArray data = contiguous(source);
    auto array = std::make_shared<DistArray>();
    array->dtype = data.dtype;
    array->shape = data.shape;
    int64_t row_bytes = array->row_elements() * static_cast<int64_t>(data.itemsize());
    array->bounds = partition(data.shape[0], array->row_elements(), cluster.size());
    uint64_t id = next_id();
    uint64_t sequence = cluster.next_sequence();
    std::vector<int> all(cluster.size());
    for (int w = 0; w < cluster.size(); ++w) {
        all[w] = w;
        protocol::Scatter message;
        message.id = id;
        message.dtype = static_cast<uint8_t>(data.dtype);
        message.shape = data.shape;
        message.shape[0] = array->bounds[w + 1] - array->bounds[w];
        message.row_begin = array->bounds[w];
        std::vector<zmq::message_t> frames;
        frames.push_back(frame_of(data, array->bounds[w] * row_bytes, static_cast<size_t>(message.shape[0] * row_bytes)));
        cluster.send(w, protocol::encode(protocol::MessageType::Scatter, sequence, message), std::move(frames));
    }
    cluster.collect(all, sequence);
    array->id = id;
    return array;
}

NDArray local_view(const DistView& view)
{
    NDArray result;
    result.dtype = view.dtype();
    result.buffer = view.base->local.buffer;
    int64_t itemsize = static_cast<int64_t>(engine::dtype_itemsize(result.dtype));
    result.offset = view.base->local.offset + view.offset * itemsize;
    result.shape = view.shape;
    for (auto stride : view.strides)
        result.strides.push_back(stride * itemsize);
    return result;
}

namespace {

// Rows [begin, end) of a distributed array, into `out` (C-contiguous rows of the base's row shape).
void gather_rows(DistArray& array, int64_t begin, int64_t end, std::byte* out)
{
    Cluster& cluster = *Cluster::get();
    cluster.check_alive();
    int64_t row_bytes = array.row_elements() * static_cast<int64_t>(engine::dtype_itemsize(array.dtype));
    uint64_t sequence = cluster.next_sequence();
    std::vector<int> asked;
    std::vector<int64_t> firsts;
    for (int w = 0; w < cluster.size(); ++w) {
        int64_t lo = std::max(begin, array.bounds[w]), hi = std::min(end, array.bounds[w + 1]);
        if (lo >= hi)
            continue;
        cluster.send(w, protocol::encode(protocol::MessageType::Gather, sequence, protocol::Gather { array.id, lo, hi }));
        asked.push_back(w);
        firsts.push_back(lo);
    }
    auto replies = cluster.collect(asked, sequence);
    for (size_t k = 0; k < replies.size(); ++k) {
        int w = asked[k];
        int64_t lo = firsts[k], hi = std::min(end, array.bounds[w + 1]);
        if (replies[k].frames.size() != 1 || static_cast<int64_t>(replies[k].frames[0].size()) != (hi - lo) * row_bytes)
            throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(w) + " sent rows of the wrong size");
        std::memcpy(out + (lo - begin) * row_bytes, replies[k].frames[0].data(), replies[k].frames[0].size());
    }
}

} // namespace

NDArray gather(const DistView& view)
{
    if (view.base->is_local())
        return local_view(view);
    DistArray& base = *view.base;
    int64_t row = base.row_elements();
    Shape rows_shape = base.shape;
    if (view.size() == 0 || row == 0) {
        NDArray empty = NDArray::empty(base.dtype, view.shape);
        return empty;
    }
    auto [low, high] = reach(view);
    int64_t begin = low / row, end = high / row + 1;
    rows_shape[0] = end - begin;
    NDArray rows = NDArray::empty(base.dtype, rows_shape);
    gather_rows(base, begin, end, rows.data());
    NDArray result = rows;
    int64_t itemsize = static_cast<int64_t>(engine::dtype_itemsize(base.dtype));
    result.shape = view.shape;
    result.strides.clear();
    for (auto stride : view.strides)
        result.strides.push_back(stride * itemsize);
    result.offset = rows.offset + (view.offset - begin * row) * itemsize;
    return result;
}

void localize(DistArray& array)
{
    if (array.is_local())
        return;
    NDArray local = NDArray::empty(array.dtype, array.shape);
    if (array.shape[0] > 0 && array.row_elements() > 0)
        gather_rows(array, 0, array.shape[0], local.data());
    uint64_t id = array.id;
    array.local = local;
    array.id = 0;
    ++array.version;
    if (Cluster* cluster = Cluster::get()) {
        auto header = protocol::encode(protocol::MessageType::Free, 0, protocol::Free { { id } });
        for (int w = 0; w < cluster->size(); ++w)
            cluster->send(w, header);
    }
}

std::vector<int64_t> view_bounds(const DistView& view, int n)
{
    int64_t o = view.row_offset(), m = view.shape[0];
    std::vector<int64_t> bounds(n + 1);
    for (int w = 0; w <= n; ++w)
        bounds[w] = std::clamp(view.base->bounds[w] - o, int64_t(0), m);
    bounds[0] = 0;
    bounds[n] = m;
    return bounds;
}

protocol::ArrayRef rows_ref(const DistView& view, std::span<const int64_t> bounds, int w)
{
    const DistArray& base = *view.base;
    int64_t o = view.row_offset();
    protocol::ArrayRef ref;
    ref.kind = 1;
    ref.dtype = static_cast<uint8_t>(base.dtype);
    ref.shape = view.shape;
    ref.shape[0] = bounds[w + 1] - bounds[w];
    ref.strides = view.strides;
    ref.offset = view.offset - o * base.row_elements();
    ref.id = base.id;
    ref.row_begin = bounds[w] + o;
    ref.row_end = bounds[w + 1] + o;
    if (ref.row_begin == ref.row_end) {
        // No rows here: an empty view at the start of this worker's tile.
        ref.row_begin = ref.row_end = base.bounds[w];
        ref.offset = 0;
    }
    return ref;
}

} // namespace ramba::cluster
