// The driver's side of the cluster engine: starts ramba-worker processes (locally, over ssh, or with
// a cluster launcher), hands them session keys through their stdin (a private file for a launcher),
// and exchanges CURVE-encrypted ZeroMQ messages with them. Watches heartbeats and child processes:
// a dead worker is a WorkerError naming it, within seconds. Distribution of arrays is dist.hpp's;
// this file moves messages.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>
#include <zmq.hpp>

#include "engine/protocol/messages.hpp"

namespace ramba::cluster {

struct LaunchOptions {
    int workers { 0 };        // local workers (--workers N)
    std::string hosts;        // "h1:4,h2:4" or a hostfile path (--hosts)
    std::string launcher;     // 'mpirun -np {n} ...' (--launcher)
    int threads { 0 };        // OpenMP threads per worker (0: the worker's default)
};

struct WorkerInfo {
    int index { 0 };
    std::string host;         // as the user named it ("localhost" for local workers)
    int child_pid { -1 };     // our child: the worker itself, or the ssh client running it
    int64_t remote_pid { 0 }; // the worker's own pid (from its hello)
};

struct Reply {
    protocol::MessageType type {};
    std::unique_ptr<protocol::Decoded> header;
    std::vector<zmq::message_t> frames; // data frames after the header
};

class Cluster {
public:
    // The running cluster, or null for the local engine.
    static Cluster* get();
    // Starts the workers the options ask for (throws RambaError: ValueError for bad options,
    // WorkerError when a worker cannot start). Registers an exit handler that stops them.
    static void start(const LaunchOptions&);
    // Stops every worker and waits for them (SIGKILL after a grace period). Safe to call twice.
    static void stop();

    ~Cluster();
    int size() const { return static_cast<int>(m_workers.size()); }
    const WorkerInfo& worker(int index) const { return m_workers[index]; }
    uint64_t next_sequence() { return ++m_sequence; }

    void send(int worker, const std::string& header, std::vector<zmq::message_t> frames = {});
    // Waits for each worker's reply to `sequence`; a Failed reply throws its error, a dead worker
    // throws WorkerError. Replies come back in `workers` order.
    std::vector<Reply> collect(std::span<const int> workers, uint64_t sequence);
    // Throws WorkerError if a worker has died (cheap; called before each request).
    void check_alive();
    // Asks every worker to stop the kernels of request `sequence` (Ctrl-C).
    void cancel(uint64_t sequence);

    struct Impl;

private:
    Cluster() = default;
    void ready();
    void finish_start();
    bool m_ready { false }, m_starting { false };
    std::unique_ptr<Impl> m_impl;
    std::vector<WorkerInfo> m_workers;
    uint64_t m_sequence { 0 };
};

// "h1:4,h2" or the lines of a hostfile ("host[:workers]", '#' comments) -> (host, workers) pairs.
std::vector<std::pair<std::string, int>> parse_hosts(const std::string& spec);

} // namespace ramba::cluster
