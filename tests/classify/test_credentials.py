"""Schema documents of verifiable credentials (W3C VC data model, iden3 / Polygon ID schemas):
the claims about the holder sit in `credentialSubject`; the rest describes the credential."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

_ENVELOPE = {
    "@context": {"type": ["string", "array", "object"]},
    "id": {"type": "string"},
    "type": {"type": ["string", "array"], "items": {"type": "string"}},
    "issuer": {"type": "object", "properties": {"id": {"type": "string", "format": "uri"}}},
    "issuanceDate": {"type": "string", "format": "date-time"},
    "credentialSchema": {
        "type": "object",
        "properties": {"id": {"type": "string"}, "type": {"type": "string"}},
    },
    "credentialStatus": {
        "type": "object",
        "properties": {
            "id": {"type": "string"},
            "type": {"type": "string"},
            "revocationNonce": {"type": "integer"},
        },
    },
    "subjectPosition": {"type": "string", "enum": ["none", "index", "value"]},
    "revNonce": {"type": "integer"},
    "updatable": {"type": "boolean"},
}

PERMIT = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "title": "Residence Permit",
    "type": "object",
    "properties": {
        **_ENVELOPE,
        "credentialSubject": {
            "type": "object",
            "properties": {
                "id": {"type": "string", "format": "uri", "description": "Subject DID."},
                "fullName": {"type": "string", "description": "Full legal name of the holder."},
                "dateOfBirth": {"type": "string"},
                "permitCategory": {"type": "string"},
                "walletAddress": {"type": "string", "pattern": "^0x[a-fA-F0-9]{40}$"},
            },
        },
    },
}


def test_the_envelope_of_a_credential_is_not_the_holders(tmp_path: Path) -> None:
    """The credential's type, issuer, schema, status and proof members are not the holder's
    information, though the document is about a person; the claims are."""
    doc = _scan(tmp_path, {"ResidencePermitCredential.json": json.dumps(PERMIT)})[
        "Residence Permit"
    ]
    by_pointer = {f.field.pointer: f for f in doc.findings}
    for rel in (
        "type[]",
        "issuanceDate",
        "credentialSchema.type",
        "credentialStatus.revocationNonce",
        "credentialStatus.type",
        "subjectPosition",
        "revNonce",
        "updatable",
    ):
        assert not by_pointer[f"Residence Permit.{rel}"].personal, rel
    holder = by_pointer["Residence Permit.credentialSubject.id"]
    assert holder.personal and holder.element == "pi.online_identity.user_id"
    for column in ("fullName", "dateOfBirth", "permitCategory"):
        assert by_pointer[f"Residence Permit.credentialSubject.{column}"].personal, column
    wallet = _finding(doc, "walletAddress")
    assert wallet.sensitive and wallet.element == "pi.financial.virtual_property"


def test_a_subject_member_of_another_document_is_no_credential(tmp_path: Path) -> None:
    """An observation's `subject` (a reference to the patient) is not a credential's claims:
    the observation's own values stay the patient's."""
    observation = {
        "title": "PatientObservation",
        "type": "object",
        "properties": {
            "subject": {"type": "object", "properties": {"reference": {"type": "string"}}},
            "patientName": {"type": "string"},
            "diagnosis": {"type": "string"},
        },
    }
    doc = _scan(tmp_path, {"observation.json": json.dumps(observation)})["PatientObservation"]
    assert _finding(doc, "diagnosis").personal
    assert _finding(doc, "patientName").personal
    assert not any(
        ev.rule.startswith("subject-credential") for f in doc.findings for ev in f.evidence
    )


def test_a_presentation_keeps_its_own_holder(tmp_path: Path) -> None:
    """A document that nests credentials deeper (a presentation's `verifiableCredential[]`) is not
    one credential: its own members, the holder's e-mail among them, are not taken back."""
    presentation = {
        "title": "Presentation",
        "type": "object",
        "properties": {
            "holderEmail": {"type": "string", "format": "email"},
            "verifiableCredential": {"type": "array", "items": PERMIT},
        },
    }
    doc = _scan(tmp_path, {"presentation.json": json.dumps(presentation)})["Presentation"]
    assert _finding(doc, "holderEmail").personal
