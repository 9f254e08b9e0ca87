"""Loading YAML and JSON documents safely, with the line of every key path."""

from __future__ import annotations

import datetime as _dt
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dataflow.errors import UserError
from dataflow.model import Words

if TYPE_CHECKING:
    import yaml

MAX_YAML_BYTES = 16 * 1024 * 1024
MAX_EXPANDED_NODES = 200_000


@dataclass
class YamlDoc:
    """A loaded YAML document plus the line (1-based) of each key path."""

    path: str
    data: Any
    lines: dict[str, int] = field(default_factory=dict)

    def line(self, key_path: str) -> int | None:
        """Line of ``key_path`` (``a.b[2].c``), or of its nearest known parent."""
        probe = key_path
        while probe:
            if probe in self.lines:
                return self.lines[probe]
            cut = max(probe.rfind("."), probe.rfind("["))
            probe = probe[:cut] if cut > 0 else ""
        return self.lines.get("")

    def error(self, key_path: str, message: str, cls: type[UserError] = UserError) -> UserError:
        """An error naming this file, the line of ``key_path`` and the key path."""
        return cls(message, path=self.path, line=self.line(key_path), key=key_path or None)


def covers(prefix: str, ident: str) -> bool:
    """Whether the dotted ``prefix`` covers ``ident`` (equal, or ``ident`` lies below it):
    ``pi.health`` covers ``pi.health.diagnosis`` but not ``pi.healthcare``. The one reading of
    an element or category prefix in catalogs, negative lists and baselines."""
    return ident == prefix or ident.startswith(prefix + ".")


