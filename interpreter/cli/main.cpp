// The `ramba` command: parses the command line, registers the standard library, then runs a script
// file, a -c string, standard input, or the REPL, on a thread with a large stack.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <pthread.h>
#include <sstream>
#include <stdexcept>
#include <string>
#include <unistd.h>
#include <vector>

#include "base/signals.hpp"
#include "base/version.hpp"
#include "engine/cluster/cluster.hpp"
#include "engine/planner/explain.hpp"
#include "engine/vm/profile.hpp"
#include "engine/vm/ufunc.hpp"
#include "interpreter/ast/liveness.hpp"
#include "interpreter/ast/builder.hpp"
#include "interpreter/cli/features.hpp"
#include "interpreter/cli/options.hpp"
#include "interpreter/errors/report.hpp"
#include "interpreter/eval/interpreter.hpp"
#include "interpreter/eval/interrupt.hpp"
#include "interpreter/repl/repl.hpp"
#include "stdlib/python/sys_module.hpp"
#include "stdlib/stdlib.hpp"

namespace {

using namespace ramba;

constexpr const char* usage_text = "usage: ramba [option ...] [-c CODE | FILE | run FILE | -] [ARG ...]\n";
constexpr const char* help_text =
    "usage: ramba [option ...] [-c CODE | FILE | run FILE | -] [ARG ...]\n"
    "\n"
    "Runs a numpy-flavoured Python program; `import numpy as np` and `import ramba as np` both work.\n"
    "\n"
    "  ramba                  REPL when standard input is a terminal, else runs standard input\n"
    "  ramba FILE [ARG ...]   runs a script (.rmb or .py); so `#!/usr/bin/env ramba` scripts work\n"
    "  ramba run FILE [ARG ...]\n"
    "  ramba -c CODE [ARG ...]\n"
    "  ramba - [ARG ...]      runs standard input\n"
    "\n"
    "options:\n"
    "  -h, --help             show this help and exit\n"
    "  -V, --version          print the version and exit\n"
    "  -i                     after the program, the REPL with its variables (as python -i)\n"
    "  --features             list the modules and names ramba provides (Markdown) and exit\n"
    "  --threads N            threads of the local engine (default: RAMBA_NUM_THREADS or all cores)\n"
    "  --workers N            run arrays on N local worker processes (RAMBA_WORKERS)\n"
    "  --hosts FILE           run workers on the hosts listed in FILE, over ssh (RAMBA_HOSTS)\n"
    "  --launcher CMD         start workers with a cluster launcher, e.g. 'mpirun -np {n}'\n"
    "  --explain              print the fused kernels each flush runs\n"
    "  --profile              print timings of each flush\n"
    "  --dump-ast             print the program's syntax tree instead of running it\n"
    "\n"
    "sys.argv holds FILE (or '-c') and the ARGs; sys.exit(n) sets the exit status.\n"
    "Exit status: 0 on success, 1 on an uncaught error, 2 on bad usage.\n";

enum class Mode { Repl, Stdin, File, Command, Features };

struct Invocation {
    Mode mode { Mode::Repl };
    std::string file;
    std::string code;
    std::vector<std::string> argv; // sys.argv
    bool interactive { false };    // -i: the REPL after the program, with its variables
};

[[noreturn]] void usage_error(const std::string& why)
{
    std::fprintf(stderr, "ramba: %s\n%s", why.c_str(), usage_text);
    std::exit(2);
}

bool parse_count(const std::string& text, int& out)
{
    char* end = nullptr;
    errno = 0;
    long value = std::strtol(text.c_str(), &end, 10);
    if (errno || end == text.c_str() || *end || value < 0 || value > 1 << 20)
        return false;
    out = static_cast<int>(value);
    return true;
}

Invocation parse_command_line(int argc, char** argv)
{
    Invocation invocation;
    Options& opts = options();
    int i = 1;
    auto value_of = [&](const std::string& arg, const std::string& name, std::string& out) -> bool {
        if (arg == name) {
            if (i + 1 >= argc)
                usage_error("option " + name + " needs a value");
            out = argv[++i];
            return true;
        }
        if (arg.rfind(name + "=", 0) == 0) {
            out = arg.substr(name.size() + 1);
            return true;
        }
        return false;
    };
    for (; i < argc; ++i) {
        std::string arg = argv[i];
        std::string value;
        if (arg == "-h" || arg == "--help") {
            std::fputs(help_text, stdout);
            std::exit(0);
        }
        if (arg == "-V" || arg == "--version") {
            std::printf("ramba %s (commit %s)\n", version_number, version_commit);
            std::exit(0);
        }
        if (arg == "-i") {
            invocation.interactive = true;
            continue;
        }
        if (arg == "--features") {
            invocation.mode = Mode::Features;
            return invocation;
        }
        if (value_of(arg, "--threads", value)) {
            if (!parse_count(value, opts.threads))
                usage_error("--threads needs a number, not '" + value + "'");
            if (opts.threads == 0)
                usage_error("--threads needs at least 1 thread");
            continue;
        }
        if (value_of(arg, "--workers", value)) {
            if (!parse_count(value, opts.workers))
                usage_error("--workers needs a number, not '" + value + "'");
            continue;
        }
        if (value_of(arg, "--hosts", opts.hosts) || value_of(arg, "--launcher", opts.launcher))
            continue;
        if (arg == "--explain") {
            opts.explain = true;
            continue;
        }
        if (arg == "--profile") {
            opts.profile = true;
            continue;
        }
        if (arg == "--dump-ast") {
            opts.dump_ast = true;
            continue;
        }
        if (arg == "-c") {
            if (i + 1 >= argc)
                usage_error("option -c needs an argument");
            invocation.mode = Mode::Command;
            invocation.code = argv[i + 1];
            invocation.argv.push_back("-c");
            for (int j = i + 2; j < argc; ++j)
                invocation.argv.push_back(argv[j]);
            return invocation;
        }
        if (arg == "-") {
            invocation.mode = Mode::Stdin;
            invocation.argv.push_back("-");
            for (int j = i + 1; j < argc; ++j)
                invocation.argv.push_back(argv[j]);
            return invocation;
        }
        if (arg == "--") {
            ++i;
            break;
        }
        if (arg.size() > 1 && arg[0] == '-')
            usage_error("unknown option '" + arg + "'");
        break;
    }
    if (i >= argc) {
        invocation.mode = isatty(STDIN_FILENO) ? Mode::Repl : Mode::Stdin;
        invocation.argv.push_back("");
        return invocation;
    }
    // `ramba run FILE` unless a file named "run" exists and nothing follows.
    if (std::string(argv[i]) == "run" && (i + 1 < argc || access("run", F_OK) != 0)) {
        if (i + 1 >= argc)
            usage_error("run needs a FILE");
        ++i;
    }
    invocation.mode = Mode::File;
    invocation.file = argv[i];
    for (int j = i; j < argc; ++j)
        invocation.argv.push_back(argv[j]);
    return invocation;
}

int report(const RambaError& error, const std::string& filename, const std::string* source, const interp::Interpreter* interpreter = nullptr)
{
    std::fflush(stdout);
    if (interp::terminate_requested())
        return 128 + SIGTERM; // SIGTERM unwound the program: nothing to report (main re-raises it)
    std::string text = format_error_report(error, filename, source, interp::exception_type_name(error),
        interpreter ? interpreter->suggestion_for(error) : std::string());
    std::fputs(text.c_str(), stderr);
    return error.kind() == ErrorKind::KeyboardInterrupt ? 130 : 1;
}

int run_source(interp::Interpreter& interpreter, const std::string& filename, std::string text, bool keep_globals)
{
    auto source = std::make_shared<const std::string>(std::move(text));
    std::unique_ptr<ast::Module> module;
    try {
        module = ast::parse_module(filename, source, interpreter.global_table());
    } catch (const RambaError& error) {
        return report(error, filename, source.get());
    }
    if (options().dump_ast) {
        std::fputs(ast::dump(*module).c_str(), stdout);
        return 0;
    }
    if (!keep_globals)
        ast::mark_releases(*module); // batch mode: dead globals are released after their last use
    ramba::vm::profile::set_enabled(options().profile);
    ramba::engine::explain::set_enabled(options().explain);
    struct ProfileReport {
        const std::string* source;
        ~ProfileReport() { if (ramba::vm::profile::enabled()) ramba::vm::profile::print_report(stderr, source); }
    } profile_report { source.get() };
    try {
        interpreter.run(*module);
    } catch (const RambaError& error) {
        if (error.kind() == ErrorKind::SystemExit)
            return repl::system_exit(interpreter, error);
        const auto& origin = interpreter.error_origin();
        return report(error, origin.filename, origin.source.get(), &interpreter);
    } catch (const std::bad_alloc&) {
        return report(RambaError(ErrorKind::MemoryError, ""), filename, nullptr);
    } catch (const std::length_error&) { // a container asked for more than it can ever hold
        return report(RambaError(ErrorKind::MemoryError, ""), filename, nullptr);
    }
    return 0;
}

// Threads for the local engine, and the cluster when --workers/--hosts/--launcher (or their
// RAMBA_* variables) ask for one. A cluster that cannot start is an error before anything runs.
int start_engine()
{
    auto& opts = options();
    auto env = [](const char* name) -> std::string {
        const char* value = std::getenv(name);
        return value ? value : "";
    };
    if (opts.threads == 0 && !env("RAMBA_NUM_THREADS").empty() && !parse_count(env("RAMBA_NUM_THREADS"), opts.threads))
        usage_error("RAMBA_NUM_THREADS needs a number, not '" + env("RAMBA_NUM_THREADS") + "'");
    if (opts.threads > 0)
        vm::set_num_threads(opts.threads);
    if (opts.workers == 0 && !env("RAMBA_WORKERS").empty() && !parse_count(env("RAMBA_WORKERS"), opts.workers))
        usage_error("RAMBA_WORKERS needs a number, not '" + env("RAMBA_WORKERS") + "'");
    if (opts.hosts.empty())
        opts.hosts = env("RAMBA_HOSTS");
    if (opts.launcher.empty())
        opts.launcher = env("RAMBA_LAUNCHER");
    if (opts.workers == 0 && opts.hosts.empty() && opts.launcher.empty())
        return 0;
    try {
        cluster::LaunchOptions launch;
        launch.workers = opts.workers;
        launch.hosts = opts.hosts;
        launch.launcher = opts.launcher;
        launch.threads = opts.threads;
        cluster::Cluster::start(launch);
    } catch (const RambaError& error) {
        std::fprintf(stderr, "ramba: %s: %s\n", std::string(error_kind_name(error.kind())).c_str(), error.message().c_str());
        cluster::Cluster::stop();
        return 1;
    }
    return 0;
}

int run(int argc, char** argv)
{
    Invocation invocation = parse_command_line(argc, argv);
    stdlib::register_all();
    if (invocation.mode == Mode::Features) {
        interp::Interpreter interpreter;
        std::fputs(cli::features_report(interpreter).c_str(), stdout);
        return 0;
    }
    stdlib::set_sys_argv(invocation.argv);
    interp::install_interrupt_handler();
    if (int status = start_engine(); status != 0)
        return status;
    interp::Interpreter interpreter;

    int status = 0;
    switch (invocation.mode) {
    case Mode::Features: // handled above
    case Mode::Repl:
        status = repl::run_repl(interpreter, repl::Banner::Yes);
        break;
    case Mode::Command:
        status = run_source(interpreter, "<string>", invocation.code, invocation.interactive);
        break;
    case Mode::Stdin: {
        std::ostringstream text;
        text << std::cin.rdbuf();
        status = run_source(interpreter, "<stdin>", text.str(), invocation.interactive);
        break;
    }
    case Mode::File: {
        std::ifstream file(invocation.file, std::ios::binary);
        if (!file) {
            int error = errno;
            std::fprintf(stderr, "ramba: can't open file '%s': [Errno %d] %s\n", invocation.file.c_str(), error, std::strerror(error));
            return 2;
        }
        std::ostringstream text;
        text << file.rdbuf();
        status = run_source(interpreter, invocation.file, text.str(), invocation.interactive);
        break;
    }
    }
    // Python's -i: the REPL follows, with the program's variables, whether it ended well or not.
    if (invocation.interactive && invocation.mode != Mode::Repl && !interp::terminate_requested())
        status = repl::run_repl(interpreter, repl::Banner::No);
    // Workers stop before the interpreter's arrays are destroyed (their tiles go with them).
    cluster::Cluster::stop();
    if (std::fflush(stdout) != 0)
        return status; // stdout closed under us (a pipe's reader left): nothing more to say
    return status;
}

struct ThreadArguments {
    int argc;
    char** argv;
    int status;
};

// 512 MiB of address space, touched only as deep as the program recurses: deep recursion and deep
// nesting become RecursionError (see Interpreter::enter_call) long before the stack could overflow.
constexpr size_t interpreter_stack_bytes = size_t(512) << 20;

} // namespace

int main(int argc, char** argv)
{
    ThreadArguments arguments { argc, argv, 0 };
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    pthread_t thread;
    if (pthread_attr_setstacksize(&attributes, interpreter_stack_bytes) == 0
        && pthread_create(&thread, &attributes, [](void* data) -> void* {
               auto* args = static_cast<ThreadArguments*>(data);
               args->status = run(args->argc, args->argv);
               return nullptr;
           }, &arguments) == 0) {
        // SIGINT and SIGTERM go to the interpreter thread (the handler wakes the REPL's select there).
        sigset_t set = block_interrupt_signals();
        pthread_join(thread, nullptr);
        if (interp::terminate_requested()) {
            // Unwound cleanly after SIGTERM: end by the signal itself, as an unhandled SIGTERM would.
            std::fflush(stdout);
            std::signal(SIGTERM, SIG_DFL);
            pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
            std::raise(SIGTERM);
        }
        return arguments.status;
    }
    return run(argc, argv);
}
