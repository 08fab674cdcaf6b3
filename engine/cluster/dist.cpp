// Distributed arrays and kernels on workers. The driver plans everything: which rows each worker
// computes, which rows of which inputs it lacks and which peer sends them; workers only execute.
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

namespace {

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

} // namespace

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

namespace {

// Where each worker's part of a kernel writes.
struct OutputPlan {
    bool into_existing { false };  // a view of a distributed array (assignment), else fresh tiles
    const DistView* target { nullptr };
    // A target inside the rows of one worker: those base rows [begin, end), the view's offset
    // counted from the first of them (the other workers have nothing to do).
    bool single_owner { false };
    int64_t owner_row_begin { 0 }, owner_row_end { 0 };
    int64_t row_step { 1 }; // a target of every k-th base row (DistView::row_step)
    std::vector<uint64_t> new_ids; // per program output (0 for reduce outputs)
};

// Tile: a row-aligned view, each worker reading the base rows its kernel rows need (halos from
// neighbours). Span: any other view with the kernel's rows (a reshape, a transpose, a strided
// slice): each worker assembles the base rows its part of the view touches, from its peers.
// RowSlices / Whole: driver data (or a view gathered to the driver), sliced by rows or sent whole.
struct LeafPlan {
    enum class Kind { Tile, Span, RowSlices, Whole } kind { Kind::Whole };
    const DistView* view { nullptr }; // Tile / Span
    NDArray local;                    // RowSlices / Whole (C-contiguous)
};

// Base rows [first, last) that rows [r0, r1) of a view touch (empty when r0 == r1).
std::pair<int64_t, int64_t> base_rows(const DistView& view, int64_t r0, int64_t r1)
{
    int64_t row = view.base->row_elements();
    if (r1 <= r0 || view.size() == 0 || row == 0)
        return { 0, 0 };
    DistView part = view;
    part.shape[0] = r1 - r0;
    part.offset += r0 * view.strides[0];
    auto [low, high] = reach(part);
    return { low / row, high / row + 1 };
}

// Bytes that move worker to worker when worker w reads rows [rows[w], rows[w+1]) of a Span view.
int64_t span_traffic(const DistView& view, std::span<const int64_t> rows)
{
    const DistArray& base = *view.base;
    int n = static_cast<int>(rows.size()) - 1;
    int64_t row_bytes = base.row_elements() * static_cast<int64_t>(engine::dtype_itemsize(base.dtype)), moved = 0;
    for (int w = 0; w < n; ++w) {
        auto [first, last] = base_rows(view, rows[w], rows[w + 1]);
        for (int v = 0; v < n; ++v) {
            if (v != w)
                moved += std::max<int64_t>(0, std::min(last, base.bounds[v + 1]) - std::max(first, base.bounds[v])) * row_bytes;
        }
    }
    return moved;
}

bool is_tile_leaf(const DistView& view, const Shape& space)
{
    return !view.base->is_local() && view.row_aligned() && view.shape.size() == space.size() && !space.empty() && view.shape[0] == space[0];
}

// A view the workers read in place of a gather: cheaper worker to worker than through the driver
// (which moves the rows it touches in, then the view's elements out). A transpose on many workers
// is not: each worker would need nearly every row.
bool is_span_leaf(const DistView& view, const Shape& space, std::span<const int64_t> rows)
{
    if (view.base->is_local() || view.row_aligned() || view.shape.size() != space.size() || space.empty() || view.shape[0] != space[0]
        || view.size() == 0 || view.base->row_elements() == 0)
        return false;
    int64_t itemsize = static_cast<int64_t>(engine::dtype_itemsize(view.dtype()));
    auto [first, last] = base_rows(view, 0, view.shape[0]);
    int64_t through_driver = (last - first) * view.base->row_elements() * itemsize + view.size() * itemsize;
    return span_traffic(view, rows) <= through_driver;
}

// Where each input of the program comes from: rows of a distributed array, or driver data.
// `rows`: the kernel rows of each worker.
std::vector<LeafPlan> plan_leaves(const vm::Program& program, const Shape& space, std::span<const int64_t> rows)
{
    std::vector<LeafPlan> leaves;
    for (size_t k = 0; k < program.inputs.size(); ++k) {
        auto* node = static_cast<const Node*>(program.input_origins[k]);
        LeafPlan leaf;
        if (node->dist && is_tile_leaf(*node->dist, space)) {
            leaf.kind = LeafPlan::Kind::Tile;
            leaf.view = node->dist.get();
        } else if (node->dist && is_span_leaf(*node->dist, space, rows)) {
            leaf.kind = LeafPlan::Kind::Span;
            leaf.view = node->dist.get();
        } else {
            NDArray data = node->dist ? gather(*node->dist) : node->array;
            leaf.local = contiguous(data);
            bool spans_rows = data.shape.size() == space.size() && !space.empty() && data.shape[0] == space[0] && space[0] > 1;
            leaf.kind = spans_rows ? LeafPlan::Kind::RowSlices : LeafPlan::Kind::Whole;
        }
        leaves.push_back(std::move(leaf));
    }
    return leaves;
}

// Which of a program's outputs are reductions (their partials come back; the others are stored).
std::vector<bool> reduce_outputs(const vm::Program& program)
{
    std::vector<bool> reduced(program.outputs.size(), false);
    for (auto& instruction : program.code) {
        if (instruction.kind == vm::InstructionKind::Reduce)
            reduced[static_cast<size_t>(instruction.index)] = true;
    }
    return reduced;
}

// Sends one Run per worker (rows[w] .. rows[w+1] of the space), collects the replies, and returns
// the reductions' partials concatenated in worker order, one byte string per Reduce.
std::vector<std::vector<std::byte>> execute(const vm::Program& program, std::span<const LeafPlan> leaves, const Shape& space,
    std::span<const int64_t> rows, const OutputPlan& outputs)
{
    Cluster& cluster = *Cluster::get();
    cluster.check_alive();
    int n = cluster.size();
    int64_t row_elements = space.empty() || space[0] == 0 ? 0 : product(space) / space[0];
    uint64_t sequence = cluster.next_sequence();
    auto code = tiles::encode_code(program);
    std::vector<uint8_t> registers;
    for (auto dtype : program.registers)
        registers.push_back(static_cast<uint8_t>(dtype));

    std::vector<protocol::Run> runs(n);
    std::vector<std::vector<zmq::message_t>> frames(n);
    auto reduced = reduce_outputs(program);
    for (int w = 0; w < n; ++w) {
        int64_t r0 = rows[w], r1 = rows[w + 1];
        auto& run = runs[w];
        run.shape = space;
        run.shape[0] = r1 - r0;
        run.index_offset = r0 * row_elements;
        run.registers = registers;
        run.code = code;
        for (size_t k = 0; k < leaves.size(); ++k) {
            auto& leaf = leaves[k];
            protocol::ArrayRef ref;
            if (leaf.kind == LeafPlan::Kind::Tile) {
                const DistView& view = *leaf.view;
                DistArray& base = *view.base;
                int64_t o = view.row_offset();
                ref.kind = 1;
                ref.dtype = static_cast<uint8_t>(base.dtype);
                ref.shape = view.shape;
                ref.shape[0] = r1 - r0;
                ref.strides = view.strides;
                ref.offset = view.offset - o * base.row_elements();
                ref.id = base.id;
                ref.row_begin = r0 + o;
                ref.row_end = r1 + o;
                for (int v = 0; v < n && r1 > r0; ++v) {
                    int64_t lo = std::max(r0 + o, base.bounds[v]), hi = std::min(r1 + o, base.bounds[v + 1]);
                    if (v == w || lo >= hi)
                        continue;
                    runs[v].sends.push_back(protocol::HaloSend { static_cast<uint32_t>(w), static_cast<uint32_t>(k), base.id, lo, hi });
                    ++run.halo_count;
                }
            } else if (leaf.kind == LeafPlan::Kind::Span) {
                const DistView& view = *leaf.view;
                DistArray& base = *view.base;
                auto [first, last] = base_rows(view, r0, r1);
                ref.kind = 1;
                ref.dtype = static_cast<uint8_t>(base.dtype);
                ref.shape = view.shape;
                ref.shape[0] = r1 - r0;
                ref.strides = view.strides;
                ref.id = base.id;
                if (first == last) {
                    // No rows here: an empty view at the start of this worker's own rows.
                    ref.offset = 0;
                    ref.row_begin = ref.row_end = base.bounds[w];
                } else {
                    ref.offset = view.offset + r0 * view.strides[0] - first * base.row_elements();
                    ref.row_begin = first;
                    ref.row_end = last;
                }
                for (int v = 0; v < n && first < last; ++v) {
                    int64_t lo = std::max(first, base.bounds[v]), hi = std::min(last, base.bounds[v + 1]);
                    if (v == w || lo >= hi)
                        continue;
                    runs[v].sends.push_back(protocol::HaloSend { static_cast<uint32_t>(w), static_cast<uint32_t>(k), base.id, lo, hi });
                    ++run.halo_count;
                }
            } else {
                const NDArray& data = leaf.local;
                ref.kind = 0;
                ref.dtype = static_cast<uint8_t>(data.dtype);
                ref.shape = data.shape;
                int64_t begin = 0, bytes = data.nbytes();
                // A worker without rows gets no rows of an input that runs along axis 0 (a whole
                // input of one owner's assignment would not broadcast to its empty space).
                bool no_rows = r1 == r0 && data.shape.size() == space.size() && !space.empty() && data.shape[0] == space[0] && space[0] != 1;
                if (leaf.kind == LeafPlan::Kind::RowSlices || no_rows) {
                    int64_t row_bytes = data.shape[0] ? data.nbytes() / data.shape[0] : 0;
                    ref.shape[0] = r1 - r0;
                    begin = r0 * row_bytes;
                    bytes = (r1 - r0) * row_bytes;
                }
                ref.strides = c_strides_elements(ref.shape);
                ref.frame = static_cast<int32_t>(frames[w].size());
                frames[w].push_back(frame_of(data, begin, static_cast<size_t>(bytes)));
            }
            run.inputs.push_back(std::move(ref));
        }
        for (auto& constant : program.constants) {
            protocol::ArrayRef ref;
            ref.kind = 0;
            ref.dtype = static_cast<uint8_t>(constant.dtype);
            ref.frame = static_cast<int32_t>(frames[w].size());
            frames[w].emplace_back(constant.data(), constant.itemsize());
            run.constants.push_back(std::move(ref));
        }
        run.new_row_begin = r0;
        run.new_tile_shape = run.shape;
        for (size_t k = 0; k < program.outputs.size(); ++k) {
            protocol::ArrayRef ref;
            ref.dtype = static_cast<uint8_t>(program.outputs[k].dtype);
            bool is_new = false;
            if (reduced[k]) {
                ref.kind = 0; // a reduction (its partials come back)
            } else if (outputs.into_existing && outputs.single_owner) {
                const DistView& view = *outputs.target;
                ref.kind = 1;
                ref.shape = run.shape;
                ref.strides = view.strides;
                bool mine = r1 > r0;
                ref.offset = mine ? view.offset - outputs.owner_row_begin * view.base->row_elements() : 0;
                ref.id = view.base->id;
                ref.row_begin = mine ? outputs.owner_row_begin : 0;
                ref.row_end = mine ? outputs.owner_row_end : 0;
                if (!mine)
                    ref.strides.assign(view.strides.size(), 0);
            } else if (outputs.into_existing) {
                const DistView& view = *outputs.target;
                int64_t o = view.row_offset();
                ref.kind = 1;
                ref.shape = run.shape;
                ref.strides = view.strides;
                ref.offset = view.offset - o * view.base->row_elements();
                ref.id = view.base->id;
                int64_t step = outputs.row_step;
                ref.row_begin = o + step * r0;
                ref.row_end = r1 > r0 ? o + step * (r1 - 1) + 1 : ref.row_begin;
            } else {
                ref.kind = 1;
                ref.shape = run.shape;
                ref.strides = c_strides_elements(run.shape);
                ref.id = outputs.new_ids[k];
                is_new = true;
            }
            run.outputs.push_back(std::move(ref));
            run.output_is_new.push_back(is_new ? 1 : 0);
        }
    }
    std::vector<int> all(n);
    for (int w = 0; w < n; ++w) {
        all[w] = w;
        cluster.send(w, protocol::encode(protocol::MessageType::Run, sequence, runs[w]), std::move(frames[w]));
    }
    auto replies = cluster.collect(all, sequence);

    int reduce_count = 0;
    for (auto& instruction : program.code)
        reduce_count += instruction.kind == vm::InstructionKind::Reduce;
    std::vector<std::vector<std::byte>> partials(reduce_count);
    std::set<std::string> warnings;
    for (int w = 0; w < n; ++w) {
        if (static_cast<int>(replies[w].frames.size()) != reduce_count)
            throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(w) + " returned the wrong number of partials");
        for (int s = 0; s < reduce_count; ++s) {
            auto* bytes = static_cast<const std::byte*>(replies[w].frames[s].data());
            partials[s].insert(partials[s].end(), bytes, bytes + replies[w].frames[s].size());
        }
        for (auto& warning : replies[w].header->body<protocol::Done>().warnings)
            warnings.insert(warning);
    }
    for (auto& warning : warnings)
        vm::record_fp_warning(warning);
    return partials;
}

