"""A person's pay items and loans are property information, sensitive (GB/T 35273 Annex B:
个人财产信息, 收入; 信贷记录): the allowances and fees of an employee's finance table (补贴, 稿酬,
酬金), Spanish and French payroll columns (`deducciones`, `neto`, `salaire_brut_mensuel`) and an
employee's loan (`prestamos.monto`, `cuota_mensual`); national numbers of other countries (CURP,
RFC, CPF, the French social-security number) are identity document numbers."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

OA = """
create table EMPLOYEE (
   EMPCODE VARCHAR(20) not null,
   EMPNAME VARCHAR(50),
   constraint PK_EMPLOYEE primary key (EMPCODE)
);
create table EMP_FINANCIAL (
   EMPCODE VARCHAR(20),
   EMPNAME VARCHAR(50),
   WCBT NUMERIC(10, 2),
   GC NUMERIC(10, 2),
   CJ NUMERIC(10, 2),
   PSF NUMERIC(10, 2),
   LB NUMERIC(10, 2)
);
comment on table EMP_FINANCIAL is '员工财务表';
comment on column EMP_FINANCIAL.EMPCODE is '人员编号';
comment on column EMP_FINANCIAL.EMPNAME is '姓名';
comment on column EMP_FINANCIAL.WCBT is '外场补贴';
comment on column EMP_FINANCIAL.GC is '稿酬';
comment on column EMP_FINANCIAL.CJ is '酬金';
comment on column EMP_FINANCIAL.PSF is '评审费';
comment on column EMP_FINANCIAL.LB is '劳保';
"""

NOMINA = """
create table empleados (
  cedula varchar(11) not null,
  nombres varchar(50) not null,
  salario_base float not null,
  primary key (cedula)
);
create table historial_nomina (
  id serial not null,
  cedula varchar(11) not null,
  deducciones float not null,
  impuestos float not null,
  auxilio_transporte float not null,
  neto float not null,
  primary key (id),
  foreign key (cedula) references empleados(cedula)
);
create table prestamos (
  id_prestamo serial not null,
  id_empleado varchar(11) not null,
  monto float not null,
  cuota_mensual float not null,
  saldo_restante float not null,
  primary key (id_prestamo),
  foreign key (id_empleado) references empleados(cedula)
);
"""

FRENCH = """
create table employe (
  id_employe serial primary key,
  nom varchar(50),
  numero_securite_sociale varchar(15),
  salaire_brut_mensuel numeric(10, 2)
);
create table cliente (
  id serial primary key,
  nome varchar(50),
  cpf varchar(11),
  curp varchar(18),
  rfc varchar(13)
);
"""


def _findings(tmp_path: Path, ddl: str) -> dict[str, dict[str, object]]:
    (tmp_path / "schema.sql").write_text(ddl, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}


def test_allowances_and_fees_of_an_employees_finance_table(tmp_path: Path) -> None:
    found = _findings(tmp_path, OA)["EMP_FINANCIAL"]
    for column in ("WCBT", "GC", "CJ", "PSF", "LB"):
        assert found[column].sensitive, column
        assert found[column].element == "pi.education_work.salary", column


def test_spanish_payroll_and_loan_columns(tmp_path: Path) -> None:
    found = _findings(tmp_path, NOMINA)
    for column in ("deducciones", "impuestos", "auxilio_transporte", "neto"):
        assert found["historial_nomina"][column].sensitive, column
    for column in ("monto", "cuota_mensual", "saldo_restante"):
        assert found["prestamos"][column].sensitive, column
        assert found["prestamos"][column].element == "pi.financial.credit", column


def test_french_pay_and_national_numbers(tmp_path: Path) -> None:
    found = _findings(tmp_path, FRENCH)
    assert found["employe"]["salaire_brut_mensuel"].element == "pi.education_work.salary"
    assert found["employe"]["numero_securite_sociale"].element == "pi.identity.social_security"
    for column in ("cpf", "curp", "rfc"):
        assert found["cliente"][column].element == "pi.identity.document_number", column
        assert found["cliente"][column].sensitive, column


LENDER = """
CREATE TABLE `user` (
  `id` int(11) NOT NULL,
  `name` varchar(50) DEFAULT NULL COMMENT '姓名',
  `mobile` varchar(20) DEFAULT NULL COMMENT '手机号',
  PRIMARY KEY (`id`)
);
CREATE TABLE `person` (
  `id` int(11) NOT NULL,
  `user_id` int(11) NOT NULL COMMENT '用户ID',
  `salary` int(11) DEFAULT NULL COMMENT '工资：1:1000元以下,2:1001-2000元,3:2001-3000元',
  `insurance_num` int(11) DEFAULT NULL COMMENT '社保电脑号',
  PRIMARY KEY (`id`)
);
CREATE TABLE `borrow` (
  `id` int(11) NOT NULL,
  `user_id` int(11) NOT NULL COMMENT '用户ID',
  `amount` varchar(255) DEFAULT NULL COMMENT '借款金额',
  `forfeit` varchar(255) DEFAULT NULL COMMENT '罚金',
  `cui_charges` varchar(255) DEFAULT NULL COMMENT '催收费',
  PRIMARY KEY (`id`)
);
CREATE TABLE `house` (
  `id` int(11) NOT NULL,
  `user_id` int(11) NOT NULL COMMENT '用户id',
  `yg` varchar(255) DEFAULT NULL COMMENT '月供',
  PRIMARY KEY (`id`)
);
"""


def test_a_coded_pay_band_a_social_security_number_and_loan_penalties(tmp_path: Path) -> None:
    found = _findings(tmp_path, LENDER)
    assert found["person"]["salary"].element == "pi.education_work.salary"
    assert found["person"]["salary"].sensitive
    assert found["person"]["insurance_num"].element == "pi.identity.social_security"
    for column in ("forfeit", "cui_charges"):
        assert found["borrow"][column].element == "pi.financial.credit", column
        assert found["borrow"][column].sensitive, column
    assert found["house"]["yg"].element == "pi.financial.credit"


BANK = """
CREATE TABLE client (
    client_id INTEGER PRIMARY KEY,
    birth_number VARCHAR(10),
    district_id INTEGER
);
CREATE TABLE account (
    account_id INTEGER PRIMARY KEY,
    client_id INTEGER REFERENCES client (client_id),
    frequency VARCHAR(20)
);
CREATE TABLE loan (
    loan_id INTEGER PRIMARY KEY,
    account_id INTEGER REFERENCES account (account_id),
    date DATE,
    amount NUMERIC(12, 2),
    duration INTEGER,
    payments NUMERIC(12, 2),
    status CHAR(1)
);
CREATE TABLE tax_credit_award (
    award_id INTEGER PRIMARY KEY,
    client_id INTEGER REFERENCES client (client_id),
    from_date DATE,
    to_date DATE
);
"""


def test_a_loan_of_a_clients_account_is_a_credit_record(tmp_path: Path) -> None:
    """A loan reached through the client's account: its date, duration, monthly payments and
    repayment status are the client's credit record (信贷记录), as its amount is; a Czech-style
    birth number (rodné číslo) is a national identity number. A tax credit is a benefit: its
    dates are no loan's."""
    (tmp_path / "bank.sql").write_text(BANK, encoding="utf-8")
    found = {d.dataset.name: d for d in scan_paths([tmp_path], ScanOptions(content=False)).datasets}
    loan = {f.field.name: f for f in found["loan"].findings}
    for column in ("date", "amount", "duration", "payments", "status"):
        assert loan[column].element == "pi.financial.credit", column
        assert loan[column].sensitive, column
    client = {f.field.name: f for f in found["client"].findings}
    assert client["birth_number"].element == "pi.identity.resident_id"
    award = {f.field.name: f for f in found["tax_credit_award"].findings}
    assert award["from_date"].element != "pi.financial.credit"
    assert award["to_date"].element != "pi.financial.credit"
