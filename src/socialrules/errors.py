"""The one error type users see: what is wrong, and where (file, line, column)."""

from __future__ import annotations


class SocialrulesError(Exception):
    """Bad input, a bad rule file or a bad configuration. The CLI prints it and exits with 2."""

    def __init__(self, message: str, path: str | None = None, line: int | None = None,
                 column: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line, self.column) if part is not None)
        return f"{where}: {self.message}" if where else self.message
