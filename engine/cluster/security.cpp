// Session keys, CURVE socket options and the ZAP handler thread.
#include "engine/cluster/security.hpp"

#include <csignal>
#include <pthread.h>
#include <sstream>
#include <stdexcept>
#include <zmq_addon.hpp>
#include <zmq_utils.h>

#include "base/signals.hpp"

namespace ramba::cluster {

SessionKeys SessionKeys::generate()
{
    char public_key[41], secret_key[41];
    SessionKeys keys;
    if (zmq_curve_keypair(public_key, secret_key) != 0)
        throw std::runtime_error("ZeroMQ has no CURVE support (libzmq built without libsodium)");
    keys.server_public = public_key;
    keys.server_secret = secret_key;
    zmq_curve_keypair(public_key, secret_key);
    keys.client_public = public_key;
    keys.client_secret = secret_key;
    return keys;
}

void make_curve_server(zmq::socket_t& socket, const SessionKeys& keys)
{
    socket.set(zmq::sockopt::zap_domain, "ramba");
    socket.set(zmq::sockopt::curve_server, 1);
    socket.set(zmq::sockopt::curve_secretkey, keys.server_secret);
}

void make_curve_client(zmq::socket_t& socket, const SessionKeys& keys)
{
    socket.set(zmq::sockopt::curve_serverkey, keys.server_public);
    socket.set(zmq::sockopt::curve_publickey, keys.client_public);
    socket.set(zmq::sockopt::curve_secretkey, keys.client_secret);
}

ZapHandler::ZapHandler(zmq::context_t& context, const SessionKeys& keys)
{
    uint8_t binary[32];
    zmq_z85_decode(binary, keys.client_public.c_str());
    m_client_public_binary.assign(reinterpret_cast<char*>(binary), 32);
    // Bound before any CURVE server socket exists, so no handshake goes unchecked.
    auto socket = std::make_shared<zmq::socket_t>(context, zmq::socket_type::rep);
    socket->set(zmq::sockopt::linger, 0);
    socket->bind("inproc://zeromq.zap.01");
    m_thread = std::thread([this, socket] {
        block_interrupt_signals();
        serve(*socket);
    });
}

ZapHandler::~ZapHandler()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void ZapHandler::serve(zmq::socket_t& socket)
{
    while (!m_stop) {
        zmq::pollitem_t item { socket.handle(), 0, ZMQ_POLLIN, 0 };
        try {
            if (zmq::poll(&item, 1, std::chrono::milliseconds(100)) <= 0)
                continue;
            std::vector<zmq::message_t> request;
            (void)zmq::recv_multipart(socket, std::back_inserter(request));
            // version, request id, domain, address, identity, mechanism, credentials...
            std::string request_id = request.size() > 1 ? request[1].to_string() : "";
            bool ok = request.size() >= 7 && request[0].to_string() == "1.0" && request[5].to_string() == "CURVE"
                && request[6].to_string() == m_client_public_binary;
            if (!ok)
                ++m_refused;
            const char* status = ok ? "200" : "400";
            socket.send(zmq::buffer(std::string("1.0")), zmq::send_flags::sndmore);
            socket.send(zmq::buffer(request_id), zmq::send_flags::sndmore);
            socket.send(zmq::buffer(std::string(status)), zmq::send_flags::sndmore);
            socket.send(zmq::buffer(std::string(ok ? "OK" : "unknown client key")), zmq::send_flags::sndmore);
            socket.send(zmq::buffer(std::string(ok ? "ramba" : "")), zmq::send_flags::sndmore);
            socket.send(zmq::buffer(std::string()), zmq::send_flags::none);
        } catch (const zmq::error_t&) {
            return; // context terminated
        }
    }
}

std::string encode_config(const std::map<std::string, std::string>& values)
{
    std::string line = "RAMBA-WORKER 1";
    for (auto& [key, value] : values)
        line += " " + key + "=" + value;
    return line + "\n";
}

std::map<std::string, std::string> decode_config(const std::string& line)
{
    std::istringstream in(line);
    std::string magic, version;
    in >> magic >> version;
    if (magic != "RAMBA-WORKER" || version != "1")
        throw std::runtime_error("not a ramba worker configuration");
    std::map<std::string, std::string> values;
    std::string item;
    while (in >> item) {
        auto equals = item.find('=');
        if (equals == std::string::npos || equals == 0)
            throw std::runtime_error("malformed configuration item");
        values[item.substr(0, equals)] = item.substr(equals + 1);
    }
    return values;
}

} // namespace ramba::cluster
