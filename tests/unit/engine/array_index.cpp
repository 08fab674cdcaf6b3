// Indexing, broadcasting, strides and views of NDArrays against numpy's rules and messages.
#include <catch2/catch.hpp>

#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/array/creation.hpp"
#include "engine/array/index.hpp"
#include "engine/array/shape_ops.hpp"
#include "base/error.hpp"

using namespace ramba::engine;
using ramba::RambaError;

namespace {

std::vector<int64_t> ints(const NDArray& array)
{
    NDArray c = ascontiguous(array, DType::Int64);
    std::vector<int64_t> out(static_cast<size_t>(c.size()));
    if (!out.empty())
        std::memcpy(out.data(), c.data(), out.size() * 8);
    return out;
}

NDArray int_array(std::vector<int64_t> v)
{
    NDArray a = NDArray::empty(DType::Int64, { static_cast<int64_t>(v.size()) });
    std::memcpy(a.data(), v.data(), v.size() * 8);
    return a;
}

std::string message_of(auto&& f)
{
    try {
        f();
    } catch (const RambaError& error) {
        return error.message();
    }
    return "";
}

} // namespace

TEST_CASE("strides and contiguity", "[engine][array]")
{
    CHECK(c_strides({ 2, 3, 4 }, 8) == Strides { 96, 32, 8 });
    NDArray a = reshape(arange_int(0, 24, 1, DType::Int64), { 2, 3, 4 });
    CHECK(a.is_c_contiguous());
    CHECK_FALSE(transpose(a).is_c_contiguous());
    CHECK(transpose(a).strides == Strides { 8, 32, 96 });
}

TEST_CASE("broadcasting shapes", "[engine][array]")
{
    CHECK(broadcast_shapes({ 3, 1 }, { 4 }) == Shape { 3, 4 });
    CHECK(broadcast_shapes({ 1 }, {}) == Shape { 1 });
    CHECK(message_of([] { broadcast_shapes({ 3 }, { 4 }); }) == "operands could not be broadcast together with shapes (3,) (4,) ");
    NDArray row = arange_int(0, 3, 1, DType::Int64);
    NDArray b = broadcast_to(row, { 2, 3 });
    CHECK(b.strides == Strides { 0, 8 });
    CHECK(ints(b) == std::vector<int64_t> { 0, 1, 2, 0, 1, 2 });
}

TEST_CASE("basic indexing makes views", "[engine][array][index]")
{
    NDArray a = reshape(arange_int(0, 12, 1, DType::Int64), { 3, 4 });
    IndexItem items[] = { IndexItem::make_slice({}, {}, {}), IndexItem::make_slice(1, {}, 2) };
    auto view = index_get(a, items);
    CHECK(view.array.shape == Shape { 3, 2 });
    CHECK(ints(view.array) == std::vector<int64_t> { 1, 3, 5, 7, 9, 11 });
    CHECK(view.array.buffer == a.buffer);
    NDArray seven = NDArray::empty(DType::Int64, {});
    int64_t v = 70;
    std::memcpy(seven.data(), &v, 8);
    index_set(a, items, seven);
    CHECK(ints(a)[1] == 70);

    IndexItem reverse[] = { IndexItem::make_integer(-1), IndexItem::make_slice({}, {}, -1) };
    CHECK(ints(index_get(a, reverse).array) == std::vector<int64_t> { 70, 10, 70, 8 });

    IndexItem ellipsis[] = { IndexItem::make(IndexItem::Kind::Ellipsis), IndexItem::make(IndexItem::Kind::NewAxis) };
    CHECK(index_get(a, ellipsis).array.shape == Shape { 3, 4, 1 });

    IndexItem scalar[] = { IndexItem::make_integer(1), IndexItem::make_integer(2) };
    CHECK(index_get(a, scalar).is_scalar);
}

TEST_CASE("advanced indexing follows numpy's placement rules", "[engine][array][index]")
{
    NDArray a = reshape(arange_int(0, 24, 1, DType::Int64), { 2, 3, 4 });
    IndexItem adjacent[] = { IndexItem::make_slice({}, {}, {}), IndexItem::make_array(int_array({ 0, 2 })), IndexItem::make_integer(1) };
    auto r = index_get(a, adjacent);
    CHECK(r.array.shape == Shape { 2, 2 });
    CHECK(ints(r.array) == std::vector<int64_t> { 1, 9, 13, 21 });

    IndexItem split[] = { IndexItem::make_integer(1), IndexItem::make_slice({}, {}, {}), IndexItem::make_array(int_array({ 0, 2 })) };
    auto s = index_get(a, split);
    CHECK(s.array.shape == Shape { 2, 3 });
    CHECK(ints(s.array) == std::vector<int64_t> { 12, 16, 20, 14, 18, 22 });
}

TEST_CASE("boolean masks and index errors use numpy's words", "[engine][array][index]")
{
    NDArray a = arange_int(0, 3, 1, DType::Int64);
    NDArray mask = NDArray::zeros(DType::Bool, { 4 });
    IndexItem bad_mask[] = { IndexItem::make_array(mask) };
    CHECK(message_of([&] { index_get(a, bad_mask); })
        == "boolean index did not match indexed array along dimension 0; dimension is 3 but corresponding boolean dimension is 4");
    IndexItem out_of_bounds[] = { IndexItem::make_integer(10) };
    CHECK(message_of([&] { index_get(a, out_of_bounds); }) == "index 10 is out of bounds for axis 0 with size 3");
    IndexItem too_many[] = { IndexItem::make_integer(0), IndexItem::make_integer(0) };
    CHECK(message_of([&] { index_get(a, too_many); }) == "too many indices for array: array is 1-dimensional, but 2 were indexed");
    CHECK(message_of([&] { reshape(arange_int(0, 6, 1, DType::Int64), { 4 }); }) == "cannot reshape array of size 6 into shape (4,)");
    CHECK(message_of([&] { check_axis(2, 2); }) == "axis 2 is out of bounds for array of dimension 2");

    NDArray m = NDArray::zeros(DType::Bool, { 3 });
    reinterpret_cast<bool*>(m.data())[1] = true;
    IndexItem good_mask[] = { IndexItem::make_array(m) };
    CHECK(ints(index_get(a, good_mask).array) == std::vector<int64_t> { 1 });
}

TEST_CASE("reshape views when strides allow, copies otherwise", "[engine][array]")
{
    NDArray a = reshape(arange_int(0, 12, 1, DType::Int64), { 3, 4 });
    CHECK(reshape(a, { 2, -1 }).buffer == a.buffer);
    NDArray t = transpose(a);
    NDArray flat = reshape(t, { 12 });
    CHECK(flat.buffer != a.buffer);
    CHECK(ints(flat) == std::vector<int64_t> { 0, 4, 8, 1, 5, 9, 2, 6, 10, 3, 7, 11 });
}

TEST_CASE("linspace and arange match numpy's arithmetic", "[engine][array]")
{
    NDArray l = linspace(0, 1, 11, true, DType::Float64);
    CHECK(reinterpret_cast<double*>(l.data())[3] == 0.30000000000000004);
    NDArray r = arange_float(0, 1, 0.1, DType::Float64);
    CHECK(r.size() == 10);
    CHECK(reinterpret_cast<double*>(r.data())[3] == 0.30000000000000004);
    CHECK(arange_int(10, 0, -3, DType::Int64).size() == 4);
}
