"""``dataflow check`` and ``dataflow baseline update``: the pre-commit workflow, in-process.

A schema repository is built in ``tmp_path``; the commands run from its root as pre-commit
would, with relative file names.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO_ROOT
from typer.testing import CliRunner

from dataflow.cli import app

DDL = """CREATE TABLE members (
  id BIGINT PRIMARY KEY COMMENT '主键',
  mobile VARCHAR(20) COMMENT '手机号码',
  login_count INT COMMENT '登录次数'
);
"""

DDL_WITH_EMAIL = DDL.replace(
    "  login_count", "  email VARCHAR(128) COMMENT '电子邮箱',\n  login_count"
)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "repo"
    (root / ".git").mkdir(parents=True)
    (root / "schemas").mkdir()
    (root / "schemas" / "members.sql").write_text(DDL, encoding="utf-8")
    monkeypatch.chdir(root)
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_new_pi_column_fails_and_says_how_to_accept(repo: Path) -> None:
    code, stdout, stderr = run("check", "schemas/members.sql")
    assert code == 1
    assert "schemas/members.sql:3: members.mobile: pi.contact.mobile" in stdout
    assert "dataflow baseline update" in stdout and "dataflow: allow" in stdout
    assert "login_count" not in stdout
    assert stderr.strip().splitlines()[-1].startswith("dataflow: ")


def test_baseline_update_accepts_then_only_new_columns_fail(repo: Path) -> None:
    code, _, stderr = run("baseline", "update", "--reason", "support needs the mobile")
    assert code == 0, stderr
    baseline = repo / ".dataflow-baseline.yaml"
    text = baseline.read_text(encoding="utf-8")
    assert "file: schemas/members.sql" in text
    assert "pointer: members.mobile" in text
    assert "reason: support needs the mobile" in text
    assert run("check", "schemas/members.sql")[0] == 0

    (repo / "schemas" / "members.sql").write_text(DDL_WITH_EMAIL, encoding="utf-8")
    code, stdout, _ = run("check", "schemas/members.sql")
    assert code == 1
    assert "members.email" in stdout and "members.mobile" not in stdout

    code, _, _ = run("baseline", "update", "schemas/members.sql", "--reason", "newsletter")
    assert code == 0
    again = baseline.read_text(encoding="utf-8")
    assert "reason: support needs the mobile" in again  # existing reason kept
    assert "reason: newsletter" in again
    assert run("check", "schemas/members.sql")[0] == 0
    # re-running changes nothing: deterministic, no timestamps
    run("baseline", "update", "schemas/members.sql")
    assert baseline.read_text(encoding="utf-8") == again


def test_inline_allow_comment_accepts_a_column(repo: Path) -> None:
    allowed = DDL.replace(
        "  mobile VARCHAR",
        '  -- dataflow: allow pi.contact.mobile "hotline numbers of staff"\n  mobile VARCHAR',
    )
    (repo / "schemas" / "members.sql").write_text(allowed, encoding="utf-8")
    code, stdout, _ = run("check", "schemas/members.sql")
    assert code == 0, stdout


def test_dropping_the_column_removes_the_entry(repo: Path) -> None:
    run("baseline", "update", "--reason", "r")
    (repo / "schemas" / "members.sql").write_text(
        "CREATE TABLE members (id BIGINT PRIMARY KEY);\n", encoding="utf-8"
    )
    run("baseline", "update", "schemas/members.sql")
    text = (repo / ".dataflow-baseline.yaml").read_text(encoding="utf-8")
    assert "members.mobile" not in text


def test_ignore_paths_setting_is_honoured(repo: Path) -> None:
    (repo / "vendor").mkdir()
    (repo / "vendor" / "third.sql").write_text(DDL, encoding="utf-8")
    (repo / "dataflow.yaml").write_text('ignore_paths: ["vendor/**"]\n', encoding="utf-8")
    assert run("baseline", "update", "--reason", "r")[0] == 0
    text = (repo / ".dataflow-baseline.yaml").read_text(encoding="utf-8")
    assert "schemas/members.sql" in text and "vendor" not in text


def test_check_json_format_is_the_scan_report(repo: Path) -> None:
    code, stdout, _ = run("check", "schemas/members.sql", "--format", "json")
    assert code == 1
    report = json.loads(stdout)
    assert report["schema_version"] == 1
    assert report["datasets"][0]["name"] == "members"


def test_check_with_a_broken_baseline_exits_2(repo: Path) -> None:
    (repo / ".dataflow-baseline.yaml").write_text("schema_version: 1\nacepted: []\n", "utf-8")
    code, _, stderr = run("check", "schemas/members.sql")
    assert code == 2
    assert ".dataflow-baseline.yaml:2" in stderr


def test_unreadable_schema_exits_2(repo: Path) -> None:
    (repo / "schemas" / "broken.sql").write_bytes(b"\x00\x01PK\x03\x04" + bytes(range(256)))
    code, _, stderr = run("check", "schemas/broken.sql")
    assert code == 2
    assert stderr.startswith("error: schemas/broken.sql")


def test_chinese_messages(repo: Path) -> None:
    code, stdout, _ = run("check", "schemas/members.sql", "--lang", "zh")
    assert code == 1
    assert "尚未被接受" in stdout


def test_check_never_imports_presidio_or_spacy(repo: Path) -> None:
    """The schema-only path stays light: run the real CLI in a fresh interpreter."""
    code = (
        "import sys\n"
        "from dataflow.cli import app\n"
        "try:\n"
        "    app(['check', 'schemas/members.sql'])\n"
        "except SystemExit as exc:\n"
        "    code = exc.code\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('presidio_analyzer', 'spacy', 'pyarrow'))\n"
        "print('HEAVY', heavy, 'EXIT', code)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, env=env, capture_output=True, text=True, timeout=300
    )
    last = proc.stdout.strip().splitlines()[-1]
    assert last == "HEAVY [] EXIT 1", proc.stdout + proc.stderr


def test_renamed_schema_keeps_its_accepted_findings_and_reasons(repo: Path) -> None:
    code, _, stderr = run("baseline", "update", "--reason", "support needs the mobile")
    assert code == 0, stderr
    (repo / "schemas" / "members.sql").rename(repo / "schemas" / "club_members.sql")
    code, stdout, stderr = run("check", "schemas/club_members.sql")
    assert code == 0, stdout
    assert (
        "schemas/club_members.sql: members.mobile: accepted under schemas/members.sql (" in stderr
    )
    code, _, _ = run("baseline", "update")
    text = (repo / ".dataflow-baseline.yaml").read_text(encoding="utf-8")
    assert "file: schemas/club_members.sql" in text and "schemas/members.sql" not in text
    assert "support needs the mobile" in text, "the reason survives the rename"


def test_renamed_file_with_a_new_column_still_fails_on_that_column(repo: Path) -> None:
    run("baseline", "update", "--reason", "reviewed")
    (repo / "schemas" / "members.sql").unlink()
    (repo / "schemas" / "moved.sql").write_text(DDL_WITH_EMAIL, encoding="utf-8")
    code, stdout, _ = run("check", "schemas/moved.sql")
    assert code == 1
    assert "members.email" in stdout and "members.mobile: " not in stdout


def test_many_refused_files_suggest_their_folder(repo: Path) -> None:
    many = repo / "schemas" / "many"
    many.mkdir()
    for i in range(12):
        (many / f"t{i}.sql").write_text(DDL.replace("members", f"members{i}"), encoding="utf-8")
    files = [f"schemas/many/t{i}.sql" for i in range(12)]
    code, stdout, _ = run("check", *files)
    assert code == 1
    howto = next(line for line in stdout.splitlines() if "baseline update" in line)
    assert 'fine" schemas/many`' in howto and "t11.sql" not in howto
    code, stdout, _ = run("check", "schemas/many/t1.sql", "schemas/many/t2.sql")
    howto = next(line for line in stdout.splitlines() if "baseline update" in line)
    assert "schemas/many/t1.sql schemas/many/t2.sql" in howto


def test_choices_are_case_insensitive(repo: Path) -> None:
    code, stdout, stderr = run("scan", "schemas/members.sql", "--format", "JSON", "--lang", "EN")
    assert code == 0, stderr
    assert json.loads(stdout)["schema_version"] == 1
    code, _, _ = run("scan", "schemas/members.sql", "--fail-on", "GENERAL-3")
    assert code == 1


def test_a_copied_schema_is_accepted_by_its_content(repo: Path) -> None:
    code, _, stderr = run("baseline", "update", "--reason", "support needs the mobile")
    assert code == 0, stderr
    assert "file_hash: " in (repo / ".dataflow-baseline.yaml").read_text(encoding="utf-8")
    copy = repo / "schemas" / "members_copy.sql"
    copy.write_text(DDL, encoding="utf-8")
    code, stdout, stderr = run("check", "schemas/members.sql", "schemas/members_copy.sql")
    assert code == 0, stdout
    assert (
        "schemas/members_copy.sql: members.mobile: accepted under schemas/members.sql "
        "(the same content as that file had when accepted)" in stderr
    )
    code, _, stderr = run("baseline", "update")
    assert "schemas/members_copy.sql: members.mobile: the reason accepted under " in stderr
    data = yaml.safe_load((repo / ".dataflow-baseline.yaml").read_text(encoding="utf-8"))
    files = {e["file"]: e["reason"] for e in data["accepted"]}
    assert files == {
        "schemas/members.sql": "support needs the mobile",
        "schemas/members_copy.sql": "support needs the mobile",
    }


def test_a_renamed_schema_whose_old_path_exists_again_keeps_its_reason(repo: Path) -> None:
    run("baseline", "update", "--reason", "support needs the mobile")
    (repo / "schemas" / "members.sql").rename(repo / "schemas" / "club.sql")
    # a new file at the old path, with the same column but other content
    (repo / "schemas" / "members.sql").write_text(DDL_WITH_EMAIL, encoding="utf-8")
    code, stdout, stderr = run("check", "schemas/club.sql")
    assert code == 0, stdout
    assert "schemas/club.sql: members.mobile: accepted under schemas/members.sql" in stderr
    code, stdout, _ = run("check", "schemas/members.sql")
    assert code == 1 and "members.email" in stdout  # the new file's own new column


def test_another_file_with_the_same_column_is_not_accepted(repo: Path) -> None:
    run("baseline", "update", "--reason", "reviewed")
    (repo / "schemas" / "other.sql").write_text(DDL_WITH_EMAIL, encoding="utf-8")
    code, stdout, stderr = run("check", "schemas/other.sql")
    assert code == 1
    assert "members.mobile" in stdout and "accepted under" not in stderr


def _git(repo: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org"}
    env |= {"GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=env)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_git_rename_detection_carries_an_edited_renamed_file(repo: Path) -> None:
    (repo / ".git").rmdir()
    _git(repo, "init", "-q")
    run("baseline", "update", "--reason", "support needs the mobile")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "schemas")
    _git(repo, "mv", "schemas/members.sql", "schemas/club.sql")
    club = repo / "schemas" / "club.sql"
    club.write_text("-- moved to the club schema\n" + DDL, encoding="utf-8")  # other bytes
    (repo / "schemas" / "members.sql").write_text(DDL_WITH_EMAIL, encoding="utf-8")
    code, stdout, stderr = run("check", "schemas/club.sql")
    assert code == 0, stdout
    assert (
        "schemas/club.sql: members.mobile: accepted under schemas/members.sql "
        "(renamed from it, as git reports)" in stderr
    )
    code, _, stderr = run("check", "schemas/club.sql", "--lang", "zh")
    assert "据 git，由该文件重命名而来" in stderr
