"""dbt projects of a hospital's back office (Portuguese column style: `cd_` code, `nm_` name, `vl_`
value, `dt_` date): dimensions of a mart are the people or events they list, a supplier's
invoice is the business's purchasing record, and an abbreviation is not a clinical word."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of, scan_files

MART = """
version: 2

models:
  - name: d_paciente
    columns:
      - name: cd_paciente
        description: "Código do paciente"
      - name: nm_paciente
        description: "Nome do paciente"

  - name: d_atendimento
    description: "Dimensão de atendimentos."
    columns:
      - name: cd_atendimento
        description: "Código do atendimento"
      - name: cd_paciente
        description: "Código do paciente"
      - name: dt_atendimento
        description: "Data do atendimento"

  - name: d_grupo_procedimento
    description: "Dimensão de grupos de procedimento."
    columns:
      - name: cd_gru_pro
        description: "Código do grupo de procedimento"
      - name: ds_gru_pro
        description: "Descrição do grupo de procedimento"
"""

STAGING = """
version: 2

models:
  - name: stg_nota_entrada
    description: "Staging das notas de entrada de fornecedores"
    columns:
      - name: cd_nota
        description: "Código da nota"
      - name: cd_fornecedor
        description: "Código do fornecedor"
      - name: cd_usuario
        description: "Código do usuário"
      - name: nr_documento
        description: "Número do documento"
      - name: dt_emissao
        description: "Data de emissão"
      - name: ds_observacao
        description: "Observação"
      - name: vl_total
        description: "Valor total"

  - name: stg_con_pag
    description: "Staging das contas a pagar"
    columns:
      - name: cd_con_pag
        description: "Código da conta a pagar"
      - name: dt_lancamento
        description: "Data de lançamento"
      - name: vl_bruto_conta
        description: "Valor bruto da conta"

  - name: ent_serv
    description: "Entradas de serviços"
    columns:
      - name: user_id
        description: "Usuário"
      - name: dt_entrada
        description: "Data de entrada"
      - name: ds_observacao
        description: "Observação"
"""


def test_a_dimension_named_after_people_is_their_table(tmp_path: Path) -> None:
    """`d` starts a code list's name in some schemas (`d_items`); before a role word alone, even
    with no description, it is a mart's dimension of those people: the patient's name is
    personal."""
    found = scan_files(tmp_path, {"models/mart.yml": MART})
    patients = found["d_paciente"]
    assert patients.subject.kind == "person"
    assert finding_of(patients, "nm_paciente").personal


def test_a_described_dimension_keyed_by_a_person_is_their_record(tmp_path: Path) -> None:
    """'Dimensão de atendimentos' with the patient's code: the patients' encounters, not a code
    list; a dimension of procedure groups keyed by no one stays a code list."""
    found = scan_files(tmp_path, {"models/mart.yml": MART})
    encounters = found["d_atendimento"]
    assert encounters.subject.kind == "person_linked"
    assert finding_of(encounters, "dt_atendimento").personal
    assert found["d_grupo_procedimento"].subject.kind == "reference"


def test_a_suppliers_invoice_is_not_about_the_clerk(tmp_path: Path) -> None:
    """The user's code on an invoice from a supplier is who keyed it in: the row is not about
    that user, and its document number, dates and notes are not personal."""
    found = scan_files(tmp_path, {"models/staging.yml": STAGING})
    invoice = found["stg_nota_entrada"]
    assert invoice.subject.kind not in ("person", "person_linked")
    for column in ("nr_documento", "dt_emissao", "ds_observacao", "vl_total"):
        assert not finding_of(invoice, column).personal, column


def test_the_value_of_an_account_is_not_a_person(tmp_path: Path) -> None:
    """`vl_bruto_conta`, the gross value of a bill (`conta`, read as account): an amount, not the
    key of an account holder that makes the bill theirs."""
    found = scan_files(tmp_path, {"models/staging.yml": STAGING})
    bill = found["stg_con_pag"]
    assert bill.subject.kind not in ("person", "person_linked")
    assert not finding_of(bill, "dt_lancamento").personal


def test_ent_of_a_table_name_is_not_an_ear_nose_and_throat_exam(tmp_path: Path) -> None:
    """`ent_serv` (entries of services): `ent` abbreviates entry far more often than the ENT
    department; its columns are not examination results."""
    found = scan_files(tmp_path, {"models/staging.yml": STAGING})
    entries = found["ent_serv"]
    assert not any((f.category or "").startswith("pi.health") for f in entries.findings)
