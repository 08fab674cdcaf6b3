// Header decoding with limits: a hostile frame (deep nesting, huge declared lengths, wrong types)
// becomes a ProtocolError before anything is allocated for it.
#include "engine/protocol/messages.hpp"

namespace ramba::protocol {

Decoded::Decoded(const void* data, size_t size)
{
    if (size == 0 || size > (64u << 20))
        throw ProtocolError("message header of " + std::to_string(size) + " bytes");
    try {
        // Arrays/maps/strings bounded well above any real message; depth bounded for recursion.
        msgpack::unpack_limit limit(1 << 20, 1024, 1 << 20, 1 << 20, 1024, 16);
        m_handle = msgpack::unpack(static_cast<const char*>(data), size, nullptr, nullptr, limit);
    } catch (const std::exception& e) {
        throw ProtocolError(std::string("undecodable message: ") + e.what());
    }
    const msgpack::object& root = m_handle.get();
    if (root.type != msgpack::type::ARRAY || root.via.array.size != 4)
        throw ProtocolError("message is not a 4-element header");
    try {
        header.version = root.via.array.ptr[0].as<uint32_t>();
        header.type = root.via.array.ptr[1].as<uint8_t>();
        header.sequence = root.via.array.ptr[2].as<uint64_t>();
    } catch (const std::exception&) {
        throw ProtocolError("message header has wrong types");
    }
    if (header.version != version)
        throw ProtocolError("protocol version " + std::to_string(header.version) + ", expected " + std::to_string(version));
    if (header.type < static_cast<uint8_t>(MessageType::Hello) || header.type > static_cast<uint8_t>(last_message_type))
        throw ProtocolError("unknown message type " + std::to_string(header.type));
    m_body = root.via.array.ptr[3];
}

} // namespace ramba::protocol
