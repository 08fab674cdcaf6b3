// Pass: the register program. Leaves become loads, iotas and constants; ops become applies of their
// resolved loops (with casts in front where the loop's dtype differs); roots become stores/reduces.
#include "engine/planner/passes/passes.hpp"

#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

#include "base/error.hpp"

namespace ramba::engine::planner {

namespace {

vm::ProgramReduce program_reduce(vm::ReduceOp op)
{
    switch (op) {
    case vm::ReduceOp::Sum: return vm::ProgramReduce::Sum;
    case vm::ReduceOp::Prod: return vm::ProgramReduce::Prod;
    case vm::ReduceOp::Min: return vm::ProgramReduce::Min;
    case vm::ReduceOp::Max: return vm::ProgramReduce::Max;
    default: RAMBA_ASSERT(false, "reduce_node admits only fusible reductions");
    }
    __builtin_unreachable();
}

class Emitter {
public:
    Emitter(vm::Program& program, bool allocate) : m_program(program), m_allocate(allocate) { }

    NDArray output(DType dtype, const Shape& shape)
    {
        if (m_allocate)
            return NDArray::empty(dtype, shape);
        NDArray descriptor;
        descriptor.dtype = dtype;
        descriptor.shape = shape;
        return descriptor;
    }

    int new_register(DType dtype)
    {
        m_program.registers.push_back(dtype);
        return static_cast<int>(m_program.registers.size()) - 1;
    }

    // The register holding `node` in `dtype`, casting (once) when needed.
    int value(Node* node, DType dtype)
    {
        int reg = m_registers.at(node);
        if (m_program.registers[reg] == dtype)
            return reg;
        auto key = std::make_pair(reg, dtype);
        if (auto it = m_casts.find(key); it != m_casts.end())
            return it->second;
        vm::Instruction cast;
        cast.kind = vm::InstructionKind::Cast;
        cast.operands[0] = reg;
        cast.operand_count = 1;
        // OPTIMIZATION: arange(N) / 1000.0 generates the index in float64 directly, which is exact
        // (the same values as the int64 iota cast) while every value stays below 2**53.
        double reach = std::abs(node->start) + std::abs(node->step) * static_cast<double>(node->size());
        if (node->kind == NodeKind::Arange && dtype == DType::Float64 && dtype_kind(node->dtype) != 'f' && reach < 0x1p53) {
            cast.kind = vm::InstructionKind::Iota;
            cast.start = node->start;
            cast.step = node->step;
            cast.operand_count = 0;
        }
        cast.target = new_register(dtype);
        m_program.code.push_back(cast);
        m_casts[key] = cast.target;
        return cast.target;
    }

    void emit(Node* node)
    {
        vm::Instruction instruction;
        switch (node->kind) {
        case NodeKind::Array:
            // Equal scalars share one load: each broadcast scalar fills a whole block register.
            if (node->shape.empty()) {
                std::string key(reinterpret_cast<const char*>(node->array.data()), node->array.itemsize());
                key += static_cast<char>(node->dtype);
                if (auto it = m_scalars.find(key); it != m_scalars.end()) {
                    m_registers[node] = it->second;
                    return;
                }
                m_scalars[key] = static_cast<int>(m_program.registers.size());
            }
            instruction.kind = vm::InstructionKind::Load;
            instruction.index = static_cast<int>(m_program.inputs.size());
            m_program.inputs.push_back(node->array);
            m_program.input_origins.push_back(node);
            instruction.target = new_register(node->dtype);
            break;
        case NodeKind::Arange:
            instruction.kind = vm::InstructionKind::Iota;
            instruction.start = node->start;
            instruction.step = node->step;
            instruction.target = new_register(node->dtype);
            break;
        case NodeKind::Elementwise:
            instruction.kind = vm::InstructionKind::Apply;
            instruction.op = node->op;
            instruction.loop = node->loop;
            instruction.operand_count = static_cast<int>(node->operands.size());
            for (size_t k = 0; k < node->operands.size(); ++k)
                instruction.operands[k] = value(node->operands[k].get(), node->loop->inputs[k]);
            instruction.target = new_register(node->dtype);
            break;
        case NodeKind::Cast:
            // A cast is a register in another dtype; broadcasting is the loads' business.
            m_registers[node] = value(node->operands[0].get(), node->dtype);
            return;
        case NodeKind::Reduce:
            return; // roots only (materialize_barriers took the nested ones); see emit_roots
        }
        m_registers[node] = instruction.target;
        m_program.code.push_back(instruction);
        m_last_writer[instruction.target] = m_program.code.size() - 1;
    }

    void emit_root(const NodePtr& root)
    {
        vm::Instruction instruction;
        if (root->kind == NodeKind::Reduce) {
            instruction.kind = vm::InstructionKind::Reduce;
            instruction.reduce = program_reduce(root->reduce);
            instruction.operands[0] = value(root->operands[0].get(), root->dtype);
            instruction.index = static_cast<int>(m_program.outputs.size());
            instruction.per_row = root->last_axis;
            m_program.outputs.push_back(output(root->dtype, root->last_axis ? root->shape : Shape {}));
        } else {
            instruction.kind = vm::InstructionKind::Store;
            instruction.operands[0] = m_registers.at(root.get());
            instruction.index = static_cast<int>(m_program.outputs.size());
            m_program.outputs.push_back(output(root->dtype, m_program.shape));
            // The op that computed the root may write into the output directly.
            if (auto it = m_last_writer.find(instruction.operands[0]); it != m_last_writer.end()) {
                auto& writer = m_program.code[it->second];
                if (writer.kind == vm::InstructionKind::Apply && writer.direct_store < 0)
                    writer.direct_store = static_cast<int>(m_program.code.size());
            }
        }
        instruction.operand_count = 1;
        m_program.code.push_back(instruction);
    }

private:
    vm::Program& m_program;
    bool m_allocate;
    std::unordered_map<Node*, int> m_registers;
    std::map<std::pair<int, DType>, int> m_casts;
    std::unordered_map<int, size_t> m_last_writer;
    std::unordered_map<std::string, int> m_scalars; // 0-d leaves by dtype and bytes
};

} // namespace

vm::Program emit_program(std::span<Node* const> order, std::span<const NodePtr> roots, const Shape& space,
    bool allocate_outputs)
{
    vm::Program program;
    program.shape = space;
    Emitter emitter(program, allocate_outputs);
    for (Node* node : order)
        emitter.emit(node);
    for (auto& root : roots)
        emitter.emit_root(root);
    allocate_registers(program);
    return program;
}

} // namespace ramba::engine::planner
