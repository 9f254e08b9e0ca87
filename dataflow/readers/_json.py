"""JSON parsing that remembers where each object starts (for the line of a field).

Uses the pure-Python scanner of the standard library with ``parse_object`` wrapped, so every
decoded object is a ``PosDict`` carrying the character offset of its ``{``. Schema files are
small, so the slower scanner does not matter.
"""

from __future__ import annotations

import json
import json.decoder
import json.scanner
from typing import Any

from dataflow.i18n import json_error, msg
from dataflow.model import Field
from dataflow.readers._common import LineIndex, Problems

# Python converts integers of at most 4,300 digits (``sys.get_int_max_str_digits``); a longer
# number in a file is kept as its digits (a value like any other, typed "integer").
MAX_INT_DIGITS = 4000


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
