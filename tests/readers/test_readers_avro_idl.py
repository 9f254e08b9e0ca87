"""Avro IDL (``.avdl``): records, errors, enums and fixed types of a protocol, or of the
protocol-less form, are read as the JSON schema they stand for, and named types are shared
with the other Avro files of the scan (``.avsc`` and other ``.avdl`` files it imports)."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

_MAIN = """\
// Enrolment events of a swimming club
@namespace("org.example.club.v2")
protocol Enrolment {
  import idl "parts/guardian.avdl";
  import schema "parts/lane.avsc";

  /** Grade a swimmer has reached. */
  enum Level { BRONZE, SILVER, GOLD } = BRONZE;

  fixed Checksum(16);

  /**
   * One swimmer joining a course.
   */
  @aliases(["org.example.club.v1.Joined"])
  record Joined {
    /** Membership number printed on the card. */
    @logicalType("uuid") string memberId;
    string? nickname = null;
    union { null, string } email = null;
    date birthDate;
    timestamp_ms joinedAt;
    decimal(9, 2) feePaid;
    array<string> allergies = [];
    map<long> badges;
    Level level = "BRONZE";
    org.example.club.parts.Guardian guardian;
    Lane lane;
    Checksum checksum;
    `record` kind;
    string firstName, lastName;
    org.example.club.LockerKey lockerKey;
  }

  error Refused { string reason; }

  Joined enrol(string memberId) throws Refused;
}
"""
_GUARDIAN = """\
namespace org.example.club.parts;

record Guardian {
  string name;
  /** Phone to call in an emergency. */
  string? phone;
}
"""
_LANE = (
    '{"type": "record", "name": "Lane", "namespace": "org.example.club.parts",'
    ' "fields": [{"name": "number", "type": "int"}]}'
)


def _write(folder: Path) -> None:
    (folder / "parts").mkdir(parents=True)
    (folder / "enrolment.avdl").write_text(_MAIN, encoding="utf-8")
    (folder / "parts" / "guardian.avdl").write_text(_GUARDIAN, encoding="utf-8")
    (folder / "parts" / "lane.avsc").write_text(_LANE, encoding="utf-8")


def test_avro_idl_declarations_are_read_with_types_from_the_scan(tmp_path: Path) -> None:
    _write(tmp_path / "club")
    result = scan_paths([tmp_path / "club"], ScanOptions(content=False))
    by_name = {d.dataset.name: d.dataset for d in result.datasets}
    assert sorted(by_name) == ["Guardian", "Joined", "Lane", "Refused", "enrol request"]
    # a message's parameters are fields too
    assert [(f.name, f.line) for f in by_name["enrol request"].fields] == [("memberId", 37)]
    joined = by_name["Joined"]
    assert joined.comment == "One swimmer joining a course."
    fields = {f.pointer: f for f in joined.fields}
    assert [(p, f.data_type, f.nullable) for p, f in fields.items()] == [
        ("Joined.memberId", "string(uuid)", None),
        ("Joined.nickname", "string", True),
        ("Joined.email", "string", True),
        ("Joined.birthDate", "int(date)", None),
        ("Joined.joinedAt", "long(timestamp-millis)", None),
        ("Joined.feePaid", "bytes(decimal)", None),
        ("Joined.allergies[]", "string", None),
        ("Joined.badges[]", "long", None),
        ("Joined.level", "enum", None),
        ("Joined.guardian.name", "string", None),
        ("Joined.guardian.phone", "string", True),
        ("Joined.lane.number", "int", None),
        ("Joined.checksum", "fixed", None),
        ("Joined.kind", None, None),
        ("Joined.firstName", "string", None),
        ("Joined.lastName", "string", None),
        ("Joined.lockerKey", None, None),
    ]
    assert fields["Joined.memberId"].comment == "Membership number printed on the card."
    assert fields["Joined.guardian.phone"].comment == "Phone to call in an emergency."
    assert fields["Joined.level"].enum_values == ("BRONZE", "SILVER", "GOLD")
    assert fields["Joined.memberId"].line == 18
    assert fields["Joined.lastName"].line == 31
    # a type defined nowhere in the scan keeps its field, with a warning at its line
    warned = {(Path(p.path).name, p.line) for p in result.problems}
    assert ("enrolment.avdl", 32) in warned
    assert not [p for p in result.problems if p.severity.value == "error"]


def test_a_declaration_that_does_not_parse_is_an_error_at_its_position(tmp_path: Path) -> None:
    text = (
        "protocol P {\n  record A {\n    string ok;\n    map<string bad;\n    long after;\n  }\n}\n"
    )
    (tmp_path / "p.avdl").write_text(text, encoding="utf-8")
    result = scan_paths([tmp_path / "p.avdl"], ScanOptions(content=False))
    (dataset,) = [d.dataset for d in result.datasets]
    assert [f.pointer for f in dataset.fields] == ["A.ok", "A.after"]
    assert [(p.line, p.column, p.severity.value) for p in result.problems] == [(4, 16, "error")]


_COMMON = """\
@namespace("com.example.common")
protocol Common {
  /** A postal address. */
  record Address {
    /** Street and house number */
    string street;
    union { null, string } postcode = null;
  }
  enum Gender { FEMALE, MALE, UNKNOWN }
  fixed Md5(16);
}
"""
_CRM = """\
@namespace("com.example.crm")
protocol Crm {
  import idl "common.avdl";

