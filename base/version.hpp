#pragma once
// The version of ramba and the commit it was built from, for `ramba --version`, `ramba-worker
// --version` and the Debian package. Defined in a file the build writes (dist/version.cmake):
// version_number is CMakeLists.txt's project(VERSION), version_commit git's short hash (with
// "-dirty" for uncommitted changes, "unknown" outside a git checkout).
namespace ramba {
extern const char* const version_number;
extern const char* const version_commit;
}
