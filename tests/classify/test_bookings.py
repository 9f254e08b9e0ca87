"""A guest's bookings are their behaviour record; a count of guests on a listing names no one."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

HOTEL = """
CREATE TABLE [dbo].[HotelGuest] ([HotelGuestID] INT NOT NULL PRIMARY KEY,
    [FirstName] VARCHAR(50), [LastName] VARCHAR(50), [EmailAddress] VARCHAR(100));
CREATE TABLE [dbo].[Listing] ([ListingID] INT NOT NULL PRIMARY KEY, [StartDate] DATETIME,
    [EndDate] DATETIME, [Price] MONEY, [CurrentNumberOfGuests] INT, [MaxGuestCount] INT);
CREATE TABLE [dbo].[Booking] ([BookingID] INT NOT NULL PRIMARY KEY, [StaffID] INT NOT NULL,
    [GuestID] INT NOT NULL, [Quantity] INT NOT NULL, [DateBooked] DATETIME NOT NULL,
    [TicketPrice] DECIMAL(8,2) NOT NULL, [ExtendedPrice] DECIMAL(12,2) NOT NULL,
    CONSTRAINT [fk_guest] FOREIGN KEY ([GuestID]) REFERENCES [dbo].[HotelGuest] (HotelGuestID));
"""


def test_a_guests_booking_is_their_behaviour_record(tmp_path: Path) -> None:
    """What a guest booked, how many, when and at what price is their record (as an order's lines
    are), on a table named a booking."""
    booking = _scan(tmp_path, {"hotel.sql": HOTEL})["dbo.Booking"]
    assert booking.subject.kind == "person_linked"
    for column in ("Quantity", "DateBooked", "TicketPrice", "ExtendedPrice"):
        assert _finding(booking, column).personal, column


def test_a_count_of_guests_is_not_a_link_to_a_guest(tmp_path: Path) -> None:
    """`CurrentNumberOfGuests` and `MaxGuestCount` count people: the listing is not about a
    guest, and its dates are not anyone's."""
    listing = _scan(tmp_path, {"hotel.sql": HOTEL})["dbo.Listing"]
    assert listing.subject.kind != "person_linked"
    assert not _finding(listing, "StartDate").personal
    assert not _finding(listing, "EndDate").personal


ESTATE = """
CREATE TABLE owner (id bigint PRIMARY KEY, name varchar(20) COMMENT '业主姓名',
  phone varchar(20) COMMENT '手机号');
CREATE TABLE car (id bigint PRIMARY KEY, number varchar(20) COMMENT '车牌号',
  color varchar(20) COMMENT '车颜色', band varchar(20) COMMENT '车品牌',
  owner_id bigint COMMENT '业主id');
CREATE TABLE repair (id bigint PRIMARY KEY COMMENT '报修id', people varchar(20) COMMENT '报修人',
  content varchar(255) COMMENT '报修内容', owner_id bigint COMMENT '业主id') COMMENT='业主报修';
CREATE TABLE auto_repair (id bigint PRIMARY KEY, plate varchar(20), customer_id bigint,
  part_price decimal(10,2), shelf_id bigint);
"""


def test_an_owners_car_and_repair_requests_are_theirs(tmp_path: Path) -> None:
    """A car keyed by its owner: its colour (车颜色) and brand (车品牌) describe the owner's
    vehicle; a repair an owner reports (报修) is their request, what they asked for included. A
    garage's repair order keyed by its customer is a record of that customer: the price of its
    parts is what they pay (other information about them), its shelf key stays a key."""
    results = _scan(tmp_path, {"estate.sql": ESTATE})
    car, repair = results["car"], results["repair"]
    for column in ("color", "band"):
        assert _finding(car, column).element == "pi.vehicle.details", column
    assert _finding(repair, "content").personal
    order = results["auto_repair"]
    assert _finding(order, "part_price").element == "pi.other.person_attribute"
    assert not _finding(order, "shelf_id").personal


MALL = """
CREATE TABLE user (id bigint PRIMARY KEY, username varchar(50), mobile varchar(20));
CREATE TABLE orders (id varchar(64) PRIMARY KEY, userid bigint COMMENT '用户id',
  payment decimal(20,2) COMMENT '实际付款金额', create_time timestamp COMMENT '创建时间',
  update_time timestamp COMMENT '更新时间');
CREATE TABLE orderitem (id varchar(64) PRIMARY KEY, orderid varchar(64), userid bigint,
  quantity int, create_time timestamp COMMENT '创建时间');
"""


def test_an_orders_creation_time_is_when_the_person_ordered(tmp_path: Path) -> None:
    """On a person's order (a table named the record itself), the row's creation time is the
    order time; its update time, and the creation time of the order's lines, stay bookkeeping."""
    results = _scan(tmp_path, {"mall.sql": MALL})
    orders, item = results["orders"], results["orderitem"]
    assert _finding(orders, "create_time").personal
    assert not _finding(orders, "update_time").personal
    assert not _finding(item, "create_time").personal


def test_a_hotel_guests_room_is_their_lodging(tmp_path: Path) -> None:
    """The room of a hotel guest is where they stay (住宿信息, sensitive); the room number of a
    property owner stays where the owner lives."""
    sql = """
    CREATE TABLE [dbo].[HotelGuest] ([HotelGuestID] INT NOT NULL PRIMARY KEY,
        [FirstName] VARCHAR(50), [LastName] VARCHAR(50), [Room] VARCHAR(5));
    CREATE TABLE owner (id bigint PRIMARY KEY, name varchar(20) COMMENT '业主姓名',
        phone varchar(20) COMMENT '手机号', room_no varchar(10) COMMENT '房间号');
    """
    results = _scan(tmp_path, {"hotel.sql": sql})
    room = _finding(results["dbo.HotelGuest"], "Room")
    assert room.element == "pi.location.accommodation"
    assert room.sensitive
    assert _finding(results["owner"], "room_no").element != "pi.location.accommodation"
