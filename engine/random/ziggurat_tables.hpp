// The layer tables of numpy's ziggurat normal and exponential samplers (ziggurat_tables.cpp), read
// by engine/random/distributions.hpp.
#pragma once

#include <cstdint>

namespace ramba::random::ziggurat {

extern const uint64_t normal_ratio[256];
extern const double normal_width[256];
extern const double normal_density[256];
extern const uint32_t normal_ratio_f[256];
extern const float normal_width_f[256];
extern const float normal_density_f[256];
extern const uint64_t exponential_ratio[256];
extern const double exponential_width[256];
extern const double exponential_density[256];
extern const uint32_t exponential_ratio_f[256];
extern const float exponential_width_f[256];
extern const float exponential_density_f[256];

// The start of each tail (the base layer's right edge) and its inverse.
inline constexpr double normal_r = 3.6541528853610087963519472518;
inline constexpr double normal_inverse_r = 0.27366123732975827203338247596;
inline constexpr double exponential_r = 7.6971174701310497140446280481;
inline constexpr float normal_r_f = 3.6541528853610087963519472518f;
inline constexpr float normal_inverse_r_f = 0.27366123732975827203338247596f;
inline constexpr float exponential_r_f = 7.6971174701310497140446280481f;

} // namespace ramba::random::ziggurat
