// Block registers of the executor: how each operand of a loop is fed to kernels block by block
// (a direct pointer into contiguous data, a broadcast scalar, or a strided gather with a cast).
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/vm/cast.hpp"
#include "engine/vm/kernels.hpp"

namespace ramba::vm {

// 4096 elements: a block of float64 is 32 KiB, so a few operand blocks stay in L2 while a kernel
// streams through them (numexpr found the same order of magnitude; measured on the 2-core EPYC
// dev box, 1K-16K perform within a few percent for `sin(a) + b` at 1e7).
inline constexpr int64_t block_elements = 4096;
// Below this many elements one thread does the work: an OpenMP fork costs a few microseconds.
inline constexpr int64_t parallel_min_elements = 1 << 15;
// libmvec results may differ from libm by a few ulp; short arrays use scalar libm so that small
// results print exactly as numpy (which calls libm for float64 on AVX2 machines) prints them.
inline constexpr int64_t vector_math_min_elements = 8192;

// `array`'s strides seen over the broadcast `shape` (its last axes): 0 on stretched and new axes.
inline engine::Strides broadcast_strides(const engine::NDArray& array, const engine::Shape& shape)
{
    engine::Strides strides(shape.size(), 0);
    size_t offset = shape.size() - array.shape.size();
    for (size_t axis = 0; axis < array.shape.size(); ++axis) {
        if (array.shape[axis] != 1)
            strides[offset + axis] = array.strides[axis];
    }
    return strides;
}

struct OperandPlan {
    enum class Kind : uint8_t { Direct, Scalar, Gather };
    Kind kind { Kind::Gather };
    std::byte* data { nullptr };
    engine::Strides strides; // over BlockPlan::shape, in bytes
    engine::DType from { engine::DType::Float64 }; // the array's dtype
    engine::DType to { engine::DType::Float64 };   // the loop's dtype
    ConvertFn convert { nullptr };                 // from -> to (for the output: to -> from)
};

struct BlockPlan {
    engine::Shape shape; // the iteration space, unit axes dropped and contiguous axes merged
    int64_t size { 0 };  // elements in the space
    std::vector<OperandPlan> inputs;
    OperandPlan output;
};

// Broadcasts inputs to out.shape and chooses how each is read; out is written in C order.
BlockPlan plan_blocks(std::span<const engine::NDArray> inputs, const engine::NDArray& out,
    const engine::DType* loop_inputs, engine::DType loop_output);

// Strided walks over a plan's shape in C order, starting at a flat index.
void gather(const OperandPlan&, const engine::Shape&, int64_t start, int64_t n, std::byte* block);
void scatter(const OperandPlan&, const engine::Shape&, int64_t start, int64_t n, const std::byte* block);

// One thread's block registers for a plan.
class BlockScratch {
public:
    explicit BlockScratch(const BlockPlan&);
    const void* input(int k, int64_t start, int64_t n);
    void* output(int64_t start);
    void store_output(int64_t start, int64_t n);

private:
    const BlockPlan& m_plan;
    std::byte* m_blocks[max_arity + 1] {};
    bool m_scalar_ready[max_arity] {};
};

// Uninitialised, 64-byte aligned scratch of at least `bytes`, owned by the calling thread and
// reused by its next call (registers are rewritten before they are read).
std::byte* thread_scratch(size_t bytes);

// Threads for kernels: set_num_threads(), else RAMBA_NUM_THREADS, else every core.
int num_threads();

} // namespace ramba::vm
