#!/usr/bin/python3
# The script-test runner: runs one tests/scripts/**/NAME.rmb under ramba and compares it with
# NAME.out / NAME.err (see script_case.py for the format). ctest registers one test per script.
"""Usage: run_script.py --ramba PATH [--ramba-arg ARG]... [--variant NAME] SCRIPT.rmb

Exit status: 0 pass, 1 fail, 77 skipped (the script is listed in tests/scripts/PENDING and fails).
RAMBA_STRICT_PENDING=1 turns a pending script that now passes into a failure, so the list can be pruned
(scripts/prune-pending does that for you).
"""

import argparse
import difflib
import fnmatch
import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import script_case  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "plots"))
import compare as picture  # noqa: E402  (tests/plots/compare.py)

SKIP_STATUS = 77
PENDING_FILE = script_case.SCRIPTS_ROOT / "PENDING"


def pending_reason(relative: str, variant: str) -> str | None:
    """The reason the script is listed in PENDING, or None. Lines: `PATTERN  reason`, where PATTERN is
    a path under tests/scripts (fnmatch globs allowed), optionally prefixed `[variant] `."""
    if not PENDING_FILE.exists():
        return None
    for raw in PENDING_FILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        only_variant = None
        if line.startswith("["):
            only_variant, _, line = line[1:].partition("]")
            line = line.strip()
        pattern, _, reason = line.partition(" ")
        if only_variant and only_variant != variant:
            continue
        if fnmatch.fnmatchcase(relative, pattern):
            return reason.strip() or "(no reason given)"
    return None


def compare(case, expectation, result) -> list[str]:
    """Human-readable problems; empty when the run matches the expectation."""
    problems = []
    if result.returncode is None:
        return ["timed out"]
    if result.returncode < 0:
        problems.append(f"killed by signal {-result.returncode} (a crash)")
    elif expectation.exit_status is None:
        if result.returncode == 0:
            problems.append("exit status 0, expected a failure")
    elif result.returncode != expectation.exit_status:
        problems.append(f"exit status {result.returncode}, expected {expectation.exit_status}")

    if expectation.stdout_regex is not None:
        if not re.search(expectation.stdout_regex, result.stdout, re.MULTILINE):
            problems.append(f"stdout does not match /{expectation.stdout_regex}/:\n{result.stdout}")
    elif result.stdout != expectation.stdout:
        diff = difflib.unified_diff(expectation.stdout.splitlines(keepends=True),
                                    result.stdout.splitlines(keepends=True),
                                    fromfile=f"{case.name}.out (expected)", tofile="ramba stdout")
        text = "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n"
                       for line in diff)
        problems.append("stdout differs:\n" + text)

    if expectation.stderr_regex is not None:
        if not re.search(expectation.stderr_regex, result.stderr, re.MULTILINE):
            problems.append(f"stderr does not match /{expectation.stderr_regex}/")

    if expectation.error_kind is not None:
        expected = format_expected_error(expectation)
        match = script_case.find_ramba_error(result.stderr)
        if not match:
            problems.append(f"no `file:line:col: Kind: message` line on stderr, expected {expected}")
        else:
            line, column, kind, message = int(match.group(2)), match.group(3), match.group(4), match.group(5)
            wrong = []
            if line != expectation.error_line:
                wrong.append("line")
            if expectation.error_column is not None and (column is None or int(column) != expectation.error_column):
                wrong.append("column")
            if kind != expectation.error_kind:
                wrong.append("kind")
            # numpy ends some messages with a space ("... shapes (3,) (4,) "): compare without it.
            if (message or "").rstrip() != (expectation.error_message or "").rstrip():
                wrong.append("message")
            if wrong:
                problems.append(f"wrong error {', '.join(wrong)}:\n  expected {expected}\n  got      {match.group(0)}")
    if expectation.traceback is not None:
        got = script_case.traceback_lines(result.stderr)
        if got != expectation.traceback:
            diff = difflib.unified_diff([line + "\n" for line in expectation.traceback], [line + "\n" for line in got],
                                        fromfile=f"{case.name}.err traceback (expected)", tofile="ramba traceback")
            problems.append("traceback differs:\n" + "".join(diff))
    return problems


def svg_size(path):
    head = path.read_text(errors="replace")[:2000]
    width = re.search(r'<svg[^>]*\swidth="([0-9.]+)(pt)?"', head)
    height = re.search(r'<svg[^>]*\sheight="([0-9.]+)(pt)?"', head)
    return (float(width.group(1)), float(height.group(1))) if width and height else None


def pdf_size(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True)
    match = re.search(r"Page size:\s+([0-9.]+) x ([0-9.]+) pts", info.stdout)
    return (float(match.group(1)), float(match.group(2))) if match else None


