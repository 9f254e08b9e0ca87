"""`register` is also a word for who registered a row (a handler), but `register_id` beside a
table named `register` is the key of that registration: a medical case keyed by it is the
registered patient's."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

HIS = """
CREATE TABLE `register` (
  `id` int(10) NOT NULL AUTO_INCREMENT,
  `case_code` int(10) COMMENT '病例号',
  `name` varchar(255) COMMENT '姓名',
  `sex` varchar(255) COMMENT '性别',
  `id_card` varchar(255) COMMENT '身份证号',
  `birthday` date COMMENT '出生年月',
  `doctor_id` varchar(10) COMMENT '医生id',
  PRIMARY KEY (`id`)
);
CREATE TABLE `doctor` (
  `id` int(10) NOT NULL AUTO_INCREMENT,
  `name` varchar(255) COMMENT '姓名',
  PRIMARY KEY (`id`)
);
CREATE TABLE `case` (
  `id` int(10) NOT NULL AUTO_INCREMENT,
  `zhushu` varchar(255) COMMENT '主诉',
  `warning` varchar(255) COMMENT '注意事项',
  `register_id` int(10) COMMENT '挂号id',
  PRIMARY KEY (`id`)
);
CREATE TABLE `audit` (
  `id` int(10) NOT NULL AUTO_INCREMENT,
  `register_id` int(10),
  `amount` int(10),
  PRIMARY KEY (`id`)
);
"""


def test_a_register_key_beside_a_register_table_links_to_it(tmp_path: Path) -> None:
    (tmp_path / "his.sql").write_text(HIS, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    case = next(r for r in report.datasets if r.dataset.name == "case")
    assert case.subject is not None and case.subject.kind == "person_linked"
    assert [link.target for link in case.subject.links] == ["register"]
    fields = {f.field.name: f for f in case.findings}
    assert fields["warning"].personal


def test_a_register_key_with_no_register_table_names_who_registered(tmp_path: Path) -> None:
    (tmp_path / "his.sql").write_text(
        HIS.replace("TABLE `register`", "TABLE `enrolment`"), encoding="utf-8"
    )
    report = scan_paths([tmp_path], ScanOptions(content=False))
    audit = next(r for r in report.datasets if r.dataset.name == "audit")
    assert audit.subject is not None and audit.subject.kind != "person_linked"
