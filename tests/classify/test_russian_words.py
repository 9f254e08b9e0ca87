"""Russian column and table comments (COMMENT ON of an Oracle schema): the catalogs' Russian
words are found inside the comments as word beginnings, whatever the ending (паспорта, телефона),
and a table comment naming a role (Клиенты, 'clients') makes the rows those people."""

from __future__ import annotations

from pathlib import Path

from builders import finding_of as _finding
from builders import scan_files as _scan

SCHEMA = """
CREATE TABLE KL (
  K_ID NUMBER PRIMARY KEY,
  F1 VARCHAR2(100),
  F2 VARCHAR2(100),
  S1 VARCHAR2(4),
  S2 VARCHAR2(10),
  T1 VARCHAR2(20),
  W1 VARCHAR2(50),
  A1 VARCHAR2(200),
  LC VARCHAR2(50)
);
COMMENT ON TABLE KL IS 'Клиенты';
COMMENT ON COLUMN KL.K_ID IS 'Первичный ключ';
COMMENT ON COLUMN KL.F1 IS 'Фамилия';
COMMENT ON COLUMN KL.F2 IS 'Дата рождения';
COMMENT ON COLUMN KL.S1 IS 'Серия паспорта';
COMMENT ON COLUMN KL.S2 IS 'Номер паспорта';
COMMENT ON COLUMN KL.T1 IS 'Номер телефона';
COMMENT ON COLUMN KL.W1 IS 'Кодовое слово';
COMMENT ON COLUMN KL.A1 IS 'Прописка: Улица';
COMMENT ON COLUMN KL.LC IS 'Любимый цвет';

CREATE TABLE NASTR (
  N_ID NUMBER PRIMARY KEY,
  FWD VARCHAR2(100)
);
COMMENT ON TABLE NASTR IS 'Настройки';
COMMENT ON COLUMN NASTR.FWD IS 'Переадресация по умолчанию';
"""


def test_russian_comments_name_the_persons_data(tmp_path: Path) -> None:
    """Column names that say nothing, Russian comments that do: a surname, a birth date, a
    passport's series and number (sensitive), a telephone number, a code word (a secret that
    authenticates the client, sensitive) and a registration address."""
    ds = _scan(tmp_path, {"kl.sql": SCHEMA})["KL"]
    assert _finding(ds, "F1").element == "pi.identity.name"
    assert _finding(ds, "F2").element == "pi.profile.birth_date"
    for column in ("S1", "S2"):
        passport = _finding(ds, column)
        assert passport.element == "pi.identity.passport" and passport.sensitive
    assert _finding(ds, "T1").element == "pi.contact.mobile"
    word = _finding(ds, "W1")
    assert word.element == "pi.credential.password" and word.sensitive
    assert _finding(ds, "A1").element == "pi.contact.address"


def test_russian_table_comment_names_the_rows_people(tmp_path: Path) -> None:
    """'Клиенты' (clients) is the table of the clients: a column no word claims is still
    information about the client; the table's own key is not."""
    ds = _scan(tmp_path, {"kl.sql": SCHEMA})["KL"]
    assert ds.subject.kind == "person" and ds.subject.role == "customer"
    assert _finding(ds, "LC").element == "pi.other.person_attribute"
    assert not _finding(ds, "K_ID").personal


def test_russian_word_inside_another_word_does_not_count(tmp_path: Path) -> None:
    """'Переадресация' (call forwarding) holds 'адрес' (address) but does not begin with it."""
    ds = _scan(tmp_path, {"kl.sql": SCHEMA})["NASTR"]
    assert not _finding(ds, "FWD").personal