void become_array(Node& node)
{
    node.kind = NodeKind::Array;
    node.operands.clear();
    node.loop = nullptr;
}

} // namespace

bool run_group(std::span<const NodePtr> roots, const Shape& space)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || space.empty() || product(space) < min_elements())
        return false;
    engine::planner::materialize_barriers(roots, space);
    std::vector<Node*> order = engine::planner::collect_nodes(roots);
    vm::Program program = engine::planner::emit_program(order, roots, space, false);
    int64_t row_elements = product(space) / space[0];
    auto bounds = partition(space[0], row_elements, cluster->size());
    // Per-row reductions fold each row's partials by itself: rows never split between workers.
    bool has_full_reduce = false;
    for (auto& instruction : program.code)
        has_full_reduce = has_full_reduce || (instruction.kind == vm::InstructionKind::Reduce && !instruction.per_row);
    if (has_full_reduce) {
        // Partial sums must split where the local kernel's blocks split, or the bits would differ.
        for (auto bound : bounds) {
            if (bound * row_elements % vm::reduction_block != 0 && bound != space[0])
                return false;
        }
    }
    auto leaves = plan_leaves(program, space, bounds);
    OutputPlan outputs;
    auto reduced = reduce_outputs(program);
    for (size_t k = 0; k < program.outputs.size(); ++k)
        outputs.new_ids.push_back(reduced[k] ? 0 : next_id());
    auto partials = execute(program, leaves, space, bounds, outputs);

    int slot = 0;
    for (auto& instruction : program.code) {
        if (instruction.kind != vm::InstructionKind::Reduce)
            continue;
        const NDArray& output = program.outputs[instruction.index];
        NDArray result = NDArray::empty(output.dtype, output.shape);
        DType dtype = program.registers[instruction.operands[0]];
        if (instruction.per_row)
            vm::fold_row_partials(instruction.reduce, dtype, partials[slot++], space.back(), result);
        else
            vm::fold_partials(instruction.reduce, dtype, partials[slot++], result);
        Node& root = *roots[instruction.index];
        become_array(root);
        root.array = result;
    }
    for (size_t k = 0; k < roots.size(); ++k) {
        if (outputs.new_ids[k] == 0)
            continue;
        auto array = std::make_shared<DistArray>();
        array->id = outputs.new_ids[k];
        array->dtype = program.outputs[k].dtype;
        array->shape = space;
        array->bounds = bounds;
        Node& root = *roots[k];
        become_array(root);
        root.dist = DistView::whole(array);
        root.array = NDArray();
        root.array.dtype = array->dtype;
        root.array.shape = space;
    }
    return true;
}

