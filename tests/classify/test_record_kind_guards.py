"""What stays out of a kind of sensitive record.

On a person's browsing record (GB/T 35273-2020 Annex B: 网页浏览记录) every column counts, but a
column naming the part of the service that logged the row (the application, the server:
`app_id`, `server_name`) or a warehouse's load column (`_fivetran_id`) says where the row was
logged or loaded, not what the person viewed. And `service` alone is no clinical record: a
messaging service's key on a message is not a patient's care."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import FieldFinding

MODELS = """
version: 2
sources:
  - name: web
    tables:
      - name: page_event
        description: Table capturing all recorded pageviews matching tagged pages.
        columns:
          - name: visitor_id
          - name: app_id
          - name: server_name
          - name: page_id
          - name: num_minutes
          - name: timestamp
          - name: user_agent
          - name: _fivetran_id
  - name: sms
    tables:
      - name: message
        description: Each record represents an individual outbound or inbound message.
        columns:
          - name: id
          - name: account_id
          - name: body
          - name: date_sent
          - name: messaging_service_sid
          - name: from
          - name: to
"""


def _fields(tmp_path: Path, name: str) -> dict[str, FieldFinding]:
    result = scan_files(tmp_path, {"src.yml": MODELS})[name]
    return {f.field.name: f for f in result.findings}


def test_the_services_own_columns_are_not_the_persons_browsing(tmp_path: Path) -> None:
    found = _fields(tmp_path, "web.page_event")
    for column in ("num_minutes", "timestamp", "user_agent"):
        assert found[column].element == "pi.online_activity.browsing_history", column
    for column in ("app_id", "server_name", "_fivetran_id"):
        assert found[column].element != "pi.online_activity.browsing_history", column
        assert not found[column].sensitive, column


def test_a_messaging_service_is_no_clinical_record(tmp_path: Path) -> None:
    found = _fields(tmp_path, "sms.message")
    assert found["body"].sensitive
    assert not (found["messaging_service_sid"].element or "").startswith("pi.health.")
