"""Metadata detection: dictionaries (Chinese, pinyin, initials, English), context, negative
evidence, type gates. Datasets and fields are built directly, as a reader would."""

from __future__ import annotations

import subprocess
import sys

import pytest

from dataflow.catalog import Catalog, load_catalog
from dataflow.detect.metadata import (
    PI_THRESHOLD,
    MetadataVerdict,
    detect_dataset,
    field_kind,
    split_name,
)
from dataflow.model import Dataset, Field


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _dataset(
    table: str,
    columns: list[tuple[str, str | None, str | None]],
    comment: str | None = None,
) -> Dataset:
    fields = tuple(
        Field(name=n, pointer=f"{table}.{n}", data_type=t, comment=c, line=i + 2)
        for i, (n, t, c) in enumerate(columns)
    )
    return Dataset(table, f"{table}.sql", "sql", fields, comment=comment)


def _verdict(
    catalog: Catalog,
    name: str,
    data_type: str | None = "varchar(64)",
    comment: str | None = None,
    table: str = "t_data",
    table_comment: str | None = None,
) -> MetadataVerdict:
    ds = _dataset(table, [(name, data_type, comment)], table_comment)
    return detect_dataset(ds, catalog)[f"{table}.{name}"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("userMobilePhone2", ("user", "mobile", "phone", "2")),
        ("id_card-no", ("id", "card", "no")),
        ("HTTPServerAddr", ("http", "server", "addr")),
        ("receiver__name", ("receiver", "name")),
        ("icd10Code", ("icd", "10", "code")),
    ],
)
def test_split_name(name: str, expected: tuple[str, ...]) -> None:
    assert split_name(name) == expected


@pytest.mark.parametrize(
    ("data_type", "kind"),
    [
        ("VARCHAR(32)", "text"),
        ("tinyint(1)", "bool"),
        ("TINYINT(4)", "small"),
        ("int(11)", "int"),
        ("bigint unsigned", "bigint"),
        ("DECIMAL(10,6)", "decimal"),
        # Oracle NUMBER(p) / NUMBER(p, 0) is a whole number, its width by precision.
        ("NUMBER(1)", "small"),
        ("NUMBER(4)", "small"),
        ("NUMBER(9, 0)", "int"),
        ("number(10)", "bigint"),
        ("NUMBER(*,0)", "bigint"),
        ("NUMBER(18)", "bigint"),
        ("NUMERIC(5)", "int"),
        ("NUMBER", "decimal"),
        ("NUMBER(10,2)", "decimal"),
        ("number(*)", "decimal"),
        ("datetime", "date"),
        ('["null", "string"]', "text"),
        ("union[null,long]", "bigint"),
        ("boolean", "bool"),
        ("array<string>", "container"),
        (None, "unknown"),
        ("geometry", "unknown"),
    ],
)
def test_field_kind(data_type: str | None, kind: str) -> None:
    assert field_kind(data_type) == kind


# --- dictionaries -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "element"),
    [
        # pinyin initials
        ("sfzh", "pi.identity.resident_id"),
        ("sjhm", "pi.contact.mobile"),
        ("xm", "pi.identity.name"),
        ("yhkh", "pi.financial.bank_card"),
        ("csrq", "pi.profile.birth_date"),
        # full pinyin
        ("shoujihao", "pi.contact.mobile"),
        ("xingming", "pi.identity.name"),
        ("shenfenzhenghao", "pi.identity.resident_id"),
        ("kehu_xingming", "pi.identity.name"),
        ("jiatingzhuzhi", "pi.contact.address"),
        # English, abbreviations, camel case
        ("email_address", "pi.contact.email"),
        ("customerEmail", "pi.contact.email"),
        ("id_card_no", "pi.identity.resident_id"),
        ("passport_number", "pi.identity.passport"),
        ("bank_card_no", "pi.financial.bank_card"),
        ("date_of_birth", "pi.profile.birth_date"),
        ("dob", "pi.profile.birth_date"),
        ("ip_address", "pi.device.ip"),
        ("mac_addr", "pi.device.mac"),
        ("imei", "pi.device.imei"),
        ("idfa", "pi.device.device_id"),
        ("license_plate", "pi.vehicle.plate"),
        ("vin", "pi.vehicle.vin"),
        ("latitude", "pi.location.precise"),
        ("diagnosis_code", "pi.health.diagnosis"),
        ("religion", "pi.religion.belief"),
        ("fingerprint_template", "pi.biometric.fingerprint"),
        ("face_feature", "pi.biometric.face"),
        ("password_hash", "pi.credential.password"),
        ("ha1", "pi.credential.password"),
        ("md5secret", "pi.credential.password"),
        ("marital_status", "pi.other.marital"),
        ("receiver_detail_address", "pi.contact.address"),
        ("user_id", "pi.online_identity.user_id"),
        ("unified_social_credit_code", "org.registration.uscc"),
        # Chinese names (CSV headers)
        ("手机号码", "pi.contact.mobile"),
        ("身份证号", "pi.identity.resident_id"),
        ("收货地址", "pi.contact.address"),
    ],
)
def test_name_dictionaries(catalog: Catalog, name: str, element: str) -> None:
    verdict = _verdict(catalog, name)
    assert verdict.element == element, verdict.evidence
    assert verdict.confidence >= PI_THRESHOLD
    assert any(e.source == "name" for e in verdict.evidence)


