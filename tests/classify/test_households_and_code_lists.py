"""Household records of government schemas (贫困户, 安置户, 家庭) are their people's information;
a table named after a closed-list person attribute (`genders`, `religions`) is the list of its
values; payroll items of a pinyin-initial pay table are income; an organisation's master data in
pinyin initials (单位信息) is the organisation's; bare bookkeeping stamps are nobody's."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

HOUSEHOLD = """
create table pk_family
(
    jtId     int auto_increment primary key comment '家庭信息表id',
    jtbh     varchar(20) unique comment '家庭编号',
    lxdh     varchar(20) comment '联系电话',
    hzxm     varchar(20) comment '户主姓名',
    pkhsx    varchar(30) comment '贫困户属性',
    fpyy     varchar(64) comment '返贫原因',
    gdmj     float comment '耕地面积（亩）'
) ENGINE = InnoDB DEFAULT CHARSET = utf8 comment '贫困家庭信息表';

create table pk_transfer_income
(
    tra_bh   int auto_increment primary key comment '转移性收入编号',
    jtbh     varchar(20) comment '家庭编号，对应家庭表',
    tra_nf   varchar(10) comment '年份',
    tra_yf1  varchar(20) comment '1月的收入'
) ENGINE = InnoDB DEFAULT CHARSET = utf8;

create table relocation_household
(
    id    int auto_increment primary key comment '主键值',
    hz    varchar(20) comment '户主',
    lxdh  varchar(20) comment '联系电话',
    sfzh  varchar(18) comment '户主身份证号',
    zfmj  float comment '住房面积',
    tpqk  varchar(20) comment '脱贫情况'
) ENGINE = InnoDB DEFAULT CHARSET = utf8;
"""


def _personal(result: object) -> set[str]:
    return {f.field.name for f in result.findings if f.personal}  # type: ignore[attr-defined]


def test_a_poor_households_record_is_its_peoples(tmp_path: Path) -> None:
    """A household's record (its land, its cause of poverty, its household head) relates to the
    identifiable people of that household; so do the rows keyed by its household number."""
    results = scan_files(tmp_path, {"db.sql": HOUSEHOLD})
    family = results["pk_family"]
    assert family.subject.kind == "person" and family.subject.role == "household"
    assert {"pkhsx", "fpyy", "gdmj"} <= _personal(family)
    household = results["relocation_household"]
    assert household.subject.kind == "person"
    assert {"hz", "zfmj", "tpqk"} <= _personal(household)
    income = results["pk_transfer_income"]
    assert income.subject.kind == "person_linked"
    assert {"jtbh", "tra_nf", "tra_yf1"} <= _personal(income)


def test_a_household_word_inside_a_things_table_names_no_household(tmp_path: Path) -> None:
    """Without a household's name or comment, a table of appliances stays a thing's."""
    ddl = (
        "CREATE TABLE appliance (id INT PRIMARY KEY, model VARCHAR(40), power_watts INT,"
        " price DECIMAL(10,2));\n"
    )
    results = scan_files(tmp_path, {"a.sql": ddl})
    assert results["appliance"].subject.kind != "person"
    assert not _personal(results["appliance"])


CODE_LISTS = """
CREATE TABLE genders (
    id_gender BIGINT NOT NULL AUTO_INCREMENT,
    gender VARCHAR(100) DEFAULT NULL,
    created_at DATETIME DEFAULT NULL,
    status_key VARCHAR(255) DEFAULT NULL,
    PRIMARY KEY (id_gender)
);
CREATE TABLE marital_statuses (
    id_marital_status BIGINT NOT NULL,
    marital_status VARCHAR(100) DEFAULT NULL,
    PRIMARY KEY (id_marital_status)
);
CREATE TABLE religions (id_religion BIGINT NOT NULL, religion VARCHAR(100), PRIMARY KEY (id_religion));
CREATE TABLE people (
    id BIGINT NOT NULL,
    first_name VARCHAR(50),
    email VARCHAR(100),
    fk_gender BIGINT,
    fk_religion BIGINT,
    PRIMARY KEY (id)
);
"""


def test_a_table_named_after_a_closed_list_attribute_is_its_code_list(tmp_path: Path) -> None:
    """`genders(id_gender, gender)` lists the genders a person's row picks from: none of its
    rows is anyone's gender; the person's own pointer to it still is."""
    results = scan_files(tmp_path, {"c.sql": CODE_LISTS})
    for table in ("genders", "marital_statuses", "religions"):
        assert not _personal(results[table]), table
    assert {"fk_gender", "fk_religion", "first_name"} <= _personal(results["people"])


def test_an_attribute_table_keyed_by_a_person_stays_theirs(tmp_path: Path) -> None:
    """`religions(person_id, religion)` holds each person's religion: not a code list."""
    ddl = "CREATE TABLE religions (id BIGINT, person_id BIGINT, religion VARCHAR(100));\n"
    results = scan_files(tmp_path, {"r.sql": ddl})
    assert "religion" in _personal(results["religions"])


