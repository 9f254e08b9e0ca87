"""``report.jsontext.dumps`` writes exactly what ``json.dumps(..., indent=2, sort_keys=True,
ensure_ascii=False)`` writes, on generated documents and on real reports."""

from __future__ import annotations

import enum
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflow.report import render
from dataflow.report.jsontext import dumps, fragment
from dataflow.scan import ScanOptions, scan_paths

REPO_ROOT = Path(__file__).resolve().parent.parent.parent


class Level(enum.IntEnum):
    LOW = 1
    HIGH = 3


class Kind(str, enum.Enum):
    A = "a"
    B = "bé\n"


def _reference(obj: Any, allow_nan: bool = True) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=2, allow_nan=allow_nan)


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text()
    | st.sampled_from([Level.LOW, Level.HIGH, Kind.A, Kind.B])
)
keys = st.text() | st.sampled_from([Kind.A, Kind.B])
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=5)
        | st.lists(inner, max_size=5).map(tuple)
        | st.dictionaries(keys, inner, max_size=5)
    ),
    max_leaves=40,
)


@settings(max_examples=400, deadline=None)
@given(documents)
def test_same_text_as_the_standard_library(doc: Any) -> None:
    assert dumps(doc) == _reference(doc)


def test_objects_with_the_same_keys_in_another_order_or_of_another_type() -> None:
    # the order of a set of keys is remembered per indentation: the same keys inserted in
    # another order, keys equal to others of another type (1, 1.0, True) and nested levels
    # must each be written as the standard library writes them
    doc = [
        {"b": 1, "a": [{"y": 2, "x": 1}]},
        {"a": 2, "b": {"x": 1, "y": 2}},
        {1: "one"},
        {True: "true"},
        {1.0: "float"},
        {Kind.A: 1, "b": 2},
        {"a": 3, "b": 4},
    ]
    assert dumps(doc) == _reference(doc)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.integers() | st.floats(allow_nan=False) | st.booleans(), st.text()))
def test_same_keys_as_the_standard_library(doc: dict[Any, str]) -> None:
    try:
        want = _reference(doc)
    except TypeError:  # mixed key types cannot be sorted
        with pytest.raises(TypeError):
            dumps(doc)
        return
    assert dumps(doc) == want


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_out_of_range_floats_refused_as_by_the_standard_library(bad: float) -> None:
    with pytest.raises(ValueError):
        _reference({"x": [bad]}, allow_nan=False)
    with pytest.raises(ValueError, match="not JSON compliant"):
        dumps({"x": [bad]}, allow_nan=False)
    assert dumps([bad]) == _reference([bad])


def test_unknown_types_refused() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps({"a": {1, 2}})
    with pytest.raises(TypeError):
        dumps({(1, 2): "tuple key"})


def test_real_reports_are_unchanged() -> None:
    result = scan_paths([REPO_ROOT / "examples"], ScanOptions(content=False))
    assert result.datasets
    for fmt in ("json", "sarif"):
        text = render(result, fmt, "en")
        doc = json.loads(text)
        assert text == _reference(doc) + "\n"


@settings(max_examples=200, deadline=None)
@given(st.lists(documents, max_size=4), st.integers(min_value=1, max_value=4))
def test_a_fragment_written_ahead_is_the_text_of_its_value(items: list[Any], indent: int) -> None:
    # a document's list items written ahead at their depth, then joined, give the text of the
    # document written whole
    whole = {"a": 1, "items": items, "z": [None]}
    ahead = {**whole, "items": [fragment(item, 2, indent=indent) for item in items]}
    assert (
        dumps(ahead, indent=indent)
        == dumps(whole, indent=indent)
        == _reference_indent(whole, indent)
    )


def _reference_indent(obj: Any, indent: int) -> str:
    return json.dumps(obj, sort_keys=True, ensure_ascii=False, indent=indent)


def test_a_fragment_written_for_another_place_is_refused() -> None:
    part = fragment({"b": [1, 2]}, 2)
    assert dumps({"items": [part]}) == _reference({"items": [{"b": [1, 2]}]})
    with pytest.raises(ValueError, match="another place"):
        dumps({"items": [[part]]})  # one level deeper
    with pytest.raises(ValueError, match="another place"):
        dumps({"items": [part]}, indent=4)
    with pytest.raises(ValueError, match="not JSON compliant"):
        fragment({"x": float("nan")}, 2, allow_nan=False)


def test_the_text_ends_with_what_it_is_asked_to_end_with() -> None:
    document = {"datasets": [{"name": "客户", "n": 1}], "ok": True}
    assert dumps(document, end="\n") == _reference(document) + "\n"
    assert dumps(document) == _reference(document)
    assert dumps([], end="\n") == "[]\n"
