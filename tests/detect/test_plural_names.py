"""A column named with an English plural of a catalog word (a campus staff table's `IdNumbers`,
`Emails`) is read as the singular word; words that merely end in s (`address`, `status`) are
not cut."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

STAFF = """
CREATE TABLE dbo.Employee ( Id int NOT NULL, FullName nvarchar(50), IdNumbers nvarchar(18),
  Emails nvarchar(50), Address nvarchar(100), Status int );
CREATE TABLE dbo.Specimen ( Id int NOT NULL, percent_tumour_cells decimal(5,2),
  diagnostics nvarchar(200) );
"""


def test_plural_names_read_as_the_singular(tmp_path: Path) -> None:
    staff = _scan(tmp_path, {"dbo.Employee.sql": STAFF})["dbo.Employee"]
    resident = _finding(staff, "IdNumbers")
    assert resident.element == "pi.identity.resident_id" and resident.sensitive
    assert _finding(staff, "Emails").element == "pi.contact.email"
    assert _finding(staff, "Address").element == "pi.contact.address"
    assert not _finding(staff, "Status").personal


def test_a_plural_word_inside_a_longer_name_is_left(tmp_path: Path) -> None:
    """`percent_tumour_cells` counts cells (no cell phone); `diagnostics` is no diagnosis."""
    specimen = _scan(tmp_path, {"dbo.Employee.sql": STAFF})["dbo.Specimen"]
    assert _finding(specimen, "percent_tumour_cells").element != "pi.contact.mobile"
    diagnostics = _finding(specimen, "diagnostics")  # at most a weak hit inside the word
    assert diagnostics.element != "pi.health.diagnosis" or diagnostics.confidence < 0.85
