// A worker's row-block products, row sorts and row reductions (engine/tiles): the rows it holds
// times an inline right operand, and the validation that turns a bad request into a ProtocolError.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/tiles/tile_store.hpp"
#include "engine/vm/ufunc.hpp"

using namespace ramba;
using engine::DType;

namespace {

// Tile 1: rows 10..14 of a 4-column float64 array, element (r, c) = r * 4 + c.
tiles::TileStore store_with_rows()
{
    tiles::TileStore store;
    std::vector<double> rows(5 * 4);
    for (size_t i = 0; i < rows.size(); ++i)
        rows[i] = double(40 + i);
    store.scatter(protocol::Scatter { 1, static_cast<uint8_t>(DType::Float64), { 5, 4 }, 10 },
        tiles::Frame(reinterpret_cast<const std::byte*>(rows.data()), rows.size() * 8));
    return store;
}

protocol::MatMul product_request()
{
    protocol::MatMul request;
    request.a.kind = 1;
    request.a.dtype = static_cast<uint8_t>(DType::Float64);
    request.a.shape = { 3, 4 };
    request.a.strides = { 4, 1 };
    request.a.id = 1;
    request.a.row_begin = 11;
    request.a.row_end = 14;
    request.b.kind = 0;
    request.b.dtype = static_cast<uint8_t>(DType::Float64);
    request.b.shape = { 4, 2 };
    request.b.strides = { 2, 1 };
    request.b.frame = 0;
    request.out_id = 2;
    request.out_row_begin = 1;
    request.out_dtype = static_cast<uint8_t>(DType::Float64);
    return request;
}

// A product with no peers (B inline): halos are neither sent nor expected.
void multiply(tiles::TileStore& store, const protocol::MatMul& request, std::span<const tiles::Frame> frames)
{
    store.matmul(1, request, frames, [](const tiles::HaloOut&) { FAIL("no halo to send"); },
        [](protocol::Halo&, std::vector<std::byte>&) { return false; });
}

} // namespace

TEST_CASE("a worker multiplies its rows by an inline operand", "[engine][tiles]")
{
    auto store = store_with_rows();
    std::vector<double> b = { 1, 0, 0, 1, 1, 0, 0, 1 }; // column sums of even / odd columns
    tiles::Frame frame(reinterpret_cast<const std::byte*>(b.data()), b.size() * 8);
    multiply(store, product_request(), std::span<const tiles::Frame>(&frame, 1));
    auto rows = store.gather(protocol::Gather { 2, 1, 4 });
    REQUIRE(rows.size() == 3 * 2 * 8);
    auto* c = reinterpret_cast<const double*>(rows.data());
    // Row 11 is 44 45 46 47: 44 + 46 and 45 + 47.
    CHECK(c[0] == 90);
    CHECK(c[1] == 92);
    CHECK(c[4] == 106); // row 13: 52 + 54, 53 + 55
    CHECK(c[5] == 108);
}

TEST_CASE("bad products are rejected", "[engine][tiles]")
{
    auto store = store_with_rows();
    std::vector<double> b(8, 1.0);
    tiles::Frame frame(reinterpret_cast<const std::byte*>(b.data()), b.size() * 8);
    std::span<const tiles::Frame> frames(&frame, 1);
    auto request = product_request();
    request.a.row_end = 16; // past the tile
    request.a.shape[0] = 5;
    CHECK_THROWS_AS(multiply(store, request, frames), protocol::ProtocolError);
    request = product_request();
    request.b.shape = { 3, 2 }; // k differs
    CHECK_THROWS_AS(multiply(store, request, frames), protocol::ProtocolError);
    request = product_request();
    request.out_dtype = static_cast<uint8_t>(DType::Float32); // not the promotion
    CHECK_THROWS_AS(multiply(store, request, frames), protocol::ProtocolError);
    request = product_request();
    request.a.strides = { 4, 2 }; // reaches outside the rows
    CHECK_THROWS_AS(multiply(store, request, frames), protocol::ProtocolError);
    request = product_request();
    request.out_id = 1; // exists
    CHECK_THROWS_AS(multiply(store, request, frames), protocol::ProtocolError);
    request = product_request();
    CHECK_THROWS_AS(multiply(store, request, {}), protocol::ProtocolError); // no frame
    std::vector<double> short_b(7, 1.0);
    tiles::Frame short_frame(reinterpret_cast<const std::byte*>(short_b.data()), short_b.size() * 8);
    CHECK_THROWS_AS(multiply(store, request, std::span<const tiles::Frame>(&short_frame, 1)), protocol::ProtocolError);
    CHECK(store.tile_count() == 1);
}

