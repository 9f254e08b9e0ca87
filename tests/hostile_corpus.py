"""A corpus of hostile and broken inputs, generated on demand into a directory.

The files are built by code rather than committed so that the big ones (a 10 MB single-line CSV)
do not sit in the repository and every byte of each case is visible here.

Every data row in the corpus carries *canary* values: made-up personal data that must never
appear in any output, log or error message of dataflow. ``CANARIES`` lists them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def _gb11643_check(body17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    total = sum(int(d) * w for d, w in zip(body17, weights, strict=True))
    return "10X98765432"[total % 11]


def _luhn_complete(body: str) -> str:
    digits = [int(d) for d in body][::-1]
    total = 0
    for i, d in enumerate(digits):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return body + str((10 - total % 10) % 10)


CANARY_PHONE = "13987650123"
CANARY_ID = "11010519870314" + "253" + _gb11643_check("11010519870314253")
CANARY_CARD = _luhn_complete("622848004567123")
CANARY_EMAIL = "canary.leak.zq@example.org"
CANARY_NAME = "欧阳锋华"
CANARIES = (CANARY_PHONE, CANARY_ID, CANARY_CARD, CANARY_EMAIL, CANARY_NAME)

_ROW = f"{CANARY_NAME},{CANARY_PHONE},{CANARY_ID},{CANARY_CARD},{CANARY_EMAIL}"

GOOD_DDL = """CREATE TABLE customers (
  id BIGINT PRIMARY KEY COMMENT '主键',
  xm VARCHAR(32) COMMENT '姓名',
  sjhm VARCHAR(20) COMMENT '手机号码',
  sfzh CHAR(18) COMMENT '身份证号'
) COMMENT='客户表';
"""


@dataclass(frozen=True)
class Case:
    """One file (or directory) of the corpus and what dataflow must do with it."""

    name: str  # path relative to the corpus root
    why: str
    bad: bool  # True: must be reported as a problem naming the file


def _write(root: Path, rel: str, data: bytes | str) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def _parquet_bytes() -> bytes:
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "name": [CANARY_NAME] * 50,
            "mobile": [CANARY_PHONE] * 50,
            "id_card": [CANARY_ID] * 50,
        }
    )
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


def build_corpus(root: Path, *, huge: bool = True) -> list[Case]:
    """Write the corpus under ``root`` and return its cases.

    ``huge`` adds the 10 MB single-line CSV (slow to write on some disks; on by default).
    """
    cases: list[Case] = []

    def add(rel: str, data: bytes | str, why: str, *, bad: bool) -> None:
        _write(root, rel, data)
        cases.append(Case(rel, why, bad))

    # --- good files, including awkward paths: these must still be scanned ------------------------
    add("good/customers.sql", GOOD_DDL, "well-formed MySQL DDL", bad=False)
    add(
        "目录 with space/用户 表.sql",
        GOOD_DDL.replace("customers", "users_cn"),
        "path with spaces and Chinese characters",
        bad=False,
    )

    # --- SQL DDL ----------------------------------------------------------------------------
    add(
        "sql/truncated.sql",
        GOOD_DDL + "CREATE TABLE broken (\n  a INT,\n  phone VARCHAR(20) COMMENT '手机",
        "CREATE TABLE cut off mid-comment after a good table",
        bad=True,
    )
    add(
        "sql/garbage.sql",
        "CREATE TABEL x ((( ;;; )))\nSELEKT * FROM ;\n" + f"-- {_ROW}\n",
        "not SQL at all, with data in a comment",
        bad=True,
    )
    add(
        "sql/insert_leak.sql",
        GOOD_DDL
        + f"INSERT INTO customers VALUES (1, '{CANARY_NAME}', '{CANARY_PHONE}', '{CANARY_ID}'\n"
        + f"CREATE TABLE t2 (x INT DEFAULT '{CANARY_PHONE}' ((( ;\n",
        "unterminated INSERT holding personal data, then a broken statement quoting it",
        bad=True,
    )
    add(
        "sql/unknown_dialect.sql",
        "CREATE MULTISET VOLATILE TABLE t, NO FALLBACK, NO JOURNAL (a INTEGER)"
        " PRIMARY INDEX (a) ON COMMIT PRESERVE ROWS WITH DATA AND STATS;\n"
        "CREATE TABLE ok_after_dialect (mobile VARCHAR(11) COMMENT '手机号');\n",
        "a dialect sqlglot may not know, then a readable table",
        bad=False,  # either read or reported; never a crash
    )

    # --- JSON Schema --------------------------------------------------------------------------
    add(
        "json/ref_cycle.schema.json",
        '{"title": "cyclic", "type": "object", "properties": {"a": {"$ref": "#/$defs/A"}},'
        ' "$defs": {"A": {"type": "object", "properties": {"b": {"$ref": "#/$defs/B"},'
        ' "phone": {"type": "string"}}}, "B": {"type": "object", "properties":'
        ' {"a": {"$ref": "#/$defs/A"}}}}}',
        "$ref cycle A -> B -> A",
        bad=False,
    )
    add(
        "json/remote_ref.schema.json",
        '{"title": "remote", "type": "object", "properties": {"x": {"$ref":'
        ' "https://schemas.invalid/person.json"}, "email": {"type": "string"}}}',
        "remote $ref: must never be fetched",
        bad=False,
    )
    add(
        "json/malformed.schema.json",
        '{"title": "m", "type": "object", "properties": {"phone": {"type": "string",'
        f' "examples": ["{CANARY_PHONE}"]',
        "truncated JSON holding an example value",
        bad=True,
    )
    add("json/empty.json", b"", "empty file", bad=True)

    # --- Avro -----------------------------------------------------------------------------------
    add(
        "avro/invalid_type.avsc",
        '{"type": "record", "name": "Bad", "fields": [{"name": "phone", "type": "telephone"},'
        ' {"name": "n", "type": {"type": "map"}}]}',
        "Avro with types that do not exist",
        bad=True,
    )

    # --- Protocol Buffers -----------------------------------------------------------------------
    add(
        "proto/broken_defaults.proto",
        'syntax = "proto2";\n'
        "message Member {\n"
        f'  optional string mobile = 1 [default = "{CANARY_PHONE}"];\n'
        f"  optional string name = 2 [default = {CANARY_NAME}; // {CANARY_EMAIL}\n"
        f'  optional string id_card = = 3 [default = "{CANARY_ID}"];\n'
        f'  reserved "{CANARY_CARD}" 4;\n',
        "Protocol Buffers with unparsable fields and an unclosed message, values in defaults",
        bad=True,
    )

    # --- CSV ------------------------------------------------------------------------------------
    add(
        "csv/gbk_no_bom.csv",
        ("姓名,手机号,身份证号,银行卡号,邮箱\n" + (_ROW + "\n") * 40).encode("gbk"),
        "GBK without BOM",
        bad=False,
    )
    add(
        "csv/mixed_encoding.csv",
        b"name,mobile,id_card,card,email\n"
        + (_ROW + "\n").encode("utf-8") * 20
        + (_ROW + "\n").encode("gbk") * 20,
        "UTF-8 rows then GBK rows",
        bad=False,
    )
    add("csv/empty.csv", b"", "empty file", bad=True)
    add("csv/binary.csv", bytes(range(256)) * 64, "binary bytes named .csv", bad=True)
    add(
        "sql/binary.sql",
        b"\x00\x01\x02PK\x03\x04" + bytes(range(256)) * 32,
        "binary bytes named .sql",
        bad=True,
    )
    if huge:
        add(
            "csv/ten_mb_line.csv",
            "name,mobile,note\n"
            + f"{CANARY_NAME},{CANARY_PHONE},"
            + ("x" * (10 * 1024 * 1024))
            + "\n",
            "a 10 MB single line",
            bad=False,
        )

    # --- Parquet --------------------------------------------------------------------------------
    whole = _parquet_bytes()
    add("parquet/good.parquet", whole, "valid Parquet holding canary data", bad=False)
    add("parquet/truncated.parquet", whole[: len(whole) // 2], "Parquet cut in half", bad=True)

    # --- dbt --------------------------------------------------------------------------------------
    add(
        "dbt/schema.yml",
        "version: 2\nmodels:\n  - name: m\n    columns:\n      - name: phone\n"
        "        description: [unclosed\n",
        "broken YAML in a dbt schema file",
        bad=True,
    )

    # --- a symlink loop inside the tree -----------------------------------------------------------
    loop_dir = root / "loop"
    loop_dir.mkdir(parents=True, exist_ok=True)
    _write(root, "loop/inner.sql", GOOD_DDL.replace("customers", "loop_inner"))
    try:
        (loop_dir / "again").symlink_to(loop_dir, target_is_directory=True)
        cases.append(Case("loop/again", "symlink pointing at its own parent", bad=False))
    except OSError:  # pragma: no cover - file systems without symlinks
        pass
    cases.append(Case("loop/inner.sql", "file next to a symlink loop", bad=False))
    return cases


YAML_BOMB = """\
a: &a ["x","x","x","x","x","x","x","x","x"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
"""

YAML_CUSTOM_TAG = """\
schema_version: 1
payload: !!python/object/apply:os.system ["echo pwned > /tmp/dataflow-pwned"]
"""

YAML_BROKEN = "schema_version: 1\nlist:\n  id: [unclosed\n  title: x\n"
