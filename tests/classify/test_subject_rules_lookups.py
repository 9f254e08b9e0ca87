"""The subject rules' lookups made once: families by id (the family a scan of the catalog finds
first, also for rules read back from the disk cache) and their positions in the list, answers
kept per distinct comment and word."""

from __future__ import annotations

import pickle
from typing import Any

from dataflow.catalog import load_catalog
from dataflow.model import Dataset, Field
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


def test_a_familys_position_is_its_index_in_the_list() -> None:
    import dataclasses

    rules = rules_for(load_catalog())
    assert len(rules.families) > 10
    for k, fam in enumerate(rules.families):
        assert rules.position(fam) == rules.families.index(fam) == k
    # an equal copy (not one of the list's objects) is found as ``index`` finds it
    copy = dataclasses.replace(rules.families[3])
    assert copy is not rules.families[3]
    assert rules.position(copy) == 3
    # rules read back from the disk cache make the table again, for their own objects
    again = pickle.loads(pickle.dumps(rules))
    assert "_family_positions" not in again.__dict__
    assert [again.position(f) for f in again.families] == list(range(len(again.families)))


def _comments_and_words() -> tuple[list[str], list[str]]:
    from pathlib import Path

    from dataflow.detect.metadata import split_name
    from dataflow.readers import read_path

    data = Path(__file__).resolve().parents[1] / "data"
    comments: list[str] = ["公司名称", "客户名称", "所属单位", ""]
    words: list[str] = ["clinicalencounterid", "encounterid", "id", "patientvisitid"]
    for path in sorted(data.rglob("*.sql")):
        for ds in read_path(path).datasets:
            for fld in ds.fields:
                comments.append(fld.comment or "")
                words.extend(split_name(fld.name))
    return comments, words


def test_answers_kept_per_comment_and_word_are_the_ones_worked_out() -> None:
    from dataflow.subject.links import _MIN_ENDING_KEY, _ending_patient_key

    rules = rules_for(load_catalog())
    comments, words = _comments_and_words()
    assert len(comments) > 50 and len(words) > 50
    for _ in range(2):  # the first time worked out, the second time kept
        for comment in comments:
            expected = any(w in comment for w in rules.org_names_zh)
            assert rules.names_organisation_zh(comment) is expected
        for word in words:
            expected_key = next(
                (
                    k
                    for k in rules.patient_keys
                    if len(k) >= _MIN_ENDING_KEY and len(word) > len(k) and word.endswith(k)
                ),
                None,
            )
            assert _ending_patient_key(rules, (word,)) == expected_key
    assert any(rules.names_organisation_zh(c) for c in comments)
    assert _ending_patient_key(rules, ("clinicalencounterid",)) is not None


def test_answers_kept_per_column_name_and_comment_are_the_ones_worked_out() -> None:
    from pathlib import Path

    from dataflow.readers import read_path
    from dataflow.subject.own import _column_context, _describes_child, _minor_columns
    from dataflow.subject.predicates import _meta_column
    from dataflow.subject.topics import _sensitive_kinds

    rules = rules_for(load_catalog())
    data = Path(__file__).resolve().parents[1] / "data"
    fields = [
        f for p in sorted(data.rglob("*.sql")) for ds in read_path(p).datasets for f in ds.fields
    ]
    assert len(fields) > 100
    for _ in range(2):  # worked out, then kept
        for fld in fields:
            assert rules.column_answer(fld, _column_context) == _column_context(fld, rules)
            assert rules.column_answer(fld, _describes_child) == _describes_child(fld, rules)
            assert rules.column_answer(fld, _sensitive_kinds) == _sensitive_kinds(fld, rules)
            assert rules.column_answer(fld, _meta_column) is _meta_column(fld, rules)
    # one name and comment, two questions: two answers
    kid = Field(name="child_birthday", pointer="t.child_birthday", comment="幼儿园")
    assert rules.column_answer(kid, _describes_child) is True
    assert rules.column_answer(kid, _column_context) == "幼儿园"
    table = Dataset("t", "t.sql", "sql", (kid, Field(name="child_count", pointer="t.child_count")))
    assert _minor_columns(table, rules) == ["child_birthday"]
    assert pickle.loads(pickle.dumps(rules))._column_answers == {}
