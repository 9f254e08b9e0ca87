"""A Protocol Buffers message is a schema document, as an Avro record or a JSON Schema object is:
the subject rules that read a document's nested sections (``SCHEMA_DOCS``) read it too, so the
same record written in either language gets the same verdicts."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

#: A clinic's visit record: the patient and the attending clinician as nested records.
VISIT_AVRO = """{"type": "record", "name": "PatientVisit", "namespace": "clinic",
 "doc": "A patient's visit to the clinic",
 "fields": [
  {"name": "patient", "type": {"type": "record", "name": "Patient", "fields": [
     {"name": "patient_id", "type": "string"}, {"name": "name", "type": "string"},
     {"name": "birth_date", "type": "string"}]}},
  {"name": "attending", "type": {"type": "record", "name": "Clinician", "fields": [
     {"name": "name", "type": "string"}, {"name": "phone", "type": "string"}]}},
  {"name": "diagnosis", "type": "string"},
  {"name": "visit_date", "type": "string"},
  {"name": "notes", "type": "string"},
  {"name": "session_token", "type": "string"}
 ]}
"""

VISIT_PROTO = """syntax = "proto3";
package clinic;

// A patient's visit to the clinic
message PatientVisit {
  message Patient {
    string patient_id = 1;
    string name = 2;
    string birth_date = 3;
  }
  message Clinician {
    string name = 1;
    string phone = 2;
  }
  Patient patient = 1;
  Clinician attending = 2;
  string diagnosis = 3;
  string visit_date = 4;
  string notes = 5;
  string session_token = 6;
}
"""


def _verdicts(result: object) -> dict[str, tuple[str | None, bool]]:
    return {
        f.field.pointer: (f.element, f.sensitive)
        for f in result.findings  # type: ignore[attr-defined]
    }


def test_a_message_and_the_same_avro_record_get_the_same_verdicts(tmp_path: Path) -> None:
    avro = scan_files(tmp_path / "avro", {"visit.avsc": VISIT_AVRO})["PatientVisit"]
    proto = scan_files(tmp_path / "proto", {"visit.proto": VISIT_PROTO})["PatientVisit"]
    assert proto.dataset.source_format == "protobuf"
    expected = _verdicts(avro)
    assert expected["PatientVisit.notes"] == ("pi.health.medical_record", True)
    assert _verdicts(proto) == expected
