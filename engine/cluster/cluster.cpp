// Starting, watching and stopping workers, and the driver's request/reply loop.
//
// Spawn channel: each worker's stdin is a pipe from the driver (directly, or through ssh). The first
// line carries the session keys and endpoints, so they never appear on a command line; the pipe
// stays open, and its end-of-file tells the worker that the driver is gone. A cluster launcher
// (mpirun, srun) gives its ranks no pipe from us: they read the same line from a 0600 file in a
// private temporary folder (its path on the command line, never the keys), take their index from the
// launcher's rank variable, and exit when the driver's heartbeats stop.
#include "engine/cluster/cluster.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <thread>
#include <tuple>
#include <unistd.h>

#include "engine/cluster/launch.hpp"
#include "engine/cluster/security.hpp"
#include <zmq_addon.hpp>
#include "engine/vm/cancel.hpp"
#include "base/clock.hpp"
#include "base/error.hpp"
#include "base/signals.hpp"

namespace ramba::cluster {

using Clock = std::chrono::steady_clock;

namespace {

// A worker that has said nothing for this long is dead (heartbeats come every 250 ms).
constexpr auto heartbeat_timeout = std::chrono::milliseconds(3000);
constexpr auto heartbeat_interval = std::chrono::milliseconds(250);
constexpr auto start_timeout = std::chrono::seconds(20);

std::unique_ptr<Cluster>& instance()
{
    static std::unique_ptr<Cluster> cluster;
    return cluster;
}

// zmq::poll that treats a signal (Ctrl-C lands in the interpreter thread) as "nothing yet".
int poll_in(zmq::socket_t& socket, std::chrono::milliseconds timeout)
{
    zmq::pollitem_t item { socket.handle(), 0, ZMQ_POLLIN, 0 };
    try {
        return zmq::poll(&item, 1, timeout);
    } catch (const zmq::error_t& e) {
        if (e.num() == EINTR)
            return 0;
        throw;
    }
}

ErrorKind kind_from_name(const std::string& name)
{
#define RAMBA_X(kind, parent) if (name == #kind) return ErrorKind::kind;
    RAMBA_ERROR_KINDS(RAMBA_X)
#undef RAMBA_X
    return ErrorKind::WorkerError;
}

} // namespace

struct Cluster::Impl {
    zmq::context_t context { 1 };
    SessionKeys keys = SessionKeys::generate();
    std::unique_ptr<ZapHandler> zap;
    zmq::socket_t router { context, zmq::socket_type::router };
    std::vector<int> pipes;                          // writing ends of the workers' stdin
    std::vector<std::deque<Reply>> pending;          // replies that came while waiting for others
    std::unique_ptr<std::atomic<int64_t>[]> last_seen; // per worker, by the heartbeat thread
    std::vector<bool> exited;
    int launcher_pid { -1 };   // with --launcher: every worker's child_pid
    std::string config_folder; // with --launcher: the private folder and file of the session line
    std::string config_file;
    std::thread heartbeat;
    std::atomic<bool> stop_heartbeat { false };
    std::atomic<bool> cancel_requested { false };
    std::atomic<uint64_t> cancel_sequence { 0 };
    std::string dead_message;
    zmq::socket_t heartbeat_socket; // until the heartbeat thread takes it
};

namespace {

// The launcher's session file and its folder, once the workers have read it (or at the end).
void remove_config(Cluster::Impl& impl)
{
    if (!impl.config_file.empty())
        unlink(impl.config_file.c_str());
    if (!impl.config_folder.empty())
        rmdir(impl.config_folder.c_str());
    impl.config_file.clear();
    impl.config_folder.clear();
}

// Binds a CURVE ROUTER on an ephemeral port; returns the port.
int bind_router(zmq::socket_t& socket, const SessionKeys& keys, const std::string& interface)
{
    make_curve_server(socket, keys);
    socket.set(zmq::sockopt::linger, 0);
    socket.set(zmq::sockopt::router_mandatory, 1);
    socket.bind("tcp://" + interface + ":0");
    std::string endpoint = socket.get(zmq::sockopt::last_endpoint);
    return std::stoi(endpoint.substr(endpoint.rfind(':') + 1));
}

} // namespace

Cluster* Cluster::get()
{
    return instance().get();
}

namespace {

// Heartbeats: ping every worker from the start, so that a program busy for a while before its first
// array operation keeps its workers (they exit after 5 s without the driver); note when each answered.
void start_heartbeat(Cluster::Impl& impl, int count)
{
    impl.heartbeat = std::thread([&impl, count, socket = std::move(impl.heartbeat_socket)]() mutable {
        block_interrupt_signals();
        auto ping = protocol::encode(protocol::MessageType::Ping, 0, protocol::Empty {});
        std::string cancel;
        auto next_ping = Clock::now();
        while (!impl.stop_heartbeat) {
            if (Clock::now() >= next_ping || impl.cancel_requested) {
                bool cancelling = impl.cancel_requested.exchange(false);
                if (cancelling)
                    cancel = protocol::encode(protocol::MessageType::Cancel, impl.cancel_sequence.load(), protocol::Empty {});
                for (int i = 0; i < count; ++i) {
                    std::string id = "h" + std::to_string(i);
                    try {
                        socket.send(zmq::buffer(id), zmq::send_flags::sndmore | zmq::send_flags::dontwait);
                        socket.send(zmq::buffer(cancelling ? cancel : ping), zmq::send_flags::dontwait);
                    } catch (const zmq::error_t&) {
                        // not connected (yet, or any more): the timeout will tell
                    }
                }
                next_ping = Clock::now() + heartbeat_interval;
            }
            zmq::pollitem_t item { socket.handle(), 0, ZMQ_POLLIN, 0 };
            try {
                if (zmq::poll(&item, 1, std::chrono::milliseconds(50)) <= 0)
                    continue;
                std::vector<zmq::message_t> parts;
                (void)zmq::recv_multipart(socket, std::back_inserter(parts));
                std::string name = parts.empty() ? "" : parts[0].to_string();
                if (name.size() > 1 && name[0] == 'h') {
                    int index = std::atoi(name.c_str() + 1);
                    if (index >= 0 && index < count)
                        impl.last_seen[index] = now_ms();
                }
            } catch (const zmq::error_t&) {
                return;
            }
        }
    });
}

} // namespace

void Cluster::start(const LaunchOptions& options)
{
    if (instance())
        return;
    std::unique_ptr<Cluster> cluster(new Cluster);
    cluster->m_impl = std::make_unique<Impl>();
    Impl& impl = *cluster->m_impl;
    impl.zap = std::make_unique<ZapHandler>(impl.context, impl.keys);

    // Who runs where.
    struct Plan {
        std::string host;
        bool local;
    };
    std::vector<Plan> plans;
    bool launched = !options.launcher.empty();
    if (launched) {
        if (!options.hosts.empty())
            throw RambaError(ErrorKind::ValueError, "--launcher and --hosts cannot be combined: the launcher decides where workers run");
        if (options.workers < 1)
            throw RambaError(ErrorKind::ValueError, "--launcher needs --workers N (or RAMBA_WORKERS): the number of workers it starts, its {n}");
        for (int i = 0; i < options.workers; ++i)
            plans.push_back({ "launcher", false });
    } else if (!options.hosts.empty()) {
        for (auto& [host, count] : parse_hosts(options.hosts)) {
            for (int i = 0; i < count; ++i)
                plans.push_back({ host, false });
        }
    } else {
        for (int i = 0; i < options.workers; ++i)
            plans.push_back({ "localhost", true });
    }
    int count = static_cast<int>(plans.size());
    if (count < 1 || count > 4096)
        throw RambaError(ErrorKind::ValueError, "the number of workers must be between 1 and 4096");
    bool remote = !options.hosts.empty();
    // A launcher's workers reach us at RAMBA_DRIVER_HOST (this host's name or address on the
    // cluster's network); without it they are on this machine (a local mpirun) and everything
    // stays on the loopback interface.
    const char* driver_host_env = std::getenv("RAMBA_DRIVER_HOST");
    std::string launcher_driver_host = driver_host_env && *driver_host_env ? driver_host_env : "";
    if (launched && !launcher_driver_host.empty())
        remote = true;

    int port = bind_router(impl.router, impl.keys, remote ? "0.0.0.0" : "127.0.0.1");
    zmq::socket_t heartbeat_router(impl.context, zmq::socket_type::router);
    int heartbeat_port = bind_router(heartbeat_router, impl.keys, remote ? "0.0.0.0" : "127.0.0.1");

    const char* path_env = std::getenv("RAMBA_WORKER_PATH");
    bool explicit_worker_path = path_env && *path_env;
    std::string worker_path = explicit_worker_path ? path_env : self_directory() + "/ramba-worker";
    const char* ssh_env = std::getenv("RAMBA_SSH");
    std::vector<std::string> ssh = split_words(ssh_env && *ssh_env ? ssh_env : "ssh");

    impl.pending.resize(count);
    impl.last_seen.reset(new std::atomic<int64_t>[count]);
    impl.exited.assign(count, false);
    if (launched) {
        // One command starts them all; every rank reads the same line and takes its index from
        // the launcher's rank variable (OMPI_COMM_WORLD_RANK, PMI_RANK, PMIX_RANK, SLURM_PROCID).
        std::map<std::string, std::string> config {
            { "index", "0" },
            { "count", std::to_string(count) },
            { "driver_host", remote ? launcher_driver_host : "127.0.0.1" },
            { "driver_port", std::to_string(port) },
            { "heartbeat_port", std::to_string(heartbeat_port) },
            { "threads", std::to_string(options.threads) },
            { "bind", remote ? "0.0.0.0" : "127.0.0.1" },
            { "server_public", impl.keys.server_public },
            { "server_secret", impl.keys.server_secret },
            { "client_public", impl.keys.client_public },
            { "client_secret", impl.keys.client_secret },
        };
        std::tie(impl.config_folder, impl.config_file) = write_private_config(encode_config(config));
        std::pair<int, int> child;
        try {
            child = spawn(launcher_argv(options.launcher, count, worker_path, impl.config_file));
        } catch (...) {
            remove_config(impl);
            throw;
        }
        impl.launcher_pid = child.first;
        impl.pipes.push_back(child.second);
        for (int i = 0; i < count; ++i) {
            impl.last_seen[i] = now_ms();
            WorkerInfo info;
            info.index = i;
            info.host = plans[i].host; // until its hello says where it runs
            info.child_pid = child.first;
            cluster->m_workers.push_back(info);
        }
    }
    for (int i = 0; i < count && !launched; ++i) {
        impl.last_seen[i] = now_ms();
        WorkerInfo info;
        info.index = i;
        info.host = plans[i].host;
        std::vector<std::string> argv;
        if (plans[i].local) {
            argv = { worker_path, "--stdin" };
        } else {
            argv = ssh;
            for (const char* option : { "-T", "-o", "BatchMode=yes", "-o", "ServerAliveInterval=1", "-o", "ServerAliveCountMax=3",
                     "-o", "ConnectTimeout=5" })
                argv.push_back(option);
            argv.push_back(plans[i].host);
            argv.push_back(remote_worker_command(worker_path, explicit_worker_path));
        }
        auto [pid, pipe] = spawn(argv);
        info.child_pid = pid;
        impl.pipes.push_back(pipe);
        std::map<std::string, std::string> config {
            { "index", std::to_string(i) },
            { "count", std::to_string(count) },
            { "driver_host", plans[i].local ? "127.0.0.1" : "-" }, // "-": the ssh client's address
            { "driver_port", std::to_string(port) },
            { "heartbeat_port", std::to_string(heartbeat_port) },
            { "threads", std::to_string(options.threads) },
            { "bind", plans[i].local ? "127.0.0.1" : "0.0.0.0" },
            { "server_public", impl.keys.server_public },
            { "server_secret", impl.keys.server_secret },
            { "client_public", impl.keys.client_public },
            { "client_secret", impl.keys.client_secret },
        };
        cluster->m_workers.push_back(info);
        if (!write_all(pipe, encode_config(config)))
            throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(i) + " on host " + info.host + " did not start");
    }
    // From here on a failure must not leave processes behind: the cluster owns them.
    instance() = std::move(cluster);

