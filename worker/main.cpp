// ramba-worker: holds tiles of distributed arrays and runs kernels on them for one driver.
// Started by the driver (locally, over ssh, or by a launcher); reads its session configuration from
// stdin (never from the command line, so keys stay out of `ps`), and exits when the driver goes away:
// stdin reaches end-of-file, or heartbeats stop for 5 s.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <arpa/inet.h>
#include <map>
#include <netdb.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "engine/cluster/security.hpp"
#include "engine/protocol/messages.hpp"
#include "engine/tiles/serve.hpp"
#include "engine/tiles/tile_store.hpp"
#include "engine/vm/cancel.hpp"
#include "engine/vm/ufunc.hpp"
#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/version.hpp"

using namespace ramba;
using Clock = std::chrono::steady_clock;

namespace {

constexpr auto driver_silence_limit = std::chrono::seconds(5);
constexpr auto halo_wait_limit = std::chrono::seconds(60);

std::atomic<int64_t> last_driver_ping_ms { 0 };
std::atomic<uint64_t> running_sequence { 0 }; // the request being executed (0: none)

[[noreturn]] void fail(const std::string& message)
{
    std::fprintf(stderr, "ramba-worker: %s\n", message.c_str());
    std::exit(2);
}

std::string read_config_line(int fd)
{
    std::string line;
    char c;
    while (line.size() < 8192) {
        ssize_t n = read(fd, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n')
            break;
        line += c;
    }
    return line;
}

// The address peers and the driver reach us at, and the driver's, from ssh's view when remote.
std::string ssh_field(int index)
{
    const char* connection = std::getenv("SSH_CONNECTION"); // "client_ip client_port server_ip server_port"
    if (!connection)
        return "";
    std::istringstream in(connection);
    std::string field;
    for (int i = 0; i <= index && (in >> field); ++i) { }
    return field;
}

// Our address on the route to the driver (a connected UDP socket sends nothing): what peers on other
// nodes reach us at when a launcher started us and no ssh session tells us. Empty if unknown.
std::string address_towards(const std::string& host)
{
    addrinfo hints {};
    hints.ai_family = AF_INET;
    hints.ai_socktype = SOCK_DGRAM;
    addrinfo* found = nullptr;
    if (getaddrinfo(host.c_str(), "9", &hints, &found) != 0 || !found)
        return "";
    std::string address;
    int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    sockaddr_in local {};
    socklen_t length = sizeof local;
    char text[INET_ADDRSTRLEN] {};
    if (fd >= 0 && connect(fd, found->ai_addr, found->ai_addrlen) == 0 && getsockname(fd, reinterpret_cast<sockaddr*>(&local), &length) == 0
        && inet_ntop(AF_INET, &local.sin_addr, text, sizeof text))
        address = text;
    if (fd >= 0)
        close(fd);
    freeaddrinfo(found);
    return address;
}

std::vector<zmq::message_t> receive_all(zmq::socket_t& socket)
{
    std::vector<zmq::message_t> parts;
    (void)zmq::recv_multipart(socket, std::back_inserter(parts));
    return parts;
}

struct Worker {
    std::map<std::string, std::string> config;
    uint32_t index {};
    zmq::context_t context { 1 };
    cluster::SessionKeys keys;
    std::unique_ptr<cluster::ZapHandler> zap;
    zmq::socket_t driver { context, zmq::socket_type::dealer };
    zmq::socket_t peers_in { context, zmq::socket_type::pull };
    std::vector<std::unique_ptr<zmq::socket_t>> peers_out;
    tiles::TileStore store;
    std::map<uint64_t, std::deque<std::pair<protocol::Halo, std::vector<std::byte>>>> early_halos;

    void reply(uint64_t sequence, protocol::MessageType type, const std::string& header, std::vector<zmq::message_t> frames = {})
    {
        (void)sequence;
        (void)type;
        driver.send(zmq::buffer(header), frames.empty() ? zmq::send_flags::none : zmq::send_flags::sndmore);
        for (size_t i = 0; i < frames.size(); ++i)
            driver.send(frames[i], i + 1 == frames.size() ? zmq::send_flags::none : zmq::send_flags::sndmore);
    }

    void fail_request(uint64_t sequence, const std::string& kind, const std::string& message)
    {
        reply(sequence, protocol::MessageType::Failed,
            protocol::encode(protocol::MessageType::Failed, sequence, protocol::Failed { kind, message }));
    }

    bool receive_halo(uint64_t sequence, protocol::Halo& halo, std::vector<std::byte>& data)
    {
        auto& early = early_halos[sequence];
        if (!early.empty()) {
            halo = early.front().first;
            data = std::move(early.front().second);
            early.pop_front();
            return true;
        }
        auto deadline = Clock::now() + halo_wait_limit;
        while (Clock::now() < deadline) {
            zmq::pollitem_t item { peers_in.handle(), 0, ZMQ_POLLIN, 0 };
            if (zmq::poll(&item, 1, std::chrono::milliseconds(100)) <= 0)
                continue;
            auto parts = receive_all(peers_in);
            if (parts.size() != 2)
                continue;
            try {
                protocol::Decoded decoded(parts[0].data(), parts[0].size());
                if (decoded.type() != protocol::MessageType::Halo)
                    continue;
                auto got = decoded.body<protocol::Halo>();
                auto* bytes = static_cast<const std::byte*>(parts[1].data());
                std::vector<std::byte> payload(bytes, bytes + parts[1].size());
                if (got.sequence == sequence) {
                    halo = got;
                    data = std::move(payload);
                    return true;
                }
                if (got.sequence > sequence && early_halos.size() < 1024)
                    early_halos[got.sequence].emplace_back(got, std::move(payload));
            } catch (const protocol::ProtocolError& e) {
                std::fprintf(stderr, "ramba-worker %u: dropped a malformed halo: %s\n", index, e.what());
            }
        }
        return false;
    }

    void handle(std::vector<zmq::message_t>& parts, bool& running)
    {
        protocol::Decoded decoded(parts[0].data(), parts[0].size());
        uint64_t sequence = decoded.header.sequence;
        running_sequence = sequence;
        struct Done {
            ~Done() { running_sequence = 0; }
        } done_running;
        std::vector<tiles::Frame> frames;
        for (size_t i = 1; i < parts.size(); ++i)
            frames.emplace_back(static_cast<const std::byte*>(parts[i].data()), parts[i].size());
        auto send = [&](const tiles::HaloOut& out) {
            if (out.to >= peers_out.size() || out.to == index)
                throw protocol::ProtocolError("halo for a peer that does not exist");
            auto& socket = *peers_out[out.to];
            socket.send(zmq::buffer(protocol::encode(protocol::MessageType::Halo, sequence, out.halo)), zmq::send_flags::sndmore);
            socket.send(zmq::buffer(out.rows.data(), out.rows.size()), zmq::send_flags::none);
        };
        auto receive = [&](protocol::Halo& halo, std::vector<std::byte>& data) { return receive_halo(sequence, halo, data); };
        try {
            if (protocol::message_row(decoded.type()).route == protocol::Route::Store) {
                tiles::Answer answer = tiles::serve(store, decoded, tiles::Request { sequence, frames, send, receive });
                early_halos.erase(sequence);
                protocol::ReplyKind kind = protocol::message_row(decoded.type()).reply;
                if (kind == protocol::ReplyKind::None)
                    return;
                protocol::Done done;
                if (kind == protocol::ReplyKind::DoneWarnings) {
                    for (auto& warning : vm::take_fp_warnings())
                        done.warnings.push_back(warning.message);
                }
                std::vector<zmq::message_t> out;
                for (auto& frame : answer.frames)
                    out.emplace_back(frame.data(), frame.size());
                reply(sequence, protocol::MessageType::Done, protocol::encode(protocol::MessageType::Done, sequence, done), std::move(out));
                return;
            }
            switch (decoded.type()) {
            case protocol::MessageType::Peers: {
                auto peers = decoded.body<protocol::Peers>();
                peers_out.clear();
                for (auto& endpoint : peers.endpoints) {
                    auto socket = std::make_unique<zmq::socket_t>(context, zmq::socket_type::push);
                    cluster::make_curve_client(*socket, keys);
                    socket->set(zmq::sockopt::linger, 0);
                    if (endpoint.rfind("tcp://", 0) != 0 || endpoint.size() > 256)
                        throw protocol::ProtocolError("bad peer endpoint");
                    socket->connect(endpoint);
                    peers_out.push_back(std::move(socket));
                }
                return;
            }
            case protocol::MessageType::Shutdown:
                running = false;
                return;
            default:
                throw protocol::ProtocolError("unexpected message type " + std::to_string(int(decoded.type())));
            }
        } catch (const protocol::ProtocolError& e) {
            fail_request(sequence, "WorkerError", "worker " + std::to_string(index) + " rejected a request: " + e.what());
        } catch (const RambaError& e) {
            fail_request(sequence, std::string(error_kind_name(e.kind())), e.message());
        } catch (const std::bad_alloc&) {
            fail_request(sequence, "MemoryError", "worker " + std::to_string(index) + " ran out of memory");
        }
    }
};

} // namespace

int main(int argc, char** argv)
{
    bool from_stdin = false;
    std::string config_file;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--stdin")
            from_stdin = true;
        else if (arg == "--config" && i + 1 < argc)
            config_file = argv[++i];
        else if (arg == "--version") {
            std::printf("ramba-worker %s (commit %s, protocol %u)\n", version_number, version_commit, protocol::version);
            return 0;
        } else {
            std::fprintf(stderr, "usage: ramba-worker --stdin | --config FILE\n"
                                 "  started by ramba (--workers, --hosts, --launcher); not meant to be run by hand\n");
            return 2;
        }
    }
    if (!from_stdin && config_file.empty()) {
        std::fprintf(stderr, "usage: ramba-worker --stdin | --config FILE\n");
        return 2;
    }
    std::signal(SIGPIPE, SIG_IGN);
    std::signal(SIGINT, SIG_IGN); // Ctrl-C is the driver's; it cancels us over the heartbeat socket

