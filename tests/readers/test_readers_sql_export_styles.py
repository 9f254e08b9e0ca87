"""DDL styles of exported MySQL scripts: index lines with double-quoted names after the
primary key, ``#`` comments after the ``;`` of a statement, ``COMMENT`` with no text, and a
column list closed with ``}``."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

_SQL = """\
CREATE TABLE "member_card" (
  "id" int NOT NULL,
  "card_no" varchar(32) NOT NULL,
  "holder_name" varchar(64) DEFAULT NULL,
  PRIMARY KEY ("id"),
  KEY "idx_card_no" ("card_no"),
  UNIQUE KEY "uk_holder" ("holder_name")
);
CREATE TABLE `visit` (
  `id` int NOT NULL,
  `guest_name` varchar(64) DEFAULT NULL
);
insert into `visit` values (1, 'a;#b');##1
insert into `visit` values (2, 'c'); # the second visit
CREATE TABLE `room` (
  `id` int NOT NULL,
  `room_no` varchar(8) DEFAULT NULL COMMENT ,
  `floor` int DEFAULT NULL COMMENT '楼层'
);
CREATE TABLE badge (
  id int NOT NULL,
  holder_phone varchar(20)
};
"""


def test_export_styles_keep_every_table_and_column(tmp_path: Path) -> None:
    (tmp_path / "club.sql").write_text(_SQL, encoding="utf-8")
    result = scan_paths([tmp_path / "club.sql"], ScanOptions(content=False))
    tables = {
        d.dataset.name: [(f.name, f.line, f.comment) for f in d.dataset.fields]
        for d in result.datasets
    }
    assert tables == {
        "member_card": [("id", 2, None), ("card_no", 3, None), ("holder_name", 4, None)],
        "visit": [("id", 10, None), ("guest_name", 11, None)],
        "room": [("id", 16, None), ("room_no", 17, None), ("floor", 18, "楼层")],
        "badge": [("id", 21, None), ("holder_phone", 22, None)],
    }
    assert [p for p in result.problems if p.severity.value == "error"] == []


# A SQL Server script as diagram tools export it: a byte-order mark, session statements and a
# named transaction with no ';' anywhere, tables and foreign keys, then COMMIT.
_DIAGRAM_EXPORT = (
    "\ufeffSET XACT_ABORT ON\r\n\r\nBEGIN TRANSACTION QUICKDBD\r\n\r\n"
    "CREATE TABLE [Kunde] (\r\n"
    "    [KundeID] int  NOT NULL ,\r\n"
    "    [Vorname] nvarchar(100)  NOT NULL ,\r\n"
    "    CONSTRAINT [PK_Kunde] PRIMARY KEY CLUSTERED (\r\n        [KundeID] ASC\r\n    )\r\n)\r\n\r\n"
    "CREATE TABLE [Bestellung] (\r\n"
    "    [BestellungID] int  NOT NULL ,\r\n"
    "    [KundeID] int  NOT NULL \r\n)\r\n\r\n"
    "ALTER TABLE [Bestellung] WITH CHECK ADD CONSTRAINT [FK_Bestellung_KundeID] "
    "FOREIGN KEY([KundeID])\r\nREFERENCES [Kunde] ([KundeID])\r\n\r\n"
    "ALTER TABLE [Bestellung] CHECK CONSTRAINT [FK_Bestellung_KundeID]\r\n\r\n"
    "COMMIT TRANSACTION QUICKDBD\r\n"
)


def test_session_preamble_without_semicolons_keeps_the_tables(tmp_path: Path) -> None:
    (tmp_path / "export.sql").write_bytes(_DIAGRAM_EXPORT.encode("utf-8"))
    result = scan_paths([tmp_path / "export.sql"], ScanOptions(content=False))
    tables = {d.dataset.name: [(f.name, f.line) for f in d.dataset.fields] for d in result.datasets}
    assert tables == {
        "Kunde": [("KundeID", 6), ("Vorname", 7)],
        "Bestellung": [("BestellungID", 14), ("KundeID", 15)],
    }
    links = {d.dataset.name: d.dataset.foreign_keys for d in result.datasets}
    assert [fk.columns for fk in links["Bestellung"]] == [("KundeID",)]
    assert [p for p in result.problems if p.severity.value == "error"] == []
