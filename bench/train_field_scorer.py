"""Train the learned field scorer (``dataflow/detect/learned.py``) on the labelled evaluation sets.

Usage::

    python bench/train_field_scorer.py retrain DATA_ROOT [--jobs 2]            # all of it, once
    python bench/train_field_scorer.py table EVAL_ROOT DATA_ROOT OUT.jsonl     # the training table
    python bench/train_field_scorer.py cv OUT.jsonl [--folds K] [--dump S.npz] # grouped CV by set
    python bench/train_field_scorer.py grid OUT.jsonl S.npz                    # its table again
    python bench/train_field_scorer.py train OUT.jsonl catalogs/data/field_scorer.tsv [--choose K]
    python bench/train_field_scorer.py holdout OUT.jsonl --test SET... [--choose K]
    python bench/train_field_scorer.py folds OUT.jsonl DIR --last 10 --given-from W.tsv

``retrain`` is the one command a retraining needs (after the rules change): it builds the table
of every set before ``FIRST_HELD_OUT`` from ``bench/eval`` and ``DATA_ROOT/SET``, runs the grouped
CV (``RETRAIN_FOLDS`` groups: the ``RETRAIN_LAST`` newest sets in labelling rounds of ``RECENT``,
each its own group, the older ones in runs of neighbours; thresholds chosen on the newest rounds), chooses the thresholds on it under the shipped guards (``POLICY``), trains on every
set and writes ``catalogs/data/field_scorer.tsv`` and ``bench/field_scorer_cv.txt``. ``folds``
writes one weights file per CV group, trained without it, for measuring the whole pipeline set
by set (``eval_metadata.py --weights``).

``table`` scans every labelled set under ``EVAL_ROOT`` (``bench/eval``) except the held-out ones
(``blindN`` with N ≥ ``FIRST_HELD_OUT``, 83: the newest sets), schema only and project by project as
``bench/eval_metadata.py`` does, with the data rebuilt under ``DATA_ROOT/SET``, and writes one
JSON line per field the readers report: the set, the model's features
(``learned.field_features``), the label (N, P, S, or A for a debatable field: never scored, and
trained on only with ``--debatable W`` as a not-personal example of weight W) and the rules'
verdict (personal, sensitive, confidence, whether values decided, the sensitive and non-sensitive
elements the rules' evidence named).

The model does not read the rules' verdicts: they were tuned on these very sets, so on them they
look far more reliable than on unseen schemas, and a model that learned to trust them would carry
that over-fit along. The rules' verdicts only enter the combination step (when the model may
overrule them), whose thresholds are chosen by leave-one-set-out CV; since CV still rates the
rules too well, the chosen thresholds lean towards the rules — a conservative bias.

``cv`` (leave one set out, ``--folds K`` groups of sets, with ``--last N`` the N newest as one
group and the older in runs of neighbours) prints, over the out-of-fold scores,
the rules alone, the model alone (PI and sensitive at several
thresholds) and the combination with the rules at several thresholds, then, at the chosen ones,
the threshold ``add_unnamed`` above which a field on a person's row that nothing names an element
for is added as ``learned.FALLBACK_ELEMENT``. Each line also counts the debatable fields called
personal. Last, the threshold ``sensitive_word`` above which a personal field the rules' evidence
named no sensitive element for becomes the sensitive element its words name (the element
table's sensitive column). ``--drop KIND...`` leaves feature kinds out (an ablation without rebuilding the table).
At the chosen thresholds (and at ``--given`` ones) it then prints each group of sets, rules
alone and with the scorer, and every combination of the guards of subject rules' verdicts
(``GUARDS``) with the scorer's changes counted: fields added, taken out, raised to sensitive, and
how many of each the labels bear out. ``--policy``, ``--l2`` and ``--min-sets`` try variants.
``train`` fits on every set of the table and writes the weights file with its provenance and the
chosen thresholds (given, or with ``--choose K`` chosen by K-fold grouped CV over the table's sets).
``holdout`` is the honest measure on unseen schemas: it fits on every set but ``--test`` and
scores the test sets' fields with the rules alone and with the rules and the scorer (a table
holding later blind sets for it: ``table --first-held-out N``; ``train`` refuses one).

Model: two logistic regressions (PI vs not; sensitive vs not) over binary features, capped to the
features seen in at least ``MIN_SETS`` training sets (words of one schema do not generalise),
L2-regularised, fitted by full-batch gradient descent (Adam) with numpy. Deterministic: sorted
vocabulary, zero initial weights, fixed iteration count.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

import numpy as np

from dataflow.detect.learned import SUBJECT_GUARDS

MIN_SETS = 2
#: weight of a debatable field (label A) as a not-personal example (0: left out of training)
DEBATABLE = 0.0
L2 = 1e-4
ITERATIONS = 400
STEP = 0.05
#: the features that may name an element: the field's own words (its comment's in any script), not
#: its table's or type
ELEMENT_WORDS = ("n=", "nn=", "nl=", "nb=", "c2=", "cw=", "cj2=", "ck2=", "cxw=", "p=")
#: a word names an element only when at least this share of its truly personal training fields
#: got that element from the rules (``contact`` is a phone, an e-mail, an address...: none)
ELEMENT_SHARE = 0.5
_BLIND = re.compile(r"^blind(\d+)$")


# The newest blind sets are never trained on: they give the honest figure. blind34 to blind63
# were held out until rules were tuned on them, and blind64 to blind82 until the scorer was
# retrained after the rounds that tuned on them; since then they are training sets too.
FIRST_HELD_OUT = 83


def held_out(name: str, first: int | None = None) -> bool:
    """blind83 (``first``: from this set on) and any later blind set are never trained on."""
    m = _BLIND.match(name)
    return bool(m) and int(m.group(1)) >= (FIRST_HELD_OUT if first is None else first)


# --- the training table ---------------------------------------------------------------------


def set_records(set_dir: Path, data_dir: Path) -> list[dict[str, Any]]:
    """One record per reported, labelled (non-debatable) field of one set."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from eval_metadata import _relative, parse_labels

    from dataflow.catalog import load_catalog
    from dataflow.detect.learned import (
        _the_persons,
        field_features,
        rules_settled,
        sibling_features,
    )
    from dataflow.detect.metadata import split_name
    from dataflow.detect.metadata.traditional import simplified_dataset
    from dataflow.scan import ScanOptions, scan_paths

    labels = parse_labels(set_dir / "labels.txt")
    catalog = load_catalog()
    out: list[dict[str, Any]] = []
    projects = sorted({file.split("/", 1)[0] for file in labels})
    for project in projects:
        result = scan_paths([data_dir / project], ScanOptions(content=False, learned=False))
        for dr in result.datasets:
            dataset = dr.dataset
            file = Path(dataset.source_path).resolve().relative_to(data_dir.resolve()).as_posix()
            if file not in labels:
                continue
            own = labels[file].get(dataset.name, {})
            simple = simplified_dataset(dataset)
            about = dr.subject is not None and dr.subject.about_person
            persons = _the_persons(simple, catalog) if about else None
            fields = {f.pointer: f for f in simple.fields}
            # the neighbouring fields' last tokens: kept in the table for experiments, not used
            # as features (they did not finish a CV in time to be judged)
            siblings = sorted({"sib=" + t for f in simple.fields for t in split_name(f.name)[-1:]})
            # what the rules made of the other columns, as the scorer sees them in a scan
            verdicts = sibling_features(dr.findings)
            for finding in dr.findings:
                rel = _relative(finding.field.pointer, dataset.name)
                truth = own.get(rel, "N")
                if finding.kind != "column":
                    continue
                fld = fields.get(finding.field.pointer, finding.field)
                cands = {ev.element for ev in finding.evidence if ev.element}
                # the context (subject) rules behind the verdict: +, naming an element; -, none
                context = {
                    ev.rule + ("+" if ev.element else "-")
                    for ev in finding.evidence
                    if ev.source == "context"
                }
                as_read = dataclasses.replace(finding, field=fld)
                out.append(
                    {
                        "set": set_dir.name,
                        "project": project,
                        "label": truth,
                        "features": field_features(fld, simple, dr.subject, verdicts(finding)),
                        "personal": finding.personal,
                        "sensitive": finding.sensitive,
                        "confidence": finding.confidence,
                        "value": any(ev.source == "value" for ev in finding.evidence),
                        "element": finding.element,
                        "candidates": sorted(cands),
                        "siblings": siblings,
                        "context": sorted(context),
                        "settled": rules_settled(as_read, simple, catalog),
                        "persons": persons is not None and persons(fld),
                    }
                )
    return out