bool assign(const DistView& target, const NodePtr& value)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || target.base->is_local() || target.shape.empty() || target.size() == 0)
        return false;
    const Shape& space = target.shape;
    // The value broadcasts to the target (a scalar, a row, an expression of the target's shape).
    Shape both[] = { value->shape, space };
    try {
        if (engine::broadcast_shapes(std::span<const Shape>(both)) != space)
            return false;
    } catch (const RambaError&) {
        return false;
    }
    DistArray& base = *target.base;
    int n = cluster->size();
    OutputPlan outputs;
    outputs.into_existing = true;
    outputs.target = &target;
    outputs.new_ids = { 0 };
    std::vector<int64_t> rows(n + 1);
    if (int64_t step = target.row_step()) {
        // View row r is base row o + step * r: worker w writes the view rows whose base rows it holds.
        int64_t o = target.row_offset();
        for (int w = 0; w <= n; ++w)
            rows[w] = std::clamp((base.bounds[w] - o + step - 1) / step, int64_t(0), space[0]);
        rows[0] = 0;
        rows[n] = space[0];
        outputs.row_step = step;
    } else {
        // A row, a column piece, a strided corner: fine when one worker holds all of it.
        auto [low, high] = reach(target);
        int64_t row = base.row_elements();
        int64_t first = low / row, last = high / row;
        int owner = -1;
        for (int w = 0; w < n; ++w) {
            if (base.bounds[w] <= first && last < base.bounds[w + 1])
                owner = w;
        }
        if (owner < 0)
            return false;
        for (int w = 0; w <= n; ++w)
            rows[w] = w <= owner ? 0 : space[0];
        outputs.single_owner = true;
        outputs.owner_row_begin = first;
        outputs.owner_row_end = last + 1;
    }
    NodePtr root = value;
    engine::planner::materialize_barriers(std::span<const NodePtr>(&root, 1), space);
    std::vector<Node*> order = engine::planner::collect_nodes(std::span<const NodePtr>(&root, 1));
    vm::Program program = engine::planner::emit_program(order, std::span<const NodePtr>(&root, 1), space, false);
    program.outputs[0].dtype = target.dtype();
    auto leaves = plan_leaves(program, space, rows);
    if (outputs.single_owner) {
        // Inputs go whole to the one worker (no row slicing, no halos).
        for (auto& leaf : leaves) {
            if (leaf.kind == LeafPlan::Kind::Tile)
                return false;
            if (leaf.kind == LeafPlan::Kind::Span)
                leaf.local = contiguous(gather(*leaf.view));
            leaf.kind = LeafPlan::Kind::Whole;
        }
    }
    execute(program, leaves, space, rows, outputs);
    ++base.version;
    return true;
}

