"""Kinds of sensitive record named by an English description.

A description saying what each row is ('Each record represents an individual outbound or inbound
message', 'Table capturing all recorded pageviews', 'a list of matching immunisations') names a
kind of record that is a person's sensitive information by what it records (GB/T 35273-2020
Annex B: communication records and content, web browsing records, health records): the table is
on that kind's topic, as a Chinese table comment puts it, so the person's attributes there take
the kind's sensitive category, with a reason naming the kind. A description of what such records
are made of (a message template, prescription definitions) or of something else names no such
record."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult, FieldFinding

MODELS = """
version: 2
sources:
  - name: sms
    tables:
      - name: message
        description: Each record represents an individual outbound or inbound message.
        columns:
          - name: id
          - name: account_id
          - name: body
          - name: date_sent
          - name: direction
          - name: from
            description: The phone number that initiated the message.
          - name: to
            description: The phone number that received the message.
      - name: message_template
        description: Each record represents a message template that agents may reuse.
        columns:
          - name: id
          - name: body
          - name: direction
      - name: queue
        description: Each record represents a single queue of the platform.
        columns:
          - name: id
          - name: body
          - name: direction
  - name: web
    tables:
      - name: page_event
        description: Table capturing all recorded pageviews matching tagged pages.
        columns:
          - name: visitor_id
          - name: account_id
          - name: page_id
          - name: num_minutes
          - name: timestamp
          - name: user_agent
"""


def _scan(tmp_path: Path) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {"src.yml": MODELS})


def _fields(result: DatasetResult) -> dict[str, FieldFinding]:
    return {f.field.name: f for f in result.findings}


def test_a_row_statement_naming_a_message_makes_a_communication_record(tmp_path: Path) -> None:
    message = _scan(tmp_path)["sms.message"]
    assert message.subject is not None and message.subject.about_person
    found = _fields(message)
    for column in ("body", "date_sent", "direction", "from", "to"):
        assert found[column].sensitive, column
    assert found["body"].element == "pi.communication.content"
    why = " ".join(ev.detail for ev in found["body"].evidence)
    assert "message" in why.lower()


def test_a_description_naming_page_views_makes_a_browsing_record(tmp_path: Path) -> None:
    found = _fields(_scan(tmp_path)["web.page_event"])
    for column in ("num_minutes", "timestamp", "user_agent"):
        assert found[column].sensitive, column
        assert found[column].element == "pi.online_activity.browsing_history", column
    assert found["visitor_id"].sensitive  # the viewer is part of the browsing record
    reasons = [ev.detail for ev in found["timestamp"].evidence if ev.source == "context"]
    assert any("brows" in str(r).lower() for r in reasons)


def test_a_template_or_a_queue_is_no_ones_record(tmp_path: Path) -> None:
    result = _scan(tmp_path)
    for name in ("sms.message_template", "sms.queue"):
        found = _fields(result[name])
        assert not any(f.sensitive for f in found.values()), name
        assert not found["body"].personal, name
