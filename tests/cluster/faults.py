#!/usr/bin/python3
"""Fault tests of the cluster engine (issue 5), against real worker processes:
kill a worker mid-kernel, kill or terminate the driver, connect without keys and send garbage to
every port, and count leftover processes (must be none).

Usage: faults.py RAMBA [TEST...]   (tests: the keys of TESTS below)
"""
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time

from processes import alive, check, command_of, descendants, failures, wait_gone

RAMBA = os.path.abspath(sys.argv[1])
LONG_RUN = """
import numpy as np
a = np.arange(3000000) * 1.0
print("started", flush=True)
for i in range(200000):
    a = np.sin(a) + 1.0
    s = float(a.sum())
print("done")
"""
# Long row-block products on the workers (each worker inside OpenBLAS when the kill comes).
MATMUL_RUN = """
import numpy as np
a = np.arange(1200 * 1200).reshape(1200, 1200) / 1e6
a = a + 0.0
print("started", flush=True)
for i in range(10000):
    c = a @ a
print("done")
"""
# Sample sorts on the workers (each worker sorting, sending pieces or merging when the kill comes).
SORT_RUN = """
import numpy as np
a = np.sin(np.arange(4000000) * 0.37)
a = a + 0.0
print("started", flush=True)
for i in range(10000):
    s = np.sort(a)
    i = np.argsort(a)
print("done")
"""
SHORT_RUN = """
import numpy as np
import time
time.sleep(1.5)
a = np.arange(400000) * 0.5
b = a[1:] - a[:-1]
print(b.sum(), a.sum(), b[:3])
"""
def start(script, workers=2, extra_env=None):
    path = tempfile.mktemp(suffix=".rmb")
    with open(path, "w") as f:
        f.write(script)
    env = dict(os.environ, **(extra_env or {}))
    process = subprocess.Popen([RAMBA, "--workers", str(workers), "run", path], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    return process, path


def wait_for_workers(process, count, timeout=10):
    deadline = time.time() + timeout
    while time.time() < deadline:
        workers = [p for p in descendants(process.pid) if "ramba-worker" in command_of(p)]
        if len(workers) >= count:
            return workers
        time.sleep(0.05)
    return []


def test_worker_killed(script=LONG_RUN):
    process, path = start(script)
    process.stdout.readline()  # "started": the kernels are running
    workers = wait_for_workers(process, 2)
    check(len(workers) == 2, "two workers started")
    time.sleep(0.5)
    os.kill(workers[1], signal.SIGKILL)
    killed_at = time.time()
    try:
        _, err = process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        _, err = process.communicate()
    elapsed = time.time() - killed_at
    check(process.returncode == 1, f"driver exits with status 1 (got {process.returncode})")
    check(re.search(r"WorkerError: worker 1 on host localhost died", err) is not None,
          "the error names the dead worker: " + err.strip().splitlines()[0] if err.strip() else "no stderr")
    check(elapsed < 5, f"reported within 5 s ({elapsed:.2f} s)")
    check(wait_gone(workers, 5), "no worker left behind")
    os.unlink(path)


def test_driver_killed(sig):
    process, path = start(LONG_RUN)
    process.stdout.readline()
    workers = wait_for_workers(process, 2)
    check(len(workers) == 2, "two workers started")
    os.kill(process.pid, sig)
    gone = wait_gone(workers, 5)
    check(gone, f"workers exit within 5 s of the driver's {signal.Signals(sig).name}")
    process.wait(timeout=10)
    if sig == signal.SIGTERM:
        check(process.returncode != 0, f"driver exits non-zero on SIGTERM (got {process.returncode})")
    for pid in workers:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)
    os.unlink(path)


def listening_ports(pids):
    """TCP ports the given processes listen on (ss -ltnp)."""
    out = subprocess.run(["ss", "-Hltnp"], capture_output=True, text=True).stdout
    ports = []
    for line in out.splitlines():
        for pid in pids:
            if f"pid={pid}," in line:
                ports.append(int(line.split()[3].rsplit(":", 1)[1]))
    return ports


