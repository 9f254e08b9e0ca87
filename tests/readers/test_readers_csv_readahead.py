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


def test_streaming_a_csv_does_not_import_pandas(tmp_path: Path) -> None:
    """pyarrow imports pandas (tens of MB) the first time a Python value becomes an Arrow
    scalar; the fast path makes none, so a full scan's reader stays without it."""
    import os
    import subprocess
    import sys

    path = tmp_path / "people.csv"
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,name,mobile\n")
        for i in range(2000):
            handle.write(f"{i}, 张{i % 97} ,{'' if i % 3 else f'1{i:010d}'}\n")
    code = (
        "import sys\n"
        "from dataflow.readers import iter_batches\n"
        f"batches = list(iter_batches({str(path)!r}, batch_rows=500))\n"
        "values = [v for b in batches for c in b.values() for v in c]\n"
        "names = [c for k, c in batches[0].items() if k.endswith('.name')][0]\n"
        "print(len(values), values.count(None), names[0], 'pandas' in sys.modules)\n"
    )
    from conftest import REPO_ROOT

    proc = subprocess.run(
        [sys.executable, "-c", code],
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    # 6000 values, the empty mobiles (two thirds) null, names stripped, pandas never loaded
    assert proc.stdout.split() == ["6000", "1333", "张0", "False"], proc.stdout


# Anonymous memory of a fresh interpreter after streaming ``argv[1]`` to its end, less what
# it held before (pyarrow imported, nothing read yet), in MB.
_KEPT_AFTER_READING = """\
import gc, sys
from pathlib import Path
import pyarrow.compute, pyarrow.csv
from dataflow.readers import iter_batches

def anonymous():
    with open("/proc/self/smaps_rollup") as handle:
        for line in handle:
            if line.startswith("Anonymous:"):
                return int(line.split()[1]) / 1024

before = anonymous()
rows = 0
for batch in iter_batches(Path(sys.argv[1]), batch_rows=50_000):
    rows += len(next(iter(batch.values())))
del batch
gc.collect()
print(rows, round(anonymous() - before))
"""


@pytest.mark.skipif(not Path("/proc/self/smaps_rollup").exists(), reason="Linux /proc only")
def test_memory_freed_by_the_reader_goes_back_to_the_system(tmp_path: Path) -> None:
    """pyarrow's blocks and columns are freed batch by batch; the pages they took are handed
    back then, not kept by the allocator for reuse. On this 12 MB file the interpreter kept
    about 40 MB when they were kept, 18 MB (Python's own heap, mostly) when handed back."""
    import os
    import subprocess
    import sys

    from conftest import REPO_ROOT

    path = tmp_path / "people.csv"
    rows = 150_000
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id,name,mobile,email,city,note\n")
        for i in range(rows):
            handle.write(
                f'{i},张{i % 97}伟,1{i:010d},user{i}@example.com,杭州市{i % 13}区,"order {i}, paid"\n'
            )
    assert path.stat().st_size > 12_000_000  # several 2 MB blocks
    proc = subprocess.run(
        [sys.executable, "-c", _KEPT_AFTER_READING, str(path)],
        env=dict(os.environ, PYTHONPATH=str(REPO_ROOT)),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    read, kept = (int(v) for v in proc.stdout.split())
    assert read == rows
    assert kept < 28, f"{kept} MB kept after reading"
