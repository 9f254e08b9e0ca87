"""Protocol Buffers schemas (``.proto``: proto2, proto3 and editions files) into flat fields.

Each top-level ``message`` is a dataset named as written (``Member``). Its fields are read as
the other nested formats read theirs: a field whose type is a message gives that message's
fields below its name (``Order.customer.name``), ``repeated`` fields and ``map<K, V>`` values
add ``[]`` (``Order.items[].sku``, ``Order.labels[]``), an enum-typed field is a field of type
``enum`` whose enumerated values are the enum's names. ``optional`` (and a ``oneof`` member)
makes a field nullable, ``required`` not null. A proto2 ``group`` is a field of the group's
name in lower case holding the group's fields; the fields an ``extend`` block adds to a message
are that message's, wherever it is read.

As in the Avro reader, a message defined inside another is no dataset of its own when a field
names it (it is read where it is used); one that no field of the scan names is a dataset named
``Outer.Inner``, so that nothing it declares goes unread. Enum definitions are no datasets.

Types are resolved as ``protoc`` resolves them: from the innermost scope outwards through the
``package``; a type another ``.proto`` file of the same scan defines is found through its
package (``proto_index`` collects them first). A type defined nowhere is kept as a field
without a type, with a warning; well-known types (``google.protobuf.Timestamp``, the wrappers)
are fields of the type they stand for.

Comments are what proto authors explain a field with: the ``//`` or ``/* … */`` lines directly
above a declaration (no blank line between) and a ``//`` comment after it on the same line are
its comment. A message used as the request or response of a service's ``rpc`` carries the
service's name and comment and the rpc's name and comment as its API context (``purpose``).

``syntax``, ``edition``, ``package``, ``import``, ``option``, field options (``[deprecated =
true]``), ``reserved`` and ``extensions`` are read past. A declaration that cannot be parsed is
an error at its line and column, and the parse goes on at the next ``;`` or ``}``; a message
not closed at the end of the file keeps the fields read so far, with an error at its line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dataflow.i18n import msg
from dataflow.model import ApiContext, Dataset, Field
from dataflow.readers._common import MAX_FIELDS, MAX_SCHEMA_BYTES, LineIndex, Problems
from dataflow.readers._json import add_leaf
from dataflow.readers.tokencursor import ParseError, TokenCursor, comment_text

FORMAT = "protobuf"

_TOKEN = re.compile(
    r"""
    (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<newline>\n)
  | (?P<space>[ \t\r\f\v]+)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<name>\.?[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)
  | (?P<number>(?:0[xX][0-9a-fA-F]+|\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?))
  | (?P<punct>[{}()<>\[\],;=:\-+/])
    """,
    re.VERBOSE | re.DOTALL,
)
SCALARS = frozenset(
    {
        "double",
        "float",
        "int32",
        "int64",
        "uint32",
        "uint64",
        "sint32",
        "sint64",
        "fixed32",
        "fixed64",
        "sfixed32",
        "sfixed64",
        "bool",
        "string",
        "bytes",
    }
)
# Well-known types and what they hold (a wrapper is its scalar, and may be unset).
_WELL_KNOWN = {
    "google.protobuf.Timestamp": ("timestamp", None),
    "google.protobuf.Duration": ("duration", None),
    "google.protobuf.DoubleValue": ("double", True),
    "google.protobuf.FloatValue": ("float", True),
    "google.protobuf.Int64Value": ("int64", True),
    "google.protobuf.UInt64Value": ("uint64", True),
    "google.protobuf.Int32Value": ("int32", True),
    "google.protobuf.UInt32Value": ("uint32", True),
    "google.protobuf.BoolValue": ("bool", True),
    "google.protobuf.StringValue": ("string", True),
    "google.protobuf.BytesValue": ("bytes", True),
    "google.protobuf.Struct": ("struct", None),
    "google.protobuf.Value": ("struct", None),
    "google.protobuf.ListValue": ("array", None),
    "google.protobuf.Any": ("any", None),
    "google.protobuf.FieldMask": ("fieldmask", None),
    "google.protobuf.Empty": ("empty", None),
    "google.type.Date": ("date", None),
    "google.type.DateTime": ("datetime", None),
    "google.type.TimeOfDay": ("time", None),
}
_LABELS = ("optional", "required", "repeated")
_MAX_DEPTH = 48
#: How much of a service's and its rpcs' comments a message carries as its purpose.
_PURPOSE_CHARS = 2000


class ProtoError(ParseError):
    """A declaration that does not parse, at an offset of the text."""


class _Token:
    __slots__ = ("kind", "leading", "pos", "text", "trailing")

    def __init__(self, kind: str, text: str, pos: int) -> None:
        self.kind, self.text, self.pos = kind, text, pos
        self.leading: list[str] = []
        self.trailing: list[str] = []


def _tokens(text: str) -> list[_Token]:
    """The significant tokens of ``text`` with their comments, attached as ``protoc`` attaches
    them: a comment on a token's own line is that token's (trailing); on the lines below it,
    the first block of comments is still the token's when a blank line or the end of a block
    (``}``) follows it, and the block directly above a token (no blank line between) is the
    next token's (leading). Comments with blank lines on both sides belong to nothing."""
    out: list[_Token] = []
    block: list[str] = []  # the block of comments being read
    block_lines = False  # whether ``block`` is ``//`` lines (they join; a ``/* */`` stands alone)
    in_block = False
    gap = 0  # newlines since the last comment or token
    last: _Token | None = None
    own_line = False  # a newline since ``last``: a comment is no longer on its line
    to_last = False  # whether the next block of comments may still be ``last``'s

    def flush() -> None:
        nonlocal block, in_block, to_last
        if in_block and to_last and last is not None:
            last.trailing.extend(block)
            to_last = False
        block, in_block = [], False

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
            continue
        if kind == "newline":
            gap += 1
            own_line = True
            if gap >= 2:  # a blank line: what is above it no longer reaches below it
                flush()
                to_last = False
            continue
        if kind == "comment":
            raw = m.group()
            said = comment_text(raw)
            gap = 0
            if last is not None and not own_line:  # on the line of the token before it
                if said:
                    last.trailing.append(said)
                to_last = False  # the lines below are no longer the token's
                continue
            is_line = raw.startswith("//")
            if in_block and not (is_line and block_lines):
                flush()
            if said:
                block.append(said)
            in_block, block_lines = True, is_line
            continue
        token = _Token(kind, m.group(), m.start())
        if kind == "punct" and token.text in ("}", "]", ")"):
            flush()  # the end of a block: its last comments belong to what is above them
        token.leading, block, in_block = block, [], False
        out.append(token)
        last, gap, own_line, to_last = token, 0, False, True
    flush()
    return out


