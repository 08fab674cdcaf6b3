// Tests of vm::reduce and friends against values printed by numpy 1.24 (tests generate the same
// data as /usr/bin/python3 did: x_i = ((i*7919) % 10007) / 10007 * 2 - 1 + i*1e-7, exact in IEEE).
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <vector>

#include "engine/array/cast.hpp"
#include "engine/vm/ufunc.hpp"

using namespace ramba;
using engine::DType;
using engine::NDArray;

namespace {

NDArray data(int64_t n)
{
    NDArray a = NDArray::empty(DType::Float64, { n });
    auto* p = reinterpret_cast<double*>(a.data());
    for (int64_t i = 0; i < n; ++i)
        p[i] = ((i * 7919) % 10007) / 10007.0 * 2 - 1 + i * 1e-7;
    return a;
}

NDArray reshape(NDArray a, engine::Shape shape)
{
    a.strides = engine::c_strides(shape, a.itemsize());
    a.shape = shape;
    return a;
}

NDArray transpose(NDArray a)
{
    std::swap(a.shape[0], a.shape[1]);
    std::swap(a.strides[0], a.strides[1]);
    return a;
}

template<typename T> T at(const NDArray& a, int64_t i)
{
    T v;
    std::memcpy(&v, a.data() + i * a.itemsize(), sizeof(T));
    return v;
}

double scalar_of(const NDArray& a)
{
    REQUIRE(a.ndim() == 0);
    return at<double>(a, 0);
}

const std::vector<int64_t> axis0 { 0 };
const std::vector<int64_t> axis1 { 1 };

} // namespace

TEST_CASE("float64 sums are bit-identical to numpy's pairwise sums", "[vm][reduce]")
{
    std::pair<int64_t, double> expected[] = {
        { 5, -0x1.2c4ed4631d80cp+0 }, { 100, 0x1.4e4d5167cfffap-2 }, { 1000, 0x1.85f739d2e7120p-1 },
        { 100003, 0x1.ea65cbb2fc7d7p+8 }, { 1000007, 0x1.85da69533a4dcp+15 },
    };
    for (auto [n, value] : expected) {
        for (int threads : { 1, 2, 3 }) {
            vm::set_num_threads(threads);
            CHECK(scalar_of(vm::reduce(vm::ReduceOp::Sum, data(n), std::nullopt)) == value);
        }
    }
    vm::set_num_threads(0);
}

TEST_CASE("sums along axes follow numpy's loop order", "[vm][reduce]")
{
    NDArray a = reshape(data(300 * 777), { 300, 777 });
    NDArray s0 = vm::reduce(vm::ReduceOp::Sum, a, axis0);
    CHECK(s0.shape == engine::Shape { 777 });
    CHECK(at<double>(s0, 0) == 0.537907856000799);
    CHECK(at<double>(s0, 2) == 4.153237167482764);
    CHECK(scalar_of(vm::reduce(vm::ReduceOp::Sum, s0, std::nullopt)) == 0x1.50eeda6277796p+11);
    NDArray s1 = vm::reduce(vm::ReduceOp::Sum, a, axis1);
    CHECK(at<double>(s1, 1) == 1.9069490000499671);
    CHECK(scalar_of(vm::reduce(vm::ReduceOp::Sum, s1, std::nullopt)) == 0x1.50eeda6277796p+11);
    NDArray t = transpose(a);
    CHECK(at<double>(vm::reduce(vm::ReduceOp::Sum, t, axis1), 5) == 0x1.a4e0f88d9fdecp+2);
    CHECK(scalar_of(vm::reduce(vm::ReduceOp::Sum, t, std::nullopt)) == 0x1.50eeda6277797p+11);
}

TEST_CASE("mean, var and std use numpy's dtype rules and formulas", "[vm][reduce]")
{
    NDArray ints = NDArray::empty(DType::Int32, { 100000 });
    for (int32_t i = 0; i < 100000; ++i) std::memcpy(ints.data() + i * 4, &i, 4);
    NDArray sum = vm::reduce(vm::ReduceOp::Sum, ints, std::nullopt);
    CHECK(sum.dtype == DType::Int64);
    CHECK(at<int64_t>(sum, 0) == 4999950000);
    NDArray mean = vm::reduce(vm::ReduceOp::Mean, ints, std::nullopt);
    CHECK(mean.dtype == DType::Float64);
    CHECK(scalar_of(mean) == 0x1.869f000000000p+15);

    NDArray a = reshape(data(300 * 777), { 300, 777 });
    CHECK(scalar_of(vm::reduce(vm::ReduceOp::Std, a, std::nullopt)) == 0x1.279fe7ee2a5dcp-1);
    CHECK(at<double>(vm::reduce(vm::ReduceOp::Var, a, axis0), 7) == 0x1.52f536d90a644p-2);
    vm::ReduceOptions ddof1;
    ddof1.ddof = 1;
    CHECK(at<double>(vm::reduce(vm::ReduceOp::Std, a, axis1, ddof1), 3) == 0x1.27c0dd5c9b981p-1);
}

TEST_CASE("float32 sums stay float32 unless dtype= asks otherwise", "[vm][reduce]")
{
    NDArray c = engine::astype(data(30000), DType::Float32);
    NDArray s = vm::reduce(vm::ReduceOp::Sum, c, std::nullopt);
    CHECK(s.dtype == DType::Float32);
    CHECK(at<float>(s, 0) == static_cast<float>(0x1.54cd780000000p+5));
    vm::ReduceOptions f64;
    f64.dtype = DType::Float64;
    CHECK(scalar_of(vm::reduce(vm::ReduceOp::Sum, c, std::nullopt, f64)) == 0x1.54cd937cc3240p+5);
    CHECK(at<float>(vm::reduce(vm::ReduceOp::Mean, c, std::nullopt), 0) == static_cast<float>(0x1.743f520000000p-10));
}

