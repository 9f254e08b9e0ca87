"""JSON report (DESIGN §8): ``schema_version`` first-class, sorted keys, no timestamps.

The same input gives byte-identical output: records are ordered by ``records``, keys are sorted
here, and non-ASCII text (Chinese comments, names of categories) is written as UTF-8.
The JSON Schemas of both documents are ``dataflow/schemas/{scan,assess}.schema.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dataflow.model import AssessResult, DatasetResult, ScanResult
from dataflow.report.jsontext import Fragment, fragment
from dataflow.report.jsontext import dumps as json_text
from dataflow.report.records import assess_record, dataset_record, scan_record

#: How deep a dataset's record lies in both documents (``{"datasets": [record, …]}``).
DATASET_DEPTH = 2


def dumps(record: Any) -> str:
    """Serialise a record deterministically (sorted keys, two-space indent, UTF-8 text)."""
    return json_text(record, allow_nan=False, end="\n")


def dataset_part(dataset: DatasetResult) -> Fragment:
    """A dataset's record written as ``dumps`` writes it in a report: a scan of thousands of
    datasets has its worker processes write them (``scan_paths(prepare=dataset_part)``), and the
    report only joins them."""
    return fragment(dataset_record(dataset), DATASET_DEPTH, allow_nan=False)


def render_scan(result: ScanResult) -> str:
    """The ``dataflow scan`` JSON report."""
    return dumps(scan_record(result, _records(result)))


def render_assess(result: AssessResult) -> str:
    """The ``dataflow assess`` JSON report: the scan plus ``transfers``."""
    return dumps(assess_record(result, _records(result.scan)))


def _records(result: ScanResult) -> Callable[[DatasetResult], Any]:
    """Each dataset's record: the part written during the scan for that very object when
    there is one (the same text), else its record."""
    parts = {id(d): (d, part) for d, part in result.prepared if type(part) is Fragment}
    if not parts:
        return dataset_record

    def record(dataset: DatasetResult) -> Any:
        found = parts.get(id(dataset))
        if found is not None and found[0] is dataset:
            return found[1]
        return dataset_record(dataset)

    return record
