"""The warning level of ``assess`` and ``ledger status``: ``--warn-at`` and ``warn_at:`` in the
configuration, and the open questions read the same way by both (``count_exempt_volumes``,
``sensitive_subjects_count_toward_all``), on real SQLite ledgers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import manifest, run

from dataflow.config import load_settings
from dataflow.errors import ConfigError

LEFT = "people left before standard contract filing or PI protection certification"


def _config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "dataflow.yaml"
    path.write_text(text, "utf-8")
    return str(path)


def _ledger_with(tmp_path: Path, people: int) -> str:
    ledger = str(tmp_path / "l.sqlite")
    first = manifest(tmp_path, "a.yaml", tid="TX-A", date="2026-02-01", subjects=people)
    assert run("ledger", "record", str(first), "--ledger", ledger)[0] == 0
    return ledger


def test_assess_warn_at_flag_and_configuration_both_ways(tmp_path: Path) -> None:
    ledger = _ledger_with(tmp_path, 60000)
    # 60,000 + 25,000 = 85,000 of 100,000: warned at 80 % (the default), not at 90 %
    path = str(manifest(tmp_path, "b.yaml", tid="TX-B", date="2026-03-01", subjects=25000))
    base = ("assess", path, "--ledger", ledger)
    assert "15,000 " + LEFT in run(*base)[1]
    assert LEFT not in run(*base, "--warn-at", "90")[1]
    assert "warning level 85 %" in run(*base, "--warn-at", "85%")[1]
    config = _config(tmp_path, "warn_at: 90\n")
    assert LEFT not in run(*base, "--config", config)[1]
    # the flag overrides the configuration
    assert "warning level 70 %" in run(*base, "--config", config, "--warn-at", "70")[1]
    code, _, err = run(*base, "--warn-at", "100")
    assert code == 2 and "--warn-at must be a percentage" in err


def test_ledger_status_reads_warn_at_from_the_configuration(tmp_path: Path) -> None:
    ledger = _ledger_with(tmp_path, 85000)
    args = ("ledger", "status", "--ledger", ledger, "--as-of", "2026-06-30", "-f", "json")

    def first_line(*extra: str) -> dict[str, object]:
        data = json.loads(run(*args, *extra)[1])
        line: dict[str, object] = data["exporters"][0]["lines"][0]
        return {"light": line["light"], "warn_at": data["warn_at_percent"]}

    assert first_line() == {"light": "yellow", "warn_at": 80.0}
    config = _config(tmp_path, "warn_at: 90\n")
    assert first_line("--config", config) == {"light": "green", "warn_at": 90.0}
    assert first_line("--config", config, "--warn-at", "85") == {"light": "yellow", "warn_at": 85.0}


@pytest.mark.parametrize("value", ["0", "100", "abc", "true"])
def test_a_warn_at_that_is_not_a_percentage_is_refused_with_file_and_line(
    tmp_path: Path, value: str
) -> None:
    config = tmp_path / "dataflow.yaml"
    config.write_text(f"lang: en\nwarn_at: {value}\n", "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_settings(config, cwd=tmp_path)
    assert str(caught.value).endswith(
        "dataflow.yaml:2: warn_at: expected a percentage above 0 and below 100 (80 or '80%')"
    )


def _sensitive_prior(tmp_path: Path, name: str, prior: int) -> str:
    extra = f"  prior_exports: {{subjects: {prior}, sensitive_subjects: 9000}}\n"
    return str(manifest(tmp_path, name, tid="TX-P", date="2026-03-01", subjects=5000, extra=extra))


def test_early_warning_headroom_follows_sensitive_subjects_count_toward_all(
    tmp_path: Path,
) -> None:
    missing = str(tmp_path / "none.sqlite")
    assessment = "people left before CAC security assessment"
    # 800,000 people before, 9,000 of them with sensitive PI, and 5,000 more now
    path = _sensitive_prior(tmp_path, "p.yaml", 800000)
    counted_in_both = run("assess", path, "--ledger", missing)[1]
    assert "195,000 " + assessment in counted_in_both  # 805,000 of 1,000,000
    assert "1,000 people with sensitive PI left" in counted_in_both
    apart = _config(tmp_path, "sensitive_subjects_count_toward_all: false\n")
    counted_apart = run("assess", path, "--ledger", missing, "--config", apart)[1]
    assert assessment not in counted_apart  # 796,000: under 80 % of 1,000,000
    assert "1,000 people with sensitive PI left" in counted_apart
    # still within the warning level without them: the headroom leaves them out and says so
    path = _sensitive_prior(tmp_path, "q.yaml", 820000)
    assert "175,000 " + assessment in run("assess", path, "--ledger", missing)[1]
    for lang, expected in (
        ("en", ["184,000 " + assessment, "sensitive_subjects_count_toward_all: false"]),
        ("zh", ["尚余 184,000 人", "出境敏感个人信息的个人未计入该总数"]),
    ):
        out = run("assess", path, "--ledger", missing, "--config", apart, "--lang", lang)[1]
        assert all(e in out for e in expected), lang


def test_ledger_status_reads_the_open_questions_as_assess_does(tmp_path: Path) -> None:
    ledger = str(tmp_path / "l.sqlite")
    sensitive = manifest(
        tmp_path,
        "c.yaml",
        tid="TX-C",
        date="2026-02-01",
        subjects=5000,
        table="customers",
        sample=True,
    )
    exempt = manifest(
        tmp_path,
        "e.yaml",
        tid="TX-E",
        date="2026-02-02",
        subjects=7000,
        extra="",
    )
    exempt.write_text(
        exempt.read_text("utf-8").replace("scenario: none", "scenario: cross_border_hr"), "utf-8"
    )
    for path in (sensitive, exempt):
        code, _, err = run("ledger", "record", str(path), "--ledger", ledger)
        assert code == 0, err
    args = ("ledger", "status", "--ledger", ledger, "--as-of", "2026-06-30")

    def people(*extra: str) -> tuple[int, int, bool, bool]:
        data = json.loads(run(*args, "-f", "json", *extra)[1])
        lines = {ln["measure"]: ln["count"] for ln in data["exporters"][0]["lines"]}
        return (
            lines["subjects"],
            lines["sensitive_subjects"],
            data["count_exempt_volumes"],
            data["sensitive_subjects_count_toward_all"],
        )

    assert people() == (5000, 5000, False, True)
    both = _config(
        tmp_path, "count_exempt_volumes: true\nsensitive_subjects_count_toward_all: false\n"
    )
    assert people("--config", both) == (7000, 5000, True, False)
    title = run(*args, "--config", both)[1].splitlines()[0]
    assert "volumes of exempt scenarios counted" in title
    assert "people with sensitive PI are left out of this total" in title
    assert "left out of this total" not in run(*args)[1].splitlines()[0]
