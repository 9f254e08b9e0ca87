"""The monitoring messages as bytes: ``ledger status`` in every format and language, the
early warnings and the unknown-prior notice of ``assess``. ``tests/data/golden/monitor.json``
holds what these cases printed when the strings moved into ``dataflow/i18n/``; rerun this
module (``python tests/monitor_golden.py``) only when a message is changed on purpose."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dataflow.model import Text
from dataflow.monitor import Movement, Status, early_warnings, exporter_status, no_prior
from dataflow.report.ledger_status import render_status
from dataflow.rules import load_packs, select_pack

GOLDEN = Path(__file__).parent / "data" / "golden" / "monitor.json"
FORMATS = ("table", "json", "markdown", "html")
LANGS = ("en", "zh")


def _status(as_of: dt.date, *, exempt: bool, notices: tuple[Text, ...], empty: bool) -> Status:
    pack = select_pack(load_packs(), as_of)
    start = pack.window_start(as_of)
    months = [dt.date(as_of.year, m, 10) for m in range(1, 9)]
    shop = [Movement(day, 15000, 0) for day in months]
    clinic = [Movement(day, 1200, 1150) for day in months]
    exporters = (
        ()
        if empty
        else (
            exporter_status(pack, "Shop Ltd", ["Shop Ltd"], shop, 1, start, as_of),
            exporter_status(pack, "诊所", ["诊所", "诊所 "], clinic, 0, start, as_of, 0.75),
        )
    )
    return Status(
        as_of=as_of,
        rule_pack=pack.id,
        window_start=start,
        warn_at=0.8,
        count_exempt_volumes=exempt,
        exporters=exporters,
        notices=notices,
    )


def cases() -> dict[str, str]:
    """Every case's output, by name."""
    note = Text("a notice", "一条提示")
    statuses = {
        "mid-year": _status(dt.date(2026, 6, 30), exempt=False, notices=(), empty=False),
        "exempt-counted": _status(dt.date(2026, 8, 31), exempt=True, notices=(note,), empty=False),
        "2023": _status(dt.date(2023, 9, 30), exempt=False, notices=(), empty=False),
        "empty": _status(dt.date(2026, 6, 30), exempt=False, notices=(note,), empty=True),
    }
    out = {}
    for name, status in statuses.items():
        for fmt in FORMATS:
            for lang in LANGS:
                out[f"status/{name}/{fmt}/{lang}"] = render_status(status, fmt, lang)
    pack = select_pack(load_packs(), dt.date(2026, 6, 30))
    start = dt.date(2026, 1, 1)
    for subjects, sensitive, warn_at in ((850000, 0, 0.8), (5000, 8500, 0.8), (85000, 0, 0.85)):
        for i, text in enumerate(early_warnings(pack, subjects, sensitive, start, warn_at)):
            for lang in LANGS:
                out[f"warning/{subjects}/{sensitive}/{warn_at}/{i}/{lang}"] = text.get(lang)
    for near in ((), ("Shop Ltd", "Shop Limited")):
        for lang in LANGS:
            out[f"no_prior/{len(near)}/{lang}"] = no_prior(near).get(lang)
    return out


if __name__ == "__main__":
    GOLDEN.write_text(
        json.dumps(cases(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", "utf-8"
    )
