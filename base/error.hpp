// RambaError: the one error type of the interpreter and the engine (kind + message + span).
// Thrown by whoever detects a user error, caught by the statement loop (script, REPL) which reports it.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

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

class RambaError : public std::exception {
public:
    RambaError(ErrorKind kind, std::string message, SourceSpan span = {})
        : m_kind(kind), m_message(std::move(message)), m_span(span) { }

    ErrorKind kind() const { return m_kind; }
    const std::string& message() const { return m_message; }
    const SourceSpan& span() const { return m_span; }
    // Attach a position if none is known yet (errors thrown deep in a library get the span of the
    // expression that called it).
    void set_span_if_unknown(SourceSpan span) { if (!m_span.is_known()) m_span = span; }
    void set_span(SourceSpan span) { m_span = span; }
    const char* what() const noexcept override { return m_message.c_str(); }

private:
    ErrorKind m_kind;
    std::string m_message;
    SourceSpan m_span;
};

// Internal invariant: a failure is a bug in ramba, never a user error.
[[noreturn]] void internal_error(const char* file, int line, const char* condition, const char* why);
#define RAMBA_ASSERT(cond, why) \
    do { if (!(cond)) ::ramba::internal_error(__FILE__, __LINE__, #cond, why); } while (0)

} // namespace ramba
