// The sample sort's element-level pieces (engine/array/sorted_runs), its three worker steps
// (engine/tiles): two tile stores in one process stand for two workers, with the driver's cuts
// given by hand, a[mask] on a worker's rows, and the validation that turns a bad request into a
// ProtocolError.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>
#include <vector>

#include "engine/array/sorted_runs.hpp"
#include "engine/tiles/tile_store.hpp"
#include "base/error.hpp"

using namespace ramba;
using engine::DType;
using engine::NDArray;

namespace {

NDArray doubles(std::vector<double> values)
{
    NDArray array = NDArray::empty(DType::Float64, { static_cast<int64_t>(values.size()) });
    std::memcpy(array.data(), values.data(), values.size() * 8);
    return array;
}

template<typename T>
std::vector<T> items(const NDArray& array)
{
    std::vector<T> out(static_cast<size_t>(array.size()));
    std::memcpy(out.data(), array.data(), out.size() * sizeof(T));
    return out;
}

template<typename T>
std::vector<T> items(tiles::Frame frame)
{
    std::vector<T> out(frame.size() / sizeof(T));
    std::memcpy(out.data(), frame.data(), frame.size());
    return out;
}

// A store holding tile 1: `values` as rows of a 1-d array starting at row `first`.
tiles::TileStore store_with(const std::vector<double>& values, int64_t first)
{
    tiles::TileStore store;
    store.scatter(protocol::Scatter { 1, static_cast<uint8_t>(DType::Float64), { static_cast<int64_t>(values.size()) }, first },
        tiles::Frame(reinterpret_cast<const std::byte*>(values.data()), values.size() * 8));
    return store;
}

} // namespace

TEST_CASE("keys order by value, then worker, then position", "[engine][sort]")
{
    NDArray run = doubles({ 1, 2, 2, 2, 5, NAN });
    double two = 2, nan = NAN;
    auto key = [](const double& value, uint32_t worker, int64_t position) {
        return engine::RunKey { reinterpret_cast<const std::byte*>(&value), worker, position };
    };
    // Equal values of an earlier worker come before the key, those of a later one after it.
    CHECK(engine::count_before(run, 0, key(two, 1, 0)) == 4);
    CHECK(engine::count_before(run, 2, key(two, 1, 0)) == 1);
    CHECK(engine::count_before(run, 1, key(two, 1, 2)) == 2);
    CHECK(engine::count_before(run, 0, key(nan, 1, 0)) == 6);
    CHECK(engine::count_before(run, 2, key(nan, 1, 0)) == 5);

    std::vector<uint32_t> workers = { 1, 0, 1, 0 };
    std::vector<int64_t> positions = { 0, 3, 1, 2 };
    CHECK(engine::key_order(doubles({ 2, 2, NAN, 1 }), workers, positions) == std::vector<int64_t> { 3, 1, 0, 2 });
}

TEST_CASE("sorted runs merge in run order, indices with their values", "[engine][sort]")
{
    std::vector<NDArray> runs = { doubles({ 1, 3, NAN }), doubles({ 0, 3, 4 }), doubles({}), doubles({ 3, NAN }) };
    std::vector<NDArray> indices;
    for (int64_t r = 0; r < 4; ++r) {
        NDArray i = NDArray::empty(DType::Int64, { runs[r].size() });
        for (int64_t k = 0; k < runs[r].size(); ++k)
            reinterpret_cast<int64_t*>(i.data())[k] = r * 10 + k;
        indices.push_back(i);
    }
    NDArray out = NDArray::empty(DType::Float64, { 8 }), out_indices = NDArray::empty(DType::Int64, { 8 });
    engine::merge_runs(runs, indices, out, &out_indices);
    auto v = items<double>(out);
    CHECK(v[0] == 0);
    CHECK(v[5] == 4);
    CHECK(std::isnan(v[6]));
    CHECK(items<int64_t>(out_indices) == std::vector<int64_t> { 10, 0, 1, 11, 30, 12, 2, 31 });
}

