"""A table whose rows each hold a thing's code and its name (a Japanese insurer's master of
injuries and diseases, `syoubyoucd` 傷病コード beside `syoubyounm` 傷病名; a Chinese 疾病编码
beside 疾病名称) is a code list: the diseases it lists are no one's diagnosis. A table whose code
and name are a person's (社員コード and 社員名, `staff_cd` and `staff_nm`) stays the people's."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

#: From a Japanese life-insurance system's DB2 DDL (romaji names, column comments only).
MASTERS = """
CREATE TABLE BM_Syoubyou_Z (
     syoubyoucd     VARCHAR (6) NOT NULL ,  /* 傷病コード */
     syoubyounm     VARCHAR (62) ,  /* 傷病名 */
     syoubyoucdtyuubunruikbn VARCHAR (2) ,  /* 傷病コード中分類区分 */
     kousinsyaId    VARCHAR (30) ,  /* 更新者ＩＤ */
     kousinTime     VARCHAR (17) ,  /* 更新時間 */
     version        BIGINT NOT NULL WITH DEFAULT 0  /* バージョン */
)
;
ALTER TABLE BM_Syoubyou_Z ADD CONSTRAINT PK_Syoubyou PRIMARY KEY ( syoubyoucd ) ;

CREATE TABLE JM_Byoumei_Z (
     byoumeitourokuno VARCHAR (6) NOT NULL ,  /* 病名登録番号 */
     byoumeikj      VARCHAR (202) ,  /* 病名（漢字） */
     byoumeikn      VARCHAR (122) ,  /* 病名（カナ） */
     byoumeicd      VARCHAR (4) ,  /* 病名コード */
     tyuuimongon    VARCHAR (72) ,  /* 注意文言 */
     version        BIGINT NOT NULL WITH DEFAULT 0  /* バージョン */
)
;
ALTER TABLE JM_Byoumei_Z ADD CONSTRAINT PK_Byoumei PRIMARY KEY ( byoumeitourokuno ) ;

CREATE TABLE SM_Syain_Z (
     syaincd        VARCHAR (8) NOT NULL ,  /* 社員コード */
     syainnm        VARCHAR (62) ,  /* 社員名 */
     syozokucd      VARCHAR (4) ,  /* 所属コード */
     nyuusyaymd     VARCHAR (8)  /* 入社年月日 */
)
;
ALTER TABLE SM_Syain_Z ADD CONSTRAINT PK_Syain PRIMARY KEY ( syaincd ) ;
"""

#: A Chinese hospital system's disease dictionary and its staff table (MySQL).
CHINESE = """
CREATE TABLE t_jb (
  jbbm varchar(20) NOT NULL COMMENT '疾病编码',
  jbmc varchar(100) COMMENT '疾病名称',
  bz varchar(200) COMMENT '备注',
  PRIMARY KEY (jbbm)
);
CREATE TABLE t_staff (
  staff_cd varchar(20) NOT NULL COMMENT '员工代码',
  staff_nm varchar(50) COMMENT '员工姓名',
  dept varchar(50) COMMENT '科室',
  PRIMARY KEY (staff_cd)
);
"""


def test_a_master_of_diseases_is_a_code_list(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"masters.sql": MASTERS, "his.sql": CHINESE})
    for table in ("BM_Syoubyou_Z", "JM_Byoumei_Z", "t_jb"):
        result = found[table]
        assert result.subject.kind == "reference", table
        assert not [f.field.name for f in result.findings if f.sensitive], table
        why = " ".join(str(e) for e in result.subject.evidence)
        assert "code list" in why, why


def test_a_persons_code_and_name_stay_the_persons(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"masters.sql": MASTERS, "his.sql": CHINESE})
    for table in ("SM_Syain_Z", "t_staff"):
        assert found[table].subject.kind != "reference", table
    assert any(f.personal for f in found["t_staff"].findings)
