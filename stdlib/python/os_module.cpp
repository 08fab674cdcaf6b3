// Python's `os` (the common calls: getcwd, listdir, mkdir, makedirs, remove, rename, environ,
// getenv, walk, cpu_count, ...) and `os.path` (join, exists, isfile, isdir, basename, dirname, split,
// splitext, abspath, ...), on POSIX paths as CPython's posixpath.
#include "stdlib/python/python_modules.hpp"

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

extern char** environ;

namespace ramba::stdlib {

using namespace interp;
using python::raise;

namespace {

std::string path_argument(CallContext& ctx, const Value& v)
{
    if (v.is(Type::Str))
        return v.as<StrObject>().value;
    if (v.is(Type::Opaque) && has_attribute(ctx, v, "__fspath__")) {
        Value s = ctx.call(get_attribute(ctx, v, "__fspath__"), {});
        if (s.is(Type::Str))
            return s.as<StrObject>().value;
    }
    raise(ErrorKind::TypeError, "expected str, bytes or os.PathLike object, not " + std::string(type_name(v)));
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

[[noreturn]] void raise_os_error(int error, const std::string& path)
{
    ErrorKind kind = os_error_kind(error);
    raise(kind, "[Errno " + std::to_string(error) + "] " + std::strerror(error) + ": " + quoted(path));
}

// ---- os.path (posixpath)

std::string join2(const std::string& a, const std::string& b)
{
    if (!b.empty() && b[0] == '/')
        return b;
    if (a.empty() || a.back() == '/')
        return a + b;
    return a + "/" + b;
}

std::pair<std::string, std::string> split_path(const std::string& p)
{
    size_t slash = p.rfind('/');
    std::string head = slash == std::string::npos ? "" : p.substr(0, slash + 1);
    std::string tail = slash == std::string::npos ? p : p.substr(slash + 1);
    if (!head.empty() && head.find_first_not_of('/') != std::string::npos) {
        while (!head.empty() && head.back() == '/')
            head.pop_back();
    }
    return { head, tail };
}

std::pair<std::string, std::string> split_ext(const std::string& p)
{
    size_t slash = p.rfind('/');
    size_t dot = p.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash))
        return { p, "" };
    size_t name_start = slash == std::string::npos ? 0 : slash + 1;
    // A leading dot (".bashrc") or only dots is no extension.
    size_t first_non_dot = p.find_first_not_of('.', name_start);
    if (first_non_dot == std::string::npos || dot < first_non_dot)
        return { p, "" };
    return { p.substr(0, dot), p.substr(dot) };
}

std::string normpath(const std::string& p)
{
    if (p.empty())
        return ".";
    int initial_slashes = p[0] == '/' ? 1 : 0;
    if (initial_slashes && p.size() > 1 && p[1] == '/' && (p.size() == 2 || p[2] != '/'))
        initial_slashes = 2;
    std::vector<std::string> parts;
    size_t start = 0;
    while (start <= p.size()) {
        size_t slash = p.find('/', start);
        std::string part = p.substr(start, slash == std::string::npos ? std::string::npos : slash - start);
        if (part.empty() || part == ".") {
        } else if (part != ".." || (!initial_slashes && parts.empty()) || (!parts.empty() && parts.back() == "..")) {
            parts.push_back(part);
        } else if (!parts.empty()) {
            parts.pop_back();
        }
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    std::string out(static_cast<size_t>(initial_slashes), '/');
    for (size_t i = 0; i < parts.size(); ++i)
        out += (i ? "/" : "") + parts[i];
    return out.empty() ? "." : out;
}

std::string cwd()
{
    char buffer[PATH_MAX];
    if (!getcwd(buffer, sizeof buffer))
        raise_os_error(errno, ".");
    return buffer;
}

std::string abspath(const std::string& p) { return normpath(!p.empty() && p[0] == '/' ? p : join2(cwd(), p)); }

bool stat_path(const std::string& p, struct stat& st) { return ::stat(p.c_str(), &st) == 0; }

Value pa_join(CallContext& ctx, std::span<Value> a)
{
    std::string out = path_argument(ctx, a[0]);
    for (auto& part : python::star_args(a[1]))
        out = join2(out, path_argument(ctx, part));
    return make_str(out);
}
Value pa_exists(CallContext& ctx, std::span<Value> a) { struct stat st; return Value::boolean(stat_path(path_argument(ctx, a[0]), st)); }
Value pa_isfile(CallContext& ctx, std::span<Value> a) { struct stat st; return Value::boolean(stat_path(path_argument(ctx, a[0]), st) && S_ISREG(st.st_mode)); }
Value pa_isdir(CallContext& ctx, std::span<Value> a) { struct stat st; return Value::boolean(stat_path(path_argument(ctx, a[0]), st) && S_ISDIR(st.st_mode)); }
Value pa_isabs(CallContext& ctx, std::span<Value> a) { auto p = path_argument(ctx, a[0]); return Value::boolean(!p.empty() && p[0] == '/'); }
Value pa_basename(CallContext& ctx, std::span<Value> a) { return make_str(split_path(path_argument(ctx, a[0])).second); }
Value pa_dirname(CallContext& ctx, std::span<Value> a) { return make_str(split_path(path_argument(ctx, a[0])).first); }
Value pa_split(CallContext& ctx, std::span<Value> a)
{
    auto [head, tail] = split_path(path_argument(ctx, a[0]));
    return make_tuple({ make_str(head), make_str(tail) });
}
Value pa_splitext(CallContext& ctx, std::span<Value> a)
{
    auto [root, ext] = split_ext(path_argument(ctx, a[0]));
    return make_tuple({ make_str(root), make_str(ext) });
}
Value pa_normpath(CallContext& ctx, std::span<Value> a) { return make_str(normpath(path_argument(ctx, a[0]))); }
Value pa_abspath(CallContext& ctx, std::span<Value> a) { return make_str(abspath(path_argument(ctx, a[0]))); }
Value pa_realpath(CallContext& ctx, std::span<Value> a)
{
    std::string p = path_argument(ctx, a[0]);
    char buffer[PATH_MAX];
    if (realpath(p.c_str(), buffer))
        return make_str(buffer);
    return make_str(abspath(p));
}
Value pa_expanduser(CallContext& ctx, std::span<Value> a)
{
    std::string p = path_argument(ctx, a[0]);
    if (p.empty() || p[0] != '~')
        return make_str(p);
    size_t slash = p.find('/');
    if (slash != 1 && p.size() != 1)
        return make_str(p);
    const char* home = std::getenv("HOME");
    if (!home)
        return make_str(p);
    std::string h = home;
    while (h.size() > 1 && h.back() == '/')
        h.pop_back();
    return make_str(h + (slash == std::string::npos ? "" : p.substr(slash)));
}
Value pa_getsize(CallContext& ctx, std::span<Value> a)
{
    std::string p = path_argument(ctx, a[0]);
    struct stat st;
    if (!stat_path(p, st))
        raise_os_error(errno, p);
    return Value::integer(static_cast<int64_t>(st.st_size));
}
Value pa_getmtime(CallContext& ctx, std::span<Value> a)
{
    std::string p = path_argument(ctx, a[0]);
    struct stat st;
    if (!stat_path(p, st))
        raise_os_error(errno, p);
    return Value::floating(static_cast<double>(st.st_mtim.tv_sec) + static_cast<double>(st.st_mtim.tv_nsec) * 1e-9);
}
Value pa_relpath(CallContext& ctx, std::span<Value> a)
{
    std::string target = abspath(path_argument(ctx, a[0]));
    std::string start = a[1].is_none() ? cwd() : abspath(path_argument(ctx, a[1]));
    auto parts = [](const std::string& p) {
        std::vector<std::string> out;
        size_t s = 0;
        while (s < p.size()) {
            size_t slash = p.find('/', s);
            std::string part = p.substr(s, slash == std::string::npos ? std::string::npos : slash - s);
            if (!part.empty())
                out.push_back(part);
            if (slash == std::string::npos)
                break;
            s = slash + 1;
        }
        return out;
    };
    auto t = parts(target), b = parts(start);
    size_t common = 0;
    while (common < t.size() && common < b.size() && t[common] == b[common])
        ++common;
    std::string out;
    for (size_t i = common; i < b.size(); ++i)
        out += out.empty() ? ".." : "/..";
    for (size_t i = common; i < t.size(); ++i)
        out += (out.empty() ? "" : "/") + t[i];
    return make_str(out.empty() ? "." : out);
}

constexpr BuiltinSpec path_rows[] = {
    { "join", "(a, /, *p)", pa_join, "Join two or more pathname components, inserting '/' as needed." },
    { "exists", "(path)", pa_exists, "Test whether a path exists.  Returns False for broken symbolic links" },
    { "isfile", "(path)", pa_isfile, "Test whether a path is a regular file" },
    { "isdir", "(s)", pa_isdir, "Return true if the pathname refers to an existing directory." },
    { "isabs", "(s)", pa_isabs, "Test whether a path is absolute" },
    { "basename", "(p)", pa_basename, "Returns the final component of a pathname" },
    { "dirname", "(p)", pa_dirname, "Returns the directory component of a pathname" },
    { "split", "(p)", pa_split, "Split a pathname.  Returns tuple \"(head, tail)\" where \"tail\" is\neverything after the final slash.  Either part may be empty." },
    { "splitext", "(p)", pa_splitext, "Split the extension from a pathname." },
    { "normpath", "(path)", pa_normpath, "Normalize path, eliminating double slashes, etc." },
    { "abspath", "(path)", pa_abspath, "Return an absolute path." },
    { "realpath", "(filename, *, strict=False)", pa_realpath, "Return the canonical path of the specified filename, eliminating any\nsymbolic links encountered in the path." },
    { "expanduser", "(path)", pa_expanduser, "Expand ~ and ~user constructions." },
    { "getsize", "(filename)", pa_getsize, "Return the size of a file, reported by os.stat()." },
    { "getmtime", "(filename)", pa_getmtime, "Return the last modification time of a file, reported by os.stat()." },
    { "relpath", "(path, start=None)", pa_relpath, "Return a relative version of a path" },
};

// ---- os

Values list_directory(const std::string& p)
{
    DIR* dir = opendir(p.c_str());
    if (!dir)
        raise_os_error(errno, p);
    Values names;
    while (dirent* entry = readdir(dir)) {
        std::string name = entry->d_name;
        if (name != "." && name != "..")
            names.push_back(make_str(name));
    }
    closedir(dir);
    return names;
}

Value os_getcwd(CallContext&, std::span<Value>) { return make_str(cwd()); }
Value os_listdir(CallContext& ctx, std::span<Value> a) { return make_list(list_directory(a[0].is_none() ? "." : path_argument(ctx, a[0]))); }
Value os_mkdir(CallContext& ctx, std::span<Value> a)
{
    std::string p = path_argument(ctx, a[0]);
    if (::mkdir(p.c_str(), static_cast<mode_t>(to_index(ctx, a[1]))) != 0)
        raise_os_error(errno, p);
    return Value();
}
Value os_makedirs(CallContext& ctx, std::span<Value> a)
{
    std::string p = path_argument(ctx, a[0]);
    bool exist_ok = truthy(ctx, a[2]);
    struct stat st;
    if (stat_path(p, st)) {
        if (exist_ok && S_ISDIR(st.st_mode))
            return Value();
        raise_os_error(EEXIST, p);
    }
    std::string partial;
    size_t start = 0;
    while (start <= p.size()) {
        size_t slash = p.find('/', start);
        partial = p.substr(0, slash);
        if (!partial.empty() && !stat_path(partial, st) && ::mkdir(partial.c_str(), static_cast<mode_t>(to_index(ctx, a[1]))) != 0 && errno != EEXIST)
            raise_os_error(errno, partial);
        if (slash == std::string::npos)
            break;
        start = slash + 1;
    }
    return Value();
}
Value os_remove(CallContext& ctx, std::span<Value> a)
{
    std::string p = path_argument(ctx, a[0]);
    if (::unlink(p.c_str()) != 0)
        raise_os_error(errno, p);
    return Value();
}
Value os_rmdir(CallContext& ctx, std::span<Value> a)
{
    std::string p = path_argument(ctx, a[0]);
    if (::rmdir(p.c_str()) != 0)
        raise_os_error(errno, p);
    return Value();
}
Value os_rename(CallContext& ctx, std::span<Value> a)
{
    std::string from = path_argument(ctx, a[0]), to = path_argument(ctx, a[1]);
    if (::rename(from.c_str(), to.c_str()) != 0) {
        int error = errno;
        raise(os_error_kind(error),
            "[Errno " + std::to_string(error) + "] " + std::strerror(error) + ": " + quoted(from) + " -> " + quoted(to));
    }
    return Value();
}
Value os_getenv(CallContext& ctx, std::span<Value> a)
{
    if (!a[0].is(Type::Str))
        raise(ErrorKind::TypeError, "str expected, not " + std::string(type_name(a[0])));
    (void)ctx;
    const char* value = std::getenv(a[0].as<StrObject>().value.c_str());
    return value ? make_str(value) : a[1];
}
Value os_cpu_count(CallContext&, std::span<Value>)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? Value::integer(n) : Value();
}
Value os_getpid(CallContext&, std::span<Value>) { return Value::integer(getpid()); }
Value os_chdir(CallContext& ctx, std::span<Value> a)
{
    std::string p = path_argument(ctx, a[0]);
    if (::chdir(p.c_str()) != 0)
        raise_os_error(errno, p);
    return Value();
}
Value os_fspath(CallContext& ctx, std::span<Value> a) { return make_str(path_argument(ctx, a[0])); }

// walk(top): (dirpath, dirnames, filenames) top-down; read as it goes, the way CPython's does.
struct Walk final : IteratorObject {
    std::vector<std::string> pending;
    explicit Walk(std::string top) { pending.push_back(std::move(top)); }
    bool next(CallContext&, Value& out) override
    {
        while (!pending.empty()) {
            std::string top = pending.front();
            pending.erase(pending.begin());
            DIR* dir = opendir(top.c_str());
            if (!dir)
                continue; // CPython ignores unreadable folders unless onerror is given
            Values dirs, files;
            std::vector<std::string> children;
            while (dirent* entry = readdir(dir)) {
                std::string name = entry->d_name;
                if (name == "." || name == "..")
                    continue;
                struct stat st;
                std::string full = join2(top, name);
                if (stat_path(full, st) && S_ISDIR(st.st_mode)) {
                    dirs.push_back(make_str(name));
                    children.push_back(full);
                } else {
                    files.push_back(make_str(name));
                }
            }
            closedir(dir);
            pending.insert(pending.begin(), children.begin(), children.end());
            out = make_tuple({ make_str(top), make_list(std::move(dirs)), make_list(std::move(files)) });
            return true;
        }
        return false;
    }
    std::string_view type_name() const override { return "generator"; }
};

Value os_walk(CallContext& ctx, std::span<Value> a) { return python::make_iterator<Walk>(path_argument(ctx, a[0])); }

constexpr BuiltinSpec os_rows[] = {
    { "getcwd", "()", os_getcwd, "Return a unicode string representing the current working directory." },
    { "listdir", "(path=None)", os_listdir, "Return a list containing the names of the files in the directory." },
    { "mkdir", "(path, mode=511, *, dir_fd=None)", os_mkdir, "Create a directory." },
    { "makedirs", "(name, mode=511, exist_ok=False)", os_makedirs, "makedirs(name [, mode=0o777][, exist_ok=False])\n\nSuper-mkdir; create a leaf directory and all intermediate ones." },
    { "remove", "(path, *, dir_fd=None)", os_remove, "Remove a file (same as unlink())." },
    { "unlink", "(path, *, dir_fd=None)", os_remove, "Remove a file (same as remove())." },
    { "rmdir", "(path, *, dir_fd=None)", os_rmdir, "Remove a directory." },
    { "rename", "(src, dst)", os_rename, "Rename a file or directory." },
    { "replace", "(src, dst)", os_rename, "Rename a file or directory, overwriting the destination." },
    { "getenv", "(key, default=None)", os_getenv, "Get an environment variable, return None if it doesn't exist." },
    { "cpu_count", "()", os_cpu_count, "Return the number of CPUs in the system; return None if indeterminable." },
    { "getpid", "()", os_getpid, "Return the current process id." },
    { "chdir", "(path)", os_chdir, "Change the current working directory to the specified path." },
    { "fspath", "(path)", os_fspath, "Return the file system path representation of the object." },
    { "walk", "(top, topdown=True, onerror=None, followlinks=False)", os_walk, "Directory tree generator." },
};

} // namespace

