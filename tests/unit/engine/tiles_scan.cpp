// A worker's cumsum/cumprod of its rows and its reductions with dtype= (engine/tiles): the new tile,
// the carry handed on along axis 0 and flattened, and the validation that turns a bad request
// into a ProtocolError.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/tiles/tile_store.hpp"
#include "engine/vm/ufunc.hpp"

using namespace ramba;
using engine::DType;

namespace {

// Tile 1: rows 10..11 of a 3-column int32 array: { 1, 2, 3 }, { 4, 5, 6 }.
tiles::TileStore store_with_rows()
{
    tiles::TileStore store;
    std::vector<int32_t> rows = { 1, 2, 3, 4, 5, 6 };
    store.scatter(protocol::Scatter { 1, static_cast<uint8_t>(DType::Int32), { 2, 3 }, 10 },
        tiles::Frame(reinterpret_cast<const std::byte*>(rows.data()), rows.size() * 4));
    return store;
}

protocol::ScanRows scan_request()
{
    protocol::ScanRows request;
    request.a = protocol::ArrayRef { 1, static_cast<uint8_t>(DType::Int32), { 2, 3 }, { 3, 1 }, 0, -1, 1, 10, 12 };
    request.op = static_cast<uint8_t>(vm::ReduceOp::Sum);
    request.axis = 1;
    request.dtype = static_cast<uint8_t>(DType::Int64);
    request.out_id = 2;
    request.out_row_begin = 10;
    return request;
}

template<typename T>
std::vector<T> tile_values(tiles::TileStore& store, uint64_t id, int64_t begin, int64_t end)
{
    auto bytes = store.gather(protocol::Gather { id, begin, end });
    auto* p = reinterpret_cast<const T*>(bytes.data());
    return std::vector<T>(p, p + bytes.size() / sizeof(T));
}

template<typename T>
tiles::Frame frame_of(const std::vector<T>& values)
{
    return tiles::Frame(reinterpret_cast<const std::byte*>(values.data()), values.size() * sizeof(T));
}

} // namespace

TEST_CASE("a worker scans its rows along an inner axis into a new tile", "[engine][tiles]")
{
    auto store = store_with_rows();
    auto request = scan_request();
    CHECK_FALSE(store.scan_rows(request).buffer);
    CHECK(tile_values<int64_t>(store, 2, 10, 12) == std::vector<int64_t> { 1, 3, 6, 4, 9, 15 });
    request.op = static_cast<uint8_t>(vm::ReduceOp::Prod);
    request.out_id = 3;
    request.dtype = static_cast<uint8_t>(DType::Float32);
    store.scan_rows(request);
    CHECK(tile_values<float>(store, 3, 10, 12) == std::vector<float> { 1, 2, 6, 4, 20, 120 });
}

TEST_CASE("a chained scan goes on from the carry and hands on its last line", "[engine][tiles]")
{
    auto store = store_with_rows();
    auto request = scan_request();
    request.axis = 0;
    request.chained = 1;
    // The first worker: no carry.
    engine::NDArray carry = store.scan_rows(request);
    REQUIRE(carry.shape == engine::Shape { 1, 3 });
    CHECK(tile_values<int64_t>(store, 2, 10, 12) == std::vector<int64_t> { 1, 2, 3, 5, 7, 9 });
    auto* c = reinterpret_cast<const int64_t*>(carry.data());
    CHECK((c[0] == 5 && c[1] == 7 && c[2] == 9));
    // A later one: the rows before it summed to { 100, 200, 300 }.
    std::vector<int64_t> before = { 100, 200, 300 };
    auto frame = frame_of(before);
    request.out_id = 3;
    carry = store.scan_rows(request, std::span<const tiles::Frame>(&frame, 1));
    CHECK(tile_values<int64_t>(store, 3, 10, 12) == std::vector<int64_t> { 101, 202, 303, 105, 207, 309 });
    // Flattened: a 1-d tile of the elements in C order, starting at element out_row_begin.
    request.flatten = 1;
    request.out_id = 4;
    request.out_row_begin = 30;
    std::vector<int64_t> one = { 1000 };
    auto element = frame_of(one);
    carry = store.scan_rows(request, std::span<const tiles::Frame>(&element, 1));
    REQUIRE(carry.shape == engine::Shape { 1 });
    CHECK(*reinterpret_cast<const int64_t*>(carry.data()) == 1021);
    CHECK(tile_values<int64_t>(store, 4, 30, 36) == std::vector<int64_t> { 1001, 1003, 1006, 1010, 1015, 1021 });
    // A worker with no rows creates an empty tile and hands the carry on unchanged.
    request.a.shape = { 0, 3 };
    request.a.row_begin = request.a.row_end = 10;
    request.out_id = 5;
    carry = store.scan_rows(request, std::span<const tiles::Frame>(&element, 1));
    CHECK(*reinterpret_cast<const int64_t*>(carry.data()) == 1000);
    request.out_id = 6;
    CHECK_FALSE(store.scan_rows(request).buffer);
}

