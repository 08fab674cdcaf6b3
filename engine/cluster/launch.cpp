// How the driver starts workers (see launch.hpp): the worker's command line (local, ssh, a cluster
// launcher), spawning it with a pipe for the session line, the launcher's private configuration file,
// host lists.
#include "engine/cluster/launch.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sstream>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/cluster/cluster.hpp"
#include "base/error.hpp"

namespace ramba::cluster {

std::string self_directory()
{
    char path[4096];
    ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
    if (n <= 0)
        return ".";
    path[n] = 0;
    std::string text(path);
    return text.substr(0, text.rfind('/'));
}

std::string remote_worker_command(const std::string& worker_path, bool explicit_path)
{
    if (explicit_path)
        return "exec " + shell_quote(worker_path) + " --stdin";
    return "w=" + shell_quote(worker_path) + "; [ -x \"$w\" ] || w=ramba-worker; exec \"$w\" --stdin";
}

std::vector<std::string> split_words(const std::string& text)
{
    std::istringstream in(text);
    std::vector<std::string> words;
    std::string word;
    while (in >> word)
        words.push_back(word);
    return words;
}

// fork + exec with stdin from a pipe; the child dies with the driver (PDEATHSIG) as a backstop to
// the pipe's end-of-file. Returns the child's pid and the pipe's writing end.
std::pair<int, int> spawn(const std::vector<std::string>& argv)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        throw RambaError(ErrorKind::WorkerError, std::string("cannot create a pipe: ") + std::strerror(errno));
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid < 0)
        throw RambaError(ErrorKind::WorkerError, std::string("cannot fork: ") + std::strerror(errno));
    if (pid == 0) {
        prctl(PR_SET_PDEATHSIG, SIGTERM);
        if (getppid() != parent)
            _exit(1);
        dup2(fds[0], 0);
        // OpenBLAS starts (and spins) a thread pool when it loads; workers run BLAS one call per
        // tile on their own threads, so the pool would only steal cycles from the driver.
        setenv("OPENBLAS_NUM_THREADS", "1", 0);
        setpgid(0, 0); // Ctrl-C at the terminal is the driver's to handle, not the workers'
        std::vector<char*> args;
        for (auto& arg : argv)
            args.push_back(const_cast<char*>(arg.c_str()));
        args.push_back(nullptr);
        execvp(args[0], args.data());
        std::fprintf(stderr, "ramba: cannot run %s: %s\n", args[0], std::strerror(errno));
        _exit(127);
    }
    close(fds[0]);
    return { pid, fds[1] };
}

bool write_all(int fd, const std::string& text)
{
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = write(fd, text.data() + done, text.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += n;
    }
    return true;
}

// Single quotes for /bin/sh.
std::string shell_quote(const std::string& text)
{
    std::string quoted = "'";
    for (char c : text) {
        if (c == '\'')
            quoted += "'\\''";
        else
            quoted += c;
    }
    return quoted + "'";
}

// The launcher's command: {n} replaced by the worker count, the worker command appended. Run by
// /bin/sh so that the user's quoting and variables work as they would at a prompt; `exec` keeps
// the launcher itself our child, so its exit is seen and PDEATHSIG reaches it.
std::vector<std::string> launcher_argv(const std::string& command, int count, const std::string& worker_path, const std::string& config_path)
{
    std::string filled;
    for (size_t i = 0; i < command.size(); ++i) {
        if (command.compare(i, 3, "{n}") == 0) {
            filled += std::to_string(count);
            i += 2;
        } else {
            filled += command[i];
        }
    }
    return { "/bin/sh", "-c", "exec " + filled + " " + shell_quote(worker_path) + " --config " + shell_quote(config_path) };
}

// Writes the session line to a new file only we can read, in a new folder only we can enter.
// Returns (folder, file).
std::pair<std::string, std::string> write_private_config(const std::string& line)
{
    const char* tmp = std::getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/ramba-XXXXXX";
    if (!mkdtemp(pattern.data()))
        throw RambaError(ErrorKind::WorkerError, "cannot create a private folder for the launcher's configuration: " + std::string(std::strerror(errno)));
    std::string path = pattern + "/session";
    int fd = open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0 || !write_all(fd, line) || close(fd) != 0) {
        int error = errno;
        unlink(path.c_str());
        rmdir(pattern.c_str());
        throw RambaError(ErrorKind::WorkerError, "cannot write the launcher's configuration: " + std::string(std::strerror(error)));
    }
    return { pattern, path };
}

std::vector<std::pair<std::string, int>> parse_hosts(const std::string& spec)
{
    std::vector<std::string> entries;
    // A readable file is a hostfile; anything else is the comma-separated form.
    if (access(spec.c_str(), R_OK) == 0) {
        std::ifstream in(spec);
        std::string line;
        while (std::getline(in, line)) {
            if (auto hash = line.find('#'); hash != std::string::npos)
                line.erase(hash);
            for (auto& word : split_words(line))
                entries.push_back(word);
        }
    } else {
        std::string item;
        std::istringstream in(spec);
        while (std::getline(in, item, ',')) {
            for (auto& word : split_words(item))
                entries.push_back(word);
        }
    }
    std::vector<std::pair<std::string, int>> hosts;
    for (auto& entry : entries) {
        std::string host = entry;
        int count = 1;
        if (auto colon = entry.rfind(':'); colon != std::string::npos) {
            host = entry.substr(0, colon);
            std::string number = entry.substr(colon + 1);
            char* end = nullptr;
            long value = std::strtol(number.c_str(), &end, 10);
            if (number.empty() || *end || value < 1 || value > 4096)
                throw RambaError(ErrorKind::ValueError, "bad worker count in host entry '" + entry + "'");
            count = static_cast<int>(value);
        }
        if (host.empty())
            throw RambaError(ErrorKind::ValueError, "empty host name in '" + entry + "'");
        hosts.emplace_back(host, count);
    }
    if (hosts.empty())
        throw RambaError(ErrorKind::ValueError, "no hosts in '" + spec + "'");
    return hosts;
}

} // namespace ramba::cluster
