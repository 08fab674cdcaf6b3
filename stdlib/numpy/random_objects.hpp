// Internal to stdlib/numpy's random rows: the objects default_rng's API is made of — a Generator's
// state (PCG64 + the binomial set-up), the Generator, its bit generator view and numpy's
// SeedSequence — shared by random_generator.cpp (Generator's methods) and random_bit_generators.cpp
// (SeedSequence, PCG64, Generator(), default_rng()).
#pragma once

#include "stdlib/numpy/random_support.hpp"

namespace ramba::numpy {

struct GeneratorState {
    random::PCG64 bits;
    random::BinomialCache binomial;
    uint32_t next32() { return bits.next32(); }
    uint64_t next64() { return bits.next64(); }
    double next_double() { return bits.next_double(); }
};

struct GeneratorObject final : interp::OpaqueObject {
    GeneratorState state;
    explicit GeneratorObject(const random::SeedSequence& seed) : state { random::PCG64(seed), {} } { }
    const interp::TypeInfo& type_info() const override;
};

// The bit generator object `rng.bit_generator` returns: a view of its Generator's PCG64.
struct BitGeneratorObject final : interp::OpaqueObject {
    interp::Ref<GeneratorObject> generator;
    explicit BitGeneratorObject(interp::Ref<GeneratorObject> g) : generator(std::move(g)) { }
    const interp::TypeInfo& type_info() const override;
};

// numpy's SeedSequence(entropy, spawn_key=()): the entropy as given (for repr and spawn) and its words.
struct SeedSequenceObject final : interp::OpaqueObject {
    interp::Value entropy;
    std::vector<uint32_t> entropy_words;
    std::vector<int64_t> spawn_key;
    int64_t children_spawned { 0 };
    random::SeedSequence sequence() const
    {
        std::vector<uint32_t> key;
        for (int64_t k : spawn_key) {
            uint64_t u = static_cast<uint64_t>(k);
            if (u == 0)
                key.push_back(0);
            for (; u > 0; u >>= 32)
                key.push_back(static_cast<uint32_t>(u & 0xFFFFFFFFU));
        }
        return random::SeedSequence(entropy_words, key);
    }
    const interp::TypeInfo& type_info() const override;
};


// A seed as numpy's SeedSequence takes it: None (fresh entropy), an int, a sequence of ints, or a
// SeedSequence object.
random::SeedSequence seed_sequence(interp::CallContext&, const interp::Value& seed);
std::string object_address(const void*);

} // namespace ramba::numpy
