"""bench/eval_metadata.py: labels files, including field paths that hold spaces."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "eval_metadata.py"
_spec = importlib.util.spec_from_file_location("eval_metadata", _SCRIPT)
assert _spec is not None and _spec.loader is not None
eval_metadata = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_metadata)

LABELS = """\
# header
proj/incident.json | Incident report | P: "reported by" email | S: "actions taken" | A: notes
"""


def test_quoted_field_paths_hold_spaces(tmp_path: Path) -> None:
    path = tmp_path / "labels.txt"
    path.write_text(LABELS, encoding="utf-8")
    labels = eval_metadata.parse_labels(path)
    assert labels == {
        "proj/incident.json": {
            "Incident report": {
                "reported by": "P",
                "email": "P",
                "actions taken": "S",
                "notes": "A",
            }
        }
    }


def test_a_quoted_field_is_scored_against_the_scan(tmp_path: Path) -> None:
    data = tmp_path / "data" / "proj"
    data.mkdir(parents=True)
    schema = {
        "title": "Incident report",
        "type": "object",
        "properties": {
            "reported by": {"type": "string", "description": "Name of the reporting person"},
            "email": {"type": "string", "description": "E-mail address of the reporter"},
            "actions taken": {"type": "string", "description": "Treatment given to the patient"},
            "notes": {"type": "string"},
            "room": {"type": "string", "description": "Room number"},
        },
    }
    (data / "incident.json").write_text(json.dumps(schema, indent=2), encoding="utf-8")
    labels_path = tmp_path / "labels.txt"
    labels_path.write_text(LABELS, encoding="utf-8")
    labels = eval_metadata.parse_labels(labels_path)
    counts, errors = eval_metadata.evaluate(labels, tmp_path / "data")
    project = counts["proj"]
    # Every labelled path was matched to a reported field: none is unread.
    assert project["unread"] == 0
    assert not [e for e in errors if e.startswith("UNREAD")]
    # notes is debatable and not scored; the other four are.
    assert project["debatable"] == 1
    assert project["fields"] == 4
    assert project["s_total"] == 1


def test_listed_only_leaves_datasets_the_labels_do_not_list_unscored(tmp_path: Path) -> None:
    """A dataset a newer reader finds in a labelled file is scored as wholly not personal by
    default (a reader that invents datasets costs precision), and left out with listed_only."""
    data = tmp_path / "data" / "proj"
    data.mkdir(parents=True)
    (data / "club.sql").write_text(
        "CREATE TABLE member (id int, email varchar(64), phone varchar(20));\n"
        "CREATE TABLE guest (id int, guest_name varchar(64), guest_phone varchar(20));\n",
        encoding="utf-8",
    )
    labels_path = tmp_path / "labels.txt"
    labels_path.write_text("proj/club.sql | member | P: email phone | A: id\n", encoding="utf-8")
    labels = eval_metadata.parse_labels(labels_path)
    scored, _ = eval_metadata.evaluate(labels, tmp_path / "data")
    listed, _ = eval_metadata.evaluate(labels, tmp_path / "data", listed_only=True)
    assert scored["proj"]["fp"] >= 2  # guest_name and guest_phone count against precision
    assert listed["proj"]["fp"] == 0 and listed["proj"]["unlisted"] == 3
    assert listed["proj"]["tp"] == scored["proj"]["tp"] == 2


def test_a_quoted_dataset_name_is_read_without_its_quotes(tmp_path: Path) -> None:
    path = tmp_path / "labels.txt"
    path.write_text('proj/shop.sql | "Order Details" | P: buyer\n', encoding="utf-8")
    assert eval_metadata.parse_labels(path) == {"proj/shop.sql": {"Order Details": {"buyer": "P"}}}


def test_a_labelled_file_missing_from_the_data_is_not_scored(tmp_path: Path) -> None:
    data = tmp_path / "data" / "proj"
    data.mkdir(parents=True)
    (data / "a.sql").write_text("CREATE TABLE person (full_name varchar(40));\n", encoding="utf-8")
    labels_path = tmp_path / "labels.txt"
    labels_path.write_text(
        "proj/a.sql | person | P: full_name\nproj/gone.sql | member | P: email\n", encoding="utf-8"
    )
    counts, errors = eval_metadata.evaluate(eval_metadata.parse_labels(labels_path), data.parent)
    assert counts["proj"]["missing"] == 1 and counts["proj"]["unread"] == 0
    assert counts["proj"]["fields"] == 1
    assert any(e.startswith("MISSING proj/gone.sql") for e in errors)


def _clinic_with_labels(tmp_path: Path) -> tuple[Path, Path]:
    """A patient table (name, ID card, diagnosis, bank card) and its labels: the name and the
    card P, the ID card S, the diagnosis unlisted (N)."""
    data = tmp_path / "data" / "proj"
    data.mkdir(parents=True)
    (data / "clinic.sql").write_text(
        "CREATE TABLE patient (\n  id int,\n  full_name varchar(40),\n  id_card varchar(18),\n"
        "  diagnosis varchar(200),\n  bank_card_no varchar(30)\n);\n",
        encoding="utf-8",
    )
    labels_path = tmp_path / "labels.txt"
    labels_path.write_text(
        "proj/clinic.sql | patient | P: full_name bank_card_no | S: id_card\n", encoding="utf-8"
    )
    return data, labels_path


def test_sensitive_precision_counts_fields_called_sensitive_against_their_labels(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Of the scored fields the scan calls sensitive, the share labelled S: a field labelled P
    (a bank card taken as not sensitive by the labeller) or not listed (N) counts against it;
    the new column comes after the ones scripts read by position."""
    data, labels_path = _clinic_with_labels(tmp_path)
    counts, _ = eval_metadata.evaluate(eval_metadata.parse_labels(labels_path), data.parent)
    project = counts["proj"]
    # id_card (S), diagnosis (N) and bank_card_no (P) are called sensitive; only id_card is S
    assert project["s_called"] == 3 and project["s_called_right"] == 1
    assert eval_metadata.main([str(tmp_path), str(data.parent), "--labels", str(labels_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    head = lines[0].split()
    assert head[1:] == [
        "fields", "debat", "tp", "fp", "fn", "unread", "prec", "recall", "s-rec", "s-prec"
    ]  # fmt: skip
    all_line = next(line for line in lines if line.startswith("ALL "))
    assert all_line.split()[9:] == ["1.000", "0.333"]
    assert "called sensitive: 3, of them labelled sensitive: 1" in lines


def test_fields_called_sensitive_but_labelled_p_or_n_are_listed_with_their_cause(
    tmp_path: Path,
) -> None:
    """``FP-S`` names each field called sensitive against its label (P or N), with the rules
    behind the verdict and the dataset's subject, so the causes can be grouped."""
    data, labels_path = _clinic_with_labels(tmp_path)
    _, errors = eval_metadata.evaluate(eval_metadata.parse_labels(labels_path), data.parent)
    fp_s = sorted(e for e in errors if e.startswith("FP-S "))
    assert len(fp_s) == 2
    assert fp_s[0].startswith("FP-S proj/clinic.sql patient.bank_card_no -> ")
    assert " (P) rules=" in fp_s[0] and " subject=person" in fp_s[0]
    assert fp_s[1].startswith("FP-S proj/clinic.sql patient.diagnosis -> pi.health")
    assert " (N) rules=" in fp_s[1]
    assert not [e for e in errors if e.startswith("FP-S ") and "id_card" in e]
