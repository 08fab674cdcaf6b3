// Operand planning (broadcast strides, axis coalescing) and the per-thread block registers.
#include "engine/vm/block.hpp"

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <omp.h>

#include "engine/vm/ufunc.hpp"
#include "base/error.hpp"

namespace ramba::vm {

using namespace engine;

namespace {

// Drops unit axes and merges neighbours that every operand walks contiguously, so a C-contiguous
// operation becomes one flat loop and `row + column` stays two-dimensional.
void coalesce(Shape& shape, std::vector<Strides*> strides)
{
    Shape new_shape;
    std::vector<Strides> new_strides(strides.size());
    for (size_t axis = 0; axis < shape.size(); ++axis) {
        if (shape[axis] == 1)
            continue;
        bool merge = !new_shape.empty();
        for (size_t k = 0; merge && k < strides.size(); ++k)
            merge = new_strides[k].back() == (*strides[k])[axis] * shape[axis];
        if (merge) {
            new_shape.back() *= shape[axis];
            for (size_t k = 0; k < strides.size(); ++k)
                new_strides[k].back() = (*strides[k])[axis];
        } else {
            new_shape.push_back(shape[axis]);
            for (size_t k = 0; k < strides.size(); ++k)
                new_strides[k].push_back((*strides[k])[axis]);
        }
    }
    shape = new_shape;
    for (size_t k = 0; k < strides.size(); ++k)
        *strides[k] = new_strides[k];
}

bool is_c_layout(const Strides& strides, const Shape& shape, int64_t itemsize)
{
    int64_t expected = itemsize;
    for (size_t axis = shape.size(); axis-- > 0;) {
        if (strides[axis] != expected)
            return false;
        expected *= shape[axis];
    }
    return true;
}

bool is_all_zero(const Strides& strides)
{
    for (auto s : strides) {
        if (s != 0)
            return false;
    }
    return true;
}

template<typename Copy>
void walk(const OperandPlan& operand, const Shape& shape, int64_t start, int64_t n, Copy&& copy)
{
    size_t ndim = shape.size();
    if (ndim == 0) {
        copy(operand.data, int64_t(0), n);
        return;
    }
    int64_t index[64];
    int64_t rest = start;
    std::byte* pointer = operand.data;
    for (size_t axis = ndim; axis-- > 0;) {
        index[axis] = rest % shape[axis];
        rest /= shape[axis];
        pointer += index[axis] * operand.strides[axis];
    }
    size_t last = ndim - 1;
    while (n > 0) {
        int64_t run = std::min(shape[last] - index[last], n);
        copy(pointer, run, run);
        n -= run;
        index[last] += run;
        pointer += run * operand.strides[last];
        for (size_t axis = last; axis > 0 && index[axis] == shape[axis]; --axis) {
            pointer -= index[axis] * operand.strides[axis];
            index[axis] = 0;
            ++index[axis - 1];
            pointer += operand.strides[axis - 1];
        }
    }
}

} // namespace

BlockPlan plan_blocks(std::span<const NDArray> inputs, const NDArray& out, const DType* loop_inputs, DType loop_output)
{
    RAMBA_ASSERT(out.shape.size() < 64, "numpy limits arrays to 32 dimensions");
    BlockPlan plan;
    plan.shape = out.shape;
    plan.size = 1;
    for (auto extent : out.shape)
        plan.size *= extent;
    plan.inputs.resize(inputs.size());
    for (size_t k = 0; k < inputs.size(); ++k) {
        auto& operand = plan.inputs[k];
        operand.data = inputs[k].data();
        operand.strides = broadcast_strides(inputs[k], out.shape);
        operand.from = inputs[k].dtype;
        operand.to = loop_inputs[k];
        operand.convert = convert_fn(operand.from, operand.to);
    }
    plan.output.data = out.buffer ? out.data() : nullptr; // programs plan loads against a data-less space
    plan.output.strides = out.strides;
    plan.output.from = out.dtype;
    plan.output.to = loop_output;
    plan.output.convert = convert_fn(loop_output, out.dtype);

    std::vector<Strides*> all;
    for (auto& operand : plan.inputs)
        all.push_back(&operand.strides);
    all.push_back(&plan.output.strides);
    coalesce(plan.shape, all);

    for (auto& operand : plan.inputs) {
        if (is_all_zero(operand.strides))
            operand.kind = OperandPlan::Kind::Scalar;
        else if (operand.from == operand.to && is_c_layout(operand.strides, plan.shape, dtype_itemsize(operand.from)))
            operand.kind = OperandPlan::Kind::Direct;
    }
    if (plan.output.from == plan.output.to && is_c_layout(plan.output.strides, plan.shape, dtype_itemsize(loop_output)))
        plan.output.kind = OperandPlan::Kind::Direct;
    return plan;
}

void gather(const OperandPlan& operand, const Shape& shape, int64_t start, int64_t n, std::byte* block)
{
    int64_t itemsize = dtype_itemsize(operand.to);
    walk(operand, shape, start, n, [&](std::byte* source, int64_t run, int64_t count) {
        int64_t stride = shape.empty() ? 0 : operand.strides[shape.size() - 1];
        operand.convert(source, stride, block, itemsize, count);
        block += count * itemsize;
        (void)run;
    });
}

void scatter(const OperandPlan& operand, const Shape& shape, int64_t start, int64_t n, const std::byte* block)
{
    int64_t itemsize = dtype_itemsize(operand.to);
    walk(operand, shape, start, n, [&](std::byte* target, int64_t run, int64_t count) {
        int64_t stride = shape.empty() ? 0 : operand.strides[shape.size() - 1];
        operand.convert(block, itemsize, target, stride, count);
        block += count * itemsize;
        (void)run;
    });
}

std::byte* thread_scratch(size_t bytes)
{
    // OPTIMIZATION: one allocation per thread for the process, not one (zero-filled) per call: tiny
    // arrays otherwise pay more for their block registers than for their arithmetic.
    thread_local std::unique_ptr<std::byte[]> storage;
    thread_local size_t capacity = 0;
    if (capacity < bytes + 64) {
        capacity = bytes + 64;
        storage.reset(new std::byte[capacity]);
    }
    auto address = reinterpret_cast<uintptr_t>(storage.get());
    return storage.get() + ((64 - address % 64) % 64);
}

BlockScratch::BlockScratch(const BlockPlan& plan)
    : m_plan(plan)
{
    // 16 bytes per element covers complex128, the widest dtype.
    size_t block_bytes = block_elements * 16;
    size_t count = plan.inputs.size() + 1;
    std::byte* base = thread_scratch(block_bytes * count);
    for (size_t k = 0; k < count; ++k)
        m_blocks[k] = base + k * block_bytes;
}

const void* BlockScratch::input(int k, int64_t start, int64_t n)
{
    auto& operand = m_plan.inputs[k];
    switch (operand.kind) {
    case OperandPlan::Kind::Direct:
        return operand.data + start * static_cast<int64_t>(dtype_itemsize(operand.from));
    case OperandPlan::Kind::Scalar:
        if (!m_scalar_ready[k]) {
            operand.convert(operand.data, 0, m_blocks[k], dtype_itemsize(operand.to), std::min(block_elements, m_plan.size));
            m_scalar_ready[k] = true;
        }
        return m_blocks[k];
    case OperandPlan::Kind::Gather:
        gather(operand, m_plan.shape, start, n, m_blocks[k]);
        return m_blocks[k];
    }
    __builtin_unreachable();
}

void* BlockScratch::output(int64_t start)
{
    auto& operand = m_plan.output;
    if (operand.kind == OperandPlan::Kind::Direct)
        return operand.data + start * static_cast<int64_t>(dtype_itemsize(operand.from));
    return m_blocks[m_plan.inputs.size()];
}

void BlockScratch::store_output(int64_t start, int64_t n)
{
    auto& operand = m_plan.output;
    if (operand.kind != OperandPlan::Kind::Direct)
        scatter(operand, m_plan.shape, start, n, m_blocks[m_plan.inputs.size()]);
}

namespace {
std::atomic<int> configured_threads { 0 };
}

void set_num_threads(int threads)
{
    configured_threads.store(threads < 0 ? 0 : threads);
}

int num_threads()
{
    int configured = configured_threads.load();
    if (configured > 0)
        return configured;
    static const int from_environment = [] {
        const char* env = std::getenv("RAMBA_NUM_THREADS");
        int value = env ? std::atoi(env) : 0;
        return value > 0 ? value : omp_get_num_procs();
    }();
    return from_environment;
}

} // namespace ramba::vm
