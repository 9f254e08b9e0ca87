"""Evaluate schema-only classification (metadata detection) against hand labels.

Usage::

    python bench/eval_metadata.py LABELS SCHEMA_DIR [--errors]

``LABELS`` is a text file, one dataset per line::

    file | dataset | P: pi fields… | S: sensitive pi fields… | A: ambiguous fields (not scored)

Fields are paths relative to the dataset (``basics.email``); every field of a labelled file that
is not listed is labelled *not personal*. The schemas are read with ``dataflow.readers`` and
classified with ``classify_dataset`` (no samples). Prints PI precision and recall and
sensitive-PI recall per file and overall; ``--errors`` lists the false positives and negatives.
Labels and schemas are not part of the repository (they come from public projects).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path


def _parse_labels(path: Path) -> dict[str, dict[str, dict[str, str]]]:
    """file → dataset → field path → label (P, S or A)."""
    out: dict[str, dict[str, dict[str, str]]] = defaultdict(dict)
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        file, dataset, groups = parts[0], parts[1], parts[2:]
        fields: dict[str, str] = {}
        for group in groups:
            kind, _, names = group.partition(":")
            for name in names.split():
                fields[name] = kind.strip()
        out[file][dataset] = fields
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", type=Path)
    parser.add_argument("schemas", type=Path)
    parser.add_argument("--errors", action="store_true", help="list false positives/negatives")
    args = parser.parse_args(argv)

    from dataflow import readers
    from dataflow.catalog import load_catalog
    from dataflow.classify import classify_dataset

    catalog = load_catalog()
    labels = _parse_labels(args.labels)
    totals: dict[str, int] = defaultdict(int)
    rows = []
    errors: list[str] = []
    for file in sorted(labels):
        read = readers.read_path(args.schemas / file)
        counts: dict[str, int] = defaultdict(int)
        for dataset in read.datasets:
            own = labels[file].get(dataset.name, {})
            result = classify_dataset(dataset, catalog)
            for finding in result.findings:
                pointer = finding.field.pointer
                rel = (
                    pointer[len(dataset.name) + 1 :]
                    if pointer.startswith(dataset.name + ".")
                    else pointer
                )
                truth = own.get(rel, "N")
                if truth == "A":
                    counts["ambiguous"] += 1
                    continue
                actual = truth in ("P", "S")
                predicted = finding.personal
                counts["fields"] += 1
                if actual and predicted:
                    counts["tp"] += 1
                elif predicted:
                    counts["fp"] += 1
                    errors.append(f"FP {file} {pointer} → {finding.element} {finding.confidence}")
                elif actual:
                    counts["fn"] += 1
                    errors.append(f"FN {file} {pointer} ({truth})")
                if truth == "S":
                    counts["s_total"] += 1
                    if finding.sensitive:
                        counts["s_hit"] += 1
                    else:
                        errors.append(f"FN-S {file} {pointer} → {finding.element}")
        for k, v in counts.items():
            totals[k] += v
        rows.append((file, counts))
    rows.append(("ALL", totals))

    def ratio(a: int, b: int) -> str:
        return f"{a / b:.3f}" if b else "  -  "

    print(
        f"{'file':24} {'fields':>6} {'amb':>4} {'tp':>4} {'fp':>4} {'fn':>4} {'prec':>6} {'recall':>6} {'s-rec':>6}"
    )
    for file, c in rows:
        print(
            f"{file:24} {c['fields']:6} {c['ambiguous']:4} {c['tp']:4} {c['fp']:4} {c['fn']:4} "
            f"{ratio(c['tp'], c['tp'] + c['fp']):>6} {ratio(c['tp'], c['tp'] + c['fn']):>6} "
            f"{ratio(c['s_hit'], c['s_total']):>6}"
        )
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
