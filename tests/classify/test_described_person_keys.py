"""A column that names no role but whose English description says it holds a person's key
('Contains the fully-qualified ID of the user who sent this event': Matrix's `sender`) files
the record under that person, as a `user_id` column would; a description of who last handled
the record does not."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

# The Matrix specification's base schema of a room event (matrix-org/matrix-spec,
# data/event-schemas/schema/core-event-schema/sync_room_event.yaml, Apache-2.0), written out
# without its `allOf` base.
ROOM_EVENT = """\
$schema: https://json-schema.org/draft/2020-12/schema
title: SyncRoomEvent
description: In addition to the Event fields, Room Events have the following additional
  fields.
type: object
properties:
  content:
    description: The body of this event, as created by the client which sent it.
    type: object
  type:
    description: The type of the event.
    type: string
  event_id:
    description: The globally unique event identifier.
    type: string
    format: mx-event-id
  sender:
    description: Contains the fully-qualified ID of the user who sent this event.
    type: string
    format: mx-user-id
  origin_server_ts:
    description: Timestamp in milliseconds on originating homeserver
      when this event was sent.
    type: integer
    format: int64
required:
- event_id
- sender
- origin_server_ts
"""


def test_a_key_described_as_a_users_makes_the_event_theirs(tmp_path: Path) -> None:
    """`sender` holds the ID of the user who sent the event: the event is that user's, its
    send time and sender are theirs."""
    results = _scan(tmp_path, {"sync_room_event.yaml": ROOM_EVENT})
    event = results["SyncRoomEvent"]
    assert event.subject.kind == "person_linked"
    assert event.subject.role == "user"
    assert [(link.column, link.via) for link in event.subject.links] == [("sender", "comment")]
    assert _finding(event, "sender").personal
    assert _finding(event, "origin_server_ts").personal


def test_a_key_described_as_whoever_handled_the_record_files_nothing(tmp_path: Path) -> None:
    """'the ID of the user who last updated this event' names who handled the record, not whom
    it is about: no link."""
    text = ROOM_EVENT.replace(
        "Contains the fully-qualified ID of the user who sent this event.",
        "Contains the ID of the user who last updated this event.",
    )
    results = _scan(tmp_path, {"sync_room_event.yaml": text})
    event = results["SyncRoomEvent"]
    assert event.subject.kind != "person_linked"
    assert not _finding(event, "origin_server_ts").personal
