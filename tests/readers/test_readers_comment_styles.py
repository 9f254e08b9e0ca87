"""Comment styles and references that schema repositories use: ``//`` and ``#`` comment lines
in SQL scripts, C-style comments in Avro schemas, ``$ref`` by a relative ``$id``."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import Dataset, ReadResult, Severity
from dataflow.readers import avro_named_types, json_schema_index, read_path
from dataflow.readers.sql import Statement, split_run_on

DATA = Path(__file__).parent.parent / "data" / "readers"
STYLES = DATA / "comment_styles"


def _dataset(result: ReadResult, name: str) -> Dataset:
    found = [d for d in result.datasets if d.name == name]
    assert found, f"no dataset {name}; have {[d.name for d in result.datasets]}"
    return found[0]


def _errors(result: ReadResult) -> list[str]:
    return [p.message for p in result.problems if p.severity == Severity.ERROR]


# --- SQL: ``//`` and ``#`` comment lines --------------------------------------------------------


def test_slash_comment_lines_and_statements_without_semicolons_are_read() -> None:
    result = read_path(STYLES / "slash_comments.sql")
    assert result.problems == ()
    assert [d.name for d in result.datasets] == ["owner", "boarding", "care"]
    owner = _dataset(result, "owner")
    assert owner.comment == "主人"
    assert [(f.name, f.comment, f.line) for f in owner.fields] == [
        ("id", "ID", 6),
        ("owner_name", "主人姓名", 7),
        ("mobile", "手机号", 8),
    ]
    boarding = _dataset(result, "boarding")
    assert boarding.comment == "寄养记录"  # the // line right above the statement
    # a // line between two columns is a comment, not part of a column
    assert [(f.name, f.line) for f in boarding.fields] == [
        ("id", 14),
        ("owner_id", 15),
        ("check_in", 17),
        ("note", 18),
        ("room", 22),  # added by the ALTER TABLE after the // line
    ]
    # a statement with an index and table options, not only plain column definitions
    care = _dataset(result, "care")
    assert care.comment == "护理记录"
    assert [(f.name, f.comment, f.line) for f in care.fields] == [
        ("id", None, 25),
        ("carer", "护理员", 27),
        ("boarding_id", None, 28),
    ]


def test_create_database_and_use_without_semicolons_end_before_create_table() -> None:
    text = "CREATE DATABASE kennel\nUSE `kennel`\n-- owners\nCREATE TABLE owner (id INT)"
    pieces = split_run_on(Statement(0, 0, len(text), text))
    assert [p.text for p in pieces] == [
        "CREATE DATABASE kennel",
        "USE `kennel`",
        "CREATE TABLE owner (id INT)",
    ]
    owner = pieces[2]
    assert text[owner.raw_start : owner.start].strip() == "-- owners"


def test_mysql_hash_comment_lines_are_read() -> None:
    result = read_path(STYLES / "hash_comments.sql")
    assert result.problems == ()
    stay = _dataset(result, "kennel_stay")
    assert stay.comment == "宠物寄养"
    assert [(f.name, f.line) for f in stay.fields] == [
        ("STAYNO", 5),
        ("GUESTNAME", 6),
        ("NIGHTS", 8),
    ]
    cage = _dataset(result, "kennel_cage")
    assert cage.comment == "笼位"
    assert [(f.name, f.line) for f in cage.fields] == [("CAGENO", 15), ("SIZE", 16)]
    # a # line inside a statement with an index: MySQL's reading, KEY is not a column
    care = _dataset(result, "kennel_care")
    assert care.comment == "护理记录"
    assert [(f.name, f.line) for f in care.fields] == [
        ("CARENO", 21),
        ("CARER", 23),
        ("STAYNO", 24),
    ]


def test_hash_at_a_line_start_of_sql_server_names_a_temporary_table() -> None:
    result = read_path(STYLES / "tsql_temp.sql")
    assert _errors(result) == []
    staging = _dataset(result, "visit_staging")
    assert [(f.name, f.line) for f in staging.fields] == [("visit_id", 8), ("guest_name", 9)]


def test_comment_markers_inside_strings_are_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.sql"
    path.write_text(
        "# notes\nCREATE TABLE note (\n  body TEXT COMMENT 'first line\n# second line\n"
        "// third line'\n);\n",
        encoding="utf-8",
    )
    result = read_path(path)
    assert result.problems == ()
    body = _dataset(result, "note").fields[0]
    assert body.comment == "first line\n# second line\n// third line"


def test_a_table_after_comment_lines_that_cannot_be_read_is_reported_at_its_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "broken.sql"
    path.write_text(
        "// 13800138000\n# 13800138001\nCREATE TABLE broken (id INT DEFAULT ((;\n", encoding="utf-8"
    )
    result = read_path(path)
    assert result.datasets == ()
    assert [p.line for p in result.problems] == [3]
    assert all("1380013800" not in p.message for p in result.problems)


# --- Avro: C-style and // comments ------------------------------------------------------------


def test_avro_schemas_with_comments_are_read_with_their_lines() -> None:
    files = sorted((DATA / "avro_comments").glob("*.avsc"))
    types = avro_named_types(files)
    guest = read_path(DATA / "avro_comments" / "guest.avsc", avro_types=types)
    assert guest.problems == ()
    fields = _dataset(guest, "Guest").fields
    assert [(f.name, f.line) for f in fields] == [
        ("full_name", 11),
        ("email", 12),
        ("homepage", 13),
    ]
    assert fields[2].comment == "a URL such as http://example.org/a"  # // in a string
    stay = read_path(DATA / "avro_comments" / "stay.avsc", avro_types=types)
    assert stay.problems == ()
    # the named type of the commented file is known to the other file
    assert [f.pointer for f in _dataset(stay, "Stay").fields] == [
        "Stay.nights",
        "Stay.guest.full_name",
        "Stay.guest.email",
        "Stay.guest.homepage",
    ]


def test_avro_errors_after_comments_keep_the_file_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.avsc"
    path.write_text(
        '/* 13800138000\n */\n{"type": "record", "name": "R",, "fields": []}\n', encoding="utf-8"
    )
    result = read_path(path)
    assert result.datasets == ()
    [problem] = result.problems
    assert "invalid JSON" in problem.message
    assert (problem.line, problem.column) == (3, 32)
    assert "1380013800" not in problem.message
    path.write_text('/* never closed 13800138000\n{"type": "string"}\n', encoding="utf-8")
    [problem] = read_path(path).problems
    assert (problem.line, problem.column) == (1, 1)
    assert "1380013800" not in problem.message


# --- JSON Schema: $ref by a relative $id ------------------------------------------------------


def _read_schema(name: str) -> ReadResult:
    root = DATA / "jsonschema_relative_ids"
    index = json_schema_index(sorted(p for p in root.rglob("*") if p.is_file()))
    return read_path(root / name, json_schemas=index)


def test_ref_equal_to_a_declared_relative_id_is_followed() -> None:
    result = _read_schema("commands/submit-comment.schema.json")
    assert result.problems == ()
    assert [f.pointer for f in result.datasets[0].fields] == [
        "Submit Comment.commentText",
        *(
            f"Submit Comment.{member}.{leaf}"
            for member in ("author", "agent")
            for leaf in ("fullName", "email", "address.street", "address.postcode")
        ),
    ]


def test_ref_relative_to_the_declared_id_is_followed_and_others_are_not_fetched() -> None:
    result = _read_schema("events/site-visit.schema.json")
    assert [f.pointer for f in result.datasets[0].fields] == [
        "Site Visit.visitDate",
        "Site Visit.visitor.fullName",
        "Site Visit.visitor.email",
        "Site Visit.visitor.address.street",
        "Site Visit.visitor.address.postcode",
        "Site Visit.meetingPoint.street",
        "Site Visit.meetingPoint.postcode",
        "Site Visit.inspector",
    ]
    # staff.schema.json is declared by no scanned file: kept without sub-fields, reported
    assert [(p.severity, p.line) for p in result.problems] == [(Severity.WARNING, 10)]
    assert "never fetches" in result.problems[0].message
