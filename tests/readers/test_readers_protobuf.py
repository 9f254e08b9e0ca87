"""Protocol Buffers (``.proto``): messages are datasets, their fields (nested messages, enums,
``oneof`` members, maps, repeated fields, proto2 groups and extensions) are fields with their
comments and lines, and types another ``.proto`` file of the scan declares are resolved through
its package."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import yaml
from builders import run, validate_scan
from conftest import REPO_ROOT

from dataflow.model import Dataset, Problem, Severity
from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

DATA = Path(__file__).parent.parent / "data" / "readers" / "protobuf"


def _scan(*paths: Path) -> tuple[dict[str, Dataset], tuple[Problem, ...]]:
    result = scan_paths(list(paths), ScanOptions(content=False))
    return {d.dataset.name: d.dataset for d in result.datasets}, result.problems


def _where(problems: tuple[Problem, ...]) -> set[tuple[str, int | None, str]]:
    return {(Path(p.path).name, p.line, p.severity.value) for p in problems}


def test_a_service_file_with_an_imported_message_of_another_package() -> None:
    datasets, problems = _scan(DATA / "profile")
    assert sorted(datasets) == ["GetProfileRequest", "PostalAddress", "UserProfile"]
    profile = datasets["UserProfile"]
    assert profile.source_format == "protobuf" and profile.line == 12
    assert profile.comment == "The profile a signed-in user keeps with us."
    assert [(f.pointer, f.data_type, f.line, f.nullable) for f in profile.fields] == [
        ("UserProfile.user_id", "string", 13, None),
        ("UserProfile.full_name", "string", 15, None),
        ("UserProfile.mobile", "string", 16, None),
        # acme.common.v1.PostalAddress of common/address.proto: the line of the field naming it
        ("UserProfile.home.province", "string", 19, None),
        ("UserProfile.home.city", "string", 19, None),
        ("UserProfile.home.street", "string", 19, None),
        ("UserProfile.home.postcode", "string", 19, None),
        ("UserProfile.emails[]", "string", 20, None),
        ("UserProfile.labels[]", "string", 21, None),
        ("UserProfile.gender", "enum", 22, None),
        ("UserProfile.birthday", "timestamp", 23, True),
        ("UserProfile.wechat_id", "string", 26, True),  # oneof members: one of them is set
        ("UserProfile.qq_number", "string", 27, True),
    ]
    comments = {f.name: f.comment for f in profile.fields}
    assert comments["user_id"] == "用户编号"  # after the field
    assert comments["full_name"] == "Full legal name, as on the ID card."  # above it
    assert comments["mobile"] == "手机号码"  # after its options
    assert comments["street"] == "详细地址"  # of the imported message
    assert comments["wechat_id"] == "微信号"
    gender = next(f for f in profile.fields if f.name == "gender")
    assert gender.enum_values == ("GENDER_UNSPECIFIED", "FEMALE", "MALE")
    # the imported file's message is a dataset of its own, with its own lines
    address = datasets["PostalAddress"]
    assert address.comment == "A postal address in mainland China."
    assert [(f.name, f.line) for f in address.fields][:2] == [("province", 7), ("city", 8)]
    assert not problems


def test_a_message_an_rpc_sends_or_returns_carries_the_service_as_context() -> None:
    datasets, _ = _scan(DATA / "profile")
    assert datasets["UserProfile"].api is not None
    assert datasets["UserProfile"].api.purpose == (
        "UserProfileService: Profiles of the people who use the shop app.; "
        "rpc GetProfile: Returns the profile of one user.; rpc UpdateProfile"
    )
    assert datasets["GetProfileRequest"].api is not None
    assert datasets["GetProfileRequest"].api.purpose == (
        "UserProfileService: Profiles of the people who use the shop app.; "
        "rpc GetProfile: Returns the profile of one user."
    )
    assert datasets["PostalAddress"].api is None  # no rpc uses it


def test_read_alone_an_imported_type_is_a_field_without_a_type_and_a_warning() -> None:
    result = read_path(DATA / "profile" / "user_profile.proto")
    profile = next(d for d in result.datasets if d.name == "UserProfile")
    home = next(f for f in profile.fields if f.name == "home")
    assert (home.pointer, home.data_type, home.line) == ("UserProfile.home", None, 19)
    assert [(p.line, p.severity) for p in result.problems] == [(19, Severity.WARNING)]


def test_nested_messages_are_read_where_fields_name_them() -> None:
    datasets, problems = _scan(DATA / "orders")
    # Customer, Line and Money are read inside Order; DeliveryNote, which no field names,
    # is a dataset of its own so that its field is not lost
    assert sorted(datasets) == ["Order", "Order.DeliveryNote"]
    order = datasets["Order"]
    assert order.comment == "An order placed in the shop."
    assert [(f.pointer, f.data_type, f.line) for f in order.fields] == [
        ("Order.order_no", "string", 8),
        ("Order.customer.name", "string", 11),
        ("Order.customer.phone", "string", 12),
        ("Order.lines[].sku", "string", 17),
        ("Order.lines[].quantity", "int32", 18),
        ("Order.lines[].price.currency_code", "string", 24),
        ("Order.lines[].price.units", "int64", 25),
        ("Order.parent", "message", 33),  # recursive: not expanded again
        ("Order.lines_by_sku[].sku", "string", 17),
        ("Order.lines_by_sku[].quantity", "int32", 18),
        ("Order.lines_by_sku[].price.currency_code", "string", 24),
        ("Order.lines_by_sku[].price.units", "int64", 25),
        ("Order.extra", None, 35),  # a type declared nowhere: kept, with a warning
    ]
    assert {f.name: f.comment for f in order.fields}["phone"] == "收货人电话"
    note = datasets["Order.DeliveryNote"]
    assert note.comment == "Kept for the courier only; not used by any field."
    assert [(f.pointer, f.line) for f in note.fields] == [("Order.DeliveryNote.note", 30)]
    assert _where(problems) == {("order.proto", 33, "warning"), ("order.proto", 35, "warning")}


def test_proto2_groups_required_fields_and_extensions() -> None:
    datasets, problems = _scan(DATA / "legacy")
    assert sorted(datasets) == ["Member"]  # the enum Level is no dataset
    member = datasets["Member"]
    assert [(f.pointer, f.data_type, f.line, f.nullable, f.comment) for f in member.fields] == [
        ("Member.member_no", "string", 5, False, "会员编号"),
        ("Member.id_card", "string", 6, True, "身份证号"),
        ("Member.visit[].visited_at", "int64", 8, False, None),
        ("Member.visit[].store", "string", 9, True, "门店"),
        # added by ``extend Member``; the custom option extending FieldOptions is no data
        ("Member.passport_no", "string", 15, True, "护照号码"),
    ]
    assert not problems


def test_an_extension_of_a_message_in_another_file_is_read_with_that_message(
    tmp_path: Path,
) -> None:
    shutil.copy(DATA / "legacy" / "member.proto", tmp_path)
    (tmp_path / "member_ext.proto").write_text(
        'syntax = "proto2";\npackage legacy.loyalty;\nimport "member.proto";\n\n'
        "extend legacy.crm.Member {\n  optional string wechat_id = 120;  // 微信号\n}\n\n"
        "extend Unknown {\n  optional string note = 1;\n}\n",
        encoding="utf-8",
    )
    datasets, problems = _scan(tmp_path)
    fields = {f.pointer: f for f in datasets["Member"].fields}
    assert fields["Member.wechat_id"].comment == "微信号"
    assert fields["Member.wechat_id"].line is None  # a line of the other file: none here
    # an extension of a message no scanned file declares is read as a dataset of its own
    unknown = datasets["extend Unknown"]
    assert [(f.pointer, f.line) for f in unknown.fields] == [("extend Unknown.note", 10)]
    assert _where(problems) == {("member_ext.proto", 9, "warning")}


def test_comments_above_after_and_detached(tmp_path: Path) -> None:
    path = tmp_path / "patient.proto"
    path.write_text(
        'edition = "2023";\n'  # 1
        "package clinic;\n"  # 2
        "\n"  # 3
        "// A detached note about the file.\n"  # 4
        "\n"  # 5
        "message Patient { // 患者基本信息\n"  # 6
        "  // Name as registered\n"  # 7
        "  // at the front desk.\n"  # 8
        "  string name = 1;\n"  # 9
        "\n"  # 10
        "  // not about the next field\n"  # 11
        "\n"  # 12
        "  string diagnosis = 2; /* 诊断 */\n"  # 13
        "  /** Medical record number */ string mrn = 3;\n"  # 14
        "  string message = 4;\n"  # 15: a keyword as a field name
        "}\n",
        encoding="utf-8",
    )
    result = read_path(path)
    (patient,) = result.datasets
    assert patient.comment == "患者基本信息"
    assert [(f.name, f.comment, f.line) for f in patient.fields] == [
        ("name", "Name as registered\nat the front desk.", 9),
        ("diagnosis", "诊断", 13),
        ("mrn", "Medical record number", 14),
        ("message", None, 15),
    ]
    assert not result.problems


BROKEN = """\
syntax = "proto3";

