"""Brazilian identity documents in an account-opening API: the RG (Registro Geral, the state
identity card) number and the CNH (Carteira Nacional de Habilitação, the driving licence) and its
scans are identity documents (GB/T 35273-2020 Annex B, 个人身份信息: sensitive)."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

API = """
openapi: 3.0.3
info: {title: Onboarding, version: "1.0"}
paths: {}
components:
  schemas:
    AccountOpening:
      type: object
      properties:
        full_name:
          type: string
        cpf:
          type: string
        cnh_front:
          type: string
          format: binary
          description: Front of the CNH
        cnh_back:
          type: string
          format: binary
    BrazilianDocuments:
      type: object
      properties:
        rg_number:
          type: string
        rg_issuer:
          type: string
"""


def test_a_cnh_scan_is_a_driving_licence(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"onboarding.yaml": API})
    for column in ("cnh_front", "cnh_back"):
        scan = finding_of(found["AccountOpening"], column)
        assert scan.sensitive, column
        assert scan.element == "pi.identity.driving_licence", column


def test_an_rg_number_is_an_identity_document_number(tmp_path: Path) -> None:
    found = scan_files(tmp_path, {"onboarding.yaml": API})
    number = finding_of(found["BrazilianDocuments"], "rg_number")
    assert number.sensitive
    assert number.element == "pi.identity.document_number"