def test_strangers():
    process, path = start(SHORT_RUN)
    workers = wait_for_workers(process, 2)
    time.sleep(0.3)
    ports = listening_ports([process.pid] + workers)
    check(len(ports) >= 4, f"driver and workers listen ({len(ports)} ports)")
    replies = 0
    for port in ports:
        for payload in (os.urandom(64), b"\xff" + b"\0" * 8 + b"\x7f" + b"\x03\x00" + b"NULL" + b"\0" * 48,
                        b"\xff" + b"\0" * 8 + b"\x7f" + b"\x03\x00" + b"CURVE" + b"\0" * 47):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1) as s:
                    s.sendall(payload)
                    s.settimeout(0.3)
                    try:
                        data = s.recv(4096)
                        # A ZMTP greeting (64 bytes) is all a stranger may see; never data.
                        if len(data) > 64:
                            replies += 1
                    except (socket.timeout, ConnectionResetError):
                        pass
            except OSError:
                pass
    check(replies == 0, "strangers without the keys get nothing beyond a greeting")
    out, err = process.communicate(timeout=30)
    check(process.returncode == 0 and out.strip() == "199999.5 39999900000.0 [0.5 0.5 0.5]",
          "the run is undisturbed: " + (out.strip() or err.strip()[:200]))
    check(wait_gone(workers, 5), "no worker left behind")
    os.unlink(path)


def test_start_time():
    start_at = time.time()
    result = subprocess.run([RAMBA, "--workers", "4", "-c", "import numpy as np; print((np.arange(100000) * 2).sum())"],
                            capture_output=True, text=True, env=dict(os.environ, RAMBA_CLUSTER_MIN_ELEMENTS="1"))
    elapsed = time.time() - start_at
    check(result.returncode == 0 and result.stdout.strip() == "9999900000", "4 workers compute: " + result.stdout.strip())
    print(f"info 4 local workers: start, one kernel, stop in {elapsed:.3f} s", flush=True)


def test_busy_before_arrays():
    """A program busy longer than the workers' 5 s patience before its first array operation keeps
    its workers: the driver pings them from the moment they are spawned."""
    script = "import time\nimport numpy as np\ntime.sleep(6.5)\nprint((np.arange(100000) * 2).sum())\n"
    process, path = start(script, extra_env={"RAMBA_CLUSTER_MIN_ELEMENTS": "1"})
    out, err = process.communicate(timeout=60)
    check(process.returncode == 0 and out.strip() == "9999900000" and "stopped answering" not in err,
          "workers wait for a busy driver: " + (out.strip() or err.strip()[:200]))
    os.unlink(path)


def test_repl_cancel():
    """Ctrl-C in the REPL stops a kernel running on the workers; the session and the cluster go on."""
    import shutil
    if not shutil.which("tmux"):
        print("skip repl_cancel: no tmux")
        return
    session = f"ramba-cancel-{os.getpid()}"
    socket_name = f"ramba-cancel-{os.getpid()}"
    tmux = ["tmux", "-L", socket_name]
    subprocess.run(tmux + ["new-session", "-d", "-s", session, "-x", "150", "-y", "40", "bash --norc"], check=True)
    try:
        def keys(*items):
            subprocess.run(tmux + ["send-keys", "-t", session, *items], check=True)

        def screen():
            return subprocess.run(tmux + ["capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout

        keys(f"{RAMBA} --workers 2", "Enter")
        time.sleep(1)
        keys("import numpy as np", "Enter", "keep = 41", "Enter", "a = np.arange(3000000) * 1.0", "Enter")
        keys("for i in range(100000): a = np.sin(a) + 1.0; s = float(a.sum())", "Enter", "Enter")
        time.sleep(2)
        keys("C-c")
        pressed = time.time()
        back = False
        while time.time() - pressed < 5:
            if "KeyboardInterrupt" in screen() and screen().rstrip().endswith(">>>"):
                back = True
                break
            time.sleep(0.05)
        elapsed = time.time() - pressed
        check(back and elapsed < 3, f"Ctrl-C returns to the prompt ({elapsed:.2f} s)")
        keys("print('after', keep + 1, float((np.arange(100000) * 2).sum()))", "Enter")
        time.sleep(1.5)
        check("after 42 9999900000.0" in screen(), "the session and the cluster go on after Ctrl-C")
        keys("C-d")
        time.sleep(1.5)
    finally:
        subprocess.run(tmux + ["kill-server"], capture_output=True)


TESTS = {
    "repl_cancel": test_repl_cancel,
    "worker_killed": test_worker_killed,
    "worker_killed_matmul": lambda: test_worker_killed(MATMUL_RUN),
    "worker_killed_sort": lambda: test_worker_killed(SORT_RUN),
    "driver_killed": lambda: test_driver_killed(signal.SIGKILL),
    "driver_terminated": lambda: test_driver_killed(signal.SIGTERM),
    "strangers": test_strangers,
    "start_time": test_start_time,
    "busy_before_arrays": test_busy_before_arrays,
}

for name in sys.argv[2:] or TESTS:
    print(f"-- {name}", flush=True)
    TESTS[name]()
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
