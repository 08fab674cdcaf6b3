// Printing of arrays against numpy 1.24: fixtures/format_cases.txt holds arrays (dtype, shape, bytes)
// with numpy's str() and repr() under given print options (regenerate with gen_format_cases.py).
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "engine/array/format.hpp"

using namespace ramba::engine;

namespace {

std::string unescape(const std::string& s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            ++i;
            out += s[i] == 'n' ? '\n' : s[i];
        } else {
            out += s[i];
        }
    }
    return out;
}

NDArray parse_array(const std::string& dtype_text, const std::string& shape_text, const std::string& hex)
{
    DType dtype;
    REQUIRE(dtype_from_name(dtype_text, dtype));
    Shape shape;
    if (shape_text != "-") {
        std::stringstream stream(shape_text);
        std::string item;
        while (std::getline(stream, item, ','))
            shape.push_back(std::stoll(item));
    }
    NDArray array = NDArray::empty(dtype, shape);
    if (hex != "-") {
        for (size_t i = 0; i < hex.size() / 2; ++i)
            array.data()[i] = static_cast<std::byte>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
    }
    return array;
}

} // namespace

TEST_CASE("array printing matches numpy 1.24", "[engine][array][format]")
{
    auto path = std::filesystem::path(RAMBA_UNIT_ENGINE_DIR) / "fixtures" / "format_cases.txt";
    std::ifstream input(path);
    REQUIRE(input.good());
    std::string line;
    int cases = 0;
    while (std::getline(input, line)) {
        std::stringstream header(line);
        std::string tag, dtype, shape, hex;
        PrintOptions options;
        int suppress;
        header >> tag >> dtype >> shape >> hex >> options.precision >> options.threshold >> options.linewidth >> suppress
            >> options.edgeitems;
        options.suppress = suppress;
        REQUIRE(tag == "case");
        std::string str_line, repr_line;
        std::getline(input, str_line);
        std::getline(input, repr_line);
        NDArray array = parse_array(dtype, shape, hex);
        print_options() = options;
        INFO("case " << dtype << " shape " << shape << " (line " << 3 * cases + 1 << ")");
        CHECK(array_str(array) == unescape(str_line.substr(4)));
        CHECK(array_repr(array) == unescape(repr_line.substr(5)));
        print_options() = PrintOptions {};
        ++cases;
    }
    CHECK(cases > 50);
}

TEST_CASE("numpy scalar repr", "[engine][array][format]")
{
    CHECK(scalar_repr(Scalar::make(DType::Float64, 1.5)) == "1.5");
    CHECK(scalar_repr(Scalar::make(DType::Float64, 1.0)) == "1.0");
    CHECK(scalar_repr(Scalar::make(DType::Float64, 1e16)) == "1e+16");
    CHECK(scalar_repr(Scalar::make(DType::Float64, 1.5e-5)) == "1.5e-05");
    CHECK(scalar_repr(Scalar::make(DType::Float64, 0.0001)) == "0.0001");
    CHECK(scalar_repr(Scalar::make(DType::Float64, -0.0)) == "-0.0");
    CHECK(scalar_repr(Scalar::make(DType::Float32, 0.1f)) == "0.1");
    CHECK(scalar_repr(Scalar::make(DType::Int64, int64_t(-3))) == "-3");
    CHECK(scalar_repr(Scalar::make(DType::Bool, true)) == "True");
    CHECK(scalar_repr(Scalar::make(DType::Complex128, std::complex<double>(1, 2))) == "(1+2j)");
    CHECK(scalar_repr(Scalar::make(DType::Complex128, std::complex<double>(0, 2))) == "2j");
    CHECK(scalar_repr(Scalar::make(DType::Complex128, std::complex<double>(1.5, -0.5))) == "(1.5-0.5j)");
}

TEST_CASE("numpy scalar printing matches numpy 1.24", "[engine][array][format]")
{
    auto path = std::filesystem::path(RAMBA_UNIT_ENGINE_DIR) / "fixtures" / "scalar_cases.txt";
    std::ifstream input(path);
    REQUIRE(input.good());
    std::string line;
    int cases = 0;
    while (std::getline(input, line)) {
        std::stringstream stream(line);
        std::string tag, hex, expected;
        stream >> tag >> hex;
        std::getline(stream, expected);
        expected = expected.substr(1);
        DType dtype = tag == "f8" ? DType::Float64 : tag == "f4" ? DType::Float32 : DType::Complex128;
        Scalar scalar;
        scalar.dtype = dtype;
        for (size_t i = 0; i < hex.size() / 2; ++i)
            scalar.bytes[i] = static_cast<std::byte>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
        INFO(line);
        CHECK(scalar_repr(scalar) == expected);
        ++cases;
    }
    CHECK(cases > 100);
}
