// Fused kernels on workers: which rows each worker computes, which rows of which inputs it lacks and
// which peer sends them (halos, span reads), assignment through distributed views, fill and copy, and
// the --explain text of a kernel's placement.
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