TEST_CASE("a scan in two stages: the tile first, then the scan in place", "[engine][tiles]")
{
    auto store = store_with_rows();
    auto request = scan_request();
    request.axis = 0;
    request.chained = 1;
    request.stage = 2;
    std::vector<int64_t> before = { 100, 200, 300 };
    auto frame = frame_of(before);
    CHECK_THROWS_AS(store.scan_rows(request, std::span<const tiles::Frame>(&frame, 1)), protocol::ProtocolError); // no tile yet
    request.stage = 1;
    CHECK_THROWS_AS(store.scan_rows(request, std::span<const tiles::Frame>(&frame, 1)), protocol::ProtocolError); // no carry to make it
    CHECK_FALSE(store.scan_rows(request).buffer);
    CHECK(tile_values<int64_t>(store, 2, 10, 12) == std::vector<int64_t> { 1, 2, 3, 4, 5, 6 }); // cast, not scanned
    CHECK_THROWS_AS(store.scan_rows(request), protocol::ProtocolError); // the tile exists
    request.stage = 2;
    request.dtype = static_cast<uint8_t>(DType::Float64);
    CHECK_THROWS_AS(store.scan_rows(request, std::span<const tiles::Frame>(&frame, 1)), protocol::ProtocolError); // not its dtype
    request.dtype = static_cast<uint8_t>(DType::Int64);
    request.out_row_begin = 11;
    CHECK_THROWS_AS(store.scan_rows(request, std::span<const tiles::Frame>(&frame, 1)), protocol::ProtocolError); // not its rows
    request.out_row_begin = 10;
    engine::NDArray carry = store.scan_rows(request, std::span<const tiles::Frame>(&frame, 1));
    CHECK(tile_values<int64_t>(store, 2, 10, 12) == std::vector<int64_t> { 101, 202, 303, 105, 207, 309 });
    auto* c = reinterpret_cast<const int64_t*>(carry.data());
    CHECK((c[0] == 105 && c[1] == 207 && c[2] == 309));
    request.stage = 3;
    CHECK_THROWS_AS(store.scan_rows(request), protocol::ProtocolError);
}

