# One script test as data: the .rmb, its header directives and its expectations (.out/.err).
# Shared by the runner (tests/scripts/run_script.py, under ctest) and scripts/regen-expected, so
# both build the same command line in the same kind of scratch folder.
"""Script test cases.

A case is tests/scripts/<area>/<name>.rmb with expectations beside it:
  <name>.out  expected standard output, byte for byte (absent means empty)
  <name>.err  for a script that must fail, one line, either
                LINE[:COL]: Kind[: message]   an uncaught error (exit status 1); ramba prints
                                              `file:line:col: Kind: message` on stderr
                exit N                        exit status N (sys.exit, bad usage); `exit !0` = any failure
              and after an error's line, optionally, the traceback Python printed for it: its frames
              in the script's own files (file names without their folder), which ramba's must equal

Header directives are comment lines `# key: value` at the top of the script (before the first line
that is not a comment; a shebang line is allowed first):
  # ramba-only                 not valid Python: expectations are hand-checked, regen leaves them alone
  # mode: run|file|c|stdin|exec|py
        run   `ramba run NAME.rmb ARGS`     (default; Python: `python3 NAME.rmb ARGS`)
        file  `ramba NAME.rmb ARGS`
        c     `ramba -c "<script text>" ARGS`
        stdin `ramba < NAME.rmb`            (standard input is not a terminal; with args: `ramba - ARGS`)
        exec  `./NAME.rmb ARGS`, executable, found through its `#!/usr/bin/env ramba` line
        py    `ramba run NAME.py ARGS`      (the script copied with a .py extension)
  # args: a 'b c'              arguments after the script (shell-quoted), seen in sys.argv[1:]
  # ramba-args: --version      run `ramba <these args>` instead of the mode's command ({script} = file)
  # stdout-matches: REGEX      stdout must match REGEX (re.search, multiline) instead of equal .out
  # stderr-matches: REGEX      stderr must also match REGEX (`\n` in REGEX stands for a line break)
  # data: f1.npy f2.csv pkg    sibling files (or folders: a package) copied into the scratch folder beside the script
  # after: NAME.check.py       then run `/usr/bin/python3 NAME.check.py` in the same folder; its stdout
                                is appended to the script's (to check files ramba wrote with numpy)
  # timeout: SECONDS           per-script limit (default 30, times RAMBA_TEST_TIMEOUT_SCALE)
  # plot: a.png b.svg c.pdf    files the script saves (matplotlib.pyplot): each is compared with the one
                                /usr/bin/python3 + matplotlib save for the same script (PNG: same size,
                                close after blurring, tests/plots/compare.py; SVG: parses, same size;
                                PDF: parses, same page size)
  # plot-tolerance: N          the largest local difference allowed for this script's PNGs instead of
                                tests/plots/compare.py's MAX_LIMIT (say why in the script)
  # variants: local            run only in these script variants (tests/CMakeLists.txt), skipped in
                                others: for output that depends on the engine by design (np.explain)

Every case runs in a fresh scratch folder holding a copy of the script (and its data), so sys.argv[0]
is always `NAME.rmb` and files a script writes never land in the source tree.
"""

import os
import re
import shlex
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = "/usr/bin/python3"
SCRIPTS_ROOT = Path(__file__).resolve().parent
REPO_ROOT = SCRIPTS_ROOT.parent.parent
MODES = ("run", "file", "c", "stdin", "exec", "py")
DEFAULT_TIMEOUT = 30.0

HEADER_RE = re.compile(r"^#\s*([a-z][a-z-]*)\s*(?::\s*(.*?))?\s*$")
KNOWN_KEYS = {"ramba-only", "mode", "args", "ramba-args", "stdout-matches", "stderr-matches", "data", "after",
              "timeout", "env", "variants", "plot", "plot-tolerance"}

