"""The events of a team-messaging API (an AsyncAPI document of chat messages): who wrote a
message, the channel it went to, when it was sent or edited and its attachments' parts are the
communication itself (GB/T 35273-2020 Annex B: 通信内容, sensitive)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

CHAT = """
asyncapi: 2.0.0
info: {title: Team chat events, version: 1.0.0}
channels:
  events:
    subscribe:
      message:
        $ref: '#/components/messages/message'
components:
  schemas:
    attachment:
      type: object
      properties:
        pretext: {type: string}
        author_name: {type: string}
        text: {type: string}
        image_url: {type: string, format: uri}
        footer: {type: string}
  messages:
    message:
      summary: A message was sent to a channel.
      payload:
        type: object
        properties:
          user: {type: string}
          channel: {type: string}
          text: {type: string}
          ts: {type: string}
          attachments:
            type: array
            items:
              $ref: '#/components/schemas/attachment'
          edited:
            type: object
            properties:
              user: {type: string}
              ts: {type: string}
"""


def test_chat_message_event_parts_are_the_communication(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"chat-asyncapi.yml": CHAT})
    message = results["message"]
    for column in ("user", "channel", "text", "ts"):
        assert _finding(message, column).sensitive, column
    by_pointer = {f.field.pointer: f for f in message.findings}
    for pointer in (
        "message.attachments[].pretext",
        "message.attachments[].image_url",
        "message.attachments[].footer",
        "message.edited.ts",
    ):
        assert by_pointer[pointer].sensitive, pointer
