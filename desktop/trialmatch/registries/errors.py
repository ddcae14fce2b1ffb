"""One error type for every unreadable input, carrying where (file, ZIP member) and what is wrong."""

from __future__ import annotations


class RegistryError(Exception):
    """The file (or one member of it) cannot be read; nothing of the file may be imported."""

    def __init__(self, source: str, problem: str, member: str | None = None) -> None:
        self.source = source
        self.member = member
        self.problem = problem
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = f"{self.source} [{self.member}]" if self.member else self.source
        return f"{where}: {self.problem}"