namespace {

// One program over `space` with fresh tiles for its one output; `leaves` as plan_leaves gives.
std::shared_ptr<DistArray> run_to_new(vm::Program& program, std::span<const LeafPlan> leaves, const Shape& space)
{
    Cluster& cluster = *Cluster::get();
    int64_t row_elements = product(space) / space[0];
    auto bounds = partition(space[0], row_elements, cluster.size());
    OutputPlan outputs;
    outputs.new_ids = { next_id() };
    execute(program, leaves, space, bounds, outputs);
    auto array = std::make_shared<DistArray>();
    array->id = outputs.new_ids[0];
    array->dtype = program.outputs[0].dtype;
    array->shape = space;
    array->bounds = bounds;
    return array;
}

} // namespace

std::shared_ptr<DistArray> fill(DType dtype, const Shape& shape, const NDArray& value)
{
    if (!Cluster::get() || shape.empty())
        return nullptr;
    // numpy's errors for bad shapes and sizes come from the driver's own checks.
    int64_t elements = engine::checked_size(shape, engine::dtype_itemsize(dtype));
    uint64_t bytes = static_cast<uint64_t>(elements) * engine::dtype_itemsize(dtype);
    if (elements < min_elements() || bytes > engine::Buffer::memory_limit())
        return nullptr;
    vm::Program program = vm::store_program(vm::InstructionKind::Constant, dtype, shape);
    program.constants = { value };
    return run_to_new(program, {}, shape);
}

std::shared_ptr<DistArray> copy(const DistView& view)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || view.base->is_local() || view.shape.empty())
        return nullptr;
    LeafPlan leaf;
    leaf.view = &view;
    if (view.row_aligned()) {
        leaf.kind = LeafPlan::Kind::Tile;
    } else {
        int64_t row_elements = view.shape[0] ? view.size() / view.shape[0] : 0;
        if (!is_span_leaf(view, view.shape, partition(view.shape[0], row_elements, cluster->size())))
            return view.size() ? scatter(gather(view)) : nullptr; // through the driver: cheaper here
        leaf.kind = LeafPlan::Kind::Span;
    }
    vm::Program program = vm::store_program(vm::InstructionKind::Load, view.dtype(), view.shape);
    program.inputs = { program.outputs[0] }; // a descriptor: the data is the view's tiles
    program.input_origins = { nullptr };
    return run_to_new(program, std::span<const LeafPlan>(&leaf, 1), view.shape);
}

std::string explain_copy(const DistView& view)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || view.base->is_local() || view.shape.empty())
        return "";
    if (view.row_aligned())
        return "copied where its rows live (row-aligned view)";
    int64_t row_elements = view.shape[0] ? view.size() / view.shape[0] : 0;
    auto rows = partition(view.shape[0], row_elements, cluster->size());
    if (is_span_leaf(view, view.shape, rows))
        return "copied worker to worker (" + bytes_text(span_traffic(view, rows)) + " move between workers)";
    return "gathered to the driver and scattered again (cheaper than worker to worker here)";
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

