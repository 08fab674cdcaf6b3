// The .npy (format 1.0) and .npz (zip of .npy files) formats: numpy reads what we write and we read
// what numpy writes (little-endian numeric dtypes, C or Fortran order; no object arrays or pickles).
// Writes go to a temporary file that is renamed into place.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "engine/array/ndarray.hpp"

namespace ramba::engine {

std::string npy_encode(const NDArray&);
NDArray npy_decode(const std::string& bytes, const std::string& what); // ValueError on bad input

void write_file_atomically(const std::string& path, const std::string& bytes); // OSError on failure
std::string read_file(const std::string& path);                            // FileNotFoundError

// A zip archive of STORED entries (numpy's savez); reading also inflates DEFLATE entries (savez_compressed).
std::string zip_encode(const std::vector<std::pair<std::string, std::string>>& entries, bool deflate = false);
std::vector<std::pair<std::string, std::string>> zip_decode(const std::string& bytes);

} // namespace ramba::engine
