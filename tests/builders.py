"""Builders shared by the test modules (no tests here): import them from ``builders``.

They build ``ScanResult``/``AssessResult`` values directly, the way classify and assess would,
so the renderers and the baseline logic can be tested without the rest of the pipeline:
``scan_result``/``assess_result`` (a small shop schema) and ``build_scan``/``build_assess``
(findings whose sample holds made-up raw values, ``RAW_VALUES``, which no report may show).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import random
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from conftest import EXAMPLES, REPO_ROOT, SARIF_SCHEMA
from typer.testing import CliRunner

from dataflow import negative_list
from dataflow.assess import Policy, assess_transfer
from dataflow.cli import app
from dataflow.detect.validators import (
    USCC_CHARSET,
    gb11643_check_char,
    gb32100_check_char,
    iso3779_check_char,
    luhn_check_digit,
)
from dataflow.manifest import Transfer, load_manifest
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
    SampleSet,
    ScanResult,
    Severity,
    Text,
    TransferAssessment,
)
from dataflow.paths import schemas_dir
from dataflow.rules import load_packs

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


# Made-up personal data. It exists only in the SampleSet of the fixture; findings carry masks.
RAW_PHONE = "13987650123"
RAW_ID = "110105198703142536"
RAW_EMAIL = "lin.xiaoyu.raw@example.org"
RAW_NAME = "林晓雨"
RAW_VALUES = (RAW_PHONE, RAW_ID, RAW_EMAIL, RAW_NAME)


def mask(value: str) -> str:
    """The fixture's masking: keep a short head and tail, star the middle."""
    if "@" in value:
        local, _, domain = value.partition("@")
        return f"{local[:1]}***@{domain}"
    if len(value) <= 8:
        return value[:1] + "*" * (len(value) - 1)
    keep = 3 if len(value) < 15 else 6
    return value[:keep] + "*" * (len(value) - keep - 4) + value[-4:]


def sample_set() -> SampleSet:
    """Sampled rows of ``customers``: the only place raw values live."""
    return SampleSet(
        source_path="data/customers.csv",
        columns={
            "xm": (RAW_NAME, "王小明"),
            "sjhm": (RAW_PHONE, "13800001111"),
            "sfzh": (RAW_ID,),
            "email": (RAW_EMAIL,),
        },
        rows_read=2,
    )


def _value_evidence(samples: SampleSet, column: str, entity: str, element: str) -> Evidence:
    values = samples.columns[column]
    return Evidence(
        source="value",
        rule=entity,
        detail=f"{len(values)} of {len(values)} sampled values match {entity}",
        element=element,
        weight=0.6,
        example=mask(values[0]),
        match_rate=1.0,
        sample_size=len(values),
    )


