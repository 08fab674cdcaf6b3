// Every VM op against numpy 1.24's own results on special values (NaN, inf, signed zeros, huge and
// tiny values) and numpy's result dtype for every dtype pair; tables from vm_numpy_tables.py.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstring>
#include <limits>
#include <string_view>
#include <sstream>

#include "engine/vm/ufunc.hpp"
#include "base/error.hpp"

using namespace ramba;
using engine::DType;
using engine::NDArray;

namespace {
#include "vm_numpy_tables.inc"

double from_bits(uint64_t bits)
{
    double d;
    std::memcpy(&d, &bits, sizeof d);
    return d;
}

template<typename T>
NDArray one(DType dtype, T value)
{
    NDArray a = NDArray::empty(dtype, { 1 });
    std::memcpy(a.data(), &value, sizeof(T));
    return a;
}

std::string describe(double x)
{
    std::ostringstream out;
    out.precision(17);
    out << x;
    return out.str();
}

bool same(double expected, double got)
{
    if (std::isnan(expected))
        return std::isnan(got);
    return std::memcmp(&expected, &got, sizeof(double)) == 0;
}

// numpy 1.24 computes float64 tanh with its own SIMD code (loops_hyperbolic), not libm; we call
// libm there, so allow its last-bit differences.
bool close(std::string_view op, double expected, double got)
{
    if (same(expected, got))
        return true;
    if (op != "tanh" || std::isnan(expected) || std::isnan(got))
        return false;
    return std::fabs(expected - got) <= 2 * std::numeric_limits<double>::epsilon() * std::fabs(expected);
}

double read_result(const NDArray& r)
{
    if (r.dtype == DType::Bool)
        return *reinterpret_cast<const bool*>(r.data()) ? 1.0 : 0.0;
    double value;
    std::memcpy(&value, r.data(), sizeof(double));
    return value;
}

} // namespace

TEST_CASE("float64 unary ops match numpy on special values", "[vm][ops]")
{
    int failures = 0;
    std::ostringstream report;
    for (auto& c : unary_float_cases) {
        auto op = vm::find_op(c.op);
        RAMBA_ASSERT(op.has_value(), "the tables name only ops of ops.def");
        NDArray r = vm::apply(*op, one(DType::Float64, from_bits(c.in)));
        double expected = c.is_bool ? static_cast<double>(c.out) : from_bits(c.out);
        if (!close(c.op, expected, read_result(r))) {
            ++failures;
            report << c.op << "(" << describe(from_bits(c.in)) << ") = " << describe(read_result(r)) << ", numpy "
                               << describe(expected) << "\n";
        }
    }
    vm::take_fp_warnings();
    INFO(report.str());
    CHECK(failures == 0);
}

TEST_CASE("float64 binary ops match numpy on special values", "[vm][ops]")
{
    int failures = 0;
    std::ostringstream report;
    for (auto& c : binary_float_cases) {
        auto op = vm::find_op(c.op);
        RAMBA_ASSERT(op.has_value(), "the tables name only ops of ops.def");
        NDArray r = vm::apply(*op, one(DType::Float64, from_bits(c.a)), one(DType::Float64, from_bits(c.b)));
        double expected = c.is_bool ? static_cast<double>(c.out) : from_bits(c.out);
        if (!same(expected, read_result(r))) {
            ++failures;
            report << c.op << "(" << describe(from_bits(c.a)) << ", " << describe(from_bits(c.b)) << ") = "
                               << describe(read_result(r)) << ", numpy " << describe(expected) << "\n";
        }
    }
    vm::take_fp_warnings();
    INFO(report.str());
    CHECK(failures == 0);
}

TEST_CASE("int64 ops match numpy (wrapping, floor semantics, division by zero)", "[vm][ops]")
{
    int failures = 0;
    std::ostringstream report;
    for (auto& c : int64_cases) {
        auto op = vm::find_op(c.op);
        RAMBA_ASSERT(op.has_value(), "the tables name only ops of ops.def");
        NDArray r = vm::op_arity(*op) == 2 ? vm::apply(*op, one(DType::Int64, c.a), one(DType::Int64, c.b))
                                           : vm::apply(*op, one(DType::Int64, c.a));
        int64_t got = 0;
        if (r.dtype == DType::Bool) got = *reinterpret_cast<const bool*>(r.data());
        else std::memcpy(&got, r.data(), sizeof(got));
        if (got != c.out) {
            ++failures;
            report << c.op << "(" << c.a << ", " << c.b << ") = " << got << ", numpy " << c.out << "\n";
        }
    }
    vm::take_fp_warnings();
    INFO(report.str());
    CHECK(failures == 0);
}

TEST_CASE("ufunc result dtypes match numpy for every dtype pair", "[vm][ops]")
{
    int failures = 0;
    std::ostringstream report;
    for (auto& c : type_cases) {
        auto op = vm::find_op(c.op);
        RAMBA_ASSERT(op.has_value(), "the tables name only ops of ops.def");
        NDArray a = NDArray::zeros(c.a, { 2 });
        NDArray b = NDArray::zeros(c.b, { 2 });
        std::vector<NDArray> inputs { a };
        if (vm::op_arity(*op) == 2) inputs.push_back(b);
        int got;
        try {
            got = static_cast<int>(vm::result_dtype(*op, inputs));
        } catch (const RambaError&) {
            got = -1;
        }
        if (got != c.result) {
            ++failures;
            report << c.op << "(" << engine::dtype_name(c.a) << ", " << engine::dtype_name(c.b) << ") -> "
                               << (got < 0 ? "TypeError" : engine::dtype_name(DType(got))) << ", numpy "
                               << (c.result < 0 ? "TypeError" : engine::dtype_name(DType(c.result))) << "\n";
        }
    }
    INFO(report.str());
    CHECK(failures == 0);
}
