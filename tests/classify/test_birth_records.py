"""A birth record (a birth certificate or registration, 出生医学证明) whose rows name each person's
father and mother apart is a newborn's file: the person is a child (PIPL Art. 28, 31), so the
child's name, sex and birth date and the parents' columns on the record are sensitive. A person's
record that names a father and a mother without being a birth record keeps its role."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

CERTIFICATES = """
CREATE TABLE BirthCertificate (
  CertificateNo varchar(32) PRIMARY KEY,
  FullName varchar(64),
  Sex varchar(8),
  DateOfBirth date,
  PlaceOfBirth varchar(128),
  FatherName varchar(64),
  MotherName varchar(64),
  RegistrationDate date
);
CREATE TABLE `t_csdj` (
  `id` int NOT NULL PRIMARY KEY,
  `xm` varchar(32) COMMENT '姓名',
  `xb` char(1) COMMENT '性别',
  `csrq` date COMMENT '出生日期',
  `fqxm` varchar(32) COMMENT '父亲姓名',
  `mqxm` varchar(32) COMMENT '母亲姓名'
) COMMENT='出生医学证明登记';
CREATE TABLE applicant (
  id int PRIMARY KEY,
  full_name varchar(64),
  sex varchar(8),
  date_of_birth date,
  father_name varchar(64),
  mother_name varchar(64)
);
"""


def test_a_birth_certificate_naming_father_and_mother_is_a_childs(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"births.sql": CERTIFICATES})
    for table, columns in (
        ("BirthCertificate", ("FullName", "Sex", "DateOfBirth", "FatherName")),
        ("t_csdj", ("xm", "xb", "csrq", "fqxm")),
    ):
        record = found[table]
        assert record.subject.role == "minor", table
        by_name = {f.field.name: f for f in record.findings}
        for column in columns:
            assert by_name[column].sensitive, (table, column)
    assert found["applicant"].subject.role != "minor"