TEST_CASE("bad scans are rejected", "[engine][tiles]")
{
    auto store = store_with_rows();
    std::vector<int64_t> line = { 1, 2, 3 };
    auto frame = frame_of(line);
    auto bad = [&](auto change, bool with_frame = false) {
        auto request = scan_request();
        change(request);
        CHECK_THROWS_AS(store.scan_rows(request, std::span<const tiles::Frame>(&frame, with_frame ? 1 : 0)), protocol::ProtocolError);
    };
    bad([](auto& r) { r.op = static_cast<uint8_t>(vm::ReduceOp::Max); });
    bad([](auto& r) { r.op = 200; });
    bad([](auto& r) { r.axis = 2; });
    bad([](auto& r) { r.axis = -1; });
    bad([](auto& r) { r.dtype = 200; });
    bad([](auto& r) { r.dtype = static_cast<uint8_t>(DType::Complex128); });
    bad([](auto& r) { r.flatten = 2; });
    bad([](auto& r) { r.flatten = 1; });                          // a flattened scan has axis 0
    bad([](auto& r) { r.chained = 1; });                          // chained only along axis 0
    bad([](auto&) { }, true);                                     // a carry only when chained
    bad([](auto& r) { r.axis = 0; r.chained = 1; r.dtype = static_cast<uint8_t>(DType::Int32); }, true); // carry of the wrong size
    bad([](auto& r) { r.out_id = 1; });                           // the output tile exists
    bad([](auto& r) { r.out_id = 0; });
    bad([](auto& r) { r.out_row_begin = -1; });
    bad([](auto& r) { r.a.row_end = 13; });
    bad([](auto& r) { r.a.kind = 0; });
    // Float to integer casts can warn: the driver keeps them.
    std::vector<double> floats = { 0.5, 1.5 };
    store.scatter(protocol::Scatter { 9, static_cast<uint8_t>(DType::Float64), { 2 }, 0 }, frame_of(floats));
    bad([](auto& r) { r.a = protocol::ArrayRef { 1, static_cast<uint8_t>(DType::Float64), { 2 }, { 1 }, 0, -1, 9, 0, 2 }; r.axis = 0; });
}

TEST_CASE("a worker's reductions take dtype=", "[engine][tiles]")
{
    auto store = store_with_rows();
    protocol::ReduceRows request;
    request.a = scan_request().a;
    request.op = static_cast<uint8_t>(vm::ReduceOp::Sum);
    request.axes = { 0 };
    request.keepdims = 1;
    request.dtype = static_cast<int32_t>(DType::Int8);
    engine::NDArray partial = store.reduce_rows(request);
    REQUIRE(partial.dtype == DType::Int8);
    CHECK(partial.data()[2] == std::byte { 9 });
    // A chained integer sum accumulating in float64: the int32 rows are cast, then added.
    request.dtype = static_cast<int32_t>(DType::Float64);
    request.chained = 1;
    std::vector<double> before = { 0.5, 0.25, 0.125 };
    auto frame = frame_of(before);
    engine::NDArray running = store.reduce_rows(request, std::span<const tiles::Frame>(&frame, 1));
    REQUIRE(running.dtype == DType::Float64);
    auto* r = reinterpret_cast<const double*>(running.data());
    CHECK((r[0] == 5.5 && r[1] == 7.25 && r[2] == 9.125));
    auto bad = [&](auto change) {
        protocol::ReduceRows copy = request;
        change(copy);
        CHECK_THROWS_AS(store.reduce_rows(copy, std::span<const tiles::Frame>(&frame, copy.chained ? 1 : 0)), protocol::ProtocolError);
    };
    bad([](auto& r) { r.dtype = static_cast<int32_t>(DType::Int64); });        // chained sums accumulate in floats
    bad([](auto& r) { r.dtype = 300; });
    bad([](auto& r) { r.dtype = -2; });
    bad([](auto& r) { r.dtype = static_cast<int32_t>(DType::Complex128); r.chained = 0; });
    bad([](auto& r) { r.op = static_cast<uint8_t>(vm::ReduceOp::Max); r.chained = 0; }); // max takes no dtype=
    // count_nonzero: per row, and as a partial.
    protocol::ReduceRows count;
    count.a = request.a;
    count.op = static_cast<uint8_t>(vm::ReduceOp::CountNonzero);
    count.axes = { 1 };
    count.out_id = 7;
    count.out_row_begin = 10;
    store.reduce_rows(count);
    CHECK(tile_values<int64_t>(store, 7, 10, 12) == std::vector<int64_t> { 3, 3 });
}