namespace {

// A @ B for both matmul() overloads: B inline (`b_local`) or the whole distributed array `b_tiles`.
std::shared_ptr<DistArray> row_block_matmul(const DistView& a, const NDArray* b_local, const DistArray* b_tiles)
{
    Cluster* cluster = Cluster::get();
    const Shape& b_shape = b_local ? b_local->shape : b_tiles->shape;
    if (!cluster || a.base->is_local() || a.shape.size() != 2 || !a.row_aligned() || b_shape.size() < 1 || b_shape.size() > 2
        || b_shape[0] != a.shape[1])
        return nullptr;
    cluster->check_alive();
    int n = cluster->size();
    int64_t m = a.shape[0];
    NDArray b = b_local ? contiguous(*b_local) : NDArray();
    DType b_dtype = b_local ? b.dtype : b_tiles->dtype;
    DType out_dtype = engine::promote_types(a.dtype(), b_dtype);
    Shape out_shape = { m };
    if (b_shape.size() == 2)
        out_shape.push_back(b_shape[1]);
    // The product's rows follow A's: worker w computes the view rows that its base rows hold.
    std::vector<int64_t> bounds = view_bounds(a, n);
    uint64_t id = next_id();
    uint64_t sequence = cluster->next_sequence();
    std::vector<int> all(n);
    for (int w = 0; w < n; ++w) {
        all[w] = w;
        protocol::MatMul message;
        message.a = rows_ref(a, bounds, w);
        message.b.dtype = static_cast<uint8_t>(b_dtype);
        message.b.shape = b_shape;
        message.b.strides = c_strides_elements(b_shape);
        message.out_id = id;
        message.out_row_begin = bounds[w];
        message.out_dtype = static_cast<uint8_t>(out_dtype);
        std::vector<zmq::message_t> frames;
        if (b_local) {
            message.b.kind = 0;
            message.b.frame = 0;
            frames.push_back(frame_of(b, 0, static_cast<size_t>(b.nbytes())));
        } else {
            // Every worker with rows of A needs all of B: each pushes its rows of B to those peers.
            message.b.kind = 1;
            message.b.id = b_tiles->id;
            message.b.row_begin = 0;
            message.b.row_end = b_shape[0];
            auto has_rows = [&](int v) { return bounds[v] < bounds[v + 1]; };
            for (int v = 0; v < n; ++v) {
                int64_t lo = b_tiles->bounds[w], hi = b_tiles->bounds[w + 1];
                if (v != w && lo < hi && has_rows(v))
                    message.sends.push_back(protocol::HaloSend { static_cast<uint32_t>(v), 0, b_tiles->id, lo, hi });
                if (v != w && b_tiles->bounds[v] < b_tiles->bounds[v + 1] && has_rows(w))
                    ++message.halo_count;
            }
        }
        cluster->send(w, protocol::encode(protocol::MessageType::MatMul, sequence, message), std::move(frames));
    }
    auto result = std::make_shared<DistArray>();
    result->dtype = out_dtype;
    result->shape = out_shape;
    result->bounds = bounds;
    try {
        cluster->collect(all, sequence);
    } catch (...) {
        result->id = id; // whatever tiles were made are freed with it
        throw;
    }
    result->id = id;
    return result;
}

} // namespace

std::shared_ptr<DistArray> matmul(const DistView& a, const NDArray& b) { return row_block_matmul(a, &b, nullptr); }

std::shared_ptr<DistArray> matmul(const DistView& a, const DistView& b)
{
    // Only a whole distributed B is all-gathered worker to worker; the caller gathers other views.
    bool whole = !b.base->is_local() && b.offset == 0 && b.shape == b.base->shape && b.strides == c_strides_elements(b.shape);
    return whole ? row_block_matmul(a, nullptr, b.base.get()) : nullptr;
}

namespace {

protocol::ReduceRows reduce_message(vm::ReduceOp op, std::span<const int64_t> axes, bool keepdims, int64_t ddof,
    std::optional<DType> dtype = {})
{
    protocol::ReduceRows message;
    message.op = static_cast<uint8_t>(op);
    for (auto axis : axes)
        message.axes.push_back(static_cast<int32_t>(axis));
    message.keepdims = keepdims ? 1 : 0;
    message.ddof = ddof;
    message.dtype = dtype ? static_cast<int32_t>(*dtype) : -1;
    return message;
}

// The dtype a sum, product or mean accumulates in (numpy's dtype= or its default): sums and
// products of bools and integers in int64 (uint64), means of them in float64, counts in int64.
DType accumulating_dtype(vm::ReduceOp op, DType input, std::optional<DType> dtype)
{
    if (op == vm::ReduceOp::CountNonzero)
        return DType::Int64;
    if (dtype)
        return *dtype;
    char kind = engine::dtype_kind(input);
    if (op == vm::ReduceOp::Mean)
        return kind == 'b' || kind == 'i' || kind == 'u' ? DType::Float64 : input;
    return engine::sum_accumulating_dtype(input);
}

// vm::reduce's mean from its total: the total divided by the int64 count, cast to the mean's dtype.
NDArray mean_of_total(const NDArray& total, int64_t count, DType dtype)
{
    NDArray counts = NDArray::empty(DType::Int64, {});
    std::memcpy(counts.data(), &count, sizeof count);
    NDArray mean = vm::apply(vm::OpCode::TrueDivide, total, counts);
    return mean.dtype == dtype ? engine::ascontiguous(mean) : engine::astype(mean, dtype);
}

// Floating-point warnings raised while one is alive are dropped; those recorded before it stay.
struct QuietWarnings {
    std::vector<vm::FpWarning> saved = vm::take_fp_warnings();
    ~QuietWarnings()
    {
        vm::take_fp_warnings();
        for (auto& warning : saved)
            vm::record_fp_warning(warning.message);
    }
};

// The engine's reduce of one row of zeros of the view's row shape: the result's dtype and shape
// (but for the rows), at no cost.
NDArray reduce_like(const DistView& view, vm::ReduceOp op, std::span<const int64_t> axes, const vm::ReduceOptions& options)
{
    Shape one = view.shape;
    one[0] = 1;
    NDArray zeros = NDArray::empty(view.dtype(), one);
    std::memset(zeros.data(), 0, static_cast<size_t>(zeros.nbytes()));
    QuietWarnings quiet;
    return vm::reduce(op, zeros, axes, options);
}

bool reducible(const Cluster* cluster, const DistView& view, std::span<const int64_t> axes)
{
    return cluster && !view.base->is_local() && !view.shape.empty() && view.row_aligned() && !axes.empty()
        && std::is_sorted(axes.begin(), axes.end()) && axes.back() < static_cast<int64_t>(view.shape.size());
}

} // namespace

