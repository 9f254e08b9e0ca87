"""A club's mailing history names its columns after the mailing (`mailing_sender`,
`mailing_recipients`, `mailing_body`): read without that first word they are a sender, the
recipients and a body, so each row is a mail a member sent, a communication record (GB/T
35273-2020 Annex B: 通信内容), its subject, date and sender's name too. A table of mailing
addresses with no body stays what it was."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

SQL = """
CREATE TABLE members (
  id_adh int unsigned NOT NULL auto_increment,
  nom_adh varchar(255) NOT NULL,
  email_adh varchar(255),
  PRIMARY KEY (id_adh)
);
CREATE TABLE mailing_history (
  mailing_id int unsigned NOT NULL auto_increment,
  mailing_sender int unsigned,
  mailing_subject varchar(255) NOT NULL,
  mailing_body longtext NOT NULL,
  mailing_date datetime NOT NULL,
  mailing_recipients longtext NOT NULL,
  mailing_sent tinyint(1) NOT NULL,
  mailing_sender_name varchar(255) DEFAULT NULL,
  PRIMARY KEY (mailing_id),
  FOREIGN KEY (mailing_sender) REFERENCES members (id_adh)
);
"""


def test_columns_named_after_the_mailing_make_a_store_of_messages(tmp_path: Path) -> None:
    (tmp_path / "club.sql").write_text(SQL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    found = {d.dataset.name: d for d in result.datasets}
    mails = {f.field.name: f for f in found["mailing_history"].findings}
    for column in ("mailing_body", "mailing_recipients", "mailing_date", "mailing_sender_name"):
        assert mails[column].sensitive, column
    members = {f.field.name: f for f in found["members"].findings}
    assert not members["email_adh"].sensitive
