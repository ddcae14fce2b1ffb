"""The one entry point of the catalogue's import: any registry file in, trials out, or one clear error.

The format is read from the content, never the extension: files arrive renamed by browsers and mail clients
("ctg-studies.json.zip", "download (3)"). A file is read whole or refused whole, so the catalogue can import
it in one transaction and never holds half a file.
"""

from __future__ import annotations

import gc
import io
import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from trialmatch.domain.trial import Trial
from trialmatch.registries.ctgov_common import not_utf8
from trialmatch.registries.ctgov_json import read_json
from trialmatch.registries.ctgov_xml import read_xml
from trialmatch.registries.errors import RegistryError

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_FIRST_SIGNIFICANT = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*([^ \t\r\n])")
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_MACOS_METADATA = "__MACOSX/"


@dataclass(frozen=True)
class ReadRecord:
    source: str
    """Where the trial was read: "file.zip [NCT0000xxxx/NCT00000102.xml]", "file.json" or "file.json #3"."""
    trial: Trial


def detect_format(data: bytes) -> str:
    """ "zip", "ctgov_json", "ctgov_xml" or "page" (UTF-8 text that is neither JSON nor XML).

    Raises ValueError naming the problem when the bytes are none of these (empty, binary, not UTF-8).
    """
    if data[:4] in _ZIP_MAGIC:
        return "zip"
    first = _FIRST_SIGNIFICANT.match(data)
    if first is None:
        raise ValueError("empty file")
    if first.group(1) in (b"{", b"["):
        return "ctgov_json"
    if first.group(1) == b"<":
        return "ctgov_xml"
    if data[:2] in _UTF16_BOMS:
        raise ValueError("UTF-16 text; ClinicalTrials.gov records and registry pages are read as UTF-8")
    if b"\x00" in data[:8192]:
        raise ValueError("unknown format: binary content, not a ZIP, JSON, XML or text record")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(not_utf8(data, exc)) from None
    return "page"


def read_path(path: Path) -> list[ReadRecord]:
    """Every trial in the file, or RegistryError naming the file, the ZIP member and the problem."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RegistryError(path.name, f"cannot be read ({exc.strerror or exc})") from None
    with collector_paused():
        return _read(data, path.name, None)


@contextmanager
def collector_paused() -> Iterator[None]:
    """A bulk read builds millions of objects and no reference cycles; the cyclic collector would rescan
    them a dozen times over, half the read time of a 6,786-record ZIP. It is restored, never left off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read(data: bytes, source: str, member: str | None) -> list[ReadRecord]:
    try:
        kind = detect_format(data)
    except ValueError as exc:
        raise RegistryError(source, str(exc), member) from None
    where = f"{source} [{member}]" if member else source
    if kind == "zip":
        if member is not None:
            raise RegistryError(source, "a ZIP inside a ZIP is not read; unpack the inner archive", member)
        return _read_zip(data, source)
    if kind == "ctgov_json":
        return [
            ReadRecord(f"{where} #{position}" if position is not None else where, trial)
            for position, trial in read_json(data, source, member)
        ]
    if kind == "ctgov_xml":
        return [ReadRecord(where, read_xml(data, source, member))]
    return [ReadRecord(where, _read_page(data, source, member, where))]


def _read_page(data: bytes, source: str, member: str | None, where: str) -> Trial:
    """Seed documents are another reader's concern; imported here so ZIP and JSON work without it."""
    from trialmatch.registries.pages import is_page, read_page

    text = data.decode("utf-8-sig")
    if not is_page(text):
        problem = "unknown format: text that is not a ClinicalTrials.gov record nor a registry page"
        raise RegistryError(source, problem, member)
    return read_page(text, where)


def _read_zip(data: bytes, source: str) -> list[ReadRecord]:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise RegistryError(source, f"not a readable ZIP archive ({exc})") from None
    records: list[ReadRecord] = []
    with archive:
        for info in archive.infolist():
            if info.is_dir() or info.filename.startswith(_MACOS_METADATA):
                continue
            try:
                member_data = archive.read(info)
            except (zipfile.BadZipFile, zlib.error, RuntimeError, NotImplementedError) as exc:
                raise RegistryError(
                    source, f"damaged or unreadable ZIP member ({exc})", info.filename
                ) from None
            records += _read(member_data, source, info.filename)
    if not records:
        raise RegistryError(source, "ZIP archive holds no records")
    return records
