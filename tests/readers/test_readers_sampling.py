"""Bounded, seeded sampling over distinct values."""

from __future__ import annotations

import random
from pathlib import Path

from dataflow.readers import read_path
from dataflow.readers.samples import (
    DISTINCT_EXACT_UP_TO,
    ColumnSampler,
    SampleOptions,
    Sampler,
    seed_key,
)


def _csv(path: Path, values: list[str]) -> Path:
    path.write_text("v\n" + "\n".join(values) + "\n", encoding="utf-8")
    return path


def test_sample_is_bounded_and_deterministic(tmp_path: Path) -> None:
    path = _csv(tmp_path / "p.csv", [f"1{i:010d}" for i in range(3000)])
    first = read_path(path, sample_options=SampleOptions(size=50, seed=7)).samples["p"]
    again = read_path(path, sample_options=SampleOptions(size=50, seed=7)).samples["p"]
    other = read_path(path, sample_options=SampleOptions(size=50, seed=8)).samples["p"]
    assert len(first.columns["p.v"]) == 50
    assert first.columns == again.columns
    assert set(first.columns["p.v"]) != set(other.columns["p.v"])
    assert first.rows_read == 3000
    assert first.distinct["p.v"] == 3000


def test_sample_does_not_depend_on_row_order_or_repetition() -> None:
    values = [f"v{i}" for i in range(1000)]
    shuffled = values * 3
    random.Random(1).shuffle(shuffled)
    a = ColumnSampler(20, seed_key(0))
    a.add_many(values)
    b = ColumnSampler(20, seed_key(0))
    for start in range(0, len(shuffled), 97):
        b.add_many(shuffled[start : start + 97])
    assert a.values() == b.values()
    assert a.distinct() == b.distinct() == 1000


def test_heavy_repeats_do_not_crowd_out_rare_values() -> None:
    sampler = ColumnSampler(10, seed_key(0))
    sampler.add_many(["same"] * 10_000 + ["rare1", "rare2"])
    assert sorted(sampler.values()) == ["rare1", "rare2", "same"]


def test_nulls_and_blanks_are_not_sampled(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text("a,b\n  x  ,\n,\n x,  \n")
    sample = read_path(path).samples["n"]
    assert sample.columns == {"n.a": ("x",), "n.b": ()}
    assert sample.distinct == {"n.a": 1, "n.b": 0}
    assert sample.rows_read == 3


def test_distinct_is_exact_up_to_the_cap_and_close_above() -> None:
    exact = ColumnSampler(5, seed_key(0))
    exact.add_many(str(i) for i in range(DISTINCT_EXACT_UP_TO - 1))
    assert exact.distinct() == DISTINCT_EXACT_UP_TO - 1
    big = ColumnSampler(5, seed_key(0))
    for start in range(0, 200_000, 10_000):
        big.add_many(str(i) for i in range(start, start + 10_000))
    assert abs(big.distinct() - 200_000) < 200_000 * 0.06
    assert len(big.values()) == 5


def test_max_rows_stops_reading() -> None:
    sampler = Sampler(SampleOptions(size=100, max_rows=15))
    sampler.add_batch({"t.a": [str(i) for i in range(10)]}, 10)
    sampler.add_batch({"t.a": [str(i) for i in range(10, 20)]}, 10)
    assert sampler.full
    result = sampler.result("t.csv", ["t.a", "t.b"])
    assert result.rows_read == 15
    assert sorted(result.columns["t.a"], key=int) == [str(i) for i in range(15)]
    assert result.columns["t.b"] == ()


def test_size_zero_reads_the_schema_only(tmp_path: Path) -> None:
    path = _csv(tmp_path / "s.csv", ["a", "b"])
    result = read_path(path, sample_options=SampleOptions(size=0))
    assert [f.pointer for f in result.datasets[0].fields] == ["s.v"]
    assert result.samples["s"].rows_read == 0
    assert result.samples["s"].columns == {"s.v": ()}
    jsonl = tmp_path / "j.jsonl"
    jsonl.write_text('{"a": 1}\n{"b": 2}\n')
    fields = read_path(jsonl, sample_options=SampleOptions(size=0)).datasets[0].fields
    assert [f.pointer for f in fields] == ["j.a", "j.b"]
