"""A dating profile's gender preference (`gender_preference`, `sexPref`) is the person's sexual
orientation, sensitive (GB/T 35273 Annex B 性取向), not their gender."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE profiles (
  id int NOT NULL,
  user_id int NOT NULL,
  first_name varchar(50),
  gender varchar(10),
  gender_preference varchar(10),
  PRIMARY KEY (id)
);
CREATE TABLE users (
  id int NOT NULL,
  login varchar(50),
  email varchar(100),
  sexPref varchar(10),
  PRIMARY KEY (id)
);
"""


def test_a_gender_preference_is_a_sexual_orientation(tmp_path: Path) -> None:
    (tmp_path / "schema.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}
    assert found["profiles"]["gender"].element == "pi.profile.gender"
    for table, column in (("profiles", "gender_preference"), ("users", "sexPref")):
        assert found[table][column].element == "pi.other.sexual_orientation", column
        assert found[table][column].sensitive, column
