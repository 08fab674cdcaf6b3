// Tests of vm::apply: broadcasting, strides, type resolution and numpy's error texts.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <vector>

#include "engine/vm/ufunc.hpp"

using namespace ramba;
using engine::DType;
using engine::NDArray;

namespace {

template<typename T>
NDArray make(DType dtype, engine::Shape shape, std::vector<T> values)
{
    NDArray a = NDArray::empty(dtype, shape);
    REQUIRE(static_cast<int64_t>(values.size()) == a.size());
    for (size_t i = 0; i < values.size(); ++i) {
        T v = values[i];
        std::memcpy(a.data() + i * sizeof(T), &v, sizeof(T));
    }
    return a;
}

template<typename T>
NDArray scalar(DType dtype, T value)
{
    return make<T>(dtype, {}, { value });
}

template<typename T>
std::vector<T> values(const NDArray& a)
{
    std::vector<T> out;
    engine::for_each_element(a, [&](std::byte* p) { T v; std::memcpy(&v, p, sizeof(T)); out.push_back(v); });
    return out;
}

} // namespace

TEST_CASE("add broadcasts a row over a column", "[vm]")
{
    auto row = make<int64_t>(DType::Int64, { 3 }, { 1, 2, 3 });
    auto column = make<int64_t>(DType::Int64, { 2, 1 }, { 10, 20 });
    auto sum = vm::apply(vm::OpCode::Add, row, column);
    CHECK(sum.dtype == DType::Int64);
    CHECK(sum.shape == engine::Shape { 2, 3 });
    CHECK(values<int64_t>(sum) == std::vector<int64_t> { 11, 12, 13, 21, 22, 23 });
}

TEST_CASE("int / int gives float64, sqrt(int) gives float", "[vm]")
{
    auto a = make<int64_t>(DType::Int64, { 3 }, { 1, 2, 3 });
    auto b = make<int64_t>(DType::Int64, { 3 }, { 2, 2, 2 });
    auto q = vm::apply(vm::OpCode::TrueDivide, a, b);
    CHECK(q.dtype == DType::Float64);
    CHECK(values<double>(q) == std::vector<double> { 0.5, 1.0, 1.5 });
    CHECK(vm::apply(vm::OpCode::Sqrt, a).dtype == DType::Float64);
}

TEST_CASE("value-based casting keeps int8 + 1 in int8 and float32 * 2.0 in float32", "[vm]")
{
    auto a = make<int8_t>(DType::Int8, { 2 }, { 1, 2 });
    CHECK(vm::apply(vm::OpCode::Add, a, scalar<int64_t>(DType::Int64, 1)).dtype == DType::Int8);
    CHECK(vm::apply(vm::OpCode::Add, a, scalar<int64_t>(DType::Int64, 300)).dtype == DType::Int16);
    auto f = make<float>(DType::Float32, { 2 }, { 1, 2 });
    CHECK(vm::apply(vm::OpCode::Multiply, f, scalar<double>(DType::Float64, 2.0)).dtype == DType::Float32);
}

TEST_CASE("strided and negative-stride inputs", "[vm]")
{
    auto a = make<double>(DType::Float64, { 6 }, { 0, 1, 2, 3, 4, 5 });
    NDArray reversed = a;
    reversed.strides = { -8 };
    reversed.offset = 5 * 8;
    NDArray every_other = a;
    every_other.shape = { 3 };
    every_other.strides = { 16 };
    auto r = vm::apply(vm::OpCode::Multiply, reversed, scalar<double>(DType::Float64, 2.0));
    CHECK(values<double>(r) == std::vector<double> { 10, 8, 6, 4, 2, 0 });
    auto e = vm::apply(vm::OpCode::Add, every_other, every_other);
    CHECK(values<double>(e) == std::vector<double> { 0, 4, 8 });
}

TEST_CASE("errors in numpy's words", "[vm]")
{
    auto f = make<double>(DType::Float64, { 2 }, { 1, 2 });
    auto three = make<double>(DType::Float64, { 3 }, { 1, 2, 3 });
    CHECK_THROWS_WITH(vm::apply(vm::OpCode::BitwiseAnd, f, f),
        "ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any "
        "supported types according to the casting rule ''safe''");
    CHECK_THROWS_WITH(vm::apply(vm::OpCode::Add, f, three), "operands could not be broadcast together with shapes (2,) (3,) ");
    auto i = make<int64_t>(DType::Int64, { 2 }, { 1, 2 });
    auto negative = make<int64_t>(DType::Int64, { 2 }, { 1, -2 });
    CHECK_THROWS_WITH(vm::apply(vm::OpCode::Power, i, negative), "Integers to negative integer powers are not allowed.");
    CHECK_THROWS_WITH(vm::apply_into(vm::OpCode::Add, std::vector<NDArray> { i, scalar<double>(DType::Float64, 1.5) }, i),
        "Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'");
}

TEST_CASE("integer floor_divide and remainder by zero give 0", "[vm]")
{
    auto a = make<int64_t>(DType::Int64, { 4 }, { 7, -7, 7, -7 });
    auto b = make<int64_t>(DType::Int64, { 4 }, { 2, 2, 0, -2 });
    CHECK(values<int64_t>(vm::apply(vm::OpCode::FloorDivide, a, b)) == std::vector<int64_t> { 3, -4, 0, 3 });
    CHECK(values<int64_t>(vm::apply(vm::OpCode::Remainder, a, b)) == std::vector<int64_t> { 1, 1, 0, -1 });
}

TEST_CASE("large arrays run on threads and match the small path", "[vm]")
{
    int64_t n = 200000;
    NDArray a = NDArray::empty(DType::Float64, { n });
    auto* p = reinterpret_cast<double*>(a.data());
    for (int64_t i = 0; i < n; ++i) p[i] = i / 1000.0;
    auto s = vm::apply(vm::OpCode::Sin, a);
    auto* q = reinterpret_cast<const double*>(s.data());
    double worst = 0;
    for (int64_t i = 0; i < n; ++i) worst = std::max(worst, std::fabs(q[i] - std::sin(p[i])));
    CHECK(worst < 1e-15);
}

TEST_CASE("where picks by condition with result_type of x and y", "[vm]")
{
    auto cond = make<bool>(DType::Bool, { 3 }, { true, false, true });
    auto x = make<int64_t>(DType::Int64, { 3 }, { 1, 2, 3 });
    auto w = vm::where(cond, x, scalar<double>(DType::Float64, 0.5));
    CHECK(w.dtype == DType::Float64);
    CHECK(values<double>(w) == std::vector<double> { 1, 0.5, 3 });
}
