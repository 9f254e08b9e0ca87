"""A table of a person's violations (`traffic_violations` keyed by the resident and the car) is a
record of their offences (GB/T 35273-2020 Annex B: 违法犯罪记录, sensitive): its date, place,
fine and payment are that record, as on a table of penalties or offences."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

#: From a housing compound's schema with Arabic comments (MySQL).
SCHEMA = """
CREATE TABLE residents (
    id INT AUTO_INCREMENT PRIMARY KEY,
    full_name VARCHAR(200) NOT NULL COMMENT 'الاسم الكامل',
    phone VARCHAR(20) COMMENT 'رقم الهاتف'
);
CREATE TABLE traffic_violations (
    id INT AUTO_INCREMENT PRIMARY KEY,
    violation_number VARCHAR(50) NOT NULL UNIQUE COMMENT 'رقم المخالفة',
    resident_id INT COMMENT 'معرف الساكن',
    violation_date DATE NOT NULL COMMENT 'تاريخ المخالفة',
    location VARCHAR(200) NOT NULL COMMENT 'موقع المخالفة',
    fine_amount DECIMAL(10,2) COMMENT 'قيمة الغرامة',
    payment_date DATE COMMENT 'تاريخ الدفع',
    notes TEXT COMMENT 'ملاحظات',
    FOREIGN KEY (resident_id) REFERENCES residents(id) ON DELETE SET NULL
);
"""


def test_a_residents_violations_are_their_offence_record(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"schema.sql": SCHEMA})["traffic_violations"].findings
    by_name = {f.field.name: f for f in found}
    for column in ("violation_date", "location", "fine_amount", "payment_date"):
        assert by_name[column].sensitive, column
        assert by_name[column].element == "pi.other.criminal_record", column
