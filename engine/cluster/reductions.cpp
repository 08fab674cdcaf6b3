// Axis reductions (per-worker partials folded by the driver, or rows reduced where they live) and
// scans (cumsum, cumprod: each worker scans its rows from the carry of the rows before).
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
    if (!vm::reduce_combines_partials(op))
        return std::nullopt;
    vm::OpCode combine = vm::reduce_combining_op(op);
    bool takes_dtype = vm::reduce_takes_dtype(op);
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

} // namespace ramba::cluster
