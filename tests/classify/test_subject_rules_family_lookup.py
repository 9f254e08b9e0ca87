"""The subject rules' families looked up by id: the family a scan of the catalog finds first,
also for rules read back from the disk cache."""

from __future__ import annotations

import pickle
from typing import Any

from dataflow.catalog import load_catalog
from dataflow.subject import rules_for
from dataflow.subject.rules import SubjectRules


def _first(rules: SubjectRules, family_id: str) -> Any:
    return next((f for f in rules.families if f.family.id == family_id), None)


def test_every_family_id_gives_the_first_family_of_that_id() -> None:
    rules = rules_for(load_catalog())
    ids = [f.family.id for f in rules.families]
    assert len(ids) > 10
    for family_id in ids:
        assert rules.family(family_id) is _first(rules, family_id)
    assert rules.family("no-such-family") is None


def test_rules_kept_on_disk_look_families_up_the_same_way() -> None:
    rules = rules_for(load_catalog())
    rules.family("communication")  # the lookup table is made, and is not what is kept
    again = pickle.loads(pickle.dumps(rules))
    assert "_family_by_id" not in again.__dict__
    for fam in again.families:
        assert again.family(fam.family.id) is _first(again, fam.family.id)
        found, before = again.family(fam.family.id), rules.family(fam.family.id)
        assert found is not None and before is not None
        assert found.family.id == before.family.id
