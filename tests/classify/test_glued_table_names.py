"""A table's name may glue the act done with a record, or whose it is, to the record's kind
without a separator (`tbl_requestloan`, `loanrequest`: a borrower's loan application). The kind
is read inside such a word, so that a loan application is a record of the borrower's credit
(GB/T 35273-2020 Annex B: 信贷记录, sensitive) as `tbl_request_loan` is; a word that merely ends
in letters of a topic word (`personal`, `approval`) is not split."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

#: A Thai bank's loan application table (phpMyAdmin dump), its comments in Thai.
REQUEST = """
CREATE TABLE `tbl_requestloan` (
  `loan_id` int(11) UNSIGNED NOT NULL,
  `citizen_id` varchar(13) DEFAULT NULL COMMENT 'เลขบัตรประชาชน',
  `firstname` varchar(50) DEFAULT NULL COMMENT 'ชื่อ',
  `lastname` varchar(50) DEFAULT NULL COMMENT 'นามสกุล',
  `birthdate` varchar(15) DEFAULT NULL,
  `mobile` varchar(10) DEFAULT NULL COMMENT 'เบอร์โทรศัพท์',
  `tradingprice` double DEFAULT NULL COMMENT 'ราคาชื่อขาย',
  `creditloan` double DEFAULT NULL COMMENT 'วงเงินชินเชื่อที่ขอกู้',
  `netprofit` double DEFAULT NULL COMMENT 'รายได้เสริมทั้งหมดเฉลี่ยต่อเดือน',
  `copymarriage` varchar(250) DEFAULT NULL COMMENT 'สำเนาทะเบียนสมรส/ใบหย่า',
  `loanstatustype` varchar(50) DEFAULT NULL COMMENT 'สถานะขขอสินเชื่อ'
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
"""


def _sensitive(tmp_path: Path, sql: str, table: str) -> set[str]:
    found = scan_files(tmp_path, {"schema.sql": sql})[table].findings
    return {f.field.name for f in found if f.sensitive}


def test_a_loan_request_glued_in_one_word_is_the_borrowers_credit(tmp_path: Path) -> None:
    sensitive = _sensitive(tmp_path, REQUEST, "tbl_requestloan")
    assert {"tradingprice", "creditloan", "netprofit", "loanstatustype"} <= sensitive


def test_the_kind_first_then_the_act_is_read_too(tmp_path: Path) -> None:
    sql = REQUEST.replace("tbl_requestloan", "loanrequest")
    assert {"creditloan", "netprofit"} <= _sensitive(tmp_path, sql, "loanrequest")


def test_a_word_that_is_no_act_glued_to_a_kind_stays_whole(tmp_path: Path) -> None:
    """`tbl_profileloan`: `profile` is not a head listed to glue to a record's kind."""
    sql = REQUEST.replace("tbl_requestloan", "tbl_profileloan")
    assert "netprofit" not in _sensitive(tmp_path, sql, "tbl_profileloan")
