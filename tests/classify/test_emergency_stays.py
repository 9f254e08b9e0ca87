"""A stay in an emergency department is a medical visit (GB/T 35273 Annex A: 住院记录, 诊疗记录):
on a patient's table of such stays, how the patient arrived and where they went afterwards
(their arrival transport, their disposition) are part of the stay."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

SQL = """
CREATE TABLE edstays (
  subject_id INTEGER NOT NULL,
  hadm_id INTEGER,
  stay_id INTEGER NOT NULL,
  intime TIMESTAMP NOT NULL,
  outtime TIMESTAMP NOT NULL,
  arrival_transport VARCHAR(50) NOT NULL,
  gender VARCHAR(1),
  disposition VARCHAR(255)
);
"""


def test_an_emergency_stay_is_a_medical_visit(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"ed.sql": SQL}, short=True)
    stays = {f.field.name: f for f in found["edstays"].findings}
    for column in ("arrival_transport", "disposition", "intime"):
        assert stays[column].sensitive, column
        assert stays[column].element == "pi.health.medical_visit", column
