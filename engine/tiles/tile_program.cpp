// A Run's program across the wire: decode_program validates and builds the VM program on the worker;
// encode_code is the driver's half.
#include "engine/tiles/tile_store.hpp"

#include <cstring>

#include "engine/array/cast.hpp"
#include "engine/array/index.hpp"
#include "engine/array/linalg.hpp"
#include "engine/array/shape_ops.hpp"
#include "engine/array/sort.hpp"
#include "engine/array/sorted_runs.hpp"
#include "engine/dtype/dtype.hpp"
#include "engine/vm/kernels.hpp"
#include "engine/vm/ufunc.hpp"
#include "engine/tiles/tile_checks.hpp"
#include "base/error.hpp"

namespace ramba::tiles {

using engine::DType;
using engine::NDArray;
using protocol::ProtocolError;

vm::Program decode_program(const protocol::Run& request, std::vector<NDArray> inputs, std::vector<NDArray> constants,
    std::vector<NDArray> outputs)
{
    vm::Program program;
    program.shape = request.shape;
    if (request.registers.size() > 4096 || request.code.size() > 65536)
        throw ProtocolError("program too large");
    for (auto reg : request.registers)
        program.registers.push_back(checked_dtype(reg));
    auto reg_count = static_cast<int32_t>(program.registers.size());
    auto check_register = [&](int32_t r) {
        if (r < 0 || r >= reg_count)
            throw ProtocolError("register out of range");
        return r;
    };
    for (auto& in : request.code) {
        vm::Instruction out;
        if (in.kind > static_cast<uint8_t>(vm::InstructionKind::Reduce))
            throw ProtocolError("bad instruction kind");
        out.kind = static_cast<vm::InstructionKind>(in.kind);
        if (in.operands.size() > static_cast<size_t>(vm::max_arity))
            throw ProtocolError("too many operands");
        out.operand_count = static_cast<int>(in.operands.size());
        for (size_t k = 0; k < in.operands.size(); ++k)
            out.operands[k] = check_register(in.operands[k]);
        out.index = in.index;
        out.start = in.start;
        out.step = in.step;
        out.direct_store = in.direct_store;
        switch (out.kind) {
        case vm::InstructionKind::Load:
            out.target = check_register(in.target);
            if (in.index < 0 || static_cast<size_t>(in.index) >= inputs.size())
                throw ProtocolError("load of a missing input");
            break;
        case vm::InstructionKind::Iota: {
            out.target = check_register(in.target);
            char kind = engine::dtype_kind(program.registers[out.target]);
            if (kind == 'b' || kind == 'c')
                throw ProtocolError("iota register must be integer or float");
            break;
        }
        case vm::InstructionKind::Constant:
            out.target = check_register(in.target);
            if (in.index < 0 || static_cast<size_t>(in.index) >= constants.size())
                throw ProtocolError("missing constant");
            break;
        case vm::InstructionKind::Apply: {
            out.target = check_register(in.target);
            if (in.op >= vm::op_count)
                throw ProtocolError("bad op");
            out.op = static_cast<vm::OpCode>(in.op);
            if (out.operand_count != vm::op_arity(out.op) || in.loop_inputs.size() != in.operands.size())
                throw ProtocolError("wrong operand count for " + std::string(vm::op_name(out.op)));
            for (auto& loop : vm::op_loops(out.op)) {
                bool match = static_cast<uint8_t>(loop.output) == in.loop_output;
                for (int k = 0; k < out.operand_count && match; ++k)
                    match = static_cast<uint8_t>(loop.inputs[k]) == in.loop_inputs[k];
                if (match) {
                    out.loop = &loop;
                    break;
                }
            }
            if (!out.loop)
                throw ProtocolError("no such loop for " + std::string(vm::op_name(out.op)));
            if (program.registers[out.target] != out.loop->output)
                throw ProtocolError("apply target dtype differs from its loop");
            for (int k = 0; k < out.operand_count; ++k) {
                if (program.registers[out.operands[k]] != out.loop->inputs[k])
                    throw ProtocolError("apply operand dtype differs from its loop");
            }
            break;
        }
        case vm::InstructionKind::Cast:
            out.target = check_register(in.target);
            if (out.operand_count != 1)
                throw ProtocolError("cast takes one operand");
            break;
        case vm::InstructionKind::Store:
        case vm::InstructionKind::Reduce:
            if (out.operand_count != 1 || in.index < 0 || static_cast<size_t>(in.index) >= outputs.size())
                throw ProtocolError("store/reduce of a missing output");
            if (out.kind == vm::InstructionKind::Reduce) {
                if (in.reduce > static_cast<uint8_t>(vm::ProgramReduce::Max))
                    throw ProtocolError("bad reduction");
                out.reduce = static_cast<vm::ProgramReduce>(in.reduce);
                char kind = engine::dtype_kind(program.registers[out.operands[0]]);
                if (kind == 'c' || !outputs[in.index].shape.empty())
                    throw ProtocolError("reductions are over real registers into 0-d outputs");
                // Per row: the partials of each row of a 2-d or larger space (the driver folds them).
                if (in.per_row > 1 || (in.per_row && program.shape.size() < 2))
                    throw ProtocolError("per-row reductions need rows");
                out.per_row = in.per_row != 0;
            } else if (!outputs[in.index].shape.empty() ? outputs[in.index].shape != program.shape : !program.shape.empty()) {
                throw ProtocolError("store into an output of another shape");
            }
            break;
        }
        program.code.push_back(out);
    }
    // Direct stores must name a Store instruction after the Apply.
    for (size_t i = 0; i < program.code.size(); ++i) {
        int32_t d = program.code[i].direct_store;
        if (d == -1)
            continue;
        if (program.code[i].kind != vm::InstructionKind::Apply || d <= static_cast<int32_t>(i)
            || d >= static_cast<int32_t>(program.code.size()) || program.code[d].kind != vm::InstructionKind::Store)
            throw ProtocolError("bad direct store");
    }
    // Every register is written before it is read.
    std::vector<bool> written(program.registers.size(), false);
    for (auto& instruction : program.code) {
        for (int k = 0; k < instruction.operand_count; ++k) {
            if (!written[instruction.operands[k]])
                throw ProtocolError("register read before written");
        }
        if (instruction.target >= 0)
            written[instruction.target] = true;
    }
    program.inputs = std::move(inputs);
    program.constants = std::move(constants);
    program.outputs = std::move(outputs);
    return program;
}

std::vector<protocol::Instruction> encode_code(const vm::Program& program)
{
    std::vector<protocol::Instruction> code;
    for (auto& in : program.code) {
        protocol::Instruction out;
        out.kind = static_cast<uint8_t>(in.kind);
        out.target = in.target;
        for (int k = 0; k < in.operand_count; ++k)
            out.operands.push_back(in.operands[k]);
        out.op = static_cast<uint8_t>(in.op);
        if (in.loop) {
            for (int k = 0; k < in.operand_count; ++k)
                out.loop_inputs.push_back(static_cast<uint8_t>(in.loop->inputs[k]));
            out.loop_output = static_cast<uint8_t>(in.loop->output);
        }
        out.index = in.index;
        out.start = in.start;
        out.step = in.step;
        out.reduce = static_cast<uint8_t>(in.reduce);
        out.direct_store = in.direct_store;
        out.per_row = in.per_row ? 1 : 0;
        code.push_back(std::move(out));
    }
    return code;
}

} // namespace ramba::tiles
