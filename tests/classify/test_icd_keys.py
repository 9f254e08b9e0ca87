"""The ICD code key of a person's record (`ICDID`, `ICDID1` of an insuree's health-insurance claim,
openIMIS) names the diagnosis the record was made for: the person's health information
(GB/T 35273 Annex B, sensitive), as `icd_code` is."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of
from builders import scan_files as _scan

CLAIMS = """\
CREATE TABLE [dbo].[tblInsuree](
\t[InsureeID] [int] IDENTITY(1,1) NOT NULL,
\t[LastName] [nvarchar](100) NOT NULL,
\t[OtherNames] [nvarchar](100) NOT NULL,
\t[DOB] [date] NOT NULL
)
GO
CREATE TABLE [dbo].[tblClaim](
\t[ClaimID] [int] IDENTITY(1,1) NOT NULL,
\t[InsureeID] [int] NOT NULL,
\t[ClaimCode] [nvarchar](8) NOT NULL,
\t[DateFrom] [smalldatetime] NOT NULL,
\t[ICDID] [int] NOT NULL,
\t[ICDID1] [int] NULL,
\t[ClaimStatus] [tinyint] NOT NULL
)
GO
"""


def test_the_icd_keys_of_a_claim_are_the_insurees_diagnoses(tmp_path: Path) -> None:
    claim = _scan(tmp_path, {"claims.sql": CLAIMS}, short=True)["tblClaim"]
    assert claim.subject.about_person
    for column in ("ICDID", "ICDID1"):
        found = finding_of(claim, column)
        assert found.element == "pi.health.diagnosis", column
        assert found.sensitive, column
