"""A room let to a renter by a lease (a rental slip naming the renter and the room): the bills and
arrears filed under the room are the renter's household bills, personal information (GB/T
35273 Annex A), while the landlord's table of rooms stays a list of things. Without a lease (a
hotel's booking), the bills of a room are nobody's."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

# A Vietnamese boarding-house manager (camelCase, no diacritics).
RENTAL = """\
CREATE TABLE nguoiThue (
    id int AUTO_INCREMENT PRIMARY KEY,
    hoten varchar(255),
    ngaysinh date,
    cccd varchar(255),
    sdt varchar(255)
);
CREATE TABLE {lease} (
    id int AUTO_INCREMENT PRIMARY KEY,
    nguoithue_id int,
    ngaybatdau date,
    ngayketthuc date,
    phong_id int
);
CREATE TABLE phong (
    id int AUTO_INCREMENT PRIMARY KEY,
    sophong int,
    loaiphong varchar(255),
    tinhtrang varchar(255)
);
CREATE TABLE hoaDon (
    id int AUTO_INCREMENT PRIMARY KEY,
    phong_id int,
    tiendien bigint,
    tiennuoc bigint,
    tongtien bigint,
    ngaylaphoadon date
);
ALTER TABLE {lease} ADD FOREIGN KEY (nguoithue_id) REFERENCES nguoiThue(id);
ALTER TABLE hoaDon ADD FOREIGN KEY (phong_id) REFERENCES phong(id);
"""


def test_bills_of_a_leased_room_are_the_renters(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"rental.sql": RENTAL.format(lease="phieuThue")}, short=True)
    bills = results["hoaDon"]
    assert bills.subject.kind == "person_linked"
    for column in ("tiendien", "tiennuoc", "tongtien"):
        assert _finding(bills, column).personal, column
    assert results["nguoiThue"].subject.about_person
    rooms = results["phong"]
    assert not rooms.subject.about_person
    assert not _finding(rooms, "sophong").personal


def test_bills_of_a_booked_room_stay_nobodys(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"hotel.sql": RENTAL.format(lease="booking")}, short=True)
    bills = results["hoaDon"]
    assert not bills.subject.about_person
    assert not _finding(bills, "tiendien").personal


# A hospital: the room a patient lies in is a ward, not the patient's home.
HOSPITAL = """\
CREATE TABLE BenhNhan (
    MaBenhNhan char(10) NOT NULL PRIMARY KEY,
    HoTen nvarchar(50),
    NgaySinh date,
    MaPhong char(5)
);
CREATE TABLE Phong (
    MaPhong char(5) NOT NULL PRIMARY KEY,
    TenPhong nvarchar(30),
    SoGiuong int,
    TinhTrang nvarchar(50)
);
ALTER TABLE BenhNhan ADD FOREIGN KEY (MaPhong) REFERENCES Phong(MaPhong);
"""


def test_a_patients_room_is_a_ward_not_a_home(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"hospital.sql": HOSPITAL}, short=True)
    assert results["BenhNhan"].subject.about_person
    rooms = results["Phong"]
    assert not rooms.subject.about_person
    for column in ("TenPhong", "SoGiuong", "TinhTrang"):
        assert not _finding(rooms, column).personal, column
