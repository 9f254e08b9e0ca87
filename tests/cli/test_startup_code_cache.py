"""The compiled methods of dataclasses are kept on disk (``dataflow.codecache``): a later process
executes them instead of compiling their text again, and gets the very same classes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from dataflow import codecache

REPO = Path(__file__).resolve().parents[2]

# Classes of every kind dataflow defines, and what can be seen of their generated methods.
CLASSES = """
import dataclasses, inspect, typing
from dataclasses import dataclass, field

@dataclass(frozen=True, slots=True)
class Frozen:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()

@dataclass(order=True)
class Plain:
    key: str
    values: list[int] = field(default_factory=list)
    hidden: str = field(default="h", repr=False, compare=False)

@dataclass(frozen=True)
class Empty:
    pass

a, b = Frozen("x", 2, ("t",)), Frozen("x", 2, ("t",))
print(repr(a), a == b, hash(a) == hash(b), a == Frozen("y"))
try:
    a.name = "z"
except dataclasses.FrozenInstanceError as exc:
    print("frozen", exc)
p = Plain("k")
p.values.append(1)
print(repr(p), p < Plain("l"), p == Plain("k", [1], "other"), Plain("k").values)
print(repr(Empty()), Empty() == Empty(), hash(Empty()) == hash(Empty()))
print(inspect.signature(Frozen), inspect.signature(Plain))
print(typing.get_type_hints(Frozen.__init__), Frozen.__init__.__annotations__)
print(Frozen.__repr__.__qualname__, Plain.__eq__.__qualname__, Frozen.__init__.__code__.co_filename)
"""


def _run(cache: Path, *, with_dataflow: bool = True) -> tuple[str, bool]:
    """What the classes print, and whether this process compiled any method text."""
    script = ("import dataflow.cli\n" if with_dataflow else "") + CLASSES
    if with_dataflow:
        script += "from dataflow import codecache\nprint('compiled', codecache._missed[0])\n"
    env = {**os.environ, "DATAFLOW_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    lines = done.stdout.splitlines()
    if not with_dataflow:
        return "\n".join(lines), False
    assert lines[-1] in ("compiled True", "compiled False")
    return "\n".join(lines[:-1]), lines[-1] == "compiled True"


def _cache_file(cache: Path) -> Path:
    (entry,) = cache.glob("dataclass-code-*.marshal")
    return entry


def test_kept_methods_make_the_same_classes(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    plain, _ = _run(cache, with_dataflow=False)
    first, compiled = _run(cache)
    assert compiled
    entry = _cache_file(cache)
    assert entry.stat().st_mode & 0o077 == 0
    second, compiled = _run(cache)
    assert not compiled  # every method came from the file
    assert first == second == plain
    assert "'name': <class 'str'>" in plain  # real annotations, not postponed strings


@pytest.mark.parametrize(
    "damage",
    ["garbage", "truncated", "flipped", "empty", "not-code"],
)
def test_damaged_file_is_ignored_and_written_again(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    expected, _ = _run(cache)
    entry = _cache_file(cache)
    data = entry.read_bytes()
    head = len(codecache._FORMAT) + 32
    if damage == "garbage":
        entry.write_bytes(b"\x00\xff not marshal data at all")
    elif damage == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif damage == "flipped":  # the digest no longer matches the body
        middle = head + (len(data) - head) // 2
        entry.write_bytes(data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :])
    elif damage == "empty":
        entry.write_bytes(b"")
    else:  # well-formed, with its digest, but holding something other than code
        codecache.write(entry, {"def f(): pass": "no code here"})  # type: ignore[dict-item]
    assert codecache.read(entry) == {}
    again, compiled = _run(cache)
    assert again == expected
    assert compiled  # compiled again and kept
    assert codecache.read(_cache_file(cache))
    last, compiled = _run(cache)
    assert last == expected and not compiled


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="ownership checks need POSIX")
def test_file_others_can_write_is_not_read(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _run(cache)
    entry = _cache_file(cache)
    assert codecache.read(entry)
    entry.chmod(0o666)
    assert codecache.read(entry) == {}
    _, compiled = _run(cache)
    assert compiled


def test_read_and_write_round_trip(tmp_path: Path) -> None:
    text = "def __create_fn__():\n def f(x):\n  return x + 1\n return f"
    code = compile(text, "<string>", "exec", dont_inherit=True)
    entry = tmp_path / "cache" / "dataclass-code-test.marshal"
    codecache.write(entry, {text: code})
    kept = codecache.read(entry)
    assert list(kept) == [text]
    namespace: dict[str, object] = {}
    exec(kept[text], {}, namespace)
    assert namespace["__create_fn__"]()(41) == 42  # type: ignore[operator]
    assert codecache.read(tmp_path / "absent.marshal") == {}


def test_the_key_names_python_and_dataflow_versions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import dataflow

    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path))
    here = codecache._file()
    monkeypatch.setattr(dataflow, "__version__", "0.0.0-other")
    assert codecache._file() != here
    assert here.parent == tmp_path


def test_check_keeps_its_methods_although_it_ends_at_once(tmp_path: Path) -> None:
    """``dataflow check`` ends the process without exit handlers: it writes the file first."""
    cache = tmp_path / "cache"
    table = tmp_path / "t.sql"
    table.write_text("CREATE TABLE t (id INT, mobile VARCHAR(20));\n", encoding="utf-8")
    env = {**os.environ, "DATAFLOW_CACHE_DIR": str(cache), "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "dataflow", "check", "--", str(table)]
    first = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    kept = codecache.read(_cache_file(cache))
    assert len(kept) > 100
    second = subprocess.run(command, env=env, capture_output=True, text=True, cwd=tmp_path)
    assert (first.returncode, first.stdout, first.stderr) == (
        second.returncode,
        second.stdout,
        second.stderr,
    )
    assert codecache.read(_cache_file(cache)).keys() == kept.keys()


def test_no_cache_folder_still_defines_the_classes(tmp_path: Path) -> None:
    """Without a home directory nor ``$DATAFLOW_CACHE_DIR`` the methods are compiled as usual."""
    env = {k: v for k, v in os.environ.items() if k not in ("HOME", "DATAFLOW_CACHE_DIR")}
    env["PYTHONPATH"] = str(REPO)
    script = (
        "import pathlib\n"
        "def no_home(*args, **kwargs):\n"
        "    raise RuntimeError('Could not determine home directory.')\n"
        "pathlib.Path.home = classmethod(no_home)\n"
        "import dataflow.cli\n" + CLASSES
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == _run(tmp_path / "cache", with_dataflow=False)[0] + "\n"
    assert done.stderr == ""


def test_a_library_import_leaves_dataclasses_alone(tmp_path: Path) -> None:
    """Only the command line's process takes methods from the cache: a program that imports
    dataflow's modules keeps the ``dataclasses`` module as Python made it."""
    env = {**os.environ, "DATAFLOW_CACHE_DIR": str(tmp_path), "PYTHONPATH": str(REPO)}
    script = (
        "import dataclasses, builtins\n"
        "import dataflow, dataflow.scan, dataflow.model\n"
        "print(getattr(dataclasses, 'exec', builtins.exec) is builtins.exec)\n"
        "import dataflow.cli\n"
        "print(getattr(dataclasses, 'exec', builtins.exec) is builtins.exec)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["True", "False"]