  record Customer {
    /** Customer full name */
    string name;
    com.example.common.Gender gender = "UNKNOWN";
    com.example.common.Address home_address;
    union { null, com.example.common.Address } work_address = null;
    array<com.example.common.Address> past_addresses = [];
    com.example.common.Md5 password_hash;
  }
}
"""


def test_types_of_another_idl_file_take_the_lines_of_the_fields_naming_them(
    tmp_path: Path,
) -> None:
    # The imported file's declarations stand at other lines of another text: their offsets
    # read against this file gave the fields lines where nothing of theirs is written.
    (tmp_path / "common.avdl").write_text(_COMMON, encoding="utf-8")
    (tmp_path / "crm.avdl").write_text(_CRM, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {d.dataset.name: d.dataset for d in result.datasets}
    customer = by_name["Customer"]
    assert [(f.pointer, f.line, f.comment) for f in customer.fields] == [
        ("Customer.name", 7, "Customer full name"),
        ("Customer.gender", 8, None),
        ("Customer.home_address.street", 9, "Street and house number"),
        ("Customer.home_address.postcode", 9, None),
        ("Customer.work_address.street", 10, "Street and house number"),
        ("Customer.work_address.postcode", 10, None),
        ("Customer.past_addresses[].street", 11, "Street and house number"),
        ("Customer.past_addresses[].postcode", 11, None),
        ("Customer.password_hash", 12, None),
    ]
    # the file that declares them still gives their own lines
    assert [(f.pointer, f.line) for f in by_name["Address"].fields] == [
        ("Address.street", 6),
        ("Address.postcode", 7),
    ]


_DOC_AFTER_ANNOTATIONS = """\
@namespace("org.example.hr")
protocol Staff {
  @aliases(["org.example.old.Person"])
  /** A member of staff. */
  record Person {
    @aliases(["surname"])
    /** Family name */
    string last_name;
    @logicalType("date") /** Date of birth */ int birthday;
    /** Home phone */ @order("ignore") string home_phone;
    union { null, string } /** Work email */ email = null;
  }
  recrod Badge { string badge_no; }
  void ping();
}
"""


def test_a_doc_comment_written_after_annotations_is_read_and_no_record_is_lost_quietly(
    tmp_path: Path,
) -> None:
    # ``@aliases(…) /** doc */ record`` made the whole record read as a message and skipped
    # without a word; a doc after a field's annotations was dropped
    (tmp_path / "staff.avdl").write_text(_DOC_AFTER_ANNOTATIONS, encoding="utf-8")
    result = scan_paths([tmp_path / "staff.avdl"], ScanOptions(content=False))
    (person,) = [d.dataset for d in result.datasets]
    assert (person.name, person.comment, person.line) == ("Person", "A member of staff.", 5)
    assert [(f.pointer, f.data_type, f.comment, f.line) for f in person.fields] == [
        ("Person.last_name", "string", "Family name", 8),
        ("Person.birthday", "int(date)", "Date of birth", 9),
        ("Person.home_phone", "string", "Home phone", 10),
        ("Person.email", "string", "Work email", 11),
    ]
    # a block that is no declaration (a misspelt ``record``) is a warning at its line; a
    # message (``void ping();``) is passed over without one
    assert [(p.line, p.severity.value) for p in result.problems] == [(13, "warning")]


def test_plain_comments_above_or_after_a_field_are_its_doc_when_it_has_none(
    tmp_path: Path,
) -> None:
    (tmp_path / "people.avdl").write_text(
        '@namespace("org.acme")\n'
        "protocol People {\n"
        "  /** A person's record */\n"
        "  record Person {\n"
        "    /** full name */\n"
        "    string name;\n"
        "    // 身份证号\n"
        "    string idno;\n"
        "    /// phone of the person\n"
        "    string phone;\n"
        "    /* home address */\n"
        "    string addr;\n"
        "    string note; // 备注 of the person\n"
        "    // detached: a blank line follows\n"
        "\n"
        "    string code;\n"
        "  }\n"
        "}\n",
        encoding="utf-8",
    )
    result = scan_paths([tmp_path], ScanOptions(content=False))
    (person,) = [d.dataset for d in result.datasets]
    assert [(f.name, f.comment) for f in person.fields] == [
        ("name", "full name"),
        ("idno", "身份证号"),
        ("phone", "phone of the person"),
        ("addr", "home address"),
        ("note", "备注 of the person"),
        ("code", None),
    ]
