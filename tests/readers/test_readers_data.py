"""Data-file readers (CSV/TSV, JSON Lines, JSON arrays, Parquet): schema, samples, encodings,
streaming and exact distinct counts."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dataflow.errors import ReaderError
from dataflow.model import Problem, ReadResult, Severity
from dataflow.readers import count_distinct, iter_batches, read_path
from dataflow.readers._common import MAX_LINE_BYTES
from dataflow.readers.samples import MAX_VALUE_CHARS

DATA = Path(__file__).parent.parent / "data" / "readers"
ROWS = "姓名,手机号\n张三,13800000000\n李四,13900000000\n王五,13700000000\n"


def _samples(result: ReadResult) -> dict[str, tuple[str, ...]]:
    (sample,) = result.samples.values()
    return sample.columns


def _errors(result: ReadResult) -> list[Problem]:
    return [p for p in result.problems if p.severity is Severity.ERROR]


# --- CSV / TSV -----------------------------------------------------------------------------------


def test_csv_header_is_the_schema_and_rows_the_sample() -> None:
    result = read_path(DATA / "customers.csv")
    assert result.format == "csv"
    assert result.problems == ()
    (ds,) = result.datasets
    assert ds.name == "customers" and ds.source_format == "csv"
    assert [f.pointer for f in ds.fields] == [
        "customers.customer_id",
        "customers.姓名",
        "customers.mobile",
        "customers.email",
        "customers.note",
    ]
    assert all(f.line == 1 for f in ds.fields)
    (sample,) = result.samples.values()
    assert sample.rows_read == 4
    assert sorted(sample.columns["customers.mobile"]) == [
        "13700137000",
        "13800138000",
        "13900139000",
    ]
    assert sample.distinct["customers.mobile"] == 3
    assert sample.distinct["customers.customer_id"] == 4
    # quoted commas and newlines stay inside one value; empty values are not sampled
    assert "multi\nline note" in sample.columns["customers.note"]
    assert "first, with comma" in sample.columns["customers.note"]
    assert len(sample.columns["customers.note"]) == 3


def test_tsv() -> None:
    result = read_path(DATA / "contacts.tsv")
    assert result.format == "tsv"
    assert sorted(_samples(result)["contacts.city"]) == sorted(["北京", "上海"])


@pytest.mark.parametrize(
    "encoding,bom",
    [("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gbk", b""), ("gb18030", b"")],
    ids=["utf8", "utf8-bom", "gbk", "gb18030"],
)
def test_csv_encodings(tmp_path: Path, encoding: str, bom: bytes) -> None:
    path = tmp_path / "people.csv"
    path.write_bytes(bom + ROWS.encode(encoding))
    result = read_path(path)
    assert result.problems == ()
    assert [f.name for f in result.datasets[0].fields] == ["姓名", "手机号"]
    assert sorted(_samples(result)["people.姓名"]) == sorted(["张三", "李四", "王五"])


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_bytes(ROWS.encode("utf-16"))
    result = read_path(path)
    assert [f.name for f in result.datasets[0].fields] == ["姓名", "手机号"]
    assert len(_samples(result)["wide.手机号"]) == 3


def test_mixed_utf8_and_gbk_lines_are_each_decoded(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_bytes(
        b"name,mobile\n" + "张三,13800000000\n".encode() + "李四,13900000000\n".encode("gbk")
    )
    result = read_path(path)
    assert result.problems == ()
    assert sorted(_samples(result)["mixed.name"]) == sorted(["张三", "李四"])


def test_ten_megabyte_single_line_is_cut_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as handle:
        handle.write(b"name,mobile,note\n\xe5\xbc\xa0\xe4\xb8\x89,13800000000,")
        handle.write(b"x" * (10 * 1024 * 1024))
        handle.write(b"\n")
    result = read_path(path)
    samples = _samples(result)
    assert samples["huge.name"] == ("张三",)
    assert samples["huge.mobile"] == ("13800000000",)
    assert len(samples["huge.note"][0]) == MAX_VALUE_CHARS
    assert [(p.severity, p.line) for p in result.problems] == [(Severity.WARNING, 2)]
    assert str(MAX_LINE_BYTES) in result.problems[0].message


def test_binary_and_empty_csv_are_one_clear_error(tmp_path: Path) -> None:
    binary = tmp_path / "binary.csv"
    binary.write_bytes(bytes(range(256)) * 64)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    for path in (binary, empty):
        result = read_path(path)
        assert result.datasets == ()
        assert len(result.problems) == 1 and result.problems[0].severity is Severity.ERROR


def test_ragged_rows_and_repeated_headers(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("a,a,,b\n1,2,3,4,5\n6\n7,8,9,10\n")
    result = read_path(path)
    assert [f.name for f in result.datasets[0].fields] == ["a", "a_2", "column_3", "b"]
    samples = _samples(result)
    assert sorted(samples["ragged.a"]) == ["1", "6", "7"]
    assert sorted(samples["ragged.b"]) == ["10", "4"]
    messages = [p.message for p in result.problems]
    assert len(messages) == 3
    assert all(p.severity is Severity.WARNING for p in result.problems)
    assert any("more fields" in m for m in messages) and any("fewer fields" in m for m in messages)
    # ragged rows must not leak row text through pyarrow's messages
    assert not any("1,2,3" in m for m in messages)


def test_semicolon_separated_csv_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text("name;mobile\n张三;13800000000\n")
    assert _samples(read_path(path))["semi.mobile"] == ("13800000000",)


# --- JSON Lines / JSON arrays ---------------------------------------------------------------------


def test_jsonl_flattens_objects_and_arrays() -> None:
    result = read_path(DATA / "events.jsonl")
    assert result.format == "jsonl"
    assert result.problems == ()
    fields = {f.pointer: f for f in result.datasets[0].fields}
    assert list(fields) == [
        "events.user.id",
        "events.user.mobile",
        "events.tags[]",
        "events.devices[].ip",
        "events.ok",
        "events.user.email",
    ]
    assert fields["events.user.id"].data_type == "integer"
    assert fields["events.tags[]"].name == "tags"
    samples = _samples(result)
    assert sorted(samples["events.devices[].ip"]) == ["10.0.0.1", "10.0.0.2"]
    assert sorted(samples["events.ok"]) == ["false", "true"]
    assert samples["events.user.email"] == ("x@example.com",)


def test_jsonl_bad_lines_are_reported_by_line_without_text(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"a": "1"}\n{"a": "13987650123"\n[1, 2]\n{"a": "2"}\n')
    result = read_path(path)
    assert sorted(_samples(result)["bad.a"]) == ["1", "2"]
    errors = _errors(result)
    assert [p.line for p in errors] == [2]
    assert all("13987650123" not in p.message for p in result.problems)
    assert any(
        p.severity is Severity.WARNING and "not objects" in p.message for p in result.problems
    )


def test_json_array_of_objects() -> None:
    result = read_path(DATA / "orders.json")
    assert result.format == "json"
    assert [f.pointer for f in result.datasets[0].fields] == [
        "orders.order_no",
        "orders.buyer.name",
        "orders.buyer.phone",
        "orders.items[].sku",
    ]
    assert _samples(result)["orders.buyer.phone"] == ("13800138000",)


def test_json_lines_in_a_dot_json_file(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text('{"phone": "13800000000"}\n{"phone": "13900000000"}\n')
    result = read_path(path)
    assert result.format == "jsonl"
    assert len(_samples(result)["rows.phone"]) == 2


# --- Parquet -------------------------------------------------------------------------------------


def _nested_parquet(path: Path, rows: int = 30) -> None:
    table = pa.table(
        {
            "id": list(range(rows)),
            "user": [{"name": f"n{i % 7}", "mobile": f"1380000{i:04d}"} for i in range(rows)],
            "tags": [[f"t{i % 3}", "x"] for i in range(rows)],
            "raw": [b"\xff\xfe" if i == 0 else b"ok" for i in range(rows)],
        }
    )
    pq.write_table(table, path, row_group_size=7)


def test_parquet_nested_schema_and_row_group_sampling(tmp_path: Path) -> None:
    path = tmp_path / "users.parquet"
    _nested_parquet(path)
    result = read_path(path)
    assert result.format == "parquet"
    assert result.problems == ()
    fields = {f.pointer: f for f in result.datasets[0].fields}
    assert list(fields) == [
        "users.id",
        "users.user.name",
        "users.user.mobile",
        "users.tags[]",
        "users.raw",
    ]
    assert fields["users.id"].data_type == "int64"
    (sample,) = result.samples.values()
    assert sample.rows_read == 30
    assert sample.distinct["users.user.name"] == 7
    assert sample.distinct["users.tags[]"] == 4
    assert sample.distinct["users.user.mobile"] == 30


def test_truncated_parquet_is_one_error(tmp_path: Path) -> None:
    whole = tmp_path / "whole.parquet"
    _nested_parquet(whole)
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    result = read_path(cut)
    assert result.datasets == ()
    assert len(result.problems) == 1 and "truncated" in result.problems[0].message


# --- streaming and counting ------------------------------------------------------------------------


def _big_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("customer_id,mobile\n")
        for i in range(rows):
            handle.write(f"{i % 997},1{i:010d}\n")


def test_iter_batches_streams_every_row_in_bounded_batches(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    _big_csv(path, 12_345)
    sizes = []
    total = 0
    for batch in iter_batches(path, batch_rows=1000):
        assert set(batch) == {"big.customer_id", "big.mobile"}
        sizes.append(len(batch["big.mobile"]))
        total += len(batch["big.mobile"])
    assert total == 12_345
    assert max(sizes) == 1000


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_count_distinct_is_exact(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"people{suffix}"
    ids = [str(i % 4321) for i in range(20_000)]
    if suffix == ".csv":
        path.write_text("customer_id\n" + "\n".join(ids) + "\n")
    elif suffix == ".jsonl":
        path.write_text("".join(json.dumps({"customer_id": v}) + "\n" for v in ids))
    else:
        pq.write_table(pa.table({"customer_id": ids}), path, row_group_size=3000)
    assert count_distinct(path, "customer_id") == 4321
    assert count_distinct(path, "people.customer_id") == 4321


def test_count_distinct_unknown_column_and_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("a\n1\n")
    with pytest.raises(ReaderError):
        count_distinct(path, "customer_id")
    empty = tmp_path / "e.csv"
    empty.write_bytes(b"")
    with pytest.raises(ReaderError):
        count_distinct(empty, "a")


def test_iter_batches_falls_back_when_pyarrow_cannot_parse(tmp_path: Path) -> None:
    path = tmp_path / "ragged.csv"
    path.write_text("a,b\n" + "1,2\n" * 5 + "3\n" + "4,5\n" * 5)
    problems: list[Problem] = []
    values = [v for batch in iter_batches(path, problems=problems) for v in batch["ragged.a"]]
    assert values == ["1"] * 5 + ["3"] + ["4"] * 5
    assert [p.severity for p in problems] == [Severity.WARNING]


@pytest.mark.parametrize("chunk", [7, 64, 4096])
def test_large_json_arrays_are_streamed_item_by_item(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    from dataflow.readers import jsondata

    monkeypatch.setattr(jsondata, "WHOLE_JSON_BYTES", 100)
    monkeypatch.setattr(jsondata, "_STREAM_CHUNK", chunk)
    records = [{"id": i, "who": {"name": f"名{i % 13}", "score": i / 2}} for i in range(300)]
    path = tmp_path / "big.json"
    path.write_text(
        "\ufeff[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]\n"
    )
    result = read_path(path)
    assert result.format == "json"
    assert result.problems == ()
    (sample,) = result.samples.values()
    assert sample.rows_read == 300
    assert sample.distinct == {"big.id": 300, "big.who.name": 13, "big.who.score": 300}
    assert "名7" in sample.columns["big.who.name"]


def test_streamed_json_array_reports_a_broken_item_by_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dataflow.readers import jsondata

    monkeypatch.setattr(jsondata, "WHOLE_JSON_BYTES", 10)
    monkeypatch.setattr(jsondata, "_STREAM_CHUNK", 16)
    path = tmp_path / "broken.json"
    path.write_text('[\n{"a": "1"},\n{"a": "2"},\n{"a": "13987650123" "b"}\n]\n')
    result = read_path(path)
    assert sorted(result.samples["broken"].columns["broken.a"]) == ["1", "2"]
    assert [(p.line, p.severity) for p in result.problems] == [(4, Severity.ERROR)]
    assert "13987650123" not in result.problems[0].message


def test_memory_stays_bounded_on_a_ten_megabyte_line(tmp_path: Path) -> None:
    """Python allocations while reading a 10 MB single-line file stay a small multiple of the
    1 MiB line cap (the csv module holds a field as 4-byte characters): the line is never
    loaded whole (that alone would be 10 MB of bytes plus its decoded text)."""
    import tracemalloc

    from dataflow.readers.delimited import _ARROW_BLOCK

    csv_path = tmp_path / "wide.csv"
    jsonl_path = tmp_path / "wide.jsonl"
    blob = "x" * (10 * 1024 * 1024)
    csv_path.write_text(f"name,note\n张三,{blob}\n")
    jsonl_path.write_text(json.dumps({"name": "张三", "note": blob}) + "\n" + '{"name": "李四"}\n')
    for path in (csv_path, jsonl_path):
        tracemalloc.start()
        try:
            result = read_path(path)
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert result.datasets
        # pyarrow reads CSV blocks through a Python file object (the read-ahead gate), so up
        # to three of its 4 MiB blocks are Python bytes before it gives up on the long row
        # and the csv module takes over; on a loaded machine the gate lets a third through.
        allowance = 3 * _ARROW_BLOCK if path.suffix == ".csv" else 0
        assert peak < 16 * MAX_LINE_BYTES + allowance, f"{path.name}: peak {peak} bytes"
    # the cut JSON line is reported; the next line is still read
    names = _samples(read_path(jsonl_path))["wide.name"]
    assert names == ("李四",)


def test_jsonl_fields_carry_the_line_where_they_first_appear() -> None:
    fields = {f.pointer: f for f in read_path(DATA / "events.jsonl").datasets[0].fields}
    assert fields["events.user.mobile"].line == 1
    assert fields["events.user.email"].line == 3  # line 2 is blank


def test_a_named_pipe_is_reported_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    result = read_path(fifo)  # must not block on the pipe
    assert result.datasets == () and result.problems[0].severity is Severity.ERROR


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    import os

    locked = tmp_path / "locked.csv"
    locked.write_text("a\n1\n")
    locked.chmod(0)
    try:
        if os.access(locked, os.R_OK):
            pytest.skip("running as a user who can read anything")
        result = read_path(locked)
        assert result.datasets == () and "permission" in result.problems[0].message
    finally:
        locked.chmod(0o600)
