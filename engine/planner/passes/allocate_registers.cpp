// Pass: reuse the block registers of values that are dead. emit_program gives every node its own
// register; a Black-Scholes kernel then has ~100 registers of 16 KiB each, which spill out of L2.
// Reusing dead ones (same dtype) keeps a long chain's working set to the values live at once.
#include "engine/planner/passes/passes.hpp"

#include <map>

namespace ramba::engine::planner {

namespace {

bool has_target(vm::InstructionKind kind)
{
    return kind != vm::InstructionKind::Store && kind != vm::InstructionKind::Reduce;
}

int operand_count(const vm::Instruction& instruction)
{
    switch (instruction.kind) {
    case vm::InstructionKind::Apply: return instruction.operand_count;
    case vm::InstructionKind::Cast:
    case vm::InstructionKind::Store:
    case vm::InstructionKind::Reduce: return 1;
    default: return 0;
    }
}

} // namespace

namespace {

// Drops index generators and casts nobody reads (an int64 iota whose only reader became a float64
// iota), keeping the Store indices of direct stores right.
void remove_dead_values(vm::Program& program)
{
    std::vector<bool> read(program.registers.size(), false);
    for (auto& instruction : program.code) {
        for (int k = 0; k < operand_count(instruction); ++k)
            read[instruction.operands[k]] = true;
    }
    std::vector<int> new_index(program.code.size(), -1);
    std::vector<vm::Instruction> code;
    for (size_t i = 0; i < program.code.size(); ++i) {
        auto& instruction = program.code[i];
        bool removable = instruction.kind == vm::InstructionKind::Iota || instruction.kind == vm::InstructionKind::Cast;
        if (removable && !read[instruction.target])
            continue;
        new_index[i] = static_cast<int>(code.size());
        code.push_back(instruction);
    }
    for (auto& instruction : code) {
        if (instruction.kind == vm::InstructionKind::Apply && instruction.direct_store >= 0)
            instruction.direct_store = new_index[instruction.direct_store];
    }
    program.code = std::move(code);
}

} // namespace

void allocate_registers(vm::Program& program)
{
    remove_dead_values(program);
    size_t count = program.registers.size();
    std::vector<int> last_use(count, -1);
    for (size_t i = 0; i < program.code.size(); ++i) {
        auto& instruction = program.code[i];
        for (int k = 0; k < operand_count(instruction); ++k)
            last_use[instruction.operands[k]] = static_cast<int>(i);
    }
    std::vector<int> physical(count, -1);
    std::vector<bool> pinned(count, false);
    std::vector<DType> registers;
    std::map<DType, std::vector<int>> free;
    for (size_t i = 0; i < program.code.size(); ++i) {
        auto& instruction = program.code[i];
        int operands = operand_count(instruction);
        int virtual_operands[vm::max_arity];
        for (int k = 0; k < operands; ++k) {
            virtual_operands[k] = instruction.operands[k];
            instruction.operands[k] = physical[virtual_operands[k]];
        }
        if (has_target(instruction.kind)) {
            // Loads and constants keep their own registers: a broadcast scalar is filled once per
            // thread and must survive every block.
            int v = instruction.target;
            DType dtype = program.registers[v];
            pinned[v] = instruction.kind == vm::InstructionKind::Load || instruction.kind == vm::InstructionKind::Constant;
            auto& pool = free[dtype];
            if (!pinned[v] && !pool.empty()) {
                physical[v] = pool.back();
                pool.pop_back();
            } else {
                physical[v] = static_cast<int>(registers.size());
                registers.push_back(dtype);
            }
            instruction.target = physical[v];
        }
        // Operands read here for the last time free their registers, after the target was chosen,
        // so an op never writes a register it is reading.
        for (int k = 0; k < operands; ++k) {
            int v = virtual_operands[k];
            bool repeated = false;
            for (int j = 0; j < k; ++j)
                repeated = repeated || virtual_operands[j] == v;
            if (!repeated && !pinned[v] && last_use[v] == static_cast<int>(i))
                free[program.registers[v]].push_back(physical[v]);
        }
    }
    program.registers = std::move(registers);
}

} // namespace ramba::engine::planner
