"""Recognizer patterns are compiled with the ``regex`` engine once per process, and not at all
at load time once an earlier run has checked them (a marker in a private cache folder)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from dataflow.detect import recognizers, regex_checked
from dataflow.detect.recognizers import load_recognizers, load_specs
from dataflow.errors import CatalogError

ENTRY = """schema_version: 1
recognizers:
  - name: ShopCodeRecognizer
    entity: SHOP_CODE
    patterns:
      - name: shop code
        regex: '{regex}'
        score: 0.6
"""
REGEX = r"(?<![A-Z0-9])SC-7[0-9]{5}(?![0-9])"
FLAGS = re.DOTALL | re.MULTILINE


def _file(tmp_path: Path, regex: str = REGEX) -> Path:
    path = tmp_path / "shop.yaml"
    path.write_text(ENTRY.replace("{regex}", regex), encoding="utf-8")
    return path


def _fresh_process_state() -> None:
    """What a new process starts with: no loaded specs, nothing compiled by the loader."""
    recognizers._load_specs.cache_clear()
    recognizers._COMPILED.clear()


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(folder))
    _fresh_process_state()
    yield folder
    _fresh_process_state()


def _found(rec: Any) -> list[bool]:
    """Whether the recognizer itself (Presidio's analysis) finds a shop code in each value."""
    return [bool(rec.analyze(v, ["SHOP_CODE"])) for v in ("SC-712345", "SC-71234")]


def _shop_pattern(path: Path) -> tuple[str, object]:
    spec = next(s for s in load_specs([path]) if s.entity == "SHOP_CODE")
    source = spec.patterns[0].regex
    assert spec.regex_flags == FLAGS
    return source, next(r for r in load_recognizers([path]) if r.name == "ShopCodeRecognizer")


def test_the_loader_and_presidio_share_one_compiled_pattern(tmp_path: Path, cache: Path) -> None:
    from presidio_analyzer import Pattern

    source, rec = _shop_pattern(_file(tmp_path))
    compiled = recognizers._COMPILED[(source, FLAGS)]
    pattern = rec.patterns[0]  # type: ignore[attr-defined]
    assert pattern.compiled_regex is compiled
    assert pattern.compiled_with_flags == rec.global_regex_flags  # type: ignore[attr-defined]
    # Same attributes as Presidio's own Pattern, so its analysis finds what it expects.
    assert set(vars(pattern)) == set(vars(Pattern("p", "SC", 0.5)))
    assert _found(rec) == [True, False]
    assert pattern.compiled_regex is compiled  # Presidio did not compile it again


def test_a_pattern_checked_in_an_earlier_run_is_not_compiled_at_load(
    tmp_path: Path, cache: Path
) -> None:
    path = _file(tmp_path)
    source, _ = _shop_pattern(path)
    assert (source, FLAGS) in recognizers._COMPILED
    marker = regex_checked.checked_marker(source, FLAGS)
    assert marker is not None and marker.is_file() and marker.parent.parent == cache

    _fresh_process_state()
    source, rec = _shop_pattern(path)
    assert (source, FLAGS) not in recognizers._COMPILED
    pattern = rec.patterns[0]  # type: ignore[attr-defined]
    assert pattern.compiled_regex is None
    # Presidio compiles it when it first analyses text, and finds the same values.
    assert _found(rec) == [True, False]
    assert pattern.compiled_regex is not None


def test_a_marker_others_can_write_is_not_trusted(tmp_path: Path, cache: Path) -> None:
    path = _file(tmp_path)
    source, _ = _shop_pattern(path)
    marker = regex_checked.checked_marker(source, FLAGS)
    assert marker is not None
    marker.parent.chmod(0o777)
    _fresh_process_state()
    _shop_pattern(path)
    assert (source, FLAGS) in recognizers._COMPILED  # checked with the regex engine again


def test_a_refused_pattern_leaves_no_marker(tmp_path: Path, cache: Path) -> None:
    path = _file(tmp_path, regex="SC-7[0-9")
    with pytest.raises(CatalogError, match="invalid regular expression"):
        load_specs([path])
    path = _file(tmp_path, regex="x*")
    with pytest.raises(CatalogError, match="matches empty text"):
        load_specs([path])
    for refused in ("SC-7[0-9", "x*"):
        marker = regex_checked.checked_marker(refused, FLAGS)
        assert marker is not None and not marker.exists()
    assert list(cache.glob("regex-checked/*"))  # the shipped patterns were checked and marked
