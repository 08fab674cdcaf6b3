#!/usr/bin/python3
"""Workers on two "hosts" with distinct addresses (issue 5): two network namespaces joined by a veth
pair (a: 10.231.0.1/24, b: 10.231.0.2/24), a private sshd in each (sshd.py), and the driver in
namespace a running the cluster scripts with `--hosts hostA:1,hostB:1`, so the workers reach the
driver and exchange halos across the veth. The namespaces are isolated: nothing listens on this
machine's own interfaces. Everything is removed afterwards, also on failure.

Usage: netns.py RAMBA SCRIPTS_DIR   exits 77 (skipped) when namespaces cannot be made
"""
import glob
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

RAMBA = os.path.abspath(sys.argv[1])
SCRIPTS = os.path.abspath(sys.argv[2])
HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = "/usr/bin/python3"
# Names unique to this run, so that two checkouts testing at once do not collide.
TAG = str(os.getpid())
NS = {"a": f"ramba-ns-a-{TAG}", "b": f"ramba-ns-b-{TAG}"}
VETH = {"a": f"rva{TAG}", "b": f"rvb{TAG}"}
ADDRESS = {"a": "10.231.0.1", "b": "10.231.0.2"}
failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what, flush=True)
    if not condition:
        failures.append(what)


def ip(*args, namespace=None):
    command = (["ip", "netns", "exec", namespace] if namespace else []) + ["ip", *args]
    subprocess.run(command, check=True, capture_output=True, text=True)


def skip(why):
    print(f"skipped: {why}")
    sys.exit(77)


def make_namespaces():
    for side in "ab":
        ip("netns", "add", NS[side])
    ip("link", "add", VETH["a"], "type", "veth", "peer", "name", VETH["b"])
    for side in "ab":
        ip("link", "set", VETH[side], "netns", NS[side])
        ip("addr", "add", ADDRESS[side] + "/24", "dev", VETH[side], namespace=NS[side])
        ip("link", "set", VETH[side], "up", namespace=NS[side])
        ip("link", "set", "lo", "up", namespace=NS[side])


def remove_namespaces():
    for side in "ab":
        subprocess.run(["ip", "netns", "delete", NS[side]], capture_output=True)  # takes the veth with it


def veth_bytes():
    out = subprocess.run(["ip", "netns", "exec", NS["a"], "cat", f"/sys/class/net/{VETH['a']}/statistics/tx_bytes",
                          f"/sys/class/net/{VETH['a']}/statistics/rx_bytes"], capture_output=True, text=True).stdout.split()
    return sum(int(x) for x in out) if out else 0


def main(folder):
    ports = {}
    for side in "ab":
        started = subprocess.run(["ip", "netns", "exec", NS[side], PYTHON, os.path.join(HERE, "sshd.py"), "start",
                                  os.path.join(folder, side), ADDRESS[side]], capture_output=True, text=True)
        if started.returncode != 0:
            check(False, f"sshd in {NS[side]} starts: {started.stderr.strip()}")
            return
        ports[side] = int(started.stdout.strip().splitlines()[-1])
    config = os.path.join(folder, "ssh_config")
    with open(config, "w") as f:
        for side, name in (("a", "hostA"), ("b", "hostB")):
            f.write(f"""Host {name}
    HostName {ADDRESS[side]}
    Port {ports[side]}
    User {subprocess.run(["id", "-un"], capture_output=True, text=True).stdout.strip()}
    IdentityFile {folder}/{side}/user_key
    IdentitiesOnly yes
    StrictHostKeyChecking no
    UserKnownHostsFile /dev/null
    LogLevel ERROR
    BatchMode yes
""")
    env = dict(os.environ, RAMBA_SSH=f"ssh -F {config}", RAMBA_CLUSTER_MIN_ELEMENTS="1")
    for script in sorted(glob.glob(os.path.join(SCRIPTS, "*.rmb"))):
        name = os.path.basename(script)
        before = veth_bytes()
        started = time.time()
        try:
            result = subprocess.run(["ip", "netns", "exec", NS["a"], RAMBA, "--hosts", "hostA:1,hostB:1", "run", script],
                                    capture_output=True, text=True, env=env, timeout=120)
        except subprocess.TimeoutExpired:
            check(False, f"{name} across the veth: timed out")
            continue
        with open(script[:-4] + ".out") as f:
            expected = f.read()
        moved = veth_bytes() - before
        check(result.returncode == 0 and result.stdout == expected,
              f"{name} with workers on {ADDRESS['a']} and {ADDRESS['b']} ({time.time() - started:.2f} s, {moved} bytes over the veth)"
              + ("" if result.returncode == 0 else ": " + result.stderr.strip()[-300:]))

    # A launcher whose workers reach the driver at RAMBA_DRIVER_HOST: the driver and the workers bind
    # 0.0.0.0 (inside the namespace) and each worker advertises its address on the route to the driver.
    if shutil.which("mpirun"):
        script = os.path.join(SCRIPTS, "stencil_halo.rmb")
        launcher = "mpirun --allow-run-as-root --oversubscribe -np {n}"
        result = subprocess.run(["ip", "netns", "exec", NS["a"], RAMBA, "--workers", "2", "--launcher", launcher, "run", script],
                                capture_output=True, text=True, env=dict(env, RAMBA_DRIVER_HOST=ADDRESS["a"]), timeout=120)
        with open(script[:-4] + ".out") as f:
            check(result.returncode == 0 and result.stdout == f.read(),
                  f"stencil_halo.rmb under mpirun with RAMBA_DRIVER_HOST={ADDRESS['a']}" + ("" if result.returncode == 0 else ": " + result.stderr.strip()[-300:]))


if os.getuid() != 0:
    skip("network namespaces need root")
if not shutil.which("ip") or not os.path.exists("/usr/sbin/sshd"):
    skip("needs `ip` (iproute2) and /usr/sbin/sshd")
# A run that was killed outright (ctest's timeout) leaves its namespaces: remove those of dead runs.
for line in subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout.splitlines():
    name = line.split()[0] if line.split() else ""
    if name.startswith(("ramba-ns-a-", "ramba-ns-b-")) and not os.path.exists(f"/proc/{name.rsplit('-', 1)[1]}"):
        subprocess.run(["ip", "netns", "delete", name], capture_output=True)
signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))  # clean up on SIGTERM and Ctrl-C alike
folder = tempfile.mkdtemp(prefix="ramba-netns-")
try:
    try:
        make_namespaces()
    except subprocess.CalledProcessError as e:
        skip(f"cannot make network namespaces: {' '.join(e.cmd)}: {e.stderr.strip()}")
    main(folder)
finally:
    for side in "ab":
        if os.path.isdir(os.path.join(folder, side)):
            subprocess.run([PYTHON, os.path.join(HERE, "sshd.py"), "stop", os.path.join(folder, side)])
    remove_namespaces()
    shutil.rmtree(folder, ignore_errors=True)
if failures:
    print(f"{len(failures)} check(s) failed")
    sys.exit(1)
print("all checks passed")