def build_scan(*, phone_line: int = 4, problems: bool = True) -> ScanResult:
    """Two datasets (SQL table, JSON Schema), four PI fields, one unreadable file."""
    samples = sample_set()
    xm = Field("xm", "customers.xm", "varchar(32)", "姓名", line=3)
    sjhm = Field("sjhm", "customers.sjhm", "varchar(20)", "手机号码", line=phone_line)
    sfzh = Field("sfzh", "customers.sfzh", "char(18)", "身份证号", line=phone_line + 1)
    note = Field("note|x", "customers.note|x", "text", "free\ntext | notes", line=phone_line + 2)
    count = Field("order_count", "customers.order_count", "int", None, line=phone_line + 3)
    customers = Dataset(
        "customers",
        "schemas/customers.sql",
        "sql",
        (Field("id", "customers.id", "bigint", "主键", line=2), xm, sjhm, sfzh, note, count),
        comment="客户表",
        line=1,
    )
    email = Field("email", "events.user.email", "string", None, line=None)
    events = Dataset("events", "schemas/events.json", "json_schema", (email,), line=None)
    name_ev = Evidence("comment", "zh.name", "comment says 姓名", "pi.identity.name", 0.5)
    customers_result = DatasetResult(
        dataset=customers,
        findings=(
            FieldFinding(
                xm,
                "customers",
                True,
                False,
                "pi.identity.name",
                "pi.identity",
                Grade.GENERAL_3,
                0.9,
                (name_ev, _value_evidence(samples, "xm", "CN_PERSON_NAME", "pi.identity.name")),
            ),
            FieldFinding(
                sjhm,
                "customers",
                True,
                False,
                "pi.contact.mobile",
                "pi.contact",
                Grade.GENERAL_3,
                0.97,
                (
                    Evidence("name", "pinyin.sjhm", "field name sjhm", "pi.contact.mobile", 0.4),
                    _value_evidence(samples, "sjhm", "CN_MOBILE", "pi.contact.mobile"),
                ),
            ),
            FieldFinding(
                sfzh,
                "customers",
                True,
                True,
                "pi.identity.resident_id",
                "pi.identity",
                Grade.GENERAL_4,
                0.99,
                (_value_evidence(samples, "sfzh", "CN_RESIDENT_ID", "pi.identity.resident_id"),),
                sensitive_group="specific_identity",
            ),
            FieldFinding(
                note,
                "customers",
                True,
                False,
                "pi.contact.mobile",
                "pi.contact",
                Grade.GENERAL_3,
                0.6,
                (_value_evidence(samples, "sjhm", "CN_MOBILE", "pi.contact.mobile"),),
                kind="contains",
            ),
            FieldFinding(count, "customers", False, False, None, None, Grade.GENERAL_2, 0.1),
        ),
        grade=Grade.IMPORTANT,
        categories=("pi.identity", "pi.contact"),
        raises=(
            GradeRaise(
                "volume.auto",
                Grade.GENERAL_4,
                Grade.IMPORTANT,
                "more than 100,000 people",
                "Automotive rules Art. 3",
            ),
        ),
        sampled=True,
        rows_scanned=2,
    )
    events_result = DatasetResult(
        dataset=events,
        findings=(
            FieldFinding(
                email,
                "events",
                True,
                False,
                "pi.contact.email",
                "pi.contact",
                Grade.GENERAL_3,
                0.8,
                (_value_evidence(samples, "email", "EMAIL_ADDRESS", "pi.contact.email"),),
            ),
        ),
        grade=Grade.GENERAL_3,
        categories=("pi.contact",),
    )
    found_problems: tuple[Problem, ...] = ()
    if problems:
        found_problems = (
            Problem("schemas/broken.sql", "unexpected end of statement", 3, 5),
            Problem("samples/odd.csv", "2 rows had too many columns", None, None, Severity.WARNING),
        )
    return ScanResult(
        datasets=(events_result, customers_result),
        problems=found_problems,
        files_scanned=3,
        catalog_version="2026.1",
        notices=("negative list tianjin-ftz has unverified entries",),
    )


def build_transfer(**changes: Any) -> TransferAssessment:
    """A transfer that needs a security assessment because of one negative-list hit."""
    transfer = TransferAssessment(
        id="TX-2026-0042",
        mechanism="security_assessment",
        risk="high",
        datasets=("customers", "events"),
        obligations=(
            Obligation(
                "pipia",
                Text("Carry out a PI protection impact assessment", "开展个人信息保护影响评估"),
                (Citation("PIPL", "Art. 55"),),
            ),
            Obligation(
                "consent.separate",
                Text("Obtain separate consent | per person", "取得个人的单独同意"),
                (Citation("PIPL", "Art. 39"),),
                deadline="before export",
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
                source="Acme data-export policy v3",
                verified=False,
                jurisdiction="organisation",
            ),
        ),
        reasons=(
            Reason(
                "volume.sensitive",
                Text(
                    "Sensitive PI of 12,000 people since 1 January",
                    "自 1 月 1 日起累计出境敏感个人信息 12,000 人",
                ),
                (Citation("Provisions", "Art. 7(2)"), Citation("PIPL", "Art. 38")),
            ),
        ),
        open_questions=(Text("Is the recipient a CIIO?", "接收方是否为关键信息基础设施运营者？"),),
        remediation=(
            Remediation(
                "drop",
                ("customers.sfzh",),
                "standard_contract_or_certification",
                "medium",
                Text(
                    "without the ID numbers a standard contract suffices",
                    "去掉身份证号后可签标准合同",
                ),
            ),
        ),
        warnings=(Text("list tianjin-ftz is partly unverified", "天津自贸区清单部分条目未核实"),),
        fingerprint="3f2a9c",
        rule_pack="cn-2024.1",
        as_of="2026-11-30",
        counts={"subjects": 250000, "sensitive_subjects": 12000},
        manifest_path="transfers/tx-0042.yaml",
    )
    return dataclasses.replace(transfer, **changes)