# --- the model --------------------------------------------------------------------------------


class Design:
    """Rows of feature indices over a sorted vocabulary."""

    def __init__(self, rows: Sequence[Sequence[str]], vocab: Sequence[str]) -> None:
        self.vocab = list(vocab)
        index = {f: i for i, f in enumerate(self.vocab)}
        cols: list[int] = []
        row_of: list[int] = []
        for r, feats in enumerate(rows):
            for f in feats:
                i = index.get(f)
                if i is not None:
                    cols.append(i)
                    row_of.append(r)
        self.n = len(rows)
        self.cols = np.asarray(cols, dtype=np.int64)
        self.rows = np.asarray(row_of, dtype=np.int64)

    def dot(self, w: np.ndarray) -> np.ndarray:
        return np.bincount(self.rows, weights=w[self.cols], minlength=self.n)

    def tdot(self, r: np.ndarray) -> np.ndarray:
        return np.bincount(self.cols, weights=r[self.rows], minlength=len(self.vocab))


def vocabulary(records: Sequence[dict[str, Any]], min_sets: int | None = None) -> list[str]:
    """Features seen in at least ``min_sets`` (``MIN_SETS``) sets, sorted."""
    min_sets = MIN_SETS if min_sets is None else min_sets
    sets: dict[str, set[str]] = defaultdict(set)
    for rec in records:
        for f in rec["features"]:
            sets[f].add(rec["set"])
    return sorted(f for f, s in sets.items() if len(s) >= min_sets or f == "bias")


def fit(design: Design, y: np.ndarray, weight: np.ndarray | None = None) -> np.ndarray:
    """L2 logistic regression by full-batch Adam from zero (deterministic)."""
    w = np.zeros(len(design.vocab))
    m = np.zeros_like(w)
    v = np.zeros_like(w)
    sw = weight if weight is not None else np.ones(design.n)
    total = float(sw.sum())
    b1, b2 = 0.9, 0.999
    for t in range(1, ITERATIONS + 1):
        z = design.dot(w)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        g = design.tdot((p - y) * sw) / total + L2 * w
        m = b1 * m + (1 - b1) * g
        v = b2 * v + (1 - b2) * g * g
        w -= STEP * (m / (1 - b1**t)) / (np.sqrt(v / (1 - b2**t)) + 1e-8)
    return w


def predict(design: Design, w: np.ndarray) -> np.ndarray:
    z = design.dot(w)
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def train(
    records: Sequence[dict[str, Any]], debatable: float = 0.0
) -> tuple[list[str], np.ndarray, np.ndarray]:
    """Both models. Debatable fields (label A) count as not personal with weight ``debatable``
    (0: left out), so that the model learns not to add what labellers leave open."""
    records = [r for r in records if r["label"] != "A" or debatable > 0]
    vocab = vocabulary(records)
    design = Design([r["features"] for r in records], vocab)
    y_pi = np.array([r["label"] in ("P", "S") for r in records], dtype=float)
    y_s = np.array([r["label"] == "S" for r in records], dtype=float)
    sw = np.array([debatable if r["label"] == "A" else 1.0 for r in records])
    return vocab, fit(design, y_pi, sw), fit(design, y_s, sw)


