"""Dataset subjects and attribute families in person context (dataflow/subject.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from builders import finding_of as _finding
from builders import scan_files as _scan

from dataflow.catalog import load_catalog
from dataflow.report import render
from dataflow.scan import ScanOptions, scan_paths

PEIS = """
CREATE TABLE md_peispatientarchive (id bigint PRIMARY KEY, name varchar(20) COMMENT '姓名',
  idcard varchar(18) COMMENT '身份证号') COMMENT='体检人档案';
"""
LIFE = """
CREATE TABLE md_wz_life (id bigint, patientarchive_id bigint COMMENT '档案ID',
  ywlyqk varchar(100) COMMENT '药物滥用情况', jszk varchar(20) COMMENT '精神状况',
  gzdw varchar(50) COMMENT '工作单位', gl int COMMENT '工龄', create_time datetime COMMENT '创建时间');
"""


def test_person_and_person_linked_by_naming_across_files(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"a/archive.sql": PEIS, "b/life.sql": LIFE})
    archive, life = results["md_peispatientarchive"], results["md_wz_life"]
    assert archive.subject.kind == "person"
    assert archive.subject.role == "patient"
    assert life.subject.kind == "person_linked"
    assert [(lk.column, lk.target, lk.via) for lk in life.subject.links] == [
        ("patientarchive_id", "md_peispatientarchive", "naming")
    ]
    abuse = _finding(life, "ywlyqk")
    assert abuse.personal and abuse.sensitive and abuse.element == "pi.health.diagnosis"
    reason = abuse.evidence[-1].detail
    assert "md_wz_life is person-linked" in reason
    assert "md_wz_life.patientarchive_id → md_peispatientarchive" in reason
    assert "'药物滥用'" in reason
    assert _finding(life, "jszk").element == "pi.health.mental"
    assert _finding(life, "gl").category == "pi.education_work"
    assert not _finding(life, "create_time").personal
    assert life.grade.label == "general-4"


def test_foreign_key_chain_english_clinical_schema(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE patients (subject_id int PRIMARY KEY, gender varchar(5), dob timestamp);
    CREATE TABLE visits (visit_no int PRIMARY KEY, pat int REFERENCES patients (subject_id),
      first_careunit varchar(20), los double precision);
    CREATE TABLE prescriptions (row_id int, visit_no int, drug_type varchar(20),
      prod_strength varchar(100), route varchar(20));
    ALTER TABLE ONLY prescriptions ADD CONSTRAINT p_fk FOREIGN KEY (visit_no)
      REFERENCES visits (visit_no);
    """
    results = _scan(tmp_path, {"mimic.sql": sql})
    visits, rx = results["visits"], results["prescriptions"]
    assert visits.dataset.foreign_keys[0].table == "patients"
    assert visits.subject.kind == "person_linked"
    assert visits.subject.links[0].via == "foreign_key"
    assert rx.subject.kind == "person_linked"
    assert rx.subject.links[0].target == "visits"
    for column in ("drug_type", "prod_strength", "route"):
        finding = _finding(rx, column)
        assert finding.sensitive and finding.element == "pi.health.medication", column
    assert _finding(visits, "los").sensitive


