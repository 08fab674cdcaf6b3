// The profile tables (statements by line, kernels by statement and signature) and the progress line.
#include "engine/vm/profile.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <unistd.h>
#include <vector>

#include "engine/vm/program.hpp"

namespace ramba::vm::profile {

namespace {

bool profiling = false;
int current_line = 0;

struct StatementEntry {
    int64_t count { 0 };
    double seconds { 0 };
    double bytes { 0 }; // moved by the kernels it flushed itself (not those of nested statements)
};

struct KernelEntry {
    int64_t count { 0 };
    double seconds { 0 };
    double bytes { 0 };
};

std::map<int, StatementEntry>& statements()
{
    static std::map<int, StatementEntry> table;
    return table;
}

std::map<std::pair<int, std::string>, KernelEntry>& kernels()
{
    static std::map<std::pair<int, std::string>, KernelEntry> table;
    return table;
}

// "(4000, 4000) sin cos multiply add -> 1 store": what the kernel does, compactly.
std::string signature(const Program& program)
{
    std::string text = engine::shape_to_string(program.shape);
    int stores = 0, reduces = 0;
    for (auto& instruction : program.code) {
        if (instruction.kind == InstructionKind::Apply) {
            text += ' ';
            text += op_name(instruction.op);
        }
        stores += instruction.kind == InstructionKind::Store;
        reduces += instruction.kind == InstructionKind::Reduce;
    }
    text += " -> ";
    if (stores)
        text += std::to_string(stores) + " store" + (stores > 1 ? "s" : "");
    if (stores && reduces)
        text += ", ";
    if (reduces)
        text += std::to_string(reduces) + " reduction" + (reduces > 1 ? "s" : "");
    return text;
}

std::string source_line(const std::string* source, int line)
{
    if (!source || line <= 0)
        return "";
    size_t start = 0;
    for (int l = 1; l < line && start != std::string::npos; ++l) {
        start = source->find('\n', start);
        if (start != std::string::npos)
            ++start;
    }
    if (start == std::string::npos)
        return "";
    size_t end = source->find('\n', start);
    std::string text = source->substr(start, end == std::string::npos ? std::string::npos : end - start);
    size_t first = text.find_first_not_of(" \t");
    text = first == std::string::npos ? "" : text.substr(first);
    return text.size() > 60 ? text.substr(0, 57) + "..." : text;
}

bool stderr_is_terminal()
{
    static const bool terminal = isatty(STDERR_FILENO) == 1;
    return terminal;
}

} // namespace

bool enabled() { return profiling; }
void set_enabled(bool on) { profiling = on; }

int enter_statement(int line)
{
    int previous = current_line;
    current_line = line;
    return previous;
}

void leave_statement(int line, int previous, double seconds)
{
    auto& entry = statements()[line];
    ++entry.count;
    entry.seconds += seconds;
    current_line = previous;
}

void record_kernel(const Program& program, double seconds)
{
    double bytes = 0;
    for (auto& input : program.inputs)
        bytes += static_cast<double>(input.nbytes());
    for (auto& output : program.outputs)
        bytes += static_cast<double>(output.nbytes());
    statements()[current_line].bytes += bytes;
    auto& entry = kernels()[{ current_line, signature(program) }];
    ++entry.count;
    entry.seconds += seconds;
    entry.bytes += bytes;
}

void print_report(std::FILE* out, const std::string* source)
{
    std::fflush(stdout);
    std::vector<std::pair<int, StatementEntry>> lines(statements().begin(), statements().end());
    std::sort(lines.begin(), lines.end(), [](auto& a, auto& b) { return a.second.seconds > b.second.seconds; });
    std::fprintf(out, "-- profile: statements (inclusive time, top %zu)\n", std::min<size_t>(lines.size(), 20));
    std::fprintf(out, "%6s %10s %11s %12s %8s  %s\n", "line", "runs", "seconds", "MB moved", "GB/s", "statement");
    for (size_t i = 0; i < lines.size() && i < 20; ++i) {
        auto& [line, entry] = lines[i];
        double gbs = entry.seconds > 0 ? entry.bytes / entry.seconds / 1e9 : 0;
        std::fprintf(out, "%6d %10lld %11.6f %12.1f %8.2f  %s\n", line, static_cast<long long>(entry.count), entry.seconds,
            entry.bytes / 1e6, gbs, source_line(source, line).c_str());
    }
    std::vector<std::pair<std::pair<int, std::string>, KernelEntry>> rows(kernels().begin(), kernels().end());
    std::sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.second.seconds > b.second.seconds; });
    std::fprintf(out, "-- profile: kernels (%zu kinds)\n", rows.size());
    std::fprintf(out, "%6s %8s %11s %12s %8s  %s\n", "line", "runs", "seconds", "MB moved", "GB/s", "kernel");
    for (auto& [key, entry] : rows) {
        double gbs = entry.seconds > 0 ? entry.bytes / entry.seconds / 1e9 : 0;
        std::fprintf(out, "%6d %8lld %11.6f %12.1f %8.2f  %s\n", key.first, static_cast<long long>(entry.count),
            entry.seconds, entry.bytes / 1e6, gbs, key.second.c_str());
    }
}

Progress::Progress(const Program& program)
    : m_program(program)
    , m_start(std::chrono::steady_clock::now())
    , m_active(stderr_is_terminal())
{
}

void Progress::update(int64_t done, int64_t total)
{
    if (!m_active)
        return;
    double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    if (elapsed < 2.0)
        return;
    std::fprintf(stderr, "\rramba: kernel over %s  %3d%%  %.1f s", engine::shape_to_string(m_program.shape).c_str(),
        static_cast<int>(100 * done / std::max<int64_t>(total, 1)), elapsed);
    std::fflush(stderr);
    m_printed = true;
}

Progress::~Progress()
{
    if (m_printed) {
        std::fputs("\r\033[K", stderr);
        std::fflush(stderr);
    }
}

} // namespace ramba::vm::profile