def element_table(
    records: Sequence[dict[str, Any]], sensitive_of: dict[str, bool]
) -> dict[str, tuple[str, str]]:
    """Feature → (non-sensitive element, sensitive element) the feature names (ties: by id).

    The non-sensitive element: the most frequent of the rules' elements of the truly personal
    fields that have the feature, when it is at least ``ELEMENT_SHARE`` of them. The sensitive
    element: the sensitive element the rules' evidence named (chosen or rejected) most often
    for the fields labelled sensitive that have the feature, when it was named for at least
    ``ELEMENT_SHARE`` of them (``learned.adjust_findings`` names it only above the
    ``sensitive_word`` threshold)."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    named: dict[str, Counter[str]] = defaultdict(Counter)
    sensitive_fields: Counter[str] = Counter()
    for rec in records:
        if rec["label"] not in ("P", "S"):
            continue
        words = [f for f in rec["features"] if f.startswith(ELEMENT_WORDS)]
        if rec["element"]:
            for f in words:
                counts[f][rec["element"]] += 1
        if rec["label"] == "S":
            evidence = {rec["element"], *rec.get("candidates", ())}
            sens = sorted(e for e in evidence if e and sensitive_of.get(e) is True)
            for f in words:
                sensitive_fields[f] += 1
                named[f].update(sens)
    table: dict[str, tuple[str, str]] = {}
    for f in sorted({*counts, *named}):
        best = ["", ""]
        c = counts.get(f, Counter())
        ranked = sorted(
            ((n, e) for e, n in c.items() if sensitive_of.get(e) is False),
            key=lambda x: (-x[0], x[1]),
        )
        if ranked and ranked[0][0] >= 2 and ranked[0][0] >= ELEMENT_SHARE * sum(c.values()):
            best[0] = ranked[0][1]
        ranked = sorted(
            ((n, e) for e, n in named.get(f, Counter()).items()), key=lambda x: (-x[0], x[1])
        )
        if ranked and ranked[0][0] >= 2 and ranked[0][0] >= ELEMENT_SHARE * sensitive_fields[f]:
            best[1] = ranked[0][1]
        if best[0] or best[1]:
            table[f] = (best[0], best[1])
    return table


# --- evaluation -------------------------------------------------------------------------------


def counts(
    pred_pi: Iterable[bool], pred_s: Iterable[bool], labels: Sequence[str]
) -> dict[str, int]:
    c = Counter()
    for pp, ps, lab in zip(pred_pi, pred_s, labels, strict=True):
        if lab == "A":  # debatable: not scored, only counted when called personal
            c["a_pi"] += bool(pp)
            continue
        actual = lab in ("P", "S")
        c["tp"] += actual and pp
        c["fp"] += (not actual) and pp
        c["fn"] += actual and not pp
        if lab == "S":
            c["s_total"] += 1
            c["s_hit"] += bool(ps)
        if ps:
            c["s_pred"] += 1
            c["s_pred_true"] += lab == "S"
    return dict(c)


def figures(c: dict[str, int]) -> str:
    tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    srec = c.get("s_hit", 0) / c["s_total"] if c.get("s_total") else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    sprec = c.get("s_pred_true", 0) / c["s_pred"] if c.get("s_pred") else 0.0
    return (
        f"{prec:.3f} {rec:.3f} {srec:.3f} {f1:.3f} {sprec:.3f}  (tp {tp} fp {fp} fn {fn}; "
        f"debatable called PI {c.get('a_pi', 0)})"
    )


def f1_of(c: dict[str, int]) -> float:
    tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def combine(
    rec: dict[str, Any],
    p_pi: float,
    p_s: float,
    add: float,
    remove: float,
    upgrade: float,
    has_learned_element: tuple[bool, bool],
    strong: float = 0.8,
    unnamed: float = 2.0,
    named: float = 2.0,
    policy: frozenset[str] | None = None,
) -> tuple[bool, bool]:
    """The verdict after ``learned.adjust_findings`` (the same policy, on a table row).
    ``unnamed``: the threshold above which a field on a person's row is added when nothing
    names its element (it gets ``learned.FALLBACK_ELEMENT``); ``named``: the threshold
    (``sensitive_word``) above which a personal field (by the rules, or added on a plain
    element) the rules named no sensitive element for becomes the sensitive element its
    learned words name; a word alone adds no field. ``policy``: the guards of the subject
    rules' verdicts in force (``POLICY``, the shipped ones, when None; see ``GUARDS``)."""
    personal, sensitive = rec["personal"], rec["sensitive"]
    if rec["value"] or rec.get("settled"):
        return personal, sensitive
    guards = POLICY if policy is None else policy
    context = rec.get("context", ())
    named_by_subject = any(c.startswith("subject-") and c.endswith("+") for c in context)
    out_by_subject = any(c.startswith("subject-") for c in context)
    if "hold" in guards and not personal and out_by_subject:
        return personal, sensitive
    sens_c = rec.get("cand_sensitive", False)
    plain_c = rec.get("cand_plain", False)
    by_word = not sens_c and p_s >= named and has_learned_element[1]
    if not personal and p_pi >= add:
        if p_s >= upgrade and sens_c:
            return True, True
        if plain_c or has_learned_element[0]:
            return True, by_word
        if p_pi >= unnamed and rec.get("persons", about_person(rec["features"])):
            return True, by_word
        return personal, sensitive
    if personal and p_pi <= remove and rec["confidence"] < strong:
        if "keep" in guards and named_by_subject:
            return personal, sensitive
        return False, False
    if personal and not sensitive and p_s >= upgrade and sens_c:
        return True, True
    if personal and not sensitive and by_word:
        if "plain" in guards and named_by_subject:
            return personal, sensitive
        return True, True
    return personal, sensitive


#: What the scorer may not do against a subject rule's verdict (a rule of ``dataflow.subject``,
#: whose evidence is ``subject-*``): ``keep``, take out a field a subject rule named PI; ``hold``,
#: add a field a subject rule took out; ``plain``, raise to sensitive, by its own words alone, a
#: field a subject rule named a non-sensitive element for. ``learned.adjust_findings`` applies
#: ``POLICY`` (``learned.SUBJECT_GUARDS``).
GUARDS = ("keep", "hold", "plain")
POLICY = SUBJECT_GUARDS


def about_person(feats: Sequence[str]) -> bool:
    """Whether the row is a person's (``learned.adjust_findings`` then falls back on
    ``learned.FALLBACK_ELEMENT`` when no word names an element)."""
    return "sk=person" in feats or "sk=person_linked" in feats


def _candidate_kinds(records: list[dict[str, Any]]) -> None:
    from dataflow.catalog import load_catalog

    sensitive_of = {e.id: e.sensitive for e in load_catalog().elements.values()}
    for rec in records:
        rec["cand_sensitive"] = any(sensitive_of.get(e) is True for e in rec["candidates"])
        rec["cand_plain"] = any(sensitive_of.get(e) is False for e in rec["candidates"])


def score_rows(
    train_rows: Sequence[dict[str, Any]],
    test_rows: Sequence[dict[str, Any]],
    debatable: float = DEBATABLE,
) -> tuple[np.ndarray, np.ndarray, list[tuple[bool, bool]]]:
    """Fit on ``train_rows``; the test rows' (P(personal), P(sensitive), whether a learned word
    names a plain / a sensitive element for them)."""
    from dataflow.catalog import load_catalog

    sensitive_of = {e.id: e.sensitive for e in load_catalog().elements.values()}
    vocab, w_pi, w_s = train(train_rows, debatable)
    design = Design([r["features"] for r in test_rows], vocab)
    table = element_table(train_rows, sensitive_of)
    pos_pi = {f for f, w in zip(vocab, w_pi, strict=True) if w > 0}
    pos_s = {f for f, w in zip(vocab, w_s, strict=True) if w > 0}
    learned_el = [
        (
            any(f in pos_pi and table.get(f, ("", ""))[0] for f in r["features"]),
            any(f in pos_s and table.get(f, ("", ""))[1] for f in r["features"]),
        )
        for r in test_rows
    ]
    return predict(design, w_pi), predict(design, w_s), learned_el


