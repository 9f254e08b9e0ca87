"""Styles of real schema repositories that a sweep over whole repositories found read wrongly:
dbt's Jinja-templated SQL files, a ``doc`` written on an Avro array or map type."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import Dataset, ReadResult, Severity
from dataflow.readers import read_path
from dataflow.scan import ScanOptions, scan_paths

STYLES = Path(__file__).parent.parent / "data" / "readers" / "sweep_styles"


def _dataset(result: ReadResult, name: str) -> Dataset:
    found = [d for d in result.datasets if d.name == name]
    assert found, f"no dataset {name}; have {[d.name for d in result.datasets]}"
    return found[0]


def _by(result: ReadResult, severity: Severity) -> list[str]:
    return [p.message for p in result.problems if p.severity == severity]


# --- dbt: Jinja templates in .sql files ---------------------------------------------------------


def test_a_dbt_macro_file_is_one_warning_not_an_error_per_statement() -> None:
    result = read_path(STYLES / "dbt_macro.sql")
    assert result.datasets == ()
    assert _by(result, Severity.ERROR) == []
    warnings = _by(result, Severity.WARNING)
    assert len(warnings) == 1
    assert "Jinja template" in warnings[0]


def test_a_dbt_model_is_a_query_not_a_table() -> None:
    result = read_path(STYLES / "dbt_model.sql")
    assert result.datasets == ()
    assert _by(result, Severity.ERROR) == []
    assert [p.line for p in result.problems] == [1]


def test_a_template_that_creates_a_table_is_read_with_its_tags_blanked() -> None:
    result = read_path(STYLES / "templated_ddl.sql")
    assert _by(result, Severity.ERROR) == []
    table = _dataset(result, "patient_contact")  # the {{ schema }}. qualifier goes
    assert [(f.name, f.data_type, f.line) for f in table.fields] == [
        ("patient_id", "BIGINT", 4),
        ("mobile_phone", "VARCHAR(20)", 5),
        ("home_address", "VARCHAR(200)", 6),
        ("loaded_at", "TIMESTAMP", 7),
    ]


# --- Avro: a doc on the array or map type -------------------------------------------------------


def test_a_doc_on_an_array_or_map_type_is_its_fields_comment() -> None:
    result = read_path(STYLES / "array_doc.avsc")
    assert result.problems == ()
    comments = {f.pointer: f.comment for f in _dataset(result, "ContactCard").fields}
    assert comments == {
        "ContactCard.card_id": None,
        "ContactCard.numbers[]": "mobile phone numbers of the cardholder",
        "ContactCard.extras[]": "home address lines of the cardholder",
        "ContactCard.labels[]": "labels the cardholder chose",
    }


# --- SQL: one schema twice in a repository ------------------------------------------------------


def test_an_alter_table_changes_the_table_of_its_own_folder_when_two_files_create_it() -> None:
    result = scan_paths([STYLES / "two_copies"], ScanOptions(content=False))
    passes = {
        Path(d.dataset.source_path).parent.name: d.dataset
        for d in result.datasets
        if d.dataset.name == "visitor_pass"
    }
    assert sorted(passes) == ["docs", "migration"]
    migrated, documented = passes["migration"], passes["docs"]
    assert [f.name for f in migrated.fields][-2:] == ["visitor_phone", "vehicle_number"]
    assert len(migrated.foreign_keys) == 1
    assert "visitor_phone" not in [f.name for f in documented.fields]
    assert documented.foreign_keys == ()
    assert [p.message for p in result.problems if "two or more" in p.message] == []


# --- SQL: client commands of sqlcmd and of the MySQL client ------------------------------------


def test_sqlcmd_commands_of_a_post_deployment_script_are_not_statements() -> None:
    result = read_path(STYLES / "sqlcmd_post_deployment.sql")
    assert result.problems == ()  # ':r' after the table is not taken for its options
    table = _dataset(result, "dbo.PatientAddress")
    assert [(f.name, f.line) for f in table.fields] == [
        ("PatientId", 10),
        ("Street", 11),
        ("City", 12),
    ]


def test_the_mysql_clients_source_command_is_not_a_statement() -> None:
    result = read_path(STYLES / "mysql_client_source.sql")
    assert result.problems == ()
    assert [f.name for f in _dataset(result, "employees").fields] == [
        "emp_no",
        "birth_date",
        "first_name",
        "gender",
    ]


# --- PostgreSQL: identity actions on a column ---------------------------------------------------


def test_an_identity_action_on_a_column_is_not_a_column_change_that_fails() -> None:
    result = read_path(STYLES / "pg_identity_upgrade.sql")
    assert result.problems == ()
    assert [f.name for f in _dataset(result, "galette_adherents").fields] == [
        "id_adh",
        "nom_adh",
        "email_adh",
        "ville_adh",
    ]


def test_an_upgrade_script_changes_the_table_of_the_database_its_name_says() -> None:
    result = scan_paths([STYLES / "per_database"], ScanOptions(content=False))
    columns = {
        Path(d.dataset.source_path).name: [f.name for f in d.dataset.fields]
        for d in result.datasets
    }
    assert columns == {
        "mysql.sql": ["id_adh", "nom_adh", "ddn_adh"],
        "pgsql.sql": ["id_adh", "nom_adh", "ddn_adh"],
    }
    assert [p.message for p in result.problems if "two or more" in p.message] == []


# --- PostgreSQL: identity columns with their sequence options -----------------------------------


def test_identity_columns_with_sequence_options_keep_their_types() -> None:
    result = read_path(STYLES / "drizzle_identity.sql")
    assert result.problems == ()
    assert [(f.name, f.data_type) for f in _dataset(result, "address").fields] == [
        ("id", "BIGINT"),
        ("patient_id", "BIGINT"),
        ("address_line_1", "VARCHAR(255)"),
        ("postal_code", "VARCHAR(20)"),
        ("created_at", "TIMESTAMP"),
    ]
    assert [(f.name, f.data_type) for f in _dataset(result, "patient").fields] == [
        ("id", "BIGINT"),
        ("first_name", "VARCHAR(100)"),
    ]


# --- SQL Server: a column's own CLUSTERED key; system-versioned tables --------------------------


def test_a_system_versioned_table_with_a_clustered_column_key_is_read_whole() -> None:
    result = read_path(STYLES / "mssql_temporal.sql")
    assert result.problems == ()  # no column without its type, no table read piece by piece
    assert [(f.name, f.data_type) for f in _dataset(result, "dbo.Employee").fields] == [
        ("EmployeeID", "INTEGER"),
        ("Name", "NVARCHAR(100)"),
        ("Position", "VARCHAR(100)"),
        ("Department", "VARCHAR(100)"),
        ("AnnualSalary", "NUMERIC(10, 2)"),
        ("ValidFrom", "DATETIME2"),
        ("ValidTo", "DATETIME2"),
    ]
    assert [(f.name, f.data_type) for f in _dataset(result, "dbo.Badge").fields] == [
        ("BadgeID", "INTEGER"),
        ("EmployeeID", "INTEGER"),
    ]
