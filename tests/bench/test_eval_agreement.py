"""bench/eval_agreement.py: a second labelling scored against the first as the classifier is."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SCRIPT = Path(__file__).resolve().parents[2] / "bench" / "eval_agreement.py"
_spec = importlib.util.spec_from_file_location("eval_agreement", _SCRIPT)
assert _spec is not None and _spec.loader is not None
eval_agreement = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(eval_agreement)

FIRST = """\
a/p.sql | patient | P: name phone birth | S: diagnosis idcard | A: note
a/p.sql | drug |
b/u.json | User | P: email "home address"
c/only_first.sql | t | P: x
"""
SECOND = """\
a/p.sql | patient | P: name birth idcard ward | S: diagnosis | A: phone
a/p.sql | drug | P: code
b/u.json | User | P: email | A: "home address"
"""


def _counts(tmp_path: Path, first: str, second: str) -> dict[str, dict[str, int]]:
    (tmp_path / "1.txt").write_text(first, encoding="utf-8")
    (tmp_path / "2.txt").write_text(second, encoding="utf-8")
    return eval_agreement.agreement(
        eval_agreement.parse_labels(tmp_path / "1.txt"),
        eval_agreement.parse_labels(tmp_path / "2.txt"),
    )


def test_the_second_labelling_is_scored_like_the_classifier(tmp_path: Path) -> None:
    counts = _counts(tmp_path, FIRST, SECOND)
    a, b = counts["a"], counts["b"]
    # a: name, birth, diagnosis, idcard agree as PI; ward and drug.code only the second says;
    # phone and note are debatable for one of them; idcard is S only for the first
    assert (a["tp"], a["fp"], a["fn"], a["debatable"]) == (4, 2, 0, 2)
    assert (a["s_total"], a["s_hit"]) == (2, 1)
    assert (b["tp"], b["fp"], b["fn"], b["debatable"]) == (1, 0, 0, 1)
    assert "c" not in counts  # a file only one labelling reached is not compared
    back = _counts(tmp_path, SECOND, FIRST)["a"]
    assert (back["tp"], back["fp"], back["fn"]) == (4, 0, 2)


def test_the_report_prints_the_classifiers_three_figures(tmp_path: Path) -> None:
    lines = eval_agreement.report(_counts(tmp_path, FIRST, SECOND), "title")
    assert lines[0] == "title"
    assert lines[-1].split() == ["ALL", "3", "5", "2", "0", "0.714", "1.000", "0.500"]
