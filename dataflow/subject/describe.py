"""A dataset's subject in words (``table md_wz_life is person-linked (…)``)."""

from __future__ import annotations

from dataflow.i18n import msg, role_text
from dataflow.model import Subject, SubjectLink, Words
from dataflow.subject.own import _bare

# --- findings in the light of the subject ----------------------------------------------------


def describe(subject: Subject, dataset: str) -> Words:
    """``table md_wz_life is person-linked (md_wz_life.patientarchive_id → md_peispatientarchive)``."""
    text: str = msg(f"kind.{subject.kind}") if subject.kind in _KINDS_SAID else subject.kind
    if subject.role and subject.kind == "person":
        text = msg("kind.person_role", roles=role_text(subject.role))
    why = (
        _link_target(subject.links[0], _bare(dataset))
        if subject.links
        else (subject.evidence[0] if subject.evidence else "")
    )
    if why:
        return msg("subject.table_why", name=_bare(dataset), what=text, why=why)
    return msg("subject.table", name=_bare(dataset), what=text)


_KINDS_SAID = frozenset({"person", "person_linked", "organisation", "reference", "system"})


def _link_target(link: SubjectLink, dataset: str) -> Words:
    """``md_wz_life.patientarchive_id → md_peispatientarchive``."""
    target = link.target or msg("subject.a_person")
    return Words(link.render(dataset), f"{dataset}.{link.column} → {_zh(target)}")


def _zh(text: str) -> str:
    return text.zh if isinstance(text, Words) else text
