// .npy/.npz interoperability with numpy 1.24: we read files numpy wrote (fixtures/*.npy, *.npz from
// gen_npy_fixtures.py) and write byte-identical .npy files; our .npz round-trips through our reader.
#include <catch2/catch.hpp>

#include <cstring>
#include <filesystem>

#include "engine/array/cast.hpp"
#include "engine/array/npy.hpp"
#include "engine/array/shape_ops.hpp"

using namespace ramba::engine;

namespace {

std::string fixture(const char* name)
{
    return read_file((std::filesystem::path(RAMBA_UNIT_ENGINE_DIR) / "fixtures" / name).string());
}

template<typename T>
std::vector<T> values(const NDArray& array)
{
    NDArray c = ascontiguous(array);
    std::vector<T> out(static_cast<size_t>(c.size()));
    std::memcpy(out.data(), c.data(), out.size() * sizeof(T));
    return out;
}

} // namespace

TEST_CASE("read .npy files written by numpy", "[engine][array][npy]")
{
    NDArray f8 = npy_decode(fixture("np_f8.npy"), "np_f8.npy");
    CHECK(f8.dtype == DType::Float64);
    CHECK(f8.shape == Shape { 3, 4 });
    CHECK(values<double>(f8)[11] == 11.0);

    NDArray i4 = npy_decode(fixture("np_i4.npy"), "np_i4.npy");
    CHECK(i4.dtype == DType::Int32);
    CHECK(values<int32_t>(i4) == std::vector<int32_t> { 1, -2, 3 });

    NDArray b = npy_decode(fixture("np_bool.npy"), "np_bool.npy");
    CHECK(b.dtype == DType::Bool);
    CHECK(b.shape == Shape { 1, 2 });

    NDArray c = npy_decode(fixture("np_c16.npy"), "np_c16.npy");
    CHECK(values<std::complex<double>>(c)[1] == std::complex<double>(0, -3.5));

    NDArray fortran = npy_decode(fixture("np_fortran.npy"), "np_fortran.npy");
    CHECK(fortran.shape == Shape { 2, 3 });
    CHECK(values<int64_t>(fortran) == std::vector<int64_t> { 0, 1, 2, 3, 4, 5 });

    NDArray scalar = npy_decode(fixture("np_scalar.npy"), "np_scalar.npy");
    CHECK(scalar.ndim() == 0);
    CHECK(values<double>(scalar)[0] == 2.5);
}

TEST_CASE("write .npy byte-identical to numpy", "[engine][array][npy]")
{
    for (const char* name : { "np_f8.npy", "np_i4.npy", "np_bool.npy", "np_c16.npy", "np_scalar.npy" }) {
        std::string bytes = fixture(name);
        INFO(name);
        CHECK(npy_encode(npy_decode(bytes, name)) == bytes);
    }
}

TEST_CASE("read .npz archives (stored and deflated)", "[engine][array][npy]")
{
    auto plain = zip_decode(fixture("np_plain.npz"));
    // numpy's savez writes keyword arrays first, then arr_0, arr_1, ...
    REQUIRE(plain.size() == 2);
    CHECK(plain[0].first == "y.npy");
    CHECK(npy_decode(plain[0].second, "y").dtype == DType::Float32);
    CHECK(plain[1].first == "arr_0.npy");
    CHECK(values<int64_t>(npy_decode(plain[1].second, "arr_0")) == std::vector<int64_t> { 0, 1, 2 });

    auto compressed = zip_decode(fixture("np_compressed.npz"));
    REQUIRE(compressed.size() == 1);
    CHECK(values<double>(npy_decode(compressed[0].second, "x")) == std::vector<double> { 0, 1, 2, 3, 4 });

    auto ours = zip_decode(zip_encode({ { "a.npy", npy_encode(reshape(NDArray::zeros(DType::Int8, { 4 }), { 2, 2 })) } }));
    REQUIRE(ours.size() == 1);
    CHECK(npy_decode(ours[0].second, "a").shape == Shape { 2, 2 });
}

TEST_CASE("reject pickles and object arrays", "[engine][array][npy]")
{
    CHECK_THROWS(npy_decode("\x80\x04garbage", "x"));
    std::string header = "{'descr': '|O', 'fortran_order': False, 'shape': (1,), }";
    std::string bytes = std::string("\x93NUMPY\x01\x00", 8);
    bytes += static_cast<char>(header.size());
    bytes += '\0';
    bytes += header;
    CHECK_THROWS(npy_decode(bytes, "object"));
}