message Patient {
  string name = 1;   // 姓名
  string id_card = 2 // 身份证号
  string phone = 3;  // 电话
  secret value here;
  string address = 5;
"""


def test_a_broken_file_is_an_error_at_its_lines_and_the_scan_goes_on(tmp_path: Path) -> None:
    shutil.copytree(DATA / "orders", tmp_path / "schemas")
    broken = tmp_path / "schemas" / "patient.proto"
    broken.write_text(BROKEN, encoding="utf-8")
    code, out, err = run("scan", str(tmp_path / "schemas"), "--format", "json", "--no-content")
    assert code == 2
    report = json.loads(out)
    validate_scan(report)
    names = {d["name"]: d for d in report["datasets"]}
    assert sorted(names) == ["Order", "Order.DeliveryNote", "Patient"]
    patient = names["Patient"]
    assert patient["source"] == {"path": str(broken), "format": "protobuf", "line": 3}
    fields = {f["name"]: f for f in patient["fields"]}
    assert sorted(fields) == ["address", "name"]  # what parses is kept
    assert fields["name"]["line"] == 4
    errors = [p for p in report["problems"] if p["path"] == str(broken)]
    assert sorted((p["line"], p.get("column") or 0, p["severity"]) for p in errors) == [
        (3, 0, "error"),  # the message is not closed
        (5, 3, "error"),  # field 2, its ``;`` missing: where the declaration starts
        (7, 3, "error"),
    ]
    assert f"{broken}:5:3" in err and f"{broken}:3:" in err
    for word in ("secret", "value", "id_card", "身份证号"):  # no content of the file
        assert word not in err
        assert all(word not in p["message"] for p in errors)


def test_schema_format_forces_the_reader_on_another_suffix(tmp_path: Path) -> None:
    other = tmp_path / "member.txt"
    shutil.copy(DATA / "legacy" / "member.proto", other)
    code, out, _ = run("scan", str(other), "--schema-format", "proto", "--format", "json")
    assert code == 0
    assert json.loads(out)["datasets"][0]["source"]["format"] == "protobuf"


def test_check_reads_proto_files_and_the_hook_passes_them(tmp_path: Path) -> None:
    shutil.copytree(DATA / "profile", tmp_path / "profile")
    target = tmp_path / "profile" / "user_profile.proto"
    code, out, _ = run("check", "--baseline", str(tmp_path / "b.yaml"), "--", str(target))
    assert code == 1
    assert "user_profile.proto:16: UserProfile.mobile: pi.contact.mobile" in out
    hooks = yaml.safe_load((REPO_ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert re.search(hooks[0]["files"], "api/acme/profile/v1/user_profile.proto")


def test_options_of_every_kind_are_read_past(tmp_path: Path) -> None:
    path = tmp_path / "booking.proto"
    path.write_text(
        'syntax = "proto3";\n'
        "package travel.v1;\n"
        'import public "google/api/annotations.proto";\n'
        'import weak "validate/validate.proto";\n'
        'option (acme.file_meta) = { owner: "travel" tags: ["a", "b"] };\n'
        "message Booking {\n"
        "  option (acme.table) = { name: 'bookings' };\n"
        "  string guest_name = 1 [(validate.rules).string = {min_len: 1}, json_name = 'g'];\n"
        "  string passport_no = 2 [deprecated = true]; // 护照号\n"
        "  enum Status { option allow_alias = true; NEW = 0; OPEN = 0; CLOSED = -1 [(x) = 1]; }\n"
        "  Status status = 3;\n"
        "  reserved 4 to 8, 10;\n"
        "  extensions 100 to max;\n"
        "}\n"
        "service Bookings {\n"
        '  option (google.api.default_host) = "travel.example.com";\n'
        "  rpc Book(stream Booking) returns (stream Booking) {\n"
        '    option (google.api.http) = { post: "/v1/bookings" body: "*" };\n'
        "  };\n"
        "}\n",
        encoding="utf-8",
    )
    result = read_path(path)
    assert not result.problems
    (booking,) = result.datasets
    assert [(f.name, f.data_type, f.line) for f in booking.fields] == [
        ("guest_name", "string", 8),
        ("passport_no", "string", 9),
        ("status", "enum", 11),
    ]
    assert booking.fields[1].comment == "护照号"
    assert booking.fields[2].enum_values == ("NEW", "OPEN", "CLOSED")
    assert booking.api is not None and booking.api.purpose == "Bookings; rpc Book"


def test_hostile_nesting_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.proto"
    path.write_text(
        "message A {\n" * 600 + "string x = 1;\n" + "}\n" * 600 + "message B { string y = 1; }\n",
        encoding="utf-8",
    )
    result = read_path(path)
    assert [d.name for d in result.datasets] == ["B"]  # read on after the skipped block
    assert [(p.line, p.severity) for p in result.problems] == [(49, Severity.ERROR)]


def test_comments_on_the_lines_below_a_declaration_are_attached_as_protoc_attaches_them(
    tmp_path: Path,
) -> None:
    path = tmp_path / "member.proto"
    path.write_text(
        'syntax = "proto3";\n'  # 1
        "message Member {\n"  # 2
        "  string name = 1;\n"  # 3
        "  // 身份证号码 of the member\n"  # 4: below ``name``, a blank line after it
        "\n"  # 5
        "  string phone = 2; // 手机号\n"  # 6
        "  // not the phone's: its own line's comment came first\n"  # 7
        "  string email = 3;\n"  # 8
        "  string note = 4;\n"  # 9
        "  // free text about the member\n"  # 10: the end of the block follows
        "}\n",
        encoding="utf-8",
    )
    (member,) = read_path(path).datasets
    assert [(f.name, f.comment) for f in member.fields] == [
        ("name", "身份证号码 of the member"),
        ("phone", "手机号"),
        ("email", "not the phone's: its own line's comment came first"),
        ("note", "free text about the member"),
    ]


def test_an_rpc_comment_after_its_brace_and_proto2_stream_declarations(tmp_path: Path) -> None:
    path = tmp_path / "visits.proto"
    path.write_text(
        'syntax = "proto2";\n'
        "message Visit { optional string patient_name = 1; }\n"
        "message Ack { optional bool ok = 1; }\n"
        "message Vital { optional double heart_rate = 1; }\n"
        "service Clinic {\n"
        "  rpc Book (Visit) returns (Ack) { // books a patient's visit\n"
        "    option deadline = 2.0;\n"
        "  }\n"
        "  stream Monitor (Vital, Ack) { // a patient's vital signs as measured\n"
        "  }\n"
        "  stream Replay (Vital, Ack);\n"
        "}\n",
        encoding="utf-8",
    )
    result = read_path(path)
    assert not result.problems
    context = {d.name: d.api.purpose if d.api else None for d in result.datasets}
    assert context["Visit"] == "Clinic; rpc Book: books a patient's visit"
    assert context["Vital"] == (
        "Clinic; rpc Monitor: a patient's vital signs as measured; rpc Replay"
    )


def test_messages_of_one_short_name_in_two_packages_are_named_by_their_full_names(
    tmp_path: Path,
) -> None:
    (tmp_path / "billing.proto").write_text(
        'syntax = "proto3";\npackage billing.v1;\n'
        "message Request { string card_no = 1; }\nmessage Invoice { string id = 1; }\n",
        encoding="utf-8",
    )
    (tmp_path / "users.proto").write_text(
        'syntax = "proto3";\npackage users.v1;\nmessage Request { string user_name = 1; }\n',
        encoding="utf-8",
    )
    datasets, problems = _scan(tmp_path)
    assert not problems
    assert sorted(datasets) == ["Invoice", "billing.v1.Request", "users.v1.Request"]
    assert [f.pointer for f in datasets["users.v1.Request"].fields] == [
        "users.v1.Request.user_name"
    ]
    # read alone, nothing clashes: the short name
    assert [d.name for d in read_path(tmp_path / "users.proto").datasets] == ["Request"]


def test_a_recursive_map_value_is_expanded_once_where_another_message_names_it(
    tmp_path: Path,
) -> None:
    path = tmp_path / "tree.proto"
    path.write_text(
        'syntax = "proto3";\n'
        "message Node { string owner_email = 1; map<string, Node> children = 2; }\n"
        "message Doc { map<string, Node> nodes = 1; }\n",
        encoding="utf-8",
    )
    result = read_path(path)
    pointers = {d.name: [f.pointer for f in d.fields] for d in result.datasets}
    assert pointers == {
        "Node": ["Node.owner_email", "Node.children[]"],
        "Doc": ["Doc.nodes[].owner_email", "Doc.nodes[].children[]"],
    }
