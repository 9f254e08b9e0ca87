"""Builders of domain objects for the report, baseline and check tests (no tests here).

They build ``ScanResult``/``AssessResult`` values directly, the way classify and assess would,
so the renderers and the baseline logic can be tested without the rest of the pipeline.
"""

from __future__ import annotations

from dataflow.model import (
    AssessResult,
    Citation,
    Dataset,
    DatasetResult,
    Evidence,
    Field,
    FieldFinding,
    Grade,
    GradeRaise,
    NegativeListHit,
    Obligation,
    Problem,
    Reason,
    Remediation,
    ScanResult,
    Severity,
    Text,
    TransferAssessment,
)

SQL_PATH = "schemas/shop.sql"


def make_field(
    name: str,
    table: str = "customers",
    *,
    line: int | None = None,
    data_type: str = "varchar(32)",
    allow: tuple[tuple[str, str], ...] = (),
) -> Field:
    return Field(name=name, pointer=f"{table}.{name}", data_type=data_type, line=line, allow=allow)


def make_finding(
    field: Field,
    *,
    element: str | None = None,
    grade: Grade = Grade.GENERAL_2,
    sensitive: bool = False,
    confidence: float = 0.9,
    example: str | None = None,
) -> FieldFinding:
    personal = element is not None and element.startswith("pi.")
    evidence: tuple[Evidence, ...] = ()
    if element:
        evidence = (Evidence("name", f"keyword:{field.name}", "field name matches", element, 0.6),)
        if example:
            evidence += (
                Evidence("value", "CN_MOBILE", "values match", element, 0.4, example, 0.975, 40),
            )
    return FieldFinding(
        field=field,
        dataset=field.pointer.split(".")[0],
        personal=personal,
        sensitive=sensitive,
        element=element,
        category=element.rsplit(".", 1)[0] if element else None,
        grade=grade,
        confidence=confidence if element else 0.0,
        evidence=evidence,
        sensitive_group="specific_identity" if sensitive else None,
    )


def customers(
    path: str = SQL_PATH,
    *,
    mobile_allow: tuple[tuple[str, str], ...] = (),
    id_grade: Grade = Grade.GENERAL_4,
) -> DatasetResult:
    fid = make_field("id", line=2, data_type="bigint")
    name = make_field("xm", line=3)
    mobile = make_field("sjhm", line=4, allow=mobile_allow)
    idc = make_field("sfzh", line=5, data_type="char(18)")
    count = make_field("order_count", line=6, data_type="int")
    ds = Dataset("customers", path, "sql", (fid, name, mobile, idc, count), "客户表", 1)
    findings = (
        make_finding(fid),
        make_finding(name, element="pi.identity.name", grade=Grade.GENERAL_3),
        make_finding(
            mobile, element="pi.contact.mobile", grade=Grade.GENERAL_3, example="139****0123"
        ),
        make_finding(idc, element="pi.identity.resident_id", grade=id_grade, sensitive=True),
        make_finding(count),
    )
    return DatasetResult(
        ds,
        findings,
        Grade.GENERAL_4,
        categories=("pi.identity", "pi.contact"),
        raises=(
            GradeRaise(
                "combo.identifier_with_sensitive",
                Grade.GENERAL_3,
                Grade.GENERAL_4,
                "direct identifier with sensitive PI",
                "GB/T 43697 6.2",
            ),
        ),
    )


def regions(path: str = SQL_PATH) -> DatasetResult:
    code = make_field("region_code", "dict_region", line=10)
    city = make_field("city_name", "dict_region", line=11)
    ds = Dataset("dict_region", path, "sql", (code, city), "行政区划字典表", 9)
    return DatasetResult(ds, (make_finding(code), make_finding(city)), Grade.GENERAL_2)


def scan_result(**kwargs: object) -> ScanResult:
    return ScanResult(
        datasets=(regions(), customers(**kwargs)),  # type: ignore[arg-type]
        problems=(
            Problem("schemas/broken.sql", "unterminated string", 3, 14),
            Problem(
                "schemas/a b/表.csv", "undecodable bytes replaced", None, None, Severity.WARNING
            ),
        ),
        files_scanned=3,
        catalog_version="2026.1",
    )


def transfer(risk: str = "high", ident: str = "TX-2026-0042") -> TransferAssessment:
    cite = Citation("Provisions", "Art. 7(2)", "V")
    return TransferAssessment(
        id=ident,
        mechanism="security_assessment",
        risk=risk,
        datasets=("customers",),
        obligations=(
            Obligation(
                "pipia",
                Text("Carry out a PI protection impact assessment", "开展个人信息保护影响评估"),
                (Citation("PIPL", "Art. 55"),),
                "before the transfer",
            ),
        ),
        negative_list_hits=(
            NegativeListHit(
                "acme-export-policy",
                "ACME-001",
                "security_assessment",
                "Sensitive PI never leaves without a security assessment.",
                fields=("customers.sfzh",),
                conditions=("sensitive: true",),
            ),
        ),
        reasons=(
            Reason(
                "volume.sensitive",
                Text(
                    "12,000 people's sensitive PI since 1 January",
                    "1 月 1 日以来 12,000 人的敏感个人信息",
                ),
                (cite,),
            ),
        ),
        remediation=(
            Remediation(
                "drop",
                ("customers.sfzh",),
                "standard_contract_or_certification",
                "medium",
                Text("Drop the ID card column", "删除身份证号字段"),
            ),
        ),
        fingerprint="sha256:0f3a",
        rule_pack="cn-2024",
        as_of="2026-11-30",
        counts={"subjects": 250000, "sensitive_subjects": 12000},
        manifest_path="transfers/tx.yaml",
    )


def assess_result() -> AssessResult:
    return AssessResult(scan=scan_result(), transfers=(transfer(),))
