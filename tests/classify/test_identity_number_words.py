"""`identity_no` and `identification_number` name an identity document's number (sensitive);
the kind of document (`identity_type`) does not."""

from __future__ import annotations

from pathlib import Path

from builders import scan_files

CUSTOMERS = """
CREATE TABLE t_customer (id int PRIMARY KEY, name varchar(50), phone varchar(20),
  identity_no varchar(30), identification_number varchar(30), identity_type int);
"""


def test_identity_number_words(tmp_path: Path) -> None:
    by_name = scan_files(tmp_path, {"schema.sql": CUSTOMERS})
    found = {f.field.name: f for f in by_name["t_customer"].findings}
    for name in ("identity_no", "identification_number"):
        assert found[name].element == "pi.identity.document_number", name
        assert found[name].sensitive, name
    assert not found["identity_type"].sensitive
