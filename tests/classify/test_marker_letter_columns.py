"""Column names behind a one-letter marker shared by every column of a table (an SQL Server HR
roster: ``FXM``, ``Fxb``, ``Fsfzh``, ``FZGH`` are ``F`` before the pinyin initials of 姓名, 性别,
身份证号, 职工号): the table is read without the marker when it reads markedly better so; the
report keeps the schema's own names."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

from dataflow.model import Dataset, Field

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


def _table(*names: str) -> Dataset:
    fields = tuple(Field(name=n, pointer=f"t.{n}") for n in names)
    return Dataset(name="t", source_path="t.sql", source_format="sql", fields=fields)


def test_the_marker_is_the_most_frequent_first_letter_of_most_columns() -> None:
    from dataflow.detect.metadata.prefix import shared_letter

    # five of six start with F (case folded), one with x
    assert shared_letter(_table("FXM", "Fxb", "Fsfzh", "FZGH", "Fcsrq", "xh")) == "f"
    # a tie of five and five: the letter first in order is the one tried, and it is no marker
    # (fewer than 80 % of the columns start with it)
    tied = ("Fxm", "Fxb", "Fsfzh", "Fzgh", "Fcsrq", "Gxm", "Gxb", "Gsfzh", "Gzgh", "Gcsrq")
    assert shared_letter(_table(*tied)) is None
    # most of the columns share a word's first letters (c + u), no marker
    assert (
        shared_letter(_table("cust_id", "cust_name", "cust_phone", "cust_mail", "cust_x")) is None
    )


def test_a_scan_reads_each_table_without_its_marker_once(tmp_path: Path) -> None:
    """Inside ``remembered()`` (a scan: subjects first, then classification) a table's readable
    copy is worked out once and given to both; outside, each call works it out again."""
    from dataflow.catalog import load_catalog
    from dataflow.detect.metadata.prefix import readable_dataset, remembered
    from dataflow.readers import read_path

    path = tmp_path / "hr.sql"
    path.write_text(ROSTER, encoding="utf-8")
    ds = read_path(path).datasets[0]
    catalog = load_catalog()
    first, again = readable_dataset(ds, catalog), readable_dataset(ds, catalog)
    assert first is not ds and first == again and first is not again
    with remembered():
        copy = readable_dataset(ds, catalog)
        with remembered():  # a block inside another keeps what the outer one worked out
            assert readable_dataset(ds, catalog) is copy
        assert readable_dataset(ds, catalog) is copy and copy == first
    assert readable_dataset(ds, catalog) is not copy  # dropped when the block ends
