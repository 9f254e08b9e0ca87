"""A health-insurance claim keyed by the insured person and stating their diagnoses (ICD codes)
is a record of that person's care even though no table calls them a patient: the dates of the
care it claims for (`DateFrom`, `DateTo`) are their health information (GB/T 35273-2020
Annex B, 医疗健康信息), while its money stays out of it. A person's record without diagnoses
keeps its dates as they were."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult

CLAIMS = """
CREATE TABLE tblInsuree (InsureeID int PRIMARY KEY, CHFID nvarchar(12), LastName nvarchar(100),
  OtherNames nvarchar(100), DOB date, Gender char(1), Phone nvarchar(50));
CREATE TABLE tblICDCodes (ICDID int PRIMARY KEY, ICDCode nvarchar(6), ICDName nvarchar(255));
CREATE TABLE tblClaim (ClaimID int PRIMARY KEY,
  InsureeID int REFERENCES tblInsuree (InsureeID), ClaimCode nvarchar(8),
  DateFrom date, DateTo date, ICDID int REFERENCES tblICDCodes (ICDID),
  ICDID1 int REFERENCES tblICDCodes (ICDID), Claimed decimal(18,2), DateClaimed date);
CREATE TABLE tblInsureeVisit (VisitID int PRIMARY KEY,
  InsureeID int REFERENCES tblInsuree (InsureeID), DateFrom date, DateTo date,
  Remarks nvarchar(200));
"""


def _scan(tmp_path: Path) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {"claims.sql": CLAIMS})


def test_the_care_dates_of_a_diagnosed_claim_are_health_information(tmp_path: Path) -> None:
    found = {f.field.name: f for f in _scan(tmp_path)["tblClaim"].findings}
    assert found["ICDID1"].sensitive  # the diagnoses that make it a record of care
    for column in ("DateFrom", "DateTo"):
        assert found[column].element is not None, column
        assert found[column].element.startswith("pi.health."), column
        assert found[column].sensitive, column
    assert not found["Claimed"].sensitive  # the money of the claim is not its care


def test_a_persons_record_without_diagnoses_keeps_its_dates(tmp_path: Path) -> None:
    found = {f.field.name: f for f in _scan(tmp_path)["tblInsureeVisit"].findings}
    for column in ("DateFrom", "DateTo"):
        assert not found[column].sensitive, column