    impl.heartbeat_socket = std::move(heartbeat_router);
    start_heartbeat(impl, count);
    static bool registered = false;
    if (!registered) {
        registered = true;
        std::atexit([] { Cluster::stop(); });
    }
}


// The rest of start-up, done at the first request: workers boot while the program starts running.
void Cluster::ready()
{
    if (m_ready || m_starting)
        return;
    m_starting = true;
    try {
        finish_start();
    } catch (const RambaError& error) {
        if (m_impl->dead_message.empty())
            m_impl->dead_message = error.message();
        m_starting = false;
        throw;
    }
    m_starting = false;
    m_ready = true;
}

void Cluster::finish_start()
{
    Impl& impl = *m_impl;
    int count = size();
    // Hellos: each worker's pid and peer endpoint.
    std::vector<std::string> endpoints(count);
    int hellos = 0;
    auto deadline = Clock::now() + start_timeout;
    while (hellos < count) {
        check_alive();
        if (Clock::now() > deadline) {
            for (int i = 0; i < count; ++i) {
                if (endpoints[i].empty())
                    throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(i) + " on host " + m_workers[i].host + " did not start");
            }
        }
        if (poll_in(impl.router, std::chrono::milliseconds(50)) <= 0)
            continue;
        std::vector<zmq::message_t> parts;
        (void)zmq::recv_multipart(impl.router, std::back_inserter(parts));
        if (parts.size() < 2)
            continue;
        try {
            protocol::Decoded decoded(parts[1].data(), parts[1].size());
            if (decoded.type() != protocol::MessageType::Hello)
                continue;
            auto hello = decoded.body<protocol::Hello>();
            if (hello.index >= static_cast<uint32_t>(count) || parts[0].to_string() != "w" + std::to_string(hello.index)
                || !endpoints[hello.index].empty())
                continue;
            if (impl.launcher_pid > 0 && !hello.host.empty())
                instance()->m_workers[hello.index].host = hello.host; // the launcher chose it
            endpoints[hello.index] = hello.peer_endpoint;
            m_workers[hello.index].remote_pid = hello.pid;
            ++hellos;
        } catch (const protocol::ProtocolError&) {
            continue;
        }
    }
    for (int i = 0; i < count; ++i)
        send(i, protocol::encode(protocol::MessageType::Peers, 0, protocol::Peers { endpoints }));

    remove_config(impl); // every worker has read it
    for (int i = 0; i < count; ++i)
        impl.last_seen[i] = now_ms(); // silence counts from here (check_alive)
}