def set_order(name: str) -> tuple[int, str]:
    """Sets in the order they were labelled: ``tuning`` first, then blind1, blind2..."""
    m = _BLIND.match(name)
    return (int(m.group(1)) if m else 0, name)


def fold_groups(
    sets: Iterable[str], folds: int = 0, last: int = 0, recent: int | None = None
) -> list[list[str]]:
    """The groups of sets held out in turn: one set each (``folds`` 0); ``folds`` groups dealt
    round-robin; or, with ``last``, the ``last`` newest sets as one group and the older ones in
    ``folds - 1`` runs of consecutive sets (sets of one labelling round share their kinds of
    schema, so a group of neighbours is the nearer picture of schemas nobody has seen). With
    ``recent`` (default ``RECENT``) the ``last`` newest sets are instead groups of ``recent``
    (one labelling round each: blind74–76, blind77–79, blind80–82), each its own fold, and the
    older ones fill the other folds."""
    recent = RECENT if recent is None else recent
    ordered = sorted(set(sets), key=set_order)
    if last and len(ordered) <= last:
        return [[s] for s in ordered]
    if last:
        older, newest = ordered[:-last], ordered[-last:]
        rounds = [newest[i : i + recent] for i in range(0, last, recent)] if recent else [newest]
        runs = max(folds - len(rounds), 1)
        size, extra = divmod(len(older), runs)
        groups, start = [], 0
        for i in range(runs):
            end = start + size + (i < extra)
            groups.append(older[start:end])
            start = end
        return [g for g in groups if g] + rounds
    sets = sorted(ordered)
    return [sets[i::folds] for i in range(folds)] if folds else [[s] for s in sets]


def out_of_fold(
    records: list[dict[str, Any]],
    folds: int = 0,
    debatable: float = DEBATABLE,
    last: int = 0,
) -> tuple[np.ndarray, np.ndarray, list[tuple[bool, bool]]]:
    """Every row's scores from a model that never saw its set (``fold_groups``)."""
    p_pi = np.zeros(len(records))
    p_s = np.zeros(len(records))
    learned_el: list[tuple[bool, bool]] = [(False, False)] * len(records)
    groups = fold_groups((r["set"] for r in records), folds, last)
    for group in groups:
        train_rows = [r for r in records if r["set"] not in group]
        test_idx = [i for i, r in enumerate(records) if r["set"] in group]
        a, b, el = score_rows(train_rows, [records[i] for i in test_idx], debatable)
        p_pi[test_idx] = a
        p_s[test_idx] = b
        for i, e in zip(test_idx, el, strict=True):
            learned_el[i] = e
        print(f"fold {group[0]}..{group[-1]}: {len(test_idx)} fields", file=sys.stderr)
    return p_pi, p_s, learned_el


def cross_validate(
    records: list[dict[str, Any]],
    dump: Path | None = None,
    folds: int = 0,
    debatable: float = DEBATABLE,
    last: int = 0,
    policy: frozenset[str] | None = None,
    given: dict[str, float] | None = None,
    say: Callable[[str], None] = print,
) -> dict[str, float]:
    _candidate_kinds(records)
    p_pi, p_s, learned_el = out_of_fold(records, folds, debatable, last)
    if dump is not None:
        np.savez(dump, p_pi=p_pi, p_s=p_s, learned=np.array(learned_el, dtype=bool))
    return report(
        records, p_pi, p_s, learned_el, folds, say=say, last=last, policy=policy, given=given
    )


def report(
    records: list[dict[str, Any]],
    p_pi: np.ndarray,
    p_s: np.ndarray,
    learned_el: Sequence[tuple[bool, bool]],
    folds: int = 0,
    say: Callable[[str], None] = print,
    last: int = 0,
    policy: frozenset[str] | None = None,
    given: dict[str, float] | None = None,
) -> dict[str, float]:
    """The CV table of out-of-fold scores: rules, model alone, combinations; the thresholds
    chosen (``say``: where the table goes); then, at the chosen thresholds (and at ``given``
    ones), each group of sets, and the guards of the subject rules' verdicts on and off."""
    print = say  # the table goes where the caller says
    sets = sorted({r["set"] for r in records})
    labels = [r["label"] for r in records]
    how = f"{folds} groups of sets" if folds else "leave-one-set-out"
    if last:
        how = f"the {last} newest sets and {folds - 1} runs of older ones, as {folds} groups"
        if RECENT:
            how = f"the {last} newest sets in rounds of {RECENT} and runs of older ones, {folds} groups"
    print(f"{how} over {len(sets)} sets, {len(records)} fields")
    print("                                   prec  recall s-rec PI-F1 s-prec")
    rules = counts([r["personal"] for r in records], [r["sensitive"] for r in records], labels)
    print(f"rules alone                        {figures(rules)}")
    for t in (0.3, 0.4, 0.5, 0.6, 0.7):
        c = counts(p_pi >= t, (p_s >= t) & (p_pi >= t), labels)
        print(f"model alone t={t:.1f}                  {figures(c)}")
    # the thresholds are chosen on the newest rounds' rows (``RECENT``), else on every row
    newest = set(sorted(sets, key=set_order)[-last:]) if last and RECENT else set(sets)
    pick = [i for i, rec in enumerate(records) if rec["set"] in newest]
    if len(newest) < len(sets):
        print(f"thresholds chosen on the {len(newest)} newest sets' {len(pick)} fields:")
        rules = counts(
            [records[i]["personal"] for i in pick],
            [records[i]["sensitive"] for i in pick],
            [labels[i] for i in pick],
        )
        print(f"rules alone (newest)               {figures(rules)}")
    rules_sprec = rules.get("s_pred_true", 0) / max(rules.get("s_pred", 0), 1)

    def run(a: float, r: float, u: float, n: float, w: float = 2.0) -> dict[str, int]:
        pp, ps = [], []
        for i in pick:
            rec = records[i]
            x, y = combine(
                rec, p_pi[i], p_s[i], a, r, u, learned_el[i], unnamed=n, named=w, policy=policy
            )
            pp.append(x)
            ps.append(y)
        return counts(pp, ps, [labels[i] for i in pick])

    print(f"combination add/remove/add_unnamed (sensitive {SENSITIVE_GRID[0]})")
    rows: list[tuple[float, float, float, dict[str, int]]] = []
    for a in ADD_GRID:
        for r in REMOVE_GRID:
            for n in [x for x in UNNAMED_GRID if x >= a]:
                c = run(a, r, SENSITIVE_GRID[0], n)
                print(f"  add {a:.2f} remove {r:5.2f} unnamed {n:.2f}  {figures(c)}")
                rows.append((a, r, n, c))
    a, r, n = choose(rows)
    print(f"then the sensitive threshold at add {a} remove {r} add_unnamed {n}")
    sens_rows: list[tuple[float, dict[str, int]]] = []
    for u in SENSITIVE_GRID:
        c = run(a, r, u, n)
        print(f"  sensitive {u:.2f}                   {figures(c)}")
        sens_rows.append((u, c))
    ok = [u for u, c in sens_rows if _sprec(c) >= rules_sprec - 0.02]
    u = min(ok) if ok else 2.0
    base = run(a, r, u, n)
    print(f"then the sensitive_word threshold at sensitive {u}")
    word_rows: list[tuple[float, dict[str, int]]] = []
    for w in SENSITIVE_WORD_GRID:
        c = run(a, r, u, n, w)
        print(f"  sensitive_word {w:.2f}              {figures(c)}")
        word_rows.append((w, c))
    w = choose_sensitive_word(word_rows, base, rules_sprec)
    print(
        f"chosen: add {a} remove {r} add_unnamed {n} sensitive {u} sensitive_word {w} "
        f"(rules' sensitive precision {rules_sprec:.3f})"
    )
    chosen = {"add": a, "remove": r, "add_unnamed": n, "sensitive": u, "sensitive_word": w}
    if say is not _quiet:
        scored = (records, p_pi, p_s, learned_el)
        for name, th in (("chosen", chosen), ("given", given)):
            if th is None:
                continue
            print(
                f"at the {name} thresholds " + " ".join(f"{k} {v:g}" for k, v in sorted(th.items()))
            )
            by_group(scored, th, policy, fold_groups(sets, folds, last), print)
            guard_table(scored, th, print)
    return chosen