@pytest.mark.parametrize(
    ("name", "comment", "element"),
    [
        ("c7", "手机号码", "pi.contact.mobile"),
        ("f_001", "客户身份证号码", "pi.identity.resident_id"),
        ("col_a", "就诊诊断", "pi.health.diagnosis"),
        ("phone", "固定电话", "pi.contact.landline"),  # the comment says what it is
        ("remark1", "收货人手机号", "pi.contact.mobile"),  # head noun wins over 收货人
        ("x", "宗教信仰", "pi.religion.belief"),
        ("memo", "The customer's e-mail address", "pi.contact.email"),
    ],
)
def test_comments_are_first_class_evidence(
    catalog: Catalog, name: str, comment: str, element: str
) -> None:
    verdict = _verdict(catalog, name, comment=comment)
    assert verdict.element == element, verdict.evidence
    assert verdict.evidence[0].source == "comment"


# --- context: generic words ---------------------------------------------------------------------


def test_generic_name_needs_a_table_about_people(catalog: Catalog) -> None:
    assert _verdict(catalog, "name", table="users").element == "pi.identity.name"
    assert _verdict(catalog, "name", table="customer_info").element == "pi.identity.name"
    assert _verdict(catalog, "name", table="products").element is None
    assert _verdict(catalog, "name", table="t_misc").element is None  # no evidence either way
    assert _verdict(catalog, "name", table="t_misc", table_comment="会员表").element == (
        "pi.identity.name"
    )
    assert _verdict(catalog, "name", comment="商品名称", table="users").element is None


def test_nested_parent_decides_for_json_documents(catalog: Catalog) -> None:
    fields = (
        Field("name", "resume.basics.name", "string"),
        Field("name", "resume.work[].name", "string"),
        Field("name", "resume.skills[].name", "string"),
        Field("city", "resume.basics.location.city", "string"),
        Field("name", "resume.references[].name", "string"),
    )
    ds = Dataset("resume", "resume.json", "jsonschema", fields)
    got = {p: v.element for p, v in detect_dataset(ds, catalog).items()}
    assert got["resume.basics.name"] == "pi.identity.name"
    assert got["resume.work[].name"] is None
    assert got["resume.skills[].name"] is None
    assert got["resume.basics.location.city"] == "pi.location.region"
    assert got["resume.references[].name"] == "pi.identity.name"


# --- negative evidence (false-positive traps) ---------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data_type", "comment", "rule"),
    [
        ("is_phone_verified", "tinyint(1)", None, "name-flag-prefix"),
        ("has_email", "boolean", None, "name-flag-prefix"),
        ("maxAge", "integer", None, "name-bound"),
        ("min_age", "int", None, "name-bound"),
        ("phone_count", "int", None, "name-count-or-status"),
        ("email_status", "varchar(8)", None, "name-count-or-status"),
        ("id_card_type", "varchar(8)", None, "name-count-or-status"),
        ("mobile_flag", "char(1)", None, "name-count-or-status"),
        ("email_verified_at", "timestamp", None, "name-event-time"),
        ("phone_bind", "tinyint", "是否绑定手机", "comment-flag-or-count"),
        ("mobile2", "varchar(32)", "手机号修改时间", "comment-event-time"),
        ("email", "int", None, "type-gate"),
        ("name", "tinyint", None, "type-gate"),
        ("address_id", "bigint", None, "name-reference"),
        ("shop_phone", "varchar(20)", None, "name-non-person"),
        ("company_address", "varchar(200)", None, "name-non-person"),
    ],
)
def test_false_positive_traps(
    catalog: Catalog, name: str, data_type: str, comment: str | None, rule: str
) -> None:
    verdict = _verdict(catalog, name, data_type, comment, table="user_account")
    assert verdict.element is None, verdict.evidence
    rules = {e.rule for c in verdict.candidates for e in c.evidence}
    assert rule in rules, rules


