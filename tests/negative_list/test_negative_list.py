"""Negative-list format, loading, validation and matching (dataflow.negative_list).

Lists are real YAML files in tmp_path or the shipped ones, loaded by the real loader.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dataflow import negative_list as nl
from dataflow.errors import CatalogError
from dataflow.model import Dataset, DatasetResult, Field, FieldFinding, Grade, Severity

DESIGN_EXAMPLE = """\
schema_version: 1
list:
  id: acme-export-policy
  title: Acme export policy
  jurisdiction: organisation        # national | ftz | organisation
  version: "2026.1"
  effective_from: 2026-01-01
  scope: {sectors: [all]}
  sources: ["Acme data-export policy v3"]
  verified: true
entries:
  - id: ACME-001
    data_category: sensitive personal information
    condition: {sensitive: true}    # closed vocabulary; all keys present must hold
    required_mechanism: security_assessment
    message: Sensitive PI never leaves without a security assessment.
"""

BROKEN = """\
schema_version: 2
list:
  id: Acme List
  title: {en: Acme}
  jurisdiction: ftz
  version: 2026.1
  effective_from: 2026-01-01
  effective_to: 2025-12-31
  sources: []
  verified: yes please
  colour: red
entries:
  - id: A-1
    condition: {sensitive: maybe, elements_any: [PI.Health], size_gte: 3, min_grade: top}
    required_mechanism: scc
    message: {en: x, fr: y}
  - id: A-1
    condition: {}
    required_mechanism: security_assessment
  - id: A-3
    condition: {subjects_gte: -5, destinations: [Germany]}
    important_data: candidate
    required_mechanism: standard_contract_or_certification
    message: m
    tag: K
    verified: true
