"""``scan_paths``: reading, sample attachment, content on/off, ordering, problems kept."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import EXAMPLES, REPO_ROOT

from dataflow.model import Severity
from dataflow.scan import ScanOptions, has_errors, scan_paths

DDL = """CREATE TABLE zeta (
  phone VARCHAR(20) COMMENT '手机号码'
);
CREATE TABLE alpha (
  id_card CHAR(18) COMMENT '身份证号',
  visit_count INT COMMENT '访问次数'
);
"""


def test_datasets_are_sorted_and_problems_kept(tmp_path: Path) -> None:
    (tmp_path / "b.sql").write_text(DDL, encoding="utf-8")
    (tmp_path / "a.sql").write_text(DDL.replace("zeta", "omega"), encoding="utf-8")
    (tmp_path / "c.sql").write_bytes(b"\x00\x01PK\x03\x04" + bytes(range(256)))
    result = scan_paths([tmp_path], ScanOptions(content=False))
    keys = [(Path(d.dataset.source_path).name, d.dataset.name) for d in result.datasets]
    assert keys == [("a.sql", "alpha"), ("a.sql", "omega"), ("b.sql", "alpha"), ("b.sql", "zeta")]
    assert result.files_scanned == 3
    assert [Path(p.path).name for p in result.problems] == ["c.sql"]
    assert has_errors(result)
    alpha = result.datasets[0]
    by_name = {f.field.name: f for f in alpha.findings}
    assert by_name["id_card"].sensitive is True
    assert by_name["visit_count"].personal is False


def test_data_files_carry_their_own_samples(tmp_path: Path) -> None:
    result = scan_paths([EXAMPLES / "samples" / "customers.csv"], ScanOptions())
    (dataset,) = result.datasets
    assert dataset.sampled is True
    assert dataset.rows_scanned == 40
    mobile = next(f for f in dataset.findings if f.field.name == "sjhm")
    assert mobile.element == "pi.contact.mobile"
    assert any(e.source == "value" for e in mobile.evidence)


def test_content_off_ignores_sample_values(tmp_path: Path) -> None:
    csv = tmp_path / "people.csv"
    csv.write_text("col_a\n" + "13912345678\n" * 30, encoding="utf-8")
    on = scan_paths([csv], ScanOptions())
    off = scan_paths([csv], ScanOptions(content=False))
    assert on.datasets[0].findings[0].personal is True, "content detection sees the phones"
    assert off.datasets[0].findings[0].personal is False, "schema only: a bare name says nothing"
    assert off.datasets[0].sampled is False


def test_samples_attach_by_dataset_name(tmp_path: Path) -> None:
    schema = tmp_path / "t.sql"
    schema.write_text("CREATE TABLE contacts (col_a VARCHAR(20));\n", encoding="utf-8")
    sample = tmp_path / "contacts.csv"
    sample.write_text("col_a\n" + "".join(f"1391234{i:04d}\n" for i in range(30)), "utf-8")
    result = scan_paths([schema], ScanOptions(), samples={"contacts": sample})
    (dataset,) = result.datasets
    assert dataset.sampled
    assert dataset.findings[0].element == "pi.contact.mobile"
    missing = scan_paths([schema], ScanOptions(), samples={"nope": sample})
    assert [p.severity for p in missing.problems] == [Severity.ERROR]
    assert "nope" in missing.problems[0].message


def test_ignore_patterns(tmp_path: Path) -> None:
    (tmp_path / "keep.sql").write_text(DDL, encoding="utf-8")
    (tmp_path / "skip").mkdir()
    (tmp_path / "skip" / "x.sql").write_text(DDL, encoding="utf-8")
    result = scan_paths([tmp_path], ScanOptions(content=False, ignore=("skip/**",)))
    assert {Path(d.dataset.source_path).name for d in result.datasets} == {"keep.sql"}


def test_schema_only_scan_never_imports_presidio(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from dataflow.scan import ScanOptions, scan_paths\n"
        f"r = scan_paths([{str(EXAMPLES)!r}], ScanOptions(content=False))\n"
        "assert r.datasets\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('presidio_analyzer', 'spacy')))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"