TEST_CASE("a distributed right operand is all-gathered from the peers", "[engine][tiles]")
{
    // This worker holds rows 10..14 of A (tile 1) and rows 0..1 of a 4x2 B (tile 3); a peer has rows 2..3.
    auto store = store_with_rows();
    std::vector<double> mine = { 1, 0, 0, 1 }, theirs = { 1, 0, 0, 1 };
    store.scatter(protocol::Scatter { 3, static_cast<uint8_t>(DType::Float64), { 2, 2 }, 0 },
        tiles::Frame(reinterpret_cast<const std::byte*>(mine.data()), mine.size() * 8));
    auto request = product_request();
    request.b.kind = 1;
    request.b.frame = -1;
    request.b.id = 3;
    request.b.row_begin = 0;
    request.b.row_end = 4;
    request.sends = { protocol::HaloSend { 1, 0, 3, 0, 2 } };
    request.halo_count = 1;
    int sent = 0;
    auto send = [&](const tiles::HaloOut& out) {
        CHECK(out.to == 1);
        CHECK(out.rows.size() == 2 * 2 * 8);
        ++sent;
    };
    auto receive = [&](protocol::Halo& halo, std::vector<std::byte>& data) {
        halo = protocol::Halo { 9, 0, 2, 4 };
        auto* bytes = reinterpret_cast<const std::byte*>(theirs.data());
        data.assign(bytes, bytes + theirs.size() * 8);
        return true;
    };
    store.matmul(9, request, {}, send, receive);
    CHECK(sent == 1);
    auto rows = store.gather(protocol::Gather { 2, 1, 4 });
    auto* c = reinterpret_cast<const double*>(rows.data());
    CHECK(c[0] == 90); // row 11: 44 + 46, 45 + 47
    CHECK(c[1] == 92);
    // Rows from a peer that do not fit B are rejected.
    auto bad = [&](protocol::Halo& halo, std::vector<std::byte>& data) {
        receive(halo, data);
        halo.row_end = 5;
        return true;
    };
    request.out_id = 4;
    CHECK_THROWS_AS(store.matmul(9, request, {}, send, bad), protocol::ProtocolError);
}

TEST_CASE("a worker sorts its rows along an inner axis", "[engine][tiles]")
{
    tiles::TileStore store;
    std::vector<double> rows = { 3, 1, 2, 9, 7, 8 };
    store.scatter(protocol::Scatter { 1, static_cast<uint8_t>(DType::Float64), { 2, 3 }, 0 },
        tiles::Frame(reinterpret_cast<const std::byte*>(rows.data()), rows.size() * 8));
    CHECK_THROWS_AS(store.sort_rows(protocol::SortRows { 1, 0, 0 }), protocol::ProtocolError);
    CHECK_THROWS_AS(store.sort_rows(protocol::SortRows { 1, 2, 0 }), protocol::ProtocolError);
    CHECK_THROWS_AS(store.sort_rows(protocol::SortRows { 5, 1, 0 }), protocol::ProtocolError);
    store.sort_rows(protocol::SortRows { 1, 1, 2 }); // argsort into tile 2 first
    auto order = store.gather(protocol::Gather { 2, 0, 2 });
    auto* o = reinterpret_cast<const int64_t*>(order.data());
    CHECK(o[0] == 1);
    CHECK(o[1] == 2);
    CHECK(o[2] == 0);
    CHECK(o[3] == 1);
    CHECK_THROWS_AS(store.sort_rows(protocol::SortRows { 1, 1, 2 }), protocol::ProtocolError);
    store.sort_rows(protocol::SortRows { 1, 1, 0 });
    auto sorted = store.gather(protocol::Gather { 1, 0, 2 });
    auto* s = reinterpret_cast<const double*>(sorted.data());
    CHECK(s[0] == 1);
    CHECK(s[2] == 3);
    CHECK(s[3] == 7);
    CHECK(s[5] == 9);
}

