"""JSON report (DESIGN §8): ``schema_version`` first-class, sorted keys, no timestamps.

The same input gives byte-identical output: records are ordered by ``records``, keys are sorted
here, and non-ASCII text (Chinese comments, names of categories) is written as UTF-8.
The JSON Schemas of both documents are ``dataflow/schemas/{scan,assess}.schema.json``.
"""

from __future__ import annotations

from typing import Any

from dataflow.model import AssessResult, ScanResult
from dataflow.report.jsontext import dumps as json_text
from dataflow.report.records import assess_record, scan_record


def dumps(record: Any) -> str:
    """Serialise a record deterministically (sorted keys, two-space indent, UTF-8 text)."""
    return json_text(record, allow_nan=False) + "\n"


def render_scan(result: ScanResult) -> str:
    """The ``dataflow scan`` JSON report."""
    return dumps(scan_record(result))


def render_assess(result: AssessResult) -> str:
    """The ``dataflow assess`` JSON report: the scan plus ``transfers``."""
    return dumps(assess_record(result))