def _quiet(_: str) -> None:
    """Where ``choose_thresholds`` sends the CV table: nowhere."""


Scored = tuple[list[dict[str, Any]], np.ndarray, np.ndarray, Sequence[tuple[bool, bool]]]


def decide(
    scored: Scored,
    th: dict[str, float],
    policy: frozenset[str] | None,
    only: set[str] | None = None,
) -> tuple[list[bool], list[bool], list[str]]:
    """The verdicts of the rules and scorer at ``th`` (rows of the sets ``only``, or all)."""
    records, p_pi, p_s, learned_el = scored
    pp, ps, labels = [], [], []
    for i, rec in enumerate(records):
        if only is not None and rec["set"] not in only:
            continue
        x, y = combine_at(rec, p_pi[i], p_s[i], learned_el[i], th, policy)
        pp.append(x)
        ps.append(y)
        labels.append(rec["label"])
    return pp, ps, labels


def by_group(
    scored: Scored,
    th: dict[str, float],
    policy: frozenset[str] | None,
    groups: Sequence[Sequence[str]],
    say: Callable[[str], None],
) -> None:
    """Rules alone and rules + scorer on each group of sets held out."""
    records = scored[0]
    say(
        "  group                  rules alone: prec recall s-rec | rules + scorer: prec recall s-rec"
    )
    for group in groups:
        only = set(group)
        rows = [r for r in records if r["set"] in only]
        rules = counts(
            [r["personal"] for r in rows],
            [r["sensitive"] for r in rows],
            [r["label"] for r in rows],
        )
        c = counts(*decide(scored, th, policy, only))
        say(
            f"  {group[0] + '..' + group[-1]:22} {_three(rules)} | {_three(c)}  (fp {rules.get('fp', 0)}->{c.get('fp', 0)}, fn {rules.get('fn', 0)}->{c.get('fn', 0)})"
        )


def _three(c: dict[str, int]) -> str:
    tp, fp, fn = c.get("tp", 0), c.get("fp", 0), c.get("fn", 0)
    srec = c.get("s_hit", 0) / max(c.get("s_total", 0), 1)
    return f"{tp / max(tp + fp, 1):.3f} {tp / max(tp + fn, 1):.3f} {srec:.3f}"


def guard_table(scored: Scored, th: dict[str, float], say: Callable[[str], None]) -> None:
    """Every set of guards of the subject rules' verdicts, with the scorer's changes to the
    rules' verdicts: fields added (right: labelled P or S), taken out (right: labelled N),
    raised to sensitive (right: labelled S)."""
    records = scored[0]
    say(
        "  guards           prec  recall s-rec PI-F1 s-prec   added right/all, out right/all, raised right/all"
    )
    for k in range(len(GUARDS) + 1):
        for guards in combinations(GUARDS, k):
            pp, ps, labels = decide(scored, th, frozenset(guards))
            ch = Counter()
            for rec, x, y in zip((r for r in records), pp, ps, strict=True):
                lab = rec["label"]
                if lab == "A":
                    continue
                if x and not rec["personal"]:
                    ch["add"] += 1
                    ch["add_ok"] += lab in ("P", "S")
                elif rec["personal"] and not x:
                    ch["out"] += 1
                    ch["out_ok"] += lab == "N"
                elif y and not rec["sensitive"]:
                    ch["raise"] += 1
                    ch["raise_ok"] += lab == "S"
            name = "+".join(guards) or "none"
            say(
                f"  {name:15} {figures(counts(pp, ps, labels))[:31]}   "
                f"{ch['add_ok']}/{ch['add']}, {ch['out_ok']}/{ch['out']}, "
                f"{ch['raise_ok']}/{ch['raise']}"
            )


ADD_GRID = (0.5, 0.6, 0.7, 0.8, 0.9, 2.0)
REMOVE_GRID = (-1.0, 0.05, 0.1)
SENSITIVE_GRID = (0.4, 0.5, 0.6, 0.7, 0.9, 2.0)
#: thresholds tried for ``add_unnamed`` (2.0: never), from ``add`` up
UNNAMED_GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.93, 0.95, 0.97, 0.99, 2.0)


#: thresholds tried for ``sensitive_word`` (2.0: never)
SENSITIVE_WORD_GRID = (0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 2.0)
#: the PI precision ``sensitive_word`` may cost (fields it adds as sensitive)
WORD_PRECISION_COST = 0.002


def _prec(c: dict[str, int]) -> float:
    return c.get("tp", 0) / max(c.get("tp", 0) + c.get("fp", 0), 1)


def choose_sensitive_word(
    rows: Sequence[tuple[float, dict[str, int]]], base: dict[str, int], rules_sprec: float
) -> float:
    """The lowest ``sensitive_word`` threshold that raises sensitive recall over ``base`` (the
    chosen thresholds without it) while PI precision drops by at most ``WORD_PRECISION_COST``
    and sensitive precision stays within 0.02 of the rules'; 2.0 (never) when none does."""
    ok = [
        w
        for w, c in rows
        if c.get("s_hit", 0) > base.get("s_hit", 0)
        and _prec(c) >= _prec(base) - WORD_PRECISION_COST
        and _sprec(c) >= rules_sprec - 0.02
    ]
    return min(ok) if ok else 2.0


