"""A column named after another table and that table's own key (`resume_sid` beside `resume`
keyed by `sid`) points at that table, whatever the key is called: a job application keyed by a
resume is the applicant's record. Migrations that define the same tables again in later files
do not make the target ambiguous: the table of the same file is meant. Excerpts of a public
schema's migrations (a job board)."""

from __future__ import annotations

from pathlib import Path

from dataflow.scan import ScanOptions, scan_paths

BASELINE = """
CREATE TABLE IF NOT EXISTS job(
	sid bigint not null primary key auto_increment,
	title varchar(200) not null,
	salary_range varchar(100)
);
CREATE TABLE IF NOT EXISTS resume(
	sid bigint not null primary key auto_increment,
	name varchar(100) not null,
	phone varchar(20),
	school varchar(200)
);
CREATE TABLE IF NOT EXISTS job_request(
	sid bigint not null primary key auto_increment,
	job_sid bigint not null,
	resume_sid bigint not null,
	status varchar(100) not null,
	request_time date not null,
	request_comment varchar(1000)
);
"""

UPDATE = """
DROP TABLE IF EXISTS job_request;
CREATE TABLE IF NOT EXISTS job_request(
	sid bigint not null primary key auto_increment,
	job_sid bigint not null,
	resume_sid bigint not null,
	status varchar(100) not null,
	request_time date not null,
	request_comment varchar(1000)
);
"""

RESUMES = """
CREATE TABLE IF NOT EXISTS resume(
	sid bigint not null primary key auto_increment,
	name varchar(100) not null,
	phone varchar(20),
	introduction varchar(2000)
);
"""


def test_a_request_keyed_by_a_resume_is_the_applicants(tmp_path: Path) -> None:
    (tmp_path / "1.001-schema-baseline.sql").write_text(BASELINE, encoding="utf-8")
    (tmp_path / "1.002-detailed-job-resumes.sql").write_text(RESUMES, encoding="utf-8")
    (tmp_path / "1.003-jobrequest-update.sql").write_text(UPDATE, encoding="utf-8")
    found = scan_paths([tmp_path], ScanOptions(content=False))
    requests = [d for d in found.datasets if d.dataset.name == "job_request"]
    assert len(requests) == 2
    for request in requests:
        assert request.subject.kind == "person_linked"
        columns = {f.field.name: f for f in request.findings}
        for column in ("request_time", "request_comment"):
            assert columns[column].personal, column
    job = next(d for d in found.datasets if d.dataset.name == "job")
    assert job.subject.kind != "person_linked"
