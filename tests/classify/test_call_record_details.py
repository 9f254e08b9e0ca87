"""On a call record (a carrier's CDR, a call centre's log of the calls it made), what the record
says of the call besides who and when is part of the subscriber's communication record,
sensitive (GB/T 35273-2020 Annex B 通信记录): how many attempts it took, its result code and
description, the service used, the source number, whether the ticket continues another. Calls
named in Spanish (`llamados_efectuados`) are such records too. The money a customer owes, on
the same table, is not part of the call."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

DDL = """
CREATE TABLE [dbo].[cdr](
  [CDR_ID] [int] IDENTITY(1,1) NOT NULL,
  [FECHA] [datetime] NULL,
  [NUMERO_SRC] [varchar](20) NULL,
  [NUMERO_DESTINO] [varchar](20) NULL,
  [DURACION_DE_TICKET] [int] NULL,
  [TIPO_DE_SERVICIO] [varchar](10) NULL,
  [CONTINUACION] [char](1) NULL
) ON [PRIMARY]
GO
CREATE TABLE [dbo].[llamados_efectuados](
  [id_llamada] [int] IDENTITY(1,1) NOT NULL,
  [CLIENTE] [varchar](100) NULL,
  [TELEFONO] [varchar](20) NULL,
  [FECHA_LLAMADA] [datetime] NULL,
  [INTENTOS] [int] NULL,
  [result_code] [varchar](10) NULL,
  [result_description] [varchar](200) NULL,
  [FACTURA] [varchar](20) NULL
) ON [PRIMARY]
GO
"""


def _scan(tmp_path: Path):  # type: ignore[no-untyped-def]
    (tmp_path / "telefonia.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False))
    return {d.dataset.name.split(".")[-1]: d for d in result.datasets}


def test_service_source_and_continuation_of_a_cdr_are_call_records(tmp_path: Path) -> None:
    cdr = {f.field.name: f for f in _scan(tmp_path)["cdr"].findings}
    for column in ("NUMERO_SRC", "TIPO_DE_SERVICIO", "CONTINUACION"):
        assert cdr[column].element == "pi.communication.call_record", column
        assert cdr[column].sensitive, column
    assert not cdr["CDR_ID"].personal


def test_attempts_and_results_of_calls_made_are_call_records(tmp_path: Path) -> None:
    calls = {f.field.name: f for f in _scan(tmp_path)["llamados_efectuados"].findings}
    for column in ("INTENTOS", "result_code", "result_description"):
        assert calls[column].element == "pi.communication.call_record", column
        assert calls[column].sensitive, column
    assert calls["FACTURA"].personal and not calls["FACTURA"].sensitive
