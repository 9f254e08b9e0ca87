"""``read_limited`` reads a file whole up to its limit, and reports one above it."""

from __future__ import annotations

from pathlib import Path

import pytest

from dataflow.readers._common import Problems, read_limited


@pytest.mark.parametrize("size", [0, 1, 500, 4096, 9999, 10_000])
def test_whole_file_up_to_the_limit(tmp_path: Path, size: int) -> None:
    path = tmp_path / "schema.sql"
    data = bytes(i % 251 for i in range(size))
    path.write_bytes(data)
    problems = Problems(str(path))
    assert read_limited(path, 10_000, problems, "a schema") == data
    assert not problems.items


def test_above_the_limit_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "schema.sql"
    path.write_bytes(b"x" * 10_001)
    problems = Problems(str(path))
    assert read_limited(path, 10_000, problems, "a schema") is None
    assert len(problems.items) == 1


class _Growing(type(Path())):  # type: ignore[misc]
    """A path whose file grows between its size being read and its bytes being read."""

    def stat(self, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        result = super().stat()
        with open(self, "ab") as handle:
            handle.write(b"y" * 300)
        return result


@pytest.mark.parametrize(("start", "limit"), [(100, 10_000), (100, 250), (100, 400)])
def test_a_file_that_grows_is_read_on_up_to_the_limit(
    tmp_path: Path, start: int, limit: int
) -> None:
    path = _Growing(tmp_path / "schema.sql")
    path.write_bytes(b"x" * start)
    got = read_limited(path, limit, Problems(str(path)), "a schema")
    assert got == (b"x" * start + b"y" * 300)[:limit]
