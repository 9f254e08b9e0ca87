"""Where a field sits in its dataset: its path inside the dataset and whether it is a top-level
member (a column) or nested inside one, for datasets whose names hold dots (``crm.users``)."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import Field, path_in, top_level
from dataflow.readers import read_path


def test_columns_of_a_qualified_table_are_top_level(tmp_path: Path) -> None:
    path = tmp_path / "crm.sql"
    path.write_text("CREATE TABLE crm.users (id INT, mobile VARCHAR(20));\n", encoding="utf-8")
    (users,) = read_path(path).datasets
    assert [top_level(f, users.name) for f in users.fields] == [True, True]
    assert [path_in(f.pointer, users.name) for f in users.fields] == ["id", "mobile"]
    assert not top_level(users.fields[1], "users")  # the dataset's whole name counts


def test_nested_members_are_not_top_level(tmp_path: Path) -> None:
    path = tmp_path / "resume.json"
    path.write_text(
        '{"$schema": "http://json-schema.org/draft-07/schema#", "title": "resume",'
        ' "type": "object", "properties": {"name": {"type": "string"},'
        ' "work": {"type": "array", "items": {"type": "object",'
        ' "properties": {"name": {"type": "string"}}}}}}',
        encoding="utf-8",
    )
    (resume,) = read_path(path).datasets
    shown = {f.pointer: top_level(f, resume.name) for f in resume.fields}
    assert shown == {"resume.name": True, "resume.work[].name": False}
    nested = Field("name", "resume.work[].name")
    assert path_in(nested.pointer, "resume") == "work[].name" and not top_level(nested, "resume")
