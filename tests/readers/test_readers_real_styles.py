"""Schema files as real tools write them: Navicat's PostgreSQL export (a collation on every
text column, keys added by ALTER TABLE), SQL Server scripts with maintenance commands between
the tables, and SQL files in Western European legacy encodings next to GBK ones."""

from __future__ import annotations

from pathlib import Path

from test_readers_sql_styles import _dataset, _read

from dataflow.model import ReadResult
from dataflow.readers import read_path
from dataflow.readers.encoding import decode_text
from dataflow.readers.sql.parse import plain_collations

DATA = Path(__file__).parent.parent / "data" / "readers" / "real_styles"


def _problems(result: ReadResult) -> list[str]:
    return [f"{p.line}: {p.message}" for p in result.problems]


# --- 1. collations: Navicat's PostgreSQL export, MySQL column character sets ----------------


def test_navicat_postgres_export_reads_every_table_and_column_without_problems() -> None:
    result = read_path(DATA / "navicat_postgres.sql")
    assert _problems(result) == []
    assert [(d.name, d.line) for d in result.datasets] == [
        ("public.patient", 31),
        ("public.visit", 52),
    ]
    patient = _dataset(result, "public.patient")
    assert [(f.name, f.data_type, f.nullable, f.line) for f in patient.fields] == [
        ("id", "INT", False, 32),
        ("name", "VARCHAR(255)", False, 33),
        ("id_card", "VARCHAR(18)", None, 34),
        ("remarks", "TEXT", None, 35),
        ("ward_code", "VARCHAR(16)", None, 36),
        ("nickname", "VARCHAR(64)", None, 37),
        ("birth_date", "DATE", None, 38),
        ("created_at", "TIMESTAMP(6)", None, 39),
    ]
    assert patient.comment == "患者"
    assert {f.name: f.comment for f in patient.fields if f.comment} == {
        "name": "姓名",
        "id_card": "身份证号",
        "remarks": "notes; with a semicolon",
    }
    visit = _dataset(result, "public.visit")
    assert [(f.name, f.data_type, f.nullable) for f in visit.fields] == [
        ("id", "BIGINT", False),
        ("patient_id", "INT", False),
        ("diagnosis", "TEXT", None),
        ("doctor", "VARCHAR(50)", False),
    ]
    assert [(k.columns, k.table) for k in visit.foreign_keys] == [
        (("patient_id",), "public.patient")
    ]


def test_primary_keys_added_by_alter_table_belong_to_their_table(tmp_path: Path) -> None:
    assert [d.primary_key for d in read_path(DATA / "navicat_postgres.sql").datasets] == [
        ("id",),
        ("id",),
    ]
    result = _read(
        tmp_path,
        "CREATE TABLE public.t (id integer, code text);\n"
        "ALTER TABLE ONLY public.t\n    ADD CONSTRAINT t_pkey PRIMARY KEY (id);\n"
        "CREATE TABLE m (a int, b int, PRIMARY KEY (b));\n"
        "CREATE TABLE n (a int, b int);\n"
        "ALTER TABLE `m` ADD PRIMARY KEY (`a`);\n"
        "ALTER TABLE `n` ADD PRIMARY KEY (`a`,`b`), ADD KEY `ix_b` (`b`);\n"
        "CREATE TABLE o (a int, b int);\n"
        "ALTER TABLE `o`\n  ADD UNIQUE KEY `uk_a` (`a`),\n  ADD PRIMARY KEY (`b`);\n"
        "CREATE TABLE dbo.p (a int, b int);\n"
        "ALTER TABLE dbo.p ADD CONSTRAINT pk_p PRIMARY KEY NONCLUSTERED (a);\n",
    )
    assert _problems(result) == []
    assert [(d.name, d.primary_key) for d in result.datasets] == [
        ("public.t", ("id",)),
        ("m", ("b",)),  # the key the table itself declares stays
        ("n", ("a", "b")),
        ("o", ("b",)),
        ("dbo.p", ("a",)),
    ]


