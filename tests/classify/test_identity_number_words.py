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


PETITIONS = """
CREATE TABLE ym_relocate_petition (
  id int PRIMARY KEY,
  xm varchar(50) COMMENT '',
  sfzmhm char(20) COMMENT '',
  lxdh varchar(20) COMMENT ''
);
CREATE TABLE user_info (
  id bigint PRIMARY KEY,
  name varchar(20) COMMENT '用户姓名',
  certificates_type varchar(3) COMMENT '证件类型',
  certificates_no varchar(30) COMMENT '证件编号',
  certificates_url varchar(200) COMMENT '证件路径',
  licence_img varchar(200) COMMENT '证件扫描件'
);
"""


def test_identity_proof_initials_and_document_images(tmp_path: Path) -> None:
    """`sfzmhm` (身份证明号码) is the person's identity number even with an empty comment; the
    image or file of a person's identity document (证件路径, 证件扫描件) is sensitive as the
    document is, while the document's type is not."""
    by_name = scan_files(tmp_path, {"schema.sql": PETITIONS})
    petition = {f.field.name: f for f in by_name["ym_relocate_petition"].findings}
    assert petition["sfzmhm"].element == "pi.identity.resident_id"
    user = {f.field.name: f for f in by_name["user_info"].findings}
    for name in ("certificates_url", "licence_img"):
        assert user[name].element == "pi.identity.id_card_image", name
        assert user[name].sensitive, name
    assert not user["certificates_type"].sensitive


RESIDENTS = """
CREATE TABLE resident (id int PRIMARY KEY, full_name varchar(50), mobile varchar(20),
  aadhaar_no varchar(12), emirates_id varchar(18), nric varchar(9), iqama_number varchar(10),
  hkid varchar(10), mykad varchar(12));
"""


def test_national_identity_card_names(tmp_path: Path) -> None:
    """The names of national identity cards (India's Aadhaar, the UAE's Emirates ID,
    Singapore's NRIC, Saudi Arabia's Iqama, Hong Kong's HKID, Malaysia's MyKad) name a resident
    identity card number: sensitive specific identity (GB/T 35273-2020 Annex B)."""
    by_name = scan_files(tmp_path, {"schema.sql": RESIDENTS})
    found = {f.field.name: f for f in by_name["resident"].findings}
    for name in ("aadhaar_no", "emirates_id", "nric", "iqama_number", "hkid", "mykad"):
        assert found[name].element == "pi.identity.resident_id", name
        assert found[name].sensitive, name
