// Element conversion between dtypes (numpy's unsafe casting as x86 numpy computes it), as strided
// copy loops: the executor gathers operands into blocks with them and scatters results with them.
#pragma once

#include <cstddef>
#include <cstdint>

#include "engine/dtype/dtype.hpp"

namespace ramba::vm {

// Copies n elements from `src` (stride in bytes) to `dst` (stride in bytes), converting dtype.
using ConvertFn = void (*)(const std::byte* src, int64_t src_stride, std::byte* dst, int64_t dst_stride, int64_t n);
ConvertFn convert_fn(engine::DType from, engine::DType to);

} // namespace ramba::vm