TEST_CASE("median, percentile, cumsum, argmax", "[vm][reduce]")
{
    NDArray a = reshape(data(300 * 777), { 300, 777 });
    NDArray first4 = a;
    first4.shape = { 300, 4 };
    NDArray median = vm::median(first4, axis0, false);
    CHECK(at<double>(median, 0) == 0.009230731762766085);
    CHECK(at<double>(median, 3) == 0.007280818237233969);
    NDArray block = a;
    block.shape = { 5, 3 };
    double q[] = { 10, 50, 95 };
    NDArray p = vm::percentile(block, q, false, axis0, false);
    CHECK(p.shape == engine::Shape { 3, 3 });
    CHECK(at<double>(p, 0) == -0.5970376666093733);
    CHECK(at<double>(p, 4) == 0.08639513225741971);
    CHECK(at<double>(p, 8) == 0.11575472271210144);

    NDArray six = NDArray::empty(DType::Int64, { 2, 3 });
    for (int64_t i = 0; i < 6; ++i) std::memcpy(six.data() + i * 8, &i, 8);
    NDArray c0 = vm::accumulate(vm::ReduceOp::Sum, six, 0);
    std::vector<int64_t> got;
    for (int i = 0; i < 6; ++i) got.push_back(at<int64_t>(c0, i));
    CHECK(got == std::vector<int64_t> { 0, 1, 2, 3, 5, 7 });
    NDArray flat = vm::accumulate(vm::ReduceOp::Sum, six, std::nullopt);
    CHECK(at<int64_t>(flat, 5) == 15);

    CHECK(at<int64_t>(vm::reduce(vm::ReduceOp::ArgMax, a, std::nullopt), 0) == 231201);
    NDArray am = vm::reduce(vm::ReduceOp::ArgMax, a, axis0);
    CHECK(at<int64_t>(am, 0) == 274);
    CHECK(at<int64_t>(am, 4) == 235);
    NDArray an = vm::reduce(vm::ReduceOp::ArgMin, a, axis1);
    CHECK(at<int64_t>(an, 1) == 517);
    CHECK(at<int64_t>(an, 4) == 659);
}

TEST_CASE("NaN handling and empty reductions", "[vm][reduce]")
{
    NDArray x = NDArray::empty(DType::Float64, { 3 });
    double values[] = { 1.0, NAN, 3.0 };
    std::memcpy(x.data(), values, sizeof(values));
    CHECK(std::isnan(scalar_of(vm::reduce(vm::ReduceOp::Max, x, std::nullopt))));
    CHECK(scalar_of(vm::reduce(vm::ReduceOp::NanSum, x, std::nullopt)) == 4.0);
    CHECK(scalar_of(vm::reduce(vm::ReduceOp::NanMean, x, std::nullopt)) == 2.0);
    CHECK(at<int64_t>(vm::reduce(vm::ReduceOp::ArgMax, x, std::nullopt), 0) == 1);
    NDArray empty = NDArray::empty(DType::Float64, { 0 });
    CHECK_THROWS_WITH(vm::reduce(vm::ReduceOp::Max, empty, std::nullopt),
        "zero-size array to reduction operation maximum which has no identity");
    CHECK_THROWS_WITH(vm::reduce(vm::ReduceOp::ArgMax, empty, std::nullopt), "attempt to get argmax of an empty sequence");
    CHECK(scalar_of(vm::reduce(vm::ReduceOp::Sum, empty, std::nullopt)) == 0.0);
}

TEST_CASE("axis tuples, keepdims, integer dtypes", "[vm][reduce]")
{
    NDArray ones = NDArray::empty(DType::Float64, { 2, 3, 4 });
    for (int i = 0; i < 24; ++i) { double one = 1; std::memcpy(ones.data() + i * 8, &one, 8); }
    std::vector<int64_t> axes { 0, 2 };
    NDArray s = vm::reduce(vm::ReduceOp::Sum, ones, axes);
    CHECK(s.shape == engine::Shape { 3 });
    CHECK(at<double>(s, 2) == 8.0);
    vm::ReduceOptions keep;
    keep.keepdims = true;
    CHECK(vm::reduce(vm::ReduceOp::Sum, ones, axes, keep).shape == engine::Shape { 1, 3, 1 });
    std::vector<int64_t> bad { 3 };
    CHECK_THROWS_WITH(vm::reduce(vm::ReduceOp::Sum, ones, bad), "axis 3 is out of bounds for array of dimension 3");

    NDArray small = NDArray::empty(DType::Int8, { 3 });
    int8_t v[] = { 2, 1, 3 };
    std::memcpy(small.data(), v, 3);
    CHECK(vm::reduce(vm::ReduceOp::Min, small, std::nullopt).dtype == DType::Int8);
    CHECK(at<int8_t>(vm::reduce(vm::ReduceOp::Min, small, std::nullopt), 0) == 1);
    CHECK(vm::reduce(vm::ReduceOp::Sum, small, std::nullopt).dtype == DType::Int64);
    CHECK(at<int64_t>(vm::reduce(vm::ReduceOp::Prod, small, std::nullopt), 0) == 6);
    CHECK(at<bool>(vm::reduce(vm::ReduceOp::All, small, std::nullopt), 0));
}
