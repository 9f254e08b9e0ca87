"""Schemas an OpenAPI or Swagger operation writes in place (request bodies, responses,
parameters) are datasets named after the operation; named schemas stay as they were."""

from __future__ import annotations

import json
from pathlib import Path

from dataflow.model import ReadResult, Severity
from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

DATA = Path(__file__).resolve().parent.parent / "data" / "readers" / "openapi_inline"


def _fields(result: ReadResult) -> dict[str, list[tuple[str, str | None, str | None]]]:
    return {
        d.name: [(f.pointer, f.data_type, f.comment) for f in d.fields] for d in result.datasets
    }


def test_openapi_3_request_bodies_responses_and_parameters() -> None:
    result = read_path(DATA / "members.openapi.yaml")
    assert result.problems == ()
    assert _fields(result) == {
        "Address": [("Address.street", "string", None)],
        "Member": [("Member.id", "integer", None), ("Member.name", "string", None)],
        # requestBody written in place; its $ref'd member is walked into
        "createMember request": [
            ("createMember request.realName", "string", "真实姓名"),
            ("createMember request.idCardNo", "string", "身份证号"),
            ("createMember request.mobile", "string", None),
            ("createMember request.address.street", "string", None),
        ],
        # the path's parameters and the operation's
        "createMember parameters": [
            ("createMember parameters.X-Tenant-Id", "string", None),
            ("createMember parameters.channel", "string", "注册渠道"),
        ],
        # a response of the components, used by two operations: read once, by its name
        "Problem response": [
            ("Problem response.title", "string", None),
            ("Problem response.detail", "string", None),
        ],
        # no operationId: the method and path name the operation
        "GET /members/{memberId} parameters": [
            ("GET /members/{memberId} parameters.memberId", "integer(int64)", None),
        ],
        "GET /members/{memberId} response 200": [
            ("GET /members/{memberId} response 200.email", "string(email)", None),
            ("GET /members/{memberId} response 200.birthDate", "string(date)", None),
        ],
        # a second media type with another shape is named with its media type
        "GET /members/{memberId} response 200 application/xml": [
            ("GET /members/{memberId} response 200 application/xml.email", "string", None),
            ("GET /members/{memberId} response 200 application/xml.birthDate", "string", None),
        ],
    }
    lines = {d.name: d.line for d in result.datasets}
    assert lines["createMember request"] == 24  # the line of the schema
    assert lines["createMember parameters"] == 12  # the line of the operation
    params = next(d for d in result.datasets if d.name == "createMember parameters")
    assert params.comment == "Register a member"
    assert [f.line for f in params.fields] == [8, 16]


def test_swagger_2_body_parameter_and_plain_parameters() -> None:
    result = read_path(DATA / "patients.swagger.json")
    assert result.problems == ()
    assert _fields(result) == {
        "Patient": [("Patient.id", "integer", None)],
        "POST /patients request": [
            ("POST /patients request.patientName", "string", "患者姓名"),
            ("POST /patients request.diagnosis", "string", "诊断"),
        ],
        "POST /patients parameters": [
            ("POST /patients parameters.hospitalCode", "string", "医院编码"),
        ],
        # the 200 response is an array of #/definitions/Patient: read as Patient
    }
    request = next(d for d in result.datasets if d.name == "POST /patients request")
    assert [f.line for f in request.fields] == [12, 13]


def test_a_document_of_operations_only_is_read(tmp_path: Path) -> None:
    path = tmp_path / "login.json"
    path.write_text(
        json.dumps(
            {
                "openapi": "3.1.0",
                "info": {"title": "Login", "version": "1"},
                "paths": {
                    "/login": {
                        "post": {
                            "operationId": "login",
                            "requestBody": {
                                "content": {
                                    "application/x-www-form-urlencoded": {
                                        "schema": {
                                            "type": "object",
                                            "properties": {
                                                "username": {"type": "string"},
                                                "password": {"type": "string"},
                                            },
                                        }
                                    }
                                }
                            },
                            "responses": {"204": {"description": "Logged in"}},
                        }
                    }
                },
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    result = read_path(path)
    assert result.problems == ()
    assert _fields(result) == {
        "login request": [
            ("login request.username", "string", None),
            ("login request.password", "string", None),
        ]
    }


def test_inline_fields_are_classified(tmp_path: Path) -> None:
    result = scan_paths([DATA], ScanOptions(content=False))
    found = {
        (d.dataset.name, f.field.name): f.element
        for d in result.datasets
        for f in d.findings
        if f.personal
    }
    assert found[("createMember request", "idCardNo")] == "pi.identity.resident_id"
    assert found[("POST /patients request", "diagnosis")].startswith("pi.health")


def test_a_response_that_only_names_a_schema_elsewhere_is_kept_with_a_warning(
    tmp_path: Path,
) -> None:
    path = tmp_path / "api.yaml"
    path.write_text(
        "swagger: '2.0'\ninfo: {title: t, version: '1'}\npaths:\n  /users:\n    get:\n"
        "      responses:\n        '200':\n          description: ok\n"
        "          schema: {$ref: 'users.json#/User'}\n",
        encoding="utf-8",
    )
    result = read_path(path)
    # the response is reported, without fields, and the warning names the file not scanned
    assert [(d.name, d.fields) for d in result.datasets] == [("GET /users response 200", ())]
    (problem,) = result.problems
    assert problem.severity == Severity.WARNING
    assert problem.line == 9
    assert "users.json#/User, which is not among the scanned files" in problem.message


def test_openapi_3_1_webhooks_are_read_as_operations() -> None:
    result = read_path(DATA / "webhooks.yaml")
    assert result.format == "jsonschema"
    assert [(d.name, [(f.name, f.line) for f in d.fields]) for d in result.datasets] == [
        ("POST newPet request", [("ownerEmail", 12), ("petName", 13)])
    ]
