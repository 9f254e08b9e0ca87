"""``dataflow scan`` end to end: exit codes 0/1/2, stderr one-liners, JSON validity, samples.

Every run goes through the real CLI (typer's runner, in-process so the network block applies)
over real files: the shipped examples and schemas written into ``tmp_path``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from builders import run
from builders import validate_scan as validate
from conftest import EXAMPLES

SHOP = EXAMPLES / "schemas" / "shop_mysql.sql"
CUSTOMERS_CSV = EXAMPLES / "samples" / "customers.csv"

PHONE_DDL = """CREATE TABLE members (
  id BIGINT PRIMARY KEY COMMENT '主键',
  mobile VARCHAR(20) COMMENT '手机号码',
  id_card CHAR(18) COMMENT '身份证号',
  login_count INT COMMENT '登录次数'
);
"""


# Run from an empty folder so no project configuration is picked up by accident.
pytestmark = pytest.mark.usefixtures("isolated_cwd")


def fields_of(report: dict, dataset: str, suffix: str = "") -> dict[str, dict]:  # type: ignore[type-arg]
    found = [
        d
        for d in report["datasets"]
        if d["name"] == dataset and d["source"]["path"].endswith(suffix)
    ]
    assert found, f"dataset {dataset} missing from {[d['name'] for d in report['datasets']]}"
    return {f["name"]: f for f in found[0]["fields"]}


def test_examples_scan_shows_the_tool_at_work() -> None:
    code, stdout, stderr = run("scan", str(EXAMPLES), "--format", "json")
    assert code == 0, stderr
    report = json.loads(stdout)
    validate(report)
    customers = fields_of(report, "customers", ".sql")
    assert customers["sjhm"]["personal"] and customers["sjhm"]["element"] == "pi.contact.mobile"
    assert customers["sfzh"]["sensitive"] is True
    assert customers["xm"]["personal"] is True
    for trap in ("order_count", "is_vip", "phone_verified", "created_at"):
        assert customers[trap]["personal"] is False, trap
    regions = fields_of(report, "dict_region")
    assert not any(f["personal"] for f in regions.values()), "a dictionary table is not PI"
    assert report["summary"]["files_scanned"] >= 4
    # the sample file's own dataset is analysed by content: masked examples only
    text = CUSTOMERS_CSV.read_text(encoding="utf-8").splitlines()[1].split(",")
    for raw in text:
        assert raw not in stdout
    # one summary line on stderr, nothing else when all files are readable
    assert len(stderr.strip().splitlines()) == 1
    assert stderr.startswith("dataflow: ")


def test_json_is_byte_identical_across_runs() -> None:
    first = run("scan", str(EXAMPLES), "--format", "json")
    second = run("scan", str(EXAMPLES), "--format", "json")
    assert first[0] == second[0] == 0
    assert first[1] == second[1]


def test_fail_on_grade_makes_the_exit_1(tmp_path: Path) -> None:
    schema = tmp_path / "members.sql"
    schema.write_text(PHONE_DDL, encoding="utf-8")
    assert run("scan", str(schema), "--fail-on", "general-4")[0] == 1
    assert run("scan", str(schema), "--fail-on", "core")[0] == 0
    assert run("scan", str(schema))[0] == 0


def test_fail_on_from_configuration(tmp_path: Path) -> None:
    schema = tmp_path / "members.sql"
    schema.write_text(PHONE_DDL, encoding="utf-8")
    (Path.cwd() / "dataflow.yaml").write_text("fail_on: general-3\n", encoding="utf-8")
    code, _, stderr = run("scan", str(schema), "--no-content")
    assert code == 1
    assert " 0 blocking" not in stderr
    # a flag overrides the file
    assert run("scan", str(schema), "--no-content", "--fail-on", "core")[0] == 0


def test_unreadable_file_exits_2_after_the_report_of_the_rest(tmp_path: Path) -> None:
    (tmp_path / "good.sql").write_text(PHONE_DDL, encoding="utf-8")
    (tmp_path / "bad.sql").write_bytes(b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 8)
    out = tmp_path / "report.json"
    code, stdout, stderr = run("scan", str(tmp_path), "--format", "json", "--output", str(out))
    assert code == 2
    assert stdout == ""
    report = json.loads(out.read_text(encoding="utf-8"))
    validate(report)
    assert [d["name"] for d in report["datasets"]] == ["members"]
    assert [Path(p["path"]).name for p in report["problems"]] == ["bad.sql"]
    lines = stderr.strip().splitlines()
    assert lines[0].startswith(f"error: {tmp_path / 'bad.sql'}")
    assert lines[-1].startswith("dataflow: ") and "1 unreadable" in lines[-1]
    assert len(lines) == 2
    assert "Traceback" not in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["--fail-on", "secret"],
        ["--format", "xml"],
        ["--lang", "fr"],
        ["--sample", "lonely.csv"],
        ["--sample", "members=missing.csv"],
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str]) -> None:
    schema = tmp_path / "members.sql"
    schema.write_text(PHONE_DDL, encoding="utf-8")
    code, _stdout, stderr = run("scan", str(schema), *args)
    assert code == 2
    assert stderr.startswith("error: ")
    assert len(stderr.strip().splitlines()) == 1
    assert "Traceback" not in stderr


def test_a_missing_path_is_reported_and_exits_2(tmp_path: Path) -> None:
    code, _, stderr = run("scan", str(tmp_path / "nowhere.sql"), "--no-content")
    assert code == 2
    assert "nowhere.sql" in stderr


def test_sample_attached_to_a_schema_table_is_analysed_masked() -> None:
    code, stdout, stderr = run(
        "scan", str(SHOP), "--sample", f"customers={CUSTOMERS_CSV}", "--format", "json"
    )
    assert code == 0, stderr
    report = json.loads(stdout)
    customers = next(d for d in report["datasets"] if d["name"] == "customers")
    assert customers["source"]["path"] == str(SHOP)
    assert customers["sampled"] is True
    evidence = [e for f in customers["fields"] for e in f["evidence"] if e["source"] == "value"]
    assert evidence, "content evidence expected from the attached sample"
    assert all("*" in e.get("example", "*") for e in evidence)
    for raw in CUSTOMERS_CSV.read_text(encoding="utf-8").splitlines()[1].split(","):
        assert raw not in stdout


def test_sample_for_pairs_with_sample() -> None:
    args = ["scan", str(SHOP), "--sample", str(CUSTOMERS_CSV), "--sample-for", "customers"]
    code, stdout, _ = run(*args, "--format", "json")
    assert code == 0
    assert next(d for d in json.loads(stdout)["datasets"] if d["name"] == "customers")["sampled"]


def test_sample_for_an_unknown_table_is_reported() -> None:
    code, _, stderr = run("scan", str(SHOP), "--sample", f"nosuch={CUSTOMERS_CSV}")
    assert code == 2
    assert "nosuch" in stderr


def test_table_output_in_chinese_and_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out" / "report.txt"
    code, stdout, _ = run("scan", str(SHOP), "--lang", "zh", "--no-content", "--output", str(out))
    assert code == 0 and stdout == ""
    text = out.read_text(encoding="utf-8")
    assert "字段" in text and "个人信息字段" in text
    assert "customers.sjhm" in text


ACME_POLICY = (
    "schema_version: 1\n"
    "list:\n"
    "  id: acme-export-policy\n"
    "  title: Acme export policy\n"
    "  jurisdiction: organisation\n"
    '  version: "2026.1"\n'
    "  effective_from: 2026-01-01\n"
    "  scope: {sectors: [all]}\n"
    '  sources: ["Acme data-export policy v3"]\n'
    "  verified: true\n"
    "entries:\n"
    "  - id: ACME-001\n"
    "    data_category: sensitive personal information\n"
    "    condition: {sensitive: true}\n"
    "    required_mechanism: security_assessment\n"
    "    message: Sensitive PI never leaves without a security assessment.\n"
)


def test_negative_list_hits_are_in_every_report(tmp_path: Path) -> None:
    """The entries that make ``scan --negative-list`` exit 1 are named in the report, with
    the dataset and the fields that made them match, in every format and both languages."""
    schema = tmp_path / "members.sql"
    schema.write_text(PHONE_DDL, encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text(ACME_POLICY, encoding="utf-8")
    base = ("scan", str(schema), "--no-content", "--negative-list", str(policy))

    code, stdout, stderr = run(*base, "--format", "json")
    assert code == 1, stderr
    report = json.loads(stdout)
    validate(report)
    assert report["summary"]["negative_list_hits"] == 1
    [hit] = report["negative_list_hits"]
    assert (hit["dataset"], hit["list"], hit["entry"]) == (
        "members",
        "acme-export-policy",
        "ACME-001",
    )
    assert hit["path"] == str(schema) and hit["binding"] is True
    assert hit["required_mechanism"] == "security_assessment"
    assert hit["fields"] == ["members.id_card"]  # the sensitive field, not the mobile number

    code, stdout, _ = run(*base)
    assert code == 1 and "negative-list hits" in stdout and "ACME-001" in stdout
    code, stdout, _ = run(*base, "--format", "markdown", "--lang", "zh")
    assert code == 1 and "负面清单命中" in stdout and "`ACME-001`" in stdout
    assert "`members.id_card`" in stdout
    code, stdout, _ = run(*base, "--format", "sarif")
    assert code == 1
    results = json.loads(stdout)["runs"][0]["results"]
    [sarif_hit] = [r for r in results if r["ruleId"].startswith("negative-list/")]
    assert sarif_hit["ruleId"] == "negative-list/acme-export-policy/ACME-001"
    assert sarif_hit["level"] == "error" and sarif_hit["properties"]["dataset"] == "members"
    assert "members" in sarif_hit["message"]["text"]

    # Without a list, and with a list that nothing hits: an empty list, exit 0.
    code, stdout, _ = run("scan", str(schema), "--no-content", "--format", "json")
    assert code == 0 and json.loads(stdout)["negative_list_hits"] == []
    harmless = tmp_path / "harmless.sql"
    harmless.write_text("CREATE TABLE t (login_count INT COMMENT '登录次数');\n", encoding="utf-8")
    code, stdout, _ = run("scan", str(harmless), "--no-content", "--negative-list", str(policy))
    assert code == 0 and "ACME-001" not in stdout


def test_user_negative_list_hit_exits_1(tmp_path: Path) -> None:
    schema = tmp_path / "members.sql"
    schema.write_text(PHONE_DDL, encoding="utf-8")
    policy = tmp_path / "policy.yaml"
    policy.write_text(ACME_POLICY, encoding="utf-8")
    code, _, stderr = run("scan", str(schema), "--no-content", "--negative-list", str(policy))
    assert code == 1, stderr
    harmless = tmp_path / "harmless.sql"
    harmless.write_text("CREATE TABLE t (login_count INT COMMENT '登录次数');\n", encoding="utf-8")
    code, _, stderr = run("scan", str(harmless), "--no-content", "--negative-list", str(policy))
    assert code == 0, stderr


def test_schema_format_override(tmp_path: Path) -> None:
    odd = tmp_path / "members.ddl.txt"
    shutil.copyfile(SHOP, odd)
    code, stdout, stderr = run(
        "scan", str(odd), "--schema-format", "sql", "--no-content", "--format", "json"
    )
    assert code == 0, stderr
    assert "customers" in {d["name"] for d in json.loads(stdout)["datasets"]}


def test_broken_configuration_names_the_file_and_where_the_construct_starts(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "bad config.yaml"
    bad.write_text("lang: en\nignore_paths: [unclosed\nfail_on: core\n", encoding="utf-8")
    schema = tmp_path / "members.sql"
    schema.write_text(PHONE_DDL, encoding="utf-8")
    code, stdout, stderr = run("scan", str(schema), "--config", str(bad))
    assert code == 2 and stdout == ""
    assert stderr.startswith(f"error: {bad}:3")
    assert "starts at line 2" in stderr
    assert len(stderr.strip().splitlines()) == 1


def test_full_checks_every_row_not_just_the_sample(tmp_path: Path) -> None:
    csv = tmp_path / "contacts.csv"
    csv.write_text("sjhm\n" + "".join(f"139{i:08d}\n" for i in range(300)), encoding="utf-8")

    def sizes(*extra: str) -> set[int]:
        code, stdout, stderr = run(
            "scan", str(csv), "--format", "json", "--sample-size", "10", *extra
        )
        assert code == 0, stderr
        (field,) = json.loads(stdout)["datasets"][0]["fields"]
        assert field["element"] == "pi.contact.mobile"
        return {e["sample_size"] for e in field["evidence"] if e["source"] == "value"}

    assert max(sizes()) <= 10
    assert sizes("--full") == {300}


def test_every_avro_field_is_in_the_json_even_without_a_known_type() -> None:
    named = Path(__file__).parent.parent / "data" / "readers" / "avro_named"
    code, stdout, _ = run("scan", str(named), "--format", "json", "--no-content")
    assert code == 0  # unknown type names are warnings, not unreadable files
    report = json.loads(stdout)
    validate(report)
    fields = {f["pointer"]: f for f in fields_of(report, "PaymentV1").values()}
    assert fields["PaymentV1.amount"]["data_type"] is None
    assert fields["PaymentV1.payer"]["data_type"] is None
    assert fields["PaymentV1.detail.cardNumber"]["data_type"] == "string"
    assert [p["line"] for p in report["problems"] if p["path"].endswith("payment.avsc")] == [
        9,
        10,
        12,
    ]
