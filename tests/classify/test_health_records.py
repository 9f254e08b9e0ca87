"""A person's record named after their health (`customer_health`) makes what no other rule claims
on it health information, as a patient's record does."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE sys_customer (
  CUSTOMER_ID varchar(255) NOT NULL,
  CUSTOMER_NAME varchar(255),
  CUSTOMER_SEX varchar(4),
  PHONE varchar(20),
  PRIMARY KEY (CUSTOMER_ID)
);
CREATE TABLE sys_customer_health (
  HEALTH_ID varchar(255) NOT NULL,
  CUSTOMER_ID varchar(255) DEFAULT NULL,
  SICK_HISTORY tinytext,
  SELF_CARE tinytext,
  PRIMARY KEY (HEALTH_ID)
);
CREATE TABLE sys_customer_meal (
  MEAL_ID varchar(255) NOT NULL,
  CUSTOMER_ID varchar(255) DEFAULT NULL,
  FOOD_ZAO varchar(255),
  PRIMARY KEY (MEAL_ID)
);
"""


def _scan(tmp_path: Path) -> dict[str, dict[str, object]]:
    (tmp_path / "home.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name: {f.field.name: f for f in d.findings} for d in result.datasets}


def test_a_persons_health_record_is_health_information(tmp_path: Path) -> None:
    health = _scan(tmp_path)["sys_customer_health"]
    for column in ("SICK_HISTORY", "SELF_CARE"):
        assert health[column].sensitive, column  # type: ignore[attr-defined]
        assert health[column].element.startswith("pi.health."), column  # type: ignore[attr-defined]


def test_other_records_of_the_person_stay_general(tmp_path: Path) -> None:
    meal = _scan(tmp_path)["sys_customer_meal"]["FOOD_ZAO"]
    assert meal.personal and not meal.sensitive  # type: ignore[attr-defined]


PERIODS = """
CREATE TABLE customer (customer_id INT PRIMARY KEY, full_name VARCHAR(50), mobile VARCHAR(20));
CREATE TABLE subscription_period (
  id INT PRIMARY KEY,
  customer_id INT REFERENCES customer(customer_id),
  plan_code VARCHAR(10)
);
"""


def test_a_period_in_a_table_name_is_not_health(tmp_path: Path) -> None:
    """`period` alone names a span of time (a subscription's, a pay period): a customer's
    subscription periods are general information about them, not reproductive health."""
    (tmp_path / "billing.sql").write_text(PERIODS, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    (periods,) = [r for r in result.datasets if r.dataset.name == "subscription_period"]
    plan = next(f for f in periods.findings if f.field.name == "plan_code")
    assert plan.personal
    assert plan.element == "pi.other.person_attribute"
    assert not plan.sensitive