def test_dictionary_next_to_person_table_with_the_same_words(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE patient (id int PRIMARY KEY, xm varchar(20) COMMENT '姓名');
    CREATE TABLE exam_result (id int, patient_id int, specimen_name varchar(50),
      result_upper decimal(10,2), jkzk varchar(20) COMMENT '健康状况');
    CREATE TABLE dict_specimen (code varchar(10), specimen_name varchar(50),
      result_upper decimal(10,2), jkzk varchar(20) COMMENT '健康状况',
      pinyin_code varchar(10), five_stroke_code varchar(10));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    assert results["dict_specimen"].subject.kind == "reference"
    assert results["exam_result"].subject.kind == "person_linked"
    for column in ("specimen_name", "result_upper", "jkzk"):
        assert _finding(results["exam_result"], column).sensitive, column
        assert not _finding(results["dict_specimen"], column).personal, column
    assert not any(f.personal for f in results["dict_specimen"].findings)


def test_reference_by_input_code_columns_and_type_tables(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE bz_specimen (code varchar(10), specimen_name varchar(50),
      pinyin_code varchar(10), five_stroke_code varchar(10));
    CREATE TABLE drug_type (id int, name varchar(50));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    assert results["bz_specimen"].subject.kind == "reference"
    assert "pinyin_code" in results["bz_specimen"].subject.evidence[0]
    assert results["drug_type"].subject.kind == "reference"
    assert not any(f.personal for f in results["bz_specimen"].findings)


def test_organisation_and_system_and_unknown(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE sys_config (config_id int, config_name varchar(100), config_value varchar(500));
    CREATE TABLE company (id int, company_name varchar(100), balance decimal(10,2));
    CREATE TABLE widget (id int, colour varchar(10));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    assert results["sys_config"].subject.kind == "system"
    assert results["company"].subject.kind == "organisation"
    assert not _finding(results["company"], "balance").personal
    assert results["widget"].subject.kind == "unknown"


def test_person_roles_and_families_in_pinyin_and_english(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE t_student (id int, xm varchar(20), whcd varchar(10), bj varchar(20),
      jiguan varchar(50));
    CREATE TABLE employees (id int, name varchar(20), job_title varchar(50), department varchar(50),
      hire_date date, remark varchar(200));
    CREATE TABLE member_card (id int, member_id int, card_no varchar(20), balance decimal(10,2),
      recharge_amount decimal(10,2));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    student, employees, card = results["t_student"], results["employees"], results["member_card"]
    assert (student.subject.kind, student.subject.role) == ("person", "student")
    assert (employees.subject.kind, employees.subject.role) == ("person", "employee")
    assert _finding(student, "whcd").element == "pi.education_work.education"
    assert _finding(student, "bj").personal
    assert _finding(employees, "hire_date").category == "pi.education_work"
    assert _finding(employees, "department").category == "pi.education_work"
    assert _finding(employees, "remark").element == "pi.other.free_text"
    assert card.subject.kind == "person_linked"
    assert _finding(card, "card_no").element == "pi.identity.membership_card"
    assert _finding(card, "balance").personal
    assert _finding(card, "recharge_amount").category == "pi.financial"


def test_a_family_by_initials_needs_a_comment_that_does_not_spell_them_otherwise(
    tmp_path: Path,
) -> None:
    sql = """
    CREATE TABLE t_student (id int, xm varchar(20) COMMENT '姓名',
      xl varchar(20) COMMENT '线路', whcd varchar(10) COMMENT '文化程度');
    CREATE TABLE t_teacher (id int, xm varchar(20) COMMENT '姓名', xl varchar(10));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    student, teacher = results["t_student"], results["t_teacher"]
    assert student.subject.kind == "person"
    assert not _finding(student, "xl").personal  # a bus line, not 学历
    assert _finding(student, "whcd").element == "pi.education_work.education"
    assert _finding(teacher, "xl").element == "pi.education_work.education"  # no comment


def test_identifiers_and_credentials(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE sys_user_third (id int, user_id int, third_id varchar(64),
      third_user_uuid varchar(64), session_id varchar(64), archive_no varchar(20));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    third = results["sys_user_third"]
    assert _finding(third, "third_id").element == "pi.online_identity.third_party_account"
    assert _finding(third, "third_user_uuid").element == "pi.online_identity.third_party_account"
    session = _finding(third, "session_id")
    assert session.element == "pi.credential.session" and session.sensitive
    assert _finding(third, "archive_no").element == "pi.identity.record_number"


def test_json_schema_nesting_and_ref_across_files(tmp_path: Path) -> None:
    person = {
        "title": "resume",
        "type": "object",
        "properties": {
            "name": {"type": "string"},
            "education": {"type": "array", "items": {"$ref": "education.json"}},
            "work": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "name": {"type": "string"},
                        "position": {"type": "string"},
                        "startDate": {"type": "string"},
                    },
                },
            },
        },
    }
    education = {
        "title": "education",
        "type": "object",
        "properties": {"institution": {"type": "string"}, "studyType": {"type": "string"}},
    }
    results = _scan(
        tmp_path,
        {"resume.json": json.dumps(person), "education.json": json.dumps(education)},
    )
    by_file = {Path(r.dataset.source_path).name: r for r in results.values()}
    resume, edu = by_file["resume.json"], by_file["education.json"]
    assert resume.subject.kind == "person"
    for column in ("name", "position", "startDate"):
        finding = next(f for f in resume.findings if f.field.pointer.endswith("work[]." + column))
        assert finding.personal and finding.category == "pi.education_work", column
    assert edu.subject.kind == "person_linked"
    assert edu.subject.links[0].via == "nesting"
    assert _finding(edu, "institution").personal


def test_subject_in_json_table_and_markdown(tmp_path: Path) -> None:
    for name, text in {"a.sql": PEIS, "b.sql": LIFE}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    catalog = load_catalog()
    data = json.loads(render(result, "json", catalog=catalog))
    subjects = {d["name"]: d["subject"] for d in data["datasets"]}
    assert subjects["md_wz_life"]["kind"] == "person_linked"
    assert subjects["md_wz_life"]["links"] == [
        {"column": "patientarchive_id", "target": "md_peispatientarchive", "via": "naming"}
    ]
    jsonschema = pytest.importorskip("jsonschema")
    schema_path = Path(__file__).parents[2] / "dataflow" / "schemas" / "scan.schema.json"
    jsonschema.validate(data, json.loads(schema_path.read_text(encoding="utf-8")))
    assert "subject: person_linked (patient)" in render(result, "table", catalog=catalog)
    assert "person\\_linked (patient)" in render(result, "markdown", catalog=catalog)


def test_catalog_show_lists_family_words() -> None:
    from typer.testing import CliRunner

    from dataflow.cli import app

    out = CliRunner().invoke(app, ["catalog", "show", "families"])
    assert out.exit_code == 0, out.output
    assert "health.medication" in out.output and "route" in out.output
    assert "药物" in out.output


def test_criminal_case_family_in_pinyin_and_handlers_do_not_link(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE t_qbhsjds (id int, xingming varchar(20), xingbie varchar(2),
      chushengriqi date, shexianzuiming varchar(100), zhixingriqi date, pinyin varchar(50))
      COMMENT='取保候审决定书';
    CREATE TABLE t_article (id int, created_user_name varchar(20), title varchar(100),
      content varchar(500));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    case = results["t_qbhsjds"]
    assert case.subject.kind == "person"  # identity columns outrank an input-code column
    crime = _finding(case, "shexianzuiming")
    assert crime.sensitive and crime.element == "pi.other.criminal_record"
    assert _finding(case, "zhixingriqi").element == "pi.other.criminal_record"
    notice = results["t_article"]
    assert notice.subject.kind == "unknown"
    assert not _finding(notice, "content").personal


def test_person_name_column_links_a_table_and_organisation_contacts(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE lab_data (id int, person_name varchar(50) COMMENT '检测者姓名',
      item varchar(100) COMMENT '项目', data text COMMENT '数据');
    CREATE TABLE company (id int, address varchar(200), postal_code varchar(10));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    lab = results["lab_data"]
    assert lab.subject.kind == "person_linked"
    assert _finding(lab, "data").sensitive
    company = results["company"]
    assert not _finding(company, "address").personal
    assert not _finding(company, "postal_code").personal


def test_database_foreign_keys_link_subjects(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    import sqlite3

    from typer.testing import CliRunner

    from dataflow.cli import app

    path = tmp_path / "clinic.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE people (pk INTEGER PRIMARY KEY, label TEXT)")
        conn.execute(
            "CREATE TABLE stays (pk INTEGER PRIMARY KEY, who INTEGER REFERENCES people (pk), "
            "careunit TEXT, los REAL)"
        )
    out = CliRunner().invoke(app, ["scan", f"sqlite:///{path}", "--format", "json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    stays = next(d for d in data["datasets"] if d["name"] == "stays")
    assert stays["subject"]["kind"] == "person_linked"
    assert stays["subject"]["links"] == [
        {"column": "who", "target": "people", "via": "foreign_key"}
    ]
    los = next(f for f in stays["fields"] if f["name"] == "los")
    assert los["sensitive"] is True


def test_unknown_subject_record_uid_and_role_named_columns(tmp_path: Path) -> None:
    schema = {
        "title": "incident",
        "type": "array",
        "items": {
            "type": "object",
            "properties": {
                "uid": {"type": "string"},
                "patient_triage": {"type": "string"},
                "summary": {"type": "string"},
            },
        },
    }
    results = _scan(tmp_path, {"incident.json": json.dumps(schema)})
    incident = results["incident"]
    assert incident.subject.kind == "unknown"
    uid = _finding(incident, "uid")
    assert not uid.personal
    assert "unique id of a record" in uid.evidence[-1].detail
    triage = _finding(incident, "patient_triage")
    assert triage.sensitive and triage.category == "pi.health"
    assert not _finding(incident, "summary").personal


def test_subject_evidence_never_quotes_values_from_comments(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE t_fw (id int, xm varchar(20) COMMENT '姓名', sfzh varchar(18) COMMENT '身份证号',
      fzbh varchar(20) COMMENT '如13812345678的房主编号') COMMENT='患者信息 13812345678';
    """
    (tmp_path / "s.sql").write_text(sql, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    catalog = load_catalog()
    for fmt in ("json", "table", "markdown"):
        assert "13812345678" not in render(result, fmt, catalog=catalog).replace(
            "如13812345678的房主编号", ""
        ).replace("患者信息 13812345678", ""), fmt
    (dataset,) = result.datasets
    number = _finding(dataset, "fzbh")
    assert number.element == "pi.online_identity.user_id"
    assert "13812345678" not in number.evidence[-1].detail
    assert all("13812345678" not in e for e in dataset.subject.evidence)


def test_children_and_sensitive_topic_records(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE students (id int, babyName varchar(20), babyBirthday date, babySex int,
      babyClass varchar(20));
    CREATE TABLE patient (id int, name varchar(20));
    CREATE TABLE exam_record (id int, patient_id int, department varchar(50),
      description varchar(500));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    students = results["students"]
    assert (students.subject.kind, students.subject.role) == ("person", "minor")
    klass = _finding(students, "babyClass")
    assert klass.sensitive and klass.sensitive_group == "minors_under_14"
    assert "child under 14" in klass.evidence[-1].detail
    record = results["exam_record"]
    for column in ("department", "description"):
        finding = _finding(record, column)
        assert finding.sensitive and finding.category == "pi.health", column


def test_organisation_name_with_a_persons_columns_is_about_people(tmp_path: Path) -> None:
    """A table named after a clinic that holds a person's sex and birth date is a visit record:
    its clinical columns are health information; the managing organisation's columns and the
    name of a coding system are not the person's. A real clinic table stays an organisation."""
    visit = """
    CREATE TABLE emr_clinic (id bigint COMMENT '主键', srvName varchar(20) COMMENT '姓名',
      genderCode varchar(2) COMMENT '性别代码', birthday date COMMENT '出生日期',
      docOrgName varchar(50) COMMENT '文档管理机构名称', sxCodeName varchar(50)
      COMMENT '症状代码编码系统名称', sxDetail varchar(200) COMMENT '症状描述',
      txPlanAdvice varchar(200) COMMENT '医嘱') COMMENT='门诊病历';
    CREATE TABLE base_clinic (id bigint, clinic_name varchar(50), address varchar(100),
      phone varchar(20), gender_policy varchar(20));
    """
    results = _scan(tmp_path, {"emr.sql": visit})
    clinic = results["emr_clinic"]
    assert clinic.subject.kind == "person"
    assert "describe a person" in clinic.subject.evidence[0]
    assert _finding(clinic, "birthday").personal
    advice = _finding(clinic, "txPlanAdvice")
    assert advice.personal and advice.sensitive and advice.category == "pi.health"
    assert _finding(clinic, "sxDetail").sensitive
    assert not _finding(clinic, "docOrgName").personal
    assert not _finding(clinic, "sxCodeName").personal
    assert results["base_clinic"].subject.kind == "organisation"


def test_examination_department_tables_and_record_state(tmp_path: Path) -> None:
    """A person-linked table named after an examination department (surgery, ECG, 外科) holds
    examination results: its columns are health information. `update_state` is the state of the
    record's processing, not a region, in any table."""
    files = {
        "staff.sql": """
        CREATE TABLE employee (id varchar(18) PRIMARY KEY, name varchar(20), birthday date,
          update_state varchar(2));
        CREATE TABLE surgery (employee_id varchar(18), skin varchar(20), spine varchar(20),
          update_state varchar(2), create_time datetime);
        CREATE TABLE tj_record (id bigint, employee_id varchar(18), pf varchar(20) COMMENT '皮肤')
          COMMENT='外科检查';
        """
    }
    results = _scan(tmp_path, files)
    surgery = results["surgery"]
    assert surgery.subject.kind == "person_linked"
    skin = _finding(surgery, "skin")
    assert skin.personal and skin.sensitive and skin.element == "pi.health.test_result"
    assert _finding(results["tj_record"], "pf").sensitive
    for table in ("employee", "surgery"):
        state = _finding(results[table], "update_state")
        assert not state.personal
    assert not _finding(surgery, "create_time").personal


def test_record_on_a_sensitive_topic_by_its_columns_and_flags(tmp_path: Path) -> None:
    """A person's record whose name says nothing but whose columns are mostly health information
    is a health record: its other columns (痛经, 子宫) are health information too. Flags of the
    record (is_lock, has_used) are not; a flag naming a health fact (is_recheck) is."""
    files = {
        "f.sql": """
        CREATE TABLE staff (id varchar(18) PRIMARY KEY, name varchar(20), mobile varchar(20));
        CREATE TABLE feme (staff_id varchar(18), menarche varchar(20) COMMENT '月经初潮',
          history varchar(200) COMMENT '病史', cycle_days int COMMENT '月经周期',
          dysmenorrhea varchar(20) COMMENT '痛经', uterine varchar(20) COMMENT '子宫',
          is_lock tinyint, has_used tinyint, is_recheck tinyint);
        CREATE TABLE visit (staff_id varchar(18), menarche varchar(20) COMMENT '月经初潮',
          room varchar(20), floor varchar(20), gate varchar(20), guide varchar(20),
          dysmenorrhea varchar(20) COMMENT '痛经');
        """
    }
    results = _scan(tmp_path, files)
    feme = results["feme"]
    for column in ("dysmenorrhea", "uterine", "is_recheck"):
        found = _finding(feme, column)
        assert found.personal and found.sensitive and found.category == "pi.health", column
    assert not _finding(feme, "is_lock").personal
    assert not _finding(feme, "has_used").personal
    # one health column among many is not enough to make a record of that topic
    assert not _finding(results["visit"], "dysmenorrhea").sensitive


def test_behaviour_records_of_a_person_cart_orders_comments(tmp_path: Path) -> None:
    """A person's cart, orders and comments record what they chose, bought and said: every
    attribute column is their behaviour record; keys, status codes and bookkeeping are not. The
    same columns in a product table are not PI."""
    files = {
        "shop.sql": """
        CREATE TABLE shop_user (id int PRIMARY KEY, username varchar(20), mobile varchar(20));
        CREATE TABLE shop_cart (id int, user_id int COMMENT '用户ID', goods_name varchar(50),
          goods_id int, cart_id int, creator_id int, pay_time datetime,
          price decimal(10,2), number int, status_cd varchar(4), add_time datetime)
          COMMENT='购物车';
        CREATE TABLE shop_goods (id int, goods_name varchar(50), price decimal(10,2));
        """
    }
    results = _scan(tmp_path, files)
    cart = results["shop_cart"]
    assert cart.subject.kind == "person_linked"
    for column in ("goods_name", "price"):
        found = _finding(cart, column)
        assert found.personal and found.element == "pi.online_activity.usage_record", column
    assert not _finding(cart, "status_cd").personal
    assert not _finding(cart, "id").personal
    assert not _finding(cart, "cart_id").personal
    assert not _finding(cart, "creator_id").personal
    # what the person chose, and when
    for column in ("goods_id", "add_time", "pay_time"):
        found = _finding(cart, column)
        assert found.personal and found.element == "pi.online_activity.usage_record", column
    goods = results["shop_goods"]
    assert not any(f.personal for f in goods.findings)


def test_insured_persons_vehicle_policy_and_named_parties(tmp_path: Path) -> None:
    """A vehicle insured for a person: the vehicle's details are the person's vehicle information,
    premiums and policy numbers their financial information, and a comment naming a party's name
    (被保险人名称, 行驶证车主) is a name. A parking-space table is not about vehicles."""
    files = {
        "ins.sql": """
        CREATE TABLE vehicle (id int, sfzh varchar(18) COMMENT '身份证号码',
          dianhua varchar(20) COMMENT '手机', bbxrmc varchar(50) COMMENT '被保险人名称',
          chezhu varchar(20) COMMENT '行驶证车主', cpxh varchar(50) COMMENT '（车辆）厂牌型号',
          fdjxh varchar(50) COMMENT '（车辆）发动机型号', bxf decimal(10,2) COMMENT '保险费小计',
          bdh varchar(30) COMMENT '上年商业险保单号');
        CREATE TABLE car_park (id int, owner_name varchar(20) COMMENT '业主名',
          park_type varchar(4) COMMENT '车位类型');
        """
    }
    results = _scan(tmp_path, files)
    vehicle = results["vehicle"]
    assert vehicle.subject.kind == "person"
    for column in ("bbxrmc", "chezhu"):
        assert _finding(vehicle, column).element == "pi.identity.name", column
    for column in ("cpxh", "fdjxh"):
        assert _finding(vehicle, column).element == "pi.vehicle.details", column
    for column in ("bxf", "bdh"):
        assert _finding(vehicle, column).element == "pi.financial.amount", column
    # a parking space carrying its owner's name: its type is the owner's, not a vehicle's detail
    assert _finding(results["car_park"], "park_type").element == "pi.other.person_attribute"


def test_generic_words_in_a_record_of_one_person(tmp_path: Path) -> None:
    """In a table whose rows are people (found by its ID-card and sex columns), a bare `name` or
    `nation` is the person's name or ethnicity; in a table of things it is not, nor is a name
    column of something else in the person's table (`org_name`)."""
    files = {
        "jw.sql": """
        CREATE TABLE basic_info (id char(10), name varchar(30), gender tinyint,
          idcard char(18), nation varchar(30), org_name varchar(30));
        CREATE TABLE course (id char(10), name varchar(30), nation varchar(30));
        """
    }
    results = _scan(tmp_path, files)
    info = results["basic_info"]
    assert info.subject.kind == "person"
    assert _finding(info, "name").element == "pi.identity.name"
    assert _finding(info, "nation").element == "pi.profile.ethnicity"
    assert "record of one person" in _finding(info, "nation").evidence[-1].detail
    assert not _finding(info, "org_name").personal
    course = results["course"]
    assert not _finding(course, "name").personal
    assert not _finding(course, "nation").personal


def test_a_childs_record_and_messages_by_sender(tmp_path: Path) -> None:
    """A record with a teacher's and a child's key is about the child: all its personal fields
    are sensitive (PIPL Art. 28), sign-in times included. A chat table with a sender column is
    person-linked and its content is the person's messages."""
    files = {
        "kg.sql": """
        CREATE TABLE sign_in (id int, type int COMMENT '1:入园 2：出园', teacher_id int,
          time datetime, photo varchar(200), child_id int COMMENT '对应user表id');
        CREATE TABLE chat (id int, sender_id int COMMENT '发消息者的id', content text);
        """
    }
    results = _scan(tmp_path, files)
    sign = results["sign_in"]
    assert sign.subject.role == "minor"
    # the child's column is what makes it the child's record (named as a child, or as the
    # minor the teacher on the record serves)
    assert any(
        e.startswith("column 'child_id'") and ("child" in e or "minor" in e)
        for e in sign.subject.evidence
    )
    for column in ("time", "type"):
        found = _finding(sign, column)
        assert found.personal and found.sensitive, column
    chat = results["chat"]
    assert chat.subject.kind == "person_linked"
    content = _finding(chat, "content")
    assert content.personal and content.element == "pi.communication.content"


def test_coded_values_of_a_clinical_record(tmp_path: Path) -> None:
    """`route_concept_id` in a patient's drug record is the route in code form: health
    information, unlike `drug_exposure_id` (the record's key). An episode of care is a clinical
    record."""
    files = {
        "omop.sql": """
        CREATE TABLE person (person_id integer PRIMARY KEY, gender_concept_id integer,
          birth_datetime timestamp);
        CREATE TABLE drug_exposure (drug_exposure_id integer, person_id integer
          REFERENCES person (person_id), route_concept_id integer, refills integer,
          quantity float);
        CREATE TABLE basket (id integer, person_id integer REFERENCES person (person_id),
          item_count integer);
        CREATE TABLE episode (episode_id integer, person_id integer REFERENCES person (person_id),
          episode_start_date date, episode_number integer);
        """
    }
    results = _scan(tmp_path, files)
    drug = results["drug_exposure"]
    route = _finding(drug, "route_concept_id")
    assert route.personal and route.sensitive and route.category == "pi.health"
    assert not _finding(drug, "drug_exposure_id").personal
    # how much of a drug a patient had is health information; a count elsewhere is not
    assert _finding(drug, "quantity").sensitive
    assert not _finding(results["basket"], "item_count").personal
    episode = results["episode"]
    start = _finding(episode, "episode_start_date")
    assert start.sensitive and start.element == "pi.health.medical_record"


def test_comment_naming_the_value_of_an_id_column(tmp_path: Path) -> None:
    """`EmployeeID` commented '员工身份证' holds an ID-card number used as a key (sensitive);
    `address_id` commented '地址ID' still points at another record."""
    files = {
        "x.sql": """
        CREATE TABLE ecg (EmployeeID varchar(18) COMMENT '员工身份证', address_id int
          COMMENT '地址ID');
        """
    }
    ecg = _scan(tmp_path, files)["ecg"]
    key = _finding(ecg, "EmployeeID")
    assert key.element == "pi.identity.resident_id" and key.sensitive
    assert _finding(ecg, "address_id").element != "pi.contact.address"


def test_keys_naming_a_persons_school_and_class(tmp_path: Path) -> None:
    """In a pupil's record, `edu_school_id` and `edu_class_id` say where the pupil studies
    (education); the record's own keys do not."""
    files = {
        "pe.sql": """
        CREATE TABLE student (id int PRIMARY KEY, name varchar(20), id_card varchar(18));
        CREATE TABLE enrolment (id int, student_id int, edu_school_id int, edu_class_id int,
          enrolment_id int, remark varchar(100));
        """
    }
    result = _scan(tmp_path, files)["enrolment"]
    assert result.subject.kind == "person_linked"
    for column in ("edu_school_id", "edu_class_id"):
        found = _finding(result, column)
        assert found.personal and found.element == "pi.education_work.education", column
    assert not _finding(result, "enrolment_id").personal
    assert not _finding(result, "id").personal


def test_comment_term_beats_status_suffix_and_dates_of_work(tmp_path: Path) -> None:
    """`teacher_politics_status` commented '政治面貌' is the political affiliation, not a status
    flag ('任务状态' still is one); dates of employment are work history."""
    files = {
        "hr.sql": """
        CREATE TABLE basic_teacher (teacher_id int, teacher_cname varchar(20) COMMENT '中文名',
          teacher_identify varchar(18) COMMENT '身份证',
          teacher_politics_status varchar(10) COMMENT '政治面貌',
          teacher_work_date date COMMENT '参加工作时间');
        CREATE TABLE batch_task (id int, task_status int COMMENT '任务状态');
        """
    }
    results = _scan(tmp_path, files)
    teacher = results["basic_teacher"]
    politics = _finding(teacher, "teacher_politics_status")
    assert politics.element == "pi.special_identity.political_status"
    assert not _finding(results["batch_task"], "task_status").personal
    work = _finding(teacher, "teacher_work_date")
    assert work.personal and work.category == "pi.education_work"


def test_unit_and_room_numbers_of_a_residents_record(tmp_path: Path) -> None:
    """The unit and room numbers of a resident's bill say where the person lives."""
    files = {
        "p.sql": """
        CREATE TABLE charge_visit (id int, user_name varchar(20) COMMENT '客户姓名',
          unit_num varchar(10) COMMENT '单元号', house_num varchar(10) COMMENT '房间号',
          price decimal(10,2) COMMENT '费用');
        """
    }
    visit = _scan(tmp_path, files)["charge_visit"]
    for column in ("unit_num", "house_num"):
        found = _finding(visit, column)
        assert found.personal and found.category == "pi.location", column


def test_descriptions_saying_a_field_is_the_persons(tmp_path: Path) -> None:
    """In a JSON Schema of a person, properties described as the person's ("The person's
    memberships", "Votes cast by the person") are the person's attributes; a description that
    does not say so ("The time at which the resource was created") is not."""
    person = {
        "title": "Person",
        "description": "A real person",
        "type": "object",
        "properties": {
            "name": {"type": "string", "description": "A person's full name"},
            "email": {"type": "string"},
            "memberships": {"type": "array", "description": "The person's memberships"},
            "votes": {"type": "array", "description": "Votes cast by the person"},
            "sources": {"type": "array", "description": "Where the record was copied from"},
        },
    }
    result = _scan(tmp_path, {"person.json": json.dumps(person)})
    found = next(iter(result.values()))
    assert found.subject.kind == "person"
    by_name = {f.field.name: f for f in found.findings}
    for column in ("memberships", "votes"):
        assert by_name[column].personal and by_name[column].element == "pi.tag.profile_tag"
    assert not by_name["sources"].personal


def test_pinyin_initials_of_admission_and_graduation(tmp_path: Path) -> None:
    """A student's 毕业学校 (byxx), 高考成绩 (gkcj), 录取号 (lqh) and 入学时间 (rxsj) in
    pinyin initials are education; the same names in a table of things are not."""
    files = {
        "xs.sql": """
        CREATE TABLE xs_info (xh char(10), xm varchar(30), sfzh char(18), byxx varchar(50),
          gkcj int, lqh varchar(20), rxsj date);
        CREATE TABLE zd_school (dm char(4), byxx varchar(50));
        """
    }
    results = _scan(tmp_path, files)
    info = results["xs_info"]
    for column in ("byxx", "gkcj", "lqh", "rxsj"):
        found = _finding(info, column)
        assert found.personal and found.element == "pi.education_work.education", column
    assert not _finding(results["zd_school"], "byxx").personal


def test_labour_and_delivery_record_in_chinese_comments(tmp_path: Path) -> None:
    """A delivery record keyed by a pregnant patient: flags of symptoms and procedures named in
    Chinese (是否有恶心, 是否剖宫产), labour stages, doses and blood gas values are health
    information; the newborn's sex is the child's (sensitive); 分娩时间 is the delivery, not a
    birth date. A code list next to it with the same words is not personal."""
    files = {
        "ob.sql": """
        create table parturients (id varchar(10) not null comment '住院号',
          name varchar(30) comment '姓名', age int comment '年龄',
          has_induction tinyint(1) comment '是否引产') comment '孕妇';
        create table labour_observation (id int primary key,
          parturient_id varchar(10) comment '孕妇住院号',
          has_nausea tinyint(1) comment '是否有恶心', has_c_section tinyint(1) comment '是否剖宫产',
          first_stage_minutes int comment '第一产程时长', bolus_ml int comment '追加量(ml)',
          drug_x tinyint(1) comment '是否使用某药', arterial_ph float comment '动脉PH值',
          delivered_at datetime comment '分娩时间', newborn_sex int comment '新生儿性别，1：男，2：女',
          is_delete tinyint(1) comment '删除标志') comment '观察数据';
        create table symptom_dict (code varchar(10) primary key, name varchar(50) comment '症状',
          pinyin_code varchar(20) comment '拼音码');
        """
    }
    results = _scan(tmp_path, files)
    record = results["labour_observation"]
    assert record.subject.kind == "person_linked"
    for column in ("has_nausea", "has_c_section", "first_stage_minutes", "bolus_ml", "drug_x"):
        found = _finding(record, column)
        assert found.personal and found.sensitive and found.category == "pi.health", column
    assert _finding(record, "arterial_ph").sensitive
    delivered = _finding(record, "delivered_at")
    assert delivered.sensitive and delivered.category == "pi.health"
    assert "分娩" in delivered.evidence[-1].detail
    sex = _finding(record, "newborn_sex")
    assert sex.sensitive and sex.sensitive_group == "minors_under_14"
    assert not _finding(record, "is_delete").personal
    induction = _finding(results["parturients"], "has_induction")
    assert induction.sensitive and induction.category == "pi.health"
    assert results["symptom_dict"].subject.kind == "reference"
    assert not _finding(results["symptom_dict"], "name").personal


HR = """
CREATE TABLE `hr_archive` (`code` varchar(32) NOT NULL COMMENT '编号',
  `real_name` varchar(64) COMMENT '姓名', `id_no` varchar(32) COMMENT '身份证号',
  `wage_card` varchar(32) COMMENT '工资卡号', `probation_time` datetime COMMENT '试用期时间',
  `insurance_info` varchar(255) COMMENT '五险一金信息', PRIMARY KEY (`code`)
) COMMENT='人事档案';
CREATE TABLE `hr_leave_apply` (`code` varchar(32) NOT NULL COMMENT '编号',
  `apply_user` varchar(32) COMMENT '申请人', `apply_datetime` datetime COMMENT '申请时间',
  `reason` varchar(255) COMMENT '事由', `start_datetime` datetime COMMENT '开始时间',
  `hours` int COMMENT '时长', `status` varchar(4) COMMENT '状态',
  `updater` varchar(32) COMMENT '更新人', PRIMARY KEY (`code`)) COMMENT='请假申请';
CREATE TABLE `hr_leave_apply_item` (`id` int NOT NULL AUTO_INCREMENT,
  `leave_apply_code` varchar(32) COMMENT '请假申请编号', `day` datetime COMMENT '日期',
  `hours` int COMMENT '时长', PRIMARY KEY (`id`)) COMMENT='明细';
CREATE TABLE `hr_candidate_form` (`code` varchar(32) NOT NULL,
  `real_name` varchar(64) COMMENT '真实姓名', `gender` varchar(8) COMMENT '性别',
  `birthday` varchar(32) COMMENT '出生年月', `id_no` varchar(32) COMMENT '身份证号码',
  `is_out` char(1) COMMENT '能否出差', PRIMARY KEY (`code`)) COMMENT='应聘岗位';
CREATE TABLE `tp_headcount_request` (`code` varchar(32) NOT NULL,
  `position` varchar(64) COMMENT '招聘岗位', `replaced_nm` varchar(64) COMMENT '被替代者姓名',
  `gender` varchar(8) COMMENT '性别', `age` varchar(16) COMMENT '年龄',
  `education` varchar(32) COMMENT '文化程度', PRIMARY KEY (`code`)) COMMENT='用人申请';
CREATE TABLE `tp_headcount_control` (`code` varchar(32) NOT NULL,
  `full_nm` varchar(64) COMMENT '姓名', `gender` varchar(8) COMMENT '性别', PRIMARY KEY (`code`));
CREATE TABLE `hr_scope` (`id` int NOT NULL, `staff_code` varchar(32) COMMENT '人员编号',
  `type` varchar(32) COMMENT '类型(所有人员=-1,部门=2,职位=3)', PRIMARY KEY (`id`));
"""


def test_hr_personnel_files_applications_and_requests(tmp_path: Path) -> None:
    """An applicant column (`apply_user` 申请人) makes a leave application the person's record:
    its dates, hours and reason are work records, and so are the rows of its detail table, whose
    key names the application. An applicant's form keeps its identity fields although its
    comment names a post; a staffing request naming the person to be replaced is not a record
    of people."""
    results = _scan(tmp_path, {"hr.sql": HR})
    archive = results["hr_archive"]
    card = _finding(archive, "wage_card")
    assert card.sensitive and card.element == "pi.financial.bank_card"
    for column in ("probation_time", "insurance_info"):
        found = _finding(archive, column)
        assert found.personal and not found.sensitive, column
    leave = results["hr_leave_apply"]
    assert leave.subject.kind == "person_linked"
    assert [lk.column for lk in leave.subject.links] == ["apply_user"]
    for column in ("apply_datetime", "reason", "start_datetime", "hours"):
        assert _finding(leave, column).personal, column
    item = results["hr_leave_apply_item"]
    assert [(lk.column, lk.target) for lk in item.subject.links] == [
        ("leave_apply_code", "hr_leave_apply")
    ]
    for column in ("day", "hours"):
        assert _finding(item, column).category == "pi.education_work", column
    form = results["hr_candidate_form"]
    assert _finding(form, "real_name").element == "pi.identity.name"
    assert _finding(form, "id_no").sensitive
    assert _finding(form, "is_out").personal
    request = results["tp_headcount_request"]
    assert request.subject.kind == "unknown"  # 被替代者姓名 is someone else's name
    assert results["tp_headcount_control"].subject.kind == "person"  # 姓名 is the row's
    # a value list in a comment names codes, not what the column is about
    assert not _finding(results["hr_scope"], "type").personal


def test_house_listings_and_estates_are_not_the_owners(tmp_path: Path) -> None:
    """A house row carrying its owner's name and phone is the owner's for its address; a sale
    listing that points at the house, and an estate (小区) table, describe places."""
    files = {
        "h.sql": """
        CREATE TABLE estate (estate_name VARCHAR(255) PRIMARY KEY COMMENT '小区名称',
          region VARCHAR(255) COMMENT '地址', city VARCHAR(100) COMMENT '城市',
          postal_code VARCHAR(20) COMMENT '邮政编码', description TEXT COMMENT '描述');
        CREATE TABLE dwelling (dwelling_id VARCHAR(64) PRIMARY KEY COMMENT '房屋编号',
          dwelling_address VARCHAR(255) COMMENT '房屋地址', owner_name VARCHAR(100) COMMENT '户主姓名',
          owner_phone VARCHAR(20) COMMENT '户主联系方式');
        CREATE TABLE dwelling_listing (dwelling_id VARCHAR(64) PRIMARY KEY,
          estate_name VARCHAR(255) COMMENT '小区名称', price DECIMAL(10,2) COMMENT '挂牌价',
          listed_at DATETIME COMMENT '挂牌时间');
        CREATE TABLE residential_stats (id int, city VARCHAR(100) COMMENT '城市');
        """
    }
    results = _scan(tmp_path, files)
    dwelling = results["dwelling"]
    assert dwelling.subject.kind == "person_linked"
    assert _finding(dwelling, "dwelling_address").personal
    assert results["dwelling_listing"].subject.kind == "unknown"
    for column in ("estate_name", "price"):
        assert not _finding(results["dwelling_listing"], column).personal, column
    assert results["estate"].subject.kind == "organisation"
    for column in ("region", "city", "postal_code", "description"):
        assert not _finding(results["estate"], column).personal, column
    assert results["residential_stats"].subject.role is None


def test_comment_topic_beats_an_english_name_word_and_ssn_tables(tmp_path: Path) -> None:
    """`check` in a table name would make every column a health result, but its comment says it
    is an appraisal (考核). A table holding an SSN and a name is about people (English, no
    comments); a patient's treatment table is a clinical record."""
    files = {
        "c.sql": """
        CREATE TABLE emp (code varchar(32) PRIMARY KEY, real_name varchar(64) COMMENT '姓名',
          id_no varchar(32) COMMENT '身份证号');
        CREATE TABLE emp_check_item (code varchar(32) PRIMARY KEY, emp_code varchar(32),
          item_result varchar(255) COMMENT '考核指标', remark varchar(255) COMMENT '备注')
          COMMENT '考核项目';
        """,
        "d.sql": """
        CREATE TABLE Officer (ssn CHAR(9) PRIMARY KEY, name VARCHAR(40), address VARCHAR(80));
        CREATE TABLE Patient (phone CHAR(10) PRIMARY KEY, first_name VARCHAR(20));
        CREATE TABLE Treatment (treatment_id INT PRIMARY KEY, method VARCHAR(40),
          patient_phone CHAR(10) REFERENCES Patient(phone));
        """,
    }
    results = _scan(tmp_path, files)
    check = results["emp_check_item"]
    assert check.subject.kind == "person_linked"
    for column in ("item_result", "remark"):
        assert not _finding(check, column).sensitive, column
    assert results["Officer"].subject.kind == "person"
    assert _finding(results["Officer"], "name").element == "pi.identity.name"
    method = _finding(results["Treatment"], "method")
    assert method.sensitive and method.category == "pi.health"


def test_surgery_records_and_pupils_of_a_primary_school(tmp_path: Path) -> None:
    """A patient's surgery record is health information in every column (手术 topic), the same
    words in a code list are not; the students of a primary school (小学) are children, whose
    personal information is all sensitive, while a teacher table there is not a child's."""
    files = {
        "op.sql": """
        CREATE TABLE patient (id bigint PRIMARY KEY, name varchar(20) COMMENT '姓名');
        CREATE TABLE op_record (id bigint PRIMARY KEY, patient_id bigint COMMENT '患者ID',
          room varchar(20) COMMENT '手术间', anesthesia_way varchar(20) COMMENT '麻醉方式',
          started datetime COMMENT '开始时间') COMMENT '手术记录';
        CREATE TABLE op_dict (code varchar(10) PRIMARY KEY, anesthesia_way varchar(20)
          COMMENT '麻醉方式', pinyin_code varchar(20));
        """,
        "school.sql": """
        CREATE TABLE students (id int PRIMARY KEY, name varchar(20) COMMENT '姓名',
          class_name varchar(20) COMMENT '班级') COMMENT '小学学生信息';
        CREATE TABLE teachers (id int PRIMARY KEY, name varchar(20) COMMENT '姓名',
          mobile varchar(20) COMMENT '手机') COMMENT '小学教师信息';
        """,
    }
    results = _scan(tmp_path, files)
    record = results["op_record"]
    for column in ("room", "anesthesia_way", "started"):
        found = _finding(record, column)
        assert found.sensitive and found.category == "pi.health", column
    assert not _finding(results["op_dict"], "anesthesia_way").personal
    students = results["students"]
    assert (students.subject.kind, students.subject.role) == ("person", "minor")
    assert "'小学' says its people are children" in students.subject.evidence
    klass = _finding(students, "class_name")
    assert klass.sensitive and klass.sensitive_group == "minors_under_14"
    assert results["teachers"].subject.role == "employee"
    assert not _finding(results["teachers"], "mobile").sensitive


def test_a_text_column_named_by_a_staff_role_is_a_name(tmp_path: Path) -> None:
    """`Instructor` (text) on a course section and `doctor_name` on a visit name the staff member
    on the record: personal information. A numeric `doctor` key and a `user` column are not
    taken for names."""
    files = {
        "c.sql": """
        CREATE TABLE SECTION (SectionIdentifier INT PRIMARY KEY, CourseNumber VARCHAR(10),
          Instructor VARCHAR(20));
        CREATE TABLE patient (id INT PRIMARY KEY, name VARCHAR(20), birthday DATE);
        CREATE TABLE visit (id INT PRIMARY KEY, patient_id INT, doctor_name VARCHAR(20),
          doctor INT, user VARCHAR(20));
        """
    }
    results = _scan(tmp_path, files)
    instructor = _finding(results["SECTION"], "Instructor")
    assert instructor.personal and instructor.element == "pi.identity.name"
    assert "'Instructor' names the employee on the record" in instructor.evidence[-1].detail
    visit = results["visit"]
    assert _finding(visit, "doctor_name").element == "pi.identity.name"
    assert not _finding(visit, "doctor").personal
    assert _finding(visit, "user").element != "pi.identity.name"


def test_a_personnel_file_named_human_file_and_its_records(tmp_path: Path) -> None:
    """An HR schema without comments: `human_file` is a personnel file (a role word before
    `file`), not system data; `human_id` / `human_name` link bonus rows to the person; the party,
    speciality, photo and years of education of the person are PI, a photo on a meal record is
    not."""
    files = {
        "hr.sql": """
        create table human_file (huf_id smallint primary key, human_id varchar(30),
          human_name varchar(60), human_party varchar(60), human_speciality varchar(60),
          human_picture varchar(255), human_educated_years int, human_bank varchar(60),
          human_religion varchar(60), human_society_security_id varchar(30));
        create table bonus (bon_id smallint primary key, human_id varchar(30),
          human_name varchar(60), bonus_worth decimal(10,2), remark text);
        create table config_file (id int primary key, file_name varchar(60));
        create table teacher (id int primary key, name varchar(20), mobile varchar(20));
        create table cookbook (id int primary key, teacher_id int, photo varchar(200));
        """
    }
    results = _scan(tmp_path, files)
    person = results["human_file"]
    assert (person.subject.kind, person.subject.role) == ("person", "user")
    assert "is a person's file" in person.subject.evidence[0]
    assert results["config_file"].subject.kind == "system"
    assert _finding(person, "human_name").element == "pi.identity.name"
    assert _finding(person, "human_party").element == "pi.special_identity.political_status"
    assert _finding(person, "human_speciality").category == "pi.education_work"
    assert _finding(person, "human_picture").element == "pi.profile.photo"
    assert _finding(person, "human_educated_years").element == "pi.education_work.education"
    assert _finding(person, "human_bank").personal
    assert _finding(person, "human_religion").sensitive
    security = _finding(person, "human_society_security_id")
    assert security.element == "pi.identity.social_security"
    bonus = results["bonus"]
    assert bonus.subject.kind == "person_linked"
    assert _finding(bonus, "human_name").element == "pi.identity.name"
    assert _finding(bonus, "bonus_worth").personal
    assert not _finding(results["cookbook"], "photo").personal


def test_state_and_time_of_a_persons_order_invoice_and_complaint(tmp_path: Path) -> None:
    """On a record of a person's action (an order, an invoice, a complaint) its state and time
    are the event's, and so is the order's own creation time (when the person ordered); a
    product's status stays bookkeeping."""
    files = {
        "shop.sql": """
        CREATE TABLE member (member_id INT PRIMARY KEY, name VARCHAR(20), phone VARCHAR(20));
        CREATE TABLE orders (orders_id INT PRIMARY KEY,
          member_id INT REFERENCES member (member_id), status VARCHAR(10), created_at TIMESTAMP);
        CREATE TABLE complaint (id INT PRIMARY KEY, user_id INT, time DATETIME, content TEXT);
        CREATE TABLE product (id INT PRIMARY KEY, title VARCHAR(50), status VARCHAR(10));
        """
    }
    results = _scan(tmp_path, files)
    orders = results["orders"]
    status = _finding(orders, "status")
    assert status.personal and status.element == "pi.online_activity.usage_record"
    assert _finding(orders, "created_at").personal
    complaint = results["complaint"]
    assert _finding(complaint, "time").personal
    assert _finding(complaint, "content").personal
    assert not _finding(results["product"], "status").personal


def test_pinyin_initial_school_tables_and_comment_clauses(tmp_path: Path) -> None:
    """`XS_JBXX` (学生基本信息) is a student's record and `JZG` (教职工) names staff; a birth
    date whose comment goes on to give its format is still a birth date; a card transaction table
    (一卡通交易表) is the cardholder's, so its amounts are PI."""
    files = {
        "xs.sql": """
        CREATE TABLE EDU_FDM_XS_JBXX (XH VARCHAR(20) COMMENT '学号', XM VARCHAR(60) COMMENT '姓名',
          CYM VARCHAR(60) COMMENT '曾用名', CSRQ VARCHAR(10) COMMENT '出生日期,格式YYYY-MM-DD',
          TXGS VARCHAR(10) COMMENT '格式');
        CREATE TABLE EDU_FDM_JZG (GH VARCHAR(20) COMMENT '工号', XM VARCHAR(60) COMMENT '姓名');
        CREATE TABLE EDU_FDM_YKT_JY (KH VARCHAR(30) COMMENT '卡号',
          JYJE DECIMAL(10,2) COMMENT '交易金额') COMMENT='一卡通交易表';
        CREATE TABLE EDU_FDM_SP_JY (SPMC VARCHAR(30) COMMENT '商品名称',
          JYJE DECIMAL(10,2) COMMENT '交易金额') COMMENT='商品交易表';
        """
    }
    results = _scan(tmp_path, files)
    student = results["EDU_FDM_XS_JBXX"]
    assert (student.subject.kind, student.subject.role) == ("person", "student")
    assert _finding(student, "CSRQ").element == "pi.profile.birth_date"
    assert _finding(student, "CYM").element == "pi.identity.name"
    assert not _finding(student, "TXGS").personal
    assert results["EDU_FDM_JZG"].subject.role == "employee"
    card = results["EDU_FDM_YKT_JY"]
    assert card.subject.kind == "person_linked"
    assert _finding(card, "JYJE").personal
    assert not _finding(results["EDU_FDM_SP_JY"], "JYJE").personal


MATERNAL_DDL = """
CREATE TABLE [dbo].[HealthFileMaternal] ([ID] [int] NOT NULL, [Name] [nvarchar] (20) NULL,
  [Birthday] [datetime] NULL, [Tel] [varchar] (20) NULL, [HusbandName] [nvarchar] (20) NULL,
  [Gravidity] [int] NULL) ON [PRIMARY]
GO
ALTER TABLE [dbo].[HealthFileMaternal] ADD CONSTRAINT [PK_HFM] PRIMARY KEY CLUSTERED ([ID])
GO
CREATE TABLE [dbo].[PregnancyRecord] ([ID] [int] NOT NULL, [HealthFileMaternalID] [int] NULL,
  [RecordDate] [datetime] NULL, [Record] [nvarchar] (500) NULL, [DealOpinion] [nvarchar] (500) NULL)
GO
CREATE TABLE [dbo].[Hospitalization] ([ID] [int] NOT NULL, [PatientID] [int] NULL,
  [BeginDate] [datetime] NULL, [Reason] [nvarchar] (200) NULL, [Hospital] [nvarchar] (50) NULL)
GO
CREATE TABLE [dbo].[DiagnoseCoding] ([ID] [int] NOT NULL, [Name] [nvarchar] (50) NULL)
GO
"""


def test_sql_server_maternal_records_link_to_a_file_found_by_its_columns(tmp_path: Path) -> None:
    """SQL Server DDL without comments: `HealthFileMaternal` is a person's table by its identity
    columns, so `PregnancyRecord.HealthFileMaternalID` makes the pregnancy record hers, and every
    column of a pregnancy record or a hospital stay is sensitive health information."""
    results = _scan(tmp_path, {"dbo.sql": MATERNAL_DDL})
    file = results["dbo.HealthFileMaternal"]
    assert file.subject.kind == "person"
    assert _finding(file, "HusbandName").personal
    gravidity = _finding(file, "Gravidity")
    assert gravidity.sensitive and gravidity.element == "pi.health.fertility"
    record = results["dbo.PregnancyRecord"]
    assert record.subject.kind == "person_linked"
    assert [lk.target for lk in record.subject.links] == ["HealthFileMaternal"]
    for column in ("RecordDate", "Record", "DealOpinion"):
        found = _finding(record, column)
        assert found.sensitive and found.element == "pi.health.fertility", column
    stay = results["dbo.Hospitalization"]
    for column in ("BeginDate", "Reason"):
        found = _finding(stay, column)
        assert found.sensitive and found.element == "pi.health.medical_visit", column
    assert not _finding(results["dbo.DiagnoseCoding"], "Name").sensitive


def test_pupils_of_a_kindergarten_by_a_column_and_json_ld_markup(tmp_path: Path) -> None:
    """A student table with a `KINDERGARTEN_ID` column holds young children (every PI field of
    theirs is sensitive); a JSON-LD `@type` inside a CV is markup, not the person's."""
    cv = {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Resume",
        "type": "object",
        "properties": {
            "work": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {"@type": {"type": "string"}, "position": {"type": "string"}},
                },
            }
        },
    }
    files = {
        "s.sql": """
        CREATE TABLE tb_student_infostudent (STUDENT_ID varchar(32) PRIMARY KEY,
          NAME varchar(50) COMMENT '学生名称', BIRTHDAY date COMMENT '出生日期',
          KINDERGARTEN_ID varchar(255) COMMENT '园区名称');
        CREATE TABLE tb_student_infoadult (STUDENT_ID varchar(32) PRIMARY KEY,
          NAME varchar(50) COMMENT '学生名称', BIRTHDAY date COMMENT '出生日期');
        """,
        "resume.schema.json": json.dumps(cv),
    }
    results = _scan(tmp_path, files)
    pupils = results["tb_student_infostudent"]
    assert pupils.subject.role == "minor"
    name = _finding(pupils, "NAME")
    assert name.sensitive and name.sensitive_group == "minors_under_14"
    college = results["tb_student_infoadult"]
    assert college.subject.role == "student"
    assert not _finding(college, "NAME").sensitive
    resume = next(d for n, d in results.items() if "Resume" in n)
    fields = {f.field.pointer.rsplit(".", 1)[-1]: f for f in resume.findings}
    assert fields["position"].personal
    assert not fields["@type"].personal


def test_a_newborn_home_visit_is_a_health_examination(tmp_path: Path) -> None:
    """`BabyVisit` (a newborn's home visit, 新生儿访视) is an examination of the child: its
    numbered exam columns are health information; a shop's `visit` log is not."""
    files = {
        "v.sql": """
        CREATE TABLE [dbo].[BabyVisit] ([ID] [int] NOT NULL, [Name] [nvarchar] (20) NULL,
          [Exam01] [nvarchar] (20) NULL, [Exam12Other] [nvarchar] (50) NULL,
          [Sleepy] [nvarchar] (20) NULL)
        GO
        CREATE TABLE [dbo].[UserVisit] ([ID] [int] NOT NULL, [UserID] [int] NULL,
          [Page] [nvarchar] (200) NULL)
        GO
        """
    }
    results = _scan(tmp_path, files)
    visit = results["dbo.BabyVisit"]
    assert visit.subject.role == "minor"
    for column in ("Exam01", "Exam12Other", "Sleepy"):
        found = _finding(visit, column)
        assert found.sensitive and found.category == "pi.health", column
    assert not _finding(results["dbo.UserVisit"], "Page").sensitive


def test_an_insurance_policy_is_a_document_about_its_policyholder(tmp_path: Path) -> None:
    """`insurance_policy` is the policyholder's contract: its number, premium and payment terms
    are that person's; a `privacy_policy` table is not."""
    files = {
        "p.sql": """
        CREATE TABLE insurance_policy (id bigint PRIMARY KEY, policy_no bigint COMMENT '保单号',
          premium decimal(12,2) COMMENT '保费', payment_method varchar(20) COMMENT '缴费方式');
        CREATE TABLE privacy_policy (id bigint PRIMARY KEY, content text, version varchar(10));
        """
    }
    results = _scan(tmp_path, files)
    policy = results["insurance_policy"]
    assert policy.subject.kind == "person"
    assert "'insurance policy' is a document about one person" in policy.subject.evidence[0]
    for column in ("policy_no", "premium", "payment_method"):
        assert _finding(policy, column).personal, column
    assert results["privacy_policy"].subject.kind != "person"
    assert not _finding(results["privacy_policy"], "content").personal


def test_a_library_loan_is_the_readers_by_a_commented_column(tmp_path: Path) -> None:
    """A loan table keyed by nothing a name says, whose `DZXM` column is '读者姓名' (the reader's
    name): its rows are the reader's loans, so the book and dates are the reader's behaviour; a
    book catalogue with a title and a date is not."""
    files = {
        "ts.sql": """
        CREATE TABLE edu_fdm_ts_jyjl (TSMC VARCHAR(100) COMMENT '图书名称',
          DZXM VARCHAR(40) COMMENT '读者姓名', WJSJ VARCHAR(18) COMMENT '外借时间')
          COMMENT='图书借阅记录表';
        CREATE TABLE edu_fdm_ts_ml (TSMC VARCHAR(100) COMMENT '图书名称',
          CBRQ VARCHAR(18) COMMENT '出版日期') COMMENT='图书目录';
        """
    }
    results = _scan(tmp_path, files)
    loans = results["edu_fdm_ts_jyjl"]
    assert loans.subject.kind == "person_linked"
    assert [lk.column for lk in loans.subject.links] == ["DZXM"]
    for column in ("TSMC", "DZXM", "WJSJ"):
        assert _finding(loans, column).personal, column
    assert not _finding(results["edu_fdm_ts_ml"], "TSMC").personal


def test_role_table_named_template_by_its_comment_is_about_people(tmp_path: Path) -> None:
    sql = """
    CREATE TABLE student_template (id int PRIMARY KEY, real_name varchar(20), tel varchar(20),
      email varchar(50), college varchar(50));
    COMMENT ON TABLE student_template IS '学生表';
    COMMENT ON COLUMN student_template.real_name IS '学生真实姓名';
    COMMENT ON COLUMN student_template.tel IS '学生联系方式';
    CREATE TABLE student_type (id int PRIMARY KEY, name varchar(20), email varchar(50));
    COMMENT ON TABLE student_type IS '学生类型';
    CREATE TABLE teacher_template (id int PRIMARY KEY, name varchar(20), email varchar(50));
    """
    results = _scan(tmp_path, {"s.sql": sql})
    assert results["student_template"].subject.kind in ("person", "person_linked")
    assert _finding(results["student_template"], "real_name").personal
    assert _finding(results["student_template"], "tel").personal
    assert results["student_type"].subject.kind == "reference"
    assert results["teacher_template"].subject.kind == "reference"
