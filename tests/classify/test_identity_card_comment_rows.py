"""A table without a name that says what it holds (`common`), keyed by nothing but a column whose
comment says it is the ID card (`card_number` '身份证'): its rows are that person's, so their
address, working time and circumstances (`worktime`, `jtkn` 家庭困难, `knqk` 困难情况) are
information about them. The table's own row key is not."""

from __future__ import annotations

from pathlib import Path

from tests.builders import scan_files

DDL = """
CREATE TABLE `common` (
  `common_ID` int(2) NOT NULL AUTO_INCREMENT,
  `now_addr` varchar(255) DEFAULT NULL,
  `worktime` varchar(255) DEFAULT NULL,
  `jtkn` varchar(255) DEFAULT NULL,
  `knqk` varchar(255) DEFAULT NULL,
  `card_number` varchar(255) DEFAULT NULL COMMENT '身份证',
  PRIMARY KEY (`common_ID`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
"""


def test_rows_keyed_by_an_id_card_column_are_that_persons(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"newTable.sql": DDL})
    common = found["common"]
    assert common.subject.kind == "person_linked"
    assert any("card_number" in e for e in common.subject.evidence)
    fields = {f.field.name: f for f in common.findings}
    for column in ("worktime", "jtkn", "knqk"):
        assert fields[column].personal, column
    assert not fields["common_ID"].personal
