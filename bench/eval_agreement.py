"""How far two independent labellings of one evaluation set agree.

Usage::

    python bench/eval_agreement.py bench/eval/blind34/labels.txt bench/eval/blind34/labels.second.txt

Both files are in the format ``eval_metadata.py`` reads. The second labelling is scored against
the first exactly as the classifier is: a field either labeller marks debatable (A) is left out;
a field labelled P or S by both is a true positive, by the second only a false positive, by the
first only a miss; sensitive recall counts the first labeller's S fields that the second also
marks S. Unlisted fields are *not personal* in both files, so only fields some labeller lists
can disagree. Printed per project and overall, with the same three figures as
``eval_metadata.py`` (precision / PI recall / sensitive-PI recall) and, the other way round, the
first labelling scored against the second. Read beside the classifier's figures, they say how
much of its distance to the labels is the labels' own uncertainty.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_metadata import parse_labels

Labels = dict[str, dict[str, dict[str, str]]]


def _flat(labels: Labels) -> dict[tuple[str, str, str], str]:
    return {
        (file, dataset, field): kind
        for file, datasets in labels.items()
        for dataset, fields in datasets.items()
        for field, kind in fields.items()
    }


def agreement(first: Labels, second: Labels) -> dict[str, dict[str, int]]:
    """Counts per project of the second labelling scored against the first."""
    a, b = _flat(first), _flat(second)
    counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    files = set(first) & set(second)  # a file only one labelling reached is not compared
    for key in sorted(set(a) | set(b)):
        if key[0] not in files:
            continue
        x, y = a.get(key, "N"), b.get(key, "N")
        c = counts[key[0].split("/", 1)[0]]
        if "A" in (x, y):
            c["debatable"] += 1
            continue
        truth, said = x in ("P", "S"), y in ("P", "S")
        c["tp" if truth and said else "fp" if said else "fn" if truth else "tn"] += 1
        if x == "S":
            c["s_total"] += 1
            c["s_hit"] += y == "S"
    return counts


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(counts: dict[str, dict[str, int]], title: str) -> list[str]:
    totals: dict[str, int] = defaultdict(int)
    for c in counts.values():
        for k, v in c.items():
            totals[k] += v
    head = ("project", "debat", "tp", "fp", "fn", "prec", "recall", "s-rec")
    lines = [title, f"{head[0]:28}" + "".join(f"{h:>7}" for h in head[1:])]
    for name, c in [*sorted(counts.items()), ("ALL", totals)]:
        cells = (
            c["debatable"],
            c["tp"],
            c["fp"],
            c["fn"],
            _ratio(c["tp"], c["tp"] + c["fp"]),
            _ratio(c["tp"], c["tp"] + c["fn"]),
            _ratio(c["s_hit"], c["s_total"]),
        )
        lines.append(f"{name:28}" + "".join(f"{v:>7}" for v in cells))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("first", type=Path, help="the set's labels.txt")
    parser.add_argument("second", type=Path, help="an independent labelling of the same files")
    args = parser.parse_args(argv)
    first, second = parse_labels(args.first), parse_labels(args.second)
    only = sorted(set(first) ^ set(second))
    lines = report(agreement(first, second), "second labelling scored against the first:")
    lines += ["", *report(agreement(second, first), "first labelling scored against the second:")]
    if only:
        lines += ["", f"files only one labelling lists (not compared): {len(only)}"]
        lines += [f"  {f}" for f in only]
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