def test_an_address_book_of_e_mails_is_not_a_code_list(tmp_path: Path) -> None:
    """Only closed-list attributes make a code list: `emails(id, email)` holds addresses."""
    ddl = "CREATE TABLE emails (id BIGINT, email VARCHAR(200), created_at DATETIME);\n"
    results = scan_files(tmp_path, {"e.sql": ddl})
    assert "email" in _personal(results["emails"])


PAYROLL = """
CREATE TABLE [dbo].[T_BM_GZXX](
    [ObjectID] [UniqueIdentifier] NULL,
    [XM] [NVarChar] (50) NOT NULL,
    [SFZH] [NVarChar] (18) NOT NULL,
    [JCGZ] [Float] NULL,
    [JKDQJT] [Float] NULL,
    [SDS] [Float] NULL,
    [KFX] [Float] NULL,
    [DSZNF] [Float] NULL
)
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'姓名' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'T_BM_GZXX', @level2type=N'COLUMN',@level2name=N'XM'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'身份证号' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'T_BM_GZXX', @level2type=N'COLUMN',@level2name=N'SFZH'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'基础工资' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'T_BM_GZXX', @level2type=N'COLUMN',@level2name=N'JCGZ'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'艰苦地区津贴' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'T_BM_GZXX', @level2type=N'COLUMN',@level2name=N'JKDQJT'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'所得税' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'T_BM_GZXX', @level2type=N'COLUMN',@level2name=N'SDS'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'扣发项' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'T_BM_GZXX', @level2type=N'COLUMN',@level2name=N'KFX'
GO
EXEC sys.sp_addextendedproperty @name=N'MS_Description', @value=N'独生子女费' , @level0type=N'SCHEMA',@level0name=N'dbo', @level1type=N'TABLE',@level1name=N'T_BM_GZXX', @level2type=N'COLUMN',@level2name=N'DSZNF'
GO
"""


def test_pay_items_of_a_pinyin_pay_table_are_income(tmp_path: Path) -> None:
    """`GZXX` (工资信息) is a pay table: its allowances, tax and deductions are the person's pay
    (GB/T 35273 Annex B: 个人收入, sensitive)."""
    results = scan_files(tmp_path, {"T_BM_GZXX.sql": PAYROLL})
    pay = results["dbo.T_BM_GZXX"]
    sensitive = {f.field.name for f in pay.findings if f.sensitive}
    assert {"JCGZ", "JKDQJT", "SDS", "KFX", "DSZNF"} <= sensitive


def test_an_organisations_master_data_in_pinyin_initials_is_its_own(tmp_path: Path) -> None:
    """`DWXX` (单位信息): an organisation's number, name, address and postcode are not a
    person's; its contact person's name and mobile still are."""
    ddl = (
        "CREATE TABLE T_BM_DWXX (ObjectID INT, DWBH VARCHAR(20), DWMC VARCHAR(100),"
        " DZ VARCHAR(200), YB VARCHAR(6), LXR VARCHAR(20), SJ VARCHAR(20));\n"
    )
    results = scan_files(tmp_path, {"dw.sql": ddl})
    org = results["T_BM_DWXX"]
    assert org.subject.kind == "organisation"
    assert not {"DWBH", "DWMC", "DZ", "YB"} & _personal(org)
    assert "LXR" in _personal(org)


def test_bare_bookkeeping_stamps_are_nobodys(tmp_path: Path) -> None:
    """`created` and `modified` on a record filed under its user are the record's stamps."""
    ddl = (
        "CREATE TABLE company_user (id INT, username VARCHAR(40), tel VARCHAR(20),"
        " cname VARCHAR(40));\n"
        "CREATE TABLE stock_out (id INT, created TIMESTAMP, modified TIMESTAMP,"
        " user_id INT, billnumber VARCHAR(45));\n"
    )
    results = scan_files(tmp_path, {"w.sql": ddl})
    assert not {"created", "modified"} & _personal(results["stock_out"])


def test_row_numbers_of_an_extract_are_about_no_one(tmp_path: Path) -> None:
    """`index_asc` / `index_desc` (a window function's row numbers in an ETL extract of
    diagnoses) order the rows: not the patient's health information."""
    ddl = (
        "CREATE TABLE all_diagnosis (patient_id INT, encounter_id INT, gender VARCHAR(10),"
        " diagnosis_coded VARCHAR(200), obs_datetime DATETIME, index_asc INT, index_desc INT);\n"
    )
    results = scan_files(tmp_path, {"all_diagnosis.sql": ddl})
    assert not {"index_asc", "index_desc"} & _personal(results["all_diagnosis"])
