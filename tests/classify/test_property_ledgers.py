"""A ledger of an organisation's things named as an account (`eq_account` 设备台账, `part_account`
备件台账: Chinese schemas often call a ledger an account): its weight, address, photo and value
are the equipment's, not a user account's; a user's account table stays the user's."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

LEDGER = """
CREATE TABLE [dbo].[eq_account](
	[id] [int] IDENTITY(1,1) NOT NULL,
	[asset] [nvarchar](50) NULL,
	[eqname] [nvarchar](50) NULL,
	[model] [nvarchar](50) NULL,
	[weight] [nvarchar](50) NULL,
	[manu_date] [datetime] NULL,
	[address] [nvarchar](50) NULL,
	[photo] [image] NULL
);
CREATE TABLE [dbo].[user_account](
	[id] [int] IDENTITY(1,1) NOT NULL,
	[username] [nvarchar](50) NULL,
	[mobile] [nvarchar](20) NULL,
	[address] [nvarchar](50) NULL
);
"""


def test_an_equipment_ledger_is_the_organisations(tmp_path: Path) -> None:
    ledger = _scan(tmp_path, {"cems.sql": LEDGER})["dbo.eq_account"]
    assert ledger.subject.kind == "organisation"
    for column in ("asset", "weight", "address", "photo", "manu_date"):
        assert not _finding(ledger, column).personal, column


def test_a_users_account_stays_the_users(tmp_path: Path) -> None:
    account = _scan(tmp_path, {"cems.sql": LEDGER})["dbo.user_account"]
    assert _finding(account, "mobile").personal
    assert _finding(account, "address").personal
