"""The wheel and the frozen build must carry every package and data file a source run uses."""

import tomllib
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(p.parent.relative_to(ROOT / "desktop").parts)
        for p in (ROOT / "desktop" / "trialmatch").rglob("__init__.py")
    }
    assert on_disk | {"trialmatch_resources"} == listed


def test_resources_are_read_through_importlib():
    manifest = resources.files("trialmatch_resources") / "catalogue" / "manifest.json"
    assert manifest.is_file()


def test_no_network_module_is_imported_anywhere():
    banned = ("QtNetwork", "import requests", "import httpx", "urllib.request", "import socket")
    offenders = [
        f"{path.relative_to(ROOT)}: {word}"
        for path in (ROOT / "desktop").rglob("*.py")
        for word in banned
        if word in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