def build_assess(**scan_changes: Any) -> AssessResult:
    low = build_transfer(
        id="TX-2026-0001",
        mechanism="exempt",
        risk="low",
        negative_list_hits=(),
        obligations=(),
        remediation=(),
        open_questions=(),
        warnings=(),
        manifest_path="transfers/tx-0001.yaml",
    )
    return AssessResult(scan=build_scan(**scan_changes), transfers=(build_transfer(), low))


def validate_sarif(log: dict[str, Any]) -> None:
    """Validate a SARIF log against the SARIF 2.1.0 JSON Schema (formats checked too)."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator_cls(schema, format_checker=validator_cls.FORMAT_CHECKER).validate(log)


# --- generated identifier values (check characters computed) ---------------------------------------------------------------------------

PROVINCES = ("11", "31", "32", "33", "44", "51", "42", "37", "41", "61", "35", "50")
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
)
COMPOUND = ("欧阳", "司马", "诸葛", "上官", "慕容")
GIVEN = [
    "伟",
    "芳",
    "娜",
    "秀英",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀兰",
    "霞",
    "平",
    "刚",
    "桂英",
    "建华",
    "建国",
    "志强",
    "晓明",
    "海燕",
    "丽华",
    "玉兰",
    "文静",
    "子轩",
    "梓涵",
    "浩然",
    "一诺",
    "欣怡",
    "雨桐",
    "宇航",
    "佳怡",
    "思远",
    "俊杰",
    "嘉欣",
    "婷婷",
    "晨曦",
    "博文",
    "诗涵",
    "若曦",
    "梦琪",
    "志明",
    "春梅",
    "红梅",
    "国庆",
    "建军",
    "卫东",
    "淑珍",
    "凤英",
    "金凤",
    "德华",
    "学文",
    "振宇",
    "鹏飞",
    "雪梅",
    "慧敏",
    "晓燕",
    "立新",
    "永刚",
    "海涛",
    "新华",
    "丹丹",
    "亚楠",
    "佳琪",
    "雅婷",
    "泽宇",
    "皓轩",
    "宏伟",
    "桂兰",
    "秀珍",
    "建平",
    "天宇",
    "欣然",
    "紫涵",
]
DIVISIONS = (
    ("广东省", "深圳市", "南山区"),
    ("广东省", "广州市", "天河区"),
    ("浙江省", "杭州市", "西湖区"),
    ("江苏省", "南京市", "鼓楼区"),
    ("四川省", "成都市", "武侯区"),
    ("湖北省", "武汉市", "洪山区"),
    ("山东省", "青岛市", "市南区"),
    ("", "北京市", "朝阳区"),
    ("", "上海市", "浦东新区"),
    ("", "天津市", "和平区"),
    ("河南省", "郑州市", "金水区"),
    ("陕西省", "西安市", "雁塔区"),
    ("江苏省", "苏州市", "昆山市"),
)
ROADS = (
    "科技园路", "深南大道", "文三路", "中山路", "人民路", "建设大街", "解放路", "长江路",
    "和平街", "幸福巷", "东风路", "花园路", "学院路", "南京东路", "高新南一道",
)  # fmt: skip
PRODUCTS = (
    "苹果", "香蕉", "牛奶", "面包", "手机壳", "充电器", "洗衣液", "毛巾", "牙膏", "拖鞋", "雨伞",
    "台灯", "键盘", "鼠标", "耳机", "书包", "保温杯", "电饭煲", "高压锅", "白砂糖", "金针菇",
    "黄瓜", "石榴", "马桶刷", "方便面", "江米条", "胡萝卜", "酱油", "陈醋", "花生油", "大米",
    "绿茶", "咖啡", "红酒", "啤酒", "矿泉水", "饼干", "薯片", "巧克力", "口罩", "纸巾", "衣架",
    "剪刀", "胶带", "插座", "灯泡", "电池", "水杯", "饭盒", "筷子", "高级套装", "运动鞋",
    "羽绒服", "牛仔裤", "连衣裙", "衬衫", "袜子", "围巾", "帽子", "手套",
)  # fmt: skip
COMMON_HANZI = (
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年"
    "过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心"
    "她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间"
    "由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给"
    "世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变"
)
PLATE_PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789"


def digits(r: random.Random, n: int) -> str:
    """``n`` random decimal digits."""
    return "".join(r.choice("0123456789") for _ in range(n))


def resident_id(r: random.Random) -> str:
    born = f"{r.randint(1950, 2005)}{r.randint(1, 12):02d}{r.randint(1, 28):02d}"
    body = r.choice(PROVINCES) + digits(r, 4) + born + digits(r, 3)
    return body + gb11643_check_char(body)


def mobile(r: random.Random) -> str:
    head = r.choice(("138", "139", "135", "150", "158", "186", "188", "177", "199", "166", "147"))
    number = head + digits(r, 8)
    return "+86 " + number if r.random() < 0.1 else number


def landline(r: random.Random) -> str:
    area = r.choice(("010", "021", "022", "020", "0755", "0571", "0512", "0371", "028"))
    local = r.choice("2345678") + digits(r, 7 if len(area) == 3 else r.choice((6, 7)))
    return r.choice((f"{area}-{local}", f"({area}){local}", f"{area} {local}"))


def bank_card(r: random.Random) -> str:
    body = r.choice(("6222", "6228", "6217", "6212", "6225")) + digits(r, r.choice((11, 14)))
    return body + luhn_check_digit(body)


def amex(r: random.Random) -> str:
    body = r.choice(("34", "37")) + digits(r, 12)
    return body + luhn_check_digit(body)


def passport(r: random.Random) -> str:
    if r.random() < 0.5:
        return "E" + digits(r, 8)
    return "E" + r.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + digits(r, 7)


def hk_macau(r: random.Random) -> str:
    return "C" + digits(r, 8)


def taiwan(r: random.Random) -> str:
    return "L" + digits(r, 8)


def uscc(r: random.Random) -> str:
    body = r.choice(("91", "92", "12", "52")) + r.choice(PROVINCES) + digits(r, 4)
    body += "".join(r.choice(USCC_CHARSET) for _ in range(9))
    return body + gb32100_check_char(body)


def plate(r: random.Random) -> str:
    head = r.choice(PLATE_PROVINCES) + r.choice("ABCDEFGHJKLMN")
    if r.random() < 0.3:  # new energy
        return head + r.choice("DF") + r.choice(PLATE_CHARS) + digits(r, 4)
    return head + "".join(r.choice(PLATE_CHARS.replace("Q", "")) for _ in range(5))


def vin(r: random.Random) -> str:
    first = r.choice(("LSV", "LFV", "LGB", "LVS", "LHG")) + "".join(
        r.choice(VIN_CHARS) for _ in range(5)
    )
    last = (
        r.choice("ABCDEFGHJKLMNPRSTVWXY")
        + "".join(r.choice(VIN_CHARS) for _ in range(2))
        + digits(r, 5)
    )
    return first + iso3779_check_char(first + "0" + last) + last


def imei(r: random.Random) -> str:
    body = r.choice(("35", "86", "01", "99")) + digits(r, 12)
    return body + luhn_check_digit(body)


def mac(r: random.Random) -> str:
    octets = [f"{r.randrange(256):02X}" for _ in range(6)]
    return ":".join(octets) if r.random() < 0.7 else "-".join(octets).lower()


def geo(r: random.Random) -> str:
    lat, lng = f"{r.uniform(18, 53):.6f}", f"{r.uniform(73, 135):.6f}"
    return f"{lng},{lat}" if r.random() < 0.5 else f"{lat}, {lng}"


def person_name(r: random.Random) -> str:
    surname = r.choice(COMPOUND) if r.random() < 0.05 else r.choice(SURNAMES)
    return surname + r.choice(GIVEN)


def address(r: random.Random) -> str:
    province, city, district = r.choice(DIVISIONS)
    text = province + city + district + r.choice(ROADS) + f"{r.randint(1, 999)}号"
    tail = r.random()
    if tail < 0.3:
        text += f"{r.randint(1, 30)}栋{r.randint(1, 30)}{r.randint(1, 9):02d}室"
    elif tail < 0.5:
        text += f"{r.randint(1, 12)}号楼{r.randint(1, 6)}单元{r.randint(101, 2808)}室"
    return text


def email(r: random.Random) -> str:
    user = (
        r.choice(("li", "wang", "zhang", "chen", "liu", "zhao"))
        + r.choice(("", ".", "_"))
        + digits(r, 4)
    )
    return (
        user
        + "@"
        + r.choice(("163.com", "qq.com", "example.com.cn", "sina.cn", "corp.example.org"))
    )


def ip(r: random.Random) -> str:
    return ".".join(str(r.randint(1, 254)) for _ in range(4))


def url(r: random.Random) -> str:
    return f"https://www.example{r.randint(1, 99)}.com/item/{r.randint(1, 99999)}"


# --- transfers and findings for assess_transfer ------------------------------------------------

# The shipped rule packs, loaded once.
PACKS = load_packs()


def build_results(spec: list[dict[str, Any]], base: Path) -> list[DatasetResult]:
    """DatasetResults from the compact ``findings:`` notation of a case."""
    results = []
    for item in spec:
        name = item["dataset"]
        fields, findings = [], []
        for i, f in enumerate(item["fields"]):
            field = Field(name=f["name"], pointer=f"{name}.{f['name']}", line=i + 2)
            fields.append(field)
            element = f.get("element")
            if element is None:
                continue
            group = f.get("sensitive")
            findings.append(
                FieldFinding(
                    field=field,
                    dataset=name,
                    personal=element.startswith("pi."),
                    sensitive=group is not None,
                    element=element,
                    category=element.rsplit(".", 1)[0],
                    grade=Grade.GENERAL_4 if group else Grade.GENERAL_3,
                    confidence=0.9,
                    sensitive_group=group,
                )
            )
        grade = max((f.grade for f in findings), default=Grade.GENERAL_2)
        if "grade" in item:
            grade = Grade.parse(item["grade"])
        results.append(
            DatasetResult(
                dataset=Dataset(
                    name=name,
                    source_path=str(base / item["schema"]),
                    source_format="sql",
                    fields=tuple(fields),
                ),
                findings=tuple(findings),
                grade=grade,
            )
        )
    return results


def run_case(case: dict[str, Any], tmp_path: Path) -> Any:
    manifest_path = tmp_path / "transfer.yaml"
    manifest_path.write_text(yaml.safe_dump(case["manifest"], allow_unicode=True), "utf-8")
    (transfer,) = load_manifest(manifest_path)
    list_paths = []
    for i, lst in enumerate(case.get("lists", [])):
        p = tmp_path / f"list{i}.yaml"
        p.write_text(yaml.safe_dump(lst, allow_unicode=True), "utf-8")
        list_paths.append(p)
    lists = negative_list.load_lists(list_paths, include_shipped=False)
    settings = case.get("policy", {})
    policy = Policy(packs=PACKS, **settings)  # as_of and open-question settings
    return assess_transfer(transfer, build_results(case["findings"], tmp_path), lists, policy)


BASE_TRANSFER: dict[str, Any] = {
    "id": "TX-1",
    "date": dt.date(2025, 6, 30),
    "exporter": {"name": "Shop Ltd", "ciio": False, "state_organ": False},
    "recipient": {
        "name": "Shop GmbH",
        "country": "DE",
        "restricted_list": False,
        "judicial_or_law_enforcement": False,
    },
    "purpose": "customer support",
    "scenario": "none",
    "sector": "retail",
    "datasets": [{"schema": "shop.sql", "tables": ["customers"], "subjects": 150000}],
}
FIELDS = [
    {"name": "name", "element": "pi.identity.name"},
    {"name": "mobile", "element": "pi.contact.mobile"},
    {"name": "id_no", "element": "pi.identity.resident_id", "sensitive": "specific_identity"},
    {"name": "bank_card", "element": "pi.financial.bank_card", "sensitive": "financial_account"},
    {"name": "vip_level"},
]


def make(
    tmp_path: Path, fields: list[dict[str, Any]] = FIELDS, **changes: Any
) -> tuple[Transfer, list[DatasetResult]]:
    transfer = {**BASE_TRANSFER, **changes}
    path = tmp_path / "transfer.yaml"
    path.write_text(yaml.safe_dump({"schema_version": 1, "transfer": transfer}), "utf-8")
    (loaded,) = load_manifest(path)
    results = build_results(
        [{"schema": "shop.sql", "dataset": "customers", "fields": fields}], tmp_path
    )
    return loaded, results


# --- the command line ---------------------------------------------------------------------------


def run(*args: str) -> tuple[int, str, str]:
    """``dataflow ARGS`` in this process (the network block applies): exit code, stdout, stderr."""
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def validate_scan(report: object) -> None:
    """Validate a ``scan --format json`` report against the shipped JSON Schema."""
    schema = json.loads((schemas_dir() / "scan.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(report)


SCHEMA = EXAMPLES / "schemas" / "shop_mysql.sql"
SAMPLE = EXAMPLES / "samples" / "customers.csv"


def manifest(
    tmp_path: Path,
    name: str,
    *,
    tid: str,
    date: str,
    subjects: int,
    table: str = "orders",
    extra: str = "",
    sample: bool = False,
) -> Path:
    """A transfer manifest of the shop example's ``table`` (with its sample when asked)."""
    lines = [
        "schema_version: 1",
        "transfer:",
        f"  id: {tid}",
        f"  date: {date}",
        "  exporter: {name: Shop Ltd, ciio: false, state_organ: false}",
        "  recipient: {name: Shop GmbH, country: DE, restricted_list: false,"
        " judicial_or_law_enforcement: false}",
        "  purpose: customer support",
        "  scenario: none",
        "  sector: retail",
        "  datasets:",
        f"    - schema: {SCHEMA}",
        f"      tables: [{table}]",
        f"      subjects: {subjects}",
    ]
    if sample:
        lines.append(f"      sample: {SAMPLE}")
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n" + extra, encoding="utf-8")
    return path


