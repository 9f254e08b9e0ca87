"""The token cursor shared by the hand-written parsers of schema languages (Avro IDL, Protocol
Buffers): look ahead, take a token, expect a punctuation mark or a name, and raise the parser's
own error at the offset where the text stops making sense."""

from __future__ import annotations

import re
from typing import ClassVar, Generic, Protocol, TypeVar


def comment_text(raw: str) -> str:
    """The text of a ``//`` (``///``, ``//!``) or ``/* … */`` (``/** … */``) comment, without
    its marks and the stars that begin its lines."""
    if raw.startswith("//"):
        return raw.lstrip("/").lstrip("!").strip()
    body = raw[2:-2].lstrip("*!")
    lines = [re.sub(r"^\s*\*?\s?", "", line).rstrip() for line in body.splitlines()]
    return "\n".join(lines).strip()


class ParseError(Exception):
    """A declaration that does not parse, at an offset of the text."""

    def __init__(self, pos: int) -> None:
        super().__init__(pos)
        self.pos = pos


class _Token(Protocol):
    kind: str
    text: str
    pos: int


T = TypeVar("T", bound=_Token)


class TokenCursor(Generic[T]):
    """``tokens`` read from ``i`` on; a parser subclasses it and names in ``failure`` the error
    class it raises."""

    failure: ClassVar[type[ParseError]] = ParseError

    def __init__(self, tokens: list[T]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self, ahead: int = 0) -> T | None:
        j = self.i + ahead
        return self.tokens[j] if j < len(self.tokens) else None

    def take(self) -> T:
        token = self.peek()
        if token is None:
            raise self.failure(self.tokens[-1].pos if self.tokens else 0)
        self.i += 1
        return token

    def at(self, text: str, ahead: int = 0) -> bool:
        """Whether the token ``ahead`` is the punctuation mark or keyword ``text``."""
        token = self.peek(ahead)
        return token is not None and token.text == text and token.kind in ("punct", "name")

    def expect(self, text: str) -> T:
        token = self.take()
        if token.text != text:
            raise self.failure(token.pos)
        return token

    def name(self) -> T:
        token = self.take()
        if token.kind != "name":
            raise self.failure(token.pos)
        return token
