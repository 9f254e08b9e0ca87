"""An example dataflow plug-in package: one output format and one reader.

Installed with the entry points of its ``pyproject.toml`` (see README, "Extending dataflow"),
it adds ``--format findings-csv`` to ``dataflow scan`` and ``dataflow assess``, and reads
Apache Thrift ``.thrift`` files as schemas. Nothing in dataflow itself changes.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator

from dataflow.model import AssessResult, Dataset, Field, ScanResult
from dataflow.readers.registry import Reader, SchemaText


def render_csv(result: ScanResult | AssessResult, lang: str, catalog: object) -> str:
    """One CSV row per personal field: dataset, pointer, element, grade, sensitive."""
    scan = result.scan if isinstance(result, AssessResult) else result
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["dataset", "pointer", "element", "grade", "sensitive"])
    for dataset in scan.datasets:
        for finding in dataset.findings:
            if finding.personal:
                writer.writerow(
                    [
                        dataset.dataset.name,
                        finding.field.pointer,
                        finding.element,
                        finding.grade.label,
                        "yes" if finding.sensitive else "no",
                    ]
                )
    return out.getvalue()


_STRUCT = re.compile(r"^\s*(?:struct|exception|union)\s+(\w+)\s*\{\s*$")
_FIELD = re.compile(
    r"^\s*\d+\s*:\s*(?:required\s+|optional\s+)?([\w.<>, ]+?)\s+(\w+)\s*(?:=\s*[^,;/]+)?"
    r"[,;]?\s*(?://\s*(.*?))?\s*$"
)
_SKIP = re.compile(r"^\s*(?://.*|#.*|namespace\b.*|include\b.*|typedef\b.*)?$")


def read_thrift(source: SchemaText) -> Iterator[Dataset]:
    """Each ``struct`` (or ``exception``, ``union``) is a dataset; each field a column, its
    ``//`` comment kept."""
    name: str | None = None
    line_of_struct = 0
    fields: list[Field] = []
    for number, line in enumerate(source.text.splitlines(), start=1):
        if name is None:
            opened = _STRUCT.match(line)
            if opened:
                name, line_of_struct, fields = opened.group(1), number, []
            elif not _SKIP.match(line):
                source.problems.add("not a struct, namespace, include or typedef line", number)
            continue
        if line.strip() == "}":
            yield Dataset(name, source.shown, "thrift", tuple(fields), line=line_of_struct)
            name = None
            continue
        found = _FIELD.match(line)
        if found:
            kind, field, comment = found.groups()
            fields.append(Field(field, f"{name}.{field}", kind, comment or None, number))
        elif not _SKIP.match(line):
            source.problems.add("cannot read this line as a field", number)
    if name is not None:
        source.problems.add(f"struct {name} is not closed", line_of_struct)


THRIFT = Reader("thrift", read=read_thrift, suffixes=(".thrift",))
