"""Columns commented with the party of a legal act (a mortgage registry's `DYR` '抵押人', `ZWR`
'债务人' beside the debtor's ID number): they hold that party's name."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

REGISTRY = """
CREATE TABLE BDC_MRPC.BDC_FSQL (
  FSQLID VARCHAR2(50) NOT NULL,
  DYR VARCHAR2(200),
  ZWR VARCHAR2(200),
  ZWRZJH VARCHAR2(50)
);
COMMENT ON TABLE BDC_MRPC.BDC_FSQL IS '附属权利表';
COMMENT ON COLUMN BDC_MRPC.BDC_FSQL.FSQLID IS '附属权利ID';
COMMENT ON COLUMN BDC_MRPC.BDC_FSQL.DYR IS '抵押人';
COMMENT ON COLUMN BDC_MRPC.BDC_FSQL.ZWR IS '债务人';
COMMENT ON COLUMN BDC_MRPC.BDC_FSQL.ZWRZJH IS '债务人证件号';
"""


def test_the_parties_of_a_mortgage_are_named(tmp_path: Path) -> None:
    rights = _scan(tmp_path, {"bdc.sql": REGISTRY})["BDC_MRPC.BDC_FSQL"]
    assert _finding(rights, "DYR").element == "pi.identity.name"
    assert _finding(rights, "ZWR").element == "pi.identity.name"
    assert not _finding(rights, "FSQLID").personal