std::shared_ptr<DistArray> reduce_rows(const DistView& view, vm::ReduceOp op, std::span<const int64_t> axes, bool keepdims, int64_t ddof,
    std::optional<DType> dtype)
{
    Cluster* cluster = Cluster::get();
    if (!reducible(cluster, view, axes) || axes[0] == 0)
        return nullptr;
    cluster->check_alive();
    int n = cluster->size();
    std::vector<int64_t> bounds = view_bounds(view, n);
    uint64_t id = next_id(), sequence = cluster->next_sequence();
    std::vector<int> all(n);
    for (int w = 0; w < n; ++w) {
        all[w] = w;
        protocol::ReduceRows message = reduce_message(op, axes, keepdims, ddof, dtype);
        message.a = rows_ref(view, bounds, w);
        message.out_id = id;
        message.out_row_begin = bounds[w];
        cluster->send(w, protocol::encode(protocol::MessageType::ReduceRows, sequence, message));
    }
    vm::ReduceOptions options;
    options.keepdims = keepdims;
    options.ddof = ddof;
    options.dtype = dtype;
    NDArray like = reduce_like(view, op, axes, options);
    auto result = std::make_shared<DistArray>();
    result->dtype = like.dtype;
    result->shape = like.shape;
    result->shape[0] = view.shape[0];
    result->bounds = bounds;
    result->id = id; // set before collecting: a failure frees whatever tiles were made
    auto replies = cluster->collect(all, sequence);
    std::set<std::string> warnings;
    for (auto& reply : replies) {
        for (auto& warning : reply.header->body<protocol::Done>().warnings)
            warnings.insert(warning);
    }
    for (auto& warning : warnings)
        vm::record_fp_warning(warning);
    return result;
}

std::optional<NDArray> reduce_partials(const DistView& view, vm::ReduceOp op, std::span<const int64_t> axes, bool keepdims,
    std::optional<DType> dtype)
{
    Cluster* cluster = Cluster::get();
    if (!reducible(cluster, view, axes) || axes[0] != 0 || view.size() == 0 || engine::dtype_kind(view.dtype()) == 'c')
        return std::nullopt;
    // What each worker computes (a mean's partial is its sum), and how the partials combine.
    vm::ReduceOp partial_op = op == vm::ReduceOp::Mean ? vm::ReduceOp::Sum : op;
    vm::OpCode combine;
    switch (op) {
    case vm::ReduceOp::Min: combine = vm::OpCode::Minimum; break;
    case vm::ReduceOp::Max: combine = vm::OpCode::Maximum; break;
    case vm::ReduceOp::Any: combine = vm::OpCode::LogicalOr; break;
    case vm::ReduceOp::All: combine = vm::OpCode::LogicalAnd; break;
    case vm::ReduceOp::Sum: case vm::ReduceOp::Mean: case vm::ReduceOp::CountNonzero: combine = vm::OpCode::Add; break;
    case vm::ReduceOp::Prod: combine = vm::OpCode::Multiply; break;
    default: return std::nullopt;
    }
    bool takes_dtype = op == vm::ReduceOp::Sum || op == vm::ReduceOp::Prod || op == vm::ReduceOp::Mean;
    if (dtype && !takes_dtype)
        return std::nullopt;
    // Integer sums and products wrap the same way in any order; float ones do not.
    std::optional<DType> partial_dtype;
    if (takes_dtype || op == vm::ReduceOp::CountNonzero) {
        DType accumulating = accumulating_dtype(op, view.dtype(), dtype);
        char kind = engine::dtype_kind(accumulating);
        if (kind != 'b' && kind != 'i' && kind != 'u')
            return std::nullopt;
        if (takes_dtype)
            partial_dtype = accumulating;
    }
    cluster->check_alive();
    int n = cluster->size();
    std::vector<int64_t> bounds = view_bounds(view, n);
    uint64_t sequence = cluster->next_sequence();
    std::vector<int> asked;
    for (int w = 0; w < n; ++w) {
        if (bounds[w] == bounds[w + 1])
            continue; // no rows, no partial (an empty min has none)
        protocol::ReduceRows message = reduce_message(partial_op, axes, true, 0, partial_dtype);
        message.a = rows_ref(view, bounds, w);
        cluster->send(w, protocol::encode(protocol::MessageType::ReduceRows, sequence, message));
        asked.push_back(w);
    }
    auto replies = cluster->collect(asked, sequence);
    // Each partial has the keepdims shape; they combine in row order.
    Shape kept = view.shape;
    for (auto axis : axes)
        kept[axis] = 1;
    vm::ReduceOptions like_options;
    like_options.dtype = partial_dtype;
    DType result_dtype = reduce_like(view, partial_op, axes, like_options).dtype;
    NDArray result;
    std::set<std::string> warnings;
    // Combining the partials warns of nothing numpy's reduction would not have (the workers' own
    // warnings are numpy's).
    std::optional<QuietWarnings> quiet(std::in_place);
    for (size_t k = 0; k < replies.size(); ++k) {
        if (replies[k].frames.size() != 1
            || static_cast<int64_t>(replies[k].frames[0].size()) != product(kept) * static_cast<int64_t>(engine::dtype_itemsize(result_dtype)))
            throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(asked[k]) + " sent a partial of the wrong size");
        NDArray partial = NDArray::empty(result_dtype, kept);
        std::memcpy(partial.data(), replies[k].frames[0].data(), replies[k].frames[0].size());
        result = k == 0 ? partial : vm::apply(combine, result, partial);
        if (result.dtype != result_dtype)
            result = engine::ascontiguous(result, result_dtype);
        for (auto& warning : replies[k].header->body<protocol::Done>().warnings)
            warnings.insert(warning);
    }
    if (op == vm::ReduceOp::Mean)
        result = mean_of_total(result, view.size() / product(kept), dtype.value_or(accumulating_dtype(op, view.dtype(), {})));
    quiet.reset();
    for (auto& warning : warnings)
        vm::record_fp_warning(warning);
    if (!keepdims) {
        Shape reduced;
        for (size_t axis = 0; axis < kept.size(); ++axis) {
            if (!std::binary_search(axes.begin(), axes.end(), static_cast<int64_t>(axis)))
                reduced.push_back(kept[axis]);
        }
        result = engine::reshape(engine::ascontiguous(result), reduced);
    }
    return result;
}

