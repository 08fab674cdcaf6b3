// engine/random: the MT19937, SeedSequence and PCG64 streams against values printed by numpy 1.24
// and CPython 3.11 (/usr/bin/python3), e.g.
//   np.random.RandomState(5489).randint(0, 2**32, size=5, dtype=np.uint32)
//   random.seed(42); [random.getrandbits(32) for _ in range(3)]
//   np.random.SeedSequence(0).generate_state(4);  np.random.PCG64(0).random_raw(3)
#include <catch2/catch.hpp>

#include <vector>

#include "engine/random/legacy_distributions.hpp"
#include "engine/random/mt19937.hpp"
#include "engine/random/pcg64.hpp"

using namespace ramba::random;

namespace {

std::vector<uint32_t> words(MT19937& mt, int count)
{
    std::vector<uint32_t> out;
    for (int i = 0; i < count; ++i)
        out.push_back(mt.next32());
    return out;
}

} // namespace

TEST_CASE("MT19937 seeded by init_genrand gives numpy's RandomState(5489) words", "[engine][random]")
{
    MT19937 mt(5489);
    CHECK(words(mt, 5) == std::vector<uint32_t> { 3499211612U, 581869302U, 3890346734U, 3586334585U, 545404204U });
    // The 1000th word: past one regeneration of the 624-word state.
    MT19937 far(5489);
    words(far, 999);
    CHECK(far.next32() == 1341017984U);
}

TEST_CASE("MT19937 seeded by init_by_array gives numpy's array seeds and CPython's random.seed", "[engine][random]")
{
    MT19937 mt;
    const uint32_t key[] = { 0x123, 0x234, 0x345, 0x456 };
    mt.seed_by_array(key);
    CHECK(words(mt, 5) == std::vector<uint32_t> { 1067595299U, 955945823U, 477289528U, 4107218783U, 4228976476U });
    const uint32_t python_seed[] = { 42 }; // random.seed(42): the absolute value's 32-bit words
    mt.seed_by_array(python_seed);
    CHECK(words(mt, 3) == std::vector<uint32_t> { 2746317213U, 478163327U, 107420369U });
}

TEST_CASE("MT19937's 53-bit double is numpy's random_sample", "[engine][random]")
{
    MT19937 mt(0);
    CHECK(mt.next_double() == 0.5488135039273248);
}

TEST_CASE("SeedSequence and PCG64 give numpy's state words and raw draws", "[engine][random]")
{
    CHECK(SeedSequence({ 0 }).generate_state(4) == std::vector<uint32_t> { 2968811710U, 3677149159U, 745650761U, 2884920346U });
    CHECK(SeedSequence({ 1, 0, 256 }).generate_state(3) == std::vector<uint32_t> { 2946415092U, 616684486U, 2452353942U }); // [1, 2**40]
    PCG64 pcg(SeedSequence({ 0 }));
    CHECK(pcg.next64() == 11749869230777074271ULL);
    CHECK(pcg.next64() == 4976686463289251617ULL);
    CHECK(pcg.next64() == 755828109848996024ULL);
}

TEST_CASE("the legacy Gaussian caches its second value", "[engine][random]")
{
    legacy::LegacyState a, b;
    a.bits.seed(3);
    b.bits.seed(3);
    double first = legacy::gauss(a);
    CHECK(a.has_gauss);
    double second = legacy::gauss(a);
    CHECK_FALSE(a.has_gauss);
    CHECK(first != second);
    // The pair came from one polar-method draw: a third value needs new words.
    CHECK(legacy::gauss(b) == first);
    CHECK(b.bits.position() == a.bits.position());
}