void Cluster::check_alive()
{
    ready();
    Impl& impl = *m_impl;
    if (!impl.dead_message.empty())
        throw RambaError(ErrorKind::WorkerError, impl.dead_message);
    for (int i = 0; i < size(); ++i) {
        bool dead = false;
        if (!impl.exited[i] && m_workers[i].child_pid > 0) {
            int status = 0;
            if (waitpid(m_workers[i].child_pid, &status, WNOHANG) == m_workers[i].child_pid) {
                impl.exited[i] = true;
                dead = true;
            }
        }
        // Silence counts once every worker has said hello (start-up has its own timeout).
        if (m_ready && now_ms() - impl.last_seen[i] > heartbeat_timeout.count())
            dead = true;
        if (dead && m_workers[i].child_pid == impl.launcher_pid) {
            // The launcher went (it ends the job when a rank dies): name the worker heard from
            // least recently, most likely the one that died first.
            int stalest = 0;
            for (int k = 1; k < size(); ++k) {
                if (impl.last_seen[k] < impl.last_seen[stalest])
                    stalest = k;
            }
            impl.dead_message = "worker " + std::to_string(stalest) + " on host " + m_workers[stalest].host + " died (the launcher exited)";
            throw RambaError(ErrorKind::WorkerError, impl.dead_message);
        }
        if (dead) {
            impl.dead_message = "worker " + std::to_string(i) + " on host " + m_workers[i].host + " died";
            throw RambaError(ErrorKind::WorkerError, impl.dead_message);
        }
    }
}