    Worker worker;
    try {
        std::string line;
        if (from_stdin) {
            line = read_config_line(0);
        } else {
            std::ifstream in(config_file);
            std::getline(in, line);
        }
        worker.config = cluster::decode_config(line);
    } catch (const std::exception& e) {
        fail(std::string("bad configuration: ") + e.what());
    }
    auto& config = worker.config;
    auto get = [&](const char* key) -> std::string {
        auto it = config.find(key);
        if (it == config.end())
            fail(std::string("configuration lacks ") + key);
        return it->second;
    };
    if (!config_file.empty()) {
        // A launcher starts every rank with the same file; the rank tells us which worker we are.
        for (const char* rank_variable : { "OMPI_COMM_WORLD_RANK", "PMI_RANK", "PMIX_RANK", "SLURM_PROCID" }) {
            if (const char* rank = std::getenv(rank_variable)) {
                config["index"] = rank;
                break;
            }
        }
    }
    worker.index = static_cast<uint32_t>(std::stoul(get("index")));
    worker.keys.server_public = get("server_public");
    worker.keys.server_secret = get("server_secret");
    worker.keys.client_public = get("client_public");
    worker.keys.client_secret = get("client_secret");
    if (int threads = std::atoi(get("threads").c_str()); threads > 0)
        vm::set_num_threads(threads);
    std::string driver_host = get("driver_host");
    if (driver_host == "-")
        driver_host = ssh_field(0);
    if (driver_host.empty())
        fail("cannot tell the driver's address");