def compare_plots(case, ours: Path, theirs: Path) -> list[str]:
    """The files of `# plot:` against the oracle's (issue 18)."""
    problems = []
    for name in case.plots:
        mine, reference = ours / name, theirs / name
        if not reference.is_file():
            problems.append(f"the oracle did not save {name}")
            continue
        if not mine.is_file():
            problems.append(f"ramba did not save {name}")
            continue
        kind = name.rsplit(".", 1)[-1].lower()
        if kind == "png":
            value, a, b = picture.score(str(mine), str(reference))
            if value is None:
                problems.append(f"{name}: {a.size[0]}x{a.size[1]} pixels, matplotlib's is {b.size[0]}x{b.size[1]}")
            elif not picture.acceptable(value, case.plot_tolerance):
                keep = Path(tempfile.gettempdir()) / f"ramba-plot-{case.name}-{name}"
                picture.main([str(mine), str(reference), str(keep)])
                problems.append(f"{name}: differs from matplotlib's: mean {value[0]:.2f} (limit {picture.MEAN_LIMIT}), "
                                f"largest {value[1]:.0f} (limit {case.plot_tolerance or picture.MAX_LIMIT:.0f}); side by side: {keep}")
        elif kind == "svg":
            parsed = subprocess.run(["xmllint", "--noout", str(mine)], capture_output=True, text=True)
            if parsed.returncode != 0:
                problems.append(f"{name}: not well-formed SVG: {parsed.stderr.strip()[:200]}")
            size, expected = svg_size(mine), svg_size(reference)
            if size is None or expected is None or abs(size[0] - expected[0]) > 0.5 or abs(size[1] - expected[1]) > 0.5:
                problems.append(f"{name}: size {size}, matplotlib's {expected}")
        elif kind == "pdf":
            size, expected = pdf_size(mine), pdf_size(reference)
            if size is None:
                problems.append(f"{name}: pdfinfo cannot read it")
            elif expected is None or abs(size[0] - expected[0]) > 0.5 or abs(size[1] - expected[1]) > 0.5:
                problems.append(f"{name}: page size {size}, matplotlib's {expected}")
    return problems


def format_expected_error(expectation) -> str:
    position = f"{expectation.error_line}" + (f":{expectation.error_column}" if expectation.error_column else "")
    message = f": {expectation.error_message}" if expectation.error_message is not None else ""
    return f"{position}: {expectation.error_kind}{message}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ramba", required=True, help="the ramba executable")
    parser.add_argument("--ramba-arg", action="append", default=[], help="extra ramba option (variants)")
    parser.add_argument("--env", action="append", default=[], help="NAME=VALUE for ramba (variants)")
    parser.add_argument("--variant", default="local", help="variant name, for [variant] PENDING lines")
    parser.add_argument("script")
    options = parser.parse_args()

    try:
        case = script_case.load_case(options.script)
        expectation = script_case.load_expectation(case)
    except script_case.CaseError as error:
        print(f"malformed test case: {error}")
        return 1
    if case.variants is not None and options.variant not in case.variants:
        print(f"skipped: {case.relative} runs only in the variants {' '.join(case.variants)} (its header)")
        return SKIP_STATUS
    env = dict(item.split("=", 1) for item in options.env)
    with tempfile.TemporaryDirectory(prefix="ramba-plots-") as folder:
        ours, theirs = Path(folder) / "ramba", Path(folder) / "python"
        ours.mkdir()
        theirs.mkdir()
        result = script_case.run_case(case, options.ramba, is_python=False, extra_args=options.ramba_arg,
                                      env_overrides=env, keep_into=ours)
        problems = compare(case, expectation, result)
        if case.plots and not problems:
            oracle = script_case.run_case(case, script_case.PYTHON, is_python=True, keep_into=theirs)
            if oracle.returncode != 0:
                problems.append(f"the oracle failed: {oracle.stderr.strip()[-300:]}")
            else:
                problems += compare_plots(case, ours, theirs)
    reason = pending_reason(case.relative, options.variant)

    print("$ " + " ".join(shlex.quote(part) for part in result.command)
          + ("  < " + case.run_name if case.mode == "stdin" else ""))
    if not problems:
        if reason is not None:
            print(f"note: {case.relative} passes but is listed in tests/scripts/PENDING ({reason}); remove it")
            if os.environ.get("RAMBA_STRICT_PENDING") == "1":
                return 1
        print("ok")
        return 0
    for problem in problems:
        print(problem.rstrip("\n"))
    if result.stderr.strip():
        tail = result.stderr.strip().splitlines()[-20:]
        print("--- ramba stderr (last 20 lines) ---")
        print("\n".join(tail))
    if reason is not None:
        print(f"pending: {reason}")
        return SKIP_STATUS
    return 1


if __name__ == "__main__":
    sys.exit(main())
