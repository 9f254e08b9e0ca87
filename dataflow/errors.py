"""Error types. Library code raises these; only ``cli.py`` turns them into exit codes.

A ``UserError`` is something the user can fix (bad flag, broken catalog, unreadable manifest):
the CLI prints one line ``error: <message>`` on stderr and exits with code 2. Messages name the
file and, where known, the line/column or key path. They must never quote scanned data values.
"""

from __future__ import annotations


class DataflowError(Exception):
    """Base class of every error dataflow raises on purpose."""


class UserError(DataflowError):
    """A problem with the user's input or configuration; exit code 2."""

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        key: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.column = column
        self.key = key
        super().__init__(self.render())

    def render(self, lang: str = "en") -> str:
        """Return ``path:line:col: key: message`` with the parts that are known; the message in
        ``lang`` when it carries both languages (``model.Words``)."""
        where = ""
        if self.path:
            where = self.path
            if self.line is not None:
                where += f":{self.line}"
                if self.column is not None:
                    where += f":{self.column}"
        prefix = where
        if self.key:
            prefix = f"{prefix}: {self.key}" if prefix else self.key
        from dataflow.model import in_lang

        message = in_lang(self.message, lang)
        return f"{prefix}: {message}" if prefix else message


class ConfigError(UserError):
    """Configuration file or flag problem."""


class CatalogError(UserError):
    """A catalog, rule pack or negative list failed validation."""


class ReaderError(UserError):
    """A schema or sample file could not be read or parsed."""


class ManifestError(UserError):
    """A transfer manifest failed validation."""
