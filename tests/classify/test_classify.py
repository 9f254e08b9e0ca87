"""Classification (metadata + content verdicts) and grading with escalation rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from dataflow.catalog import Catalog, load_catalog
from dataflow.classify import classify_dataset, explain_raise, grade_dataset
from dataflow.model import Dataset, Evidence, Field, FieldFinding, Grade


@dataclass(frozen=True)
class Verdict:
    """Duck-typed stand-in for ``detect.content.ContentVerdict`` (same fields)."""

    pointer: str
    entity: str | None
    match_rate: float
    sample_size: int
    kind: str
    confidence: float
    evidence: tuple[Evidence, ...] = ()
    entities: tuple[str, ...] = ()


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


def _ds(
    table: str, cols: list[tuple[str, str | None, str | None]], comment: str | None = None
) -> Dataset:
    fields = tuple(
        Field(name=n, pointer=f"{table}.{n}", data_type=t, comment=c, line=i + 2)
        for i, (n, t, c) in enumerate(cols)
    )
    return Dataset(table, f"{table}.sql", "sql", fields, comment=comment)


def _value_ev(entity: str, n: int, k: int, kind: str = "column") -> Evidence:
    return Evidence("value", f"recognizer:{entity}", f"{k} of {n} sampled values match {entity}",
                    example="138****5678", match_rate=k / n, sample_size=n)  # fmt: skip


def _by_pointer(result) -> dict[str, FieldFinding]:  # type: ignore[no-untyped-def]
    return {f.field.pointer: f for f in result.findings}


# --- fields -----------------------------------------------------------------------------------


def test_metadata_only_classification(catalog: Catalog) -> None:
    ds = _ds("customers", [("id", "bigint", "主键"), ("xm", "varchar(32)", "姓名"),
                           ("sfzh", "char(18)", "身份证号"), ("is_vip", "tinyint(1)", None)])  # fmt: skip
    result = classify_dataset(ds, catalog)
    f = _by_pointer(result)
    assert f["customers.xm"].element == "pi.identity.name" and f["customers.xm"].personal
    assert f["customers.xm"].grade == Grade.GENERAL_3 and not f["customers.xm"].sensitive
    sfzh = f["customers.sfzh"]
    assert sfzh.sensitive and sfzh.sensitive_group == "specific_identity"
    assert sfzh.grade == Grade.GENERAL_4 and sfzh.category == "pi.identity"
    # a surrogate key is not reported on its own
    assert not f["customers.id"].personal and f["customers.id"].element is None
    assert not f["customers.is_vip"].personal and f["customers.is_vip"].element is None
    assert f["customers.is_vip"].grade == Grade.GENERAL_2
    assert result.grade == Grade.GENERAL_4
    assert result.categories == ("pi.identity",)
    assert not result.sampled
    assert [x.field.pointer for x in result.findings] == sorted(
        x.field.pointer for x in result.findings
    )


def test_validated_value_match_outranks_a_name_guess(catalog: Catalog) -> None:
    ds = _ds("users", [("contact", "varchar(64)", None), ("c7", "varchar(20)", None)])
    content = {
        "users.contact": Verdict("users.contact", "CN_RESIDENT_ID", 0.97, 150, "column", 0.93,
                                 (_value_ev("CN_RESIDENT_ID", 150, 146),)),
        "users.c7": Verdict("users.c7", "CN_MOBILE", 1.0, 80, "column", 0.95,
                            (_value_ev("CN_MOBILE", 80, 80),)),
    }  # fmt: skip
    f = _by_pointer(classify_dataset(ds, catalog, content))
    contact = f["users.contact"]
    assert contact.element == "pi.identity.resident_id" and contact.sensitive
    assert contact.evidence[0].source == "value"
    assert contact.confidence == pytest.approx(0.93)
    assert f["users.c7"].element == "pi.contact.mobile"


def test_name_and_values_agreeing_raise_confidence(catalog: Catalog) -> None:
    ds = _ds("users", [("mobile", "varchar(20)", None)])
    alone = _by_pointer(classify_dataset(ds, catalog))["users.mobile"].confidence
    content = {"users.mobile": Verdict("users.mobile", "CN_MOBILE", 0.9, 100, "column", 0.8)}
    both = _by_pointer(classify_dataset(ds, catalog, content))["users.mobile"]
    assert both.confidence > alone
    assert both.element == "pi.contact.mobile"


def test_mixed_column_maps_to_the_name_guess_when_possible(catalog: Catalog) -> None:
    ds = _ds("users", [("landline", "varchar(20)", None)])
    content = {"users.landline": Verdict("users.landline", "CN_MOBILE", 0.9, 100, "column", 0.8,
                                         entities=("CN_MOBILE", "CN_LANDLINE"))}  # fmt: skip
    f = _by_pointer(classify_dataset(ds, catalog, content))["users.landline"]
    assert f.element == "pi.contact.landline"


def test_free_text_containing_identifiers_is_a_contains_finding(catalog: Catalog) -> None:
    ds = _ds("tickets", [("remark", "text", "备注")])
    content = {"tickets.remark": Verdict("tickets.remark", "CN_MOBILE", 0.12, 200, "contains", 0.55,
                                         (_value_ev("CN_MOBILE", 200, 24, "contains"),))}  # fmt: skip
    f = _by_pointer(classify_dataset(ds, catalog, content))["tickets.remark"]
    assert f.kind == "contains" and f.element == "pi.contact.mobile" and f.personal
    assert f.evidence[0].match_rate == pytest.approx(0.12)


def test_contains_does_not_replace_a_more_severe_column_verdict(catalog: Catalog) -> None:
    ds = _ds("patients", [("diagnosis", "text", "诊断")])
    content = {"patients.diagnosis": Verdict("patients.diagnosis", "CN_MOBILE", 0.06, 100,
                                             "contains", 0.45)}  # fmt: skip
    f = _by_pointer(classify_dataset(ds, catalog, content))["patients.diagnosis"]
    assert f.element == "pi.health.diagnosis" and f.kind == "column"
    assert f.sensitive


def test_good_sample_with_no_match_lowers_a_name_guess(catalog: Catalog) -> None:
    ds = _ds("orders", [("phone", "varchar(20)", None), ("tel", "varchar(20)", None)])
    content = {
        "orders.phone": Verdict("orders.phone", None, 0.0, 120, "none", 0.0),
        "orders.tel": Verdict("orders.tel", None, 0.0, 5, "none", 0.0),  # too small to say
    }
    meta = _by_pointer(classify_dataset(ds, catalog))
    f = _by_pointer(classify_dataset(ds, catalog, content))
    assert f["orders.phone"].confidence < meta["orders.phone"].confidence
    rules = [e.rule for e in f["orders.phone"].evidence]
    assert "sample-contradicts-name" in rules and "name-en" in rules  # reasons kept
    assert f["orders.tel"].confidence == meta["orders.tel"].confidence


def test_uscc_is_not_personal(catalog: Catalog) -> None:
    ds = _ds("suppliers", [("credit_code", "varchar(18)", "统一社会信用代码")])
    f = _by_pointer(classify_dataset(ds, catalog))["suppliers.credit_code"]
    assert f.element == "org.registration.uscc" and not f.personal and not f.sensitive


# --- grading and escalation -------------------------------------------------------------------


def _finding(
    catalog: Catalog, element: str, pointer: str = "t.c", dataset: str = "t"
) -> FieldFinding:
    e = catalog.element(element)
    return FieldFinding(
        field=Field(pointer.rsplit(".", 1)[-1], pointer), dataset=dataset, personal=e.pi,
        sensitive=e.sensitive, element=e.id, category=e.category, grade=e.grade, confidence=0.9,
        sensitive_group=e.sensitive_group,
    )  # fmt: skip


def test_grade_is_the_highest_field_grade(catalog: Catalog) -> None:
    grade, raises = grade_dataset([_finding(catalog, "pi.contact.email")], catalog)
    assert grade == Grade.GENERAL_3 and raises == ()
    grade, _ = grade_dataset([], catalog)
    assert grade == Grade.GENERAL_2


def test_automotive_volume_rule_needs_sector_and_more_than_100000(catalog: Catalog) -> None:
    findings = [
        _finding(catalog, "pi.vehicle.plate"),
        _finding(catalog, "pi.contact.mobile", "t.m"),
    ]
    assert grade_dataset(findings, catalog, sector="automotive", subjects=100_000)[0] == (
        Grade.GENERAL_3
    )
    assert grade_dataset(findings, catalog, sector="retail", subjects=500_000)[0] == Grade.GENERAL_3
    assert grade_dataset(findings, catalog, sector="automotive")[0] == Grade.GENERAL_3
    grade, raises = grade_dataset(findings, catalog, sector="automotive", subjects=100_001)
    assert grade == Grade.IMPORTANT
    assert [r.rule for r in raises] == ["esc.volume.automotive_pi"]
    assert raises[0].from_grade == Grade.GENERAL_3 and raises[0].to_grade == Grade.IMPORTANT
    assert "Art. 3(5)" in (raises[0].reference or "")
    assert "candidate" in raises[0].reason
    assert "10万人" in explain_raise(raises[0], catalog, "zh")


def test_children_table_makes_pi_sensitive_and_raises_the_grade(catalog: Catalog) -> None:
    ds = _ds("children_profile", [("name", "varchar(32)", None), ("school", "varchar(64)", None)],
             comment="儿童档案")  # fmt: skip
    result = classify_dataset(ds, catalog)
    name = _by_pointer(result)["children_profile.name"]
    assert name.sensitive and name.sensitive_group == "minors_under_14"
    assert result.grade == Grade.GENERAL_4
    assert [r.rule for r in result.raises] == ["esc.context.minors_under_14"]
    adults = classify_dataset(
        _ds("adult_profile", [("name", "varchar(32)", None)], "会员档案"), catalog
    )
    assert adults.grade == Grade.GENERAL_3 and adults.raises == ()


def test_precision_and_sector_rules(catalog: Catalog) -> None:
    ds = _ds("hd_tiles", [("point_cloud", "blob", "激光雷达点云")])
    result = classify_dataset(ds, catalog)
    assert result.grade == Grade.IMPORTANT
    assert [r.rule for r in result.raises] == ["esc.precision.survey_geodata"]
    gene = [_finding(catalog, "pi.biometric.gene")]
    assert grade_dataset(gene, catalog)[0] == Grade.GENERAL_4
    assert grade_dataset(gene, catalog, sector="health")[0] == Grade.IMPORTANT


def test_user_catalog_rule_is_applied_and_named(catalog: Catalog, tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text(
        "schema_version: 1\nescalations:\n  - id: esc.acme.identified_health\n    kind: combination\n"
        "    to: important\n    when: {elements_all: [pi.identity.name, pi.health]}\n"
        "    reason: {en: Named health records leave only with review., zh: 实名健康记录需审查。}\n"
        "    reference: Acme policy 12\n",
        encoding="utf-8",
    )
    user = load_catalog([rules])
    findings = [_finding(user, "pi.identity.name"), _finding(user, "pi.health.allergy", "t.a")]
    grade, raises = grade_dataset(findings, user)
    assert grade == Grade.IMPORTANT
    assert [r.rule for r in raises] == ["esc.acme.identified_health"]
    assert grade_dataset(findings[:1], user)[0] == Grade.GENERAL_3


def test_finance_sector_level_raises_field_grade(catalog: Catalog) -> None:
    ds = _ds(
        "accounts", [("f1", "varchar(64)", "开户网点"), ("pay_pwd", "varchar(64)", "支付密码")]
    )
    plain = _by_pointer(classify_dataset(ds, catalog))
    fin = _by_pointer(classify_dataset(ds, catalog, sector="finance"))
    assert plain["accounts.pay_pwd"].grade == Grade.GENERAL_4
    assert fin["accounts.pay_pwd"].grade == Grade.GENERAL_4
    assert plain["accounts.f1"].element == "fin.account.opening_info"


def test_classification_is_deterministic(catalog: Catalog) -> None:
    cols = [
        ("z_phone", "varchar(20)", None),
        ("a_email", "varchar(64)", None),
        ("m", "int", "年龄"),
    ]
    ds = _ds("members", cols)
    first = classify_dataset(ds, catalog)
    assert first == classify_dataset(ds, catalog)
    assert [f.field.pointer for f in first.findings] == [
        "members.a_email",
        "members.m",
        "members.z_phone",
    ]
