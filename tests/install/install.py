#!/usr/bin/python3
"""The installed ramba (issue 17): `cmake --install BUILD --prefix TMP`, then, with only TMP/bin on
the PATH and the build folder hidden (a private mount namespace with an empty tmpfs over it, where
one can be made), a `#!/usr/bin/env ramba` script, a `--workers 2` program whose workers are the
installed ramba-worker beside ramba, and a program on two workers over ssh whose hosts find
ramba-worker on the PATH of their non-interactive shell (a private sshd with that PATH, the driver a
copy of ramba with no worker beside it). Also the installed files: man pages, bash completion, the
guide.

Usage: install.py BUILD_DIR   (ctest: install/prefix). Exit 0 when every check passes.
"""
import gzip
import os
import shutil
import stat
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "cluster"))
import sshd  # noqa: E402  (tests/cluster/sshd.py: the private sshd)

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


PROGRAM = """import numpy as np
a = np.arange(200000, dtype=np.float64)
b = np.sqrt(a) * 2.0 + 1.0
print(b.shape, round(float(b.sum()), 3), b[:3])
import sys
print(sys.argv[1:])
"""


def main(build):
    build = os.path.abspath(build)
    tmp = tempfile.mkdtemp(prefix="ramba-install-")
    # The oracle: what Python 3.11 + numpy print for the program.
    expected = subprocess.run(["/usr/bin/python3", "-c", PROGRAM], capture_output=True, text=True, check=True).stdout
    expected = expected[:expected.rindex("[]\n")]  # what it prints before sys.argv[1:]
    try:
        prefix = os.path.join(tmp, "prefix")
        installed = subprocess.run(["cmake", "--install", build, "--prefix", prefix], capture_output=True, text=True)
        check(installed.returncode == 0, "cmake --install succeeds" + (": " + installed.stderr.strip() if installed.returncode else ""))
        if installed.returncode:
            return
        for path in ("bin/ramba", "bin/ramba-worker"):
            full = os.path.join(prefix, path)
            check(os.path.isfile(full) and os.stat(full).st_mode & stat.S_IXUSR, f"{path} is installed and executable")
        for page, title in (("ramba.1.gz", ".TH RAMBA 1"), ("ramba-worker.1.gz", ".TH RAMBA-WORKER 1")):
            path = os.path.join(prefix, "share/man/man1", page)
            text = gzip.open(path, "rt").read() if os.path.exists(path) else ""
            check(title in text, f"share/man/man1/{page} is the man page")
        for path in ("share/doc/ramba/guide.md", "share/doc/ramba/features.md"):
            check(os.path.isfile(os.path.join(prefix, path)), f"{path} is installed")
        completion = os.path.join(prefix, "share/bash-completion/completions/ramba")
        env = {"PATH": os.path.join(prefix, "bin") + ":/usr/bin:/bin", "HOME": tmp, "LANG": "C.UTF-8"}
        completed = subprocess.run(["bash", "-c", f'shopt -s extglob; source "{completion}"; COMP_WORDS=(ramba --thr); '
                                    'COMP_CWORD=1; _ramba; echo "${COMPREPLY[@]}"'], capture_output=True, text=True, env=env)
        check(completed.stdout.split() == ["--threads"], f"bash completion of `ramba --thr` is --threads (got {completed.stdout.strip()!r})")

        work = os.path.join(tmp, "work")
        os.makedirs(work)
        script = os.path.join(work, "prog.py")
        with open(script, "w") as f:
            f.write("#!/usr/bin/env ramba\n" + PROGRAM)
        os.chmod(script, 0o755)

        # Hide the build folder where a mount namespace can be made (root); otherwise say so.
        hide = ["unshare", "--mount", "sh", "-c", f'mount -t tmpfs tmpfs "{build}" && exec "$@"', "sh"]
        probe = subprocess.run(hide + ["test", "!", "-e", os.path.join(build, "ramba")], capture_output=True)
        if probe.returncode != 0:
            print("note: cannot hide the build folder (no mount namespace here); running beside it")
            hide = []
        else:
            print("note: the build folder is hidden (empty tmpfs over it)")

        def run(argv, extra_env=None):
            return subprocess.run(hide + argv, capture_output=True, text=True, cwd=work,
                                  env=dict(env, **(extra_env or {})), timeout=120)

        ran = run(["./prog.py", "a", "b"])
        check(ran.stdout == expected + "['a', 'b']\n" and ran.returncode == 0,
              f"a #!/usr/bin/env ramba script runs from the PATH (got {ran.stdout!r} {ran.stderr.strip()!r})")
        version = run(["ramba", "--version"])
        check(version.stdout.startswith("ramba ") and "commit" in version.stdout, f"ramba --version names the commit ({version.stdout.strip()})")
        ran = run(["ramba", "--workers", "2", "--explain", "prog.py"], {"RAMBA_CLUSTER_MIN_ELEMENTS": "1"})
        check(ran.returncode == 0 and ran.stdout == expected + "[]\n" and "on 2 workers" in ran.stderr,
              f"--workers 2 runs on the installed ramba-worker (got {ran.stdout!r} {ran.stderr[-300:]!r})")

        # Over ssh: a driver with no ramba-worker beside it; the host's shell PATH has the installed one.
        lone = os.path.join(tmp, "lone")
        os.makedirs(lone)
        shutil.copy2(os.path.join(prefix, "bin", "ramba"), lone)
        folder = os.path.join(tmp, "sshd")
        try:
            sshd.start(folder, "127.0.0.1", f"SetEnv PATH={prefix}/bin:/usr/bin:/bin\n")
        except (SystemExit, subprocess.CalledProcessError, OSError) as error:
            check(False, f"the private sshd starts ({error})")
            return
        try:
            ran = run([os.path.join(lone, "ramba"), "prog.py"], {
                "RAMBA_HOSTS": "ramba-a:1,ramba-b:1", "RAMBA_SSH": f"ssh -F {folder}/ssh_config", "RAMBA_CLUSTER_MIN_ELEMENTS": "1",
                "PATH": "/usr/bin:/bin"})
            check(ran.returncode == 0 and ran.stdout == expected + "[]\n",
                  f"over ssh the hosts run the ramba-worker on their PATH (got {ran.stdout!r} {ran.stderr.strip()!r})")
        finally:
            sshd.stop(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
    print(f"{len(failures)} failure(s)" if failures else "all passed")
    sys.exit(1 if failures else 0)