# Expected-error line of a .err file, and the error line ramba prints on stderr.
EXPECTED_ERROR_RE = re.compile(r"^(\d+)(?::(\d+))?: ([A-Za-z_][A-Za-z0-9_]*)(?:: (.*))?$")
EXPECTED_EXIT_RE = re.compile(r"^exit (\d+|!0)$")
RAMBA_ERROR_RE = re.compile(r"^(.*?):(\d+):(?:(\d+):)? ([A-Za-z_][A-Za-z0-9_]*)(?:: (.*))?$")


class CaseError(Exception):
    """A malformed test case (bad header, bad .err): a mistake in the corpus, not in ramba."""


@dataclass
class Expectation:
    stdout: str = ""
    stdout_regex: str | None = None
    stderr_regex: str | None = None
    exit_status: int | None = 0          # None: any non-zero status
    error_line: int | None = None        # set for an uncaught error
    error_column: int | None = None
    error_kind: str | None = None
    error_message: str | None = None     # None: the error has no message
    traceback: list[str] | None = None   # the traceback's lines (traceback_lines()), None: not compared


@dataclass
class ScriptCase:
    path: Path
    ramba_only: bool = False
    mode: str = "run"
    args: list[str] = field(default_factory=list)
    ramba_args: list[str] | None = None
    stdout_regex: str | None = None
    stderr_regex: str | None = None
    data: list[str] = field(default_factory=list)
    after: str | None = None
    timeout: float = DEFAULT_TIMEOUT
    env: dict[str, str] = field(default_factory=dict)
    variants: list[str] | None = None
    plots: list[str] = field(default_factory=list)
    plot_tolerance: float | None = None

    @property
    def name(self) -> str:
        return self.path.stem

    @property
    def relative(self) -> str:
        return self.path.relative_to(SCRIPTS_ROOT).as_posix()

    @property
    def out_path(self) -> Path:
        return self.path.with_suffix(".out")

    @property
    def err_path(self) -> Path:
        return self.path.with_suffix(".err")

    @property
    def run_name(self) -> str:
        return self.name + (".py" if self.mode == "py" else ".rmb")


def load_case(path) -> ScriptCase:
    path = Path(path).resolve()
    case = ScriptCase(path=path)
    lines = path.read_text(encoding="utf-8").splitlines()
    for index, line in enumerate(lines):
        if index == 0 and line.startswith("#!"):
            continue
        if not line.startswith("#"):
            break
        match = HEADER_RE.match(line)
        if not match or match.group(1) not in KNOWN_KEYS:
            continue  # an ordinary comment
        key, value = match.group(1), match.group(2) or ""
        if key == "ramba-only":
            case.ramba_only = True
        elif key == "mode":
            if value not in MODES:
                raise CaseError(f"{path}: unknown mode '{value}' (one of {', '.join(MODES)})")
            case.mode = value
        elif key == "args":
            case.args = shlex.split(value)
        elif key == "ramba-args":
            case.ramba_args = shlex.split(value)
        elif key == "stdout-matches":
            case.stdout_regex = value
        elif key == "stderr-matches":
            case.stderr_regex = value
        elif key == "data":
            case.data = value.split()
        elif key == "after":
            case.after = value
        elif key == "plot":
            case.plots = value.split()
        elif key == "plot-tolerance":
            case.plot_tolerance = float(value)
        elif key == "timeout":
            case.timeout = float(value)
        elif key == "variants":
            case.variants = value.split()
        elif key == "env":
            for assignment in shlex.split(value):
                name, equals, setting = assignment.partition("=")
                if not equals:
                    raise CaseError(f"{path}: '# env:' takes NAME=VALUE pairs, not {assignment!r}")
                case.env[name] = setting
    if case.ramba_args is not None and not case.ramba_only:
        raise CaseError(f"{path}: '# ramba-args:' needs '# ramba-only' (Python cannot run it)")
    return case