# --- what a file declares ---------------------------------------------------------------------


@dataclass(eq=False)
class ProtoField:
    name: str
    kind: str  # a scalar or a type name as written; ``map`` for a map
    line: int
    comment: str | None
    label: str | None = None
    oneof: bool = False
    value: str | None = None  # a map's value type
    group: ProtoMessage | None = None
    scope: str = ""  # the full name of the message it is declared in (for type names)
    source: str = ""  # the file it is declared in


@dataclass(eq=False)
class ProtoEnum:
    name: str
    full: str
    line: int
    comment: str | None
    values: list[str] = field(default_factory=list)
    source: str = ""


@dataclass(eq=False)
class ProtoMessage:
    name: str
    full: str
    line: int
    comment: str | None
    fields: list[ProtoField] = field(default_factory=list)
    nested: list[ProtoMessage] = field(default_factory=list)
    enums: list[ProtoEnum] = field(default_factory=list)
    is_group: bool = False
    source: str = ""


@dataclass
class _Extend:
    target: str
    scope: str
    line: int
    fields: list[ProtoField] = field(default_factory=list)


@dataclass
class _Rpc:
    name: str
    request: str
    response: str
    comment: str | None


@dataclass
class _Service:
    name: str
    comment: str | None
    source: str = ""
    rpcs: list[_Rpc] = field(default_factory=list)


