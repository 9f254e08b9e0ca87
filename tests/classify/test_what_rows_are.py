"""What a dataset's rows are about, by what its own text says.

A model's description saying what each record is ('Each record represents an individual agent
(employee)', 'Each record represents a single help article'): rows of a person of the role it
names, whatever statistics they carry; rows of a thing it names, not about the people its columns
name (an article's author keeps only their own name and title)."""

from __future__ import annotations

from pathlib import Path

from dataflow.model import DatasetResult, FieldFinding
from dataflow.scan import ScanOptions, scan_paths

MODELS = """
version: 2
models:
  - name: desk__agent_stats
    description: Each record represents an individual agent (employee) and a queue they work on, with ticket aggregates.
    columns:
      - name: agent_id
      - name: agent_name
      - name: queue_name
      - name: tickets_solved
      - name: average_ticket_replies
      - name: median_minutes_to_reply
  - name: desk__help_article
    description: Each record represents a single help article, enriched with its folder.
    columns:
      - name: article_id
      - name: article_title
      - name: article_body
      - name: article_state
      - name: folder_name
      - name: reader_views
      - name: author_id
      - name: author_name
      - name: author_job_title
  - name: desk__queue_stats
    description: Each record is unique to the queue and the week.
    columns:
      - name: queue_id
      - name: average_wait_minutes
      - name: median_wait_minutes
"""


def _scan(tmp_path: Path, name: str = "schema.yml", text: str = MODELS) -> dict[str, DatasetResult]:
    (tmp_path / name).write_text(text, encoding="utf-8")
    report = scan_paths([tmp_path], ScanOptions(content=False))
    return {r.dataset.name: r for r in report.datasets}


def _fields(result: DatasetResult) -> dict[str, FieldFinding]:
    return {f.field.name: f for f in result.findings}


def test_a_row_statement_naming_a_role_makes_the_rows_that_persons(tmp_path: Path) -> None:
    stats = _scan(tmp_path)["desk__agent_stats"]
    assert stats.subject is not None and stats.subject.kind == "person_linked"
    assert stats.subject.role == "employee"
    found = _fields(stats)
    # the agent's work figures, although averages and medians (not an organisation's statistics)
    for column in (
        "queue_name",
        "tickets_solved",
        "average_ticket_replies",
        "median_minutes_to_reply",
    ):
        assert found[column].personal, column


def test_a_row_statement_naming_a_thing_keeps_its_author_out(tmp_path: Path) -> None:
    results = _scan(tmp_path)
    article = results["desk__help_article"]
    assert article.subject is not None and article.subject.kind == "unknown"
    found = _fields(article)
    for column in ("article_title", "article_body", "article_state", "folder_name", "reader_views"):
        assert not found[column].personal, column
    # the author is a person: their name and job title stay theirs
    assert found["author_name"].element == "pi.identity.name"
    assert found["author_job_title"].personal
    # 'is unique to the queue' says which rows there are, not what they are
    queue = results["desk__queue_stats"]
    assert queue.subject is not None and queue.subject.kind == "organisation"
