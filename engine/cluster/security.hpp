// CURVE for every socket of a session: fresh key pairs per session (one for servers, one for
// clients), handed to workers through their spawn channel, and a ZAP handler that admits only the
// session's client key. A stranger without the keys cannot finish a handshake; nothing reaches us.
#pragma once

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <zmq.hpp>

namespace ramba::cluster {

struct SessionKeys {
    std::string server_public, server_secret, client_public, client_secret; // Z85, 40 characters each

    static SessionKeys generate();
};

void make_curve_server(zmq::socket_t&, const SessionKeys&);
void make_curve_client(zmq::socket_t&, const SessionKeys&);

// Answers ZeroMQ's authentication requests (inproc://zeromq.zap.01) for one context.
class ZapHandler {
public:
    ZapHandler(zmq::context_t&, const SessionKeys&);
    ~ZapHandler();
    ZapHandler(const ZapHandler&) = delete;
    ZapHandler& operator=(const ZapHandler&) = delete;
    int64_t refused() const { return m_refused.load(); }

private:
    void serve(zmq::socket_t& socket);
    std::string m_client_public_binary;
    std::atomic<bool> m_stop { false };
    std::atomic<int64_t> m_refused { 0 };
    std::thread m_thread;
};

// The spawn channel's one line: "RAMBA-WORKER 1 key=value ..." (no spaces in values).
std::string encode_config(const std::map<std::string, std::string>&);
// Throws std::runtime_error on a malformed line.
std::map<std::string, std::string> decode_config(const std::string& line);

} // namespace ramba::cluster