@dataclass
class ProtoFile:
    """The declarations of one ``.proto`` file."""

    source: str
    package: str = ""
    messages: list[ProtoMessage] = field(default_factory=list)
    enums: list[ProtoEnum] = field(default_factory=list)
    extends: list[_Extend] = field(default_factory=list)
    services: list[_Service] = field(default_factory=list)

    def types(self) -> dict[str, ProtoMessage | ProtoEnum]:
        """Every message and enum of the file by full name (``acme.crm.Order.Line``)."""
        out: dict[str, ProtoMessage | ProtoEnum] = {}
        stack: list[ProtoMessage] = list(self.messages)
        for enum in self.enums:
            out.setdefault(enum.full, enum)
        while stack:
            message = stack.pop(0)
            out.setdefault(message.full, message)
            for enum in message.enums:
                out.setdefault(enum.full, enum)
            stack.extend(message.nested)
        return out


def _comment(*parts: Sequence[str]) -> str | None:
    text = "\n".join(p for part in parts for p in part if p).strip()
    return text or None


class _Parser(TokenCursor[_Token]):
    failure = ProtoError

    def __init__(self, text: str, source: str, problems: Problems) -> None:
        super().__init__(_tokens(text))
        self.index = LineIndex(text)
        self.problems = problems
        self.file = ProtoFile(source)
        self.depth = 0  # messages open around the current declaration

    # --- tokens -----------------------------------------------------------------------------

    def line(self, token: _Token) -> int:
        return self.index.line(token.pos)

    def error(self, exc: ProtoError, start: int) -> None:
        """A declaration that does not parse, reported where it starts (the token at ``start``;
        where the parse stopped when that is before it)."""
        pos = exc.pos
        if start < len(self.tokens):
            pos = min(pos, self.tokens[start].pos)
        self.problems.add(msg("p.proto_syntax"), self.index.line(pos), self.index.column(pos))

    def skip_statement(self) -> None:
        """Skip to after the next ``;`` or balanced ``{ … }``; a ``}`` closing the enclosing
        block is left for it."""
        depth = 0
        while (token := self.peek()) is not None:
            if token.text == "}" and token.kind == "punct":
                if depth == 0:
                    return
                depth -= 1
                self.i += 1
                if depth == 0:
                    return
                continue
            self.i += 1
            if token.text == "{" and token.kind == "punct":
                depth += 1
            elif token.text == ";" and depth == 0:
                return

    def skip_brackets(self) -> None:
        """Field options ``[ … ]`` (``deprecated = true``, custom options)."""
        self.expect("[")
        depth = 1
        while depth:
            token = self.take()
            if token.text in ("[", "{"):
                depth += 1
            elif token.text in ("]", "}"):
                depth -= 1

    # --- declarations -----------------------------------------------------------------------

    def parse(self) -> ProtoFile:
        while self.peek() is not None:
            start = self.i
            try:
                self.top_statement()
            except ProtoError as exc:
                self.error(exc, start)
                self.i = max(self.i, start + 1)
                self.skip_statement()
                if self.at("}"):  # a stray brace at the top level
                    self.i += 1
        return self.file

    def top_statement(self) -> None:
        token = self.peek()
        assert token is not None
        word = token.text
        scope = self.file.package
        if word in ("syntax", "edition") and self.at("=", 1):
            self.take()
            self.expect("=")
            if self.take().kind != "string":
                raise ProtoError(self.tokens[self.i - 1].pos)
            self.expect(";")
        elif word == "package":
            self.take()
            self.file.package = self.name().text.lstrip(".")
            self.expect(";")
        elif word == "import":
            self.take()
            if self.at("public") or self.at("weak"):
                self.take()
            if self.take().kind != "string":
                raise ProtoError(self.tokens[self.i - 1].pos)
            self.expect(";")
        elif word == "option":
            self.option()
        elif word == "message":
            self.file.messages.append(self.message(scope))
        elif word == "enum":
            self.file.enums.append(self.enum(scope))
        elif word == "service":
            self.service()
        elif word == "extend":
            self.extend(scope)
        elif word == ";":
            self.take()
        else:
            raise ProtoError(token.pos)

    def option(self) -> None:
        """``option …;`` (also ``reserved …;``, ``extensions …;``), whatever its value: an
        aggregate ``{ … }`` included."""
        start = self.take()
        depth = 0
        while (token := self.peek()) is not None:
            if token.kind == "punct" and token.text in ("{", "[", "("):
                depth += 1
            elif token.kind == "punct" and token.text in ("}", "]", ")"):
                if depth == 0:
                    break  # the end of the enclosing block: the ``;`` is missing
                depth -= 1
            self.i += 1
            if token.text == ";" and token.kind == "punct" and depth == 0:
                return
        stop = self.peek()
        raise ProtoError(stop.pos if stop is not None else start.pos)

    def block_open(self, kind: str) -> tuple[_Token, _Token, _Token]:
        """``kind Name {``: the keyword, the name and the brace."""
        keyword = self.expect(kind)
        name = self.name()
        brace = self.expect("{")
        return keyword, name, brace

    def unclosed(self, kind: str, name: str, line: int) -> None:
        self.problems.add(msg("p.proto_unclosed", kind=kind, name=name), line)

    def message(self, scope: str, *, group: bool = False) -> ProtoMessage:
        if self.depth >= _MAX_DEPTH:  # hostile nesting: an error, and the block is skipped
            raise ProtoError(self.tokens[self.i].pos)
        keyword, name, brace = self.block_open("message")
        return self.nested_body(scope, name, _comment(keyword.leading, brace.trailing), group)

    def nested_body(
        self, scope: str, name: _Token, comment: str | None, group: bool
    ) -> ProtoMessage:
        """The message ``name`` declared in ``scope`` (a group's too), read up to the ``}``
        closing the body whose ``{`` was just taken."""
        full = f"{scope}.{name.text}" if scope else name.text
        message = ProtoMessage(
            name.text, full, self.line(name), comment, is_group=group, source=self.file.source
        )
        self.depth += 1
        try:
            self.body(message)
        finally:
            self.depth -= 1
        return message

    def body(self, message: ProtoMessage, *, oneof: bool = False) -> None:
        """Declarations up to the ``}`` closing ``message``'s body (or a ``oneof``'s)."""
        while True:
            token = self.peek()
            if token is None:
                self.unclosed("oneof" if oneof else "message", message.name, message.line)
                return
            if token.text == "}" and token.kind == "punct":
                self.take()
                return
            start = self.i
            try:
                self.member(message, oneof)
            except ProtoError as exc:
                self.error(exc, start)
                self.i = max(self.i, start + 1)
                self.skip_statement()

    def _declares(self, word: str) -> bool:
        """Whether the next tokens are ``word Name {`` (a keyword may also name a type)."""
        return self.at(word) and self.peek(1) is not None and self.at("{", 2)

    def member(self, message: ProtoMessage, oneof: bool) -> None:
        token = self.peek()
        assert token is not None
        word = token.text
        scope = message.full
        if token.kind == "punct" and word == ";":
            self.take()
        elif self._declares("message"):
            message.nested.append(self.message(scope))
        elif self._declares("enum"):
            message.enums.append(self.enum(scope))
        elif self._declares("extend"):
            self.extend(scope)
        elif self._declares("oneof"):
            self.take()
            self.name()
            self.take()
            self.body(message, oneof=True)
        elif word in ("option", "reserved", "extensions"):
            self.option()
        else:
            self.field(message, message.fields, scope, oneof)

    def field(
        self, message: ProtoMessage | None, into: list[ProtoField], scope: str, oneof: bool
    ) -> None:
        first = self.peek()
        assert first is not None
        label = None
        if first.text in _LABELS and self.peek(1) is not None and not self.at("=", 2):
            label = self.take().text
        kind_token = self.name()
        kind = kind_token.text
        if kind == "group" and self.at("=", 1):
            self.group(message, into, scope, first, label, oneof)
            return
        value = None
        if kind == "map" and self.at("<"):
            self.take()
            self.name()
            self.expect(",")
            value = self.name().text
            self.expect(">")
        name = self.numbered()
        end = self.expect(";")
        into.append(
            ProtoField(
                name.text,
                kind,
                self.line(name),
                _comment(first.leading, end.trailing),
                label,
                oneof,
                value,
                scope=scope,
                source=self.file.source,
            )
        )

    def numbered(self, *, signed: bool = False) -> _Token:
        """``Name = N [options]``, the part a field, a group and an enum value (``signed``: its
        number may be negative) share: the name's token."""
        name = self.name()
        self.expect("=")
        if signed and self.at("-"):
            self.take()
        if self.take().kind != "number":
            raise ProtoError(self.tokens[self.i - 1].pos)
        if self.at("["):
            self.skip_brackets()
        return name

    def group(
        self,
        message: ProtoMessage | None,
        into: list[ProtoField],
        scope: str,
        first: _Token,
        label: str | None,
        oneof: bool,
    ) -> None:
        """``[label] group Name = N [options] { fields }``: a field ``name`` of a nested
        message ``Name``."""
        name = self.numbered()
        brace = self.expect("{")
        if self.depth >= _MAX_DEPTH:
            raise ProtoError(brace.pos)
        nested = self.nested_body(scope, name, _comment(first.leading, brace.trailing), True)
        if message is not None:
            message.nested.append(nested)
        into.append(
            ProtoField(
                name.text.lower(),
                nested.full,
                self.line(name),
                nested.comment,
                label,
                oneof,
                group=nested,
                scope=scope,
                source=self.file.source,
            )
        )

    def enum(self, scope: str) -> ProtoEnum:
        keyword, name, brace = self.block_open("enum")
        full = f"{scope}.{name.text}" if scope else name.text
        enum = ProtoEnum(
            name.text,
            full,
            self.line(name),
            _comment(keyword.leading, brace.trailing),
            source=self.file.source,
        )
        while True:
            token = self.peek()
            if token is None:
                self.unclosed("enum", enum.name, enum.line)
                return enum
            if token.text == "}" and token.kind == "punct":
                self.take()
                return enum
            start = self.i
            try:
                if token.text == ";":
                    self.take()
                elif token.text in ("option", "reserved") and not self.at("=", 1):
                    self.option()
                else:
                    value = self.numbered(signed=True)
                    self.expect(";")
                    enum.values.append(value.text)
            except ProtoError as exc:
                self.error(exc, start)
                self.i = max(self.i, start + 1)
                self.skip_statement()

    def extend(self, scope: str) -> None:
        keyword = self.expect("extend")
        target = self.name()
        self.expect("{")
        block = _Extend(target.text, scope, self.line(keyword))
        holder = ProtoMessage(target.text, target.text, block.line, None)
        while True:
            token = self.peek()
            if token is None:
                self.unclosed("extend", target.text, block.line)
                break
            if token.text == "}" and token.kind == "punct":
                self.take()
                break
            start = self.i
            try:
                if token.text == ";":
                    self.take()
                else:
                    self.field(holder, block.fields, scope, False)
            except ProtoError as exc:
                self.error(exc, start)
                self.i = max(self.i, start + 1)
                self.skip_statement()
        self.file.extends.append(block)

    def service(self) -> None:
        keyword, name, brace = self.block_open("service")
        comment = _comment(keyword.leading, brace.trailing)
        service = _Service(name.text, comment, self.file.source)
        while True:
            token = self.peek()
            if token is None:
                self.unclosed("service", service.name, self.line(name))
                break
            if token.text == "}" and token.kind == "punct":
                self.take()
                break
            start = self.i
            try:
                if token.text == "rpc":
                    service.rpcs.append(self.rpc())
                elif token.text == "stream" and not self.at("(", 1):
                    service.rpcs.append(self.stream())
                else:  # option, an empty statement, anything else is read past
                    if token.text not in ("option", ";"):
                        raise ProtoError(token.pos)
                    if token.text == "option":
                        self.option()
                    else:
                        self.take()
            except ProtoError as exc:
                self.error(exc, start)
                self.i = max(self.i, start + 1)
                self.skip_statement()
        self.file.services.append(service)

    def rpc(self) -> _Rpc:
        """``rpc Name ([stream] Request) returns ([stream] Response)`` ending in ``;`` or an
        options block."""
        keyword = self.expect("rpc")
        name = self.name()
        request = self.rpc_type()
        self.expect("returns")
        response = self.rpc_type()
        return self.rpc_end(keyword, name, request, response)

    def stream(self) -> _Rpc:
        """The proto2 specification's ``stream Name (Request, Response)``: an rpc whose both
        sides are streams, ending as an rpc ends."""
        keyword = self.expect("stream")
        name = self.name()
        self.expect("(")
        request = self.name().text
        self.expect(",")
        response = self.name().text
        self.expect(")")
        return self.rpc_end(keyword, name, request, response)

    def rpc_end(self, keyword: _Token, name: _Token, request: str, response: str) -> _Rpc:
        """The ``;`` or ``{ options }`` ending an rpc; its comment is the one above it, the one
        after its ``{`` and the one after its end."""
        end = self.take()
        said = [keyword.leading]
        if end.text == "{":
            said.append(end.trailing)
            while not self.at("}"):
                if self.peek() is None:
                    raise ProtoError(end.pos)
                if self.at(";"):
                    self.take()
                    continue
                if not self.at("option"):
                    raise ProtoError(self.take().pos)
                self.option()
            end = self.take()
        elif end.text != ";":
            raise ProtoError(end.pos)
        said.append(end.trailing)
        return _Rpc(name.text, request, response, _comment(*said))

    def rpc_type(self) -> str:
        self.expect("(")
        if self.at("stream") and not self.at(")", 1):
            self.take()
        kind = self.name().text
        self.expect(")")
        return kind