TEST_CASE("two workers sort their parts, swap pieces and merge", "[engine][tiles][sort]")
{
    // Worker 0 holds elements 0..4 of the array, worker 1 elements 5..9.
    std::vector<tiles::TileStore> stores;
    stores.push_back(store_with({ 5, 1, 9, 1, 7 }, 0));
    stores.push_back(store_with({ 2, 8, 1, 6, 0 }, 5));
    for (uint32_t w = 0; w < 2; ++w) {
        auto [samples, positions] = stores[w].sort_sample(protocol::SortSample { 1, 2, 3, 5 * w, 2 });
        CHECK(items<int64_t>(positions) == std::vector<int64_t> { 1, 3 });
        CHECK(samples.size() == 2);
    }
    // Sorted runs: worker 0 [1 1 5 7 9], worker 1 [0 1 2 6 8]. The result's halves are
    // [0 1 1 1 2] and [5 6 7 8 9]: worker 0 keeps 2 of its elements, worker 1 sends 3 of its.
    protocol::SortBracket bracket { 2, 0, 2, { 1 }, { 2 }, { 2 }, { 0 } };
    double key = 2; // the lower key: worker 1's element at position 2 (value 2); no upper key
    auto [counts, between] = stores[0].sort_bracket(bracket,
        std::vector<tiles::Frame> { tiles::Frame(reinterpret_cast<const std::byte*>(&key), 8), tiles::Frame(reinterpret_cast<const std::byte*>(&key), 8) });
    CHECK(items<int64_t>(counts) == std::vector<int64_t> { 2, 5 });
    CHECK(items<double>(between) == std::vector<double> { 5, 7, 9 });

    // Each worker on its own thread; a piece sent lands in the peer's inbox.
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<std::deque<std::pair<protocol::Halo, std::vector<std::byte>>>> inbox(2);
    std::vector<protocol::SortExchange> requests = {
        { 2, 3, 0, { 2 }, { 2, 3 }, 4, 0, 1 },
        { 2, 3, 1, { 3 }, { 3, 2 }, 4, 5, 1 },
    };
    auto exchange = [&](uint32_t w) {
        auto send = [&](const tiles::HaloOut& out) {
            std::lock_guard lock(mutex);
            inbox[out.to].emplace_back(out.halo, std::vector<std::byte>(out.rows.begin(), out.rows.end()));
            arrived.notify_all();
        };
        auto receive = [&](protocol::Halo& halo, std::vector<std::byte>& data) {
            std::unique_lock lock(mutex);
            if (!arrived.wait_for(lock, std::chrono::seconds(10), [&] { return !inbox[w].empty(); }))
                return false;
            halo = inbox[w].front().first;
            data = std::move(inbox[w].front().second);
            inbox[w].pop_front();
            return true;
        };
        stores[w].sort_exchange(7, requests[w], send, receive);
    };
    std::thread other(exchange, 1);
    exchange(0);
    other.join();
    // Argsort: the global indices of [0 1 1 1 2] and of [5 6 7 8 9], ties in original order.
    CHECK(items<int64_t>(stores[0].gather(protocol::Gather { 4, 0, 5 })) == std::vector<int64_t> { 9, 1, 3, 7, 5 });
    CHECK(items<int64_t>(stores[1].gather(protocol::Gather { 4, 5, 10 })) == std::vector<int64_t> { 0, 8, 4, 6, 2 });
}

