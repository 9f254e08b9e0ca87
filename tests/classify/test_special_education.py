"""A pupil's special-education record (a US school's individualized education programme, IEP):
the plan a school draws up for a pupil with a disability. Its classification, therapy services,
placement and meeting dates are that pupil's disability record (sensitive), not school data."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

MODELS = """
version: 2

models:
  - name: rpt_district__students_iep
    columns:
      - name: student_number
        data_type: int64
      - name: specialed_classification
        data_type: string
      - name: counseling_services_yn
        data_type: int64
      - name: speech_therapy_services_yn
        data_type: int64
      - name: annual_iep_review_meeting_date
        data_type: date
      - name: determined_ineligible_yn
        data_type: string

  - name: rpt_district__students
    columns:
      - name: student_number
        data_type: int64
      - name: grade_level
        data_type: int64
      - name: enroll_status
        data_type: string
"""


def test_an_iep_record_is_the_pupils_disability_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"models/iep.yml": MODELS})
    iep = found["rpt_district__students_iep"]
    for column in (
        "specialed_classification",
        "counseling_services_yn",
        "speech_therapy_services_yn",
        "annual_iep_review_meeting_date",
        "determined_ineligible_yn",
    ):
        finding = finding_of(iep, column)
        assert finding.sensitive, column
        assert finding.element == "pi.special_identity.disability", column


def test_a_pupils_register_is_not_a_disability_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"models/iep.yml": MODELS})
    register = found["rpt_district__students"]
    assert all(f.element != "pi.special_identity.disability" for f in register.findings)
