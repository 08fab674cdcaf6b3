// A kernel: a register program the planner compiles from a fused DAG. Each register holds one block
// of the iteration space; run_program walks the space block by block over OpenMP threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "engine/array/ndarray.hpp"
#include "engine/vm/kernels.hpp"
#include "engine/vm/opcode.hpp"

namespace ramba::vm {

enum class InstructionKind : uint8_t {
    Load,     // register <- inputs[input] (broadcast to the space, cast to the register's dtype)
    Iota,     // register <- start + step * flat_index (np.arange generated in registers)
    Constant, // register <- a 0-d array, broadcast (filled once per thread)
    Apply,    // register <- loop.kernel(operands)
    Cast,     // register <- operands[0] converted to the register's dtype
    Store,    // outputs[output] <- register (cast to the output's dtype)
    Reduce,   // accumulators[output] <- fold of register (sum, prod, min, max: of the whole space, or per row)
};

enum class ProgramReduce : uint8_t { Sum, Prod, Min, Max };

struct Instruction {
    InstructionKind kind { InstructionKind::Apply };
    int target { -1 };                  // register written (Load, Iota, Constant, Apply)
    int operands[max_arity] { -1, -1, -1 }; // registers read (Apply), or [0] for Store/Reduce
    int operand_count { 0 };
    OpCode op { OpCode::Add };
    const Loop* loop { nullptr };       // Apply: the resolved loop (its kernel, dtypes)
    int index { -1 };                   // Load: input; Constant: constant; Store/Reduce: output
    double start { 0 }, step { 1 };     // Iota
    ProgramReduce reduce { ProgramReduce::Sum };
    int direct_store { -1 };            // Apply: the Store (code index) it may write straight into
    bool per_row { false };             // Reduce: one result per row (last axis) of the space
};

struct Program {
    engine::Shape shape;                  // the iteration space
    std::vector<engine::DType> registers; // each register's dtype
    std::vector<Instruction> code;
    std::vector<engine::NDArray> inputs;    // broadcastable to `shape`
    std::vector<const void*> input_origins; // per input, what supplied it (the planner's node)
    std::vector<engine::NDArray> constants; // 0-d
    std::vector<engine::NDArray> outputs;   // Store targets (shape `shape`), Reduce results (0-d, or
                                            // shape[:-1] for a per-row Reduce)
    // Flat index of this space's first element within a larger one: a worker runs rows of the
    // driver's space, and its iotas and reduction blocks must line up with the whole.
    int64_t index_offset { 0 };
};

// The block size of programs that reduce: each block folds pairwise, then blocks add in order.
inline constexpr int64_t reduction_block = 8192;

// Per Reduce output: one 16-byte slot per block holding that block's partial, in block order.
using BlockPartials = std::vector<std::vector<std::byte>>;

// The two-instruction program `r0 <- first; out0 <- r0` over `shape` in `dtype`: a fill (Constant:
// constants[0]), a copy (Load: inputs[0]) or an arange (Iota: set start and step). The output is only
// described (dtype and shape); the caller sets inputs/constants and allocates or maps the output.
Program store_program(InstructionKind first, engine::DType, const engine::Shape&);

// Runs the program; reductions follow numpy's order (pairwise within 8192-element blocks, blocks
// added in order), so results never depend on the thread count. A program with a per-row Reduce
// walks row by row (blocks start at each row's first element, as numpy's loop over a row does) and
// must not also hold a whole-space Reduce.
void run_program(const Program&);
// The same, but leaves the per-block partials of the reductions to the caller (a worker sends them
// to the driver, which folds every worker's blocks in order: the same bits as one local pass).
// Needs index_offset to be a multiple of reduction_block.
BlockPartials run_program_partials(const Program&);
// Folds block partials (in block order) of a reduce over `dtype` into the 0-d `output`.
void fold_partials(ProgramReduce, engine::DType, std::span<const std::byte> partials, const engine::NDArray& output);
// The same for a per-row reduction over rows of `row_length`: row r's partials (row mode: blocks of
// reduction_block from each row's start) fold into element r of `output` (C-contiguous).
void fold_row_partials(ProgramReduce, engine::DType, std::span<const std::byte> partials, int64_t row_length,
    const engine::NDArray& output);

// One line per instruction, as `--explain` prints kernels.
std::string describe(const Program&);

} // namespace ramba::vm
