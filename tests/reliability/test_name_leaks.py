"""Personal data in names never reaches a report: header-less CSV, data-valued keys, comments.

A CSV without a header row, JSON Lines keyed by phone number, a table comment or a column named
after an e-mail address put scanned values where names belong. Every format and every output
(stdout, stderr, ``--output``, the baseline) is checked for canary values, and the reports are
checked to hold the masked forms, so the canaries were really read.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from builders import bank_card, mobile, resident_id, run
from builders import validate_scan as validate

from dataflow.detect.names import header_is_data, scrub, value_kind

# Run from an empty folder so no project configuration is picked up by accident.
pytestmark = pytest.mark.usefixtures("isolated_cwd")

FORMATS = ("table", "json", "markdown", "sarif", "html")
R = random.Random(22)
IDS = [resident_id(R) for _ in range(12)]
CARDS = [bank_card(R) for _ in range(12)]
PHONES = [mobile(R).removeprefix("+86 ") for _ in range(12)]
EMAILS = [f"wang.fang{i}@example.com" for i in range(12)]
CANARIES = [*IDS, *CARDS, *PHONES, *EMAILS]


def assert_no_canary(*texts: str) -> None:
    for text in texts:
        for canary in CANARIES:
            assert canary not in text, f"scanned value {canary[:3]}… leaked"


def write_inputs(folder: Path) -> None:
    folder.mkdir()
    rows = zip(IDS, CARDS, PHONES, EMAILS, strict=True)
    (folder / "noheader.csv").write_text(
        "".join(f"{i},{c},{p},{e},2024-03-{n + 1:02d}\n" for n, (i, c, p, e) in enumerate(rows)),
        encoding="utf-8",
    )
    with (folder / "contacts.jsonl").open("w", encoding="utf-8") as handle:
        for n in range(12):
            record = {
                "user": n,
                "friends": {PHONES[n]: {"since": "2024-01-02"}, EMAILS[n]: "x"},
                IDS[n]: {"card": CARDS[n]},
            }
            handle.write(json.dumps(record) + "\n")
    (folder / "shop.sql").write_text(
        f"CREATE TABLE t_{PHONES[0]} (\n"
        f"  id BIGINT COMMENT '主键',\n"
        f"  phone VARCHAR(20) COMMENT '联系电话，例如 {PHONES[1]}',\n"
        f"  `{EMAILS[0]}` VARCHAR(64) COMMENT '{IDS[0]}'\n"
        f") COMMENT='客户表，负责人 {PHONES[2]}，身份证 {IDS[1]}，卡号 {CARDS[0]}';\n",
        encoding="utf-8",
    )
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({PHONES[5]: EMAILS, "note": IDS}), folder / "wide.parquet")
    (folder / "person.schema.json").write_text(
        json.dumps(
            {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "title": f"person {PHONES[3]}",
                "description": f"owner {EMAILS[1]}",
                "type": "object",
                "properties": {
                    PHONES[4]: {"type": "string", "description": f"e.g. {IDS[2]}"},
                    "mobile": {"type": "string"},
                },
            }
        ),
        encoding="utf-8",
    )


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("content", [True, False])
def test_no_format_shows_values_found_in_names_or_comments(
    tmp_path: Path, fmt: str, content: bool
) -> None:
    inputs = tmp_path / "in"
    write_inputs(inputs)
    out = tmp_path / f"report.{fmt}"
    extra = [] if content else ["--no-content"]
    code, stdout, stderr = run("scan", str(inputs), "--format", fmt, *extra)
    assert code == 0, stderr
    code, _, stderr2 = run("scan", str(inputs), "--format", fmt, "-o", str(out), *extra)
    assert code == 0
    written = out.read_text(encoding="utf-8")
    assert_no_canary(stdout, stderr, stderr2, written)
    assert "first row looks like data" in stderr
    if fmt in ("table", "json"):  # the names were read, and masked rather than dropped
        assert f"t_{PHONES[0][:3]}****{PHONES[0][-4:]}" in stdout
        if content:
            assert "column_1" in stdout and "friends{key}" in stdout


def test_json_report_masks_comments_and_reports_maps_as_one_field(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_inputs(inputs)
    code, stdout, _ = run("scan", str(inputs), "--format", "json")
    assert code == 0
    report = json.loads(stdout)
    validate(report)
    by_name = {Path(d["source"]["path"]).name: d for d in report["datasets"]}
    shop = by_name["shop.sql"]
    assert shop["comment"].startswith("客户表，负责人 ")
    assert f"{PHONES[2][:3]}****{PHONES[2][-4:]}" in shop["comment"]
    csv_fields = {f["name"]: f for f in by_name["noheader.csv"]["fields"]}
    assert sorted(csv_fields) == [f"column_{i}" for i in range(1, 6)]
    assert csv_fields["column_1"]["element"] == "pi.identity.resident_id"
    assert csv_fields["column_3"]["element"] == "pi.contact.mobile"
    contacts = {f["pointer"]: f for f in by_name["contacts.jsonl"]["fields"]}
    assert set(contacts) == {
        "contacts.user",
        "contacts.friends{key}",
        "contacts.friends{}",
        "contacts.friends{}.since",
        "contacts.{key}",
        "contacts.{}.card",
    }
    keys = contacts["contacts.friends{key}"]
    examples = [e["example"] for e in keys["evidence"] if e.get("example")]
    assert keys["personal"] and examples and all("*" in e for e in examples)
    assert contacts["contacts.{key}"]["element"] == "pi.identity.resident_id"
    parquet = {f["pointer"] for f in by_name["wide.parquet"]["fields"]}
    assert parquet == {f"wide.{PHONES[5][:3]}****{PHONES[5][-4:]}", "wide.note"}


def test_check_and_baseline_never_write_values_found_in_names(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_inputs(inputs)
    files = [str(p) for p in sorted(inputs.iterdir())]
    code, stdout, stderr = run("check", *files)
    assert code == 1
    code, out2, err2 = run("baseline", "update", "--reason", "reviewed", *files)
    assert code == 0
    baseline = Path(".dataflow-baseline.yaml").read_text(encoding="utf-8")
    assert f"pointer: t_{PHONES[0][:3]}****{PHONES[0][-4:]}.phone" in baseline
    assert_no_canary(stdout, stderr, out2, err2, baseline)


def test_a_full_scan_reads_a_header_less_file_the_same_way(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    write_inputs(inputs)
    code, stdout, stderr = run(
        "scan", str(inputs / "noheader.csv"), str(inputs / "contacts.jsonl"), "--full", "-f", "json"
    )
    assert code == 0
    assert_no_canary(stdout, stderr)
    report = json.loads(stdout)
    rows = {d["name"]: d["rows_scanned"] for d in report["datasets"]}
    assert rows == {"noheader": 12, "contacts": 12}  # the first row is data, not a header


def test_headers_are_told_from_data_rows() -> None:
    phone_rows = [[p, e] for p, e in zip(PHONES, EMAILS, strict=True)]
    assert header_is_data(phone_rows[0], phone_rows[1:])
    assert not header_is_data(["mobile", "email"], phone_rows)
    assert not header_is_data(["name", "age"], [["Alice", "30"], ["Bob", "41"]])
    assert header_is_data(["张伟", PHONES[0]], [["李娜", PHONES[1]]])
    assert not header_is_data(["id", "created_at"], [["1", "2024-01-01"]])
    assert not header_is_data(["name", "city"], [["Alice", "Paris"]])
    assert header_is_data([IDS[0], "2024-01-01", "3.5"], [])
    assert not header_is_data(["", "phone"], [["0", PHONES[0]]])
    assert value_kind(PHONES[0]) == "CN_MOBILE"
    assert value_kind(IDS[0]) == "CN_RESIDENT_ID"
    assert value_kind("2024-03-01 10:00:00") == "DATE"
    assert value_kind("user_id") is None
    assert scrub(f"call {PHONES[0]} or {EMAILS[0]}") == (
        f"call {PHONES[0][:3]}****{PHONES[0][-4:]} or w***@example.com"
    )
    assert scrub("联系电话") == "联系电话"


def test_keys_that_vary_from_record_to_record_are_a_map(tmp_path: Path) -> None:
    """Keys no recognizer knows (user names) are still data when every record has others."""
    users = [f"zhou_xiaoming_{n:03d}" for n in range(40)]
    path = tmp_path / "scores.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for n in range(20):
            scores = {users[2 * n]: n, users[2 * n + 1]: n + 1}
            handle.write(json.dumps({"id": n, "scores": scores, "plan": "basic"}) + "\n")
    for fmt in FORMATS:
        code, stdout, stderr = run("scan", str(path), "--format", fmt)
        assert code == 0
        assert "zhou_xiaoming" not in stdout + stderr
    code, stdout, stderr = run("scan", str(path), "--format", "json")
    pointers = {f["pointer"] for f in json.loads(stdout)["datasets"][0]["fields"]}
    assert pointers == {"scores.id", "scores.plan", "scores.scores{key}", "scores.scores{}"}
    assert "the keys of scores vary from record to record" in stderr


def test_optional_fields_that_recur_are_not_a_map(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    optional = [f"field_{n}" for n in range(20)]
    with path.open("w", encoding="utf-8") as handle:
        for n in range(60):
            record = {"id": n, "props": {optional[(n + k) % 20]: k for k in range(3)}}
            handle.write(json.dumps(record) + "\n")
    code, stdout, stderr = run("scan", str(path), "--format", "json")
    assert code == 0 and "vary from record to record" not in stderr
    pointers = {f["pointer"] for f in json.loads(stdout)["datasets"][0]["fields"]}
    assert {f"events.props.{name}" for name in optional} <= pointers


def test_database_table_and_column_names_are_masked(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    import sqlite3

    path = tmp_path / "crm.db"
    with sqlite3.connect(path) as db:
        db.execute(f'CREATE TABLE "t_{PHONES[6]}" (id INTEGER PRIMARY KEY, "{PHONES[7]}" TEXT)')
        db.executemany(f'INSERT INTO "t_{PHONES[6]}" VALUES (?, ?)', enumerate(EMAILS))
    url = f"sqlite:///{path}"
    for args in ([], ["--full"]):
        for fmt in FORMATS:
            code, stdout, stderr = run("scan", url, "--format", fmt, *args)
            assert code == 0, stderr
            assert_no_canary(stdout, stderr)
    code, stdout, _ = run("scan", url, "--format", "json", "--full")
    fields = {f["name"]: f for f in json.loads(stdout)["datasets"][0]["fields"]}
    masked = f"{PHONES[7][:3]}****{PHONES[7][-4:]}"
    assert fields[masked]["element"] == "pi.contact.email"  # its values were still matched


def test_words_and_context_only_recognizers_are_not_masked_in_names() -> None:
    """Person-name patterns (any script) and recognizers that need a field name as context
    match ordinary words and numbers: names and notes keep them, identifiers are still masked."""
    from dataflow.detect.names import scrub

    note = "events: sampled 5,000 row(s) by TABLESAMPLE SYSTEM (postgresql://u:***@db/crm)"
    assert scrub(note) == note
    assert scrub("Anna Young 12345678 t_20231201") == "Anna Young 12345678 t_20231201"
    assert "13812345678" not in scrub("owner 13812345678")
