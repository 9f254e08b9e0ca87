"""Records that point at a staff member and at a person whom staff serve: the record is the served
person's (a prescription keyed by its doctor first and its patient second is the patient's care),
and so are the records that point at it in turn."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

PRACTICE = """
CREATE TABLE Doctor (Id INT PRIMARY KEY, Name VARCHAR(50));
CREATE TABLE Patient (Id INT PRIMARY KEY, Name VARCHAR(50), Birthday DATE);
CREATE TABLE Script (Id INT PRIMARY KEY, DoctorId INT REFERENCES Doctor(Id),
  PatientId INT REFERENCES Patient(Id), Issued DATE, Until DATE);
CREATE TABLE Approval (Id INT PRIMARY KEY, ScriptId INT REFERENCES Script(Id), Granted DATE);
CREATE TABLE Shift (Id INT PRIMARY KEY, DoctorId INT REFERENCES Doctor(Id), Starts DATE);
"""


def test_a_record_of_a_doctor_and_a_patient_is_the_patients(tmp_path: Path) -> None:
    (tmp_path / "practice.sql").write_text(PRACTICE, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    by_name = {r.dataset.name: r for r in report.datasets}
    script = by_name["Script"]
    assert script.subject is not None and script.subject.role == "patient"
    assert any("PatientId" in e for e in script.subject.evidence)
    fields = {f.field.name: f for f in script.findings}
    for care in ("Issued", "Until"):
        assert fields[care].sensitive and fields[care].element == "pi.health.medical_visit", care
    approval = by_name["Approval"].subject
    assert approval is not None and approval.role == "patient"
    # a record of the doctor alone stays the doctor's
    shift = by_name["Shift"].subject
    assert shift is not None and shift.role == "employee"


#: A Turkish hospital's appointments (one file of a repository scanned alone): the doctor and the
#: patient are named by columns, with no table of either in the scan.
APPOINTMENTS_TR = """
CREATE TABLE [dbo].[Tbl_Randevular](
	[Randevuid] [int] IDENTITY(1,1) NOT NULL,
	[RandevuTarih] [varchar](10) NULL,
	[RandevuSaat] [varchar](5) NULL,
	[RandevuBrans] [varchar](30) NULL,
	[RandevuDoktor] [varchar](20) NULL,
	[RandevuDurum] [bit] NULL,
	[HastaTC] [char](11) NULL
) ON [PRIMARY]
GO
"""


def test_an_appointment_naming_its_doctor_and_patient_is_the_patients(tmp_path: Path) -> None:
    """Columns naming the doctor (`RandevuDoktor`) before the patient (`HastaTC`): the
    appointment is still the patient's care, its date and time health information."""
    (tmp_path / "randevular.sql").write_text(APPOINTMENTS_TR, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    visits = report.datasets[0]
    assert visits.subject is not None and visits.subject.role == "patient"
    assert any("HastaTC" in e for e in visits.subject.evidence)
    fields = {f.field.name: f for f in visits.findings}
    for care in ("RandevuTarih", "RandevuSaat"):
        assert fields[care].sensitive, care
    assert fields["HastaTC"].sensitive
