"""Compiled methods of dataclasses, kept on disk between processes.

Python writes the ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__`` and
``__delattr__`` of every dataclass as source text and compiles it when the class is defined:
the eighty or so dataclasses a ``dataflow check`` defines cost about a quarter of its start-up
in compiling alone. ``install`` has the ``dataclasses`` module compile each distinct text once
and keep the code in the cache folder (``paths.cache_dir``); later processes execute the kept
code. Only the compiling is skipped: the text, and the function built from it, are what
``dataclasses`` makes, since each code object is looked up by the very text it was compiled
from (with the flags ``exec`` gives that text in ``dataclasses``: no future features).

The file is keyed by the Python version and dataflow's version, read only when it and its
folder belong to this user alone (``paths.private``), checked against a digest of its body
(a damaged or foreign file is ignored and written again) and replaced atomically.
"""

from __future__ import annotations

import builtins
import contextlib
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

_FORMAT = b"dataflow-dataclass-code-1\n"
_KEEP = 4096  # kept texts (about 1.2 kB each); beyond it a file keeps one process's texts only

_kept: dict[str, CodeType] | None = None  # read from disk on first use
_used: dict[str, CodeType] = {}  # looked up or compiled by this process
_missed = [False]  # a text was compiled here: the file is written at exit


def _file() -> Path | None:
    """Where the code is kept (``None``: no cache folder, e.g. no home directory)."""
    import hashlib

    from dataflow import __version__
    from dataflow.paths import cache_dir

    tag = hashlib.sha256(f"{sys.version}\0{__version__}".encode()).hexdigest()[:24]
    try:
        return cache_dir() / f"dataclass-code-{tag}.marshal"
    except (OSError, RuntimeError):
        return None


def _digest(body: bytes) -> bytes:
    import hashlib

    return hashlib.sha256(body).digest()


def read(path: Path) -> dict[str, CodeType]:
    """The texts and code kept at ``path`` (empty: absent, not this user's own, damaged)."""
    import marshal

    from dataflow.paths import private

    try:
        if not private(path.parent, path):
            return {}
        data = path.read_bytes()
        head = len(_FORMAT)
        if data[:head] != _FORMAT or data[head : head + 32] != _digest(data[head + 32 :]):
            return {}
        kept = marshal.loads(data[head + 32 :])
    except Exception:  # absent, unreadable or damaged: compiled again and written anew
        return {}
    if not isinstance(kept, dict) or not all(
        type(k) is str and type(v) is CodeType for k, v in kept.items()
    ):
        return {}
    return kept


def write(path: Path, kept: dict[str, CodeType]) -> None:
    """Keep ``kept`` at ``path``, atomically (a failure only costs the next process)."""
    import marshal
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        from dataflow.paths import private

        if not private(path.parent):
            return
        body = marshal.dumps(kept)
        fd, tmp = tempfile.mkstemp(prefix=".dataclass-code-", dir=path.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(_FORMAT + _digest(body) + body)
            os.replace(tmp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except Exception:
        return


def _code(text: str) -> CodeType:
    global _kept
    code = _used.get(text)
    if code is not None:
        return code
    if _kept is None:
        path = _file()
        _kept = read(path) if path is not None else {}
    code = _kept.get(text)
    if code is None:
        code = compile(text, "<string>", "exec", dont_inherit=True)
        if not _missed[0]:
            _missed[0] = True
            import atexit

            atexit.register(save)
    _used[text] = code
    return code


def _exec(source: Any, globals: Any = None, locals: Any = None, /, **kwargs: Any) -> None:
    """``exec`` as the ``dataclasses`` module sees it: source text it compiled before is not
    compiled again."""
    if type(source) is str and globals is not None:
        source = _code(source)
    builtins.exec(source, globals, locals, **kwargs)


def install() -> None:
    """Have ``dataclasses`` take its compiled methods from the cache (once per process)."""
    import dataclasses

    if getattr(dataclasses, "exec", None) is not _exec:
        dataclasses.exec = _exec  # type: ignore[attr-defined]


def save() -> None:
    """Write what this process compiled, with what the file held, to the cache folder."""
    if not _missed[0]:
        return
    _missed[0] = False
    path = _file()
    if path is None:
        return
    kept = dict(_kept if _kept is not None else read(path))
    kept.update(_used)
    write(path, kept if len(kept) <= _KEEP else dict(_used))
