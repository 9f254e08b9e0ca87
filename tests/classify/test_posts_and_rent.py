"""Two words of a person's record: the firm's account manager written on a client's row
(客服经理, 客户经理) is that staff member's name, like 经办人 or 负责人; and rent a person pays
(`rent_current`, 租金) is their financial information on a record about them."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

from dataflow.model import DatasetResult

FORMS = """
CREATE TABLE mainform (id int PRIMARY KEY AUTO_INCREMENT, `客服经理` char(64),
  `客户经理` char(64), `产品名称` char(64));
CREATE TABLE customer (id int PRIMARY KEY, name varchar(40), phone varchar(20),
  id_card varchar(18));
CREATE TABLE lease (id int PRIMARY KEY, customer_id int REFERENCES customer (id),
  rent_current bit, `租金` decimal(10,2), window_style varchar(20));
"""


def _scan(tmp_path: Path) -> dict[str, DatasetResult]:
    return scan_files(tmp_path, {"forms.sql": FORMS})


def test_an_account_manager_column_is_a_name(tmp_path: Path) -> None:
    found = {f.field.name: f for f in _scan(tmp_path)["mainform"].findings}
    for column in ("客服经理", "客户经理"):
        assert found[column].element == "pi.identity.name", column
    assert not found["产品名称"].personal


def test_rent_on_a_customers_lease_is_financial(tmp_path: Path) -> None:
    found = {f.field.name: f for f in _scan(tmp_path)["lease"].findings}
    for column in ("rent_current", "租金"):
        assert found[column].element == "pi.financial.amount", column