def join_key(parent: str, key: object) -> str:
    """Key path of a member: ``a.b`` for mapping keys, ``a[3]`` for list items."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else str(key)


def load_yaml(
    path: str | Path, *, text: str | None = None, error_cls: type[UserError] = UserError
) -> YamlDoc:
    """Load one YAML document safely; raise ``error_cls`` naming the file and line on any problem."""
    shown = str(path)
    if text is None:
        text = _read_text(Path(path), "YAML", error_cls)
    import yaml  # here, not above: a check whose baseline is cached reads no YAML

    # libyaml's parser (when PyYAML was built with it) composes about 14x faster than the
    # pure-Python one; both give the same nodes and marks, and only safe construction is used
    # on top of them.
    composer: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        nodes = list(yaml.compose_all(text, Loader=composer))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem: str = exc.problem or exc.context or "-"
        # The parser reports where it gave up; an unclosed bracket or quote started earlier, and
        # that line is the one to fix. Only positions and the parser's own words are used.
        started = exc.context_mark
        if started is not None and exc.context and mark is not None and started.line != mark.line:
            problem = _msg("y.starts_at", why=problem, what=exc.context, line=started.line + 1)
        raise error_cls(
            _msg("y.invalid_yaml", why=problem),
            path=shown,
            line=mark.line + 1 if mark else None,
            column=mark.column + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise error_cls(_msg("y.invalid_yaml", why=type(exc).__name__), path=shown) from None
    except RecursionError:
        raise error_cls(_msg(_TOO_DEEP), path=shown) from None
    if len(nodes) > 1:
        second = nodes[1]
        raise error_cls(
            _msg("y.several_documents"),
            path=shown,
            line=second.start_mark.line + 1 if second is not None else None,
        )
    root = nodes[0] if nodes else None
    doc = YamlDoc(path=shown, data=None)
    if root is None:
        return doc
    loader = yaml.SafeLoader("")
    try:
        _check_size(root, shown, error_cls)
        doc.data = _build(root, "", doc, loader, shown, error_cls)
    except RecursionError:
        raise error_cls(_msg(_TOO_DEEP), path=shown) from None
    finally:
        loader.dispose()
    return doc


_TOO_DEEP = "y.too_deep"


def _read_text(p: Path, kind: str, error_cls: type[UserError]) -> str:
    """The UTF-8 text of a data file, refusing huge, binary and non-UTF-8 files."""
    shown = str(p)
    try:
        size = p.stat().st_size
        if size > MAX_YAML_BYTES:
            raise error_cls(_msg("y.too_large", kind=kind, size=size), path=shown)
        raw = p.read_bytes()
    except OSError as exc:
        raise error_cls(
            _msg("p.cannot_read", why=exc.strerror or type(exc).__name__), path=shown
        ) from None
    if b"\x00" in raw:
        raise error_cls(_msg("y.nul", kind=kind), path=shown)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error_cls(_msg("y.utf8", offset=exc.start), path=shown) from None


def load_document(path: str | Path, *, error_cls: type[UserError] = UserError) -> YamlDoc:
    """``load_json`` for a ``.json`` file, else ``load_yaml``."""
    if Path(path).suffix.lower() == ".json":
        return load_json(path, error_cls=error_cls)
    return load_yaml(path, error_cls=error_cls)


def load_json(path: str | Path, *, error_cls: type[UserError] = UserError) -> YamlDoc:
    """Load a JSON document as a ``YamlDoc``: the data as JSON reads it (duplicate keys,
    NaN and Infinity refused), the line of each key path from the same text read as YAML
    flow syntax (JSON's own syntax, nearly always); errors name the file, line and column."""
    shown = str(path)
    text = _read_text(Path(path), "JSON", error_cls)

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, value in items:
            if key in out:
                raise ValueError(_msg("y.duplicate_key", name=key))
            out[key] = value
        return out

    def constant(name: str) -> Any:
        raise ValueError(_msg("y.json_constant", name=name))

    try:
        data = json.loads(text, object_pairs_hook=pairs, parse_constant=constant)
    except json.JSONDecodeError as exc:
        raise error_cls(
            _msg("y.invalid_json", why=exc.msg), path=shown, line=exc.lineno, column=exc.colno
        ) from None
    except (ValueError, RecursionError) as exc:
        found = exc.args[0] if exc.args and isinstance(exc.args[0], Words) else None
        raise error_cls(
            _msg("y.invalid_json", why=found or type(exc).__name__), path=shown
        ) from None
    doc = YamlDoc(path=shown, data=data)
    try:
        doc.lines = load_yaml(path, text=text, error_cls=error_cls).lines
    except UserError:
        doc.lines = {}  # valid JSON that YAML does not read: errors name the file only
    return doc


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def as_date(value: Any) -> _dt.date | None:
    """``value`` as a calendar date: a YAML date, or an ISO 8601 string ``YYYY-MM-DD`` (what
    JSON and most YAML emitters write, ``date: '2026-12-01'``); a YAML timestamp gives its
    date; ``None`` for anything else."""
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        try:
            return _dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def date_problem(value: Any) -> Words:
    """The error message for a value ``as_date`` refuses."""
    if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
        return _msg("y.not_calendar_date", value=value.strip())
    return _msg("y.expected_date", got=type_name(value))


def _check_size(root: yaml.Node, shown: str, error_cls: type[UserError]) -> None:
    """Refuse documents whose alias expansion would be huge (billion-laughs)."""
    import yaml

    sizes: dict[int, int] = {}
    in_progress: set[int] = set()

    def size(node: yaml.Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in in_progress:
            raise error_cls(_msg("y.recursive_alias"), path=shown, line=node.start_mark.line + 1)
        in_progress.add(key)
        total = 1
        if isinstance(node, yaml.SequenceNode):
            for child in node.value:
                total += size(child)
                if total > MAX_EXPANDED_NODES:
                    break
        elif isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                total += size(k) + size(v)
                if total > MAX_EXPANDED_NODES:
                    break
        in_progress.discard(key)
        sizes[key] = total
        return total

    if size(root) > MAX_EXPANDED_NODES:
        raise error_cls(
            _msg("y.expands", limit=MAX_EXPANDED_NODES),
            path=shown,
        )


def _build(
    node: yaml.Node,
    key_path: str,
    doc: YamlDoc,
    loader: yaml.SafeLoader,
    shown: str,
    error_cls: type[UserError],
) -> Any:
    import yaml

    doc.lines.setdefault(key_path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        if node.tag not in ("tag:yaml.org,2002:map",):
            raise _tag_error(node, shown, error_cls)
        loader.flatten_mapping(node)  # resolves YAML merge keys (<<)
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise error_cls(
                    _msg("y.plain_keys"),
                    path=shown,
                    line=key_node.start_mark.line + 1,
                    key=key_path or None,
                )
            key = _scalar(key_node, loader, shown, error_cls)
            if isinstance(key, (list, dict)):
                raise error_cls(_msg("y.unhashable"), path=shown, line=key_node.start_mark.line + 1)
            child = join_key(key_path, key)
            if key in out:
                raise error_cls(
                    _msg("y.duplicate_key", name=key),
                    path=shown,
                    line=key_node.start_mark.line + 1,
                    key=child,
                )
            doc.lines[child] = key_node.start_mark.line + 1
            out[key] = _build(value_node, child, doc, loader, shown, error_cls)
        return out
    if isinstance(node, yaml.SequenceNode):
        if node.tag != "tag:yaml.org,2002:seq":
            raise _tag_error(node, shown, error_cls)
        return [
            _build(item, join_key(key_path, i), doc, loader, shown, error_cls)
            for i, item in enumerate(node.value)
        ]
    return _scalar(node, loader, shown, error_cls)


def _scalar(
    node: yaml.Node, loader: yaml.SafeLoader, shown: str, error_cls: type[UserError]
) -> Any:
    import yaml

    if not node.tag.startswith("tag:yaml.org,2002:"):
        raise _tag_error(node, shown, error_cls)
    try:
        return loader.construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise error_cls(
            _msg("y.invalid_value", why=getattr(exc, "problem", None) or type(exc).__name__),
            path=shown,
            line=node.start_mark.line + 1,
        ) from None
    except (ValueError, OverflowError) as exc:
        raise error_cls(
            _msg("y.invalid_value", why=type(exc).__name__),
            path=shown,
            line=node.start_mark.line + 1,
        ) from None


def _tag_error(node: yaml.Node, shown: str, error_cls: type[UserError]) -> UserError:
    return error_cls(
        _msg("y.tag", tag=node.tag),
        path=shown,
        line=node.start_mark.line + 1,
        column=node.start_mark.column + 1,
    )


def _msg(key: str, **values: object) -> Words:
    from dataflow.i18n import msg  # i18n's tables are only needed once a file has a problem

    return msg(key, **values)


def _type_key(value: Any) -> str | None:
    if value is None:
        return "null"
    for kind, key in (
        (bool, "bool"),
        (int, "int"),
        (float, "float"),
        (str, "str"),
        ((_dt.date, _dt.datetime), "date"),
        (Mapping, "map"),
        (list, "list"),
    ):
        if isinstance(value, kind):
            return key
    return None


def type_name(value: Any) -> str:
    """Human name of a YAML value's type, for error messages (``Words``: both languages)."""
    key = _type_key(value)
    return _msg(f"y.t.{key}") if key is not None else type(value).__name__
