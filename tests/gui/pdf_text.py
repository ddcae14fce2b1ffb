"""The text of a PDF written by Qt, recovered with the standard library only.

Qt embeds subset fonts and writes text as glyph ids (``<0012> Tj``) in Flate-compressed page streams, so
the words are not in the file's bytes. Each font's ToUnicode CMap maps the ids back to characters; that is
all this reads, enough for tests to check what a report says.
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n", re.S)
_TOKEN = re.compile(rb"/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)>\s*Tj|([-\d.]+) ([-\d.]+) Td|\bET\b")


def _stream(body: bytes) -> bytes | None:
    match = _STREAM.search(body)
    if match is None:
        return None
    if b"/FlateDecode" in body[: match.start()]:
        # A Flate stream knows where it ends: whatever follows (EOL, "endstream") is left over.
        return zlib.decompressobj().decompress(body[match.end() :])
    return body[match.end() : body.rindex(b"endstream")]


def _cmap(data: bytes) -> dict[int, str]:
    mapping: dict[int, str] = {}
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", data, re.S):
        for start, end, target in re.findall(rb"<(\w+)>\s*<(\w+)>\s*(\[[^\]]*\]|<\w+>)", block):
            first, last = int(start, 16), int(end, 16)
            if target.startswith(b"["):
                values = re.findall(rb"<(\w+)>", target)
                for offset, value in enumerate(values):
                    mapping[first + offset] = bytes.fromhex(value.decode()).decode("utf-16-be")
            else:
                base = int(target[1:-1], 16)
                for offset in range(last - first + 1):
                    mapping[first + offset] = chr(base + offset)
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", data, re.S):
        for code, value in re.findall(rb"<(\w+)>\s*<(\w+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(value.decode()).decode("utf-16-be")
    return mapping


def pdf_text(data: bytes) -> str:
    """Every text run of every page, whitespace collapsed to single spaces."""
    objects = {int(m.group(1)): m.group(2) for m in _OBJECT.finditer(data)}
    font_maps: dict[int, dict[int, str]] = {}
    for number, body in objects.items():
        reference = re.search(rb"/ToUnicode (\d+) 0 R", body)
        if reference:
            font_maps[number] = _cmap(_stream(objects[int(reference.group(1))]) or b"")
    by_name = {
        name: font_maps[int(ref)]
        for body in objects.values()
        for name, ref in re.findall(rb"/(\w+) (\d+) 0 R", body)
        if int(ref) in font_maps
    }
    pieces: list[str] = []
    for body in objects.values():
        if b"/FlateDecode" not in body or b"/Length1" in body:
            continue
        content = _stream(body)
        if content is None or b" Tf" not in content:
            continue
        current: dict[int, str] = {}
        for match in _TOKEN.finditer(content):
            font, glyphs, _dx, dy = match.group(1), match.group(2), match.group(3), match.group(4)
            if font is not None:
                current = by_name.get(font, {})
            elif glyphs is not None:
                pieces.extend(current.get(int(glyphs[i : i + 4], 16), "") for i in range(0, len(glyphs), 4))
            elif dy is None or float(dy) != 0:
                pieces.append(" ")  # the end of a text object, or a move to another line
    return " ".join("".join(pieces).split())