def parse_proto(text: str, source: str, problems: Problems) -> ProtoFile:
    """The declarations of a ``.proto`` text; problems at their line and column."""
    return _Parser(text, source, problems).parse()


# --- the files of one scan ---------------------------------------------------------------------


@dataclass
class ProtoIndex:
    """What the ``.proto`` files of one scan declare, for the reading of each of them: types by
    full name, the types that fields name, the fields ``extend`` blocks add to a message and
    the rpc context of the messages services use."""

    types: dict[str, ProtoMessage | ProtoEnum] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    extensions: dict[str, list[ProtoField]] = field(default_factory=dict)
    contexts: dict[str, list[tuple[_Service, _Rpc]]] = field(default_factory=dict)
    names: dict[str, set[str]] = field(default_factory=dict)  # dataset name -> full names

    def add(self, parsed: ProtoFile) -> None:
        for full, node in parsed.types().items():
            self.types.setdefault(full, node)

    def resolve(self, name: str, scope: str) -> ProtoMessage | ProtoEnum | None:
        """The type ``name`` written in ``scope`` (a package or message full name) means."""
        if name.startswith("."):
            return self.types.get(name[1:])
        parts = scope.split(".") if scope else []
        for i in range(len(parts), -1, -1):
            prefix = ".".join(parts[:i])
            found = self.types.get(f"{prefix}.{name}" if prefix else name)
            if found is not None:
                return found
        return None

    def link(self, files: Iterable[ProtoFile]) -> None:
        """Once every file's types are in: what their fields, extends and rpcs name."""
        for parsed in files:
            stack = list(parsed.messages)
            while stack:
                message = stack.pop()
                for f in message.fields:
                    kind = f.value if f.kind == "map" and f.value else f.kind
                    target = self.resolve(kind, f.scope)
                    if target is not None:
                        self.used.add(target.full)
                stack.extend(message.nested)
            for block in parsed.extends:
                target = self.resolve(block.target, block.scope)
                if isinstance(target, ProtoMessage):
                    self.extensions.setdefault(target.full, []).extend(block.fields)
                for f in block.fields:
                    named = self.resolve(f.value or f.kind, f.scope)
                    if named is not None:
                        self.used.add(named.full)
            for service in parsed.services:
                for rpc in service.rpcs:
                    for kind in (rpc.request, rpc.response):
                        target = self.resolve(kind, parsed.package)
                        if isinstance(target, ProtoMessage):
                            uses = self.contexts.setdefault(target.full, [])
                            if all(r is not rpc for _, r in uses):
                                uses.append((service, rpc))

    def name_datasets(self, parsed: ProtoFile) -> None:
        """Note the datasets ``parsed`` gives, by name (two files may both have a ``Request``)."""
        for message, name in _dataset_messages(parsed, self):
            self.names.setdefault(name, set()).add(message.full)

    def dataset_name(self, message: ProtoMessage, name: str) -> str:
        """``name`` (``Request``, ``Outer.Request``), or the message's full name when another
        message of the scan would give a dataset of the same name (``billing.v1.Request``)."""
        return message.full if len(self.names.get(name, ())) > 1 else name


