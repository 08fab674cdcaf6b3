// Error kinds: names and the parent chain of Python's exception hierarchy (see error.hpp).
#include "base/error.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>

namespace ramba {

namespace {
struct KindRow {
    std::string_view name;
    ErrorKind parent;
};
constexpr KindRow kind_rows[] = {
#define RAMBA_X(kind, parent) { #kind, ErrorKind::parent },
    RAMBA_ERROR_KINDS(RAMBA_X)
#undef RAMBA_X
};
}

std::string_view error_kind_name(ErrorKind kind) { return kind_rows[static_cast<size_t>(kind)].name; }
ErrorKind error_kind_parent(ErrorKind kind) { return kind_rows[static_cast<size_t>(kind)].parent; }

bool error_kind_is_subclass(ErrorKind kind, ErrorKind base)
{
    for (;;) {
        if (kind == base)
            return true;
        ErrorKind parent = error_kind_parent(kind);
        if (parent == kind)
            return false;
        kind = parent;
    }
}

ErrorKind os_error_kind(int error_number)
{
    switch (error_number) {
    case ENOENT: return ErrorKind::FileNotFoundError;
    case EACCES:
    case EPERM: return ErrorKind::PermissionError;
    case EEXIST: return ErrorKind::FileExistsError;
    case EISDIR: return ErrorKind::IsADirectoryError;
    case ENOTDIR: return ErrorKind::NotADirectoryError;
    case ETIMEDOUT: return ErrorKind::TimeoutError;
    default: return ErrorKind::OSError;
    }
}

void internal_error(const char* file, int line, const char* condition, const char* why)
{
    std::fprintf(stderr, "ramba: internal error at %s:%d: %s (%s)\nThis is a bug in ramba; please report it.\n",
        file, line, condition, why);
    std::abort();
}

} // namespace ramba