std::optional<NDArray> reduce_chained(const DistView& view, vm::ReduceOp op, bool keepdims, std::optional<DType> dtype)
{
    Cluster* cluster = Cluster::get();
    int64_t zero = 0;
    std::span<const int64_t> axes(&zero, 1);
    if (!reducible(cluster, view, axes) || view.shape.size() < 2 || view.size() == 0 || engine::dtype_kind(view.dtype()) == 'c'
        || !(op == vm::ReduceOp::Sum || op == vm::ReduceOp::Prod || op == vm::ReduceOp::Mean))
        return std::nullopt;
    // The running result: numpy adds float32/float64 rows one after the other (a mean's total too).
    DType accumulating = accumulating_dtype(op, view.dtype(), dtype);
    if (accumulating != DType::Float64 && accumulating != DType::Float32)
        return std::nullopt;
    // Rows of one element reduce as one flat run (numpy's pairwise sum), not row after row.
    if (view.size() / view.shape[0] < 2)
        return std::nullopt;
    cluster->check_alive();
    int n = cluster->size();
    std::vector<int64_t> bounds = view_bounds(view, n);
    Shape kept = view.shape;
    kept[0] = 1;
    NDArray running;
    for (int w = 0; w < n; ++w) {
        if (bounds[w] == bounds[w + 1])
            continue;
        protocol::ReduceRows message = reduce_message(op == vm::ReduceOp::Prod ? op : vm::ReduceOp::Sum, axes, true, 0, accumulating);
        message.a = rows_ref(view, bounds, w);
        message.chained = 1;
        std::vector<zmq::message_t> frames;
        if (running.buffer)
            frames.push_back(frame_of(running, 0, static_cast<size_t>(running.nbytes())));
        uint64_t sequence = cluster->next_sequence();
        cluster->send(w, protocol::encode(protocol::MessageType::ReduceRows, sequence, message), std::move(frames));
        std::vector<int> one { w };
        auto replies = cluster->collect(one, sequence);
        if (replies[0].frames.size() != 1
            || static_cast<int64_t>(replies[0].frames[0].size()) != product(kept) * static_cast<int64_t>(engine::dtype_itemsize(accumulating)))
            throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(w) + " sent a running result of the wrong size");
        running = NDArray::empty(accumulating, kept);
        std::memcpy(running.data(), replies[0].frames[0].data(), replies[0].frames[0].size());
        for (auto& warning : replies[0].header->body<protocol::Done>().warnings)
            vm::record_fp_warning(warning);
    }
    if (op == vm::ReduceOp::Mean)
        running = mean_of_total(running, view.shape[0], accumulating);
    if (!keepdims)
        running = engine::reshape(running, Shape(kept.begin() + 1, kept.end()));
    return running;
}

std::shared_ptr<DistArray> scan(const DistView& view, vm::ReduceOp op, std::optional<int64_t> axis, DType dtype)
{
    Cluster* cluster = Cluster::get();
    int64_t ndim = static_cast<int64_t>(view.shape.size());
    if (!cluster || view.base->is_local() || ndim == 0 || !view.row_aligned() || view.size() == 0
        || (op != vm::ReduceOp::Sum && op != vm::ReduceOp::Prod) || (axis && (*axis < 0 || *axis >= ndim))
        || engine::dtype_kind(view.dtype()) == 'c' || engine::dtype_kind(dtype) == 'c' || engine::cast_may_warn(view.dtype(), dtype))
        return nullptr;
    // A 1-d scan along axis 0 is the flattened one; both run on from the elements before.
    bool flatten = !axis || ndim == 1;
    int64_t along = flatten ? 0 : *axis;
    bool chained = along == 0;
    cluster->check_alive();
    int n = cluster->size();
    std::vector<int64_t> bounds = view_bounds(view, n);
    int64_t row_elements = view.size() / view.shape[0];
    auto result = std::make_shared<DistArray>();
    result->dtype = dtype;
    result->shape = flatten ? Shape { view.size() } : view.shape;
    result->bounds = bounds;
    if (flatten) {
        for (auto& bound : result->bounds)
            bound *= row_elements;
    }
    uint64_t id = next_id();
    auto message = [&](int w) {
        protocol::ScanRows scan;
        scan.a = rows_ref(view, bounds, w);
        scan.op = static_cast<uint8_t>(op);
        scan.axis = static_cast<int32_t>(along);
        scan.flatten = flatten ? 1 : 0;
        scan.dtype = static_cast<uint8_t>(dtype);
        scan.out_id = id;
        scan.out_row_begin = result->bounds[w];
        scan.chained = chained ? 1 : 0;
        return scan;
    };
    result->id = id; // set before collecting: a failure frees whatever tiles were made
    if (!chained) {
        uint64_t sequence = cluster->next_sequence();
        std::vector<int> all(n);
        for (int w = 0; w < n; ++w) {
            all[w] = w;
            cluster->send(w, protocol::encode(protocol::MessageType::ScanRows, sequence, message(w)));
        }
        cluster->collect(all, sequence);
        return result;
    }
    // First every worker makes its tile at once (its rows cast into it: the page faults and the
    // copy), so that the chain below waits for the scans alone.
    {
        uint64_t sequence = cluster->next_sequence();
        std::vector<int> all(n);
        for (int w = 0; w < n; ++w) {
            all[w] = w;
            protocol::ScanRows prepare = message(w);
            prepare.stage = 1;
            cluster->send(w, protocol::encode(protocol::MessageType::ScanRows, sequence, prepare));
        }
        cluster->collect(all, sequence);
    }
    // numpy's loop runs along the rows (the elements) in order: each worker goes on from the last
    // line of the rows before its own, and hands its own last line to the next.
    int64_t line_bytes = (flatten ? 1 : row_elements) * static_cast<int64_t>(engine::dtype_itemsize(dtype));
    std::optional<zmq::message_t> carry;
    for (int w = 0; w < n; ++w) {
        if (bounds[w] == bounds[w + 1])
            continue; // its empty tile is made; the carry passes it by
        std::vector<zmq::message_t> frames;
        if (carry)
            frames.emplace_back(carry->data(), carry->size());
        protocol::ScanRows scan = message(w);
        scan.stage = 2;
        uint64_t sequence = cluster->next_sequence();
        cluster->send(w, protocol::encode(protocol::MessageType::ScanRows, sequence, scan), std::move(frames));
        std::vector<int> one { w };
        auto replies = cluster->collect(one, sequence);
        if (replies[0].frames.size() != 1 || static_cast<int64_t>(replies[0].frames[0].size()) != line_bytes)
            throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(w) + " sent a carry of the wrong size");
        carry = std::move(replies[0].frames[0]);
    }
    return result;
}

