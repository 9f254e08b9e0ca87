"""The bodies of an API whose own links name a person's resource (`/individuals/…/{nino}`,
an example path under `/individuals/`) are that person's: a life-insurance gain, the years a
policy was held and its events are attributes of the taxpayer, found as personal information
although no field names anyone (trimmed from hmrc/individuals-income-received-api)."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DATA = Path(__file__).resolve().parent.parent / "data" / "readers" / "hmrc_links"


def test_a_body_under_a_person_resource_is_the_persons_record() -> None:
    result = scan_paths([DATA / "insurance_definitions.json"], ScanOptions(content=False))
    life = next(d for d in result.datasets if d.dataset.name == "lifeInsurance")
    assert life.subject is not None and life.subject.kind == "person_linked"
    personal = {f.field.name for f in life.findings if f.personal}
    assert {"gainAmount", "yearsHeld", "event"} <= personal
