"""``dataflow negative-list list | show | validate`` through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import run

from dataflow import negative_list as nl

SHIPPED_IDS = sorted(p.stem for p in nl.shipped_list_paths())

USER_LIST = """\
schema_version: 1
list:
  id: acme-policy
  title: {en: Acme policy, zh: Acme 政策}
  jurisdiction: organisation
  version: "3"
  effective_from: 2026-01-01
  sources: ["Acme policy v3"]
  verified: true
entries:
  - id: ACME-9
    condition: {elements_any: [pi.health]}
    required_mechanism: prohibited
    message: {en: Health data stays home., zh: 健康数据不出境。}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder as the working directory (no configuration found above it)."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_list_shows_every_shipped_list_and_whether_it_is_used(project: Path) -> None:
    code, out, err = run("negative-list", "list")
    assert code == 0, err
    rows = {line.split()[0]: line for line in out.splitlines()[2:]}
    assert sorted(rows) == SHIPPED_IDS
    assert rows["example-organisation"].split()[7] == "no"
    assert rows["tianjin-2024"].split()[:8] == [
        "tianjin-2024",
        "ftz",
        "tianjin",
        "2024",
        "2024-05-08",
        "3",
        "3",
        "yes",
    ]


def test_list_in_chinese_and_with_a_user_list(project: Path) -> None:
    user = project / "acme.yaml"
    user.write_text(USER_LIST, encoding="utf-8")
    code, out, err = run("negative-list", "list", "--lang", "zh", "--negative-list", str(user))
    assert code == 0, err
    assert out.splitlines()[0].split()[0] == "编号"
    assert "中国（天津）自由贸易试验区数据出境管理清单（负面清单）（2024版）" in out
    acme = next(line for line in out.splitlines() if line.startswith("acme-policy"))
    assert acme.split()[7] == "是" and "Acme 政策" in acme


def test_configuration_selects_shipped_lists_and_adds_user_lists(project: Path) -> None:
    (project / "acme.yaml").write_text(USER_LIST, encoding="utf-8")
    (project / "dataflow.yaml").write_text(
        "shipped_negative_lists: [example-organisation]\nnegative_lists: [acme.yaml]\n",
        encoding="utf-8",
    )
    code, out, err = run("negative-list", "list")
    assert code == 0, err
    used = {line.split()[0]: line.split()[7] for line in out.splitlines()[2:]}
    assert used["example-organisation"] == "yes"
    assert used["national"] == "no"
    assert used["acme-policy"] == "yes"


def test_show_a_list_and_an_entry(project: Path) -> None:
    code, out, err = run("negative-list", "show", "national")
    assert code == 0, err
    assert out.startswith("national: National rules")
    assert "NAT-CORE-001 (?): prohibited" in out
    assert "NAT-ID-001: security_assessment" in out
    assert "condition: min_grade: important" in out
    code, out, err = run("negative-list", "show", "BJ-PHARMA-001", "--lang", "zh")
    assert code == 0, err
    assert out.splitlines()[0] == "BJ-PHARMA-001 (?)"
    assert "    sensitive_subjects_gte: 50000" in out
    assert "已核实: 否 [C]" in out
    assert "临床试验" in out


def test_show_a_user_entry(project: Path) -> None:
    user = project / "acme.yaml"
    user.write_text(USER_LIST, encoding="utf-8")
    code, out, err = run("negative-list", "show", "ACME-9", "--negative-list", str(user))
    assert code == 0, err
    assert "source: Acme policy v3" in out
    assert "required mechanism: prohibited" in out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("show", "TJ-PI-01"), "did you mean: TJ-PI-001"),
        (("show", "national", "--lang", "fr"), "--lang must be en or zh"),
        (("list", "--negative-list", "missing.yaml"), "missing.yaml: cannot read file"),
    ],
)
def test_user_errors_exit_2_with_one_message(
    project: Path, args: tuple[str, ...], fragment: str
) -> None:
    code, out, err = run("negative-list", *args)
    assert out == ""
    assert code == 2
    assert fragment in err
    assert "Traceback" not in err


def test_validate_good_files(project: Path) -> None:
    user = project / "acme.yaml"
    user.write_text(USER_LIST, encoding="utf-8")
    shipped = [str(p) for p in nl.shipped_list_paths()]
    code, out, err = run("negative-list", "validate", str(user), *shipped)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"{user}: ok — list acme-policy, 1 entry"
    assert len(lines) == 1 + len(shipped)
    assert any(line.endswith("national, 8 entries, 3 not verified") for line in lines)


def test_validate_reports_every_problem_and_exits_2(project: Path) -> None:
    good = project / "good.yaml"
    good.write_text(USER_LIST, encoding="utf-8")
    bad = project / "bad list.yaml"
    bad.write_text(
        USER_LIST.replace("jurisdiction: organisation", "jurisdiction: federal")
        .replace("[pi.health]", "[pi.health, 42]")
        .replace("prohibited", "forbidden"),
        encoding="utf-8",
    )
    code, out, err = run("negative-list", "validate", str(good), str(bad))
    assert code == 2
    assert out.splitlines() == [f"{good}: ok — list acme-policy, 1 entry"]
    assert err.splitlines() == [
        f"error: {bad}:5: list.jurisdiction: 'federal' is not one of: national, ftz, organisation",
        f"error: {bad}:12: entries[0].condition.elements_any[1]: expected dotted ids, "
        "got an integer",
        f"error: {bad}:13: entries[0].required_mechanism: 'forbidden' is not one of: prohibited, "
        "security_assessment, standard_contract_or_certification",
    ]


def test_validate_finds_ids_used_twice_across_files(project: Path) -> None:
    one = project / "one.yaml"
    two = project / "two.yaml"
    one.write_text(USER_LIST, encoding="utf-8")
    two.write_text(USER_LIST.replace("id: acme-policy", "id: acme-policy-2"), encoding="utf-8")
    code, _, err = run("negative-list", "validate", str(one), str(two))
    assert code == 2
    assert f"error: {two}:11: entry id 'ACME-9' is already used by {one}:11" in err


def test_validate_warns_about_ids_the_catalog_does_not_know(project: Path) -> None:
    user = project / "acme.yaml"
    user.write_text(USER_LIST.replace("[pi.health]", "[pi.health, pi.horoscope]"), encoding="utf-8")
    code, out, err = run("negative-list", "validate", str(user))
    assert code == 0, err
    assert out.startswith(f"{user}: ok")
    assert err.splitlines() == [
        f"warning: {user}:12: entries[0].condition.elements_any[1]: 'pi.horoscope' covers no "
        "element of the catalog; the condition can only hold for elements that a user catalog adds"
    ]