std::shared_ptr<DistArray> argsort_rows(const DistArray& array, int64_t axis)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || array.is_local() || axis < 1 || axis >= static_cast<int64_t>(array.shape.size()))
        return nullptr;
    cluster->check_alive();
    uint64_t sequence = cluster->next_sequence(), id = next_id();
    std::vector<int> all(cluster->size());
    auto header = protocol::encode(protocol::MessageType::SortRows, sequence, protocol::SortRows { array.id, static_cast<int32_t>(axis), id });
    for (int w = 0; w < cluster->size(); ++w) {
        all[w] = w;
        cluster->send(w, header);
    }
    auto result = std::make_shared<DistArray>();
    result->dtype = DType::Int64;
    result->shape = array.shape;
    result->bounds = array.bounds;
    result->id = id; // set before collecting: a failure frees whatever tiles were made
    cluster->collect(all, sequence);
    return result;
}

bool sort_rows(DistArray& array, int64_t axis)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || array.is_local() || axis < 1 || axis >= static_cast<int64_t>(array.shape.size()))
        return false;
    cluster->check_alive();
    uint64_t sequence = cluster->next_sequence();
    std::vector<int> all(cluster->size());
    auto header = protocol::encode(protocol::MessageType::SortRows, sequence, protocol::SortRows { array.id, static_cast<int32_t>(axis) });
    for (int w = 0; w < cluster->size(); ++w) {
        all[w] = w;
        cluster->send(w, header);
    }
    cluster->collect(all, sequence);
    ++array.version;
    return true;
}

std::string explain_placement(std::span<const NodePtr> roots, const Shape& space)
{
    Cluster* cluster = Cluster::get();
    if (!cluster || space.empty() || product(space) < min_elements())
        return "";
    int n = cluster->size();
    int64_t row_elements = product(space) / space[0];
    auto bounds = partition(space[0], row_elements, n);
    std::string text = "  on " + std::to_string(n) + " workers, rows of " + engine::shape_to_string(space) + ":";
    for (int w = 0; w < n; ++w) {
        text += " w" + std::to_string(w) + "@" + cluster->worker(w).host + " [" + std::to_string(bounds[w]) + ", "
            + std::to_string(bounds[w + 1]) + ")";
    }
    text += "\n";
    std::vector<Node*> order = engine::planner::collect_nodes(roots);
    vm::Program program = engine::planner::emit_program(order, roots, space, false);
    for (size_t input = 0; input < program.inputs.size(); ++input) {
        auto* node = static_cast<const Node*>(program.input_origins[input]);
        text += "  in" + std::to_string(input) + ": ";
        if (node->dist && is_span_leaf(*node->dist, space, bounds)) {
            text += "distributed view (reshaped, transposed or strided), read worker to worker: " + bytes_text(span_traffic(*node->dist, bounds))
                + " move between workers\n";
        } else if (node->dist && is_tile_leaf(*node->dist, space)) {
            const DistView& view = *node->dist;
            int64_t o = view.row_offset();
            int64_t row_bytes = view.base->row_elements() * static_cast<int64_t>(engine::dtype_itemsize(view.dtype()));
            std::string moves;
            for (int w = 0; w < n; ++w) {
                for (int v = 0; v < n; ++v) {
                    int64_t lo = std::max(bounds[w] + o, view.base->bounds[v]), hi = std::min(bounds[w + 1] + o, view.base->bounds[v + 1]);
                    if (v != w && lo < hi)
                        moves += " w" + std::to_string(v) + "->w" + std::to_string(w) + " rows [" + std::to_string(lo) + ", " + std::to_string(hi)
                            + ") " + bytes_text((hi - lo) * row_bytes) + ";";
                }
            }
            text += "distributed" + (moves.empty() ? std::string(", aligned (no traffic)") : ", halo:" + moves) + "\n";
        } else if (node->dist) {
            text += "distributed, gathered to the driver and sent to every worker\n";
        } else {
            int64_t bytes = node->array.nbytes();
            bool spans = node->array.shape.size() == space.size() && node->array.shape[0] == space[0] && space[0] > 1;
            text += std::string(spans ? "driver array, its rows sent to their workers (" : "driver array, sent to every worker (")
                + bytes_text(bytes) + ")\n";
        }
    }
    return text;
}

} // namespace ramba::cluster