void Cluster::send(int worker, const std::string& header, std::vector<zmq::message_t> frames)
{
    ready();
    Impl& impl = *m_impl;
    std::string id = "w" + std::to_string(worker);
    try {
        impl.router.send(zmq::buffer(id), zmq::send_flags::sndmore);
        impl.router.send(zmq::buffer(header), frames.empty() ? zmq::send_flags::none : zmq::send_flags::sndmore);
        for (size_t i = 0; i < frames.size(); ++i)
            impl.router.send(frames[i], i + 1 == frames.size() ? zmq::send_flags::none : zmq::send_flags::sndmore);
    } catch (const zmq::error_t& e) {
        check_alive();
        throw RambaError(ErrorKind::WorkerError, "worker " + std::to_string(worker) + " on host " + m_workers[worker].host
                + " cannot be reached: " + e.what());
    }
}

std::vector<Reply> Cluster::collect(std::span<const int> workers, uint64_t sequence)
{
    ready();
    Impl& impl = *m_impl;
    std::vector<Reply> replies(workers.size());
    std::vector<bool> have(workers.size(), false);
    size_t remaining = workers.size();
    auto take = [&](int worker, Reply& reply) {
        for (size_t k = 0; k < workers.size(); ++k) {
            if (workers[k] == worker && !have[k] && reply.header->header.sequence == sequence) {
                replies[k] = std::move(reply);
                have[k] = true;
                --remaining;
                return true;
            }
        }
        return false;
    };
    for (size_t k = 0; k < workers.size(); ++k) {
        auto& queue = impl.pending[workers[k]];
        for (auto it = queue.begin(); it != queue.end();) {
            if (take(workers[k], *it))
                it = queue.erase(it);
            else
                ++it;
        }
    }
    auto last_check = Clock::now();
    std::optional<Clock::time_point> cancelled_at;
    while (remaining > 0) {
        // Ctrl-C: the workers stop this request's kernels; whoever has not answered within 2 s
        // is abandoned (its late reply is dropped by sequence number).
        if (vm::cancel_requested() && !cancelled_at) {
            cancelled_at = Clock::now();
            cancel(sequence);
        }
        if (cancelled_at && Clock::now() - *cancelled_at > std::chrono::seconds(2))
            throw RambaError(ErrorKind::KeyboardInterrupt, "");
        int ready = poll_in(impl.router, std::chrono::milliseconds(100));
        if (ready <= 0 || Clock::now() - last_check > std::chrono::milliseconds(200)) {
            check_alive();
            last_check = Clock::now();
            if (ready <= 0)
                continue;
        }
        std::vector<zmq::message_t> parts;
        (void)zmq::recv_multipart(impl.router, std::back_inserter(parts));
        if (parts.size() < 2)
            continue;
        std::string name = parts[0].to_string();
        if (name.size() < 2 || name[0] != 'w')
            continue;
        int worker = std::atoi(name.c_str() + 1);
        if (worker < 0 || worker >= size())
            continue;
        impl.last_seen[worker] = now_ms();
        Reply reply;
        try {
            reply.header = std::make_unique<protocol::Decoded>(parts[1].data(), parts[1].size());
        } catch (const protocol::ProtocolError& e) {
            std::fprintf(stderr, "ramba: dropped a malformed message from worker %d: %s\n", worker, e.what());
            continue;
        }
        reply.type = reply.header->type();
        for (size_t i = 2; i < parts.size(); ++i)
            reply.frames.push_back(std::move(parts[i]));
        if (!take(worker, reply))
            impl.pending[worker].push_back(std::move(reply));
    }
    for (size_t k = 0; k < replies.size(); ++k) {
        if (replies[k].type == protocol::MessageType::Failed) {
            auto failed = replies[k].header->body<protocol::Failed>();
            throw RambaError(kind_from_name(failed.kind), failed.message);
        }
    }
    return replies;
}

