"""Schema styles of real projects: Avro unions and protocols, JSON Schema keywords written
inside ``properties``, ``$ref`` to another scanned file by its ``id``/``$id``."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.model import Severity
from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

DATA = Path(__file__).parent.parent / "data" / "readers"
UNION = DATA / "avro_union"


def _scan(folder: Path) -> tuple[dict[tuple[str, str], list[tuple[str, str | None]]], list]:
    result = scan_paths([folder], ScanOptions(content=False))
    datasets = {
        (Path(d.dataset.source_path).name, d.dataset.name): [
            (f.pointer, f.data_type) for f in d.dataset.fields
        ]
        for d in result.datasets
    }
    problems = [(Path(p.path).name, p.line, p.severity, p.message) for p in result.problems]
    return datasets, problems


# --- Avro --------------------------------------------------------------------------------------


def test_every_record_of_a_named_union_a_list_and_a_protocol_is_a_dataset() -> None:
    datasets, problems = _scan(UNION)
    assert sorted(datasets) == [
        ("clinic.avpr", "Booking"),
        ("clinic.avpr", "Patient"),
        ("customer.avsc", "Customer"),
        ("patient_events.avsc", "Admission"),
        ("patient_events.avsc", "Discharge"),
        ("topics.avsc", "OrderPlaced"),
    ]
    assert datasets[("patient_events.avsc", "Admission")] == [
        ("Admission.patientId", "string"),
        ("Admission.ward", "enum"),  # an enum defined later in the same union
        ("Admission.admittedAt", "long(timestamp-millis)"),
    ]
    # "Outcome" is defined nowhere: the field is kept, untyped
    assert datasets[("patient_events.avsc", "Discharge")] == [
        ("Discharge.patientId", "string"),
        ("Discharge.outcome", None),
    ]
    assert datasets[("clinic.avpr", "Booking")] == [
        ("Booking.patient.fullName", "string"),
        ("Booking.patient.sex", "enum"),
        ("Booking.patient.birthDate", "int(date)"),
        ("Booking.slot", "long(timestamp-millis)"),
    ]
    # a field's union of two records: each member once, under the field's path; the
    # customer record comes from customer.avsc
    assert datasets[("topics.avsc", "OrderPlaced")] == [
        ("OrderPlaced.orderId", "string"),
        ("OrderPlaced.customer.name", "string"),
        ("OrderPlaced.customer.mobile", "string"),
        ("OrderPlaced.customer.token", "fixed"),
        ("OrderPlaced.payment.cardNumber", "string"),
        ("OrderPlaced.payment.amount", "bytes(decimal)"),
        ("OrderPlaced.payment.walletId", "string"),
    ]
    # the union's "org.example.shop.Customer" is read in customer.avsc; the Refund it names
    # is defined nowhere: a warning at the list, nothing invented
    assert [(name, line, sev) for name, line, sev, _ in problems] == [
        ("patient_events.avsc", 26, Severity.WARNING),
        ("topics.avsc", 1, Severity.WARNING),
    ]
    assert "top-level union" in problems[1][3]


def test_a_union_of_records_under_a_json_suffix_is_detected_as_avro(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text((UNION / "patient_events.avsc").read_text(encoding="utf-8"), encoding="utf-8")
    result = read_path(path)
    assert result.format == "avro"
    assert [d.name for d in result.datasets] == ["Admission", "Discharge"]
    protocol = tmp_path / "clinic.json"
    protocol.write_text((UNION / "clinic.avpr").read_text(encoding="utf-8"), encoding="utf-8")
    assert [d.name for d in read_path(protocol).datasets] == ["Patient", "Booking"]


def test_top_level_members_that_are_not_records_are_errors_with_their_line(
    tmp_path: Path,
) -> None:
    path = tmp_path / "odd.avsc"
    path.write_text('{"name": "X", "type": [\n  "null",\n  "string",\n  42\n]}\n')
    result = read_path(path)
    assert result.datasets == ()
    assert [(p.line, p.severity) for p in result.problems] == [
        (1, Severity.ERROR),
        (1, Severity.ERROR),
    ]


# --- JSON Schema: keywords inside "properties" ------------------------------------------------

KEYWORDS = DATA / "jsonschema_styles"


def _read(path: Path) -> tuple[list[tuple[str, str | None, int | None]], list]:
    result = read_path(path)
    assert result.format == "jsonschema"
    fields = [(f.pointer, f.data_type, f.line) for d in result.datasets for f in d.fields]
    return fields, [(p.line, p.severity, p.message) for p in result.problems]


def test_draft04_keywords_written_inside_properties_are_problems_not_fields() -> None:
    fields, problems = _read(KEYWORDS / "member_draft04.json")
    # "id" and "type" hold schemas: real properties of those names; "name" holds no schema
    # but is no keyword: kept untyped; the card's properties hold only a misplaced $ref, so
    # the card itself is the field
    assert fields == [
        ("member.id", "string", 7),
        ("member.type", "string", 8),
        ("member.name", None, 6),
        ("member.card", "object", 10),
    ]
    assert [(line, sev) for line, sev, _ in problems] == [(6, Severity.WARNING)] * 3 + [
        (12, Severity.WARNING)
    ]
    messages = [m for _, _, m in problems]
    assert "member.name" in messages[0] and "not a schema" in messages[0]
    assert "keyword required inside the properties of member " in messages[1]
    assert "keyword additionalProperties inside the properties of member " in messages[2]
    assert "keyword $ref inside the properties of member.card " in messages[3]


def test_draft07_definitions_and_pattern_properties_inside_properties() -> None:
    fields, problems = _read(KEYWORDS / "visit_draft07.json")
    assert fields == [
        ("visit_draft07.patient.fullName", "string", 14),
        ("visit_draft07.patient.phone", "string", 14),
        ("visit_draft07.required", "boolean", 7),  # a property named "required"
    ]
    assert [m.split(" inside")[0] for _, _, m in problems] == [
        "JSON Schema keyword definitions",
        "JSON Schema keyword patternProperties",
    ]


def test_2020_12_defs_and_id_inside_properties() -> None:
    fields, problems = _read(KEYWORDS / "order_2020.json")
    assert fields == [
        ("order_2020.buyer.email", "string(email)", 16),
        # a keyword-named key whose value is a schema is taken as the author wrote it
        ("order_2020.additionalProperties", "string", 9),
        ("order_2020.extras", None, 5),  # "true": any value
    ]
    assert [m.split(" inside")[0] for _, _, m in problems] == [
        "JSON Schema keyword $defs",
        "JSON Schema keyword $id",
    ]


# --- JSON Schema: $ref to another file of the scan ----------------------------------------------

REFS = DATA / "jsonschema_refs"


def test_refs_by_declared_id_or_relative_path_resolve_from_the_scanned_files() -> None:
    datasets, problems = _scan(REFS)
    assert datasets[("patient.json", "patient")] == [
        ("patient.address.city", "string"),  # common.json declares "id": http://local…
        ("patient.address.zip", "string"),
        # inside common.json, its own references resolve against it (by id and by "#/…")
        ("patient.birth.low.date", "string(date-time)"),
        ("patient.birth.low.precision", "string"),
        ("patient.birth.high.date", "string(date-time)"),
        ("patient.birth.high.precision", "string"),
        ("patient.guardian.given", "string"),  # definitions, draft-04
        ("patient.guardian.family", "string"),
        ("patient.phone.number", "string"),  # contact.schema.json declares "$id": …
        ("patient.phone.kind", "string"),  # … and its "#/$defs/kind" is its own
        ("patient.fax.number", "string"),  # by path relative to patient.json
        ("patient.fax.kind", "string"),
        ("patient.history.label", "string"),
        ("patient.history.next", "ref:cda_node"),  # the second cda_node is a cycle
        ("patient.insurer", None),  # common.json has no such member
        ("patient.registry", None),  # no scanned file is that URI: never fetched
    ]
    assert [
        (name, line, m.split(";")[0]) for name, line, _, m in problems if name == "patient.json"
    ] == [
        (
            "patient.json",
            11,
            "$ref cycle: patient.history.next refers back to cda_node, which it is part of",
        ),
        ("patient.json", 12, "$ref names a scanned schema file but points to nothing in it"),
        (
            "patient.json",
            13,
            "remote or external $ref not followed (dataflow never fetches schemas)",
        ),
    ]
    result = read_path(REFS / "patient.json", json_schemas=None)  # read alone: as before
    fields = {f.pointer: f.data_type for d in result.datasets for f in d.fields}
    assert fields["patient.address"] is None and "patient.address.city" not in fields


def test_a_file_with_a_declared_id_is_found_under_any_name(tmp_path: Path) -> None:
    from dataflow.readers import json_schema_index

    (tmp_path / "shared_types.json").write_text(
        json.dumps(
            {
                "id": "http://local.example/common_models#",
                "properties": {"cda_id": {"properties": {"root": {}, "extension": {}}}},
            }
        )
    )
    (tmp_path / "data.json").write_text('[{"id": "http://local.example/common_models"}]')
    (tmp_path / "claim.json").write_text(
        json.dumps(
            {
                "type": "object",
                "properties": {
                    "number": {"$ref": "http://local.example/common_models#/properties/cda_id"}
                },
            }
        )
    )
    index = json_schema_index(sorted(tmp_path.iterdir()))
    result = read_path(tmp_path / "claim.json", json_schemas=index)
    assert [f.pointer for d in result.datasets for f in d.fields] == [
        "claim.number.root",
        "claim.number.extension",
    ]
    assert result.problems == ()


# --- nothing scanned leaks ------------------------------------------------------------------------


def test_values_in_unions_referenced_files_and_misplaced_keywords_never_leak(
    tmp_path: Path, isolated_cwd: Path
) -> None:
    import random

    from builders import mobile, resident_id, run

    r = random.Random(14)
    phone, person_id, phone2 = mobile(r).removeprefix("+86 "), resident_id(r), "13912345678"
    canaries = (phone, person_id, phone2)
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "events.avsc").write_text(
        json.dumps(
            {
                "name": "Events",
                "type": [
                    {
                        "type": "record",
                        "name": f"Signup_{phone}",
                        "doc": f"call {phone2}",
                        "fields": [
                            {"name": "mobile", "type": "string", "default": phone},
                            {"name": f"id_{person_id}", "type": ["null", f"n.T{phone}"]},
                        ],
                    }
                ],
            }
        )
    )
    (folder / "common.json").write_text(
        json.dumps(
            {
                "$id": "http://local.example/common",
                "properties": {
                    "contact": {
                        "type": "string",
                        "description": f"e.g. {phone}",
                        "examples": [phone, person_id],
                        "default": phone2,
                    }
                },
            }
        )
    )
    (folder / "person.json").write_text(
        json.dumps(
            {
                "type": "object",
                "properties": {
                    "contact": {"$ref": "http://local.example/common#/properties/contact"},
                    phone: "string",  # a value where a property's schema belongs
                    "card": {"properties": {"$ref": f"http://local.example/{person_id}"}},
                },
            }
        )
    )
    code, out, err = run("scan", str(folder), "--format", "json")
    assert code in (0, 1), err
    for canary in canaries:
        assert canary not in out and canary not in err, f"{canary[:3]}… leaked"
    report = json.loads(out)
    pointers = {f["pointer"] for d in report["datasets"] for f in d["fields"]}
    assert "person.contact" in pointers and "person.card" in pointers
    assert any(p.startswith("Signup_") and p.endswith(".mobile") for p in pointers)
    problems = " ".join(p["message"] for p in report["problems"])
    assert "keyword $ref inside the properties of person.card" in problems
    assert "not a schema" in problems


def test_compositions_conditionals_maps_and_tuples_give_each_field_once() -> None:
    result = read_path(KEYWORDS / "customer_styles.json")
    fields = {f.pointer: f for d in result.datasets for f in d.fields}
    assert list(fields) == [
        "Customer.email",  # allOf
        "Customer.idCard",  # then
        "Customer.passport",  # else
        "Customer.cvv",  # dependentSchemas
        "Customer.name",
        "Customer.address.street",  # anyOf [$ref, null]: the members, no "address" of type null
        "Customer.address.city",
        "Customer.kind",
        "Customer.tags",  # a map of strings is one field
        "Customer.contacts[].phone",  # a map of objects: their members, as Avro map values
        "Customer.byLang[].bio",  # patternProperties
        "Customer.pair[]",  # items as a list (draft-04 tuples)
        "Customer.tuple[].lat",  # prefixItems (2020-12), beside "items": false
        "Customer.country",
    ]
    assert (fields["Customer.name"].data_type, fields["Customer.name"].nullable) == ("string", True)
    assert fields["Customer.kind"].enum_values == ("a", "b")  # oneOf of const
    assert fields["Customer.idCard"].line == 19
    assert result.problems == ()


def test_branches_that_only_validate_add_no_field(tmp_path: Path) -> None:
    path = tmp_path / "contact.json"
    path.write_text(
        json.dumps(
            {
                "type": "object",
                "properties": {
                    "reach": {
                        "type": "object",
                        "properties": {"phone": {"type": "string"}, "email": {"type": "string"}},
                        "oneOf": [{"required": ["phone"]}, {"required": ["email"]}],
                    },
                    "nothing": {"anyOf": [{"type": "null"}]},
                },
            }
        )
    )
    assert [f.pointer for d in read_path(path).datasets for f in d.fields] == [
        "contact.reach.phone",
        "contact.reach.email",
        "contact.nothing",
    ]


# --- OpenAPI and Swagger ------------------------------------------------------------------------

OPENAPI = DATA / "openapi"


def test_each_named_schema_of_an_openapi_or_swagger_document_is_a_dataset() -> None:
    datasets, problems = _scan(OPENAPI)
    assert datasets == {
        ("clinic.openapi.yaml", "Patient"): [
            ("Patient.name", "string"),
            ("Patient.idCard", "string"),
            ("Patient.address.street", "string"),  # #/components/schemas/Address
            ("Patient.address.city", "string"),
            ("Patient.allergies[]", "string"),
        ],
        ("clinic.openapi.yaml", "Address"): [
            ("Address.street", "string"),
            ("Address.city", "string"),
        ],
        ("clinic.openapi.yaml", "Visit"): [
            ("Visit.street", "string"),
            ("Visit.city", "string"),
            ("Visit.diagnosis", "string"),
            ("Visit.kind", "string"),
        ],
        ("petstore.swagger.json", "Owner"): [
            ("Owner.email", "string(email)"),
            ("Owner.pets[].name", "string"),
            ("Owner.pets[].owner", "ref:Owner"),  # Pet.owner leads back to Owner: a cycle
        ],
        ("petstore.swagger.json", "Pet"): [
            ("Pet.name", "string"),
            ("Pet.owner.email", "string(email)"),
            ("Pet.owner.pets[]", "ref:Pet"),
        ],
    }
    assert [(name, line) for name, line, _, _ in problems] == [
        ("petstore.swagger.json", 10),
        ("petstore.swagger.json", 17),
    ]
    result = read_path(OPENAPI / "clinic.openapi.yaml")
    assert result.format == "jsonschema"
    patient = next(d for d in result.datasets if d.name == "Patient")
    assert (patient.line, patient.comment) == (17, "A registered patient")
    assert patient.fields[1].nullable is True  # nullable: true (OpenAPI 3.0)


def test_broken_openapi_yaml_is_an_error_with_its_position(tmp_path: Path) -> None:
    path = tmp_path / "api.yaml"
    path.write_text("openapi: 3.1.0\ncomponents:\n  schemas:\n    A: [unclosed\n")
    result = read_path(path, schema_format="jsonschema")
    assert [(p.severity, p.line) for p in result.problems] == [(Severity.ERROR, 5)]
    assert result.problems[0].message.startswith("cannot read OpenAPI document")


def test_openapi_examples_never_leak(tmp_path: Path, isolated_cwd: Path) -> None:
    from builders import run

    code, out, err = run("scan", str(OPENAPI), "--format", "json")
    assert code in (0, 1), err
    assert "110101199003074477" not in out + err  # the example of Patient.idCard
    assert "Patient.idCard" in out


def test_the_same_local_pointer_in_two_files_is_no_cycle(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(
        json.dumps(
            {
                "properties": {"owner": {"$ref": "#/definitions/item"}},
                "definitions": {"item": {"properties": {"kind": {"$ref": "b.json"}}}},
            }
        )
    )
    (tmp_path / "b.json").write_text(
        json.dumps(
            {
                "properties": {"item": {"$ref": "#/definitions/item"}},
                "definitions": {"item": {"properties": {"code": {"type": "string"}}}},
            }
        )
    )
    datasets, problems = _scan(tmp_path)
    assert datasets[("a.json", "a")] == [("a.owner.kind.item.code", "string")]
    assert problems == []


def _write_json(folder: Path, name: str, doc: object) -> None:
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(json.dumps(doc, indent=2), encoding="utf-8")


def test_files_of_definitions_other_files_use_are_libraries_not_empty_datasets(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "certs"
    _write_json(
        folder,
        "Cert.Types.schema.json",
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://example.org/Cert.Types.schema.json",
            "title": "Certificate types",
            "$defs": {
                "person_name": {
                    "type": "object",
                    "properties": {"family": {"type": "string"}, "given": {"type": "string"}},
                },
                "test_entry": {"type": "object", "properties": {"result": {"type": "string"}}},
            },
        },
    )
    _write_json(  # definitions: draft-07, named by a path relative to the referring file
        folder,
        "common.json",
        {"definitions": {"date": {"type": "string", "format": "date"}}},
    )
    _write_json(  # definitions that no file of the scan uses: reported as before
        folder,
        "unused.json",
        {"$schema": "http://json-schema.org/draft-07/schema#", "definitions": {"x": {}}},
    )
    _write_json(
        folder,
        "Cert.schema.json",
        {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": "https://example.org/Cert.schema.json",
            "title": "Certificate",
            "type": "object",
            "properties": {
                "nam": {"$ref": "https://example.org/Cert.Types.schema.json#/$defs/person_name"},
                "t": {"$ref": "https://example.org/Cert.Types.schema.json#/$defs/test_entry"},
            },
        },
    )
    _write_json(
        folder,
        "visit.json",
        {"type": "object", "properties": {"on": {"$ref": "common.json#/definitions/date"}}},
    )
    datasets, problems = _scan(folder)
    assert datasets == {
        ("Cert.schema.json", "Certificate"): [
            ("Certificate.nam.family", "string"),
            ("Certificate.nam.given", "string"),
            ("Certificate.t.result", "string"),
        ],
        ("visit.json", "visit"): [("visit.on", "string(date)")],
        ("unused.json", "unused"): [],
    }
    assert [(name, m) for name, _, _, m in problems] == [
        ("unused.json", "JSON Schema describes no properties: no fields read")
    ]


def test_definitions_no_file_uses_are_read_when_the_root_gives_no_field(tmp_path: Path) -> None:
    folder = tmp_path / "tap"
    employee = {
        "type": "object",
        "properties": {"DisplayName": {"type": "string"}, "DateOfBirth": {"type": "string"}},
    }
    _write_json(  # only definitions, one naming another: each definition is a dataset
        folder,
        "roster.json",
        {
            "definitions": {
                "Employee": employee,
                "Roster": {
                    "type": "object",
                    "properties": {
                        "StartTime": {"type": "integer"},
                        "Employee": {"$ref": "#/definitions/Employee"},
                    },
                },
                "Person": {"$ref": "people.json"},  # an alias of another file: not a dataset
            }
        },
    )
    _write_json(  # a root whose only member names a definition the file lacks
        folder,
        "employee.json",
        {
            "type": "object",
            "properties": {"employee": {"$ref": "#/definitions/EmployeeObject"}},
            "definitions": {"Employee": employee},
        },
    )
    _write_json(  # a root that uses a definition: read through it; the one it never names
        # describes data of its own and is a dataset
        folder,
        "visit.json",
        {
            "type": "object",
            "properties": {"who": {"$ref": "#/definitions/Employee"}},
            "definitions": {"Employee": employee, "Unused": employee},
        },
    )
    datasets, problems = _scan(folder)
    assert datasets == {
        ("roster.json", "Employee"): [
            ("Employee.DisplayName", "string"),
            ("Employee.DateOfBirth", "string"),
        ],
        ("roster.json", "Roster"): [
            ("Roster.StartTime", "integer"),
            ("Roster.Employee.DisplayName", "string"),
            ("Roster.Employee.DateOfBirth", "string"),
        ],
        ("employee.json", "employee"): [("employee.employee", None)],
        ("employee.json", "Employee"): [
            ("Employee.DisplayName", "string"),
            ("Employee.DateOfBirth", "string"),
        ],
        ("visit.json", "visit"): [
            ("visit.who.DisplayName", "string"),
            ("visit.who.DateOfBirth", "string"),
        ],
        ("visit.json", "Unused"): [
            ("Unused.DisplayName", "string"),
            ("Unused.DateOfBirth", "string"),
        ],
    }
    assert [(name, m) for name, _, _, m in problems] == [
        ("employee.json", "$ref points to nothing in this document")
    ]
