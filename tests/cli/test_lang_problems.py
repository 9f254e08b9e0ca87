"""Problem messages, subject evidence, grade raises and deadlines under ``--lang zh``.

Every problem a reader reports about an input file is built from the message catalog
(``dataflow/i18n/problems.py`` ``PROBLEMS``) in both languages: JSON and SARIF keep the English sentence,
the table, Markdown, HTML and stderr show the Chinese one. The corpus below holds broken files
of every format; the test walks every problem they produce.
"""

from __future__ import annotations

import json
import re
import string
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dataflow import i18n
from dataflow.cli import app
from dataflow.model import Words
from dataflow.report import render
from dataflow.scan import ScanOptions, scan_paths

sys.path.insert(0, str(Path(__file__).parent.parent))
from hostile_corpus import build_corpus

# An English sentence: three words of three letters or more in a row (a list of dataset names,
# separated by commas, is not one).
_ENGLISH = re.compile(r"[A-Za-z]{3,}[ ;:'()-]+[A-Za-z]{3,}[ ;:'()-]+[A-Za-z]{3,}")
# Names that stay as they are in Chinese text: formats, SQL keywords, the product.
_NAMES = re.compile(
    r"JSON Schema|JSON Lines|Protocol Buffers|CREATE TABLE|dataflow: allow|--schema-format"
)

_AVRO = {
    "type": "record",
    "name": "broken",
    "fields": [
        1,
        {"type": "int"},
        {"name": "no_type"},
        {"name": "arr", "type": {"type": "array"}},
        {"name": "map", "type": {"type": "map"}},
        {"name": "enum", "type": {"type": "enum", "name": "e"}},
        {"name": "fixed", "type": {"type": "fixed", "name": "fx"}},
        {"name": "bogus", "type": {"type": "bogus"}},
        {"name": "number", "type": 5},
        {"name": "rec", "type": {"type": "record"}},
        {"name": "lost", "type": "NotDefinedAnywhere"},
    ],
}
_DBT = """version: 2
models:
  - name: orders
    columns:
      - description: no name here
  - 5
  - description: an entry without a name
sources:
  - tables: []
  - name: crm
    tables: 7
seeds: 3
"""