def proto_index(files: Sequence[Path]) -> ProtoIndex | None:
    """The ``.proto`` files among ``files`` parsed once, so that a field of one may name a type
    another declares (``None`` when there are none). Problems are reported by the reading of
    each file, not here."""
    from dataflow.readers.encoding import decode_text

    parsed: list[ProtoFile] = []
    for path in files:
        if path.suffix.lower() != ".proto":
            continue
        try:
            if path.stat().st_size > MAX_SCHEMA_BYTES:
                continue
            text, _, _ = decode_text(path.read_bytes())
        except (OSError, ValueError):
            continue
        if text is not None:
            parsed.append(parse_proto(text, str(path), Problems(str(path))))
    if not parsed:
        return None
    index = ProtoIndex()
    for one in parsed:
        index.add(one)
    index.link(parsed)
    for one in parsed:
        index.name_datasets(one)
    return index


# --- datasets ----------------------------------------------------------------------------------


class _Walker:
    def __init__(self, parsed: ProtoFile, index: ProtoIndex, problems: Problems) -> None:
        self.file = parsed
        self.index = index
        self.problems = problems
        self.fields: dict[str, Field] = {}
        self._warned: set[tuple[str, int | None]] = set()

    def warn_once(self, message: str, line: int | None) -> None:
        if (message, line) not in self._warned:
            self._warned.add((message, line))
            self.problems.warn(message, line)

    def message(
        self,
        message: ProtoMessage,
        dataset: str,
        prefix: str,
        seen: tuple[str, ...],
        depth: int,
        at: int | None,
    ) -> None:
        """The fields of ``message`` below ``prefix``; ``at`` is the line to give them when the
        message is declared in another file (the line of the field naming it)."""
        own = [*message.fields, *self.index.extensions.get(message.full, ())]
        for f in own:
            if len(self.fields) >= MAX_FIELDS:
                return
            line = at if at is not None else f.line if f.source == self.file.source else None
            path = f"{prefix}.{f.name}" if prefix else f.name
            self.member(f, dataset, path, line, at, (*seen, message.full), depth + 1)

    def member(
        self,
        f: ProtoField,
        dataset: str,
        path: str,
        line: int | None,
        at: int | None,
        seen: tuple[str, ...],
        depth: int,
    ) -> None:
        if depth > _MAX_DEPTH:
            self.warn_once(msg("p.proto_deep", depth=_MAX_DEPTH), line)
            return
        nullable = True if f.label == "optional" or f.oneof else None
        if f.label == "required":
            nullable = False
        kind = f.kind
        if f.kind == "map" and f.value:
            kind, path, nullable = f.value, f"{path}[]", None
        elif f.label == "repeated":
            path, nullable = f"{path}[]", None
        if kind in SCALARS:
            self.leaf(dataset, path, kind, line, f.comment, nullable)
            return
        target: ProtoMessage | ProtoEnum | None = f.group or self.index.resolve(kind, f.scope)
        if target is None:
            known = _WELL_KNOWN.get(kind.lstrip("."))
            if known is not None:
                self.leaf(dataset, path, known[0], line, f.comment, known[1] or nullable)
                return
            if not kind.lstrip(".").startswith("google."):
                self.warn_once(msg("p.proto_undefined"), line)
            self.leaf(dataset, path, None, line, f.comment, nullable)
            return
        if isinstance(target, ProtoEnum):
            comment = f.comment or target.comment
            self.leaf(dataset, path, "enum", line, comment, nullable, tuple(target.values))
            return
        if target.full in seen:
            self.warn_once(msg("p.proto_recursive"), line)
            self.leaf(dataset, path, "message", line, f.comment, nullable)
            return
        inner = at if at is not None or target.source == self.file.source else line
        before = len(self.fields)
        self.message(target, dataset, path, seen, depth, inner)
        if len(self.fields) == before:  # an empty message: the field itself is kept
            self.leaf(dataset, path, "message", line, f.comment, nullable)

    def leaf(
        self,
        dataset: str,
        path: str,
        data_type: str | None,
        line: int | None,
        comment: str | None,
        nullable: bool | None,
        enum: tuple[str, ...] = (),
    ) -> None:
        add_leaf(
            self.fields,
            dataset,
            path,
            data_type=data_type,
            nullable=nullable,
            line=line,
            comment=comment,
            enum=enum,
        )


