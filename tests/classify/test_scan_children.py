"""The learners of a whole scan are children when one of its tables says so (a class roster with
school grades, a table of children, a table named for school pupils): then every learner's
record of the scan — a pupil table named by pinyin initials and keyed by 学号, a pupil's invoice
— is a minor's, and its personal information is sensitive (PIPL Art. 28, Art. 31; GB/T
35273-2020 Annex B). A university's or an adult training centre's students stay students."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from dataflow.scan import ScanOptions, scan_paths

# A children's English school: the class roster (年级, 班级) names no pupil; the pupils' own
# tables are named by pinyin initials, keyed by their student number (学号).
TRAINING_ZH = """
CREATE TABLE `px_bjxxb` (
  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'id',
  `banji` varchar(255) DEFAULT NULL COMMENT '班级',
  `nianji` varchar(255) DEFAULT NULL COMMENT '年级',
  `banzhuren` varchar(255) DEFAULT NULL COMMENT '班主任',
  `yuzhaors` int(11) DEFAULT NULL COMMENT '预招人数',
  PRIMARY KEY (`id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
CREATE TABLE `px_xyxxb` (
  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'id',
  `xuehao` varchar(255) DEFAULT NULL COMMENT '学号',
  `xingming` varchar(255) DEFAULT NULL COMMENT '姓名',
  `shoujihm` varchar(255) DEFAULT NULL COMMENT '手机号码',
  `jiatingzz` varchar(255) DEFAULT NULL COMMENT '家庭住址',
  `jiuduxx` varchar(255) DEFAULT NULL COMMENT '就读学校',
  `guanzhuwx` double(11,2) DEFAULT NULL COMMENT '关注微信',
  `zhuangtai` varchar(255) DEFAULT NULL COMMENT '状态',
  `leixing` varchar(255) DEFAULT NULL COMMENT '类型',
  `tuixuebz` varchar(255) DEFAULT NULL COMMENT '退学备注',
  `shishengxin` varchar(255) DEFAULT NULL COMMENT '师生信',
  PRIMARY KEY (`id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
CREATE TABLE `px_sjjlb` (
  `id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'id',
  `xuehao` varchar(255) DEFAULT NULL COMMENT '学号',
  `xingming` varchar(255) DEFAULT NULL COMMENT '姓名',
  `jiaofeije` double(11,2) DEFAULT NULL COMMENT '缴费金额',
  PRIMARY KEY (`id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
CREATE TABLE `px_admin` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `username` varchar(64) NOT NULL COMMENT '用户名',
  `email` varchar(64) DEFAULT NULL COMMENT '邮箱',
  PRIMARY KEY (`id`)
) ENGINE=MyISAM DEFAULT CHARSET=utf8;
"""

# A French school: pupils (Eleves), their civil identity (Enfants) and their invoices.
SCHOOL_FR = {
    "Eleves.sql": """CREATE TABLE [LISE].[Eleves] ([EleveKey] int NOT NULL,
  [EleveID] int NOT NULL, [ResponsableID] int NULL, [DateEntree] date NULL,
  [DateSortie] date NULL);""",
    "Enfants.sql": """CREATE TABLE [LISE].[Enfants] ([EleveID] int NOT NULL,
  [Nom] nvarchar(100) NULL, [Prenom] nvarchar(100) NULL, [Sexe] nvarchar(1) NULL,
  [DateNaissance] date NULL, [Nationalite] nvarchar(50) NULL);""",
    "Responsables.sql": """CREATE TABLE [LISE].[Responsables] ([ResponsableID] int NOT NULL,
  [Telephone] nvarchar(30) NULL, [Email] nvarchar(100) NULL);""",
}


def _scan(tmp_path: Path, files: dict[str, str]) -> dict[str, Any]:
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: d for d in result.datasets}


def _sensitive(found: Any, field: str) -> bool:
    return next(f for f in found.findings if f.field.name == field).sensitive


def test_a_childrens_school_keyed_by_student_number_zh(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"px.sql": TRAINING_ZH})
    for table in ("px_xyxxb", "px_sjjlb"):
        subject = found[table].subject
        assert subject.role == "minor", table
        assert any("px_bjxxb" in e and "grades" in e for e in subject.evidence)
    assert _sensitive(found["px_xyxxb"], "xingming")
    assert _sensitive(found["px_xyxxb"], "jiatingzz")
    assert _sensitive(found["px_sjjlb"], "jiaofeije")
    assert found["px_admin"].subject.role != "minor"  # the staff's accounts are not pupils'


def test_what_the_learned_scorer_adds_on_a_childs_record_is_the_childs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The learned scorer finds `guanzhuwx` (关注微信) and `zhuangtai` (状态) personal after the
    subject's rules ran: on a child's record they are the child's, sensitive too."""
    monkeypatch.setenv("DATAFLOW_LEARNED_SCORER", "on")
    found = _scan(tmp_path, {"px.sql": TRAINING_ZH})
    assert found["px_xyxxb"].subject.role == "minor"
    for column in ("guanzhuwx", "zhuangtai"):
        finding = next(f for f in found["px_xyxxb"].findings if f.field.name == column)
        assert finding.personal and finding.sensitive, column
        assert finding.sensitive_group == "minors_under_14"


def test_an_adult_training_centre_keeps_its_learners_adults(tmp_path: Path) -> None:
    """The same schema, said to be an adult education centre (成人教育) in a table comment."""
    adult = TRAINING_ZH.replace(
        "CHARSET=utf8;\nCREATE TABLE `px_xyxxb`",
        "CHARSET=utf8 COMMENT='成人教育班级';\nCREATE TABLE `px_xyxxb`",
    )
    found = _scan(tmp_path, {"px.sql": adult})
    assert found["px_xyxxb"].subject.role != "minor"
    assert not _sensitive(found["px_xyxxb"], "xingming")


def test_a_french_school_with_a_table_of_children(tmp_path: Path) -> None:
    found = _scan(tmp_path, SCHOOL_FR)
    for table in ("LISE.Eleves", "LISE.Enfants"):
        assert found[table].subject.role == "minor", table
    # the table of children is a minor's by its own name (French `enfants`: children) or, where
    # that word were not read, by its key to the pupils' table
    why = found["LISE.Enfants"].subject.evidence
    assert any("Eleves" in e or "'Enfants' names minors" in e for e in why), why
    assert _sensitive(found["LISE.Enfants"], "Prenom")
    assert _sensitive(found["LISE.Enfants"], "DateNaissance")
    assert found["LISE.Responsables"].subject.role != "minor"  # the parents' own rows


PUPILS_DE = """
CREATE TABLE `schueler` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(50) NOT NULL,
  `vorname` varchar(50) NOT NULL,
  `geburtsdatum` date DEFAULT NULL,
  `schule` varchar(100) DEFAULT NULL,
  `klasse` varchar(10) DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8;
"""


def test_school_pupils_named_in_german(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"projekt.sql": PUPILS_DE})
    assert found["schueler"].subject.role == "minor"
    assert _sensitive(found["schueler"], "vorname")


UNIVERSITY_EN = """
CREATE TABLE student (student_id int PRIMARY KEY, first_name varchar(50), last_name varchar(50),
  email varchar(100), date_of_birth date);
CREATE TABLE enrolment (enrolment_id int PRIMARY KEY, student_id int REFERENCES student,
  course_code varchar(10), grade varchar(2));
CREATE TABLE pupils (pupil_id int PRIMARY KEY, first_name varchar(50), birth_date date);
CREATE TABLE faculty (faculty_id int PRIMARY KEY, title varchar(100));
"""


def test_a_university_scan_keeps_its_students_and_pupils_adults(tmp_path: Path) -> None:
    """A table named `pupils` says school pupils, but the scan names a faculty: its learners
    are a university's, adults; without the faculty they are children."""
    found = _scan(tmp_path, {"uni.sql": UNIVERSITY_EN})
    for table in ("student", "enrolment", "pupils"):
        assert found[table].subject.role != "minor", table
    assert not _sensitive(found["student"], "first_name")
    school = UNIVERSITY_EN.replace(
        "CREATE TABLE faculty (faculty_id int PRIMARY KEY, title varchar(100));\n", ""
    )
    (tmp_path / "uni.sql").unlink()
    found = _scan(tmp_path, {"school.sql": school})
    assert found["student"].subject.role == "minor"
    assert any("pupils" in e for e in found["student"].subject.evidence)
    assert _sensitive(found["student"], "first_name")


def test_a_generic_student_table_without_evidence_of_young_age(tmp_path: Path) -> None:
    found = _scan(tmp_path, {"s.sql": UNIVERSITY_EN.split("CREATE TABLE pupils")[0]})
    assert found["student"].subject.role == "student"
    assert not _sensitive(found["student"], "first_name")


def test_a_german_universitys_schueler_stay_students(tmp_path: Path) -> None:
    """`Schueler` names school pupils, but lectures (Vorlesungen) keyed by an enrolment number
    (Matrikelnummer) are a university's: its students are adults."""
    uni = PUPILS_DE + (
        "CREATE TABLE `vorlesungen` (`vorlesung_id` int NOT NULL, `titel` varchar(100),"
        " `matrikelnr` varchar(9), PRIMARY KEY (`vorlesung_id`));\n"
    )
    found = _scan(tmp_path, {"uni.sql": uni})
    assert found["schueler"].subject.role == "student"
    assert not _sensitive(found["schueler"], "vorname")


LYCEE_FR = """
CREATE TABLE "Élèves" ("ELEVE_ID" INTEGER PRIMARY KEY, "INE" TEXT, "Nom" TEXT, "Prénom" TEXT,
  "Naissance" TEXT, "Sexe" TEXT, "Classe" TEXT);
CREATE TABLE "EPS" ("INE" TEXT, "Note 1" TEXT,
    "Tier" TEXT -- BEP ou BAC
);
"""


def test_a_lycees_eleves_are_older_than_fourteen(tmp_path: Path) -> None:
    """`Élèves` names school pupils, but a lycée's (the bac it prepares for): 15 to 18, not
    children under 14; without the bac the same pupils are taken for children."""
    found = _scan(tmp_path, {"structure.sql": LYCEE_FR})
    assert found["Élèves"].subject.role != "minor"
    assert not _sensitive(found["Élèves"], "Prénom")
    (tmp_path / "structure.sql").unlink()
    found = _scan(tmp_path, {"structure.sql": LYCEE_FR.replace(" -- BEP ou BAC", "")})
    assert found["Élèves"].subject.role == "minor"


def test_a_parents_own_rows_in_a_childrens_school_stay_theirs(tmp_path: Path) -> None:
    """A parent's account keyed by their child's student number (`parent_student`) is the
    parent's own record: not a learner's, not made a child's by the scan."""
    parents = (
        "CREATE TABLE `parent_student` (`id` int NOT NULL, `xuehao` varchar(255) COMMENT '学号',"
        " `parent_name` varchar(50), `parent_mobile` varchar(20), PRIMARY KEY (`id`));\n"
    )
    found = _scan(tmp_path, {"px.sql": TRAINING_ZH + parents})
    assert found["px_xyxxb"].subject.role == "minor"
    assert found["parent_student"].subject.role != "minor"