"""

# (line, key path, fragment of the message) for every problem in BROKEN.
BROKEN_PROBLEMS = [
    (1, "schema_version", "unsupported schema_version"),
    (3, "list.id", "lower-case id"),
    (2, "list", "needs 'zone'"),
    (6, "list.version", "expected a string"),
    (8, "list.effective_to", "before effective_from"),
    (9, "list.sources", "non-empty list"),
    (10, "list.verified", "true or false"),
    (11, "list.colour", "unknown key 'colour'"),
    (14, "entries[0].condition.size_gte", "unknown condition 'size_gte'"),
    (14, "entries[0].condition.elements_any[0]", "dotted ids"),
    (14, "entries[0].condition.min_grade", "expected one of"),
    (14, "entries[0].condition.sensitive", "true or false"),
    (15, "entries[0].required_mechanism", "is not one of"),
    (16, "entries[0].message.fr", "unknown key 'fr'"),
    (17, "entries[1]", "missing required key 'message'"),
    (17, "entries[1].id", "duplicate entry id 'A-1'"),
    (18, "entries[1].condition", "at least one condition"),
    (21, "entries[2].condition.subjects_gte", "whole number"),
    (21, "entries[2].condition.destinations[0]", "country codes"),
    (23, "entries[2].required_mechanism", "important data needs a security assessment"),
    (26, "entries[2].verified", "set verified: false"),
]


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _entry_yaml(entry_id: str, condition: str, mechanism: str = "security_assessment") -> str:
    return (
        f"  - id: {entry_id}\n    condition: {condition}\n"
        f"    required_mechanism: {mechanism}\n    message: m\n    source: s\n"
    )


def _user_list(tmp_path: Path, list_id: str, entries: str, **meta: str) -> Path:
    head = {
        "id": list_id,
        "title": "t",
        "jurisdiction": "organisation",
        "version": '"1"',
        "effective_from": "2020-01-01",
        "sources": '["s"]',
        "verified": "true",
    }
    head.update(meta)
    lines = ["schema_version: 1", "list:"] + [f"  {k}: {v}" for k, v in head.items()]
    return _write(tmp_path, f"{list_id}.yaml", "\n".join(lines) + "\nentries:\n" + entries)


# --- loading and validation -----------------------------------------------------------------


def test_the_design_example_loads_and_matches(tmp_path: Path) -> None:
    path = _write(tmp_path, "acme.yaml", DESIGN_EXAMPLE)
    (lst,) = nl.load_lists([path], include_shipped=False)
    assert lst.id == "acme-export-policy"
    assert lst.version == "2026.1"
    assert lst.effective_from == dt.date(2026, 1, 1)
    assert lst.entries[0].line == 12
    assert lst.entries[0].source is None
    ctx = nl.MatchContext(
        elements={"pi.health.diagnosis": ("t.diagnosis",)},
        sensitive=True,
        sensitive_fields=("t.diagnosis",),
        as_of=dt.date(2026, 3, 1),
    )
    (hit,) = nl.match([lst], ctx)
    assert (hit.list_id, hit.entry_id, hit.required_mechanism) == (
        "acme-export-policy",
        "ACME-001",
        "security_assessment",
    )
    assert hit.fields == ("t.diagnosis",)
    assert hit.conditions == ("sensitive: true",)
    assert hit.source == "Acme data-export policy v3"  # falls back to the list's sources
    assert hit.jurisdiction == "organisation" and hit.binding and hit.list_version == "2026.1"
    assert nl.match([lst], nl.MatchContext(sensitive=False, as_of=dt.date(2026, 3, 1))) == ()


def test_a_broken_list_reports_every_problem_with_file_key_and_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "broken.yaml", BROKEN)
    with pytest.raises(CatalogError) as info:
        nl.load_lists([path], include_shipped=False)
    problems = info.value.problems  # type: ignore[attr-defined]
    got = [(p.line, p.message) for p in problems]
    for line, key, fragment in BROKEN_PROBLEMS:
        assert any(
            g_line == line and g_msg.startswith(f"{key}: ") and fragment in g_msg
            for g_line, g_msg in got
        ), f"missing problem at line {line}, {key}: {fragment}\n" + "\n".join(map(str, got))
    assert len(problems) == len(BROKEN_PROBLEMS), "\n".join(p.render() for p in problems)
    assert all(p.path == str(path) for p in problems)
    rendered = str(info.value).splitlines()
    assert len(rendered) == len(BROKEN_PROBLEMS)
    assert rendered[0].startswith(f"{path}:")


def test_problems_in_several_files_are_reported_together(tmp_path: Path) -> None:
    good = _user_list(tmp_path, "good", _entry_yaml("G-1", "{sensitive: true}"))
    bad1 = _user_list(tmp_path, "bad1", _entry_yaml("B-1", "{sensitive: 1}"))
    bad2 = _user_list(tmp_path, "bad2", _entry_yaml("B-2", "{min_grade: high}"))
    with pytest.raises(nl.NegativeListError) as info:
        nl.load_lists([good, bad1, bad2], include_shipped=False)
    assert [Path(p.path).name for p in info.value.problems] == ["bad1.yaml", "bad2.yaml"]


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("schema_version: 1\nlist:\n  id: [unclosed\n  title: x\n", 4, "starts at line 3"),
        ("schema_version: 1\nlist: {}\nlist: {}\nentries: []\n", 3, "duplicate key"),
        ("- just\n- a list\n", 1, "must be a mapping"),
        (
            "schema_version: 1\npayload: !!python/object/apply:os.system [echo]\n",
            2,
            "not allowed",
        ),
    ],
)
def test_yaml_level_problems(tmp_path: Path, text: str, line: int | None, fragment: str) -> None:
    path = _write(tmp_path, "x.yaml", text)
    lst, errors, _ = nl.load_list_file(path)
    assert lst is None
    assert errors[0].line == line
    assert fragment in errors[0].message
    assert errors[0].path == str(path)


def test_ids_are_unique_across_loaded_lists(tmp_path: Path) -> None:
    a = _user_list(tmp_path, "list-a", _entry_yaml("X-1", "{sensitive: true}"))
    b = _user_list(tmp_path, "list-b", _entry_yaml("X-1", "{sensitive: true}"))
    with pytest.raises(CatalogError, match=r"entry id 'X-1' is already used by .*list-a.yaml:\d+"):
        nl.load_lists([a, b], include_shipped=False)
    clash = _user_list(tmp_path, "national", _entry_yaml("MY-1", "{sensitive: true}"))
    with pytest.raises(CatalogError, match="list id 'national' is already used"):
        nl.load_lists([clash])
    # Without the shipped national list the same file is fine.
    ids = [x.id for x in nl.load_lists([clash], shipped_ids=["tianjin-2024"])]
    assert ids == ["tianjin-2024", "national"]


def test_an_entry_may_not_reuse_its_lists_id(tmp_path: Path) -> None:
    path = _user_list(tmp_path, "same", _entry_yaml("same", "{sensitive: true}"))
    with pytest.raises(CatalogError, match="entry uses the list's own id"):
        nl.load_lists([path], include_shipped=False)


def test_zone_only_for_ftz_lists(tmp_path: Path) -> None:
    path = _user_list(tmp_path, "z", _entry_yaml("Z-1", "{sensitive: true}"), zone="tianjin")
    with pytest.raises(CatalogError, match="only an ftz list has a zone"):
        nl.load_lists([path], include_shipped=False)


def test_a_folder_loads_its_yaml_files_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "lists"
    folder.mkdir()
    _user_list(folder, "zz", _entry_yaml("ZZ-1", "{sensitive: true}"))
    _user_list(folder, "aa", _entry_yaml("AA-1", "{sensitive: true}"))
    assert [x.id for x in nl.load_lists([folder], include_shipped=False)] == ["aa", "zz"]


def test_unknown_element_ids_are_warnings_when_a_catalog_is_given(tmp_path: Path) -> None:
    path = _user_list(
        tmp_path,
        "w",
        _entry_yaml("W-1", "{elements_any: [pi.health, pi.astrology.sign]}")
        + _entry_yaml("W-2", "{categories_any: [pi.contact]}"),
    )
    known = {"pi.health.diagnosis", "pi.contact.mobile"}
    (lst,) = nl.load_lists([path], include_shipped=False, known_elements=known)
    assert [(w.severity, w.line) for w in lst.warnings] == [(Severity.WARNING, 12)]
    assert "entries[0].condition.elements_any[1]" in lst.warnings[0].message
    assert "pi.astrology.sign" in lst.warnings[0].message
    (plain,) = nl.load_lists([path], include_shipped=False)
    assert plain.warnings == ()


# --- shipped lists ---------------------------------------------------------------------------


def test_shipped_selection() -> None:
    default = [x.id for x in nl.load_lists()]
    assert default == sorted(default)
    assert "national" in default and "tianjin-2024" in default
    assert "example-organisation" not in default  # off unless selected
    chosen = nl.load_lists(shipped_ids=["example-organisation", "national"])
    assert [x.id for x in chosen] == ["example-organisation", "national"]
    assert nl.load_lists(include_shipped=False) == ()
    with pytest.raises(CatalogError, match="no shipped negative list 'shanghai'"):
        nl.load_lists(shipped_ids=["shanghai"])


def test_shipped_lists_carry_sources_and_honest_verification() -> None:
    lists = nl.load_lists(shipped_ids=[p.stem for p in nl.shipped_list_paths()])
    assert {x.jurisdiction for x in lists} == {"national", "ftz", "organisation"}
    zones = {x.zone for x in lists if x.jurisdiction == "ftz"}
    assert zones == {"tianjin", "beijing", "shanghai_lingang", "hainan", "zhejiang"}
    for lst in lists:
        assert lst.sources
        for entry in lst.entries:
            assert entry.source, f"{entry.id} has no source"
            assert entry.message.en and entry.message.zh
            if lst.jurisdiction != "organisation":
                assert entry.tag in ("V", "C", "K"), entry.id
                assert entry.verified is (entry.tag == "V"), entry.id
        if lst.jurisdiction == "ftz":
            # Nothing in the reference shows the FTZ lists' entries: never present them as law.
            assert not lst.complete and not lst.verified and lst.excludes_ciio
            assert all(not e.verified for e in lst.entries)


def test_shipped_lists_reference_only_elements_of_the_shipped_catalogs() -> None:
    """Every element or category id in a shipped condition covers an element of the catalogs."""
    from dataflow.catalog import load_catalog

    known = set(load_catalog().elements)
    lists = nl.load_lists(
        shipped_ids=[p.stem for p in nl.shipped_list_paths()], known_elements=known
    )
    assert [w.render() for lst in lists for w in lst.warnings] == []


# --- matching semantics ----------------------------------------------------------------------


def _one(tmp_path: Path, condition: str, **meta: str) -> nl.NegativeList:
    path = _user_list(tmp_path, "one", _entry_yaml("E-1", condition), **meta)
    (lst,) = nl.load_lists([path], include_shipped=False)
    return lst


def test_prefixes_are_dotted_not_textual(tmp_path: Path) -> None:
    lst = _one(tmp_path, "{elements_any: [pi.health]}")
    assert nl.match([lst], nl.MatchContext(elements={"pi.health": ("a.x",)}))
    assert nl.match([lst], nl.MatchContext(elements={"pi.health.diagnosis.icd": ("a.x",)}))
    assert not nl.match([lst], nl.MatchContext(elements={"pi.healthcare.plan": ("a.x",)}))


def test_categories_come_from_elements_too(tmp_path: Path) -> None:
    lst = _one(tmp_path, "{categories_any: [pi.contact]}")
    (hit,) = nl.match([lst], nl.MatchContext(elements={"pi.contact.mobile": ("c.phone",)}))
    assert hit.fields == ("c.phone",)
    assert hit.conditions == ("categories_any: pi.contact",)
    assert not nl.match([lst], nl.MatchContext(elements={"pi.identity.name": ("c.name",)}))


def test_all_keys_of_a_condition_must_hold(tmp_path: Path) -> None:
    lst = _one(
        tmp_path,
        "{elements_all: [pi.identity, pi.contact], subjects_gte: 100, destinations: [de, US]}",
    )
    base = nl.MatchContext(
        elements={"pi.identity.name": ("c.name",), "pi.contact.email": ("c.mail",)},
        subjects=100,
        destination="us",
    )
    (hit,) = nl.match([lst], base)
    assert hit.fields == ("c.mail", "c.name")
    assert hit.conditions == (
        "elements_all: pi.identity (pi.identity.name); pi.contact (pi.contact.email)",
        "subjects_gte: 100 (subjects 100)",
        "destinations: US",
    )
    for change in (
        {"subjects": 99},
        {"destination": "FR"},
        {"destination": None},
        {"elements": {"pi.identity.name": ("c.name",)}},
    ):
        values = {**base.__dict__, **change}
        assert not nl.match([lst], nl.MatchContext(**values)), change


def test_min_grade_important_needs_confirmed_status(tmp_path: Path) -> None:
    lst = _one(tmp_path, "{min_grade: important}")
    assert not nl.match([lst], nl.MatchContext(grade=Grade.IMPORTANT, important_data="candidate"))
    assert not nl.match([lst], nl.MatchContext(grade=Grade.IMPORTANT))
    (hit,) = nl.match([lst], nl.MatchContext(grade=Grade.GENERAL_3, important_data="confirmed"))
    assert hit.conditions == ("min_grade: important (grade important, confirmed)",)
    assert nl.match([lst], nl.MatchContext(grade=Grade.CORE))
    g4 = _one(tmp_path, "{min_grade: general-4}")
    assert nl.match([g4], nl.MatchContext(grade=Grade.IMPORTANT, important_data="candidate"))
    assert not nl.match([g4], nl.MatchContext(grade=Grade.GENERAL_3))
    assert not nl.match([g4], nl.MatchContext())


def test_sensitive_false_and_sector_scenario(tmp_path: Path) -> None:
    lst = _one(tmp_path, "{sensitive: false, sector: [retail], scenario: [none]}")
    assert nl.match([lst], nl.MatchContext(sector="retail", scenario="none"))
    assert not nl.match([lst], nl.MatchContext(sector="retail", scenario="none", sensitive=True))
    assert not nl.match([lst], nl.MatchContext(sector="finance", scenario="none"))
    assert not nl.match([lst], nl.MatchContext(scenario="none"))


def test_effective_dates_of_lists_and_entries(tmp_path: Path) -> None:
    entries = _entry_yaml("D-1", "{sensitive: true}") + (
        "  - id: D-2\n    condition: {sensitive: true}\n    required_mechanism: prohibited\n"
        "    message: m\n    effective_from: 2024-01-01\n    effective_to: 2024-12-31\n"
    )
    path = _user_list(tmp_path, "dated", entries, effective_to="2025-06-30")
    (lst,) = nl.load_lists([path], include_shipped=False)

    def ids(day: dt.date | None) -> list[str]:
        ctx = nl.MatchContext(sensitive=True, as_of=day)
        return [h.entry_id for h in nl.match([lst], ctx)]

    assert ids(dt.date(2019, 12, 31)) == []
    assert ids(dt.date(2020, 1, 1)) == ["D-1"]
    assert ids(dt.date(2024, 12, 31)) == ["D-2", "D-1"]  # prohibited sorts first
    assert ids(dt.date(2025, 6, 30)) == ["D-1"]
    assert ids(dt.date(2025, 7, 1)) == []
    assert ids(None) == ["D-2", "D-1"]  # no date: effective dates are not checked


def test_ftz_lists_apply_only_in_their_zone_and_scope(tmp_path: Path) -> None:
    lst = _one(
        tmp_path,
        "{sensitive: true}",
        jurisdiction="ftz",
        zone="tianjin",
        scope="{sectors: [retail, health]}",
    )
    ctx = nl.MatchContext(sensitive=True, sector="retail", ftz="tianjin")
    assert nl.list_applies(lst, ctx) and nl.in_scope(lst, ctx)
    outside = nl.MatchContext(sensitive=True, sector="finance", ftz="tianjin")
    assert not nl.in_scope(lst, outside) and not nl.list_applies(lst, outside)
    assert nl.ftz_outcome([lst], outside).status == "out_of_scope"
    assert not nl.list_applies(lst, nl.MatchContext(sector="retail"))
    assert nl.ftz_outcome([lst], nl.MatchContext(sector="retail")).status == "not_ftz"
    ciio = nl.MatchContext(sector="retail", ftz="tianjin", ciio=True)
    assert not nl.list_applies(lst, ciio) and nl.ftz_outcome([lst], ciio).status == "ciio"
    listed = nl.ftz_outcome([lst], ctx)
    assert (listed.status, listed.mechanism, listed.lists) == (
        "listed",
        "security_assessment",
        ("one",),
    )
    exempt = nl.ftz_outcome([lst], nl.MatchContext(sector="health", ftz="tianjin"))
    assert exempt.status == "exempt" and exempt.caveats == ()  # verified, complete user list


def test_ftz_outcome_warns_about_partial_and_unverified_shipped_lists() -> None:
    lists = nl.load_lists()
    ctx = nl.MatchContext(
        elements={"pi.identity.name": ("c.name",)},
        subjects=200_000,
        sector="retail",
        ftz="tianjin",
        as_of=dt.date(2025, 6, 30),
    )
    outcome = nl.ftz_outcome(lists, ctx)
    assert outcome.status == "exempt" and outcome.lists == ("tianjin-2024",)
    assert len(outcome.caveats) == 1
    assert "partial transcription" in outcome.caveats[0].en
    assert "部分转录" in outcome.caveats[0].zh
    sensitive = nl.MatchContext(**{**ctx.__dict__, "sensitive": True, "sensitive_subjects": 10})
    listed = nl.ftz_outcome(lists, sensitive)
    assert listed.mechanism == "standard_contract_or_certification"
    assert any("TJ-PI-003" in c.en and "not verified" in c.en for c in listed.caveats)


def test_candidate_important_data_hits_are_review_items(tmp_path: Path) -> None:
    entries = (
        "  - id: C-1\n    condition: {elements_any: [pi.vehicle]}\n    important_data: candidate\n"
        "    required_mechanism: security_assessment\n    message: m\n"
        "  - id: C-2\n    condition: {elements_any: [pi.vehicle]}\n    important_data: true\n"
        "    required_mechanism: security_assessment\n    message: m\n"
    )
    (lst,) = nl.load_lists([_user_list(tmp_path, "cand", entries)], include_shipped=False)
    ctx = nl.MatchContext(elements={"pi.vehicle.vin": ("cars.vin",)})
    hits = nl.match([lst], ctx)
    assert [(h.entry_id, h.binding, h.important_data) for h in hits] == [
        ("C-2", True, "confirmed"),
        ("C-1", False, "candidate"),
    ]
    assert nl.strictest(hits[1:]) is None
    confirmed = nl.match([lst], nl.MatchContext(**{**ctx.__dict__, "important_data": "confirmed"}))
    assert all(h.binding for h in confirmed)


def test_match_is_deterministic_and_sorted() -> None:
    lists = nl.load_lists(shipped_ids=[p.stem for p in nl.shipped_list_paths()])
    ctx = nl.MatchContext(
        elements={
            "pi.biometric.face": ("cam.face", "cam.face2"),
            "pi.financial.bank_card": ("pay.card",),
            "pi.minor.child_info": ("kids.age",),
        },
        sensitive=True,
        sensitive_fields=("pay.card", "cam.face"),
        subjects=2_000_000,
        sensitive_subjects=50_000,
        sector="automotive",
        destination="SG",
        important_data="confirmed",
        ftz="beijing",
        as_of=dt.date(2025, 6, 30),
    )
    first = nl.match(lists, ctx)
    again = nl.match(tuple(reversed(lists)), ctx)
    assert first == again
    assert [h.entry_id for h in first] == [
        "ORG-EX-001",
        "BJ-PI-001",
        "BJ-PI-002",
        "ORG-EX-002",
        "NAT-AUTO-001",
        "NAT-AUTO-002",
        "NAT-ID-001",
        "BJ-PI-003",
        "ORG-EX-004",
    ]
    assert nl.strictest(first) == "prohibited"
    for hit in first:
        assert list(hit.fields) == sorted(set(hit.fields))


def test_unverified_in_use(tmp_path: Path) -> None:
    lists = nl.load_lists()
    notices = nl.unverified_in_use(lists)
    assert len(notices) == 6
    assert notices[0].startswith("negative list beijing-2024 (version 2024): 5 of 5 entries")
    national = next(n for n in notices if " national " in n)
    assert "NAT-CORE-001, NAT-HGR-001, NAT-GEO-001" in national
    tianjin = nl.MatchContext(sector="retail", ftz="tianjin", as_of=dt.date(2025, 1, 1))
    used = nl.unverified_in_use(lists, tianjin)
    assert [n.split(" (")[0] for n in used] == [
        "negative list national",
        "negative list tianjin-2024",
    ]
    verified = _one(tmp_path, "{sensitive: true}")
    assert nl.unverified_in_use([verified]) == []


def test_context_from_results_collects_elements_categories_and_grade() -> None:
    def finding(name: str, element: str | None, sensitive: bool, grade: Grade) -> FieldFinding:
        pointer = f"people.{name}"
        return FieldFinding(
            field=Field(name=name, pointer=pointer),
            dataset="people",
            personal=element is not None,
            sensitive=sensitive,
            element=element,
            category=element.rsplit(".", 1)[0] if element else None,
            grade=grade,
            confidence=0.9,
        )

    ds = Dataset(name="people", source_path="p.sql", source_format="sql", fields=())
    result = DatasetResult(
        dataset=ds,
        findings=(
            finding("mobile", "pi.contact.mobile", False, Grade.GENERAL_3),
            finding("id_no", "pi.identity.resident_id", True, Grade.GENERAL_4),
            finding("alt_mobile", "pi.contact.mobile", False, Grade.GENERAL_3),
            finding("note", None, False, Grade.GENERAL_2),
        ),
        grade=Grade.GENERAL_4,
    )
    other = DatasetResult(dataset=ds, findings=(), grade=Grade.GENERAL_2)
    ctx = nl.context_from_results([other, result], subjects=5, sector="retail")
    assert ctx.elements == {
        "pi.contact.mobile": ("people.alt_mobile", "people.mobile"),
        "pi.identity.resident_id": ("people.id_no",),
    }
    assert ctx.categories == {
        "pi.contact": ("people.alt_mobile", "people.mobile"),
        "pi.identity": ("people.id_no",),
    }
    assert ctx.grade == Grade.GENERAL_4
    assert ctx.sensitive and ctx.sensitive_fields == ("people.id_no",)
    assert (ctx.subjects, ctx.sector) == (5, "retail")
    with pytest.raises(ValueError, match="important_data"):
        nl.context_from_results([result], important_data="maybe")


def test_find_lists_and_entries() -> None:
    lists = nl.load_lists()
    found = nl.find(lists, "TJ-PI-001")
    assert found is not None and found[0].id == "tianjin-2024" and found[1] is not None
    found = nl.find(lists, "national")
    assert found is not None and found[1] is None
    assert nl.find(lists, "nope") is None


def test_unverified_notices_in_both_languages() -> None:
    lists = nl.load_lists(shipped_ids=["hainan-2024"])
    (notice,) = nl.unverified_notices(lists)
    assert notice.en == nl.unverified_in_use(lists)[0]
    assert notice.zh == (
        "负面清单 hainan-2024（2024 版）：3 个条目中有 3 个未经与正式文本核对"
        "（HN-PI-001, HN-PI-002, HN-PI-003）；条目仅为正式清单的部分转录"
    )
