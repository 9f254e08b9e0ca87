"""The monitoring messages print the same bytes as recorded in ``tests/data/golden/monitor.json``
(``ledger status`` in every format and both languages, the early warnings, the unknown-prior
notice): moving the strings into the message catalog changed no output."""

from __future__ import annotations

import functools
import json

import pytest
from monitor_golden import GOLDEN, cases

RECORDED: dict[str, str] = json.loads(GOLDEN.read_text("utf-8"))
produced = functools.cache(cases)


def test_every_recorded_case_is_still_produced() -> None:
    assert sorted(produced()) == sorted(RECORDED)
    assert len(RECORDED) == 42


@pytest.mark.parametrize("name", sorted(RECORDED))
def test_output_is_byte_for_byte_the_recorded_one(name: str) -> None:
    assert produced()[name].encode("utf-8") == RECORDED[name].encode("utf-8")


def test_monitoring_code_holds_no_message_of_its_own() -> None:
    """Every Chinese sentence of the monitoring code is in the message catalog."""
    import re
    from pathlib import Path

    import dataflow

    root = Path(dataflow.__file__).parent
    for name in ("monitor.py", "report/ledger_status.py", "commands/ledger.py"):
        text = (root / name).read_text("utf-8")
        assert not re.search(r"[\u4e00-\u9fff]", text), name


def test_percentages_are_written_out_not_in_exponent_form() -> None:
    from dataflow.monitor import percent_text

    assert [percent_text(v) for v in (0.0, 7.2, 90.0, 1150.0, 12000000.0)] == [
        "0 %",
        "7.2 %",
        "90 %",
        "1,150 %",
        "12,000,000 %",
    ]
    assert "e+" not in "".join(RECORDED.values())
