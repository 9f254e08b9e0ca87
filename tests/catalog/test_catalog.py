"""Catalogs: shipped-catalog integrity, collect-all validation, user overrides, the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dataflow.catalog import (
    ART28_GROUPS,
    CatalogValidationError,
    load_catalog,
    shipped_files,
    validate_files,
)
from dataflow.cli import app
from dataflow.errors import CatalogError
from dataflow.model import Grade
from dataflow.paths import catalogs_dir
from dataflow.yamlio import load_yaml

# docs/ARCHITECTURE.md "Shared vocabulary": ids other modules rely on.
SHARED_IDS = {
    "pi.identity.name": ({"CN_PERSON_NAME", "LATIN_PERSON_NAME"}, None),
    "pi.identity.resident_id": ({"CN_RESIDENT_ID"}, "specific_identity"),
    "pi.identity.passport": ({"CN_PASSPORT"}, "specific_identity"),
    "pi.identity.travel_permit": (
        {"CN_HK_MACAU_PERMIT", "CN_TAIWAN_PERMIT", "CN_TAIWAN_COMPATRIOT_PERMIT"},
        "specific_identity",
    ),
    "pi.contact.mobile": ({"CN_MOBILE"}, None),
    "pi.contact.landline": ({"CN_LANDLINE"}, None),
    "pi.contact.email": ({"EMAIL_ADDRESS"}, None),
    "pi.contact.address": ({"CN_ADDRESS"}, None),
    "pi.financial.bank_card": ({"CN_BANK_CARD", "CREDIT_CARD"}, "financial_account"),
    "pi.location.precise": ({"GEO_COORDINATE"}, "whereabouts"),
    "pi.device.imei": ({"IMEI"}, None),
    "pi.device.mac": ({"MAC_ADDRESS"}, None),
    "pi.device.ip": ({"IP_ADDRESS"}, None),
    "pi.vehicle.plate": ({"CN_LICENSE_PLATE"}, None),
    "pi.vehicle.vin": ({"VIN"}, None),
}
SHARED_PREFIXES = {
    "pi.health.": "health",
    "pi.biometric.": "biometrics",
    "pi.religion.": "religion",
    "pi.minor.": "minors_under_14",
}
ALL_ENTITIES = {
    "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "CN_BANK_CARD", "CN_PASSPORT",
    "CN_HK_MACAU_PERMIT", "CN_TAIWAN_PERMIT", "CN_USCC", "CN_LICENSE_PLATE", "VIN", "IMEI",
    "MAC_ADDRESS", "GEO_COORDINATE", "CN_PERSON_NAME", "CN_ADDRESS", "EMAIL_ADDRESS",
    "IP_ADDRESS", "CREDIT_CARD",
}  # fmt: skip


@pytest.fixture(scope="module")
def catalog():  # type: ignore[no-untyped-def]
    return load_catalog()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- shipped catalog integrity -----------------------------------------------------------------


def test_shared_vocabulary_ids_exist_with_entities_and_groups(catalog) -> None:  # type: ignore[no-untyped-def]
    for eid, (entities, group) in SHARED_IDS.items():
        element = catalog.element(eid)
        assert set(element.entities) == entities, eid
        assert element.pi
        assert element.sensitive == (group is not None), eid
        assert element.sensitive_group == group, eid
        assert element.category == eid.rsplit(".", 1)[0]
    for prefix, group in SHARED_PREFIXES.items():
        members = [e for e in catalog.elements.values() if e.id.startswith(prefix)]
        assert members, prefix
        assert all(e.sensitive and e.sensitive_group == group for e in members), prefix
    uscc = catalog.element("org.registration.uscc")
    assert uscc.entities == ("CN_USCC",) and not uscc.pi


def test_every_entity_maps_to_an_element(catalog) -> None:  # type: ignore[no-untyped-def]
    for entity in sorted(ALL_ENTITIES):
        assert catalog.elements_for_entity(entity), entity
    assert catalog.elements_for_entity("URL") == ()


def test_every_art28_group_is_covered(catalog) -> None:  # type: ignore[no-untyped-def]
    groups = {e.sensitive_group for e in catalog.elements.values() if e.sensitive}
    assert groups == set(ART28_GROUPS)


def test_gbt35273_annex_categories_are_covered(catalog) -> None:  # type: ignore[no-untyped-def]
    zh_names = {c.names.zh for c in catalog.categories.values()}
    for name in (
        "个人基本资料", "个人身份信息", "个人生物识别信息", "网络身份标识信息", "个人健康生理信息",
        "个人教育工作信息", "个人财产信息", "个人通信信息", "联系人信息", "个人上网记录",
        "个人常用设备信息", "个人位置信息", "个人标签信息", "个人运动信息", "身份鉴别信息",
        "其他个人信息",
    ):  # fmt: skip
        assert name in zh_names, name
    # Annex B sensitive items, by a keyword each must be found under
    annex_b = {
        "护照": "pi.identity.passport", "驾驶证": "pi.identity.driving_licence",
        "军官证": "pi.identity.military_id", "社保卡": "pi.identity.social_security",
        "居住证": "pi.identity.residence_permit", "指纹": "pi.biometric.fingerprint",
        "声纹": "pi.biometric.voiceprint", "掌纹": "pi.biometric.palmprint",
        "耳廓": "pi.biometric.auricle", "虹膜": "pi.biometric.iris", "基因": "pi.biometric.gene",
        "人脸": "pi.biometric.face", "征信": "pi.financial.credit", "房产": "pi.financial.real_estate",
        "通讯录": "pi.contacts.address_book", "好友列表": "pi.contacts.friends",
        "浏览记录": "pi.online_activity.browsing_history", "住宿": "pi.location.accommodation",
        "性取向": "pi.other.sexual_orientation", "婚史": "pi.other.marital",
        "宗教信仰": "pi.religion.belief", "犯罪记录": "pi.other.criminal_record",
        "通话记录": "pi.communication.call_record", "轨迹": "pi.location.track",
    }  # fmt: skip
    for word, eid in annex_b.items():
        element = catalog.element(eid)
        assert word in element.keywords.zh, (word, eid)
        assert element.sensitive, eid


def test_ids_unique_and_parents_exist(catalog) -> None:  # type: ignore[no-untyped-def]
    seen: dict[str, str] = {}
    for path in shipped_files():
        doc = load_yaml(path)
        for item in doc.data.get("elements", []):
            assert item["id"] not in seen, f"{item['id']} in {path} and {seen.get(item['id'])}"
            seen[item["id"]] = str(path)
    for element in catalog.elements.values():
        assert element.category in catalog.categories
        parts = element.category.split(".")
        for i in range(1, len(parts)):
            assert ".".join(parts[:i]) in catalog.categories
        for src in element.sources:
            assert src in catalog.sources
        assert element.names.en and element.names.zh
        assert element.references, f"{element.id} has no reference"
        expected = Grade.GENERAL_4 if element.sensitive else Grade.GENERAL_3
        if element.pi and element.origin.endswith("pi.yaml"):
            assert element.grade == expected, element.id


def test_grades_and_escalations(catalog) -> None:  # type: ignore[no-untyped-def]
    assert set(catalog.grades) == set(Grade)
    assert catalog.grade_name(Grade.GENERAL_4, "zh") == "一般数据4级"
    assert catalog.grade_name(Grade.IMPORTANT, "en") == "Important data"
    volume = catalog.escalation("esc.volume.automotive_pi")
    assert volume.to == Grade.IMPORTANT
    assert volume.when.subjects_gt == 100000 and volume.when.sectors == ("automotive",)
    assert "Art. 3" in volume.reference and volume.source
    combination = catalog.escalation("esc.combination.identified_sensitive")
    assert combination.when.direct_identifier and combination.when.sensitive
    for rule in catalog.escalations:
        assert rule.reference and rule.reason.en and rule.reason.zh


def test_loader_reads_only_its_own_files() -> None:
    names = {p.relative_to(catalogs_dir()).as_posix() for p in shipped_files()}
    assert "recognizers.yaml" not in names
    # of data/, only the generated pinyin spellings of the catalogs' own Chinese words
    assert not any(n.startswith(("rules/", "data/")) for n in names - {"data/pinyin_words.yaml"})
    assert "data/pinyin_words.yaml" in names
    assert {"pi.yaml", "grades.yaml"} <= names


def test_category_names_and_lookups(catalog) -> None:  # type: ignore[no-untyped-def]
    assert catalog.category_name("pi.contact", "zh") == "个人联系方式"
    assert catalog.category_name("no.such", "en") == "no.such"
    assert catalog.element_name("pi.contact.mobile", "zh") == "手机号码"
    assert catalog.group_name("whereabouts", "zh") == "行踪轨迹"
    assert re.match(r"^cn-national-pi@\d{4}\.\d+$", catalog.version)
    level = catalog.sector_level("finance", "pi.credential.password")
    assert level is not None and level.grade == Grade.GENERAL_4


# --- validation -------------------------------------------------------------------------------


def test_validation_collects_every_problem_with_file_line_and_key(tmp_path: Path) -> None:
    bad = _write(
        tmp_path,
        "bad.yaml",
        "schema_version: 1\n"  # 1
        "elements:\n"  # 2
        "  - id: pi.contact.fax_number\n"  # 3
        "    names: {en: Fax, fr: Fax}\n"  # 4  (a language dataflow does not speak)
        "    pi: true\n"  # 5
        "    sensitive: true\n"  # 6  (no group)
        "    grade: general-9\n"  # 7
        "  - id: acme.hr.badge\n"  # 8  (category undefined)
        "    names: {en: Badge, zh: 工牌}\n"  # 9
        "    pi: true\n"  # 10
        "    colour: red\n"  # 11 unknown key
        "escalations:\n"  # 12
        "  - id: esc.acme.x\n"  # 13
        "    to: important\n"  # 14
        "    when: {elements_any: [pi.nothing.here]}\n"  # 15
        "    reason: {en: x, zh: x}\n"  # 16
        "    reference: internal\n",  # 17
    )
    problems = validate_files([bad])
    rendered = [p.render() for p in problems]
    assert all(r.startswith(str(bad)) for r in rendered), rendered
    text = "\n".join(rendered)
    assert f"{bad}:4: elements[0].names.fr: unknown key 'fr'" in text
    assert f"{bad}:7: elements[0].grade: unknown grade 'general-9'" in text
    assert "sensitive_group" in text
    assert f"{bad}:11: elements[1].colour: unknown key 'colour'" in text
    assert "category 'acme.hr' is not defined" in text
    assert "unknown element 'pi.nothing.here'" in text
    assert len(problems) >= 6
    with pytest.raises(CatalogValidationError) as info:
        load_catalog([bad])
    assert isinstance(info.value, CatalogError)
    assert len(info.value.problems) == len(problems)


def test_validation_of_wrong_schema_version_and_types(tmp_path: Path) -> None:
    bad = _write(tmp_path, "v2.yaml", "schema_version: 2\nelements: []\n")
    problems = validate_files([bad])
    assert [p.key for p in problems] == ["schema_version"]
    assert problems[0].line == 1
    bad2 = _write(
        tmp_path,
        "types.yaml",
        "schema_version: 1\nelements:\n  - id: pi.contact.mobile\n    types: [text, varchar]\n"
        "    entities: [cn_mobile]\n    sensitive_group: gossip\n",
    )
    text = "\n".join(p.render() for p in validate_files([bad2]))
    assert "elements[0].types[1]: unknown type class 'varchar'" in text
    assert "elements[0].entities[0]: invalid entity name 'cn_mobile'" in text
    assert "elements[0].sensitive_group: unknown PIPL Art. 28 group 'gossip'" in text


def test_user_catalog_overrides_and_extends(tmp_path: Path) -> None:
    user = _write(
        tmp_path,
        "acme.yaml",
        "schema_version: 1\n"
        "categories:\n  - {id: acme, names: {en: Acme, zh: 艾克米}}\n"
        "  - {id: acme.hr, names: {en: HR, zh: 人事}}\n"
        "elements:\n"
        "  - id: pi.contact.email\n    grade: general-4\n"
        "  - id: pi.profile.gender\n    detect: false\n"
        "  - id: acme.hr.badge\n    names: {en: Badge number, zh: 工牌号}\n    pi: true\n"
        "    sensitive: false\n    keywords: {en: [badge number], zh: [工牌号]}\n"
        "    references: [Acme policy 7]\n",
    )
    catalog = load_catalog([user])
    assert catalog.element("pi.contact.email").grade == Grade.GENERAL_4
    assert catalog.element("pi.contact.email").entities == ("EMAIL_ADDRESS",)  # kept
    assert catalog.element("acme.hr.badge").grade == Grade.GENERAL_3  # default for PI
    assert "pi.profile.gender" not in {e.id for e in catalog.detectable()}
    assert catalog.category_name("acme.hr", "zh") == "人事"


def test_empty_and_non_mapping_files_are_problems(tmp_path: Path) -> None:
    empty = _write(tmp_path, "empty.yaml", "")
    listy = _write(tmp_path, "list.yaml", "- a\n- b\n")
    problems = validate_files([empty, listy])
    assert {Path(p.path).name for p in problems} == {"empty.yaml", "list.yaml"}


# --- CLI --------------------------------------------------------------------------------------


def test_cli_validate_prints_every_problem_and_exits_2(tmp_path: Path) -> None:
    bad = _write(
        tmp_path,
        "bad catalog.yaml",
        "schema_version: 1\nelements:\n  - id: pi.x.y\n    names: {en: X, zh: X}\n    pi: maybe\n"
        "  - id: pi.contact.mobile\n    grade: top\n",
    )
    result = CliRunner().invoke(app, ["catalog", "validate", str(bad)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(lines) >= 3, result.stderr
    assert all(bad.name in line for line in lines)
    assert "Traceback" not in result.stderr


def test_cli_validate_ok(tmp_path: Path) -> None:
    good = _write(
        tmp_path,
        "good.yaml",
        "schema_version: 1\nelements:\n  - id: pi.contact.email\n    grade: general-4\n",
    )
    result = CliRunner().invoke(app, ["catalog", "validate", str(good)])
    assert result.exit_code == 0, result.stderr
    assert "ok" in result.stdout


def test_cli_list_and_show(tmp_path: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(app, ["catalog", "list", "--lang", "zh"])
    assert listed.exit_code == 0, listed.stderr
    assert "pi.identity.resident_id" in listed.stdout and "居民身份证号码" in listed.stdout
    assert "esc.volume.automotive_pi" in listed.stdout
    shown = runner.invoke(app, ["catalog", "show", "pi.identity.resident_id"])
    assert shown.exit_code == 0
    assert "CN_RESIDENT_ID" in shown.stdout and "sfzh" in shown.stdout
    assert "specific_identity" in shown.stdout
    rule = runner.invoke(app, ["catalog", "show", "esc.volume.automotive_pi", "--lang", "zh"])
    assert "10万人" in rule.stdout
    missing = runner.invoke(app, ["catalog", "show", "pi.nope"])
    assert missing.exit_code == 2 and "pi.nope" in missing.stderr


def test_an_id_repeated_in_one_file_is_a_problem_for_elements_and_rules(tmp_path: Path) -> None:
    bad = _write(
        tmp_path,
        "twice.yaml",
        "schema_version: 1\n"
        "elements:\n"
        "  - id: pi.identity.name\n"
        "    pi: true\n"
        "  - id: pi.identity.name\n"
        "    pi: true\n"
        "escalations:\n"
        "  - id: esc.combination.identified_sensitive\n"
        "    to: general-4\n"
        "  - id: esc.combination.identified_sensitive\n"
        "    to: general-4\n",
    )
    text = "\n".join(p.render() for p in validate_files([bad]))
    assert f"{bad}:5: elements[1].id: duplicate element id 'pi.identity.name' in this file" in text
    rule = "esc.combination.identified_sensitive"
    assert (
        f"{bad}:10: escalations[1].id: duplicate escalation rule id '{rule}' in this file" in text
    )