def test_a_bound_on_an_age_is_not_an_age_but_a_bound_reading_stays(catalog: Catalog) -> None:
    """`maxAge` of a location request or `min_age` of a tariff is a limit, not a person's age;
    the person's own `age` and a patient's `max_heart_rate` are unchanged."""
    assert _verdict(catalog, "age", "int", None, table="user_account").element == "pi.profile.age"
    assert _verdict(catalog, "maximum_age", "int", None, table="user_account").element is None
    reading = _verdict(catalog, "max_heart_rate", "int", None, table="patient_vitals")
    assert "name-bound" not in {e.rule for c in reading.candidates for e in c.evidence}


def test_post_code_in_a_job_post_table_is_not_pi(catalog: Catalog) -> None:
    job = _dataset(
        "job_post", [("post_code", "varchar(16)", None), ("post_name", "varchar(64)", None)]
    )
    verdicts = detect_dataset(job, catalog)
    assert verdicts["job_post.post_code"].element is None
    assert verdicts["job_post.post_name"].element is None
    home = _verdict(catalog, "post_code", table="member_address")
    assert home.element == "pi.contact.postal_code"


@pytest.mark.parametrize(
    ("table", "comment", "column"),
    [
        ("dict_disease", None, "disease_name"),
        ("sys_region", None, "name"),
        ("t_area", "地区字典", "city"),
        ("d_icd_diagnoses", None, "icd9_code"),
        ("lookup_religion", None, "religion"),
    ],
)
def test_dictionary_tables_are_not_about_people(
    catalog: Catalog, table: str, comment: str | None, column: str
) -> None:
    verdict = _verdict(catalog, column, table=table, table_comment=comment)
    assert verdict.element is None, verdict.evidence
    assert any(e.rule == "dictionary-table" for c in verdict.candidates for e in c.evidence) or (
        verdict.best is None or verdict.best.score < PI_THRESHOLD
    )


def test_same_column_in_a_person_table_is_pi(catalog: Catalog) -> None:
    assert _verdict(catalog, "disease_name", table="patient_visit").element == (
        "pi.health.diagnosis"
    )
    assert _verdict(catalog, "religion", table="member").element == "pi.religion.belief"


def test_type_gate_lets_dates_and_codes_through(catalog: Catalog) -> None:
    assert _verdict(catalog, "birthday", "date").element == "pi.profile.birth_date"
    assert _verdict(catalog, "birth_date", "int(8)").element == "pi.profile.birth_date"
    assert _verdict(catalog, "gender", "tinyint(4)", "性别 0未知 1男 2女").element == (
        "pi.profile.gender"
    )
    assert _verdict(catalog, "mobile", "bigint").element == "pi.contact.mobile"
    # a plain INT is how schemas declare any number, even one four bytes cannot hold
    assert _verdict(catalog, "mobile", "int(11)").element == "pi.contact.mobile"
    assert _verdict(catalog, "mobile", "tinyint(1)").element is None  # a flag
    assert _verdict(catalog, "birth_date", "boolean").element is None


def test_every_verdict_keeps_its_reasons(catalog: Catalog) -> None:
    ds = _dataset(
        "customers",
        [
            ("xm", "varchar(32)", "姓名"),
            ("is_vip", "tinyint(1)", None),
            ("sjhm", "varchar(11)", None),
        ],
    )
    verdicts = detect_dataset(ds, catalog)
    xm = verdicts["customers.xm"]
    assert {e.rule for e in xm.evidence} >= {"comment-zh", "name-initials"}
    assert all(e.element == "pi.identity.name" for e in xm.evidence)
    assert verdicts["customers.is_vip"].element is None
    assert verdicts["customers.sjhm"].evidence[0].detail == "pinyin initials 'sjhm'"