void Cluster::cancel(uint64_t sequence)
{
    if (m_impl) {
        m_impl->cancel_sequence = sequence;
        m_impl->cancel_requested = true;
    }
}

Cluster::~Cluster()
{
    Impl& impl = *m_impl;
    for (int i = 0; i < size(); ++i) {
        if (!impl.exited[i]) {
            try {
                std::string id = "w" + std::to_string(i);
                impl.router.send(zmq::buffer(id), zmq::send_flags::sndmore | zmq::send_flags::dontwait);
                impl.router.send(zmq::buffer(protocol::encode(protocol::MessageType::Shutdown, 0, protocol::Empty {})),
                    zmq::send_flags::dontwait);
            } catch (const zmq::error_t&) {
            }
        }
    }
    for (int fd : impl.pipes)
        close(fd); // end-of-file: the worker (or its ssh session) exits
    auto deadline = Clock::now() + std::chrono::seconds(3);
    for (int i = 0; i < size(); ++i) {
        int pid = m_workers[i].child_pid;
        if (impl.exited[i] || pid <= 0)
            continue;
        for (;;) {
            int status = 0;
            pid_t done = waitpid(pid, &status, WNOHANG);
            if (done == pid || (done < 0 && errno == ECHILD))
                break;
            if (Clock::now() > deadline) {
                if (pid == impl.launcher_pid) {
                    // Ask the launcher to end its job first: it kills its ranks, SIGKILL would not.
                    kill(pid, SIGTERM);
                    auto grace = Clock::now() + std::chrono::seconds(2);
                    while (waitpid(pid, &status, WNOHANG) == 0 && Clock::now() < grace)
                        std::this_thread::sleep_for(std::chrono::milliseconds(10));
                    if (kill(pid, 0) != 0)
                        break;
                }
                kill(pid, SIGKILL);
                waitpid(pid, &status, 0);
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    }
    remove_config(impl);
    impl.stop_heartbeat = true;
    if (impl.heartbeat.joinable())
        impl.heartbeat.join();
    impl.router.close();
    impl.heartbeat_socket.close();
    impl.zap.reset();
    impl.context.shutdown();
    impl.context.close();
}

void Cluster::stop()
{
    instance().reset();
}

} // namespace ramba::cluster
