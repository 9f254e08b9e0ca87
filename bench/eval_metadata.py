"""Evaluate schema-only classification against hand labels of public schemas.

Usage::

    python bench/eval_rebuild.py bench/eval/tuning /tmp/eval-tuning      # fetch the files once
    python bench/eval_metadata.py bench/eval/tuning /tmp/eval-tuning [--errors] [--listed-only]

An evaluation set is a folder with ``sources.tsv`` (pinned files, see ``eval_rebuild.py``) and
``labels.txt``, one dataset per line::

    local-file | dataset | P: pi fields… | S: sensitive pi fields… | A: debatable fields (not scored)

Fields are paths relative to the dataset (``basics.email``, ``work[].name``), separated by spaces;
a path that holds a space is written in double quotes (``"actions taken"``); every field of a
labelled file that is not listed is labelled *not personal*. Labels follow PIPL Art. 4 (information
relating to an identified or identifiable person) with GB/T 35273-2020 Annex A/B as the catalog
and the sensitive-PI standard in force; debatable fields are marked ``A`` and left out.

Each project (the first folder of the local paths) is scanned as a whole, schema only, with
``dataflow.scan.scan_paths`` — as ``dataflow scan --no-content`` would — so links between its
files count. A labelled P/S field that the readers never report counts as a miss. Prints PI
precision, PI recall, sensitive-PI recall and sensitive-PI precision (of the scored fields called
sensitive, the share labelled sensitive) per project and overall; ``--errors`` lists every
false positive and negative: ``FP`` (called PI, labelled not personal), ``FN`` (labelled PI, not
called PI), ``FN-S`` (labelled sensitive, not called sensitive), ``FP-S`` (called sensitive,
labelled P or not personal; with the rules behind the verdict and the dataset's subject, so the
causes can be grouped) and ``UNREAD`` (a labelled field no reader reports).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dataflow.model import DatasetResult, FieldFinding

_FIELD = re.compile(r'"([^"]+)"|(\S+)')


def parse_labels(path: Path) -> dict[str, dict[str, dict[str, str]]]:
    """file → dataset → field path → label (P, S or A)."""
    out: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        file, dataset, groups = parts[0], parts[1], parts[2:]
        if len(dataset) > 1 and dataset[0] == dataset[-1] == '"':  # a name with a space
            dataset = dataset[1:-1]
        fields: dict[str, str] = {}
        for group in groups:
            kind, _, names = group.partition(":")
            for quoted, bare in _FIELD.findall(names):
                fields[quoted or bare] = kind.strip()
        out[file][dataset] = fields
    return out


def _relative(pointer: str, dataset: str) -> str:
    return pointer[len(dataset) + 1 :] if pointer.startswith(dataset + ".") else pointer


def _rules(finding: FieldFinding) -> str:
    """The evidence rules behind a verdict, comma-separated (``-`` when there are none)."""
    return ",".join(dict.fromkeys(e.rule for e in finding.evidence)) or "-"


def _subject(dataset_result: DatasetResult) -> str:
    """``kind`` or ``kind/role`` of the dataset's subject (``-`` when it has none)."""
    subject = dataset_result.subject
    if subject is None:
        return "-"
    return f"{subject.kind}/{subject.role}" if subject.role else subject.kind


