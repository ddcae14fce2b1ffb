"""Newcomer bootstrap: ``python3 -m dev run`` launches the app, ``python3 -m dev test`` runs every check.

Only the standard library is used here, because this runs before anything is installed. The virtual
environment lives in ``.venv`` and is reinstalled only when ``pyproject.toml`` changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".trialmatch-installed"

EXTRAS = {"run": "", "test": "[test]", "package": "[package]"}


def _ensure_env(extras: str) -> None:
    if sys.version_info[:2] != (3, 11):
        sys.exit(f"dev.py: Python 3.11 is required, this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + extras.encode()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and PYTHON.exists():
        return
    if not PYTHON.exists():
        print("dev.py: creating .venv", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print(f"dev.py: installing trialmatch{extras} into .venv", flush=True)
    subprocess.run(
        [
            str(PYTHON),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            "--editable",
            f"{ROOT}{extras}",
        ],
        check=True,
    )
    STAMP.write_text(wanted)


def _run(*argv: str) -> int:
    print("$", " ".join(argv), flush=True)
    return subprocess.run(argv, cwd=ROOT).returncode


def _tool(name: str) -> str:
    return str(BIN / (f"{name}.exe" if os.name == "nt" else name))


def test(pytest_args: list[str]) -> int:
    _ensure_env(EXTRAS["test"])
    checks = [
        (_tool("ruff"), "check", "desktop", "tests", "bench", "scripts", "packaging", "dev.py"),
        (
            _tool("ruff"),
            "format",
            "--check",
            "desktop",
            "tests",
            "bench",
            "scripts",
            "packaging",
            "dev.py",
        ),
        (_tool("mypy"),),
        (_tool("lint-imports"),),
    ]
    failed = [c[0] for c in checks if _run(*c) != 0]
    code = _run(str(PYTHON), "-m", "pytest", *pytest_args)
    if code == 5:
        print("dev.py: pytest collected no tests, which is a failure here", flush=True)
    if failed:
        print(f"dev.py: failed checks: {', '.join(Path(f).name for f in failed)}", flush=True)
    return 1 if failed or code != 0 else 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in EXTRAS:
        print("usage: python3 -m dev {run|test|package} [args...]", file=sys.stderr)
        return 2
    command, rest = argv[0], argv[1:]
    if command == "test":
        return test(rest)
    _ensure_env(EXTRAS[command])
    if command == "run":
        return _run(_tool("trialmatch"), *rest)
    return _run(str(PYTHON), "-m", "PyInstaller", "--noconfirm", "packaging/trialmatch.spec", *rest)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