def _sprec(c: dict[str, int]) -> float:
    return c.get("s_pred_true", 0) / max(c.get("s_pred", 0), 1)


def choose(
    rows: Sequence[tuple[float, float, float, dict[str, int]]],
) -> tuple[float, float, float]:
    """The PI thresholds: the highest PI F1 (to 3 places; ties: the higher add, the lower
    remove and the higher add_unnamed threshold, i.e. fewer changes to the rules' verdicts).
    The sensitive threshold is then the lowest whose sensitive precision stays within 0.02 of
    the rules' alone."""
    _, a, neg_r, n = max((round(f1_of(c), 3), a, -r, n) for a, r, n, c in rows)
    return a, -neg_r, n


def hold_sets_out(
    records: list[dict[str, Any]],
    test: Sequence[str],
    thresholds: dict[str, float] | None,
    folds: int = 5,
    debatable: float = DEBATABLE,
) -> dict[str, dict[str, int]]:
    """The leave-sets-out measure: fit on every set but ``test``, then score the ``test`` sets'
    fields with the rules alone and with the rules and the scorer. ``thresholds``: as given,
    or (None) chosen by ``folds``-fold grouped CV over the training sets, as ``train
    --choose`` does. Returns the counts (``rules``, ``scorer``) and prints them."""
    _candidate_kinds(records)
    train_rows = [r for r in records if r["set"] not in test]
    test_rows = [r for r in records if r["set"] in test]
    if not test_rows:
        raise SystemExit(f"no field of {' '.join(test)} in the table")
    if thresholds is None:
        thresholds = choose_thresholds(train_rows, folds, debatable)
    p_pi, p_s, learned_el = score_rows(train_rows, test_rows, debatable)
    labels = [r["label"] for r in test_rows]
    rules = counts([r["personal"] for r in test_rows], [r["sensitive"] for r in test_rows], labels)
    pp, ps = [], []
    for i, rec in enumerate(test_rows):
        x, y = combine_at(rec, p_pi[i], p_s[i], learned_el[i], thresholds)
        pp.append(x)
        ps.append(y)
    scorer = counts(pp, ps, labels)
    print(f"held out {' '.join(test)}: {len(test_rows)} fields; trained on {len(train_rows)}")
    print("thresholds " + " ".join(f"{k} {v:g}" for k, v in sorted(thresholds.items())))
    print("                    prec  recall s-rec PI-F1 s-prec")
    print(f"rules alone         {figures(rules)}")
    print(f"rules + scorer      {figures(scorer)}")
    return {"rules": rules, "scorer": scorer}


def combine_at(
    rec: dict[str, Any],
    p_pi: float,
    p_s: float,
    learned_el: tuple[bool, bool],
    thresholds: dict[str, float],
    policy: frozenset[str] | None = None,
) -> tuple[bool, bool]:
    """``combine`` with the weights file's thresholds (a missing one: never)."""
    t = thresholds
    add = t.get("add", 2.0)
    return combine(
        rec,
        p_pi,
        p_s,
        add,
        t.get("remove", -1.0),
        t.get("sensitive", 2.0),
        learned_el,
        unnamed=max(add, t.get("add_unnamed", 2.0)),
        named=t.get("sensitive_word", 2.0),
        policy=policy,
    )


def choose_thresholds(
    records: list[dict[str, Any]],
    folds: int = 5,
    debatable: float = DEBATABLE,
    last: int = 0,
    policy: frozenset[str] | None = None,
) -> dict[str, float]:
    """The thresholds ``report`` chooses over ``folds``-fold grouped CV of ``records`` (0:
    leave one set out): chosen on sets the model never saw, so they carry over to new schemas
    better than thresholds fixed once for every model."""
    _candidate_kinds(records)
    p_pi, p_s, learned_el = out_of_fold(records, folds, debatable, last)
    return report(records, p_pi, p_s, learned_el, folds, say=_quiet, last=last, policy=policy)


# --- the weights file -------------------------------------------------------------------------


def write_weights(
    records: list[dict[str, Any]],
    out: Path,
    thresholds: dict[str, float],
    notes: list[str],
    debatable: float = DEBATABLE,
) -> None:
    from dataflow.catalog import load_catalog

    catalog = load_catalog()
    sensitive_of = {e.id: e.sensitive for e in catalog.elements.values()}
    vocab, w_pi, w_s = train(records, debatable)
    table = element_table(records, sensitive_of)
    sets = sorted({r["set"] for r in records})
    debatable_rows = sum(r["label"] == "A" for r in records)
    scored = len(records) - debatable_rows
    lines = [
        "# Learned field scorer weights (dataflow/detect/learned.py), by bench/train_field_scorer.py",
        f"# trained {dt.date.today().isoformat()} on {scored} labelled fields of "
        f"{len(sets)} sets: {' '.join(sets)}",
        f"# debatable fields: {debatable_rows}, "
        + (f"trained on as not personal, weight {debatable}" if debatable > 0 else "left out"),
        f"# held out (never trained on): blind{FIRST_HELD_OUT} and later",
        f"# features seen in >= {MIN_SETS} sets; L2 {L2}; {ITERATIONS} Adam steps",
        *(f"# {n}" for n in notes),
        "# feature<TAB>PI weight<TAB>sensitive weight<TAB>element<TAB>sensitive element",
    ]
    lines.extend(f"threshold\t{k}\t{v}" for k, v in sorted(thresholds.items()))
    for f, a, b in zip(vocab, w_pi, w_s, strict=True):
        a, b = round(float(a), 2), round(float(b), 2)
        if a == 0 and b == 0:
            continue
        el = table.get(f, ("", ""))
        el = (el[0] if a > 0 else "", el[1] if b > 0 else "")
        row = f"{f}\t{a:g}\t{b:g}"
        if el[0] or el[1]:
            row += f"\t{el[0]}\t{el[1]}"
        lines.append(row)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_table(
    eval_root: Path, data_root: Path, names: Sequence[str], out: Path, jobs: int = 1
) -> None:
    """The training table of the sets ``names`` (``jobs`` scanned at once; rows in the order
    of ``names``, whatever the order the scans end in)."""
    from concurrent.futures import ProcessPoolExecutor

    dirs = [(eval_root / n, data_root / n) for n in names]
    with out.open("w", encoding="utf-8") as fh:
        if jobs > 1:
            with ProcessPoolExecutor(jobs) as pool:
                results = pool.map(_set_rows, dirs)
                _write_rows(fh, names, results)
        else:
            _write_rows(fh, names, map(_set_rows, dirs))


