"""The scan's records cross process boundaries (its workers send them to the parent) pickled
through their constructors: every one comes back equal, of its own class, subclasses too."""

from __future__ import annotations

import pickle
from pathlib import Path

from dataflow.catalog import load_catalog
from dataflow.model import AlteredColumn, Field, Words
from dataflow.readers import read_path
from dataflow.readers.sql.copied import CopiedColumns
from dataflow.scan import ScanOptions, scan_paths

DDL = """CREATE TABLE shop.customer (
  id BIGINT PRIMARY KEY COMMENT '客户编号',
  name VARCHAR(64) COMMENT '姓名',
  mobile VARCHAR(20) COMMENT '手机号',
  status VARCHAR(16)
);
ALTER TABLE shop.orders ADD COLUMN buyer_phone VARCHAR(20);
CREATE TABLE shop.customer_copy LIKE shop.customer_base;
"""


def _round_trip(value: object) -> object:
    return pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def test_scan_results_come_back_equal(tmp_path: Path) -> None:
    (tmp_path / "shop.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(), catalog=load_catalog(()))
    assert result.datasets and any(d.findings for d in result.datasets)
    back = _round_trip(result)
    assert back == result
    said = [w for d in back.datasets if d.subject for w in d.subject.evidence]
    assert said and all(type(w) is Words and w.zh for w in said)  # the Chinese travels too


def test_read_results_and_subclasses(tmp_path: Path) -> None:
    path = tmp_path / "shop.sql"
    path.write_text(DDL, encoding="utf-8")
    read = read_path(path)
    assert read.datasets and read.altered_columns
    assert _round_trip(read) == read
    copied = CopiedColumns("t", Field("a", "t.a"), None, parent="p", kind="select")
    back = _round_trip(copied)
    assert type(back) is CopiedColumns and back == copied and back.kind == "select"
    plain = AlteredColumn("t", Field("a", "t.a", comment="备注"), "b")
    assert type(_round_trip(plain)) is AlteredColumn and _round_trip(plain) == plain