TEST_CASE("bad sample sort requests are rejected", "[engine][tiles][sort]")
{
    auto store = store_with({ 3, 1, 2 }, 0);
    CHECK_THROWS_AS(store.sort_sample(protocol::SortSample { 1, 2, 0, 0, 4 }), protocol::ProtocolError); // more samples than elements
    CHECK_THROWS_AS(store.sort_sample(protocol::SortSample { 1, 1, 0, 0, 1 }), protocol::ProtocolError); // the run's tile exists
    CHECK_THROWS_AS(store.sort_sample(protocol::SortSample { 9, 2, 0, 0, 1 }), protocol::ProtocolError); // no such tile
    store.sort_sample(protocol::SortSample { 1, 2, 3, 0, 1 });
    double key = 1;
    std::vector<tiles::Frame> keys = { tiles::Frame(reinterpret_cast<const std::byte*>(&key), 8), tiles::Frame(reinterpret_cast<const std::byte*>(&key), 8) };
    CHECK_THROWS_AS(store.sort_bracket(protocol::SortBracket { 2, 0, 2, { 5 }, { 2 }, { 0 }, { 0 } }, keys), protocol::ProtocolError); // no worker 5
    CHECK_THROWS_AS(store.sort_bracket(protocol::SortBracket { 2, 0, 3, { 2 }, { 2 }, { 0 }, { 0 } }, keys), protocol::ProtocolError); // key count
    CHECK_THROWS_AS(store.sort_bracket(protocol::SortBracket { 2, 0, 2, { 0 }, { 0 }, { 3 }, { 1 } }, keys), protocol::ProtocolError); // lower after upper
    auto none = [](const tiles::HaloOut&) { };
    auto nothing = [](protocol::Halo&, std::vector<std::byte>&) { return false; };
    CHECK_THROWS_AS(store.sort_exchange(1, protocol::SortExchange { 2, 3, 0, { 4 }, { 3, 0 }, 4, 0, 1 }, none, nothing), protocol::ProtocolError); // split past the run
    CHECK_THROWS_AS(store.sort_exchange(1, protocol::SortExchange { 2, 3, 0, { 2 }, { 1, 0 }, 4, 0, 1 }, none, nothing), protocol::ProtocolError); // own piece's length
    CHECK_THROWS_AS(store.sort_exchange(1, protocol::SortExchange { 2, 3, 0, { 2 }, { 2, 0 }, 1, 0, 1 }, none, nothing), protocol::ProtocolError); // output exists
    CHECK_THROWS_AS(store.sort_exchange(1, protocol::SortExchange { 2, 3, 0, { 2 }, { 2, 4 }, 4, 0, 1 }, none, nothing), RambaError); // a piece never came
    store.sort_exchange(1, protocol::SortExchange { 2, 3, 0, { 3 }, { 3, 0 }, 4, 0, 1 }, none, nothing);
    CHECK(items<int64_t>(store.gather(protocol::Gather { 4, 0, 3 })) == std::vector<int64_t> { 1, 2, 0 });
    CHECK(store.tile_count() == 2); // the runs are gone
}

TEST_CASE("a worker keeps the elements of its rows where a mask holds", "[engine][tiles]")
{
    auto store = store_with({ 3, 1, 2, 8, 5 }, 10);
    std::vector<uint8_t> flags = { 1, 0, 0, 1, 1 };
    store.scatter(protocol::Scatter { 2, static_cast<uint8_t>(DType::Bool), { 5 }, 10 },
        tiles::Frame(reinterpret_cast<const std::byte*>(flags.data()), flags.size()));
    protocol::Compress request;
    request.a = { 1, static_cast<uint8_t>(DType::Float64), { 4 }, { 1 }, 0, -1, 1, 11, 15 };
    request.mask = request.a;
    request.mask.dtype = static_cast<uint8_t>(DType::Bool);
    request.mask.id = 2;
    CHECK(items<int64_t>(store.compress(request)) == std::vector<int64_t> { 2 });
    request.out_id = 3;
    request.out_row_begin = 7;
    CHECK(store.compress(request).buffer == nullptr);
    CHECK(items<double>(store.gather(protocol::Gather { 3, 7, 9 })) == std::vector<double> { 8, 5 });
    CHECK_THROWS_AS(store.compress(request), protocol::ProtocolError); // the output exists
    request.mask.dtype = static_cast<uint8_t>(DType::Float64);
    request.mask.id = 1;
    request.out_id = 4;
    CHECK_THROWS_AS(store.compress(request), protocol::ProtocolError); // not a bool mask
}
