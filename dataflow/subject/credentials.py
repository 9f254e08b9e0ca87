"""Verifiable credentials: a schema document of a credential (W3C Verifiable Credentials, the
iden3 / Polygon ID schemas and their kin) keeps the claims about its holder in one member
(``credentialSubject``: ``subjects.claim_holders``). Everything else in the document describes the
credential itself — its JSON-LD context, type, issuer, schema, status, proof and version — not the
person the claims are about."""

from __future__ import annotations

from dataflow.catalog import Catalog
from dataflow.i18n import msg
from dataflow.model import Dataset, Evidence, FieldFinding, Subject
from dataflow.subject.describe import describe
from dataflow.subject.predicates import _as_element, _as_not_personal, _because, _from_values
from dataflow.subject.rules import SCHEMA_DOCS, SubjectRules, _compact, split_name

#: The element of the holder's identifier in the claims (a DID: an online identifier).
_HOLDER_ID = "pi.online_identity.user_id"
#: The element of the other claims a credential makes about its holder.
_CLAIM = "pi.other.person_attribute"
#: Subjects whose credential holder is not a person (a company's KYB credential, a code list).
_IMPERSONAL = ("organisation", "reference", "system")


def credential_claims(
    findings: list[FieldFinding],
    dataset: Dataset,
    subject: Subject,
    catalog: Catalog,
    rules: SubjectRules,
) -> list[FieldFinding]:
    """``subject-credential-envelope``: in a credential's schema document, a field outside the
    holder's claims (``credentialSubject``) that was found personal by its words or by the
    document's subject (`type`, `issuanceDate`, `revNonce`, `subjectPosition`) describes the
    credential, not the holder: not personal. Values that match a personal entity still count.

    ``subject-credential-claim``: inside the claims, unless the subject is not a person (an
    organisation's credential), the holder's key (`id`: a DID) is the holder's online identifier,
    a claim whose words named an element that a key's negative took back (`referenceId`
    'Document unique number': a claim refers to no other record) is that element, and a claim
    no word classified (`documentType`) is other information about the holder."""
    if dataset.source_format not in SCHEMA_DOCS or not findings:
        return findings
    branches = {f.field.pointer: _branch(rules, dataset.name, f.field.pointer) for f in findings}
    if not any(b is not None for b in branches.values()):
        return findings
    person = subject.kind not in _IMPERSONAL
    holder_id = catalog.elements.get(_HOLDER_ID)
    claim = catalog.elements.get(_CLAIM)
    context = describe(subject, dataset.name)
    out: list[FieldFinding] = []
    for f in findings:
        branch = branches[f.field.pointer]
        name = f.field.name
        if branch is None:
            if not _from_values(f):
                # said of a field not found personal too, so that no later weighing of its
                # words (the learned scorer) makes it the holder's
                why = msg("subject.credential_envelope", column=name)
                ev = Evidence("context", "subject-credential-envelope", why, None)
                f = _as_not_personal(f, ev, catalog.defaults["unclassified"])
            out.append(f)
            continue
        if f.personal or not person or name.startswith(("@", "$")):
            out.append(f)
            continue
        rest = f.field.pointer[len(branch) + 1 :]
        key = "." not in rest and _compact(split_name(name)) in rules.claim_holder_keys
        # a claim points at no other record: what its words named and a key's negative took
        # back (`referenceId` 'Document unique number') is what the claim holds
        named = next(
            (
                catalog.elements.get(ev.element)
                for ev in f.evidence
                if ev.source in ("name", "comment") and ev.element in catalog.elements
            ),
            None,
        )
        element = holder_id if key else named if named is not None and named.pi else claim
        if element is None or len(f.field.enum_values) == 1:
            out.append(f)
            continue
        why = msg("subject.credential_claim", column=name, holder=branch.rsplit(".", 1)[-1])
        ev = Evidence("context", "subject-credential-claim", _because(context, why), element.id)
        out.append(_as_element(f, element, ev))
    return out


def _branch(rules: SubjectRules, dataset: str, pointer: str) -> str | None:
    """The pointer of the top-level claims member above ``pointer`` (`Passport.credentialSubject`)."""
    prefix = dataset + "."
    if not pointer.startswith(prefix):
        return None
    # the document is the credential: its claims member sits at the top (a presentation that
    # nests credentials deeper has envelope members of its own, its holder's among them)
    head, dot, _rest = pointer[len(prefix) :].partition(".")
    if dot and _compact(split_name(head.removesuffix("[]"))) in rules.claim_holders:
        return prefix + head
    return None
