// Options: the command line's settings, read by whoever needs them (the engine for threads and
// workers, the planner for --explain). Filled once by cli/main.cpp before anything runs.
#pragma once

#include <string>

namespace ramba {

struct Options {
    int threads { 0 };       // --threads N; 0: RAMBA_NUM_THREADS or all cores
    int workers { 0 };       // --workers N; 0: RAMBA_WORKERS or the local engine
    std::string hosts;       // --hosts FILE (RAMBA_HOSTS)
    std::string launcher;    // --launcher 'mpirun -np {n} ...'
    bool explain { false };  // --explain: print the kernels each flush runs
    bool profile { false };  // --profile: time each flush
    bool dump_ast { false }; // --dump-ast: print the AST of the script instead of running it
};

Options& options();

} // namespace ramba
