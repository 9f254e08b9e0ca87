"""Avro protocols (``.avpr`` and IDL ``.avdl``): each message whose parameters are not all
records of their own is a dataset ``<message> request`` holding every parameter."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import ReadResult
from dataflow.readers import read_path

DATA = Path(__file__).parent.parent / "data" / "readers" / "avro_protocols"


def _fields(result: ReadResult) -> dict[str, list[tuple[str, str | None, int | None]]]:
    return {
        d.name: [(f.pointer[len(d.name) + 1 :], f.data_type, f.line) for f in d.fields]
        for d in result.datasets
    }


def test_avpr_message_parameters_are_a_dataset() -> None:
    result = read_path(DATA / "accounts.avpr")
    assert [p.message for p in result.problems] == []
    assert _fields(result) == {
        "Customer": [("fullName", "string", 10), ("dateOfBirth", "int(date)", 11)],
        "Rejected": [("reason", "string", 14)],
        "open request": [
            ("customer.fullName", "string", 10),
            ("customer.dateOfBirth", "int(date)", 11),
            ("email", "string", 21),
            ("referrer", "string", 22),
        ],
    }
    opened = next(d for d in result.datasets if d.name == "open request")
    assert opened.comment == "Open an account for a customer"
    assert opened.fields[-1].nullable is True


def test_idl_messages_are_read_as_the_json_form_writes_them() -> None:
    result = read_path(DATA / "mail.avdl")
    assert [p.message for p in result.problems] == []
    assert _fields(result) == {
        "Message": [("to", "string", 4), ("body", "string", 5)],
        "Bounce": [("reason", "string", 7)],
        "send request": [
            ("message.to", "string", 4),
            ("message.body", "string", 5),
            ("trackingEmail", "string", 9),
            ("replyTo", "string", 9),
        ],
        "fetch request": [("mailbox", "string", 11), ("index", "int", 11)],
    }


def test_a_statement_that_is_no_message_is_still_skipped(tmp_path: Path) -> None:
    path = tmp_path / "p.avdl"
    path.write_text(
        "protocol P {\n  record R { string name; }\n  string broken(string a string b);\n}\n",
        encoding="utf-8",
    )
    result = read_path(path)
    assert _fields(result) == {"R": [("name", "string", 2)]}
