#!/usr/bin/python3
"""A private sshd for the cluster tests (issue 5): generated host and user keys, listening on
127.0.0.1 (or the address given), and an ssh_config naming it as hosts ramba-a and ramba-b.

Usage: sshd.py start DIR [ADDRESS]   writes DIR/ssh_config, DIR/sshd.pid; prints the port
       sshd.py stop DIR              stops it by its process id
"""
import os
import pwd
import signal
import socket
import subprocess
import sys
import time


def free_port(address):
    with socket.socket() as s:
        s.bind((address, 0))
        return s.getsockname()[1]


def start(folder, address, extra_config=""):
    folder = os.path.abspath(folder)
    os.makedirs(folder, exist_ok=True)
    os.makedirs("/run/sshd", exist_ok=True)  # sshd's privilege-separation directory
    for name in ("host_key", "user_key"):
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path], check=True)
    with open(os.path.join(folder, "user_key.pub")) as f, open(os.path.join(folder, "authorized_keys"), "w") as out:
        out.write(f.read())
    os.chmod(os.path.join(folder, "authorized_keys"), 0o600)
    port = free_port(address)
    user = pwd.getpwuid(os.getuid()).pw_name
    with open(os.path.join(folder, "sshd_config"), "w") as f:
        f.write(f"""Port {port}
ListenAddress {address}
HostKey {folder}/host_key
AuthorizedKeysFile {folder}/authorized_keys
PidFile {folder}/sshd.pid
StrictModes no
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
PermitRootLogin prohibit-password
MaxStartups 100:30:200
MaxSessions 100
LogLevel ERROR
{extra_config}""")
    with open(os.path.join(folder, "ssh_config"), "w") as f:
        f.write(f"""Host ramba-a ramba-b
    HostName {address}
    Port {port}
    User {user}
    IdentityFile {folder}/user_key
    IdentitiesOnly yes
    StrictHostKeyChecking no
    UserKnownHostsFile /dev/null
    LogLevel ERROR
    BatchMode yes
""")
    pid_file = os.path.join(folder, "sshd.pid")
    if os.path.exists(pid_file):
        os.unlink(pid_file)
    subprocess.run(["/usr/sbin/sshd", "-f", os.path.join(folder, "sshd_config"), "-E", os.path.join(folder, "sshd.log")],
                   check=True)
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            with socket.create_connection((address, port), timeout=1):
                break
        except OSError:
            time.sleep(0.05)
    probe = subprocess.run(["ssh", "-F", os.path.join(folder, "ssh_config"), "ramba-a", "true"], capture_output=True, text=True)
    if probe.returncode != 0:
        stop(folder)
        sys.exit(f"sshd.py: ssh to the private sshd failed: {probe.stderr.strip()}")
    return port


def stop(folder):
    pid_file = os.path.join(os.path.abspath(folder), "sshd.pid")
    try:
        with open(pid_file) as f:
            pid = int(f.read().strip())
    except (OSError, ValueError):
        return
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        pass
    # sshd removes its own pid file on SIGTERM, racing with us: either may win.
    try:
        os.unlink(pid_file)
    except FileNotFoundError:
        pass
    # Gone before we return, so no test sees a stale listener and nothing is left behind.
    deadline = time.time() + 5
    while time.time() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.02)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "start":
        print(start(sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else "127.0.0.1"))
    elif len(sys.argv) == 3 and sys.argv[1] == "stop":
        stop(sys.argv[2])
    else:
        sys.exit(__doc__)
