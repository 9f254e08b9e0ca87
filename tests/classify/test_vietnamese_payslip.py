"""A Vietnamese payslip (`luong`, lương: pay) keyed by the employee: the salary level, bonus,
penalty deducted from pay and total taken home (mucluong, thuong, phat, tongnhan) are the
employee's income, sensitive (GB/T 35273-2020 Annex B), while a brand (thuong_hieu) and an
amount incurred (phat_sinh) of a room's bill are not pay."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

PAYROLL = """\
CREATE TABLE nhanvien (
    id INT NOT NULL,
    hoten NVARCHAR(50) NOT NULL,
    ngaysinh DATE NOT NULL,
    chucvu NVARCHAR(50) NOT NULL,
    mucluong INT NOT NULL,
    PRIMARY KEY (id)
);
CREATE TABLE luong (
    id INT IDENTITY(1,1) NOT NULL,
    thang NVARCHAR(50) NOT NULL,
    idnv INT NOT NULL,
    hoten NVARCHAR(50) NOT NULL,
    mucluong INT NOT NULL,
    thuong INT,
    phat INT,
    tongnhan INT,
    FOREIGN KEY (idnv) REFERENCES nhanvien (id),
    PRIMARY KEY (id)
);
"""

SHOP = """\
CREATE TABLE san_pham (
    id INT NOT NULL,
    ten_san_pham NVARCHAR(100),
    thuong_hieu NVARCHAR(100),
    phat_sinh INT,
    PRIMARY KEY (id)
);
"""


def test_payslip_amounts_are_the_employees_income(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"luong.sql": PAYROLL, "shop.sql": SHOP}, short=True)
    pay = results["luong"]
    for column in ("mucluong", "thuong", "phat", "tongnhan"):
        found = _finding(pay, column)
        assert found.element == "pi.education_work.salary", column
        assert found.sensitive, column
    assert _finding(results["nhanvien"], "mucluong").sensitive
    shop = results["san_pham"]
    for column in ("thuong_hieu", "phat_sinh"):
        assert not _finding(shop, column).sensitive, column