def test_a_chinese_comment_spelling_initials_otherwise_cancels_them(catalog: Catalog) -> None:
    ds = _dataset(
        "t_ry_xx",
        [
            ("hyzk", "varchar(10)", "行业状况"),  # an industry's state, not 婚姻状况
            ("mz", "decimal(10,2)", "面值"),  # a face value, not 民族
            ("xm", "varchar(32)", "项目"),  # a project, not 姓名
            ("sjhm", "varchar(11)", "手机号码"),  # the comment bears the initials out
            ("hyzk2", "varchar(10)", "婚姻情况"),  # 婚 qualifies both: kept
            ("mz2", "varchar(10)", "1汉族 2回族"),  # values of 民族: kept
            ("csrq", "date", "生日"),  # nothing shared, but shorter than the letters: kept
        ],
        comment="人员信息",
    )
    verdicts = detect_dataset(ds, catalog)
    found = {p.rsplit(".", 1)[1]: v.element for p, v in verdicts.items()}
    assert found["hyzk"] is None and found["mz"] is None and found["xm"] is None
    assert found["sjhm"] == "pi.contact.mobile"
    assert found["hyzk2"] == "pi.other.marital"
    assert found["mz2"] == "pi.profile.ethnicity"
    assert found["csrq"] == "pi.profile.birth_date"


def test_detection_is_deterministic(catalog: Catalog) -> None:
    cols = [(n, "varchar(64)", None) for n in ("phone", "name", "addr", "city", "email", "tel")]
    ds = _dataset("users", cols)
    assert detect_dataset(ds, catalog) == detect_dataset(ds, catalog)


