"""The JSON Schema documents of one scan, by URI, for ``$ref`` between files.

A schema repository often splits its types into files that name each other: by the ``id``
(draft-04) or ``$id`` a file declares (``"$ref": "http://local.com/common_models#/…"``), or
by a path relative to the referring file (``"$ref": "common.json#/definitions/address"``, also
written ``"common.json/#/definitions/address"``).
Repositories that give every file a relative ``$id`` from their schemas folder
(``"$id": "commands/party.schema.json"``) write references the same way, resolved against
that folder rather than against the file: such a reference names the file whose ``$id`` it
equals, or whose ``$id`` it gives when resolved against the referring file's own ``$id``.
``SchemaIndex`` resolves these from the files being scanned, and nothing else: a URI that no
scanned file declares or is stays unresolved (dataflow never fetches a schema).

OpenAPI descriptions split into files (``$ref: components/schemas/Patient.yaml``) refer to
YAML files the same way: a scanned ``.yaml``/``.yml`` file is indexed by its path (it declares
no id) and parsed only when a reference names it.

The index reads a file only when it may declare an id (its bytes hold ``id"``) or when a
reference names it, and parses it at most once.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urldefrag, urljoin, urlsplit

from dataflow.readers._common import MAX_SCHEMA_BYTES
from dataflow.readers.encoding import decode_text

_SUFFIXES = (".json",)
_YAML_SUFFIXES = (".yaml", ".yml")
_MISSING = object()


def _strip(uri: str) -> str:
    """``uri`` without its fragment (``…/common_models#`` is ``…/common_models``)."""
    return urldefrag(uri)[0]


def file_uri(path: Path) -> str:
    """The ``file:`` URI of ``path`` (the base of relative references in it)."""
    return Path(path).resolve().as_uri()


class SchemaIndex:
    """Parsed JSON Schema documents of the scanned files, by declared id and by file URI."""

    def __init__(self, files: Sequence[Path]) -> None:
        self._by_file: dict[str, Path] = {}
        self._by_id: dict[str, Path] = {}
        self._by_declared: dict[str, Path] = {}  # the relative ids, as written
        self._docs: dict[Path, Any] = {}
        self._referenced: set[Path] | None = None
        self._rooted_paths: dict[str, Path | None] | None = None  # by URI (``_rooted``)
        for path in files:
            suffix = path.suffix.lower()
            if suffix in _YAML_SUFFIXES:
                self._by_file.setdefault(file_uri(path), path)  # named by path only
                continue
            if suffix not in _SUFFIXES:
                continue
            self._by_file.setdefault(file_uri(path), path)
            declared = self._declared_id(path)
            if declared:
                self._by_id.setdefault(_strip(urljoin(file_uri(path), declared)), path)
                if not urlsplit(declared).scheme:
                    self._by_declared.setdefault(_strip(declared), path)

    def __bool__(self) -> bool:
        return bool(self._by_file)

    def _load(self, path: Path) -> Any:
        doc = self._docs.get(path, _MISSING)
        if doc is _MISSING:
            doc = None
            try:
                if path.stat().st_size <= MAX_SCHEMA_BYTES:
                    text, _, _ = decode_text(path.read_bytes())
                    if text is not None:
                        doc = _parse(path, text)
            except (OSError, ValueError, RecursionError):
                doc = None  # reading the file itself reports why
            self._docs[path] = doc
        return doc

    def _declared_id(self, path: Path) -> str | None:
        from dataflow.readers.jsondata import WHOLE_JSON_BYTES

        try:
            if path.stat().st_size > min(MAX_SCHEMA_BYTES, WHOLE_JSON_BYTES):
                return None  # format detection takes a file this big for data
            with path.open("rb") as handle:
                data = handle.read()
            if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] != b"{" or b'id"' not in data:
                return None  # an array of records, or no id anywhere
        except OSError:
            return None
        from dataflow.readers.jsonschema import looks_like_jsonschema

        doc = self._load(path)
        if not looks_like_jsonschema(doc):
            self._docs.pop(path, None)  # data, not a schema: do not keep it
            return None
        declared = doc.get("$id", doc.get("id"))
        return declared if isinstance(declared, str) and declared.strip("#") else None

    def base_of(self, path: Path, doc: Any) -> str:
        """The base URI of references in ``doc`` read from ``path``: its declared id
        (resolved against the file) or the file's own URI."""
        base = file_uri(path)
        declared = doc.get("$id", doc.get("id")) if isinstance(doc, dict) else None
        if isinstance(declared, str) and declared.strip("#"):
            return urljoin(base, declared)
        return base

    def declared(self, ref: str, doc: Any) -> tuple[str, Any, Path] | None:
        """The file a relative ``ref`` of ``doc`` names by the relative ``$id`` it declares:
        ``ref`` itself, or ``ref`` resolved against ``doc``'s own relative ``$id``. Returns
        the target's URI (its file's, with the fragment of ``ref``), document and file."""
        if not self._by_declared or urlsplit(ref).scheme:
            return None
        own = doc.get("$id", doc.get("id")) if isinstance(doc, dict) else None
        keys = [_strip(ref)]
        if isinstance(own, str) and own.strip("#") and not urlsplit(own).scheme:
            keys.append(_strip(urljoin(own, ref)))
        for key in keys:
            path = self._by_declared.get(key)
            doc = self._load(path) if path is not None else None
            if path is not None and doc is not None:
                fragment = urldefrag(ref)[1]
                return file_uri(path) + (f"#{fragment}" if fragment else ""), doc, path
        return None

    def document(self, uri: str) -> tuple[Any, Path] | None:
        """The document a URI without fragment names, and its file; ``None`` when no
        scanned file declares that id or is that file."""
        key = _strip(uri)
        path = (
            self._by_id.get(key)
            or self._by_file.get(key)
            or self._slashed(key)
            or self._suffixless(key)
            or self._rooted(key)
        )
        if path is None:
            return None
        doc = self._load(path)
        return None if doc is None else (doc, path)

    def referenced(self, path: Path) -> bool:
        """Whether a ``$ref`` of another scanned file names ``path`` (its definitions are a
        library of types that file uses). The references of every file are read once, on
        the first call."""
        if self._referenced is None:
            self._referenced = self._targets()
        return Path(path).resolve() in self._referenced

    def _targets(self) -> set[Path]:
        """The files the ``$ref`` of the other scanned files name."""
        targets: set[Path] = set()
        for path in set(self._by_file.values()):
            yaml = path.suffix.lower() in _YAML_SUFFIXES
            try:
                marker = b"$ref" if yaml else b'"$ref"'
                if path.stat().st_size > MAX_SCHEMA_BYTES or marker not in path.read_bytes():
                    continue
            except OSError:
                continue
            doc = self._load(path)
            if yaml and not _schema_document(doc):
                continue  # the paths or headers of an API description: not read as schemas
            base = self.base_of(path, doc)
            for ref in _refs(doc):
                found = self.document(urljoin(base, ref)) or self.declared(ref, doc)
                target = found[-1] if found is not None else None
                if isinstance(target, Path) and target.resolve() != path.resolve():
                    targets.add(target.resolve())
        return targets

    def _slashed(self, key: str) -> Path | None:
        """The scanned file a URI names with a ``/`` between the file and its fragment
        (``"Common.json/#/definitions/X"``, as some repositories write their references):
        no folder has that name, so the file without the slash is the one meant."""
        if not key.endswith("/"):
            return None
        bare = key.rstrip("/")
        return self._by_id.get(bare) or self._by_file.get(bare)

    def _rooted(self, key: str) -> Path | None:
        """The one scanned file whose path ends with the path of a ``file:`` URI that names no
        file: a reference from the root of the repository or of the site that serves the
        schemas (``"$ref": "/schemas/person.json"`` resolves to the root of the file system).
        None when no scanned file, or more than one, ends so."""
        split = urlsplit(key)
        if split.scheme != "file":
            return None
        if self._rooted_paths is None:
            self._rooted_paths = {}
        if key in self._rooted_paths:
            return self._rooted_paths[key]
        from urllib.parse import unquote

        wanted = [part for part in unquote(split.path).split("/") if part]
        found = None
        if wanted:
            ends = [
                path
                for path in set(self._by_file.values())
                if list(Path(path).resolve().parts[-len(wanted) :]) == wanted
            ]
            found = ends[0] if len(ends) == 1 else None
        self._rooted_paths[key] = found
        return found

    def _suffixless(self, key: str) -> Path | None:
        """The scanned ``X.json`` a URI names as ``X`` (``"$ref": "Address"`` beside
        ``Address.json``, as some schema repositories write their references), when no file or
        id is named ``X`` itself."""
        if PurePosixPath(urlsplit(key).path).suffix:
            return None
        return self._by_file.get(key + ".json")


def _parse(path: Path, text: str) -> Any:
    """The parsed document of a JSON or YAML file; ``None`` for YAML that does not parse."""
    if path.suffix.lower() not in _YAML_SUFFIXES:
        return json.loads(text)
    from dataflow.errors import UserError
    from dataflow.yamlio import load_yaml

    try:
        return load_yaml(path, text=text).data
    except UserError:
        return None


def _schema_document(doc: Any) -> bool:
    """Whether a parsed YAML file is read as schemas: an OpenAPI description or a schema."""
    from dataflow.readers.jsonschema import looks_like_jsonschema, looks_like_schema_part

    return looks_like_jsonschema(doc) or looks_like_schema_part(doc)


def _refs(doc: Any) -> list[str]:
    """The ``$ref`` values of ``doc`` that name another document."""
    out: list[str] = []
    stack = [doc]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref[:1] != "#":
                out.append(ref)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return out
