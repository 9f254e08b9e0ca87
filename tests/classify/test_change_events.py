"""Change-data-capture events: a Debezium envelope's `before` and `after` images hold the
person's row (their name, e-mail, birth date), while the members around them (the operation,
the capture time, the connector's `source` block with its database, binlog file and position)
describe the captured change, not the person, with the learned scorer on or off. A document
with a `data` member and no other image is no change event."""

from __future__ import annotations

from pathlib import Path

import pytest
from builders import scan_files

ENVELOPE = """
{"type":"record","name":"Envelope","namespace":"dbserver1.inventory.customers","fields":[
 {"name":"before","type":["null",{"type":"record","name":"Value","fields":[
   {"name":"id","type":"int"},{"name":"first_name","type":"string"},{"name":"last_name","type":"string"},{"name":"email","type":"string"},{"name":"birth_date","type":["null","string"]},{"name":"gender","type":["null","string"]},{"name":"line1","type":["null","string"]}]}],"default":null},
 {"name":"after","type":["null","Value"],"default":null},
 {"name":"source","type":{"type":"record","name":"Source","namespace":"io.debezium.connector.mysql","fields":[
   {"name":"version","type":"string"},{"name":"connector","type":"string"},{"name":"name","type":"string"},{"name":"ts_ms","type":"long"},{"name":"db","type":"string"},{"name":"table","type":["null","string"]},{"name":"server_id","type":"long"},{"name":"file","type":"string"},{"name":"pos","type":"long"},{"name":"row","type":"int"},{"name":"thread","type":["null","long"]}]}},
 {"name":"op","type":"string"},{"name":"ts_ms","type":["null","long"]}]}
"""

MAXWELL = """{"$schema": "http://json-schema.org/draft-07/schema#", "title": "MemberChange",
 "type": "object", "properties": {
  "database": {"type": "string"}, "table": {"type": "string"}, "type": {"type": "string"},
  "ts": {"type": "integer"}, "xid": {"type": "integer"},
  "data": {"type": "object", "properties": {"member_id": {"type": "integer"},
    "full_name": {"type": "string"}, "mobile": {"type": "string"}}},
  "old": {"type": "object", "properties": {"full_name": {"type": "string"},
    "mobile": {"type": "string"}}}}}
"""


def _verdicts(result: object) -> dict[str, bool]:
    name = result.dataset.name  # type: ignore[attr-defined]
    return {
        f.field.pointer[len(name) + 1 :]: f.personal
        for f in result.findings  # type: ignore[attr-defined]
    }


@pytest.mark.parametrize("scorer", ["on", "off"])
def test_debezium_envelope(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scorer: str) -> None:
    monkeypatch.setenv("DATAFLOW_LEARNED_SCORER", scorer)
    (result,) = scan_files(tmp_path, {"customers.avsc": ENVELOPE}).values()
    seen = _verdicts(result)
    for image in ("before", "after"):
        for column in ("first_name", "last_name", "email", "birth_date"):
            assert seen[f"{image}.{column}"], (image, column)
    for member in ("op", "ts_ms", "source.connector", "source.db", "source.name", "source.pos"):
        assert not seen[member], member


def test_maxwell_event(tmp_path: Path) -> None:
    (result,) = scan_files(tmp_path, {"member_change.json": MAXWELL}).values()
    seen = _verdicts(result)
    assert seen["data.full_name"] and seen["old.mobile"]
    for member in ("database", "table", "type", "ts"):
        assert not seen.get(member, False), member
