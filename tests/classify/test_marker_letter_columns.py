"""Column names behind a one-letter marker shared by every column of a table (an SQL Server HR
roster: ``FXM``, ``Fxb``, ``Fsfzh``, ``FZGH`` are ``F`` before the pinyin initials of 姓名, 性别,
身份证号, 职工号): the table is read without the marker when it reads markedly better so; the
report keeps the schema's own names."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

ROSTER = """
CREATE TABLE dbo.ry_MAS ( FZGH char(20) NULL, FXM char(20) NULL, Fxb char(2) NULL,
  Fsfzh char(18) NULL, Fcsrq datetime NOT NULL, Fxl char(20) NULL, FYDDH char(20) NULL,
  Fgzrq datetime NOT NULL, ID char(20) NULL );
"""

# A table whose columns happen to start with one word, not a marker: left as it is.
CUSTOMERS = """
CREATE TABLE cust ( cust_id int NOT NULL, cust_name varchar(40), cust_phone varchar(20),
  cust_email varchar(80), cust_city varchar(40), cust_note varchar(200) );
"""

# A table of equipment whose columns start with one letter by chance reads no better without it.
PARTS = """
CREATE TABLE part ( part_no int, price decimal(10,2), pieces int, plant varchar(20),
  pallet varchar(20), packing varchar(20) );
"""


def test_marker_letter_is_read_past(tmp_path: Path) -> None:
    ds = _scan(tmp_path, {"hr.sql": ROSTER})["dbo.ry_MAS"]
    assert _finding(ds, "FXM").element == "pi.identity.name"
    resident = _finding(ds, "Fsfzh")
    assert resident.element == "pi.identity.resident_id" and resident.sensitive
    assert _finding(ds, "Fxb").element == "pi.profile.gender"
    assert _finding(ds, "Fcsrq").element == "pi.profile.birth_date"
    assert _finding(ds, "FZGH").personal


def test_the_report_keeps_the_schemas_own_names(tmp_path: Path) -> None:
    ds = _scan(tmp_path, {"hr.sql": ROSTER})["dbo.ry_MAS"]
    names = {f.field.name for f in ds.findings}
    assert {"FXM", "Fsfzh", "FZGH"} <= names and "XM" not in names


def test_a_shared_word_or_a_chance_letter_is_no_marker(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"c.sql": CUSTOMERS, "p.sql": PARTS})
    assert _finding(results["cust"], "cust_phone").personal
    assert _finding(results["cust"], "cust_name").personal
    assert not any(f.personal for f in results["part"].findings)
