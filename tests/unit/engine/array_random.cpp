// engine::RandomStream: reproducible for a seed, independent of the thread count (counter-based).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <omp.h>

#include "engine/array/random.hpp"

using namespace ramba::engine;

namespace {

std::vector<double> doubles(const NDArray& a)
{
    std::vector<double> out(static_cast<size_t>(a.size()));
    std::memcpy(out.data(), a.data(), out.size() * sizeof(double));
    return out;
}

} // namespace

TEST_CASE("random streams are reproducible and thread-count independent", "[engine][array][random]")
{
    RandomStream a(42), b(42), c(43);
    CHECK(doubles(a.random({ 1000 })) == doubles(b.random({ 1000 })));
    CHECK(doubles(a.random({ 10 })) != doubles(c.random({ 10 })));

    // Draws are a pure function of (seed, position): one draw of 2n equals two draws of n.
    RandomStream whole(7), halves(7);
    auto all = doubles(whole.standard_normal({ 200 }));
    auto first = doubles(halves.standard_normal({ 100 }));
    auto second = doubles(halves.standard_normal({ 100 }));
    first.insert(first.end(), second.begin(), second.end());
    CHECK(all == first);

    int saved = omp_get_max_threads();
    omp_set_num_threads(1);
    auto one_thread = doubles(RandomStream(9).random({ 300000 }));
    omp_set_num_threads(std::max(2, saved));
    auto many_threads = doubles(RandomStream(9).random({ 300000 }));
    omp_set_num_threads(saved);
    CHECK(one_thread == many_threads);

    NDArray ints = RandomStream(1).integers(-3, 4, { 10000 }, DType::Int64);
    auto* p = reinterpret_cast<const int64_t*>(ints.data());
    bool in_range = true;
    for (int64_t i = 0; i < ints.size(); ++i)
        in_range = in_range && p[i] >= -3 && p[i] < 4;
    CHECK(in_range);

    NDArray perm = RandomStream(3).permutation(50);
    std::vector<int64_t> sorted(reinterpret_cast<const int64_t*>(perm.data()), reinterpret_cast<const int64_t*>(perm.data()) + 50);
    std::sort(sorted.begin(), sorted.end());
    for (int64_t i = 0; i < 50; ++i)
        CHECK(sorted[static_cast<size_t>(i)] == i);
}
