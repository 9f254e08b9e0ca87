"""The parties of a message held as nested members of a Protocol Buffers message.

An end-to-end encrypted messenger's envelope (Wire's `otr.proto`) names its sender as a member of
type `ClientId` and its recipients as a list of `UserEntry` members, each with the user's id and
the clients the message is encrypted for; the body is an encrypted `blob`. Who sent a message and
to whom are the communication record itself (GB/T 35273-2020 Annex B: 通信记录), sensitive,
whatever the members inside those parties are called."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

PROTO = """syntax = "proto2";

package proteus;

message UserId {
    required bytes uuid = 1;
}

message ClientId {
    required uint64 client = 1;
}

message ClientEntry {
    required ClientId client = 1;
    required bytes    text   = 2;
}

message UserEntry {
    required UserId      user    = 1;
    repeated ClientEntry clients = 2;
}

message NewOtrMessage {
    required ClientId  sender          = 1;
    repeated UserEntry recipients      = 2;
    optional bool      native_push     = 3 [default = true];
    optional bytes     blob            = 4;
}
"""


def test_the_sender_and_recipients_of_a_message_are_its_communication_record(
    tmp_path: Path,
) -> None:
    message = scan_files(tmp_path, {"otr.proto": PROTO})["NewOtrMessage"]
    assert message.subject is not None and message.subject.kind == "person_linked"
    found = {f.field.pointer.split(".", 1)[1]: f for f in message.findings}
    for member in (
        "sender.client",
        "recipients[].user.uuid",
        "recipients[].clients[].client.client",
    ):
        assert found[member].sensitive, member
        assert found[member].element.startswith("pi.communication"), member
