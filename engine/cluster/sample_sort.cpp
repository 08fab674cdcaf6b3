// The sample sort of a 1-d distributed array (dist.hpp's sample_sort): each worker sorts its part
// into a run; the driver finds, from evenly spaced samples of the runs, keys that bracket each
// boundary of the result's partition, then the exact cut from the few elements between them; the
// runs' pieces go worker to worker, and each worker merges the pieces of its part of the result.
// Three requests (protocol::SortSample, SortBracket, SortExchange); only the samples and the
// brackets (about 2/1024 of the data in all) reach the driver.
#include <algorithm>
#include <cstring>
#include <numeric>

#include "engine/array/sorted_runs.hpp"
#include "engine/cluster/cluster.hpp"
#include "engine/cluster/dist.hpp"
#include "engine/cluster/dist_detail.hpp"
#include "base/error.hpp"

namespace ramba::cluster {

using engine::DType;
using engine::NDArray;

namespace {

// Samples per worker: 1024 per worker of the cluster (4096 at least). The brackets bring about
// 2 / samples of the data per boundary to the driver, (workers - 1) boundaries in all: about 2/1024
// of the data however many workers there are.
int64_t samples_per_worker(int workers) { return 1024 * std::max(4, workers); }

[[noreturn]] void inconsistent(const std::string& what)
{
    throw RambaError(ErrorKind::WorkerError, "sample sort: " + what);
}

// A key chosen for a boundary: sample `sample` of the merged list, or none (-1).
struct Keys {
    std::vector<int64_t> lower, upper;
};

// For every boundary j (the result's first row of worker j + 1), the largest sample whose rank is
// surely at most the boundary, and the smallest whose rank is surely at least it. A sample of worker
// w at position p has exactly p elements of w before it; of another worker v, with k of v's samples
// before it in key order, between q_v[k-1] + 1 (0 if k = 0) and q_v[k] (v's length if k is all).
Keys bracket_keys(std::span<const int64_t> order, std::span<const uint32_t> workers, std::span<const int64_t> positions,
    const std::vector<std::vector<int64_t>>& q, std::span<const int64_t> lengths, std::span<const int64_t> targets)
{
    size_t n = lengths.size();
    Keys keys { std::vector<int64_t>(targets.size(), -1), std::vector<int64_t>(targets.size(), -1) };
    std::vector<size_t> before(n, 0);
    for (int64_t index : order) {
        uint32_t w = workers[static_cast<size_t>(index)];
        int64_t low = positions[static_cast<size_t>(index)], high = low;
        for (size_t v = 0; v < n; ++v) {
            if (v == w)
                continue;
            size_t k = before[v];
            low += k ? q[v][k - 1] + 1 : 0;
            high += k < q[v].size() ? q[v][k] : lengths[v];
        }
        for (size_t j = 0; j < targets.size(); ++j) {
            if (high <= targets[j])
                keys.lower[j] = index;
            if (low >= targets[j] && keys.upper[j] < 0)
                keys.upper[j] = index;
        }
        ++before[w];
    }
    return keys;
}

} // namespace

std::shared_ptr<DistArray> sample_sort(const DistArray& array, bool argsort)
{
    Cluster* cluster = Cluster::get();
    int64_t size = 1;
    for (auto extent : array.shape)
        size *= extent;
    if (!cluster || array.is_local() || array.shape.empty() || size < std::max<int64_t>(min_elements(), 1))
        return nullptr;
    cluster->check_alive();
    int n = cluster->size();
    DType dtype = array.dtype;
    int64_t itemsize = static_cast<int64_t>(engine::dtype_itemsize(dtype));
    std::vector<int> all(static_cast<size_t>(n));
    std::iota(all.begin(), all.end(), 0);
    std::vector<int64_t> lengths(static_cast<size_t>(n));
    int64_t row = array.row_elements();
    for (int w = 0; w < n; ++w)
        lengths[w] = (array.bounds[w + 1] - array.bounds[w]) * row;
    std::vector<int64_t> result_bounds = partition(size, 1, n);
    std::vector<int64_t> targets(result_bounds.begin() + 1, result_bounds.end() - 1);

    uint64_t values_id = next_id(), indices_id = argsort ? next_id() : 0;
    struct FreeRuns {
        Cluster& cluster;
        uint64_t values_id, indices_id;
        bool exchanged { false };
        ~FreeRuns()
        {
            // Workers free their runs in the exchange; this covers a request that failed before.
            if (exchanged)
                return;
            try {
                auto header = protocol::encode(protocol::MessageType::Free, 0, protocol::Free { { values_id, indices_id } });
                for (int w = 0; w < cluster.size(); ++w)
                    cluster.send(w, header);
            } catch (...) {
            }
        }
    } free_runs { *cluster, values_id, indices_id };

    // 1. Runs and samples.
    uint64_t sequence = cluster->next_sequence();
    for (int w = 0; w < n; ++w) {
        protocol::SortSample message;
        message.id = array.id;
        message.values_id = values_id;
        message.indices_id = indices_id;
        message.index_begin = array.bounds[w] * row;
        message.samples = static_cast<uint32_t>(std::min(lengths[w], samples_per_worker(n)));
        cluster->send(w, protocol::encode(protocol::MessageType::SortSample, sequence, message));
    }
    auto replies = cluster->collect(all, sequence);
    std::vector<std::vector<int64_t>> q(static_cast<size_t>(n));
    std::vector<uint32_t> sample_workers;
    std::vector<int64_t> sample_positions;
    std::vector<std::byte> sample_bytes;
    for (int w = 0; w < n; ++w) {
        auto& frames = replies[w].frames;
        int64_t s = std::min(lengths[w], samples_per_worker(n));
        if (frames.size() != 2 || static_cast<int64_t>(frames[0].size()) != s * itemsize || static_cast<int64_t>(frames[1].size()) != s * 8)
            inconsistent("worker " + std::to_string(w) + " sent samples of the wrong size");
        q[w].resize(static_cast<size_t>(s));
        std::memcpy(q[w].data(), frames[1].data(), frames[1].size());
        for (int64_t k = 0; k < s; ++k) {
            if (q[w][k] < 0 || q[w][k] >= lengths[w] || (k && q[w][k] <= q[w][k - 1]))
                inconsistent("worker " + std::to_string(w) + " sent bad sample positions");
            sample_workers.push_back(static_cast<uint32_t>(w));
            sample_positions.push_back(q[w][k]);
        }
        auto* bytes = static_cast<const std::byte*>(frames[0].data());
        sample_bytes.insert(sample_bytes.end(), bytes, bytes + frames[0].size());
    }
    NDArray samples = NDArray::empty(dtype, { static_cast<int64_t>(sample_workers.size()) });
    if (!sample_bytes.empty())
        std::memcpy(samples.data(), sample_bytes.data(), sample_bytes.size());
    auto order = engine::key_order(samples, sample_workers, sample_positions);
    Keys keys = bracket_keys(order, sample_workers, sample_positions, q, lengths, targets);

    // 2. Where the keys fall in every run, and the elements between them.
    size_t boundaries = targets.size();
    protocol::SortBracket bracket;
    bracket.values_id = values_id;
    bracket.workers = static_cast<uint32_t>(n);
    NDArray lower_values = NDArray::empty(dtype, { static_cast<int64_t>(boundaries) });
    NDArray upper_values = NDArray::empty(dtype, { static_cast<int64_t>(boundaries) });
    std::memset(lower_values.data(), 0, static_cast<size_t>(lower_values.nbytes()));
    std::memset(upper_values.data(), 0, static_cast<size_t>(upper_values.nbytes()));
    auto set_key = [&](int64_t sample, NDArray& values, size_t j, std::vector<uint32_t>& workers, std::vector<int64_t>& positions) {
        workers.push_back(sample < 0 ? static_cast<uint32_t>(n) : sample_workers[static_cast<size_t>(sample)]);
        positions.push_back(sample < 0 ? 0 : sample_positions[static_cast<size_t>(sample)]);
        if (sample >= 0)
            std::memcpy(values.data() + static_cast<int64_t>(j) * itemsize, samples.data() + sample * itemsize, static_cast<size_t>(itemsize));
    };
    for (size_t j = 0; j < boundaries; ++j) {
        set_key(keys.lower[j], lower_values, j, bracket.lower_workers, bracket.lower_positions);
        set_key(keys.upper[j], upper_values, j, bracket.upper_workers, bracket.upper_positions);
    }
    sequence = cluster->next_sequence();
    for (int w = 0; w < n; ++w) {
        bracket.self = static_cast<uint32_t>(w);
        std::vector<zmq::message_t> frames;
        frames.push_back(frame_of(lower_values, 0, static_cast<size_t>(lower_values.nbytes())));
        frames.push_back(frame_of(upper_values, 0, static_cast<size_t>(upper_values.nbytes())));
        cluster->send(w, protocol::encode(protocol::MessageType::SortBracket, sequence, bracket), std::move(frames));
    }
    replies = cluster->collect(all, sequence);
    // counts[w][2j], counts[w][2j + 1]: worker w's elements before boundary j's lower and upper key.
    std::vector<std::vector<int64_t>> counts(static_cast<size_t>(n));
    std::vector<std::vector<int64_t>> firsts(static_cast<size_t>(n)); // where boundary j's elements start in frame 1
    for (int w = 0; w < n; ++w) {
        auto& frames = replies[w].frames;
        if (frames.size() != 2 || frames[0].size() != boundaries * 16)
            inconsistent("worker " + std::to_string(w) + " sent a bad bracket");
        counts[w].resize(2 * boundaries);
        std::memcpy(counts[w].data(), frames[0].data(), frames[0].size());
        int64_t total = 0;
        for (size_t j = 0; j < boundaries; ++j) {
            int64_t lo = counts[w][2 * j], hi = counts[w][2 * j + 1];
            if (lo < 0 || lo > hi || hi > lengths[w])
                inconsistent("worker " + std::to_string(w) + " sent a bad bracket");
            firsts[w].push_back(total);
            total += hi - lo;
        }
        if (static_cast<int64_t>(frames[1].size()) != total * itemsize)
            inconsistent("worker " + std::to_string(w) + " sent a bad bracket");
    }
    // splits[w][j]: where boundary j cuts worker w's run. Exactly targets[j] elements order before
    // the cut: those before the lower keys, and the first of the elements between the keys.
    std::vector<std::vector<int64_t>> splits(static_cast<size_t>(n), std::vector<int64_t>(boundaries));
    for (size_t j = 0; j < boundaries; ++j) {
        int64_t before = 0, between = 0;
        for (int w = 0; w < n; ++w) {
            before += counts[w][2 * j];
            between += counts[w][2 * j + 1] - counts[w][2 * j];
        }
        int64_t take = targets[j] - before;
        if (take < 0 || take > between)
            inconsistent("the keys do not bracket a boundary");
        NDArray values = NDArray::empty(dtype, { between });
        std::vector<uint32_t> workers;
        std::vector<int64_t> positions;
        for (int w = 0; w < n; ++w) {
            int64_t lo = counts[w][2 * j], length = counts[w][2 * j + 1] - lo;
            if (length)
                std::memcpy(values.data() + static_cast<int64_t>(workers.size()) * itemsize,
                    static_cast<const std::byte*>(replies[w].frames[1].data()) + firsts[w][j] * itemsize, static_cast<size_t>(length * itemsize));
            for (int64_t i = 0; i < length; ++i) {
                workers.push_back(static_cast<uint32_t>(w));
                positions.push_back(lo + i);
            }
            splits[w][j] = lo;
        }
        auto between_order = engine::key_order(values, workers, positions);
        for (int64_t k = 0; k < take; ++k)
            ++splits[workers[static_cast<size_t>(between_order[static_cast<size_t>(k)])]][j];
    }

    // 3. Pieces worker to worker; each worker merges its part of the result.
    auto cut = [&](int v, int w) { return w == 0 ? 0 : w == n ? lengths[v] : splits[v][w - 1]; };
    uint64_t out_id = next_id();
    sequence = cluster->next_sequence();
    for (int w = 0; w < n; ++w) {
        protocol::SortExchange message;
        message.values_id = values_id;
        message.indices_id = indices_id;
        message.self = static_cast<uint32_t>(w);
        message.splits = splits[w];
        int64_t total = 0;
        for (int v = 0; v < n; ++v) {
            int64_t length = cut(v, w + 1) - cut(v, w);
            if (length < 0)
                inconsistent("the cuts are out of order");
            message.incoming.push_back(length);
            total += length;
        }
        if (total != result_bounds[w + 1] - result_bounds[w])
            inconsistent("the pieces do not add up to the partition");
        message.out_id = out_id;
        message.out_row_begin = result_bounds[w];
        message.indices = argsort;
        cluster->send(w, protocol::encode(protocol::MessageType::SortExchange, sequence, message));
    }
    auto result = std::make_shared<DistArray>();
    result->dtype = argsort ? DType::Int64 : dtype;
    result->shape = { size };
    result->bounds = result_bounds;
    result->id = out_id; // set before collecting: a failure frees whatever tiles were made
    cluster->collect(all, sequence);
    free_runs.exchanged = true;
    return result;
}

} // namespace ramba::cluster
