// `ramba --profile`: time per source statement and per kernel (bytes moved, GB/s), printed at exit;
// and the progress line of a long flush. The interpreter reports statements, run_program kernels.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>

namespace ramba::vm {

struct Program;

namespace profile {

bool enabled();
void set_enabled(bool);

// The statement being executed (innermost), so kernels can be charged to it; returns the previous one.
int enter_statement(int line);
void leave_statement(int line, int previous, double seconds);

// run_program reports each kernel it ran.
void record_kernel(const Program&, double seconds);

// The report, to `out`: statements by inclusive time (with their source text when given), then
// kernels by time with bytes moved and achieved GB/s.
void print_report(std::FILE* out, const std::string* source = nullptr);

// A flush that runs past 2 s shows "ramba: kernel over (…) 45% 3.1 s" on stderr, rewritten in place,
// when stderr is a terminal (never in pipes or files). One per kernel; called by its first thread.
class Progress {
public:
    explicit Progress(const Program&);
    // `done` of `total` blocks finished; cheap unless 2 s have passed.
    void update(int64_t done, int64_t total);
    ~Progress();

private:
    const Program& m_program;
    std::chrono::steady_clock::time_point m_start;
    bool m_active { false };
    bool m_printed { false };
};

} // namespace profile
} // namespace ramba::vm