def test_primary_keys_of_named_table_constraints_are_read(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE public.a (id integer NOT NULL, n text,\n"
        "  CONSTRAINT a_pkey PRIMARY KEY (id));\n"
        "CREATE TABLE `b` (`x` int, `y` int, CONSTRAINT `pk_b` PRIMARY KEY (`x`, `y`),"
        " CONSTRAINT `uk_b` UNIQUE (`y`));\n"
        "CREATE TABLE [dbo].[c] ([Id] int NOT NULL, [K] int NOT NULL,\n"
        "  CONSTRAINT [PK_c] PRIMARY KEY NONCLUSTERED ([Id] ASC, [K] DESC),\n"
        "  CONSTRAINT [UQ_c] UNIQUE CLUSTERED ([K]))\nGO\n",
    )
    assert _problems(result) == []
    assert [(d.name, d.primary_key) for d in result.datasets] == [
        ("public.a", ("id",)),
        ("b", ("x", "y")),
        ("dbo.c", ("Id", "K")),
    ]


def test_qualified_collation_is_read_as_its_last_part_with_offsets_kept() -> None:
    sql = (
        'CREATE TABLE "t" (\n  "a" varchar(9) COLLATE "pg_catalog"."default" NOT NULL,\n'
        '  "b" text COLLATE pg_catalog . "C" COMMENT \'COLLATE "x"."y"\',\n'
        '  -- COLLATE "p"."q"\n  "c" text COLLATE "default"\n)'
    )
    plain = plain_collations(sql)
    assert len(plain) == len(sql)
    assert "COLLATE " + " " * len('"pg_catalog".') + '"default" NOT NULL' in plain
    assert "COLLATE " + " " * len("pg_catalog . ") + '"C"' in plain
    assert 'COMMENT \'COLLATE "x"."y"\'' in plain  # quoted text and comments as they were
    assert '-- COLLATE "p"."q"' in plain
    assert 'COLLATE "default"\n)' in plain


def test_mysql_column_collations_and_character_sets_are_read(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "CREATE TABLE `member` (\n"
        "  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n"
        "  `login` varchar(64) COLLATE utf8mb4_bin NOT NULL COMMENT '登录名',\n"
        "  `real_name` varchar(32) CHARACTER SET utf8 COLLATE utf8_general_ci"
        " DEFAULT NULL COMMENT '真实姓名',\n"
        "  `mobile` char(11) CHARACTER SET utf8mb4 DEFAULT NULL COMMENT '手机号',\n"
        "  `remark` text COLLATE utf8mb4_unicode_ci,\n"
        "  PRIMARY KEY (`id`)\n"
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin COMMENT='会员';\n",
    )
    assert _problems(result) == []
    member = _dataset(result, "member")
    assert [(f.name, f.data_type, f.nullable, f.comment) for f in member.fields] == [
        ("id", "BIGINT(20)", False, None),
        ("login", "VARCHAR(64)", False, "登录名"),
        ("real_name", "VARCHAR(32)", None, "真实姓名"),
        ("mobile", "CHAR(11)", None, "手机号"),
        ("remark", "TEXT", None, None),
    ]
    assert member.comment == "会员"


# --- 2. SQL Server maintenance commands between the tables ------------------------------------


def test_sql_server_maintenance_commands_are_passed_over_quietly() -> None:
    result = read_path(DATA / "sqlserver_maintenance.sql")
    assert _problems(result) == []
    assert [(d.name, [f.name for f in d.fields], d.primary_key) for d in result.datasets] == [
        ("dbo.Patient", ["PatientId", "FullName", "NationalId"], ("PatientId",)),
        ("dbo.Visit", ["VisitId", "PatientId", "Diagnosis"], ()),
    ]


def test_a_broken_create_table_next_to_dbcc_is_still_reported(tmp_path: Path) -> None:
    result = _read(
        tmp_path,
        "DBCC CHECKIDENT ('dbo.T', RESEED, 0)\nGO\n"
        "CREATE TABLE dbo.T (a int, b varchar(10)\nGO\n"
        "DBCC CHECKIDENT ('dbo.U', RESEED, 0)\nCREATE TABLE dbo.U (a int, b varchar(10)\nGO\n"
        "sp_helptext 'dbo.T'\nGO\n"
        "CHECKIDENT ('dbo.T', RESEED, 0)\nGO\n",
    )
    problems = _problems(result)
    assert len(problems) == 3, problems
    assert problems[0].startswith("3: CREATE TABLE statement could not be parsed")
    assert problems[1].startswith("6: CREATE TABLE statement could not be parsed")
    assert problems[2] == "10: statement could not be parsed (not recognised as SQL)"
    assert result.datasets == ()


# --- 3. legacy encodings: Latin-1 and Windows-1252 next to GBK --------------------------------


def test_latin1_sql_comments_are_decoded_as_latin1() -> None:
    result = read_path(DATA / "latin1_spanish.sql")
    assert _problems(result) == []
    persona = _dataset(result, "persona")
    assert {f.name: f.comment for f in persona.fields} == {
        "id": None,
        "nombre": "nombre y apellidos",
        "fecha_defuncion": "fecha de defunción",
        "nss": "número de la seguridad social",
        "direccion": "dirección postal, código postal incluido",
    }
    assert persona.comment == "personas inscritas en el año"


def test_windows_1252_sql_comments_are_decoded_as_windows_1252() -> None:
    result = read_path(DATA / "cp1252_french.sql")
    assert _problems(result) == []
    assert {f.name: f.comment for f in _dataset(result, "assure").fields} == {
        "nom": "nom de famille – usuel",
        "naissance": "date de naissance de l’assuré",
        "secu": "numéro de sécurité sociale",
        "adresse": "adresse où écrire",
        "deces": "date de décès",
    }


def test_short_gbk_sql_is_still_decoded_as_chinese() -> None:
    result = read_path(DATA / "gbk_short.sql")
    assert _problems(result) == []
    kh = _dataset(result, "kh")
    assert {f.name: f.comment for f in kh.fields} == {"xm": "姓名", "sjhm": "手机"}


def test_chinese_legacy_text_with_extension_characters_stays_chinese() -> None:
    # Traditional characters and rare name characters sit in GBK's extension, where the
    # second byte may be ASCII: such files are still Chinese.
    for text in (
        "CREATE TABLE kh (sfz VARCHAR(18) COMMENT '身份證號碼', dh VARCHAR(20) COMMENT "
        "'聯繫電話', yy VARCHAR(20) COMMENT '醫院體檢');\n",
        "CREATE TABLE kh (xm VARCHAR(18) COMMENT '堃');\n",
        "CREATE TABLE kh (xm VARCHAR(18) COMMENT '姓名 镕 喆 赟 玥');\n",
    ):
        for encoding in ("gbk", "gb18030"):
            decoded, sniffed, bad = decode_text(text.encode(encoding))
            assert (decoded, sniffed.legacy, bad) == (text, "gb18030", None)


def test_latin_and_windows_text_decode_exactly() -> None:
    for text, encoding in (
        ("-- año de defunción\nCREATE TABLE p (a INT);\n", "latin-1"),
        ("-- l’élève à l’école « ok »\nCREATE TABLE e (a INT);\n", "cp1252"),
        (
            "CREATE TABLE a (\n  n VARCHAR(5) COMMENT 'nom de famille – usuel',\n"
            "  d DATE COMMENT 'date de naissance de l’assuré',\n"
            "  r VARCHAR(9) COMMENT 'adresse où écrire'\n);\n",
            "cp1252",
        ),
        ("-- Größe, Straße, Übersicht\nCREATE TABLE g (a INT);\n", "cp1252"),
    ):
        decoded, _, bad = decode_text(text.encode(encoding))
        assert (decoded, bad) == (text, None)
