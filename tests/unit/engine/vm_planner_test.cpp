// The lazy planner: fused kernels give the eager executor's results bit for bit (RAMBA_FUSE=0 path),
// one kernel per iteration space, and barriers (nested reductions, broadcast aranges) handled.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>

#include "engine/planner/node.hpp"

using namespace ramba;
using namespace ramba::engine::planner;
using engine::DType;
using engine::NDArray;
using vm::OpCode;

namespace {

NodePtr constant(double value)
{
    NDArray a = NDArray::empty(DType::Float64, {});
    std::memcpy(a.data(), &value, sizeof value);
    return array_node(a);
}

NodePtr constant_int(int64_t value)
{
    NDArray a = NDArray::empty(DType::Int64, {});
    std::memcpy(a.data(), &value, sizeof value);
    return array_node(a);
}

// The seed workload: A = arange(n) / 1000.0; B = sin(A); C = cos(A); D = B*B + C**2.
NodePtr seed(int64_t n, NodePtr* a_out = nullptr)
{
    NodePtr a = elementwise_node(OpCode::TrueDivide, { arange_node(0, 1, n, DType::Int64), constant(1000.0) });
    NodePtr b = elementwise_node(OpCode::Sin, { a });
    NodePtr c = elementwise_node(OpCode::Cos, { a });
    if (a_out)
        *a_out = a;
    return elementwise_node(OpCode::Add, { elementwise_node(OpCode::Multiply, { b, b }),
                                             elementwise_node(OpCode::Power, { c, constant_int(2) }) });
}

bool same_bits(const NDArray& x, const NDArray& y)
{
    return x.dtype == y.dtype && x.shape == y.shape && std::memcmp(x.data(), y.data(), x.nbytes()) == 0;
}

} // namespace

TEST_CASE("the seed workload fuses into one kernel and matches the unfused result", "[vm][planner]")
{
    for (int64_t n : { 10, 5000, 100003 }) {
        set_fusion_enabled(false);
        NDArray eager = evaluate(seed(n));
        set_fusion_enabled(true);
        NodePtr d = seed(n);
        NodePtr roots[] = { d };
        std::string text = explain(roots);
        CHECK(text.find("kernel over") == 0);
        CHECK(text.find("kernel over", 1) == std::string::npos);
        CHECK(text.find("iota") != std::string::npos);
        NDArray fused = evaluate(d);
        CHECK(fused.dtype == DType::Float64);
        CHECK(fused.shape == engine::Shape { n });
        CHECK(same_bits(fused, eager));
        CHECK(d->is_materialized());
    }
}

TEST_CASE("a trailing reduction fuses and gives vm::reduce's (numpy's) bits", "[vm][planner]")
{
    int64_t n = 300007;
    NodePtr total = reduce_node(vm::ReduceOp::Sum, seed(n));
    NodePtr roots[] = { total };
    CHECK(explain(roots).find("reduce sum") != std::string::npos);
    NDArray fused = evaluate(total);
    set_fusion_enabled(false);
    NDArray eager = evaluate(reduce_node(vm::ReduceOp::Sum, seed(n)));
    set_fusion_enabled(true);
    CHECK(same_bits(fused, eager));
}

TEST_CASE("independent outputs of one space share a kernel; barriers are computed first", "[vm][planner]")
{
    NodePtr a;
    NodePtr d = seed(1000, &a);
    NodePtr s = reduce_node(vm::ReduceOp::Max, a);
    NodePtr roots[] = { d, s };
    std::string text = explain(roots);
    CHECK(text.find("kernel over", 1) == std::string::npos);
    auto results = evaluate(roots);
    CHECK(*reinterpret_cast<const double*>(results[1].data()) == 0.999);

    // a - a.sum(): the nested reduction becomes its own kernel, then the subtraction.
    NodePtr x = elementwise_node(OpCode::TrueDivide, { arange_node(0, 1, 4, DType::Int64), constant(2.0) });
    NodePtr centred = elementwise_node(OpCode::Subtract, { x, reduce_node(vm::ReduceOp::Sum, x) });
    NDArray r = evaluate(centred);
    auto* p = reinterpret_cast<const double*>(r.data());
    CHECK(p[0] == -3.0);
    CHECK(p[3] == -1.5);

    // A 1-d arange broadcast over rows is materialised, then loaded with a zero stride.
    NDArray grid = NDArray::zeros(DType::Int64, { 3, 4 });
    NodePtr sum = elementwise_node(OpCode::Add, { array_node(grid), arange_node(0, 1, 4, DType::Int64) });
    NDArray g = evaluate(sum);
    CHECK(reinterpret_cast<const int64_t*>(g.data())[7] == 3);
}

TEST_CASE("node factories report numpy's errors where the node is built", "[vm][planner]")
{
    NodePtr three = arange_node(0, 1, 3, DType::Int64);
    NodePtr four = arange_node(0, 1, 4, DType::Int64);
    CHECK_THROWS_WITH(elementwise_node(OpCode::Add, { three, four }),
        "operands could not be broadcast together with shapes (3,) (4,) ");
    NodePtr f = elementwise_node(OpCode::TrueDivide, { three, constant(2.0) });
    CHECK_THROWS_WITH(elementwise_node(OpCode::BitwiseAnd, { f, f }),
        "ufunc 'bitwise_and' not supported for the input types, and the inputs could not be safely coerced to any "
        "supported types according to the casting rule ''safe''");
}
