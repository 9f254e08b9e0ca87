"""Schema documents of an API whose description says a call must be given one person's identifier
('A National Insurance number and tax year are required'): the document is that person's record."""

from __future__ import annotations

import json
from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan


def _doc(title: str, description: str) -> str:
    return json.dumps(
        {
            "$schema": "http://json-schema.org/draft-04/schema#",
            "title": title,
            "description": description,
            "type": "object",
            "properties": {
                "fromDate": {"type": "string", "description": "First day the period covers."},
                "repairsAndMaintenance": {
                    "type": "number",
                    "description": "Costs of repairs and maintenance in the period.",
                },
            },
        }
    )


def test_a_call_keyed_by_a_national_insurance_number_is_that_persons(tmp_path: Path) -> None:
    """'A National Insurance number, business ID and tax year are required': the response is about
    the one taxpayer the number names, so its period and its costs are information about them."""
    results = _scan(
        tmp_path,
        {
            "period.json": _doc(
                "Retrieve a period summary",
                "This endpoint retrieves a period summary of a property business. A National"
                " Insurance number, business ID and tax year are required.",
            )
        },
    )
    doc = results["Retrieve a period summary"]
    assert doc.subject.kind == "person_linked"
    assert doc.subject.role == "user"
    assert _finding(doc, "repairsAndMaintenance").personal


def test_a_patient_identifier_names_a_patient(tmp_path: Path) -> None:
    """A patient id the call must be given makes the document the patient's."""
    results = _scan(
        tmp_path,
        {"visit.json": _doc("Visit summary", "A patient ID must be provided.")},
    )
    assert results["Visit summary"].subject.kind == "person_linked"
    assert results["Visit summary"].subject.role == "patient"


def test_keys_of_things_or_of_the_caller_are_not_a_person(tmp_path: Path) -> None:
    """A business id or an API key the call needs names no person; nor does a national insurance
    number mentioned without saying the call needs it."""
    results = _scan(
        tmp_path,
        {
            "business.json": _doc("Business summary", "A business ID and tax year are required."),
            "keyed.json": _doc("Rates", "An API key must be provided."),
            "info.json": _doc("Guide", "Explains what a National Insurance number is."),
        },
    )
    for name in ("Business summary", "Rates", "Guide"):
        assert results[name].subject.kind != "person_linked", name
        assert not _finding(results[name], "repairsAndMaintenance").personal, name


def _penalties() -> str:
    return json.dumps(
        {
            "title": "Retrieve ITSA Penalties",
            "description": "Retrieves the penalties applied to an income tax self assessment"
            " account. A National Insurance number must be provided.",
            "type": "object",
            "properties": {
                "penaltyStatus": {"type": "string", "description": "Whether it is posted."},
                "penaltyChargeAmount": {"type": "number", "description": "Amount charged."},
                "rentsReceived": {"type": "number", "description": "Rents received."},
                "lateSubmissionPenalty": {
                    "type": "object",
                    "properties": {
                        "activePenaltyPoints": {
                            "type": "integer",
                            "description": "Points for late returns.",
                        }
                    },
                },
            },
        }
    )


def test_a_persons_tax_document_makes_its_money_sensitive_and_no_crime(tmp_path: Path) -> None:
    """A self assessment document of one taxpayer: its charges and rents are what the person owes
    and earned (个人财产信息, sensitive); its penalties for a late return are the tax authority's
    charges, not a criminal record."""
    results = _scan(tmp_path, {"penalties.json": _penalties()})
    doc = results["Retrieve ITSA Penalties"]
    for name in ("penaltyChargeAmount", "rentsReceived", "penaltyStatus", "activePenaltyPoints"):
        finding = _finding(doc, name)
        assert finding.personal, name
        assert finding.element != "pi.other.criminal_record", name
    assert _finding(doc, "penaltyChargeAmount").sensitive
    assert _finding(doc, "rentsReceived").sensitive


def test_tax_words_without_a_person_are_no_record(tmp_path: Path) -> None:
    """Income tax bands of a tax year name no one: the family counts only on a person's record."""
    doc = json.dumps(
        {
            "title": "Income tax bands",
            "description": "The income tax bands and rates for a tax year.",
            "type": "object",
            "properties": {
                "rate": {"type": "number", "description": "Rate of the band."},
                "amount": {"type": "number", "description": "Upper limit of the band."},
            },
        }
    )
    results = _scan(tmp_path, {"bands.json": doc})
    assert not _finding(results["Income tax bands"], "amount").personal


def _untitled(props: dict[str, dict[str, str]]) -> str:
    return json.dumps({"type": "object", "properties": props})


BALANCE = {
    "payableAmount": {"type": "number", "description": "Amount to pay now."},
    "payableDueDate": {"type": "string", "description": "When the amount is due."},
}


def test_files_of_one_operation_share_its_person(tmp_path: Path) -> None:
    """`retrieveBalanceAndTransactions_itemDetails.json` says the call needs a National Insurance
    number; `retrieveBalanceAndTransactions_balanceDetails.json`, another part of the same
    operation's response, says nothing itself: it is about the same person. A file of another
    operation (`listCatalogueItems_response.json`) is not."""
    results = _scan(
        tmp_path,
        {
            "retrieveBalanceAndTransactions_itemDetails.json": _doc(
                "Retrieve a charge", "A National Insurance number must be provided."
            ),
            "retrieveBalanceAndTransactions_balanceDetails.json": _untitled(BALANCE),
            "listCatalogueItems_response.json": _untitled(BALANCE),
        },
    )
    balance = results["retrieveBalanceAndTransactions_balanceDetails"]
    assert balance.subject.kind == "person_linked"
    assert _finding(balance, "payableAmount").personal
    other = results["listCatalogueItems_response"]
    assert other.subject.kind != "person_linked"
    assert not _finding(other, "payableAmount").personal