TEST_CASE("a worker reduces its rows along axes, checking every field", "[engine][tiles]")
{
    tiles::TileStore store;
    std::vector<double> rows = { 3, 1, 2, 9, 7, 8 };
    store.scatter(protocol::Scatter { 1, static_cast<uint8_t>(DType::Float64), { 2, 3 }, 10 },
        tiles::Frame(reinterpret_cast<const std::byte*>(rows.data()), rows.size() * 8));
    protocol::ReduceRows request;
    request.a = protocol::ArrayRef { 1, static_cast<uint8_t>(DType::Float64), { 2, 3 }, { 3, 1 }, 0, -1, 1, 10, 12 };
    request.op = static_cast<uint8_t>(vm::ReduceOp::Sum);
    request.axes = { 1 };
    request.out_id = 2;
    request.out_row_begin = 10;
    auto bad = [&](auto change) {
        protocol::ReduceRows copy = request;
        change(copy);
        CHECK_THROWS_AS(store.reduce_rows(copy), protocol::ProtocolError);
    };
    bad([](auto& r) { r.axes = { 0 }; });               // a new tile needs axes without 0
    bad([](auto& r) { r.axes = { 1, 1 }; });
    bad([](auto& r) { r.axes = { 2 }; });
    bad([](auto& r) { r.axes = {}; });
    bad([](auto& r) { r.op = 200; });
    bad([](auto& r) { r.keepdims = 2; });
    bad([](auto& r) { r.a.row_end = 13; });             // rows not on this worker
    bad([](auto& r) { r.a.shape = { 2, 4 }; });         // a view reaching outside the rows
    bad([](auto& r) { r.a.id = 7; });
    bad([](auto& r) { r.out_id = 1; });                 // the output tile exists
    bad([](auto& r) { r.op = static_cast<uint8_t>(vm::ReduceOp::Std); r.axes = { 0, 1 }; r.out_id = 0; }); // no partials for a std (a mean's partial is its sum)
    CHECK_FALSE(store.reduce_rows(request).buffer);
    auto sums = store.gather(protocol::Gather { 2, 10, 12 });
    auto* s = reinterpret_cast<const double*>(sums.data());
    CHECK(s[0] == 6);
    CHECK(s[1] == 24);
    request.op = static_cast<uint8_t>(vm::ReduceOp::Max);
    request.axes = { 0 };
    request.out_id = 0;
    engine::NDArray partial = store.reduce_rows(request);
    REQUIRE(partial.shape == engine::Shape { 3 });
    auto* p = reinterpret_cast<const double*>(partial.data());
    CHECK(p[0] == 9);
    CHECK(p[1] == 7);
    CHECK(p[2] == 8);
    // A chained float sum along axis 0: the rows fold into the running sums of earlier rows.
    request.op = static_cast<uint8_t>(vm::ReduceOp::Sum);
    request.keepdims = 1;
    request.chained = 1;
    std::vector<double> before = { 0.5, 0.25, 100 };
    tiles::Frame running(reinterpret_cast<const std::byte*>(before.data()), before.size() * 8);
    engine::NDArray chained = store.reduce_rows(request, std::span<const tiles::Frame>(&running, 1));
    REQUIRE(chained.shape == engine::Shape { 1, 3 });
    auto* q = reinterpret_cast<const double*>(chained.data());
    CHECK(q[0] == 12.5);
    CHECK(q[1] == 8.25);
    CHECK(q[2] == 110);
    tiles::Frame short_frame(reinterpret_cast<const std::byte*>(before.data()), 16);
    CHECK_THROWS_AS(store.reduce_rows(request, std::span<const tiles::Frame>(&short_frame, 1)), protocol::ProtocolError);
    request.axes = { 0, 1 };
    CHECK_THROWS_AS(store.reduce_rows(request, std::span<const tiles::Frame>(&running, 1)), protocol::ProtocolError);
    request.axes = { 0 };
    request.chained = 0;
    CHECK_THROWS_AS(store.reduce_rows(request, std::span<const tiles::Frame>(&running, 1)), protocol::ProtocolError); // frames only when chained
}