# --- a project folder whose names, comments and manifest carry markup (HTML and PIPIA tests) ---

XSS = '<script>console.error("xss-script")</script><img src=x onerror="console.error(1)">'
MEMBERS_DDL = f"""CREATE TABLE members (
  id BIGINT PRIMARY KEY COMMENT '主键',
  mobile VARCHAR(20) COMMENT '手机号码 {XSS}',
  id_card CHAR(18) COMMENT '身份证号',
  `x"><svg onload=console.error(2)>` VARCHAR(20) COMMENT '联系电话 {XSS}'
) COMMENT='会员 {XSS}';
CREATE TABLE `t<img src=x onerror=console.error(3)>` (
  phone_number VARCHAR(20) COMMENT '手机号'
);
"""
RAW_MOBILES = ("13987650123", "13600001234", "15811112222", "18633334444")
MEMBERS_RAW_VALUES = (*RAW_MOBILES, RAW_ID)

MEMBERS_MANIFEST = f"""schema_version: 1
transfer:
  id: TX-HTML-1
  date: 2026-06-30
  exporter: {{name: {json.dumps("Exporter " + XSS)}, ciio: false, state_organ: false}}
  recipient:
    name: {json.dumps("Recipient " + XSS)}
    country: DE
    restricted_list: false
    judicial_or_law_enforcement: false
  purpose: {json.dumps("support " + XSS)}
  scenario: none
  sector: retail
  datasets:
    - schema: schemas/members.sql
      tables: [members]
      sample: members.csv
      subjects: 150000
  prior_exports: {{subjects: 0, sensitive_subjects: 0}}
  existing_approvals: []
"""


