#!/usr/bin/python3
"""The cluster engine's --launcher plan (issue 5) with Debian's openmpi-bin `mpirun`: the cluster
scripts give their expected output; the session file is private (0600 in a 0700 folder) and gone
once the workers have read it; --launcher without --workers is a clear error; a killed worker stops
the run with WorkerError; a killed driver leaves no process behind.

Usage: launcher.py RAMBA SCRIPTS_DIR [TEST...]   exits 77 (skipped) when mpirun is missing
"""
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from processes import alive, argv_of, check, descendants, failures, wait_gone

RAMBA = os.path.abspath(sys.argv[1])
SCRIPTS = os.path.abspath(sys.argv[2])
MPIRUN = shutil.which("mpirun")
LAUNCHER = "mpirun --oversubscribe -np {n}" + (" --allow-run-as-root" if os.getuid() == 0 else "")
ENV = dict(os.environ, RAMBA_CLUSTER_MIN_ELEMENTS="1")
LONG_RUN = """
import numpy as np
a = np.arange(3000000) * 1.0
print("started", flush=True)
for i in range(200000):
    a = np.sin(a) + 1.0
    s = float(a.sum())
print("done")
"""
def workers_of(process, count, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = [p for p in descendants(process.pid) if argv_of(p)[:1] and argv_of(p)[0].endswith("ramba-worker")]
        if len(found) >= count:
            return found
        time.sleep(0.05)
    return []


def start_long_run(folder):
    path = os.path.join(folder, "long.rmb")
    with open(path, "w") as f:
        f.write(LONG_RUN)
    return subprocess.Popen([RAMBA, "--workers", "2", "--launcher", LAUNCHER, "run", path], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=ENV, start_new_session=True)


def test_scripts(folder):
    for script in sorted(glob.glob(os.path.join(SCRIPTS, "*.rmb"))):
        name = os.path.basename(script)
        started = time.time()
        result = subprocess.run([RAMBA, "--workers", "2", "--launcher", LAUNCHER, "run", script], capture_output=True,
                                text=True, env=ENV, timeout=120)
        with open(script[:-4] + ".out") as f:
            expected = f.read()
        check(result.returncode == 0 and result.stdout == expected,
              f"{name} under mpirun ({time.time() - started:.2f} s)" + ("" if result.returncode == 0 else ": " + result.stderr.strip()[-300:]))


def test_private_config(folder):
    # A wrapper in the launcher's place looks at the file it is given, then runs mpirun.
    wrapper, report = os.path.join(folder, "wrapper.sh"), os.path.join(folder, "modes")
    with open(wrapper, "w") as f:
        f.write(f"""#!/bin/sh
n=$1; shift
stat -c '%a %U' "$3" "$(dirname "$3")" > {report}
echo "$3" >> {report}
exec {LAUNCHER.replace("{n}", "$n")} "$@"
""")
    os.chmod(wrapper, 0o755)
    result = subprocess.run([RAMBA, "--workers", "2", "--launcher", wrapper + " {n}", "-c", "import numpy as np; print((np.arange(10) * 2).sum())"],
                            capture_output=True, text=True, env=ENV, timeout=60)
    check(result.returncode == 0 and result.stdout.strip() == "90", "a wrapper launcher runs: " + (result.stdout + result.stderr).strip()[-200:])
    with open(report) as f:
        lines = f.read().split("\n")
    check(lines[0].split()[0] == "600" and lines[1].split()[0] == "700", f"the session file is 0600 in a 0700 folder ({lines[0]}, {lines[1]})")
    check(not os.path.exists(lines[2]) and not os.path.exists(os.path.dirname(lines[2])), "the session file and its folder are removed")


def test_no_workers(folder):
    result = subprocess.run([RAMBA, "--launcher", LAUNCHER, "-c", "print(1)"], capture_output=True, text=True, env=ENV)
    check(result.returncode == 1 and "--launcher needs --workers" in result.stderr, "--launcher without --workers: " + result.stderr.strip())


def test_worker_killed(folder):
    process = start_long_run(folder)
    process.stdout.readline()
    workers = workers_of(process, 2)
    everything = descendants(process.pid)
    check(len(workers) == 2, "mpirun starts two workers")
    secrets = [p for p in everything if any("secret" in part for part in argv_of(p))]
    check(not secrets, "no key on any command line")
    time.sleep(0.5)
    os.kill(workers[1], signal.SIGKILL)
    killed_at = time.time()
    try:
        _, err = process.communicate(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    elapsed = time.time() - killed_at
    found = re.search(r"WorkerError: worker \d on host \S+ (died|cannot be reached).*", err)
    check(process.returncode == 1 and found is not None,
          f"the run stops with WorkerError (status {process.returncode}): " + (found.group(0) if found else err.strip()[-300:]))
    check(elapsed < 5, f"reported within 5 s ({elapsed:.2f} s)")
    check(wait_gone(everything, 6), "nothing left behind (mpirun, workers)")


def test_driver_killed(folder):
    process = start_long_run(folder)
    process.stdout.readline()
    workers_of(process, 2)
    everything = descendants(process.pid)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    check(wait_gone(everything, 6), f"nothing left behind within 6 s of the driver's SIGKILL ({len(everything)} processes)")
    for pid in everything:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


TESTS = {
    "scripts": test_scripts,
    "private_config": test_private_config,
    "no_workers": test_no_workers,
    "worker_killed": test_worker_killed,
    "driver_killed": test_driver_killed,
}

if not MPIRUN:
    print("skipped: mpirun not found (Debian's openmpi-bin; scripts/setup installs it)")
    sys.exit(77)
with tempfile.TemporaryDirectory(prefix="ramba-launcher-test-") as folder:
    for name in sys.argv[3:] or TESTS:
        print(f"-- {name}", flush=True)
        TESTS[name](folder)
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
