"""Transfer manifests: strict validation naming file, key path and line; paths; several transfers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dataflow.errors import ManifestError
from dataflow.manifest import load_manifest

GOOD = """\
schema_version: 1
transfer:
  id: TX-2026-0042
  date: 2026-11-30
  exporter: {name: Acme (Tianjin) Ltd, ciio: false, state_organ: false, ftz: tianjin}
  recipient:
    name: Acme GmbH
    country: DE
    restricted_list: false
    judicial_or_law_enforcement: false
  purpose: customer support
  scenario: none
  sector: retail
  datasets:
    - schema: schemas/orders.sql
      tables: [orders, customers]
      sample: samples/customers.csv
      subjects: 250000
      important_data: none
  prior_exports: {subjects: 40000, sensitive_subjects: 0}
  existing_approvals:
    - mechanism: security_assessment
      reference: CAC-2025-1
      valid_until: 2027-06-01
      scope: {purposes: [customer support], categories: [pi.contact], max_subjects: 300000}
"""


def write(tmp_path: Path, text: str, name: str = "transfer.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_manifest_loads_with_paths_relative_to_it(tmp_path: Path) -> None:
    (sub := tmp_path / "plans").mkdir()
    (transfer,) = load_manifest(write(sub, GOOD))
    assert transfer.id == "TX-2026-0042"
    assert transfer.date == dt.date(2026, 11, 30)
    assert transfer.exporter.ftz == "tianjin" and not transfer.exporter.ciio
    spec = transfer.datasets[0]
    assert spec.schema == sub / "schemas" / "orders.sql"
    assert spec.sample == sub / "samples" / "customers.csv"
    assert spec.tables == ("orders", "customers")
    assert spec.subjects == 250000 and spec.important_data == "none"
    assert transfer.prior_exports is not None and transfer.prior_exports.subjects == 40000
    approval = transfer.existing_approvals[0]
    assert approval.valid_until == dt.date(2027, 6, 1) and approval.max_subjects == 300000
    assert transfer.lawful_basis == "consent"
    assert transfer.canonical.startswith("{") and "schemas/orders.sql" in transfer.canonical


@pytest.mark.parametrize(
    ("old", "new", "key", "line", "message"),
    [
        (
            "  purpose: customer support\n",
            "  purpose: customer support\n  colour: red\n",
            "transfer.colour",
            12,
            "unknown key 'colour'",
        ),
        (
            "ciio: false, state_organ",
            "ciio: 'no', state_organ",
            "transfer.exporter.ciio",
            5,
            "expected true or false",
        ),
        ("  sector: retail\n", "", "transfer", 2, "missing required key 'sector'"),
        ("scenario: none", "scenario: holiday", "transfer.scenario", 12, "'holiday' is not one of"),
        (
            "subjects: 250000\n",
            "subjects: lots\n",
            "transfer.datasets[0].subjects",
            18,
            "expected an integer",
        ),
        (
            "important_data: none",
            "important_data: maybe",
            "transfer.datasets[0].important_data",
            19,
            "is not one of",
        ),
        ("date: 2026-11-30", "date: next week", "transfer.date", 4, "expected a date"),
        (
            "      valid_until: 2027-06-01\n",
            "",
            "transfer.existing_approvals[0]",
            22,
            "needs 'issued' or 'valid_until'",
        ),
        (
            "max_subjects: 300000}",
            "max_people: 300000}",
            "transfer.existing_approvals[0].scope.max_people",
            25,
            "unknown key 'max_people'",
        ),
        ("schema_version: 1", "schema_version: 7", "schema_version", 1, "unsupported"),
        (
            "important_data: none",
            "sensitive_subjects: 300000",
            "transfer.datasets[0].sensitive_subjects",
            19,
            "is larger than subjects",
        ),
    ],
)
def test_errors_name_file_key_path_and_line(
    tmp_path: Path, old: str, new: str, key: str, line: int, message: str
) -> None:
    assert old in GOOD
    path = write(tmp_path, GOOD.replace(old, new, 1), "plan 计划.yaml")
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    err = info.value
    assert err.path == str(path)
    assert err.key == key
    assert err.line == line
    assert message in err.message
    assert str(err).startswith(f"{path}:{line}: {key}: ")


def test_every_problem_is_listed_with_its_line_and_key(tmp_path: Path) -> None:
    text = GOOD.replace("ciio: false", "ciio: 1").replace("country: DE", "country: 49")
    path = write(tmp_path, text)
    with pytest.raises(ManifestError) as info:
        load_manifest(path)
    lines = str(info.value).splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"{path}:5: transfer.exporter.ciio: ")
    assert lines[1].startswith(f"{path}:") and "transfer.recipient.country: " in lines[1]


def test_subjects_or_count_distinct(tmp_path: Path) -> None:
    both = GOOD.replace("subjects: 250000", "subjects: 250000\n      count_distinct: customer_id")
    with pytest.raises(ManifestError, match="exactly one of 'subjects' or 'count_distinct'"):
        load_manifest(write(tmp_path, both))
    counted = GOOD.replace("subjects: 250000", "count_distinct: customer_id")
    (transfer,) = load_manifest(write(tmp_path, counted))
    assert transfer.datasets[0].count_distinct == "customer_id"
    assert transfer.datasets[0].subjects is None


def test_transfers_list_and_duplicate_ids(tmp_path: Path) -> None:
    body = GOOD.split("transfer:\n", 1)[1]
    item = "  - " + body.replace("\n  ", "\n    ").lstrip()
    two = "schema_version: 1\ntransfers:\n" + item + item.replace("TX-2026-0042", "TX-2026-0043")
    transfers = load_manifest(write(tmp_path, two))
    assert [t.id for t in transfers] == ["TX-2026-0042", "TX-2026-0043"]
    assert transfers[1].key == "transfers[1]"
    with pytest.raises(ManifestError, match="duplicate transfer id") as info:
        load_manifest(write(tmp_path, "schema_version: 1\ntransfers:\n" + item + item))
    assert info.value.key == "transfers[1].id"


def test_not_a_mapping_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ManifestError, match="expected a mapping"):
        load_manifest(write(tmp_path, "- just\n- a list\n"))
    with pytest.raises(ManifestError, match="cannot read file"):
        load_manifest(tmp_path / "missing.yaml")
    with pytest.raises(ManifestError, match="exactly one of 'transfer' or 'transfers'"):
        load_manifest(write(tmp_path, "schema_version: 1\n"))
