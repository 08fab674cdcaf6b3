// "Did you mean" for NameError and AttributeError: the candidate nearest to a misspelt name, by
// Python 3.11's measure (see suggestions.cpp). Used when an uncaught error is reported.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ramba {

// The first candidate at the smallest edit distance from `name`, if it is close enough; empty if
// none is (or there are too many candidates to look at, as Python gives up at 750).
std::string closest_name(std::string_view name, const std::vector<std::string>& candidates);

// Whether numpy 1.24 has `module.name` (numpy, numpy.linalg, numpy.random, numpy.fft; the list is
// numpy_names.inc, written by scripts/gen-numpy-names): a name ramba lacks is then not a typo.
bool numpy_has(std::string_view module, std::string_view name);

} // namespace ramba
