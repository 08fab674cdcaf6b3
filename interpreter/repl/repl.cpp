// The REPL loop on GNU readline's callback interface: select() waits on the terminal and on the
// SIGINT self-pipe, so Ctrl-C at the prompt abandons the line cleanly (as Python's REPL does).
#include "interpreter/repl/repl.hpp"
#include "base/version.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "interpreter/ast/builder.hpp"
#include "interpreter/errors/report.hpp"
#include "interpreter/eval/interrupt.hpp"
#include "interpreter/repl/completion.hpp"

namespace ramba::repl {

namespace {

interp::Interpreter* s_interpreter = nullptr;

struct PendingLine {
    bool done { false };
    bool eof { false };
    std::string text;
};
PendingLine s_line;

void on_line(char* line)
{
    rl_callback_handler_remove(); // stop reading until the next prompt; the terminal is ours again
    s_line.done = true;
    if (!line) {
        s_line.eof = true;
        return;
    }
    s_line.text = line;
    std::free(line);
}

enum class ReadResult { Line, EndOfInput, Interrupted };

ReadResult read_line(const char* prompt, std::string& out)
{
    s_line = {};
    std::fflush(stdout);
    rl_callback_handler_install(prompt, on_line);
    int wake = interp::interrupt_wake_fd();
    while (!s_line.done) {
        fd_set fds;
        FD_ZERO(&fds);
        FD_SET(STDIN_FILENO, &fds);
        if (wake >= 0)
            FD_SET(wake, &fds);
        int ready = select(std::max(STDIN_FILENO, wake) + 1, &fds, nullptr, nullptr, nullptr);
        if (interp::terminate_requested()) {
            rl_callback_handler_remove();
            rl_deprep_terminal(); // give the terminal back as we found it
            return ReadResult::EndOfInput;
        }
        if (interp::g_interrupt_requested.load()) {
            interp::clear_interrupt();
            rl_free_line_state();
            rl_callback_sigcleanup();
            rl_cleanup_after_signal();
            rl_callback_handler_remove();
            rl_replace_line("", 0);
            std::fputs("\nKeyboardInterrupt\n", stdout);
            return ReadResult::Interrupted;
        }
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            rl_callback_handler_remove();
            return ReadResult::EndOfInput;
        }
        if (FD_ISSET(STDIN_FILENO, &fds))
            rl_callback_read_char();
    }
    if (s_line.eof)
        return ReadResult::EndOfInput;
    out = std::move(s_line.text);
    return ReadResult::Line;
}

// readline's completion: candidates for the word before the cursor.
std::vector<std::string> s_matches;

char* next_match(const char*, int state)
{
    if (static_cast<size_t>(state) >= s_matches.size())
        return nullptr;
    return strdup(s_matches[state].c_str());
}

char** complete(const char* text, int start, int)
{
    rl_attempted_completion_over = 1; // never fall back to file names
    // Tab at the start of a line indents, as in Python's REPL.
    bool blank = true;
    for (int i = 0; i < start; ++i)
        blank = blank && (rl_line_buffer[i] == ' ' || rl_line_buffer[i] == '\t');
    if (blank && text[0] == '\0') {
        rl_insert_text("    ");
        return nullptr;
    }
    s_matches = completions(*s_interpreter, text);
    return rl_completion_matches(text, next_match);
}

std::string history_path()
{
    const char* home = std::getenv("HOME");
    if (!home || !*home)
        return {};
    return std::string(home) + "/.ramba_history";
}

bool is_blank(const std::string& text) { return text.find_first_not_of(" \t\r\f") == std::string::npos; }

// Runs one complete input. Returns an exit status to leave the REPL with (SystemExit), or -1.
int execute(interp::Interpreter& interpreter, const std::string& text)
{
    interp::clear_interrupt();
    auto source = std::make_shared<const std::string>(text);
    std::unique_ptr<ast::Module> module;
    try {
        module = ast::parse_module("<stdin>", source, interpreter.global_table());
        interpreter.run(*module, interp::Echo::Yes);
    } catch (const RambaError& error) {
        if (error.kind() == ErrorKind::SystemExit)
            return system_exit(interpreter, error);
        std::fflush(stdout);
        if (interp::terminate_requested())
            return 128 + SIGTERM;
        if (error.kind() == ErrorKind::KeyboardInterrupt)
            interp::clear_interrupt(); // a kernel that stopped for Ctrl-C leaves the flag for us to clear
        const std::string* shown = source.get();
        std::string filename = "<stdin>";
        if (module) { // a run-time error: its span may be in an earlier input (a function defined there)
            shown = interpreter.error_origin().source.get();
            filename = interpreter.error_origin().filename;
        }
        std::fputs(format_error_report(error, filename, shown, interp::exception_type_name(error), interpreter.suggestion_for(error)).c_str(), stderr);
    } catch (const std::bad_alloc&) {
        std::fflush(stdout);
        std::fputs("<stdin>: MemoryError\n", stderr);
    }
    std::fflush(stdout);
    std::fflush(stderr);
    return -1;
}

} // namespace

int system_exit(interp::Interpreter& interpreter, const RambaError& error)
{
    std::fflush(stdout);
    std::string message;
    int status = interp::system_exit_status(interpreter, error, message);
    if (!message.empty())
        std::fprintf(stderr, "%s\n", message.c_str());
    return status & 0xff;
}

int run_repl(interp::Interpreter& interpreter, Banner banner)
{
    // Python prints its banner on stderr, so that a session's stdout holds only the program's output.
    if (banner == Banner::Yes)
        std::fprintf(stderr, "ramba %s (Python 3.11 language, numpy 1.24 arrays)\nType \"help\" for more information.\n", version_number);
    s_interpreter = &interpreter;
    rl_catch_signals = 0; // our SIGINT handler only sets a flag; the loop above cleans up
    rl_readline_name = "ramba";
    rl_attempted_completion_function = complete;
    rl_completer_word_break_characters = const_cast<char*>(" \t\n\"\\'`@$><=;|&{(,[]+-*/%^~!:)}");
    rl_completion_append_character = '\0';

    std::string history = history_path();
    if (!history.empty()) {
        int fd = open(history.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600); // append_history needs the file
        if (fd >= 0)
            close(fd);
        read_history(history.c_str());
    }

    std::string buffer;
    int status = -1;
    while (status < 0) {
        std::string line;
        ReadResult result = read_line(buffer.empty() ? ">>> " : "... ", line);
        if (interp::terminate_requested()) // SIGTERM: leave without a word, as Python's REPL dies
            break;
        if (result == ReadResult::EndOfInput) {
            std::fputs("\n", stdout);
            if (!buffer.empty()) {
                // Python: end of input on a `...` line ends the block; it runs (or its syntax error
                // is reported) and the session goes on.
                status = execute(interpreter, buffer);
                buffer.clear();
                continue;
            }
            status = 0;
            break;
        }
        if (result == ReadResult::Interrupted) {
            buffer.clear();
            continue;
        }
        if (!is_blank(line)) {
            add_history(line.c_str());
            if (!history.empty()) {
                append_history(1, history.c_str());
                history_truncate_file(history.c_str(), 10000);
            }
        }
        if (buffer.empty() && is_blank(line))
            continue;
        buffer += line;
        buffer += '\n';
        if (ast::check_input(buffer) == ast::InputStatus::Incomplete)
            continue;
        status = execute(interpreter, buffer);
        buffer.clear();
    }
    std::fflush(stdout);
    return status;
}

} // namespace ramba::repl