    if (from_stdin) {
        // The driver (or the ssh session carrying us) is gone when stdin closes.
        std::thread([] {
            char buffer[256];
            for (;;) {
                ssize_t n = read(0, buffer, sizeof buffer);
                if (n == 0 || (n < 0 && errno != EINTR))
                    _exit(0);
            }
        }).detach();
    }

    try {
        worker.zap = std::make_unique<cluster::ZapHandler>(worker.context, worker.keys);
        cluster::make_curve_server(worker.peers_in, worker.keys);
        worker.peers_in.set(zmq::sockopt::linger, 0);
        std::string bind = get("bind");
        worker.peers_in.bind("tcp://" + bind + ":0");
        std::string endpoint = worker.peers_in.get(zmq::sockopt::last_endpoint);
        std::string port = endpoint.substr(endpoint.rfind(':') + 1);
        std::string my_host = bind;
        if (bind == "0.0.0.0") {
            my_host = ssh_field(2);
            if (my_host.empty() && config.count("host"))
                my_host = config["host"];
            if (my_host.empty())
                my_host = address_towards(driver_host);
            if (my_host.empty())
                my_host = "127.0.0.1";
        }

        cluster::make_curve_client(worker.driver, worker.keys);
        worker.driver.set(zmq::sockopt::routing_id, "w" + std::to_string(worker.index));
        worker.driver.set(zmq::sockopt::linger, 0);
        worker.driver.connect("tcp://" + driver_host + ":" + get("driver_port"));

        std::string heartbeat_endpoint = "tcp://" + driver_host + ":" + get("heartbeat_port");
        last_driver_ping_ms = now_ms();
        std::thread([&worker, heartbeat_endpoint] {
            zmq::socket_t socket(worker.context, zmq::socket_type::dealer);
            cluster::make_curve_client(socket, worker.keys);
            socket.set(zmq::sockopt::routing_id, "h" + std::to_string(worker.index));
            socket.set(zmq::sockopt::linger, 0);
            socket.connect(heartbeat_endpoint);
            auto pong = protocol::encode(protocol::MessageType::Pong, 0, protocol::Empty {});
            auto next = Clock::now();
            for (;;) {
                if (Clock::now() >= next) {
                    socket.send(zmq::buffer(pong), zmq::send_flags::dontwait);
                    next = Clock::now() + std::chrono::milliseconds(250);
                }
                zmq::pollitem_t item { socket.handle(), 0, ZMQ_POLLIN, 0 };
                if (zmq::poll(&item, 1, std::chrono::milliseconds(50)) > 0) {
                    auto parts = receive_all(socket);
                    last_driver_ping_ms = now_ms();
                    try {
                        if (parts.size() == 1) {
                            protocol::Decoded decoded(parts[0].data(), parts[0].size());
                            // Ctrl-C at the driver: stop this request's kernel between blocks.
                            if (decoded.type() == protocol::MessageType::Cancel && decoded.header.sequence != 0
                                && decoded.header.sequence == running_sequence.load())
                                vm::g_cancel_requested = true;
                        }
                    } catch (const protocol::ProtocolError&) {
                    }
                }
                if (now_ms() - last_driver_ping_ms > std::chrono::duration_cast<std::chrono::milliseconds>(driver_silence_limit).count()) {
                    std::fprintf(stderr, "ramba-worker %u: the driver stopped answering; exiting\n", worker.index);
                    _exit(3);
                }
            }
        }).detach();

        protocol::Hello hello { worker.index, static_cast<int64_t>(getpid()), my_host, "tcp://" + my_host + ":" + port };
        worker.driver.send(zmq::buffer(protocol::encode(protocol::MessageType::Hello, 0, hello)), zmq::send_flags::none);

        bool running = true;
        while (running) {
            auto parts = receive_all(worker.driver);
            if (parts.empty())
                continue;
            try {
                vm::g_cancel_requested = false;
                worker.handle(parts, running);
            } catch (const protocol::ProtocolError& e) {
                std::fprintf(stderr, "ramba-worker %u: dropped a malformed message: %s\n", worker.index, e.what());
            }
        }
    } catch (const zmq::error_t& e) {
        fail(std::string("ZeroMQ: ") + e.what());
    }
    _exit(0); // threads are detached and blocked in reads; nothing else to clean up
}