def make_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder as the working directory: the DDL, the sample and the manifest."""
    work = tmp_path / "proj"
    (work / "schemas").mkdir(parents=True)
    (work / ".git").mkdir()
    (work / "schemas" / "members.sql").write_text(MEMBERS_DDL, encoding="utf-8")
    rows = ["id,mobile,id_card"] + [f"{i},{m},{RAW_ID}" for i, m in enumerate(RAW_MOBILES * 10)]
    (work / "members.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    (work / "transfer.yaml").write_text(MEMBERS_MANIFEST, encoding="utf-8")
    monkeypatch.chdir(work)
    return work


def database_manifest(tmp_path: Path, dataset: str) -> Path:
    """``transfer.yaml`` of one transfer (TX-DB-1, to Germany) of the one ``dataset`` given
    as a YAML flow mapping (a database table or a Spark source)."""
    path = tmp_path / "transfer.yaml"
    path.write_text(
        "schema_version: 1\n"
        "transfer:\n"
        "  id: TX-DB-1\n"
        "  date: 2026-11-30\n"
        "  exporter: {name: Acme CRM Ltd, ciio: false, state_organ: false}\n"
        "  recipient: {name: Acme GmbH, country: DE, restricted_list: false,\n"
        "              judicial_or_law_enforcement: false}\n"
        "  purpose: customer support\n"
        "  scenario: none\n"
        "  sector: retail\n"
        "  datasets:\n"
        f"    - {dataset}\n"
        "  prior_exports: {subjects: 0, sensitive_subjects: 0}\n",
        encoding="utf-8",
    )
    return path


def scan_files(tmp_path: Path, files: dict[str, str], *, short: bool = False) -> dict[str, Any]:
    """Write ``files`` (relative name → text) under ``tmp_path`` and scan them schema-only, as
    ``dataflow scan --no-content`` would: the dataset results by dataset name (``short``: by its
    last dotted part, ``orders`` for ``shop.orders``)."""
    from dataflow.scan import ScanOptions, scan_paths

    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    if short:
        return {d.dataset.name.rsplit(".", 1)[-1]: d for d in result.datasets}
    return {d.dataset.name: d for d in result.datasets}


def scan_tables(tmp_path: Path, ddl: str) -> dict[str, dict[str, Any]]:
    """Scan one DDL file schema-only: by table name, its ``subject`` and its findings by column."""
    return {
        name: {"subject": d.subject, **{f.field.name: f for f in d.findings}}
        for name, d in scan_files(tmp_path, {"schema.sql": ddl}).items()
    }


def finding_of(result: Any, column: str) -> Any:
    """The finding of the field named ``column`` in a dataset result."""
    for f in result.findings:
        if f.field.name == column:
            return f
    raise AssertionError(column)


# --- a user recognizer ---------------------------------------------------------------------------

# The recognizer and catalog of README "Extending dataflow" (Acme member cards, ACME_MEMBER_CARD).
MEMBER_RECOGNIZERS = REPO_ROOT / "docs" / "extending" / "member-card.recognizers.yaml"
MEMBER_CATALOG = REPO_ROOT / "docs" / "extending" / "member-card.catalog.yaml"


def member_rows(rows: int = 600, seed: int = 7) -> list[tuple[int, str | None, str]]:
    """(member_id, c7, note): Acme member card numbers in ``c7``, a column whose name says
    nothing. Most are Luhn-valid (8860…, some repeated), every ninth has a wrong check digit,
    every eleventh is missing; one ``note`` in four names a card inside its text."""
    rng = random.Random(seed)
    out: list[tuple[int, str | None, str]] = []
    card = ""
    for i in range(rows):
        if i % 13 != 5 or not card:
            body = "8860" + "".join(str(rng.randrange(10)) for _ in range(11))
            card = body + luhn_check_digit(body)
        value: str | None = card
        if i % 9 == 4:
            value = card[:-1] + str((int(card[-1]) + 1) % 10)
        if i % 11 == 8:
            value = None
        note = f"renewed card {card}" if i % 4 == 0 else "points adjusted"
        out.append((1000 + i, value, note))
    return out


def write_members_csv(path: Path, rows: list[tuple[int, str | None, str]]) -> Path:
    """``member_rows`` as a CSV file (a missing card is an empty cell)."""
    lines = ["member_id,c7,note"] + [f"{i},{card or ''},{note}" for i, card, note in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def assert_generated_up_to_date(script: str, module: str) -> None:
    """``bench/<script> --check`` passes: the data file it writes is a rebuild's (skipped when
    the build tool ``module`` is not installed)."""
    import subprocess
    import sys

    import pytest

    pytest.importorskip(module)
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "bench" / script), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
