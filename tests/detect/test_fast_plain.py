"""The full scan's recognizers without Presidio (detect.fast.plain) match as Presidio's do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fast_support import generated_columns, offline_tldextract
from hypothesis import given, settings
from hypothesis import strategies as st

from dataflow.detect.fast import FastMatcher, plain
from dataflow.detect.recognizers import load_recognizers

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _offline_email(monkeypatch: pytest.MonkeyPatch) -> None:
    offline_tldextract(monkeypatch)


def _kept(name: str) -> Any:
    from presidio_analyzer import predefined_recognizers

    return getattr(predefined_recognizers, name)()


def _pattern_key(p: Any) -> tuple[Any, ...]:
    return (p.recognizer, p.entity, p.source, p.flags, p.score, p.threshold)


def test_same_patterns_and_matches_as_presidios_recognizers() -> None:
    ours = plain.recognizers()
    assert ours is not None
    theirs = load_recognizers()
    assert [r.name for r in ours] == [r.name for r in theirs]
    fast, reference = FastMatcher(ours), FastMatcher(theirs)
    assert list(map(_pattern_key, fast.patterns)) == list(map(_pattern_key, reference.patterns))
    for values in generated_columns(400, seed=11).values():
        assert fast.match(values) == reference.match(values)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="0123456789- ", max_size=24)
    | st.text(alphabet="0123456789１٣ -x", max_size=20)
)
def test_card_check_equals_presidio(text: str) -> None:
    card = _kept("CreditCardRecognizer")
    ours = plain.card_checker(card.replacement_pairs)
    try:
        expected = card.validate_result(text)
    except ValueError:
        with pytest.raises(ValueError):
            ours(text)
        return
    assert ours(text) == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(0, 300).map(str) | st.sampled_from(["01", "1a", "", "::1"]), max_size=5),
    st.sampled_from(["", "/24", "/33", ":80", "%eth0"]),
)
def test_ip_check_equals_presidio(parts: list[str], suffix: str) -> None:
    text = ".".join(parts) + suffix
    assert plain.ip_invalid(text) == _kept("IpRecognizer").invalidate_result(text)


@pytest.mark.parametrize(
    "text",
    [
        "a@example.com",
        "x@qq.com",
        "b@mail.163.com",
        "c@localhost",
        "d@x.invalidtld",
        "例@例子.中国",
    ],
)
def test_email_check_equals_presidio(text: str) -> None:
    assert plain.email_host_ok(text) == _kept("EmailRecognizer").validate_result(text)


def test_a_cached_description_for_other_presidio_files_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATAFLOW_CACHE_DIR", str(tmp_path))
    plain._KEPT.clear()
    described = plain.kept_description()
    assert described is not None and [d["class"] for d in described] == list(plain._KEPT_CLASSES)
    (cached,) = tmp_path.glob("kept-recognizers-*.json")
    data = json.loads(cached.read_text(encoding="utf-8"))
    data["key"] = "another"
    data["recognizers"][0]["patterns"] = [["x", "x", 1.0]]
    cached.write_text(json.dumps(data), encoding="utf-8")
    plain._KEPT.clear()
    assert plain.kept_description() == described  # described again, not read


_SCAN = """
import json, sys
from pathlib import Path
from dataflow.detect.full import FullScanOptions, scan_full
verdicts, rows = scan_full(Path(sys.argv[1]), None, FullScanOptions(processes=2))
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("presidio_analyzer", "spacy"))
print(json.dumps({"rows": rows, "loaded": loaded,
                  "kinds": {p: v.entity for p, v in sorted(verdicts.items())}}))
"""


def test_a_full_scan_with_workers_runs_without_presidio(tmp_path: Path) -> None:
    columns = generated_columns(300, seed=3)
    names = sorted(columns)
    path = tmp_path / "people.csv"
    lines = [",".join(names)]
    for i in range(300):
        lines.append(",".join('"' + columns[n][i].replace('"', '""') + '"' for n in names))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}  # the session's cache folder
    runs = [
        subprocess.run(
            [sys.executable, "-c", _SCAN, str(path)],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        for _ in range(2)
    ]
    first, second = (json.loads(r.stdout.strip().splitlines()[-1]) for r in runs)
    assert first["rows"] == second["rows"] == 300
    assert second["loaded"] == []  # the first run described Presidio's recognizers once
    assert first["kinds"] == second["kinds"]
    assert any(first["kinds"].values())