def evaluate(
    labels: dict[str, dict[str, dict[str, str]]], data_dir: Path, listed_only: bool = False
) -> tuple[dict[str, dict[str, int]], list[str]]:
    """Counts per project and the list of errors. ``listed_only``: a dataset of a labelled file
    that its labels do not list (one a newer reader finds in the file) is counted in
    ``unlisted`` and not scored, instead of all its fields counting as not personal."""
    from dataflow.scan import ScanOptions, scan_paths

    per_project: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors: list[str] = []
    projects = sorted({file.split("/", 1)[0] for file in labels})
    for project in projects:
        counts = per_project[project]
        result = scan_paths([data_dir / project], ScanOptions(content=False))
        seen: set[tuple[str, str, str]] = set()
        for dataset_result in result.datasets:
            dataset = dataset_result.dataset
            file = Path(dataset.source_path).resolve().relative_to(data_dir.resolve()).as_posix()
            if file not in labels:
                continue
            if listed_only and dataset.name not in labels[file]:
                counts["unlisted"] += len(dataset_result.findings)
                continue
            own = labels[file].get(dataset.name, {})
            for finding in dataset_result.findings:
                rel = _relative(finding.field.pointer, dataset.name)
                seen.add((file, dataset.name, rel))
                truth = own.get(rel, "N")
                if truth == "A":
                    counts["debatable"] += 1
                    continue
                actual = truth in ("P", "S")
                counts["fields"] += 1
                where = f"{file} {finding.field.pointer}"
                if actual and finding.personal:
                    counts["tp"] += 1
                elif finding.personal:
                    counts["fp"] += 1
                    errors.append(f"FP {where} -> {finding.element} {finding.confidence:.2f}")
                elif actual:
                    counts["fn"] += 1
                    errors.append(f"FN {where} ({truth})")
                if truth == "S":
                    counts["s_total"] += 1
                    if finding.sensitive:
                        counts["s_hit"] += 1
                    else:
                        errors.append(f"FN-S {where} -> {finding.element}")
                if finding.personal and finding.sensitive:
                    # sensitive precision: of the labelled fields called sensitive, those
                    # labelled sensitive (a field labelled P or N counts against it)
                    counts["s_called"] += 1
                    counts["s_called_right"] += truth == "S"
                    if truth != "S":
                        errors.append(
                            f"FP-S {where} -> {finding.element} ({truth}) "
                            f"rules={_rules(finding)} subject={_subject(dataset_result)}"
                        )
        for file, datasets in labels.items():
            if file.split("/", 1)[0] != project:
                continue
            if not (data_dir / file).is_file():  # not rebuilt (eval_rebuild said why): unscored
                counts["missing"] += 1
                errors.append(f"MISSING {file} (not in {data_dir}; its labels are not scored)")
                continue
            for name, fields in datasets.items():
                for rel, truth in fields.items():
                    if truth in ("P", "S") and (file, name, rel) not in seen:
                        counts["fields"] += 1
                        counts["fn"] += 1
                        counts["unread"] += 1
                        errors.append(f"UNREAD {file} {name}.{rel} ({truth})")
                        if truth == "S":
                            counts["s_total"] += 1
    return per_project, errors


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set_dir", type=Path, help="folder with sources.tsv and labels.txt")
    parser.add_argument("data_dir", type=Path, help="where eval_rebuild.py put the files")
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives")
    parser.add_argument(
        "--labels",
        type=Path,
        help="another labels file of the set (e.g. labels.second.txt, an independent labelling)",
    )
    parser.add_argument(
        "--listed-only",
        action="store_true",
        help="score only the datasets the labels list; fields of other datasets of a labelled "
        "file (read by a reader newer than the labels) are counted as 'unlisted'",
    )
    parser.add_argument(
        "--weights",
        type=Path,
        help="the learned scorer's weights from this file instead of the shipped one (a fold's "
        "model in bench/train_field_scorer.py's cross-validation)",
    )
    args = parser.parse_args(argv)
    if args.weights is not None:
        from dataflow.detect import learned

        weights = args.weights.resolve()
        learned.weights_path = lambda: weights

    labels = parse_labels(args.labels or args.set_dir / "labels.txt")
    per_project, errors = evaluate(labels, args.data_dir, args.listed_only)
    totals: dict[str, int] = defaultdict(int)
    for counts in per_project.values():
        for key, value in counts.items():
            totals[key] += value
    # new columns go at the end: scripts read the first ten by position
    head = (
        "project",
        "fields",
        "debat",
        "tp",
        "fp",
        "fn",
        "unread",
        "prec",
        "recall",
        "s-rec",
        "s-prec",
    )
    print(f"{head[0]:28}" + "".join(f"{h:>7}" for h in head[1:]))
    for name, c in [*sorted(per_project.items()), ("ALL", totals)]:
        cells = (
            c["fields"],
            c["debatable"],
            c["tp"],
            c["fp"],
            c["fn"],
            c["unread"],
            _ratio(c["tp"], c["tp"] + c["fp"]),
            _ratio(c["tp"], c["tp"] + c["fn"]),
            _ratio(c["s_hit"], c["s_total"]),
            _ratio(c["s_called_right"], c["s_called"]),
        )
        print(f"{name:28}" + "".join(f"{v:>7}" for v in cells))
    print(f"sensitive fields: {totals['s_total']}, PI fields: {totals['tp'] + totals['fn']}")
    print(
        f"called sensitive: {totals['s_called']}, of them labelled sensitive: "
        f"{totals['s_called_right']}"
    )
    if totals["missing"]:
        print(f"labelled files missing from the data folder (not scored): {totals['missing']}")
    if args.listed_only:
        print(f"fields of datasets the labels do not list (not scored): {totals['unlisted']}")
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
