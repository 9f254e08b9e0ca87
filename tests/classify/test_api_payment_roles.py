"""API documents of payments between people: the payer (`pagador`, `devedor`) and the payee
(`recebedor`, `payee`) of a charge are people, and a list of free name/value entries the
charge carries (`infoAdicionais[]` with `nome` and `valor`) holds the entries' own names."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from builders import scan_files as _scan

#: An instant-payment charge API (OpenAPI 3, Portuguese): a charge names its payer and carries
#: additional name/value entries shown to them.
_CHARGES = """\
openapi: 3.0.0
info:
  title: API de cobranças
  version: 1.0.0
paths: {}
components:
  schemas:
    Cobranca:
      type: object
      properties:
        txid:
          type: string
        pagador:
          type: object
          properties:
            cpf:
              type: string
            nome:
              type: string
        valor:
          type: object
          properties:
            original:
              type: string
            multa:
              type: string
        infoAdicionais:
          type: array
          items:
            type: object
            properties:
              nome:
                type: string
              valor:
                type: string
"""

#: The same kind of list beside a person's record, in English (`customFields[]` key/value).
_PROFILE = """\
{"title": "Profile", "type": "object", "properties": {
  "firstName": {"type": "string"},
  "lastName": {"type": "string"},
  "email": {"type": "string"},
  "customFields": {"type": "array", "items": {"type": "object", "properties": {
    "key": {"type": "string"}, "value": {"type": "string"}}}}}}
"""


def _by_path(result: Any) -> dict[str, Any]:
    head = result.dataset.name + "."
    return {f.field.pointer.removeprefix(head): f for f in result.findings}


def test_a_charge_names_its_payer_and_what_it_asks_of_them(tmp_path: Path) -> None:
    """A charge addressed to a payer (`pagador`) is about that person, and the generic `nome` of
    the payer is their name."""
    results = _scan(tmp_path, {"cobranca.yaml": _CHARGES})
    charge = results["Cobranca"]
    assert charge.subject.about_person
    found = _by_path(charge)
    assert charge.subject.role == "customer"
    for path in ("pagador.nome", "pagador.cpf"):
        assert found[path].personal, path


def test_the_entries_of_a_name_value_list_are_nobodys_names(tmp_path: Path) -> None:
    results = _scan(tmp_path, {"cobranca.yaml": _CHARGES, "profile.json": _PROFILE})
    for dataset, pair in (("Cobranca", ("nome", "valor")), ("Profile", ("key", "value"))):
        found = _by_path(results[dataset])
        array = "infoAdicionais[]" if dataset == "Cobranca" else "customFields[]"
        for member in pair:
            f = found[f"{array}.{member}"]
            assert not f.personal, (dataset, member)
            assert any(ev.rule == "subject-entry-pair" for ev in f.evidence)
    assert _by_path(results["Profile"])["email"].personal
