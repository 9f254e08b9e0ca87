"""Small inputs that used to get an internal error, a misleading message or no message.

Each case runs the real CLI in-process over real files and checks the exit code and that the
message says what is wrong and where.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from builders import mobile, resident_id, run
from conftest import EXAMPLES

# Run from an empty folder so no project configuration is picked up by accident.
pytestmark = pytest.mark.usefixtures("isolated_cwd")

HUGE = "9" * 100_000


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("huge.jsonl", f'{{"amount": {HUGE}, "id": 1}}\n{{"amount": 5, "id": 2}}\n'),
        ("huge.json", f'[{{"amount": {HUGE}, "id": 1}}, {{"amount": 5, "id": 2}}]'),
    ],
)
def test_a_100000_digit_number_in_json_data_is_a_value(
    tmp_path: Path, name: str, text: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    for extra in ([], ["--full"]):
        code, stdout, stderr = run("scan", str(path), "-f", "json", *extra)
        assert code == 0, stderr
        assert "internal error" not in stderr and HUGE[:50] not in stdout + stderr
        fields = {f["name"]: f for f in json.loads(stdout)["datasets"][0]["fields"]}
        assert fields["amount"]["data_type"] == "integer"


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_deeply_nested_json_data_is_not_called_a_json_schema(tmp_path: Path, opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    path = tmp_path / "deep.json"
    path.write_text(opening * 100_000 + "1" + closing * 100_000, encoding="utf-8")
    code, _, stderr = run("scan", str(path))
    assert code == 2
    assert f"error: {path}: invalid JSON: nested too deeply" in stderr
    assert "Schema" not in stderr


def test_an_unterminated_quote_in_a_csv_is_reported_with_its_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.csv"
    broken.write_text('id,note\n1,fine\n2,"never closed\n3,x\n4,y\n', encoding="utf-8")
    ragged = tmp_path / "ragged.csv"  # the slow parser (rows of uneven width) finds it too
    ragged.write_text('id,note\n1,fine,extra\n2,"never closed\n3,x\n', encoding="utf-8")
    good = tmp_path / "multiline.csv"
    good.write_text('id,note\n1,"two\nlines"\n2,x\n', encoding="utf-8")
    for path in (broken, ragged):
        code, _, stderr = run("scan", str(path))
        assert code == 2
        assert f"error: {path}:3: unterminated quoted field" in stderr
    code, _, stderr = run("scan", str(good))
    assert code == 0 and "unterminated" not in stderr


def test_free_text_reports_every_identifier_it_holds(tmp_path: Path) -> None:
    r = random.Random(8)
    names = ["张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴涛", "徐丽"]
    path = tmp_path / "notes.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,remark\n")
        for i, name in enumerate(names):
            phone = mobile(r).removeprefix("+86 ")
            handle.write(f"{i},客户 {name} 电话 {phone} 身份证 {resident_id(r)} 已回访\n")
    code, stdout, _ = run("scan", str(path), "-f", "json")
    assert code == 0
    field = {f["name"]: f for f in json.loads(stdout)["datasets"][0]["fields"]}["remark"]
    assert field["kind"] == "contains" and field["sensitive"]
    # A rule names the recognizers of its entity (CN_PERSON_NAME has a second one for names
    # with a middle dot): each entity the column holds has its own piece of evidence.
    rules = {r for e in field["evidence"] if e["source"] == "value" for r in e["rule"].split("+")}
    assert {"CnResidentIdRecognizer", "CnMobileRecognizer", "CnPersonNameRecognizer"} <= rules


def _manifest(folder: Path, **changes: str) -> Path:
    text = (EXAMPLES / "transfer.yaml").read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    (folder / "schemas").mkdir(exist_ok=True)
    (folder / "samples").mkdir(exist_ok=True)
    for sub in ("schemas/shop_mysql.sql", "samples/customers.csv"):
        (folder / sub).write_bytes((EXAMPLES / sub).read_bytes())
    path = folder / "transfer.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("subjects: 250000 ", "subjects: -5 ", "subjects: must not be negative (got -5)"),
        (
            "subjects: 250000 ",
            "subjects: 12345678901234567890123456789 ",
            "subjects: must be at most 1,000,000,000,000 (got a number of 29 digits)",
        ),
        (
            "prior_exports: {subjects: 40000,",
            "prior_exports: {subjects: 99999999999999999999,",
            "prior_exports.subjects: must be at most 1,000,000,000,000",
        ),
        ("country: DE", "country: NO", 'quote it ("NO")'),
        ("schema: schemas/shop_mysql.sql", "schema: schemas", "schema is a folder, not a file"),
    ],
)
def test_manifest_messages_say_what_is_wrong(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    manifest = _manifest(tmp_path, **{old: new})
    ledger = tmp_path / "ledger.sqlite"
    for command in (["assess"], ["ledger", "record", "--ledger", str(ledger)]):
        code, stdout, stderr = run(*command, str(manifest))
        assert code == 2, (command, stderr)
        assert message in stderr, (command, stderr)
        assert "risk" not in stdout
    assert not ledger.exists() or ledger.stat().st_size == 0 or _no_rows(ledger)


def _no_rows(ledger: Path) -> bool:
    import sqlite3

    with sqlite3.connect(ledger) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return all(db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] == 0 for t in tables)
