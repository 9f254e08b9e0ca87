"""The money objects of a person's bank account API: on an entry of the account (a
transaction resource naming its account), every sum of money the entry holds (`foreignAmount`,
an object with a currency beside its value) is an amount of the person's transaction record,
and on the account resource its `balance` is what the person holds there (GB/T 35273-2020
Annex B, 个人财产信息: 交易记录, 存款信息; sensitive). JSON:API's `attributes` object holds the
resource's own fields, so the entry's `attributes.description` is the entry's description. A
request's query parameters and the links to other resources are not the account's data."""

from __future__ import annotations

import json
from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult


def _money(ref: str = "#/components/schemas/Money") -> dict[str, str]:
    return {"$ref": ref}


def _string(**extra: str) -> dict[str, str]:
    return {"type": "string", **extra}


BANK_API = {
    "openapi": "3.0.0",
    "info": {
        "title": "Personal banking",
        "version": "1",
        "description": "Read your own bank accounts, their balances and your transactions.",
    },
    "paths": {
        "/transactions": {
            "get": {
                "parameters": [
                    {"name": "filter[since]", "in": "query", "schema": _string(format="date-time")},
                    {"name": "filter[until]", "in": "query", "schema": _string(format="date-time")},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {
                                "schema": {"$ref": "#/components/schemas/TransactionResource"}
                            }
                        },
                    }
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Money": {
                "type": "object",
                "properties": {
                    "currencyCode": _string(),
                    "value": _string(),
                    "valueInBaseUnits": {"type": "integer"},
                },
            },
            "AccountResource": {
                "type": "object",
                "properties": {
                    "id": _string(),
                    "type": _string(),
                    "attributes": {
                        "type": "object",
                        "properties": {"displayName": _string(), "balance": _money()},
                    },
                },
            },
            "TransactionResource": {
                "type": "object",
                "properties": {
                    "id": _string(),
                    "type": _string(),
                    "attributes": {
                        "type": "object",
                        "properties": {
                            "description": _string(
                                description="A short description of the transaction."
                            ),
                            "amount": _money(),
                            "foreignAmount": _money(),
                        },
                    },
                    "relationships": {
                        "type": "object",
                        "properties": {
                            "account": {
                                "type": "object",
                                "properties": {
                                    "data": {
                                        "type": "object",
                                        "properties": {"type": _string(), "id": _string()},
                                    }
                                },
                            }
                        },
                    },
                },
            },
        }
    },
}


def _scan(tmp_path: Path) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {"bank.json": json.dumps(BANK_API)})


def _fields(result: DatasetResult) -> dict[str, object]:
    name = result.dataset.name
    return {f.field.pointer.removeprefix(f"{name}."): f for f in result.findings}


def test_every_sum_of_money_on_an_account_entry_is_its_transaction_record(
    tmp_path: Path,
) -> None:
    found = _fields(_scan(tmp_path)["TransactionResource"])
    for member in ("currencyCode", "value", "valueInBaseUnits"):
        pointer = f"attributes.foreignAmount.{member}"
        assert found[pointer].element == "pi.financial.transaction", pointer  # type: ignore[attr-defined]
        assert found[pointer].sensitive, pointer  # type: ignore[attr-defined]
    # JSON:API `attributes` holds the entry's own fields: its description is the entry's
    assert found["attributes.description"].sensitive  # type: ignore[attr-defined]
    # the link to the account is not a detail of the entry
    assert not found["relationships.account.data.type"].sensitive  # type: ignore[attr-defined]


def test_the_balance_of_a_persons_account_is_what_they_hold(tmp_path: Path) -> None:
    found = _fields(_scan(tmp_path)["AccountResource"])
    for member in ("currencyCode", "value", "valueInBaseUnits"):
        pointer = f"attributes.balance.{member}"
        assert found[pointer].element == "pi.financial.balance", pointer  # type: ignore[attr-defined]
        assert found[pointer].sensitive, pointer  # type: ignore[attr-defined]


def test_query_parameters_of_a_request_are_not_the_accounts(tmp_path: Path) -> None:
    results = _scan(tmp_path)
    params = next(r for name, r in results.items() if name.endswith("parameters"))
    assert not any(f.sensitive for f in params.findings)