def _bad_files(root: Path) -> list[Path]:
    """Broken files beyond the hostile corpus, one or more problems each."""
    files = {
        "csv/header_is_data.csv": "13812345678,2024-01-05,42\n13912345678,2024-01-06,43\n",
        "csv/repeated.csv": "a,a,\n1,2,3\n",
        "csv/ragged.csv": "a,b\n1,2,3\n4\n5,6\n",
        "csv/nul.csv": 'a,b\n"x\x00y",1\n2,3\n',
        "data/lines.jsonl": '{"a": 1}\nnot json\n[1, 2]\n{"a": 2}\n',
        "data/empty.jsonl": "",
        "data/not_objects.json": "[1, 2, 3]",
        "data/scalar.json": '"just text"',
        "data/broken.json": '[{"a": 1}, {"a": ',
        "schemas/ref.schema.json": json.dumps(
            {
                "$schema": "http://json-schema.org/draft-07/schema#",
                "type": "object",
                "properties": {"a": {"$ref": 5}, "b": {"$ref": "#/definitions/nope"}},
            }
        ),
        "schemas/nothing.schema.json": json.dumps(
            {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object"}
        ),
        "schemas/empty.schema.json": "",
        "schemas/broken.avsc": json.dumps(_AVRO),
        "schemas/nofields.avsc": json.dumps({"type": "record", "name": "r"}),
        "schemas/notrecord.avsc": json.dumps([{"type": "record"}, {"type": "array"}]),
        "dbt/schema.yml": _DBT,
        "dbt/nothing.yml": "version: 2\nfoo: bar\n",
        "sql/options.sql": "CREATE TABLE t (a INT) ENGINE=Foo WEIRDOPTION = (1 2 3);\n",
        "sql/allow.sql": "CREATE TABLE u (\n  phone VARCHAR(20) -- dataflow: allow\n);\n",
        "sql/noname.sql": "CREATE TABLE (a INT);\n",
        "proto/broken.proto": (
            'syntax = "proto3";\nextend Elsewhere { string note = 1; }\n'
            "message Node {\n  Node next = 1;\n  Missing gone = 2;\n  string a = 3\n"
            "  string b = 4;\n"
        ),
    }
    out = []
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        out.append(path)
    (root / "links").mkdir()
    (root / "links" / "dangling.sql").symlink_to(root / "links" / "gone.sql")
    return out


def _key_of(message: str) -> str | None:
    """The catalog key whose English template gives ``message``."""
    for key, text in i18n.PROBLEMS.items():
        pattern = re.escape(text.en)
        pattern = re.sub(r"\\\{[a-z_]+\\\}", ".*", pattern)
        if re.fullmatch(pattern, message, re.S):
            return key
    return None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("bad")
    build_corpus(root / "hostile", huge=False)
    _bad_files(root / "more")
    return root


@pytest.fixture(scope="module")
def scanned(corpus: Path):  # type: ignore[no-untyped-def]
    return scan_paths(
        [corpus, corpus / "missing.sql"],
        ScanOptions(sample_size=20),
        samples={"no_such_table": corpus / "more" / "csv" / "ragged.csv"},
    )


def test_every_reader_problem_of_the_corpus_comes_from_the_catalog(scanned) -> None:  # type: ignore[no-untyped-def]
    problems = scanned.problems
    untranslated = [
        p.render() for p in problems if not isinstance(p.message, Words) or not p.message.zh
    ]
    assert not untranslated
    same = [p.render() for p in problems if p.message.zh == p.message.en]
    assert not same
    keys = {_key_of(p.message) for p in problems}
    assert None not in keys, [p.message for p in problems if _key_of(p.message) is None]
    # The corpus reaches most of the catalog (a new message needs a file here, too).
    assert len(keys) >= 45, sorted(set(i18n.PROBLEMS) - keys)


def test_the_chinese_table_has_no_english_sentence(scanned, corpus: Path) -> None:  # type: ignore[no-untyped-def]
    text = render(scanned, "table", "zh")
    problems = text[text.index("问题") :]
    leftovers = []
    for line in problems.splitlines()[1:]:
        body = line.split("：", 1)[-1]  # after the file name and position
        body = _NAMES.sub("", body)
        if _ENGLISH.search(body):
            leftovers.append(line)
    assert not leftovers
    assert len(problems.splitlines()) > 40


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_markdown_and_html_show_the_chinese_problem(scanned, fmt: str) -> None:  # type: ignore[no-untyped-def]
    text = render(scanned, fmt, "zh")
    assert "文件为空：没有表头行" in text
    assert "file is empty: no header row" not in text


def test_json_and_sarif_keep_the_english_message(scanned) -> None:  # type: ignore[no-untyped-def]
    for fmt in ("json", "sarif"):
        for lang in ("en", "zh"):
            text = render(scanned, fmt, lang)
            assert "file is empty: no header row" in text
            assert "文件为空" not in text


def test_stderr_lines_follow_lang(corpus: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    target = str(corpus / "hostile" / "csv")
    zh = runner.invoke(app, ["scan", target, "--lang", "zh", "-o", str(tmp_path / "r.txt")])
    en = runner.invoke(app, ["scan", target, "--lang", "en", "-o", str(tmp_path / "r.txt")])
    assert zh.exit_code == en.exit_code == 2
    assert "error: " in zh.stderr and "文件为空：没有表头行" in zh.stderr
    assert "file is empty: no header row" in en.stderr
    assert "file is empty" not in zh.stderr


def test_catalog_sentences_have_the_same_placeholders_in_both_languages() -> None:
    def fields(text: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name}

    for table in (i18n.PROBLEMS, i18n.SUBJECTS, i18n.MESSAGES):
        for key, text in table.items():
            assert fields(text.en) == fields(text.zh), key
            assert (text.zh and text.zh != text.en) or key.startswith("via."), key


def _literal_messages(path: Path) -> list[str]:
    """Problem-reporting calls in ``path`` whose message is a string literal or an f-string
    (English only) instead of a catalog sentence (``i18n.msg``)."""
    import ast

    def is_text(node: ast.AST | None) -> bool:
        if isinstance(node, ast.JoinedStr):
            return True
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return True
        if isinstance(node, ast.BinOp):
            return is_text(node.left) or is_text(node.right)
        return False

    def owner(func: ast.AST) -> str:
        if isinstance(func, ast.Attribute):
            return ast.unparse(func.value)
        return ""

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        message: ast.AST | None = None
        if name in ("add", "warn") and "problems" in owner(func):
            message = node.args[0] if node.args else None
        elif name in ("_error", "_warn_once"):
            message = node.args[-2] if len(node.args) >= 2 else None
        elif name in ("Problem", "problem"):
            message = node.args[1] if len(node.args) > 1 else None
            for kw in node.keywords:
                if kw.arg == "message":
                    message = kw.value
        if is_text(message):
            found.append(f"{path.name}:{node.lineno}: {ast.unparse(node)[:90]}")
        for kw in node.keywords:
            if kw.arg == "kind" and is_text(kw.value) and "problems" in owner(func):
                found.append(f"{path.name}:{node.lineno}: kind={ast.unparse(kw.value)}")
    return found


def test_readers_build_every_problem_message_from_the_catalog() -> None:
    """Every call that reports a problem about an input file passes a catalog sentence, so a
    message the corpus does not reach is translated too. A test that can fail: an f-string
    message added to a reader is reported here with its line."""
    package = Path(__file__).parent.parent.parent / "dataflow"
    files = [*sorted((package / "readers").glob("*.py")), package / "scan.py"]
    found = [hit for path in files for hit in _literal_messages(path)]
    assert not found
    # the checker itself sees an English message
    sample = Path(__file__).parent.parent / "_literal_probe.py"
    sample.write_text('problems.add(f"bad {x}")\nself.problems.warn("oops", 3)\n')
    try:
        assert len(_literal_messages(sample)) == 2
    finally:
        sample.unlink()


EXAMPLES = Path(__file__).parent.parent.parent / "examples"
_SUBJECT_DDL = """CREATE TABLE patients (id INT PRIMARY KEY, name VARCHAR(20));
CREATE TABLE md_wz_life (
  id INT PRIMARY KEY,
  patients_id INT,
  ywly VARCHAR(200) COMMENT '药物滥用'
);
CREATE TABLE dict_drug (code VARCHAR(10), drug_name VARCHAR(50));
CREATE TABLE kindergarten_roster (id INT, xm VARCHAR(20) COMMENT '姓名', sjhm VARCHAR(20));
"""


def test_subject_and_family_evidence_read_in_chinese(tmp_path: Path) -> None:
    ddl = tmp_path / "clinic.sql"
    ddl.write_text(_SUBJECT_DDL, encoding="utf-8")
    result = scan_paths([ddl], ScanOptions(content=False))
    zh = render(result, "table", "zh")
    en = render(result, "table", "en")
    assert "名称 'patients' 指患者" in zh and "name 'patients' names patients" in en
    assert "表 md_wz_life 与个人关联（md_wz_life.patients_id → patients）" in zh
    assert "'药物滥用' 属于个人健康生理信息（健康状况与疾病）" in zh
    assert "'dict' 表明是代码表或字典" in zh
    for line in zh.splitlines():
        if "主体：" in line or "md_wz_life.ywly" in line:
            assert not _ENGLISH.search(_NAMES.sub("", line)), line
    data = json.loads(render(result, "json", "zh"))
    life = next(d for d in data["datasets"] if d["name"] == "md_wz_life")
    assert all(re.fullmatch(r"[\x00-\x7f→]*", e) for e in life["subject"]["evidence"])
    assert any("person" in e for f in life["fields"] for e in map(str, f["evidence"]))


def test_grade_raise_reasons_follow_lang(tmp_path: Path) -> None:
    ddl = tmp_path / "kids.sql"
    ddl.write_text(_SUBJECT_DDL, encoding="utf-8")
    result = scan_paths([ddl], ScanOptions(content=False))
    raised = [r for d in result.datasets for r in d.raises]
    assert raised, "the minors escalation rule should raise this dataset"
    zh = render(result, "markdown", "zh")
    assert "不满十四周岁" in zh and "all personal information of a child" not in zh
    assert "child under 14" in render(result, "json", "zh")


def test_obligation_deadlines_follow_lang() -> None:
    runner = CliRunner()
    manifest = str(EXAMPLES / "transfer.yaml")
    zh = runner.invoke(app, ["assess", manifest, "--lang", "zh"])
    js = runner.invoke(app, ["assess", manifest, "--lang", "zh", "--format", "json"])
    assert "出境前" in zh.stdout and "before the transfer" not in zh.stdout
    assert "共评估 1 次出境传输" in zh.stderr and "负面清单 national" in zh.stderr
    assert "transfer(s) assessed" not in zh.stderr and "not verified" not in zh.stderr
    deadlines = {
        o.get("deadline") for t in json.loads(js.stdout)["transfers"] for o in t["obligations"]
    }
    assert "before the transfer" in deadlines


def test_every_shipped_deadline_has_chinese() -> None:
    from dataflow.rules import load_packs

    packs = load_packs()
    deadlines = [o.deadline for p in packs for o in p.obligations if o.deadline]
    assert deadlines
    assert all(isinstance(d, Words) and d.zh != d.en for d in deadlines), deadlines