def parse_err_text(text: str, where: str) -> Expectation:
    expectation = Expectation()
    line = text.strip().splitlines()[0] if text.strip() else ""
    exit_match = EXPECTED_EXIT_RE.match(line)
    if exit_match:
        status = exit_match.group(1)
        expectation.exit_status = None if status == "!0" else int(status)
        return expectation
    error_match = EXPECTED_ERROR_RE.match(line)
    if not error_match:
        raise CaseError(f"{where}: expected 'LINE[:COL]: Kind[: message]' or 'exit N', got {line!r}")
    expectation.exit_status = 1
    expectation.error_line = int(error_match.group(1))
    expectation.error_column = int(error_match.group(2)) if error_match.group(2) else None
    expectation.error_kind = error_match.group(3)
    expectation.error_message = error_match.group(4)
    rest = text.rstrip("\n").splitlines()[1:]
    if rest:
        expectation.traceback = rest
    return expectation


def load_expectation(case: ScriptCase) -> Expectation:
    if case.err_path.exists():
        expectation = parse_err_text(case.err_path.read_text(encoding="utf-8"), str(case.err_path))
    else:
        expectation = Expectation()
    expectation.stderr_regex = case.stderr_regex
    if case.stdout_regex is not None:
        expectation.stdout_regex = case.stdout_regex
    elif case.out_path.exists():
        expectation.stdout = case.out_path.read_text(encoding="utf-8")
    elif not case.err_path.exists():
        raise CaseError(f"{case.path}: no {case.name}.out or {case.name}.err (run scripts/regen-expected)")
    return expectation


def base_environment() -> dict:
    env = dict(os.environ)
    env.update({
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
    })
    env.pop("PYTHONPATH", None)
    env.pop("PYTHONSTARTUP", None)
    return env


@dataclass
class RunResult:
    command: list[str]
    returncode: int | None   # None: timed out
    stdout: str
    stderr: str


def prepare_scratch(case: ScriptCase, scratch: Path, interpreter: str) -> Path:
    """Copy the script (and its data) into `scratch`; make a bin/ folder with `ramba` -> interpreter."""
    target = scratch / case.run_name
    shutil.copyfile(case.path, target)
    if case.mode == "exec":
        target.chmod(0o755)
    for name in case.data + ([case.after] if case.after else []):
        source = case.path.parent / name
        if not source.exists():
            raise CaseError(f"{case.path}: data file {name} does not exist")
        if source.is_dir():
            shutil.copytree(source, scratch / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (scratch / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, scratch / name)
    bin_dir = scratch / ".bin"
    bin_dir.mkdir()
    (bin_dir / "ramba").symlink_to(interpreter)
    return bin_dir


def build_command(case: ScriptCase, interpreter: str, is_python: bool, extra_args=()) -> tuple[list, bytes | None]:
    """The command line for this case, and the bytes to feed on standard input (None: /dev/null)."""
    extra = [] if is_python else list(extra_args)
    if case.ramba_args is not None:
        return [interpreter, *[a.replace("{script}", case.run_name) for a in case.ramba_args]], None
    if case.mode in ("run", "py"):
        prefix = [interpreter] if is_python else [interpreter, *extra, "run"]
        return [*prefix, case.run_name, *case.args], None
    if case.mode == "file":
        return [interpreter, *extra, case.run_name, *case.args], None
    if case.mode == "c":
        return [interpreter, *extra, "-c", case.path.read_text(encoding="utf-8"), *case.args], None
    if case.mode == "stdin":
        dash = ["-", *case.args] if case.args else []
        return [interpreter, *extra, *dash], case.path.read_bytes()
    if case.mode == "exec":
        return ["./" + case.run_name, *case.args], None
    raise CaseError(f"{case.path}: unknown mode {case.mode}")


def run_case(case: ScriptCase, interpreter: str, is_python: bool, extra_args=(), env_overrides=None, keep_into=None) -> RunResult:
    interpreter = str(Path(interpreter).resolve()) if not is_python else interpreter
    scale = float(os.environ.get("RAMBA_TEST_TIMEOUT_SCALE", "1"))
    with tempfile.TemporaryDirectory(prefix="ramba-script-") as scratch_name:
        scratch = Path(scratch_name)
        bin_dir = prepare_scratch(case, scratch, interpreter)
        env = base_environment()
        env["PATH"] = f"{bin_dir}:{env.get('PATH', '/usr/bin:/bin')}"
        if is_python:
            # The oracle's sums and BLAS results must not depend on the machine's thread count;
            # its matplotlib draws files, never windows.
            env.update({"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MPLBACKEND": "Agg"})
        env.update(case.env)
        env.update(env_overrides or {})
        command, stdin_bytes = build_command(case, interpreter, is_python, extra_args)
        result = _run(command, scratch, env, stdin_bytes, case.timeout * scale)
        if case.after and result.returncode == 0:
            check = _run([PYTHON, case.after], scratch, env, None, case.timeout * scale)
            result.stdout += check.stdout
            result.stderr += check.stderr
            if check.returncode != 0:
                result.returncode = check.returncode
                result.stderr += f"\n[{case.after} failed with status {check.returncode}]\n"
        if keep_into is not None:
            # the files the script saved (# plot:), copied out before the scratch folder goes
            for name in case.plots:
                if (scratch / name).is_file():
                    shutil.copyfile(scratch / name, Path(keep_into) / name)
        return result


def _run(command, cwd, env, stdin_bytes, timeout) -> RunResult:
    try:
        completed = subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=timeout,
                                   input=stdin_bytes if stdin_bytes is not None else None,
                                   stdin=None if stdin_bytes is not None else subprocess.DEVNULL)
        return RunResult(command, completed.returncode, _text(completed.stdout), _text(completed.stderr))
    except subprocess.TimeoutExpired as timeout_error:
        return RunResult(command, None, _text(timeout_error.stdout or b""),
                         _text(timeout_error.stderr or b"") + f"\n[timed out after {timeout:g} s]\n")


