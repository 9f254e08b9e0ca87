"""A clinical data mart's own metadata (PCORnet's `harvest` table) says how the warehouse
handles and refreshes each table: `admit_date_mgmt` (how admission dates are obscured),
`refresh_encounter_date` (when the encounter table was last loaded). The health words in those
names name other tables' content, not anyone's health: the table is no one's record. A patient's
own admission date stays health information."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

MART = """
CREATE TABLE demographic (patid varchar(50) NOT NULL, birth_date date, sex varchar(2));
CREATE TABLE encounter (encounterid varchar(50) NOT NULL, patid varchar(50) NOT NULL,
  admit_date date, discharge_date date, discharge_disposition varchar(2));
CREATE TABLE harvest (networkid varchar(10), network_name varchar(20),
  datamartid varchar(10), admit_date_mgmt varchar(2), discharge_date_mgmt varchar(2),
  rx_order_date_mgmt varchar(2), specimen_date_mgmt varchar(2), lab_order_date_mgmt varchar(2),
  refresh_encounter_date date, refresh_diagnosis_date date, refresh_death_date date);
"""


def test_a_data_marts_management_columns_are_no_ones_health(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"mart.sql": MART})
    harvest = found["harvest"]
    assert harvest.subject is None or harvest.subject.kind != "person_linked"
    personal = {f.field.name for f in harvest.findings if f.personal}
    assert not personal, personal
    encounter = {f.field.name: f for f in found["encounter"].findings}
    assert encounter["admit_date"].sensitive
