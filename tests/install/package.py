#!/usr/bin/python3
"""The Debian package (issue 17), as scripts/package made it: its control fields (name, version equal
to `ramba --version`, architecture, the runtime libraries in Depends) and its file list (the two
programs, the man pages, bash completion and the guide, all under /usr).

Usage: package.py DEB RAMBA   (run by scripts/package and .ci/run). Exit 1 with what is wrong.
"""
import re
import subprocess
import sys

# Runtime packages the binaries need (dpkg-shlibdeps finds the linked ones; BLAS/LAPACKE are dlopen'd
# and named in dist/CMakeLists.txt).
REQUIRED_DEPENDS = ["libzmq5", "libreadline8", "libgomp1", "libgmp10", "libpcre2-8-0", "zlib1g", "libstdc++6",
                    "libopenblas0", "liblapacke", "fonts-dejavu-core", "libfftw3-double3", "libcairo2"]
REQUIRED_FILES = ["./usr/bin/ramba", "./usr/bin/ramba-worker", "./usr/share/man/man1/ramba.1.gz",
                  "./usr/share/man/man1/ramba-worker.1.gz", "./usr/share/bash-completion/completions/ramba",
                  "./usr/share/doc/ramba/guide.md", "./usr/share/doc/ramba/features.md",
                  "./usr/share/doc/ramba/copyright"]

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def field(deb, name):
    return subprocess.run(["dpkg-deb", "-f", deb, name], capture_output=True, text=True, check=True).stdout.strip()


def main(deb, ramba):
    version = subprocess.run([ramba, "--version"], capture_output=True, text=True, check=True).stdout.split()[1]
    check(field(deb, "Package") == "ramba", "Package: ramba")
    check(field(deb, "Version") == version, f"Version: {field(deb, 'Version')} is `ramba --version`'s {version}")
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True, check=True).stdout.strip()
    check(field(deb, "Architecture") == arch, f"Architecture: {arch}")
    check(deb.endswith(f"ramba_{version}_{arch}.deb"), f"named ramba_{version}_{arch}.deb")
    depends = field(deb, "Depends")
    print(f"     Depends: {depends}")
    names = set(re.findall(r"([a-z0-9][a-z0-9.+-]+)(?:\s*\([^)]*\))?", depends))
    for package in REQUIRED_DEPENDS:
        check(package in names, f"Depends names {package}")
    listing = subprocess.run(["dpkg-deb", "-c", deb], capture_output=True, text=True, check=True).stdout
    files = [line.split()[-1] for line in listing.splitlines() if line.strip()]
    for path in REQUIRED_FILES:
        check(path in files, f"holds {path}")
    outside = [path for path in files if not path.startswith("./usr/")]
    check(not outside, "every file is under /usr" + (f" (not: {outside})" if outside else ""))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
    print(f"{len(failures)} failure(s)" if failures else "all passed")
    sys.exit(1 if failures else 0)
