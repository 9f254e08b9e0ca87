"""Avro IDL (``.avdl``): its declarations turned into the Avro schema they stand for.

A protocol (``@namespace("…") protocol Name { … }``), or the protocol-less form of newer Avro
(``namespace x.y; schema Main; …``), declares records (``record``, ``error``), enums and
fixed types. Each field is ``Type name [= default];`` where the type is a primitive, a named
type, ``array<T>``, ``map<T>``, ``union { null, T }``, ``T?`` (a union with ``null``), a
logical type (``date``, ``timestamp_ms``, ``decimal(9,2)``, ``uuid``…) or a type carrying
``@logicalType("…")``. ``/** … */`` before a declaration or a field is its ``doc``; a field without one takes the plain
comments (``//``, ``///``, ``/* … */``) directly above it or after it on its line;
``@namespace`` and ``@aliases`` apply as in the JSON form. ``import idl|schema|protocol
"file";`` names another file: its types come from the scan's other Avro files
(``avro_named_types``), as a ``.avsc`` naming them would. A message of a protocol
(``Response name(Type param, …) [throws Error] [oneway];``) is kept with its parameters, as
the JSON form (``.avpr``) writes it.

The result is what ``readers.avro`` reads: a protocol ``{"protocol", "types": [...]}`` of
``PosDict`` nodes carrying the offset of their declaration, so every field keeps its line.
A declaration that cannot be parsed is an error at its line and column; the parse goes on at
the next ``;`` or ``}``.
"""

from __future__ import annotations

import re
from typing import Any

from dataflow.i18n import msg
from dataflow.readers._common import LineIndex, Problems
from dataflow.readers._json import PosDict
from dataflow.readers.avro import RelativeName
from dataflow.readers.tokencursor import ParseError, TokenCursor, comment_text

_TOKEN = re.compile(
    r"""
    (?P<doc>/\*\*(?!/).*?\*/)
  | (?P<comment>/\*.*?\*/|//[^\n]*)
  | (?P<space>\s+)
  | (?P<string>"(?:[^"\\\n]|\\.)*")
  | (?P<name>`[^`\n]*`|[A-Za-z_][\w.\-]*)
  | (?P<number>-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)
  | (?P<punct>[{}()<>\[\],;=?@:])
    """,
    re.VERBOSE | re.DOTALL,
)
# Logical types written as a type keyword, with the primitive they annotate.
_LOGICAL = {
    "date": ("int", "date"),
    "time_ms": ("int", "time-millis"),
    "timestamp_ms": ("long", "timestamp-millis"),
    "local_timestamp_ms": ("long", "local-timestamp-millis"),
    "uuid": ("string", "uuid"),
}
_PRIMITIVES = {"null", "boolean", "int", "long", "float", "double", "bytes", "string"}


class IdlError(ParseError):
    """A declaration that does not parse, at an offset of the text."""


class _Token:
    __slots__ = ("after", "kind", "notes", "pos", "text")

    def __init__(self, kind: str, text: str, pos: int) -> None:
        self.kind, self.text, self.pos = kind, text, pos
        self.notes: list[str] = []  # plain comments directly above (no blank line between)
        self.after: list[str] = []  # plain comments after it on its line


def _tokens(text: str) -> list[_Token]:
    """The significant tokens of ``text``; a plain comment (``//``, ``/* */``) is kept with
    the token below it or, on that token's line, with the token before it."""
    out: list[_Token] = []
    pending: list[str] = []
    last: _Token | None = None
    own_line = False  # a newline since ``last``
    i = 0
    while i < len(text):
        m = _TOKEN.match(text, i)
        if m is None:
            out.append(_Token("bad", text[i], i))
            i += 1
            continue
        kind = m.lastgroup or "bad"
        i = m.end()
        if kind == "space":
            newlines = m.group().count("\n")
            own_line = own_line or newlines > 0
            if newlines > 1:
                pending = []  # a blank line: the comments above belong to nothing below
            continue
        if kind == "comment":
            said = comment_text(m.group())
            if last is not None and not own_line:
                if said:
                    last.after.append(said)
            elif said:
                pending.append(said)
            continue
        token = _Token(kind, m.group(), m.start())
        token.notes, pending = pending, []
        out.append(token)
        last, own_line = token, False
    return out


def _doc_text(raw: str) -> str | None:
    """The text of a ``/** … */`` comment without its stars."""
    body = raw[3:-2]
    lines = [re.sub(r"^\s*\*?\s?", "", line).rstrip() for line in body.splitlines()]
    text = "\n".join(line for line in lines).strip()
    return text or None


def _unquote(token: _Token) -> str:
    text = token.text
    return text[1:-1] if text[:1] == "`" else text


