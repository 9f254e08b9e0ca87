"""A job posting's hiring manager handles the posting: a key to them does not make the posting's
figures (its counts of applications) anyone's personal information."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

POSTINGS = """
CREATE TABLE users (id INT PRIMARY KEY, full_name VARCHAR(50), email VARCHAR(50));
CREATE TABLE posting_stats (posting_id INT PRIMARY KEY, posting_hiring_manager_user_id INT,
  count_referred_applications INT, count_open_opportunities INT, first_app_sent_at TIMESTAMP);
"""


def test_a_postings_hiring_manager_does_not_make_its_figures_personal(tmp_path: Path) -> None:
    (tmp_path / "postings.sql").write_text(POSTINGS, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    stats = next(r for r in report.datasets if r.dataset.name == "posting_stats")
    assert stats.subject is not None and stats.subject.kind != "person_linked"
    fields = {f.field.name: f for f in stats.findings}
    for figure in ("count_referred_applications", "count_open_opportunities", "first_app_sent_at"):
        assert not fields[figure].personal, figure