def test_metadata_path_does_not_import_presidio_or_spacy() -> None:
    code = (
        "import sys\n"
        "from dataflow.catalog import load_catalog\n"
        "from dataflow.classify import classify_dataset\n"
        "from dataflow.model import Dataset, Field\n"
        "ds = Dataset('t', 't.sql', 'sql', (Field('sjhm', 't.sjhm', 'varchar(11)'),))\n"
        "r = classify_dataset(ds, load_catalog())\n"
        "assert r.findings[0].element == 'pi.contact.mobile'\n"
        "bad = [m for m in ('presidio_analyzer', 'spacy', 'pyarrow') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


# --- table context ------------------------------------------------------------------------------


def test_table_head_decides_what_a_table_is_about(catalog: Catalog) -> None:
    # `ums_member_level` is about levels, not members; `ums_member_login_log` is about members
    assert _verdict(catalog, "name", table="ums_member_level").element is None
    assert _verdict(catalog, "city", table="ums_member_login_log").element == "pi.location.region"
    # a company's address is not personal information, its contact person's phone is
    company = _dataset(
        "oms_company_address",
        [("detail_address", "varchar(200)", "详细地址"), ("phone", "varchar(64)", "收货人电话"),
         ("name", "varchar(64)", "收发货人姓名")],
    )  # fmt: skip
    got = {p: v.element for p, v in detect_dataset(company, catalog).items()}
    assert got["oms_company_address.detail_address"] is None
    assert got["oms_company_address.phone"] == "pi.contact.mobile"
    assert got["oms_company_address.name"] == "pi.identity.name"


def test_person_keys_stay_personal_in_relation_tables(catalog: Catalog) -> None:
    v = _verdict(catalog, "admin_id", "bigint", table="ums_admin_role_relation")
    assert v.element == "pi.online_identity.user_id"
    # a table's own surrogate key is kept as a candidate, not reported as PI on its own
    own = _verdict(catalog, "id", "bigint", table="ums_member")
    assert own.element is None and own.best is not None
    assert own.best.element == "pi.online_identity.user_id"
    assert _verdict(catalog, "id", "bigint", table="pms_product").element is None


def test_enumerated_comment_is_a_code_not_a_name(catalog: Catalog) -> None:
    v = _verdict(
        catalog, "operate_man", comment="操作人：用户；系统；后台管理员", table="order_history"
    )
    assert v.element is None
    assert _verdict(catalog, "operate_man", comment="操作人", table="order_history").element == (
        "pi.identity.name"
    )


def test_compound_tokens_need_a_known_remainder(catalog: Catalog) -> None:
    assert _verdict(catalog, "usermobile", table="t_x").element == "pi.contact.mobile"
    assert _verdict(catalog, "revision", "int", table="customer").element is None


def test_health_event_table_values_are_health_data(catalog: Catalog) -> None:
    lab = _dataset(
        "LABEVENTS",
        [("SUBJECT_ID", "INT", None), ("ITEMID", "INT", None), ("CHARTTIME", "TIMESTAMP", None),
         ("VALUE", "VARCHAR(200)", None), ("VALUENUM", "DOUBLE PRECISION", None),
         ("VALUEUOM", "VARCHAR(20)", None)],
    )  # fmt: skip
    got = {p.split(".", 1)[1]: v for p, v in detect_dataset(lab, catalog).items()}
    assert got["SUBJECT_ID"].element == "pi.online_identity.user_id"
    assert got["VALUE"].element == "pi.health.test_result"
    assert got["VALUENUM"].element == "pi.health.test_result"
    assert any(e.rule == "health-table" for e in got["VALUE"].evidence)
    for name in ("ITEMID", "CHARTTIME", "VALUEUOM"):
        assert got[name].element is None, name
    cond = _dataset(
        "condition_occurrence",
        [("person_id", "integer", None), ("condition_concept_id", "integer", None),
         ("condition_start_date", "date", None), ("condition_type_concept_id", "integer", None)],
    )  # fmt: skip
    got = {p.split(".", 1)[1]: v.element for p, v in detect_dataset(cond, catalog).items()}
    assert got["condition_concept_id"] == "pi.health.diagnosis"
    assert got["condition_start_date"] == "pi.health.diagnosis"
    assert got["condition_type_concept_id"] is None
    # the same column names in a table that is not about health events are not health data
    plain = _dataset("sensor_readings", [("device_id", "int", None), ("value", "double", None)])
    assert detect_dataset(plain, catalog)["sensor_readings.value"].element is None


def test_audit_columns_and_person_keys(catalog: Catalog) -> None:
    # who created a row is a person, whatever the table is about
    assert _verdict(catalog, "create_by", table="sys_menu").element == "pi.online_identity.account"
    assert _verdict(catalog, "update_by", comment="更新者", table="sys_dict_type").element == (
        "pi.online_identity.account"
    )
    assert _verdict(catalog, "staff_id", "smallint", table="payment").element is not None
    assert _verdict(catalog, "actor_id", "smallint", table="film_actor").element == (
        "pi.online_identity.user_id"
    )
    assert _verdict(catalog, "parent_id", "bigint", table="sys_menu").element is None
    assert _verdict(catalog, "id", "int", table="litemall_coupon_user").element is None
    nested = Dataset("Order", "o.avsc", "avro", (Field("id", "Order.customer.id", "string"),))
    assert detect_dataset(nested, catalog)["Order.customer.id"].element == (
        "pi.online_identity.user_id"
    )


def test_chinese_modifier_order(catalog: Catalog) -> None:
    # 链接地址: an address of a link (modifier first); 头像图片: an image that is an avatar
    assert _verdict(catalog, "url", comment="链接地址", table="ad").element is None
    assert _verdict(catalog, "avatar", comment="头像图片", table="admin").element == (
        "pi.profile.photo"
    )
    assert _verdict(catalog, "picture", "bytea", table="staff").element == "pi.profile.photo"


def test_ascii_terms_in_chinese_comments_stand_alone(catalog: Catalog) -> None:
    assert _verdict(catalog, "f1", comment="客户端IP地址").element == "pi.device.ip"
    assert _verdict(catalog, "f2", comment="VIP等级", table="member").element is None


def test_split_name_reads_one_lower_case_word_as_itself_and_splits_the_rest() -> None:
    """A plain lower-case ASCII word (the catalogs' pinyin spellings) is its own token, without
    the general split; anything else goes through it (digits, capitals, separators, accents)."""
    from dataflow.detect.metadata.words import split_name

    assert split_name("tizhong") == ("tizhong",)
    assert split_name("tizhong2") == ("tizhong", "2")
    assert split_name("tiZhong") == ("ti", "zhong")
    assert split_name("ti_zhong") == ("ti", "zhong")
    assert split_name("TIZHONG") == ("tizhong",)
    # Latin letters with diacritics are spelt in ASCII first, so the word stays whole
    assert split_name("Ersteinschätzung") == ("ersteinschaetzung",)
    assert split_name("Übersicht") == ("uebersicht",)
    # then a word of another language listed in catalogs/data/foreign_words.yaml is read in English
    assert split_name("contraseña") == ("password",)
    assert split_name("Straße") == ("street",)
    assert split_name("体重") == ()
