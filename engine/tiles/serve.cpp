// The worker's request dispatch (see serve.hpp): the switch comes from messages.def; each overload
// below adapts one request to its TileStore handler and says which frames go back.
#include "engine/tiles/serve.hpp"

#include <string>

#include "base/error.hpp"

namespace ramba::tiles {

void Answer::add(const engine::NDArray& array)
{
    if (!array.buffer)
        return;
    frames.emplace_back(array.data(), static_cast<size_t>(array.nbytes()));
    keep.push_back(array);
}

void Answer::add(std::vector<std::byte> bytes)
{
    owned.push_back(std::move(bytes));
    frames.emplace_back(owned.back().data(), owned.back().size());
}

namespace {

Answer serve(TileStore& store, const protocol::Run& run, const Request& request)
{
    vm::BlockPartials partials = store.run(request.sequence, run, request.frames, request.send, request.receive);
    Answer answer;
    answer.owned.reserve(partials.size());
    for (auto& partial : partials)
        answer.add(std::move(partial));
    return answer;
}

Answer serve(TileStore& store, const protocol::Gather& gather, const Request&)
{
    Answer answer;
    answer.frames.push_back(store.gather(gather));
    return answer;
}

Answer serve(TileStore& store, const protocol::Scatter& scatter, const Request& request)
{
    if (request.frames.size() != 1)
        throw protocol::ProtocolError("scatter needs one data frame");
    store.scatter(scatter, request.frames[0]);
    return {};
}

Answer serve(TileStore& store, const protocol::Free& free, const Request&)
{
    store.free(free.ids);
    return {};
}

Answer serve(TileStore& store, const protocol::MatMul& matmul, const Request& request)
{
    store.matmul(request.sequence, matmul, request.frames, request.send, request.receive);
    return {};
}

Answer serve(TileStore& store, const protocol::SortRows& sort, const Request&)
{
    store.sort_rows(sort);
    return {};
}

Answer serve(TileStore& store, const protocol::ReduceRows& reduce, const Request& request)
{
    Answer answer;
    answer.add(store.reduce_rows(reduce, request.frames));
    return answer;
}

Answer serve(TileStore& store, const protocol::ScanRows& scan, const Request& request)
{
    Answer answer;
    answer.add(store.scan_rows(scan, request.frames));
    return answer;
}

// The sample sort's first two steps answer two frames each, even when empty.
Answer pair_answer(std::pair<engine::NDArray, engine::NDArray> arrays)
{
    Answer answer;
    for (auto* array : { &arrays.first, &arrays.second }) {
        answer.frames.emplace_back(array->data(), static_cast<size_t>(array->nbytes()));
        answer.keep.push_back(*array);
    }
    return answer;
}

Answer serve(TileStore& store, const protocol::SortSample& sample, const Request&)
{
    return pair_answer(store.sort_sample(sample));
}

Answer serve(TileStore& store, const protocol::SortBracket& bracket, const Request& request)
{
    return pair_answer(store.sort_bracket(bracket, request.frames));
}

Answer serve(TileStore& store, const protocol::SortExchange& exchange, const Request& request)
{
    store.sort_exchange(request.sequence, exchange, request.send, request.receive);
    return {};
}

Answer serve(TileStore& store, const protocol::Compress& compress, const Request&)
{
    Answer answer;
    answer.add(store.compress(compress));
    return answer;
}

} // namespace

Answer serve(TileStore& store, const protocol::Decoded& decoded, const Request& request)
{
    switch (decoded.type()) {
#define RAMBA_SERVE_Store(type, message_body) \
    case protocol::MessageType::type: return serve(store, decoded.body<protocol::message_body>(), request);
#define RAMBA_SERVE_Control(type, message_body)
#define RAMBA_SERVE_Driver(type, message_body)
#define RAMBA_MESSAGE(type, message_body, route, reply) RAMBA_SERVE_##route(type, message_body)
#include "engine/protocol/messages.def"
#undef RAMBA_MESSAGE
#undef RAMBA_SERVE_Store
#undef RAMBA_SERVE_Control
#undef RAMBA_SERVE_Driver
    default:
        throw protocol::ProtocolError("unexpected message type " + std::to_string(int(decoded.type())));
    }
}

} // namespace ramba::tiles