def _purpose(uses: list[tuple[_Service, _Rpc]]) -> str | None:
    """The services and rpcs that send or return a message, with their comments."""
    parts: list[str] = []
    for service, rpc in uses:
        head = service.name + (f": {service.comment}" if service.comment else "")
        if head not in parts:
            parts.append(head)
        parts.append(f"rpc {rpc.name}" + (f": {rpc.comment}" if rpc.comment else ""))
    text = " ".join("; ".join(parts).split())
    return text[:_PURPOSE_CHARS] or None


def read_proto(text: str, path: str, problems: Problems, index: ProtoIndex | None) -> list[Dataset]:
    """One dataset per top-level message of a ``.proto`` text, and one per nested message no
    field of the scan names; ``index`` holds the other ``.proto`` files of the scan."""
    parsed = parse_proto(text, path, problems)
    own = ProtoIndex()
    own.add(parsed)
    if index is not None:  # this file's own declarations win over the scan's
        for full, node in index.types.items():
            own.types.setdefault(full, node)
    own.link([parsed])
    if index is not None:  # what the other files add (this file's own parse gives its own)
        own.used |= index.used
        for full, extra in index.extensions.items():
            own.extensions.setdefault(full, []).extend(f for f in extra if f.source != path)
        for full, uses in index.contexts.items():
            others = [u for u in uses if u[0].source != path]
            own.contexts.setdefault(full, []).extend(others)
        for name, fulls in index.names.items():
            own.names[name] = set(fulls)
    own.name_datasets(parsed)
    datasets: list[Dataset] = []
    total = 0
    for message, name in _dataset_messages(parsed, own):
        name = own.dataset_name(message, name)
        walker = _Walker(parsed, own, problems)
        walker.message(message, name, "", (), 0, None)
        if not walker.fields:
            continue
        used_by = own.contexts.get(message.full)
        datasets.append(
            Dataset(
                name=name,
                source_path=path,
                source_format=FORMAT,
                fields=tuple(walker.fields.values()),
                comment=message.comment,
                line=message.line,
                api=ApiContext(purpose=_purpose(used_by)) if used_by else None,
            )
        )
        total += len(walker.fields)
        if total >= MAX_FIELDS:
            problems.warn(msg("p.too_many_fields", max=MAX_FIELDS))
            break
    datasets.extend(_foreign_extends(parsed, own, problems, path))
    return datasets