Ref<ModuleObject> make_os_path_module()
{
    auto module = python::module_of_rows("posixpath", path_rows);
    module->set("sep", make_str("/"));
    return module;
}

Ref<ModuleObject> make_os_module()
{
    auto module = python::module_of_rows("os", os_rows);
    module->set("sep", make_str("/"));
    module->set("altsep", Value());
    module->set("extsep", make_str("."));
    module->set("pathsep", make_str(":"));
    module->set("linesep", make_str("\n"));
    module->set("curdir", make_str("."));
    module->set("pardir", make_str(".."));
    module->set("devnull", make_str("/dev/null"));
    module->set("name", make_str("posix"));
    module->set("path", make_module(import_module("os.path")));
    // environ is a snapshot taken at import (a dict; writes do not reach child processes). Its keys
    // are strings, whose hashing and comparison never call back into the evaluator.
    struct NoCallbacks final : CallContext {
        Value call(const Value&, std::span<const Value>) override { raise(ErrorKind::RuntimeError, "no evaluator at import"); }
        Value call(const Value&, std::span<const Value>, std::span<const std::pair<std::string, Value>>) override { raise(ErrorKind::RuntimeError, "no evaluator at import"); }
        void write_stdout(std::string_view) override { }
        void write_stderr(std::string_view) override { }
        SourceSpan current_span() const override { return {}; }
    } context;
    Value environment = make_dict();
    for (char** entry = ::environ; entry && *entry; ++entry) {
        std::string text = *entry;
        size_t equals = text.find('=');
        if (equals != std::string::npos)
            dict_set(context, environment.as<DictObject>(), make_str(text.substr(0, equals)), make_str(text.substr(equals + 1)));
    }
    module->set("environ", environment);
    return module;
}

} // namespace ramba::stdlib