def _text(data: bytes) -> str:
    return data.decode("utf-8", errors="backslashreplace")


def find_ramba_error(stderr: str):
    """The first `file:line:col: Kind: message` line ramba printed (warnings skipped), as a match."""
    for line in stderr.splitlines():
        match = RAMBA_ERROR_RE.match(line)
        if match and not match.group(4).endswith("Warning"):
            return match
    return None


TRACEBACK_FRAME_RE = re.compile(r'^  File "(.*)", line (\d+), in (.*)$')


def traceback_lines(stderr: str) -> list[str]:
    """The last traceback on stderr (Python's or ramba's), as compared: `Traceback ...` and the frames
    in the script's own files (their names without the folder: Python shows the scratch folder's path),
    each with its source line and carets (none for `-c` code and standard input, where Python has no
    source to show); frames elsewhere (numpy, the standard library) are left out.
    Empty when there is no traceback."""
    lines = stderr.splitlines()
    starts = [i for i, line in enumerate(lines) if line == "Traceback (most recent call last):"]
    if not starts:
        return []
    result = [lines[starts[-1]]]
    keep = False
    for line in lines[starts[-1] + 1:]:
        frame = TRACEBACK_FRAME_RE.match(line)
        if frame:
            path = frame.group(1)
            keep = ("/ramba-script-" in path if path.startswith("/")
                    else path in ("<string>", "<stdin>") or not (path.startswith("<") or path.endswith(".pyx")))
            if keep:
                result.append(f'  File "{Path(path).name}", line {frame.group(2)}, in {frame.group(3)}')
            keep = keep and not path.startswith("<")  # Python shows no source for `-c` and standard input
            continue
        if line.startswith("  [Previous line repeated"):
            result.append(line)
            continue
        if not line.startswith("    "):
            break  # the error's own line
        if keep:
            result.append(line)
    return result


def all_cases(paths=()) -> list[Path]:
    """Every .rmb under the given files/folders (default: all of tests/scripts), sorted."""
    if not paths:
        paths = [SCRIPTS_ROOT]
    found = []
    for path in map(Path, paths):
        path = path.resolve()
        if path.is_dir():
            found.extend(sorted(path.rglob("*.rmb")))
        elif path.suffix in (".out", ".err"):
            found.append(path.with_suffix(".rmb"))
        else:
            found.append(path)
    return found
