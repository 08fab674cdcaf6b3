#!/usr/bin/python3
# Runs a test command that is not a script (e.g. scripts/test-repl) under the PENDING list:
# a failure of a command whose NAME is listed there reports as skipped (77), like a pending script.
"""Usage: run_listed.py NAME -- COMMAND [ARG...]"""

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run_script import SKIP_STATUS, pending_reason  # noqa: E402


def main() -> int:
    if len(sys.argv) < 4 or sys.argv[2] != "--":
        print(__doc__, file=sys.stderr)
        return 2
    name, command = sys.argv[1], sys.argv[3:]
    status = subprocess.run(command).returncode
    reason = pending_reason(name, "local")
    if status != 0 and reason is not None:
        print(f"pending: {reason}")
        return SKIP_STATUS
    if status == 0 and reason is not None:
        print(f"note: {name} passes but is listed in tests/scripts/PENDING ({reason}); remove it")
    return status


if __name__ == "__main__":
    sys.exit(main())
