// Internal to engine/cluster: how the driver starts workers (cluster.cpp's Cluster::start uses these):
// the worker's command line, spawning it with a pipe, the launcher's private session file.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ramba::cluster {

// The folder of the running executable (ramba-worker is looked for beside ramba).
std::string self_directory();
// The shell command an ssh session runs to start a worker reading its session line from stdin. With
// RAMBA_WORKER_PATH (explicit) that program; otherwise ramba-worker beside the driver's own path when
// the host has it there (a build folder on a shared file system, or the same install prefix), else
// the ramba-worker on the PATH of the host's non-interactive shell (an installed package).
std::string remote_worker_command(const std::string& worker_path, bool explicit_path);
// Words of a command given as one string (RAMBA_SSH), split at spaces.
std::vector<std::string> split_words(const std::string& text);
// fork + exec with stdin from a pipe; the child dies with the driver (PDEATHSIG) as a backstop to
// the pipe's end-of-file. Returns the child's pid and the pipe's writing end.
std::pair<int, int> spawn(const std::vector<std::string>& argv);
// write() of the whole text, retrying on EINTR and short writes; false on an error.
bool write_all(int fd, const std::string& text);
// Single quotes for /bin/sh.
std::string shell_quote(const std::string& text);
// The launcher's command: {n} replaced by the worker count, the worker command appended, run by
// /bin/sh (`exec`, so the launcher itself is our child).
std::vector<std::string> launcher_argv(const std::string& command, int count, const std::string& worker_path,
    const std::string& config_path);
// Writes the session line to a new file only we can read, in a new folder only we can enter.
// Returns (folder, file).
std::pair<std::string, std::string> write_private_config(const std::string& line);

} // namespace ramba::cluster
