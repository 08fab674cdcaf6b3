// Casting copies as numpy does them: float -> int truncates toward zero, bool from nonzero,
// wrap-around for narrow integers, complex -> real drops the imaginary part.
#include <catch2/catch.hpp>

#include <cstring>

#include "engine/array/cast.hpp"

using namespace ramba::engine;

TEST_CASE("astype follows numpy's unsafe casting", "[engine][array][cast]")
{
    NDArray f = NDArray::empty(DType::Float64, { 4 });
    double values[] = { 1.7, -1.7, 0.0, 300.0 };
    std::memcpy(f.data(), values, sizeof values);

    NDArray i = astype(f, DType::Int64);
    auto* pi = reinterpret_cast<const int64_t*>(i.data());
    CHECK(pi[0] == 1);
    CHECK(pi[1] == -1);

    NDArray b = astype(f, DType::Bool);
    auto* pb = reinterpret_cast<const bool*>(b.data());
    CHECK(pb[0]);
    CHECK_FALSE(pb[2]);

    NDArray narrow = astype(astype(f, DType::Int64), DType::UInt8);
    CHECK(reinterpret_cast<const uint8_t*>(narrow.data())[3] == 44); // 300 wraps to 44

    NDArray c = NDArray::empty(DType::Complex128, { 1 });
    std::complex<double> z(2.5, 9.0);
    std::memcpy(c.data(), &z, sizeof z);
    set_warning_sink([](const std::string&) { });
    NDArray r = astype(c, DType::Float64);
    set_warning_sink(nullptr);
    CHECK(reinterpret_cast<const double*>(r.data())[0] == 2.5);
}

TEST_CASE("assignment broadcasts and handles overlap", "[engine][array][cast]")
{
    NDArray a = NDArray::empty(DType::Int64, { 5 });
    for (int64_t i = 0; i < 5; ++i)
        reinterpret_cast<int64_t*>(a.data())[i] = i;
    // a[1:] = a[:-1]
    NDArray target = a, source = a;
    target.shape = { 4 };
    target.offset = 8;
    source.shape = { 4 };
    assign(target, source);
    auto* p = reinterpret_cast<const int64_t*>(a.data());
    CHECK(std::vector<int64_t>(p, p + 5) == std::vector<int64_t> { 0, 0, 1, 2, 3 });

    NDArray m = NDArray::zeros(DType::Float64, { 2, 3 });
    NDArray row = NDArray::empty(DType::Int32, { 3 });
    int32_t r[] = { 1, 2, 3 };
    std::memcpy(row.data(), r, sizeof r);
    assign(m, row);
    CHECK(reinterpret_cast<const double*>(m.data())[5] == 3.0);
    CHECK_THROWS(assign(m, NDArray::zeros(DType::Float64, { 4 })));
}
