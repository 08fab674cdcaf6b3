// RambaError: the one error type of the interpreter and the engine (kind + message + span).
// Thrown by whoever detects a user error, caught by the statement loop (script, REPL) which reports it.
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "base/span.hpp"

namespace ramba {

// X(Kind, Parent): Python's built-in exception hierarchy as far as ramba raises or catches it.
// `except ArithmeticError` catches ZeroDivisionError because of the parent chain.
#define RAMBA_ERROR_KINDS(X)                       \
    X(BaseException, BaseException)                \
    X(SystemExit, BaseException)                   \
    X(KeyboardInterrupt, BaseException)            \
    X(GeneratorExit, BaseException)                \
    X(Exception, BaseException)                    \
    X(ArithmeticError, Exception)                  \
    X(ZeroDivisionError, ArithmeticError)          \
    X(OverflowError, ArithmeticError)              \
    X(FloatingPointError, ArithmeticError)         \
    X(AssertionError, Exception)                   \
    X(AttributeError, Exception)                   \
    X(ImportError, Exception)                      \
    X(ModuleNotFoundError, ImportError)            \
    X(LookupError, Exception)                      \
    X(IndexError, LookupError)                     \
    X(KeyError, LookupError)                       \
    X(MemoryError, Exception)                      \
    X(NameError, Exception)                        \
    X(UnboundLocalError, NameError)                \
    X(OSError, Exception)                          \
    X(IOError, OSError)                            \
    X(FileNotFoundError, OSError)                  \
    X(PermissionError, OSError)                    \
    X(FileExistsError, OSError)                    \
    X(IsADirectoryError, OSError)                  \
    X(NotADirectoryError, OSError)                 \
    X(TimeoutError, OSError)                       \
    X(EOFError, Exception)                         \
    X(RuntimeError, Exception)                     \
    X(RecursionError, RuntimeError)                \
    X(NotImplementedError, RuntimeError)           \
    X(StopIteration, Exception)                    \
    X(SyntaxError, Exception)                      \
    X(IndentationError, SyntaxError)               \
    X(TypeError, Exception)                        \
    X(ValueError, Exception)                       \
    X(UnicodeError, ValueError)                    \
    X(UnicodeEncodeError, UnicodeError)            \
    X(UnicodeDecodeError, UnicodeError)            \
    X(WorkerError, Exception)                      \
    X(LinAlgError, Exception)                      \
    X(Warning, Exception)                          \
    X(UserWarning, Warning)                        \
    X(DeprecationWarning, Warning)                 \
    X(PendingDeprecationWarning, Warning)          \
    X(SyntaxWarning, Warning)                      \
    X(RuntimeWarning, Warning)                     \
    X(FutureWarning, Warning)                      \
    X(ImportWarning, Warning)                      \
    X(UnicodeWarning, Warning)                     \
    X(BytesWarning, Warning)                       \
    X(ResourceWarning, Warning)

enum class ErrorKind : uint8_t {
#define RAMBA_X(kind, parent) kind,
    RAMBA_ERROR_KINDS(RAMBA_X)
#undef RAMBA_X
};

std::string_view error_kind_name(ErrorKind);
ErrorKind error_kind_parent(ErrorKind);
bool error_kind_is_subclass(ErrorKind kind, ErrorKind base); // kind == base or a descendant
ErrorKind os_error_kind(int error_number); // OSError's subclass for an errno, as Python picks it

// One frame of a traceback: the function (`<module>`, `f`, `<listcomp>`), the file and text its code
// came from, and where in it the error passed.
struct TracebackEntry {
    std::string function;
    std::string filename;
    std::shared_ptr<const std::string> source;
    SourceSpan span;
};

class RambaError : public std::exception {
public:
    RambaError(ErrorKind kind, std::string message, SourceSpan span = {})
        : m_kind(kind), m_message(std::move(message)), m_span(span) { }

    ErrorKind kind() const { return m_kind; }
    const std::string& message() const { return m_message; }
    const SourceSpan& span() const { return m_span; }
    // Attach a position if none is known yet (errors thrown deep in a library get the span of the
    // expression that called it). After a frame was left with no known call position, the span is
    // that frame's caller's position instead.
    void set_span_if_unknown(SourceSpan span)
    {
        if (!m_span.is_known())
            m_span = span;
        else if (m_has_next_position && !m_next_position.is_known())
            m_next_position = span;
    }
    void set_span(SourceSpan span) { m_span = span; }
    const char* what() const noexcept override { return m_message.c_str(); }

    // The traceback, innermost frame first, grown as the error leaves each frame of user code.
    const std::vector<TracebackEntry>& traceback() const { return m_traceback; }
    // The error leaves the frame of `function`, whose code is `source` (from `filename`): the frame's
    // entry is where the error passed in it (the error's span in the innermost frame, else the call
    // that led to the frame left before); the next frame's position is `call_span` (unknown: the
    // next set_span_if_unknown gives it).
    void leave_frame(std::string_view function, const std::string& filename,
        const std::shared_ptr<const std::string>& source, SourceSpan call_span)
    {
        m_traceback.push_back({ std::string(function), filename, source, m_has_next_position ? m_next_position : m_span });
        set_next_position(call_span);
    }
    // Library code the error leaves shows no frame; the caller's position is `span`, its call.
    void set_next_position(SourceSpan span)
    {
        m_next_position = span;
        m_has_next_position = true;
    }
    // Where the error is in the frame it leaves next (the innermost frame: its own span).
    SourceSpan position() const { return m_has_next_position ? m_next_position : m_span; }

private:
    ErrorKind m_kind;
    std::string m_message;
    SourceSpan m_span;
    std::vector<TracebackEntry> m_traceback;
    SourceSpan m_next_position;
    bool m_has_next_position { false };
};

// Internal invariant: a failure is a bug in ramba, never a user error.
[[noreturn]] void internal_error(const char* file, int line, const char* condition, const char* why);
#define RAMBA_ASSERT(cond, why) \
    do { if (!(cond)) ::ramba::internal_error(__FILE__, __LINE__, #cond, why); } while (0)

} // namespace ramba
