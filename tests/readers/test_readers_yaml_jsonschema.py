"""JSON Schema documents written in YAML (``$schema``/``$id`` at the top, ``type: object``,
``properties:``) are read as JSON Schema, each field at the line its name is written on; the
other YAML files a repository holds (dbt, OpenAPI, Kubernetes manifests, GitHub workflows,
Compose files, configuration files naming their own schema) stay what they were."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from dataflow.model import ReadResult
from dataflow.readers import read_path
from dataflow.readers.detection import detect_format

DATA = Path(__file__).parent.parent / "data" / "readers" / "yaml_schemas"


def _fields(result: ReadResult) -> dict[str, list[tuple[str, str | None, int | None]]]:
    return {
        d.name: [(f.pointer[len(d.name) + 1 :], f.data_type, f.line) for f in d.fields]
        for d in result.datasets
    }


def _errors(result: ReadResult) -> list[str]:
    return [f"{p.line}:{p.column} {p.message}" for p in result.problems]


def test_a_loan_application_schema_in_yaml_reads_every_field_at_its_line() -> None:
    result = read_path(DATA / "loan-application.schema.yaml")
    assert result.format == "jsonschema"
    assert _errors(result) == []
    assert [(d.name, d.comment) for d in result.datasets] == [
        (
            "LoanApplication",
            "A mortgage application submitted by a broker on behalf of applicants",
        )
    ]
    assert _fields(result)["LoanApplication"] == [
        ("applicationReference", "string", 11),
        ("applicants[].firstName", "string", 28),
        ("applicants[].lastName", "string", 30),
        ("applicants[].dateOfBirth", "string(date)", 32),
        ("applicants[].nationalInsuranceNumber", "string", 35),
        ("applicants[].grossAnnualIncome", "number", 38),
        ("applicants[].employmentStatus", None, 40),
        ("loan.amount", "number", 45),
        ("loan.termMonths", "integer", 46),
        ("loan.purpose", "string", 47),
        ("submittedAt", "string(date-time)", 21),
    ]
    status = result.datasets[0].fields[6]
    assert status.enum_values == ("employed", "self-employed", "retired")


def test_a_yaml_schema_of_keywords_only_is_read_without_a_schema_declaration() -> None:
    result = read_path(DATA / "address.yml")
    assert result.format == "jsonschema"
    assert _fields(result) == {
        "address": [("line1", "string", 5), ("postcode", "string", 7), ("country", "string", 9)]
    }


def test_yaml_definitions_without_properties_are_each_a_dataset() -> None:
    result = read_path(DATA / "common-definitions.yaml")
    assert _fields(result) == {
        "Contact": [("email", "string(email)", 7), ("mobilePhone", "string", 10)],
        "Money": [("amount", "number", 15), ("currency", "string", 16)],
    }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("kubernetes-deployment.yaml", None),
        ("crd.yaml", None),
        (".github/workflows/ci.yml", None),
        ("docker-compose.yml", None),
        ("editor-config.yaml", None),
        ("models.yml", "dbt"),
        ("openapi.yaml", "jsonschema"),
    ],
)
def test_other_yaml_files_keep_their_format(name: str, expected: str | None) -> None:
    assert detect_format(DATA / name) == expected


def test_dbt_and_openapi_yaml_are_read_as_before() -> None:
    assert _fields(read_path(DATA / "models.yml")) == {
        "stg_applicants": [("applicant_id", None, 6), ("email", None, 7)]
    }
    assert _fields(read_path(DATA / "openapi.yaml")) == {
        "Broker": [("fcaNumber", "string", 9), ("firmName", "string", 11)]
    }


def test_broken_yaml_schema_is_an_error_naming_its_position(tmp_path: Path) -> None:
    broken = tmp_path / "applicant.yaml"
    broken.write_text(
        '$schema: "http://json-schema.org/draft-07/schema#"\n'
        "type: object\n"
        "properties:\n"
        "  name:\n"
        "    type: string\n"
        "   email: {type: string\n",
        encoding="utf-8",
    )
    result = read_path(broken)
    assert result.format == "jsonschema"
    assert result.datasets == ()
    assert _errors(result) == ["6:4 cannot read JSON Schema written in YAML: invalid YAML"]
    assert all(p.path == str(broken) for p in result.problems)


def test_a_scan_of_a_repository_reads_the_schema_and_skips_the_rest(tmp_path: Path) -> None:
    from dataflow.scan import ScanOptions, scan_paths

    shutil.copytree(DATA, tmp_path / "repo")
    result = scan_paths([tmp_path / "repo"], ScanOptions(content=False))
    names = sorted(d.dataset.name for d in result.datasets)
    assert names == [
        "Broker",
        "Contact",
        "LoanApplication",
        "Money",
        "Patient",
        "address",
        "stg_applicants",
    ]
    personal = {
        f.field.pointer
        for d in result.datasets
        if d.dataset.name == "LoanApplication"
        for f in d.findings
        if f.personal
    }
    assert "LoanApplication.applicants[].nationalInsuranceNumber" in personal


def test_a_mapping_of_names_to_object_schemas_reads_each_as_a_dataset() -> None:
    """FIWARE Smart Data Models write each entity's schema as ``Name: {type: object, …}``."""
    result = read_path(DATA / "model.yaml")
    assert result.format == "jsonschema"
    assert _errors(result) == []
    assert _fields(result) == {
        "Patient": [
            ("address.postalCode", "string", 7),
            ("address.streetAddress", "string", 10),
            ("birthDate", "Property(date)", 13),
            ("id", "string(uri)", 19),
            ("location.coordinates[]", "number", 28),
            ("location.type", "string", 31),
        ]
    }
    assert result.datasets[0].comment == "A person receiving care"


def test_a_mapping_holding_anything_but_object_schemas_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.yaml"
    path.write_text(
        "Patient:\n  type: object\n  properties:\n    name: {type: string}\nretries: 3\n",
        encoding="utf-8",
    )
    assert detect_format(path) is None


def test_a_data_dictionary_node_merging_shared_properties_by_ref_is_read() -> None:
    """A GDC dictionary node (trimmed from NCI-GDC/gdcdictionary ``family_history.yaml``)
    merges the properties every node shares with ``properties: {$ref: [...]}``: that entry is no
    member, and the node is still a JSON Schema whose own members are read."""
    path = DATA.parent / "gdc_dictionary" / "family_history.yaml"
    assert detect_format(path) == "jsonschema"
    result = read_path(path)
    assert result.format == "jsonschema"
    assert [f.name for d in result.datasets for f in d.fields] == [
        "relationship_age_at_diagnosis",
        "relationship_gender",
        "relative_with_cancer_history",
    ]


def test_a_yaml_document_whose_properties_are_only_a_ref_merge_is_not_a_schema(
    tmp_path: Path,
) -> None:
    path = tmp_path / "node.yaml"
    path.write_text('title: Node\nproperties:\n  $ref:\n    - "_definitions.yaml#/x"\n')
    assert detect_format(path) is None
