#!/usr/bin/python3
"""The man page in step with the program (issue 17): every option `ramba --help` lists is described
in dist/man/ramba.1's OPTIONS and the other way round, and every RAMBA_* environment variable the
sources read (base/ engine/ interpreter/ stdlib/ worker/) is described in its ENVIRONMENT, and only
those.

Usage: docs.py RAMBA SOURCE_DIR   (ctest: docs/man). Exit 1 with what differs.
"""
import re
import subprocess
import sys
from pathlib import Path

OPTION = re.compile(r"(?<![\w\\-])(--?[a-zA-Z][a-zA-Z-]*)")


def man_section(text, name):
    match = re.search(rf"^\.SH {name}\n(.*?)(?=^\.SH |\Z)", text, re.S | re.M)
    return match.group(1) if match else ""


def man_options(text):
    # roff writes a dash as \- : ".BR \-h , \-\-help", ".BI \-\-threads " N"", ".B \-" (standard input).
    options = set()
    for line in man_section(text, "OPTIONS").splitlines():
        if line.startswith((".B ", ".BR ", ".BI ")):
            plain = line.replace("\\-", "-")
            options.update(OPTION.findall(plain))
    return options


def help_options(text):
    options = set()
    for line in text.splitlines():
        if line.startswith("  -"):  # the option table
            options.update(OPTION.findall(line.split("   ")[0]))
        elif line.lstrip().startswith("ramba "):  # the usage forms: ramba -c CODE, ramba - ...
            options.update(OPTION.findall(line.lstrip()[len("ramba "):].split("  ")[0]))
    return options


def source_variables(root):
    """RAMBA_* names the C++ sources read, and those the embedded modules (ramba's own Python) read."""
    found = set()
    for folder in ("base", "engine", "interpreter", "stdlib", "worker"):
        for path in (root / folder).rglob("*.[ch]pp"):
            found.update(re.findall(r'"(RAMBA_[A-Z_]+)"', path.read_text(errors="replace")))
    for path in (root / "stdlib" / "embedded").rglob("*.py"):
        found.update(re.findall(r"['\"](RAMBA_[A-Z_]+)['\"]", path.read_text(errors="replace")))
    return found


def main(ramba, root):
    root = Path(root)
    man = (root / "dist" / "man" / "ramba.1").read_text()
    help_text = subprocess.run([ramba, "--help"], capture_output=True, text=True, check=True).stdout
    problems = []
    in_help, in_man = help_options(help_text), man_options(man)
    for option in sorted(in_help - in_man):
        problems.append(f"`ramba --help` lists {option}, dist/man/ramba.1 OPTIONS does not")
    for option in sorted(in_man - in_help):
        problems.append(f"dist/man/ramba.1 OPTIONS describes {option}, `ramba --help` does not")
    described = set(re.findall(r"^\.B (RAMBA_[A-Z_]+)$", man_section(man, "ENVIRONMENT"), re.M))
    read = source_variables(root)
    for name in sorted(read - described):
        problems.append(f"the sources read {name}; dist/man/ramba.1 ENVIRONMENT does not describe it")
    for name in sorted(described - read):
        problems.append(f"dist/man/ramba.1 ENVIRONMENT describes {name}, which no source reads")
    print(f"options: {len(in_help)} in --help, {len(in_man)} in the man page; variables: {len(read)} read, {len(described)} described")
    for problem in problems:
        print("FAIL " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