def _set_rows(dirs: tuple[Path, Path]) -> list[dict[str, Any]]:
    return set_records(*dirs)


def _write_rows(fh: Any, names: Sequence[str], results: Iterable[list[dict[str, Any]]]) -> None:
    for name, recs in zip(names, results, strict=True):
        print(f"{name}: {len(recs)} fields", file=sys.stderr)
        for rec in recs:
            fh.write(json.dumps(rec, ensure_ascii=False, sort_keys=True) + "\n")


def read_scorer_thresholds(path: Path) -> dict[str, float]:
    """The thresholds of a weights file."""
    rows = [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return {r[1]: float(r[2]) for r in rows if r[0] == "threshold"}


def write_fold_weights(
    records: list[dict[str, Any]],
    out_dir: Path,
    thresholds: dict[str, float],
    folds: int,
    last: int,
) -> None:
    """For the whole pipeline's CV: one weights file per group of sets (``fold_groups``),
    trained on every other set, and ``sets.tsv`` (set, its group's weights file), which
    ``eval_metadata.py --weights`` reads set by set."""
    out_dir.mkdir(parents=True, exist_ok=True)
    lines = []
    for group in fold_groups((r["set"] for r in records), folds, last):
        train_rows = [r for r in records if r["set"] not in group]
        path = out_dir / f"{group[0]}-{group[-1]}.tsv"
        note = f"trained without {group[0]}..{group[-1]} (cross-validation)"
        write_weights(train_rows, path, thresholds, [note])
        lines.extend(f"{name}\t{path.name}" for name in group)
        print(f"{path.name}: {len(train_rows)} training rows", file=sys.stderr)
    (out_dir / "sets.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


#: the grouped CV ``retrain`` chooses thresholds by: the newest sets as one group, the older
#: sets in runs of neighbours
RETRAIN_FOLDS = 8
RETRAIN_LAST = 9
#: the newest sets are held out a labelling round (three sets) at a time, and the thresholds
#: are chosen on those rounds' out-of-fold rows only: the nearest picture of unseen schemas
#: (0: the newest as one group, thresholds chosen on every row)
RECENT = 3


def retrain(data_root: Path, jobs: int, work: Path | None) -> int:
    """Every step of a retraining, from the repository's labels and ``data_root``: the table
    of every set before ``FIRST_HELD_OUT``, the grouped CV (``RETRAIN_FOLDS`` groups, the
    ``RETRAIN_LAST`` newest in rounds of ``RECENT``), the thresholds it chooses under the shipped ``POLICY``,
    the weights trained on every set (``catalogs/data/field_scorer.tsv``) and the CV table
    (``bench/field_scorer_cv.txt``)."""
    import tempfile

    root = Path(__file__).resolve().parent.parent
    eval_root = root / "bench" / "eval"
    names = sorted(
        (d.name for d in eval_root.iterdir() if (d / "labels.txt").is_file()), key=set_order
    )
    names = [n for n in names if not held_out(n)]
    with tempfile.TemporaryDirectory() as tmp:
        table = (work or Path(tmp)) / "field_scorer_table.jsonl"
        table.parent.mkdir(parents=True, exist_ok=True)
        write_table(eval_root, data_root, names, table, jobs)
        records = read_table(table)
    weights = root / "catalogs" / "data" / WEIGHTS_FILE
    given = read_scorer_thresholds(weights) if weights.is_file() else None
    choose_and_write(records, root, given)
    return 0


def choose_and_write(
    records: list[dict[str, Any]], root: Path, given: dict[str, float] | None
) -> None:
    """``retrain`` after the table: the grouped CV (reporting ``given`` thresholds beside the
    chosen ones), the weights trained on every row and the CV file, under ``root``."""
    lines: list[str] = []
    weights = root / "catalogs" / "data" / WEIGHTS_FILE
    chosen = cross_validate(
        records, None, RETRAIN_FOLDS, DEBATABLE, RETRAIN_LAST, None, given, lines.append
    )
    head = [
        f"# bench/train_field_scorer.py retrain: {RETRAIN_FOLDS} groups of sets, the "
        f"{RETRAIN_LAST} newest in rounds of {RECENT}; guards {','.join(sorted(POLICY)) or 'none'}; "
        f"blind{FIRST_HELD_OUT} and later held out",
        "# precision / PI recall / sensitive recall / PI F1 / sensitive precision",
    ]
    (root / "bench" / "field_scorer_cv.txt").write_text(
        "\n".join(head + lines) + "\n", encoding="utf-8"
    )
    note = (
        f"thresholds chosen by grouped CV ({RETRAIN_FOLDS} groups, the {RETRAIN_LAST} newest "
        f"sets in rounds of {RECENT}, chosen on them; bench/field_scorer_cv.txt) under the guards "
        f"{','.join(sorted(POLICY)) or 'none'}"
    )
    write_weights(records, weights, chosen, [note])
    print(f"wrote {weights} and bench/field_scorer_cv.txt", file=sys.stderr)


WEIGHTS_FILE = "field_scorer.tsv"


def read_table(path: Path, drop: set[str] | None = None) -> list[dict[str, Any]]:
    """The table's rows; ``drop``: feature kinds (``ip``, ``xi``) left out, for ablations."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    if drop:
        for r in rows:
            r["features"] = [f for f in r["features"] if f.partition("=")[0] not in drop]
    return rows


def _model_options(p: argparse.ArgumentParser, folds: int = 0) -> None:
    """Options of the model and the CV's groups of sets."""
    p.add_argument(
        "--folds", type=int, default=folds, help="groups of sets (0: one per set; see --last)"
    )
    p.add_argument(
        "--last",
        type=int,
        default=0,
        help="the N newest sets as one group, the older in (folds - 1) runs of neighbours",
    )
    p.add_argument(
        "--recent",
        type=int,
        default=None,
        help=f"the --last newest sets in groups of N, thresholds chosen on them (default {RECENT}; "
        "0: one group, thresholds on every set)",
    )
    p.add_argument("--debatable", type=float, default=DEBATABLE, help="weight of label-A rows")
    p.add_argument("--drop", nargs="*", default=[], help="feature kinds left out (ablation)")
    p.add_argument("--l2", type=float, default=L2, help=f"L2 penalty (default {L2})")
    p.add_argument(
        "--min-sets", type=int, default=MIN_SETS, help="features seen in at least N sets"
    )
    p.add_argument(
        "--policy",
        default=None,
        help=f"guards of the subject rules' verdicts, comma-separated, of {', '.join(GUARDS)} "
        f"('none': no guard; default: the shipped {','.join(sorted(POLICY))})",
    )
    p.add_argument(
        "--given",
        type=Path,
        help="a weights file whose thresholds the CV also reports (e.g. the shipped one)",
    )


def _policy(text: str | None) -> frozenset[str] | None:
    if text is None:
        return None
    guards = frozenset(g for g in text.split(",") if g and g != "none")
    unknown = guards - set(GUARDS)
    if unknown:
        raise SystemExit(f"unknown guard {', '.join(sorted(unknown))}")
    return guards


def main(argv: list[str] | None = None) -> int:
    global L2, MIN_SETS, RECENT
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("table")
    p.add_argument("eval_root", type=Path)
    p.add_argument("data_root", type=Path)
    p.add_argument("out", type=Path)
    p.add_argument("--sets", nargs="*", help="only these sets (default: every non-held-out set)")
    p.add_argument(
        "--first-held-out",
        type=int,
        default=FIRST_HELD_OUT,
        help="leave out blindN from this N on (a later N: a table for `holdout` only)",
    )
    p.add_argument("--jobs", type=int, default=1, help="sets scanned at once")
    p = sub.add_parser("cv")
    p.add_argument("table", type=Path)
    p.add_argument("--dump", type=Path, help="write the out-of-fold scores here (.npz)")
    _model_options(p)
    p = sub.add_parser("grid", help="the CV table again from the scores `cv --dump` wrote")
    p.add_argument("table", type=Path)
    p.add_argument("dump", type=Path)
    _model_options(p)
    p = sub.add_parser("train")
    p.add_argument("table", type=Path)
    p.add_argument("out", type=Path)
    _threshold_options(p)
    p.add_argument("--note", action="append", default=[])
    p = sub.add_parser("holdout", help="fit on all sets but --test; score the --test sets")
    p.add_argument("table", type=Path)
    p.add_argument("--test", nargs="+", required=True, help="the held-out group of sets")
    _threshold_options(p)
    p = sub.add_parser(
        "folds", help="one weights file per group of sets, trained without it (pipeline CV)"
    )
    p.add_argument("table", type=Path)
    p.add_argument("out_dir", type=Path)
    _threshold_options(p)
    p.add_argument("--given-from", type=Path, help="the thresholds of this weights file")
    p.add_argument("--folds", type=int, default=RETRAIN_FOLDS, help="groups of sets")
    p = sub.add_parser(
        "retrain",
        help="the whole training in one command: table, CV, thresholds, weights, CV file",
    )
    p.add_argument("data_root", type=Path, help="the sets' files (DATA_ROOT/SET)")
    p.add_argument("--jobs", type=int, default=2, help="sets scanned at once")
    p.add_argument("--work", type=Path, default=None, help="keep the table here")
    args = parser.parse_args(argv)
    if getattr(args, "l2", None) is not None:
        L2 = args.l2
    if getattr(args, "min_sets", None) is not None:
        MIN_SETS = args.min_sets
    if getattr(args, "recent", None) is not None:
        RECENT = args.recent

    if args.command == "table":
        names = args.sets or sorted(
            d.name for d in args.eval_root.iterdir() if (d / "labels.txt").is_file()
        )
        names = [n for n in names if not held_out(n, args.first_held_out)]
        write_table(args.eval_root, args.data_root, names, args.out, args.jobs)
        return 0
    if args.command == "retrain":
        return retrain(args.data_root, args.jobs, args.work)
    records = read_table(args.table, set(args.drop))
    policy = _policy(getattr(args, "policy", None))
    if args.command == "holdout":
        given = None if args.choose is not None else _given_thresholds(args)
        hold_sets_out(records, args.test, given, args.choose or 0, args.debatable)
        return 0
    if any(held_out(r["set"]) for r in records):
        raise SystemExit("the table holds a held-out set")
    if args.command in ("cv", "grid"):
        given = read_scorer_thresholds(args.given) if args.given else None
        if args.command == "cv":
            cross_validate(records, args.dump, args.folds, args.debatable, args.last, policy, given)
            return 0
        _candidate_kinds(records)
        scores = np.load(args.dump)
        learned = [(bool(a), bool(b)) for a, b in scores["learned"]]
        report(
            records,
            scores["p_pi"],
            scores["p_s"],
            learned,
            args.folds,
            last=args.last,
            policy=policy,
            given=given,
        )
        return 0
    if args.command == "folds":
        thresholds = _given_thresholds(args)
        if args.given_from:
            thresholds = read_scorer_thresholds(args.given_from)
        write_fold_weights(records, args.out_dir, thresholds, args.folds, args.last)
        return 0
    notes = list(args.note)
    if args.choose is not None:
        thresholds = choose_thresholds(records, args.choose, args.debatable, args.last, policy)
        how = f"{args.choose}-fold grouped" if args.choose else "leave-one-set-out"
        notes.append(f"thresholds chosen by {how} CV over the training sets (train --choose)")
    else:
        thresholds = _given_thresholds(args)
    write_weights(records, args.out, thresholds, notes, args.debatable)
    return 0


def _threshold_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--add", type=float, default=0.9)
    p.add_argument("--remove", type=float, default=-1.0)
    p.add_argument("--sensitive", type=float, default=0.9)
    p.add_argument("--add-unnamed", type=float, default=0.93, help="learned.FALLBACK_ELEMENT")
    p.add_argument(
        "--sensitive-word",
        type=float,
        default=None,
        help="a word may name the sensitive element above this (default: never)",
    )
    p.add_argument(
        "--choose",
        type=int,
        default=None,
        metavar="K",
        help="choose every threshold by K-fold grouped CV over the training sets (0: leave "
        "one set out) instead of the ones given",
    )
    p.add_argument(
        "--recent",
        type=int,
        default=None,
        help=f"the --last newest sets in groups of N, thresholds chosen on them (default {RECENT}; "
        "0: one group, thresholds on every set)",
    )
    p.add_argument("--debatable", type=float, default=DEBATABLE, help="weight of label-A rows")
    p.add_argument("--drop", nargs="*", default=[], help="feature kinds left out")
    p.add_argument("--last", type=int, default=0, help="with --choose: the N newest as a group")
    p.add_argument("--policy", default=None, help="guards (see cv --help)")
    p.add_argument("--l2", type=float, default=L2, help=f"L2 penalty (default {L2})")
    p.add_argument(
        "--min-sets", type=int, default=MIN_SETS, help="features seen in at least N sets"
    )


def _given_thresholds(args: argparse.Namespace) -> dict[str, float]:
    thresholds = {
        "add": args.add,
        "add_unnamed": args.add_unnamed,
        "remove": args.remove,
        "sensitive": args.sensitive,
    }
    if args.sensitive_word is not None:
        thresholds["sensitive_word"] = args.sensitive_word
    return thresholds


if __name__ == "__main__":
    sys.exit(main())