def _dataset_messages(parsed: ProtoFile, index: ProtoIndex) -> Iterable[tuple[ProtoMessage, str]]:
    """The top-level messages, and the nested ones no field names (``Outer.Inner``)."""
    for message in parsed.messages:
        yield message, message.name
        stack = [(n, f"{message.name}.{n.name}") for n in message.nested]
        while stack:
            nested, name = stack.pop(0)
            if not nested.is_group and nested.full not in index.used:
                yield nested, name
            stack[:0] = [(n, f"{name}.{n.name}") for n in nested.nested]


def _foreign_extends(
    parsed: ProtoFile, index: ProtoIndex, problems: Problems, path: str
) -> list[Dataset]:
    """``extend`` blocks of a message no scanned file declares: a dataset ``extend <name>``
    each (``google.protobuf`` options are custom options, not data: read past)."""
    out: list[Dataset] = []
    for block in parsed.extends:
        if block.target.lstrip(".").startswith("google.protobuf."):
            continue
        if isinstance(index.resolve(block.target, block.scope), ProtoMessage):
            continue
        problems.warn(msg("p.proto_extend_unknown"), block.line)
        name = f"extend {block.target.lstrip('.')}"
        walker = _Walker(parsed, index, problems)
        holder = ProtoMessage(name, "", block.line, None, fields=block.fields, source=path)
        walker.message(holder, name, "", (), 0, None)
        if walker.fields:
            out.append(Dataset(name, path, FORMAT, tuple(walker.fields.values()), line=block.line))
    return out


def index_types(index: Any) -> ProtoIndex | None:
    """``index`` when it is a ``ProtoIndex`` (what ``SchemaText.proto_types`` holds)."""
    return index if isinstance(index, ProtoIndex) else None
