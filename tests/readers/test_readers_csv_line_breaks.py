"""The CSV reader's test for values spanning lines (which decides whether an unterminated
quote is looked for) agrees with a value-by-value search on real files."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pacsv

from dataflow.readers.delimited import _has_newline


def _by_value(batch: pa.RecordBatch) -> bool:
    return any(v is not None and b"\n" in v for col in batch.columns for v in col.to_pylist())


def _batches(path: Path, block: int) -> list[pa.RecordBatch]:
    names = path.read_text(encoding="utf-8").split("\n", 1)[0].split(",")
    reader = pacsv.open_csv(
        path,
        read_options=pacsv.ReadOptions(block_size=block),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.binary() for n in names}),
    )
    return list(reader)


def test_line_breaks_found_as_a_value_by_value_search_finds_them(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    rows = []
    for i in range(400):
        note = f'"第{i}行\n下一行"' if i in (5, 333) else f"note {i}"
        carriage = f'"a\r{i}"' if i % 7 == 0 else f"c{i}"
        rows.append(f"{i},{carriage},{note}")
    path.write_text("id,cr,note\n" + "\n".join(rows) + "\n", encoding="utf-8")
    batches = _batches(path, 2048)  # many small batches: some with a break, some without
    answers = []
    for batch in batches:
        # Slices start inside the columns' buffers: only their own values count.
        for start, length in ((0, batch.num_rows), (1, batch.num_rows - 2), (3, 2), (0, 0)):
            part = batch.slice(start, max(length, 0))
            answers.append(_has_newline(part))
            assert answers[-1] == _by_value(part), (start, length)
    assert True in answers and False in answers


def test_columns_with_nulls_are_searched_value_by_value() -> None:
    with_nulls = pa.array([b"x", None, b"y\nz"], type=pa.binary())
    without = pa.array([b"x", None, b"yz"], type=pa.binary())
    for column, expected in ((with_nulls, True), (without, False)):
        batch = pa.RecordBatch.from_arrays([column], names=["a"])
        assert _has_newline(batch) is expected
        assert _has_newline(batch.slice(2, 1)) is expected