class _Parser(TokenCursor[_Token]):
    failure = IdlError

    def __init__(self, text: str, problems: Problems) -> None:
        super().__init__(_tokens(text))
        self.index = LineIndex(text)
        self.problems = problems
        self.imports: list[str] = []
        self.messages: dict[str, PosDict] = {}  # the protocol's messages, by name

    # --- tokens -----------------------------------------------------------------------------

    def doc(self) -> str | None:
        """The last ``/** … */`` before the next declaration."""
        found = None
        while (token := self.peek()) is not None and token.kind == "doc":
            found = _doc_text(token.text)
            self.i += 1
        return found

    def preamble(self) -> tuple[str | None, dict[str, Any]]:
        """The doc comment and the annotations before a declaration or a field, written in
        any order (``@aliases([…]) /** doc */ record R``): the last doc and every annotation."""
        doc = self.doc()
        notes: dict[str, Any] = {}
        while self.at("@"):
            notes.update(self.annotations())
            doc = self.doc() or doc
        return doc, notes

    def annotations(self) -> dict[str, Any]:
        found: dict[str, Any] = {}
        while self.at("@"):
            self.take()
            key = self.name().text
            self.expect("(")
            found[key] = self.value()
            self.expect(")")
        return found

    def value(self) -> Any:
        """A JSON value (annotation or default): strings and lists of strings are kept."""
        token = self.take()
        if token.kind == "string":
            return token.text[1:-1]
        if token.text in ("[", "{"):
            close = "]" if token.text == "[" else "}"
            items: list[Any] = []
            while not self.at(close):
                items.append(self.value())
                if self.at(",") or self.at(":"):
                    self.take()
            self.take()
            return items
        if token.kind in ("number", "name"):
            return token.text
        raise IdlError(token.pos)

    def skip_statement(self) -> None:
        """Skip to after the next ``;`` or balanced ``{ … }`` (recovery, messages)."""
        depth = 0
        while (token := self.peek()) is not None:
            self.i += 1
            if token.text == "{":
                depth += 1
            elif token.text == "}":
                depth -= 1
                if depth <= 0:
                    return
            elif token.text == ";" and depth == 0:
                return

    def error(self, exc: IdlError) -> None:
        self.problems.add(
            msg("p.avdl_syntax"), self.index.line(exc.pos), self.index.column(exc.pos)
        )

    # --- declarations -----------------------------------------------------------------------

    def file(self) -> PosDict:
        out = PosDict(protocol="", types=[])
        out.pos = 0
        namespace: str | None = None
        while self.peek() is not None:
            start = self.i
            try:
                _, notes = self.preamble()
                token = self.peek()
                if token is None:
                    break
                if token.text == "protocol":
                    self.take()
                    out["protocol"] = _unquote(self.name())
                    ns = notes.get("namespace")
                    namespace = ns if isinstance(ns, str) else namespace
                    self.expect("{")
                    self.body(out["types"], namespace, "}")
                    self.expect("}")
                elif token.text == "namespace":
                    self.take()
                    namespace = _unquote(self.name())
                    self.expect(";")
                elif token.text == "schema":
                    self.take()
                    self.type_()
                    self.expect(";")
                else:
                    self.i = start
                    self.body(out["types"], namespace, None)
            except IdlError as exc:
                self.error(exc)
                self.i = max(self.i, start + 1)
                self.skip_statement()
        return out

    def body(self, types: list[Any], namespace: str | None, close: str | None) -> None:
        """Declarations up to ``close`` (``}`` of a protocol) or the end of the text."""
        while (token := self.peek()) is not None and not (close and token.text == close):
            start = self.i
            try:
                declared = self.declaration(namespace)
                if declared is not None:
                    types.append(declared)
            except IdlError as exc:
                self.error(exc)
                self.i = max(self.i, start + 1)
                self.skip_statement()

    def declaration(self, namespace: str | None) -> PosDict | None:
        doc, notes = self.preamble()
        token = self.peek()
        if token is None:
            return None
        ns = notes.get("namespace")
        ns = ns if isinstance(ns, str) else namespace
        if token.text == "import":
            self.take()
            self.name()  # idl, schema or protocol
            self.imports.append(self.take().text.strip('"'))
            self.expect(";")
            return None
        if token.text in ("record", "error"):
            self.take()
            node = self.named(token, token.text, ns, doc, notes)
            node["fields"] = self.fields(ns)
            return node
        if token.text == "enum":
            self.take()
            node = self.named(token, "enum", ns, doc, notes)
            self.expect("{")
            symbols: list[str] = []
            while not self.at("}"):
                symbols.append(_unquote(self.name()))
                if self.at(","):
                    self.take()
            self.take()
            node["symbols"] = symbols
            if self.at("="):
                self.take()
                self.name()
                self.expect(";")
            return node
        if token.text == "fixed":
            self.take()
            node = self.named(token, "fixed", ns, doc, notes)
            self.expect("(")
            size = self.take()
            node["size"] = int(size.text) if size.text.isdigit() else None
            self.expect(")")
            self.expect(";")
            return node
        start = self.i
        if self.message(ns, doc, notes):
            return None
        self.i = start
        self.skip_statement()  # a declaration not understood
        if any(t.text == "{" and t.kind == "punct" for t in self.tokens[start : self.i]):
            # a block: a declaration not understood, not a message
            self.problems.warn(msg("p.avdl_skipped"), self.index.line(token.pos))
        return None

    def message(self, ns: str | None, doc: str | None, notes: dict[str, Any]) -> bool:
        """A message of the protocol, ``Response name(Type param [= default], …) [throws
        Error, …] [oneway];``, kept in ``messages`` as the JSON form writes it (``request``:
        its parameters as fields); ``False`` when the statement is no message."""
        try:
            response = self.type_(notes, ns)
            token = self.name()
            self.expect("(")
            request: list[PosDict] = []
            while not self.at(")"):
                own, before = self.preamble()
                kind = self.type_(before, ns)
                param = self.name()
                node = PosDict(name=_unquote(param), type=kind)
                node.pos = param.pos
                if own:
                    node["doc"] = own
                if self.at("="):
                    self.take()
                    node["default"] = self.value()
                request.append(node)
                if not self.at(")"):
                    self.expect(",")
            self.take()
            while not self.at(";"):
                if self.take().text in ("{", "}"):
                    return False
            self.take()
        except IdlError:
            return False
        node = PosDict(request=request, response=response)
        node.pos = token.pos
        if doc:
            node["doc"] = doc
        self.messages.setdefault(_unquote(token), node)
        return True

    def named(
        self, token: _Token, kind: str, ns: str | None, doc: str | None, notes: dict[str, Any]
    ) -> PosDict:
        node = PosDict(type=kind, name=_unquote(self.name()))
        node.pos = token.pos
        if ns:
            node["namespace"] = ns
        if doc:
            node["doc"] = doc
        if isinstance(notes.get("aliases"), list):
            node["aliases"] = notes["aliases"]
        return node

    def fields(self, ns: str | None) -> list[PosDict]:
        self.expect("{")
        out: list[PosDict] = []
        while not self.at("}"):
            start = self.i
            try:
                out.extend(self.field(ns))
            except IdlError as exc:
                self.error(exc)
                self.i = max(self.i, start + 1)
                self._skip_field()
        self.take()
        return out

    def _skip_field(self) -> None:
        while (token := self.peek()) is not None and token.text not in (";", "}"):
            self.i += 1
        if self.at(";"):
            self.take()

    def field(self, ns: str | None) -> list[PosDict]:
        first = self.peek()
        doc, before = self.preamble()  # of the field or of its type (``@logicalType``)
        if self.peek() is None:
            raise IdlError(self.tokens[-1].pos)
        kind = self.type_(before, ns)
        out: list[PosDict] = []
        while True:
            own = self.preamble()[0] or doc
            token = self.name()
            node = PosDict(name=_unquote(token), type=kind)
            node.pos = token.pos
            if own:
                node["doc"] = own
            if self.at("="):
                self.take()
                node["default"] = self.value()
            out.append(node)
            if self.at(","):
                self.take()
                continue
            end = self.expect(";")
            # Without a ``/** */`` doc, the plain comment above the field or after it on its
            # line says what it is, as in the other schema languages.
            plain = "\n".join([*(first.notes if first else ()), *end.after]).strip()
            if plain:
                for one in out:
                    one.setdefault("doc", plain)
            return out

    def type_(self, given: dict[str, Any] | None = None, ns: str | None = None) -> Any:
        notes = {**(given or {}), **self.annotations()}
        token = self.name()
        word = token.text
        if word == "array" or word == "map":
            self.expect("<")
            inner = self.type_(None, ns)
            self.expect(">")
            node: Any = PosDict(type=word)
            node["items" if word == "array" else "values"] = inner
        elif word == "union":
            self.expect("{")
            node = []
            while not self.at("}"):
                node.append(self.type_(None, ns))
                if self.at(","):
                    self.take()
            self.take()
        elif word == "decimal":
            self.expect("(")
            while not self.at(")"):
                self.take()
            self.take()
            node = PosDict(type="bytes", logicalType="decimal")
        elif word in _LOGICAL:
            base, known = _LOGICAL[word]
            node = PosDict(type=base, logicalType=known)
        else:
            written = _unquote(token)
            logical = notes.get("logicalType")
            node = written
            if isinstance(logical, str) and word in _PRIMITIVES:
                node = PosDict(type=word, logicalType=logical)
            elif ns and written not in _PRIMITIVES and "." not in written:
                node = RelativeName.of(written, ns)  # resolved in its namespace first
        if self.at("?"):
            self.take()
            node = ["null", node]
        return node


def parse_idl(text: str, problems: Problems) -> tuple[PosDict, list[str]]:
    """The protocol an Avro IDL text declares (``readers.avro`` reads it) and the files its
    ``import`` statements name; problems at their line and column."""
    parser = _Parser(text, problems)
    protocol = parser.file()
    if parser.messages:
        protocol["messages"] = parser.messages
    return protocol, parser.imports
