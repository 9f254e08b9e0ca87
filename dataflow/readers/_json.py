"""JSON parsing that remembers where each object starts (for the line of a field).

Uses the pure-Python scanner of the standard library with ``parse_object`` wrapped, so every
decoded object is a ``PosDict`` carrying the character offset of its ``{``. Schema files are
small, so the slower scanner does not matter.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
import re
from typing import Any

from dataflow.i18n import json_error, msg
from dataflow.model import Field
from dataflow.readers._common import LineIndex, Problems

# Python converts integers of at most 4,300 digits (``sys.get_int_max_str_digits``); a longer
# number in a file is kept as its digits (a value like any other, typed "integer").
MAX_INT_DIGITS = 4000


# A JSON string (possibly not closed on its line), a block comment or a line comment.
_STRING_OR_COMMENT = re.compile(r'"(?:[^"\\\n]|\\.)*"?|/\*|//')


def blank_comments(text: str) -> str:
    """``text`` with its ``/* … */`` and ``// …`` comments outside strings turned to spaces
    (line breaks kept), so a parse error still names the line and column of the file. Avro's
    own parser accepts these comments in ``.avsc`` and ``.avpr`` files. A block comment that
    is never closed is left as it is, for the parser to report where it starts."""
    if "/" not in text:
        return text
    out: list[str] = []
    done = i = 0
    while True:
        m = _STRING_OR_COMMENT.search(text, i)
        if m is None:
            break
        start = m.start()
        if m.group() == "/*":
            close = text.find("*/", start + 2)
            if close == -1:
                break
            end = close + 2
        elif m.group() == "//":
            end = text.find("\n", start)
            end = len(text) if end == -1 else end
        else:
            i = m.end()
            continue
        out.append(text[done:start])
        out.append(re.sub(r"[^\n]", " ", text[start:end]))
        done = i = end
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


class LongNumber(str):
    """A JSON integer too long to convert, kept as its digits."""


def parse_int(text: str) -> int | str:
    """``parse_int`` of the JSON decoders: an ``int``, or ``LongNumber`` beyond the limit."""
    if len(text) > MAX_INT_DIGITS:
        return LongNumber(text)
    return int(text)


class PosDict(dict[str, Any]):
    """A JSON object with the offset of its opening brace."""

    pos: int = -1


def _parse_object(s_and_end: tuple[str, int], *args: Any, **kwargs: Any) -> tuple[Any, int]:
    obj, end = json.decoder.JSONObject(s_and_end, *args, **kwargs)  # type: ignore[attr-defined]
    out = PosDict(obj)
    out.pos = s_and_end[1] - 1
    return out, end


class _PosDecoder(json.JSONDecoder):
    def __init__(self) -> None:
        super().__init__(parse_int=parse_int)
        self.parse_object = _parse_object
        self.scan_once = getattr(json.scanner, "py_make_scanner")(self)  # noqa: B009


def load_json(text: str, problems: Problems, what: str) -> Any | None:
    """Parse ``text``; on failure add a problem (position only, no input text) and return None."""
    if not text.strip():
        problems.add(msg("p.empty_no", what=what))
        return None
    try:
        return _PosDecoder().decode(text)
    except json.JSONDecodeError as exc:
        problems.add(
            msg("p.invalid_json_in", what=what, why=json_error(exc.msg)), exc.lineno, exc.colno
        )
    except RecursionError:
        problems.add(msg("p.json_deep"))
    return None


def pointer_tail(pointer: str) -> str:
    """The last segment of a JSON pointer, unescaped (``#/components/schemas/a~1b`` → ``a/b``)."""
    return pointer.rsplit("/", 1)[-1].replace("~1", "/").replace("~0", "~")


def line_of(node: Any, index: LineIndex) -> int | None:
    """Line of a ``PosDict`` node (``None`` for other values)."""
    pos = getattr(node, "pos", -1)
    return index.line(pos) if isinstance(pos, int) and pos >= 0 else None


def add_leaf(
    fields: dict[str, Field],
    dataset: str,
    path: str,
    *,
    data_type: str | None,
    nullable: bool | None,
    line: int | None,
    comment: str | None,
    enum: tuple[str, ...],
) -> None:
    """Add the field at ``path`` (``a.b``, ``a[].b``) of ``dataset`` unless it is there already."""
    pointer = f"{dataset}.{path}"
    if pointer in fields:
        return
    name = path.rsplit(".", 1)[-1]
    while name.endswith("[]"):
        name = name[:-2]
    fields[pointer] = Field(
        name=name or path,
        pointer=pointer,
        data_type=data_type,
        comment=comment,
        line=line,
        nullable=nullable,
        enum_values=enum,
    )
