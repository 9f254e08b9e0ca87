"""Whether the learners of a whole scan are children: a school's or a children's training
centre's database read together says so on one table (a class roster with grades, a table of
children, a kindergarten), while the learners' own tables often do not (a pupil table named by
pinyin initials, a `student` table beside `Enfants`). Every learner's record of such a scan is a
minor's, whose personal information is sensitive (PIPL Art. 28, Art. 31; GB/T 35273-2020
Annex B; GB/T 45574-2025). A scan naming higher education or adult learning never is."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath

from dataflow.detect.metadata import has_cjk
from dataflow.i18n import msg
from dataflow.model import Dataset, Words
from dataflow.subject.own import _bare, _Facts, _has_word, _minor_context
from dataflow.subject.rules import SubjectRules, _compact, spelt_tokens, split_name

#: roles of a scan's learners (a student, or a person whose role nothing names)
_LEARNERS = frozenset({"student", None})
#: the shortest word of ``adult_learning`` read inside a longer word of a table's name
_MIN_INFIX = 5


def _grams(name: str) -> set[str]:
    """The words of a name, and each two of them in a row (`adult_education`)."""
    tokens = split_name(name)
    return set(tokens) | {tokens[i] + tokens[i + 1] for i in range(len(tokens) - 1)}


def _raw_grams(text: str) -> set[str]:
    """The words of a name or comment as written (`lycée` → lycee), and each two in a row."""
    tokens = spelt_tokens(text)
    return set(tokens) | {tokens[i] + tokens[i + 1] for i in range(len(tokens) - 1)}


def adult_scan(datasets: Sequence[Dataset], rules: SubjectRules) -> bool:
    """Whether a dataset of the scan names higher education or upper secondary school (in its
    name, comment or columns) or adult learning (in its name, comment or file name): its
    learners are adults or older than 14 (a university's students, a lycée's pupils, an
    employee training, a driving school)."""
    for ds in datasets:
        own = _grams(_bare(ds.name)) | _grams(PurePath(ds.source_path).stem)
        text = f"{ds.name} {ds.comment or ''}"
        if _has_word(rules.adult_learning, own, text):
            return True
        compact = "".join(spelt_tokens(_bare(ds.name)))
        if any(len(w) >= _MIN_INFIX and w in compact for w in rules.adult_learning[0]):
            return True  # a table of adults, in one word (`tb_student_infoadult`)
        tokens = set(own)
        raw = _raw_grams(_bare(ds.name)) | _raw_grams(ds.comment or "")
        for fld in ds.fields:
            tokens |= set(split_name(fld.name))
            raw |= _raw_grams(fld.name) | _raw_grams(fld.comment or "")
            text += f" {fld.name} {fld.comment or ''}"
        if _has_word(rules.higher_education, tokens, text):
            return True
        if _has_word(rules.upper_secondary, raw, text):
            return True
    return False


def _child_table(ds: Dataset, rules: SubjectRules) -> str | None:
    """The word naming a dataset's rows children (`Enfants`, `kinder`, 儿童信息, 少儿学员)."""
    for token in spelt_tokens(_bare(ds.name)):
        if token in rules.child_tables[0]:
            return token
    for token in split_name(_bare(ds.name)):
        if token in rules.minor_words:
            return token
    text = f"{_bare(ds.name) if has_cjk(ds.name) else ''}{ds.comment or ''}"
    return next((w for w in rules.minor_zh if w in text), None)


def _pupil_word(ds: Dataset, rules: SubjectRules) -> str | None:
    """A word used only for school pupils (pupil, Schüler, élève, 小学生) naming a dataset."""
    for token in spelt_tokens(_bare(ds.name)):
        if token in rules.school_pupil_words[0]:
            return token
    text = f"{_bare(ds.name) if has_cjk(ds.name) else ''}{ds.comment or ''}"
    return next((w for w in rules.school_pupil_words[1] if w in text), None)


def children_evidence(
    datasets: Sequence[Dataset], facts: Sequence[_Facts], pupils: str | None, rules: SubjectRules
) -> Words | None:
    """Why the scan's learners are children, or None. ``pupils``: the dataset placing people in
    school grades and classes (``_school_pupils``). The caller has ruled out scans naming higher
    education or adult learning (:func:`adult_scan`)."""
    if pupils is not None:
        return msg("subject.scan_classes", dataset=pupils)
    for ds, f in zip(datasets, facts, strict=True):
        word = _minor_context(ds, rules)
        if word is not None:
            return msg("subject.scan_context", dataset=_bare(ds.name), word=word)
        about_people = f.kind in ("person", "person_linked") or f.weak in (
            "person",
            "person_linked",
        )
        word = _child_table(ds, rules) if about_people else None
        if word is not None:
            return msg("subject.scan_child_table", dataset=_bare(ds.name), word=word)
        word = _pupil_word(ds, rules) if f.role == "student" else None
        if word is not None:
            return msg("subject.scan_pupil_word", dataset=_bare(ds.name), word=word)
    return None


def _student_keys(ds: Dataset, rules: SubjectRules) -> list[str]:
    """Columns holding a student's number (学号, `xuehao`, 学籍号): the row is a learner's."""
    out: list[str] = []
    for fld in ds.fields:
        text = fld.name if has_cjk(fld.name) else fld.comment or ""
        if (not has_cjk(fld.name) and _compact(split_name(fld.name)) in rules.student_keys[0]) or (
            text and any(text.startswith(w) for w in rules.student_keys[1])
        ):
            out.append(fld.name)
    return out


def guardian_rows(ds: Dataset, rules: SubjectRules) -> bool:
    """A dataset named for parents or guardians (`parent_student`, 家长信息): their own rows,
    though keyed by their child (CONVENTIONS a: a guardian table is the guardian's)."""
    text = f"{_bare(ds.name) if has_cjk(ds.name) else ''}{ds.comment or ''}"
    return bool(set(split_name(_bare(ds.name))) & rules.guardians) or any(
        w in text for w in rules.guardians_zh
    )


def learner_rows(ds: Dataset, role: str | None, rules: SubjectRules) -> bool:
    """Rows of the scan's learners: a student's, or a person's keyed by a student's number or
    with a student's column (`student_name`), whose role nothing else names."""
    if role not in _LEARNERS:
        return False
    if guardian_rows(ds, rules):
        return False
    if role == "student":
        return True
    if _student_keys(ds, rules):
        return True
    return any(rules.role_of(t) == "student" for fld in ds.fields for t in split_name(fld.name))


def scan_children(
    datasets: Sequence[Dataset], facts: Sequence[_Facts], pupils: str | None, rules: SubjectRules
) -> Words | None:
    """Why every learner's record of the scan is a child's, or None (see the module)."""
    if not any(
        f.role == "student" or _student_keys(ds, rules)
        for ds, f in zip(datasets, facts, strict=True)
    ):
        return None  # no learners to speak of
    if adult_scan(datasets, rules):
        return None
    return children_evidence(datasets, facts, pupils, rules)
