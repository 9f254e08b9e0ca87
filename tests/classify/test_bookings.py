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
