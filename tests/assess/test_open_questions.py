"""Open questions of law as settings: each changes an outcome either way, and every report whose
mechanism a setting decided names the setting, its value and what the other value gives."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from builders import run_case

from dataflow.config import Settings, load_settings, open_questions
from dataflow.errors import ConfigError

REPO = Path(__file__).resolve().parent.parent.parent
CASES = REPO / "tests" / "cases" / "assess"


def _case(name: str) -> dict[str, Any]:
    (path,) = CASES.glob(f"{name}-*.yaml")
    return yaml.safe_load(path.read_text("utf-8"))


def _ciio_in_ftz() -> dict[str, Any]:
    case = _case("16")
    case["manifest"]["transfer"]["exporter"]["ciio"] = True
    return case


def _sensitive_near_a_million() -> dict[str, Any]:
    """1,005,000 people, 8,000 of them with sensitive PI: at a million only if both count."""
    case = _case("16")
    transfer = case["manifest"]["transfer"]
    transfer["exporter"]["ftz"] = None
    transfer["datasets"][0].update(subjects=1_005_000, sensitive_subjects=8_000)
    case["findings"][0]["fields"].append(
        {"name": "id_no", "element": "pi.identity.resident_id", "sensitive": "specific_identity"}
    )
    case.pop("lists")
    return case


def _assessment_issued_in_2023() -> dict[str, Any]:
    """A security assessment issued 2023-01-10 (no valid_until) and a transfer on 2025-06-30
    that needs one: covered for three years, expired after two."""
    case = _sensitive_near_a_million()
    transfer = case["manifest"]["transfer"]
    transfer["datasets"][0].update(subjects=150_000, sensitive_subjects=20_000)
    transfer["existing_approvals"] = [
        {"mechanism": "security_assessment", "reference": "SA-2023-1", "issued": "2023-01-10"}
    ]
    return case


SA, SCC = "security_assessment", "standard_contract_or_certification"
SETTINGS = {
    # setting: (case, {value: mechanism})
    "count_exempt_volumes": (lambda: _case("22a"), {False: "exempt", True: SCC}),
    "sensitive_subjects_count_toward_all": (_sensitive_near_a_million, {True: SA, False: SCC}),
    "ciio_may_use_ftz_lists": (_ciio_in_ftz, {False: SA, True: "exempt"}),
    "pre_2024_assessment_validity_years": (_assessment_issued_in_2023, {3: "covered", 2: SA}),
}


def test_every_open_question_is_a_setting_with_a_test_and_a_readme_row() -> None:
    names = [q.name for q in open_questions()]
    assert sorted(names) == sorted(SETTINGS)
    readme = (REPO / "README.md").read_text("utf-8")
    for q in open_questions():
        row = re.search(rf"^\| `{q.name}` \| `([^`]+)` \|", readme, re.MULTILINE)
        assert row is not None, q.name
        assert row.group(1) == json.dumps(q.default)


@pytest.mark.parametrize("name", sorted(SETTINGS))
def test_each_setting_changes_the_outcome_either_way_and_says_so(name: str, tmp_path: Path) -> None:
    build, outcomes = SETTINGS[name]
    (default,) = [q.default for q in open_questions() if q.name == name]
    results = {}
    for value, mechanism in outcomes.items():
        case = build()
        case["policy"] = {name: value}
        result = run_case(case, tmp_path)
        assert result.mechanism == mechanism, [r.text.en for r in result.reasons]
        (other,) = [v for v in outcomes if v != value]
        effects = [e for e in result.settings if e.setting == name]
        assert [(e.value, e.alternative, e.mechanism_with_alternative) for e in effects] == [
            (value, other, outcomes[other])
        ]
        assert any(f"setting {name} = " in w.en and name in w.zh for w in result.warnings)
        results[value] = result
    case = build()
    assert run_case(case, tmp_path).mechanism == outcomes[default]  # the documented default


def test_a_setting_that_decides_nothing_is_not_mentioned(tmp_path: Path) -> None:
    result = run_case(_case("16"), tmp_path)  # not a CIIO: the FTZ setting changes nothing
    assert result.mechanism == "exempt" and result.settings == ()
    assert not any("setting" in w.en for w in result.warnings)


def test_settings_come_from_the_configuration_and_are_checked(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    config = tmp_path / "dataflow.yaml"
    config.write_text(
        "ciio_may_use_ftz_lists: true\npre_2024_assessment_validity_years: 2\n", "utf-8"
    )
    values = load_settings(cwd=tmp_path).open_question_values()
    assert values["ciio_may_use_ftz_lists"] is True
    assert values["pre_2024_assessment_validity_years"] == 2
    assert values["count_exempt_volumes"] is False  # the default
    assert Settings().open_question_values()["sensitive_subjects_count_toward_all"] is True
    config.write_text("\n\npre_2024_assessment_validity_years: 4\n", "utf-8")
    with pytest.raises(ConfigError) as info:
        load_settings(cwd=tmp_path)
    assert info.value.line == 3 and "one of 3, 2" in info.value.message


@pytest.mark.parametrize("fmt", ["table", "json", "markdown", "sarif"])
def test_every_report_format_names_the_deciding_setting(tmp_path: Path, fmt: str) -> None:
    example = REPO / "examples" / "transfer.yaml"
    data = yaml.safe_load(example.read_text("utf-8"))
    data["transfer"]["existing_approvals"] = [
        {"mechanism": "security_assessment", "reference": "SA-2023-9", "issued": "2023-12-01"}
    ]
    for dataset in data["transfer"]["datasets"]:  # the example's files, from the temporary copy
        for key in ("schema", "sample"):
            dataset[key] = str(example.parent / dataset[key])
    manifest = tmp_path / "transfer.yaml"
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / "dataflow.yaml").write_text("pre_2024_assessment_validity_years: 2\n", "utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "dataflow", "assess", str(manifest), "--format", fmt],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
    )
    assert run.returncode in (0, 1), run.stderr
    shown = run.stdout.replace("\\_", "_")  # Markdown escapes underscores
    assert "pre_2024_assessment_validity_years = 2" in shown
    if fmt == "json":
        (transfer,) = json.loads(run.stdout)["transfers"]
        assert transfer["mechanism"] == SA
        assert transfer["settings"] == [
            {
                "setting": "pre_2024_assessment_validity_years",
                "value": 2,
                "alternative": 3,
                "mechanism_with_alternative": "covered",
            }
        ]


@pytest.mark.parametrize(
    ("issued", "value", "until"),
    [("2023-01-10", 3, "2026-01-10"), ("2023-01-10", 2, "2025-01-10"), ("2024-04-01", 3, None)],
)
def test_a_pre_2024_result_states_the_reading_and_its_source(
    tmp_path: Path, issued: str, value: int, until: str | None
) -> None:
    example = REPO / "examples" / "transfer.yaml"
    data = yaml.safe_load(example.read_text("utf-8"))
    data["transfer"]["date"] = "2024-06-30"
    data["transfer"]["existing_approvals"] = [
        {"mechanism": "security_assessment", "reference": "SA-X", "issued": issued}
    ]
    manifest = tmp_path / "t.yaml"
    manifest.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    for name in ("schemas", "samples"):
        (tmp_path / name).symlink_to(example.parent / name)
    (tmp_path / ".git").mkdir()
    (tmp_path / "dataflow.yaml").write_text(f"pre_2024_assessment_validity_years: {value}\n")
    shown = {}
    for lang in ("en", "zh"):
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "dataflow",
                "assess",
                str(manifest),
                "-f",
                "json",
                "--lang",
                lang,
            ],
            capture_output=True,
            text=True,
            check=False,
            cwd=tmp_path,
        )
        assert run.returncode in (0, 1), run.stderr
        (transfer,) = json.loads(run.stdout)["transfers"]
        shown[lang] = [w[lang] for w in transfer["warnings"] if "SA-X" in w[lang]]
    if until is None:  # issued after 2024-03-22: the Provisions alone, no open question
        assert shown == {"en": [], "zh": []}
        return
    (en,) = shown["en"]
    (zh,) = shown["zh"]
    assert f"valid for {value} years, to {until}" in en
    assert f"pre_2024_assessment_validity_years: {value}" in en
    assert "(Art. 14)" in en and "(Art. 9)" in en and "(Art. 13)" in en
    assert f"按 {value} 年计其有效期" in zh and "第九条" in zh and "第十三条" in zh
