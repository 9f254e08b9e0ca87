"""CSV streaming: pyarrow reads a bounded number of blocks ahead of the batches taken, and the
batches are pyarrow's own (the same as when it reads the file by itself)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.csv as pacsv
import pytest

from dataflow.readers import delimited, iter_batches, read_path
from dataflow.readers.samples import SampleOptions

BLOCK = 4096


def _write(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,name,mobile\n")
        for i in range(rows):
            handle.write(f'{i},"张{i % 97}\n三",1{i:010d}\n')


def _arrow_row_counts(path: Path) -> list[int]:
    names = ["id", "name", "mobile"]
    reader = pacsv.open_csv(
        str(path),
        read_options=pacsv.ReadOptions(column_names=names, skip_rows=1, block_size=BLOCK),
        parse_options=pacsv.ParseOptions(newlines_in_values=True),
        convert_options=pacsv.ConvertOptions(column_types={n: pa.binary() for n in names}),
    )
    return [batch.num_rows for batch in reader]


@pytest.fixture
def gates(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    made: list[Any] = []

    class Recorded(delimited._ReadGate):
        def __init__(self, handle: Any, ahead: int) -> None:
            super().__init__(handle, ahead)
            made.append(self)

    monkeypatch.setattr(delimited, "_ReadGate", Recorded)
    monkeypatch.setattr(delimited, "_ARROW_BLOCK", BLOCK)
    return made


def test_a_slow_consumer_holds_pyarrow_a_few_blocks_ahead(tmp_path: Path, gates: list[Any]) -> None:
    path = tmp_path / "people.csv"
    _write(path, 3_000)
    expected = _arrow_row_counts(path)
    assert len(expected) > 20  # many blocks: pyarrow alone would queue them all
    sizes = []
    for batch in iter_batches(path, batch_rows=10_000):
        sizes.append(len(batch["people.id"]))
        time.sleep(0.005)  # a slow consumer: pyarrow's background reads would run ahead
        (gate,) = gates
        assert gate._reads <= gate._taken + delimited._ARROW_AHEAD + gate.stalls
    assert sizes == expected
    assert gates[0].closed


def test_reading_never_stalls_when_pyarrow_needs_more_blocks(
    tmp_path: Path, gates: list[Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "people.csv"
    _write(path, 1_000)
    monkeypatch.setattr(delimited, "_ARROW_AHEAD", 1)  # less than pyarrow needs per batch
    monkeypatch.setattr(delimited, "_STALL_SECONDS", 0.001)
    rows = [v for batch in iter_batches(path) for v in batch["people.id"]]
    assert rows == [str(i) for i in range(1_000)]
    assert gates[0].stalls > 0


def test_stopping_early_releases_the_reader(tmp_path: Path, gates: list[Any]) -> None:
    path = tmp_path / "people.csv"
    _write(path, 3_000)
    result = read_path(path, sample_options=SampleOptions(size=10, max_rows=50))
    assert result.problems == ()
    (sample,) = result.samples.values()
    assert sample.rows_read == 50
    (gate,) = gates
    assert gate.closed and gate._taken == 1  # the rest of the file was never parsed
