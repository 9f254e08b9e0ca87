"""A Chinese hospital system's insurance settlement table (SQL Server, `--` comments) keyed by the
inpatient case's 首页序号 (`syxh`, the serial of the case's front page) and 中心住院登记号: each row
settles one patient's stay, so its amounts (total, deposit, self-paid, insurance-paid) are that
patient's."""

from __future__ import annotations

from pathlib import Path

from tests.builders import scan_files

DDL = """
if not exists(select 1 from sysobjects where name='YY_YBMRJYK')
begin
	CREATE TABLE [dbo].[YY_YBMRJYK]
	(
		[xh] [dbo].[ut_xh12] NOT NULL IDENTITY(1, 1),--序号
		[syxh] [dbo].[ut_syxh] NOT NULL,--首页序号
		[jsxh] [dbo].[ut_xh12] NOT NULL,--结算序号
		[fyrq] [dbo].[ut_rq8] NOT NULL,--预算日期
		[yjlj] [dbo].[ut_money] NULL,--押金累计
		[zje] [dbo].[ut_money] NULL,--总金额
		[zfyje] [dbo].[ut_money] NULL,--自费金额
		[ybje] [dbo].[ut_money] NULL--医保金额
	) ON [PRIMARY]
END
GO
"""


def test_rows_keyed_by_a_case_front_page_serial_are_a_patients(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"YY_YBMRJYK.sql": DDL}, short=True)
    table = found["YY_YBMRJYK"]
    assert table.subject.kind == "person_linked"
    assert table.subject.role == "patient"
    fields = {f.field.name: f for f in table.findings}
    for column in ("fyrq", "yjlj", "zje", "zfyje", "ybje"):
        assert fields[column].personal, column
