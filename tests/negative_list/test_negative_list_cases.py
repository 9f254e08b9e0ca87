"""Negative-list matching cases written as data: tests/cases/negative_list/<list id>.yaml.

Each case builds a ``MatchContext`` and states which entries of the shipped list must match (in
order), which of them are binding, the strictest binding mechanism, the fields named by a hit and,
for FTZ lists, what Provisions Art. 6 says (``ftz_outcome``). The cases go through the real YAML
loader and the real shipped list files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from dataflow import negative_list as nl
from dataflow.model import Grade
from dataflow.yamlio import load_yaml

CASES_DIR = Path(__file__).parent.parent / "cases" / "negative_list"
_CONTEXT_KEYS = {
    "elements",
    "categories",
    "grade",
    "sensitive",
    "sensitive_fields",
    "subjects",
    "sensitive_subjects",
    "sector",
    "scenario",
    "destination",
    "important_data",
    "ftz",
    "ciio",
    "as_of",
}
_EXPECT_KEYS = {"applies", "hits", "binding", "mechanism", "fields", "ftz"}


def _all_shipped() -> dict[str, nl.NegativeList]:
    out = {}
    for path in nl.shipped_list_paths():
        lst, errors, _ = nl.load_list_file(path, shipped=True)
        assert not errors, [e.render() for e in errors]
        assert lst is not None
        out[lst.id] = lst
    return out


SHIPPED = _all_shipped()


def _context(raw: dict[str, Any]) -> nl.MatchContext:
    unknown = set(raw) - _CONTEXT_KEYS
    assert not unknown, f"unknown context keys {unknown}"
    values = dict(raw)
    for key in ("elements", "categories"):
        if key in values:
            values[key] = {k: tuple(v) for k, v in values[key].items()}
    if "sensitive_fields" in values:
        values["sensitive_fields"] = tuple(values["sensitive_fields"])
    if "grade" in values:
        values["grade"] = Grade.parse(values["grade"])
    if "as_of" in values:
        assert isinstance(values["as_of"], dt.date)
    return nl.MatchContext(**values)


def _load_cases() -> list[Any]:
    params = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        doc = load_yaml(path)
        list_id = doc.data["list"]
        for i, case in enumerate(doc.data["cases"]):
            params.append(pytest.param(list_id, case, id=f"{path.stem}[{i}] {case['name'][:60]}"))
    return params


CASES = _load_cases()


@pytest.mark.parametrize(("list_id", "case"), CASES)
def test_case(list_id: str, case: dict[str, Any]) -> None:
    lst = SHIPPED[list_id]
    ctx = _context(case["context"])
    expect = case["expect"]
    assert not set(expect) - _EXPECT_KEYS, f"unknown expect keys in {case['name']}"

    assert nl.list_applies(lst, ctx) is expect["applies"]
    hits = nl.match([lst], ctx)
    assert [h.entry_id for h in hits] == expect["hits"]
    if "binding" in expect:
        assert [h.entry_id for h in hits if h.binding] == expect["binding"]
    assert nl.strictest(hits) == expect["mechanism"]
    for entry_id, fields in expect.get("fields", {}).items():
        hit = next(h for h in hits if h.entry_id == entry_id)
        assert list(hit.fields) == fields
    for hit in hits:
        entry = lst.entry(hit.entry_id)
        assert entry is not None
        assert hit.required_mechanism == entry.required_mechanism
        assert hit.verified is entry.verified
        assert hit.conditions, "every hit explains which conditions held"
        assert len(hit.conditions) == len(entry.condition.parts())
    if "ftz" in expect:
        assert nl.ftz_outcome([lst], ctx).status == expect["ftz"]


def test_every_shipped_list_has_a_hit_and_a_miss_with_a_mechanism() -> None:
    by_list: dict[str, list[dict[str, Any]]] = {}
    for param in CASES:
        list_id, case = param.values
        by_list.setdefault(list_id, []).append(case)
    assert set(by_list) == set(SHIPPED), "a case file per shipped list"
    for list_id, cases in by_list.items():
        hitting = [c for c in cases if c["expect"]["hits"] and c["expect"]["mechanism"]]
        missing = [c for c in cases if c["expect"]["applies"] and not c["expect"]["hits"]]
        assert hitting, f"{list_id}: no case with a binding hit"
        assert missing, f"{list_id}: no in-scope case without a hit"
        mechanisms = {c["expect"]["mechanism"] for c in hitting}
        assert mechanisms <= set(nl.MECHANISMS)


def test_every_entry_of_every_shipped_list_is_exercised_by_a_case() -> None:
    """An entry no case ever matches would be untested law."""
    hit: set[str] = set()
    for param in CASES:
        _list_id, case = param.values
        hit.update(case["expect"]["hits"])
    untested = {e.id for lst in SHIPPED.values() for e in lst.entries if e.id not in hit}
    assert not untested


def test_every_entry_of_every_shipped_list_has_an_in_scope_miss() -> None:
    """Each entry also has a case where its list applies and the entry does not match."""
    missed: dict[str, set[str]] = {}
    for param in CASES:
        list_id, case = param.values
        if case["expect"]["applies"]:
            ids = {e.id for e in SHIPPED[list_id].entries}
            missed.setdefault(list_id, set()).update(ids - set(case["expect"]["hits"]))
    unmissed = {
        e.id for lst in SHIPPED.values() for e in lst.entries if e.id not in missed.get(lst.id, ())
    }
    assert not unmissed
